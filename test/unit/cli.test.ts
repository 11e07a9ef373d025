/**
 * The bundled CLI (dist/server/cli.js) as a child process, over the hand-written fixtures in
 * test/fixtures/cli: the three formats and their positions, exit statuses, directory walking,
 * skipped files, severity overrides, and a run over the real-world corpus.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { corpusDir, corpusSkip } from '../support/corpus';

const repo = resolve(__dirname, '..', '..', '..');
const cli = join(repo, 'dist', 'server', 'cli.js');
const fixtures = join(repo, 'test', 'fixtures', 'cli');
const packageVersion: string = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).version;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], cwd = fixtures): Run {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
interface JsonDiagnostic {
  rule: string;
  severity: string;
  message: string;
  range: JsonRange;
  fixes: { title: string; edits: { range: JsonRange; newText: string }[] }[];
}
interface JsonFile {
  path: string;
  surface: string;
  clients: { name: string; range: JsonRange }[];
  diagnostics: JsonDiagnostic[];
}
interface JsonReport {
  version: number;
  files: JsonFile[];
}

function runJson(args: string[], cwd = fixtures): { status: number | null; report: JsonReport; stderr: string } {
  const r = run(['--format', 'json', ...args], cwd);
  let report: JsonReport;
  try {
    report = JSON.parse(r.stdout);
  } catch (error) {
    throw new Error(`stdout is not JSON (exit ${r.status}): ${r.stdout.slice(0, 500)}\nstderr: ${r.stderr}`);
  }
  return { status: r.status, report, stderr: r.stderr };
}

/** The text a 0-based UTF-16 range covers (JavaScript strings index UTF-16 code units). */
function textAt(text: string, range: JsonRange): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return text.slice(offset(range.start), offset(range.end));
}

const authYaml = 'project/templates/auth.yaml';
const authJson = 'project/templates/auth.json';

before(() => {
  assert.ok(existsSync(cli), `${cli} is missing: run \`npm run bundle:cli\` before these tests`);
  const probe = spawnSync(process.execPath, [cli, '--version'], { encoding: 'utf8' });
  assert.equal(probe.status, 0, `${cli} does not start (rebuild it with \`npm run bundle:cli\`): ${probe.stderr.split('\n').find((l) => /Error/.test(l)) ?? probe.stderr}`);
});

describe('cli: text format', () => {
  it('prints path:line:col severity rule message, 1-based in UTF-16 columns, and the summary on stderr', () => {
    const r = run([authYaml]);
    assert.equal(r.status, 1, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 2, r.stdout);
    // Line 24: `      AllowedOAuthFlows: [implicit]`.
    assert.match(lines[0], /^project\/templates\/auth\.yaml:24:27 warning implicit-flow-discouraged \S/);
    // Line 26 has 𝄞 (one code point, two UTF-16 code units, four UTF-8 bytes) before the item:
    // column 55 in UTF-16 (54 in code points, 57 in bytes).
    assert.match(lines[1], /^project\/templates\/auth\.yaml:26:55 error redirect-uri-insecure .*http:\/\/app\.example\.com\/cb/);
    assert.equal(r.stderr, '1 error, 1 warning, 0 info in 1 file (2 clients)\n');
  });

  it('prints nothing but the summary for a clean file, and exits 0', () => {
    const r = run(['project/clean.yml']);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, '0 errors, 0 warnings, 0 info in 1 file (1 client)\n');
  });
});

