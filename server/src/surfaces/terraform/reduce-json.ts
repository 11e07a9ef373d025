/**
 * A `.tf.json` text without every client block but one, for checking that client's fixes on a
 * small document (see `../reduce.ts`). `./remove-json.ts` removes a list of blocks through the
 * collection executor, which rewrites a run of removed entries of one object as a whole: with the
 * kept block among them (200 clients under one `aws_cognito_user_pool_client` object, the usual
 * shape), that rewrite covers the kept block and the reduction was refused, so every fix was
 * checked on the whole file. Here each run of removed entries (or array items) is deleted as a
 * range of text between the entries that stay, commas included, and never touches a kept entry:
 *
 * - a run followed by a kept entry: from the run's first entry to the start of that entry;
 * - a run at the end, after a kept entry: from the end of that entry (its comma with it) to the
 *   end of the run's last entry;
 * - a run that is the whole container: from its first entry to the end of its last one.
 *
 * Comments and blank lines between removed entries go with them; everything else stays as written.
 */
import type { Node as JsonNode } from 'jsonc-parser';
import type { ClientDefinition } from '../../model';
import type { SpanEdit } from '../types';
import { jsonTreeOf } from './edits-json';
import { locate } from './remove-json';

/** The edits that delete every client block but `keep`; undefined when a block cannot be found. */
export function terraformJsonWithoutDefinitionsBut(text: string, all: readonly ClientDefinition[], keep: ClientDefinition): SpanEdit[] | undefined {
  const root = jsonTreeOf(text);
  if (!root) return undefined;
  const removed = new Map<JsonNode, Set<number>>();
  for (const def of all) {
    if (def === keep) continue;
    const where = locate(root, text, def);
    if (!where || (where.parent.type !== 'object' && where.parent.type !== 'array')) return undefined;
    let indexes = removed.get(where.parent);
    if (!indexes) removed.set(where.parent, (indexes = new Set()));
    indexes.add(where.index);
  }
  const edits: SpanEdit[] = [];
  for (const [parent, indexes] of removed) {
    const children = parent.children ?? [];
    const end = (node: JsonNode) => node.offset + node.length;
    for (let i = 0; i < children.length; i++) {
      if (!indexes.has(i)) continue;
      let j = i;
      while (j + 1 < children.length && indexes.has(j + 1)) j++;
      if (j + 1 < children.length) edits.push({ span: { start: children[i].offset, end: children[j + 1].offset }, newText: '' });
      else if (i > 0) edits.push({ span: { start: end(children[i - 1]), end: end(children[j]) }, newText: '' });
      else edits.push({ span: { start: children[0].offset, end: end(children[j]) }, newText: '' });
      i = j;
    }
  }
  edits.sort((a, b) => a.span.start - b.span.start);
  for (let i = 1; i < edits.length; i++) if (edits[i].span.start < edits[i - 1].span.end) return undefined;
  return edits;
}
