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

/** The edits that remove `defs` from a `.tf.json` text; undefined when one cannot be found or removed cleanly. */
export function terraformJsonWithoutDefinitions(text: string, defs: readonly ClientDefinition[]): SpanEdit[] | undefined {
  const root = jsonTreeOf(text);
  if (!root) return undefined;
  const plans = new Map<JsonNode, ContainerPlan>();
  for (const def of defs) {
    const block = blockOf(text, def);
    const node = block && nodeAt(root, block.span);
    const parent = node?.parent;
    if (!node || !parent) return undefined;
    let plan = plans.get(parent);
    if (!plan) {
      const container = jsonContainer(parent);
      if (!container) return undefined;
      plan = { container, removes: new Set(), replaces: new Map(), members: new Map(), items: [] };
      plans.set(parent, plan);
    }
    const index = (parent.children ?? []).indexOf(node);
    if (index < 0) return undefined;
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

