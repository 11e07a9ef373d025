/**
 * `--format junit`: JUnit XML, the test report GitLab (`artifacts:reports:junit`), Jenkins (the
 * JUnit plugin) and Azure Pipelines (`PublishTestResults`) read.
 *
 * One `<testsuite>` per file checked, named by its path. A file with no diagnostics has one
 * passing test case; otherwise each diagnostic is a test case named `RULE at LINE:COLUMN`. A
 * diagnostic that fails the run under `--fail-on` (by default: errors) is a `<failure>`, so the
 * report's failures are exactly what made the job fail; a less severe one passes, with the finding
 * in `<system-out>`; a file the CLI did not check (`file-skipped`) is `<skipped>`.
 *
 * XML 1.0 cannot carry some characters at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF),
 * even as references: they become U+FFFD. Everything else is escaped for its place.
 */
import type { FailOn } from './args';
import { FILE_SKIPPED } from './lint-file';
import { severityFails, type LintReport, type ReportDiagnostic } from './types';
import { CLI_NAME } from './version';

// Characters XML 1.0 allows: tab, LF, CR, U+0020..U+D7FF, U+E000..U+FFFD, and U+10000.. as a
// well-formed surrogate pair. Anything else (including a lone surrogate) is replaced.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\uD800-\uDBFF\uDC00-\uDFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Replace characters XML 1.0 cannot represent with U+FFFD. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML_CHAR, '\uFFFD');
}

/** Escape character data (element content). `\r` is kept as a reference: parsers turn a raw one into `\n`. */
export function escapeXmlText(text: string): string {
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** Escape an attribute value in double quotes; whitespace controls as references, which attribute normalisation would otherwise turn into spaces. */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

function attributes(pairs: readonly (readonly [string, string | number])[]): string {
  return pairs.map(([name, value]) => ` ${name}="${escapeXmlAttribute(String(value))}"`).join('');
}

interface Case {
  name: string;
  line?: number;
  outcome: 'pass' | 'failure' | 'skipped';
  diagnostic?: ReportDiagnostic;
}

function describe(path: string, d: ReportDiagnostic): string {
  return `${path}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.rule} ${d.message}`;
}

/** The report as a JUnit XML document (with a final newline). `failOn` as `--fail-on` (absent: `error`). */
export function formatJunit(report: LintReport, failOn?: FailOn): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  for (const file of report.files) {
    const cases: Case[] = file.diagnostics.length
      ? file.diagnostics.map((d) => ({
          name: `${d.rule} at ${d.range.start.line + 1}:${d.range.start.character + 1}`,
          line: d.range.start.line + 1,
          outcome: d.rule === FILE_SKIPPED ? 'skipped' : severityFails(d.severity, failOn) ? 'failure' : 'pass',
          diagnostic: d,
        }))
      : [{ name: file.path, outcome: 'pass' }];
    const suiteFailures = cases.filter((c) => c.outcome === 'failure').length;
    const suiteSkipped = cases.filter((c) => c.outcome === 'skipped').length;
    tests += cases.length;
    failures += suiteFailures;
    skipped += suiteSkipped;
    let suite = `  <testsuite${attributes([
      ['name', file.path],
      ['tests', cases.length],
      ['failures', suiteFailures],
      ['errors', 0],
      ['skipped', suiteSkipped],
    ])}>\n`;
    for (const c of cases) {
      const open = `    <testcase${attributes([
        ['classname', file.path],
        ['name', c.name],
        ['file', file.path],
        ...(c.line === undefined ? [] : [['line', c.line] as const]),
      ])}`;
      const d = c.diagnostic;
      if (!d) {
        suite += `${open}/>\n`;
      } else if (c.outcome === 'failure') {
        suite += `${open}>\n      <failure${attributes([
          ['message', d.message],
          ['type', d.severity],
        ])}>${escapeXmlText(describe(file.path, d))}</failure>\n    </testcase>\n`;
      } else if (c.outcome === 'skipped') {
        suite += `${open}>\n      <skipped${attributes([['message', d.message]])}/>\n    </testcase>\n`;
      } else {
        suite += `${open}>\n      <system-out>${escapeXmlText(describe(file.path, d))}</system-out>\n    </testcase>\n`;
      }
    }
    suite += '  </testsuite>\n';
    suites.push(suite);
  }
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites${attributes([
      ['name', CLI_NAME],
      ['tests', tests],
      ['failures', failures],
      ['errors', 0],
      ['skipped', skipped],
    ])}>\n` +
    suites.join('') +
    '</testsuites>\n'
  );
}
