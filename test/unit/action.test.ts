/**
 * The GitHub Action: action.yml wires every input into the script and every output from it, and
 * the script (action/lint.mjs), run here as the runner would run it (INPUT_* variables,
 * GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP) over the examples with the built CLI, prints
 * annotations or writes SARIF, sets the outputs, and rejects bad inputs. Installing the CLI from
 * a package (the `version` input) is exercised by .ci/packages.sh with the packed tarball.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';

const ROOT = resolve(__dirname, '..', '..', '..');
const SCRIPT = join(ROOT, 'action', 'lint.mjs');
const CLI = join(ROOT, 'dist', 'server', 'cli.js');

interface ActionYaml {
  inputs: Record<string, { default?: string; description: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: { id?: string; if?: string; uses?: string; run?: string; env?: Record<string, string>; with?: Record<string, string> }[] };
}

let work: string;
let examples: string;

before(() => {
  work = mkdtempSync(join(tmpdir(), 'cognito-action-'));
  // The examples, one of them in a folder with a space, as a repository would hold them.
  examples = join(work, 'repo');
  mkdirSync(join(examples, 'with space'), { recursive: true });
  copyFileSync(join(ROOT, 'examples', 'cloudformation', 'web-clients.yaml'), join(examples, 'web-clients.yaml'));
  copyFileSync(join(ROOT, 'examples', 'cloudformation', 'secure-spa.yaml'), join(examples, 'with space', 'secure-spa.yaml'));
  copyFileSync(join(ROOT, 'examples', 'serverless', 'serverless.yml'), join(examples, 'serverless.yml'));
});

after(() => rmSync(work, { recursive: true, force: true }));

interface ActionRun {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  temp: string;
}

function runAction(inputs: Record<string, string>): ActionRun {
  const temp = mkdtempSync(join(work, 'run-'));
  const output = join(temp, 'output');
  const summary = join(temp, 'summary');
  writeFileSync(output, '');
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary, RUNNER_TEMP: temp, GITHUB_ACTION_PATH: ROOT };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/-/g, '_').toUpperCase()}`] = value;
  const r = spawnSync(process.execPath, [SCRIPT], { cwd: examples, env, encoding: 'utf8' });
  const outputs: Record<string, string> = {};
  for (const line of readFileSync(output, 'utf8').split('\n').filter(Boolean)) {
    const eq = line.indexOf('=');
    outputs[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, outputs, summary: existsSync(summary) ? readFileSync(summary, 'utf8') : '', temp };
}

/** What the CLI itself reports over the same paths, for comparison. */
function cliCounts(...args: string[]): { errors: number; warnings: number; infos: number } {
  const r = spawnSync(process.execPath, [CLI, '--format', 'json', ...args], { cwd: examples, encoding: 'utf8' });
  const counts = { errors: 0, warnings: 0, infos: 0 };
  for (const file of JSON.parse(r.stdout).files as { diagnostics: { severity: string }[] }[]) {
    for (const d of file.diagnostics) {
      if (d.severity === 'error') counts.errors++;
      else if (d.severity === 'warning') counts.warnings++;
      else counts.infos++;
    }
  }
  return counts;
}

describe('action.yml', () => {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYaml;
  const lint = action.runs.steps.find((s) => s.id === 'lint')!;

  it('is a composite action whose lint step runs the script with every input', () => {
    assert.equal(action.runs.using, 'composite');
    assert.equal(lint.run, 'node "$GITHUB_ACTION_PATH/action/lint.mjs"');
    assert.deepEqual(Object.keys(action.inputs).sort(), ['config', 'fail-on', 'paths', 'sarif-category', 'upload-sarif', 'version']);
    for (const name of Object.keys(action.inputs).filter((n) => n !== 'sarif-category')) {
      assert.equal(lint.env?.[`INPUT_${name.replace(/-/g, '_').toUpperCase()}`], `\${{ inputs.${name} }}`, name);
    }
    assert.deepEqual(
      Object.fromEntries(Object.entries(action.inputs).map(([n, i]) => [n, i.default])),
      { paths: '.', config: '', 'fail-on': 'error', 'upload-sarif': 'false', 'sarif-category': 'cognito-client-lint', version: '' },
    );
  });

  it('uploads the SARIF file when there is one, then fails the job on findings', () => {
    const upload = action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.ok(upload);
    assert.equal(upload.if, "${{ steps.lint.outputs.sarif-file != '' }}");
    assert.deepEqual(upload.with, { sarif_file: '${{ steps.lint.outputs.sarif-file }}', category: '${{ inputs.sarif-category }}' });
    const last = action.runs.steps[action.runs.steps.length - 1];
    assert.equal(last.if, "${{ steps.lint.outputs.failed == 'true' }}");
    assert.match(last.run ?? '', /exit 1/);
    assert.ok(action.runs.steps.indexOf(upload) < action.runs.steps.indexOf(last));
  });

  it('exposes the outputs the script writes', () => {
    for (const [name, output] of Object.entries(action.outputs)) assert.equal(output.value, `\${{ steps.lint.outputs.${name} }}`);
    const r = runAction({ paths: 'web-clients.yaml' });
    assert.deepEqual(Object.keys(r.outputs).sort(), Object.keys(action.outputs).sort());
  });
});

