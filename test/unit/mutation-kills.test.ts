/**
 * Tests written to kill the mutants `npm run mutate` found alive (docs/mutation-testing.md): each
 * pins a behaviour of a rule that no other test looked at — a guard that keeps a rule from
 * throwing, a message's variants, which fix is preferred or automatic, the edge of a comparison.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { rules as ruleList } from '../../server/src/rules';
import { runRules } from '../../server/src/rules/engine';
import { parseDocument } from '../../server/src/surfaces';
import { loadGrammar } from '../../server/src/surfaces/tree-sitter';
import type { Finding } from '../../server/src/rules/types';
import { cloudFormationYaml, renderers, webClient as web, type Renderer, type Scenario, type ScenarioValue } from '../support/scenario';
import { apiRenderers } from '../support/scenario-api';
import { javascriptRenderers } from '../support/scenario-sdk';
import { pythonRenderers } from '../support/scenario-sdk-python';
import { terraformHcl, terraformJson } from '../support/scenario-terraform';
import { allRuleCases } from '../support/twin-rules';

/** One rule's findings on a scenario (CloudFormation YAML unless said), no rule throwing meanwhile. */
function findings(ruleId: string, scenario: Scenario, renderer: Renderer = cloudFormationYaml): { mine: Finding[]; flagged: (f: Finding) => string; text: string } {
  const doc = renderer.render(scenario);
  const parsed = parseDocument({ uri: 'file:///test/' + doc.fileName, languageId: doc.languageId, text: doc.text, siblings: [] });
  assert.ok(parsed, doc.fileName);
  const thrown: string[] = [];
  const all = runRules(parsed.model, {}, (rule, error) => thrown.push(`${rule.id}: ${String((error as Error)?.message ?? error)}`));
  assert.deepEqual(thrown, [], doc.text);
  return { mine: all.filter((f) => f.ruleId === ruleId), flagged: (f) => doc.text.slice(f.span.start, f.span.end), text: doc.text };
}

/** The one finding of a rule on a scenario. */
function only(ruleId: string, scenario: Scenario, renderer?: Renderer): Finding {
  const { mine, text } = findings(ruleId, scenario, renderer);
  assert.equal(mine.length, 1, `one ${ruleId} finding in\n${text}\ngot ${JSON.stringify(mine.map((f) => f.message))}`);
  return mine[0];
}

/** A finding's fixes as [title, preferred, automatic]. */
function fixesOf(f: Finding): [string, boolean, boolean][] {
  return (f.fixes ?? []).map((x) => [x.title, x.isPreferred === true, x.unambiguous === true]);
}

const everyRenderer: Renderer[] = [...renderers, terraformHcl, terraformJson, ...javascriptRenderers, ...pythonRenderers, ...apiRenderers];

before(async () => {
  for (const g of ['terraform', 'typescript', 'javascript', 'python'] as const) assert.ok(await loadGrammar(g), `grammar ${g} loads`);
});

/**
 * Fixable rules whose case tables never make them offer a fix, with where their fixes are tested:
 * the `fixable` test below cannot judge them from the tables.
 */
const FIXES_TESTED_ELSEWHERE: Record<string, string> = {
  'cdk-synth-error': 'fires only on CDK L2 props: cdk-l2.test.ts',
  'duplicate-key': 'no case table: fixes-applied.test.ts and the reader tests',
  'client-secret-conflict': 'no case table: rules-secrets.test.ts',
  'client-secret-in-file': 'no case table: rules-secrets.test.ts and below',
  'create-only-in-update': 'fires only in update calls: rules-secrets.test.ts and below',
  'update-resets-omitted': 'fires only in update calls: its own tests',
};

describe('rule metadata', () => {
  it('`fixable` says whether the rule offers fixes (over every case of the case tables)', () => {
    const offers = new Map<string, boolean>();
    for (const table of allRuleCases()) {
      for (const c of table.fires) {
        for (const renderer of renderers) {
          const { mine } = findings(table.rule, c.scenario, renderer);
          if (mine.length) offers.set(table.rule, (offers.get(table.rule) ?? false) || mine.some((f) => (f.fixes?.length ?? 0) > 0));
        }
      }
    }
    const wrong: string[] = [];
    for (const r of ruleList) {
      if (r.id in FIXES_TESTED_ELSEWHERE) {
        if (!r.fixable) wrong.push(`${r.id} is listed as fixable elsewhere but says fixable: false`);
        continue;
      }
      if (!offers.has(r.id)) wrong.push(`${r.id}: no firing case, list it with where its fixes are tested`);
      else if (offers.get(r.id) !== r.fixable) wrong.push(`${r.id}: fixable ${r.fixable}, but the case tables ${offers.get(r.id) ? 'offer' : 'never offer'} fixes`);
    }
    assert.deepEqual(wrong, []);
  });
});

describe('every fix has changes', () => {
  it('on every firing case of every case table: at least one change, each a change', () => {
    const wrong: string[] = [];
    for (const table of allRuleCases()) {
      for (const c of table.fires) {
        for (const renderer of renderers) {
          for (const f of findings(table.rule, c.scenario, renderer).mine) {
            for (const fix of f.fixes ?? []) {
              if (fix.changes.length === 0 || !fix.changes.every((change) => typeof change?.kind === 'string')) wrong.push(`${table.rule} "${c.name}" on ${renderer.id}: ${fix.title}`);
            }
          }
        }
      }
    }
    assert.deepEqual(wrong, []);
  });
});

describe('no rule throws', () => {
  // The engine turns a rule that throws into no findings for it, so a rule whose guard is gone
  // can pass every case table: here a throw is a failure.
  it('on any case of any rule case table, over every renderer', () => {
    const thrown: string[] = [];
    for (const table of allRuleCases()) {
      for (const c of [...table.fires, ...table.clean, ...table.unknown]) {
        for (const renderer of everyRenderer) {
          const doc = renderer.render(c.scenario);
          const parsed = parseDocument({ uri: 'file:///test/' + doc.fileName, languageId: doc.languageId, text: doc.text, siblings: [] });
          if (!parsed) continue;
          runRules(parsed.model, {}, (rule, error) => thrown.push(`${rule.id} on ${renderer.id} "${c.name}" (case of ${table.rule}): ${String((error as Error)?.message ?? error)}`));
        }
      }
    }
    assert.deepEqual(thrown, []);
  });
});

