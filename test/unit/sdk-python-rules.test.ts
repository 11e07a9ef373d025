/**
 * Every rule case of the rule test files (test/unit/rules-*.test.ts), run over the Python renderers
 * (test/support/scenario-sdk-python.ts: a boto3 create call and the CDK L1 construct) before they
 * join the shared `renderers` list: each firing case must fire, each clean and unknown case must
 * stay silent, except the differences listed below with their reasons (code files have no
 * resources around the call; boto3 calls have API semantics). A listed difference is checked to
 * still be one, so the list stays true (../support/twin-rules.ts).
 */
import { pythonRenderers } from '../support/scenario-sdk-python';
import { twinRuleTests } from '../support/twin-rules';

const BOTO3 = 'sdk-boto3-python';

/** Known differences by `rule|kind|case` (both renderers) or `rule|kind|case|renderer`, with the reason. */
const KNOWN: Record<string, string> = {};

/** No resources around the call: rules that look at the pools, providers, servers or outputs of the file cannot fire. */
const NO_CONTEXT = 'a code file declares no resources around the call';
for (const [rule, names] of [
  ['user-pool-reference', ['a reference to an undeclared name', 'a reference to a resource that is not a user pool', 'no user pool in the file at all', "GetAtt of the pool's ARN"]],
  ['identity-provider-undeclared', ['a provider name no identity provider in the file declares', 'built-in names are case-sensitive']],
  ['identity-provider-dependency', ['a declared provider without DependsOn', 'a dependency on something else does not count']],
  ['custom-scope-undeclared', ['a scope the resource server does not define', 'an identifier no resource server declares', 'a defined scope without a dependency on its server']],
  ['custom-attribute-undeclared', ['a custom attribute the pool schema does not declare', 'in WriteAttributes too']],
  ['client-secret-output', ['an exported GetAtt ClientSecret output', 'the secret inside a Sub']],
] as const) {
  for (const name of names) KNOWN[`${rule}|fires|${name}`] = NO_CONTEXT;
}

/** boto3 calls have API semantics (the CDK L1 construct keeps CloudFormation's). */
for (const [key, reason] of [
  ['invalid-type|clean|quoted booleans and numbers (the engine converts them)', 'the SDK does not convert strings: invalid-type'],
  ['out-of-range|fires|AuthSessionValidity below 3, as a quoted number', 'the SDK does not convert strings: invalid-type instead'],
  ['token-validity-range|fires|a quoted number (the engine converts it)', 'the SDK does not convert strings: invalid-type instead'],
  ['refresh-token-validity-zero|fires|a quoted 0', 'the SDK does not convert strings: invalid-type instead'],
  ['refresh-token-validity-zero|fires|RefreshTokenValidity 0 in a template', 'a warning in SDK calls (the API turns 0 into 30 days)'],
  ['missing-required|clean|CloudFormation does not need RefreshTokenRotation.Feature', 'the API needs it'],
  ['read-only-property|fires|ClientSecret in a template', 'CreateUserPoolClient takes ClientSecret as input'],
  // The scenarios have no ClientName, which CreateUserPoolClient requires.
  ['missing-required|clean|CloudFormation needs no ClientName', 'CreateUserPoolClient requires ClientName'],
  ['missing-required|clean|a misspelled UserPoolId is unknown-property’s', 'the scenario has no ClientName, which the API requires'],
  ['missing-required|unknown|UserPoolId from a parameter', 'the scenario has no ClientName, which the API requires'],
] as const) {
  KNOWN[`${key}|${BOTO3}`] = reason;
}

/** Python has no value that removes a key in one case (`AWS::NoValue`): the renderer writes an unknown name there. */
KNOWN['analytics-target|fires|the only target is left out in one case of a conditional'] = 'Python has no AWS::NoValue: that branch is an unknown name';

twinRuleTests({
  title: 'rule cases over the Python renderers',
  renderers: pythonRenderers,
  known: KNOWN,
  grammars: ['python'],
  // The flagged text in Python's own spelling: `True` / `False`, the CDK's snake_case names
  // (`callback_ur_ls` for CallbackURLs), the callee where a template flags the logical id `Client`.
  normalise: (text) => text.toLowerCase().replace(/_/g, '').replace(/'/g, '"'),
});
