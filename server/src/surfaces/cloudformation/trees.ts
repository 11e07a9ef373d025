/**
 * The template tree a model was read from, kept for the edit builders: they need the resource-level
 * entries the model does not keep, and reading a large template again costs as much as the first
 * time (half a second for 1,000 clients). Kept per model, so it lives at most as long as the model;
 * of large templates only the trees of the `MAX_LARGE_TREES` most recently read are kept (a 1,000-client
 * template's tree takes about 6 MB of heap, a third of its analysis): the server keeps the models of
 * several open documents, and fixes are asked for the one being edited. A model whose tree was let go
 * is read again when a fix needs it (`treeOf`).
 */
import type { DocumentModel } from '../../model';
import type { ReadResult, TemplateNode } from './nodes';

type Reader = (text: string) => ReadResult;

interface Kept {
  text: string;
  root: TemplateNode | undefined;
  read: Reader;
  /** Set when the tree was let go (a large template read less recently than `MAX_LARGE_TREES` others). */
  dropped?: boolean;
}

const trees = new WeakMap<DocumentModel, Kept>();

/** Texts from this length on count as large. */
const LARGE_TEXT = 64 * 1024;

/** How many trees of large templates are kept. */
export const MAX_LARGE_TREES = 2;

/**
 * The kept trees of large templates, least recently read first. It holds the trees, not the models,
 * so a model is never kept alive by it; at most `MAX_LARGE_TREES` trees outlive their model.
 */
const largeTrees: Kept[] = [];

/** Remember the tree `model` was built from (`text` read into `root` with `read`). */
export function rememberTree(model: DocumentModel, text: string, root: TemplateNode | undefined, read: Reader): void {
  const kept: Kept = { text, root, read };
  trees.set(model, kept);
  if (text.length < LARGE_TEXT) return;
  largeTrees.push(kept);
  while (largeTrees.length > MAX_LARGE_TREES) {
    const old = largeTrees.shift()!;
    old.dropped = true;
    old.root = undefined;
    old.text = '';
  }
}

const lastRead = new Map<Reader, { text: string; root: TemplateNode | undefined }>();

/**
 * The tree of `text`: the one `model` was built from when it was read from this text by the same
 * reader, else read with `read` (the last such read per reader is kept).
 */
export function treeOf(text: string, model: DocumentModel | undefined, read: Reader): TemplateNode | undefined {
  const kept = model && trees.get(model);
  if (kept && !kept.dropped && kept.read === read && kept.text === text) return kept.root;
  const last = lastRead.get(read);
  if (last && last.text === text) return last.root;
  const root = read(text).root;
  lastRead.set(read, { text, root });
  return root;
}

/** The tree `model` was built from, when it was read from exactly `text`; undefined otherwise (nothing is read here). */
export function keptTree(model: DocumentModel, text: string): TemplateNode | undefined {
  const kept = trees.get(model);
  return kept && kept.text === text ? kept.root : undefined;
}
