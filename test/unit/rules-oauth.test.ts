/**
 * The OAuth rules: client-credentials-exclusive, client-credentials-requires-secret,
 * client-credentials-custom-scopes-only, oauth-requires-enabled-flag,
 * oauth-enabled-requires-flows-and-scopes, authorization-flow-requires-callback,
 * default-redirect-not-in-callbacks, redirect-uri-invalid, redirect-uri-insecure,
 * implicit-flow-discouraged, unknown-scope, scope-requires-openid. Every case runs over every
 * surface renderer; the fix tests look at the semantic fixes offered.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { oauthSecretRules } from '../../server/src/rules/oauth-secret-rules';
import type { Finding } from '../../server/src/rules/types';
import { hostOf, isInsecureUrl, schemeOf, toHttps, urlFormProblem, withoutFragment } from '../../server/src/rules/util/oauth-urls';
import {
  closestValue,
  enumValuesOf,
  FLOW_CLIENT_CREDENTIALS,
  FLOW_CODE,
  FLOW_IMPLICIT,
  isResourceServerScope,
  OAUTH_PATHS,
  SCOPE_OPENID,
  SCOPES_NEEDING_OPENID,
  standardScopes,
  USER_EXISTENCE_ENABLED,
  USER_EXISTENCE_LEGACY,
} from '../../server/src/rules/util/oauth-values';
import { flagged, lintRendered, ruleTests } from '../support/harness';
import { renderers, type Scenario, type ScenarioValue } from '../support/scenario';

/** A working authorization-code client; cases change one thing in it. */
function webClient(overrides: Record<string, ScenarioValue> = {}): Scenario['client'] {
  return {
    AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthFlows: ['code'],
    AllowedOAuthScopes: ['openid', 'email'],
    CallbackURLs: ['https://app.example.com/callback'],
    ...overrides,
  };
}

/** A working machine-to-machine client; cases change one thing in it. */
function machineClient(overrides: Record<string, ScenarioValue> = {}): Scenario['client'] {
  return {
    GenerateSecret: true,
    AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthFlows: ['client_credentials'],
    AllowedOAuthScopes: ['orders.example.com/read'],
    ...overrides,
  };
}

/** The findings of one rule for a scenario, per renderer, with the rendered document. */
function findingsFor(scenario: Scenario, rule: string) {
  return renderers.map((r) => {
    const doc = r.render(scenario);
    return { renderer: r.id, doc, findings: lintRendered(doc).findings.filter((f) => f.ruleId === rule) };
  });
}

/** The one finding of a rule in every renderer (asserting there is exactly one). */
function eachOnly(scenario: Scenario, rule: string, check: (f: Finding, flaggedText: string, renderer: string) => void): void {
  for (const { renderer, doc, findings } of findingsFor(scenario, rule)) {
    assert.equal(findings.length, 1, `${renderer}: expected one ${rule}, got ${findings.length}`);
    check(findings[0], flagged(doc, findings[0]), renderer);
  }
}

// ---------------------------------------------------------------------------------------------

ruleTests({
  rule: 'client-credentials-exclusive',
  fires: [
    {
      name: 'client_credentials next to code',
      scenario: { client: machineClient({ AllowedOAuthFlows: ['code', 'client_credentials'] }) },
      at: 'client_credentials',
      count: 1,
      severity: 'error',
    },
    {
      name: 'client_credentials next to implicit and code',
      scenario: { client: machineClient({ AllowedOAuthFlows: ['client_credentials', 'implicit', 'code'], CallbackURLs: ['https://app.example.com/cb'] }) },
      at: 'client_credentials',
      count: 1,
    },
    {
      name: 'literal items count next to an unknown one',
      scenario: { parameters: ['ExtraFlow'], client: machineClient({ AllowedOAuthFlows: ['client_credentials', { $ref: 'ExtraFlow' }, 'implicit'] }) },
      at: 'client_credentials',
    },
  ],
  clean: [
    { name: 'client_credentials alone', scenario: { client: machineClient() } },
    { name: 'code and implicit', scenario: { client: webClient({ AllowedOAuthFlows: ['code', 'implicit'] }) } },
    { name: 'no flows', scenario: { client: { ClientName: 'web' } } },
  ],
  unknown: [
    { name: 'the user flow is a parameter', scenario: { parameters: ['UserFlow'], client: machineClient({ AllowedOAuthFlows: ['client_credentials', { $ref: 'UserFlow' }] }) } },
    { name: 'the machine flow is a conditional', scenario: { conditions: ['M2M'], client: webClient({ AllowedOAuthFlows: ['code', { $if: ['M2M', 'client_credentials', 'implicit'] }] }) } },
    { name: 'the whole list is a parameter', scenario: { parameters: ['Flows'], client: machineClient({ AllowedOAuthFlows: { $ref: 'Flows' } }) } },
  ],
});

ruleTests({
  rule: 'client-credentials-requires-secret',
  fires: [
    { name: 'GenerateSecret is false in one case of a conditional', scenario: { conditions: ['Prod'], client: machineClient({ GenerateSecret: { $if: ['Prod', true, false] } }) } },
    {
      name: 'no GenerateSecret',
      scenario: { client: machineClient({ GenerateSecret: false }) },
      at: 'client_credentials',
      count: 1,
      severity: 'error',
    },
    {
      name: 'GenerateSecret absent',
      scenario: { client: { AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['client_credentials'], AllowedOAuthScopes: ['orders.example.com/read'] } },
      at: 'client_credentials',
    },
  ],
  clean: [
    { name: 'GenerateSecret true', scenario: { client: machineClient() } },
    {
      // corpus cloudformation-yaml/011: secret, client_credentials, a custom scope, URL lists from parameters
      name: 'the corpus machine client with URL parameters',
      scenario: {
        parameters: ['CallbackURLs', 'LogoutURLs', 'ClientName'],
        client: machineClient({ ClientName: { $ref: 'ClientName' }, CallbackURLs: { $ref: 'CallbackURLs' }, LogoutURLs: { $ref: 'LogoutURLs' }, AllowedOAuthScopes: ['petstore-api.example.com/domestic.read'] }),
      },
    },
    { name: 'a code client without a secret', scenario: { client: webClient({ GenerateSecret: false }) } },
  ],
  unknown: [
    { name: 'GenerateSecret is a parameter', scenario: { parameters: ['WithSecret'], client: machineClient({ GenerateSecret: { $ref: 'WithSecret' } }) } },
    { name: 'the flow is a parameter', scenario: { parameters: ['Flow'], client: machineClient({ GenerateSecret: false, AllowedOAuthFlows: [{ $ref: 'Flow' }] }) } },
  ],
});

