/**
 * The registry of surfaces: one line per surface. Everything a surface provides (files, parsing,
 * edits, completion context, suppressions, reduction) is on its `Surface` object, so adding one is
 * a new folder plus a line here.
 */
import { noteGivenUp, OutOfTime, outOfTimeMessage } from '../budget';
import { emptyFileContext, type DocumentModel } from '../model';
import { apiJsonSurface } from './api';
import { cloudFormationJsonSurface, cloudFormationYamlSurface } from './cloudformation';
import { javascriptSurface, pythonSurface } from './sdk';
import { terraformHclSurface, terraformJsonSurface } from './terraform';
import type { SourceDocument, Surface } from './types';

export type { SourceDocument, Surface } from './types';
/** Reads that check an edit keep their trees with their own throwaway models only (see its comment). */
export { transientTrees } from './cloudformation/trees';

/**
 * Every surface, most specific first (the first that accepts a document reads it). The API shape
 * comes before CloudFormation JSON: it accepts only JSON whose content is a client in the API's
 * shape (never a template: no `"Type"` key), and every other JSON falls through after a cheap look.
 */
export const surfaces: readonly Surface[] = [terraformJsonSurface, terraformHclSurface, apiJsonSurface, cloudFormationJsonSurface, cloudFormationYamlSurface, javascriptSurface, pythonSurface].map(withinTime);

/**
 * A surface whose reading stops when the request's time budget is spent (../budget.ts). Each
 * reader turns its own `OutOfTime` into an `unread` problem; this is the net for one thrown
 * anywhere else in a surface's reading (the surfaces' catch-alls pass it on): a model with no
 * clients and an `unread` problem that says why, the same as a parse given up.
 */
function withinTime(surface: Surface): Surface {
  const parse = surface.parse.bind(surface);
  const timed: Surface = Object.create(surface);
  timed.parse = (doc: SourceDocument): DocumentModel => {
    try {
      return parse(doc);
    } catch (error) {
      if (!(error instanceof OutOfTime)) throw error;
      noteGivenUp();
      return { surface: surface.kind, clients: [], context: emptyFileContext(), problems: [{ message: outOfTimeMessage('This file'), span: { start: 0, end: 0 }, unread: true }] };
    }
  };
  return timed;
}

/** The surface that reads a document, or undefined when none does. */
export function surfaceFor(doc: SourceDocument): Surface | undefined {
  return surfaces.find((s) => s.accepts(doc));
}

/** The surface with an id (`cloudformation-yaml`, ...), or undefined. */
export function surfaceById(id: string): Surface | undefined {
  return surfaces.find((s) => s.id === id);
}

/** The document each model was read from (with its siblings), for features that edit and re-read it. */
const modelSources = new WeakMap<DocumentModel, SourceDocument>();

/** Parse a document with its surface; undefined when no surface reads it. */
export function parseDocument(doc: SourceDocument): { surface: Surface; model: DocumentModel } | undefined {
  const surface = surfaceFor(doc);
  if (!surface) return undefined;
  const model = surface.parse(doc);
  modelSources.set(model, doc);
  return { surface, model };
}

/**
 * Record the document a model was read from, for a model not made by `parseDocument` (an
 * incremental analysis builds the model of a new version from the previous one's: ../features/incremental.ts).
 */
export function rememberSource(model: DocumentModel, doc: SourceDocument): void {
  modelSources.set(model, doc);
}

/**
 * The source document a model was read from when `document` still has that text (it carries the
 * module siblings the model was read with, so an edited copy re-reads alike), else one made from
 * the document alone.
 */
export function sourceOf(document: { uri: string; languageId: string; getText(): string }, model: DocumentModel): SourceDocument {
  const text = document.getText();
  const known = modelSources.get(model);
  if (known && known.uri === document.uri && known.text === text) return known;
  return { uri: document.uri, languageId: document.languageId, text };
}

/**
 * The language id an editor would give a file, from its path (for the CLI): the longest file name
 * ending any surface declares; undefined when no surface reads such files.
 */
export function languageIdForPath(path: string): string | undefined {
  const lower = path.toLowerCase();
  let best: { suffix: string; languageId: string } | undefined;
  for (const surface of surfaces) {
    for (const kind of surface.files) {
      if (lower.endsWith(kind.suffix) && (!best || kind.suffix.length > best.suffix.length)) best = kind;
    }
  }
  return best?.languageId;
}
