/**
 * The CDK L2 `UserPoolClient` / `addClient` in TypeScript: recognition, the effective
 * CloudFormation properties the CDK synthesises (each case's expected values are those the facts
 * file, /work/shared/reference/cdk-l2-facts.md, records from real synths with aws-cdk-lib 2.278.0),
 * every synth-time error with the CDK's exact text, and findings worded in the L2's terms.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { ClientDefinition, LocatedValue, ObjectValue } from '../../server/src/model';
import { analyse } from '../../server/src/service';
import { applyEdits } from '../../server/src/surfaces/apply-edits';
import { editsForFix } from '../../server/src/surfaces/edits';
import { cdkL2Definition, humanDuration } from '../../server/src/surfaces/sdk/cdk-l2';
import { loadGrammar } from '../../server/src/surfaces/tree-sitter';
import { DEFAULT_CASES, SYNTH_CASES } from '../support/cdk-l2-cases';

before(async () => {
  assert.ok(await loadGrammar('typescript'));
});

const HEAD = `import { Duration, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { AuthFlow, ClientAttributes, OAuthScope, UserPool, UserPoolClient, UserPoolClientIdentityProvider } from 'aws-cdk-lib/aws-cognito';
const pool = new UserPool(this, 'Pool');
`;

/** A plain view of a value: literals as themselves, Unknown as `?`. */
function plain(v: LocatedValue): unknown {
  if (v.kind === 'list') return v.items.map(plain);
  if (v.kind === 'object') return Object.fromEntries(v.members.map((m) => [m.name, plain(m.value)]));
  if (v.kind === 'unknown') return '?';
  if (v.kind === 'null') return null;
  return v.value;
}

function analysed(body: string) {
  const text = HEAD + body;
  const a = analyse({ uri: 'file:///stack/lib/stack.ts', languageId: 'typescript', text });
  assert.ok(a, 'the JS surface reads the file');
  return { text, a };
}

/** The one client's effective properties, plainly. */
function effective(body: string): Record<string, unknown> {
  const { a } = analysed(body);
  assert.equal(a.model.clients.length, 1, a.model.clients.map((c) => c.name).join(', '));
  return props(a.model.clients[0]);
}

function props(def: ClientDefinition): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, p] of def.properties) if (k !== 'UserPoolId') out[k] = plain(p.value);
  return out;
}

function client(props: string): string {
  return `new UserPoolClient(this, 'Client', { userPool: pool, ${props} });\n`;
}

const DEFAULT_OAUTH = {
  AllowedOAuthFlowsUserPoolClient: true,
  AllowedOAuthFlows: ['implicit', 'code'],
  AllowedOAuthScopes: ['profile', 'phone', 'email', 'openid', 'aws.cognito.signin.user.admin'],
  CallbackURLs: ['https://example.com'],
  SupportedIdentityProviders: ['COGNITO'],
};

/** The synth errors of a file (message without the rule's prefix). */
function synthErrors(body: string): string[] {
  const { a } = analysed(body);
  return a.findings.filter((f) => f.ruleId === 'cdk-synth-error').map((f) => {
    assert.equal(f.severity, 'error');
    return f.message.replace(/^`cdk synth` will fail: /, '');
  });
}

describe('CDK L2: recognition', () => {
  it('new UserPoolClient, cognito.UserPoolClient, aws_cognito.UserPoolClient and addClient with and without props', () => {
    const { a } = analysed(`new UserPoolClient(this, 'A', { userPool: pool });
new cognito.UserPoolClient(this, 'B', { userPool: pool });
new aws_cognito.UserPoolClient(this, 'C', { userPool: pool });
pool.addClient('D', { generateSecret: true });
pool.addClient('E');
new cognito.CfnUserPoolClient(this, 'L1', { userPoolId: pool.userPoolId });
`);
    assert.deepEqual(a.model.clients.map((c) => c.name), ['A', 'B', 'C', 'D', 'E', 'L1']);
    for (const c of a.model.clients.slice(0, 5)) {
      assert.equal(c.surface, 'cloudformation');
      assert.equal(c.spelling, 'cdk');
      assert.ok(c.derived, `${c.name} is derived from the L2`);
      assert.equal(c.properties.get('UserPoolId')?.value.kind, 'unknown');
    }
    assert.equal(a.model.clients[5].derived, undefined, 'the L1 is not derived');
  });

  it('only in a file that uses the CDK: addClient and UserPoolClient are common names elsewhere', () => {
    const text = "registry.addClient('Acme Corporation', makeProfile('Acme'));\nconst c = new UserPoolClient(this, 'X', {});\nnew CreateUserPoolClientCommand({ ClientName: 'x' });\n";
    const a = analyse({ uri: 'file:///app/registry.ts', languageId: 'typescript', text });
    assert.deepEqual(a?.model.clients.map((c) => c.name), ['CreateUserPoolClientCommand']);
  });

  it('addClient without props synthesises the same client as the construct without options', () => {
    const { a } = analysed(`pool.addClient('Noopts');\nnew UserPoolClient(this, 'Default', { userPool: pool });\n`);
    assert.deepEqual(props(a.model.clients[0]), DEFAULT_OAUTH);
    assert.deepEqual(props(a.model.clients[1]), DEFAULT_OAUTH);
  });

  it('props bound to a const in the file are read; a spread leaves the defaults open', () => {
    assert.deepEqual(effective(`const props = { userPool: pool, generateSecret: true };\nnew UserPoolClient(this, 'C', props);\n`), { ...DEFAULT_OAUTH, GenerateSecret: true });
    const { a } = analysed(`new UserPoolClient(this, 'C', { ...base, userPool: pool });\n`);
    const def = a.model.clients[0];
    assert.ok(def.open);
    assert.equal(def.properties.get('AllowedOAuthFlows')?.value.kind, 'unknown', 'absent properties are unknown');
    assert.deepEqual(a.findings.map((f) => f.ruleId), [], 'no default is concluded');
  });

  it('props that are not a literal make every property unknown', () => {
    const { a } = analysed(`new UserPoolClient(this, 'C', makeProps());\n`);
    assert.equal(a.model.clients[0].properties.get('AllowedOAuthFlows')?.value.kind, 'unknown');
    assert.deepEqual(a.findings, []);
  });
});

