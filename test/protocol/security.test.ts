/**
 * The server never evaluates user text, starts no process, opens no network connection and reads
 * only what it is given, plus the sibling files of an open Terraform module (docs/threat-model.md).
 *
 * Statically: the sources import none of the modules that could (the CLI may use worker_threads,
 * nothing else), and in the shipped bundles every `require` of such a module and every `eval` comes,
 * by the source map, from a known place in a library, for a feature the server does not use.
 * Dynamically: the bundled server runs over stdio with a preload (guard-preload.ts) that makes those
 * modules' functions, `eval` and `Function` throw and records every file access, through a session
 * over every surface (CloudFormation YAML and JSON, Serverless, Terraform HCL and JSON, the SDKs in
 * TypeScript and Python, the CDK) asking for diagnostics, hover, completion, code actions, fix-all
 * and CodeLens; nothing is blocked, nothing is written, and only the package's own files and the
 * Terraform module's siblings are read.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { SourceMap } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { StreamMessageReader, StreamMessageWriter, type Diagnostic } from 'vscode-languageserver/node';
import { LspTestClient, PLAIN_CAPABILITIES } from '../support/lsp-client';
import { GUARDED_MODULES } from './guarded-modules';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const DIST = path.join(ROOT, 'dist', 'server');
const PRELOAD = path.join(__dirname, 'guard-preload.js');

/** Every TypeScript file under a folder. */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

/** The modules a source file imports or requires. */
function importsOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)) out.push(m[1].replace(/^node:/, ''));
  return out;
}

