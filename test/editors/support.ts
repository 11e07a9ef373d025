/**
 * Shared pieces of the real-editor tests (code-server, Neovim, Emacs) and of the VS Code desktop
 * suite's launcher: the fixture cases with their positions resolved, the shipped server's
 * `initialize` capabilities, polling, free ports, temporary homes, and the outcome lines every
 * editor script prints (`ok NAME`, `skip NAME: why`, `fail NAME: why`).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { inSpelling } from '../../server/src/features/hover-docs';

/** The repository root: this file runs from out/test/editors. */
export const ROOT = path.resolve(__dirname, '..', '..', '..');
/** The fixtures and the editor scripts live in the sources, next to this file's source. */
export const EDITORS_SRC = path.join(ROOT, 'test', 'editors');
export const FIXTURES = path.join(EDITORS_SRC, 'fixtures');
export const SERVER_BUNDLE = path.join(ROOT, 'dist', 'server', 'server.js');
export const SCHEMA = path.join(ROOT, 'schemas', 'user-pool-client.json');
/** Screenshots, logs and scratch files; gitignored. */
export const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'editors');

/** A place in a fixture: the first occurrence of `at` (plus `offset` UTF-16 units). */
export interface Anchor {
  at: string;
  offset?: number;
}

/** A resolved place: 0-based line and UTF-16 character, as in LSP. */
export interface Place {
  line: number;
  character: number;
}

export interface CompletionCase extends Anchor {
  /** What the scenario is called in the outcome lines. */
  name: string;
  /** A label the completion list must contain. */
  expect: string;
  /** A label it must not contain (e.g. a property already written). */
  reject?: string;
  /** A diagnostic code that goes away once `expect` is accepted (checked where the editor accepts it: VS Code). */
  clears?: string;
}

export interface CodeActionCase extends Anchor {
  /** The diagnostic code the fix is for; after applying it that diagnostic is gone. */
  code: string;
  /** Text the document contains after the fix. */
  expectText: string;
  /** Preferred when several actions are offered: the one whose title contains this. */
  titleIncludes?: string;
}

/** One fixture and what every editor must show for it (test/editors/fixtures/cases.json). */
export interface FixtureCase {
  file: string;
  /** The language id Neovim and Emacs send (their filetype / major mode). */
  languageId: string;
  /** The language id VS Code gives the file when it differs (`.tf` is `plaintext` without HashiCorp's extension). */
  vscodeLanguageId?: string;
  /** Diagnostic codes that must all be reported when the file is opened. */
  codes: string[];
  /** `expect`, when given, replaces the schema title (the CDK L2 hover explains the prop, then the property it becomes). */
  hover: Anchor & { property: string; expect?: string };
  completions: CompletionCase[];
  codeAction: CodeActionCase;
  /** VS Code: the fix-all action in the light bulb at this place, chosen with Ctrl+. (resolved lazily by the server). */
  fixAll?: Anchor & { expectText: string; clears: string };
  /**
   * The CodeLens line above the client (`at` is on the client's first line): `expect` is the
   * settings lens, `problems` the count lens, whose command reveals `firstProblem`.
   */
  codeLens?: Anchor & { expect: string; problems: string; firstProblem: Anchor & { code: string } };
  /** A "Convert to ..." code action at this place and what its converted text must be. */
  convert?: ConvertCase;
}

export interface ConvertCase extends Anchor {
  /** The code action's title (`Convert to Terraform`). */
  title: string;
  /** The conversion target id (`terraform`), the last argument of the server's command. */
  target: string;
  /** The converted document's LSP language id. */
  language: string;
  /** The untitled document's language id in VS Code, when it differs (no Terraform extension there). */
  vscodeLanguage?: string;
  /** Strings the converted text must contain. */
  expectText: string[];
}

/** A case with its places resolved and the hover's expected text taken from the schema. */
export interface ResolvedCase extends FixtureCase {
  path: string;
  hover: FixtureCase['hover'] & Place & { expect: string };
  completions: Array<CompletionCase & Place>;
  codeAction: CodeActionCase & Place;
  fixAll?: NonNullable<FixtureCase['fixAll']> & Place;
  codeLens?: NonNullable<FixtureCase['codeLens']> & Place & { firstProblem: Place };
  convert?: ConvertCase & Place;
}