describe('CDK L2: OAuth defaults (facts §2.1)', () => {
  it('oAuth omitted: implicit + code, the 5 scopes in the CDK order, https://example.com', () => {
    assert.deepEqual(effective(client('')), DEFAULT_OAUTH);
  });
  it('oAuth: {} is the same as omitted', () => {
    assert.deepEqual(effective(client('oAuth: {}')), DEFAULT_OAUTH);
  });
  it('flows replace the default whole: code only', () => {
    assert.deepEqual(effective(client('oAuth: { flows: { authorizationCodeGrant: true } }')), { ...DEFAULT_OAUTH, AllowedOAuthFlows: ['code'] });
  });
  it('flows: {} writes no flows and no callback, but still the 5 scopes', () => {
    const { CallbackURLs: _c, AllowedOAuthFlows: _f, ...rest } = DEFAULT_OAUTH;
    assert.deepEqual(effective(client('oAuth: { flows: {} }')), rest);
  });
  it('client credentials only: no default callback, an empty callbackUrls is accepted and left out, the 5 scopes', () => {
    assert.deepEqual(effective(client("oAuth: { flows: { clientCredentials: true }, callbackUrls: [] }")), {
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['client_credentials'],
      AllowedOAuthScopes: DEFAULT_OAUTH.AllowedOAuthScopes,
      SupportedIdentityProviders: ['COGNITO'],
    });
  });
  it('client credentials with defaultRedirectUri and no callbacks: written without a check', () => {
    const e = effective(client("oAuth: { flows: { clientCredentials: true }, defaultRedirectUri: 'https://app.example.com/cb' }"));
    assert.equal(e.DefaultRedirectURI, 'https://app.example.com/cb');
    assert.equal(e.CallbackURLs, undefined);
  });
  it('scopes: deduplicated, openid appended after email / phone / profile; [] stays []', () => {
    assert.deepEqual(effective(client('oAuth: { scopes: [OAuthScope.EMAIL] }')).AllowedOAuthScopes, ['email', 'openid']);
    assert.deepEqual(effective(client('oAuth: { scopes: [OAuthScope.PHONE, OAuthScope.PHONE, cognito.OAuthScope.OPENID] }')).AllowedOAuthScopes, ['phone', 'openid']);
    assert.deepEqual(effective(client("oAuth: { scopes: [OAuthScope.COGNITO_ADMIN, OAuthScope.custom('api/read')] }")).AllowedOAuthScopes, ['aws.cognito.signin.user.admin', 'api/read']);
    assert.deepEqual(effective(client('oAuth: { scopes: [] }')).AllowedOAuthScopes, []);
  });
  it('OAuthScope.resourceServer(server, scope) is the server identifier / scope name when both are declared in the file', () => {
    const body = `const api = pool.addResourceServer('Api', { identifier: 'orders', scopes: [] });
const readScope = new cognito.ResourceServerScope({ scopeName: 'read', scopeDescription: 'Read' });
const other = new cognito.UserPoolResourceServer(this, 'Other', { userPool: pool, identifier: 'billing' });
${client("oAuth: { flows: { clientCredentials: true }, scopes: [OAuthScope.resourceServer(api, readScope), OAuthScope.resourceServer(other, new cognito.ResourceServerScope({ scopeName: 'write', scopeDescription: 'w' })), OAuthScope.resourceServer(elsewhere, readScope)] }")}`;
    assert.deepEqual(effective(body).AllowedOAuthScopes, ['orders/read', 'billing/write', '?']);
  });
  it('disableOAuth: no flows, scopes or callbacks; the flag false; providers still written', () => {
    assert.deepEqual(effective(client('disableOAuth: true')), { AllowedOAuthFlowsUserPoolClient: false, SupportedIdentityProviders: ['COGNITO'] });
  });
  it('logoutUrls pass through, [] included', () => {
    assert.deepEqual(effective(client('oAuth: { logoutUrls: [] }')).LogoutURLs, []);
  });
});

