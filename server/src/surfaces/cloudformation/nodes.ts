/**
 * The small neutral tree both CloudFormation readers (YAML and JSON) produce, so that the template
 * walk is written once. It keeps what the model needs and nothing of either parser: scalars with
 * their source text, sequences, mappings with located keys, and `opaque` for what cannot be read
 * (a YAML alias, nesting too deep to follow).
 *
 * Spans are UTF-16 offsets `[start, end)` into the document text.
 */
import type { ParseProblem, Span } from '../../model';

/** How deep the readers follow nesting; anything deeper becomes an `opaque` node. */
export const MAX_DEPTH = 200;

interface NodeBase {
  /** The whole node as written, including a YAML short-form tag (`!Ref X`). */
  span: Span;
  /**
   * A YAML local tag as written (`!Ref`, `!If`, or an unknown `!Foo`); absent for untagged nodes
   * and for YAML's own `!!str`-style tags.
   */
  tag?: string;
}

export interface ScalarNode extends NodeBase {
  kind: 'scalar';
  value: string | number | boolean | null;
  /** The scalar exactly as written (for numbers: their raw text). */
  raw: string;
  /** Written in quotes (always true for JSON strings). */
  quoted: boolean;
}

export interface SeqNode extends NodeBase {
  kind: 'seq';
  items: TemplateNode[];
  /** `[a, b]` rather than block style. */
  flow: boolean;
}

export interface MapNode extends NodeBase {
  kind: 'map';
  pairs: PairNode[];
  /** `{a: b}` rather than block style. */
  flow: boolean;
}

/** Something present that the readers do not follow. */
export interface OpaqueNode extends NodeBase {
  kind: 'opaque';
  /** A short description, e.g. `*anchor` or `nesting too deep`. */
  reason: string;
}

export type TemplateNode = ScalarNode | SeqNode | MapNode | OpaqueNode;

/** One `key: value` entry of a mapping. */
export interface PairNode {
  /** The key's text (without quotes). */
  key: string;
  /** The key as written (with its quotes, if any). */
  keySpan: Span;
  value: TemplateNode;
  /** From the start of the key to the end of the value. */
  span: Span;
}

/** What a reader got out of a document. */
export interface ReadResult {
  /** The document's root node; undefined for an empty or unreadable document. */
  root: TemplateNode | undefined;
  problems: ParseProblem[];
}

/** The value of a mapping's entry with a key, if any (the last one when the key is repeated, as loaders keep it). */
export function get(node: TemplateNode | undefined, key: string): TemplateNode | undefined {
  return pairOf(node, key)?.value;
}

/** The mapping's entry with a key (the last one when the key is repeated, as loaders keep it). */
export function pairOf(node: TemplateNode | undefined, key: string): PairNode | undefined {
  if (!node || node.kind !== 'map') return undefined;
  for (let i = node.pairs.length - 1; i >= 0; i--) if (node.pairs[i].key === key) return node.pairs[i];
  return undefined;
}

/** The literal string of an untagged scalar, else undefined. */
export function literalString(node: TemplateNode | undefined): string | undefined {
  if (!node || node.kind !== 'scalar' || node.tag !== undefined) return undefined;
  return typeof node.value === 'string' ? node.value : undefined;
}

/** An empty `null` scalar at an offset (for a key written without a value). */
export function emptyAt(offset: number): ScalarNode {
  return { kind: 'scalar', value: null, raw: '', quoted: false, span: { start: offset, end: offset } };
}

/** A span with trailing whitespace (spaces, tabs, line breaks) removed. */
export function trimEnd(text: string, span: Span): Span {
  let end = span.end;
  while (end > span.start && /\s/.test(text[end - 1])) end--;
  return { start: span.start, end };
}
