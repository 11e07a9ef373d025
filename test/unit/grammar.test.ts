/** The injection grammar that highlights suppression directives in comments. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../support/rule-docs';

const grammarPath = join(repoRoot, 'syntaxes', 'cognito-client-directives.injection.json');

describe('directive grammar', () => {
  const grammar = JSON.parse(readFileSync(grammarPath, 'utf8'));
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));

  it('is contributed by the manifest under its own scope name', () => {
    const entry = manifest.contributes.grammars.find((g: { scopeName: string }) => g.scopeName === grammar.scopeName);
    assert.ok(entry, 'package.json contributes the grammar');
    assert.equal(join(repoRoot, entry.path), grammarPath);
    assert.ok(entry.injectTo.includes('source.yaml'));
  });

  it('matches directives and their rule ids (the pattern is also valid JavaScript)', () => {
    const re = new RegExp(grammar.patterns[0].match);
    const next = re.exec('# cognito-client-disable-next-line implicit-flow-discouraged, scope-requires-openid');
    assert.ok(next);
    assert.equal(next[1], 'cognito-client-disable-next-line');
    assert.match(next[2], /implicit-flow-discouraged, scope-requires-openid/);
    const file = re.exec('# cognito-client-disable');
    assert.equal(file?.[1], 'cognito-client-disable');
    assert.equal(re.exec('# cognito-client-disabled-feature'), null);
  });
});