describe('CDK L2: authFlows (facts §2.2)', () => {
  it('omitted or {}: no ExplicitAuthFlows (the service default applies)', () => {
    assert.equal(effective(client('')).ExplicitAuthFlows, undefined);
    assert.equal(effective(client('authFlows: {}')).ExplicitAuthFlows, undefined);
  });
  it('any key, even false: the flags in the CDK order, then ALLOW_REFRESH_TOKEN_AUTH', () => {
    assert.deepEqual(effective(client('authFlows: { custom: false }')).ExplicitAuthFlows, ['ALLOW_REFRESH_TOKEN_AUTH']);
    assert.deepEqual(effective(client('authFlows: { user: true, userSrp: true, custom: true, adminUserPassword: true, userPassword: true }')).ExplicitAuthFlows, [
      'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH',
    ]);
  });
  it('with refreshTokenRotationGracePeriod the refresh flow is not appended; rotation is written ENABLED', () => {
    const e = effective(client('authFlows: { userSrp: true }, refreshTokenRotationGracePeriod: Duration.seconds(30)'));
    assert.deepEqual(e.ExplicitAuthFlows, ['ALLOW_USER_SRP_AUTH']);
    assert.deepEqual(e.RefreshTokenRotation, { Feature: 'ENABLED', RetryGracePeriodSeconds: 30 });
    assert.deepEqual(effective(client('authFlows: { custom: false }, refreshTokenRotationGracePeriod: Duration.seconds(0)')).ExplicitAuthFlows, []);
    assert.equal(effective(client('refreshTokenRotationGracePeriod: Duration.minutes(1)')).ExplicitAuthFlows, undefined);
    assert.deepEqual(effective(client('refreshTokenRotationGracePeriod: Duration.seconds(0)')).RefreshTokenRotation, { Feature: 'ENABLED', RetryGracePeriodSeconds: 0 });
  });
});

describe('CDK L2: pass-through props, identity providers, validity, attributes, analytics (facts §2.3-2.6, §1)', () => {
  it('generateSecret false is written; preventUserExistenceErrors true / false / omitted; enableTokenRevocation omitted', () => {
    assert.equal(effective(client('generateSecret: false')).GenerateSecret, false);
    assert.equal(effective(client('preventUserExistenceErrors: true')).PreventUserExistenceErrors, 'ENABLED');
    assert.equal(effective(client('preventUserExistenceErrors: false')).PreventUserExistenceErrors, 'LEGACY');
    const e = effective(client(''));
    assert.equal(e.PreventUserExistenceErrors, undefined);
    assert.equal(e.EnableTokenRevocation, undefined);
    assert.equal(effective(client("userPoolClientName: 'web'")).ClientName, 'web');
  });
  it('supportedIdentityProviders: names in order, [] writes nothing, omitted is COGNITO plus the providers constructed before', () => {
    assert.deepEqual(effective(client("supportedIdentityProviders: [UserPoolClientIdentityProvider.GOOGLE, UserPoolClientIdentityProvider.custom('MySaml')]")).SupportedIdentityProviders, ['Google', 'MySaml']);
    assert.deepEqual(effective(client('supportedIdentityProviders: [UserPoolClientIdentityProvider.APPLE, UserPoolClientIdentityProvider.FACEBOOK, UserPoolClientIdentityProvider.AMAZON, UserPoolClientIdentityProvider.COGNITO]')).SupportedIdentityProviders, ['SignInWithApple', 'Facebook', 'LoginWithAmazon', 'COGNITO']);
    assert.equal(effective(client('supportedIdentityProviders: []')).SupportedIdentityProviders, undefined);
    const google = "new cognito.UserPoolIdentityProviderGoogle(this, 'G', { userPool: pool, clientId: 'x' });\n";
    assert.deepEqual(effective(google + client('')).SupportedIdentityProviders, ['?', 'COGNITO'], 'a provider before the client: its Ref, then COGNITO');
    assert.deepEqual(effective(client('') + google).SupportedIdentityProviders, ['COGNITO'], 'a provider after the client is not listed');
  });
  it('Durations in whole minutes with TokenValidityUnits minutes for the tokens set', () => {
    const e = effective(client('accessTokenValidity: Duration.hours(1), refreshTokenValidity: Duration.days(3650), authSessionValidity: Duration.minutes(3)'));
    assert.equal(e.AccessTokenValidity, 60);
    assert.equal(e.RefreshTokenValidity, 5256000);
    assert.equal(e.AuthSessionValidity, 3);
    assert.deepEqual(e.TokenValidityUnits, { AccessToken: 'minutes', RefreshToken: 'minutes' });
    assert.equal(effective(client('')).TokenValidityUnits, undefined);
    assert.equal(effective(client('idTokenValidity: cdk.Duration.seconds(300)')).IdTokenValidity, 5);
  });
  it('ClientAttributes: sorted, standard names mapped, custom: prefixed once; new ClientAttributes() is []', () => {
    assert.deepEqual(effective(client('writeAttributes: new ClientAttributes()')).WriteAttributes, []);
    const e = effective(`const attrs = new ClientAttributes().withStandardAttributes({ fullname: true, email: true, profilePicture: true, timezone: true, lastUpdateTime: true, profilePage: true, phoneNumber: false });
${client("readAttributes: attrs.withCustomAttributes('favoritePizza', 'custom:tier')")}`);
    assert.deepEqual(e.ReadAttributes, ['custom:favoritePizza', 'custom:tier', 'email', 'name', 'picture', 'profile', 'updated_at', 'zoneinfo']);
  });
  it('analytics: application alone, or applicationId + externalId + role', () => {
    assert.deepEqual(effective(client('analytics: { application: app, shareUserData: true }')).AnalyticsConfiguration, { ApplicationArn: '?', UserDataShared: true });
    assert.deepEqual(effective(client("analytics: { applicationId: 'abc', externalId: 'ext', role }")).AnalyticsConfiguration, { ApplicationId: 'abc', ExternalId: 'ext', RoleArn: '?' });
  });
});

