/**
 * The secret, security posture and analytics rules: context-data-requires-secret,
 * client-secret-conflict, user-existence-errors-legacy, token-revocation-disabled,
 * analytics-target; and `hasSecret`, which the client_credentials rules share.
 *
 * Template cases run over every surface renderer. What only API calls can express (a
 * `ClientSecret` input, create versus update, spread arguments) is tested on definitions built
 * here directly, since the scenarios describe declarative resources.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyFileContext, type ClientDefinition, type LocatedProperty, type LocatedValue, type Operation, type Spelling, type SurfaceKind } from '../../server/src/model';
import { UNKNOWN } from '../../server/src/model/values';
import { canonicalName } from '../../server/src/schema';
import { rule as analyticsTarget } from '../../server/src/rules/analytics-target';
import { rule as clientCredentialsRequiresSecret } from '../../server/src/rules/client-credentials-requires-secret';
import { rule as clientSecretConflict } from '../../server/src/rules/client-secret-conflict';
import { rule as contextDataRequiresSecret } from '../../server/src/rules/context-data-requires-secret';
import { defaultSeverity } from '../../server/src/rules/engine';
import type { Finding, Rule, RuleFinding } from '../../server/src/rules/types';
import { rule as userExistenceErrorsLegacy } from '../../server/src/rules/user-existence-errors-legacy';
import { hasSecret } from '../../server/src/rules/util/secret';
import { flagged, lintRendered, ruleTests } from '../support/harness';
import { renderers, type Scenario } from '../support/scenario';

// ---------- API call definitions built directly ----------

/** A value in a built call: JSON, a value that cannot be known (`{ $unknown: 'text' }`). */
type CallValue = null | boolean | number | string | CallValue[] | { [key: string]: CallValue } | { $unknown: string };

function isUnknownMarker(v: CallValue): v is { $unknown: string } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && '$unknown' in v;
}

/**
 * An SDK call definition with real spans into a JSON-like text: `CreateUserPoolClientCommand({...})`.
 * A key starting with `...` is a spread (its value should be an unknown marker).
 */
function apiCall(operation: Operation, props: Record<string, CallValue>, options: { surface?: SurfaceKind; spelling?: Spelling } = {}): { text: string; def: ClientDefinition } {
  const surface = options.surface ?? 'sdk';
  const spelling = options.spelling ?? 'api';
  const command = operation === 'update' ? 'UpdateUserPoolClientCommand' : 'CreateUserPoolClientCommand';
  let text = command + '(';

  function emit(v: CallValue, parentPath: string[]): LocatedValue {
    const start = text.length;
    const span = () => ({ start, end: text.length });
    if (isUnknownMarker(v)) {
      text += v.$unknown;
      return { kind: 'unknown', reason: v.$unknown, span: span() };
    }
    if (v === null) {
      text += 'null';
      return { kind: 'null', span: span() };
    }
    if (typeof v === 'string') {
      text += JSON.stringify(v);
      return { kind: 'string', value: v, quoted: true, span: span() };
    }
    if (typeof v === 'number') {
      text += String(v);
      return { kind: 'number', value: v, raw: String(v), span: span() };
    }
    if (typeof v === 'boolean') {
      text += String(v);
      return { kind: 'boolean', value: v, span: span() };
    }
    if (Array.isArray(v)) {
      text += '[';
      const items = v.map((item, i) => {
        if (i > 0) text += ', ';
        return emit(item, parentPath);
      });
      text += ']';
      return { kind: 'list', items, span: span() };
    }
    text += '{ ';
    const members: LocatedProperty[] = Object.entries(v).map(([key, value], i) => {
      if (i > 0) text += ', ';
      const keyStart = text.length;
      text += key;
      const keySpan = { start: keyStart, end: text.length };
      const spread = key.startsWith('...');
      const canonical = spread ? undefined : canonicalName(key, spelling, parentPath);
      if (!spread) text += ': ';
      const located: LocatedValue = spread ? { kind: 'unknown', reason: key, span: keySpan } : emit(value, [...parentPath, canonical ?? key]);
      return { name: key, canonical, keySpan, value: located, span: { start: keyStart, end: text.length } };
    });
    text += ' }';
    return { kind: 'object', members, span: span() };
  }

  const body = emit(props, []);
  text += ')';
  assert.ok(body.kind === 'object');
  const properties = new Map<string, LocatedProperty>();
  for (const m of body.members) if (m.canonical && !properties.has(m.canonical)) properties.set(m.canonical, m);
  const def: ClientDefinition = {
    surface,
    spelling,
    operation,
    name: command,
    span: { start: 0, end: text.length },
    nameSpan: { start: 0, end: command.length },
    body,
    properties,
    dependsOn: [],
    references: new Set(),
  };
  return { text, def };
}

