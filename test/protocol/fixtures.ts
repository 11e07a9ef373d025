/**
 * Documents for the protocol tests: a CloudFormation template with a misconfigured machine client
 * (client_credentials together with code, and no secret), its corrected twin, and hostile inputs.
 * Each template has a non-ASCII line above the client, so a byte/UTF-16 mix-up moves the ranges.
 */

/** `client_credentials` with `code` and no `GenerateSecret`: two errors on `client_credentials`. */
export const MISCONFIGURED_YAML = `AWSTemplateFormatVersion: '2010-09-09'
# café ✓ — a non-ASCII line above the client
Resources:
  UserPool:
    Type: AWS::Cognito::UserPool
    Properties:
      UserPoolName: pool
  MachineClient:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref UserPool
      PreventUserExistenceErrors: ENABLED
      AllowedOAuthFlowsUserPoolClient: true
      AllowedOAuthFlows:
        - client_credentials
        - code
      AllowedOAuthScopes:
        - api/read
      CallbackURLs:
        - https://example.com/callback
`;

/** The rule ids the misconfigured template must produce, in document order. */
export const MISCONFIGURED_CODES = ['client-credentials-exclusive', 'client-credentials-requires-secret'];

/** The same client, fixed: a secret and only client_credentials. No findings. */
export const FIXED_YAML = MISCONFIGURED_YAML.replace('        - code\n', '').replace(
  '      PreventUserExistenceErrors: ENABLED\n',
  '      PreventUserExistenceErrors: ENABLED\n      GenerateSecret: true\n',
);

/** The misconfigured client in a JSON template. */
export const MISCONFIGURED_JSON = JSON.stringify(
  {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'café ✓',
    Resources: {
      UserPool: { Type: 'AWS::Cognito::UserPool', Properties: { UserPoolName: 'pool' } },
      MachineClient: {
        Type: 'AWS::Cognito::UserPoolClient',
        Properties: {
          UserPoolId: { Ref: 'UserPool' },
          PreventUserExistenceErrors: 'ENABLED',
          AllowedOAuthFlowsUserPoolClient: true,
          AllowedOAuthFlows: ['client_credentials', 'code'],
          AllowedOAuthScopes: ['api/read'],
          CallbackURLs: ['https://example.com/callback'],
        },
      },
    },
  },
  null,
  2,
);

/** A YAML file that is not a template (a compose file): no surface reads a client from it. */
export const NOT_A_TEMPLATE_YAML = `services:
  web:
    image: nginx:latest
    ports:
      - "8080:80"
`;

/** Broken YAML in a template: unclosed flow sequence, bad indentation, a tab. */
export const BROKEN_YAML = `Resources:
  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      AllowedOAuthFlows: [client_credentials, code
     UserPoolId: !Ref
\tGenerateSecret: : :
  - - - ]]] {{{
`;

/** Binary garbage (NUL bytes and invalid sequences) in a document claiming to be YAML. */
export function binaryGarbage(): string {
  let text = 'Resources:\n  AWS::Cognito::UserPoolClient\n';
  let seed = 7;
  for (let i = 0; i < 20_000; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    text += String.fromCharCode(seed % 0x10000);
  }
  return text + '\u0000\u0000';
}

/** A template larger than `sizeKb` kilobytes, with the misconfigured client in it. */
export function hugeTemplate(sizeKb: number): string {
  const padding: string[] = [];
  let size = MISCONFIGURED_YAML.length;
  for (let i = 0; size < sizeKb * 1024 + 1024; i++) {
    const entry = `  Bucket${i}:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: bucket-${i}-with-a-reasonably-long-name\n`;
    padding.push(entry);
    size += entry.length;
  }
  return MISCONFIGURED_YAML + padding.join('');
}

/** Nesting `depth` levels deep, in flow style (`[[[...]]]`) and block style, inside a client. */
export function deeplyNestedYaml(depth: number): string {
  const flow = '['.repeat(depth) + ']'.repeat(depth);
  let block = '';
  for (let i = 0; i < Math.min(depth, 2000); i++) block += ' '.repeat(8 + i) + `k${i}:\n`;
  return `Resources:
  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      AllowedOAuthFlows: ${flow}
      ReadAttributes:
${block}        leaf: 1
`;
}

/** Nesting `depth` levels deep in JSON. */
export function deeplyNestedJson(depth: number): string {
  return `{"Resources": {"Client": {"Type": "AWS::Cognito::UserPoolClient", "Properties": {"AllowedOAuthFlows": ${'['.repeat(depth)}${']'.repeat(depth)}}}}}`;
}
