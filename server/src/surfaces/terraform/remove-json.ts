/**
 * Taking client definitions out of a `.tf.json` text, for checking fixes on a smaller document
 * (see `../reduce.ts`): each definition's entry (`"web": {...}` under its resource type, or its
 * object in an array of several) is removed from the object or array that holds it, with its comma,
 * through the collection executor the edit builders use; everything else stays as written.
 * Undefined when that cannot be done cleanly (then the fix is checked on the whole document).
 */
import type { Node as JsonNode } from 'jsonc-parser';
import type { ClientDefinition, Span } from '../../model';
import { flowEdits, type ContainerPlan } from '../edits-flow';
import { eolOf, jsonIndentUnit } from '../edits-text';
import { jsonRenderer } from '../json-edits';
import type { SpanEdit } from '../types';
import { blockOf, jsonContainer, jsonTreeOf } from './edits-json';

/** The node written exactly at `span` (a member for an entry, an object for an array item), searched from `node`. */
function nodeAt(node: JsonNode, span: Span, depth = 0): JsonNode | undefined {
  if (depth > 12 || node.offset > span.start || node.offset + node.length < span.end) return undefined;
  if (node.offset === span.start && node.offset + node.length === span.end && (node.type === 'property' || node.parent?.type === 'array')) return node;
  for (const child of node.children ?? []) {
    const found = nodeAt(child, span, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** Where a definition's block sits in a tree: its node, the node's parent and its index there. */
export interface Located {
  node: JsonNode;
  parent: JsonNode;
  index: number;
}

/**
 * Each definition's place, remembered per tree: a file with n clients is reduced once per client,
 * each time without the n - 1 others, and finding every block again (a walk of the tree and a
 * search of its parent's children each) made that cubic in the number of clients.
 */
const located = new WeakMap<ClientDefinition, { root: JsonNode; where: Located | undefined }>();
const childIndexes = new WeakMap<JsonNode, Map<JsonNode, number>>();

export function locate(root: JsonNode, text: string, def: ClientDefinition): Located | undefined {
  const known = located.get(def);
  if (known && known.root === root) return known.where;
  const block = blockOf(text, def);
  const node = block && nodeAt(root, block.span);
  const parent = node?.parent;
  let where: Located | undefined;
  if (node && parent) {
    let indexes = childIndexes.get(parent);
    if (!indexes) {
      indexes = new Map();
      // The first occurrence, as `indexOf` gives it.
      for (const [i, child] of (parent.children ?? []).entries()) if (!indexes.has(child)) indexes.set(child, i);
      childIndexes.set(parent, indexes);
    }
    const index = indexes.get(node);
    if (index !== undefined) where = { node, parent, index };
  }
  located.set(def, { root, where });
  return where;
}

/** The edits that remove `defs` from a `.tf.json` text; undefined when one cannot be found or removed cleanly. */
export function terraformJsonWithoutDefinitions(text: string, defs: readonly ClientDefinition[]): SpanEdit[] | undefined {
  const root = jsonTreeOf(text);
  if (!root) return undefined;
  const plans = new Map<JsonNode, ContainerPlan>();
  for (const def of defs) {
    const where = locate(root, text, def);
    if (!where) return undefined;
    const { parent, index } = where;
    let plan = plans.get(parent);
    if (!plan) {
      const container = jsonContainer(parent);
      if (!container) return undefined;
      plan = { container, removes: new Set(), replaces: new Map(), members: new Map(), items: [] };
      plans.set(parent, plan);
    }
    plan.removes.add(index);
  }
  const renderer = jsonRenderer(text, { eol: eolOf(text), unit: jsonIndentUnit(text), colon: ': ', comma: ', ', pretty: true });
  const edits: SpanEdit[] = [];
  for (const plan of plans.values()) {
    const made = flowEdits(text, plan, renderer);
    if (!made) return undefined;
    edits.push(...made);
  }
  edits.sort((a, b) => a.span.start - b.span.start);
  // Several entries of one object removed at once are rewritten as one run; an array of several
  // blocks inside that run cannot be edited as well: then no reduction (the whole document is checked).
  for (let i = 1; i < edits.length; i++) if (edits[i].span.start < edits[i - 1].span.end) return undefined;
  return edits;
}

