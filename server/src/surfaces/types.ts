/**
 * What a surface is: something that turns one document of a syntax family into the common
 * located model. A surface's syntax tree never leaves its folder.
 */
import type { DocumentModel, SurfaceKind } from '../model';
import type { CursorContext } from './cursor-types';

/** The parts of a document a surface looks at. */
export interface SourceDocument {
  uri: string;
  languageId: string;
  text: string;
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
   * Optional: what the caret is on, for completion in half-typed text (see ./cursor.ts). Surfaces
   * without it get no context-aware completion.
   */
  cursorAt?(doc: SourceDocument, offset: number, model: DocumentModel): CursorContext | undefined;
}
