/**
 * The CLI's `--fix`, `--fix-dry-run`, `.cognito-client.json` and in-file suppressions, run in
 * process on copies in a temporary directory (never on the repository's files): `--fix` on copies
 * of examples/ and of the real-world corpus is idempotent (a second run changes nothing) and every
 * fixed file still parses with the same resources and clients; `--fix-dry-run` prints a unified
 * diff that `patch` applies to give exactly what `--fix` writes, and writes nothing.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadGrammar } from '../../server/src/surfaces/tree-sitter';
import { analyse } from '../../server/src/service';
import { parseArgs, UsageError } from '../../server/src/cli/args';
import { EXIT_FAILURE, EXIT_FINDINGS, EXIT_OK, isKnownRule, runCli } from '../../server/src/cli/main';
import { languageIdFor } from '../../server/src/cli/lint-file';
import { corpusDir, corpusSkip } from '../support/corpus';

const repo = resolve(__dirname, '..', '..', '..');
const fixtures = join(repo, 'test', 'fixtures', 'fix');
const temps: string[] = [];
after(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary directory with copies of `sources` (each under its base name). */
function workspace(...sources: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'cognito-fix-'));
  temps.push(dir);
  for (const source of sources) cpSync(source, join(dir, source.split('/').pop()!), { recursive: true });
  return dir;
}

function cli(cwd: string, ...argv: string[]): { status: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const status = runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { status, stdout, stderr };
}