function check(rule: Rule, built: { def: ClientDefinition }): RuleFinding[] {
  return rule.check(built.def, { file: emptyFileContext(), spelling: built.def.spelling, surface: built.def.surface });
}

function text(built: { text: string }, f: RuleFinding): string {
  return built.text.slice(f.span.start, f.span.end);
}

const POOL = 'us-east-1_Abc123';
const SECRET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** The findings of one rule for a scenario, per renderer, with the rendered document. */
function eachOnly(scenario: Scenario, ruleId: string, checkOne: (f: Finding, flaggedText: string) => void): void {
  for (const r of renderers) {
    const doc = r.render(scenario);
    const mine = lintRendered(doc).findings.filter((f) => f.ruleId === ruleId);
    assert.equal(mine.length, 1, `${r.id}: expected one ${ruleId}, got ${mine.length}`);
    checkOne(mine[0], flagged(doc, mine[0]));
  }
}

// ---------- context-data-requires-secret ----------

ruleTests({
  rule: 'context-data-requires-secret',
  fires: [
    { name: 'GenerateSecret is false in one case of a conditional', scenario: { conditions: ['Prod'], client: { GenerateSecret: { $if: ['Prod', true, false] }, EnablePropagateAdditionalUserContextData: true } } },
    { name: 'context data without GenerateSecret', scenario: { client: { EnablePropagateAdditionalUserContextData: true } }, at: 'true', count: 1, severity: 'error' },
    { name: 'context data with GenerateSecret false', scenario: { client: { GenerateSecret: false, EnablePropagateAdditionalUserContextData: true } }, at: 'true', count: 1 },
  ],
  clean: [
    { name: 'context data with a secret', scenario: { client: { GenerateSecret: true, EnablePropagateAdditionalUserContextData: true } } },
    {
      // corpus terraform-hcl/015: the flag written false on a client without a secret
      name: 'the flag false',
      scenario: { client: { EnablePropagateAdditionalUserContextData: false, EnableTokenRevocation: true } },
    },
    { name: 'the flag absent', scenario: { client: { GenerateSecret: false } } },
  ],
  unknown: [
    { name: 'the flag is a parameter', scenario: { parameters: ['Propagate'], client: { EnablePropagateAdditionalUserContextData: { $ref: 'Propagate' } } } },
    { name: 'GenerateSecret is a parameter', scenario: { parameters: ['WithSecret'], client: { GenerateSecret: { $ref: 'WithSecret' }, EnablePropagateAdditionalUserContextData: true } } },
  ],
});

