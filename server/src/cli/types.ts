/**
 * The CLI's report: what `--format json` prints, and what the text and SARIF formatters read.
 * The shape is a contract (see the rule catalogue, "Machine-readable output of the CLI"): ranges are
 * 0-based lines and UTF-16 characters, exactly as in LSP.
 */
import type { Range, TextEdit } from 'vscode-languageserver-textdocument';
import type { SurfaceKind } from '../model';
import type { Severity } from '../rules/types';

export type { Position, Range, TextEdit } from 'vscode-languageserver-textdocument';

/** A fix as text edits, ready to apply. */
export interface ReportFix {
  title: string;
  edits: TextEdit[];
}

/** One diagnostic: a rule finding, or one of the CLI's own (`file-skipped`, `syntax-error`). */
export interface ReportDiagnostic {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  fixes: ReportFix[];
}

/** A user pool client definition found in a file. */
export interface ReportClient {
  name: string;
  range: Range;
}

/** Everything the CLI says about one file. */
export interface FileReport {
  /** The path as the user wrote it, joined with the part found by walking a directory; forward slashes. */
  path: string;
  surface: SurfaceKind;
  clients: ReportClient[];
  diagnostics: ReportDiagnostic[];
}

/** The whole JSON document. */
export interface LintReport {
  version: 1;
  files: FileReport[];
}

/** Counts for the summary line and the exit status. */
export interface ReportTotals {
  errors: number;
  warnings: number;
  infos: number;
  files: number;
  clients: number;
}

/** Count diagnostics by severity, files and clients. */
export function totalsOf(report: LintReport): ReportTotals {
  const totals: ReportTotals = { errors: 0, warnings: 0, infos: 0, files: report.files.length, clients: 0 };
  for (const file of report.files) {
    totals.clients += file.clients.length;
    for (const d of file.diagnostics) {
      if (d.severity === 'error') totals.errors++;
      else if (d.severity === 'warning') totals.warnings++;
      else totals.infos++;
    }
  }
  return totals;
}

/**
 * Whether a diagnostic of this severity fails the run under `--fail-on` (absent: `error`), i.e.
 * is at least as severe as the threshold.
 */
export function severityFails(severity: Severity, failOn: 'error' | 'warning' | 'info' | 'none' = 'error'): boolean {
  if (failOn === 'none') return false;
  const rank: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
  return rank[severity] >= rank[failOn];
}

/** Whether the run fails (exit status 1) under `--fail-on` (absent: `error`). */
export function totalsFail(totals: ReportTotals, failOn: 'error' | 'warning' | 'info' | 'none' = 'error'): boolean {
  return (totals.errors > 0 && severityFails('error', failOn)) || (totals.warnings > 0 && severityFails('warning', failOn)) || (totals.infos > 0 && severityFails('info', failOn));
}