describe('CDK L2: synth-time errors with the exact texts (facts §3)', () => {
  it('1: oAuth with disableOAuth', () => {
    assert.deepEqual(synthErrors(client('disableOAuth: true, oAuth: {}')), ['OAuth settings cannot be specified when disableOAuth is set.']);
  });
  it('2: an empty callbackUrls with the code or implicit grant, the default flows included', () => {
    const message = 'callbackUrl must not be empty when codeGrant or implicitGrant OAuth flows are enabled.';
    assert.deepEqual(synthErrors(client('oAuth: { callbackUrls: [] }')), [message]);
    assert.deepEqual(synthErrors(client('oAuth: { flows: { implicitCodeGrant: true }, callbackUrls: [] }')), [message]);
    assert.deepEqual(synthErrors(client('oAuth: { flows: { clientCredentials: true }, callbackUrls: [] }')), []);
  });
  it('3: defaultRedirectUri not among the callbacks, the default https://example.com included', () => {
    assert.deepEqual(synthErrors(client("oAuth: { defaultRedirectUri: 'https://example.com' }")), []);
    assert.deepEqual(synthErrors(client("oAuth: { defaultRedirectUri: 'https://app.example.com' }")), ['defaultRedirectUri must be included in callbackUrls.']);
    assert.deepEqual(synthErrors(client("oAuth: { callbackUrls: ['https://a.example.com'], defaultRedirectUri: 'https://b.example.com' }")), ['defaultRedirectUri must be included in callbackUrls.']);
  });
  it('4: defaultRedirectUri against the pattern, printed without its backslashes', () => {
    assert.deepEqual(synthErrors(client("oAuth: { callbackUrls: ['https://a b'], defaultRedirectUri: 'https://a b' }")), ['defaultRedirectUri must match the `^(?=.{1,1024}$)[p{L}p{M}p{S}p{N}p{P}]+$` pattern, got https://a b']);
  });
  it('5: context data without a secret', () => {
    const message = 'Cannot activate enablePropagateAdditionalUserContextData in an app client without a client secret.';
    assert.deepEqual(synthErrors(client('enablePropagateAdditionalUserContextData: true')), [message]);
    assert.deepEqual(synthErrors(client('enablePropagateAdditionalUserContextData: true, generateSecret: false')), [message]);
    assert.deepEqual(synthErrors(client('enablePropagateAdditionalUserContextData: true, generateSecret: true')), []);
  });
  it('6: clientCredentials with another grant', () => {
    assert.deepEqual(synthErrors(client("oAuth: { flows: { clientCredentials: true, authorizationCodeGrant: true }, callbackUrls: ['https://a.example.com'] }")), ['clientCredentials OAuth flow cannot be selected along with codeGrant or implicitGrant.']);
    assert.deepEqual(synthErrors(client('disableOAuth: true')), []);
  });
  it('7: Durations out of range, bounds and values in the CDK\'s human form', () => {
    assert.deepEqual(synthErrors(client('accessTokenValidity: Duration.minutes(4)')), ['accessTokenValidity: Must be a duration between 5 minutes and 1 day (inclusive); received 4 minutes.']);
    assert.deepEqual(synthErrors(client('idTokenValidity: Duration.days(2)')), ['idTokenValidity: Must be a duration between 5 minutes and 1 day (inclusive); received 2 days.']);
    assert.deepEqual(synthErrors(client('refreshTokenValidity: Duration.minutes(59)')), ['refreshTokenValidity: Must be a duration between 1 hour and 3650 days (inclusive); received 59 minutes.']);
    assert.deepEqual(synthErrors(client('authSessionValidity: Duration.minutes(16)')), ['authSessionValidity: Must be a duration between 3 minutes and 15 minutes (inclusive); received 16 minutes.']);
    assert.deepEqual(synthErrors(client('refreshTokenRotationGracePeriod: Duration.seconds(61)')), ['refreshTokenRotationGracePeriod: Must be a duration between 0 seconds and 1 minute (inclusive); received 1 minute 1 second.']);
    assert.deepEqual(synthErrors(client('refreshTokenValidity: Duration.hours(1), accessTokenValidity: Duration.hours(2)')), ['accessTokenValidity: Must be a duration between 5 minutes and 1 hour (inclusive); received 2 hours.']);
    assert.deepEqual(synthErrors(client('accessTokenValidity: Duration.hours(2)')), [], 'without refresh only the 1-day cap applies');
  });
  it('8: not a whole number of minutes (seconds for the rotation grace period); negative amounts', () => {
    assert.deepEqual(synthErrors(client('idTokenValidity: Duration.seconds(330)')), ["'330 seconds' cannot be converted into a whole number of minutes."]);
    assert.deepEqual(synthErrors(client('refreshTokenRotationGracePeriod: Duration.millis(500)')), ["'500 millis' cannot be converted into a whole number of seconds."]);
    assert.deepEqual(synthErrors(client('accessTokenValidity: Duration.minutes(-1)')), ['Duration amounts cannot be negative. Received: -1']);
  });
  it('10 / 11: analytics', () => {
    assert.deepEqual(synthErrors(client("analytics: { application: app, applicationId: 'abc' }")), ['Either `application` or all of `applicationId`, `externalId` and `role` must be specified.']);
    assert.deepEqual(synthErrors(client("analytics: { applicationId: 'abc', role }")), ['Either all of `applicationId`, `externalId` and `role` must be specified or `application` must be specified.']);
  });
  it('the human form of Durations', () => {
    assert.equal(humanDuration({ amount: 61, unit: 'seconds' }), '1 minute 1 second');
    assert.equal(humanDuration({ amount: 3650, unit: 'days' }), '3650 days');
    assert.equal(humanDuration({ amount: 60, unit: 'minutes' }), '1 hour');
    assert.equal(humanDuration({ amount: 0, unit: 'seconds' }), '0 seconds');
  });
  it('a property the CDK would throw on is not checked again by the other rules', () => {
    const { a } = analysed(client("accessTokenValidity: Duration.minutes(4), oAuth: { callbackUrls: [] }"));
    assert.deepEqual(a.findings.filter((f) => f.severity === 'error').map((f) => f.ruleId), ['cdk-synth-error', 'cdk-synth-error']);
  });
});

