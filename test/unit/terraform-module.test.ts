/**
 * A Terraform module is a directory: the CLI reads each `.tf` / `.tf.json` file with the facts of
 * its siblings (pools, identity providers, resource servers, locals), HCL and JSON alike, and the
 * module-wide messages say so.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCliAsync } from '../../server/src/cli/main';

const POOL_TF = `resource "aws_cognito_user_pool" "main" {
  name = "main"
  schema {
    name                = "tenant"
    attribute_data_type = "String"
  }
}

resource "aws_cognito_identity_provider" "google" {
  user_pool_id  = aws_cognito_user_pool.main.id
  provider_name = "Google"
  provider_type = "Google"
}
`;

const SERVERS_TF_JSON = JSON.stringify({
  resource: { aws_cognito_resource_server: { api: { identifier: 'https://api.example.com', name: 'api', user_pool_id: '${aws_cognito_user_pool.main.id}', scope: [{ scope_name: 'read', scope_description: 'r' }] } } },
}, null, 2);

const client = (poolName: string) => `# café ✓
locals {
  callbacks = ["https://app.example.com/cb"]
}

resource "aws_cognito_user_pool_client" "web" {
  name                                 = "web"
  user_pool_id                         = aws_cognito_user_pool.${poolName}.id
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["code"]
  allowed_oauth_scopes                 = ["openid", "https://api.example.com/write"]
  callback_urls                        = local.callbacks
  supported_identity_providers         = ["Google", "Okta"]
  read_attributes                      = ["email", "custom:tenant", "custom:plan"]
  prevent_user_existence_errors        = "ENABLED"
}
`;

interface Report { files: { path: string; clients: unknown[]; diagnostics: { rule: string; message: string }[] }[] }

async function lint(dir: string): Promise<{ code: number; report: Report }> {
  let out = '';
  const code = await runCliAsync(['--format', 'json', '.'], { stdout: (t) => void (out += t), stderr: () => undefined, cwd: dir });
  return { code, report: JSON.parse(out) as Report };
}

describe('Terraform module across files', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-module-'));
    fs.writeFileSync(path.join(dir, 'pool.tf'), POOL_TF);
    fs.writeFileSync(path.join(dir, 'servers.tf.json'), SERVERS_TF_JSON);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads the pool, provider and resource server declared in sibling files', async () => {
    fs.writeFileSync(path.join(dir, 'main.tf'), client('main'));
    const { code, report } = await lint(dir);
    const main = report.files.find((f) => f.path === 'main.tf')!;
    assert.equal(main.clients.length, 1);
    const rules = main.diagnostics.map((d) => d.rule).sort();
    assert.deepEqual(rules, ['custom-attribute-undeclared', 'custom-scope-undeclared', 'identity-provider-dependency', 'identity-provider-undeclared']);
    const text = main.diagnostics.map((d) => d.message).join('\n');
    assert.match(text, /custom:plan/, 'the pool schema (pool.tf) declares tenant, not plan');
    assert.match(text, /defines no scope named write; it defines read/, 'the resource server comes from servers.tf.json');
    assert.match(text, /declared by aws_cognito_identity_provider\.google in this module/);
    assert.doesNotMatch(text, /Google, COGNITO, Facebook, Google/, 'each provider named once');
    assert.equal(code, 0, 'only warnings');
  });

  it('flags a user pool the module does not declare, with the module in the message', async () => {
    fs.writeFileSync(path.join(dir, 'main.tf'), client('mian'));
    const { code, report } = await lint(dir);
    const main = report.files.find((f) => f.path === 'main.tf')!;
    const finding = main.diagnostics.find((d) => d.rule === 'user-pool-reference');
    assert.ok(finding);
    assert.match(finding.message, /aws_cognito_user_pool\.mian, which is not declared in this module; refer to a user pool \(aws_cognito_user_pool\.main\)/);
    assert.equal(code, 1);
  });

  it('without its siblings the same file concludes nothing about undeclared resources', async () => {
    const alone = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-alone-'));
    try {
      fs.writeFileSync(path.join(alone, 'main.tf'), client('main'));
      const { report } = await lint(alone);
      const rules = report.files[0].diagnostics.map((d) => d.rule);
      assert.ok(rules.includes('user-pool-reference'), 'a complete module with no pool: the reference is wrong');
      assert.ok(!rules.includes('identity-provider-dependency'));
    } finally {
      fs.rmSync(alone, { recursive: true, force: true });
    }
  });
});
