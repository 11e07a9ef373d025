/**
 * Cases the fuzz harness (test/fuzz) found, kept as regression tests. Each names the seed and index
 * that found it (`npm run fuzz -- --seed S --case I` rebuilds the document).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closestNames, editDistance } from '../../server/src/rules/util/attribute-names';
import { closestValue } from '../../server/src/rules/util/oauth-values';
import { analyse } from '../../server/src/service';

describe('fuzz regressions', () => {
  it('seed 1 index 80: a 250,000-character value in an attribute list is analysed in well under a second, not 47 s', () => {
    // The attribute rules suggested the closest standard name with a full edit-distance table per
    // candidate: 250,000 x 30 cells each, most of the time in allocation and GC.
    const huge = '${'.repeat(125_000);
    const text = JSON.stringify({ resource: { aws_cognito_user_pool_client: { c: { name: 'c', user_pool_id: 'p', read_attributes: [huge, 'emial'] } } } }, null, 2);
    const started = performance.now();
    const analysis = analyse({ uri: 'file:///w/main.tf.json', languageId: 'json', text });
    const ms = performance.now() - started;
    assert.ok(analysis);
    assert.ok(analysis.findings.some((f) => f.ruleId === 'unknown-attribute'), 'still flags the odd names');
    assert.ok(ms < 5000, `took ${Math.round(ms)} ms`);
  });

  it('edit distances keep their values with three rows instead of a table', () => {
    assert.equal(editDistance('emial', 'email'), 1); // a transposition
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('abc', ''), 3);
    assert.equal(editDistance('ca', 'abc'), 3);
    assert.deepEqual(closestNames('emial', ['email', 'name']), [{ value: 'email', exact: false }]);
    // A name far longer than any candidate is never close (and costs no table).
    assert.deepEqual(closestNames('e'.repeat(200_000), ['email', 'name']), []);
    assert.equal(closestValue('c'.repeat(200_000), ['code', 'implicit']), undefined);
    assert.deepEqual(closestValue('cde', ['code', 'implicit']), { value: 'code', caseOnly: false });
  });
});
