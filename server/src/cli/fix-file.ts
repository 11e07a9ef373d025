/**
 * `--fix` and `--fix-dry-run` for one file: read it, apply every unambiguous fix (../features/fix-all,
 * the same code the editor's "fix all" runs), write the result back in place or keep it for a diff,
 * and report what is left. A byte order mark the file had is written back; line breaks are the
 * file's own (the edit builders keep them). A file whose text does not change is never written.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { fixAll, type AppliedFix } from '../features/fix-all';
import type { RuleSetting } from '../rules/engine';
import { lintText, readSource, skippedReport, sourceDocument } from './lint-file';
import type { FileReport } from './types';
import type { FoundFile } from './walk';

export interface FixFileOptions {
  rules?: Record<string, RuleSetting>;
  maxFileSizeKb: number;
  /** `write` rewrites the file; `dry-run` only computes the new text. */
  mode: 'write' | 'dry-run';
  onRuleError?: (ruleId: string, error: unknown) => void;
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
  const read = readSource(file, options.maxFileSizeKb);
  if (read.kind === 'skipped') return { report: read.report, applied: [], stable: true };
  const uri = pathToFileURL(file.absolute).href;
  const lint = (text: string): FileReport => lintText(file.path, uri, text, { rules: options.rules, onRuleError: options.onRuleError });
  try {
    const result = fixAll(sourceDocument(file.path, uri, read.text), { rules: options.rules });
    if (!result || result.text === read.text) return { report: lint(read.text), applied: [], stable: result?.stable ?? true };
    // The texts as the file holds them (with its byte order mark), so a diff of them applies to the file.
    const bom = read.bom ? '\ufeff' : '';
    const outcome: FixFileOutcome = { report: lint(result.text), applied: result.applied, before: bom + read.text, after: bom + result.text, stable: result.stable };
    if (options.mode === 'write') {
      try {
        writeFileSync(file.absolute, bom + result.text, 'utf8');
      } catch (error) {
        outcome.writeError = errorText(error);
        outcome.report = lint(read.text);
        outcome.applied = [];
      }
    }
    return outcome;
  } catch (error) {
    return { report: skippedReport(file, `internal error: ${errorText(error)}`), applied: [], stable: true };
  }
}
