/**
 * What the CLI promises about files it cannot fully read, in process on scratch files: `--fix`
 * changes only the bytes of its edits (and never writes a file that is not UTF-8); an unreadable
 * file or directory is reported as `file-skipped`, the others are still checked and printed, and
 * the run exits 2. Tests run as root, where `chmod 000` reads fine, so unreadable paths come from
 * a file system whose calls fail for chosen paths (`CliIo.fs`).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { nodeFileSystem, type CliFileSystem } from '../../server/src/cli/fs';
import { EXIT_FAILURE, EXIT_FINDINGS, runCli, type CliIo } from '../../server/src/cli/main';

const temps: string[] = [];
after(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** A scratch directory holding `files` (relative path → bytes). */
function scratch(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cognito-trust-'));
  temps.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

function cli(cwd: string, argv: string[], fs?: CliFileSystem): Run {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd };
  if (fs) io.fs = fs;
  const status = runCli(argv, io);
  return { status, stdout, stderr };
}

/** The bytes before and after an edit: the common prefix and suffix, and the two middles. */
function byteChange(before: Buffer, after: Buffer): { prefix: number; suffix: number; removed: string; inserted: string } {
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < before.length - prefix && suffix < after.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  return {
    prefix,
    suffix,
    removed: before.subarray(prefix, before.length - suffix).toString('latin1'),
    inserted: after.subarray(prefix, after.length - suffix).toString('latin1'),
  };
}

const CLIENT_HEAD = 'Resources:\n  Web:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: eu-west-1_abc\n';

