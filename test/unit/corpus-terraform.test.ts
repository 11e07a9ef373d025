/**
 * The Terraform corpus (HCL and its JSON twins, written by other people) as a regression suite:
 * every file reads without a problem, every client is found (counted here without the readers: a
 * regex over the HCL, a JSON.parse walk over the JSON), the real misconfigurations are found, no
 * other error is reported, and the HCL file and its JSON twin get the same findings.
 *
 * Each corpus file is one file of a module whose other files are not in the corpus, so it is read
 * without siblings: the module is then not complete, and "not declared here" is never concluded.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { before, describe, it } from 'node:test';
import { analyse, type Analysis } from '../../server/src/service';
import { loadGrammar } from '../../server/src/surfaces/tree-sitter';
import { corpusFiles } from '../support/corpus';

/** Error findings each file must have (and may have), by file number: rule id → count. */
const ERRORS: Record<string, Record<string, number>> = {
  // A scaffold with every argument at its zero value: 0 lifetimes, empty strings, empty blocks.
  '006': {
    'out-of-range': 3,
    'invalid-length': 3,
    'invalid-enum-value': 1,
    'refresh-token-validity-zero': 1,
    'analytics-target': 1,
    'missing-required': 1,
  },
  // explicit_auth_flows = ["ALLOW_CUSTOM_AUTH"] with no refresh flow, and a client_credentials
  // client asking for aws.cognito.signin.user.admin.
  '015': { 'auth-flows-missing-refresh': 1, 'client-credentials-custom-scopes-only': 1 },
  // client_credentials with aws.cognito.signin.user.admin.
  '017': { 'client-credentials-custom-scopes-only': 1 },
};

/** Warnings that must be found, by file number: rule id → minimum count. */
const WARNINGS: Record<string, Record<string, number>> = {
  // OAuth scopes and callbacks set while allowed_oauth_flows_user_pool_client is not true.
  '001': { 'oauth-requires-enabled-flag': 1 },
  '016': { 'oauth-requires-enabled-flag': 1 },
  '002': { 'implicit-flow-discouraged': 1 },
  '003': { 'implicit-flow-discouraged': 1 },
  // ADMIN_NO_SRP_AUTH, USER_PASSWORD_AUTH: the deprecated names.
  '004': { 'auth-flows-legacy': 2, 'implicit-flow-discouraged': 1 },
  '006': { 'token-revocation-disabled': 1 },
  '007': { 'implicit-flow-discouraged': 1 },
  '008': { 'implicit-flow-discouraged': 1 },
  '009': { 'implicit-flow-discouraged': 1 },
  '013': { 'implicit-flow-discouraged': 1 },
};

function counted(analysis: Analysis, severity: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of analysis.findings) if (f.severity === severity) out[f.ruleId] = (out[f.ruleId] ?? 0) + 1;
  return out;
}

/** Client resources in a `.tf.json` document, found by walking the parsed JSON. */
function jsonClients(value: unknown): number {
  let n = 0;
  const visitResources = (resource: unknown): void => {
    if (Array.isArray(resource)) return resource.forEach(visitResources);
    if (!resource || typeof resource !== 'object') return;
    for (const [type, byName] of Object.entries(resource)) {
      if (type !== 'aws_cognito_user_pool_client' && type !== 'aws_cognito_managed_user_pool_client') continue;
      const entries = Array.isArray(byName) ? byName : [byName];
      for (const e of entries) n += e && typeof e === 'object' ? Object.keys(e).filter((k) => k !== '//').length : 0;
    }
  };
  const roots = Array.isArray(value) ? value : [value];
  for (const root of roots) if (root && typeof root === 'object' && 'resource' in root) visitResources((root as { resource: unknown }).resource);
  return n;
}

const results = new Map<string, Analysis>();

before(async () => {
  assert.ok(await loadGrammar('terraform'));
});

for (const section of ['terraform-hcl', 'terraform-json']) {
  describe(`corpus ${section}`, () => {
    const { files, skip } = corpusFiles(section);
    if (skip) {
      it('corpus present', (t) => t.skip(skip));
      return;
    }
    it('has files', () => assert.ok(files.length >= 10));
    for (const file of files) {
      const key = basename(file).slice(0, 3);
      it(basename(file), () => {
        const text = readFileSync(file, 'utf8');
        const json = section === 'terraform-json';
        const analysis = analyse({ uri: 'file://' + file, languageId: json ? 'json' : 'terraform', text });
        assert.ok(analysis, 'a Terraform surface reads it');
        assert.equal(analysis.surface.kind, 'terraform');
        assert.deepEqual(analysis.model.problems, [], 'reads without problems');
        const expected = json ? jsonClients(JSON.parse(text)) : [...text.matchAll(/^\s*resource\s+"?aws_cognito_(?:managed_)?user_pool_client"?\s+"?[\w-]+"?\s*\{/gm)].length;
        assert.ok(expected > 0);
        assert.equal(analysis.model.clients.length, expected, 'every client found');
        assert.deepEqual(counted(analysis, 'error'), ERRORS[key] ?? {}, 'errors: exactly the real misconfigurations');
        const warnings = counted(analysis, 'warning');
        for (const [rule, min] of Object.entries(WARNINGS[key] ?? {})) assert.ok((warnings[rule] ?? 0) >= min, `${rule} x${min} in ${JSON.stringify(warnings)}`);
        results.set(`${section}/${key}`, analysis);
      });
    }
    if (section === 'terraform-json') {
      it('gives each HCL file and its JSON twin the same findings', (t) => {
        const pairs = [...results.keys()].filter((k) => k.startsWith('terraform-json/')).map((k) => k.slice('terraform-json/'.length));
        if (pairs.length === 0) return t.skip('no twins read');
        for (const key of pairs) {
          const hcl = results.get(`terraform-hcl/${key}`);
          if (!hcl) continue;
          const all = (a: Analysis) => a.findings.map((f) => `${f.ruleId}:${f.severity}`).sort();
          assert.deepEqual(all(results.get(`terraform-json/${key}`)!), all(hcl), key);
        }
      });
    }
  });
}
