/**
 * `--format sarif`: SARIF 2.1.0, for code-scanning dashboards. One run; the driver lists every
 * rule (with its documentation link and default level) and every file checked is an artifact.
 * SARIF lines and columns are 1-based and, by default, count UTF-16 code units, as LSP does, so
 * positions convert by adding one.
 */
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ClientDefinition, SurfaceKind } from '../model';
import type { Rule, Severity } from '../rules/types';
import { ruleDocsHref } from '../service';
import { FILE_SKIPPED, SYNTAX_ERROR } from './lint-file';
import type { LintReport, Range } from './types';
import { CLI_INFORMATION_URI, CLI_NAME, CLI_VERSION } from './version';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** The base id relative artifact URIs resolve against. */
const SRCROOT = '%SRCROOT%';

export type SarifLevel = 'error' | 'warning' | 'note';

/** A rule as the SARIF driver lists it. */
export interface SarifRuleInfo {
  id: string;
  description: string;
  severity: Severity;
}

export function sarifLevel(severity: Severity): SarifLevel {
  return severity === 'info' ? 'note' : severity;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/**
 * A rule's default severity. Where it depends on the definition (e.g. error in CloudFormation,
 * warning in SDK calls), the most severe over an empty definition of each surface and operation.
 */
export function ruleDefaultSeverity(rule: Rule): Severity {
  if (typeof rule.severity === 'string') return rule.severity;
  const kinds: [SurfaceKind, ClientDefinition['spelling'], ClientDefinition['operation']][] = [
    ['cloudformation', 'cloudformation', 'resource'],
    ['terraform', 'terraform', 'resource'],
    ['sdk', 'api', 'create'],
    ['sdk', 'api', 'update'],
  ];
  let best: Severity | undefined;
  for (const [surface, spelling, operation] of kinds) {
    const def: ClientDefinition = {
      surface, spelling, operation, name: '', span: { start: 0, end: 0 }, nameSpan: { start: 0, end: 0 },
      properties: new Map(), dependsOn: [], references: new Set(),
    };
    try {
      const s = rule.severity(def);
      if (!best || RANK[s] > RANK[best]) best = s;
    } catch {
      // a severity function that needs more than an empty definition: try the next
    }
  }
  return best ?? 'warning';
}

/** The CLI's own rules, listed beside the engine's. */
export const CLI_RULES: readonly SarifRuleInfo[] = [
  { id: SYNTAX_ERROR, description: 'The template cannot be read completely: a syntax error.', severity: 'error' },
  { id: FILE_SKIPPED, description: 'The file was not checked (too large, binary, or unreadable).', severity: 'info' },
];

/** Every rule the driver lists: the engine's rules, then the CLI's own. */
export function sarifRules(engineRules: readonly Rule[]): SarifRuleInfo[] {
  return [...engineRules.map((r) => ({ id: r.id, description: r.description, severity: ruleDefaultSeverity(r) })), ...CLI_RULES];
}

/** A relative output path as a URI reference (each segment percent-encoded); an absolute one as a file URI. */
export function artifactUri(path: string): { uri: string; uriBaseId?: string } {
  if (isAbsolute(path) || /^[A-Za-z]:\//.test(path)) return { uri: pathToFileURL(path).href };
  return { uri: path.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function region(range: Range): { startLine: number; startColumn: number; endLine: number; endColumn: number } {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/** The report as a SARIF 2.1.0 log (pretty-printed JSON with a final newline). */
export function formatSarif(report: LintReport, rules: readonly SarifRuleInfo[], cwd: string): string {
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const artifacts = report.files.map((f) => ({ location: artifactUri(f.path) }));
  const results = [];
  for (const [fileIndex, file] of report.files.entries()) {
    const artifactLocation = { ...artifacts[fileIndex].location, index: fileIndex };
    for (const d of file.diagnostics) {
      const index = ruleIndex.get(d.rule);
      results.push({
        ruleId: d.rule,
        ...(index === undefined ? {} : { ruleIndex: index }),
        level: sarifLevel(d.severity),
        message: { text: d.message },
        locations: [{ physicalLocation: { artifactLocation, region: region(d.range) } }],
        ...(d.fixes.length
          ? {
              fixes: d.fixes.map((fix) => ({
                description: { text: fix.title },
                artifactChanges: [
                  {
                    artifactLocation,
                    replacements: fix.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
                  },
                ],
              })),
            }
          : {}),
      });
    }
  }
  const cwdUri = pathToFileURL(cwd).href;
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: CLI_NAME,
            informationUri: CLI_INFORMATION_URI,
            version: CLI_VERSION,
            semanticVersion: CLI_VERSION,
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.description },
              helpUri: ruleDocsHref(r.id),
              defaultConfiguration: { level: sarifLevel(r.severity) },
            })),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: cwdUri.endsWith('/') ? cwdUri : cwdUri + '/' } },
        columnKind: 'utf16CodeUnits',
        artifacts,
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