describe('context-data-requires-secret', () => {
  it('offers turning the flag off (preferred) or generating a secret (which replaces the client)', () => {
    eachOnly({ client: { EnablePropagateAdditionalUserContextData: true } }, 'context-data-requires-secret', (f) => {
      assert.equal(f.fixes?.length, 2);
      const [off, secret] = f.fixes!;
      assert.deepEqual(off.changes, [{ kind: 'set', path: ['EnablePropagateAdditionalUserContextData'], value: false }]);
      assert.equal(off.isPreferred, true);
      assert.deepEqual(secret.changes, [{ kind: 'set', path: ['GenerateSecret'], value: true }]);
      assert.match(secret.title, /replace/i);
      assert.notEqual(secret.isPreferred, true);
      assert.match(f.message, /EnablePropagateAdditionalUserContextData/);
    });
  });

  it('counts a literal ClientSecret in an API create call as a secret', () => {
    assert.deepEqual(check(contextDataRequiresSecret, apiCall('create', { UserPoolId: POOL, ClientName: 'web', ClientSecret: SECRET, EnablePropagateAdditionalUserContextData: true })), []);
    const without = apiCall('create', { UserPoolId: POOL, ClientName: 'web', EnablePropagateAdditionalUserContextData: true });
    const [finding] = check(contextDataRequiresSecret, without);
    assert.equal(text(without, finding), 'EnablePropagateAdditionalUserContextData: true');
    assert.doesNotMatch(finding.fixes?.[1].title ?? '', /replace/i, 'a create call creates the client anyway');
  });

  it('stays silent on an update call, which cannot say whether the client has a secret', () => {
    assert.deepEqual(check(contextDataRequiresSecret, apiCall('update', { UserPoolId: POOL, ClientId: 'abc', EnablePropagateAdditionalUserContextData: true })), []);
  });

  it('uses the Terraform spelling in messages', () => {
    const built = apiCall('resource', { user_pool_id: POOL, enable_propagate_additional_user_context_data: true }, { surface: 'terraform', spelling: 'terraform' });
    const [finding] = check(contextDataRequiresSecret, built);
    assert.match(finding.message, /enable_propagate_additional_user_context_data/);
    assert.match(finding.message, /generate_secret/);
    assert.match(finding.fixes?.[1].title ?? '', /generate_secret/);
  });
});

// ---------- client-secret-conflict (API create calls only) ----------

describe('client-secret-conflict', () => {
  it('fires on ClientSecret with GenerateSecret true in a create call, flagging GenerateSecret', () => {
    const built = apiCall('create', { UserPoolId: POOL, ClientName: 'api', ClientSecret: SECRET, GenerateSecret: true });
    const findings = check(clientSecretConflict, built);
    assert.equal(findings.length, 1);
    assert.equal(text(built, findings[0]), 'GenerateSecret: true');
    assert.equal(clientSecretConflict.severity, 'error');
    assert.deepEqual(findings[0].fixes?.map((f) => f.changes), [[{ kind: 'remove', path: ['GenerateSecret'] }], [{ kind: 'remove', path: ['ClientSecret'] }]]);
    assert.equal(findings[0].fixes?.[0].isPreferred, true);
    assert.match(findings[0].message, /ClientSecret/);
  });

  it('is clean with only one of them, or GenerateSecret false', () => {
    assert.deepEqual(check(clientSecretConflict, apiCall('create', { UserPoolId: POOL, ClientName: 'api', ClientSecret: SECRET })), []);
    assert.deepEqual(check(clientSecretConflict, apiCall('create', { UserPoolId: POOL, ClientName: 'api', GenerateSecret: true })), []);
    assert.deepEqual(check(clientSecretConflict, apiCall('create', { UserPoolId: POOL, ClientName: 'api', ClientSecret: SECRET, GenerateSecret: false })), []);
  });

  it('stays silent when either value is unknown', () => {
    assert.deepEqual(check(clientSecretConflict, apiCall('create', { UserPoolId: POOL, ClientName: 'api', ClientSecret: { $unknown: 'process.env.SECRET' }, GenerateSecret: true })), []);
    assert.deepEqual(check(clientSecretConflict, apiCall('create', { UserPoolId: POOL, ClientName: 'api', ClientSecret: SECRET, GenerateSecret: { $unknown: 'wantSecret' } })), []);
  });

  it('leaves update calls and templates to the create-only and read-only rules', () => {
    assert.deepEqual(check(clientSecretConflict, apiCall('update', { UserPoolId: POOL, ClientId: 'abc', ClientSecret: SECRET, GenerateSecret: true })), []);
    const cfnOnly = renderers.filter((r) => r.id.startsWith('cloudformation'));
    for (const r of cfnOnly) {
      const { findings } = lintRendered(r.render({ client: { ClientSecret: SECRET, GenerateSecret: true } }));
      assert.equal(findings.filter((f) => f.ruleId === 'client-secret-conflict').length, 0, r.id);
    }
  });
});