ruleTests({
  rule: 'client-credentials-custom-scopes-only',
  fires: [
    {
      // corpus terraform-hcl/015 and 017: a machine client asking for aws.cognito.signin.user.admin
      name: 'the corpus machine client with the admin scope',
      scenario: { client: machineClient({ AllowedOAuthScopes: ['aws.cognito.signin.user.admin'] }) },
      at: 'aws.cognito.signin.user.admin',
      count: 1,
      severity: 'error',
    },
    {
      name: 'openid next to a custom scope',
      scenario: { client: machineClient({ AllowedOAuthScopes: ['openid', 'orders.example.com/read'] }) },
      at: 'openid',
      count: 1,
    },
    {
      name: 'each standard scope is flagged',
      scenario: { client: machineClient({ AllowedOAuthScopes: ['email', 'orders.example.com/read', 'profile'] }) },
      at: 'profile',
      count: 2,
    },
    {
      // client-credentials-exclusive reports the mix too; removing code would leave this one
      name: 'client_credentials mixed with code',
      scenario: { client: webClient({ GenerateSecret: true, AllowedOAuthFlows: ['client_credentials', 'code'] }) },
      at: 'email',
      count: 2,
    },
  ],
  clean: [
    { name: 'custom scopes only', scenario: { client: machineClient({ AllowedOAuthScopes: ['orders.example.com/read', 'https://api.example.com/write'] }) } },
    { name: 'standard scopes on a code client', scenario: { client: webClient({ AllowedOAuthScopes: ['openid', 'email', 'aws.cognito.signin.user.admin'] }) } },
    { name: 'custom scopes next to code', scenario: { client: webClient({ GenerateSecret: true, AllowedOAuthFlows: ['client_credentials', 'code'], AllowedOAuthScopes: ['orders.example.com/read'] }) } },
  ],
  unknown: [
    { name: 'the scopes are a parameter', scenario: { parameters: ['Scopes'], client: machineClient({ AllowedOAuthScopes: { $ref: 'Scopes' } }) } },
    { name: 'the scope is a substitution', scenario: { client: machineClient({ AllowedOAuthScopes: [{ $sub: '${AWS::StackName}/read' }] }) } },
    { name: 'the flow is a parameter', scenario: { parameters: ['Flow'], client: machineClient({ AllowedOAuthFlows: [{ $ref: 'Flow' }], AllowedOAuthScopes: ['openid'] }) } },
  ],
});

ruleTests({
  rule: 'oauth-requires-enabled-flag',
  fires: [
    {
      // corpus cloudformation-yaml/008: the flag written false next to flows, scopes and localhost URLs
      name: 'the corpus client with the flag false',
      scenario: {
        client: {
          AllowedOAuthFlows: ['code'],
          AllowedOAuthFlowsUserPoolClient: false,
          AllowedOAuthScopes: ['email', 'openid', 'profile', 'aws.cognito.signin.user.admin'],
          CallbackURLs: ['http://localhost'],
          LogoutURLs: ['http://localhost'],
          SupportedIdentityProviders: ['COGNITO'],
        },
      },
      at: 'false',
      count: 1,
      severity: 'warning',
    },
    {
      name: 'the flag absent, callback URLs set',
      scenario: { client: { CallbackURLs: ['https://app.example.com/callback'] } },
      at: 'Client',
      count: 1,
    },
    {
      name: 'the flag absent, scopes set',
      scenario: { client: { AllowedOAuthScopes: ['openid'] } },
      at: 'Client',
    },
  ],
  clean: [
    { name: 'the flag true', scenario: { client: webClient() } },
    {
      // corpus terraform-hcl/006: every list written empty, flag false
      name: 'the flag false with empty lists',
      scenario: { client: { AllowedOAuthFlowsUserPoolClient: false, AllowedOAuthFlows: [], AllowedOAuthScopes: [], CallbackURLs: [], LogoutURLs: [] } },
    },
    { name: 'no OAuth settings', scenario: { client: { ClientName: 'backend', ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] } } },
  ],
  unknown: [
    { name: 'the flag is a parameter', scenario: { parameters: ['OAuthOn'], client: webClient({ AllowedOAuthFlowsUserPoolClient: { $ref: 'OAuthOn' } }) } },
    { name: 'the only list is a parameter', scenario: { parameters: ['Callbacks'], client: { CallbackURLs: { $ref: 'Callbacks' } } } },
    {
      name: 'the only item is conditional',
      scenario: { conditions: ['HasApp'], client: { CallbackURLs: [{ $if: ['HasApp', 'https://app.example.com/cb', { $ref: 'AWS::NoValue' }] }] } },
    },
  ],
});

ruleTests({
  rule: 'oauth-enabled-requires-flows-and-scopes',
  fires: [
    {
      name: 'the flag true with no flows and no scopes',
      scenario: { client: { AllowedOAuthFlowsUserPoolClient: true, CallbackURLs: ['https://app.example.com/callback'] } },
      at: 'true',
      count: 1,
      severity: 'error',
    },
    {
      name: 'the flag true with an empty scope list',
      scenario: { client: webClient({ AllowedOAuthScopes: [] }) },
      at: 'true',
      count: 1,
    },
  ],
  clean: [
    { name: 'flows and scopes', scenario: { client: webClient() } },
    { name: 'the flag false', scenario: { client: { AllowedOAuthFlowsUserPoolClient: false } } },
    { name: 'no flag', scenario: { client: { ClientName: 'backend' } } },
  ],
  unknown: [
    { name: 'the flows are a parameter', scenario: { parameters: ['Flows'], client: webClient({ AllowedOAuthFlows: { $ref: 'Flows' } }) } },
    { name: 'the flag is a parameter', scenario: { parameters: ['OAuthOn'], client: { AllowedOAuthFlowsUserPoolClient: { $ref: 'OAuthOn' } } } },
    { name: 'the only scope is conditional', scenario: { conditions: ['C'], client: webClient({ AllowedOAuthScopes: [{ $if: ['C', 'openid', { $ref: 'AWS::NoValue' }] }] }) } },
  ],
});

