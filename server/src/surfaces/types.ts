/**
 * What a surface is: one object carrying everything a syntax family provides: which files it
 * reads, how it reads a document into the common located model, how it writes a semantic fix back
 * as text, what the caret is on for completion, where suppressions are written, and how to take
 * client definitions out of a document for cheap fix checks. A surface's syntax tree never leaves
 * its folder; the registry (`./index.ts`) is a plain list of these objects.
 *
 * Surfaces depend only downward: on the model (and its fix vocabulary), the schema and
 * `../suppress`; never on rules, features or the service.
 */
import type { ClientDefinition, DocumentModel, SemanticFix, Span, SurfaceKind } from '../model';
import type { Suppression } from '../suppress';
import type { CursorFunction } from './cursor-types';

/** The parts of a document a surface looks at. */
export interface SourceDocument {
  uri: string;
  languageId: string;
  text: string;
  /**
   * The other files of the document's module, for a surface that reads facts across files
   * (`Surface.module`): given by the host (open documents first, then disk). Undefined when the
   * host did not look; `[]` when it looked and found none.
   */
  siblings?: readonly SourceDocument[];
}

/** A text edit as offsets into the document text (UTF-16), applied to the original text. */
export interface SpanEdit {
  span: Span;
  newText: string;
}

/** A kind of file a surface reads: a file name ending and the language id an editor gives it. */
export interface FileKind {
  /** The end of the file name, lower-case, with its dot (`.yaml`, `.tf.json`). */
  suffix: string;
  /** The language id editors give such a file (the CLI uses it as the document's language id). */
  languageId: string;
}

/**
 * A surface's edit builder: the text edits that apply `fix` to `def` in `doc` (read into `model`),
 * or undefined when the fix cannot be written safely. The caller checks the result (no overlap,
 * the document reads the same afterwards).
 */
export type EditBuilder = (doc: SourceDocument, def: ClientDefinition, fix: SemanticFix, model: DocumentModel) => SpanEdit[] | undefined;

/** How a surface's documents carry suppressions. */
export interface SuppressionSupport {
  /** Every suppression written in the document. Never throws. */
  read(doc: SourceDocument, model: DocumentModel): Suppression[];
  /**
   * The line comment marker for `cognito-client-disable-next-line` (`#`, `//`); absent when the
   * syntax has no comments the tools it feeds accept (JSON templates).
   */
  lineComment?: string;
  /**
   * The edits that make a definition ignore a rule at resource level; `[]` when it already does,
   * undefined when it cannot be written safely. Absent when the surface has no such place.
   */
  ignoreInDefinition?(doc: SourceDocument, def: ClientDefinition, ruleId: string, model?: DocumentModel): SpanEdit[] | undefined;
}

export interface Surface {
  kind: SurfaceKind;
  /** A short id for logs and tests (`cloudformation-yaml`, `cloudformation-json`). */
  id: string;
  /** The files this surface reads by name (for the CLI's directory walk and the client's document selector). */
  files: readonly FileKind[];
  /** The editor language ids whose documents this surface may read (the client's document selector). */
  languageIds: readonly string[];
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
  /**
   * Optional: the same as `withoutDefinitions(text, all without keep)`, for a surface that can answer
   * it for every `keep` of one list without scanning the text each time (a template is reduced
   * once per client: see ./reduce.ts).
   */
  withoutDefinitionsBut?(text: string, all: readonly ClientDefinition[], keep: ClientDefinition): SpanEdit[] | undefined;
  /**
   * Optional: the file endings of the other files in a document's directory that this surface reads
   * facts from (a Terraform module is a directory). The host passes them as `siblings`.
   */
  module?: { suffixes: readonly string[] };
  /**
   * Optional: work to finish before `parse` can read a document (a grammar to load); undefined when
   * there is none. The host awaits it; the promise never rejects.
   */
  prepare?(doc: SourceDocument): Promise<void> | undefined;
  /** Optional: writes semantic fixes as text edits (no quick fixes without it). */
  edits?: EditBuilder;
  /** Optional: the completion context at an offset (no completion without it). */
  cursor?: CursorFunction;
  /** Optional: where suppressions are written in a document (none without it). */
  suppressions?(doc: SourceDocument): SuppressionSupport;
}
