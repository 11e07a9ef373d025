/**
 * The "Convert to ..." code actions over the protocol: the nine actions on a client, the server's
 * command for editors that do not open documents themselves (the text in its result, and a new
 * file beside the source by one workspace edit when the editor creates files), and the client's
 * command with the text in its arguments when the editor says it runs it (the VS Code client).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CONVERT_CLIENT_COMMAND, CONVERT_KIND, CONVERT_SERVER_COMMAND } from '../../server/src/features/convert-actions';
import { PLAIN_CAPABILITIES, positionOf } from '../support/lsp-client';
import { MISCONFIGURED_YAML } from './fixtures';
import { withSession } from './session';

const URI = 'file:///workspace/template.yaml';
const TITLES = [
  'Convert to CloudFormation YAML',
  'Convert to CloudFormation JSON',
  'Convert to Terraform',
  'Convert to Terraform JSON',
  'Convert to SDK v3 (TypeScript)',
  'Convert to boto3',
  'Convert to CDK (TypeScript)',
  'Convert to CDK (Python)',
  'Convert to CLI input JSON',
];

describe('convert code actions', () => {
  it('offers the nine conversions on a client, each a server command; the command answers the converted text', async () => {
    await withSession(PLAIN_CAPABILITIES, async ({ client }) => {
      await client.open(URI, 'yaml', MISCONFIGURED_YAML);
      await client.waitForDiagnostics(URI, (p) => p.diagnostics.length > 0);
      const at = positionOf(MISCONFIGURED_YAML, 'PreventUserExistenceErrors');
      const actions = (await client.codeActions(URI, { start: at, end: at }, [])).filter((a) => a.kind === CONVERT_KIND);
      assert.deepEqual(actions.map((a) => a.title), TITLES);
      const terraform = actions[2].command!;
      assert.equal(terraform.command, CONVERT_SERVER_COMMAND);
      assert.deepEqual(terraform.arguments, [URI, at, 'terraform']);
      const result = (await client.executeCommand(terraform.command, terraform.arguments!)) as { language: string; content: string };
      assert.equal(result.language, 'terraform');
      assert.match(result.content, /resource "aws_cognito_user_pool_client" "machine_client" \{/);
      assert.match(result.content, /allowed_oauth_flows += \["client_credentials", "code"\]/);
      assert.match(result.content, /user_pool_id += var\.user_pool_id/);
      // Nothing to create a file with: no edit asked for.
      assert.equal(client.appliedEdits.length, 0);
    });
  });

  it('none outside a client, and none when only quick fixes are asked for', async () => {
    await withSession(PLAIN_CAPABILITIES, async ({ client }) => {
      await client.open(URI, 'yaml', MISCONFIGURED_YAML);
      await client.waitForDiagnostics(URI, (p) => p.diagnostics.length > 0);
      const pool = positionOf(MISCONFIGURED_YAML, 'UserPoolName');
      assert.deepEqual((await client.codeActions(URI, { start: pool, end: pool }, [])).filter((a) => a.kind === CONVERT_KIND), []);
      const at = positionOf(MISCONFIGURED_YAML, 'PreventUserExistenceErrors');
      assert.deepEqual((await client.codeActions(URI, { start: at, end: at }, [], ['quickfix'])).filter((a) => a.kind === CONVERT_KIND), []);
      assert.equal((await client.codeActions(URI, { start: at, end: at }, [], ['refactor'])).filter((a) => a.kind === CONVERT_KIND).length, 9);
    });
  });

  it('creates the converted file beside the source and shows it, when the editor applies such edits', async () => {
    const capabilities = { ...PLAIN_CAPABILITIES, window: { showDocument: { support: true } }, workspace: { ...PLAIN_CAPABILITIES.workspace, workspaceEdit: { documentChanges: true, resourceOperations: ['create' as const] } } };
    await withSession(capabilities, async ({ client }) => {
      await client.open(URI, 'yaml', MISCONFIGURED_YAML);
      await client.waitForDiagnostics(URI, (p) => p.diagnostics.length > 0);
      const at = positionOf(MISCONFIGURED_YAML, 'MachineClient');
      await client.executeCommand(CONVERT_SERVER_COMMAND, [URI, at, 'cdk-python']);
      assert.equal(client.appliedEdits.length, 1);
      const changes = client.appliedEdits[0].edit.documentChanges!;
      assert.deepEqual(changes[0], { kind: 'create', uri: 'file:///workspace/template.converted.cdk-python.py', options: { overwrite: false, ignoreIfExists: false } });
      const text = (changes[1] as { edits: { newText: string }[] }).edits[0].newText;
      assert.match(text, /cognito\.UserPoolClient\(/);
      assert.match(text, /client_credentials=True/);
      assert.deepEqual(client.shownDocuments.map((d) => d.uri), ['file:///workspace/template.converted.cdk-python.py']);
    });
  });

  it('names the client command, with the text, when the editor says it opens conversions itself', async () => {
    const capabilities = { ...PLAIN_CAPABILITIES, experimental: { cognitoClient: { commands: [CONVERT_CLIENT_COMMAND] } } };
    await withSession(capabilities, async ({ client }) => {
      await client.open(URI, 'yaml', MISCONFIGURED_YAML);
      await client.waitForDiagnostics(URI, (p) => p.diagnostics.length > 0);
      const at = positionOf(MISCONFIGURED_YAML, 'MachineClient');
      const actions = (await client.codeActions(URI, { start: at, end: at }, [])).filter((a) => a.kind === CONVERT_KIND);
      assert.deepEqual(actions.map((a) => a.title), TITLES);
      const boto3 = actions[5].command!;
      assert.equal(boto3.command, CONVERT_CLIENT_COMMAND);
      const [doc] = boto3.arguments as [{ language: string; content: string; notes: string[] }];
      assert.equal(doc.language, 'python');
      assert.match(doc.content, /cognito\.create_user_pool_client\(/);
      assert.match(doc.content, /AllowedOAuthFlows=\["client_credentials", "code"\]/);
    });
  });
});