describe('cli: json format', () => {
  it('has the contract shape with 0-based UTF-16 positions (YAML)', () => {
    const { status, report } = runJson([authYaml]);
    assert.equal(status, 1);
    assert.deepEqual(Object.keys(report), ['version', 'files']);
    assert.equal(report.version, 1);
    assert.equal(report.files.length, 1);
    const [file] = report.files;
    assert.deepEqual(Object.keys(file), ['path', 'surface', 'clients', 'diagnostics']);
    assert.equal(file.path, authYaml);
    assert.equal(file.surface, 'cloudformation');
    assert.deepEqual(file.clients.map((c) => c.name), ['MobileClient', 'WebClient']);
    // The clients start below the non-ASCII comment on line 8 (0-based 7).
    assert.deepEqual(file.clients.map((c) => c.range.start), [{ line: 8, character: 2 }, { line: 16, character: 2 }]);
    const text = readFileSync(join(fixtures, authYaml), 'utf8');
    assert.ok(textAt(text, file.clients[1].range).startsWith('WebClient:'));

    assert.deepEqual(file.diagnostics.map((d) => [d.rule, d.severity]), [['implicit-flow-discouraged', 'warning'], ['redirect-uri-insecure', 'error']]);
    const insecure = file.diagnostics[1];
    assert.deepEqual(Object.keys(insecure), ['rule', 'severity', 'message', 'range', 'fixes']);
    assert.deepEqual(insecure.range.start, { line: 25, character: 54 });
    assert.equal(insecure.range.end.line, 25);
    assert.match(textAt(text, insecure.range), /^"?http:\/\/app\.example\.com\/cb"?$/);
    assert.equal(textAt(text, file.diagnostics[0].range), 'implicit');
    for (const d of file.diagnostics) {
      assert.ok(Array.isArray(d.fixes));
      // A fix is only listed with real edits (none are made up when a surface has no edit builder).
      for (const fix of d.fixes) assert.ok(fix.title && fix.edits.length > 0);
    }
  });

  it('gives the same findings at the right UTF-16 positions in the JSON twin', () => {
    const { report } = runJson([authJson]);
    const [file] = report.files;
    assert.equal(file.surface, 'cloudformation');
    assert.deepEqual(file.clients.map((c) => c.name), ['WebClient']);
    assert.deepEqual(file.diagnostics.map((d) => d.rule), ['implicit-flow-discouraged', 'redirect-uri-insecure']);
    const text = readFileSync(join(fixtures, authJson), 'utf8');
    assert.deepEqual(file.diagnostics[1].range.start, { line: 17, character: 58 });
    assert.equal(textAt(text, file.diagnostics[1].range), '"http://app.example.com/cb"');
    assert.equal(textAt(text, file.diagnostics[0].range), '"implicit"');
  });

  it('lists a file no surface reads with no clients and no diagnostics', () => {
    const { status, report } = runJson(['project/nested']);
    assert.equal(status, 0);
    assert.deepEqual(report.files, [
      { path: 'project/nested/deeper/workflow.yaml', surface: 'cloudformation', clients: [], diagnostics: [] },
      { path: 'project/nested/settings.jsonc', surface: 'cloudformation', clients: [], diagnostics: [] },
    ]);
  });

  it('checks a file named directly whatever its extension', () => {
    const { status, report } = runJson(['unknown-extension.cfn']);
    assert.equal(status, 0);
    assert.equal(report.files[0].path, 'unknown-extension.cfn');
    assert.deepEqual(report.files[0].clients.map((c) => c.name), ['OddClient']);
    assert.deepEqual(report.files[0].diagnostics.map((d) => [d.rule, d.severity]), [['token-revocation-disabled', 'warning']]);
  });

  it('reports a syntax error in a template as an error', () => {
    const { status, report } = runJson(['broken.yaml']);
    assert.equal(status, 1);
    const rules = report.files[0].diagnostics.map((d) => d.rule);
    assert.ok(rules.includes('syntax-error'), rules.join(', '));
  });
});

describe('cli: sarif format', () => {
  it('prints a SARIF 2.1.0 log with the driver, its rules and 1-based regions', () => {
    const r = run(['--format', 'sarif', 'project/templates']);
    assert.equal(r.status, 1, r.stderr);
    const log = JSON.parse(r.stdout);
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    assert.equal(log.runs.length, 1);
    const [runLog] = log.runs;
    const driver = runLog.tool.driver;
    assert.equal(driver.name, 'cognito-client-lint');
    assert.equal(driver.version, packageVersion);
    assert.match(driver.informationUri, /^https:\/\//);
    const ids: string[] = driver.rules.map((rule: { id: string }) => rule.id);
    for (const id of ['implicit-flow-discouraged', 'redirect-uri-insecure', 'file-skipped']) assert.ok(ids.includes(id), id);
    for (const rule of driver.rules) {
      assert.equal(typeof rule.shortDescription.text, 'string');
      assert.ok(rule.shortDescription.text.length > 0, rule.id);
      assert.match(rule.helpUri, new RegExp(`^https://.*#${rule.id}$`));
      assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level), rule.id);
    }
    assert.equal(driver.rules[ids.indexOf('redirect-uri-insecure')].defaultConfiguration.level, 'error');
    assert.deepEqual(runLog.artifacts.map((a: { location: { uri: string } }) => a.location.uri), [authJson, authYaml]);

    assert.equal(runLog.results.length, 4);
    for (const result of runLog.results) {
      assert.ok(ids.includes(result.ruleId));
      assert.equal(result.ruleIndex, ids.indexOf(result.ruleId));
      assert.ok(['error', 'warning', 'note'].includes(result.level));
      assert.equal(typeof result.message.text, 'string');
    }
    const yamlInsecure = runLog.results.find(
      (x: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
        x.ruleId === 'redirect-uri-insecure' && x.locations[0].physicalLocation.artifactLocation.uri === authYaml,
    );
    assert.ok(yamlInsecure);
    assert.equal(yamlInsecure.level, 'error');
    const { region } = yamlInsecure.locations[0].physicalLocation;
    assert.equal(region.startLine, 26);
    assert.equal(region.startColumn, 55);
    assert.equal(region.endLine, 26);
    assert.ok(region.endColumn > region.startColumn);
  });
});

