/**
 * Incremental analysis over the real protocol (the shipped bundle over stdio, where the server
 * uses the service's own analysis and so the incremental path): edits inside one client of a large
 * template, one keystroke at a time with debounce 0, end with the same diagnostics as the final
 * text opened fresh; a hover right after the last keystroke answers from the edited model.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { StreamMessageReader, StreamMessageWriter, type PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generateYamlTemplate } from '../bench/generate';
import { LspTestClient, PLAIN_CAPABILITIES } from '../support/lsp-client';

const BUNDLE = path.resolve(__dirname, '..', '..', '..', 'dist', 'server', 'server.js');

/** Diagnostics as plain comparable data, in a stable order. */
function comparable(p: PublishDiagnosticsParams): unknown[] {
  return p.diagnostics
    .map((d) => ({ range: d.range, code: d.code, severity: d.severity, message: d.message, source: d.source }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

describe('incremental analysis over stdio (the shipped bundle)', () => {
  it('edits inside one client of a large template give the diagnostics of the final text opened fresh', async () => {
    assert.ok(fs.existsSync(BUNDLE), `${BUNDLE} is missing: build it first`);
    const child = spawn(process.execPath, [BUNDLE, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const client = new LspTestClient(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin), () => `stderr: ${stderr}`);
    // No time budget: the fresh reading of the final text must not be given up on a loaded machine.
    client.settings = { cognitoClient: { validate: { enable: true, debounceMs: 0 }, timeBudgetMs: 0 } };
    try {
      await client.initialize(PLAIN_CAPABILITIES);
      const uri = 'file:///incremental/template.yaml';
      let doc = TextDocument.create(uri, 'yaml', 1, generateYamlTemplate(300));
      await client.open(uri, 'yaml', doc.getText());
      await client.waitForDiagnostics(uri, (p) => p.version === 1, { timeoutMs: 60_000 });
      // Keystrokes inside AppClient0150: change a value, make a URL insecure, type a whole property line.
      const text = doc.getText();
      const client150 = text.indexOf('  AppClient0150:');
      const value = text.indexOf('ClientName: client-150', client150) + 'ClientName: client-15'.length;
      const url = text.indexOf('https://', client150);
      const keystrokes: { at: number; remove: number; insert: string }[] = [
        { at: value, remove: 1, insert: '7' },
        { at: url + 4, remove: 1, insert: '' },
      ];
      let version = 1;
      const type = (k: { at: number; remove: number; insert: string }) => {
        version++;
        const change = { range: { start: doc.positionAt(k.at), end: doc.positionAt(k.at + k.remove) }, text: k.insert };
        doc = TextDocument.update(doc, [change], version);
        return client.change(uri, version, [change]);
      };
      for (const k of keystrokes) {
        await type(k);
        await client.waitForDiagnostics(uri, (p) => p.version === version, { timeoutMs: 60_000 });
      }
      // A property line typed one character at a time after the ClientName line.
      const typed = '\n      AuthSessionValidity: 2';
      const at = doc.getText().indexOf('\n', doc.getText().indexOf('ClientName: client-157'));
      for (let i = 0; i < typed.length; i++) {
        await type({ at: at + i, remove: 0, insert: typed[i] });
        await client.waitForDiagnostics(uri, (p) => p.version === version, { timeoutMs: 60_000 });
      }
      const final = client.publishedFor(uri).find((p) => p.version === version)!;
      const hover = await client.hover(uri, doc.positionAt(doc.getText().indexOf('AuthSessionValidity: 2') + 2));
      assert.ok(hover && JSON.stringify(hover.contents).includes('AuthSessionValidity'), 'hover on the typed property');

      const fresh = 'file:///incremental/fresh.yaml';
      await client.open(fresh, 'yaml', doc.getText());
      const expected = await client.waitForDiagnostics(fresh, (p) => p.version === 1, { timeoutMs: 60_000 });
      assert.ok(expected.diagnostics.length > 0);
      // The typed value is checked (it is out of range) where it was typed.
      const typedLine = doc.positionAt(doc.getText().indexOf('AuthSessionValidity: 2')).line;
      assert.ok(final.diagnostics.some((d) => d.range.start.line === typedLine), 'a diagnostic on the typed line');
      assert.deepEqual(comparable(final), comparable(expected));
      // The edits are in there: the typed property read, the changed URL flagged.
      assert.ok(doc.getText().includes('ClientName: client-157\n'));
      assert.equal(client.logs.filter((l) => l.type === 1).length, 0, `errors logged: ${client.logs.map((l) => l.message).join('\n')}`);
      await client.shutdown();
      await client.exit();
    } finally {
      client.dispose();
      if (child.exitCode === null) child.kill();
    }
  });
});
