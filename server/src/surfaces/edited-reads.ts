/**
 * Reads of edited documents, shared by the checks of one fix-all run.
 *
 * Fix-all checks each fix twice on the same edited text: the edit builder reads it to see that the
 * template still reads the same (./edits.ts), then the rules run on it to see that the fix helps
 * (../features/fix-all.ts). Inside `sharingEditedReads` the second check takes the model the first
 * one read instead of parsing the text again. Outside it every read is made afresh, so nothing is
 * kept between requests (a Terraform module's sibling files may have changed in between).
 */
import type { DocumentModel } from '../model';
import { transientTrees } from './cloudformation/trees';
import type { SourceDocument, Surface } from './types';

/**
 * How many reads a run keeps: the last two (a check reads what the check just before it read).
 * Whole documents too: a file that cannot be cut down is read whole by both checks of each fix.
 */
const KEPT = 2;

interface Read {
  surfaceId: string;
  doc: SourceDocument;
  model: DocumentModel;
}

let shared: Read[] | undefined;

/** Run `fn` with reads of the same edited text shared between its checks. */
export function sharingEditedReads<T>(fn: () => T): T {
  const was = shared;
  shared = was ?? [];
  try {
    return fn();
  } finally {
    shared = was;
  }
}

/** Whether reads are being shared (inside `sharingEditedReads`). */
export function sharingReads(): boolean {
  return shared !== undefined;
}

function sameDocument(a: SourceDocument, b: SourceDocument): boolean {
  return a.text === b.text && a.uri === b.uri && a.languageId === b.languageId && a.siblings === b.siblings;
}

/**
 * `surface.parse(doc)` for a check (the tree is not kept among the large ones, see
 * `transientTrees`); inside `sharingEditedReads`, the model read before from the same document
 * by the same surface when there is one.
 */
export function readEdited(surface: Surface, doc: SourceDocument): DocumentModel {
  const reads = shared;
  if (!reads) return transientTrees(() => surface.parse(doc));
  const hit = reads.find((r) => r.surfaceId === surface.id && sameDocument(r.doc, doc));
  if (hit) return hit.model;
  const model = transientTrees(() => surface.parse(doc));
  reads.push({ surfaceId: surface.id, doc, model });
  if (reads.length > KEPT) reads.shift();
  return model;
}