ruleTests({
  rule: 'authorization-flow-requires-callback',
  fires: [
    {
      name: 'code without CallbackURLs',
      scenario: { client: webClient({ CallbackURLs: null }) },
      at: 'code',
      count: 1,
      severity: 'error',
    },
    {
      name: 'implicit with an empty CallbackURLs',
      scenario: { client: webClient({ AllowedOAuthFlows: ['implicit'], CallbackURLs: [] }) },
      at: 'implicit',
      count: 1,
    },
  ],
  clean: [
    { name: 'code with a callback', scenario: { client: webClient() } },
    { name: 'client_credentials needs none', scenario: { client: machineClient() } },
  ],
  unknown: [
    { name: 'the callbacks are a parameter', scenario: { parameters: ['Callbacks'], client: webClient({ CallbackURLs: { $ref: 'Callbacks' } }) } },
    { name: 'the only callback is conditional', scenario: { conditions: ['C'], client: webClient({ CallbackURLs: [{ $if: ['C', 'https://a.example.com/cb', { $ref: 'AWS::NoValue' }] }] }) } },
    { name: 'the flow is a parameter', scenario: { parameters: ['Flow'], client: webClient({ AllowedOAuthFlows: [{ $ref: 'Flow' }], CallbackURLs: [] }) } },
  ],
});

ruleTests({
  rule: 'default-redirect-not-in-callbacks',
  fires: [
    {
      name: 'a default redirect that is not a callback',
      scenario: { client: webClient({ DefaultRedirectURI: 'https://app.example.com/home' }) },
      at: 'https://app.example.com/home',
      count: 1,
      severity: 'error',
    },
    {
      name: 'a default redirect with no callbacks',
      scenario: { client: { DefaultRedirectURI: 'https://app.example.com/callback' } },
      at: 'https://app.example.com/callback',
    },
    {
      name: 'the match must be exact',
      scenario: { client: webClient({ DefaultRedirectURI: 'https://app.example.com/callback/' }) },
      at: 'https://app.example.com/callback/',
    },
  ],
  clean: [
    { name: 'the default redirect is a callback', scenario: { client: webClient({ DefaultRedirectURI: 'https://app.example.com/callback' }) } },
    { name: 'no default redirect', scenario: { client: webClient() } },
    // An empty value is invalid-length's to report, not this rule's.
    { name: 'an empty default redirect', scenario: { client: webClient({ DefaultRedirectURI: '' }) } },
  ],
  unknown: [
    { name: 'the default redirect is a substitution', scenario: { client: webClient({ DefaultRedirectURI: { $sub: 'https://${AWS::StackName}.example.com/home' } }) } },
    { name: 'a callback is a parameter', scenario: { parameters: ['AppUrl'], client: webClient({ DefaultRedirectURI: 'https://app.example.com/home', CallbackURLs: ['https://app.example.com/callback', { $ref: 'AppUrl' }] }) } },
    { name: 'the callbacks are a parameter', scenario: { parameters: ['Callbacks'], client: webClient({ DefaultRedirectURI: 'https://app.example.com/home', CallbackURLs: { $ref: 'Callbacks' } }) } },
  ],
});

ruleTests({
  rule: 'redirect-uri-invalid',
  fires: [
    {
      name: 'a callback with a fragment',
      scenario: { client: webClient({ CallbackURLs: ['https://app.example.com/#/callback'] }) },
      at: 'https://app.example.com/#/callback',
      count: 1,
      severity: 'error',
    },
    {
      name: 'a logout URL with a fragment is a warning',
      scenario: { client: webClient({ LogoutURLs: ['https://app.example.com/#/signed-out'] }) },
      at: 'https://app.example.com/#/signed-out',
      count: 1,
      severity: 'warning',
    },
    {
      name: 'a relative callback',
      scenario: { client: webClient({ CallbackURLs: ['https://app.example.com/callback', '/callback'] }) },
      at: '/callback',
      count: 1,
    },
    {
      name: 'a default redirect with a fragment',
      scenario: { client: webClient({ CallbackURLs: ['https://app.example.com/#home'], DefaultRedirectURI: 'https://app.example.com/#home' }) },
      count: 2,
    },
    {
      name: 'a conditional branch with a fragment',
      scenario: { conditions: ['C'], client: webClient({ CallbackURLs: [{ $if: ['C', 'https://a.example.com/#x', 'https://a.example.com/'] }] }) },
      at: 'https://a.example.com/#x',
      count: 1,
    },
  ],
  clean: [
    { name: 'https, a custom scheme and localhost', scenario: { client: webClient({ CallbackURLs: ['https://app.example.com/callback', 'myapp://callback', 'http://localhost:3000/cb'], LogoutURLs: ['https://app.example.com/'] }) } },
    { name: 'a query string is fine', scenario: { client: webClient({ CallbackURLs: ['https://app.example.com/cb?source=cognito'] }) } },
  ],
  unknown: [
    { name: 'a substitution with a fragment', scenario: { client: webClient({ CallbackURLs: [{ $sub: 'https://${AWS::StackName}.example.com/#/cb' }] }) } },
    { name: 'a parameter item', scenario: { parameters: ['AppUrl'], client: webClient({ CallbackURLs: [{ $ref: 'AppUrl' }] }) } },
    { name: 'the default redirect is a parameter', scenario: { parameters: ['Home'], client: webClient({ DefaultRedirectURI: { $ref: 'Home' } }) } },
  ],
});

