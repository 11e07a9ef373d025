/**
 * The extension in VS Code desktop, through VS Code's own API: the fixtures of test/editors
 * (CloudFormation YAML and JSON, with the cases in test/editors/fixtures/cases.json) must get
 * their diagnostic codes, hover docs, completion items, a working quick fix, and a "Convert to ..."
 * action that opens the converted client as an untitled document. Each result is
 * polled for, since the language server answers asynchronously. Code-action tests are skipped,
 * with the reason printed, while the server offers no code actions.
 *
 * Run by test/e2e/electron.test.ts, which resolves the cases into COGNITO_E2E_CASES and puts the
 * skip reason (if any) into COGNITO_E2E_CODE_ACTIONS_SKIP.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import type { ResolvedCase } from '../../editors/support';
import { skipBecause } from './index';

const EXTENSION_ID = 'cognito-client-tools.cognito-user-pool-client';
const casesFile = process.env.COGNITO_E2E_CASES;
if (!casesFile) throw new Error('COGNITO_E2E_CASES is not set (run this suite through test/e2e/electron.test.ts)');
const cases = JSON.parse(fs.readFileSync(casesFile, 'utf8')) as ResolvedCase[];
const codeActionSkip = process.env.COGNITO_E2E_CODE_ACTIONS_SKIP || undefined;

/** Poll `check` until it returns a value (not undefined/false), or fail after `timeoutMs`. */
async function poll<T>(what: string, check: () => Thenable<T | undefined | false> | T | undefined | false, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The code actions of a range, or undefined when the editor cancelled the request (it does when the
 * document changes meanwhile, as after the quick fix before: one CI run failed on a "Canceled"
 * error there), so that the caller's poll asks again.
 */
async function codeActionsOrRetry(uri: vscode.Uri, range: vscode.Range, kind: string): Promise<Array<vscode.CodeAction | vscode.Command> | undefined> {
  try {
    return (await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>('vscode.executeCodeActionProvider', uri, range, kind)) ?? [];
  } catch (error) {
    if (error instanceof Error && (error.name === 'Canceled' || error.message === 'Canceled')) return undefined;
    throw error;
  }
}

/** A diagnostic's code as a string (VS Code wraps it with its link when the server sends one). */
function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

function codesOf(uri: vscode.Uri): Set<string> {
  return new Set(vscode.languages.getDiagnostics(uri).map(codeOf).filter((c): c is string => c !== undefined));
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

const at = (place: { line: number; character: number }) => new vscode.Position(place.line, place.character);

suite('extension', () => {
  test('is installed and activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });
});

for (const c of cases) {
  suite(path.basename(c.path), () => {
    const uri = vscode.Uri.file(c.path);
    let document: vscode.TextDocument;

    suiteSetup(async () => {
      document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      assert.equal(document.languageId, c.vscodeLanguageId ?? c.languageId);
    });

    test(`reports ${c.codes.join(', ')}`, async () => {
      await poll(`diagnostics ${c.codes.join(', ')} (got: ${[...codesOf(uri)].join(', ') || 'none'})`, () => {
        const present = codesOf(uri);
        return c.codes.every((code) => present.has(code));
      });
    });

    test(`hover on ${c.hover.property} shows its docs`, async () => {
      const text = await poll(`a hover with "${c.hover.expect}"`, async () => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at(c.hover));
        const joined = hoverText(hovers ?? []);
        return joined.includes(c.hover.expect) ? joined : undefined;
      });
      // The hover names the property as the file spells it (`AccessTokenValidity`, `access_token_validity`).
      assert.ok(text.includes(c.hover.at));
    });

    const lens = c.codeLens;
    if (lens) {
      test(`CodeLens "${lens.expect}" and "${lens.problems}" above the client, with the client's commands`, async () => {
        const lenses = await poll('the CodeLens of the client', async () => {
          const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
          const ours = (found ?? []).filter((l) => l.range.start.line === lens.line);
          return ours.some((l) => l.command?.title === lens.problems) ? ours : undefined;
        });
        assert.deepEqual(lenses.map((l) => l.command?.title), [lens.expect, lens.problems]);
        // The client runs the commands itself (the server names them only for a client that says so).
        assert.deepEqual(lenses.map((l) => l.command?.command), ['cognitoClient.showClientSummary', 'cognitoClient.revealProblem']);
        await vscode.commands.executeCommand(lenses[1].command!.command, ...(lenses[1].command!.arguments ?? []));
        const editor = vscode.window.activeTextEditor;
        assert.equal(editor?.document.uri.toString(), uri.toString());
        assert.deepEqual([editor!.selection.active.line, editor!.selection.active.character], [lens.firstProblem.line, lens.firstProblem.character]);
      });
    }

    for (const completion of c.completions) {
      test(`completion offers ${completion.expect} (${completion.name})`, async () => {
        const labels = await poll(`completion item ${completion.expect}`, async () => {
          const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, at(completion));
          const found = (list?.items ?? []).map(labelOf);
          return found.includes(completion.expect) ? found : undefined;
        });
        if (completion.reject) assert.ok(!labels.includes(completion.reject), `${completion.reject} is offered though it is already written`);
      });
    }

    test(`quick fix for ${c.codeAction.code}`, async function () {
      if (codeActionSkip) skipBecause(this, codeActionSkip);
      const fix = c.codeAction;
      // Asked until offered, as the conversion below is: a CI run got an empty answer once (VS Code
      // cancels the request when the document's model changes under it, and a cancelled request
      // reads as no actions); a server that never offers the fix still fails, with what it offered last.
      let offered = 'nothing';
      const chosen = await poll(`a quick fix for ${fix.code}`, async () => {
        const target = vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === fix.code);
        if (!target) return undefined;
        const actions = await codeActionsOrRetry(uri, target.range, vscode.CodeActionKind.QuickFix.value);
        if (!actions) {
          offered = 'a cancelled request';
          return undefined;
        }
        offered = actions.map((a) => a.title).join(', ') || 'nothing';
        const codeActions = actions.filter((a): a is vscode.CodeAction => !('command' in a && typeof a.command === 'string'));
        // The command may leave out each action's diagnostics; the request was for this diagnostic's
        // range and quick fixes only, so the title decides, then the order.
        const forTarget = codeActions.filter((a) => (a.diagnostics ?? []).some((d) => codeOf(d) === fix.code));
        const candidates = forTarget.length > 0 ? forTarget : codeActions;
        return candidates.find((a) => !fix.titleIncludes || a.title.includes(fix.titleIncludes)) ?? candidates[0];
      }).catch((error: Error) => {
        throw new Error(`no quick fix for ${fix.code}: ${error.message}; offered last: ${offered}`);
      });
      if (chosen.edit) assert.equal(await vscode.workspace.applyEdit(chosen.edit), true, `applying "${chosen.title}" failed`);
      if (chosen.command) await vscode.commands.executeCommand(chosen.command.command, ...(chosen.command.arguments ?? []));
      assert.ok(document.getText().includes(fix.expectText), `after "${chosen.title}" the document lacks ${fix.expectText}`);
      await poll(`${fix.code} to go away after "${chosen.title}"`, () => !codesOf(uri).has(fix.code));
    });

    const convert = c.convert;
    if (convert) {
      test(`"${convert.title}" opens the converted client in an untitled ${convert.vscodeLanguage ?? convert.language} document`, async function () {
        if (codeActionSkip) skipBecause(this, codeActionSkip);
        const place = at(convert);
        // Asked until offered, as hover and completion are: one CI run got an empty answer once
        // (a request cancelled in the editor reads as no actions); a server that never offers the
        // action still fails, with what it offered last.
        let offered = 'nothing';
        const chosen = await poll(`a "${convert.title}" action with a command`, async () => {
          const actions = await codeActionsOrRetry(uri, new vscode.Range(place, place), vscode.CodeActionKind.RefactorRewrite.value);
          if (!actions) {
          offered = 'a cancelled request';
          return undefined;
        }
          offered = actions.map((a) => a.title).join(', ') || 'nothing';
          const found = actions.find((a): a is vscode.CodeAction => !('command' in a && typeof a.command === 'string') && a.title === convert.title);
          return found?.command ? found : undefined;
        }, 10_000).catch((error: Error) => {
          throw new Error(`${error.message}; offered last: ${offered}`);
        });
        assert.ok(chosen.command);
        assert.equal(chosen.kind?.value, 'refactor.rewrite.cognito.convert');
        // The VS Code client opens conversions itself: its own command, the text in the arguments.
        assert.equal(chosen.command.command, 'cognitoClient.openConverted');
        await vscode.commands.executeCommand(chosen.command.command, ...(chosen.command.arguments ?? []));
        const opened = await poll('the converted client in the active editor', () => {
          const d = vscode.window.activeTextEditor?.document;
          return d && d.isUntitled && d.uri.toString() !== uri.toString() ? d : undefined;
        });
        assert.equal(opened.languageId, convert.vscodeLanguage ?? convert.language);
        const text = opened.getText();
        for (const expected of convert.expectText) assert.ok(text.includes(expected), `the converted document lacks ${expected}:\n${text}`);
        // Back to the fixture for what follows; the untitled document is closed without saving.
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
        await vscode.window.showTextDocument(document);
      });
    }
  });
}
