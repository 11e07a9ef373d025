/** `--format json`: the report as one JSON document (the contract shape, see ./types.ts). */
import type { LintReport } from './types';

/** The report as pretty-printed JSON with a final newline. */
export function formatJson(report: LintReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}