describe('action/lint.mjs', () => {
  it('prints one annotation per finding and sets the counts, exiting 0 so later steps run', () => {
    const r = runAction({ paths: '.' });
    assert.equal(r.status, 0, r.stderr);
    const expected = cliCounts('.');
    const lines = r.stdout.trimEnd().split('\n');
    assert.ok(lines.every((l) => /^::(error|warning|notice) file=[^,]+,line=\d+,endLine=\d+,col=\d+,endColumn=\d+,title=[a-z-]+::\S/.test(l)), r.stdout);
    assert.equal(lines.length, expected.errors + expected.warnings + expected.infos);
    assert.ok(expected.errors > 0);
    assert.deepEqual(r.outputs, { errors: String(expected.errors), warnings: String(expected.warnings), notices: String(expected.infos), failed: 'true', 'sarif-file': '' });
    assert.match(r.summary, /^cognito-client-lint: \d+ errors, \d+ warnings?, \d+ notices? \(fail-on: error, failed\)\n$/);
  });

  it('writes SARIF instead of annotations when upload-sarif is true', () => {
    const r = runAction({ paths: '.', 'upload-sarif': 'true' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.equal(r.outputs['sarif-file'], join(r.temp, 'cognito-client-lint.sarif'));
    const log = JSON.parse(readFileSync(r.outputs['sarif-file'], 'utf8'));
    assert.equal(log.version, '2.1.0');
    const expected = cliCounts('.');
    assert.equal(log.runs[0].results.length, expected.errors + expected.warnings + expected.infos);
    assert.equal(r.outputs.errors, String(expected.errors));
    assert.equal(r.outputs.failed, 'true');
  });

  it('fails by fail-on: none never, warning on warnings alone', () => {
    assert.equal(runAction({ paths: '.', 'fail-on': 'none' }).outputs.failed, 'false');
    const counts = cliCounts('--rule', 'implicit-flow-discouraged=off', 'with space/secure-spa.yaml');
    assert.deepEqual(counts, { errors: 0, warnings: 0, infos: 0 });
    const clean = runAction({ paths: 'with space/secure-spa.yaml\n', 'fail-on': 'info' });
    assert.deepEqual([clean.status, clean.stdout, clean.outputs.failed], [0, '', 'false']);
    // web-clients.yaml with every error-severity rule there turned off by a config file: warnings remain.
    const config = join(work, 'warnings-only.json');
    const errorRules = spawnSync(process.execPath, [CLI, '--format', 'json', 'web-clients.yaml'], { cwd: examples, encoding: 'utf8' });
    const rules = Object.fromEntries(
      (JSON.parse(errorRules.stdout).files[0].diagnostics as { rule: string; severity: string }[]).filter((d) => d.severity === 'error').map((d) => [d.rule, 'off']),
    );
    writeFileSync(config, JSON.stringify({ rules }));
    const byDefault = runAction({ paths: 'web-clients.yaml', config });
    assert.deepEqual([byDefault.outputs.errors, byDefault.outputs.failed], ['0', 'false']);
    assert.notEqual(byDefault.outputs.warnings, '0');
    const onWarning = runAction({ paths: 'web-clients.yaml', config, 'fail-on': 'warning' });
    assert.equal(onWarning.outputs.failed, 'true');
  });

  it('takes several paths on one line or one per line (paths with spaces)', () => {
    const oneLine = runAction({ paths: 'web-clients.yaml serverless.yml', 'upload-sarif': 'true' });
    const perLine = runAction({ paths: 'web-clients.yaml\nwith space/secure-spa.yaml\n\nserverless.yml\n', 'upload-sarif': 'true' });
    const files = (r: ActionRun): string[] => JSON.parse(readFileSync(r.outputs['sarif-file'], 'utf8')).runs[0].artifacts.map((a: { location: { uri: string } }) => decodeURIComponent(a.location.uri));
    // (The CLI lists files in sorted order.)
    assert.deepEqual(files(oneLine), ['serverless.yml', 'web-clients.yaml']);
    assert.deepEqual(files(perLine), ['serverless.yml', 'web-clients.yaml', 'with space/secure-spa.yaml']);
  });

  it('rejects bad inputs, and a CLI failure, with one error annotation and exit 1', () => {
    const badFailOn = runAction({ 'fail-on': 'fatal' });
    assert.equal(badFailOn.status, 1);
    assert.equal(badFailOn.stdout, '::error title=cognito-client-lint::fail-on must be one of error, warning, info, none, not "fatal"\n');
    const badBoolean = runAction({ 'upload-sarif': 'maybe' });
    assert.equal(badBoolean.status, 1);
    assert.match(badBoolean.stdout, /^::error title=cognito-client-lint::upload-sarif must be true or false, not "maybe"\n$/);
    const missing = runAction({ paths: 'no-such-dir' });
    assert.equal(missing.status, 1);
    assert.match(missing.stdout, /^::error title=cognito-client-lint::The linter could not run \(exit status 2\)/);
    assert.match(missing.stderr, /no such file or directory: no-such-dir/);
    assert.deepEqual(missing.outputs, {});
  });

  it('accepts the usual spellings of booleans', () => {
    for (const value of ['TRUE', 'True', 'yes']) assert.notEqual(runAction({ paths: 'serverless.yml', 'upload-sarif': value }).outputs['sarif-file'], '', value);
    for (const value of ['false', 'False', '']) assert.equal(runAction({ paths: 'serverless.yml', 'upload-sarif': value }).outputs['sarif-file'], '', value);
  });
});
