/**
 * One example document of every surface, each holding a client with findings that have quick
 * fixes: [path from the repository root, language id, surface id]. For tests that run a feature
 * over every surface.
 */
export const SURFACE_EXAMPLES: readonly (readonly [string, string, string])[] = [
  ['examples/cloudformation/web-clients.yaml', 'yaml', 'cloudformation-yaml'],
  ['examples/cloudformation/cdk-synth.template.json', 'json', 'cloudformation-json'],
  ['examples/terraform/cdktf.tf.json', 'json', 'terraform-json'],
  ['examples/terraform/main.tf', 'terraform', 'terraform-hcl'],
  ['test/fixtures/api/describe-web-client.json', 'json', 'api-json'],
  ['examples/sdk/create-client.ts', 'typescript', 'sdk-javascript'],
  ['examples/sdk/create_client.py', 'python', 'sdk-python'],
  ['examples/sdk/cdk-stack.ts', 'typescript', 'sdk-javascript'],
];