// ---------- user-existence-errors-legacy ----------

ruleTests({
  rule: 'user-existence-errors-legacy',
  fires: [
    { name: 'LEGACY in one case of a conditional', scenario: { conditions: ['Prod'], client: { PreventUserExistenceErrors: { $if: ['Prod', 'ENABLED', 'LEGACY'] } } }, at: 'LEGACY' },
    {
      // corpus terraform-hcl/005
      name: 'LEGACY written out',
      scenario: { client: { PreventUserExistenceErrors: 'LEGACY' } },
      at: 'LEGACY',
      count: 1,
      severity: 'warning',
    },
    { name: 'absent from a resource', scenario: { client: { ClientName: 'web', GenerateSecret: false } }, at: 'Client', count: 1 },
  ],
  clean: [
    { name: 'ENABLED', scenario: { client: { PreventUserExistenceErrors: 'ENABLED' } } },
    { name: 'a value outside the enum is invalid-enum-value\'s', scenario: { client: { PreventUserExistenceErrors: 'legacy' } } },
  ],
  unknown: [
    { name: 'a parameter', scenario: { parameters: ['Mode'], client: { PreventUserExistenceErrors: { $ref: 'Mode' } } } },
  ],
});

describe('user-existence-errors-legacy', () => {
  it('sets ENABLED: unambiguously when absent, as a choice when LEGACY is written', () => {
    eachOnly({ client: { PreventUserExistenceErrors: 'LEGACY' } }, 'user-existence-errors-legacy', (f, flaggedText) => {
      assert.match(flaggedText, /LEGACY/);
      assert.deepEqual(f.fixes, [{ title: 'Set PreventUserExistenceErrors to ENABLED', changes: [{ kind: 'set', path: ['PreventUserExistenceErrors'], value: 'ENABLED' }], isPreferred: true, unambiguous: false }]);
    });
    eachOnly({ client: { ClientName: 'web' } }, 'user-existence-errors-legacy', (f, flaggedText) => {
      assert.match(flaggedText, /^"?Client"?$/);
      assert.equal(f.fixes?.[0].unambiguous, true);
      assert.match(f.message, /defaults to LEGACY/);
    });
  });

  it('fires for create calls that leave it out, not for update calls', () => {
    const create = apiCall('create', { UserPoolId: POOL, ClientName: 'web' });
    const [finding] = check(userExistenceErrorsLegacy, create);
    assert.equal(text(create, finding), 'CreateUserPoolClientCommand');
    assert.deepEqual(check(userExistenceErrorsLegacy, apiCall('update', { UserPoolId: POOL, ClientId: 'abc', ClientName: 'web' })), []);
    const legacyUpdate = apiCall('update', { UserPoolId: POOL, ClientId: 'abc', PreventUserExistenceErrors: 'LEGACY' });
    assert.equal(check(userExistenceErrorsLegacy, legacyUpdate).length, 1, 'LEGACY written in an update is still LEGACY');
  });

  it('stays silent when the arguments are spread in from elsewhere', () => {
    assert.deepEqual(check(userExistenceErrorsLegacy, apiCall('create', { '...defaults': { $unknown: 'defaults' }, UserPoolId: POOL, ClientName: 'web' })), []);
  });
});

// ---------- token-revocation-disabled ----------

ruleTests({
  rule: 'token-revocation-disabled',
  fires: [
    { name: 'false in one case of a conditional', scenario: { conditions: ['Prod'], client: { EnableTokenRevocation: { $if: ['Prod', true, false] } } }, at: 'false' },
    {
      // corpus terraform-hcl/006
      name: 'revocation turned off',
      scenario: { client: { EnableTokenRevocation: false } },
      at: 'false',
      count: 1,
      severity: 'warning',
    },
  ],
  clean: [
    { name: 'revocation on', scenario: { client: { EnableTokenRevocation: true } } },
    { name: 'absent (new clients default to on)', scenario: { client: { ClientName: 'web' } } },
  ],
  unknown: [
    { name: 'a parameter', scenario: { parameters: ['Revoke'], client: { EnableTokenRevocation: { $ref: 'Revoke' } } } },
  ],
});

