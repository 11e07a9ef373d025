/**
 * The engine as one facade with no transport (in the manner of vscode-json-languageservice):
 * the language server and the CLI both call this, so they always agree.
 */
import type { DocumentModel } from './model';
import { runRules, type EngineOptions } from './rules/engine';
import type { Finding } from './rules/types';
import { partitionSuppressed, type Suppression } from './suppress';
import { parseDocument, surfaceFor, type SourceDocument, type Surface } from './surfaces';
import { withLfBreaks } from './surfaces/line-breaks';
import { readSuppressions } from './surfaces/suppressions';

/** Where each rule is documented (the README's rule list, one anchor per rule id). */
export const RULE_DOCS_BASE = 'https://github.com/cognito-client-tools/cognito-user-pool-client/blob/main/docs/rules.md';

/** The documentation link for a rule id. */
export function ruleDocsHref(ruleId: string): string {
  return `${RULE_DOCS_BASE}#${ruleId}`;
}

export interface Analysis {
  surface: Surface;
  model: DocumentModel;
  /** What the rules found, less what the document suppresses. */
  findings: Finding[];
  /** The findings a suppression in the document covers (left out of `findings`). */
  suppressed: Finding[];
  /** Every suppression written in the document. */
  suppressions: Suppression[];
}

/**
 * What must finish before a document can be analysed (its surface's `prepare`: a grammar to load),
 * or undefined when nothing must. Never rejects.
 */
export function prepareDocument(doc: SourceDocument): Promise<void> | undefined {
  try {
    return surfaceFor(doc)?.prepare?.(doc)?.catch(() => undefined);
  } catch {
    return undefined;
  }
}

/**
 * Parse a document, run the rules with the severity settings, and take off the findings the
 * document suppresses (`# cognito-client-disable-next-line`, `Metadata`). Undefined when no surface
 * reads the document (not a template, not a Terraform file, ...). Never throws for any input text.
 */
export function analyse(original: SourceDocument, options: EngineOptions = {}, onRuleError?: (ruleId: string, error: unknown) => void): Analysis | undefined {
  // Lone CRs read as the line breaks they are; every span is the same in the original text.
  const doc = { ...original, text: withLfBreaks(original.text) };
  const parsed = parseDocument(doc);
  if (!parsed) return undefined;
  return analyseModel(parsed.surface, doc, parsed.model, options, onRuleError);
}

/**
 * `analyse` of a document already read: `model` is what `surface` read from `doc`, whose text has
 * no lone CR (see `withLfBreaks`). The rules and the suppressions, without reading the text again.
 */
export function analyseModel(surface: Surface, doc: SourceDocument, model: DocumentModel, options: EngineOptions = {}, onRuleError?: (ruleId: string, error: unknown) => void): Analysis {
  const all = runRules(model, options, (rule, error) => onRuleError?.(rule.id, error));
  const suppressions = readSuppressions(surface.id, doc, model);
  const { kept, suppressed } = partitionSuppressed(all, suppressions);
  return { surface, model, findings: kept, suppressed, suppressions };
}
