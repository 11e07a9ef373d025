/**
 * Typing sessions against the real server, in-process and over stdio (the shipped bundle): whole
 * clients of every surface typed one character at a time, completion asked at every step and code
 * actions now and then. No request fails, every answer comes within the budget, and the
 * diagnostics published last are those of the final text. Then the server under abuse: 1,000 rapid
 * changes, a close during analysis, unknown documents and positions past the end, cancelled
 * requests, and 1,000 open/close cycles of a large document with the heap back near its start.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { CancellationTokenSource, HoverRequest, StreamMessageReader, StreamMessageWriter, type Diagnostic, type Position } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { toDiagnostics, unreadDiagnostics } from '../../server/src/features/diagnostics';
import { analyse, prepareDocument } from '../../server/src/service';
import { Rng } from '../fuzz/mutate';
import { LspTestClient, PLAIN_CAPABILITIES } from '../support/lsp-client';
import { withSession } from './session';

/** One answer's budget (the "every answer within 1 s"). */
const BUDGET_MS = 1000;

/** A small client of each surface, each with at least one finding. */
export const TYPED_CLIENTS: { uri: string; languageId: string; text: string }[] = [
  {
    uri: 'file:///typing/template.yaml',
    languageId: 'yaml',
    text: 'Resources:\n  Client:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: !Ref Pool\n      AllowedOAuthFlows: [implicit]\n      CallbackURLs: [http://example.com/cb]\n',
  },
  {
    uri: 'file:///typing/template.json',
    languageId: 'json',
    text: '{\n  "Resources": {\n    "Client": {\n      "Type": "AWS::Cognito::UserPoolClient",\n      "Properties": {\n        "UserPoolId": "eu-west-1_abc",\n        "AllowedOAuthFlows": ["implicit"],\n        "RefreshTokenValidity": 0\n      }\n    }\n  }\n}\n',
  },
  {
    uri: 'file:///typing/main.tf',
    languageId: 'terraform',
    text: 'resource "aws_cognito_user_pool_client" "c" {\n  name         = "c"\n  user_pool_id = "p"\n  allowed_oauth_flows = ["implicit"]\n  callback_urls = ["http://example.com/cb"]\n}\n',
  },
  {
    uri: 'file:///typing/main.tf.json',
    languageId: 'json',
    text: '{\n  "resource": {\n    "aws_cognito_user_pool_client": {\n      "c": {\n        "name": "c",\n        "user_pool_id": "p",\n        "refresh_token_validity": 0\n      }\n    }\n  }\n}\n',
  },
  {
    uri: 'file:///typing/create.ts',
    languageId: 'typescript',
    text: "import { CreateUserPoolClientCommand } from '@aws-sdk/client-cognito-identity-provider';\nawait client.send(new CreateUserPoolClientCommand({ UserPoolId: 'eu-west-1_abc', ClientName: 'c', RefreshTokenValidity: 0 }));\n",
  },
  {
    uri: 'file:///typing/stack.ts',
    languageId: 'typescript',
    text: "import * as cognito from 'aws-cdk-lib/aws-cognito';\nnew cognito.UserPoolClient(this, 'Client', { userPool: pool, preventUserExistenceErrors: false });\n",
  },
  {
    uri: 'file:///typing/create.py',
    languageId: 'python',
    text: "import boto3\nclient = boto3.client('cognito-idp')\nclient.create_user_pool_client(UserPoolId='eu-west-1_abc', ClientName='c', RefreshTokenValidity=0)\n",
  },
];

/** What the server should publish for a text: the engine's diagnostics, by code and range. */
function expectedDiagnostics(uri: string, languageId: string, text: string): string[] {
  const document = TextDocument.create(uri, languageId, 1, text);
  const analysis = analyse({ uri, languageId, text });
  if (!analysis) return [];
  return summary([...unreadDiagnostics(document, analysis.model), ...toDiagnostics(document, analysis.findings)]);
}

