/**
 * Runs every rule over every client definition of a document model and applies the user's
 * per-rule severity settings. Pure: no syntax, no LSP.
 */
import type { ClientDefinition, DocumentModel } from '../model';
import { rules } from './index';
import type { Finding, Rule, Severity } from './types';

/** Per-rule setting: a severity, or `off`. */
export type RuleSetting = Severity | 'off';

export interface EngineOptions {
  /** Overrides by rule id. */
  rules?: Record<string, RuleSetting>;
}

/** The default severity of a rule for one definition. */
export function defaultSeverity(rule: Rule, def: ClientDefinition): Severity {
  return typeof rule.severity === 'function' ? rule.severity(def) : rule.severity;
}

/**
 * All findings for a model, in document order. A rule that throws is reported as nothing for that
 * definition (a bug in one rule never hides the others' findings).
 */
export function runRules(model: DocumentModel, options: EngineOptions = {}, onError?: (rule: Rule, error: unknown) => void): Finding[] {
  const findings: Finding[] = [];
  for (const def of model.clients) {
    const ctx = { file: model.context, spelling: def.spelling, surface: def.surface };
    for (const rule of rules) {
      const setting = options.rules?.[rule.id];
      if (setting === 'off') continue;
      let results;
      try {
        results = rule.check(def, ctx);
      } catch (error) {
        onError?.(rule, error);
        continue;
      }
      for (const r of results) {
        const severity = setting ?? r.severity ?? defaultSeverity(rule, def);
        findings.push({ ruleId: rule.id, severity, message: r.message, span: r.span, fixes: r.fixes });
      }
    }
  }
  findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId));
  return findings;
}
