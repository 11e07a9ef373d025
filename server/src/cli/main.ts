/**
 * The CLI as a function: arguments and an output sink in, an exit status out. `../cli.ts` wires it
 * to the process; tests and the benchmark call it directly.
 */
import { setParseTimeout } from '../surfaces/tree-sitter';
import { unifiedDiff } from '../features/text-diff';
import { rules, ruleById } from '../rules';
import type { RuleSetting } from '../rules/engine';
import { parseArgs, helpText, UsageError, type CliOptions } from './args';
import { ConfigError, ConfigResolver } from './config-file';
import { runConvert } from './convert';
import { fixFile, type FixFileOutcome } from './fix-file';
import { formatGithub } from './format-github';
import { formatJson } from './format-json';
import { formatJunit } from './format-junit';
import { formatSarif, sarifRules } from './format-sarif';
import { formatSummary, formatText } from './format-text';
import type { CliFileSystem } from './fs';
import { couldNotCheck, FILE_SKIPPED, lintFile, readSource, SYNTAX_ERROR } from './lint-file';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { lintFilesInWorkers, MIN_FILES_FOR_WORKERS, type ParallelResult } from './parallel';
import { siblingDocuments } from '../module-files';
import { prepareDocument } from '../service';
import { languageIdForPath, surfaceFor } from '../surfaces';
import { totalsFail, totalsOf, type FileReport, type LintReport } from './types';
import { CLI_NAME, CLI_VERSION } from './version';
import { collectFiles, PathError, type FoundFile } from './walk';

/** Where the CLI writes, and what it resolves relative paths against. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  /** The file system (tests make parts of it fail); the real one when absent. */
  fs?: CliFileSystem;
  /**
   * The CLI's entry script, which can be started again as a worker thread (see ./parallel.ts);
   * absent: every file is checked in this thread.
   */
  workerScript?: string;
}

/** Exit statuses (the contract). */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_FAILURE = 2;

/** Rule ids `--rule` accepts: the engine's, and `syntax-error`. */
export function isKnownRule(id: string): boolean {
  return id === SYNTAX_ERROR || ruleById(id) !== undefined;
}

/**
 * Check files already collected; one report entry per file, in the given order. `rulesFor` gives
 * a file's own rule settings (from its configuration file); `options.rules` wins over them.
 */
export function lintFiles(
  files: readonly FoundFile[],
  options: Pick<CliOptions, 'rules' | 'maxFileSizeKb'> & { fixes?: boolean },
  onRuleError?: (path: string, ruleId: string, error: unknown) => void,
  rulesFor?: (file: FoundFile) => Record<string, RuleSetting>,
  fs?: CliFileSystem,
): LintReport {
  return {
    version: 1,
    files: files.map((file) =>
      lintFile(file, {
        rules: { ...rulesFor?.(file), ...options.rules },
        maxFileSizeKb: options.maxFileSizeKb,
        onRuleError: (ruleId, error) => onRuleError?.(file.path, ruleId, error),
        fs,
        fixes: options.fixes,
      }),
    ),
  };
}

/** Whether a report format prints the fixes of its diagnostics (the others need not work them out). */
export function formatPrintsFixes(format: CliOptions['format']): boolean {
  return format === 'json' || format === 'sarif';
}

