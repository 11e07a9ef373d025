/**
 * Every rule case of the rule test files, run over the Terraform renderers (HCL and JSON,
 * test/support/scenario-terraform.ts): the twins of every CloudFormation rule fixture. Differences
 * are listed with their reasons (../support/twin-rules.ts checks each is still one).
 */
import { terraformHcl, terraformJson } from '../support/scenario-terraform';
import { twinRuleTests } from '../support/twin-rules';

/** Known differences from the CloudFormation renderers, by `rule|kind|case` or `rule|kind|case|renderer`. */
const KNOWN: Record<string, string> = {
  'user-pool-reference|unknown|GetAtt is not checked':
    'a reference to an undeclared aws_cognito_user_pool fails terraform plan, so Terraform flags it (a CloudFormation GetAtt may name a nested stack output)',
  "unknown-property|fires|another surface's spelling": 'the scenario writes callback_urls, which is the Terraform spelling: right here',
  'missing-required|clean|CloudFormation does not need RefreshTokenRotation.Feature': 'the Terraform refresh_token_rotation block requires feature',
  'read-only-property|fires|ClientId written from an intrinsic (presence is the problem)': 'it fires, on `id`: the Terraform name of ClientId',
};

twinRuleTests({
  title: 'rule cases over the Terraform renderers',
  renderers: [terraformHcl, terraformJson],
  known: KNOWN,
  grammars: ['terraform'],
  // Terraform spells names in snake_case: compare the flagged text without case, `_` and quotes.
  normalise: (text) => text.toLowerCase().replace(/[_'"]/g, ''),
});
