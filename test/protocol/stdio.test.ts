/**
 * The shipped server bundle (`dist/server/server.js`, built by `npm run bundle:server`) as a child
 * process: over stdio, as `cognito-client-language-server --stdio` runs for Neovim, Emacs and
 * friends, and over node IPC, as the VS Code client starts it.
 */
import assert from 'node:assert/strict';
import { fork, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { DiagnosticSeverity, IPCMessageReader, IPCMessageWriter, StreamMessageReader, StreamMessageWriter, TextDocumentSyncKind, type MarkupContent } from 'vscode-languageserver/node';
import { LspTestClient, PLAIN_CAPABILITIES, positionOf, PULL_CAPABILITIES } from '../support/lsp-client';
import { IDLE_HEAP_MS } from '../../server/src/heap';
import { MISCONFIGURED_CODES, MISCONFIGURED_YAML } from './fixtures';

/** The repository root: compiled tests run from out/test/protocol. */
const ROOT = path.resolve(__dirname, '..', '..', '..');
const BUNDLE = path.join(ROOT, 'dist', 'server', 'server.js');
const TEMPLATE_URI = 'file:///workspace/template.yaml';

/**
 * Fail clearly when the bundle is missing; note (without failing: sources change under a running
 * watch build too) when it is older than the server sources, which explains odd failures.
 */
function requireBundle(t: TestContext): void {
  assert.ok(fs.existsSync(BUNDLE), `${BUNDLE} is missing: build it with \`npm run bundle:server\` before running this test`);
  const built = fs.statSync(BUNDLE).mtimeMs;
  const newer: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts') && fs.statSync(full).mtimeMs > built) newer.push(path.relative(ROOT, full));
    }
  };
  walk(path.join(ROOT, 'server', 'src'));
  if (newer.length > 0) t.diagnostic(`${BUNDLE} is older than ${newer.join(', ')}: rebuild it with \`npm run bundle:server\` if results look stale`);
}

