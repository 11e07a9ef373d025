/**
 * Checking one file: read it (or say why not), run the engine (with the suppressions written in the
 * file taken off), and turn the analysis into the report's terms (LSP ranges, fixes as text edits).
 * Never throws: whatever goes wrong with one file becomes a `file-skipped` diagnostic on that file.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { SurfaceKind } from '../model';
import type { RuleSetting } from '../rules/engine';
import type { Severity } from '../rules/types';
import { analyse } from '../service';
import { siblingDocuments } from '../module-files';
import { languageIdForPath, surfaceFor } from '../surfaces';
import type { SourceDocument } from '../surfaces/types';
import { reportFixes } from './fix-edits';
import { nodeFileSystem, type CliFileSystem } from './fs';
import type { FileReport, Range, ReportDiagnostic } from './types';
import { errorReason, type FoundFile } from './walk';

/** The CLI's own rule id for a file it did not check (a contract id). */
export const FILE_SKIPPED = 'file-skipped';

/** The CLI's own rule id for a template the parser could not fully read. */
export const SYNTAX_ERROR = 'syntax-error';

/** How many leading bytes are looked at for a NUL byte (the usual "is it binary" test). */
export const BINARY_SNIFF_BYTES = 8 * 1024;

export interface LintFileOptions {
  /** Severity overrides by rule id. */
  rules?: Record<string, RuleSetting>;
  /** Files larger than this many KB are skipped. */
  maxFileSizeKb: number;
  /** Called when a rule throws (the engine carries on without it). */
  onRuleError?: (ruleId: string, error: unknown) => void;
  /** The file system to read from (tests make it fail); the real one by default. */
  fs?: CliFileSystem;
  /**
   * Whether each diagnostic's fixes are worked out (true by default). Working them out checks
   * every fix by reading the edited document again, most of the time of a large file: the formats
   * that print no fixes (text, github, junit) ask for none.
   */
  fixes?: boolean;
}

/**
 * The surface a file belongs to, from the registry (by its name and language id; CloudFormation when
 * none reads such files): for the report of a file that was skipped or had nothing to read.
 */
export function guessSurface(path: string, languageId: string | undefined): SurfaceKind {
  return surfaceFor({ uri: pathToFileURL(resolve(path)).href, languageId: languageId ?? 'plaintext', text: '' })?.kind ?? 'cloudformation';
}

/**
 * The language id of a file: from its extension, or for a file named directly with an unknown
 * extension, from its first character (`{` or `[`: JSON, anything else: YAML).
 */
export function languageIdFor(path: string, text?: string): string {
  const byName = languageIdForPath(path);
  if (byName) return byName;
  const first = text?.trimStart()[0];
  return first === '{' || first === '[' ? 'json' : 'yaml';
}

const ZERO_RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * The reports of files that should have been checked and could not be: unreadable, not UTF-8, too
 * deeply nested to read. The run fails for them (a CI job must not pass on a template nobody read),
 * unlike files left out by choice (binary, over the size limit). Kept beside the report rather
 * than in it: the JSON document's shape is a contract.
 */
const uncheckable = new WeakSet<FileReport>();

/** Mark a report as of a file that could not be checked (a report made in a worker thread, where the mark does not travel). */
export function markCouldNotCheck(report: FileReport): void {
  uncheckable.add(report);
}

/** Whether a report is of a file that could not be checked (and so fails the run). */
export function couldNotCheck(report: FileReport): boolean {
  return uncheckable.has(report);
}

/**
 * A report for a file that was not checked, with the reason. `failure` marks a file that should
 * have been checked and could not be (see `couldNotCheck`).
 */
export function skippedReport(file: Pick<FoundFile, 'path'>, reason: string, failure = false): FileReport {
  const report: FileReport = {
    path: file.path,
    surface: guessSurface(file.path, languageIdForPath(file.path)),
    clients: [],
    diagnostics: [{ rule: FILE_SKIPPED, severity: 'info', message: `Not checked: ${reason}.`, range: ZERO_RANGE, fixes: [] }],
  };
  if (failure) uncheckable.add(report);
  return report;
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}

function errorText(error: unknown): string {
  return errorReason(error);
}

/** A file's text, or the report saying why it was not read. */
export type ReadOutcome = { kind: 'text'; text: string; bom: boolean } | { kind: 'skipped'; report: FileReport };

/** Strict UTF-8: a byte sequence that is not UTF-8 is an error, never a U+FFFD. The BOM is kept. */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Where the first byte that is not UTF-8 is, as `byte 0xE9 on line 6`. */
function firstInvalidByte(buffer: Buffer): string {
  // Decoding with replacements and encoding again gives the same bytes up to the first bad one.
  const again = Buffer.from(buffer.toString('utf8'), 'utf8');
  let i = 0;
  while (i < buffer.length && buffer[i] === again[i]) i++;
  let line = 1;
  for (let j = 0; j < i; j++) if (buffer[j] === 0x0a || (buffer[j] === 0x0d && buffer[j + 1] !== 0x0a)) line++;
  const byte = (buffer[i] ?? 0).toString(16).toUpperCase().padStart(2, '0');
  return `byte 0x${byte} on line ${line}`;
}