describe('analytics-target', () => {
  const ARN = 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/0123456789abcdef0123456789abcdef';
  const ROLE = 'arn:aws:iam::123456789012:role/pinpoint';
  const ID = '0123456789abcdef0123456789abcdef';
  const rule = 'analytics-target';
  const withConfig = (config: ScenarioValue, scenario: Partial<Scenario> = {}) => ({ ...scenario, client: web({ AnalyticsConfiguration: config }) });

  it('both ARN and id: which fix is preferred depends on whether the id form is complete', () => {
    assert.deepEqual(fixesOf(only(rule, withConfig({ ApplicationArn: ARN, ApplicationId: ID }))), [
      ['Keep ApplicationArn: remove ApplicationId', true, false],
      ['Keep ApplicationId: remove ApplicationArn', false, false],
    ]);
    // Role without external id: the id form is still incomplete, keeping the ARN is preferred.
    assert.deepEqual(fixesOf(only(rule, withConfig({ ApplicationArn: ARN, ApplicationId: ID, RoleArn: ROLE }))), [
      ['Keep ApplicationArn: remove ApplicationId, RoleArn', true, false],
      ['Keep ApplicationId: remove ApplicationArn', false, false],
    ]);
    assert.deepEqual(fixesOf(only(rule, withConfig({ ApplicationArn: ARN, ApplicationId: ID, RoleArn: ROLE, ExternalId: 'ext' }))), [
      ['Keep ApplicationArn: remove ApplicationId, RoleArn, ExternalId', false, false],
      ['Keep ApplicationId: remove ApplicationArn', true, false],
    ]);
  });

  it('an id without role or external id: "them" for two, "it" for one, and the add fix preferred', () => {
    const both = only(rule, withConfig({ ApplicationId: ID }));
    assert.match(both.message, /needs RoleArn and ExternalId as well .* Add them, or use ApplicationArn instead\./);
    assert.deepEqual(fixesOf(both), [['Add RoleArn and ExternalId', true, false]]);
    const one = only(rule, withConfig({ ApplicationId: ID, RoleArn: ROLE }));
    assert.match(one.message, /needs ExternalId as well .* Add it, or use ApplicationArn instead\./);
    assert.deepEqual(fixesOf(one), [['Add ExternalId', true, false]]);
  });

  it('decides nothing while the ARN or the id is unknown', () => {
    assert.equal(findings(rule, withConfig({ ApplicationArn: { $ref: 'Arn' }, ApplicationId: ID }, { parameters: ['Arn'] })).mine.length, 0);
    assert.equal(findings(rule, withConfig({ ApplicationArn: { $ref: 'Arn' }, ApplicationId: ID, RoleArn: ROLE }, { parameters: ['Arn'] })).mine.length, 0);
    assert.equal(findings(rule, withConfig({ ApplicationArn: ARN, ApplicationId: { $ref: 'Id' }, RoleArn: ROLE }, { parameters: ['Id'] })).mine.length, 0);
  });

  it('ignores a configuration that is not one object (a scalar, a list of two)', () => {
    assert.equal(findings(rule, withConfig('not an object')).mine.length, 0);
    assert.equal(findings(rule, withConfig([{ ApplicationArn: ARN, ApplicationId: ID }, { ApplicationArn: ARN }])).mine.length, 0);
    assert.equal(findings(rule, withConfig([])).mine.length, 0);
  });
});

