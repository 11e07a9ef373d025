/**
 * Large generated CloudFormation templates for the benchmark: a user pool and N app clients with a
 * realistic spread of settings (some with findings), in YAML and as the equivalent JSON.
 */

interface ClientSpec {
  name: string;
  properties: Record<string, unknown>;
}

function clientSpecs(count: number): ClientSpec[] {
  const specs: ClientSpec[] = [];
  for (let i = 0; i < count; i++) {
    const web = i % 3 !== 2;
    const properties: Record<string, unknown> = {
      UserPoolId: { Ref: 'UserPool' },
      ClientName: `client-${i}`,
      GenerateSecret: !web,
      ExplicitAuthFlows: i % 7 === 0 ? ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] : ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      PreventUserExistenceErrors: i % 5 === 0 ? 'LEGACY' : 'ENABLED',
      EnableTokenRevocation: i % 6 !== 0,
      AccessTokenValidity: 60,
      IdTokenValidity: 60,
      RefreshTokenValidity: 30,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
      ReadAttributes: ['email', 'email_verified', 'name', 'custom:tenant'],
      WriteAttributes: ['email', 'name'],
    };
    if (web) {
      Object.assign(properties, {
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: i % 11 === 0 ? ['implicit'] : ['code'],
        AllowedOAuthScopes: ['openid', 'email', 'profile'],
        CallbackURLs: [`https://app${i}.example.com/callback`, i % 13 === 0 ? `http://app${i}.example.com/cb` : 'http://localhost:3000/callback'],
        LogoutURLs: [`https://app${i}.example.com/`],
        SupportedIdentityProviders: ['COGNITO'],
      });
    } else {
      Object.assign(properties, {
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['client_credentials'],
        AllowedOAuthScopes: ['api/read', 'api/write'],
      });
    }
    // Some findings fix-all can fix on its own: the setting left to its LEGACY default.
    if (i % 4 === 1) delete properties.PreventUserExistenceErrors;
    specs.push({ name: `AppClient${String(i).padStart(4, '0')}`, properties });
  }
  return specs;
}

function templateObject(count: number): Record<string, unknown> {
  const resources: Record<string, unknown> = {
    UserPool: { Type: 'AWS::Cognito::UserPool', Properties: { UserPoolName: 'bench-pool' } },
    ApiResourceServer: {
      Type: 'AWS::Cognito::UserPoolResourceServer',
      Properties: { UserPoolId: { Ref: 'UserPool' }, Identifier: 'api', Name: 'api', Scopes: [{ ScopeName: 'read', ScopeDescription: 'read' }, { ScopeName: 'write', ScopeDescription: 'write' }] },
    },
  };
  for (const spec of clientSpecs(count)) {
    resources[spec.name] = { Type: 'AWS::Cognito::UserPoolClient', DependsOn: ['ApiResourceServer'], Properties: spec.properties };
  }
  return { AWSTemplateFormatVersion: '2010-09-09', Description: `Benchmark template with ${count} app clients`, Resources: resources };
}

/** The template as JSON (two-space indent, long-form intrinsics). */
export function generateJsonTemplate(count: number): string {
  return JSON.stringify(templateObject(count), null, 2) + '\n';
}

function yamlScalar(value: unknown): string {
  if (typeof value === 'string') return /^[\w./:-]+$/.test(value) && !/^(true|false|yes|no|null|\d.*)$/i.test(value) ? value : JSON.stringify(value);
  return String(value);
}

function yamlValue(value: unknown, indent: string): string {
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== 'object' || v === null)) return ` [${value.map(yamlScalar).join(', ')}]`;
    return value.map((v) => `\n${indent}- ${yamlValue(v, indent + '  ').trimStart()}`).join('');
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 1 && entries[0][0] === 'Ref') return ` !Ref ${entries[0][1]}`;
    return entries.map(([k, v]) => `\n${indent}${k}:${yamlValue(v, indent + '  ')}`).join('');
  }
  return ` ${yamlScalar(value)}`;
}

/** The template as YAML (block style, short-form `!Ref`, flow lists for scalars). */
export function generateYamlTemplate(count: number): string {
  return yamlValue(templateObject(count), '').trimStart() + '\n';
}

