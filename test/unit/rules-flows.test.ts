/**
 * The authentication-flow rules: auth-flows-mixed-legacy, auth-flows-legacy,
 * auth-flows-missing-refresh, auth-flows-refresh-with-rotation, auth-flows-password-in-transit,
 * client-token-auth-exclusive. Every case runs over every surface renderer.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { propertySchema } from '../../server/src/schema';
import type { Finding } from '../../server/src/rules/types';
import {
  CLIENT_TOKEN_FLOW,
  flowEnum,
  legacyReplacements,
  PASSWORD_FLOW,
  REFRESH_FLOW,
  ROTATION_ENABLED,
  ROTATION_FEATURE_PATH,
  SRP_FLOW,
} from '../../server/src/rules/util/flow-values';
import { flagged, lintRendered, ruleTests } from '../support/harness';
import { renderers, type Scenario } from '../support/scenario';
import { corpusDir as corpusDirectory, corpusSkip, corpusTemplates } from '../support/corpus';

const rotationOn = { Feature: 'ENABLED', RetryGracePeriodSeconds: 10 };

ruleTests({
  rule: 'auth-flows-mixed-legacy',
  fires: [
    {
      name: 'a legacy name next to ALLOW_* names',
      scenario: { client: { ExplicitAuthFlows: ['ADMIN_NO_SRP_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] } },
      at: 'ADMIN_NO_SRP_AUTH',
      count: 1,
      severity: 'error',
    },
    {
      name: 'each legacy name is flagged',
      scenario: { client: { ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH', 'CUSTOM_AUTH_FLOW_ONLY', 'USER_PASSWORD_AUTH'] } },
      at: 'CUSTOM_AUTH_FLOW_ONLY',
      count: 2,
    },
    {
      name: 'known items still count when another item is unknown',
      scenario: { parameters: ['ExtraFlow'], client: { ExplicitAuthFlows: ['USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', { $ref: 'ExtraFlow' }] } },
      at: 'USER_PASSWORD_AUTH',
      count: 1,
    },
  ],
  clean: [
    { name: 'only ALLOW_* names', scenario: { client: { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] } } },
    { name: 'only legacy names', scenario: { client: { ExplicitAuthFlows: ['ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH'] } } },
    { name: 'no auth flows at all', scenario: { client: { ClientName: 'web' } } },
  ],
  unknown: [
    { name: 'the legacy-looking item is a parameter', scenario: { parameters: ['LegacyFlow'], client: { ExplicitAuthFlows: [{ $ref: 'LegacyFlow' }, 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] } } },
    { name: 'the whole list is a parameter', scenario: { parameters: ['Flows'], client: { ExplicitAuthFlows: { $ref: 'Flows' } } } },
    { name: 'the ALLOW_* item is a substitution', scenario: { client: { ExplicitAuthFlows: ['ADMIN_NO_SRP_AUTH', { $sub: 'ALLOW_${AWS::StackName}' }] } } },
  ],
});

ruleTests({
  rule: 'auth-flows-legacy',
  fires: [
    { name: 'one legacy name', scenario: { client: { ExplicitAuthFlows: ['ADMIN_NO_SRP_AUTH'] } }, at: 'ADMIN_NO_SRP_AUTH', count: 1, severity: 'warning' },
    { name: 'several legacy names', scenario: { client: { ExplicitAuthFlows: ['CUSTOM_AUTH_FLOW_ONLY', 'USER_PASSWORD_AUTH'] } }, at: 'USER_PASSWORD_AUTH', count: 2 },
    {
      name: 'a legacy name next to an unknown item is still deprecated',
      scenario: { parameters: ['ExtraFlow'], client: { ExplicitAuthFlows: ['CUSTOM_AUTH_FLOW_ONLY', { $ref: 'ExtraFlow' }] } },
      at: 'CUSTOM_AUTH_FLOW_ONLY',
      count: 1,
    },
  ],
  clean: [
    { name: 'ALLOW_* names', scenario: { client: { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] } } },
    { name: 'a mixed list is auth-flows-mixed-legacy\'s', scenario: { client: { ExplicitAuthFlows: ['ADMIN_NO_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] } } },
    { name: 'an empty list', scenario: { client: { ExplicitAuthFlows: [] } } },
  ],
  unknown: [
    { name: 'the only item is a parameter', scenario: { parameters: ['Flow'], client: { ExplicitAuthFlows: [{ $ref: 'Flow' }] } } },
    { name: 'the whole list is a parameter', scenario: { parameters: ['Flows'], client: { ExplicitAuthFlows: { $ref: 'Flows' } } } },
  ],
});

ruleTests({
  rule: 'auth-flows-missing-refresh',
  fires: [
    { name: 'ALLOW_* names without the refresh flow', scenario: { client: { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH'] } }, at: 'ExplicitAuthFlows', count: 1, severity: 'error' },
    {
      name: 'rotation written but disabled',
      scenario: { client: { RefreshTokenRotation: { Feature: 'DISABLED' }, ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'] } },
      at: 'ExplicitAuthFlows',
      count: 1,
    },
    {
      name: 'rotation block without Feature',
      scenario: { client: { RefreshTokenRotation: { RetryGracePeriodSeconds: 5 }, ExplicitAuthFlows: ['ALLOW_USER_AUTH'] } },
      at: 'ExplicitAuthFlows',
    },
  ],
  clean: [
    { name: 'refresh flow present', scenario: { client: { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] } } },
    { name: 'legacy-only list', scenario: { client: { ExplicitAuthFlows: ['ADMIN_NO_SRP_AUTH'] } } },
    { name: 'rotation enabled', scenario: { client: { RefreshTokenRotation: rotationOn, ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'] } } },
    { name: 'a machine-to-machine client', scenario: { client: { GenerateSecret: true, ExplicitAuthFlows: ['ALLOW_CLIENT_TOKEN_AUTH'] } } },
    { name: 'empty list', scenario: { client: { ExplicitAuthFlows: [] } } },
  ],
  unknown: [
    { name: 'an unknown item might be the refresh flow', scenario: { parameters: ['ExtraFlow'], client: { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', { $ref: 'ExtraFlow' }] } } },
    { name: 'rotation Feature is a parameter', scenario: { parameters: ['RotationFeature'], client: { RefreshTokenRotation: { Feature: { $ref: 'RotationFeature' } }, ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'] } } },
    { name: 'the whole rotation block is a parameter', scenario: { parameters: ['Rotation'], client: { RefreshTokenRotation: { $ref: 'Rotation' }, ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'] } } },
    { name: 'the whole list is a parameter', scenario: { parameters: ['Flows'], client: { ExplicitAuthFlows: { $ref: 'Flows' } } } },
  ],
});

ruleTests({
  rule: 'auth-flows-refresh-with-rotation',
  fires: [
    {
      name: 'rotation enabled and the refresh flow listed',
      scenario: { client: { RefreshTokenRotation: rotationOn, ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] } },
      at: 'ALLOW_REFRESH_TOKEN_AUTH',
      count: 1,
      severity: 'error',
    },
  ],
  clean: [
    { name: 'rotation enabled without the refresh flow', scenario: { client: { RefreshTokenRotation: rotationOn, ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'] } } },
    { name: 'rotation disabled with the refresh flow', scenario: { client: { RefreshTokenRotation: { Feature: 'DISABLED' }, ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] } } },
    { name: 'no rotation block', scenario: { client: { ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'] } } },
  ],
  unknown: [
    { name: 'Feature is a parameter', scenario: { parameters: ['RotationFeature'], client: { RefreshTokenRotation: { Feature: { $ref: 'RotationFeature' } }, ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] } } },
    { name: 'the flow is a parameter', scenario: { parameters: ['Flow'], client: { RefreshTokenRotation: rotationOn, ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', { $ref: 'Flow' }] } } },
  ],
});

ruleTests({
  rule: 'auth-flows-password-in-transit',
  fires: [
    {
      name: 'ALLOW_USER_PASSWORD_AUTH',
      scenario: { client: { ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] } },
      at: 'ALLOW_USER_PASSWORD_AUTH',
      count: 1,
      severity: 'info',
    },
    { name: 'the legacy USER_PASSWORD_AUTH', scenario: { client: { ExplicitAuthFlows: ['USER_PASSWORD_AUTH'] } }, at: 'USER_PASSWORD_AUTH', count: 1, severity: 'info' },
  ],
  clean: [
    { name: 'SRP only', scenario: { client: { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] } } },
    { name: 'admin password flow is server-side', scenario: { client: { ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] } } },
  ],
  unknown: [
    { name: 'the flow is a substitution', scenario: { client: { ExplicitAuthFlows: [{ $sub: 'ALLOW_${AWS::StackName}_AUTH' }, 'ALLOW_REFRESH_TOKEN_AUTH'] } } },
    { name: 'the whole list is a parameter', scenario: { parameters: ['Flows'], client: { ExplicitAuthFlows: { $ref: 'Flows' } } } },
  ],
});

ruleTests({
  rule: 'client-token-auth-exclusive',
  fires: [
    {
      name: 'another flow next to ALLOW_CLIENT_TOKEN_AUTH',
      scenario: { client: { GenerateSecret: true, ExplicitAuthFlows: ['ALLOW_CLIENT_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH'] } },
      at: 'ALLOW_USER_SRP_AUTH',
      count: 1,
      severity: 'error',
    },
    {
      name: 'no secret',
      scenario: { client: { GenerateSecret: false, ExplicitAuthFlows: ['ALLOW_CLIENT_TOKEN_AUTH'] } },
      at: 'ALLOW_CLIENT_TOKEN_AUTH',
      count: 1,
    },
    { name: 'secret absent', scenario: { client: { ExplicitAuthFlows: ['ALLOW_CLIENT_TOKEN_AUTH'] } }, at: 'ALLOW_CLIENT_TOKEN_AUTH', count: 1 },
  ],
  clean: [
    { name: 'alone, with a secret', scenario: { client: { GenerateSecret: true, ExplicitAuthFlows: ['ALLOW_CLIENT_TOKEN_AUTH'] } } },
    { name: 'the deployment engine reads "true" as true', scenario: { client: { GenerateSecret: 'true', ExplicitAuthFlows: ['ALLOW_CLIENT_TOKEN_AUTH'] } } },
    { name: 'user flows without client token auth', scenario: { client: { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] } } },
  ],
  unknown: [
    { name: 'GenerateSecret is a parameter', scenario: { parameters: ['MakeSecret'], client: { GenerateSecret: { $ref: 'MakeSecret' }, ExplicitAuthFlows: ['ALLOW_CLIENT_TOKEN_AUTH'] } } },
    { name: 'the other item is a parameter', scenario: { parameters: ['Other'], client: { GenerateSecret: true, ExplicitAuthFlows: ['ALLOW_CLIENT_TOKEN_AUTH', { $ref: 'Other' }] } } },
  ],
});

/** Findings of one rule for a scenario, per renderer. */
function findingsFor(scenario: Scenario, rule: string): { renderer: string; findings: Finding[] }[] {
  return renderers.map((r) => ({ renderer: r.id, findings: lintRendered(r.render(scenario)).findings.filter((f) => f.ruleId === rule) }));
}

