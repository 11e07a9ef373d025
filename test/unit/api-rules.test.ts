/**
 * Every rule case of the rule test files (test/unit/rules-*.test.ts), run over the API-shape
 * renderers (test/support/scenario-api.ts): a CreateUserPoolClient request and a
 * DescribeUserPoolClient result. Each firing case must fire, each clean and unknown case must stay
 * silent, except the differences listed below with their reasons (../support/twin-rules.ts checks
 * that each listed difference is still one, so the list stays true).
 */
import { apiRenderers } from '../support/scenario-api';
import { API_SEMANTICS, codeFileDifferences, twinRuleTests } from '../support/twin-rules';

/** Known differences from the CloudFormation renderers, by `rule|kind|case` or `rule|kind|case|renderer`. */
const KNOWN: Record<string, string> = codeFileDifferences();

/** API semantics, as in SDK calls; a describe result is not a create call, so the API's RefreshTokenRotation.Feature requirement is not checked there. */
for (const [key, reason] of API_SEMANTICS) {
  KNOWN[`${key}|api-create-request`] = reason;
  if (key !== 'missing-required|clean|CloudFormation does not need RefreshTokenRotation.Feature') KNOWN[`${key}|api-describe-result`] = reason;
}

function differ(reason: string, keys: string[]): void {
  for (const key of keys) KNOWN[key] = reason;
}

differ('API JSON holds only literals: the dynamic value is left out, which reads as not set (so the rule sees the default), not as unknown', [
  'write-attribute-not-readable|unknown|an unknown read item might be the one',
  'auth-flows-missing-refresh|unknown|an unknown item might be the refresh flow',
  'auth-flows-missing-refresh|unknown|rotation Feature is a parameter',
  'auth-flows-missing-refresh|unknown|the whole rotation block is a parameter',
  'client-token-auth-exclusive|unknown|GenerateSecret is a parameter',
  'client-credentials-requires-secret|unknown|GenerateSecret is a parameter',
  'oauth-requires-enabled-flag|unknown|the flag is a parameter',
  'oauth-enabled-requires-flows-and-scopes|unknown|the flows are a parameter',
  'oauth-enabled-requires-flows-and-scopes|unknown|the only scope is conditional',
  'authorization-flow-requires-callback|unknown|the callbacks are a parameter',
  'authorization-flow-requires-callback|unknown|the only callback is conditional',
  'default-redirect-not-in-callbacks|unknown|a callback is a parameter',
  'default-redirect-not-in-callbacks|unknown|the callbacks are a parameter',
  'scope-requires-openid|unknown|another item may be openid',
  'context-data-requires-secret|unknown|GenerateSecret is a parameter',
  'user-existence-errors-legacy|unknown|a parameter',
  'token-validity-range|unknown|an unknown unit',
  'token-validity-range|unknown|unknown units as a whole',
  'read-only-property|fires|ClientId written from an intrinsic (presence is the problem)',
]);

differ('API JSON has no conditionals: the conditional property is left out, so neither branch is checked', [
  'redirect-uri-invalid|fires|a conditional branch with a fragment',
  'redirect-uri-insecure|fires|an http callback in a branch of a conditional',
  'implicit-flow-discouraged|fires|the implicit branch of a conditional',
  'user-existence-errors-legacy|fires|LEGACY in one case of a conditional',
  'token-revocation-disabled|fires|false in one case of a conditional',
  'invalid-enum-value|fires|one literal branch of a condition',
]);

differ('without a literal UserPoolId the JSON is not a request or a response (the identifier is part of how it is recognised), so no client is read', [
  'user-pool-reference|clean|a reference to a parameter',
  "user-pool-reference|clean|GetAtt of the pool's UserPoolId",
  'user-pool-reference|unknown|GetAtt is not checked',
  'user-pool-reference|unknown|Sub is not checked',
  'custom-attribute-undeclared|unknown|UserPoolId is a parameter',
  'missing-required|fires|no UserPoolId',
  'missing-required|clean|a misspelled UserPoolId is unknown-property’s',
  'missing-required|unknown|UserPoolId from a parameter',
]);

differ('a key that is neither a request member nor a near miss of one makes the JSON something else than a request, so no client is read', [
  'unknown-property|fires|a name with no close match|api-create-request',
  'read-only-property|fires|an output only the API spells|api-create-request',
]);

differ('the outputs are members of a describe result: known there, never flagged', ['read-only-property|fires|an output only the API spells|api-describe-result']);

differ('a describe result has no GenerateSecret: the renderer writes the generated ClientSecret for a literal true only, and the API reads no "true" string as true', [
  'invalid-type|fires|"yes" for a boolean|api-describe-result',
  'client-token-auth-exclusive|clean|the deployment engine reads "true" as true|api-describe-result',
]);

twinRuleTests({
  title: 'rule cases over the API-shape renderers',
  renderers: apiRenderers,
  known: KNOWN,
});
