/**
 * Command-line arguments: `cognito-client-lint [options] PATH...`. A small hand-written parser so
 * every mistake gets one clear line (node's `util.parseArgs` messages are long and generic).
 */
import type { RuleSetting } from '../rules/engine';
import { CLI_NAME } from './version';

export type OutputFormat = 'text' | 'json' | 'sarif' | 'github' | 'junit';

export const OUTPUT_FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif', 'github', 'junit'];

/** The least severe diagnostic that makes the run fail (exit status 1); `none`: findings never do. */
export type FailOn = 'error' | 'warning' | 'info' | 'none';

export const FAIL_ON_VALUES: readonly FailOn[] = ['error', 'warning', 'info', 'none'];

const RULE_SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'info', 'off'];

/** The default file size limit, in KB (5 MB). */
export const DEFAULT_MAX_FILE_SIZE_KB = 5 * 1024;

export interface CliOptions {
  format: OutputFormat;
  /** Files and directories, as written. */
  paths: string[];
  /** Severity overrides by rule id (`--rule id=severity|off`). */
  rules: Record<string, RuleSetting>;
  /** Files larger than this many KB are reported as skipped. */
  maxFileSizeKb: number;
  /** How long one tree-sitter parse (.tf, JavaScript/TypeScript, Python) may take, in ms (`--parse-timeout`). */
  parseTimeoutMs?: number;
  /**
   * Apply every unambiguous fix: `write` rewrites the files in place (`--fix`), `dry-run` prints
   * the changes as a unified diff and writes nothing (`--fix-dry-run`). Absent: only check.
   */
  fix?: 'write' | 'dry-run';
  /** A configuration file to use for every file instead of looking for `.cognito-client.json` (`--config`). */
  config?: string;
  /** Use no configuration file at all (`--no-config`). */
  noConfig?: boolean;
  /** The least severe diagnostic that fails the run (`--fail-on`); absent: `error`. */
  failOn?: FailOn;
  /** How many threads check files (`--jobs`); absent: one per core when there are many files. */
  jobs?: number;
}

export type ParsedArgs = { kind: 'help' } | { kind: 'version' } | { kind: 'run'; options: CliOptions };

/** A mistake in the command line; the message is the one line printed after the program name. */
export class UsageError extends Error {}

/** The `--help` text. */
export function helpText(ruleIds: readonly string[]): string {
  return `Usage: ${CLI_NAME} [options] PATH...
       ${CLI_NAME} convert --to TARGET [--client NAME] FILE

Checks Amazon Cognito user pool client (app client) definitions in CloudFormation
templates (YAML and JSON) and every other supported file.

PATH is a file or a directory. Directories are searched recursively for files with a
supported extension (.yaml, .yml, .json, .jsonc, .template, ...), skipping node_modules,
.git and cdk.out unless the PATH itself names them. A file named directly is always
checked, whatever its extension. Files are listed in sorted order, each once.

Options:
  -f, --format FORMAT      text (default), json, sarif, github or junit
      --fail-on SEVERITY   exit with status 1 when a diagnostic at least this severe
                           is reported: error (default), warning, info, or none
      --rule ID=SEVERITY   set a rule's severity: error, warning, info or off
                           (repeatable)
      --max-file-size KB   skip files larger than this (default ${DEFAULT_MAX_FILE_SIZE_KB}, i.e. 5 MB)
      --jobs N             check files on N threads (default: one per core when
                           there are many files; 1: in this thread only). The
                           output is the same whatever N is.
      --parse-timeout MS   give up parsing a .tf, JavaScript/TypeScript or Python
                           file after this long (default 2000); it is then
                           reported as not checked
      --fix                apply every unambiguous fix, writing the files in place
                           (then report what is left)
      --fix-dry-run        print those fixes as a unified diff; write nothing
      --config FILE        read rule settings from FILE instead of the nearest
                           .cognito-client.json
      --no-config          read no .cognito-client.json
  -h, --help               show this help
  -v, --version            show the version

Output:
  text   one line per diagnostic on stdout: path:line:column severity rule message
         (1-based), then a summary line on stderr, e.g.
         "1 error, 2 warnings, 0 info in 3 files (4 clients)"
  json   one JSON document on stdout: {"version":1,"files":[...]} with 0-based
         lines and UTF-16 characters, as in LSP
  sarif  SARIF 2.1.0 on stdout
  github GitHub Actions workflow commands (::error file=...::message) on stdout, one
         per diagnostic, shown as annotations on the pull request; summary on stderr
  junit  JUnit XML on stdout (GitLab, Jenkins, Azure Pipelines): a test suite per
         file, a test case per diagnostic, failed when --fail-on counts it
A file that is not checked (too large, binary, unreadable, not UTF-8, nested too
deep to read) gets one info diagnostic with the rule id file-skipped saying why; a
template with a syntax error gets an error with the rule id syntax-error.

Configuration:
  The nearest .cognito-client.json in the directory of each file or above it sets
  rule severities, e.g. {"rules": {"implicit-flow-discouraged": "off"}}; --rule
  wins over it. In-file comments suppress findings:
    # cognito-client-disable-next-line RULE[, RULE...]   (the next line only)
    # cognito-client-disable [RULE...]                   (the whole file)
  and in a resource's Metadata: {"cognito-client": {"ignore": ["RULE"]}}.

Fixing:
  --fix and --fix-dry-run apply only fixes that need no choice, pass after pass
  until nothing more changes (a second run changes nothing); a template with a
  syntax error is not fixed. The summary on stderr says how many were applied.

Exit status:
  0  no error-severity diagnostics (after fixing, with --fix / --fix-dry-run);
     with --fail-on, no diagnostic at least that severe
  1  at least one error-severity diagnostic (with --fail-on: one at least that severe)
  2  the command failed (bad arguments, a path that does not exist, a configuration
     file that is not JSON, a file --fix could not write), or a file or directory
     could not be checked (unreadable, not UTF-8, nested too deep; the rest is still
     checked and printed)

Rules (for --rule):
${wrap(ruleIds.length ? ruleIds.join(', ') : '(none)', 86, '  ')}
`;
}