describe('--fix writes only the bytes of its edits', () => {
  it('skips a file that is not UTF-8 (a Latin-1 é), never writes it, prints no diff, and exits 2', () => {
    const latin1 = Buffer.concat([Buffer.from(CLIENT_HEAD + '      ClientName: caf'), Buffer.from([0xe9]), Buffer.from('\n      EnableTokenRevocation: false\n')]);
    const dir = scratch({ 'latin1.yaml': latin1 });
    for (const mode of ['--fix', '--fix-dry-run', '--no-fix']) {
      const argv = mode === '--no-fix' ? ['--format', 'json', 'latin1.yaml'] : mode === '--fix' ? [mode, '--format', 'json', 'latin1.yaml'] : [mode, 'latin1.yaml'];
      const r = cli(dir, argv);
      assert.ok(readFileSync(join(dir, 'latin1.yaml')).equals(latin1), `${mode}: the file is byte for byte as it was`);
      assert.equal(r.status, EXIT_FAILURE, `${mode}: ${r.stderr}`);
      assert.doesNotMatch(r.stdout, /^--- a\//m, `${mode}: no diff`);
      assert.doesNotMatch(r.stdout, /\ufffd/, `${mode}: no replacement character anywhere`);
      const report = mode === '--fix-dry-run' ? undefined : JSON.parse(r.stdout);
      if (report) {
        assert.equal(report.files.length, 1);
        assert.deepEqual(report.files[0].clients, []);
        assert.deepEqual(
          report.files[0].diagnostics.map((d: { rule: string; severity: string; message: string }) => [d.rule, d.severity, d.message]),
          [['file-skipped', 'info', 'Not checked: not valid UTF-8 (byte 0xE9 on line 6); save it as UTF-8 to have it checked.']],
        );
      }
      assert.match(r.stderr, /could not check latin1\.yaml: not valid UTF-8/);
    }
  });

  it('keeps a BOM, mixed CRLF and LF, trailing spaces, non-ASCII text and a missing final newline byte for byte', () => {
    const original = Buffer.from(
      '\ufeff# café ✓ 🔐  \r\n' + CLIENT_HEAD.replace(/\n/g, '\r\n').replace(/\r\n$/, '\n') + '      ClientName: "naïve ✓"   \r\n      PreventUserExistenceErrors: ENABLED\r\n      EnableTokenRevocation: false',
      'utf8',
    );
    const dir = scratch({ 'bytes.yaml': original });
    const r = cli(dir, ['--fix', 'bytes.yaml']);
    assert.equal(r.stderr.split('\n')[0], 'fixed 1 problem in 1 file');
    const written = readFileSync(join(dir, 'bytes.yaml'));
    const change = byteChange(original, written);
    assert.deepEqual([change.removed, change.inserted], ['fals', 'tru'], 'the edit turns false into true, and nothing else changes');
    assert.ok(written.subarray(0, change.prefix).equals(original.subarray(0, change.prefix)));
    assert.ok(written.subarray(written.length - change.suffix).equals(original.subarray(original.length - change.suffix)));
  });
});

/** A file system where reading `files` and listing `directories` fail with EACCES (by base name). */
function failingFs(files: string[], directories: string[]): CliFileSystem {
  const denied = (path: string): never => {
    throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' });
  };
  return {
    ...nodeFileSystem,
    readFileSync: (path) => (files.includes(basename(path)) ? denied(path) : nodeFileSystem.readFileSync(path)),
    readdirSync: (path) => (directories.includes(basename(path)) ? denied(path) : nodeFileSystem.readdirSync(path)),
  };
}

describe('unreadable paths', () => {
  const files = {
    'good.yaml': CLIENT_HEAD + '      AccessTokenValidity: 60\n',
    'secret.yaml': CLIENT_HEAD,
    'locked/inner.yaml': CLIENT_HEAD,
    'z/last.yaml': CLIENT_HEAD + '      AccessTokenValidity: 60\n',
  };
  const fs = failingFs(['secret.yaml'], ['locked']);

  it('reports an unreadable file named on the command line as file-skipped and exits 2', () => {
    const dir = scratch(files);
    const r = cli(dir, ['--format', 'json', 'secret.yaml', 'good.yaml'], fs);
    assert.equal(r.status, EXIT_FAILURE);
    const report = JSON.parse(r.stdout);
    assert.deepEqual(report.files.map((f: { path: string }) => f.path), ['good.yaml', 'secret.yaml']);
    assert.ok(report.files[0].diagnostics.some((d: { rule: string }) => d.rule === 'token-validity-range'), 'the readable file is still checked');
    assert.deepEqual(report.files[1].diagnostics.map((d: { rule: string; message: string }) => [d.rule, d.message]), [['file-skipped', 'Not checked: unreadable (permission denied).']]);
    assert.equal(r.stderr, 'cognito-client-lint: could not check secret.yaml: unreadable (permission denied)\n');
  });

  it('goes on past an unreadable folder, prints the whole JSON and SARIF document, and exits 2', () => {
    const dir = scratch(files);
    const r = cli(dir, ['--format', 'json', '.'], fs);
    assert.equal(r.status, EXIT_FAILURE, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.deepEqual(report.files.map((f: { path: string }) => f.path), ['good.yaml', 'locked', 'secret.yaml', 'z/last.yaml']);
    const skipped = (i: number) => report.files[i].diagnostics.map((d: { rule: string; message: string }) => `${d.rule}: ${d.message}`);
    assert.deepEqual(skipped(1), ['file-skipped: Not checked: the directory cannot be read (permission denied).']);
    assert.deepEqual(skipped(2), ['file-skipped: Not checked: unreadable (permission denied).']);
    assert.ok(report.files[3].diagnostics.some((d: { rule: string }) => d.rule === 'token-validity-range'), 'files after the folder are checked');
    assert.match(r.stderr, /could not check locked: the directory cannot be read \(permission denied\)\n/);

    const sarif = cli(dir, ['--format', 'sarif', '.'], fs);
    assert.equal(sarif.status, EXIT_FAILURE);
    const results = JSON.parse(sarif.stdout).runs[0].results as { ruleId: string }[];
    assert.ok(results.some((x) => x.ruleId === 'token-validity-range'));
    assert.ok(results.some((x) => x.ruleId === 'file-skipped'));
  });

  it('reports a link that loops (a real unreadable path, even as root), named or walked, and exits 2', () => {
    const dir = scratch({ 'good.yaml': files['good.yaml'] });
    symlinkSync('self.yaml', join(dir, 'self.yaml'));
    symlinkSync('missing.yaml', join(dir, 'dangling.yaml')); // names no file: not listed
    for (const args of [['.'], ['self.yaml', 'good.yaml']]) {
      const r = cli(dir, ['--format', 'json', ...args]);
      assert.equal(r.status, EXIT_FAILURE, args.join(' '));
      const report = JSON.parse(r.stdout);
      assert.deepEqual(report.files.map((f: { path: string }) => f.path), ['good.yaml', 'self.yaml']);
      assert.deepEqual(report.files[1].diagnostics.map((d: { message: string }) => d.message), ['Not checked: unreadable (too many levels of symbolic links).']);
      assert.ok(report.files[0].diagnostics.some((d: { rule: string }) => d.rule === 'token-validity-range'));
    }
  });

  it('exits 1, not 2, when everything named was read', () => {
    const dir = scratch(files);
    assert.equal(cli(dir, ['good.yaml', 'z'], fs).status, EXIT_FINDINGS);
  });

  it('names an unreadable folder given as the PATH itself, and --fix goes on past it too', () => {
    const dir = scratch(files);
    const r = cli(dir, ['--format', 'json', 'locked'], fs);
    assert.equal(r.status, EXIT_FAILURE);
    assert.deepEqual(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path), ['locked']);
    const fix = cli(dir, ['--fix', '--format', 'json', '.'], fs);
    assert.equal(fix.status, EXIT_FAILURE);
    assert.equal(JSON.parse(fix.stdout).files.length, 4);
  });
});

describe('--fix on a file with a syntax error', () => {
  it('says the file cannot be fixed until it parses, not "run again", and leaves it alone', () => {
    const broken = CLIENT_HEAD + '      EnableTokenRevocation: false\n      ClientName: [unclosed\n';
    const dir = scratch({ 'broken.yaml': broken });
    for (const mode of ['--fix', '--fix-dry-run']) {
      const r = cli(dir, [mode, 'broken.yaml']);
      const summary = r.stderr.split('\n')[0];
      assert.equal(summary, `${mode === '--fix' ? 'fixed' : 'would fix'} 0 problems in 0 files (1 file not fixed: it has a syntax error, and cannot be fixed until it parses)`);
      assert.doesNotMatch(r.stderr, /run again/);
      assert.equal(readFileSync(join(dir, 'broken.yaml'), 'utf8'), broken);
    }
  });
});

describe('classic-Mac (CR-only) line breaks', () => {
  const text = CLIENT_HEAD.replace(/\n/g, '\r') + '      AccessTokenValidity: 60\r      EnableTokenRevocation: false\r';

  it('reads a CR-only YAML file with the right lines and columns', () => {
    const dir = scratch({ 'mac.yaml': text, 'mac.json': '{\r  "Resources": {\r    "Web": {\r      "Type": "AWS::Cognito::UserPoolClient",\r      "Properties": {\r        "UserPoolId": "eu-west-1_abc",\r        "AccessTokenValidity": 60\r      }\r    }\r  }\r}\r' });
    const r = cli(dir, ['--format', 'json', 'mac.json', 'mac.yaml']);
    const [json, yaml] = JSON.parse(r.stdout).files;
    const at = (file: { diagnostics: { rule: string; range: unknown }[] }, rule: string) => file.diagnostics.find((d) => d.rule === rule)?.range;
    assert.deepEqual(yaml.diagnostics.filter((d: { rule: string }) => d.rule === 'syntax-error'), []);
    assert.deepEqual(yaml.clients, [{ name: 'Web', range: { start: { line: 1, character: 2 }, end: { line: 6, character: 34 } } }]);
    assert.deepEqual(at(yaml, 'token-validity-range'), { start: { line: 5, character: 27 }, end: { line: 5, character: 29 } });
    assert.deepEqual(at(json, 'token-validity-range'), { start: { line: 6, character: 31 }, end: { line: 6, character: 33 } });
    const lines = cli(dir, ['mac.yaml']).stdout;
    assert.match(lines, /^mac\.yaml:6:28 error token-validity-range /m);
  });

  it('fixes a CR-only file with CR line breaks in what it inserts, and every other byte kept', () => {
    const dir = scratch({ 'mac.yaml': text });
    const r = cli(dir, ['--fix', 'mac.yaml']);
    assert.match(r.stderr, /^fixed 2 problems in 1 file\n/);
    const written = readFileSync(join(dir, 'mac.yaml'));
    assert.doesNotMatch(written.toString('latin1'), /\n/, 'no LF written');
    const change = byteChange(Buffer.from(text), written);
    assert.deepEqual([change.removed, change.inserted], ['false', 'true\r      PreventUserExistenceErrors: ENABLED']);
  });
});

/** A template whose `Metadata` nests `depth` levels, beside a client with a one-hour-too-long token. */
function deepTemplate(kind: 'json' | 'yaml-flow' | 'yaml-block', depth: number): string {
  const client = { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: 'eu-west-1_abc', AccessTokenValidity: 60 } };
  if (kind === 'json') return `{"Resources": {"Meta": {"Type": "AWS::S3::Bucket", "Metadata": ${'['.repeat(depth)}${']'.repeat(depth)}}, "Web": ${JSON.stringify(client)}}}\n`;
  const metadata = kind === 'yaml-flow' ? ` ${'['.repeat(depth)}${']'.repeat(depth)}` : `\n      ${'- '.repeat(depth)}x`;
  return `Resources:\n  Meta:\n    Type: AWS::S3::Bucket\n    Metadata:${metadata}\n  Web:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: eu-west-1_abc\n      AccessTokenValidity: 60\n`;
}

