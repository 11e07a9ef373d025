// PLACEHOLDER until Terraform JSON suppressions land (helper tf-json replaces this file).
import type { SourceDocument, SuppressionSupport } from '../types';
export function terraformJsonSuppressions(_doc: SourceDocument): SuppressionSupport {
  return { read: () => [] };
}
