/**
 * What a surface is: something that turns one document of a syntax family into the common
 * located model. A surface's syntax tree never leaves its folder.
 */
import type { ClientDefinition, DocumentModel, Span, SurfaceKind } from '../model';

/** The parts of a document a surface looks at. */
export interface SourceDocument {
  uri: string;
  languageId: string;
  text: string;
}

/** A text edit as offsets into the document text (UTF-16), applied to the original text. */
export interface SpanEdit {
  span: Span;
  newText: string;
}

export interface Surface {
  kind: SurfaceKind;
  /** A short id for logs and tests (`cloudformation-yaml`, `cloudformation-json`). */
  id: string;
  /**
   * Whether this surface reads the document at all (by language id, file name, and a cheap look
   * at the text). Must be fast: it runs on every open and change.
   */
  accepts(doc: SourceDocument): boolean;
  /**
   * Read the document. Never throws: syntax errors become `problems`, and what can still be read
   * is returned.
   */
  parse(doc: SourceDocument): DocumentModel;
  /**
   * Optional: edits of the document text that take some client definitions out of it (or empty
   * them so that no client is read there), leaving the rest of the document reading as before.
   * Used to check fixes on a smaller document (see ./reduce.ts); undefined when it cannot be done.
   */
  withoutDefinitions?(text: string, defs: readonly ClientDefinition[]): SpanEdit[] | undefined;
}
