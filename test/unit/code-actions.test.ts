/**
 * The code action layer, over every surface's twin fixtures: quick fixes found by the diagnostic's
 * `code` and `data` (never its message), of kind `quickfix`, with the rule's preferred fix marked,
 * both fixes where a rule offers two; "Disable <rule> for this line / this resource" producing a
 * suppression that really suppresses on re-validation; and `source.fixAll.cognitoClient`. Every
 * action is applied with `TextDocument.applyEdits` and the result analysed again: the diagnostic is
 * gone, no new error appears, the document still parses with the same clients and resources, and
 * the text outside the edits is byte-identical.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CodeActionContext, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { analyse, type Analysis } from '../../server/src/service';
import { CODE_ACTION_KINDS, FIX_ALL_KIND, FIX_ALL_TITLE, getCodeActions, resolveCodeAction } from '../../server/src/features/code-actions';
import { toDiagnostics } from '../../server/src/features/diagnostics';
import { fixAll } from '../../server/src/features/fix-all';
import type { Finding } from '../../server/src/rules/types';
import { renderers, type Rendered, type Scenario } from '../support/scenario';

interface Opened {
  document: TextDocument;
  analysis: Analysis;
  diagnostics: Diagnostic[];
}

function open(doc: Rendered): Opened {
  const document = TextDocument.create(`file:///test/${doc.fileName}`, doc.languageId, 1, doc.text);
  const analysis = analyse({ uri: document.uri, languageId: doc.languageId, text: doc.text });
  assert.ok(analysis, `no surface reads ${doc.fileName}`);
  return { document, analysis, diagnostics: toDiagnostics(document, analysis.findings) };
}

function actionsFor(o: Opened, diagnostics: Diagnostic[], only?: string[]): CodeAction[] {
  const context: CodeActionContext = { diagnostics, only };
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return getCodeActions(o.document, o.analysis.model, o.analysis.surface.id, range, context, o.analysis.findings);
}

function editsOf(o: Opened, action: CodeAction): TextEdit[] {
  const changes = action.edit?.changes;
  assert.ok(changes, `${action.title}: a workspace edit with changes`);
  assert.deepEqual(Object.keys(changes), [o.document.uri], 'edits only this document');
  return changes[o.document.uri];
}

/** Apply an action; check the document still reads as the same template and the text outside the edits is unchanged. */
function apply(o: Opened, action: CodeAction): { text: string; after: Analysis } {
  const edits = editsOf(o, action);
  assert.ok(edits.length > 0, `${action.title}: at least one edit`);
  const before = o.document.getText();
  const text = TextDocument.applyEdits(o.document, edits); // throws on overlapping edits
  assert.notEqual(text, before, `${action.title}: changes the text`);
  const offsets = edits.map((e) => [o.document.offsetAt(e.range.start), o.document.offsetAt(e.range.end)]);
  const first = Math.min(...offsets.map(([s]) => s));
  const last = Math.max(...offsets.map(([, e]) => e));
  assert.equal(text.slice(0, first), before.slice(0, first), `${action.title}: text before the edits is untouched`);
  assert.equal(text.slice(text.length - (before.length - last)), before.slice(last), `${action.title}: text after the edits is untouched`);
  const after = analyse({ uri: o.document.uri, languageId: o.document.languageId, text });
  assert.ok(after, `${action.title}: still read`);
  assert.equal(after.model.problems.length, o.analysis.model.problems.length, `${action.title}: no new syntax problem\n${text}`);
  assert.deepEqual(after.model.clients.map((c) => c.name), o.analysis.model.clients.map((c) => c.name), `${action.title}: same clients`);
  assert.equal(after.model.context.resources.size, o.analysis.model.context.resources.size, `${action.title}: same resources`);
  return { text, after };
}

function count(findings: readonly Finding[], ruleId: string, severity?: string): number {
  return findings.filter((f) => f.ruleId === ruleId && (severity === undefined || f.severity === severity)).length;
}