describe('token-revocation-disabled', () => {
  it('sets it true, unambiguously', () => {
    eachOnly({ client: { EnableTokenRevocation: false } }, 'token-revocation-disabled', (f) => {
      assert.deepEqual(f.fixes, [{ title: 'Set EnableTokenRevocation to true', changes: [{ kind: 'set', path: ['EnableTokenRevocation'], value: true }], isPreferred: true, unambiguous: true }]);
    });
  });
});

// ---------- analytics-target ----------

const APP_ARN = 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/0123456789abcdef0123456789abcdef';
const APP_ID = '0123456789abcdef0123456789abcdef';
const ROLE_ARN = 'arn:aws:iam::123456789012:role/cognito-pinpoint';
const EXTERNAL_ID = 'pinpoint-external-id';

ruleTests({
  rule: 'analytics-target',
  fires: [
    { name: 'the only target is left out in one case of a conditional', scenario: { conditions: ['C'], client: { AnalyticsConfiguration: { ApplicationArn: { $if: ['C', APP_ARN, { $ref: 'AWS::NoValue' }] } } } } },
    { name: 'both the ARN and the id', scenario: { client: { AnalyticsConfiguration: { ApplicationArn: APP_ARN, ApplicationId: APP_ID, RoleArn: ROLE_ARN, ExternalId: EXTERNAL_ID } } }, at: APP_ID, count: 1 },
    // Flags the key, whose spelling differs per surface; 'nalytics' is in every spelling.
    { name: 'neither the ARN nor the id', scenario: { client: { AnalyticsConfiguration: { UserDataShared: true } } }, at: 'nalytics', count: 1 },
    { name: 'an empty configuration (corpus terraform-hcl/006)', scenario: { client: { AnalyticsConfiguration: {} } }, at: 'nalytics', count: 1 },
    { name: 'the id without a role', scenario: { client: { AnalyticsConfiguration: { ApplicationId: APP_ID, ExternalId: EXTERNAL_ID } } }, at: APP_ID, count: 1 },
    { name: 'the ARN with a role and an external id', scenario: { client: { AnalyticsConfiguration: { ApplicationArn: APP_ARN, RoleArn: ROLE_ARN, ExternalId: EXTERNAL_ID } } }, at: ROLE_ARN, count: 2 },
  ],
  clean: [
    { name: 'the ARN alone', scenario: { client: { AnalyticsConfiguration: { ApplicationArn: APP_ARN, UserDataShared: true } } } },
    { name: 'the id with role and external id', scenario: { client: { AnalyticsConfiguration: { ApplicationId: APP_ID, RoleArn: ROLE_ARN, ExternalId: EXTERNAL_ID } } } },
    { name: 'no analytics', scenario: { client: { ClientName: 'web' } } },
  ],
  unknown: [
    { name: 'the ARN next to the id is a parameter', scenario: { parameters: ['AppArn'], client: { AnalyticsConfiguration: { ApplicationArn: { $ref: 'AppArn' }, ApplicationId: APP_ID, RoleArn: ROLE_ARN, ExternalId: EXTERNAL_ID } } } },
    { name: 'the whole configuration is a parameter', scenario: { parameters: ['Analytics'], client: { AnalyticsConfiguration: { $ref: 'Analytics' } } } },
  ],
});

