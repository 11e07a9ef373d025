/**
 * The schema-driven shape rules: table cases over every surface renderer (ruleTests), and direct
 * checks on hand-built definitions for surfaces without a parser yet (Terraform, SDK calls), for
 * fix contents and for what the rules leave to each other.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { build, run, severityFor, type Raw } from '../support/model-builder';
import { lintRendered, ruleTests } from '../support/harness';
import { renderers } from '../support/scenario';

const urls = (n: number): string[] => Array.from({ length: n }, (_, i) => `https://example.com/cb/${i}`);

// ---------- every rule over every surface renderer ----------

ruleTests({
  rule: 'unknown-property',
  fires: [
    { name: 'a name that differs only in case', scenario: { client: { CallbackUrls: ['https://example.com/cb'] } }, at: 'CallbackUrls', count: 1 },
    { name: 'OAuth written as Oauth', scenario: { client: { AllowedOauthFlows: ['code'], CallbackURLs: ['https://example.com/cb'] } }, at: 'AllowedOauthFlows' },
    { name: "another surface's spelling", scenario: { client: { callback_urls: ['https://example.com/cb'] } }, at: 'callback_urls' },
    { name: 'a misspelled member of a nested object', scenario: { client: { TokenValidityUnits: { AccessTokens: 'hours' } } }, at: 'AccessTokens' },
    { name: 'a name with no close match', scenario: { client: { Colour: 'blue' } }, at: 'Colour' },
  ],
  clean: [
    { name: 'known properties and members', scenario: { client: { ClientName: 'web', GenerateSecret: false, TokenValidityUnits: { AccessToken: 'minutes' }, AccessTokenValidity: 30 } } },
  ],
  unknown: [
    { name: 'known names with unknown values', scenario: { parameters: ['Urls', 'Units'], client: { CallbackURLs: { $ref: 'Urls' }, TokenValidityUnits: { $ref: 'Units' } } } },
  ],
});

ruleTests({
  rule: 'invalid-type',
  fires: [
    { name: 'a string where a list is expected', scenario: { client: { CallbackURLs: 'https://example.com/cb' } }, at: 'https://example.com/cb', count: 1 },
    { name: '"yes" for a boolean', scenario: { client: { GenerateSecret: 'yes' } }, at: 'yes' },
    { name: 'an object where a string is expected', scenario: { client: { ClientName: { Name: 'web' } } }, at: 'Name' },
    { name: 'a fractional number', scenario: { client: { AuthSessionValidity: 4.5 } }, at: '4.5' },
    { name: 'an object as a list item', scenario: { client: { AllowedOAuthScopes: ['openid', { Scope: 'email' }] } }, at: 'Scope' },
  ],
  clean: [
    { name: 'quoted booleans and numbers (the engine converts them)', scenario: { client: { GenerateSecret: 'true', IdTokenValidity: '1', AuthSessionValidity: '5' } } },
    { name: 'every kind as expected', scenario: { client: { ClientName: 'web', EnableTokenRevocation: true, AuthSessionValidity: 5, AllowedOAuthScopes: ['openid'], TokenValidityUnits: { IdToken: 'hours' } } } },
  ],
  unknown: [
    { name: 'intrinsics in place of values', scenario: { parameters: ['Flag', 'Domain'], client: { GenerateSecret: { $ref: 'Flag' }, CallbackURLs: { $sub: 'https://${Domain}/cb' } } } },
    { name: 'a list with an unknown item', scenario: { parameters: ['Url'], client: { CallbackURLs: [{ $ref: 'Url' }, 'https://example.com/cb'] } } },
  ],
});

ruleTests({
  rule: 'invalid-enum-value',
  fires: [
    { name: 'a flow in the wrong case', scenario: { client: { AllowedOAuthFlows: ['CODE'] } }, at: 'CODE', count: 1 },
    { name: 'an AuthFlow name without ALLOW_', scenario: { client: { ExplicitAuthFlows: ['ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] } }, at: 'ADMIN_USER_PASSWORD_AUTH', count: 1 },
    { name: 'a unit in the wrong case', scenario: { client: { TokenValidityUnits: { AccessToken: 'Hours' } } }, at: 'Hours' },
    { name: 'a value with no close match', scenario: { client: { AllowedOAuthFlows: ['token'] } }, at: 'token' },
    { name: 'one literal branch of a condition', scenario: { conditions: ['IsProd'], client: { PreventUserExistenceErrors: { $if: ['IsProd', 'ENABLED', 'enabled'] } } }, at: 'enabled' },
  ],
  clean: [
    { name: 'allowed values', scenario: { client: { AllowedOAuthFlows: ['code'], PreventUserExistenceErrors: 'ENABLED', TokenValidityUnits: { AccessToken: 'minutes', RefreshToken: 'days' }, ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] } } },
    { name: 'a legacy value is still an allowed value', scenario: { client: { ExplicitAuthFlows: ['USER_PASSWORD_AUTH'] } } },
    { name: 'both branches of a condition allowed', scenario: { conditions: ['IsProd'], client: { PreventUserExistenceErrors: { $if: ['IsProd', 'ENABLED', 'LEGACY'] } } } },
  ],
  unknown: [
    { name: 'unknown values and items', scenario: { parameters: ['Flow', 'Mode'], client: { AllowedOAuthFlows: [{ $ref: 'Flow' }, 'code'], PreventUserExistenceErrors: { $ref: 'Mode' } } } },
  ],
});

ruleTests({
  rule: 'out-of-range',
  fires: [
    { name: 'AuthSessionValidity above 15', scenario: { client: { AuthSessionValidity: 20 } }, at: '20', count: 1 },
    { name: 'AuthSessionValidity below 3, as a quoted number', scenario: { client: { AuthSessionValidity: '2' } }, at: '2' },
    { name: 'a nested member', scenario: { client: { RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 61 } } }, at: '61' },
    { name: 'a token validity number above the raw maximum', scenario: { client: { AccessTokenValidity: 100000, TokenValidityUnits: { AccessToken: 'seconds' } } }, at: '100000' },
  ],
  clean: [
    { name: 'the bounds themselves', scenario: { client: { AuthSessionValidity: 15, RefreshTokenRotation: { Feature: 'DISABLED', RetryGracePeriodSeconds: 0 } } } },
    { name: 'token lifetimes are token-validity-range’s, not raw', scenario: { client: { AccessTokenValidity: 60 } } },
  ],
  unknown: [
    { name: 'an unknown number', scenario: { parameters: ['Minutes'], client: { AuthSessionValidity: { $ref: 'Minutes' } } } },
  ],
});

ruleTests({
  rule: 'invalid-length',
  fires: [
    { name: 'a ClientName of 129 characters', scenario: { client: { ClientName: 'x'.repeat(129) } }, at: 'xxxxxxxx', count: 1 },
    { name: '101 callback URLs', scenario: { client: { CallbackURLs: urls(101) } }, at: 'https://example.com/cb/0' },
    { name: 'an empty URL in a list', scenario: { client: { LogoutURLs: ['https://example.com/out', ''] } }, at: '""' },
    { name: 'four OAuth flows', scenario: { client: { AllowedOAuthFlows: ['code', 'implicit', 'client_credentials', 'code'] } }, at: 'client_credentials' },
  ],
  clean: [
    { name: 'lengths at their bounds', scenario: { client: { ClientName: 'x'.repeat(128), CallbackURLs: urls(100) } } },
  ],
  unknown: [
    { name: 'an unknown name and unknown items', scenario: { parameters: ['Url'], client: { ClientName: { $sub: '${AWS::StackName}-web-client' }, CallbackURLs: [{ $ref: 'Url' }, 'https://example.com/cb'] } } },
  ],
});

ruleTests({
  rule: 'invalid-pattern',
  fires: [
    { name: 'a ClientName with a character the API refuses', scenario: { client: { ClientName: 'my client!' } }, at: 'my client!', count: 1 },
    { name: 'a literal UserPoolId of the wrong shape', scenario: { client: { UserPoolId: 'not-a-pool-id' } }, at: 'not-a-pool-id' },
    { name: 'a scope with a space', scenario: { client: { AllowedOAuthScopes: ['openid', 'api read'] } }, at: 'api read' },
    { name: 'a nested member', scenario: { client: { AnalyticsConfiguration: { ApplicationId: 'not-hex', RoleArn: 'arn:aws:iam::123456789012:role/analytics', ExternalId: 'x' } } }, at: 'not-hex' },
  ],
  clean: [
    { name: 'values in the API shapes', scenario: { client: { UserPoolId: 'us-east-1_AbC123', ClientName: 'web client+1@example.com', AllowedOAuthScopes: ['openid', 'api.example.com/read'], CallbackURLs: ['https://example.com/cb?x=1'] } } },
  ],
  unknown: [
    { name: 'an unknown name', scenario: { client: { ClientName: { $sub: '${AWS::StackName} client!' } } } },
  ],
});

ruleTests({
  rule: 'missing-required',
  fires: [
    { name: 'no UserPoolId', scenario: { noUserPoolId: true, client: { ClientName: 'web' } }, at: 'Client', count: 1 },
  ],
  clean: [
    { name: 'CloudFormation needs no ClientName', scenario: { client: { GenerateSecret: false } } },
    { name: 'CloudFormation does not need RefreshTokenRotation.Feature', scenario: { client: { RefreshTokenRotation: { RetryGracePeriodSeconds: 10 } } } },
    { name: 'a misspelled UserPoolId is unknown-property’s', scenario: { noUserPoolId: true, client: { UserPoolID: { $ref: 'UserPool' } } } },
  ],
  unknown: [
    { name: 'UserPoolId from a parameter', scenario: { parameters: ['PoolId'], noUserPool: true, client: { UserPoolId: { $ref: 'PoolId' } } } },
  ],
});

ruleTests({
  rule: 'duplicate-value',
  fires: [
    { name: 'a scope twice', scenario: { client: { AllowedOAuthScopes: ['openid', 'email', 'openid'] } }, at: 'openid', count: 1 },
    { name: 'a URL three times', scenario: { client: { CallbackURLs: ['https://a.example.com/cb', 'https://a.example.com/cb', 'https://a.example.com/cb'] } }, at: 'https://a.example.com/cb', count: 2 },
  ],
  clean: [
    { name: 'distinct items (case matters)', scenario: { client: { AllowedOAuthScopes: ['openid', 'email'], ReadAttributes: ['email', 'Email'] } } },
  ],
  unknown: [
    { name: 'the same unknown item twice', scenario: { parameters: ['Scope'], client: { AllowedOAuthScopes: [{ $ref: 'Scope' }, 'openid', { $ref: 'Scope' }] } } },
  ],
});

ruleTests({
  rule: 'read-only-property',
  fires: [
    { name: 'ClientId written from an intrinsic (presence is the problem)', scenario: { parameters: ['ClientName'], client: { ClientId: { $ref: 'ClientName' }, ClientName: { $ref: 'ClientName' } } }, at: 'ClientId', count: 1 },
    { name: 'ClientSecret in a template', scenario: { client: { ClientSecret: 'abcdefghijklmnopqrstuvwxyz' } }, at: 'ClientSecret' },
    { name: 'an output only the API spells', scenario: { client: { CreationDate: '2024-01-01' } }, at: 'CreationDate' },
  ],
  clean: [
    { name: 'input properties only', scenario: { client: { ClientName: 'web', GenerateSecret: true } } },
  ],
  unknown: [
    { name: 'a writable property whose value names the output', scenario: { parameters: ['ClientId'], client: { ClientName: { $ref: 'ClientId' } } } },
  ],
});

ruleTests({
  rule: 'create-only-in-update',
  // Only SDK update calls have this write context; the firing cases are built by hand below.
  fires: [],
  clean: [
    { name: 'GenerateSecret in a template', scenario: { client: { GenerateSecret: true } } },
  ],
  unknown: [
    { name: 'GenerateSecret from a parameter in a template', scenario: { parameters: ['Secret'], client: { GenerateSecret: { $ref: 'Secret' } } } },
  ],
});

// ---------- direct checks on hand-built definitions ----------

describe('unknown-property (direct)', () => {
  it('renames CallbackUrls to CallbackURLs: one certain fix on the key span', () => {
    const b = build({ UserPoolId: 'us-east-1_abc', CallbackUrls: ['https://example.com/cb'] });
    const [f, ...rest] = run('unknown-property', b);
    assert.equal(rest.length, 0);
    assert.equal(f.at, '"CallbackUrls"');
    assert.match(f.message, /CallbackUrls is not a user pool client property in CloudFormation \(AWS::Cognito::UserPoolClient\); did you mean CallbackURLs\?/);
    assert.deepEqual(f.fixes, [{ title: 'Rename to CallbackURLs', changes: [{ kind: 'renameKey', keySpan: f.span, to: 'CallbackURLs' }], isPreferred: true, unambiguous: true }]);
  });

  it("names the other surface when a key is another spelling (callback_urls in a template)", () => {
    const [f] = run('unknown-property', build({ callback_urls: ['https://example.com/cb'] }));
    assert.match(f.message, /that is the Terraform spelling, write CallbackURLs here/);
    assert.equal(f.fixes?.[0].changes[0].kind, 'renameKey');
    assert.equal((f.fixes?.[0].changes[0] as { to: string }).to, 'CallbackURLs');
  });

  it('spells suggestions for the surface (Terraform: CallbackURLs -> callback_urls, callback_url -> callback_urls)', () => {
    const [a] = run('unknown-property', build({ user_pool_id: 'x_y', CallbackURLs: [] }, { surface: 'terraform' }));
    assert.equal(a.fixes?.[0].title, 'Rename to callback_urls');
    assert.match(a.message, /not a user pool client property in Terraform \(aws_cognito_user_pool_client\)/);
    const [b] = run('unknown-property', build({ user_pool_id: 'x_y', callback_url: ['https://example.com'] }, { surface: 'terraform' }));
    assert.equal(b.fixes?.[0].title, 'Rename to callback_urls');
    assert.equal(b.fixes?.[0].isPreferred, true);
  });

  it('suggests AllowedOAuthFlows for AllowedOauthFlows and the nested AccessToken for AccessTokens', () => {
    const [a] = run('unknown-property', build({ AllowedOauthFlows: ['code'] }));
    assert.equal((a.fixes?.[0].changes[0] as { to: string }).to, 'AllowedOAuthFlows');
    const [b] = run('unknown-property', build({ TokenValidityUnits: { AccessTokens: 'hours' } }));
    assert.equal(b.at, '"AccessTokens"');
    assert.match(b.message, /not a member of TokenValidityUnits/);
    assert.equal((b.fixes?.[0].changes[0] as { to: string }).to, 'AccessToken');
  });

  it('offers no rename when nothing is close, and lists the members of a nested object', () => {
    const [a] = run('unknown-property', build({ Colour: 'blue' }));
    assert.deepEqual(a.fixes, []);
    assert.match(a.message, /remove it or correct the name/);
    const [b] = run('unknown-property', build({ TokenValidityUnits: { Zzz: 'hours' } }));
    assert.match(b.message, /its members are AccessToken, IdToken and RefreshToken/);
  });

  it('does not report read-only or create-only properties (their own rules do)', () => {
    assert.deepEqual(run('unknown-property', build({ ClientId: 'abc', CreationDate: 'x' })), []);
    assert.deepEqual(run('unknown-property', build({ UserPoolId: 'a_b', ClientId: 'c', GenerateSecret: true }, { surface: 'sdk', operation: 'update' })), []);
  });

  it('reports a Terraform-only property in an SDK call', () => {
    const [f] = run('unknown-property', build({ UserPoolId: 'a_b', ClientName: 'x', region: 'eu-west-1' }, { surface: 'sdk' }));
    assert.equal(f.at, '"region"');
    assert.match(f.message, /in a CreateUserPoolClient call/);
  });

  it('checks keys inside the literal branches of a condition, and nothing in an unknown body', () => {
    const [f] = run('unknown-property', build({ TokenValidityUnits: { $if: ['C', { AccessTokn: 'hours' }, { IdToken: 'hours' }] } }));
    assert.equal(f.at, '"AccessTokn"');
    const unknownBody = build({});
    unknownBody.def.body = { kind: 'unknown', reason: 'Ref', span: { start: 0, end: 1 } };
    assert.deepEqual(run('unknown-property', unknownBody), []);
  });
});

describe('invalid-type (direct)', () => {
  it('in SDK calls a quoted number or boolean is wrong, with a certain conversion', () => {
    const b = build({ UserPoolId: 'a_b', ClientName: 'x', AccessTokenValidity: '60', GenerateSecret: 'true' }, { surface: 'sdk' });
    const fs = run('invalid-type', b);
    assert.deepEqual(fs.map((f) => f.at), ['"60"', '"true"']);
    assert.match(fs[0].message, /AccessTokenValidity must be a whole number, not a string "60"; SDK calls pass values through unconverted; write the number without quotes\./);
    assert.deepEqual(fs[0].fixes, [{ title: 'Change to 60', changes: [{ kind: 'set', path: ['AccessTokenValidity'], value: 60 }], isPreferred: true, unambiguous: true }]);
    assert.deepEqual(fs[1].fixes?.[0].changes, [{ kind: 'set', path: ['GenerateSecret'], value: true }]);
  });

  it('CloudFormation and Terraform accept quoted numbers and booleans, and numbers for strings', () => {
    assert.deepEqual(run('invalid-type', build({ AccessTokenValidity: '1', GenerateSecret: 'false', ClientName: 123 })), []);
    assert.deepEqual(run('invalid-type', build({ access_token_validity: '1', generate_secret: 'true' }, { surface: 'terraform' })), []);
  });

  it('a scalar for a list converts to a one-item list (also for a list item fix path)', () => {
    const [f] = run('invalid-type', build({ CallbackURLs: 'https://example.com/cb' }));
    assert.deepEqual(f.fixes?.[0].changes, [{ kind: 'set', path: ['CallbackURLs'], value: ['https://example.com/cb'] }]);
    assert.equal(f.fixes?.[0].unambiguous, true);
    const [g] = run('invalid-type', build({ UserPoolId: 'a_b', ClientName: 'x', AllowedOAuthScopes: ['openid', 7] }, { surface: 'sdk' }));
    assert.deepEqual(g.fixes?.[0].changes, [{ kind: 'replaceItem', path: ['AllowedOAuthScopes'], index: 1, value: '7' }]);
  });

  it('no fix where a conversion would lose something', () => {
    const fs = run('invalid-type', build({ GenerateSecret: 'yes', ClientName: { a: 1 }, AuthSessionValidity: 4.5, CallbackURLs: { a: 1 } }));
    assert.equal(fs.length, 4);
    for (const f of fs) assert.deepEqual(f.fixes, []);
    assert.match(fs[0].message, /GenerateSecret must be true or false, not a string "yes"; write true or false\./);
    assert.match(fs[1].message, /ClientName must be a string, not an object/);
    assert.match(fs[3].message, /CallbackURLs must be a list of strings, not an object/);
  });

  it('null is an error in CloudFormation and means absent in Terraform and SDK calls', () => {
    const [f] = run('invalid-type', build({ ClientName: null }));
    assert.match(f.message, /ClientName is null, which CloudFormation does not accept/);
    assert.deepEqual(f.fixes?.[0].changes, [{ kind: 'remove', path: ['ClientName'] }]);
    assert.deepEqual(run('invalid-type', build({ name: null }, { surface: 'terraform' })), []);
    assert.deepEqual(run('invalid-type', build({ UserPoolId: 'a_b', ClientName: null }, { surface: 'sdk' })), []);
  });

  it('a Terraform nested block given as a one-item list is an object', () => {
    assert.deepEqual(run('invalid-type', build({ token_validity_units: [{ access_token: 'minutes' }] }, { surface: 'terraform' })), []);
  });

  it('checks literal branches of a condition without fixes, never unknown values', () => {
    const [f, ...rest] = run('invalid-type', build({ GenerateSecret: { $if: ['C', 'yes', true] }, EnableTokenRevocation: { $ref: 'X' } }));
    assert.equal(rest.length, 0);
    assert.equal(f.at, '"yes"');
    assert.match(f.message, /in a branch of a condition/);
    assert.deepEqual(f.fixes, []);
  });
});

describe('invalid-enum-value (direct)', () => {
  const fixesOf = (body: Record<string, Raw>) => run('invalid-enum-value', build(body))[0]?.fixes;

  it('a case fix is the one certain fix', () => {
    assert.deepEqual(fixesOf({ AllowedOAuthFlows: ['code', 'CODE'] }), [
      { title: 'Change to code', changes: [{ kind: 'replaceItem', path: ['AllowedOAuthFlows'], index: 1, value: 'code' }], isPreferred: true, unambiguous: true },
    ]);
    assert.deepEqual(fixesOf({ TokenValidityUnits: { AccessToken: 'Hours' } })?.[0].changes, [{ kind: 'set', path: ['TokenValidityUnits', 'AccessToken'], value: 'hours' }]);
  });

  it('adds a missing ALLOW_ prefix', () => {
    const [f] = run('invalid-enum-value', build({ ExplicitAuthFlows: ['ADMIN_USER_PASSWORD_AUTH'] }));
    assert.match(f.message, /ExplicitAuthFlows item 1 "ADMIN_USER_PASSWORD_AUTH" is not an allowed value\. Did you mean ALLOW_ADMIN_USER_PASSWORD_AUTH\?/);
    assert.equal(f.fixes?.length, 1);
    assert.equal((f.fixes?.[0].changes[0] as { value: string }).value, 'ALLOW_ADMIN_USER_PASSWORD_AUTH');
    assert.equal(f.fixes?.[0].unambiguous, true);
  });

  it('offers every allowed value when nothing is close (token)', () => {
    const fixes = fixesOf({ AllowedOAuthFlows: ['token'] })!;
    assert.deepEqual(fixes.map((f) => f.title), ['Change to code', 'Change to implicit', 'Change to client_credentials']);
    assert.ok(fixes.every((f) => !f.isPreferred && !f.unambiguous));
  });

  it('prefers a near miss but still offers the others', () => {
    const fixes = fixesOf({ AllowedOAuthFlows: ['implict'] })!;
    assert.equal(fixes[0].title, 'Change to implicit');
    assert.equal(fixes[0].isPreferred, true);
    assert.equal(fixes[0].unambiguous, false);
    assert.equal(fixes.length, 3);
  });

  it('a legacy value in the wrong case suggests its replacement first', () => {
    const fixes = fixesOf({ ExplicitAuthFlows: ['user_password_auth'] })!;
    assert.deepEqual(fixes.map((f) => f.title), ['Change to ALLOW_USER_PASSWORD_AUTH', 'Change to USER_PASSWORD_AUTH']);
  });

  it('reads a boolean as text where the engine converts it (Feature: true in a template)', () => {
    const [f] = run('invalid-enum-value', build({ RefreshTokenRotation: { Feature: true } }));
    assert.match(f.message, /RefreshTokenRotation\.Feature "true" is not an allowed value/);
  });

  it('spells the property for Terraform', () => {
    const [f] = run('invalid-enum-value', build({ prevent_user_existence_errors: 'enabled' }, { surface: 'terraform' }));
    assert.match(f.message, /^prevent_user_existence_errors "enabled"/);
  });
});

describe('out-of-range (direct)', () => {
  it('clamps to the nearest bound, at the nested path', () => {
    const [f] = run('out-of-range', build({ RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 61 } }));
    assert.match(f.message, /RefreshTokenRotation\.RetryGracePeriodSeconds 61 is above the maximum 60; use 0 to 60 seconds\./);
    assert.deepEqual(f.fixes, [{ title: 'Change to 60', changes: [{ kind: 'set', path: ['RefreshTokenRotation', 'RetryGracePeriodSeconds'], value: 60 }], isPreferred: true }]);
    const [g] = run('out-of-range', build({ AuthSessionValidity: '2' }));
    assert.deepEqual(g.fixes?.[0].changes, [{ kind: 'set', path: ['AuthSessionValidity'], value: 3 }]);
  });

  it('a quoted number in an SDK call is invalid-type’s, not out of range', () => {
    assert.deepEqual(run('out-of-range', build({ UserPoolId: 'a_b', ClientName: 'x', AuthSessionValidity: '2' }, { surface: 'sdk' })), []);
  });

  it('the raw token validity range, before units', () => {
    const [f] = run('out-of-range', build({ AccessTokenValidity: 0 }));
    assert.match(f.message, /AccessTokenValidity 0 is below the minimum 1 \(the number itself, before its unit applies\)/);
    assert.deepEqual(run('out-of-range', build({ RefreshTokenValidity: 0 })), []);
  });
});

describe('invalid-length (direct)', () => {
  it('counts characters and items and names list items', () => {
    const fs = run('invalid-length', build({ ClientName: 'x'.repeat(129), LogoutURLs: ['https://a', ''], AllowedOAuthScopes: Array.from({ length: 51 }, (_, i) => `s${i}`) }));
    assert.deepEqual(fs.map((f) => f.message), [
      'ClientName is 129 characters long; at most 128 are allowed. Shorten it.',
      'LogoutURLs item 2 is empty; it needs at least 1 character. Give it a value or remove it.',
      'AllowedOAuthScopes has 51 items; at most 50 are allowed. Remove 1.',
    ]);
    assert.ok(fs.every((f) => f.fixes === undefined));
  });

  it('counts UTF-16 code units', () => {
    assert.deepEqual(run('invalid-length', build({ ClientName: 'é'.repeat(128) })), []);
  });
});

describe('invalid-pattern (direct)', () => {
  it('names the characters outside a one-class pattern', () => {
    const [f] = run('invalid-pattern', build({ ClientName: 'my client!?' }));
    assert.match(f.message, /ClientName "my client!\?" does not match the pattern \[\\w\\s\+=,\.@-\]\+ the API requires: "!", "\?" are not allowed\./);
  });

  it('applies the pattern to the whole value (anchored)', () => {
    const [f] = run('invalid-pattern', build({ UserPoolId: 'us-east-1_abc def' }));
    assert.equal(f.at, '"us-east-1_abc def"');
    assert.deepEqual(run('invalid-pattern', build({ UserPoolId: 'us-east-1_abcDEF123' })), []);
  });

  it('uses Unicode classes for URLs and leaves URL meaning alone', () => {
    assert.deepEqual(run('invalid-pattern', build({ CallbackURLs: ['https://exämple.com/cb', 'not a url'.replace(/ /g, '-')] })), []);
    const [f] = run('invalid-pattern', build({ CallbackURLs: ['https://example.com/a b'] }));
    assert.match(f.message, /CallbackURLs item 1 .* a space is not allowed/);
  });

  it('leaves an empty or too long string to invalid-length, and numbers alone', () => {
    assert.deepEqual(run('invalid-pattern', build({ ClientName: '', UserPoolId: 'x'.repeat(60) })), []);
    assert.deepEqual(run('invalid-pattern', build({ ClientName: 12 })), []);
  });
});

describe('missing-required (direct)', () => {
  it('flags the definition name and inserts a placeholder', () => {
    const [f, ...rest] = run('missing-required', build({ ClientName: 'web' }));
    assert.equal(rest.length, 0);
    assert.equal(f.at, 'Client');
    assert.match(f.message, /UserPoolId is required in CloudFormation \(AWS::Cognito::UserPoolClient\); add it\./);
    assert.deepEqual(f.fixes, [{ title: 'Add UserPoolId', changes: [{ kind: 'insert', path: ['UserPoolId'], value: '', placeholder: true }], isPreferred: true }]);
  });

  it('a definition without a body misses UserPoolId; an unknown body misses nothing', () => {
    assert.equal(run('missing-required', build(undefined)).length, 1);
    const b = build({});
    b.def.body = { kind: 'unknown', reason: 'Ref', span: { start: 0, end: 1 } };
    assert.deepEqual(run('missing-required', b), []);
  });

  it('per context: ClientName in create calls and Terraform, ClientId in update calls', () => {
    assert.deepEqual(run('missing-required', build({ UserPoolId: 'a_b' }, { surface: 'sdk' })).map((f) => f.message), ['ClientName is required in a CreateUserPoolClient call; add it.']);
    assert.deepEqual(run('missing-required', build({ user_pool_id: 'a_b' }, { surface: 'terraform' })).map((f) => f.message), ['name is required in Terraform (aws_cognito_user_pool_client); add it.']);
    assert.deepEqual(run('missing-required', build({ UserPoolId: 'a_b' }, { surface: 'sdk', operation: 'update' })).map((f) => f.message), ['ClientId is required in an UpdateUserPoolClient call; add it.']);
  });

  it('a required member of a written nested object, flagged on its key (Terraform refresh_token_rotation.feature)', () => {
    const b = build({ user_pool_id: 'a_b', name: 'x', refresh_token_rotation: { retry_grace_period_seconds: 10 } }, { surface: 'terraform' });
    const [f] = run('missing-required', b);
    assert.equal(f.at, '"refresh_token_rotation"');
    assert.match(f.message, /refresh_token_rotation needs its feature member in Terraform/);
    assert.deepEqual(f.fixes?.[0].changes, [{ kind: 'insert', path: ['RefreshTokenRotation', 'Feature'], value: 'ENABLED', placeholder: true }]);
    assert.deepEqual(run('missing-required', build({ RefreshTokenRotation: { RetryGracePeriodSeconds: 10 }, UserPoolId: 'a_b' })), []);
  });

  it('stays silent when a misspelled key most likely means the missing property', () => {
    assert.deepEqual(run('missing-required', build({ UserPoolID: 'a_b' })), []);
  });
});

describe('duplicate-value (direct)', () => {
  it('removes the later copy', () => {
    const [f] = run('duplicate-value', build({ AllowedOAuthScopes: ['openid', 'email', 'openid'] }));
    assert.equal(f.at, '"openid"');
    assert.equal(f.span.start, build({ AllowedOAuthScopes: ['openid', 'email', 'openid'] }).text.lastIndexOf('"openid"'));
    assert.match(f.message, /AllowedOAuthScopes lists "openid" twice \(items 1 and 3\); remove the duplicate\./);
    assert.deepEqual(f.fixes, [{ title: 'Remove the duplicate "openid"', changes: [{ kind: 'removeItem', path: ['AllowedOAuthScopes'], index: 2 }], isPreferred: true, unambiguous: true }]);
  });

  it('60 and "60" are one item where the engine converts, two in SDK calls', () => {
    assert.equal(run('duplicate-value', build({ ReadAttributes: [60, '60'] })).length, 1);
    assert.equal(run('duplicate-value', build({ UserPoolId: 'a_b', ClientName: 'x', ReadAttributes: [60, '60'] }, { surface: 'sdk' })).length, 0);
  });
});

describe('read-only-property (direct)', () => {
  it('ClientId in a template, whatever its value, with a remove fix', () => {
    const [f] = run('read-only-property', build({ ClientId: { $ref: 'ClientName' } }));
    assert.equal(f.at, '"ClientId"');
    assert.equal(f.message, 'ClientId is an output of Cognito and cannot be written in CloudFormation (AWS::Cognito::UserPoolClient); remove it. Only an UpdateUserPoolClient call takes it as input.');
    assert.deepEqual(f.fixes, [{ title: 'Remove ClientId', changes: [{ kind: 'remove', path: ['ClientId'] }], isPreferred: true, unambiguous: true }]);
  });

  it('ClientId identifies the client in an update call; ClientSecret may be given to a create call', () => {
    assert.deepEqual(run('read-only-property', build({ UserPoolId: 'a_b', ClientId: 'c' }, { surface: 'sdk', operation: 'update' })), []);
    assert.deepEqual(run('read-only-property', build({ UserPoolId: 'a_b', ClientName: 'x', ClientSecret: 'a'.repeat(30) }, { surface: 'sdk' })), []);
    assert.equal(run('read-only-property', build({ client_secret: 'x' }, { surface: 'terraform' })).length, 1);
  });

  it('an output written in another spelling is still read-only, without a fix', () => {
    const [f] = run('read-only-property', build({ CreationDate: '2024-01-01' }));
    assert.equal(f.at, '"CreationDate"');
    assert.deepEqual(f.fixes, []);
    const [g] = run('read-only-property', build({ UserPoolId: 'a_b', ClientName: 'x', CreationDate: 'x' }, { surface: 'sdk' }));
    assert.equal(g.fixes?.length, 1);
  });
});

describe('create-only-in-update (direct)', () => {
  it('GenerateSecret and ClientSecret in an UpdateUserPoolClient call', () => {
    const b = build({ UserPoolId: 'us-east-1_abc', ClientId: 'c1', GenerateSecret: true, ClientSecret: { $ref: 'Secret' } }, { surface: 'sdk', operation: 'update' });
    const fs = run('create-only-in-update', b);
    assert.deepEqual(fs.map((f) => f.at), ['"GenerateSecret"', '"ClientSecret"']);
    assert.match(fs[0].message, /GenerateSecret can only be given when the client is created; UpdateUserPoolClient does not accept it\. Remove it/);
    assert.deepEqual(fs[0].fixes, [{ title: 'Remove GenerateSecret', changes: [{ kind: 'remove', path: ['GenerateSecret'] }], isPreferred: true, unambiguous: true }]);
    // Reported once, by this rule only.
    assert.deepEqual(run('read-only-property', b), []);
    assert.deepEqual(run('unknown-property', b), []);
  });

  it('not in create calls or templates, and UserPoolId (create-only, but the update names it) is fine', () => {
    assert.deepEqual(run('create-only-in-update', build({ UserPoolId: 'a_b', ClientName: 'x', GenerateSecret: true }, { surface: 'sdk' })), []);
    assert.deepEqual(run('create-only-in-update', build({ UserPoolId: 'a_b', GenerateSecret: true })), []);
    assert.deepEqual(run('create-only-in-update', build({ UserPoolId: 'a_b', ClientId: 'c' }, { surface: 'sdk', operation: 'update' })), []);
  });

  it('an update call whose argument is unknown as a whole', () => {
    const b = build({}, { surface: 'sdk', operation: 'update' });
    b.def.body = { kind: 'unknown', reason: 'identifier', span: { start: 0, end: 1 } };
    assert.deepEqual(run('create-only-in-update', b), []);
  });
});

describe('severities and registration', () => {
  it('registers every shape rule with the catalogue severity', () => {
    const expected: Record<string, string> = {
      'unknown-property': 'error',
      'duplicate-key': 'error',
      'invalid-type': 'error',
      'invalid-enum-value': 'error',
      'out-of-range': 'error',
      'invalid-length': 'error',
      'invalid-pattern': 'error',
      'missing-required': 'error',
      'duplicate-value': 'warning',
      'read-only-property': 'error',
      'create-only-in-update': 'error',
    };
    const def = build({}).def;
    for (const [id, severity] of Object.entries(expected)) assert.equal(severityFor(id, def), severity, id);
  });
});

describe('unknown-property: the rename is automatic only when it cannot write a key twice', () => {
  for (const renderer of renderers) {
    it(renderer.id, () => {
      const alone = lintRendered(renderer.render({ client: { CallbackUrls: ['https://a.example.com/cb'] } })).findings.find((f) => f.ruleId === 'unknown-property');
      assert.equal(alone?.fixes?.[0].unambiguous, true);
      const both = lintRendered(renderer.render({ client: { CallbackUrls: ['https://a.example.com/cb'], CallbackURLs: ['https://b.example.com/cb'] } })).findings.find((f) => f.ruleId === 'unknown-property');
      assert.ok(both?.fixes?.length);
      assert.equal(both.fixes[0].unambiguous, false);
    });
  }
});
