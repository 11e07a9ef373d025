/**
 * The default output: one line per diagnostic, `path:line:column severity rule message`, 1-based
 * (the shape compilers print, which editors and terminals turn into links), and a summary line.
 */
import type { LintReport, ReportTotals } from './types';

/** One line per diagnostic, each ending in a newline; files in report order. */
export function formatText(report: LintReport): string {
  let out = '';
  for (const file of report.files) {
    for (const d of file.diagnostics) {
      // A message is one line here, whatever the rule wrote.
      // (A match starts only where a run of white space starts: no rescanning a long run from inside.)
      const message = d.message.replace(/(?<!\s)\s*[\r\n]+\s*/g, ' ');
      out += `${file.path}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.rule} ${message}\n`;
    }
  }
  return out;
}

function count(n: number, singular: string, plural: string): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** The summary line, e.g. `3 errors, 1 warning, 0 info in 2 files (5 clients)`, with a newline. */
export function formatSummary(totals: ReportTotals): string {
  return (
    `${count(totals.errors, 'error', 'errors')}, ${count(totals.warnings, 'warning', 'warnings')}, ${totals.infos} info` +
    ` in ${count(totals.files, 'file', 'files')} (${count(totals.clients, 'client', 'clients')})\n`
  );
}
