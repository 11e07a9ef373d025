/**
 * Suppressions by surface: how the surface a document was read with finds the suppressions written
 * in it (comments, resource metadata), which comment marker its line directive uses, and how it
 * writes a resource-level one. Each surface provides this on its `Surface` object; the language
 * server and the CLI reach it through the service and the code actions.
 */
import type { DocumentModel } from '../model';
import type { Suppression } from '../suppress';
import { surfaceById } from './index';
import type { SourceDocument, SuppressionSupport } from './types';
import { withLfBreaks } from './line-breaks';

export type { SuppressionSupport } from './types';

/** The suppression support of a surface, for a document (the marker may depend on its text). */
export function suppressionSupport(surfaceId: string, doc: SourceDocument): SuppressionSupport | undefined {
  return surfaceById(surfaceId)?.suppressions?.(doc);
}

/** Every suppression written in a document read by `surfaceId`; `[]` for a surface without support. Never throws. */
export function readSuppressions(surfaceId: string, doc: SourceDocument, model: DocumentModel): Suppression[] {
  try {
    // Comments are found line by line: lone CRs (classic Mac) read as the line breaks they are.
    return suppressionSupport(surfaceId, doc)?.read({ ...doc, text: withLfBreaks(doc.text) }, model) ?? [];
  } catch {
    return []; // a reader bug costs the suppressions, never the analysis
  }
}
