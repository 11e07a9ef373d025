/**
 * Rules that only SDK calls can make fire, on hand-built definitions (the readers have their own
 * tests over real code): update-resets-omitted, and open bodies (a spread) never concluding that a
 * property is absent.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openProperties } from '../../server/src/model';
import { runRules } from '../../server/src/rules/engine';
import { emptyFileContext } from '../../server/src/model';
import { build, run } from '../support/model-builder';

const partialUpdate = { UserPoolId: 'eu-west-1_Ab12Cd34E', ClientId: 'abc123', ExplicitAuthFlows: ['ADMIN_NO_SRP_AUTH'] };

describe('rule update-resets-omitted', () => {
  it('fires on an update that leaves settings out, naming each group and what is in it', () => {
    const findings = run('update-resets-omitted', build(partialUpdate, { surface: 'sdk', operation: 'update' }));
    assert.equal(findings.length, 1);
    const [f] = findings;
    assert.match(f.message, /UpdateUserPoolClient replaces the whole client/);
    assert.match(f.message, /OAuth settings \(AllowedOAuthFlowsUserPoolClient, AllowedOAuthFlows, AllowedOAuthScopes\)/);
    assert.match(f.message, /callback and sign-out URLs \(CallbackURLs, LogoutURLs, DefaultRedirectURI\)/);
    assert.match(f.message, /token lifetimes/);
    assert.doesNotMatch(f.message, /authentication flows/, 'ExplicitAuthFlows is written');
    assert.equal(f.severity, undefined, 'the rule default (info) applies');
    const titles = (f.fixes ?? []).map((x) => x.title);
    assert.ok(titles.some((t) => /^Add the OAuth settings/.test(t)), titles.join('\n'));
    for (const fix of f.fixes ?? []) {
      assert.ok(fix.changes.every((c) => c.kind === 'insert' && c.placeholder === true), 'placeholders to fill in, never applied by fix-all');
      assert.ok(!fix.unambiguous);
    }
  });

  it('is silent on an update that passes every setting, on creates, resources and unknown bodies', () => {
    const full = {
      ...partialUpdate,
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid'],
      CallbackURLs: ['https://example.com/cb'],
      LogoutURLs: ['https://example.com/out'],
      DefaultRedirectURI: 'https://example.com/cb',
      SupportedIdentityProviders: ['COGNITO'],
      AccessTokenValidity: 60,
      IdTokenValidity: 60,
      RefreshTokenValidity: 30,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
      ReadAttributes: ['email'],
      WriteAttributes: ['email'],
    };
    assert.deepEqual(run('update-resets-omitted', build(full, { surface: 'sdk', operation: 'update' })), []);
    assert.deepEqual(run('update-resets-omitted', build(partialUpdate, { surface: 'sdk', operation: 'create' })), []);
    assert.deepEqual(run('update-resets-omitted', build(partialUpdate, { surface: 'cloudformation' })), []);
    const unknownBody = build(undefined, { surface: 'sdk', operation: 'update' });
    assert.deepEqual(run('update-resets-omitted', unknownBody), []);
  });

  it('stays silent when the call may pass more than is written (a spread)', () => {
    const built = build(partialUpdate, { surface: 'sdk', operation: 'update' });
    const at = { start: 0, end: 3 };
    built.def.open = { reason: '...createRequest', span: at };
    built.def.properties = openProperties(built.def.properties, at, '...createRequest');
    assert.deepEqual(run('update-resets-omitted', built), []);
  });
});

describe('open bodies (a spread, **kwargs)', () => {
  it('answer every absent name with an Unknown property and keep what is written', () => {
    const built = build({ ClientName: 'web', AllowedOAuthFlows: ['code'] }, { surface: 'sdk', operation: 'create' });
    const at = { start: 1, end: 4 };
    const props = openProperties(built.def.properties, at, '...defaults');
    assert.equal(props.size, 2);
    assert.deepEqual([...props.keys()].sort(), ['AllowedOAuthFlows', 'ClientName']);
    assert.equal(props.get('ClientName')?.value.kind, 'string');
    assert.ok(props.has('CallbackURLs'));
    const absent = props.get('CallbackURLs');
    assert.equal(absent?.value.kind, 'unknown');
    assert.deepEqual(absent?.value.span, at);
  });

  it('keep the absence rules silent: missing-required, authorization-flow-requires-callback, user-existence-errors-legacy', () => {
    const body = { ClientName: 'web', AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid'] };
    const closed = build(body, { surface: 'sdk', operation: 'create' });
    const ids = (def: typeof closed.def) => runRules({ surface: 'sdk', clients: [def], context: emptyFileContext(), problems: [] }).map((f) => f.ruleId).sort();
    const before = ids(closed.def);
    for (const id of ['missing-required', 'authorization-flow-requires-callback', 'user-existence-errors-legacy']) assert.ok(before.includes(id), `${id} fires on the closed body: ${before.join(', ')}`);
    const open = build(body, { surface: 'sdk', operation: 'create' });
    const at = { start: 0, end: 1 };
    open.def.open = { reason: '...defaults', span: at };
    open.def.properties = openProperties(open.def.properties, at, '...defaults');
    const after = ids(open.def);
    for (const id of ['missing-required', 'authorization-flow-requires-callback', 'user-existence-errors-legacy']) assert.ok(!after.includes(id), `${id} is silent on the open body: ${after.join(', ')}`);
  });
});