/** Every file under a directory, by relative path, with its bytes as text. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path, 'latin1'));
    }
  };
  walk(dir);
  return files;
}

/** What a file says as a template: its parse problems, resource count and client names. */
function shape(path: string): { problems: number; resources: number; clients: string[] } | undefined {
  let text = readFileSync(path, 'utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const analysis = analyse({ uri: 'file://' + path, languageId: languageIdFor(path, text), text });
  if (!analysis) return undefined;
  return { problems: analysis.model.problems.length, resources: analysis.model.context.resources.size, clients: analysis.model.clients.map((c) => c.name) };
}

/** Run --fix twice on a copy: the first run changes something, the second nothing, and nothing is broken. */
function assertFixIdempotent(dir: string, originals: Map<string, string>): void {
  const first = cli(dir, '--fix', '--no-config', '.');
  assert.notEqual(first.status, EXIT_FAILURE, first.stderr);
  const fixedCount = Number(/fixed (\d+) problems?/.exec(first.stderr)?.[1]);
  assert.ok(fixedCount > 0, first.stderr);
  const once = snapshot(dir);
  assert.notDeepEqual(once, originals, 'the first run changed something');
  for (const [path, text] of once) {
    if (text === originals.get(path)) continue;
    const before = workspaceShape(originals.get(path)!, path);
    const fixed = shape(join(dir, path));
    assert.ok(before && fixed, `${path} is read`);
    assert.ok(fixed.problems <= before.problems, `${path} still parses`);
    assert.equal(fixed.resources, before.resources, `${path} loses no resource`);
    assert.deepEqual(fixed.clients, before.clients, `${path} keeps its clients`);
  }
  const second = cli(dir, '--fix', '--no-config', '.');
  assert.match(second.stderr, /^fixed 0 problems in 0 files\n/, second.stderr);
  assert.deepEqual(snapshot(dir), once, 'the second run changes nothing');
  assert.equal(second.status, first.status);
}

/** The shape of an original text (written to a scratch file with the same name). */
function workspaceShape(latin1: string, path: string) {
  const dir = mkdtempSync(join(tmpdir(), 'cognito-shape-'));
  temps.push(dir);
  const file = join(dir, path.split('/').pop()!);
  writeFileSync(file, Buffer.from(latin1, 'latin1'));
  return shape(file);
}


// runCli is synchronous: the grammars the code and Terraform surfaces read with are loaded first, as
// the CLI's entry point (runCliAsync) does.
before(async () => {
  for (const g of ['terraform', 'typescript', 'python'] as const) assert.ok(await loadGrammar(g));
});

describe('cli --fix', () => {
  it('fixes a copy of examples/ in place, and a second run changes nothing', () => {
    const dir = workspace(join(repo, 'examples'));
    assertFixIdempotent(dir, prefixed(snapshot(join(repo, 'examples')), 'examples'));
    const web = readFileSync(join(dir, 'examples', 'cloudformation', 'web-clients.yaml'), 'utf8');
    assert.match(web, /AllowedOAuthScopes: \[openid, email\]/);
    assert.match(web, /- ALLOW_REFRESH_TOKEN_AUTH/);
    // Comments and everything not fixed are kept.
    assert.match(web, /# A single-page app: implicit grant, a plain-http callback and a fragment\./);
    assert.match(web, /AllowedOAuthFlows: \[implicit\]/, 'a fix that needs a choice is not applied');
  });

  for (const section of ['cloudformation-yaml', 'cloudformation-json']) {
    it(`fixes a copy of the corpus (${section}) idempotently without breaking a file`, (t) => {
      const source = join(corpusDir(), section);
      const skip = corpusSkip(source);
      if (skip) return t.skip(skip);
      const dir = workspace(source);
      assertFixIdempotent(dir, prefixed(snapshot(source), section));
    });
  }

  it('prints a unified diff with --fix-dry-run, writes nothing, and the diff gives what --fix writes', (t) => {
    const dir = workspace(join(repo, 'examples'));
    const before = snapshot(dir);
    const mtimes = [...before.keys()].map((p) => statSync(join(dir, p)).mtimeMs);
    const dry = cli(dir, '--fix-dry-run', '--no-config', 'examples');
    assert.equal(dry.status, EXIT_FINDINGS);
    assert.match(dry.stdout, /^--- a\/examples\/cloudformation\/cdk-synth\.template\.json\n\+\+\+ b\/examples\/cloudformation\/cdk-synth\.template\.json\n@@ -\d+,\d+ \+\d+,\d+ @@\n/);
    assert.match(dry.stdout, /\n-      AllowedOAuthScopes: \[openid, email, Email\]\n\+      AllowedOAuthScopes: \[openid, email\]\n/);
    // One diff per file the fixes change, and the summary counts the same files.
    const changedFiles = dry.stdout.match(/^--- a\//gm)?.length ?? 0;
    assert.ok(changedFiles >= 3, dry.stdout);
    assert.match(dry.stderr, new RegExp(`^would fix \\d+ problems in ${changedFiles} files\\n\\d+ errors?, `));
    assert.deepEqual(snapshot(dir), before, 'nothing written');
    assert.deepEqual([...before.keys()].map((p) => statSync(join(dir, p)).mtimeMs), mtimes);

    const fixed = workspace(join(repo, 'examples'));
    cli(fixed, '--fix', '--no-config', 'examples');
    if (!existsSync('/usr/bin/patch')) return t.skip('patch is not installed');
    execFileSync('patch', ['-s', '-p1', '-d', dir], { input: dry.stdout });
    assert.deepEqual(snapshot(dir), snapshot(fixed), 'patching with the dry-run diff gives what --fix writes');
  });

  it('keeps a byte order mark and CRLF line breaks', () => {
    const dir = workspace(join(fixtures, 'bom-crlf.yaml'));
    const r = cli(dir, '--fix', 'bom-crlf.yaml');
    assert.equal(r.status, EXIT_OK, r.stdout + r.stderr);
    const text = readFileSync(join(dir, 'bom-crlf.yaml'), 'utf8');
    assert.equal(text.charCodeAt(0), 0xfeff);
    assert.match(text, /\r\n      EnableTokenRevocation: true\r\n/);
    assert.doesNotMatch(text.replace(/\r\n/g, ''), /\n/, 'no bare LF');
  });

  it('reports what is left after fixing, in every format', () => {
    const dir = workspace(join(repo, 'examples'));
    const r = cli(dir, '--fix', '--no-config', '--format', 'json', 'examples/cloudformation/cdk-synth.template.json');
    const report = JSON.parse(r.stdout);
    const rules = report.files[0].diagnostics.map((d: { rule: string }) => d.rule);
    assert.ok(!rules.includes('token-revocation-disabled'), 'fixed, so not reported');
    assert.ok(rules.includes('context-data-requires-secret'), 'left for a person');
    assert.match(r.stderr, /^fixed 1 problem in 1 file\n$/);
  });

  it('puts real edits in the JSON output fixes', () => {
    const r = cli(fixtures, '--no-config', '--format', 'json', 'config/template.yaml');
    const diagnostics = JSON.parse(r.stdout).files[0].diagnostics as { rule: string; fixes: { title: string; edits: unknown[] }[] }[];
    const scope = diagnostics.find((d) => d.rule === 'unknown-scope')!;
    assert.deepEqual(scope.fixes.map((f) => f.title), ['Change to email']);
    assert.deepEqual(scope.fixes[0].edits, [{ range: { start: { line: 11, character: 35 }, end: { line: 11, character: 40 } }, newText: 'email' }]);
  });
});

describe('cli .cognito-client.json', () => {
  const rulesIn = (stdout: string, file: string) => stdout.split('\n').filter((l) => l.startsWith(file + ':')).map((l) => l.split(' ').slice(1, 3).join(' '));

  it('takes rule severities from the nearest configuration file', () => {
    const r = cli(fixtures, 'config');
    assert.deepEqual(rulesIn(r.stdout, 'config/template.yaml'), ['error unknown-scope', 'warning redirect-uri-insecure']);
    // The nested file replaces the outer one for its folder: implicit is an error there, and its bad entries are reported.
    assert.deepEqual(rulesIn(r.stdout, 'config/nested/template.yaml'), ['error implicit-flow-discouraged', 'error unknown-scope', 'error redirect-uri-insecure', 'warning token-revocation-disabled']);
    assert.match(r.stderr, /config\/nested\/\.cognito-client\.json: no rule has the id "no-such-rule"; ignored\n/);
    assert.match(r.stderr, /config\/nested\/\.cognito-client\.json: rules\.unknown-scope must be one of error, warning, info, off, not "loud"; ignored\n/);
  });

  it('lets --rule win, --no-config ignore it, and --config name another', () => {
    assert.deepEqual(rulesIn(cli(fixtures, '--rule', 'implicit-flow-discouraged=info', 'config/template.yaml').stdout, 'config/template.yaml'), [
      'info implicit-flow-discouraged',
      'error unknown-scope',
      'warning redirect-uri-insecure',
    ]);
    assert.deepEqual(rulesIn(cli(fixtures, '--no-config', 'config/template.yaml').stdout, 'config/template.yaml'), [
      'warning implicit-flow-discouraged',
      'error unknown-scope',
      'error redirect-uri-insecure',
      'warning token-revocation-disabled',
    ]);
    const other = cli(fixtures, '--config', 'config/.cognito-client.json', 'config/nested/template.yaml');
    assert.deepEqual(rulesIn(other.stdout, 'config/nested/template.yaml'), ['error unknown-scope', 'warning redirect-uri-insecure']);
    assert.equal(other.stderr.includes('no-such-rule'), false, 'the nested file is not read');
  });

  it('stops with exit 2 on a configuration file that is not JSON, before writing anything', () => {
    const dir = workspace(join(fixtures, 'broken-config'));
    const before = snapshot(dir);
    const r = cli(dir, '--fix', 'broken-config');
    assert.equal(r.status, EXIT_FAILURE);
    assert.match(r.stderr, /^cognito-client-lint: broken-config\/\.cognito-client\.json is not valid JSON: /);
    assert.equal(r.stdout, '');
    assert.deepEqual(snapshot(dir), before);
    assert.match(cli(fixtures, '--config', 'nope.json', 'config').stderr, /cannot read nope\.json: no such file/);
  });

  it('answers every malformed configuration with one clear line, never a stack trace', () => {
    const cases: [string, RegExp, number][] = [
      // Not usable at all: the run stops (exit 2) before reading any template.
      ['{ "rules": ', /^cognito-client-lint: \.cognito-client\.json is not valid JSON: /, EXIT_FAILURE],
      ['[]', /^cognito-client-lint: \.cognito-client\.json must hold a JSON object/, EXIT_FAILURE],
      ['null', /^cognito-client-lint: \.cognito-client\.json must hold a JSON object/, EXIT_FAILURE],
      ['\u0000\u00ff binary', /^cognito-client-lint: \.cognito-client\.json is not valid JSON: /, EXIT_FAILURE],
      ['['.repeat(100_000), /^cognito-client-lint: \.cognito-client\.json is not valid JSON: /, EXIT_FAILURE],
      // Usable with the defaults for what is wrong: a warning each, and the findings as without the file.
      ['{ "rules": 5 }', /"rules" must be an object of rule id to severity; ignored/, EXIT_FINDINGS],
      ['{ "rules": { "implicit-flow-discouraged": 1, "__proto__": "off" } }', /rules\.implicit-flow-discouraged must be one of error, warning, info, off, not 1; ignored/, EXIT_FINDINGS],
      ['{ "severity": "off" }', /unknown setting "severity" ignored/, EXIT_FINDINGS],
    ];
    const template = join(fixtures, 'broken-config', 'template.yaml');
    for (const [text, message, status] of cases) {
      const dir = workspace(template);
      writeFileSync(join(dir, '.cognito-client.json'), text);
      const r = cli(dir, 'template.yaml');
      assert.equal(r.status, status, `${JSON.stringify(text.slice(0, 30))}: ${r.stderr}`);
      assert.match(r.stderr, message, JSON.stringify(text.slice(0, 30)));
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
      if (status === EXIT_FINDINGS) assert.deepEqual(r.stdout, cli(dir, '--no-config', 'template.yaml').stdout, 'the defaults apply');
    }
  });

  it('does not fix a rule the configuration turns off', () => {
    const dir = workspace(join(fixtures, 'config'));
    cli(dir, '--fix', 'config');
    const text = readFileSync(join(dir, 'config', 'template.yaml'), 'utf8');
    assert.match(text, /EnableTokenRevocation: false/, 'token-revocation-disabled is off here');
    assert.match(text, /AllowedOAuthScopes: \[openid, email\]/);
    assert.match(readFileSync(join(dir, 'config', 'nested', 'template.yaml'), 'utf8'), /EnableTokenRevocation: true/, 'but not in the nested folder');
  });
});

describe('cli suppressions', () => {
  it('honours next-line, file-level and Metadata suppressions, and --fix leaves them alone', () => {
    const r = cli(fixtures, '--no-config', 'suppressed.yaml');
    assert.equal(r.stdout, '');
    assert.equal(r.status, EXIT_OK);
    const dir = workspace(join(fixtures, 'suppressed.yaml'));
    const before = readFileSync(join(dir, 'suppressed.yaml'), 'utf8');
    const fixed = cli(dir, '--fix', '--no-config', 'suppressed.yaml');
    assert.match(fixed.stderr, /^fixed 0 problems in 0 files\n/);
    assert.equal(readFileSync(join(dir, 'suppressed.yaml'), 'utf8'), before);
  });
});

describe('cli fix arguments', () => {
  const known = isKnownRule;
  it('reads --fix, --fix-dry-run, --config and --no-config', () => {
    const run = (...argv: string[]) => {
      const parsed = parseArgs(argv, known);
      assert.equal(parsed.kind, 'run');
      return parsed.kind === 'run' ? parsed.options : undefined!;
    };
    assert.equal(run('--fix', 'a').fix, 'write');
    assert.equal(run('--fix-dry-run', 'a').fix, 'dry-run');
    assert.equal(run('a').fix, undefined);
    assert.equal(run('--config', 'c.json', 'a').config, 'c.json');
    assert.equal(run('--config=c.json', 'a').config, 'c.json');
    assert.equal(run('--no-config', 'a').noConfig, true);
    const usage = (argv: string[], pattern: RegExp) =>
      assert.throws(() => parseArgs(argv, known), (e: unknown) => e instanceof UsageError && pattern.test(e.message), argv.join(' '));
    usage(['--fix', '--fix-dry-run', 'a'], /cannot be used together/);
    usage(['--fix-dry-run', '--fix', 'a'], /cannot be used together/);
    usage(['--fix-dry-run', '--format', 'json', 'a'], /cannot be combined with --format json/);
    usage(['--config', 'x', '--no-config', 'a'], /--config and --no-config/);
    usage(['--fix=yes', 'a'], /takes no value/);
    usage(['--config'], /needs a value/);
  });
});

/** A snapshot's paths under a folder name (as copied into a workspace). */
function prefixed(files: Map<string, string>, folder: string): Map<string, string> {
  return new Map([...files].map(([path, text]) => [join(folder, path), text]));
}