describe('CDK L2: findings in the CDK\'s terms', () => {
  it('a finding caused by a default is at the construct call and says which default did it', () => {
    const { text, a } = analysed(`pool.addClient('Web');\n`);
    const implicit = a.findings.find((f) => f.ruleId === 'implicit-flow-discouraged');
    assert.ok(implicit);
    assert.equal(text.slice(implicit.span.start, implicit.span.end), 'addClient');
    assert.match(implicit.message, /^`oAuth` is not set, so the CDK enables the implicit and code grants with every standard scope and https:\/\/example\.com as the callback\. /);
    assert.match(implicit.message, /oAuth\.flows/);
    assert.doesNotMatch(implicit.message, /AllowedOAuthFlows/);
    assert.deepEqual(implicit.fixes?.map((f) => f.changes), [[{ kind: 'set', path: ['oAuth'], value: { flows: { authorizationCodeGrant: true }, callbackUrls: ['https://example.com/callback'] } }]], 'the fix addresses the props');
    const legacy = a.findings.find((f) => f.ruleId === 'user-existence-errors-legacy');
    assert.ok(legacy);
    assert.match(legacy.message, /^preventUserExistenceErrors is not set, so it defaults to LEGACY: .* Set it to true\.$/);
  });
  it('a finding on a written prop points at it and names it as the L2 does', () => {
    const { text, a } = analysed(client("oAuth: { flows: { implicitCodeGrant: true }, callbackUrls: ['https://app.example.com/cb'] }, preventUserExistenceErrors: false"));
    const implicit = a.findings.find((f) => f.ruleId === 'implicit-flow-discouraged')!;
    assert.equal(text.slice(implicit.span.start, implicit.span.end), 'implicitCodeGrant: true');
    assert.match(implicit.message, /^The implicit flow in oAuth\.flows /);
    const legacy = a.findings.find((f) => f.ruleId === 'user-existence-errors-legacy')!;
    assert.equal(text.slice(legacy.span.start, legacy.span.end), 'preventUserExistenceErrors: false');
    assert.match(legacy.message, /^preventUserExistenceErrors is LEGACY/);
  });
  it('findings about the items of one default are one finding at the call', () => {
    const { a } = analysed("pool.addClient('M', { preventUserExistenceErrors: true, generateSecret: true, oAuth: { flows: { clientCredentials: true } } });\n");
    const scopes = a.findings.filter((f) => f.ruleId === 'client-credentials-custom-scopes-only');
    assert.equal(scopes.length, 1);
    assert.match(scopes[0].message, /^`oAuth\.scopes` is not set, so the CDK allows every standard scope\. profile in oAuth\.scopes is a user scope.* The same holds for 4 more items of this default\.$/);
  });

  it('a clean client has no finding', () => {
    const { a } = analysed(client("oAuth: { flows: { authorizationCodeGrant: true }, scopes: [OAuthScope.OPENID], callbackUrls: ['https://app.example.com/cb'] }, preventUserExistenceErrors: true"));
    assert.deepEqual(a.findings.map((f) => `${f.ruleId}: ${f.message}`), []);
  });
});

