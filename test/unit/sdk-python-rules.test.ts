/**
 * Every rule case table (test/unit/rules-*.test.ts) over the Python renderers: a boto3
 * `create_user_pool_client` call and a CDK L1 `CfnUserPoolClient`. The cases that knowingly come
 * out differently in code are listed with the reason and asserted as differences.
 */
import { before } from 'node:test';
import { loadGrammar } from '../../server/src/surfaces/tree-sitter';
import { canonicalName, spell } from '../../server/src/schema';
import { setRuleTestSetup } from '../support/harness';
import { pythonRenderers } from '../support/scenario-sdk-python';

before(async () => {
  await loadGrammar('python');
});

/** Known differences: `rule|kind|case name|renderer id` (renderer `*` for both) -> reason. */
const CROSS = 'a code file declares no user pools, identity providers, resource servers or outputs';
const API = 'the boto3 call has API semantics';
const DIFFERENCES: Record<string, string> = {
  'invalid-type|clean|quoted booleans and numbers (the engine converts them)|sdk-boto3-python': `${API}: quoted numbers and booleans are not converted`,
  'out-of-range|fires|AuthSessionValidity below 3, as a quoted number|sdk-boto3-python': `${API}: a quoted number is invalid-type, not converted`,
  'token-validity-range|fires|a quoted number (the engine converts it)|sdk-boto3-python': `${API}: a quoted number is invalid-type, not converted`,
  'refresh-token-validity-zero|fires|a quoted 0|sdk-boto3-python': `${API}: a quoted number is invalid-type, not converted`,
  'refresh-token-validity-zero|fires|RefreshTokenValidity 0 in a template|sdk-boto3-python': `${API}: the API takes 0 (as 30 days), so it is a warning, not an error`,
  'missing-required|clean|CloudFormation needs no ClientName|sdk-boto3-python': `${API}: CreateUserPoolClient requires ClientName`,
  'missing-required|clean|CloudFormation does not need RefreshTokenRotation.Feature|sdk-boto3-python': `${API}: CreateUserPoolClient requires ClientName (and Feature)`,
  'missing-required|clean|a misspelled UserPoolId is unknown-property’s|sdk-boto3-python': `${API}: the scenario has no ClientName`,
  'missing-required|unknown|UserPoolId from a parameter|sdk-boto3-python': `${API}: the scenario has no ClientName`,
  'read-only-property|fires|ClientSecret in a template|sdk-boto3-python': `${API}: CreateUserPoolClient takes ClientSecret as input`,
  'client-secret-output|fires|an exported GetAtt ClientSecret output|*': CROSS,
  'client-secret-output|fires|the secret inside a Sub|*': CROSS,
  'user-pool-reference|fires|a reference to an undeclared name|*': CROSS,
  'user-pool-reference|fires|a reference to a resource that is not a user pool|*': CROSS,
  'user-pool-reference|fires|no user pool in the file at all|*': CROSS,
  'identity-provider-undeclared|fires|a provider name no identity provider in the file declares|*': CROSS,
  'identity-provider-undeclared|fires|built-in names are case-sensitive|*': CROSS,
  'identity-provider-dependency|fires|a declared provider without DependsOn|*': CROSS,
  'identity-provider-dependency|fires|a dependency on something else does not count|*': CROSS,
  'custom-scope-undeclared|fires|a scope the resource server does not define|*': CROSS,
  'custom-scope-undeclared|fires|an identifier no resource server declares|*': CROSS,
  'custom-scope-undeclared|fires|a defined scope without a dependency on its server|*': CROSS,
  'custom-attribute-undeclared|fires|a custom attribute the pool schema does not declare|*': CROSS,
  'custom-attribute-undeclared|fires|in WriteAttributes too|*': CROSS,
};

setRuleTestSetup({
  renderers: pythonRenderers,
  knownDifference(rule, kind, name, renderer) {
    return DIFFERENCES[`${rule}|${kind}|${name}|${renderer}`] ?? DIFFERENCES[`${rule}|${kind}|${name}|*`];
  },
  at(at, renderer, doc) {
    if (at === 'true' || at === 'false') return at === 'true' ? 'True' : 'False';
    // A client's logical id is the callee of a boto3 call; property names are the CDK's spelling.
    if (renderer === 'sdk-boto3-python' && at === 'Client') return 'create_user_pool_client';
    if (renderer === 'cdk-l1-python' && !doc.text.includes(at) && canonicalName(at, 'cloudformation') !== undefined) return spell([at], 'cdkPython');
    return at;
  },
});

for (const file of ['shape', 'token', 'flows', 'oauth', 'attributes', 'secrets', 'resources']) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(`./rules-${file}.test`);
}
setRuleTestSetup(undefined);
