/**
 * The CLI as a function: arguments and an output sink in, an exit status out. `../cli.ts` wires it
 * to the process; tests and the benchmark call it directly.
 */
import { rules, ruleById } from '../rules';
import { parseArgs, helpText, UsageError, type CliOptions } from './args';
import { formatJson } from './format-json';
import { formatSarif, sarifRules } from './format-sarif';
import { formatSummary, formatText } from './format-text';
import { lintFile, SYNTAX_ERROR } from './lint-file';
import { totalsOf, type LintReport } from './types';
import { CLI_NAME, CLI_VERSION } from './version';
import { collectFiles, PathError, type FoundFile } from './walk';

/** Where the CLI writes, and what it resolves relative paths against. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
}

/** Exit statuses (the contract). */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_FAILURE = 2;

/** Rule ids `--rule` accepts: the engine's, and `syntax-error`. */
export function isKnownRule(id: string): boolean {
  return id === SYNTAX_ERROR || ruleById(id) !== undefined;
}

/** Check files already collected; one report entry per file, in the given order. */
export function lintFiles(files: readonly FoundFile[], options: Pick<CliOptions, 'rules' | 'maxFileSizeKb'>, onRuleError?: (path: string, ruleId: string, error: unknown) => void): LintReport {
  return {
    version: 1,
    files: files.map((file) =>
      lintFile(file, { rules: options.rules, maxFileSizeKb: options.maxFileSizeKb, onRuleError: (ruleId, error) => onRuleError?.(file.path, ruleId, error) }),
    ),
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Run the CLI; returns the exit status. Never throws. */
export function runCli(argv: readonly string[], io: CliIo): number {
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
      files = collectFiles(options.paths, io.cwd);
    } catch (error) {
      if (error instanceof PathError) return fail(error.message);
      throw error;
    }
    // A rule that throws is dropped for that definition by the engine; say so, once per rule and file.
    const reported = new Set<string>();
    const report = lintFiles(files, options, (path, ruleId, error) => {
      const key = `${path}\0${ruleId}`;
      if (reported.has(key)) return;
      reported.add(key);
      io.stderr(`${CLI_NAME}: internal error in rule ${ruleId} on ${path}: ${messageOf(error)}\n`);
    });
    const totals = totalsOf(report);
    switch (options.format) {
      case 'json':
        io.stdout(formatJson(report));
        break;
      case 'sarif':
        io.stdout(formatSarif(report, sarifRules(rules), io.cwd));
        break;
      case 'text':
        io.stdout(formatText(report));
        io.stderr(formatSummary(totals));
        break;
    }
    return totals.errors > 0 ? EXIT_FINDINGS : EXIT_OK;
  } catch (error) {
    return fail(`internal error: ${messageOf(error)}`);
  }
}