/** No rule reports more errors than before. */
function assertNoNewError(before: readonly Finding[], after: readonly Finding[], title: string): void {
  for (const f of after) {
    if (f.severity !== 'error') continue;
    assert.ok(count(after, f.ruleId, 'error') <= count(before, f.ruleId, 'error'), `${title}: new error ${f.ruleId}: ${f.message}`);
  }
}

const scenarios: Record<string, Scenario> = {
  implicit: {
    client: { AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['implicit'], AllowedOAuthScopes: ['openid'], CallbackURLs: ['https://a.example.com/cb'], PreventUserExistenceErrors: 'ENABLED' },
  },
  twoWays: {
    client: {
      GenerateSecret: true,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['client_credentials', 'code'],
      AllowedOAuthScopes: ['orders/read'],
      CallbackURLs: ['https://a.example.com/cb'],
      PreventUserExistenceErrors: 'ENABLED',
    },
  },
  many: {
    client: {
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['CODE'],
      AllowedOAuthScopes: ['openid', 'Email', 'email'],
      CallbackURLs: ['http://a.example.com/cb', 'https://a.example.com/#x'],
      LogoutUrls: ['https://b.example.com/'],
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'],
      EnableTokenRevocation: false,
    },
  },
};

describe('code actions', () => {
  it('declares the kinds it returns', () => {
    assert.deepEqual([...CODE_ACTION_KINDS], ['quickfix', 'source.fixAll.cognitoClient']);
    assert.equal(FIX_ALL_KIND, 'source.fixAll.cognitoClient');
  });

  for (const renderer of renderers) {
    describe(renderer.id, () => {
      it('offers every fix of every diagnostic as a quickfix that works when applied', () => {
        let applied = 0;
        for (const [name, scenario] of Object.entries(scenarios)) {
          const o = open(renderer.render(scenario));
          assert.ok(o.diagnostics.length > 0, `${name} has findings`);
          for (const diagnostic of o.diagnostics) {
            // Fix-all, offered beside the fixes when one of them is automatic, is checked on its own below.
            const actions = actionsFor(o, [diagnostic], ['quickfix']).filter((a) => a.title !== FIX_ALL_TITLE);
            const fixes = actions.filter((a) => !a.title.startsWith('Disable '));
            const finding = o.analysis.findings.find((f) => f.ruleId === diagnostic.code)!;
            assert.equal(fixes.length, (finding.fixes ?? []).length, `${name}/${diagnostic.code}: one action per fix`);
            assert.ok(fixes.filter((a) => a.isPreferred).length <= 1, 'at most one preferred');
            for (const action of actions) {
              assert.equal(action.kind, 'quickfix', action.title);
              assert.deepEqual(action.diagnostics, [diagnostic], `${action.title}: carries its diagnostic`);
            }
            for (const action of fixes) {
              const { text, after } = apply(o, action);
              const before = o.analysis.findings;
              const here = (list: readonly Finding[]) => list.filter((f) => f.ruleId === diagnostic.code).length;
              assert.ok(here(after.findings) < here(before), `${name}: "${action.title}" removes a ${diagnostic.code} finding\n${text}`);
              assertNoNewError(before, after.findings, `${name}: ${action.title}`);
              applied++;
            }
          }
        }
        assert.ok(applied >= 10, `applied ${applied} quick fixes`);
      });

      it('marks the preferred fix and offers both fixes where a rule names two', () => {
        const o = open(renderer.render(scenarios.twoWays));
        const diagnostic = o.diagnostics.find((d) => d.code === 'client-credentials-exclusive');
        assert.ok(diagnostic);
        const fixes = actionsFor(o, [diagnostic]).filter((a) => !a.title.startsWith('Disable '));
        assert.deepEqual(fixes.map((a) => a.title).sort(), ['Remove client_credentials from AllowedOAuthFlows', 'Remove code from AllowedOAuthFlows']);
        const preferred = fixes.filter((a) => a.isPreferred);
        assert.equal(preferred.length, 1);
        assert.equal(preferred[0].title, 'Remove client_credentials from AllowedOAuthFlows');
        for (const action of fixes) {
          const { after } = apply(o, action);
          assert.equal(count(after.findings, 'client-credentials-exclusive'), 0, action.title);
        }
      });

      it('reads the rule and fixes from code and data, not from the message', () => {
        const o = open(renderer.render(scenarios.implicit));
        const [diagnostic] = o.diagnostics;
        const renamed = { ...diagnostic, message: 'something else entirely' };
        const titles = actionsFor(o, [renamed]).map((a) => a.title);
        assert.ok(titles.includes('Replace implicit with code'), titles.join(', '));
        // Another tool's diagnostic with the same code gets nothing; ours with another rule's data neither.
        assert.deepEqual(actionsFor(o, [{ ...diagnostic, source: 'cfn-lint' }]), []);
        assert.deepEqual(actionsFor(o, [{ ...diagnostic, data: { ruleId: 'redirect-uri-insecure', fixes: [] } }]), []);
        // Ours without data (a client that drops it) still gets the fixes of the finding its code names.
        assert.ok(actionsFor(o, [{ ...diagnostic, data: undefined }]).some((a) => a.title === 'Replace implicit with code' && a.isPreferred));
        // The fixes come from data: a fix there is what is offered.
        const fromData = { ...diagnostic, data: { ruleId: diagnostic.code, fixes: [{ title: 'Use code instead', changes: [{ kind: 'replaceItem', path: ['AllowedOAuthFlows'], index: 0, value: 'code' }] }] } };
        assert.deepEqual(actionsFor(o, [fromData], ['quickfix']).filter((a) => !a.title.startsWith('Disable ')).map((a) => a.title), ['Use code instead']);
        // A diagnostic that no longer matches a finding (the document moved on) gets nothing.
        const moved = { ...diagnostic, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } } };
        assert.deepEqual(actionsFor(o, [moved]), []);
      });

      it('disables a rule for the resource, and the rule is silent there on re-validation', () => {
        const o = open(renderer.render(scenarios.many));
        for (const diagnostic of o.diagnostics.filter((d) => d.code === 'unknown-scope' || d.code === 'redirect-uri-insecure')) {
          const action = actionsFor(o, [diagnostic]).find((a) => a.title === `Disable ${diagnostic.code} for this resource`);
          assert.ok(action, `${diagnostic.code}: a disable-for-resource action`);
          assert.equal(action.kind, 'quickfix');
          assert.ok(!action.isPreferred);
          const { after } = apply(o, action);
          assert.equal(count(after.findings, String(diagnostic.code)), 0, `${diagnostic.code} suppressed`);
          assert.equal(count(after.suppressed, String(diagnostic.code)), 1, 'suppressed, not fixed');
          assert.equal(after.findings.length, o.analysis.findings.length - 1, 'every other finding stays');
        }
      });

      it('disables a rule for a line where the syntax has comments, and only there', () => {
        const o = open(renderer.render(scenarios.many));
        const diagnostic = o.diagnostics.find((d) => d.code === 'redirect-uri-insecure')!;
        const action = actionsFor(o, [diagnostic]).find((a) => a.title === 'Disable redirect-uri-insecure for this line');
        if (o.analysis.surface.id === 'cloudformation-json') {
          assert.equal(action, undefined, 'JSON templates have no comments');
          return;
        }
        assert.ok(action);
        const { text, after } = apply(o, action);
        assert.match(text, /\n *# cognito-client-disable-next-line redirect-uri-insecure\n/);
        assert.equal(count(after.findings, 'redirect-uri-insecure'), 0);
        assert.equal(count(after.suppressed, 'redirect-uri-insecure'), 1);
        assert.equal(after.findings.length, o.analysis.findings.length - 1);
      });

      it('groups the diagnostics of one rule into one disable action per line and per resource', () => {
        const o = open(renderer.render({ client: { ...scenarios.many.client, AllowedOAuthScopes: ['Email', 'Phone'] } }));
        const scopes = o.diagnostics.filter((d) => d.code === 'unknown-scope');
        assert.equal(scopes.length, 2);
        const actions = actionsFor(o, scopes).filter((a) => a.title.startsWith('Disable unknown-scope'));
        const resource = actions.filter((a) => a.title.endsWith('for this resource'));
        assert.equal(resource.length, 1);
        assert.equal(resource[0].diagnostics?.length, 2, 'one resource action covers both');
        const lines = actions.filter((a) => a.title.endsWith('for this line'));
        // The renderers write one item a line: one line action each.
        assert.equal(lines.length, o.analysis.surface.id === 'cloudformation-json' ? 0 : 2);
        for (const action of lines) assert.equal(action.diagnostics?.length, 1);
        // Two on one line share one action.
        const flow = open({ fileName: 'flow.yaml', languageId: 'yaml', text: renderers[0].render(scenarios.many).text.replace(/AllowedOAuthScopes:\n(\s+- .*\n)+/, 'AllowedOAuthScopes: [Email, Phone]\n') });
        const both = flow.diagnostics.filter((d) => d.code === 'unknown-scope');
        assert.equal(both.length, 2);
        const line = actionsFor(flow, both).filter((a) => a.title === 'Disable unknown-scope for this line');
        assert.equal(line.length, 1);
        assert.equal(line[0].diagnostics?.length, 2);
        const { after } = apply(flow, line[0]);
        assert.equal(count(after.findings, 'unknown-scope'), 0);
        assert.equal(count(after.suppressed, 'unknown-scope'), 2);
      });

      it('applies every unambiguous fix in one edit with source.fixAll.cognitoClient', () => {
        const o = open(renderer.render(scenarios.many));
        for (const only of [[FIX_ALL_KIND], ['source.fixAll'], ['source']]) {
          const actions = actionsFor(o, [], only);
          assert.equal(actions.length, 1, `only ${only}`);
          assert.equal(actions[0].kind, FIX_ALL_KIND);
        }
        const [action] = actionsFor(o, [], [FIX_ALL_KIND]);
        const { text, after } = apply(o, action);
        const expected = fixAll({ uri: o.document.uri, languageId: o.document.languageId, text: o.document.getText() })!;
        assert.equal(text, expected.text, 'the same result as fix-all');
        for (const rule of ['invalid-enum-value', 'unknown-scope', 'duplicate-value', 'redirect-uri-invalid', 'auth-flows-missing-refresh', 'token-revocation-disabled', 'user-existence-errors-legacy', 'unknown-property']) {
          assert.equal(count(after.findings, rule), 0, `${rule} fixed\n${text}`);
        }
        assert.equal(count(after.findings, 'redirect-uri-insecure'), 1, 'a fix that is not unambiguous is left to a person');
        assertNoNewError(o.analysis.findings, after.findings, 'fix all');
        // Once fixed, there is nothing more to fix.
        const again = open({ fileName: renderer.render(scenarios.many).fileName, languageId: o.document.languageId, text });
        assert.deepEqual(actionsFor(again, [], [FIX_ALL_KIND]), []);
      });

      it('returns only the kinds asked for', () => {
        const o = open(renderer.render(scenarios.many));
        const diagnostic = o.diagnostics.find((d) => d.code === 'token-revocation-disabled')!;
        const quick = actionsFor(o, [diagnostic], ['quickfix']);
        assert.ok(quick.length > 0 && quick.every((a) => a.kind === 'quickfix'));
        const fixAllOnly = actionsFor(o, [diagnostic], [FIX_ALL_KIND]);
        assert.ok(actionsFor(o, [diagnostic], ['refactor']).length === 0);
        assert.deepEqual(fixAllOnly.map((a) => a.kind), [FIX_ALL_KIND]);
        // The light bulb also gets fix-all, as a quick fix (editors keep source actions out of it),
        // when the diagnostic has an automatic fix...
        for (const only of [undefined, ['quickfix']]) {
          const offered = actionsFor(o, [diagnostic], only).filter((a) => a.title === FIX_ALL_TITLE);
          assert.deepEqual(offered.map((a) => a.kind), ['quickfix'], `only ${only}`);
          assert.deepEqual(offered[0].edit, fixAllOnly[0].edit, 'the same edit as the source action');
        }
        // ...but not for one whose fixes all need a choice.
        const insecure = o.diagnostics.find((d) => d.code === 'redirect-uri-insecure')!;
        assert.ok(!actionsFor(o, [insecure]).some((a) => a.title === FIX_ALL_TITLE));
      });

      it('defers the light-bulb fix-all to codeAction/resolve for a client that can resolve, with the same edit', () => {
        const o = open(renderer.render(scenarios.many));
        const diagnostic = o.diagnostics.find((d) => d.code === 'token-revocation-disabled')!;
        const context: CodeActionContext = { diagnostics: [diagnostic] };
        const { model, surface, findings } = o.analysis;
        const eager = getCodeActions(o.document, model, surface.id, diagnostic.range, context, findings).find((a) => a.title === FIX_ALL_TITLE)!;
        const lazy = getCodeActions(o.document, model, surface.id, diagnostic.range, context, findings, { deferFixAll: true }).find((a) => a.title === FIX_ALL_TITLE)!;
        assert.equal(lazy.kind, 'quickfix');
        assert.equal(lazy.edit, undefined, 'no edit until resolved');
        assert.deepEqual(lazy.data, { fixAll: { uri: o.document.uri, version: o.document.version } });
        const resolved = resolveCodeAction(o.document, model, surface.id, JSON.parse(JSON.stringify(lazy)), findings);
        assert.deepEqual(resolved, eager);
        // Asked for by kind (on save), it comes complete even so.
        const onSave = getCodeActions(o.document, model, surface.id, diagnostic.range, { diagnostics: [], only: [FIX_ALL_KIND] }, findings, { deferFixAll: true });
        assert.deepEqual(onSave[0].edit, eager.edit);
        // Resolved for an older version of the document: an empty edit, never a stale one.
        const newer = TextDocument.create(o.document.uri, o.document.languageId, o.document.version + 1, o.document.getText());
        assert.deepEqual(resolveCodeAction(newer, model, surface.id, lazy, findings).edit, { changes: {} });
        // Anything else passes through unchanged.
        const quick = getCodeActions(o.document, model, surface.id, diagnostic.range, { diagnostics: [diagnostic], only: ['quickfix'] }, findings)[0];
        assert.notEqual(quick.title, FIX_ALL_TITLE);
        assert.deepEqual(resolveCodeAction(o.document, model, surface.id, quick, findings), quick);
      });

      it('computes the findings itself when the caller does not pass them', () => {
        const o = open(renderer.render(scenarios.implicit));
        const context: CodeActionContext = { diagnostics: o.diagnostics };
        const actions = getCodeActions(o.document, o.analysis.model, o.analysis.surface.id, o.diagnostics[0].range, context);
        assert.ok(actions.some((a) => a.title === 'Replace implicit with code' && a.isPreferred));
      });
    });
  }

  it('takes the first of two overlapping fixes in a pass and leaves the other for the next', () => {
    // `Email` -> `email` makes a duplicate of the `email` after it; both fixes touch one list.
    const o = open(renderers[0].render({ client: { ...scenarios.implicit.client, AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid', 'Email', 'email', 'email'] } }));
    const [action] = actionsFor(o, [], [FIX_ALL_KIND]);
    const { text, after } = apply(o, action);
    assert.match(text, /AllowedOAuthScopes:\n\s+- openid\n\s+- email\n\s+[A-Z]/, text);
    assert.equal(count(after.findings, 'duplicate-value') + count(after.findings, 'unknown-scope'), 0);
  });

  it('offers no fix-all for a document with a syntax error', () => {
    const o = open(renderers[0].render(scenarios.many));
    const broken = o.document.getText().replace('Resources:\n', 'Resources:\n  Broken: [\n');
    const b = open({ fileName: 'broken.yaml', languageId: 'yaml', text: broken });
    assert.ok(b.analysis.model.problems.length > 0, 'the text is broken');
    assert.deepEqual(actionsFor(b, [], [FIX_ALL_KIND]), []);
  });
});
