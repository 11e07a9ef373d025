/**
 * The real-world corpus through the protocol: every file opened in one server session, as an
 * editor would. No handler fails; every CloudFormation document gets exactly the engine's findings
 * (codes, messages, ranges) pushed and pulled; every diagnostic has a rule id, a message and a range
 * inside its line; hover and completion answer at flagged places; files with clients get CodeLenses.
 * (Which findings are right is the rule tests' business.) Skips itself when the corpus is absent
 * (fails under CI=true).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { MessageType, type Hover, type MarkupContent, type Range } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { rules as allRules } from '../../server/src/rules';
import { analyse } from '../../server/src/service';
import { languageIdForPath } from '../../server/src/surfaces';
import { corpusFiles } from '../support/corpus';
import { PLAIN_CAPABILITIES, PULL_CAPABILITIES } from '../support/lsp-client';
import { withSession } from './session';

const SECTIONS = ['cloudformation-yaml', 'cloudformation-json', 'terraform-json', 'terraform-hcl'];

function corpus(): { files: string[]; skip?: string } {
  const all: string[] = [];
  for (const section of SECTIONS) {
    const { files, skip } = corpusFiles(section);
    if (skip) return { files: [], skip };
    all.push(...files);
  }
  return { files: all };
}

/** The language id an editor would give the file (`terraform` for HCL, which no surface reads yet). */
function languageOf(file: string): string {
  if (file.endsWith('.tf')) return 'terraform';
  return languageIdForPath(file) ?? 'plaintext';
}

/** The rule ids of the server. */
const RULE_IDS = new Set(allRules.map((r) => r.id));

/** What the in-process engine finds in a CloudFormation file, as the editor should show it (a Terraform file's module is read from disk by the server). */
function expectedDiagnostics(file: string, uri: string, languageId: string, text: string): { code: string; message: string; range: Range }[] | undefined {
  if (file.endsWith('.tf') || file.endsWith('.tf.json')) return undefined;
  const analysis = analyse({ uri, languageId, text });
  if (!analysis) return [];
  const doc = TextDocument.create(uri, languageId, 1, text);
  return analysis.findings.map((f) => ({ code: f.ruleId, message: f.message, range: { start: doc.positionAt(f.span.start), end: doc.positionAt(f.span.end) } }));
}

function hoverText(hover: Hover): string {
  const contents = hover.contents;
  if (typeof contents === 'string') return contents;
  if (Array.isArray(contents)) return contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
  return (contents as MarkupContent).value;
}

describe('the corpus over the protocol', () => {
  it('pushes the diagnostics the engine finds for every file, and hover, completion and CodeLens answer where they point', async (t) => {
    const { files, skip } = corpus();
    if (skip) return t.skip(skip);
    assert.ok(files.length > 0);
    await withSession(PLAIN_CAPABILITIES, async ({ client }) => {
      let flagged = 0;
      let hovers = 0;
      let completions = 0;
      let compared = 0;
      let withClients = 0;
      for (const file of files) {
        const uri = pathToFileURL(file).href;
        const text = readFileSync(file, 'utf8');
        const languageId = languageOf(file);
        const lines = text.split(/\r\n|\r|\n/);
        await client.open(uri, languageId, text);
        const published = await client.waitForDiagnostics(uri);
        const expected = expectedDiagnostics(file, uri, languageId, text);
        if (expected) {
          // The same findings as the engine's, with the same message and range, through the protocol.
          assert.deepEqual(published.diagnostics.map((d) => ({ code: d.code, message: d.message, range: d.range })), expected, basename(file));
          compared++;
        }
        for (const d of published.diagnostics) {
          flagged++;
          const name = `${basename(file)} ${String(d.code)}`;
          assert.equal(d.source, 'cognito-client', name);
          assert.ok(RULE_IDS.has(String(d.code)), `${name}: a rule id`);
          assert.ok(typeof d.message === 'string' && d.message.length > 20, `${name}: a message`);
          // The range lies inside the document and is not reversed.
          assert.ok(d.range.start.line < lines.length && d.range.end.line < lines.length, `${name}: range inside the file`);
          assert.ok(d.range.end.line > d.range.start.line || (d.range.end.line === d.range.start.line && d.range.end.character >= d.range.start.character), `${name}: range in order`);
          assert.ok(d.range.end.character <= lines[d.range.end.line].length, `${name}: range ends inside its line`);
          const hover = await client.hover(uri, d.range.start);
          if (hover) {
            hovers++;
            assert.ok(hoverText(hover).trim().length > 0, `${name}: a hover says something`);
          }
          const list = await client.completion(uri, d.range.end);
          if (list.items.length > 0) completions++;
          for (const item of list.items) assert.ok(typeof item.label === 'string' && item.label.length > 0, `${name}: completion labels`);
        }
        const lenses = await client.codeLenses(uri);
        if (lenses.length > 0) {
          withClients++;
          assert.ok(lenses.every((l) => (l.command?.title.length ?? 0) > 0), `${basename(file)}: every lens has a title`);
        }
        await client.close(uri);
      }
      t.diagnostic(`${files.length} files (${compared} compared with the engine), ${flagged} diagnostics, ${hovers} hovers, ${completions} completion lists, ${withClients} files with lenses`);
      assert.ok(compared > 0 && flagged > 0, 'the corpus has findings');
      assert.ok(hovers > 0, 'hover answers on some flagged places');
      assert.ok(completions > 0, 'completion answers on some flagged places');
      assert.ok(withClients >= compared, 'every CloudFormation file has a client, hence a lens');
      const failures = client.logs.filter((l) => l.type === MessageType.Error || /failed/.test(l.message));
      assert.deepEqual(failures.map((l) => l.message), []);
    });
  });

  it('answers pulled diagnostics for every file, the same as pushed ones', async (t) => {
    const { files, skip } = corpus();
    if (skip) return t.skip(skip);
    let compared = 0;
    await withSession(PULL_CAPABILITIES, async ({ client }) => {
      for (const file of files) {
        const uri = pathToFileURL(file).href;
        const text = readFileSync(file, 'utf8');
        await client.open(uri, languageOf(file), text);
        const report = await client.pullDiagnostics(uri);
        assert.equal(report.kind, 'full', basename(file));
        const expected = expectedDiagnostics(file, uri, languageOf(file), text);
        if (expected && report.kind === 'full') {
          assert.deepEqual(report.items.map((d) => ({ code: d.code, message: d.message, range: d.range })), expected, basename(file));
          compared++;
        }
        await client.close(uri);
      }
      assert.ok(compared > 0);
      assert.deepEqual(client.published, []);
      assert.deepEqual(client.logs.filter((l) => l.type === MessageType.Error).map((l) => l.message), []);
    });
  });
});