describe('security: what the code can reach', () => {
  const serverSources = sources(path.join(ROOT, 'server', 'src'));
  const cliOnly = (file: string) => file.includes(`${path.sep}cli${path.sep}`) || file.endsWith(`${path.sep}cli.ts`);

  it('no source imports a module that runs code, starts processes or talks to the network (the CLI may use worker_threads)', () => {
    const found: string[] = [];
    for (const file of serverSources) {
      for (const name of importsOf(fs.readFileSync(file, 'utf8'))) {
        if (!GUARDED_MODULES.includes(name)) continue;
        if (name === 'worker_threads' && cliOnly(file)) continue;
        found.push(`${path.relative(ROOT, file)}: ${name}`);
      }
    }
    assert.deepEqual(found, []);
    assert.ok(serverSources.length > 50, 'the sources were found');
  });

  it('no source evaluates strings as code', () => {
    const found = serverSources.filter((file) => /\beval\s*\(|\bnew\s+Function\s*\(|\bFunction\s*\(\s*['"`]|\bsetTimeout\s*\(\s*['"`]/.test(fs.readFileSync(file, 'utf8')));
    assert.deepEqual(found.map((f) => path.relative(ROOT, f)), []);
  });

  it('only the module-files host and the tree-sitter loader touch the file system in the server', () => {
    const users = serverSources.filter((file) => !cliOnly(file) && importsOf(fs.readFileSync(file, 'utf8')).includes('fs'));
    assert.deepEqual(users.map((f) => path.relative(ROOT, f)).sort(), ['server/src/module-files.ts', 'server/src/surfaces/tree-sitter.ts']);
  });

  /**
   * Where the bundles may mention those modules and `eval`: library code for features the server
   * never uses, each with why. Matched by the end of the original source path in the source map.
   */
  const ALLOWED: { bundle: string; what: string; source: string; why: string }[] = [
    { bundle: 'server.js', what: 'child_process', source: 'node_modules/vscode-languageserver/lib/node/files.js', why: "the library's module-resolution helpers (Files.resolve...), which the server never calls" },
    { bundle: 'server.js', what: 'net', source: 'node_modules/vscode-jsonrpc/lib/node/main.js', why: 'the --socket / --pipe transports, used only when the editor starts the server with them' },
    { bundle: 'server.js', what: 'eval', source: 'node_modules/@vscode/tree-sitter-wasm/wasm/tree-sitter.js', why: 'Emscripten glue for EM_ASM snippets inside the shipped wasm (it has none: never called)' },
    { bundle: 'cli.js', what: 'eval', source: 'node_modules/@vscode/tree-sitter-wasm/wasm/tree-sitter.js', why: 'the same Emscripten glue' },
  ];

  for (const bundle of ['server.js', 'cli.js']) {
    it(`dist/server/${bundle}: every require of a guarded module and every eval is a known library place`, (t) => {
      const file = path.join(DIST, bundle);
      if (!fs.existsSync(file)) return t.skip(`${file} is not built (npm test builds it)`);
      const text = fs.readFileSync(file, 'utf8');
      const map = new SourceMap(JSON.parse(fs.readFileSync(file + '.map', 'utf8')));
      const lines = text.split('\n');
      const unexpected: string[] = [];
      const seen = new Set<string>();
      for (const [i, line] of lines.entries()) {
        const hits: { what: string; column: number }[] = [];
        for (const m of line.matchAll(/\brequire\("(?:node:)?([a-z_0-9/]+)"\)/g)) if (GUARDED_MODULES.includes(m[1])) hits.push({ what: m[1], column: m.index ?? 0 });
        for (const m of line.matchAll(/\beval\(|\bnew Function\(/g)) hits.push({ what: m[0].startsWith('eval') ? 'eval' : 'Function', column: m.index ?? 0 });
        for (const hit of hits) {
          const entry = map.findEntry(i, hit.column) as { originalSource?: string };
          const source = entry.originalSource ?? '(unmapped)';
          const allowed = ALLOWED.find((a) => a.bundle === bundle && a.what === hit.what && source.endsWith(a.source));
          if (allowed) seen.add(`${hit.what} ${allowed.source}`);
          else if (!(hit.what === 'worker_threads' && bundle === 'cli.js' && !source.includes('node_modules'))) unexpected.push(`${bundle}:${i + 1} ${hit.what} from ${source}`);
        }
      }
      assert.deepEqual(unexpected, [], 'a new way to run code, start a process or reach the network: review it and docs/threat-model.md');
      // The server bundle must not use worker threads, even if the CLI does.
      if (bundle === 'server.js') assert.doesNotMatch(text, /require\("(?:node:)?worker_threads"\)/);
      t.diagnostic(`known places: ${[...seen].join('; ') || 'none'}`);
    });
  }
});

/** One document of the session, and where it is written on disk (the Terraform ones, so that siblings exist). */
interface SessionFile {
  dir: 'workspace' | 'module';
  name: string;
  languageId: string;
  /** Opened in the editor (others only sit on disk). */
  open: boolean;
  text: string;
}

const example = (rel: string) => fs.readFileSync(path.join(ROOT, 'examples', rel), 'utf8');

function sessionFiles(): SessionFile[] {
  return [
    { dir: 'workspace', name: 'web-clients.yaml', languageId: 'yaml', open: true, text: example('cloudformation/web-clients.yaml') },
    { dir: 'workspace', name: 'cdk-synth.template.json', languageId: 'json', open: true, text: example('cloudformation/cdk-synth.template.json') },
    { dir: 'workspace', name: 'serverless.yml', languageId: 'yaml', open: true, text: example('serverless/serverless.yml') },
    { dir: 'workspace', name: 'create-client.ts', languageId: 'typescript', open: true, text: example('sdk/create-client.ts') },
    { dir: 'workspace', name: 'create_client.py', languageId: 'python', open: true, text: example('sdk/create_client.py') },
    { dir: 'workspace', name: 'cdk-stack.ts', languageId: 'typescript', open: true, text: example('sdk/cdk-stack.ts') },
    // Files beside the documents that must never be read.
    { dir: 'workspace', name: 'secret.txt', languageId: 'plaintext', open: false, text: 'do not read\n' },
    { dir: 'workspace', name: 'other.yaml', languageId: 'yaml', open: false, text: 'Resources: {}\n' },
    // A Terraform module: main.tf and cdktf.tf.json open, pool.tf only on disk (a sibling, read), a note that is not Terraform (not read).
    { dir: 'module', name: 'main.tf', languageId: 'terraform', open: true, text: example('terraform/main.tf') },
    { dir: 'module', name: 'cdktf.tf.json', languageId: 'json', open: true, text: example('terraform/cdktf.tf.json') },
    { dir: 'module', name: 'pool.tf', languageId: 'terraform', open: false, text: example('terraform/pool.tf') },
    { dir: 'module', name: 'notes.txt', languageId: 'plaintext', open: false, text: 'do not read\n' },
  ];
}

describe('security: the bundled server under guard', () => {
  it('serves every surface with processes, network, eval and writes blocked, and reads only its own files and the module siblings', async (t) => {
    const bundle = path.join(DIST, 'server.js');
    assert.ok(fs.existsSync(bundle), `${bundle} is missing: npm run bundle:server`);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cognito-guard-'));
    const dirs = { workspace: path.join(tmp, 'workspace'), module: path.join(tmp, 'module') };
    for (const d of Object.values(dirs)) fs.mkdirSync(d);
    fs.mkdirSync(path.join(dirs.module, 'nested'));
    fs.writeFileSync(path.join(dirs.module, 'nested', 'deeper.tf'), 'resource "aws_cognito_user_pool" "x" {}\n');
    const files = sessionFiles();
    for (const f of files) fs.writeFileSync(path.join(dirs[f.dir], f.name), f.text);
    const log = path.join(tmp, 'guard.log');
    fs.writeFileSync(log, '');

    const child = spawn(process.execPath, ['--require', PRELOAD, bundle, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, COGNITO_GUARD_LOG: log } });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const client = new LspTestClient(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin), () => `server exit ${child.exitCode}; stderr: ${stderr}`);
    try {
      await client.initialize(PLAIN_CAPABILITIES, { processId: process.pid });
      const counts = { documents: 0, diagnostics: 0, hovers: 0, completions: 0, actions: 0, fixAll: 0, lenses: 0 };
      for (const f of files.filter((x) => x.open)) {
        const uri = pathToFileURL(path.join(dirs[f.dir], f.name)).href;
        await client.open(uri, f.languageId, f.text);
        const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
        counts.documents++;
        assert.ok(published.diagnostics.length > 0, `${f.name}: the example's mistakes are reported`);
        for (const d of published.diagnostics as Diagnostic[]) {
          counts.diagnostics++;
          if (await client.hover(uri, d.range.start)) counts.hovers++;
          if ((await client.completion(uri, d.range.end)).items.length > 0) counts.completions++;
          counts.actions += (await client.codeActions(uri, d.range, [d])).length;
        }
        counts.fixAll += (await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll.cognitoClient'])).length;
        const lenses = await client.codeLenses(uri);
        assert.ok(lenses.length > 0, `${f.name}: CodeLens above its clients`);
        counts.lenses += lenses.length;
      }
      t.diagnostic(JSON.stringify(counts));
      assert.ok(counts.hovers > 0 && counts.completions > 0 && counts.actions > 0 && counts.fixAll > 0, JSON.stringify(counts));
      assert.equal(await client.shutdown(), null);
      await client.exit();
      assert.equal(await exited, 0, stderr);
    } finally {
      client.dispose();
      if (child.exitCode === null && child.signalCode === null) {
        child.kill();
        await exited;
      }
    }

    const entries = fs
      .readFileSync(log, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { blocked?: string; op?: string; path?: string });
    fs.rmSync(tmp, { recursive: true, force: true });
    assert.deepEqual(entries.filter((e) => e.blocked).map((e) => e.blocked), [], 'nothing blocked was attempted');
    assert.deepEqual(entries.filter((e) => e.op === 'write'), [], 'nothing written');
    const outside: string[] = [];
    const siblings = new Set(['pool.tf', 'main.tf', 'cdktf.tf.json'].map((n) => path.join(dirs.module, n)));
    for (const e of entries) {
      const p = e.path ?? '';
      if (e.op === 'list' && p === dirs.module) continue; // the Terraform module's directory, for its siblings
      if (e.op === 'read' && siblings.has(p)) continue;
      if (e.op === 'read' && p.startsWith(DIST + path.sep)) continue; // the package's own files: the bundle (read by Node to load it) and the grammars
      if (e.op === 'read' && p.includes(`${path.sep}node_modules${path.sep}`) && p.endsWith('.wasm')) continue; // the grammars, when not copied beside the bundle
      outside.push(`${e.op} ${p}`);
    }
    assert.deepEqual(outside, [], 'only the package files and the Terraform module siblings are read');
    assert.ok(entries.some((e) => e.op === 'read' && e.path === path.join(dirs.module, 'pool.tf')), 'the sibling on disk was read (the guard sees reads)');
    assert.equal(stderr, '', 'nothing on stderr');
  });
});

describe('security: the guard itself (a control, so the session above cannot pass by seeing nothing)', () => {
  const probe = (code: string) => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cognito-guard-probe-'));
    const log = path.join(tmp, 'guard.log');
    fs.writeFileSync(log, '');
    const base: NodeJS.ProcessEnv = { ...process.env, COGNITO_GUARD_LOG: log };
    delete base.NODE_TEST_CONTEXT;
    const r = spawnSync(process.execPath, ['--require', PRELOAD, '-e', code], { encoding: 'utf8', env: base });
    const entries = fs.readFileSync(log, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, string>);
    fs.rmSync(tmp, { recursive: true, force: true });
    return { status: r.status, stderr: r.stderr, entries };
  };

  it('blocks and records a process, a connection, eval, Function and a write; records a read', () => {
    for (const [code, blocked] of [
      ["require('child_process').execSync('true')", 'child_process.execSync'],
      ["require('node:net').connect(80, 'example.com')", 'net.connect'],
      ["require('https').get('https://example.com')", 'https.get'],
      ["require('vm').runInThisContext('1')", 'vm.runInThisContext'],
      ["eval('1 + 1')", 'eval'],
      ["new Function('return 1')()", 'Function'],
    ]) {
      const r = probe(code);
      assert.notEqual(r.status, 0, code);
      assert.deepEqual(r.entries.map((e) => e.blocked), [blocked], code);
    }
    const write = probe("require('fs').writeFileSync('/tmp/cognito-guard-never', 'x')");
    assert.notEqual(write.status, 0);
    assert.deepEqual(write.entries, [{ op: 'write', path: '/tmp/cognito-guard-never' }]);
    assert.ok(!fs.existsSync('/tmp/cognito-guard-never'));
    const read = probe(`require('fs').readFileSync(${JSON.stringify(path.join(ROOT, 'package.json'))})`);
    assert.equal(read.status, 0, read.stderr);
    // (readFileSync opens the file through fs.openSync, so the read may be recorded twice.)
    assert.ok(read.entries.length > 0 && read.entries.every((e) => e.op === 'read' && e.path === path.join(ROOT, 'package.json')), JSON.stringify(read.entries));
  });
});