/** One of every kind of file a monorepo holds, none of them defining a client. */
function plainFile(i: number): { path: string; text: string } {
  const pkg = `packages/pkg${String(Math.floor(i / 50)).padStart(3, '0')}`;
  switch (i % 6) {
    case 0:
      return { path: `${pkg}/src/module${i}.ts`, text: `import { helper } from './helper';\n\nexport function handler${i}(event: { id: string }): string {\n  // plain application code\n  return helper(event.id) + '${i}';\n}\n`.repeat(4) };
    case 1:
      return { path: `${pkg}/config/settings${i}.json`, text: JSON.stringify({ name: `pkg-${i}`, version: '1.0.0', scripts: { build: 'tsc' }, dependencies: { lodash: '^4.17.21' } }, null, 2) + '\n' };
    case 2:
      return { path: `${pkg}/deploy/values${i}.yaml`, text: `replicaCount: 2\nimage:\n  repository: example/app${i}\n  tag: "1.0.${i}"\nservice:\n  type: ClusterIP\n  port: 80\n` };
    case 3:
      return { path: `${pkg}/scripts/tool${i}.py`, text: `import json\n\n\ndef main(path):\n    with open(path) as f:\n        return json.load(f)\n\n\nif __name__ == "__main__":\n    main("x${i}.json")\n` };
    case 4:
      return { path: `${pkg}/infra/bucket${i}.tf`, text: `resource "aws_s3_bucket" "b${i}" {\n  bucket = "bucket-${i}"\n  tags = {\n    Name = "b${i}"\n  }\n}\n` };
    default:
      return { path: `${pkg}/src/view${i}.js`, text: `export const view${i} = (props) => {\n  return { title: props.title, id: ${i} };\n};\n`.repeat(3) };
  }
}

/** A file defining clients, in one of the surfaces (CloudFormation YAML and JSON, Terraform, the SDK in TypeScript and Python). */
function clientFile(i: number): { path: string; text: string } {
  const pkg = `services/svc${String(i).padStart(3, '0')}`;
  switch (i % 5) {
    case 0:
      return { path: `${pkg}/template.yaml`, text: generateYamlTemplate(3) };
    case 1:
      return { path: `${pkg}/template.json`, text: generateJsonTemplate(3) };
    case 2:
      return { path: `${pkg}/cognito.tf`, text: generateTerraform(3) };
    case 3:
      return { path: `${pkg}/src/clients.ts`, text: generateSdkTypeScript(3) };
    default:
      return {
        path: `${pkg}/scripts/create_client.py`,
        text: `import boto3\n\ncognito = boto3.client("cognito-idp")\n\n\ndef create(pool_id):\n    return cognito.create_user_pool_client(\n        UserPoolId=pool_id,\n        ClientName="svc-${i}",\n        AllowedOAuthFlowsUserPoolClient=True,\n        AllowedOAuthFlows=["implicit"],\n        AllowedOAuthScopes=["openid"],\n        CallbackURLs=["http://app${i}.example.com/cb"],\n    )\n`,
      };
  }
}

/**
 * A monorepo-shaped tree: `total` files of the kinds the CLI walks, `withClients` of them defining
 * app clients spread evenly through it; the files in a stable order (for writing to disk).
 */
export function generateMonorepo(total: number, withClients: number): { path: string; text: string }[] {
  const files: { path: string; text: string }[] = [];
  const every = Math.max(1, Math.floor(total / Math.max(1, withClients)));
  let clients = 0;
  for (let i = 0; i < total; i++) {
    if (clients < withClients && i % every === 0) files.push(clientFile(clients++));
    else files.push(plainFile(i));
  }
  return files;
}

/** Terraform (HCL) with a user pool and `count` clients. */
export function generateTerraform(count: number): string {
  let out = `resource "aws_cognito_user_pool" "main" {\n  name = "bench-pool"\n}\n\nresource "aws_cognito_resource_server" "api" {\n  user_pool_id = aws_cognito_user_pool.main.id\n  identifier   = "api"\n  name         = "api"\n  scope {\n    scope_name        = "read"\n    scope_description = "read"\n  }\n}\n`;
  for (let i = 0; i < count; i++) {
    out += `\nresource "aws_cognito_user_pool_client" "c${i}" {\n  name                                 = "client-${i}"\n  user_pool_id                         = aws_cognito_user_pool.main.id\n  generate_secret                      = ${i % 3 === 2}\n  explicit_auth_flows                  = ["${i % 7 === 0 ? 'ALLOW_USER_PASSWORD_AUTH' : 'ALLOW_USER_SRP_AUTH'}", "ALLOW_REFRESH_TOKEN_AUTH"]\n  prevent_user_existence_errors        = "${i % 5 === 0 ? 'LEGACY' : 'ENABLED'}"\n  allowed_oauth_flows_user_pool_client = true\n  allowed_oauth_flows                  = ["${i % 11 === 0 ? 'implicit' : 'code'}"]\n  allowed_oauth_scopes                 = ["openid", "email"]\n  callback_urls                        = ["https://app${i}.example.com/callback", "${i % 13 === 0 ? `http://app${i}.example.com/cb` : 'http://localhost:3000/callback'}"]\n  access_token_validity                = 60\n  id_token_validity                    = 60\n  refresh_token_validity               = 30\n  read_attributes                      = ["email", "name"]\n  write_attributes                     = ["email"]\n}\n`;
  }
  return out;
}

