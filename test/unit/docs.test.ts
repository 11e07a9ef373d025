/** The README's rule list and docs/rules.md match the rules in the code and the rule catalogue. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { rules } from '../../server/src/rules';
import { readmeWithTable, repoRoot, rulesDoc } from '../support/rule-docs';
import { corpusDir } from '../support/corpus';

describe('rule documentation', () => {
  it('README rule table is current (run `npm run docs`)', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    assert.equal(readme, readmeWithTable(readme));
  });

  it('docs/rules.md is current (run `npm run docs`)', () => {
    assert.equal(readFileSync(join(repoRoot, 'docs', 'rules.md'), 'utf8'), rulesDoc());
  });

  it('rule ids are unique, each rule lives in a file named by its id, and has a description', () => {
    const ids = rules.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const r of rules) {
      assert.ok(existsSync(join(repoRoot, 'server', 'src', 'rules', `${r.id}.ts`)), `server/src/rules/${r.id}.ts`);
      assert.ok(r.description.length > 20, r.id);
    }
  });

  it('every rule of the catalogue exists in the code (except the SDK-only one)', (t) => {
    const catalogue = join(corpusDir(), '..', 'reference', 'rules.md');
    if (!existsSync(catalogue)) return t.skip(`rule catalogue not found at ${catalogue}`);
    const text = readFileSync(catalogue, 'utf8');
    const ids = [...text.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]);
    assert.ok(ids.length >= 40, `catalogue parsed: ${ids.length} ids`);
    const sdkOnly = new Set(['update-resets-omitted']);
    const missing = ids.filter((id) => !sdkOnly.has(id) && !rules.some((r) => r.id === id));
    assert.deepEqual(missing, []);
  });
});
