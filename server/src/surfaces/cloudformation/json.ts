/**
 * Reads a JSON template into the neutral tree with `jsonc-parser`. Comments and trailing commas
 * are tolerated (read, not reported); broken JSON gives the syntax errors as problems and the
 * tree of whatever could be read. Nesting beyond `MAX_DEPTH` is cut off; nesting deep enough to
 * overflow the parser is blanked and the text parsed again (./depth.ts).
 */
import { checkTime, outOfTimeProblem, tick, untilOutOfTime } from '../../budget';
import type { Node as JsonNode } from 'jsonc-parser';
import type { ParseProblem } from '../../model';
import { MAX_DEPTH, type PairNode, type ReadResult, type TemplateNode, emptyAt } from './nodes';
import { parseJson } from '../json-values';

/**
 * Read JSON text into the neutral tree. Never throws. Within the request's time budget
 * (../../budget.ts): jsonc-parser cannot be stopped, so the clock is read before it and while the
 * tree is walked; a reading out of time gives an `unread` problem.
 */
export function readJson(text: string): ReadResult {
  return untilOutOfTime(
    () => {
      checkTime();
      return readJsonTimed(text);
    },
    () => ({ root: undefined, problems: [outOfTimeProblem('The JSON template')] }),
  );
}

function readJsonTimed(text: string): ReadResult {
  const problems: ParseProblem[] = [];
  // A byte order mark is not JSON; blank it out without moving any offset.
  const source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const tree = parseJson(source, problems, 'The JSON template');
  if (problems.some((p) => p.unread)) return { root: undefined, problems };
  return { root: tree ? readNode(tree, source, 0) : undefined, problems };
}

function readNode(node: JsonNode, text: string, depth: number): TemplateNode {
  tick();
  const span = { start: node.offset, end: node.offset + node.length };
  if (depth > MAX_DEPTH) return { kind: 'opaque', reason: 'nesting too deep', span };
  switch (node.type) {
    case 'object': {
      const pairs: PairNode[] = [];
      for (const prop of node.children ?? []) {
        const keyNode = prop.children?.[0];
        if (!keyNode) continue;
        const keySpan = { start: keyNode.offset, end: keyNode.offset + keyNode.length };
        const valueNode = prop.children?.[1];
        const value = valueNode ? readNode(valueNode, text, depth + 1) : emptyAt(prop.colonOffset !== undefined ? prop.colonOffset + 1 : keySpan.end);
        pairs.push({ key: String(keyNode.value ?? ''), keySpan, value, span: { start: keySpan.start, end: Math.max(keySpan.end, value.span.end) } });
      }
      return { kind: 'map', pairs, flow: true, span };
    }
    case 'array':
      return { kind: 'seq', items: (node.children ?? []).map((child) => readNode(child, text, depth + 1)), flow: true, span };
    case 'string':
      return { kind: 'scalar', value: String(node.value ?? ''), raw: text.slice(span.start, span.end), quoted: true, span };
    case 'number':
    case 'boolean':
      return { kind: 'scalar', value: node.value as number | boolean, raw: text.slice(span.start, span.end), quoted: false, span };
    case 'null':
      return { kind: 'scalar', value: null, raw: text.slice(span.start, span.end), quoted: false, span };
    default:
      return { kind: 'opaque', reason: 'unreadable node', span };
  }
}
