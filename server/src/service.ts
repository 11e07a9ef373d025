/**
 * The engine as one facade with no transport (in the manner of vscode-json-languageservice):
 * the language server and the CLI both call this, so they always agree.
 */
import type { DocumentModel } from './model';
import { runRules, type EngineOptions } from './rules/engine';
import type { Finding } from './rules/types';
import { parseDocument, type SourceDocument, type Surface } from './surfaces';

/** Where each rule is documented (the README's rule list, one anchor per rule id). */
export const RULE_DOCS_BASE = 'https://github.com/cognito-client-tools/cognito-user-pool-client/blob/main/docs/rules.md';

/** The documentation link for a rule id. */
export function ruleDocsHref(ruleId: string): string {
  return `${RULE_DOCS_BASE}#${ruleId}`;
}

export interface Analysis {
  surface: Surface;
  model: DocumentModel;
  findings: Finding[];
}

/**
 * Parse a document and run the rules. Undefined when no surface reads the document (not a
 * template, not a Terraform file, ...). Never throws for any input text.
 */
export function analyse(doc: SourceDocument, options: EngineOptions = {}, onRuleError?: (ruleId: string, error: unknown) => void): Analysis | undefined {
  const parsed = parseDocument(doc);
  if (!parsed) return undefined;
  const findings = runRules(parsed.model, options, (rule, error) => onRuleError?.(rule.id, error));
  return { surface: parsed.surface, model: parsed.model, findings };
}