interface Child {
  process: ChildProcess;
  client: LspTestClient;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Collect a child's stderr and exit status, and connect a test client that reports both if it dies. */
function connect(child: ChildProcess, transport: (describeClose: () => string) => LspTestClient): Child {
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const client = transport(() => `server process exit status ${child.exitCode ?? child.signalCode ?? 'unknown'}; stderr: ${stderr || '(empty)'}`);
  return { process: child, client, stderr: () => stderr, exited };
}

function spawnStdio(t: TestContext): Child {
  requireBundle(t);
  const child = spawn(process.execPath, [BUNDLE, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  return connect(child, (describe) => new LspTestClient(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!), describe));
}

function forkIpc(t: TestContext): Child {
  requireBundle(t);
  const child = fork(BUNDLE, ['--node-ipc'], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  return connect(child, (describe) => new LspTestClient(new IPCMessageReader(child), new IPCMessageWriter(child), describe));
}

/** Stop a child whatever state it is in (a failed test must not leave it running). */
async function stop(child: Child): Promise<void> {
  child.client.dispose();
  if (child.process.exitCode === null && child.process.signalCode === null) {
    child.process.kill();
    await child.exited;
  }
}

describe('the bundled server over stdio', () => {
  it('initializes, reports, hovers, clears, and exits cleanly', async (t) => {
    const child = spawnStdio(t);
    try {
      const { client } = child;
      const result = await client.initialize(PLAIN_CAPABILITIES, { processId: process.pid });
      assert.deepEqual(result, {
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

      await client.open(TEMPLATE_URI, 'yaml', MISCONFIGURED_YAML);
      const published = await client.waitForDiagnostics(TEMPLATE_URI, (p) => p.diagnostics.length > 0);
      assert.equal(published.version, 1);
      assert.deepEqual(
        published.diagnostics.map((d) => d.code),
        MISCONFIGURED_CODES,
      );
      for (const d of published.diagnostics) {
        assert.equal(d.source, 'cognito-client');
        assert.match(d.codeDescription?.href ?? '', new RegExp(`#${d.code}$`));
        assert.deepEqual((d.data as { ruleId: string }).ruleId, d.code);
      }

      // What the editor shows, read back through the real transport: each message and range.
      const flagged = positionOf(MISCONFIGURED_YAML, 'client_credentials');
      assert.deepEqual(flagged, { line: 14, character: 10 }, 'the fixture has not moved');
      for (const d of published.diagnostics) {
        assert.deepEqual(d.range, { start: flagged, end: { line: 14, character: 10 + 'client_credentials'.length } }, d.code as string);
      }
      assert.equal(
        published.diagnostics[0].message,
        'AllowedOAuthFlows combines client_credentials with code, which Cognito rejects: a client either signs users in or authenticates a machine. Remove one side, and use a second client for the other.',
      );
      assert.match(published.diagnostics[1].message as string, /^client_credentials in AllowedOAuthFlows needs a client secret, and this client has none: set GenerateSecret to true\./);
      assert.equal(published.diagnostics[0].severity, DiagnosticSeverity.Error);

      const hover = await client.hover(TEMPLATE_URI, positionOf(MISCONFIGURED_YAML, 'AllowedOAuthFlows:', 0, 3));
      assert.ok(hover, 'a hover on AllowedOAuthFlows');
      const contents = hover.contents as MarkupContent;
      assert.equal(contents.kind, 'markdown');
      assert.match(contents.value, /^\*\*AllowedOAuthFlows\*\* — /);
      assert.match(contents.value, /client_credentials/);
      assert.deepEqual(hover.range, { start: { line: 13, character: 6 }, end: { line: 13, character: 23 } });
      assert.equal(await client.hover(TEMPLATE_URI, { line: 0, character: 3 }), null, 'nothing to say on the format version');

      const completion = await client.completion(TEMPLATE_URI, { line: 15, character: 10 });
      assert.ok(completion.items.some((i) => i.label === 'implicit'), completion.items.map((i) => i.label).join(', '));

      const actions = await client.codeActions(TEMPLATE_URI, published.diagnostics[0].range, [published.diagnostics[0]]);
      assert.ok(actions.length > 0, 'quick fixes for client-credentials-exclusive');
      const quickFixes = actions.filter((a) => a.kind === 'quickfix');
      assert.ok(quickFixes.length > 0 && quickFixes.every((a) => (a.edit?.changes?.[TEMPLATE_URI]?.length ?? 0) > 0), JSON.stringify(actions));
      // The rest are the conversions of the client, which carry a server command and no edit.
      assert.ok(actions.filter((a) => a.kind !== 'quickfix').every((a) => a.kind === 'refactor.rewrite.cognito.convert' && a.command?.command === 'cognitoClient.server.convertClient' && !a.edit), JSON.stringify(actions));

      const lenses = await client.codeLenses(TEMPLATE_URI);
      assert.deepEqual(
        lenses.map((l) => l.command?.title),
        ['client_credentials + code · no secret · access 1 h · ID 1 h · refresh 30 d', `${MISCONFIGURED_CODES.length} problems`],
      );

      const count = client.publishedFor(TEMPLATE_URI).length;
      await client.close(TEMPLATE_URI);
      const cleared = await client.waitForDiagnostics(TEMPLATE_URI, () => true, { after: count });
      assert.deepEqual(cleared.diagnostics, []);

      assert.equal(await client.shutdown(), null);
      await client.exit();
      assert.equal(await child.exited, 0, 'exit after shutdown ends the process with status 0');
      assert.equal(child.stderr(), '', 'nothing on stderr');
      assert.ok(
        client.logs.every((l) => !/failed/.test(l.message)),
        client.logs.map((l) => l.message).join('\n'),
      );
    } finally {
      await stop(child);
    }
  });

  it('marks its heap for size once idle and for speed when a request comes (the memory reducer then hands pages back)', async (t) => {
    requireBundle(t);
    // A probe loaded before the bundle records the V8 flags it sets; nothing else changes.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cognito-idle-'));
    const record = path.join(dir, 'flags.txt');
    const probe = path.join(dir, 'probe.js');
    fs.writeFileSync(
      probe,
      `const v8 = require('node:v8'); const set = v8.setFlagsFromString;\nv8.setFlagsFromString = (f) => { require('node:fs').appendFileSync(${JSON.stringify(record)}, f + '\\n'); return set(f); };\n`,
    );
    const spawned = spawn(process.execPath, ['--require', probe, BUNDLE, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const child = connect(spawned, (describe) => new LspTestClient(new StreamMessageReader(spawned.stdout!), new StreamMessageWriter(spawned.stdin!), describe));
    const flags = () => (fs.existsSync(record) ? fs.readFileSync(record, 'utf8').trim().split('\n') : []).filter((f) => /optimize-for-size/.test(f));
    try {
      const { client } = child;
      await client.initialize(PLAIN_CAPABILITIES);
      await client.open(TEMPLATE_URI, 'yaml', MISCONFIGURED_YAML);
      await client.waitForDiagnostics(TEMPLATE_URI, (p) => p.diagnostics.length > 0);
      const deadline = Date.now() + IDLE_HEAP_MS + 10_000;
      while (flags().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      assert.deepEqual(flags(), ['--optimize-for-size'], 'idle: optimised for size');
      const hover = await client.hover(TEMPLATE_URI, positionOf(MISCONFIGURED_YAML, 'AllowedOAuthFlows:', 0, 3));
      assert.ok(hover, 'the request is answered');
      assert.deepEqual(flags().slice(0, 2), ['--optimize-for-size', '--no-optimize-for-size'], 'a request: optimised for speed again');
      assert.equal(await client.shutdown(), null);
      await client.exit();
      assert.equal(await child.exited, 0);
    } finally {
      await stop(child);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits when its client goes away', async (t) => {
    const child = spawnStdio(t);
    try {
      await child.client.initialize(PLAIN_CAPABILITIES);
      child.process.stdin!.end();
      assert.equal(await child.exited, 1, 'no shutdown was asked, so the status is 1');
    } finally {
      await stop(child);
    }
  });
});

describe('the bundled server over node IPC (as VS Code starts it)', () => {
  it('answers pulled diagnostics', async (t) => {
    const child = forkIpc(t);
    try {
      const { client } = child;
      const result = await client.initialize(PULL_CAPABILITIES, { processId: process.pid });
      assert.equal(result.capabilities.diagnosticProvider?.interFileDependencies, true);
      await client.open(TEMPLATE_URI, 'yaml', MISCONFIGURED_YAML);
      const report = await client.pullDiagnostics(TEMPLATE_URI);
      assert.ok(report.kind === 'full');
      assert.deepEqual(
        report.items.map((d) => d.code),
        MISCONFIGURED_CODES,
      );
      assert.equal(await client.shutdown(), null);
      await client.exit();
      assert.equal(await child.exited, 0);
    } finally {
      await stop(child);
    }
  });
});