/**
 * Read a file for checking: not too large, not binary, readable, and valid UTF-8 (a file in
 * another encoding is skipped rather than read with replacement characters, which `--fix` would
 * then write back). The byte order mark is taken off the text (editors drop it before counting
 * positions; so does the CLI, so they agree) and reported in `bom`. A valid UTF-8 file decodes and
 * encodes back to exactly its bytes, which is what lets `--fix` change only the bytes it edits.
 */
export function readSource(file: FoundFile, maxFileSizeKb: number, fs: CliFileSystem = nodeFileSystem): ReadOutcome {
  const skipped = (reason: string, failure = false): ReadOutcome => ({ kind: 'skipped', report: skippedReport(file, reason, failure) });
  if (file.unreadable !== undefined) return skipped(file.unreadable, true);
  let buffer: Buffer;
  try {
    const stats = fs.statSync(file.absolute);
    if (!stats.isFile()) return skipped('not a regular file');
    const limit = maxFileSizeKb * 1024;
    if (stats.size > limit) {
      return skipped(`the file is ${formatSize(stats.size)}, over the ${formatSize(limit)} limit (raise it with --max-file-size)`);
    }
    buffer = fs.readFileSync(file.absolute);
  } catch (error) {
    return skipped(`unreadable (${errorText(error)})`, true);
  }
  // Checked again after reading: the file may have grown since the stat.
  if (buffer.length > maxFileSizeKb * 1024) {
    return skipped(`the file is ${formatSize(buffer.length)}, over the ${formatSize(maxFileSizeKb * 1024)} limit (raise it with --max-file-size)`);
  }
  if (buffer.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return skipped('a binary file (it has a NUL byte in its first 8 KB)');
  let text: string;
  try {
    text = utf8.decode(buffer);
  } catch {
    return skipped(`not valid UTF-8 (${firstInvalidByte(buffer)}); save it as UTF-8 to have it checked`, true);
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom) text = text.slice(1);
  return { kind: 'text', text, bom };
}

/** Read, check and report one file. Never throws. */
export function lintFile(file: FoundFile, options: LintFileOptions): FileReport {
  const read = readSource(file, options.maxFileSizeKb, options.fs);
  if (read.kind === 'skipped') return read.report;
  try {
    return lintText(file.path, pathToFileURL(file.absolute).href, read.text, options);
  } catch (error) {
    return skippedReport(file, `internal error: ${errorText(error)}`, true);
  }
}

/** Module siblings larger than this are not read. */
const SIBLING_MAX_BYTES = 5 * 1024 * 1024;

/**
 * The document the engine reads for a file's text: its language, and for a surface that reads its
 * module (Terraform), the other files of the directory (none for a file that is not on disk).
 */
export function sourceDocument(path: string, uri: string, text: string): SourceDocument {
  const own: SourceDocument = { uri, languageId: languageIdFor(path, text), text };
  const siblings = siblingDocuments(own, { maxBytes: SIBLING_MAX_BYTES });
  return siblings ? { ...own, siblings } : own;
}

/** Check a document's text (the part of `lintFile` after reading). May throw on an engine bug. */
export function lintText(path: string, uri: string, text: string, options: Omit<LintFileOptions, 'maxFileSizeKb'>): FileReport {
  const source = sourceDocument(path, uri, text);
  const languageId = source.languageId;
  const analysis = analyse(source, { rules: options.rules }, options.onRuleError);
  if (!analysis) return { path, surface: guessSurface(path, languageId), clients: [], diagnostics: [] };
  const document = TextDocument.create(uri, languageId, 0, text);
  const range = (span: { start: number; end: number }): Range => ({ start: document.positionAt(span.start), end: document.positionAt(span.end) });
  const { model, surface } = analysis;
  // A template the reader could not read (nested too deep for the parser) may hide clients: it is
  // not checked, and the run fails, rather than pass with what little was read.
  const unread = model.problems.find((p) => p.unread);
  if (unread) return skippedReport({ path }, unread.message.replace(/^The (?:JSON |YAML )?template was not read: /, '').replace(/\.$/, ''), true);
  const diagnostics: ReportDiagnostic[] = [];
  // Parse problems only matter in a file that is a template at all: a YAML file that is not one
  // (a Helm chart, a workflow) must stay silent, whatever its syntax.
  const looksLikeTemplate = model.clients.length > 0 || model.context.resources.size > 0;
  if (looksLikeTemplate) {
    for (const problem of model.problems) {
      diagnostics.push({ rule: SYNTAX_ERROR, severity: syntaxSeverity(options.rules), message: problem.message, range: range(problem.span), fixes: [] });
    }
  }
  for (const finding of analysis.findings) {
    const fixes = options.fixes === false ? [] : reportFixes(surface.id, source, model, finding, document);
    diagnostics.push({ rule: finding.ruleId, severity: finding.severity, message: finding.message, range: range(finding.span), fixes });
  }
  diagnostics.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
  return {
    path,
    surface: surface.kind,
    clients: model.clients.map((def) => ({ name: def.name, range: range(def.span) })),
    diagnostics: options.rules?.[SYNTAX_ERROR] === 'off' ? diagnostics.filter((d) => d.rule !== SYNTAX_ERROR) : diagnostics,
  };
}

function syntaxSeverity(rules: Record<string, RuleSetting> | undefined): Severity {
  const setting = rules?.[SYNTAX_ERROR];
  return setting && setting !== 'off' ? setting : 'error';
}
