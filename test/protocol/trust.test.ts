/**
 * The language server on documents it could misread: classic-Mac (CR-only) line breaks, where
 * ranges must count a lone CR as a line break and quick fixes must write CRs; and templates nested
 * too deep for a parser, where the clients must still be read and reported (never nothing).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { PLAIN_CAPABILITIES } from '../support/lsp-client';
import { withSession } from './session';

const CLIENT = 'Resources:\n  Web:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: eu-west-1_abc\n      AccessTokenValidity: 60\n      EnableTokenRevocation: false\n';

const byCode = (diagnostics: Diagnostic[], code: string): Diagnostic | undefined => diagnostics.find((d) => d.code === code);

describe('CR-only line breaks in the editor', () => {
  it('publishes ranges on the right lines and offers fixes that write CR line breaks', async () => {
    const uri = 'file:///workspace/mac.yaml';
    const text = CLIENT.replace(/\n/g, '\r');
    await withSession(PLAIN_CAPABILITIES, async ({ client }) => {
      await client.open(uri, 'yaml', text);
      const published = await client.waitForDiagnostics(uri, (p) => byCode(p.diagnostics, 'token-validity-range') !== undefined);
      assert.deepEqual(byCode(published.diagnostics, 'token-validity-range')!.range, { start: { line: 5, character: 27 }, end: { line: 5, character: 29 } });
      assert.deepEqual(byCode(published.diagnostics, 'token-revocation-disabled')!.range.start.line, 6);
      const whole = { start: { line: 0, character: 0 }, end: { line: 7, character: 0 } };
      const [fixAll] = await client.codeActions(uri, whole, [], ['source.fixAll.cognitoClient']);
      assert.ok(fixAll, 'fix-all is offered');
      const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, text), fixAll.edit!.changes![uri]);
      assert.match(fixed, /\r      EnableTokenRevocation: true\r/);
      assert.doesNotMatch(fixed, /\n/, 'no LF in a CR-only document');

      // The suppression actions put their comment on the right line, with a CR.
      const validity = byCode(published.diagnostics, 'token-validity-range')!;
      const actions = await client.codeActions(uri, validity.range, [validity]);
      const forLine = actions.find((a) => a.title === 'Disable token-validity-range for this line');
      assert.ok(forLine, actions.map((a) => a.title).join(' | '));
      const suppressed = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, text), forLine.edit!.changes![uri]);
      assert.equal(suppressed.split('\r')[5], '      # cognito-client-disable-next-line token-validity-range');
      assert.doesNotMatch(suppressed, /\n/);
      const forResource = actions.find((a) => a.title === 'Disable token-validity-range for this resource');
      assert.ok(forResource);
      assert.doesNotMatch(TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, text), forResource.edit!.changes![uri]), /\n/);
    });
  });
});

describe('nesting too deep for the parser, in the editor', () => {
  it('publishes the findings of a client beside 50,000 nested JSON arrays', async () => {
    const uri = 'file:///workspace/deep.json';
    // (How deep overflows depends on the stack left: 5,000 levels do in the CLI, not always here.)
    const text = `{"Resources": {"Meta": {"Type": "AWS::S3::Bucket", "Metadata": ${'['.repeat(50_000)}${']'.repeat(50_000)}}, "Web": {"Type": "AWS::Cognito::UserPoolClient", "Properties": {"UserPoolId": "eu-west-1_abc", "AccessTokenValidity": 60}}}}`;
    await withSession(PLAIN_CAPABILITIES, async ({ client }) => {
      await client.open(uri, 'json', text);
      const published = await client.waitForDiagnostics(uri);
      assert.ok(byCode(published.diagnostics, 'token-validity-range'), JSON.stringify(published.diagnostics.map((d) => d.code)));
    });
  });

  it('says so when a YAML template nests too deep to be read at all', async () => {
    const uri = 'file:///workspace/block.yaml';
    const text = `Resources:\n  Meta:\n    Type: AWS::S3::Bucket\n    Metadata:\n      ${'- '.repeat(5000)}x\n  Web:\n    Type: AWS::Cognito::UserPoolClient\n`;
    await withSession(PLAIN_CAPABILITIES, async ({ client }) => {
      await client.open(uri, 'yaml', text);
      const published = await client.waitForDiagnostics(uri);
      const unread = byCode(published.diagnostics, 'file-skipped');
      assert.ok(unread, 'a diagnostic, not nothing');
      assert.equal(unread.message, 'The YAML template was not read: it nests deeper than the YAML parser can follow. Its Cognito clients are not checked.');
      assert.deepEqual(unread.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    });
  });
});