describe('CDK L2: quick fixes in TS syntax', () => {
  /** The text after applying the preferred fix of a rule's finding (the body only). */
  function fixed(body: string, ruleId: string): { text: string; title: string; unambiguous?: boolean } {
    const { text, a } = analysed(body);
    const finding = a.findings.find((f) => f.ruleId === ruleId);
    assert.ok(finding, `${ruleId} fires`);
    const fix = finding.fixes?.find((f) => f.isPreferred);
    assert.ok(fix, `${ruleId} has a fix`);
    const def = a.model.clients.find((c) => c.span.start <= finding.span.start && finding.span.end <= c.span.end)!;
    const doc = { uri: 'file:///stack/lib/stack.ts', languageId: 'typescript', text };
    const edits = editsForFix('sdk-javascript', doc, a.model, def, fix);
    assert.ok(edits, `the fix of ${ruleId} can be written`);
    const after = applyEdits(text, edits);
    const again = analysed(after.slice(HEAD.length)).a;
    assert.ok(!again.findings.some((f) => f.ruleId === ruleId), `${ruleId} no longer fires after the fix`);
    return { text: after.slice(HEAD.length), title: fix.title, unambiguous: fix.unambiguous };
  }

  it('preventUserExistenceErrors left out: add it as true', () => {
    const r = fixed("new UserPoolClient(this, 'C', {\n  userPool: pool,\n});\n", 'user-existence-errors-legacy');
    assert.equal(r.text, "new UserPoolClient(this, 'C', {\n  userPool: pool,\n  preventUserExistenceErrors: true,\n});\n");
    assert.equal(r.title, 'Set preventUserExistenceErrors to true');
  });

  it('preventUserExistenceErrors: false becomes true', () => {
    assert.equal(fixed("new UserPoolClient(this, 'C', { userPool: pool, preventUserExistenceErrors: false });\n", 'user-existence-errors-legacy').text, "new UserPoolClient(this, 'C', { userPool: pool, preventUserExistenceErrors: true });\n");
  });

  it('oAuth left out: add oAuth with the code grant and an explicit callback (never applied without a person)', () => {
    const r = fixed("pool.addClient('Web', {\n  generateSecret: false,\n});\n", 'implicit-flow-discouraged');
    assert.equal(r.text, "pool.addClient('Web', {\n  generateSecret: false,\n  oAuth: {\n    flows: {\n      authorizationCodeGrant: true,\n    },\n    callbackUrls: ['https://example.com/callback'],\n  },\n});\n");
    assert.equal(r.unambiguous, false);
  });

  it('implicitCodeGrant written true: set it to false (and the code grant on)', () => {
    const r = fixed("pool.addClient('Web', { oAuth: { flows: { implicitCodeGrant: true }, callbackUrls: ['https://app.example.com/cb'] } });\n", 'implicit-flow-discouraged');
    assert.equal(r.text, "pool.addClient('Web', { oAuth: { flows: { implicitCodeGrant: false, authorizationCodeGrant: true }, callbackUrls: ['https://app.example.com/cb'] } });\n");
  });

  it('oAuth without flows: flows set to the code grant only', () => {
    const r = fixed("pool.addClient('Web', { oAuth: { callbackUrls: ['https://app.example.com/cb'] } });\n", 'implicit-flow-discouraged');
    assert.equal(r.text, "pool.addClient('Web', { oAuth: { callbackUrls: ['https://app.example.com/cb'], flows: { authorizationCodeGrant: true } } });\n");
  });

  it('a lifetime out of range or not whole: the nearest valid Duration, qualified as written', () => {
    assert.equal(fixed("pool.addClient('C', { preventUserExistenceErrors: true, accessTokenValidity: Duration.minutes(4) });\n", 'cdk-synth-error').text, "pool.addClient('C', { preventUserExistenceErrors: true, accessTokenValidity: Duration.minutes(5) });\n");
    assert.equal(fixed("pool.addClient('C', { preventUserExistenceErrors: true, idTokenValidity: cdk.Duration.seconds(330) });\n", 'cdk-synth-error').text, "pool.addClient('C', { preventUserExistenceErrors: true, idTokenValidity: cdk.Duration.minutes(6) });\n");
    assert.equal(fixed("pool.addClient('C', { preventUserExistenceErrors: true, refreshTokenValidity: Duration.days(4000) });\n", 'cdk-synth-error').text, "pool.addClient('C', { preventUserExistenceErrors: true, refreshTokenValidity: Duration.days(3650) });\n");
    assert.equal(fixed("pool.addClient('C', { preventUserExistenceErrors: true, refreshTokenRotationGracePeriod: Duration.seconds(61) });\n", 'cdk-synth-error').text, "pool.addClient('C', { preventUserExistenceErrors: true, refreshTokenRotationGracePeriod: Duration.minutes(1) });\n");
    assert.equal(fixed("pool.addClient('C', { preventUserExistenceErrors: true, refreshTokenRotationGracePeriod: Duration.millis(500) });\n", 'cdk-synth-error').text, "pool.addClient('C', { preventUserExistenceErrors: true, refreshTokenRotationGracePeriod: Duration.seconds(1) });\n");
    assert.equal(fixed("pool.addClient('C', { preventUserExistenceErrors: true, idTokenValidity: Duration.days(2) });\n", 'cdk-synth-error').title, 'Set idTokenValidity to Duration.days(1)');
  });

  it('a property the L2 passes through: the same fix on the prop (generateSecret, enableTokenRevocation)', () => {
    const r = fixed("pool.addClient('M', { preventUserExistenceErrors: true, oAuth: { flows: { clientCredentials: true }, scopes: [OAuthScope.custom('api/read')] } });\n", 'client-credentials-requires-secret');
    assert.equal(r.text, "pool.addClient('M', { preventUserExistenceErrors: true, oAuth: { flows: { clientCredentials: true }, scopes: [OAuthScope.custom('api/read')] }, generateSecret: true });\n");
    assert.match(r.title, /generateSecret/);
    assert.equal(fixed(client('preventUserExistenceErrors: true, enableTokenRevocation: false'), 'token-revocation-disabled').text, client('preventUserExistenceErrors: true, enableTokenRevocation: true'));
  });

  it('fixes of other rules are not offered on L2 clients (they address the synthesised resource)', () => {
    const { a } = analysed(client("oAuth: { flows: { authorizationCodeGrant: true }, callbackUrls: ['http://app.example.com/cb'] }, preventUserExistenceErrors: true"));
    const insecure = a.findings.find((f) => f.ruleId === 'redirect-uri-insecure');
    assert.ok(insecure);
    assert.equal(insecure.fixes, undefined);
  });
});