describe('cli: exit statuses and failures', () => {
  it('exits 2 with one line on stderr for a path that does not exist', () => {
    const r = run(['project/clean.yml', 'x.yaml']);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'cognito-client-lint: no such file or directory: x.yaml\n');
  });

  it('exits 2 with one line for a bad --format, an unknown option or rule, or no paths', () => {
    for (const [args, pattern] of [
      [['--format', 'xml', 'project'], /unknown format "xml"/],
      [['--bogus', 'project'], /unknown option --bogus/],
      [['--rule', 'no-such-rule=off', 'project'], /unknown rule "no-such-rule"/],
      [['--rule', 'implicit-flow-discouraged=loud', 'project'], /unknown severity "loud"/],
      [[], /no paths given/],
    ] as [string[], RegExp][]) {
      const r = run(args);
      assert.equal(r.status, 2, args.join(' '));
      assert.equal(r.stdout, '');
      assert.equal(r.stderr.split('\n').length, 2, r.stderr);
      assert.match(r.stderr, /^cognito-client-lint: /);
      assert.match(r.stderr, pattern);
    }
  });

  it('prints help and the version, exiting 0', () => {
    const help = run(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: cognito-client-lint/);
    assert.match(help.stdout, /redirect-uri-insecure/);
    const version = run(['--version']);
    assert.equal(version.status, 0);
    assert.equal(version.stdout, `${packageVersion}\n`);
  });
});

describe('cli: severity overrides', () => {
  it('--rule id=off removes a finding (and an error gone changes the exit status)', () => {
    const off = runJson(['--rule', 'redirect-uri-insecure=off', authYaml]);
    assert.equal(off.status, 0);
    assert.deepEqual(off.report.files[0].diagnostics.map((d) => d.rule), ['implicit-flow-discouraged']);
  });

  it('--rule id=severity changes a severity, and is repeatable', () => {
    const r = runJson(['--rule', 'redirect-uri-insecure=info', '--rule=implicit-flow-discouraged=error', authYaml]);
    assert.equal(r.status, 1);
    assert.deepEqual(r.report.files[0].diagnostics.map((d) => [d.rule, d.severity]), [['implicit-flow-discouraged', 'error'], ['redirect-uri-insecure', 'info']]);
    const text = run(['--rule', 'redirect-uri-insecure=warning', authYaml]);
    assert.equal(text.status, 0);
    assert.match(text.stdout, /auth\.yaml:26:55 warning redirect-uri-insecure /);
  });
});