ruleTests({
  rule: 'redirect-uri-insecure',
  fires: [
    {
      name: 'an http callback to a public host',
      scenario: { client: webClient({ CallbackURLs: ['http://app.example.com/callback'] }) },
      at: 'http://app.example.com/callback',
      count: 1,
      severity: 'error',
    },
    {
      name: 'an http logout URL is a warning',
      scenario: { client: webClient({ LogoutURLs: ['http://app.example.com/'] }) },
      at: 'http://app.example.com/',
      count: 1,
      severity: 'warning',
    },
    {
      name: 'a host that only starts with localhost',
      scenario: { client: webClient({ CallbackURLs: ['http://localhost.example.com/cb'] }) },
      at: 'http://localhost.example.com/cb',
    },
    {
      name: 'an http default redirect',
      scenario: { client: webClient({ CallbackURLs: ['https://app.example.com/callback', 'http://10.0.0.5/cb'], DefaultRedirectURI: 'http://10.0.0.5/cb' }) },
      count: 2,
      severity: 'error',
    },
    {
      name: 'an http callback in a branch of a conditional',
      scenario: { conditions: ['Prod'], client: webClient({ CallbackURLs: ['https://app.example.com/callback', { $if: ['Prod', 'https://app.example.com/cb', 'http://app.example.com/cb'] }] }) },
      at: 'http://app.example.com/cb',
      count: 1,
      severity: 'error',
    },
  ],
  clean: [
    {
      // corpus cloudformation-yaml/008
      name: 'http://localhost',
      scenario: { client: webClient({ CallbackURLs: ['http://localhost'], LogoutURLs: ['http://localhost'] }) },
    },
    { name: 'loopback addresses with ports', scenario: { client: webClient({ CallbackURLs: ['http://127.0.0.1:8080/cb', 'http://[::1]:3000/cb', 'http://LOCALHOST:4200/'] }) } },
    { name: 'https and custom schemes', scenario: { client: webClient({ CallbackURLs: ['https://app.example.com/callback', 'myapp://callback', 'com.example.app:/oauth'] }) } },
  ],
  unknown: [
    { name: 'a substitution over http', scenario: { client: webClient({ CallbackURLs: [{ $sub: 'http://${AWS::StackName}.example.com/cb' }] }) } },
    { name: 'the list is a parameter', scenario: { parameters: ['Callbacks'], client: webClient({ CallbackURLs: { $ref: 'Callbacks' } }) } },
  ],
});

ruleTests({
  rule: 'implicit-flow-discouraged',
  fires: [
    {
      name: 'implicit with localhost callbacks',
      scenario: { client: webClient({ AllowedOAuthFlows: ['implicit'], CallbackURLs: ['http://localhost:3000/callback'] }) },
      at: 'implicit',
      count: 1,
      severity: 'warning',
    },
    {
      name: 'implicit next to code',
      scenario: { client: webClient({ AllowedOAuthFlows: ['code', 'implicit'] }) },
      at: 'implicit',
      count: 1,
    },
    {
      // corpus cloudformation-yaml/007: implicit only under a condition
      name: 'the implicit branch of a conditional',
      scenario: { conditions: ['UsePostman'], client: webClient({ AllowedOAuthFlows: ['code', { $if: ['UsePostman', 'implicit', { $ref: 'AWS::NoValue' }] }] }) },
      at: 'implicit',
      count: 1,
    },
  ],
  clean: [
    { name: 'code', scenario: { client: webClient() } },
    { name: 'client_credentials', scenario: { client: machineClient() } },
  ],
  unknown: [
    { name: 'the flow is a parameter', scenario: { parameters: ['Flow'], client: webClient({ AllowedOAuthFlows: [{ $ref: 'Flow' }] }) } },
    { name: 'the list is a parameter', scenario: { parameters: ['Flows'], client: webClient({ AllowedOAuthFlows: { $ref: 'Flows' } }) } },
  ],
});

ruleTests({
  rule: 'unknown-scope',
  fires: [
    {
      // the scope behind "Invalid scope requested: Cognito" in the CloudFormation user guide issue
      name: 'a word that is no scope',
      scenario: { client: webClient({ AllowedOAuthScopes: ['openid', 'Cognito'] }) },
      at: 'Cognito',
      count: 1,
      severity: 'error',
    },
    { name: 'a case slip', scenario: { client: webClient({ AllowedOAuthScopes: ['OpenID'] }) }, at: 'OpenID', count: 1 },
    { name: 'a custom scope without its identifier', scenario: { client: webClient({ AllowedOAuthScopes: ['openid', 'read/'] }) }, at: 'read/', count: 1 },
  ],
  clean: [
    { name: 'every standard scope', scenario: { client: webClient({ AllowedOAuthScopes: ['phone', 'email', 'openid', 'profile', 'aws.cognito.signin.user.admin'] }) } },
    { name: 'resource server scopes', scenario: { client: machineClient({ AllowedOAuthScopes: ['petstore-api.example.com/domestic.read', 'https://api.example.com/orders/write'] }) } },
  ],
  unknown: [
    { name: 'a parameter item', scenario: { parameters: ['Scope'], client: webClient({ AllowedOAuthScopes: ['openid', { $ref: 'Scope' }] }) } },
    { name: 'a substitution', scenario: { client: webClient({ AllowedOAuthScopes: [{ $sub: '${AWS::StackName}' }] }) } },
  ],
});

ruleTests({
  rule: 'scope-requires-openid',
  fires: [
    {
      name: 'email and profile without openid',
      scenario: { client: webClient({ AllowedOAuthScopes: ['email', 'profile'] }) },
      at: 'email',
      count: 1,
      severity: 'warning',
    },
    { name: 'phone with the admin scope', scenario: { client: webClient({ AllowedOAuthScopes: ['aws.cognito.signin.user.admin', 'phone'] }) }, at: 'phone', count: 1 },
  ],
  clean: [
    { name: 'with openid', scenario: { client: webClient({ AllowedOAuthScopes: ['email', 'openid'] }) } },
    { name: 'only the admin scope', scenario: { client: webClient({ AllowedOAuthScopes: ['aws.cognito.signin.user.admin'] }) } },
    { name: 'a machine client (client-credentials-custom-scopes-only reports it)', scenario: { client: machineClient({ AllowedOAuthScopes: ['email'] }) } },
  ],
  unknown: [
    { name: 'another item may be openid', scenario: { parameters: ['Extra'], client: webClient({ AllowedOAuthScopes: ['email', { $ref: 'Extra' }] }) } },
    { name: 'the list is a parameter', scenario: { parameters: ['Scopes'], client: webClient({ AllowedOAuthScopes: { $ref: 'Scopes' } }) } },
  ],
});

