/**
 * The real-world corpus as a regression suite for the whole engine: every template is read
 * without a crash, the real misconfigurations it contains are found, and nothing else is an
 * error (every error-severity finding below was checked by hand against the facts).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, it } from 'node:test';
import { analyse } from '../../server/src/service';
import { corpusFiles } from '../support/corpus';

/** Findings that must appear, by file number within its section: rule id → minimum count. */
const mustFind: Record<string, Record<string, number>> = {
  'cloudformation-yaml/002': { 'implicit-flow-discouraged': 1 },
  'cloudformation-yaml/007': { 'implicit-flow-discouraged': 1 },
  'cloudformation-yaml/008': { 'oauth-requires-enabled-flag': 1 },
  'cloudformation-yaml/009': { 'implicit-flow-discouraged': 1 },
  'cloudformation-yaml/010': { 'implicit-flow-discouraged': 1 },
  // `ClientId: !Ref ClientName` written as a property: ClientId is an output.
  'cloudformation-yaml/011': { 'read-only-property': 1 },
  // code + implicit; users may write their own custom:tenantId and custom:userRole claims.
  'cloudformation-yaml/017': { 'implicit-flow-discouraged': 2, 'privileged-attribute-writable': 2 },
  'cloudformation-yaml/024': { 'implicit-flow-discouraged': 1 },
  'cloudformation-yaml/025': { 'implicit-flow-discouraged': 1 },
  // SupportedIdentityProviders names AmazonFederate; the template's provider is MyProvider.
  'cloudformation-yaml/026': { 'identity-provider-undeclared': 1 },
  // OAuth flags missing, implicit, and the client secret exported as a stack output.
  'cloudformation-yaml/028': { 'oauth-requires-enabled-flag': 1, 'implicit-flow-discouraged': 1, 'client-secret-output': 1 },
  // CDK's default client: implicit + code.
  'cloudformation-json/002': { 'implicit-flow-discouraged': 1 },
  'cloudformation-json/003': { 'implicit-flow-discouraged': 1 },
  'cloudformation-json/004': { 'implicit-flow-discouraged': 1 },
  'cloudformation-json/005': { 'implicit-flow-discouraged': 1 },
  'cloudformation-json/006': { 'identity-provider-undeclared': 1 },
  'cloudformation-json/007': { 'implicit-flow-discouraged': 1 },
  'cloudformation-json/009': { 'implicit-flow-discouraged': 1 },
  'cloudformation-json/010': { 'implicit-flow-discouraged': 1 },
  'cloudformation-json/011': { 'auth-flows-legacy': 1 },
  // `[CELL_ID]UserPoolClient`: brackets are outside the ClientName pattern (a placeholder the
  // author substitutes before deploying; as written, Cognito rejects it).
  'cloudformation-json/012': { 'invalid-pattern': 1 },
};

/** The only error-severity findings the corpus may produce (everything else there is valid). */
const allowedErrors: Record<string, string[]> = {
  'cloudformation-yaml/011': ['read-only-property'],
  'cloudformation-json/012': ['invalid-pattern'],
};

for (const section of ['cloudformation-yaml', 'cloudformation-json']) {
  describe(`corpus ${section}: rules`, () => {
    const { files, skip } = corpusFiles(section);
    if (skip) {
      it('corpus present', (t) => t.skip(skip));
      return;
    }
    it('has files', () => assert.ok(files.length > 5));
    for (const file of files) {
      const key = `${section}/${basename(file).slice(0, 3)}`;
      it(basename(file), () => {
        const text = readFileSync(file, 'utf8');
        const analysis = analyse({ uri: 'file://' + file, languageId: section.endsWith('json') ? 'json' : 'yaml', text });
        assert.ok(analysis, 'a surface reads it');
        assert.ok(analysis.model.clients.length > 0, 'clients found');
        const counts = new Map<string, number>();
        for (const f of analysis.findings) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
        for (const [rule, min] of Object.entries(mustFind[key] ?? {})) {
          assert.ok((counts.get(rule) ?? 0) >= min, `${key}: expected ${rule} x${min}, got ${JSON.stringify([...counts])}`);
        }
        const errors = analysis.findings.filter((f) => f.severity === 'error' && !(allowedErrors[key] ?? []).includes(f.ruleId));
        assert.deepEqual(errors.map((e) => `${e.ruleId}: ${e.message}`), [], `${key}: unexpected errors`);
      });
    }
  });
}
