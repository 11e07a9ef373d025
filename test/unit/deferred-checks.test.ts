/**
 * Quick fixes and disable actions of a large document whose checks cannot be cut down (a syntax
 * problem, a code file whose tree has an error): for a client that resolves edits they are offered
 * by title and made at codeAction/resolve, with exactly the edit they would have had, or an empty
 * edit when their check fails or the document has moved on. Over every surface's example, made
 * large and broken; a large valid document and a small broken one still get their edits at once.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeBudget, timeBudgetMs } from '../../server/src/budget';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { DEFER_CHECKS_CHARS, deferredUri, FIX_ALL_TITLE, getCodeActions, resolveCodeAction } from '../../server/src/features/code-actions';
import { toDiagnostics } from '../../server/src/features/diagnostics';
import { analyse, prepareDocument } from '../../server/src/service';
import { SURFACE_EXAMPLES } from '../support/examples';

const repo = join(__dirname, '..', '..', '..');

/** A long line of `#` (a comment in YAML, HCL and Python, an error elsewhere) and a stray `)`. */
const BROKEN = `\n${'#'.repeat(70_000)}\n)\n`;

interface Opened {
  document: TextDocument;
  analysis: NonNullable<ReturnType<typeof analyse>>;
  diagnostics: Diagnostic[];
}

async function open(file: string, languageId: string, text: string): Promise<Opened> {
  const uri = `file:///w/${file}`;
  await prepareDocument({ uri, languageId, text });
  const analysis = analyse({ uri, languageId, text });
  assert.ok(analysis, `${file}: read`);
  const document = TextDocument.create(uri, languageId, 3, text);
  return { document, analysis, diagnostics: toDiagnostics(document, analysis.findings) };
}

/** The quick fixes and disable actions at one diagnostic, as they come over the wire (without fix-all). */
function actions(o: Opened, diagnostic: Diagnostic, deferChecks: boolean): CodeAction[] {
  const { model, surface, findings } = o.analysis;
  const got = getCodeActions(o.document, model, surface.id, diagnostic.range, { diagnostics: [diagnostic], only: ['quickfix'] }, findings, { deferChecks });
  // Fix-all beside them is deferred (or not) by its own option: see code-actions.test.ts.
  return (JSON.parse(JSON.stringify(got)) as CodeAction[]).filter((a) => a.title !== FIX_ALL_TITLE);
}

function resolve(o: Opened, action: CodeAction, document = o.document): CodeAction {
  return resolveCodeAction(document, o.analysis.model, o.analysis.surface.id, JSON.parse(JSON.stringify(action)) as CodeAction, o.analysis.findings);
}

describe('quick fixes checked at codeAction/resolve on large documents that cannot be cut down', () => {
  // What these cases show does not depend on the time budget (time-budget.test.ts): without one,
  // a loaded machine cannot make a check run out of time and change the answer.
  const savedBudget = timeBudgetMs();
  before(() => setTimeBudget(0));
  after(() => setTimeBudget(savedBudget));
  const texts = new Map<string, string>();
  before(() => {
    for (const [file] of SURFACE_EXAMPLES) texts.set(file, readFileSync(join(repo, file), 'utf8'));
  });

  for (const [file, languageId, surfaceId] of SURFACE_EXAMPLES) {
    it(`${file} (${surfaceId})`, async () => {
      const o = await open(file, languageId, texts.get(file)! + BROKEN);
      assert.equal(o.analysis.surface.id, surfaceId);
      assert.ok(o.document.getText().length >= DEFER_CHECKS_CHARS);
      assert.ok(o.diagnostics.length > 0, 'the example still has findings');
      let resolvedEdits = 0;
      let failedChecks = 0;
      for (const diagnostic of o.diagnostics.slice(0, 6)) {
        const eager = actions(o, diagnostic, false);
        const lazy = actions(o, diagnostic, true);
        assert.ok(lazy.length > 0, `${String(diagnostic.code)}: actions offered`);
        for (const action of lazy) {
          assert.equal(action.edit, undefined, `${action.title}: no edit until resolved`);
          assert.equal(deferredUri(action.data), o.document.uri, `${action.title}: carries its document`);
          assert.equal(action.kind, 'quickfix');
        }
        // Every action offered at once is offered by title; the deferred ones resolve to the same.
        assert.deepEqual(
          eager.map((a) => a.title).filter((t) => !lazy.some((l) => l.title === t)),
          [],
          `${String(diagnostic.code)}: every checked action is offered`,
        );
        for (const action of lazy) {
          const resolved = resolve(o, action);
          const same = eager.find((a) => a.title === action.title);
          if (same) {
            assert.deepEqual(resolved, same, `${action.title}: resolves to the action made at once`);
            resolvedEdits++;
          } else {
            assert.deepEqual(resolved.edit, { changes: {} }, `${action.title}: its check fails, so no edit`);
            failedChecks++;
          }
          // For another version of the document: an empty edit, never a stale one.
          const newer = TextDocument.create(o.document.uri, languageId, o.document.version + 1, o.document.getText());
          assert.deepEqual(resolve(o, action, newer).edit, { changes: {} });
        }
      }
      assert.ok(resolvedEdits > 0, `some action resolved to an edit (${failedChecks} failed their check)`);
      // A resolved fix applied and read again: its finding is gone.
      const diagnostic = o.diagnostics.find((d) => actions(o, d, true).some((a) => !a.title.startsWith('Disable ') && resolve(o, a).edit?.changes?.[o.document.uri]?.length))!;
      assert.ok(diagnostic, 'a quick fix that resolves to an edit');
      const fix = actions(o, diagnostic, true).find((a) => !a.title.startsWith('Disable ') && resolve(o, a).edit?.changes?.[o.document.uri]?.length)!;
      const text = TextDocument.applyEdits(o.document, resolve(o, fix).edit!.changes![o.document.uri]);
      const after = analyse({ uri: o.document.uri, languageId, text })!;
      const count = (list: readonly { ruleId: string }[]) => list.filter((f) => f.ruleId === diagnostic.code).length;
      assert.ok(count(after.findings) < count(o.analysis.findings), `${fix.title}: removes a ${String(diagnostic.code)} finding`);
    });
  }

  // (A large document with one client in a surface that cuts down only among several clients,
  // such as a .tf file, has its actions deferred: each check would read all of it.)
  it('a large document whose checks are cut down, and a small broken one, get their edits at once', async () => {
    const cases: [string, string, string][] = [
      ['examples/cloudformation/web-clients.yaml', 'yaml', `\n${'#'.repeat(70_000)}\n`],
      ['examples/cloudformation/web-clients.yaml', 'yaml', '\n)\n'],
      ['examples/sdk/create-client.ts', 'typescript', '\n)\n'],
    ];
    for (const [file, languageId, tail] of cases) {
      const o = await open(file, languageId, texts.get(file)! + tail);
      const diagnostic = o.diagnostics[0];
      const lazy = actions(o, diagnostic, true);
      assert.ok(lazy.length > 0, `${file}: actions offered`);
      assert.deepEqual(lazy, actions(o, diagnostic, false), `${file} + ${tail.length} characters: the same actions, with their edits`);
      assert.ok(lazy.every((a) => a.edit !== undefined), `${file}: every action has its edit`);
    }
  });
});
