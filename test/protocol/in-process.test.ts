/**
 * The language server over real JSON-RPC, in-process: the server's connection and the test client
 * talk through a pair of streams. Covers the initialize handshake, pushed and pulled diagnostics
 * (never stale), hover and completion, settings, hostile documents, and shutdown.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  MessageType,
  TextDocumentSyncKind,
  type CodeAction,
  type Diagnostic,
  type Hover,
  type MarkupContent,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { COMPLETION_TRIGGER_CHARACTERS, DIAGNOSTIC_PROVIDER_ID, SERVER_NAME } from '../../server/src/server';
import { FIX_ALL_TITLE } from '../../server/src/features/code-actions';
import type { Finding } from '../../server/src/rules/types';
import { analyse, ruleDocsHref } from '../../server/src/service';
import { CONFIGURABLE_CAPABILITIES, PLAIN_CAPABILITIES, positionOf, PULL_CAPABILITIES, RESOLVING_CAPABILITIES } from '../support/lsp-client';
import {
  binaryGarbage,
  BROKEN_YAML,
  deeplyNestedJson,
  deeplyNestedYaml,
  FIXED_YAML,
  hugeTemplate,
  MISCONFIGURED_CODES,
  MISCONFIGURED_JSON,
  MISCONFIGURED_YAML,
  NOT_A_TEMPLATE_YAML,
} from './fixtures';
import { withSession } from './session';

const TEMPLATE_URI = 'file:///workspace/template.yaml';

const codes = (diagnostics: Diagnostic[]): string[] => diagnostics.map((d) => String(d.code));
const hasCodes = (expected: string[]) => (p: PublishDiagnosticsParams) => JSON.stringify(codes(p.diagnostics)) === JSON.stringify(expected);

/** The text of a hover, whatever form its contents take. */
function hoverText(hover: Hover): string {
  const contents = hover.contents;
  if (typeof contents === 'string') return contents;
  if (Array.isArray(contents)) return contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
  return (contents as MarkupContent).value;
}

