/**
 * The analysis the language server and the CLI both use: the service's `analyse` (parse, run the
 * rules with the severity settings), then the suppressions written in the document taken off the
 * findings. Same signature as `analyse`, so it can stand in wherever that is used.
 */
import type { EngineOptions } from './rules/engine';
import type { Finding } from './rules/types';
import { analyse as analyseUnfiltered, type Analysis } from './service';
import { partitionSuppressed, type Suppression } from './suppress';
import type { SourceDocument } from './surfaces';
import { readSuppressions } from './surfaces/suppressions';

export interface SuppressedAnalysis extends Analysis {
  /** The findings a suppression in the document covers (left out of `findings`). */
  suppressed: Finding[];
  /** Every suppression written in the document. */
  suppressions: Suppression[];
}

/**
 * Parse a document, run the rules and drop the suppressed findings. Undefined when no surface
 * reads the document. Never throws for any input text.
 */
export function analyse(doc: SourceDocument, options: EngineOptions = {}, onRuleError?: (ruleId: string, error: unknown) => void): SuppressedAnalysis | undefined {
  const analysis = analyseUnfiltered(doc, options, onRuleError);
  if (!analysis) return undefined;
  const suppressions = readSuppressions(analysis.surface.id, doc, analysis.model);
  const { kept, suppressed } = partitionSuppressed(analysis.findings, suppressions);
  return { ...analysis, findings: kept, suppressed, suppressions };
}
