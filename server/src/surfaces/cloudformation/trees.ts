/**
 * The template tree a model was read from, kept for the edit builders: they need the resource-level
 * entries the model does not keep, and reading a large template again costs as much as the first
 * time (half a second for 1,000 clients). Kept per model, so it lives exactly as long as the model.
 */
import type { DocumentModel } from '../../model';
import type { ReadResult, TemplateNode } from './nodes';

type Reader = (text: string) => ReadResult;

const trees = new WeakMap<DocumentModel, { text: string; root: TemplateNode | undefined; read: Reader }>();

/** Remember the tree `model` was built from (`text` read into `root` with `read`). */
export function rememberTree(model: DocumentModel, text: string, root: TemplateNode | undefined, read: Reader): void {
  trees.set(model, { text, root, read });
}

const lastRead = new Map<Reader, { text: string; root: TemplateNode | undefined }>();

/**
 * The tree of `text`: the one `model` was built from when it was read from this text by the same
 * reader, else read with `read` (the last such read per reader is kept).
 */
export function treeOf(text: string, model: DocumentModel | undefined, read: Reader): TemplateNode | undefined {
  const kept = model && trees.get(model);
  if (kept && kept.read === read && kept.text === text) return kept.root;
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