describe('nesting too deep for the parser', () => {
  for (const [kind, name] of [['json', 'deep.json'], ['yaml-flow', 'deep.yaml']] as const) {
    for (const depth of [4_000, 5_000, 50_000]) {
      it(`reads the client beside ${depth} nested ${kind === 'json' ? 'JSON arrays' : 'YAML flow sequences'} and fails the run on its error`, () => {
        const dir = scratch({ [name]: deepTemplate(kind, depth) });
        const r = cli(dir, ['--format', 'json', name]);
        assert.equal(r.status, EXIT_FINDINGS, r.stderr);
        const [file] = JSON.parse(r.stdout).files;
        assert.deepEqual(file.clients.map((c: { name: string }) => c.name), ['Web']);
        const rules = file.diagnostics.map((d: { rule: string }) => d.rule);
        assert.ok(rules.includes('token-validity-range'), rules.join(', '));
        assert.deepEqual(file.diagnostics.filter((d: { rule: string }) => d.rule === 'syntax-error'), [], 'no "Maximum call stack size exceeded"');
      });
    }
  }

  it('the bundled CLI reads the client beside a 10 KB template nesting 5,000 arrays (where the stack ran out)', () => {
    const dir = scratch({ 'deep.json': deepTemplate('json', 5_000) });
    const bundle = join(__dirname, '..', '..', '..', 'dist', 'server', 'cli.js');
    const r = spawnSync(process.execPath, [bundle, '--format', 'json', 'deep.json'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, EXIT_FINDINGS, r.stderr);
    const [file] = JSON.parse(r.stdout).files;
    assert.deepEqual(file.clients.map((c: { name: string }) => c.name), ['Web']);
    assert.ok(file.diagnostics.some((d: { rule: string }) => d.rule === 'token-validity-range'));
  });

  it('reports a YAML template nested too deep in block style as not checked, and exits 2', () => {
    const dir = scratch({ 'block.yaml': deepTemplate('yaml-block', 5_000), 'ok.yaml': CLIENT_HEAD });
    const r = cli(dir, ['--format', 'json', '.']);
    assert.equal(r.status, EXIT_FAILURE);
    const report = JSON.parse(r.stdout);
    assert.deepEqual(report.files.map((f: { path: string }) => f.path), ['block.yaml', 'ok.yaml']);
    assert.deepEqual(report.files[0].clients, []);
    assert.deepEqual(
      report.files[0].diagnostics.map((d: { rule: string; severity: string; message: string }) => [d.rule, d.severity, d.message]),
      [['file-skipped', 'info', 'Not checked: it nests deeper than the YAML parser can follow.']],
    );
    assert.equal(r.stderr, 'cognito-client-lint: could not check block.yaml: it nests deeper than the YAML parser can follow\n');
    const fix = cli(dir, ['--fix', 'block.yaml']);
    assert.equal(fix.status, EXIT_FAILURE);
    assert.doesNotMatch(fix.stderr, /syntax error|run again/);
  });
});