export function resolvePlace(text: string, anchor: Anchor, file: string): Place {
  const index = text.indexOf(anchor.at);
  if (index < 0) throw new Error(`${file}: the anchor ${JSON.stringify(anchor.at)} is not in the file`);
  const before = text.slice(0, index + (anchor.offset ?? 0));
  const lines = before.split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

/**
 * The fixture cases, resolved. The hover must show the property's schema title (the schema is the
 * single source of the docs, so the test reads it rather than repeating prose).
 */
export function loadCases(): ResolvedCase[] {
  const raw = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'cases.json'), 'utf8')) as { cases: FixtureCase[] };
  const schema = JSON.parse(fs.readFileSync(SCHEMA, 'utf8')) as { properties: Record<string, { title?: string }> };
  return raw.cases.map((c) => {
    const file = path.join(FIXTURES, c.file);
    const text = fs.readFileSync(file, 'utf8');
    const canonicalTitle = schema.properties[c.hover.property]?.title;
    if (!canonicalTitle) throw new Error(`cases.json: ${c.hover.property} has no title in ${SCHEMA}`);
    // Hover names properties in the document's spelling (Terraform: `token_validity_units.access_token`).
    const title = /\.tf(\.json)?$/.test(c.file) ? inSpelling(canonicalTitle, 'terraform') : canonicalTitle;
    return {
      ...c,
      path: file,
      hover: { ...c.hover, ...resolvePlace(text, c.hover, c.file), expect: c.hover.expect ?? title },
      completions: c.completions.map((k) => ({ ...k, ...resolvePlace(text, k, c.file) })),
      codeAction: { ...c.codeAction, ...resolvePlace(text, c.codeAction, c.file) },
      fixAll: c.fixAll && { ...c.fixAll, ...resolvePlace(text, c.fixAll, c.file) },
      codeLens: c.codeLens && {
        ...c.codeLens,
        ...resolvePlace(text, c.codeLens, c.file),
        firstProblem: { ...c.codeLens.firstProblem, ...resolvePlace(text, c.codeLens.firstProblem, c.file) },
      },
      convert: c.convert && { ...c.convert, ...resolvePlace(text, c.convert, c.file) },
    };
  });
}

/** The `initialize` capabilities of the shipped server, asked over stdio as Neovim and Emacs do. */
export async function serverCapabilities(bundle = SERVER_BUNDLE, timeoutMs = 10_000): Promise<Record<string, unknown>> {
  const child = spawn(process.execPath, [bundle, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.listen();
  let timer: NodeJS.Timeout | undefined;
  try {
    const result = await Promise.race([
      connection.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', { processId: process.pid, rootUri: null, capabilities: {} }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no initialize answer from ${bundle} within ${timeoutMs} ms; stderr: ${stderr || '(empty)'}`)), timeoutMs);
        child.once('exit', (code) => reject(new Error(`${bundle} exited with status ${code} before answering initialize; stderr: ${stderr.trim().split('\n').slice(0, 6).join(' | ') || '(empty)'}`)));
      }),
    ]);
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    return result.capabilities;
  } finally {
    clearTimeout(timer);
    connection.dispose();
    if (child.exitCode === null) child.kill();
  }
}

/** Why code-action scenarios are skipped, or undefined when the server offers code actions. */
export function codeActionSkipReason(capabilities: Record<string, unknown>): string | undefined {
  return capabilities.codeActionProvider ? undefined : 'the server offers no code actions yet';
}

/** Poll `check` until it returns a value other than undefined/false, or fail after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 20_000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const detail = lastError instanceof Error ? ` (last error: ${lastError.message.split('\n')[0]})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** A TCP port nobody listens on right now, on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A fresh temporary directory. */
export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `cognito-editors-${prefix}-`));
}

/** Environment for an editor process whose home, config, data, state and cache are all in `home`. */
export function isolatedEnv(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  for (const dir of ['config', 'data', 'state', 'cache']) fs.mkdirSync(path.join(home, dir), { recursive: true });
  return {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, 'config'),
    XDG_DATA_HOME: path.join(home, 'data'),
    XDG_STATE_HOME: path.join(home, 'state'),
    XDG_CACHE_HOME: path.join(home, 'cache'),
    ...extra,
  };
}

export type Status = 'passed' | 'failed' | 'skipped';

export interface Outcome {
  editor: string;
  name: string;
  status: Status;
  /** Why it failed or was skipped. */
  detail?: string;
  /** Seconds since the editor's run started, when the outcome was known. */
  seconds?: number;
}

/**
 * Outcomes from an editor script's output: lines `ok NAME`, `skip NAME: why`, `fail NAME: why`
 * (other lines are the script's log).
 */
export function parseOutcomes(editor: string, output: string): Outcome[] {
  const outcomes: Outcome[] = [];
  for (const line of output.split('\n')) {
    const match = /^(ok|skip|fail) ([^:]+?)(?:: (.*))?\s*$/.exec(line);
    if (!match) continue;
    const status: Status = match[1] === 'ok' ? 'passed' : match[1] === 'skip' ? 'skipped' : 'failed';
    outcomes.push({ editor, name: match[2], status, detail: match[3] });
  }
  return outcomes;
}

/** One line for an outcome, as the runner prints it. */
export function formatOutcome(o: Outcome): string {
  const mark = o.status === 'passed' ? 'ok  ' : o.status === 'failed' ? 'FAIL' : 'skip';
  const time = o.seconds !== undefined ? ` (${o.seconds.toFixed(1)} s)` : '';
  return `${mark} ${o.editor}: ${o.name}${time}${o.detail ? ` — ${o.detail}` : ''}`;
}