function summary(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${String(d.code)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`).sort();
}

async function timed<T>(what: string, request: Promise<T>, slow: string[]): Promise<T> {
  const t0 = performance.now();
  const value = await request;
  const ms = performance.now() - t0;
  if (ms > BUDGET_MS) slow.push(`${what}: ${Math.round(ms)} ms`);
  return value;
}

/**
 * Type `text` into `uri` one character at a time (incremental changes), asking for completion at
 * each step and for code actions at random; then wait for the final version's diagnostics.
 */
async function typeDocument(client: LspTestClient, uri: string, languageId: string, text: string, rng: Rng): Promise<{ steps: number; maxMs: number; slow: string[] }> {
  const slow: string[] = [];
  let maxMs = 0;
  await client.open(uri, languageId, '', 1);
  let typed = TextDocument.create(uri, languageId, 1, '');
  let version = 1;
  for (const char of text) {
    const at = typed.positionAt(typed.getText().length);
    version++;
    const change = { range: { start: at, end: at }, text: char };
    await client.change(uri, version, [change]);
    typed = TextDocument.update(typed, [change], version);
    const caret: Position = typed.positionAt(typed.getText().length);
    const t0 = performance.now();
    const list = await timed(`completion at version ${version}`, client.completion(uri, caret), slow);
    maxMs = Math.max(maxMs, performance.now() - t0);
    assert.ok(Array.isArray(list.items));
    if (rng.chance(0.08)) {
      const shown = client.publishedFor(uri).at(-1)?.diagnostics ?? [];
      const t1 = performance.now();
      const actions = await timed(`code actions at version ${version}`, client.codeActions(uri, { start: { line: 0, character: 0 }, end: caret }, shown), slow);
      maxMs = Math.max(maxMs, performance.now() - t1);
      assert.ok(Array.isArray(actions));
    }
    if (rng.chance(0.05)) {
      const t2 = performance.now();
      await timed(`hover at version ${version}`, client.hover(uri, typed.positionAt(rng.int(typed.getText().length + 1))), slow);
      maxMs = Math.max(maxMs, performance.now() - t2);
    }
  }
  assert.equal(typed.getText(), text);
  // Never stale: the last publication is for the final version, with the final text's diagnostics.
  await client.waitForDiagnostics(uri, (p) => p.version === version, { timeoutMs: 20_000 });
  await new Promise((resolve) => setTimeout(resolve, 300)); // anything late would arrive now
  const last = client.publishedFor(uri).at(-1)!;
  assert.equal(last.version, version, `${uri}: the last publication is for version ${last.version}, not the final ${version}`);
  const expected = expectedDiagnostics(uri, languageId, text);
  assert.ok(expected.length > 0, `${uri}: the typed client has findings (the comparison means something)`);
  assert.deepEqual(summary(last.diagnostics), expected, uri);
  return { steps: version - 1, maxMs, slow };
}

/** Load the grammars in this process too (for the expected diagnostics). */
async function prepareAll(): Promise<void> {
  for (const c of TYPED_CLIENTS) await prepareDocument(c);
}

/** The large template the tests open and close: 100 clients, ~30 KB. */
function largeTemplate(): string {
  let text = 'Resources:\n';
  for (let i = 0; i < 100; i++) {
    text += `  Client${i}:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: !Ref Pool\n      ClientName: client-${i}\n      AllowedOAuthFlows: [code]\n      AllowedOAuthScopes: [openid]\n      CallbackURLs: [https://example.com/${i}]\n`;
  }
  return text;
}

describe('typing sessions, in-process', () => {
  for (const c of TYPED_CLIENTS) {
    it(`types ${path.basename(c.uri)} character by character: every request answered in time, the last diagnostics are the final text's`, async () => {
      await prepareAll();
      await withSession(PLAIN_CAPABILITIES, async ({ client }) => {
        const r = await typeDocument(client, c.uri, c.languageId, c.text, new Rng(c.text.length));
        assert.deepEqual(r.slow, [], `over ${BUDGET_MS} ms: ${r.slow.join('; ')}`);
        assert.ok(r.steps === [...c.text].length);
      });
    });
  }
});

describe('the server under abuse, in-process', () => {
  it('takes 1,000 rapid changes and publishes the last version only, with its diagnostics', async () => {
    await withSession(PLAIN_CAPABILITIES, async ({ client }) => {
      const uri = 'file:///abuse/rapid.yaml';
      const base = TYPED_CLIENTS[0].text;
      await client.open(uri, 'yaml', base, 1);
      const sends: Promise<void>[] = [];
      for (let v = 2; v <= 1001; v++) sends.push(client.replace(uri, v, v % 2 === 0 ? base.replace('implicit', 'code') : base));
      await Promise.all(sends);
      await client.waitForDiagnostics(uri, (p) => p.version === 1001, { timeoutMs: 20_000 });
      await new Promise((resolve) => setTimeout(resolve, 400));
      const published = client.publishedFor(uri);
      assert.equal(published.at(-1)!.version, 1001);
      assert.deepEqual(summary(published.at(-1)!.diagnostics), expectedDiagnostics(uri, 'yaml', base));
      // Debounced: far fewer publications than changes, and never an older version after a newer one.
      assert.ok(published.length < 20, `${published.length} publications`);
      const versions = published.map((p) => p.version ?? 0);
      assert.deepEqual(versions, [...versions].sort((a, b) => a - b));
    });
  });

  it('publishes nothing for a document closed while it is analysed, after the empty list that clears it', async () => {
    await withSession(PLAIN_CAPABILITIES, async ({ client }) => {
      const uri = 'file:///abuse/closing.yaml';
      const large = largeTemplate();
      await client.open(uri, 'yaml', large, 1);
      await client.replace(uri, 2, large + '\n');
      // The close arrives while the first (undebounced) analysis runs or is queued.
      await client.close(uri);
      await client.waitFor('the clearing publication', () => client.publishedFor(uri).find((p) => p.diagnostics.length === 0 && p.version === undefined));
      await new Promise((resolve) => setTimeout(resolve, 600)); // debounce (200 ms) and more
      const published = client.publishedFor(uri);
      const clearing = published.findIndex((p) => p.diagnostics.length === 0 && p.version === undefined);
      assert.equal(clearing, published.length - 1, `published after the close: ${JSON.stringify(published.slice(clearing + 1).map((p) => p.version))}`);
    });
  });

  it('answers requests for unknown documents and positions past the end with nothing, not an error', async () => {
    await withSession(PLAIN_CAPABILITIES, async ({ client }) => {
      const unknown = 'file:///abuse/never-opened.yaml';
      assert.equal(await client.hover(unknown, { line: 0, character: 0 }), null);
      assert.deepEqual((await client.completion(unknown, { line: 3, character: 4 })).items, []);
      assert.deepEqual(await client.codeActions(unknown, { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } }, []), []);
      assert.deepEqual(await client.codeLenses(unknown), []);
      for (const c of TYPED_CLIENTS) {
        await client.open(c.uri, c.languageId, c.text);
        const lines = c.text.split('\n').length;
        for (const position of [{ line: lines + 50, character: 0 }, { line: 0, character: 10_000 }, { line: 1_000_000, character: 1_000_000 }]) {
          await client.hover(c.uri, position);
          assert.ok(Array.isArray((await client.completion(c.uri, position)).items));
          assert.ok(Array.isArray(await client.codeActions(c.uri, { start: position, end: position }, [])));
        }
      }
      // Still serving: every document opened gets its diagnostics.
      for (const c of TYPED_CLIENTS) await client.waitForDiagnostics(c.uri, (p) => p.diagnostics.length > 0, { timeoutMs: 20_000 });
      // Opening main.tf beside main.tf.json re-checks the other after the debounce: let it finish
      // before the session closes, or its publication meets a disposed connection.
      await new Promise((resolve) => setTimeout(resolve, 1000));
    });
  });

  it('survives cancelled requests and keeps answering', async () => {
    await withSession(PLAIN_CAPABILITIES, async ({ client }) => {
      const { uri, languageId, text } = TYPED_CLIENTS[0];
      await client.open(uri, languageId, text);
      const settled: Promise<unknown>[] = [];
      for (let i = 0; i < 50; i++) {
        const source = new CancellationTokenSource();
        settled.push(client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 5, character: 8 } }, source.token).catch((error: unknown) => error));
        source.cancel();
      }
      // Each settles (an answer, or a cancellation error), none hangs.
      const results = await Promise.all(settled);
      for (const r of results) assert.ok(r === null || typeof r === 'object');
      assert.ok(await client.hover(uri, { line: 5, character: 8 }), 'a hover after the cancellations is answered');
    });
  });

  it('gives the heap back after 1,000 open/close cycles of a large document', async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    await withSession(PLAIN_CAPABILITIES, async ({ client }) => {
      const uri = 'file:///abuse/large.yaml';
      const large = largeTemplate();
      const cycle = async () => {
        await client.open(uri, 'yaml', large);
        assert.ok(await client.hover(uri, { line: 5, character: 8 })); // analysed
        await client.close(uri);
        // The test client keeps every publication; in-process, that would count as the server's.
        client.published.length = 0;
        client.logs.length = 0;
      };
      for (let i = 0; i < 30; i++) await cycle();
      await new Promise((resolve) => setTimeout(resolve, 50));
      gc();
      const start = process.memoryUsage().heapUsed;
      for (let i = 0; i < 1000; i++) await cycle();
      await new Promise((resolve) => setTimeout(resolve, 50));
      gc();
      const end = process.memoryUsage().heapUsed;
      // One analysis of this document holds several MB: keeping even a few would show.
      const growthMb = (end - start) / 1024 / 1024;
      assert.ok(growthMb < 16, `heap grew ${growthMb.toFixed(1)} MB over 1,000 cycles (${(start / 1048576).toFixed(0)} -> ${(end / 1048576).toFixed(0)} MB)`);
    });
  });
});

/** The repository root: compiled tests run from out/test/protocol. */
const BUNDLE = path.resolve(__dirname, '..', '..', '..', 'dist', 'server', 'server.js');

describe('typing sessions over stdio (the shipped bundle)', () => {
  it('types a client of every surface character by character: every request answered in time, the last diagnostics are the final text\'s', async () => {
    assert.ok(fs.existsSync(BUNDLE), `${BUNDLE} is missing: build it first`);
    await prepareAll();
    const child = spawn(process.execPath, [BUNDLE, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const client = new LspTestClient(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin), () => `stderr: ${stderr}`);
    try {
      await client.initialize(PLAIN_CAPABILITIES);
      const slow: string[] = [];
      for (const c of TYPED_CLIENTS) slow.push(...(await typeDocument(client, c.uri, c.languageId, c.text, new Rng(c.text.length + 1))).slow);
      assert.deepEqual(slow, [], `over ${BUDGET_MS} ms: ${slow.join('; ')}`);
      assert.equal(client.logs.filter((l) => l.type === 1).length, 0, `errors logged: ${client.logs.map((l) => l.message).join('\n')}`);
      await client.shutdown();
      await client.exit();
    } finally {
      client.dispose();
      if (child.exitCode === null) child.kill();
    }
  });
});