describe('analytics-target', () => {
  it('is an error in Terraform and a warning elsewhere', () => {
    const tf = apiCall('resource', { user_pool_id: POOL, analytics_configuration: {} }, { surface: 'terraform', spelling: 'terraform' });
    assert.equal(defaultSeverity(analyticsTarget, tf.def), 'error');
    assert.equal(defaultSeverity(analyticsTarget, apiCall('create', { UserPoolId: POOL }).def), 'warning');
    for (const r of renderers) {
      const { findings } = lintRendered(r.render({ client: { AnalyticsConfiguration: {} } }));
      assert.equal(findings.find((f) => f.ruleId === 'analytics-target')?.severity, 'warning', r.id);
    }
  });

  it('reads a Terraform one-element block list and spells members the Terraform way', () => {
    const tf = apiCall('resource', { user_pool_id: POOL, analytics_configuration: [{ application_id: APP_ID }] }, { surface: 'terraform', spelling: 'terraform' });
    const findings = check(analyticsTarget, tf);
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /application_id needs role_arn and external_id/);
    assert.deepEqual(findings[0].fixes?.[0].changes.map((c) => c.kind === 'insert' && c.path), [['AnalyticsConfiguration', 'RoleArn'], ['AnalyticsConfiguration', 'ExternalId']]);
  });

  it('keeps the complete form when both targets are given', () => {
    eachOnly({ client: { AnalyticsConfiguration: { ApplicationArn: APP_ARN, ApplicationId: APP_ID, RoleArn: ROLE_ARN, ExternalId: EXTERNAL_ID } } }, 'analytics-target', (f) => {
      const [keepArn, keepId] = f.fixes ?? [];
      assert.deepEqual(keepArn.changes, [
        { kind: 'remove', path: ['AnalyticsConfiguration', 'ApplicationId'] },
        { kind: 'remove', path: ['AnalyticsConfiguration', 'RoleArn'] },
        { kind: 'remove', path: ['AnalyticsConfiguration', 'ExternalId'] },
      ]);
      assert.deepEqual(keepId.changes, [{ kind: 'remove', path: ['AnalyticsConfiguration', 'ApplicationArn'] }]);
      assert.equal(keepId.isPreferred, true, 'the id form is complete, so keep it');
    });
    eachOnly({ client: { AnalyticsConfiguration: { ApplicationArn: APP_ARN, ApplicationId: APP_ID } } }, 'analytics-target', (f) => {
      assert.equal(f.fixes?.[0].isPreferred, true, 'the id form is incomplete, so keep the ARN');
      assert.deepEqual(f.fixes?.[0].changes, [{ kind: 'remove', path: ['AnalyticsConfiguration', 'ApplicationId'] }]);
    });
  });

  it('removes the role members that go with the id, not the ARN', () => {
    const scenario = { client: { AnalyticsConfiguration: { ApplicationArn: APP_ARN, RoleArn: ROLE_ARN } } };
    eachOnly(scenario, 'analytics-target', (f, flaggedText) => {
      assert.match(flaggedText, /cognito-pinpoint/);
      assert.deepEqual(f.fixes, [{ title: 'Remove RoleArn', changes: [{ kind: 'remove', path: ['AnalyticsConfiguration', 'RoleArn'] }], isPreferred: true, unambiguous: true }]);
    });
  });

  it('offers removing an empty configuration, or adding the ARN to one with other members', () => {
    eachOnly({ client: { AnalyticsConfiguration: {} } }, 'analytics-target', (f) => {
      assert.deepEqual(f.fixes?.find((x) => x.isPreferred)?.changes, [{ kind: 'remove', path: ['AnalyticsConfiguration'] }]);
    });
    eachOnly({ client: { AnalyticsConfiguration: { UserDataShared: true } } }, 'analytics-target', (f) => {
      const preferred = f.fixes?.find((x) => x.isPreferred)?.changes[0];
      assert.ok(preferred?.kind === 'insert' && preferred.placeholder === true);
      assert.deepEqual(preferred.path, ['AnalyticsConfiguration', 'ApplicationArn']);
    });
  });
});

// ---------- hasSecret, shared with the client_credentials rules ----------

