// PLACEHOLDER until code-comment suppressions land (helper sdk-js replaces this file).
import type { SourceDocument, SuppressionSupport } from '../types';
export function javascriptSuppressions(_doc: SourceDocument): SuppressionSupport {
  return { read: () => [], lineComment: '//' };
}
export function pythonSuppressions(_doc: SourceDocument): SuppressionSupport {
  return { read: () => [], lineComment: '#' };
}
