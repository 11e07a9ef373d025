/**
 * The same hostile set through the CLI (the shipped bundle, as a process) and the language server
 * (in-process): an alias bomb, 20,000-deep nesting, a 12 MB template, binary noise and invalid
 * UTF-8 under every supported file ending, a symbolic link that loops and a file without read
 * permission. Generated in a temporary folder. Neither may crash or hang: the CLI reports every
 * file (skipped ones as `file-skipped`, saying why) and exits 2 as its documentation says for files
 * it could not check; the server answers every request and says why it skipped a document.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import { EXIT_FAILURE } from '../../server/src/cli/main';
import { languageIdForPath, surfaces } from '../../server/src/surfaces';
import { PLAIN_CAPABILITIES } from '../support/lsp-client';
import { withSession } from '../protocol/session';
import { Rng } from '../fuzz/mutate';

const CLI = resolve(__dirname, '..', '..', '..', 'dist', 'server', 'cli.js');
const CLIENT = 'Resources:\n  Client:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: !Ref Pool\n      RefreshTokenValidity: 0\n';

/** Every file ending a surface reads. */
const SUFFIXES = [...new Set(surfaces.flatMap((s) => s.files.map((f) => f.suffix)))];

function aliasBomb(): string {
  let text = 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  for (let i = 1; i < 12; i++) text += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(',')}]\n`;
  // 10^12 strings if expanded; referenced where the reader looks, and merged into a mapping too.
  return `${text}m0: &m0 {k: *a11, l: *a11}\n${CLIENT}      CallbackURLs: *a11\n      ReadAttributes: [*a11, *a10]\n  Other:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      <<: *m0\n      UserPoolId: !Ref Pool\n`;
}

function twelveMegabytes(): string {
  let text = 'Resources:\n';
  const block = (i: number) => `  Client${i}:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: !Ref Pool\n      ClientName: c${i}\n      RefreshTokenValidity: 0\n`;
  for (let i = 0; text.length < 12 * 1024 * 1024; i++) text += block(i);
  return text;
}

function noise(rng: Rng, size: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = rng.int(256);
  return bytes;
}

/** Text that is not UTF-8 (lone continuation bytes, an overlong form, a Latin-1 é) but has no NUL. */
function invalidUtf8(): Buffer {
  return Buffer.concat([Buffer.from(CLIENT), Buffer.from([0x80, 0xbf, 0xc0, 0xaf, 0xe9, 0x0a, 0xed, 0xa0, 0x80, 0x0a])]);
}

interface Hostile {
  name: string;
  content: Buffer | string;
}

function hostileSet(): Hostile[] {
  const rng = new Rng(12);
  const set: Hostile[] = [
    { name: 'alias-bomb.yaml', content: aliasBomb() },
    { name: 'deep.json', content: `{"Resources": ${'['.repeat(20_000)}${']'.repeat(20_000)}}` },
    { name: 'deep-flow.yaml', content: `${CLIENT}Other: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n` },
    { name: 'deep-block.yaml', content: Array.from({ length: 20_000 }, (_, d) => `${' '.repeat(d)}k${d}:`).join('\n') + '\n' },
    { name: 'deep.tf.json', content: `{"resource": ${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}` },
    { name: 'deep.tf', content: `locals {\n  x = ${'['.repeat(20_000)}${']'.repeat(20_000)}\n}\n` },
    { name: 'deep.ts', content: `const x = ${'('.repeat(20_000)}1${')'.repeat(20_000)};\n` },
    { name: 'deep.py', content: `x = ${'['.repeat(20_000)}${']'.repeat(20_000)}\n` },
    { name: 'huge.yaml', content: twelveMegabytes() },
  ];
  for (const suffix of SUFFIXES) {
    set.push({ name: `noise${suffix}`, content: noise(rng, 64 * 1024) });
    set.push({ name: `invalid-utf8${suffix}`, content: invalidUtf8() });
  }
  return set;
}

const dirs: string[] = [];
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cognito-hostile-'));
  dirs.push(dir);
  for (const h of hostileSet()) writeFileSync(join(dir, h.name), h.content);
  writeFileSync(join(dir, 'good.yaml'), CLIENT);
  symlinkSync('loop.yaml', join(dir, 'loop.yaml'));
  writeFileSync(join(dir, 'locked.yaml'), CLIENT);
  chmodSync(join(dir, 'locked.yaml'), 0o000);
  return dir;
}

describe('the hostile set through the CLI', () => {
  it('reports every file, says why each skipped one was skipped, finishes in time and exits 2', () => {
    assert.ok(existsSync(CLI), `${CLI} is missing: build it first`);
    const dir = scratch();
    const started = Date.now();
    const r = spawnSync(process.execPath, [CLI, '--format', 'json', '.'], { cwd: dir, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
    const seconds = (Date.now() - started) / 1000;
    assert.equal(r.signal, null, `the CLI was killed after ${seconds} s (hung?); stderr: ${r.stderr}`);
    assert.equal(r.status, EXIT_FAILURE, r.stderr);
    const report = JSON.parse(r.stdout) as { files: { path: string; diagnostics: { rule: string; severity: string; message: string }[]; clients: unknown[] }[] };
    const byPath = new Map(report.files.map((f) => [f.path, f]));
    const skippedWhy = (path: string) => byPath.get(path)?.diagnostics.find((d) => d.rule === 'file-skipped')?.message;

    // Every hostile file is in the report.
    for (const h of hostileSet()) assert.ok(byPath.has(h.name), `${h.name} is reported`);
    assert.match(skippedWhy('huge.yaml') ?? '', /over the .* limit \(raise it with --max-file-size\)/);
    assert.match(skippedWhy('loop.yaml') ?? '', /too many levels of symbolic links/);
    for (const suffix of SUFFIXES) {
      assert.match(skippedWhy(`noise${suffix}`) ?? '', /binary|not valid UTF-8/, `noise${suffix}`);
      assert.match(skippedWhy(`invalid-utf8${suffix}`) ?? '', /not valid UTF-8/, `invalid-utf8${suffix}`);
    }
    // The alias bomb is read (aliases are never expanded) and its client checked.
    assert.equal(byPath.get('alias-bomb.yaml')?.clients.length, 2);
    assert.ok(byPath.get('alias-bomb.yaml')!.diagnostics.some((d) => d.rule === 'refresh-token-validity-zero'));
    // The nesting blanked or cut, the client beside it still checked.
    assert.ok(byPath.get('deep-flow.yaml')!.diagnostics.some((d) => d.rule === 'refresh-token-validity-zero'));
    // Root reads a file without read permission; anyone else gets it skipped as unreadable.
    if (process.getuid?.() !== 0) assert.match(skippedWhy('locked.yaml') ?? '', /unreadable \(permission denied\)/);
    assert.ok(byPath.get('good.yaml')!.diagnostics.some((d) => d.rule === 'refresh-token-validity-zero'), 'the good file beside them is checked');
    assert.ok(seconds < 60, `took ${seconds} s`);
  });
});

describe('the parse time-out', () => {
  it('--parse-timeout gives up a long parse and reports the file as not checked (exit 2)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cognito-timeout-'));
    dirs.push(dir);
    let tf = '';
    for (let i = 0; i < 300; i++) tf += `resource "aws_cognito_user_pool_client" "c${i}" {\n  name = "c${i}"\n  user_pool_id = "p"\n  refresh_token_validity = 0\n}\n`;
    writeFileSync(join(dir, 'main.tf'), tf);
    const quick = spawnSync(process.execPath, [CLI, '--format', 'json', '--parse-timeout', '1', 'main.tf'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    assert.equal(quick.status, EXIT_FAILURE, quick.stderr);
    const skipped = JSON.parse(quick.stdout).files[0].diagnostics;
    assert.deepEqual(skipped.map((d: { rule: string }) => d.rule), ['file-skipped']);
    assert.match(skipped[0].message, /took too long/);
  });
});

describe('the hostile set through the language server', () => {
  it('answers every document and request, with one information diagnostic for each skipped document', async () => {
    const dir = scratch();
    await withSession(PLAIN_CAPABILITIES, async ({ client }) => {
      const documents = hostileSet().map((h) => ({ uri: `file://${join(dir, h.name)}`, languageId: languageIdForPath(h.name) ?? 'plaintext', text: readFileSync(join(dir, h.name)).toString('utf8') }));
      for (const d of documents) {
        await client.open(d.uri, d.languageId, d.text);
        const started = Date.now();
        const published = await client.waitForDiagnostics(d.uri, () => true, { timeoutMs: 30_000 });
        await client.hover(d.uri, { line: 0, character: 3 });
        await client.completion(d.uri, { line: 1, character: 2 });
        await client.codeActions(d.uri, { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } }, published.diagnostics);
        await client.codeLenses(d.uri);
        await client.hover(d.uri, { line: 100_000, character: 5 });
        assert.ok(Date.now() - started < 30_000, d.uri);
        const skipped = published.diagnostics.filter((x) => x.code === 'file-skipped');
        if (d.text.length > 1024 * 1024) {
          assert.equal(published.diagnostics.length, 1, d.uri);
          assert.equal(skipped[0].severity, DiagnosticSeverity.Information);
          assert.match(String(skipped[0].message), /over the 1024 KB limit/);
        } else if (d.text.includes('\u0000')) {
          assert.equal(published.diagnostics.length, 1, d.uri);
          assert.match(String(skipped[0].message), /looks binary/);
        }
      }
      const bomb = client.publishedFor(documents[0].uri).at(-1)!;
      assert.ok(bomb.diagnostics.some((x) => x.code === 'refresh-token-validity-zero'), 'the alias bomb is read and checked');
      // Nothing failed inside the server (handlers log failures as errors).
      assert.deepEqual(client.logs.filter((l) => l.type === 1).map((l) => l.message), []);
    });
  });
});
