/**
 * The template tree a model was read from, kept for the edit builders: they need the resource-level
 * entries the model does not keep, and reading a large template again costs as much as the first
 * time (half a second for 1,000 clients). Kept per model, so it lives at most as long as the model;
 * of large templates only the trees of the `MAX_LARGE_TREES` most recently read are kept (a 1,000-client
 * template's tree takes about 6 MB of heap, a third of its analysis): the server keeps the models of
 * several open documents, and fixes are asked for the one being edited. A model whose tree was let go
 * is read again when a fix needs it (`treeOf`).
 */
import { keptUnlessGivenUp } from '../../budget';
import type { DocumentModel } from '../../model';
import { withLfBreaks } from '../line-breaks';
import type { ReadResult, TemplateNode } from './nodes';
import { readYaml } from './yaml';

type Reader = (text: string) => ReadResult;

interface Kept {
  text: string;
  root: TemplateNode | undefined;
  read: Reader;
  /** Set when the tree was let go (a large template read less recently than `MAX_LARGE_TREES` others). */
  dropped?: boolean;
  /** `text` with lone CRs as LFs, once asked for. */
  lf?: string;
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

/** Depth of `transientTrees` calls under way. */
let transient = 0;

/**
 * Run `fn` with the trees read inside it kept with their own models only, never counted among the
 * large trees kept: the reads that check an edit (a fix, a suppression, a reduction) make models
 * that are thrown away after the check, and each used to push the tree of the document being
 * edited out (a fuzzed 500 KB template read itself again for every action offered).
 */
export function transientTrees<T>(fn: () => T): T {
  transient++;
  try {
    return fn();
  } finally {
    transient--;
  }
}

/** Remember the tree `model` was built from (`text` read into `root` with `read`). */
export function rememberTree(model: DocumentModel, text: string, root: TemplateNode | undefined, read: Reader): void {
  const kept: Kept = { text, root, read };
  trees.set(model, kept);
  if (text.length < LARGE_TEXT || transient > 0) return;
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
  if (kept && !kept.dropped && kept.read === read && (kept.text === text || sameAsLf(kept, text))) return kept.root;
  const last = lastRead.get(read);
  if (last && last.text === text) return last.root;
  return keptUnlessGivenUp(
    () => read(text).root,
    (root) => lastRead.set(read, { text, root }),
  );
}

/**
 * Whether `text` is the kept text with its lone CRs as LFs, as the suppression readers pass it
 * (./suppressions.ts): the YAML reader reads such a copy itself, so the tree is the same one.
 */
function sameAsLf(kept: Kept, text: string): boolean {
  if (kept.read !== readYaml || kept.text.length !== text.length || !kept.text.includes('\r')) return false;
  kept.lf ??= withLfBreaks(kept.text);
  return kept.lf === text;
}

/** The tree `model` was built from, when it was read from exactly `text`; undefined otherwise (nothing is read here). */
export function keptTree(model: DocumentModel, text: string): TemplateNode | undefined {
  const kept = trees.get(model);
  return kept && kept.text === text ? kept.root : undefined;
}
