/**
 * The CLI as a function (`runCli`), in process with captured output: the wiring of arguments,
 * collection, formats, summary and exit statuses without the bundle.
 */
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { EXIT_FAILURE, EXIT_FINDINGS, EXIT_OK, isKnownRule, runCli } from '../../server/src/cli/main';
import { CLI_VERSION } from '../../server/src/cli/version';

const fixtures = resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'cli');

function cli(...argv: string[]): { status: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const status = runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: fixtures });
  return { status, stdout, stderr };
}

describe('runCli', () => {
  it('exits 1 with findings, text on stdout and the summary on stderr', () => {
    const r = cli('project/templates/auth.yaml');
    assert.equal(r.status, EXIT_FINDINGS);
    assert.match(r.stdout, /^project\/templates\/auth\.yaml:26:55 error redirect-uri-insecure /m);
    assert.equal(r.stderr, '1 error, 1 warning, 0 info in 1 file (2 clients)\n');
  });

  it('exits 0 on a clean file and prints JSON with no summary', () => {
    const r = cli('--format', 'json', 'project/clean.yml');
    assert.equal(r.status, EXIT_OK);
    assert.equal(r.stderr, '');
    const report = JSON.parse(r.stdout);
    assert.deepEqual(report.files.map((f: { path: string }) => f.path), ['project/clean.yml']);
    assert.deepEqual(report.files[0].diagnostics, []);
  });

  it('exits 2 with one line and no stdout for a missing path or bad arguments', () => {
    assert.deepEqual(cli('nope.yaml'), { status: EXIT_FAILURE, stdout: '', stderr: 'cognito-client-lint: no such file or directory: nope.yaml\n' });
    assert.deepEqual(cli('--format', 'html', '.'), { status: EXIT_FAILURE, stdout: '', stderr: 'cognito-client-lint: unknown format "html" (expected text, json, sarif, github or junit)\n' });
  });

  it('answers --version and --help', () => {
    assert.deepEqual(cli('--version'), { status: EXIT_OK, stdout: `${CLI_VERSION}\n`, stderr: '' });
    assert.match(cli('--help').stdout, /Exit status:/);
  });

  it('accepts the engine rule ids and syntax-error for --rule, and nothing else', () => {
    assert.ok(isKnownRule('redirect-uri-insecure'));
    assert.ok(isKnownRule('syntax-error'));
    assert.ok(!isKnownRule('file-skipped'));
    assert.ok(!isKnownRule('no-such-rule'));
    const r = cli('--rule', 'syntax-error=warning', '--format', 'json', 'broken.yaml');
    assert.equal(r.status, EXIT_OK);
    const [d] = JSON.parse(r.stdout).files[0].diagnostics;
    assert.deepEqual([d.rule, d.severity], ['syntax-error', 'warning']);
    const off = cli('--rule', 'syntax-error=off', '--format', 'json', 'broken.yaml');
    assert.deepEqual(JSON.parse(off.stdout).files[0].diagnostics, []);
  });

  it('reports a throwing output sink as an internal error, exit 2, never an exception', () => {
    let stderr = '';
    const status = runCli(['project/clean.yml'], {
      stdout: () => {
        throw new Error('disk full');
      },
      stderr: (t) => (stderr += t),
      cwd: fixtures,
    });
    assert.equal(status, EXIT_FAILURE);
    assert.equal(stderr, 'cognito-client-lint: internal error: disk full\n');
  });
});
