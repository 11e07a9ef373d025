// PLACEHOLDER until HCL suppressions land (helper tf-hcl replaces this file).
import type { SourceDocument, SuppressionSupport } from '../types';
export function hclSuppressions(_doc: SourceDocument): SuppressionSupport {
  return { read: () => [] };
}