describe('initialize', () => {
  it('pins the capabilities for a client that takes pushed diagnostics', async () => {
    await withSession(PLAIN_CAPABILITIES, async ({ initializeResult }) => {
      assert.deepEqual(initializeResult, {
        capabilities: {
          textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
          hoverProvider: true,
          completionProvider: { triggerCharacters: ['"', "'", ':'], resolveProvider: false },
          codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.cognitoClient', 'refactor.rewrite.cognito.convert'], resolveProvider: false },
          codeLensProvider: { resolveProvider: false },
          executeCommandProvider: { commands: ['cognitoClient.server.showClientSummary', 'cognitoClient.server.revealProblem', 'cognitoClient.server.convertClient'] },
          workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        },
        serverInfo: { name: 'cognito-client-language-server' },
      });
      assert.equal(SERVER_NAME, 'cognito-client-language-server');
      assert.deepEqual(COMPLETION_TRIGGER_CHARACTERS, ['"', "'", ':']);
      // No pull diagnostics for a client that cannot pull.
      assert.equal(initializeResult.capabilities.diagnosticProvider, undefined);
    });
  });

  it('offers pull diagnostics to a client that supports them', async () => {
    await withSession(PULL_CAPABILITIES, async ({ initializeResult }) => {
      assert.deepEqual(initializeResult.capabilities.diagnosticProvider, { identifier: DIAGNOSTIC_PROVIDER_ID, interFileDependencies: true, workspaceDiagnostics: false });
      assert.equal(initializeResult.capabilities.hoverProvider, true);
    });
  });

  it('registers for configuration changes when the client allows dynamic registration', async () => {
    await withSession(CONFIGURABLE_CAPABILITIES, async ({ client }) => {
      const registration = await client.waitFor('a didChangeConfiguration registration', () =>
        client.registrations.find((r) => r.method === 'workspace/didChangeConfiguration'),
      );
      assert.deepEqual(registration.registerOptions, { section: 'cognitoClient' });
      await client.waitForLog(/ready \(diagnostics pushed/);
    });
  });
});

describe('pushed diagnostics', () => {
  it('reports the misconfigured client with code, source, link, range and fixes', async () => {
    await withSession(PLAIN_CAPABILITIES, async ({ client }) => {
      await client.open(TEMPLATE_URI, 'yaml', MISCONFIGURED_YAML);
      const published = await client.waitForDiagnostics(TEMPLATE_URI, (p) => p.diagnostics.length > 0);
      assert.equal(published.version, 1);
      assert.deepEqual(codes(published.diagnostics), MISCONFIGURED_CODES);

      const expected = analyse({ uri: TEMPLATE_URI, languageId: 'yaml', text: MISCONFIGURED_YAML });
      assert.ok(expected);
      const start = positionOf(MISCONFIGURED_YAML, 'client_credentials');
      for (const [i, d] of published.diagnostics.entries()) {
        const finding: Finding = expected.findings[i];
        assert.equal(d.source, 'cognito-client');
        assert.equal(d.severity, DiagnosticSeverity.Error);
        assert.equal(d.code, finding.ruleId);
        assert.deepEqual(d.codeDescription, { href: ruleDocsHref(finding.ruleId) });
        assert.equal(d.message, finding.message);
        // The flagged item, located in UTF-16 characters below a non-ASCII line.
        assert.deepEqual(d.range, { start, end: { line: start.line, character: start.character + 'client_credentials'.length } });
        assert.deepEqual(d.data, { ruleId: finding.ruleId, fixes: finding.fixes ?? [] });
        assert.ok(((d.data as { fixes: unknown[] }).fixes).length > 0, `${finding.ruleId} offers a fix`);
      }
    });
  });

  it('reports JSON templates too', async () => {
    await withSession(PLAIN_CAPABILITIES, async ({ client }) => {
      const uri = 'file:///workspace/template.json';
      await client.open(uri, 'json', MISCONFIGURED_JSON);
      const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
      assert.deepEqual(codes(published.diagnostics), MISCONFIGURED_CODES);
      const start = positionOf(MISCONFIGURED_JSON, '"client_credentials"');
      assert.deepEqual(published.diagnostics[0].range.start.line, start.line);
    });
  });

  it('follows each change and never publishes a stale version', async () => {
    await withSession(
      PLAIN_CAPABILITIES,
      async ({ client }) => {
        await client.open(TEMPLATE_URI, 'yaml', MISCONFIGURED_YAML);
        await client.waitForDiagnostics(TEMPLATE_URI, (p) => p.version === 1);
        // Several quick edits within one debounce window: only the last version is checked.
        await client.replace(TEMPLATE_URI, 2, FIXED_YAML);
        await client.replace(TEMPLATE_URI, 3, MISCONFIGURED_YAML);
        await client.replace(TEMPLATE_URI, 4, FIXED_YAML);
        const last = await client.waitForDiagnostics(TEMPLATE_URI, (p) => p.version === 4);
        assert.deepEqual(last.diagnostics, []);
        const versions = client.publishedFor(TEMPLATE_URI).map((p) => p.version);
        assert.deepEqual(versions, [1, 4], 'the intermediate versions were superseded before their check ran');
      },
      { initializationOptions: { cognitoClient: { validate: { debounceMs: 1000 } } } },
    );
  });

  it('applies incremental changes', async () => {
    await withSession(PLAIN_CAPABILITIES, async ({ client }) => {
      await client.open(TEMPLATE_URI, 'yaml', MISCONFIGURED_YAML);
      await client.waitForDiagnostics(TEMPLATE_URI, hasCodes(MISCONFIGURED_CODES));
      // Delete the `- code` line: client_credentials alone is no longer exclusive-violating.
      const from = positionOf(MISCONFIGURED_YAML, '        - code\n');
      await client.change(TEMPLATE_URI, 2, [{ range: { start: from, end: { line: from.line + 1, character: 0 } }, text: '' }]);
      const p = await client.waitForDiagnostics(TEMPLATE_URI, (d) => d.version === 2);
      assert.deepEqual(codes(p.diagnostics), ['client-credentials-requires-secret']);
    });
  });

  it('drops a result whose document changed while the check was waiting for settings', async () => {
    let release!: () => void;
    await withSession(CONFIGURABLE_CAPABILITIES, async ({ client }) => {
      client.configurationGate = new Promise<void>((resolve) => (release = resolve));
      await client.open(TEMPLATE_URI, 'yaml', MISCONFIGURED_YAML);
      // The check of version 1 is now waiting for workspace/configuration.
      await client.waitFor('a configuration request for the template', () => client.configurationRequests.find((items) => items.some((i) => i.scopeUri === TEMPLATE_URI)));
      await client.replace(TEMPLATE_URI, 2, FIXED_YAML);
      client.configurationGate = undefined;
      release();
      const p = await client.waitForDiagnostics(TEMPLATE_URI, (d) => d.version === 2);
      assert.deepEqual(p.diagnostics, []);
      assert.deepEqual(
        client.publishedFor(TEMPLATE_URI).map((d) => d.version),
        [2],
        'version 1 was never published',
      );
    });
  });

  it('clears diagnostics when the document closes', async () => {
    await withSession(PLAIN_CAPABILITIES, async ({ client }) => {
      await client.open(TEMPLATE_URI, 'yaml', MISCONFIGURED_YAML);
      await client.waitForDiagnostics(TEMPLATE_URI, (p) => p.diagnostics.length > 0);
      const before = client.publishedFor(TEMPLATE_URI).length;
      await client.close(TEMPLATE_URI);
      const cleared = await client.waitForDiagnostics(TEMPLATE_URI, () => true, { after: before });
      assert.deepEqual(cleared.diagnostics, []);
      assert.equal(await client.hover(TEMPLATE_URI, positionOf(MISCONFIGURED_YAML, 'AllowedOAuthFlows:')), null);
    });
  });

  it('costs almost nothing for documents that are not templates', async () => {
    await withSession(PLAIN_CAPABILITIES, async ({ client, analyses }) => {
      const uri = 'file:///workspace/compose.yaml';
      await client.open(uri, 'yaml', NOT_A_TEMPLATE_YAML);
      const p = await client.waitForDiagnostics(uri);
      assert.deepEqual(p.diagnostics, []);
      const plain = 'file:///workspace/notes.txt';
      await client.open(plain, 'plaintext', 'Resources: AWS::Cognito::UserPoolClient');
      assert.deepEqual((await client.waitForDiagnostics(plain)).diagnostics, []);
      assert.equal(await client.hover(plain, { line: 0, character: 2 }), null);
      assert.deepEqual((await client.completion(plain, { line: 0, character: 2 })).items, []);
      // The plain-text document never reached the engine.
      assert.ok(analyses() <= 1, `analyses: ${analyses()}`);
    });
  });

  it('analyses each version once for diagnostics, hover and completion', async () => {
    await withSession(PLAIN_CAPABILITIES, async ({ client, analyses }) => {
      await client.open(TEMPLATE_URI, 'yaml', MISCONFIGURED_YAML);
      await client.waitForDiagnostics(TEMPLATE_URI, (p) => p.version === 1);
      await client.hover(TEMPLATE_URI, positionOf(MISCONFIGURED_YAML, 'AllowedOAuthFlows:'));
      await client.completion(TEMPLATE_URI, positionOf(MISCONFIGURED_YAML, 'code', 0, 4));
      assert.equal(analyses(), 1);
      // A hover on a version not analysed yet analyses it at once, and the check then reuses it.
      await client.replace(TEMPLATE_URI, 2, FIXED_YAML);
      await client.hover(TEMPLATE_URI, positionOf(FIXED_YAML, 'AllowedOAuthFlows:'));
      assert.equal(analyses(), 2);
      await client.waitForDiagnostics(TEMPLATE_URI, (p) => p.version === 2);
      assert.equal(analyses(), 2);
    });
  });
});

describe('pulled diagnostics', () => {
  it('answers textDocument/diagnostic and pushes nothing', async () => {
    await withSession(PULL_CAPABILITIES, async ({ client }) => {
      await client.open(TEMPLATE_URI, 'yaml', MISCONFIGURED_YAML);
      const report = await client.pullDiagnostics(TEMPLATE_URI);
      assert.equal(report.kind, DocumentDiagnosticReportKind.Full);
      assert.ok(report.kind === DocumentDiagnosticReportKind.Full);
      assert.deepEqual(codes(report.items), MISCONFIGURED_CODES);
      assert.equal(report.items[0].source, 'cognito-client');
      assert.deepEqual(report.items[0].codeDescription, { href: ruleDocsHref(MISCONFIGURED_CODES[0]) });
      assert.ok(report.resultId);

      // Nothing changed: the same result id comes back as unchanged.
      const again = await client.pullDiagnostics(TEMPLATE_URI, report.resultId);
      assert.deepEqual(again, { kind: DocumentDiagnosticReportKind.Unchanged, resultId: report.resultId });

      await client.replace(TEMPLATE_URI, 2, FIXED_YAML);
      const changed = await client.pullDiagnostics(TEMPLATE_URI, report.resultId);
      assert.ok(changed.kind === DocumentDiagnosticReportKind.Full);
      assert.deepEqual(changed.items, []);
      assert.notEqual(changed.resultId, report.resultId);

      // A round trip after everything: still no publishDiagnostics in pull mode.
      await client.hover(TEMPLATE_URI, { line: 0, character: 0 });
      assert.deepEqual(client.published, []);
      await client.close(TEMPLATE_URI);
      await client.hover(TEMPLATE_URI, { line: 0, character: 0 });
      assert.deepEqual(client.published, []);
      const closed = await client.pullDiagnostics(TEMPLATE_URI);
      assert.ok(closed.kind === DocumentDiagnosticReportKind.Full);
      assert.deepEqual(closed.items, []);
    });
  });

  it('asks the client to pull again when the settings change', async () => {
    await withSession(PULL_CAPABILITIES, async ({ client }) => {
      await client.open(TEMPLATE_URI, 'yaml', MISCONFIGURED_YAML);
      const first = await client.pullDiagnostics(TEMPLATE_URI);
      await client.changeSettings({ cognitoClient: { rules: { 'client-credentials-exclusive': 'off' } } });
      await client.waitFor('a diagnostic refresh request', () => (client.refreshRequests > 0 ? true : undefined));
      const second = await client.pullDiagnostics(TEMPLATE_URI, first.resultId);
      assert.ok(second.kind === DocumentDiagnosticReportKind.Full);
      assert.deepEqual(codes(second.items), ['client-credentials-requires-secret']);
    });
  });
});

describe('hover and completion', () => {
  it('answers hover on a property key', async () => {
    await withSession(PLAIN_CAPABILITIES, async ({ client }) => {
      await client.open(TEMPLATE_URI, 'yaml', MISCONFIGURED_YAML);
      const hover = await client.hover(TEMPLATE_URI, positionOf(MISCONFIGURED_YAML, 'AllowedOAuthFlows:', 0, 3));
      assert.ok(hover, 'a hover on AllowedOAuthFlows');
      assert.match(hoverText(hover), /AllowedOAuthFlows|OAuth/);
      // Nothing to say on the template's format version.
      assert.equal(await client.hover(TEMPLATE_URI, { line: 0, character: 3 }), null);
    });
  });

  it('completes values at a caret', async () => {
    await withSession(PLAIN_CAPABILITIES, async ({ client }) => {
      // The caret after `- ` in a new AllowedOAuthFlows item.
      const text = MISCONFIGURED_YAML.replace('        - code\n', '        - code\n        - \n');
      await client.open(TEMPLATE_URI, 'yaml', text);
      const caret = positionOf(text, '        - \n', 0, 10);
      const list = await client.completion(TEMPLATE_URI, caret);
      const labels = list.items.map((i) => i.label);
      assert.ok(labels.includes('implicit'), `labels: ${labels.join(', ')}`);
    });
  });

  it('completes property names in a client', async () => {
    await withSession(PLAIN_CAPABILITIES, async ({ client }) => {
      const text = MISCONFIGURED_YAML.replace('      PreventUserExistenceErrors: ENABLED\n', '      PreventUserExistenceErrors: ENABLED\n      Gen\n');
      await client.open(TEMPLATE_URI, 'yaml', text);
      const list = await client.completion(TEMPLATE_URI, positionOf(text, '      Gen\n', 0, 9));
      const labels = list.items.map((i) => i.label);
      assert.ok(labels.includes('GenerateSecret'), `labels: ${labels.join(', ')}`);
    });
  });
});

describe('code actions', () => {
  it('offers both quick fixes for client_credentials + code, and the applied fix clears the diagnostic', async () => {
    await withSession(PLAIN_CAPABILITIES, async ({ client }) => {
      await client.open(TEMPLATE_URI, 'yaml', MISCONFIGURED_YAML);
      const published = await client.waitForDiagnostics(TEMPLATE_URI, (p) => p.diagnostics.length > 0);
      const exclusive = published.diagnostics.find((d) => d.code === 'client-credentials-exclusive');
      assert.ok(exclusive);
      const actions = await client.codeActions(TEMPLATE_URI, exclusive.range, [exclusive]);
      const quickFixes = actions.filter((a) => a.kind === 'quickfix' && a.edit);
      const titles = quickFixes.map((a) => a.title);
      assert.ok(titles.some((t) => /Remove code/.test(t)), titles.join(' | '));
      assert.ok(titles.some((t) => /Remove client_credentials/.test(t)), titles.join(' | '));
      assert.equal(quickFixes.filter((a) => a.isPreferred).length, 1);
      assert.ok(actions.some((a) => /Disable client-credentials-exclusive/.test(a.title)), 'a disable action');

      const removeCode = quickFixes.find((a) => /Remove code/.test(a.title))!;
      assert.deepEqual(removeCode.diagnostics?.map((d) => d.code), ['client-credentials-exclusive']);
      const edits = removeCode.edit!.changes![TEMPLATE_URI];
      const fixed = TextDocument.applyEdits(TextDocument.create(TEMPLATE_URI, 'yaml', 1, MISCONFIGURED_YAML), edits);
      assert.ok(!fixed.includes('        - code\n'));
      await client.change(TEMPLATE_URI, 2, [{ text: fixed }]);
      const after = await client.waitForDiagnostics(TEMPLATE_URI, (p) => p.version === 2);
      assert.deepEqual(after.diagnostics.map((d) => d.code), ['client-credentials-requires-secret']);
    });
  });

  it('offers source.fixAll.cognitoClient when asked for it', async () => {
    await withSession(PLAIN_CAPABILITIES, async ({ client }) => {
      const text = MISCONFIGURED_YAML.replace('      PreventUserExistenceErrors: ENABLED\n', '      PreventUserExistenceErrors: LEGACY\n      EnableTokenRevocation: false\n');
      await client.open(TEMPLATE_URI, 'yaml', text);
      await client.waitForDiagnostics(TEMPLATE_URI, (p) => p.diagnostics.length > 0);
      const whole = { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } };
      const actions = await client.codeActions(TEMPLATE_URI, whole, [], ['source.fixAll.cognitoClient']);
      assert.equal(actions.length, 1, actions.map((a) => a.title).join(' | '));
      assert.equal(actions[0].kind, 'source.fixAll.cognitoClient');
      const fixed = TextDocument.applyEdits(TextDocument.create(TEMPLATE_URI, 'yaml', 1, text), actions[0].edit!.changes![TEMPLATE_URI]);
      assert.match(fixed, /EnableTokenRevocation: true/);
    });
  });
});

