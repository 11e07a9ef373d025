/**
 * Every rule case of the rule test files (test/unit/rules-*.test.ts), run over the Python renderers
 * (test/support/scenario-sdk-python.ts: a boto3 create call and the CDK L1 construct) before they
 * join the shared `renderers` list: each firing case must fire, each clean and unknown case must
 * stay silent, except the differences listed below with their reasons (code files have no
 * resources around the call; boto3 calls have API semantics). A listed difference is checked to
 * still be one, so the list stays true (../support/twin-rules.ts).
 */
import { pythonRenderers } from '../support/scenario-sdk-python';
import { API_SEMANTICS, codeFileDifferences, twinRuleTests } from '../support/twin-rules';

const BOTO3 = 'sdk-boto3-python';

/** Known differences by `rule|kind|case` (both renderers) or `rule|kind|case|renderer`, with the reason. */
const KNOWN: Record<string, string> = codeFileDifferences();

/** boto3 calls have API semantics (the CDK L1 construct keeps CloudFormation's). */
for (const [key, reason] of [
  ...API_SEMANTICS,
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