/** Wrap text at spaces to lines of at most `width` characters, each indented. */
function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}

/**
 * Parse the arguments after the program name. `isKnownRule` validates `--rule` ids.
 * Throws `UsageError` for anything malformed.
 */
export function parseArgs(argv: readonly string[], isKnownRule: (id: string) => boolean): ParsedArgs {
  const options: CliOptions = { format: 'text', paths: [], rules: {}, maxFileSizeKb: DEFAULT_MAX_FILE_SIZE_KB };
  let help = false;
  let version = false;
  let onlyPaths = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyPaths || arg === '-' || !arg.startsWith('-')) {
      if (arg === '') throw new UsageError('empty path');
      options.paths.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPaths = true;
      continue;
    }
    // `--name=value` or `--name value`.
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    const inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined) throw new UsageError(`option ${name} needs a value`);
      i++;
      return next;
    };
    const noValue = (): void => {
      if (inline !== undefined) throw new UsageError(`option ${name} takes no value`);
    };
    switch (name) {
      case '-h':
      case '--help':
        noValue();
        help = true;
        break;
      case '-v':
      case '--version':
        noValue();
        version = true;
        break;
      case '-f':
      case '--format': {
        const format = value();
        if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
          throw new UsageError(`unknown format ${JSON.stringify(format)} (expected text, json, sarif, github or junit)`);
        }
        options.format = format as OutputFormat;
        break;
      }
      case '--fail-on': {
        const failOn = value();
        if (!(FAIL_ON_VALUES as readonly string[]).includes(failOn)) {
          throw new UsageError(`unknown --fail-on value ${JSON.stringify(failOn)} (expected error, warning, info or none)`);
        }
        options.failOn = failOn as FailOn;
        break;
      }
      case '--rule': {
        const [id, setting] = parseRuleSetting(value(), isKnownRule);
        options.rules[id] = setting;
        break;
      }
      case '--fix':
        noValue();
        if (options.fix === 'dry-run') throw new UsageError('--fix and --fix-dry-run cannot be used together');
        options.fix = 'write';
        break;
      case '--fix-dry-run':
        noValue();
        if (options.fix === 'write') throw new UsageError('--fix and --fix-dry-run cannot be used together');
        options.fix = 'dry-run';
        break;
      case '--config': {
        const file = value();
        if (file === '') throw new UsageError('--config needs a file name');
        options.config = file;
        break;
      }
      case '--no-config':
        noValue();
        options.noConfig = true;
        break;
      case '--max-file-size': {
        const raw = value();
        if (!/^\d+$/.test(raw)) throw new UsageError(`--max-file-size needs a whole number of KB, not ${JSON.stringify(raw)}`);
        options.maxFileSizeKb = Number(raw);
        break;
      }
      case '--jobs': {
        const raw = value();
        if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new UsageError(`--jobs needs a whole number of threads from 1, not ${JSON.stringify(raw)}`);
        options.jobs = Number(raw);
        break;
      }
      case '--parse-timeout': {
        const raw = value();
        if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new UsageError(`--parse-timeout needs a whole number of milliseconds, not ${JSON.stringify(raw)}`);
        options.parseTimeoutMs = Number(raw);
        break;
      }
      default:
        throw new UsageError(`unknown option ${name} (see --help)`);
    }
  }
  if (help) return { kind: 'help' };
  if (version) return { kind: 'version' };
  if (options.paths.length === 0) throw new UsageError('no paths given (see --help)');
  if (options.config !== undefined && options.noConfig) throw new UsageError('--config and --no-config cannot be used together');
  if (options.fix === 'dry-run' && options.format !== 'text') throw new UsageError('--fix-dry-run prints a diff; it cannot be combined with --format ' + options.format);
  return { kind: 'run', options };
}

function parseRuleSetting(text: string, isKnownRule: (id: string) => boolean): [string, RuleSetting] {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new UsageError(`--rule needs ID=SEVERITY, not ${JSON.stringify(text)}`);
  const id = text.slice(0, eq).trim();
  const setting = text.slice(eq + 1).trim();
  if (!isKnownRule(id)) throw new UsageError(`unknown rule ${JSON.stringify(id)} (see --help for the list)`);
  if (!(RULE_SETTINGS as readonly string[]).includes(setting)) {
    throw new UsageError(`unknown severity ${JSON.stringify(setting)} for rule ${id} (expected error, warning, info or off)`);
  }
  return [id, setting as RuleSetting];
}