describe('auth flow rules: messages and fix flags', () => {
  const rotation = (feature: ScenarioValue) => ({ RefreshTokenRotation: { Feature: feature, RetryGracePeriodSeconds: 10 } });

  it('auth-flows-legacy: the advice about the refresh flow follows rotation (off, on, unknown)', () => {
    const off = findings('auth-flows-legacy', { client: web({ ExplicitAuthFlows: ['USER_PASSWORD_AUTH'] }) }).mine;
    assert.equal(off.length, 1);
    assert.match(off[0].message, /use ALLOW_USER_PASSWORD_AUTH instead and add ALLOW_REFRESH_TOKEN_AUTH\.$/);
    assert.deepEqual(fixesOf(off[0]), [['Convert to ALLOW_* names and add ALLOW_REFRESH_TOKEN_AUTH', true, true]]);
    const on = only('auth-flows-legacy', { client: web({ ExplicitAuthFlows: ['USER_PASSWORD_AUTH'], ...rotation('ENABLED') }) });
    assert.match(on.message, /instead \(refresh token rotation is on, so leave out ALLOW_REFRESH_TOKEN_AUTH\)\.$/);
    assert.deepEqual(fixesOf(on), [['Convert to ALLOW_* names', true, true]]);
    const unknown = only('auth-flows-legacy', { parameters: ['Feature'], client: web({ ExplicitAuthFlows: ['USER_PASSWORD_AUTH'], ...rotation({ $ref: 'Feature' }) }) });
    assert.match(unknown.message, /instead \(and add ALLOW_REFRESH_TOKEN_AUTH unless RefreshTokenRotation\.Feature is ENABLED\)\.$/);
    assert.deepEqual(fixesOf(unknown), [['Convert to ALLOW_* names', true, false]]);
  });

  it('auth-flows-mixed-legacy: the conversion is preferred and automatic', () => {
    const f = only('auth-flows-mixed-legacy', { client: web({ ExplicitAuthFlows: ['USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }) });
    assert.deepEqual(fixesOf(f), [['Convert the legacy auth flows to ALLOW_* names (USER_PASSWORD_AUTH -> ALLOW_USER_PASSWORD_AUTH)', true, true]]);
  });

  it('auth-flows-password-in-transit: remove (SRP already there) or replace, preferred, never automatic', () => {
    const remove = only('auth-flows-password-in-transit', { client: web({ ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }) });
    assert.deepEqual(fixesOf(remove), [['Remove ALLOW_USER_PASSWORD_AUTH (ALLOW_USER_SRP_AUTH is already allowed)', true, false]]);
    const replace = only('auth-flows-password-in-transit', { client: web({ ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }) });
    assert.deepEqual(fixesOf(replace), [['Replace with ALLOW_USER_SRP_AUTH', true, false]]);
  });

  it('auth-flows-refresh-with-rotation: the removal is preferred and automatic', () => {
    const f = only('auth-flows-refresh-with-rotation', { client: web({ ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'], ...rotation('ENABLED') }) });
    assert.deepEqual(fixesOf(f), [['Remove ALLOW_REFRESH_TOKEN_AUTH', true, true]]);
  });
});

describe('OAuth rules: messages and fix flags', () => {
  it('authorization-flow-requires-callback: adding a callback is the preferred fix', () => {
    const f = only('authorization-flow-requires-callback', { client: web({ CallbackURLs: [] }) });
    assert.deepEqual(fixesOf(f).map(([title, preferred]) => [title, preferred]), [['Add CallbackURLs', true]]);
  });

  it('default-redirect-not-in-callbacks: "is empty" or "is not one of", automatic only without callbacks', () => {
    const empty = only('default-redirect-not-in-callbacks', { client: web({ CallbackURLs: [], DefaultRedirectURI: 'https://app.example.com/home' }) });
    assert.match(empty.message, /but CallbackURLs is empty;/);
    assert.deepEqual(fixesOf(empty), [['Add https://app.example.com/home to CallbackURLs', true, true]]);
    const other = only('default-redirect-not-in-callbacks', { client: web({ DefaultRedirectURI: 'https://app.example.com/home' }) });
    assert.match(other.message, /but it is not one of CallbackURLs;/);
    assert.deepEqual(fixesOf(other), [
      ['Add https://app.example.com/home to CallbackURLs', true, false],
      ['Set DefaultRedirectURI to https://app.example.com/callback', false, false],
    ]);
  });

  it('default-redirect-not-in-callbacks: at most three alternatives, none an empty or malformed URL', () => {
    const callbacks = ['', 'not a url', 'https://a.example.com/cb', 'https://b.example.com/cb', 'https://c.example.com/cb', 'https://d.example.com/cb'];
    const f = only('default-redirect-not-in-callbacks', { client: web({ CallbackURLs: callbacks, DefaultRedirectURI: 'https://app.example.com/home' }) });
    assert.deepEqual(fixesOf(f).map(([title]) => title), [
      'Add https://app.example.com/home to CallbackURLs',
      'Set DefaultRedirectURI to https://a.example.com/cb',
      'Set DefaultRedirectURI to https://b.example.com/cb',
      'Set DefaultRedirectURI to https://c.example.com/cb',
    ]);
  });

  it('implicit-flow-discouraged: remove (code already there) or replace, preferred', () => {
    assert.deepEqual(fixesOf(only('implicit-flow-discouraged', { client: web({ AllowedOAuthFlows: ['implicit', 'code'] }) })), [['Remove implicit from AllowedOAuthFlows', true, false]]);
    assert.deepEqual(fixesOf(only('implicit-flow-discouraged', { client: web({ AllowedOAuthFlows: ['implicit'] }) })), [['Replace implicit with code', true, false]]);
  });

  it('redirect-uri-insecure: a callback must use https (error), a logout URL should (warning)', () => {
    const { mine } = findings('redirect-uri-insecure', { client: web({ CallbackURLs: ['http://app.example.com/cb'], LogoutURLs: ['http://app.example.com/bye'] }) });
    const callback = mine.find((f) => f.message.includes('/cb in'));
    const logout = mine.find((f) => f.message.includes('/bye in'));
    assert.ok(callback && logout, JSON.stringify(mine.map((f) => f.message)));
    assert.equal(callback.severity, 'error');
    assert.match(callback.message, /Cognito only accepts https here/);
    assert.equal(logout.severity, 'warning');
    assert.match(logout.message, /; use https here/);
    assert.deepEqual(fixesOf(callback), [['Change to https://app.example.com/cb', true, false]]);
  });

  it('redirect-uri-invalid: adding the scheme is preferred, removing a fragment also automatic', () => {
    assert.deepEqual(fixesOf(only('redirect-uri-invalid', { client: web({ CallbackURLs: ['app.example.com/callback'] }) })), [['Add https:// (https://app.example.com/callback)', true, false]]);
    assert.deepEqual(fixesOf(only('redirect-uri-invalid', { client: web({ CallbackURLs: ['https://app.example.com/callback#x'] }) })), [['Remove the fragment: https://app.example.com/callback', true, true]]);
  });

  it('client-credentials-requires-secret: only a template resource is told the change replaces the client', () => {
    const machine = { AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['client_credentials'], AllowedOAuthScopes: ['orders/read'] };
    assert.match(only('client-credentials-requires-secret', { client: machine }).message, /only takes effect when a client is created, so the change replaces the client and its id\.$/);
    const call = only('client-credentials-requires-secret', { client: machine }, javascriptRenderers[0]);
    assert.doesNotMatch(call.message, /replaces the client/);
  });
});

describe('attribute rules: fix flags', () => {
  it('privileged-attribute-writable: removing the attribute from WriteAttributes is preferred', () => {
    const f = only('privileged-attribute-writable', { client: web({ ReadAttributes: ['email', 'custom:tenant_id'], WriteAttributes: ['email', 'custom:tenant_id'] }) });
    assert.deepEqual(fixesOf(f), [['Remove custom:tenant_id from WriteAttributes', true, false]]);
  });
});

describe('client-credentials-custom-scopes-only: which removal is preferred', () => {
  const rule = 'client-credentials-custom-scopes-only';
  const machine = (overrides: Record<string, ScenarioValue>) => ({ GenerateSecret: true, AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['client_credentials'], AllowedOAuthScopes: ['openid', 'orders/read'], ...overrides });

  it('a machine-only client (even one listing callback URLs): removing the scope is preferred and automatic', () => {
    const f = only(rule, { client: machine({ CallbackURLs: ['https://app.example.com/cb'] }) });
    assert.deepEqual(fixesOf(f), [['Remove openid from AllowedOAuthScopes', true, true]]);
  });

  it('next to code with callbacks: removing client_credentials is preferred instead', () => {
    const f = only(rule, { client: machine({ AllowedOAuthFlows: ['client_credentials', 'code'], CallbackURLs: ['https://app.example.com/cb'] }) });
    assert.deepEqual(fixesOf(f), [
      ['Remove openid from AllowedOAuthScopes', false, false],
      ['Remove client_credentials from AllowedOAuthFlows', true, false],
    ]);
  });
});

/** One rule's findings in a source text, no rule throwing meanwhile. */
function findingsInText(ruleId: string, fileName: string, languageId: string, text: string): Finding[] {
  const parsed = parseDocument({ uri: 'file:///test/' + fileName, languageId, text, siblings: [] });
  assert.ok(parsed, fileName);
  const thrown: string[] = [];
  const all = runRules(parsed.model, {}, (rule, error) => thrown.push(`${rule.id}: ${String((error as Error)?.message ?? error)}`));
  assert.deepEqual(thrown, [], text);
  return all.filter((f) => f.ruleId === ruleId);
}

describe('client-secret-in-file: only where the secret is an input the file holds', () => {
  const rule = 'client-secret-in-file';
  it('silent on a template resource and an update call (other rules report those)', () => {
    assert.equal(findings(rule, { client: web({ ClientSecret: 'shh' }) }).mine.length, 0);
    assert.equal(findings(rule, { client: web({ ClientSecret: 'shh' }) }, terraformHcl).mine.length, 0);
    const update = "import { UpdateUserPoolClientCommand } from '@aws-sdk/client-cognito-identity-provider';\nnew UpdateUserPoolClientCommand({ UserPoolId: 'p', ClientId: 'c', ClientSecret: 'shh' });\n";
    assert.equal(findingsInText(rule, 'update.ts', 'typescript', update).length, 0);
    assert.equal(findingsInText('create-only-in-update', 'update.ts', 'typescript', update).length, 1, 'read as an update call');
    const create = update.replace(/Update/g, 'Create').replace(", ClientId: 'c'", ", ClientName: 'n'");
    assert.equal(findingsInText(rule, 'create.ts', 'typescript', create).length, 1);
  });

  it('a describe result and a create request get their own advice; removal preferred only in the describe result', () => {
    const described = findingsInText(rule, 'client.json', 'json', JSON.stringify({ UserPoolClient: { UserPoolId: 'p', ClientName: 'n', ClientId: 'c', ClientSecret: 'shh' } }, null, 2));
    assert.equal(described.length, 1);
    assert.match(described[0].message, /^This saved DescribeUserPoolClient result holds .* rotate the secret/);
    assert.deepEqual(fixesOf(described[0]), [['Remove ClientSecret from the file', true, false]]);
    const request = findingsInText(rule, 'create.json', 'json', JSON.stringify({ UserPoolId: 'p', ClientName: 'n', ClientSecret: 'shh' }, null, 2));
    assert.equal(request.length, 1);
    assert.match(request[0].message, /^This create request holds .* let Cognito generate the secret/);
    assert.deepEqual(fixesOf(request[0]), [['Remove ClientSecret from the file', false, false]]);
  });
});

describe('secret rules: fix flags', () => {
  it('client-token-auth-exclusive: generating a secret is the preferred fix', () => {
    const { mine } = findings('client-token-auth-exclusive', { client: web({ ExplicitAuthFlows: ['ALLOW_CLIENT_TOKEN_AUTH'] }) });
    assert.equal(mine.length, 1, JSON.stringify(mine.map((f) => f.message)));
    assert.deepEqual(fixesOf(mine[0]), [['Set GenerateSecret to true (replaces the client: a secret can only be generated at creation, so the client id changes)', true, false]]);
  });
});

describe('custom-attribute-undeclared: the hint', () => {
  it('names the closest declared attribute', () => {
    const pool = { role: 'userPool' as const, properties: { Schema: [{ Name: 'tenant', AttributeDataType: 'String' }, { Name: 'department', AttributeDataType: 'String' }] } };
    const f = only('custom-attribute-undeclared', { client: web({ ReadAttributes: ['custom:tenat'] }), resources: { UserPool: pool } });
    assert.match(f.message, /\(it declares custom:tenant, custom:department\); .* Did you mean custom:tenant\?$/);
  });
});

describe('custom-scope-undeclared: what counts as identifier/scope', () => {
  const rule = 'custom-scope-undeclared';
  const server = (identifier: string, scopes: ScenarioValue) => ({ role: 'resourceServer' as const, properties: { UserPoolId: { $ref: 'UserPool' }, Identifier: identifier, Name: identifier, Scopes: scopes } });
  const read = [{ ScopeName: 'read', ScopeDescription: 'read' }];
  const client = (scopes: string[]) => ({ GenerateSecret: true, AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['client_credentials'], AllowedOAuthScopes: scopes });

  it('a scope with nothing before or after its last slash is not a custom scope', () => {
    assert.equal(findings(rule, { client: client(['/read', 'orders/']), resources: { Orders: server('orders', read) }, dependsOn: ['Orders'] }).mine.length, 0);
  });

  it('a one-character identifier is one', () => {
    const f = only(rule, { client: client(['x/write']), resources: { X: server('x', read) }, dependsOn: ['X'] });
    assert.match(f.message, /resource server X \(x\) defines no scope named write; it defines read\./);
  });

  it('the corrections come only from servers whose scopes are written out', () => {
    const f = only(rule, { parameters: ['Scopes'], client: client(['ordrs/read']), resources: { Orders: server('orders', read), Billing: server('billing', { $ref: 'Scopes' }) }, dependsOn: ['Orders'] });
    assert.deepEqual(fixesOf(f).map(([title, preferred]) => [title, preferred]), [['Change to orders/read', true]]);
  });
});

describe('custom-scope-undeclared: fixes', () => {
  const rule = 'custom-scope-undeclared';
  const scopes = (...names: string[]) => names.map((n) => ({ ScopeName: n, ScopeDescription: n }));
  const server = (identifier: string, names: string[]) => ({ role: 'resourceServer' as const, properties: { UserPoolId: { $ref: 'UserPool' }, Identifier: identifier, Name: identifier, Scopes: scopes(...names) } });
  const client = (list: string[]) => ({ GenerateSecret: true, AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['client_credentials'], AllowedOAuthScopes: list });

  it('at most three corrections, the closest preferred', () => {
    const f = only(rule, { client: client(['orders/reed']), resources: { Orders: server('orders', ['read', 'reel', 'seed', 'feed', 'need']) }, dependsOn: ['Orders'] });
    const fixes = fixesOf(f);
    assert.equal(fixes.length, 3, JSON.stringify(fixes));
    assert.deepEqual(fixes.map(([, preferred]) => preferred), [true, false, false]);
  });

  it('the missing dependency: adding it is preferred, and automatic with one server', () => {
    const f = only(rule, { client: client(['orders/read']), resources: { Orders: server('orders', ['read']) } });
    assert.deepEqual(fixesOf(f), [['Add a dependency on Orders', true, true]]);
  });
});

describe('duplicate-key: how deep it looks, and its fix', () => {
  const rule = 'duplicate-key';
  /** A CloudFormation JSON client whose unknown property `Deep` holds `value` (JSON text, keys may repeat). */
  const template = (value: string) =>
    `{"Resources":{"UserPool":{"Type":"AWS::Cognito::UserPool"},"Client":{"Type":"AWS::Cognito::UserPoolClient","Properties":{"UserPoolId":{"Ref":"UserPool"},"Deep":${value}}}}}`;
  const duplicated = '{"k":1,"k":2}';
  /** The duplicate in an object `depth` levels below the body (the body is level 0, `Deep`'s value level 1). */
  const inObjects = (depth: number) => '{"a":'.repeat(depth - 1) + duplicated + '}'.repeat(depth - 1);
  const inLists = (depth: number) => '['.repeat(depth - 1) + duplicated + ']'.repeat(depth - 1);
  const count = (text: string) => findingsInText(rule, 'template.json', 'json', text).length;

  it('looks 20 levels deep, through objects and lists alike, and no deeper', () => {
    assert.equal(count(template(inObjects(1))), 1);
    assert.equal(count(template(inObjects(20))), 1);
    assert.equal(count(template(inObjects(21))), 0);
    assert.equal(count(template(inLists(20))), 1);
    assert.equal(count(template(inLists(21))), 0);
  });

  it('removing the earlier key is preferred and automatic', () => {
    const [f] = findingsInText(rule, 'template.json', 'json', template(duplicated));
    assert.deepEqual(fixesOf(f), [['Remove this k', true, true]]);
  });
});

describe('identity-provider-undeclared: names it judges', () => {
  const idp = { role: 'identityProvider' as const, properties: { UserPoolId: { $ref: 'UserPool' }, ProviderName: 'Corp', ProviderType: 'OIDC', ProviderDetails: { client_id: 'x' } } };
  it('a one-character name is judged (only the empty name is skipped)', () => {
    const { mine } = findings('identity-provider-undeclared', { client: web({ SupportedIdentityProviders: ['COGNITO', 'X', ''] }), resources: { Corp: idp }, dependsOn: ['Corp'] });
    assert.equal(mine.length, 1, JSON.stringify(mine.map((f) => f.message)));
    assert.match(mine[0].message, /^X in SupportedIdentityProviders is not a built-in provider/);
  });

  it('hints at the closest name', () => {
    const f = only('identity-provider-undeclared', { client: web({ SupportedIdentityProviders: ['Corpp'] }), resources: { Corp: idp }, dependsOn: ['Corp'] });
    assert.match(f.message, /has that name \(did you mean Corp\?\); declare it or use one of: Corp, COGNITO,/);
  });
});

describe('invalid-enum-value: branches and deprecated values', () => {
  const rule = 'invalid-enum-value';
  it('a value in a branch of a condition is reported without fixes (no path reaches it)', () => {
    // A conditional list item: the engine does not split the client into cases for it (variants.ts).
    const { mine } = findings(rule, { conditions: ['IsProd'], client: web({ ExplicitAuthFlows: [{ $if: ['IsProd', 'ALLOW_USER_SRP', 'ALLOW_USER_SRP_AUTH'] }, 'ALLOW_REFRESH_TOKEN_AUTH'] }) });
    assert.ok(mine.length >= 1, 'reported');
    for (const f of mine) {
      assert.match(f.message, /\(in a branch of a condition\)/);
      assert.deepEqual(f.fixes ?? [], [], 'no fix edits a branch through a path');
    }
  });

  it('the values it lists leave out the deprecated ones', () => {
    const f = only(rule, { client: web({ ExplicitAuthFlows: ['ALLOW_USER_SRP', 'ALLOW_REFRESH_TOKEN_AUTH'] }) });
    assert.match(f.message, /Use one of .*ALLOW_USER_SRP_AUTH/);
    for (const legacy of ['ADMIN_NO_SRP_AUTH', 'CUSTOM_AUTH_FLOW_ONLY', ' USER_PASSWORD_AUTH']) assert.ok(!f.message.includes(legacy), `${legacy} listed: ${f.message}`);
  });
});

describe('invalid-pattern: which strings it judges, and its wording', () => {
  const rule = 'invalid-pattern';
  const named = (name: string) => findings(rule, { client: web({ ClientName: name }) }).mine;

  it('leaves an empty string, or one of the wrong length, to invalid-length; judges every other length', () => {
    assert.equal(named('').length, 0);
    assert.equal(named('x'.repeat(128) + '!').length, 0, '129 characters: too long, invalid-length says so');
    assert.equal(named('x'.repeat(127) + '!').length, 1, '128 characters: the longest allowed');
    assert.equal(findings(rule, { client: web({ AnalyticsConfiguration: { ApplicationArn: 'arn:x!', UserDataShared: true } }) }).mine.length, 0, 'shorter than the 20 an ARN needs');
  });

  it('names the characters not allowed: "is ... it" for one, "are ... them" for more', () => {
    const [one] = named('!');
    assert.match(one.message, /: "!" is not allowed\. Remove or replace it\.$/);
    const [two] = named('a!b?');
    assert.match(two.message, /: "!", "\?" are not allowed\. Remove or replace them\.$/);
  });

  it('a white-space character other than a space is shown escaped', () => {
    const { mine } = findings(rule, { client: web({ AllowedOAuthScopes: ['openid', 'orders/re\tad'] }) });
    assert.equal(mine.length, 1);
    assert.ok(mine[0].message.includes(': "\\t" is not allowed.'), mine[0].message);
  });

  it('a value whose characters are all allowed but whose shape is not: "correct the value"', () => {
    const { mine } = findings(rule, { client: web({ UserPoolId: 'nounderscore' }) });
    assert.equal(mine.length, 1);
    assert.match(mine[0].message, /the API requires\. Correct the value to that shape\.$/);
  });
});

describe('invalid-length: the boundaries', () => {
  it('a string as long as its minimum is not too short', () => {
    assert.equal(findings('invalid-length', { client: web({ ClientName: 'a' }) }).mine.length, 0);
    assert.equal(findings('invalid-length', { client: web({ ClientName: '' }) }).mine.length, 1);
  });
});

describe('invalid-type: conversions offered', () => {
  const rule = 'invalid-type';
  it('a scalar where a list of strings belongs: put in a one-item list of its text, preferred and automatic', () => {
    const { mine } = findings(rule, { client: web({ CallbackURLs: 'https://app.example.com/cb', ReadAttributes: 5, WriteAttributes: true }) });
    assert.deepEqual(mine.map((f) => fixesOf(f)), [
      [['Change to ["https://app.example.com/cb"]', true, true]],
      [['Change to ["5"]', true, true]],
      [['Change to ["true"]', true, true]],
    ]);
  });
});

describe('invalid-type: scalars by surface', () => {
  const rule = 'invalid-type';
  const sdk = javascriptRenderers[0];
  it('a number or boolean where a string belongs: accepted in a template, quoted by the fix in an SDK call', () => {
    assert.equal(findings(rule, { client: web({ ClientName: true }) }).mine.length, 0);
    assert.deepEqual(fixesOf(only(rule, { client: web({ ClientName: true }) }, sdk)), [['Change to "true"', true, true]]);
    assert.deepEqual(fixesOf(only(rule, { client: web({ ClientName: 42 }) }, sdk)), [['Change to "42"', true, true]]);
  });

  it('a one-string list where a string belongs: unwrapped, preferred but not automatic; other lists get no fix', () => {
    const one = only(rule, { client: web({ ClientName: ['my-app'] }) });
    assert.match(one.message, /write the single value without the list\.$/);
    assert.deepEqual(fixesOf(one), [['Change to "my-app"', true, false]]);
    for (const list of [['a', 'b'], [5], []]) {
      const f = only(rule, { client: web({ ClientName: list }) });
      assert.match(f.message, /; write a string\.$/);
      assert.deepEqual(fixesOf(f), []);
    }
  });

  it('a string that is not a whole number where an integer belongs, even in a template', () => {
    const f = only(rule, { client: web({ AuthSessionValidity: 'ten' }) });
    assert.match(f.message, /; write a whole number\.$/);
  });

  it('quoted booleans: accepted in a template, unquoted by the fix in an SDK call; other spellings lowered', () => {
    assert.equal(findings(rule, { client: web({ GenerateSecret: 'true', EnableTokenRevocation: 'false' }) }).mine.length, 0);
    assert.deepEqual(fixesOf(only(rule, { client: web({ GenerateSecret: 'true' }) }, sdk)), [['Change to true', true, true]]);
    assert.deepEqual(fixesOf(only(rule, { client: web({ GenerateSecret: 'false' }) }, sdk)), [['Change to false', true, true]]);
    assert.deepEqual(fixesOf(only(rule, { client: web({ GenerateSecret: 'TRUE' }) })), [['Change to true', true, false]]);
  });
});

describe('oauth-enabled-requires-flows-and-scopes: only with the flag true', () => {
  it('silent on a client without OAuth, with the flag absent or false', () => {
    const rule = 'oauth-enabled-requires-flows-and-scopes';
    assert.equal(findings(rule, { client: { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] } }).mine.length, 0);
    assert.equal(findings(rule, { client: { AllowedOAuthFlowsUserPoolClient: false, ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] } }).mine.length, 0);
    assert.equal(findings(rule, { client: { AllowedOAuthFlowsUserPoolClient: true } }).mine.length, 1);
  });

  it('"are ... them" for both lists, "is ... it" for one; adding is preferred', () => {
    const rule = 'oauth-enabled-requires-flows-and-scopes';
    const both = only(rule, { client: { AllowedOAuthFlowsUserPoolClient: true } });
    assert.match(both.message, /AllowedOAuthFlows and AllowedOAuthScopes are missing or empty; .* Add them, or set/);
    assert.deepEqual(fixesOf(both), [
      ['Add AllowedOAuthFlows and AllowedOAuthScopes', true, false],
      ['Set AllowedOAuthFlowsUserPoolClient to false (no OAuth for this client)', false, false],
    ]);
    const one = only(rule, { client: { AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], CallbackURLs: ['https://app.example.com/cb'] } });
    assert.match(one.message, /but AllowedOAuthScopes is missing or empty; .* Add it, or set/);
    assert.deepEqual(fixesOf(one), [['Add AllowedOAuthScopes', true, false]]);
  });
});

describe('oauth-requires-enabled-flag: wording', () => {
  it('"is set" for one setting, "are set" for more', () => {
    const rule = 'oauth-requires-enabled-flag';
    const one = only(rule, { client: { LogoutURLs: ['https://app.example.com/bye'] } });
    assert.match(one.message, /^LogoutURLs is set but AllowedOAuthFlowsUserPoolClient is not set \(it defaults to false\)/);
    assert.deepEqual(fixesOf(one), [['Set AllowedOAuthFlowsUserPoolClient to true', true, false]]);
    assert.match(only(rule, { client: { AllowedOAuthFlowsUserPoolClient: false, AllowedOAuthFlows: ['code'], CallbackURLs: ['https://app.example.com/cb'] } }).message, /^AllowedOAuthFlows, CallbackURLs are set but AllowedOAuthFlowsUserPoolClient is false,/);
  });
});

describe('out-of-range: whole numbers only', () => {
  it('a fractional number is invalid-type\'s, not out of range', () => {
    assert.equal(findings('out-of-range', { client: web({ AuthSessionValidity: 20.5 }) }).mine.length, 0);
    assert.equal(findings('invalid-type', { client: web({ AuthSessionValidity: 20.5 }) }).mine.length, 1);
    assert.deepEqual(fixesOf(only('out-of-range', { client: web({ AuthSessionValidity: 20 }) })), [['Change to 15', true, false]]);
  });
});

describe('read-only-property: which calls take it', () => {
  it('names the calls that take the property as input, and none when no call does', () => {
    const { mine } = findings('read-only-property', { client: web({ ClientSecret: 'shh', CreationDate: '2020-01-01' }) });
    const secret = mine.find((f) => f.message.startsWith('ClientSecret'));
    const created = mine.find((f) => f.message.startsWith('CreationDate'));
    assert.ok(secret && created, JSON.stringify(mine.map((f) => f.message)));
    assert.match(secret.message, /; remove it\. Only a CreateUserPoolClient call takes it as input\.$/);
    assert.match(created.message, /\(AWS::Cognito::UserPoolClient\); remove it\.$/);
  });
});

describe('unknown-attribute', () => {
  const rule = 'unknown-attribute';
  it('leaves the empty entry to invalid-length, and judges a one-character one', () => {
    assert.equal(findings(rule, { client: web({ ReadAttributes: ['', 'email'] }) }).mine.length, 0);
    assert.equal(findings(rule, { client: web({ ReadAttributes: ['x', 'email'] }) }).mine.length, 1);
  });

  it('a correction is automatic only when it is a case slip', () => {
    assert.deepEqual(fixesOf(only(rule, { client: web({ ReadAttributes: ['Email'] }) })), [['Change to email', true, true]]);
    assert.deepEqual(fixesOf(only(rule, { client: web({ ReadAttributes: ['emial'] }) })), [['Change to email', true, false]]);
  });

  it('a prefix without a name: up to three of the pool\'s custom attributes, then removal; its own words for dev:', () => {
    const pool = { role: 'userPool' as const, properties: { Schema: ['a1', 'a2', 'a3', 'a4', 'a5'].map((Name) => ({ Name, AttributeDataType: 'String' })) } };
    const custom = only(rule, { client: web({ WriteAttributes: ['custom:'] }), resources: { UserPool: pool } });
    assert.match(custom.message, /write custom:<name> with the name of one of the user pool's custom attributes, or remove the entry\.$/);
    assert.deepEqual(fixesOf(custom).map(([title, preferred]) => [title, preferred]), [
      ['Change to custom:a1', true],
      ['Change to custom:a2', false],
      ['Change to custom:a3', false],
      ['Remove custom:', false],
    ]);
    const dev = only(rule, { client: web({ ReadAttributes: ['dev:'] }) });
    assert.match(dev.message, /write dev:<name> with the name of the attribute, or remove the entry\.$/);
    assert.deepEqual(fixesOf(dev).map(([title, preferred]) => [title, preferred]), [['Remove dev:', true]]);
  });
});

describe('unknown-property: a property this file does not take', () => {
  it('says which surfaces take it, and removing it is preferred and automatic', () => {
    const text = JSON.stringify({ UserPoolClient: { UserPoolId: 'eu-west-1_abc', ClientName: 'n', ClientId: 'c', GenerateSecret: true } }, null, 2);
    const [f] = findingsInText('unknown-property', 'client.json', 'json', text);
    assert.ok(f, 'reported');
    assert.match(f.message, /^GenerateSecret is not accepted in a DescribeUserPoolClient result; only CloudFormation \(AWS::Cognito::UserPoolClient\), Terraform \(aws_cognito_user_pool_client\) or a CreateUserPoolClient call accepts it\. Remove it\.$/);
    assert.deepEqual(fixesOf(f), [['Remove GenerateSecret', true, true]]);
  });
});

describe('user-pool-reference: an attribute of the pool other than its id', () => {
  const rule = 'user-pool-reference';
  const scenario: Scenario = { client: web({ UserPoolId: { $getAtt: ['UserPool', 'Arn'] } }) };
  it('names the reference to write in the surface\'s own terms; the fix is preferred and automatic', () => {
    const template = only(rule, scenario);
    assert.match(template.message, /reads its Arn attribute; refer to the pool's id \(Ref UserPool\) instead\.$/);
    assert.deepEqual(fixesOf(template), [['Refer to user pool UserPool', true, true]]);
    const terraform = only(rule, scenario, terraformHcl);
    assert.match(terraform.message, /reads its arn attribute; refer to the pool's id \(aws_cognito_user_pool\.\w+\.id\) instead\.$/);
  });
});

describe('user-pool-reference: a reference to something else', () => {
  const rule = 'user-pool-reference';
  const pool = { role: 'userPool' as const, properties: {} };
  it('names at most three pools to refer to, or says to declare one when there is none', () => {
    const many = only(rule, { client: web({ UserPoolId: { $ref: 'Pool' } }), resources: { UserPool: pool, PoolB: pool, PoolC: pool, PoolD: pool } });
    const named = /refer to a user pool \(([^)]*)\) or a parameter instead\.$/.exec(many.message);
    assert.ok(named, many.message);
    assert.equal(named[1].split(', ').length, 3, many.message);
    assert.equal(fixesOf(many).length, 4, 'a fix for every pool');
    const none = only(rule, { client: web({ UserPoolId: { $ref: 'Pool' } }), noUserPool: true });
    assert.match(none.message, /; declare the user pool or a parameter for its id\.$/);
  });
});

describe('write-attribute-not-readable: entries it judges', () => {
  it('skips the empty entry, judges a one-character one', () => {
    const { mine } = findings('write-attribute-not-readable', { client: web({ ReadAttributes: ['email'], WriteAttributes: ['', 'x', 'email'] }) });
    assert.deepEqual(mine.map((f) => f.message.split(' ')[0]), ['x']);
    assert.deepEqual(fixesOf(mine[0]), [['Add x to ReadAttributes', true, false]]);
  });
});

describe('refresh-token-validity-zero: the unit in the fix', () => {
  const rule = 'refresh-token-validity-zero';
  it('sets the unit only when another one is written', () => {
    const days = only(rule, { client: web({ RefreshTokenValidity: 0, TokenValidityUnits: { RefreshToken: 'days' } }) });
    assert.deepEqual(fixesOf(days), [['Set RefreshTokenValidity to 30 (30 days)', true, false]]);
    const hours = only(rule, { client: web({ RefreshTokenValidity: 0, TokenValidityUnits: { RefreshToken: 'hours' } }) });
    assert.deepEqual(fixesOf(hours), [['Set RefreshTokenValidity to 30 and TokenValidityUnits.RefreshToken to days', true, false]]);
    assert.match(hours.message, /Set it to 30 with TokenValidityUnits\.RefreshToken days \(30 days, the API's default\)\.$/);
  });

  it('in an SDK call: no unit to mention when none is written', () => {
    const f = only(rule, { client: web({ RefreshTokenValidity: 0 }) }, javascriptRenderers[0]);
    assert.match(f.message, /the API replaces it with its default, 30 days\. Write 30 to say so\.$/);
    assert.deepEqual(fixesOf(f), [['Set RefreshTokenValidity to 30 (30 days)', true, true]]);
  });
});

describe('invalid-type: the number as written', () => {
  it('the fix quotes a number in an SDK call as it is written', () => {
    const text = "import { CreateUserPoolClientCommand } from '@aws-sdk/client-cognito-identity-provider';\nnew CreateUserPoolClientCommand({ UserPoolId: 'eu-west-1_abc', ClientName: 1e3 });\n";
    const [f] = findingsInText('invalid-type', 'create.ts', 'typescript', text);
    assert.ok(f, 'reported');
    assert.deepEqual(fixesOf(f), [['Change to "1e3"', true, true]]);
  });
});

describe('token-outlives-refresh: a lifetime that is not whole in the token\'s unit', () => {
  it('switches the token to the refresh token\'s unit rather than write a fraction', () => {
    const f = only('token-outlives-refresh', { client: web({ RefreshTokenValidity: 90, AccessTokenValidity: 2, TokenValidityUnits: { RefreshToken: 'minutes', AccessToken: 'hours' } }) });
    assert.deepEqual(fixesOf(f).map(([title, preferred]) => [title, preferred]), [['Change AccessTokenValidity to 90 and TokenValidityUnits.AccessToken to minutes (1.5 hours)', true]]);
  });

  it('keeps the token\'s unit when the refresh lifetime is a whole number of it, 1 included', () => {
    const f = only('token-outlives-refresh', { client: web({ RefreshTokenValidity: 60, AccessTokenValidity: 2, TokenValidityUnits: { RefreshToken: 'minutes', AccessToken: 'hours' } }) });
    assert.deepEqual(fixesOf(f)[0].slice(0, 2), ['Change AccessTokenValidity to 1 (1 hour)', true]);
  });
});

describe('oauth-enabled-requires-flows-and-scopes: open properties', () => {
  it('silent when a spread may bring the flows and scopes', () => {
    const call = (spread: string) => `import { CreateUserPoolClientCommand } from '@aws-sdk/client-cognito-identity-provider';\nnew CreateUserPoolClientCommand({ ${spread}UserPoolId: 'eu-west-1_abc', ClientName: 'n', AllowedOAuthFlowsUserPoolClient: true });\n`;
    assert.equal(findingsInText('oauth-enabled-requires-flows-and-scopes', 'create.ts', 'typescript', call('')).length, 1);
    assert.equal(findingsInText('oauth-enabled-requires-flows-and-scopes', 'create.ts', 'typescript', call('...shared, ')).length, 0);
  });
});

describe('token lifetimes: which rule reports what', () => {
  it('token-validity-range leaves raw values out of the schema range to out-of-range, and judges the smallest raw value', () => {
    assert.equal(findings('token-validity-range', { client: web({ AccessTokenValidity: -5 }) }).mine.length, 0);
    assert.equal(findings('out-of-range', { client: web({ AccessTokenValidity: -5 }) }).mine.length, 1);
    assert.equal(findings('token-validity-range', { client: web({ AccessTokenValidity: 1, TokenValidityUnits: { AccessToken: 'minutes' } }) }).mine.length, 1);
  });

  it('token-outlives-refresh says nothing while the refresh lifetime is itself out of range', () => {
    const client = web({ RefreshTokenValidity: 30, TokenValidityUnits: { RefreshToken: 'minutes' } });
    assert.equal(findings('token-outlives-refresh', { client }).mine.length, 0);
    assert.equal(findings('token-validity-range', { client }).mine.length, 1);
  });
});

describe('invalid-type: the value shown, and null', () => {
  it('shows a scalar value in the message, not a list', () => {
    const { mine } = findings('invalid-type', { client: web({ ReadAttributes: 5, WriteAttributes: true, CallbackURLs: 'https://app.example.com/cb', ClientName: ['a', 'b'] }) });
    const messages = mine.map((f) => f.message).sort();
    assert.deepEqual(messages, [
      'CallbackURLs must be a list of strings, not a string "https://app.example.com/cb"; put the value in a list.',
      'ClientName must be a string, not a list; write a string.',
      'ReadAttributes must be a list of strings, not a number 5; put the value in a list.',
      'WriteAttributes must be a list of strings, not a boolean true; put the value in a list.',
    ]);
  });

  it('null in a template: removing it is preferred', () => {
    assert.deepEqual(fixesOf(only('invalid-type', { client: web({ EnableTokenRevocation: null }) })), [['Remove EnableTokenRevocation', true, false]]);
  });
});

describe('user-pool-reference: the order of the pools offered', () => {
  it('pools equally far from the written name come in name order', () => {
    const pool = { role: 'userPool' as const, properties: {} };
    const f = only('user-pool-reference', { client: web({ UserPoolId: { $ref: 'Q' } }), resources: { BB: pool, AA: pool }, noUserPool: true });
    assert.deepEqual(fixesOf(f).map(([title]) => title), ['Refer to user pool AA', 'Refer to user pool BB']);
  });
});

describe('update-resets-omitted: groups of one', () => {
  it('names a group with a single omitted property (identity providers)', () => {
    const [f] = findingsInText('update-resets-omitted', 'update.json', 'json', JSON.stringify({ UserPoolId: 'eu-west-1_abc', ClientId: 'c' }, null, 2));
    assert.ok(f, 'reported');
    assert.match(f.message, /identity providers \(SupportedIdentityProviders\)/);
    assert.ok(fixesOf(f).some(([title]) => title === "Add the identity providers (SupportedIdentityProviders) with the client's current values"));
  });
});

describe('token-validity-range: Terraform', () => {
  it('adds that terraform plan already fails, in Terraform only', () => {
    const client = web({ AccessTokenValidity: 2, TokenValidityUnits: { AccessToken: 'days' } });
    assert.match(only('token-validity-range', { client }, terraformHcl).message, / terraform plan already fails on it \(the provider checks the converted duration\)\.$/);
    assert.doesNotMatch(only('token-validity-range', { client }).message, /terraform plan/);
  });
});
