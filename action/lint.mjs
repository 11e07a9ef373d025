// The script of the GitHub Action in ../action.yml: reads the inputs, finds or installs the CLI,
// runs it once, and leaves the rest to the runner:
//   - upload-sarif false: the CLI prints workflow-command annotations (--format github), which the
//     runner shows on the pull request;
//   - upload-sarif true: the CLI writes SARIF to $RUNNER_TEMP, for the upload step of action.yml.
// It writes the outputs (errors, warnings, notices, failed, sarif-file) to $GITHUB_OUTPUT and a
// line to $GITHUB_STEP_SUMMARY, and exits 0 whatever was found, so the SARIF upload still runs: the
// last step of action.yml fails the job when `failed` is true. It exits 1 only when the inputs are
// wrong or the CLI itself failed (exit status 2: a path that does not exist, a broken config file).
//
// Run outside GitHub (tests, .ci/packages.sh), it needs the same environment: INPUT_* variables,
// GITHUB_OUTPUT, RUNNER_TEMP; GITHUB_ACTION_PATH defaults to the folder above this script.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const FAIL_ON = ['error', 'warning', 'info', 'none'];
const BOOLEANS = { true: true, false: false, yes: true, no: false, on: true, off: false, '1': true, '0': false, '': false };

class InputError extends Error {}

/** The action's inputs from the environment, checked. */
export function parseInputs(env) {
  const raw = (name) => env[`INPUT_${name.replace(/[ -]/g, '_').toUpperCase()}`] ?? '';
  const input = (name) => raw(name).trim();
  // One path per line when the input has a line break (so a path may contain spaces), else separated by spaces.
  const rawPaths = raw('paths');
  const paths = (rawPaths.includes('\n') ? rawPaths.split(/\r?\n/) : rawPaths.split(/\s+/)).map((p) => p.trim()).filter(Boolean);
  if (paths.length === 0) paths.push('.');
  const failOn = input('fail-on').toLowerCase() || 'error';
  if (!FAIL_ON.includes(failOn)) throw new InputError(`fail-on must be one of ${FAIL_ON.join(', ')}, not ${JSON.stringify(failOn)}`);
  const upload = input('upload-sarif').toLowerCase();
  if (!(upload in BOOLEANS)) throw new InputError(`upload-sarif must be true or false, not ${JSON.stringify(upload)}`);
  return { paths, config: input('config') || undefined, failOn, uploadSarif: BOOLEANS[upload], version: input('version') || undefined };
}

/**
 * The CLI to run, as [node script path]. Without a `version` input, a CLI built in the action's
 * own folder (a checkout where `npm ci` ran, e.g. `uses: ./` in this repository) is used;
 * otherwise the npm package is installed into RUNNER_TEMP: `version` is a version or tag of
 * cognito-client-lint, or any other npm install spec (a tarball path or URL); by default the
 * version of this action.
 */
export function resolveCli(inputs, actionPath, runnerTemp, log) {
  const built = join(actionPath, 'dist', 'server', 'cli.js');
  if (!inputs.version && existsSync(built)) return built;
  const ownVersion = JSON.parse(readFileSync(join(actionPath, 'packages', 'cli', 'package.json'), 'utf8')).version;
  const wanted = inputs.version ?? ownVersion;
  const spec = /^[~^<>=v\d*x]|^(latest|next)$/.test(wanted) && !/[/\\]/.test(wanted) ? `cognito-client-lint@${wanted}` : wanted;
  const prefix = join(runnerTemp, 'cognito-client-lint');
  mkdirSync(prefix, { recursive: true });
  log(`Installing ${spec}`);
  const npm = spawnSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error', spec], {
    encoding: 'utf8',
    // npm's own report goes to stderr: stdout carries only annotations.
    stdio: ['ignore', 2, 2],
    shell: process.platform === 'win32',
  });
  if (npm.status !== 0) throw new InputError(`npm install ${spec} failed${npm.error ? `: ${npm.error.message}` : ''}`);
  const manifest = JSON.parse(readFileSync(join(prefix, 'node_modules', 'cognito-client-lint', 'package.json'), 'utf8'));
  return join(prefix, 'node_modules', 'cognito-client-lint', manifest.bin['cognito-client-lint']);
}

/** Counts by severity from what the CLI printed. */
export function countFindings(format, stdout) {
  const counts = { errors: 0, warnings: 0, notices: 0 };
  if (format === 'github') {
    for (const line of stdout.split('\n')) {
      const command = /^::(error|warning|notice) /.exec(line)?.[1];
      if (command === 'error') counts.errors++;
      else if (command === 'warning') counts.warnings++;
      else if (command === 'notice') counts.notices++;
    }
  } else {
    for (const result of JSON.parse(stdout).runs?.[0]?.results ?? []) {
      if (result.level === 'error') counts.errors++;
      else if (result.level === 'warning') counts.warnings++;
      else counts.notices++;
    }
  }
  return counts;
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function main(env = process.env, out = process.stdout, err = process.stderr) {
  const actionPath = env.GITHUB_ACTION_PATH || resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const runnerTemp = env.RUNNER_TEMP || tmpdir();
  const setOutput = (name, value) => {
    if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, `${name}=${value}\n`);
  };
  try {
    const inputs = parseInputs(env);
    const cli = resolveCli(inputs, actionPath, runnerTemp, (line) => err.write(`${line}\n`));
    const format = inputs.uploadSarif ? 'sarif' : 'github';
    const args = [cli, '--format', format, '--fail-on', inputs.failOn, ...(inputs.config ? ['--config', inputs.config] : []), '--', ...inputs.paths];
    const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
    if (run.stderr) err.write(run.stderr);
    if (run.status !== 0 && run.status !== 1) {
      out.write(`::error title=cognito-client-lint::The linter could not run (exit status ${run.status ?? run.signal}); see the log above.\n`);
      return 1;
    }
    let sarifFile = '';
    if (format === 'sarif') {
      sarifFile = join(runnerTemp, 'cognito-client-lint.sarif');
      writeFileSync(sarifFile, run.stdout);
    } else {
      out.write(run.stdout);
    }
    const counts = countFindings(format, run.stdout);
    const failed = run.status === 1;
    setOutput('errors', counts.errors);
    setOutput('warnings', counts.warnings);
    setOutput('notices', counts.notices);
    setOutput('failed', failed);
    setOutput('sarif-file', sarifFile);
    const line =
      `cognito-client-lint: ${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${plural(counts.notices, 'notice')}` +
      ` (fail-on: ${inputs.failOn}${failed ? ', failed' : ''})${sarifFile ? `; SARIF in ${sarifFile}` : ''}`;
    err.write(`${line}\n`);
    if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, `${line}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    out.write(`::error title=cognito-client-lint::${error.message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}\n`);
    return 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main();
}