describe('auth flow values come from the schema', () => {
  it('the enum marks the three legacy names with their replacements', () => {
    assert.deepEqual(
      Object.fromEntries(legacyReplacements()),
      { ADMIN_NO_SRP_AUTH: 'ALLOW_ADMIN_USER_PASSWORD_AUTH', CUSTOM_AUTH_FLOW_ONLY: 'ALLOW_CUSTOM_AUTH', USER_PASSWORD_AUTH: 'ALLOW_USER_PASSWORD_AUTH' },
    );
  });
  it('every flow value the rules name is a current value of the enum', () => {
    const current = flowEnum().filter((e) => !e.deprecated).map((e) => e.value);
    for (const v of [REFRESH_FLOW, PASSWORD_FLOW, SRP_FLOW, CLIENT_TOKEN_FLOW]) assert.ok(current.includes(v), `${v} in the ExplicitAuthFlows enum`);
  });
  it('the rotation switch value is in its enum', () => {
    const values = (propertySchema(ROTATION_FEATURE_PATH)?.enum ?? []).map((e) => e.value);
    assert.ok(values.includes(ROTATION_ENABLED), `${ROTATION_ENABLED} in ${values.join(', ')}`);
  });
});

describe('auth flow fixes', () => {
  it('auth-flows-legacy converts every legacy name and adds the refresh flow', () => {
    for (const { renderer, findings } of findingsFor({ client: { ExplicitAuthFlows: ['ADMIN_NO_SRP_AUTH', 'CUSTOM_AUTH_FLOW_ONLY'] } }, 'auth-flows-legacy')) {
      assert.equal(findings.length, 2, renderer);
      const [fix] = findings[0].fixes ?? [];
      assert.deepEqual(fix.changes, [
        { kind: 'replaceItem', path: ['ExplicitAuthFlows'], index: 0, value: 'ALLOW_ADMIN_USER_PASSWORD_AUTH' },
        { kind: 'replaceItem', path: ['ExplicitAuthFlows'], index: 1, value: 'ALLOW_CUSTOM_AUTH' },
        { kind: 'addItem', path: ['ExplicitAuthFlows'], value: 'ALLOW_REFRESH_TOKEN_AUTH' },
      ], renderer);
      assert.equal(fix.unambiguous, true);
      assert.equal(fix.isPreferred, true);
    }
  });

  it('auth-flows-legacy does not add the refresh flow when rotation is on, nor decide when rotation is unknown', () => {
    for (const { findings } of findingsFor({ client: { RefreshTokenRotation: rotationOn, ExplicitAuthFlows: ['USER_PASSWORD_AUTH'] } }, 'auth-flows-legacy')) {
      assert.deepEqual(findings[0].fixes?.[0].changes, [{ kind: 'replaceItem', path: ['ExplicitAuthFlows'], index: 0, value: 'ALLOW_USER_PASSWORD_AUTH' }]);
    }
    const unknownRotation: Scenario = { parameters: ['F'], client: { RefreshTokenRotation: { Feature: { $ref: 'F' } }, ExplicitAuthFlows: ['USER_PASSWORD_AUTH'] } };
    for (const { findings } of findingsFor(unknownRotation, 'auth-flows-legacy')) {
      const fix = findings[0].fixes?.[0];
      assert.equal(fix?.changes.length, 1);
      assert.notEqual(fix?.unambiguous, true);
    }
  });

  it('auth-flows-mixed-legacy removes a legacy name whose replacement is already listed', () => {
    const scenario: Scenario = { client: { ExplicitAuthFlows: ['USER_PASSWORD_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] } };
    for (const { renderer, findings } of findingsFor(scenario, 'auth-flows-mixed-legacy')) {
      assert.equal(findings.length, 2, renderer);
      assert.deepEqual(findings[0].fixes?.[0].changes, [
        { kind: 'removeItem', path: ['ExplicitAuthFlows'], index: 0 },
        { kind: 'replaceItem', path: ['ExplicitAuthFlows'], index: 2, value: 'ALLOW_ADMIN_USER_PASSWORD_AUTH' },
      ], renderer);
    }
  });

  it('auth-flows-missing-refresh adds the refresh flow; refresh-with-rotation removes it', () => {
    for (const { findings } of findingsFor({ client: { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'] } }, 'auth-flows-missing-refresh')) {
      assert.deepEqual(findings[0].fixes, [{ title: 'Add ALLOW_REFRESH_TOKEN_AUTH', changes: [{ kind: 'addItem', path: ['ExplicitAuthFlows'], value: 'ALLOW_REFRESH_TOKEN_AUTH' }], isPreferred: true, unambiguous: true }]);
    }
    const rotating: Scenario = { client: { RefreshTokenRotation: rotationOn, ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH'] } };
    for (const { findings } of findingsFor(rotating, 'auth-flows-refresh-with-rotation')) {
      assert.deepEqual(findings[0].fixes?.[0].changes, [{ kind: 'removeItem', path: ['ExplicitAuthFlows'], index: 0 }]);
    }
  });

  it('auth-flows-password-in-transit offers SRP, or removal when SRP is already there; none on a legacy name', () => {
    for (const { findings } of findingsFor({ client: { ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_PASSWORD_AUTH'] } }, 'auth-flows-password-in-transit')) {
      assert.deepEqual(findings[0].fixes?.[0].changes, [{ kind: 'replaceItem', path: ['ExplicitAuthFlows'], index: 1, value: 'ALLOW_USER_SRP_AUTH' }]);
      assert.notEqual(findings[0].fixes?.[0].unambiguous, true, 'changing how users sign in is a choice');
    }
    for (const { findings } of findingsFor({ client: { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] } }, 'auth-flows-password-in-transit')) {
      assert.deepEqual(findings[0].fixes?.[0].changes, [{ kind: 'removeItem', path: ['ExplicitAuthFlows'], index: 1 }]);
    }
    for (const { findings } of findingsFor({ client: { ExplicitAuthFlows: ['USER_PASSWORD_AUTH'] } }, 'auth-flows-password-in-transit')) {
      assert.equal(findings[0].fixes, undefined);
    }
  });

  it('client-token-auth-exclusive removes the other flows, or sets GenerateSecret', () => {
    const scenario: Scenario = { client: { GenerateSecret: true, ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_CLIENT_TOKEN_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] } };
    for (const { renderer, findings } of findingsFor(scenario, 'client-token-auth-exclusive')) {
      assert.equal(findings.length, 2, renderer);
      assert.deepEqual(findings[0].fixes?.[0].changes, [
        { kind: 'removeItem', path: ['ExplicitAuthFlows'], index: 0 },
        { kind: 'removeItem', path: ['ExplicitAuthFlows'], index: 2 },
      ]);
      assert.equal(findings[0].fixes?.[0].isPreferred, true);
    }
    for (const { findings } of findingsFor({ client: { ExplicitAuthFlows: ['ALLOW_CLIENT_TOKEN_AUTH'] } }, 'client-token-auth-exclusive')) {
      const fix = findings[0].fixes?.[0];
      assert.deepEqual(fix?.changes, [{ kind: 'set', path: ['GenerateSecret'], value: true }]);
      assert.match(fix?.title ?? '', /replaces/);
    }
  });
});

const corpusDir = corpusDirectory();
const errorRules = ['auth-flows-mixed-legacy', 'auth-flows-missing-refresh', 'auth-flows-refresh-with-rotation', 'client-token-auth-exclusive'];

describe('corpus: real templates', () => {
  it('no auth flow error on templates that deploy', (t) => {
    const { templates, skip } = corpusTemplates();
    if (skip) return t.skip(skip);
    for (const template of templates) {
      const doc = { fileName: template.fileName, languageId: template.languageId, text: template.text };
      const { findings } = lintRendered(doc);
      const errors = findings.filter((f) => errorRules.includes(f.ruleId));
      assert.deepEqual(errors.map((f) => `${f.ruleId}@${flagged(doc, f)}`), [], template.label);
    }
    assert.ok(templates.length > 0, 'linted some templates');
  });

  it('a legacy-only list is reported as deprecated (cloudformation-json/011)', (t) => {
    const file = path.join(corpusDir, 'cloudformation-json/011-mobile-notes-cognito.json');
    const skip = corpusSkip(file);
    if (skip) return t.skip(skip);
    const doc = { fileName: path.basename(file), languageId: 'json', text: fs.readFileSync(file, 'utf8') };
    const legacy = lintRendered(doc).findings.filter((f) => f.ruleId === 'auth-flows-legacy');
    assert.deepEqual(legacy.map((f) => flagged(doc, f)), ['"ADMIN_NO_SRP_AUTH"']);
  });
});