describe('hasSecret', () => {
  function templateDef(client: Scenario['client'], parameters: string[] = []): ClientDefinition {
    const { model } = lintRendered(renderers[0].render({ client, parameters }));
    assert.equal(model.clients.length, 1);
    return model.clients[0];
  }

  it('reads GenerateSecret in templates', () => {
    assert.equal(hasSecret(templateDef({ GenerateSecret: true })), true);
    assert.equal(hasSecret(templateDef({ GenerateSecret: false })), false);
    assert.equal(hasSecret(templateDef({ ClientName: 'web' })), false);
    assert.equal(hasSecret(templateDef({ GenerateSecret: { $ref: 'WithSecret' } }, ['WithSecret'])), UNKNOWN);
  });

  it('ignores a ClientSecret in a template (an output there, not a secret input)', () => {
    assert.equal(hasSecret(templateDef({ ClientSecret: SECRET })), false);
  });

  it('counts a literal ClientSecret in a create call; an unknown one is unknown', () => {
    assert.equal(hasSecret(apiCall('create', { UserPoolId: POOL, ClientSecret: SECRET }).def), true);
    assert.equal(hasSecret(apiCall('create', { UserPoolId: POOL, ClientSecret: { $unknown: 'secret' } }).def), UNKNOWN);
    assert.equal(hasSecret(apiCall('create', { UserPoolId: POOL, GenerateSecret: { $unknown: 'flag' }, ClientSecret: SECRET }).def), true);
    assert.equal(hasSecret(apiCall('create', { UserPoolId: POOL }).def), false);
  });

  it('does not convert "true" in SDK calls', () => {
    assert.equal(hasSecret(apiCall('create', { UserPoolId: POOL, GenerateSecret: 'true' }).def), UNKNOWN);
    assert.equal(hasSecret(apiCall('resource', { user_pool_id: POOL, generate_secret: 'true' }, { surface: 'terraform', spelling: 'terraform' }).def), true);
  });

  it('is unknown for update calls and spread arguments', () => {
    assert.equal(hasSecret(apiCall('update', { UserPoolId: POOL, ClientId: 'abc' }).def), UNKNOWN);
    assert.equal(hasSecret(apiCall('create', { '...base': { $unknown: 'base' }, UserPoolId: POOL }).def), UNKNOWN);
  });

  it('lets client_credentials pass in a create call with a ClientSecret', () => {
    const flows = { UserPoolId: POOL, ClientName: 'm2m', AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['client_credentials'], AllowedOAuthScopes: ['api/read'] };
    assert.deepEqual(check(clientCredentialsRequiresSecret, apiCall('create', { ...flows, ClientSecret: SECRET })), []);
    assert.deepEqual(check(clientCredentialsRequiresSecret, apiCall('update', { ...flows, ClientId: 'abc' })), []);
    const without = apiCall('create', flows);
    const [finding] = check(clientCredentialsRequiresSecret, without);
    assert.equal(text(without, finding), '"client_credentials"');
    assert.doesNotMatch(finding.fixes?.[0].title ?? '', /replace/i, 'a create call makes a new client anyway');
  });
});

ruleTests({
  rule: 'client-secret-output',
  fires: [
    {
      name: 'an exported GetAtt ClientSecret output',
      scenario: { client: { GenerateSecret: true }, outputs: { ClientSecretOut: { value: { $getAtt: ['Client', 'ClientSecret'] }, export: true } } },
      at: 'ClientSecretOut',
      count: 1,
      severity: 'warning',
    },
    {
      name: 'the secret inside a Sub',
      scenario: { client: { GenerateSecret: true }, outputs: { Creds: { value: { $sub: 'id=${Client},secret=${Client.ClientSecret}' } } } },
      at: 'Creds',
      count: 1,
    },
  ],
  clean: [
    { name: 'only the client id is an output', scenario: { client: { GenerateSecret: true }, outputs: { ClientIdOut: { value: { $ref: 'Client' }, export: true } } } },
    { name: 'another attribute of the client', scenario: { client: {}, outputs: { Name: { value: { $getAtt: ['Client', 'Name'] } } } } },
  ],
  unknown: [
    { name: 'the attribute is not literal', scenario: { parameters: ['Attr'], client: {}, outputs: { X: { value: { $sub: '${Client.${Attr}}' } } } } },
  ],
});