describe('codeAction/resolve', () => {
  it('is offered only to a client that resolves edits, and then fills in the light-bulb fix-all when it is chosen', async () => {
    const text = MISCONFIGURED_YAML.replace('      PreventUserExistenceErrors: ENABLED\n', '      PreventUserExistenceErrors: ENABLED\n      EnableTokenRevocation: false\n');
    let eager: CodeAction | undefined;
    await withSession(PLAIN_CAPABILITIES, async ({ client, initializeResult }) => {
      assert.deepEqual(initializeResult.capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.cognitoClient', 'refactor.rewrite.cognito.convert'], resolveProvider: false });
      await client.open(TEMPLATE_URI, 'yaml', text);
      const published = await client.waitForDiagnostics(TEMPLATE_URI, (p) => p.diagnostics.some((d) => d.code === 'token-revocation-disabled'));
      const diagnostic = published.diagnostics.find((d) => d.code === 'token-revocation-disabled')!;
      eager = (await client.codeActions(TEMPLATE_URI, diagnostic.range, [diagnostic])).find((a) => a.title === FIX_ALL_TITLE);
      assert.ok(eager?.edit, 'a client that cannot resolve gets the edit at once');
    });
    await withSession(RESOLVING_CAPABILITIES, async ({ client, initializeResult }) => {
      assert.deepEqual(initializeResult.capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.cognitoClient', 'refactor.rewrite.cognito.convert'], resolveProvider: true });
      await client.open(TEMPLATE_URI, 'yaml', text);
      const published = await client.waitForDiagnostics(TEMPLATE_URI, (p) => p.diagnostics.some((d) => d.code === 'token-revocation-disabled'));
      const diagnostic = published.diagnostics.find((d) => d.code === 'token-revocation-disabled')!;
      const actions = await client.codeActions(TEMPLATE_URI, diagnostic.range, [diagnostic]);
      const lazy = actions.find((a) => a.title === FIX_ALL_TITLE)!;
      assert.equal(lazy.edit, undefined);
      assert.equal(lazy.kind, 'quickfix', 'in the light bulb, where editors show only quick fixes');
      assert.ok(actions.find((a) => a.title !== FIX_ALL_TITLE)?.edit, 'quick fixes still come with their edits');
      const resolved = await client.resolveCodeAction(lazy);
      assert.deepEqual(resolved, eager);
      const fixed = TextDocument.applyEdits(TextDocument.create(TEMPLATE_URI, 'yaml', 1, text), resolved.edit!.changes![TEMPLATE_URI]);
      assert.match(fixed, /EnableTokenRevocation: true/);
      // After an edit the deferred action is stale: resolving it changes nothing.
      await client.change(TEMPLATE_URI, 2, [{ text: text + '# edited\n' }]);
      await client.waitForDiagnostics(TEMPLATE_URI, (p) => p.version === 2);
      assert.deepEqual((await client.resolveCodeAction(lazy)).edit, { changes: {} });
    });
  });
});

describe('codeAction/resolve of quick fixes on a large broken document', () => {
  it('offers them by title to a client that resolves edits, and makes and checks the one chosen', async () => {
    // A syntax error far from the client and 70 KB of comment: each check would read it all again.
    const text = MISCONFIGURED_YAML.replace('      PreventUserExistenceErrors: ENABLED\n', '      PreventUserExistenceErrors: ENABLED\n      EnableTokenRevocation: false\n') + `# ${'x'.repeat(70_000)}\nbroken: [\n`;
    let eager: CodeAction[] = [];
    await withSession(PLAIN_CAPABILITIES, async ({ client }) => {
      await client.open(TEMPLATE_URI, 'yaml', text);
      const published = await client.waitForDiagnostics(TEMPLATE_URI, (p) => p.diagnostics.some((d) => d.code === 'token-revocation-disabled'));
      const diagnostic = published.diagnostics.find((d) => d.code === 'token-revocation-disabled')!;
      eager = (await client.codeActions(TEMPLATE_URI, diagnostic.range, [diagnostic])).filter((a) => a.kind === 'quickfix');
      assert.ok(eager.length >= 2 && eager.every((a) => a.edit), `a client that cannot resolve gets every edit at once: ${JSON.stringify(eager.map((a) => [a.title, !!a.edit]))}`);
    });
    await withSession(RESOLVING_CAPABILITIES, async ({ client }) => {
      await client.open(TEMPLATE_URI, 'yaml', text);
      const published = await client.waitForDiagnostics(TEMPLATE_URI, (p) => p.diagnostics.some((d) => d.code === 'token-revocation-disabled'));
      const diagnostic = published.diagnostics.find((d) => d.code === 'token-revocation-disabled')!;
      const lazy = (await client.codeActions(TEMPLATE_URI, diagnostic.range, [diagnostic])).filter((a) => a.kind === 'quickfix');
      assert.deepEqual(lazy.map((a) => a.title), eager.map((a) => a.title));
      assert.ok(lazy.every((a) => a.edit === undefined), 'no edit until one is chosen');
      for (const action of lazy) assert.deepEqual(await client.resolveCodeAction(action), eager.find((a) => a.title === action.title));
      const fix = await client.resolveCodeAction(lazy.find((a) => !a.title.startsWith('Disable '))!);
      const fixed = TextDocument.applyEdits(TextDocument.create(TEMPLATE_URI, 'yaml', 1, text), fix.edit!.changes![TEMPLATE_URI]);
      assert.match(fixed, /EnableTokenRevocation: true/);
      // After an edit the offered actions are stale: resolving one changes nothing.
      await client.change(TEMPLATE_URI, 2, [{ text: text + '# edited\n' }]);
      await client.waitForDiagnostics(TEMPLATE_URI, (p) => p.version === 2);
      assert.deepEqual((await client.resolveCodeAction(lazy[0])).edit, { changes: {} });
    });
  });
});

describe('settings', () => {
  const RULE = 'client-credentials-requires-secret';

  it('turns a rule off through workspace/configuration and didChangeConfiguration', async () => {
    await withSession(CONFIGURABLE_CAPABILITIES, async ({ client }) => {
      await client.open(TEMPLATE_URI, 'yaml', MISCONFIGURED_YAML);
      await client.waitForDiagnostics(TEMPLATE_URI, hasCodes(MISCONFIGURED_CODES));
      const before = client.publishedFor(TEMPLATE_URI).length;
      // VS Code sends the new settings in the notification, but the server reads them from workspace/configuration.
      client.settings = { cognitoClient: { rules: { [RULE]: 'off', 'client-credentials-exclusive': 'warning' } } };
      await client.changeSettings(client.settings);
      const after = await client.waitForDiagnostics(TEMPLATE_URI, () => true, { after: before });
      assert.deepEqual(codes(after.diagnostics), ['client-credentials-exclusive']);
      assert.equal(after.diagnostics[0].severity, DiagnosticSeverity.Warning);
      assert.equal(after.version, 1);
      assert.ok(
        client.configurationRequests.some((items) => items.some((i) => i.scopeUri === TEMPLATE_URI && i.section === 'cognitoClient')),
        'settings are asked per document',
      );

      // And back on.
      const count = client.publishedFor(TEMPLATE_URI).length;
      await client.changeSettings({ cognitoClient: {} });
      const restored = await client.waitForDiagnostics(TEMPLATE_URI, () => true, { after: count });
      assert.deepEqual(codes(restored.diagnostics), MISCONFIGURED_CODES);
    });
  });

  it('takes settings from didChangeConfiguration when the client cannot be asked', async () => {
    await withSession(PLAIN_CAPABILITIES, async ({ client }) => {
      await client.open(TEMPLATE_URI, 'yaml', MISCONFIGURED_YAML);
      await client.waitForDiagnostics(TEMPLATE_URI, hasCodes(MISCONFIGURED_CODES));
      await client.changeSettings({ cognitoClient: { rules: { [RULE]: 'off' } } });
      await client.waitForDiagnostics(TEMPLATE_URI, hasCodes(['client-credentials-exclusive']));
      assert.deepEqual(client.configurationRequests, []);
    });
  });

  it('takes settings from initializationOptions', async () => {
    await withSession(
      PLAIN_CAPABILITIES,
      async ({ client }) => {
        await client.open(TEMPLATE_URI, 'yaml', MISCONFIGURED_YAML);
        const p = await client.waitForDiagnostics(TEMPLATE_URI);
        assert.deepEqual(codes(p.diagnostics), ['client-credentials-exclusive']);
      },
      { initializationOptions: { cognitoClient: { rules: { [RULE]: 'off' } } } },
    );
  });

  it('turns validation off and on', async () => {
    await withSession(PLAIN_CAPABILITIES, async ({ client }) => {
      await client.open(TEMPLATE_URI, 'yaml', MISCONFIGURED_YAML);
      await client.waitForDiagnostics(TEMPLATE_URI, hasCodes(MISCONFIGURED_CODES));
      await client.changeSettings({ cognitoClient: { validate: { enable: false } } });
      await client.waitForDiagnostics(TEMPLATE_URI, hasCodes([]));
      await client.changeSettings({ cognitoClient: { validate: { enable: true } } });
      const count = client.publishedFor(TEMPLATE_URI).length;
      await client.waitForDiagnostics(TEMPLATE_URI, hasCodes(MISCONFIGURED_CODES), { after: count - 1 });
    });
  });

  it('warns once about malformed settings and keeps the defaults', async () => {
    await withSession(CONFIGURABLE_CAPABILITIES, async ({ client }) => {
      client.settings = { cognitoClient: { rules: { [RULE]: 'loud', 'no-such-rule': 'off' }, validate: { debounceMs: 'soon' } } };
      await client.open(TEMPLATE_URI, 'yaml', MISCONFIGURED_YAML);
      const p = await client.waitForDiagnostics(TEMPLATE_URI);
      assert.deepEqual(codes(p.diagnostics), MISCONFIGURED_CODES);
      await client.waitForLog(/rules\.client-credentials-requires-secret: expected one of/);
      await client.waitForLog(/no rule has the id "no-such-rule"/);
      await client.waitForLog(/validate\.debounceMs: expected a number/);
      await client.hover(TEMPLATE_URI, { line: 0, character: 0 });
      assert.equal(client.logs.filter((l) => /no-such-rule/.test(l.message)).length, 1);
    });
  });
});

describe('robustness', () => {
  it('survives broken YAML, binary garbage, a huge file and deep nesting, and keeps serving', async () => {
    await withSession(PLAIN_CAPABILITIES, async ({ client }) => {
      const hostile: [string, string, string][] = [
        ['file:///workspace/broken.yaml', 'yaml', BROKEN_YAML],
        ['file:///workspace/garbage.yaml', 'yaml', binaryGarbage()],
        ['file:///workspace/huge.yaml', 'yaml', hugeTemplate(1100)],
        ['file:///workspace/deep.yaml', 'yaml', deeplyNestedYaml(50_000)],
        ['file:///workspace/deep.json', 'json', deeplyNestedJson(50_000)],
        ['file:///workspace/empty.yaml', 'yaml', ''],
      ];
      for (const [uri, languageId, text] of hostile) {
        await client.open(uri, languageId, text);
        await client.waitForDiagnostics(uri);
        // Requests anywhere in them answer (possibly empty), never fail.
        await client.hover(uri, { line: 0, character: 1 });
        await client.hover(uri, { line: 4, character: 30 });
        await client.completion(uri, { line: 4, character: 30 });
      }
      // Binary and huge documents are skipped, each logged once even after a change.
      await client.waitForLog(/garbage\.yaml looks binary/);
      await client.waitForLog(/huge\.yaml is \d+ KB, over the 1024 KB limit/);
      await client.replace('file:///workspace/huge.yaml', 2, hugeTemplate(1200));
      await client.waitForDiagnostics('file:///workspace/huge.yaml', (p) => p.version === 2);
      assert.equal(client.logs.filter((l) => /huge\.yaml is/.test(l.message)).length, 1);
      assert.equal(client.logs.filter((l) => /huge\.yaml is/.test(l.message))[0].type, MessageType.Info);
      // Each version of a skipped document gets one information diagnostic saying why, at its start.
      for (const [uri, why] of [['file:///workspace/huge.yaml', /1[12]\d\d KB, over the 1024 KB limit \(setting cognitoClient\.maxFileSizeKb\)/], ['file:///workspace/garbage.yaml', /looks binary/]] as const) {
        const last = client.publishedFor(uri).at(-1)!;
        assert.equal(last.diagnostics.length, 1, uri);
        assert.equal(last.diagnostics[0].severity, DiagnosticSeverity.Information);
        assert.equal(last.diagnostics[0].code, 'file-skipped');
        assert.deepEqual(last.diagnostics[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
        assert.match(String(last.diagnostics[0].message), why);
      }

      // The server still works on a real template.
      await client.open(TEMPLATE_URI, 'yaml', MISCONFIGURED_YAML);
      await client.waitForDiagnostics(TEMPLATE_URI, hasCodes(MISCONFIGURED_CODES));
      assert.ok(await client.hover(TEMPLATE_URI, positionOf(MISCONFIGURED_YAML, 'AllowedOAuthFlows:', 0, 3)));
    });
  });

  it('gives up a reading over the time budget, says so, and reads the document whole once the budget allows', async () => {
    const uri = 'file:///workspace/large.yaml';
    // About 900 KB: hundreds of ms to read anywhere, far over a 50 ms budget.
    const text = hugeTemplate(900);
    await withSession(
      PLAIN_CAPABILITIES,
      async ({ client }) => {
        await client.open(uri, 'yaml', text);
        const given = await client.waitForDiagnostics(uri);
        assert.equal(given.diagnostics.length, 1, JSON.stringify(given.diagnostics));
        assert.equal(given.diagnostics[0].code, 'file-skipped');
        assert.equal(given.diagnostics[0].severity, DiagnosticSeverity.Warning);
        assert.match(String(given.diagnostics[0].message), /^The YAML template was not read: reading it took longer than the time budget \(50 ms, the cognitoClient\.timeBudgetMs setting\)\. Its Cognito clients are not checked\.$/);
        // Hover and completion answer (nothing was read), and the server keeps serving.
        assert.equal(await client.hover(uri, positionOf(text, 'AllowedOAuthFlows:', 0, 3)), null);
        // No budget: the same version is read whole (the given-up reading is not kept).
        await client.changeSettings({ cognitoClient: { timeBudgetMs: 0 } });
        const whole = await client.waitForDiagnostics(uri, hasCodes(MISCONFIGURED_CODES));
        assert.equal(whole.version, given.version);
        assert.ok(await client.hover(uri, positionOf(text, 'AllowedOAuthFlows:', 0, 3)));
      },
      { initializationOptions: { cognitoClient: { timeBudgetMs: 50 } } },
    );
  });

  it('logs a failing rule once and keeps the other findings', async () => {
    await withSession(
      PLAIN_CAPABILITIES,
      async ({ client }) => {
        await client.open(TEMPLATE_URI, 'yaml', MISCONFIGURED_YAML);
        const p = await client.waitForDiagnostics(TEMPLATE_URI);
        assert.deepEqual(codes(p.diagnostics), MISCONFIGURED_CODES);
        await client.replace(TEMPLATE_URI, 2, FIXED_YAML);
        await client.waitForDiagnostics(TEMPLATE_URI, (d) => d.version === 2);
        const failures = client.logs.filter((l) => /rule broken-rule failed/.test(l.message));
        assert.equal(failures.length, 1);
        assert.equal(failures[0].type, MessageType.Error);
        assert.match(failures[0].message, /boom/);
      },
      {
        server: {
          analyse: (doc, options, onRuleError) => {
            onRuleError?.('broken-rule', new Error('boom'));
            return analyse(doc, options, onRuleError);
          },
        },
      },
    );
  });

  it('answers empty when the engine throws, and logs it once per version', async () => {
    await withSession(
      PLAIN_CAPABILITIES,
      async ({ client }) => {
        await client.open(TEMPLATE_URI, 'yaml', MISCONFIGURED_YAML);
        const p = await client.waitForDiagnostics(TEMPLATE_URI);
        assert.deepEqual(p.diagnostics, []);
        assert.equal(await client.hover(TEMPLATE_URI, { line: 0, character: 1 }), null);
        assert.deepEqual((await client.completion(TEMPLATE_URI, { line: 0, character: 1 })).items, []);
        const errors = client.logs.filter((l) => /analysis of .*template\.yaml failed/.test(l.message));
        assert.equal(errors.length, 1);
        assert.match(errors[0].message, /engine exploded/);
      },
      {
        server: {
          analyse: () => {
            throw new Error('engine exploded');
          },
        },
      },
    );
  });

  it('answers shutdown', async () => {
    await withSession(PLAIN_CAPABILITIES, async ({ client }) => {
      await client.open(TEMPLATE_URI, 'yaml', MISCONFIGURED_YAML);
      assert.equal(await client.shutdown(), null);
    });
  });

  it('work still queued when the connection goes away ends quietly (no unhandled rejection)', async () => {
    // A check queued just before the connection is disposed runs after it: sending its diagnostics
    // fails, and logging that failure must not throw in turn (a CI run saw "Connection is disposed."
    // surface as unhandled rejections from the hostile-input test).
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      for (const debounceMs of [5, 20, 50]) {
        await withSession(
          PLAIN_CAPABILITIES,
          async ({ client }) => {
            await client.open(TEMPLATE_URI, 'yaml', MISCONFIGURED_YAML);
            await client.change(TEMPLATE_URI, 2, [{ text: `${MISCONFIGURED_YAML}# edited\n` }]);
            // A round trip: the server has taken the change (and queued its check) before the close.
            await client.hover(TEMPLATE_URI, { line: 0, character: 1 });
          },
          { initializationOptions: { cognitoClient: { validate: { debounceMs } } } },
        );
        await new Promise((r) => setTimeout(r, debounceMs + 100));
      }
    } finally {
      process.off('unhandledRejection', onRejection);
    }
    assert.deepEqual(rejections.map(String), []);
  });
});

describe('CodeLens', () => {
  const LENS_CAPABILITIES = {
    ...CONFIGURABLE_CAPABILITIES,
    window: { showDocument: { support: true } },
    workspace: { ...CONFIGURABLE_CAPABILITIES.workspace, codeLens: { refreshSupport: true } },
  };
  const SUMMARY_TEXT = 'client_credentials + code · no secret · access 1 h · ID 1 h · refresh 30 d';

  it('shows the settings and the problem count above the client, with the server commands', async () => {
    await withSession(PLAIN_CAPABILITIES, async ({ client }) => {
      await client.open(TEMPLATE_URI, 'yaml', MISCONFIGURED_YAML);
      const lenses = await client.codeLenses(TEMPLATE_URI);
      const name = positionOf(MISCONFIGURED_YAML, 'MachineClient');
      assert.deepEqual(
        lenses.map((l) => [l.range.start, l.command?.title, l.command?.command]),
        [
          [name, SUMMARY_TEXT, 'cognitoClient.server.showClientSummary'],
          [name, '2 problems', 'cognitoClient.server.revealProblem'],
        ],
      );
      const first = positionOf(MISCONFIGURED_YAML, 'client_credentials');
      assert.deepEqual(lenses[1].command?.arguments, [TEMPLATE_URI, { start: first, end: { line: first.line, character: first.character + 'client_credentials'.length } }]);
    });
  });

  it('names the client commands when the editor says it runs them', async () => {
    const caps = { ...PLAIN_CAPABILITIES, experimental: { cognitoClient: { commands: ['cognitoClient.showClientSummary', 'cognitoClient.revealProblem'] } } };
    await withSession(caps, async ({ client }) => {
      await client.open(TEMPLATE_URI, 'yaml', MISCONFIGURED_YAML);
      const lenses = await client.codeLenses(TEMPLATE_URI);
      assert.deepEqual(lenses.map((l) => l.command?.command), ['cognitoClient.showClientSummary', 'cognitoClient.revealProblem']);
    });
  });

  it('runs its commands for editors without their own: window/showDocument and a message', async () => {
    await withSession(LENS_CAPABILITIES, async ({ client }) => {
      await client.open(TEMPLATE_URI, 'yaml', MISCONFIGURED_YAML);
      const [summary, problems] = await client.codeLenses(TEMPLATE_URI);
      await client.executeCommand(problems.command!.command, problems.command!.arguments!);
      assert.deepEqual(client.shownDocuments, [{ uri: TEMPLATE_URI, selection: problems.command!.arguments![1], takeFocus: true }]);
      assert.match(client.messages.at(-1)!.message, /^client-credentials-exclusive: /);

      await client.executeCommand(summary.command!.command, summary.command!.arguments!);
      const name = positionOf(MISCONFIGURED_YAML, 'MachineClient');
      assert.deepEqual(client.shownDocuments[1], { uri: TEMPLATE_URI, selection: { start: name, end: { line: name.line, character: name.character + 'MachineClient'.length } }, takeFocus: true });
      assert.match(client.messages.at(-1)!.message, /^MachineClient — /);
      assert.match(client.messages.at(-1)!.message, /Client secret \(GenerateSecret\): no/);
      // Bad arguments: an empty answer, the server keeps serving.
      assert.equal(await client.executeCommand(summary.command!.command, ['file:///nowhere.yaml', { line: 0, character: 0 }]), null);
      assert.equal(await client.executeCommand(summary.command!.command, []), null);
      assert.equal((await client.codeLenses(TEMPLATE_URI)).length, 2);
    });
  });

  it('turns off with cognitoClient.codeLens.enable and asks the editor to refresh on a settings change', async () => {
    await withSession(LENS_CAPABILITIES, async ({ client }) => {
      await client.open(TEMPLATE_URI, 'yaml', MISCONFIGURED_YAML);
      assert.equal((await client.codeLenses(TEMPLATE_URI)).length, 2);
      client.settings = { cognitoClient: { codeLens: { enable: false } } };
      await client.changeSettings(client.settings);
      await client.waitFor('a codeLens refresh', () => (client.codeLensRefreshRequests > 0 ? true : undefined));
      assert.deepEqual(await client.codeLenses(TEMPLATE_URI), []);
      // Validation off: the settings stay, the count goes (the editor shows no problems to count).
      const published = client.publishedFor(TEMPLATE_URI).length;
      client.settings = { cognitoClient: { validate: { enable: false } } };
      await client.changeSettings(client.settings);
      await client.waitFor('a second codeLens refresh', () => (client.codeLensRefreshRequests > 1 ? true : undefined));
      assert.deepEqual((await client.codeLenses(TEMPLATE_URI)).map((l) => l.command?.title), [SUMMARY_TEXT]);
      // The check the settings change started has ended (nothing is left running when the session closes).
      await client.waitForDiagnostics(TEMPLATE_URI, (p) => p.diagnostics.length === 0, { after: published });
    });
  });

  it('counts after the severity settings: a rule turned off is not a problem', async () => {
    await withSession(PLAIN_CAPABILITIES, async ({ client }) => {
      await client.open(TEMPLATE_URI, 'yaml', MISCONFIGURED_YAML);
      await client.changeSettings({ cognitoClient: { rules: { 'client-credentials-requires-secret': 'off' } } });
      await client.waitForDiagnostics(TEMPLATE_URI, hasCodes(['client-credentials-exclusive']));
      assert.deepEqual((await client.codeLenses(TEMPLATE_URI)).map((l) => l.command?.title), [SUMMARY_TEXT, '1 problem']);
    });
  });
});