// ---------------------------------------------------------------------------------------------

describe('OAuth rule fixes', () => {
  it('client-credentials-exclusive offers both sides, preferring the user flows on a client with callbacks', () => {
    const withCallbacks = { client: webClient({ GenerateSecret: true, AllowedOAuthFlows: ['code', 'client_credentials', 'implicit'] }) };
    eachOnly(withCallbacks, 'client-credentials-exclusive', (f) => {
      const [dropUser, dropMachine] = f.fixes ?? [];
      assert.deepEqual(dropUser.changes, [
        { kind: 'removeItem', path: ['AllowedOAuthFlows'], index: 2 },
        { kind: 'removeItem', path: ['AllowedOAuthFlows'], index: 0 },
      ]);
      assert.deepEqual(dropMachine.changes, [{ kind: 'removeItem', path: ['AllowedOAuthFlows'], index: 1 }]);
      assert.equal(dropMachine.isPreferred, true);
      assert.equal(dropUser.isPreferred, false);
      assert.ok(!dropUser.unambiguous && !dropMachine.unambiguous, 'which side to keep is a choice');
    });
    const noCallbacks = { client: machineClient({ AllowedOAuthFlows: ['client_credentials', 'code'] }) };
    eachOnly(noCallbacks, 'client-credentials-exclusive', (f) => {
      assert.equal(f.fixes?.[0].isPreferred, true);
      assert.match(f.fixes![0].title, /code/);
    });
  });

  it('client-credentials-requires-secret sets GenerateSecret and says the client is replaced', () => {
    eachOnly({ client: machineClient({ GenerateSecret: false }) }, 'client-credentials-requires-secret', (f) => {
      assert.equal(f.fixes?.length, 1);
      const [fix] = f.fixes!;
      assert.deepEqual(fix.changes, [{ kind: 'set', path: ['GenerateSecret'], value: true }]);
      assert.match(fix.title, /GenerateSecret/);
      assert.match(fix.title, /replace/i);
      assert.equal(fix.isPreferred, true);
      assert.match(f.message, /GenerateSecret/);
    });
  });

  it('client-credentials-custom-scopes-only removes the one scope, or all standard ones', () => {
    const scenario = { client: machineClient({ AllowedOAuthScopes: ['openid', 'orders.example.com/read', 'email'] }) };
    for (const { findings } of findingsFor(scenario, 'client-credentials-custom-scopes-only')) {
      assert.equal(findings.length, 2);
      const [openid, email] = findings;
      assert.deepEqual(openid.fixes?.[0].changes, [{ kind: 'removeItem', path: ['AllowedOAuthScopes'], index: 0 }]);
      assert.equal(openid.fixes?.[0].unambiguous, true);
      assert.deepEqual(email.fixes?.[0].changes, [{ kind: 'removeItem', path: ['AllowedOAuthScopes'], index: 2 }]);
      assert.deepEqual(openid.fixes?.[1].changes, [
        { kind: 'removeItem', path: ['AllowedOAuthScopes'], index: 2 },
        { kind: 'removeItem', path: ['AllowedOAuthScopes'], index: 0 },
      ]);
    }
  });

  it('client-credentials-custom-scopes-only next to a user flow: both findings, and fixes that ask', () => {
    // With callback URLs the client signs users in: keeping code (dropping client_credentials) is preferred, as in client-credentials-exclusive.
    const withCallbacks = { client: webClient({ GenerateSecret: true, AllowedOAuthFlows: ['client_credentials', 'code'], AllowedOAuthScopes: ['openid'] }) };
    for (const { renderer, findings } of findingsFor(withCallbacks, 'client-credentials-custom-scopes-only')) {
      assert.equal(findings.length, 1, renderer);
      const [f] = findings;
      assert.equal(f.message, 'openid in AllowedOAuthScopes is a user scope, which client_credentials cannot grant: machine tokens carry only resource server scopes (identifier/scope). AllowedOAuthFlows also has code, which may need it: remove it if the client stays a machine client, or remove client_credentials instead.');
      assert.deepEqual(f.fixes?.map((x) => x.title), ['Remove openid from AllowedOAuthScopes', 'Remove client_credentials from AllowedOAuthFlows']);
      assert.deepEqual(f.fixes?.[1].changes, [{ kind: 'removeItem', path: ['AllowedOAuthFlows'], index: 0 }]);
      assert.ok(f.fixes?.every((x) => x.unambiguous !== true), 'the user flows may need the scope: a choice');
      assert.deepEqual(f.fixes?.map((x) => x.isPreferred === true), [false, true]);
    }
    const both = lintRendered(renderers[0].render(withCallbacks)).findings.map((f) => f.ruleId);
    assert.ok(both.includes('client-credentials-exclusive') && both.includes('client-credentials-custom-scopes-only'), both.join());

    // Without callbacks it is a machine client with a stray user flow: dropping the scope is preferred, still not automatic.
    const noCallbacks = { client: machineClient({ AllowedOAuthFlows: ['client_credentials', 'implicit', 'code'], AllowedOAuthScopes: ['openid', 'email'] }) };
    for (const { findings } of findingsFor(noCallbacks, 'client-credentials-custom-scopes-only')) {
      assert.equal(findings.length, 2);
      assert.match(findings[0].message, /also has implicit and code, which may need it/);
      assert.deepEqual(findings[0].fixes?.map((x) => x.isPreferred === true), [true, false, false]);
      assert.ok(findings.every((f) => f.fixes?.every((x) => x.unambiguous !== true)));
    }

    // A flow that is not literal may be a user flow: the fixes ask.
    const unknownFlow = { parameters: ['Extra'], client: machineClient({ AllowedOAuthFlows: ['client_credentials', { $ref: 'Extra' }], AllowedOAuthScopes: ['openid'] }) };
    for (const { findings } of findingsFor(unknownFlow, 'client-credentials-custom-scopes-only')) {
      assert.equal(findings.length, 1);
      assert.match(findings[0].message, /Remove it\.$/);
      assert.equal(findings[0].fixes?.[0].unambiguous, false);
      assert.equal(findings[0].fixes?.length, 1);
    }
  });

  it('oauth-requires-enabled-flag sets the flag, unambiguously only when it was left out', () => {
    eachOnly({ client: { AllowedOAuthFlowsUserPoolClient: false, AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid'], CallbackURLs: ['http://localhost'] } }, 'oauth-requires-enabled-flag', (f, text) => {
      assert.match(text, /false/);
      assert.deepEqual(f.fixes?.[0].changes, [{ kind: 'set', path: ['AllowedOAuthFlowsUserPoolClient'], value: true }]);
      assert.equal(f.fixes?.[0].unambiguous, false);
      assert.match(f.message, /AllowedOAuthFlows, AllowedOAuthScopes, CallbackURLs/);
    });
    // Left out, but with no flows or scopes: turning OAuth on would make the client invalid.
    eachOnly({ client: { LogoutURLs: ['https://app.example.com/'] } }, 'oauth-requires-enabled-flag', (f, text) => {
      assert.match(text, /Client/);
      assert.equal(f.fixes?.[0].unambiguous, false);
    });
  });

  it('oauth-enabled-requires-flows-and-scopes inserts placeholders that suit the client', () => {
    eachOnly({ client: { AllowedOAuthFlowsUserPoolClient: true } }, 'oauth-enabled-requires-flows-and-scopes', (f) => {
      assert.deepEqual(f.fixes?.[0].changes, [
        { kind: 'insert', path: ['AllowedOAuthFlows'], value: ['code'], placeholder: true },
        { kind: 'insert', path: ['AllowedOAuthScopes'], value: ['openid'], placeholder: true },
      ]);
      assert.deepEqual(f.fixes?.[1].changes, [{ kind: 'set', path: ['AllowedOAuthFlowsUserPoolClient'], value: false }]);
    });
    eachOnly({ client: { AllowedOAuthFlowsUserPoolClient: true, GenerateSecret: true } }, 'oauth-enabled-requires-flows-and-scopes', (f) => {
      const changes = f.fixes?.[0].changes ?? [];
      assert.deepEqual(changes[0], { kind: 'insert', path: ['AllowedOAuthFlows'], value: ['client_credentials'], placeholder: true });
      assert.equal(changes[1].kind, 'insert');
      assert.ok(changes[1].kind === 'insert' && isResourceServerScope(String((changes[1].value as string[])[0])), 'a resource server scope placeholder');
    });
    eachOnly({ client: webClient({ AllowedOAuthScopes: [] }) }, 'oauth-enabled-requires-flows-and-scopes', (f) => {
      assert.deepEqual(f.fixes?.[0].changes, [{ kind: 'addItem', path: ['AllowedOAuthScopes'], value: 'openid' }]);
      assert.equal(f.fixes?.length, 1, 'turning OAuth off is only offered when both lists are missing');
    });
  });

  it('authorization-flow-requires-callback inserts a CallbackURLs snippet', () => {
    eachOnly({ client: webClient({ CallbackURLs: null }) }, 'authorization-flow-requires-callback', (f) => {
      const change = f.fixes?.[0].changes[0];
      assert.equal(change?.kind, 'set', 'a written null is replaced');
    });
    const absent = webClient();
    delete absent.CallbackURLs;
    eachOnly({ client: absent }, 'authorization-flow-requires-callback', (f) => {
      const change = f.fixes?.[0].changes[0];
      assert.ok(change?.kind === 'insert' && change.placeholder === true && change.path[0] === 'CallbackURLs');
    });
  });

  it('default-redirect-not-in-callbacks adds the URL, or points the default at a callback', () => {
    eachOnly({ client: webClient({ DefaultRedirectURI: 'https://app.example.com/home' }) }, 'default-redirect-not-in-callbacks', (f) => {
      assert.deepEqual(f.fixes?.map((x) => x.changes), [
        [{ kind: 'addItem', path: ['CallbackURLs'], value: 'https://app.example.com/home' }],
        [{ kind: 'set', path: ['DefaultRedirectURI'], value: 'https://app.example.com/callback' }],
      ]);
      assert.equal(f.fixes?.[0].isPreferred, true);
      assert.equal(f.fixes?.[0].unambiguous, false);
    });
    eachOnly({ client: { DefaultRedirectURI: 'https://app.example.com/cb' } }, 'default-redirect-not-in-callbacks', (f) => {
      assert.deepEqual(f.fixes, [{ title: 'Add https://app.example.com/cb to CallbackURLs', changes: [{ kind: 'set', path: ['CallbackURLs'], value: ['https://app.example.com/cb'] }], isPreferred: true, unambiguous: true }]);
    });
  });

  it('redirect-uri-invalid removes a fragment and adds a missing scheme; branches get no fix', () => {
    const scenario = { client: webClient({ CallbackURLs: ['https://app.example.com/callback', 'https://app.example.com/#/cb', 'app.example.com/cb', 'callback'], DefaultRedirectURI: 'https://app.example.com/#/cb' }) };
    for (const { doc, findings } of findingsFor(scenario, 'redirect-uri-invalid')) {
      const fragmentItem = findings.find((f) => f.fixes?.[0]?.changes[0].kind === 'replaceItem' && flagged(doc, f).includes('#'));
      assert.deepEqual(fragmentItem?.fixes?.[0].changes, [{ kind: 'replaceItem', path: ['CallbackURLs'], index: 1, value: 'https://app.example.com/' }]);
      assert.equal(fragmentItem?.fixes?.[0].unambiguous, true);
      const fragmentDefault = findings.find((f) => f.fixes?.[0]?.changes[0].kind === 'set');
      assert.deepEqual(fragmentDefault?.fixes?.[0].changes, [{ kind: 'set', path: ['DefaultRedirectURI'], value: 'https://app.example.com/' }]);
      const hostLike = findings.find((f) => flagged(doc, f).replace(/"/g, '') === 'app.example.com/cb');
      assert.deepEqual(hostLike?.fixes?.[0].changes, [{ kind: 'replaceItem', path: ['CallbackURLs'], index: 2, value: 'https://app.example.com/cb' }]);
      const bare = findings.find((f) => flagged(doc, f).replace(/"/g, '') === 'callback');
      assert.deepEqual(bare?.fixes, []);
      assert.equal(findings.length, 4);
    }
    eachOnly({ conditions: ['C'], client: webClient({ CallbackURLs: [{ $if: ['C', 'https://a.example.com/#x', 'https://a.example.com/'] }] }) }, 'redirect-uri-invalid', (f) => {
      assert.deepEqual(f.fixes, []);
    });
  });

  it('redirect-uri-insecure changes http to https', () => {
    eachOnly({ client: webClient({ LogoutURLs: ['http://app.example.com/bye'] }) }, 'redirect-uri-insecure', (f) => {
      assert.deepEqual(f.fixes, [{ title: 'Change to https://app.example.com/bye', changes: [{ kind: 'replaceItem', path: ['LogoutURLs'], index: 0, value: 'https://app.example.com/bye' }], isPreferred: true }]);
      assert.match(f.message, /LogoutURLs/);
    });
  });

  it('redirect-uri-insecure changes the same URL in CallbackURLs and DefaultRedirectURI together', () => {
    const scenario = { client: webClient({ CallbackURLs: ['https://a.example.com/', 'http://app.example.com/cb'], DefaultRedirectURI: 'http://app.example.com/cb', LogoutURLs: ['http://app.example.com/cb'] }) };
    for (const { renderer, findings } of findingsFor(scenario, 'redirect-uri-insecure')) {
      const secure = 'https://app.example.com/cb';
      const callback = { kind: 'replaceItem', path: ['CallbackURLs'], index: 1, value: secure };
      const defaultRedirect = { kind: 'set', path: ['DefaultRedirectURI'], value: secure };
      assert.deepEqual(
        findings.map((f) => f.fixes?.[0]?.changes),
        [
          [callback, defaultRedirect],
          [defaultRedirect, callback],
          // A logout URL is not tied to the others: it changes alone.
          [{ kind: 'replaceItem', path: ['LogoutURLs'], index: 0, value: secure }],
        ],
        renderer,
      );
      assert.deepEqual(findings.map((f) => f.fixes?.[0]?.title), [`Change to ${secure} (also in DefaultRedirectURI)`, `Change to ${secure} (also in CallbackURLs)`, `Change to ${secure}`]);
    }
  });

  it('implicit-flow-discouraged replaces implicit with code, or removes it next to code', () => {
    eachOnly({ client: webClient({ AllowedOAuthFlows: ['implicit'] }) }, 'implicit-flow-discouraged', (f) => {
      assert.deepEqual(f.fixes?.[0].changes, [{ kind: 'replaceItem', path: ['AllowedOAuthFlows'], index: 0, value: 'code' }]);
      assert.notEqual(f.fixes?.[0].unambiguous, true, 'the application has to change with it');
    });
    eachOnly({ client: webClient({ AllowedOAuthFlows: ['code', 'implicit'] }) }, 'implicit-flow-discouraged', (f) => {
      assert.deepEqual(f.fixes?.[0].changes, [{ kind: 'removeItem', path: ['AllowedOAuthFlows'], index: 1 }]);
    });
  });

  it('implicit with http://localhost callbacks is discouraged but not insecure', () => {
    const scenario = { client: webClient({ AllowedOAuthFlows: ['implicit'], CallbackURLs: ['http://localhost:3000/callback', 'http://localhost'] }) };
    for (const r of renderers) {
      const { findings } = lintRendered(r.render(scenario));
      assert.equal(findings.filter((f) => f.ruleId === 'redirect-uri-insecure').length, 0, r.id);
      assert.equal(findings.filter((f) => f.ruleId === 'implicit-flow-discouraged').length, 1, r.id);
    }
  });

  it('unknown-scope suggests the closest standard scope only when one is close', () => {
    const scenario = { client: webClient({ AllowedOAuthScopes: ['OpenID', 'emails', 'Cognito', 'phone_number'] }) };
    for (const { doc, findings } of findingsFor(scenario, 'unknown-scope')) {
      const fixOf = (text: string) => findings.find((f) => flagged(doc, f).replace(/"/g, '') === text)?.fixes;
      assert.deepEqual(fixOf('OpenID'), [{ title: 'Change to openid', changes: [{ kind: 'replaceItem', path: ['AllowedOAuthScopes'], index: 0, value: 'openid' }], isPreferred: true, unambiguous: true }]);
      assert.equal(fixOf('emails')?.[0].unambiguous, false);
      assert.deepEqual(fixOf('emails')?.[0].changes, [{ kind: 'replaceItem', path: ['AllowedOAuthScopes'], index: 1, value: 'email' }]);
      assert.deepEqual(fixOf('Cognito'), []);
      assert.deepEqual(fixOf('phone_number')?.[0].changes, [{ kind: 'replaceItem', path: ['AllowedOAuthScopes'], index: 3, value: 'phone' }]);
    }
  });

  it('scope-requires-openid adds openid once for several scopes', () => {
    eachOnly({ client: webClient({ AllowedOAuthScopes: ['email', 'phone', 'profile'] }) }, 'scope-requires-openid', (f) => {
      assert.deepEqual(f.fixes, [{ title: 'Add openid to AllowedOAuthScopes', changes: [{ kind: 'addItem', path: ['AllowedOAuthScopes'], value: 'openid' }], isPreferred: true, unambiguous: true }]);
      assert.match(f.message, /email, phone, profile/);
    });
  });
});

// ---------------------------------------------------------------------------------------------

describe('OAuth values the rules name', () => {
  it('flow values are in the schema enum', () => {
    const flows = enumValuesOf(OAUTH_PATHS.flows);
    for (const v of [FLOW_CODE, FLOW_IMPLICIT, FLOW_CLIENT_CREDENTIALS]) assert.ok(flows.includes(v), v);
  });

  it('scopes are in the standardScopes vocabulary', () => {
    const standard = standardScopes();
    for (const v of [SCOPE_OPENID, ...SCOPES_NEEDING_OPENID]) assert.ok(standard.includes(v), v);
    assert.ok(standard.length >= 5);
  });

  it('PreventUserExistenceErrors values are in the schema enum', () => {
    const values = enumValuesOf(['PreventUserExistenceErrors']);
    assert.ok(values.includes(USER_EXISTENCE_LEGACY));
    assert.ok(values.includes(USER_EXISTENCE_ENABLED));
  });

  it('every rule in the list has a file named by its id, a description and is listed once', () => {
    const dir = path.resolve(__dirname, '../../../server/src/rules');
    const ids = oauthSecretRules.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(ids.length, 19, '17 from the catalogue, plus client-secret-output and client-secret-in-file');
    for (const r of oauthSecretRules) {
      assert.ok(fs.existsSync(path.join(dir, `${r.id}.ts`)), `${r.id}.ts`);
      assert.ok(r.description.length > 10, r.id);
    }
  });
});

describe('redirect URL helpers', () => {
  it('reads schemes as RFC 3986 does', () => {
    assert.equal(schemeOf('https://a.example.com'), 'https');
    assert.equal(schemeOf('myapp://cb'), 'myapp');
    assert.equal(schemeOf('com.example.app:/oauth'), 'com.example.app');
    assert.equal(schemeOf('/callback'), undefined);
    assert.equal(schemeOf('1app://x'), undefined);
  });

  it('finds form problems', () => {
    assert.equal(urlFormProblem('https://a.example.com/cb'), undefined);
    assert.equal(urlFormProblem('https://a.example.com/#/cb'), 'fragment');
    assert.equal(urlFormProblem('a.example.com/cb'), 'relative');
    assert.equal(withoutFragment('https://a.example.com/x#y'), 'https://a.example.com/x');
  });

  it('reads hosts, with user info, ports and IPv6 literals', () => {
    assert.equal(hostOf('http://LocalHost:3000/cb'), 'localhost');
    assert.equal(hostOf('http://user:pw@127.0.0.1:8080'), '127.0.0.1');
    assert.equal(hostOf('http://[::1]:3000/cb'), '[::1]');
    assert.equal(hostOf('http://example.com?x=1'), 'example.com');
    assert.equal(hostOf('http:relative'), '');
  });

  it('allows http only to loopback hosts', () => {
    assert.equal(isInsecureUrl('http://localhost'), false);
    assert.equal(isInsecureUrl('http://127.0.0.1:8080/cb'), false);
    assert.equal(isInsecureUrl('http://[::1]/'), false);
    assert.equal(isInsecureUrl('HTTP://example.com/'), true);
    assert.equal(isInsecureUrl('http://127.0.0.2/'), true);
    assert.equal(isInsecureUrl('http://localhost@evil.example.com/'), true);
    assert.equal(isInsecureUrl('https://example.com/'), false);
    assert.equal(isInsecureUrl('myapp://cb'), false);
    assert.equal(toHttps('http://example.com/cb'), 'https://example.com/cb');
  });
});

describe('closest standard value', () => {
  const scopes = ['openid', 'email', 'phone', 'profile', 'aws.cognito.signin.user.admin'];
  it('prefers a case-insensitive match', () => assert.deepEqual(closestValue('EMAIL', scopes), { value: 'email', caseOnly: true }));
  it('accepts small edits', () => assert.deepEqual(closestValue('profiles', scopes), { value: 'profile', caseOnly: false }));
  it('accepts a known prefix', () => assert.deepEqual(closestValue('phone_number', scopes), { value: 'phone', caseOnly: false }));
  it('gives up on unrelated words', () => assert.equal(closestValue('Cognito', scopes), undefined));
  it('recognises resource server scopes', () => {
    assert.ok(isResourceServerScope('api/read'));
    assert.ok(isResourceServerScope('https://api.example.com/orders/read'));
    assert.ok(!isResourceServerScope('read/'));
    assert.ok(!isResourceServerScope('/read'));
    assert.ok(!isResourceServerScope('openid'));
  });
});

describe('oauth-requires-enabled-flag: the fix is automatic only when it leaves a complete OAuth client', () => {
  for (const renderer of renderers) {
    it(renderer.id, () => {
      const complete = { AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid'], CallbackURLs: ['https://a.example.com/cb'] };
      const ok = lintRendered(renderer.render({ client: complete })).findings.find((f) => f.ruleId === 'oauth-requires-enabled-flag');
      assert.equal(ok?.fixes?.[0].unambiguous, true);
      const urlsOnly = lintRendered(renderer.render({ client: { CallbackURLs: ['https://a.example.com/cb'] } })).findings.find((f) => f.ruleId === 'oauth-requires-enabled-flag');
      assert.ok(urlsOnly);
      assert.equal(urlsOnly.fixes?.[0].unambiguous, false);
    });
  }
});

describe('redirect-uri-insecure: an http URL in a branch of a conditional', () => {
  for (const renderer of renderers) {
    it(`${renderer.id}: is flagged without a fix (no edit can address one branch alone)`, () => {
      const doc = renderer.render({
        conditions: ['Prod'],
        client: webClient({ CallbackURLs: ['https://app.example.com/callback', { $if: ['Prod', 'https://app.example.com/cb', 'http://app.example.com/cb'] }] }),
      });
      const mine = lintRendered(doc).findings.filter((f) => f.ruleId === 'redirect-uri-insecure');
      assert.deepEqual(mine.map((f) => flagged(doc, f).replace(/^"|"$/g, '')), ['http://app.example.com/cb']);
      assert.deepEqual(mine[0].fixes ?? [], []);
      assert.match(mine[0].message, /^http:\/\/app\.example\.com\/cb in CallbackURLs uses plain http/);
    });
  }
});

describe('scope-requires-openid: the message agrees with the number of scopes', () => {
  for (const renderer of renderers) {
    it(renderer.id, () => {
      const message = (scopes: string[]) =>
        lintRendered(renderer.render({ client: webClient({ AllowedOAuthScopes: scopes }) })).findings.find((f) => f.ruleId === 'scope-requires-openid')?.message;
      assert.equal(
        message(['email']),
        'email in AllowedOAuthScopes only adds claims to the ID token and userInfo, which Cognito issues only when openid is granted too, so on its own it does nothing. Add openid to AllowedOAuthScopes.',
      );
      assert.equal(
        message(['email', 'profile']),
        'email, profile in AllowedOAuthScopes only add claims to the ID token and userInfo, which Cognito issues only when openid is granted too, so on their own they do nothing. Add openid to AllowedOAuthScopes.',
      );
    });
  }
});
