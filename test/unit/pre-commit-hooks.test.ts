/**
 * .pre-commit-hooks.yaml: the hooks run the package's own command through pre-commit's node
 * language, and their file pattern takes every surface (YAML, JSON, .template, Terraform, code)
 * and nothing else. The hooks themselves run under the real pre-commit in .ci/packages.sh.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';

const ROOT = resolve(__dirname, '..', '..', '..');

interface Hook {
  id: string;
  name: string;
  entry: string;
  language: string;
  files: string;
}

const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const bins = Object.keys((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin);

/** The hook's pattern as pre-commit (Python `re.search`) applies it; `(?i)` becomes the i flag. */
function pattern(hook: Hook): RegExp {
  const caseless = hook.files.startsWith('(?i)');
  return new RegExp(caseless ? hook.files.slice(4) : hook.files, caseless ? 'i' : '');
}

describe('.pre-commit-hooks.yaml', () => {
  it('has the lint and the fix hook, both running the installed command with language: node', () => {
    assert.deepEqual(hooks.map((h) => h.id), ['cognito-client-lint', 'cognito-client-fix']);
    for (const hook of hooks) {
      assert.equal(hook.language, 'node');
      assert.ok(bins.includes(hook.entry.split(' ')[0]), hook.entry);
    }
    assert.equal(hooks[0].entry, 'cognito-client-lint');
    assert.equal(hooks[1].entry, 'cognito-client-lint --fix');
  });

  it('takes YAML, JSON, templates, Terraform and code files, and nothing else', () => {
    const taken = ['a.yaml', 'b.yml', 'C.YAML', 'cdk.out/x.template.json', 'd.json', 'e.jsonc', 'f.template', 'main.tf', 'main.tf.json', 'app.ts', 'app.tsx', 'app.mts', 'app.js', 'app.mjs', 'app.cjs', 'app.jsx', 'deploy.py'];
    const left = ['README.md', 'logo.png', 'Dockerfile', 'x.jsonl', 'x.yaml.bak', 'types.d.tsbuildinfo', 'script.sh', 'notes.txt', 'yaml'];
    for (const hook of hooks) {
      const re = pattern(hook);
      for (const file of taken) assert.ok(re.test(file), `${hook.id} takes ${file}`);
      for (const file of left) assert.ok(!re.test(file), `${hook.id} leaves ${file}`);
    }
  });
});
