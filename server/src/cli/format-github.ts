/**
 * `--format github`: one GitHub Actions workflow command per diagnostic,
 * `::error file=F,line=L,endLine=L2,col=C,endColumn=C2,title=T::MESSAGE`, which the runner turns
 * into an annotation on the file (shown on the pull request's changed lines), with no code
 * scanning needed. `info` becomes a `notice`.
 *
 * The runner reads a command line by line and splits its properties at `,` and `=`-separated
 * pairs, so everything written from a template (paths, messages quoting values) is escaped:
 * in the message `%`, `\r` and `\n`; in property values also `:` and `,`. Without that, a value
 * containing a newline could start a workflow command of its own.
 */
import { isAbsolute, relative, sep } from 'node:path';
import type { Severity } from '../rules/types';
import type { LintReport } from './types';

/** The workflow command for a severity. */
export function githubCommand(severity: Severity): 'error' | 'warning' | 'notice' {
  return severity === 'info' ? 'notice' : severity;
}

/** Escape a command's message (the part after `::`). */
export function escapeGithubData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escape a command property value (`file=`, `title=`). */
export function escapeGithubProperty(text: string): string {
  return escapeGithubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * The path GitHub expects: relative to the workspace (the working directory of the step), with
 * forward slashes and no leading `./`. A path outside `cwd` is kept as it is.
 */
export function githubPath(path: string, cwd: string): string {
  let p = path;
  if (isAbsolute(p)) {
    const rel = relative(cwd, p);
    if (rel && !rel.startsWith('..') && !isAbsolute(rel)) p = rel.split(sep).join('/');
  }
  while (p.startsWith('./')) p = p.slice(2);
  return p;
}

/** Every diagnostic as a workflow command line (1-based lines and columns), files in report order. */
export function formatGithub(report: LintReport, cwd: string): string {
  let out = '';
  for (const file of report.files) {
    const path = githubPath(file.path, cwd);
    for (const d of file.diagnostics) {
      const properties = [
        ['file', path],
        ['line', String(d.range.start.line + 1)],
        ['endLine', String(d.range.end.line + 1)],
        ['col', String(d.range.start.character + 1)],
        ['endColumn', String(d.range.end.character + 1)],
        ['title', d.rule],
      ]
        .map(([name, value]) => `${name}=${escapeGithubProperty(value)}`)
        .join(',');
      out += `::${githubCommand(d.severity)} ${properties}::${escapeGithubData(d.message)}\n`;
    }
  }
  return out;
}
