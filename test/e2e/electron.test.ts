/**
 * The extension in VS Code desktop with @vscode/test-electron: launches VS Code with this
 * repository as the extension under development and runs the Mocha suite in test/e2e/suite
 * (compiled by test/e2e/tsconfig.json into out/e2e) inside its extension host.
 *
 * VS Code comes from VSCODE_EXECUTABLE, else from the .vscode-test cache, else it is downloaded
 * there (VSCODE_VERSION, default: the newest stable that satisfies `engines.vscode`). On Linux it
 * needs a display: DISPLAY / WAYLAND_DISPLAY, or Xvfb, which is started here when installed.
 * Where none of that is possible (no network to update.code.visualstudio.com, no display) the
 * test is skipped with one line saying why. Set VSCODE_E2E=off to skip it on purpose.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { downloadAndUnzipVSCode, runTests, type ProgressReporter } from '@vscode/test-electron';
import { codeActionSkipReason, loadCases, serverCapabilities, SERVER_BUNDLE } from '../editors/support';

/** The repository root: this file runs from out/test/e2e. */
const ROOT = path.resolve(__dirname, '..', '..', '..');
const SUITE = path.join(ROOT, 'out', 'e2e', 'test', 'e2e', 'suite', 'index.js');

const silent: ProgressReporter = { report: () => undefined, error: () => undefined };

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}

/** A VS Code executable, or why there is none. */
async function findVsCode(): Promise<{ executable?: string; reason?: string }> {
  const given = process.env.VSCODE_EXECUTABLE;
  if (given) return fs.existsSync(given) ? { executable: given } : { reason: `VSCODE_EXECUTABLE=${given} does not exist` };
  try {
    const executable = await downloadAndUnzipVSCode({
      version: process.env.VSCODE_VERSION,
      cachePath: path.join(ROOT, '.vscode-test'),
      extensionDevelopmentPath: ROOT,
      reporter: silent,
      timeout: 20_000,
    });
    return { executable };
  } catch (error) {
    return { reason: `VS Code desktop is not available: VSCODE_EXECUTABLE is unset, none is cached in .vscode-test, and the download failed (${firstLine(error)})` };
  }
}

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => fs.existsSync(path.join(dir, command)));
}

/** A display for Electron on Linux: the current one, or a fresh Xvfb; or why there is none. */
async function ensureDisplay(): Promise<{ display?: string; xvfb?: ChildProcess; reason?: string }> {
  if (process.platform !== 'linux' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY) return {};
  if (!onPath('Xvfb')) return { reason: 'VS Code desktop needs a display: DISPLAY is unset and Xvfb is not installed (apt-get install xvfb)' };
  const display = `:${90 + Math.floor(Math.random() * 100)}`;
  const xvfb = spawn('Xvfb', [display, '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  const socket = `/tmp/.X11-unix/X${display.slice(1)}`;
  const deadline = Date.now() + 10_000;
  while (!fs.existsSync(socket)) {
    if (xvfb.exitCode !== null || Date.now() > deadline) {
      xvfb.kill();
      return { reason: `Xvfb ${display} did not start` };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { display, xvfb };
}

test('VS Code desktop (@vscode/test-electron): diagnostics, hover, completion, quick fix', { timeout: 15 * 60_000 }, async (t) => {
  if (process.env.VSCODE_E2E === 'off') return t.skip('VSCODE_E2E=off');
  const { executable, reason } = await findVsCode();
  if (!executable) return t.skip(reason);
  const { display, xvfb, reason: noDisplay } = await ensureDisplay();
  if (noDisplay) return t.skip(noDisplay);

  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cognito-e2e-'));
  try {
    // The suite, compiled with the Mocha types the root project leaves out.
    const tsc = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(ROOT, 'test', 'e2e', 'tsconfig.json')], { encoding: 'utf8' });
    if (tsc.status !== 0) throw new Error(`compiling test/e2e/suite failed:\n${tsc.stdout}${tsc.stderr}`);
    if (!fs.existsSync(path.join(ROOT, 'dist', 'client', 'extension.js'))) throw new Error('dist/client/extension.js is missing: run npm run bundle first');

    // Copies of the fixtures (the quick fix edits them) and the cases pointing at them.
    const workspace = path.join(scratch, 'workspace');
    fs.mkdirSync(workspace);
    const cases = loadCases().map((c) => {
      const copy = path.join(workspace, path.basename(c.path));
      fs.copyFileSync(c.path, copy);
      return { ...c, path: copy };
    });
    const casesFile = path.join(scratch, 'cases.json');
    fs.writeFileSync(casesFile, JSON.stringify(cases, null, 2));
    const codeActionSkip = codeActionSkipReason(await serverCapabilities(SERVER_BUNDLE)) ?? '';

    await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: SUITE,
      extensionTestsEnv: { COGNITO_E2E_CASES: casesFile, COGNITO_E2E_CODE_ACTIONS_SKIP: codeActionSkip, ...(display ? { DISPLAY: display } : {}) },
      launchArgs: [
        workspace,
        '--user-data-dir',
        path.join(scratch, 'user-data'),
        '--extensions-dir',
        path.join(scratch, 'extensions'),
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-gpu',
      ],
    });
  } finally {
    xvfb?.kill();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
});
