/**
 * The converter (server/src/convert) on chosen clients: what each target writes (names, units,
 * defaults, inputs), the CDK L2's own defaults countered, a describe result turned into
 * infrastructure code, and `cognito-client-lint convert`. The round-trip matrix is
 * ./convert-matrix.test.ts.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { compareConversion, convertClients, targetById, TARGETS } from '../../server/src/convert';
import { runCliAsync } from '../../server/src/cli/main';
import { convertCodeActions, convertedAt, CONVERT_SERVER_COMMAND } from '../../server/src/features/convert-actions';
import { parseDocument } from '../../server/src/surfaces';
import { loadGrammar } from '../../server/src/surfaces/tree-sitter';

before(async () => {
  for (const g of ['terraform', 'typescript', 'javascript', 'python'] as const) assert.ok(await loadGrammar(g));
});

const WEB = `Parameters:
  Domain:
    Type: String
Resources:
  UserPool:
    Type: AWS::Cognito::UserPool
  WebClient:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref UserPool
      ClientName: web
      GenerateSecret: false
      AllowedOAuthFlowsUserPoolClient: true
      AllowedOAuthFlows: [code]
      AllowedOAuthScopes: [openid, email]
      CallbackURLs: [!Sub "https://\${Domain}/cb", "https://localhost:3000/cb"]
      SupportedIdentityProviders: [COGNITO]
      ExplicitAuthFlows: [ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH]
      AccessTokenValidity: 30
      TokenValidityUnits:
        AccessToken: minutes
      RefreshTokenValidity: 90
      PreventUserExistenceErrors: ENABLED
`;

const MACHINE = `Resources:
  Machine:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: eu-west-1_AbCdEf123
      ClientName: machine
      GenerateSecret: true
`;

const DESCRIBE = JSON.stringify(
  {
    UserPoolClient: {
      UserPoolId: 'eu-west-1_AbCdEf123',
      ClientName: 'web',
      ClientId: '4example1clientid2abcdef3g',
      ClientSecret: 'secret-value-1234567890abcdefghijklmnopqrstuvwxyz12',
      RefreshTokenValidity: 30,
      AccessTokenValidity: 60,
      IdTokenValidity: 60,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      AllowedOAuthFlowsUserPoolClient: false,
      EnableTokenRevocation: true,
      LastModifiedDate: '2024-05-01T10:00:00.000000+00:00',
      CreationDate: '2024-05-01T10:00:00.000000+00:00',
    },
  },
  null,
  2,
);

function defsOf(text: string, languageId = 'yaml', file = 'template.yaml') {
  const parsed = parseDocument({ uri: `file:///w/${file}`, languageId, text, siblings: [] });
  assert.ok(parsed);
  return parsed.model.clients;
}

function convert(text: string, target: string, languageId = 'yaml', file = 'template.yaml') {
  const defs = defsOf(text, languageId, file);
  const conversion = convertClients(defs, targetById(target)!);
  assert.deepEqual(compareConversion(defs, conversion), [], `${target} reads back the same:\n${conversion.text}`);
  return conversion;
}

describe('convert: targets', () => {
  it('CloudFormation: a parameter for each value the source could not know, lifetimes in units that read well, defaults left out', () => {
    const { text } = convert(WEB, 'cloudformation-yaml');
    assert.match(text, /Parameters:\n {2}UserPoolId:\n {4}Type: String/);
    assert.match(text, /CallbackUrls1:\n {4}Type: String/);
    assert.match(text, /CallbackURLs:\n {8}- Ref: CallbackUrls1\n {8}- https:\/\/localhost:3000\/cb/);
    assert.match(text, /AccessTokenValidity: 30\n/);
    assert.match(text, /TokenValidityUnits:\n {8}AccessToken: minutes\n/);
    assert.match(text, /RefreshTokenValidity: 90\n/);
    assert.doesNotMatch(text, /GenerateSecret/, 'false is the default');
  });

  it('Terraform: variables, names and blocks of the provider', () => {
    const { text } = convert(WEB, 'terraform');
    assert.match(text, /variable "user_pool_id" \{\n {2}type {8}= string/);
    assert.match(text, /resource "aws_cognito_user_pool_client" "web_client" \{/);
    assert.match(text, /callback_urls +\= \[var\.callback_urls1, "https:\/\/localhost:3000\/cb"\]/);
    assert.match(text, /\n {2}token_validity_units \{\n {4}access_token = "minutes"\n {2}\}/);
    const json = JSON.parse(convert(WEB, 'terraform-json').text);
    assert.equal(json.resource.aws_cognito_user_pool_client.web_client.user_pool_id, '${var.user_pool_id}');
    assert.deepEqual(json.resource.aws_cognito_user_pool_client.web_client.token_validity_units, { access_token: 'minutes' });
  });

  it('a name CloudFormation would generate is asked for where the target needs one', () => {
    const text = MACHINE.replace('      ClientName: machine\n', '');
    assert.match(convert(text, 'terraform').text, /name += var\.client_name/);
    assert.match(convert(text, 'sdk-typescript').text, /export async function createMachine\(clientName: string\)/);
    assert.doesNotMatch(convert(text, 'cloudformation-yaml').text, /ClientName/);
  });

  it('SDK v3 and boto3: the inputs are the function arguments, with what the source had', () => {
    const ts = convert(WEB, 'sdk-typescript').text;
    assert.match(ts, /\/\/ userPoolId: the source has !Ref\n/);
    assert.match(ts, /export async function createWebClient\(userPoolId: string, callbackUrls1: string\)/);
    assert.match(ts, /new CreateUserPoolClientCommand\(\{\n {6}UserPoolId: userPoolId,/);
    const py = convert(WEB, 'boto3').text;
    assert.match(py, /def create_web_client\(user_pool_id, callback_urls1\):/);
    assert.match(py, /TokenValidityUnits=\{"AccessToken": "minutes"\},/);
  });

  it('CDK L2: Durations, AuthFlow flags without the refresh flow the CDK adds, every OAuth setting explicit', () => {
    for (const [target, expected] of [
      ['cdk-typescript', [/accessTokenValidity: Duration\.minutes\(30\)/, /refreshTokenValidity: Duration\.days\(90\)/, /authFlows: \{\n {8}userSrp: true,\n {6}\}/, /scopes: \[cognito\.OAuthScope\.OPENID, cognito\.OAuthScope\.EMAIL\]/, /preventUserExistenceErrors: true/]],
      ['cdk-python', [/access_token_validity=Duration\.minutes\(30\)/, /auth_flows=cognito\.AuthFlow\(\n {16}user_srp=True,/, /flows=cognito\.OAuthFlows\(\n {20}authorization_code_grant=True,/]],
    ] as const) {
      const { text, notes } = convert(WEB, target);
      for (const re of expected) assert.match(text, re, text);
      assert.deepEqual(notes, []);
    }
  });

  it('CDK L2: a client without OAuth is disableOAuth, no provider an empty list (the L2 would turn on implicit + code with example.com)', () => {
    const { text } = convert(MACHINE, 'cdk-typescript');
    assert.match(text, /disableOAuth: true/);
    assert.match(text, /supportedIdentityProviders: \[\]/);
    assert.match(text, /userPool: cognito\.UserPool\.fromUserPoolId\(this, 'MachinePool', 'eu-west-1_AbCdEf123'\)/);
    assert.match(text, /generateSecret: true/);
  });

  it('CDK L2: what it cannot write is a NOT CONVERTED comment and a note, never a silent default', () => {
    const text = MACHINE + '      ExplicitAuthFlows: [ALLOW_USER_SRP_AUTH]\n';
    const defs = defsOf(text);
    const conversion = convertClients(defs, targetById('cdk-typescript')!);
    assert.match(conversion.text, /\/\/ NOT CONVERTED: ExplicitAuthFlows: the L2 always adds ALLOW_REFRESH_TOKEN_AUTH/);
    assert.deepEqual(conversion.notes, ['Machine: ExplicitAuthFlows: the L2 always adds ALLOW_REFRESH_TOKEN_AUTH unless refresh token rotation is on']);
    assert.deepEqual(compareConversion(defs, conversion), ['Machine.ExplicitAuthFlows']);
  });

  it('a describe result becomes infrastructure code: outputs dropped, the secret a generated one, defaults left out', () => {
    const defs = defsOf(DESCRIBE, 'json', 'web.json');
    for (const target of TARGETS) {
      const conversion = convertClients(defs, target);
      assert.deepEqual(compareConversion(defs, conversion), [], `${target.id}:\n${conversion.text}`);
      assert.doesNotMatch(conversion.text, /4example1clientid2abcdef3g|secret-value|2024-05-01/, target.id);
      assert.ok(conversion.dropped.some((d) => /ClientSecret/.test(d)), target.id);
    }
    const yaml = convertClients(defs, targetById('cloudformation-yaml')!).text;
    assert.match(yaml, /GenerateSecret: true/);
    assert.match(yaml, /UserPoolId: eu-west-1_AbCdEf123/);
    assert.doesNotMatch(yaml, /AccessTokenValidity|IdTokenValidity|RefreshTokenValidity|TokenValidityUnits|EnableTokenRevocation/, 'all defaults');
  });

  it('a request holds one client: several need a choice', () => {
    const two = MACHINE + '  Other:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: eu-west-1_AbCdEf123\n';
    assert.throws(() => convertClients(defsOf(two), targetById('cli-input-json')!), /a request holds one client; choose one of Machine, Other/);
    assert.match(convertClients(defsOf(two), targetById('cloudformation-json')!).text, /"Other": \{/);
  });
});

describe('convert: code actions (pure)', () => {
  it('nine conversions on a client, none elsewhere; the server command converts the client at the position', () => {
    const document = TextDocument.create('file:///w/template.yaml', 'yaml', 1, WEB);
    const model = parseDocument({ uri: document.uri, languageId: 'yaml', text: WEB })!.model;
    const inside = document.positionAt(WEB.indexOf('ClientName'));
    const actions = convertCodeActions(document, model, { start: inside, end: inside }, { clientOpens: false });
    assert.equal(actions.length, 9);
    assert.ok(actions.every((a) => a.command?.command === CONVERT_SERVER_COMMAND));
    const outside = document.positionAt(WEB.indexOf('Domain'));
    assert.deepEqual(convertCodeActions(document, model, { start: outside, end: outside }, { clientOpens: true }), []);
    const converted = convertedAt(document, model, inside, 'cloudformation-json')!;
    assert.equal(converted.language, 'json');
    assert.equal(JSON.parse(converted.content).Resources.WebClient.Properties.ClientName, 'web');
    assert.equal(convertedAt(document, model, inside, 'nope'), undefined);
  });
});

describe('cognito-client-lint convert', () => {
  const dir = mkdtempSync(join(tmpdir(), 'convert-'));
  writeFileSync(join(dir, 'template.yaml'), WEB + MACHINE.replace('Resources:\n', ''));

  async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const code = await runCliAsync(['convert', ...argv], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: dir });
    return { code, stdout, stderr };
  }

  it('prints every client converted, notes on stderr', async () => {
    const { code, stdout, stderr } = await run('--to', 'terraform', 'template.yaml');
    assert.equal(code, 0, stderr);
    assert.match(stdout, /resource "aws_cognito_user_pool_client" "web_client"/);
    assert.match(stdout, /resource "aws_cognito_user_pool_client" "machine"/);
    assert.doesNotMatch(stderr, /not exact/);
  });

  it('--client picks one; a request needs one', async () => {
    const one = await run('--to=cli-input-json', '--client', 'WebClient', 'template.yaml');
    assert.equal(one.code, 0, one.stderr);
    assert.equal(JSON.parse(one.stdout).ClientName, 'web');
    assert.match(one.stderr, /note: UserPoolId is a placeholder \(""\): the source has !Ref/);
    const both = await run('--to', 'cli-input-json', 'template.yaml');
    assert.equal(both.code, 2);
    assert.match(both.stderr, /a request holds one client; choose one of WebClient, Machine/);
    const missing = await run('--to', 'boto3', '--client', 'Nope', 'template.yaml');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no client named "Nope" in template\.yaml: it has WebClient, Machine/);
  });

  it('an unknown or missing target is an error naming the targets', async () => {
    const unknown = await run('--to', 'pulumi', 'template.yaml');
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stderr, `cognito-client-lint convert: unknown target "pulumi": use one of ${TARGETS.map((t) => t.id).join(', ')}\n`);
    const none = await run('template.yaml');
    assert.equal(none.code, 2);
    assert.match(none.stderr, /--to TARGET is required/);
    const help = await run('--help');
    assert.equal(help.code, 0);
    for (const t of TARGETS) assert.ok(help.stdout.includes(t.id));
  });
});
