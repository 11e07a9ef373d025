/**
 * The real-world corpus through the protocol: every file opened in one server session, as an
 * editor would. No handler fails, every document gets diagnostics, hover and completion answer
 * at every flagged place, and the server still answers at the end. (Which findings are right is
 * the rule tests' business.) Skips itself when the corpus is absent.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { MessageType } from 'vscode-languageserver/node';
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

describe('the corpus over the protocol', () => {
  it('pushes diagnostics for every file, and hover and completion answer where they point', async (t) => {
    const { files, skip } = corpus();
    if (skip) return t.skip(skip);
    assert.ok(files.length > 0);
    await withSession(PLAIN_CAPABILITIES, async ({ client }) => {
      let flagged = 0;
      for (const file of files) {
        const uri = pathToFileURL(file).href;
        await client.open(uri, languageOf(file), readFileSync(file, 'utf8'));
        const published = await client.waitForDiagnostics(uri);
        for (const d of published.diagnostics) {
          flagged++;
          assert.equal(d.source, 'cognito-client', basename(file));
          await client.hover(uri, d.range.start);
          await client.completion(uri, d.range.end);
        }
        await client.close(uri);
      }
      t.diagnostic(`${files.length} files, ${flagged} diagnostics`);
      const failures = client.logs.filter((l) => l.type === MessageType.Error || /failed/.test(l.message));
      assert.deepEqual(failures.map((l) => l.message), []);
    });
  });

  it('answers pulled diagnostics for every file', async (t) => {
    const { files, skip } = corpus();
    if (skip) return t.skip(skip);
    await withSession(PULL_CAPABILITIES, async ({ client }) => {
      for (const file of files) {
        const uri = pathToFileURL(file).href;
        await client.open(uri, languageOf(file), readFileSync(file, 'utf8'));
        const report = await client.pullDiagnostics(uri);
        assert.equal(report.kind, 'full', basename(file));
        await client.close(uri);
      }
      assert.deepEqual(client.published, []);
      assert.deepEqual(client.logs.filter((l) => l.type === MessageType.Error).map((l) => l.message), []);
    });
  });
});
