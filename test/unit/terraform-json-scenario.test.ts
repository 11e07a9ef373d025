/**
 * The Terraform renderers of the twin scenarios (test/support/scenario-terraform.ts): the exact
 * text of a scenario with every kind of value in HCL and JSON, the HCL parsing without an error
 * with the Terraform grammar, and the JSON read back by the Terraform JSON reader with its
 * references.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { loadGrammar, parseText } from '../../server/src/surfaces/tree-sitter';
import { readTerraformJson } from '../../server/src/surfaces/terraform/json';
import type { Scenario } from '../support/scenario';
import { terraformHcl, terraformJson, terraformTypeOf } from '../support/scenario-terraform';

const scenario: Scenario = {
  parameters: ['Callbacks', 'Attr'],
  conditions: ['Prod'],
  resources: {
    UserPool: { role: 'userPool', properties: { UserPoolName: 'pool', Schema: [{ Name: 'tenant', AttributeDataType: 'String' }, { Name: 'tier' }] } },
    Corp: { role: 'identityProvider', properties: { UserPoolId: { $ref: 'UserPool' }, ProviderName: 'Corp', ProviderType: 'OIDC', ProviderDetails: { client_id: 'x' } } },
    Orders: { role: 'resourceServer', properties: { UserPoolId: { $ref: 'UserPool' }, Identifier: 'orders', Name: 'Orders', Scopes: [{ ScopeName: 'read', ScopeDescription: 'r' }] } },
    Bucket: { role: 'other', properties: {} },
  },
  dependsOn: ['Corp', 'Bucket'],
  client: {
    ClientName: 'web ${x}',
    GenerateSecret: { $if: ['Prod', true, false] },
    AllowedOAuthFlows: ['code'],
    CallbackURLs: { $ref: 'Callbacks' },
    LogoutURLs: [{ $sub: 'https://${AWS::StackName}.example.com/"out"' }],
    SupportedIdentityProviders: [{ $ref: 'Corp' }],
    TokenValidityUnits: { AccessToken: 'minutes' },
    AccessTokenValidity: 30,
  },
  outputs: {
    Secret: { value: { $getAtt: ['Client', 'ClientSecret'] } },
    Shared: { value: { $sub: 'id=${Client},secret=${Client.ClientSecret}' }, export: true },
  },
};

const expectedHcl = `variable "Callbacks" {}

variable "Attr" {}

variable "Prod" {
  type = bool
}

resource "aws_cognito_user_pool" "UserPool" {
  name = "pool"
  schema {
    name                = "tenant"
    attribute_data_type = "String"
  }
  schema {
    name = "tier"
  }
}

resource "aws_cognito_identity_provider" "Corp" {
  user_pool_id     = aws_cognito_user_pool.UserPool.id
  provider_name    = "Corp"
  provider_type    = "OIDC"
  provider_details = { client_id = "x" }
}

resource "aws_cognito_resource_server" "Orders" {
  user_pool_id = aws_cognito_user_pool.UserPool.id
  identifier   = "orders"
  name         = "Orders"
  scope {
    scope_name        = "read"
    scope_description = "r"
  }
}

resource "aws_s3_bucket" "Bucket" {
}

# café ✓ — a non-ASCII line above the client
resource "aws_cognito_user_pool_client" "Client" {
  user_pool_id                 = aws_cognito_user_pool.UserPool.id
  name                         = "web $\${x}"
  generate_secret              = var.Prod ? true : false
  allowed_oauth_flows          = ["code"]
  callback_urls                = var.Callbacks
  logout_urls                  = ["https://\${terraform.workspace}.example.com/\\"out\\""]
  supported_identity_providers = [aws_cognito_identity_provider.Corp.provider_name]
  token_validity_units {
    access_token = "minutes"
  }
  access_token_validity = 30
  depends_on            = [aws_cognito_identity_provider.Corp, aws_s3_bucket.Bucket]
}

output "Secret" {
  value     = aws_cognito_user_pool_client.Client.client_secret
  sensitive = true
}

output "Shared" {
  value = "id=\${aws_cognito_user_pool_client.Client.id},secret=\${aws_cognito_user_pool_client.Client.client_secret}"
}
`;

describe('Terraform scenario renderers', () => {
  let grammar = false;
  before(async () => {
    grammar = await loadGrammar('terraform');
  });

  it('HCL: every kind of resource, value and reference, aligned as terraform fmt aligns', () => {
    const r = terraformHcl.render(scenario);
    assert.equal(r.fileName, 'main.tf');
    assert.equal(r.text, expectedHcl);
  });

  it('HCL: parses without an error with the Terraform grammar', () => {
    assert.ok(grammar, 'the Terraform grammar loads');
    const tree = parseText('terraform', terraformHcl.render(scenario).text);
    assert.ok(tree);
    assert.equal(tree.rootNode.hasError, false);
    const plain = parseText('terraform', terraformHcl.render({ client: {} }).text);
    assert.equal(plain?.rootNode.hasError, false);
  });

  it('JSON: the same module, values and references as "${...}" strings, read back by the reader', () => {
    const r = terraformJson.render(scenario);
    assert.equal(r.fileName, 'main.tf.json');
    const doc = JSON.parse(r.text);
    assert.deepEqual(Object.keys(doc), ['variable', 'resource', 'output']);
    assert.deepEqual(doc.variable, { Callbacks: {}, Attr: {}, Prod: { type: 'bool' } });
    assert.deepEqual(doc.resource.aws_cognito_user_pool.UserPool, { name: 'pool', schema: [{ name: 'tenant', attribute_data_type: 'String' }, { name: 'tier' }] });
    assert.deepEqual(doc.resource.aws_cognito_resource_server.Orders.scope, { scope_name: 'read', scope_description: 'r' });
    const clients = doc.resource.aws_cognito_user_pool_client;
    assert.deepEqual(Object.keys(clients), ['//', 'Client']);
    assert.equal(clients['//'], 'café ✓ — a non-ASCII line above the client');
    assert.deepEqual(clients.Client, {
      user_pool_id: '${aws_cognito_user_pool.UserPool.id}',
      name: 'web $${x}',
      generate_secret: '${var.Prod ? true : false}',
      allowed_oauth_flows: ['code'],
      callback_urls: '${var.Callbacks}',
      logout_urls: ['https://${terraform.workspace}.example.com/"out"'],
      supported_identity_providers: ['${aws_cognito_identity_provider.Corp.provider_name}'],
      token_validity_units: { access_token: 'minutes' },
      access_token_validity: 30,
      depends_on: ['aws_cognito_identity_provider.Corp', 'aws_s3_bucket.Bucket'],
    });
    assert.deepEqual(doc.output, {
      Secret: { value: '${aws_cognito_user_pool_client.Client.client_secret}', sensitive: true },
      Shared: { value: 'id=${aws_cognito_user_pool_client.Client.id},secret=${aws_cognito_user_pool_client.Client.client_secret}' },
    });

    const file = readTerraformJson(r.text);
    assert.deepEqual(file.problems, []);
    const client = file.blocks.find((b) => b.labels[0] === 'aws_cognito_user_pool_client')!;
    const attr = (name: string) => client.body.attributes.find((a) => a.name === name)!.value;
    const pool = attr('user_pool_id');
    assert.deepEqual(pool.kind === 'unknown' && pool.ref, { target: 'aws_cognito_user_pool.UserPool', attribute: 'id' });
    const name = attr('name');
    assert.equal(name.kind === 'string' && name.value, 'web ${x}');
    assert.equal(attr('generate_secret').kind, 'unknown');
    assert.equal(client.nameSpan.start, r.text.indexOf('"Client": {'));
  });

  it('defaults: the user pool and its id are added, the client is named as asked', () => {
    const hcl = terraformHcl.render({ client: { ClientName: 'a' }, clientName: 'Web' }).text;
    assert.equal(hcl, 'resource "aws_cognito_user_pool" "UserPool" {\n  name = "pool"\n}\n\n# café ✓ — a non-ASCII line above the client\nresource "aws_cognito_user_pool_client" "Web" {\n  user_pool_id = aws_cognito_user_pool.UserPool.id\n  name         = "a"\n}\n');
    const json = JSON.parse(terraformJson.render({ client: {}, noUserPool: true, noUserPoolId: true, noClientName: true }).text);
    assert.deepEqual(json, { resource: { aws_cognito_user_pool_client: { '//': 'café ✓ — a non-ASCII line above the client', Client: {} } } });
    // `name` is required in Terraform: added unless asked not to.
    const named = terraformHcl.render({ client: { AllowedOAuthFlows: ['code'] } }).text;
    assert.match(named, /user_pool_id += aws_cognito_user_pool\.UserPool\.id\n  name += "client"\n  allowed_oauth_flows = \["code"\]/);
    assert.deepEqual(JSON.parse(terraformJson.render({ client: {}, noUserPoolId: true }).text).resource.aws_cognito_user_pool_client.Client, { name: 'client' });
  });

  it('references to undeclared names follow the property; unknown names stay as written', () => {
    const hcl = terraformHcl.render({ client: { UserPoolId: { $ref: 'UserPoool' }, ReadAttributes: [{ $ref: 'Nope' }], CreationDate: 'x' } }).text;
    assert.match(hcl, /user_pool_id +?= aws_cognito_user_pool\.UserPoool\.id/);
    assert.match(hcl, /read_attributes += \[var\.Nope\]/);
    assert.match(hcl, /CreationDate += "x"/);
    const pseudo = terraformHcl.render({ conditions: ['C'], client: { CallbackURLs: [{ $if: ['C', 'https://a.example.com/', { $ref: 'AWS::NoValue' }] }], ClientName: { $sub: '${AWS::Region}-web' } } }).text;
    assert.match(pseudo, /callback_urls += \[var\.C \? "https:\/\/a\.example\.com\/" : null\]/);
    assert.match(pseudo, /name += "\$\{data\.aws_region\.current\.name\}-web"/);
    assert.equal(terraformTypeOf('AWS::IAM::Role'), 'aws_iam_role');
  });
});