describe('cli: directory walking and skipped files', () => {
  let project = '';

  before(() => {
    project = mkdtempSync(join(tmpdir(), 'cli-project-'));
    cpSync(join(fixtures, 'project'), project, { recursive: true });
    // Written here, not kept in the repository: git cannot hold a `.git` folder and ignores node_modules.
    const auth = readFileSync(join(fixtures, authYaml), 'utf8');
    for (const dir of ['node_modules/some-pkg', '.git', 'cdk.out', 'nested/node_modules']) {
      mkdirSync(join(project, dir), { recursive: true });
      writeFileSync(join(project, dir, 'template.yaml'), auth);
    }
    writeFileSync(join(project, 'binary.json'), Buffer.concat([Buffer.from('{"Resources": {}}'), Buffer.from([0, 1, 2, 0])]));
    writeFileSync(join(project, 'big.yaml'), auth + `# ${'padding '.repeat(400)}\n`);
    // A byte order mark and CRLF line ends must not move positions.
    writeFileSync(join(project, 'templates', 'bom-crlf.yaml'), '\ufeff' + auth.replace(/\n/g, '\r\n'));
  });

  after(() => rmSync(project, { recursive: true, force: true }));

  it('walks recursively in sorted order, skipping node_modules, .git and cdk.out and unsupported extensions', () => {
    const { report } = runJson(['.'], project);
    assert.deepEqual(report.files.map((f) => f.path), [
      'big.yaml',
      'binary.json',
      'clean.yml',
      'nested/deeper/workflow.yaml',
      'nested/settings.jsonc',
      'templates/auth.json',
      'templates/auth.yaml',
      'templates/bom-crlf.yaml',
    ]);
  });

  it('walks a skipped directory named directly, and keeps the path as written', () => {
    const { report } = runJson(['node_modules', './.git/', 'cdk.out', 'nested/node_modules/template.yaml'], project);
    assert.deepEqual(report.files.map((f) => f.path), ['.git/template.yaml', 'cdk.out/template.yaml', 'nested/node_modules/template.yaml', 'node_modules/some-pkg/template.yaml']);
    for (const file of report.files) assert.ok(file.diagnostics.some((d) => d.rule === 'redirect-uri-insecure'), file.path);
  });

  it('lists each file once when named twice or named inside a walked directory', () => {
    const { report } = runJson(['templates/auth.yaml', 'templates', './templates/auth.yaml'], project);
    assert.deepEqual(report.files.map((f) => f.path), ['templates/auth.json', 'templates/auth.yaml', 'templates/bom-crlf.yaml']);
  });

  it('skips a binary file with one info file-skipped diagnostic (exit 0)', () => {
    const { status, report } = runJson(['binary.json'], project);
    assert.equal(status, 0);
    assert.equal(report.files.length, 1);
    const [file] = report.files;
    assert.deepEqual(file.clients, []);
    assert.equal(file.diagnostics.length, 1);
    assert.equal(file.diagnostics[0].rule, 'file-skipped');
    assert.equal(file.diagnostics[0].severity, 'info');
    assert.match(file.diagnostics[0].message, /binary/);
  });

  it('skips a file over --max-file-size (in KB) with one info diagnostic, and reads it under a larger limit', () => {
    const small = runJson(['--max-file-size', '3', 'big.yaml'], project);
    assert.equal(small.status, 0);
    assert.deepEqual(small.report.files[0].diagnostics.map((d) => [d.rule, d.severity]), [['file-skipped', 'info']]);
    assert.match(small.report.files[0].diagnostics[0].message, /over the 3 KB limit/);
    const large = runJson(['--max-file-size', '10', 'big.yaml'], project);
    assert.equal(large.status, 1);
    assert.ok(large.report.files[0].diagnostics.some((d) => d.rule === 'redirect-uri-insecure'));
    const text = run(['--max-file-size', '3', 'big.yaml'], project);
    assert.match(text.stdout, /^big\.yaml:1:1 info file-skipped /);
  });

  it('gives the same positions with a byte order mark and CRLF line ends', () => {
    const plain = runJson(['templates/auth.yaml'], project).report.files[0];
    const bomCrlf = runJson(['templates/bom-crlf.yaml'], project).report.files[0];
    assert.deepEqual(
      bomCrlf.clients.map((c) => [c.name, c.range.start]),
      plain.clients.map((c) => [c.name, c.range.start]),
    );
    assert.deepEqual(
      bomCrlf.diagnostics.map((d) => [d.rule, d.range.start]),
      plain.diagnostics.map((d) => [d.rule, d.range.start]),
    );
  });

  it('text output over a directory lists diagnostics file by file, with the summary', () => {
    const r = run(['--max-file-size', '3', '.'], project);
    assert.equal(r.status, 1);
    const paths = r.stdout.trimEnd().split('\n').map((l) => l.slice(0, l.indexOf(':')));
    assert.deepEqual([...new Set(paths)], ['big.yaml', 'binary.json', 'templates/auth.json', 'templates/auth.yaml', 'templates/bom-crlf.yaml']);
    assert.equal(r.stderr, '3 errors, 3 warnings, 2 info in 8 files (6 clients)\n');
  });
});

describe('cli: the real-world corpus', () => {
  for (const section of ['cloudformation-yaml', 'cloudformation-json']) {
    it(`runs over ${section} without failing and lists every file`, (t) => {
      const dir = join(corpusDir(), section);
      const skip = corpusSkip(dir);
      if (skip) return t.skip(skip);
      const { status, report, stderr } = runJson([dir]);
      assert.ok(status === 0 || status === 1, `exit ${status}: ${stderr}`);
      assert.doesNotMatch(stderr, /internal error/);
      const expected = readdirSync(dir).filter((f) => !f.startsWith('.')).sort().map((f) => `${dir.replace(/\\/g, '/')}/${f}`);
      assert.deepEqual(report.files.map((f) => f.path), expected);
      for (const file of report.files) {
        assert.equal(file.surface, 'cloudformation', file.path);
        assert.ok(!file.diagnostics.some((d) => d.rule === 'file-skipped'), `${file.path} was skipped`);
      }
      // Every corpus file is there because it declares at least one app client.
      const without = report.files.filter((f) => f.clients.length === 0).map((f) => f.path);
      assert.deepEqual(without, []);
    });
  }
});