describe('CDK L2: odd and half-typed props never break the reading', () => {
  const odd = [
    'oAuth: null, authFlows: undefined, analytics: 3',
    'oAuth: settings, authFlows: flows, supportedIdentityProviders: providers, readAttributes: attrs',
    "oAuth: { flows: flagsFrom(env), scopes: [...extra, OAuthScope.custom(name)], callbackUrls: urls, defaultRedirectUri: `https://${host}` }",
    "oAuth: { flows: { implicitCodeGrant: isDev, clientCredentials: 1 }, callbackUrls: [] }",
    'accessTokenValidity: Duration.minutes(n), idTokenValidity: Duration.minutes(), refreshTokenValidity: Duration.days("3"), authSessionValidity: Duration.parse("PT5M")',
    'readAttributes: new ClientAttributes().withStandardAttributes(mask).withCustomAttributes(...names)',
    'disableOAuth: cond ? true : false, oAuth: {}',
    'preventUserExistenceErrors: cond ? true : undefined, generateSecret: "yes"',
    "oAuth: { flows: { authorizationCodeGrant: true, "
  ];
  for (const props of odd) {
    it(props, () => {
      const { a } = analysed(client(props));
      assert.ok(a.model.clients.length >= 1);
      for (const f of a.findings) assert.ok(f.span.start >= 0 && f.span.end >= f.span.start);
    });
  }

  it('a conditional disableOAuth makes the OAuth properties unknown, not defaulted', () => {
    const { a } = analysed(client('disableOAuth: process.env.NO_OAUTH === "1"'));
    const def = a.model.clients[0];
    assert.equal(def.properties.get('AllowedOAuthFlows')?.value.kind, 'unknown');
    assert.ok(!a.findings.some((f) => f.ruleId === 'implicit-flow-discouraged'));
  });
});