/** One stderr line per file that could not be checked (unreadable, not UTF-8, nested too deep). */
function uncheckedLines(files: readonly FileReport[]): string {
  let out = '';
  for (const file of files) {
    if (!couldNotCheck(file)) continue;
    const reason = file.diagnostics.find((d) => d.rule === FILE_SKIPPED)?.message.replace(/^Not checked: /, '').replace(/\.$/, '');
    out += `${CLI_NAME}: could not check ${file.path}: ${reason}\n`;
  }
  return out;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The line `--fix` / `--fix-dry-run` print on stderr. */
export function formatFixSummary(outcomes: readonly FixFileOutcome[], mode: 'write' | 'dry-run'): string {
  const changed = outcomes.filter((o) => o.applied.length > 0);
  const fixes = changed.reduce((n, o) => n + o.applied.length, 0);
  let line = `${mode === 'write' ? 'fixed' : 'would fix'} ${plural(fixes, 'problem')} in ${plural(changed.length, 'file')}`;
  // Running again never helps a file with a syntax error: say what does.
  const broken = outcomes.filter((o) => o.notFixable !== undefined).length;
  if (broken > 0) line += ` (${plural(broken, 'file')} not fixed: ${broken === 1 ? 'it has a syntax error, and cannot be fixed until it parses' : 'they have syntax errors, and cannot be fixed until they parse'})`;
  const unstable = outcomes.filter((o) => !o.stable).length;
  if (unstable > 0) line += ` (${plural(unstable, 'file')} still ${unstable === 1 ? 'has' : 'have'} fixes left: run again)`;
  return `${line}\n`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Run the CLI; returns the exit status. Never throws. */
/**
 * `runCli` after what the files' surfaces must load first (the HCL grammar for `.tf` files): the
 * checks themselves are synchronous, the loading is not. The entry point calls this.
 */
export async function runCliAsync(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv[0] === 'convert') return runConvert(argv.slice(1), io);
  let precomputed: Precomputed | undefined;
  try {
    const parsed = parseArgs(argv, isKnownRule);
    if (parsed.kind === 'run') {
      if (parsed.options.parseTimeoutMs !== undefined) setParseTimeout(parsed.options.parseTimeoutMs);
      const files = collectFiles(parsed.options.paths, io.cwd, io.fs);
      precomputed = await inWorkers(parsed.options, files, io);
      if (precomputed) return runCli(argv, io, precomputed);
      const waits: Promise<void>[] = [];
      for (const file of files) {
        const languageId = languageIdForPath(file.path) ?? 'plaintext';
        const uri = pathToFileURL(file.absolute).href;
        if (!surfaceFor({ uri, languageId, text: '' })?.prepare) continue;
        const read = readSource(file, parsed.options.maxFileSizeKb, io.fs);
        if (read.kind !== 'text') continue;
        const doc = { uri, languageId, text: read.text };
        const pending = prepareDocument({ ...doc, siblings: siblingDocuments(doc, { maxBytes: parsed.options.maxFileSizeKb * 1024 }) });
        if (pending) waits.push(pending);
      }
      await Promise.all(waits);
    }
  } catch {
    // runCli reports bad arguments and paths itself
  }
  return runCli(argv, io, precomputed);
}

/** Reports made by worker threads before `runCli` runs, for the files it will find. */
interface Precomputed {
  files: readonly FoundFile[];
  results: ParallelResult[];
}

/** How many threads check the files of a run: `--jobs`, else one per core (at most 8) when there are many files. */
function threadsFor(options: CliOptions, fileCount: number): number {
  if (options.jobs !== undefined) return options.jobs;
  return fileCount >= MIN_FILES_FOR_WORKERS ? Math.min(availableParallelism(), 8) : 1;
}

/**
 * The reports of a check run made on worker threads, when the run is worth spreading (many files,
 * several cores, not `--fix`, the real file system); undefined otherwise, or when anything goes
 * wrong (then `runCli` checks in this thread, and says what is wrong with the configuration).
 */
async function inWorkers(options: CliOptions, files: readonly FoundFile[], io: CliIo): Promise<Precomputed | undefined> {
  const threads = Math.min(threadsFor(options, files.length), files.length);
  if (threads < 2 || options.fix || io.fs || !io.workerScript) return undefined;
  try {
    // The same rule settings `runCli` resolves (it also prints the warnings, once).
    const configs = new ConfigResolver(isKnownRule, { fixed: options.config, disabled: options.noConfig, cwd: io.cwd, warn: () => undefined });
    const rulesOf = new Map<FoundFile, Record<string, RuleSetting>>();
    for (const file of files) rulesOf.set(file, { ...configs.rulesFor(file.absolute), ...options.rules });
    const results = await lintFilesInWorkers(files, (file) => rulesOf.get(file) ?? {}, { maxFileSizeKb: options.maxFileSizeKb, fixes: formatPrintsFixes(options.format) }, io.workerScript, threads);
    return { files, results };
  } catch {
    return undefined;
  }
}

/** Whether two file lists are the same files in the same order. */
function sameFiles(a: readonly FoundFile[], b: readonly FoundFile[]): boolean {
  return a.length === b.length && a.every((f, i) => f.path === b[i].path && f.absolute === b[i].absolute && f.unreadable === b[i].unreadable);
}

export function runCli(argv: readonly string[], io: CliIo, precomputed?: Precomputed): number {
  const fail = (message: string): number => {
    io.stderr(`${CLI_NAME}: ${message}\n`);
    return EXIT_FAILURE;
  };
  try {
    let parsed;
    try {
      parsed = parseArgs(argv, isKnownRule);
    } catch (error) {
      if (error instanceof UsageError) return fail(error.message);
      throw error;
    }
    if (parsed.kind === 'run' && parsed.options.parseTimeoutMs !== undefined) setParseTimeout(parsed.options.parseTimeoutMs);
    if (parsed.kind === 'help') {
      io.stdout(helpText([...rules.map((r) => r.id), SYNTAX_ERROR]));
      return EXIT_OK;
    }
    if (parsed.kind === 'version') {
      io.stdout(`${CLI_VERSION}\n`);
      return EXIT_OK;
    }
    const { options } = parsed;
    let files: FoundFile[];
    try {
      files = collectFiles(options.paths, io.cwd, io.fs);
    } catch (error) {
      if (error instanceof PathError) return fail(error.message);
      throw error;
    }
    // Every file's configuration is read before anything is checked or written: a broken one stops the run.
    const configs = new ConfigResolver(isKnownRule, {
      fixed: options.config,
      disabled: options.noConfig,
      cwd: io.cwd,
      warn: (line) => io.stderr(`${CLI_NAME}: ${line}\n`),
    });
    const fileRules = new Map<FoundFile, Record<string, RuleSetting>>();
    try {
      for (const file of files) fileRules.set(file, { ...configs.rulesFor(file.absolute), ...options.rules });
    } catch (error) {
      if (error instanceof ConfigError) return fail(error.message);
      throw error;
    }
    // A rule that throws is dropped for that definition by the engine; say so, once per rule and file.
    const reported = new Set<string>();
    const onRuleError = (path: string, ruleId: string, error: unknown): void => {
      const key = `${path}\0${ruleId}`;
      if (reported.has(key)) return;
      reported.add(key);
      io.stderr(`${CLI_NAME}: internal error in rule ${ruleId} on ${path}: ${messageOf(error)}\n`);
    };
    let report: LintReport;
    let writeFailed = false;
    if (options.fix) {
      const mode = options.fix;
      const outcomes = files.map((file) =>
        fixFile(file, { rules: fileRules.get(file), maxFileSizeKb: options.maxFileSizeKb, mode, onRuleError: (ruleId, error) => onRuleError(file.path, ruleId, error), fs: io.fs }),
      );
      for (const [i, o] of outcomes.entries()) {
        if (o.writeError === undefined) continue;
        writeFailed = true;
        io.stderr(`${CLI_NAME}: cannot write ${files[i].path}: ${o.writeError}\n`);
      }
      report = { version: 1, files: outcomes.map((o) => o.report) };
      if (mode === 'dry-run') {
        for (const [i, o] of outcomes.entries()) {
          if (o.before !== undefined && o.after !== undefined) io.stdout(unifiedDiff(`a/${files[i].path}`, `b/${files[i].path}`, o.before, o.after));
        }
        const totals = totalsOf(report);
        io.stderr(formatFixSummary(outcomes, mode));
        io.stderr(formatSummary(totals));
        const unchecked = uncheckedLines(report.files);
        io.stderr(unchecked);
        return writeFailed || unchecked ? EXIT_FAILURE : totalsFail(totals, options.failOn) ? EXIT_FINDINGS : EXIT_OK;
      }
      io.stderr(formatFixSummary(outcomes, mode));
    } else {
      if (precomputed && sameFiles(precomputed.files, files)) {
        // Checked on worker threads: the same reports, and the rule errors said in the same order.
        for (const [i, result] of precomputed.results.entries()) for (const e of result.ruleErrors) onRuleError(files[i].path, e.ruleId, new Error(e.message));
        report = { version: 1, files: precomputed.results.map((r) => r.report) };
      } else {
        report = lintFiles(files, { ...options, fixes: formatPrintsFixes(options.format) }, onRuleError, (file) => fileRules.get(file) ?? {}, io.fs);
      }
    }
    const totals = totalsOf(report);
    switch (options.format) {
      case 'json':
        io.stdout(formatJson(report));
        break;
      case 'sarif':
        io.stdout(formatSarif(report, sarifRules(rules), io.cwd));
        break;
      case 'github':
        io.stdout(formatGithub(report, io.cwd));
        io.stderr(formatSummary(totals));
        break;
      case 'junit':
        io.stdout(formatJunit(report, options.failOn));
        break;
      case 'text':
        io.stdout(formatText(report));
        io.stderr(formatSummary(totals));
        break;
    }
    // The whole document is printed first; then the run fails for any file it could not check.
    const unchecked = uncheckedLines(report.files);
    io.stderr(unchecked);
    if (writeFailed || unchecked) return EXIT_FAILURE;
    return totalsFail(totals, options.failOn) ? EXIT_FINDINGS : EXIT_OK;
  } catch (error) {
    return fail(`internal error: ${messageOf(error)}`);
  }
}
