/**
 * The registry of surfaces: picks the one that reads a document and parses it.
 */
import type { DocumentModel } from '../model';
import { cloudFormationJsonSurface, cloudFormationYamlSurface } from './cloudformation';
import type { SourceDocument, Surface } from './types';

export type { SourceDocument, Surface } from './types';

/** Every surface, most specific first. */
export const surfaces: Surface[] = [cloudFormationJsonSurface, cloudFormationYamlSurface];

/** The surface that reads a document, or undefined when none does. */
export function surfaceFor(doc: SourceDocument): Surface | undefined {
  return surfaces.find((s) => s.accepts(doc));
}

/** Parse a document with its surface; undefined when no surface reads it. */
export function parseDocument(doc: SourceDocument): { surface: Surface; model: DocumentModel } | undefined {
  const surface = surfaceFor(doc);
  if (!surface) return undefined;
  return { surface, model: surface.parse(doc) };
}

/** The language id an editor would give a file, from its path (for the CLI). */
export function languageIdForPath(path: string): string | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.tf.json')) return 'terraform-json';
  if (lower.endsWith('.json') || lower.endsWith('.template')) return 'json';
  if (lower.endsWith('.jsonc')) return 'jsonc';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  return undefined;
}