describe('CDK L2 core fed as a Python reader will feed it (snake_case props, structs as objects)', () => {
  const at = { start: 0, end: 10 };
  let offset = 100;
  const span = () => ({ start: offset, end: (offset += 5) });
  const str = (value: string): LocatedValue => ({ kind: 'string', value, span: span() });
  const bool = (value: boolean): LocatedValue => ({ kind: 'boolean', value, span: span() });
  const num = (value: number): LocatedValue => ({ kind: 'number', value, raw: String(value), span: span() });
  const call = (path: string[], args: LocatedValue[]): LocatedValue => ({ kind: 'unknown', reason: path.join('.'), span: span(), expression: { path, args } });
  const constant = (path: string[]): LocatedValue => ({ kind: 'unknown', reason: path.join('.'), span: span(), expression: { path } });
  const obj = (members: Record<string, LocatedValue>): ObjectValue => ({ kind: 'object', span: span(), members: Object.entries(members).map(([name, value]) => ({ name, keySpan: span(), span: span(), value })) });

  function pyDef(props: ObjectValue | undefined): ClientDefinition {
    return cdkL2Definition({ lang: 'py', props, at, span: { start: 0, end: 1000 }, name: 'Client', via: 'addClient', providersBefore: 0 });
  }

  it('o_auth=OAuthSettings(flows=OAuthFlows(authorization_code_grant=True), scopes=[OAuthScope.EMAIL]), auth_flows, Durations, attributes', () => {
    const def = pyDef(obj({
      o_auth: obj({ flows: obj({ authorization_code_grant: bool(true) }), scopes: { kind: 'list', span: span(), items: [constant(['cognito', 'OAuthScope', 'EMAIL'])] }, callback_urls: { kind: 'list', span: span(), items: [str('https://app.example.com/cb')] } }),
      auth_flows: obj({ user_srp: bool(true) }),
      access_token_validity: call(['Duration', 'hours'], [num(1)]),
      prevent_user_existence_errors: bool(true),
      read_attributes: { kind: 'unknown', reason: 'attrs', span: span(), expression: { path: ['with_custom_attributes'], args: [str('tier')], receiver: { path: ['with_standard_attributes'], args: [obj({ given_name: bool(true), email: bool(true) })], receiver: { path: ['cognito', 'ClientAttributes'], args: [] } } } },
    }));
    assert.equal(def.spelling, 'cdkPython');
    assert.deepEqual(props(def), {
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['email', 'openid'],
      CallbackURLs: ['https://app.example.com/cb'],
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      PreventUserExistenceErrors: 'ENABLED',
      SupportedIdentityProviders: ['COGNITO'],
      AccessTokenValidity: 60,
      TokenValidityUnits: { AccessToken: 'minutes' },
      ReadAttributes: ['custom:tier', 'email', 'given_name'],
    });
    assert.equal(def.derived?.names.AllowedOAuthFlows, 'o_auth.flows');
    assert.equal(def.derived?.names.DisableOAuth, undefined);
  });

  it('disable_o_auth with o_auth is the CDK error; add_client without props gets every default', () => {
    assert.deepEqual(pyDef(obj({ disable_o_auth: bool(true), o_auth: obj({}) })).derived?.errors.map((e) => e.message), ['OAuth settings cannot be specified when disableOAuth is set.']);
    assert.deepEqual(props(pyDef(undefined)), DEFAULT_OAUTH);
  });
});

describe('CDK L2: the shared table of defaults and synth checks, TS spelling (the Python test reads the same table)', () => {
  for (const c of DEFAULT_CASES) {
    it(c.name, () => {
      const e = effective((c.before?.ts ?? '') + client(c.ts));
      if (c.full) assert.deepEqual(e, c.expect);
      else for (const [k, v] of Object.entries(c.expect)) assert.deepEqual(e[k], v, k);
    });
  }
  for (const c of SYNTH_CASES) {
    it(`synth ${c.name}`, () => {
      assert.deepEqual(synthErrors(client(c.ts)), c.errors);
    });
  }
});
