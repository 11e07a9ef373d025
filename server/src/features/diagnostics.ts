/**
 * Findings to LSP diagnostics. Pure: no connection. Each diagnostic carries the rule id as its
 * `code`, a link to the rule's documentation, and in `data` the rule id and its semantic fixes,
 * which the code-action feature reads back (never the message text).
 */
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentModel, Span } from '../model';
import type { Finding, SemanticFix, Severity } from '../rules/types';
import { ruleDocsHref } from '../service';

/** The `source` of every diagnostic this server reports. */
export const DIAGNOSTIC_SOURCE = 'cognito-client';

/** What a diagnostic's `data` holds: enough to offer the finding's quick fixes later. */
export interface DiagnosticData {
  ruleId: string;
  fixes: SemanticFix[];
}

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** An LSP range for a span of UTF-16 offsets, clamped to the document. */
export function rangeOf(document: TextDocument, span: Span): Range {
  const length = document.getText().length;
  const start = Math.max(0, Math.min(span.start, length));
  const end = Math.max(start, Math.min(span.end, length));
  return { start: document.positionAt(start), end: document.positionAt(end) };
}

/** One finding as a diagnostic. */
export function toDiagnostic(document: TextDocument, finding: Finding): Diagnostic {
  // A JSON round trip keeps `data` plain JSON whatever a rule put in its fixes.
  const data: DiagnosticData = JSON.parse(JSON.stringify({ ruleId: finding.ruleId, fixes: finding.fixes ?? [] }));
  return {
    range: rangeOf(document, finding.span),
    severity: severities[finding.severity] ?? DiagnosticSeverity.Warning,
    source: DIAGNOSTIC_SOURCE,
    code: finding.ruleId,
    codeDescription: { href: ruleDocsHref(finding.ruleId) },
    message: finding.message,
    data,
  };
}

/** Every finding of a document as diagnostics, in the findings' order. */
export function toDiagnostics(document: TextDocument, findings: readonly Finding[]): Diagnostic[] {
  return findings.map((f) => toDiagnostic(document, f));
}

/**
 * At most this many findings of one document are published. A pasted list of 100,000 bad values
 * makes as many findings; converting them took a second, and no editor shows them usefully. The
 * CLI reports every one, and fix-all and the CodeLens count them all.
 */
export const MAX_PUBLISHED_FINDINGS = 10_000;

/** The code of the diagnostic that says how many findings were left out (`MAX_PUBLISHED_FINDINGS`). */
export const TOO_MANY_CODE = 'too-many-problems';

/**
 * What the server publishes for a document: a diagnostic for each problem that kept it from being
 * read, then its findings, at most `MAX_PUBLISHED_FINDINGS` of them (in the findings' order), with
 * one information diagnostic at the top saying how many more there are.
 */
export function documentDiagnostics(document: TextDocument, model: Pick<DocumentModel, 'problems'>, findings: readonly Finding[]): Diagnostic[] {
  const out = unreadDiagnostics(document, model);
  if (findings.length <= MAX_PUBLISHED_FINDINGS) return [...out, ...toDiagnostics(document, findings)];
  const left = findings.length - MAX_PUBLISHED_FINDINGS;
  out.push({
    range: rangeOf(document, { start: 0, end: 0 }),
    severity: DiagnosticSeverity.Information,
    source: DIAGNOSTIC_SOURCE,
    code: TOO_MANY_CODE,
    message: `This document has ${findings.length.toLocaleString('en-US')} Cognito client problems; the first ${MAX_PUBLISHED_FINDINGS.toLocaleString('en-US')} are shown and ${left.toLocaleString('en-US')} more are not (the CLI lists them all).`,
  });
  return [...out, ...toDiagnostics(document, findings.slice(0, MAX_PUBLISHED_FINDINGS))];
}

/** The code of the diagnostic for a document the reader could not read (the CLI's rule id for it). */
export const UNREAD_CODE = 'file-skipped';

/**
 * A diagnostic for each problem that kept the reader from reading the document (nesting too deep
 * for the parser): its clients may be missing, so the editor must say so rather than show nothing.
 * Other syntax problems are left to the editor's own YAML / JSON support.
 */
export function unreadDiagnostics(document: TextDocument, model: Pick<DocumentModel, 'problems'>): Diagnostic[] {
  return model.problems
    .filter((p) => p.unread)
    .map((p) => ({ range: rangeOf(document, p.span), severity: DiagnosticSeverity.Warning, source: DIAGNOSTIC_SOURCE, code: UNREAD_CODE, message: `${p.message}. Its Cognito clients are not checked.` }));
}

/** Reads a diagnostic's `data` back; undefined when it is not one of ours. */
export function diagnosticData(diagnostic: Pick<Diagnostic, 'source' | 'data'>): DiagnosticData | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  if (!data || typeof data.ruleId !== 'string') return undefined;
  return { ruleId: data.ruleId, fixes: Array.isArray(data.fixes) ? data.fixes : [] };
}
