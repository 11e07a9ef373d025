/**
 * `--fix` and `--fix-dry-run` for one file: read it, apply every unambiguous fix (../features/fix-all,
 * the same code the editor's "fix all" runs), write the result back in place or keep it for a diff,
 * and report what is left. Only the bytes of the edits change: the file is read as strict UTF-8
 * (a file that is not is skipped, never written), a byte order mark it had is written back, and
 * line breaks are the file's own (the edit builders keep them). A file whose text does not change
 * is never written, nor is a template with a syntax error (fixes are planned on what the parser
 * read, which may not be all of it).
 */
import { pathToFileURL } from 'node:url';
import { fixAll, type AppliedFix } from '../features/fix-all';
import type { RuleSetting } from '../rules/engine';
import { nodeFileSystem, type CliFileSystem } from './fs';
import { couldNotCheck, lintText, readSource, skippedReport, sourceDocument } from './lint-file';
import type { FileReport } from './types';
import type { FoundFile } from './walk';

export interface FixFileOptions {
  rules?: Record<string, RuleSetting>;
  maxFileSizeKb: number;
  /** `write` rewrites the file; `dry-run` only computes the new text. */
  mode: 'write' | 'dry-run';
  onRuleError?: (ruleId: string, error: unknown) => void;
  /** The file system to read from and write to (tests make it fail); the real one by default. */
  fs?: CliFileSystem;
}

export interface FixFileOutcome {
  /** The report of the file as it is after fixing (as it would be, in a dry run). */
  report: FileReport;
  applied: AppliedFix[];
  /** The file's text before and after (with its byte order mark, if it has one), when fixing changed it. */
  before?: string;
  after?: string;
  /** False when fixes were still left after the pass limit. */
  stable: boolean;
  /** Why nothing was tried, when nothing was: the file has a syntax error to correct first. */
  notFixable?: string;
  /** Why the file could not be written, when it could not. */
  writeError?: string;
}

function errorText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

/** Fix one file. Never throws. */
export function fixFile(file: FoundFile, options: FixFileOptions): FixFileOutcome {
  const fs = options.fs ?? nodeFileSystem;
  const read = readSource(file, options.maxFileSizeKb, fs);
  if (read.kind === 'skipped') return { report: read.report, applied: [], stable: true };
  const uri = pathToFileURL(file.absolute).href;
  const lint = (text: string): FileReport => lintText(file.path, uri, text, { rules: options.rules, onRuleError: options.onRuleError });
  try {
    const result = fixAll(sourceDocument(file.path, uri, read.text), { rules: options.rules });
    if (result?.skipped !== undefined) {
      // A file that could not be read at all is reported as such, not as one to correct and fix.
      const report = lint(read.text);
      return { report, applied: [], stable: true, notFixable: couldNotCheck(report) ? undefined : result.skipped };
    }
    if (!result || result.text === read.text) return { report: lint(read.text), applied: [], stable: result?.stable ?? true };
    // The texts as the file holds them (with its byte order mark), so a diff of them applies to the file.
    const bom = read.bom ? '\ufeff' : '';
    const outcome: FixFileOutcome = { report: lint(result.text), applied: result.applied, before: bom + read.text, after: bom + result.text, stable: result.stable };
    if (options.mode === 'write') {
      try {
        fs.writeFileSync(file.absolute, Buffer.from(bom + result.text, 'utf8'));
      } catch (error) {
        outcome.writeError = errorText(error);
        outcome.report = lint(read.text);
        outcome.applied = [];
      }
    }
    return outcome;
  } catch (error) {
    return { report: skippedReport(file, `internal error: ${errorText(error)}`, true), applied: [], stable: true };
  }
}