/** The same Terraform configuration as JSON (`.tf.json`). */
export function generateTerraformJson(count: number): string {
  const clients: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) {
    clients[`c${i}`] = {
      name: `client-${i}`,
      user_pool_id: '${aws_cognito_user_pool.main.id}',
      generate_secret: i % 3 === 2,
      explicit_auth_flows: [i % 7 === 0 ? 'ALLOW_USER_PASSWORD_AUTH' : 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      prevent_user_existence_errors: i % 5 === 0 ? 'LEGACY' : 'ENABLED',
      allowed_oauth_flows_user_pool_client: true,
      allowed_oauth_flows: [i % 11 === 0 ? 'implicit' : 'code'],
      allowed_oauth_scopes: ['openid', 'email'],
      callback_urls: [`https://app${i}.example.com/callback`, i % 13 === 0 ? `http://app${i}.example.com/cb` : 'http://localhost:3000/callback'],
      access_token_validity: 60,
      id_token_validity: 60,
      refresh_token_validity: 30,
      read_attributes: ['email', 'name'],
      write_attributes: ['email'],
    };
  }
  return JSON.stringify({ resource: { aws_cognito_user_pool: { main: { name: 'bench-pool' } }, aws_cognito_user_pool_client: clients } }, null, 2) + '\n';
}

/** A TypeScript file making `count` SDK v3 CreateUserPoolClient calls. */
export function generateSdkTypeScript(count: number): string {
  let out = `import { CognitoIdentityProviderClient, CreateUserPoolClientCommand } from '@aws-sdk/client-cognito-identity-provider';\n\nconst cognito = new CognitoIdentityProviderClient({});\n`;
  for (let i = 0; i < count; i++) {
    out += `\nexport async function create${i}(userPoolId: string) {\n  return cognito.send(\n    new CreateUserPoolClientCommand({\n      UserPoolId: userPoolId,\n      ClientName: 'client-${i}',\n      GenerateSecret: ${i % 3 === 2},\n      ExplicitAuthFlows: ['${i % 7 === 0 ? 'ALLOW_USER_PASSWORD_AUTH' : 'ALLOW_USER_SRP_AUTH'}', 'ALLOW_REFRESH_TOKEN_AUTH'],\n      PreventUserExistenceErrors: '${i % 5 === 0 ? 'LEGACY' : 'ENABLED'}',\n      AllowedOAuthFlowsUserPoolClient: true,\n      AllowedOAuthFlows: ['${i % 11 === 0 ? 'implicit' : 'code'}'],\n      AllowedOAuthScopes: ['openid', 'email'],\n      CallbackURLs: ['https://app${i}.example.com/callback', '${i % 13 === 0 ? `http://app${i}.example.com/cb` : 'http://localhost:3000/callback'}'],\n      AccessTokenValidity: 60,\n      ReadAttributes: ['email', 'name'],\n    }),\n  );\n}\n`;
  }
  return out;
}

/**
 * The realistic shape: a CloudFormation YAML template of `resources` resources of which `clients`
 * are app clients (the rest: Lambda functions, queues, tables, roles), clients spread through it.
 */
export function generateMixedYamlTemplate(resources: number, clients: number): string {
  const full = generateYamlTemplate(clients);
  const [head, body] = full.split(/^Resources:\n/m);
  const blocks = body.split(/(?=^ {2}\S)/m);
  const other = (i: number): string => {
    switch (i % 4) {
      case 0:
        return `  Function${i}:\n    Type: AWS::Lambda::Function\n    Properties:\n      Handler: index.handler\n      Runtime: nodejs20.x\n      Role: !GetAtt Role${i - (i % 4) + 3}.Arn\n      Code:\n        ZipFile: |\n          exports.handler = async () => ({ statusCode: 200 });\n      Environment:\n        Variables:\n          POOL_ID: !Ref UserPool\n`;
      case 1:
        return `  Queue${i}:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: queue-${i}\n      VisibilityTimeout: 60\n`;
      case 2:
        return `  Table${i}:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      BillingMode: PAY_PER_REQUEST\n      AttributeDefinitions:\n        - AttributeName: pk\n          AttributeType: S\n      KeySchema:\n        - AttributeName: pk\n          KeyType: HASH\n`;
      default:
        return `  Role${i}:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Principal:\n              Service: lambda.amazonaws.com\n            Action: sts:AssumeRole\n`;
    }
  };
  // The pool and resource server first, then the others with a client every so often.
  const fixed = blocks.slice(0, 2);
  const clientBlocks = blocks.slice(2);
  const others = resources - clientBlocks.length - fixed.length;
  const every = Math.max(1, Math.floor(others / Math.max(1, clientBlocks.length)));
  let out = `${head}Resources:\n${fixed.join('')}`;
  let c = 0;
  for (let i = 0; i < others; i++) {
    out += other(i);
    if (i % every === every - 1 && c < clientBlocks.length) out += clientBlocks[c++];
  }
  while (c < clientBlocks.length) out += clientBlocks[c++];
  return out;
}
