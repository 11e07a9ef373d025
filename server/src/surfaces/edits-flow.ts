/**
 * Edits to a flow collection (`[a, b]` and `{A: b}` in YAML, every array and object in JSON, and
 * the same in any syntax with brackets, such as Terraform JSON),
 * keeping its layout: one line or one entry per line, its separators, comments on lines of their
 * own, and commas (removing the last entry removes the comma before it; adding one adds one).
 *
 * One removal, replacements and additions are each made as small edits. Several operations that
 * include a removal rewrite the run of entries once, from the first to the last, keeping every
 * surviving entry's text as written; that is refused (undefined) when comments sit between the
 * entries, which a rewrite would lose.
 */
import type { Span } from '../model';
import type { JsonValue } from '../schema/types';
import type { SpanEdit } from './types';
import {
  type CommentSyntax,
  hasComment,
  indentOfLine,
  isBlank,
  isSeparator,
  lastLineOf,
  lineEnd,
  lineStart,
  nextLineStart,
  restOfLineIsTrivia,
  skipTrivia,
  startsLine,
} from './edits-text';

// ---------- the plan of one collection (made by a surface's planner) ----------

/** What an entry's value is, as far as the executors care. */
export interface EntryValue {
  span: Span;
  kind: 'null' | 'string' | 'scalar' | 'list' | 'object' | 'other';
  /** For a string written in quotes: the quote character. */
  quote?: '"' | "'";
  /** For a collection: written in flow / bracket style. */
  flow?: boolean;
}

/** One member of a mapping, or one item of a list, as written. */
export interface Entry {
  /** A member from its key to the end of its value; an item's value. */
  span: Span;
  /** A member's key as written (with its quotes). */
  keySpan?: Span;
  value: EntryValue;
}

/** A mapping or list as written. */
export interface Container {
  kind: 'map' | 'seq';
  flow: boolean;
  /** A flow collection from its bracket to its closing bracket; a block one from its first entry to the end of its last. */
  span: Span;
  entries: Entry[];
  /** The key of the member holding the collection, where there is one (to write `[]` / `{}` after it). */
  ownerKey?: Span;
  /** Other brackets than `{}` / `[]` (a Python call's keyword arguments are a mapping in `()`). */
  brackets?: [string, string];
  /**
   * True when entries were merged in from elsewhere (YAML `<<: *anchor`): some lie outside the
   * collection, or a flow mapping writes a merge key between its entries. Never edited.
   */
  merged?: boolean;
}

/** A member or item to add; keys and nested keys already in the surface's spelling. */
export interface NewEntry {
  key?: string;
  value: JsonValue;
}

/** Everything one fix does to one collection. */
export interface ContainerPlan {
  container: Container;
  /** Indexes of entries to remove. */
  removes: Set<number>;
  /** New values by entry index (a member's value, or a list item). */
  replaces: Map<number, JsonValue>;
  /** Members to add to a mapping, in order (nested objects are merged as changes arrive). */
  members: Map<string, JsonValue>;
  /** Items to add to a list, in order. */
  items: JsonValue[];
  /** Add after this entry rather than after the last one. */
  after?: number;
}

// ---------- executing it ----------

/** How a syntax writes new entries and values into a flow collection. */
export interface FlowRenderer {
  syntax: CommentSyntax;
  eol: string;
  unit: string;
  /** Between entries on one line, for a collection that shows no separator of its own (none or one entry). */
  comma: string;
  /** A new entry (`key: value` or an item); `indent` is given when it goes on a line of its own. */
  entry(e: NewEntry, container: Container, indent: string | undefined): string;
  /** The new text of entry `index`'s value (a member's value, or the item); `indent` as for `entry`. */
  value(container: Container, index: number, value: JsonValue, indent: string | undefined): string;
  /** Whether an empty `{}` / `[]` written on one line is opened over several lines for new entries. */
  expandEmpty(container: Container): boolean;
}

interface Brackets {
  open: number;
  close: number;
}

function bracketsOf(text: string, c: Container): Brackets | undefined {
  const [opener, closer] = c.brackets ?? (c.kind === 'map' ? ['{', '}'] : ['[', ']']);
  const open = text.indexOf(opener, c.span.start);
  const close = c.span.end - 1;
  if (open < 0 || open >= close || text[close] !== closer) return undefined;
  if (c.entries.length > 0 && (c.entries[0].span.start < open || c.entries[c.entries.length - 1].span.end > close)) return undefined;
  return { open, close };
}

/** Whether an entry starts its own line and nothing but a comma and a comment follows it there. */
function ownLine(text: string, span: Span, syntax: CommentSyntax): boolean {
  return startsLine(text, span.start) && restOfLineIsTrivia(text, span.end, syntax);
}

/** The edits for one flow collection's plan. */
export function flowEdits(text: string, plan: ContainerPlan, r: FlowRenderer): SpanEdit[] | undefined {
  const c = plan.container;
  const brackets = bracketsOf(text, c);
  if (!brackets) return undefined;
  const adds: NewEntry[] = c.kind === 'map' ? [...plan.members].map(([key, value]) => ({ key, value })) : plan.items.map((value) => ({ value }));
  for (const i of plan.removes) if (plan.replaces.has(i)) return undefined;

  if (plan.removes.size === 0) {
    const edits = replacements(text, plan, r);
    if (adds.length > 0) {
      const added = additions(text, c, brackets, adds, plan.after, r);
      if (!added) return undefined;
      edits.push(...added);
    }
    return edits;
  }
  if (plan.removes.size === 1 && plan.replaces.size === 0 && adds.length === 0) {
    return removeOne(text, c, brackets, [...plan.removes][0], r.syntax);
  }
  return rewrite(text, plan, brackets, adds, r);
}

function replacements(text: string, plan: ContainerPlan, r: FlowRenderer): SpanEdit[] {
  const c = plan.container;
  const edits: SpanEdit[] = [];
  for (const [index, value] of plan.replaces) {
    const e = c.entries[index];
    const multiLine = text.slice(e.value.span.start, e.value.span.end).includes('\n');
    const indent = multiLine ? indentOfLine(text, e.span.start) : undefined;
    let newText = r.value(c, index, value, indent);
    // `{A: }` has an empty value right after the colon.
    if (e.value.span.start === e.value.span.end && text[e.value.span.start - 1] === ':') newText = ' ' + newText;
    edits.push({ span: e.value.span, newText });
  }
  return edits;
}

function additions(text: string, c: Container, b: Brackets, adds: NewEntry[], after: number | undefined, r: FlowRenderer): SpanEdit[] | undefined {
  const n = c.entries.length;
  if (n === 0) {
    const inner = text.slice(b.open + 1, b.close);
    if (inner.includes('\n') || r.expandEmpty(c)) {
      const outer = indentOfLine(text, b.open);
      const indent = outer + r.unit;
      const body = adds.map((a) => r.entry(a, c, indent)).join(',' + r.eol + indent);
      if (inner.includes('\n')) return [{ span: { start: b.open + 1, end: b.open + 1 }, newText: r.eol + indent + body }];
      if (!isBlank(inner)) return undefined;
      return [{ span: { start: b.open + 1, end: b.close }, newText: r.eol + indent + body + r.eol + outer }];
    }
    if (!isBlank(inner)) return undefined;
    return [{ span: { start: b.open + 1, end: b.close }, newText: adds.map((a) => r.entry(a, c, undefined)).join(r.comma) }];
  }
  const k = after ?? n - 1;
  const e = c.entries[k];
  const multiLine = c.entries.some((x) => startsLine(text, x.span.start)) && text.slice(b.open, b.close).includes('\n');
  if (multiLine && ownLine(text, e.span, r.syntax)) {
    // One entry per line: the new entries go on lines of their own after this one's line.
    const indent = indentOfLine(text, e.span.start);
    const afterValue = skipTrivia(text, e.span.end, r.syntax, true);
    const hasComma = text[afterValue] === ',';
    const body = adds.map((a) => r.entry(a, c, indent)).join(',' + r.eol + indent);
    const edits: SpanEdit[] = [];
    const last = k === n - 1;
    if (!hasComma) {
      if (!last) return undefined;
      edits.push({ span: { start: e.span.end, end: e.span.end }, newText: ',' });
    }
    const end = lineEnd(text, e.span.end);
    edits.push({ span: { start: end, end }, newText: r.eol + indent + body + (hasComma ? ',' : '') });
    return edits;
  }
  let separator = r.comma;
  if (multiLine) separator = ',' + r.eol + indentOfLine(text, e.span.start);
  else if (n >= 2) {
    const gap = text.slice(c.entries[n - 2].span.end, c.entries[n - 1].span.start);
    if (isSeparator(gap)) separator = gap;
  }
  const indent = multiLine ? indentOfLine(text, e.span.start) : undefined;
  return [{ span: { start: e.span.end, end: e.span.end }, newText: separator + adds.map((a) => r.entry(a, c, indent)).join(separator) }];
}

function removeOne(text: string, c: Container, b: Brackets, index: number, syntax: CommentSyntax): SpanEdit[] | undefined {
  const n = c.entries.length;
  const e = c.entries[index];
  if (n === 1) {
    const inner = text.slice(b.open + 1, b.close);
    if (!hasComment(inner, syntax)) return [{ span: { start: b.open + 1, end: b.close }, newText: '' }];
    const after = skipTrivia(text, e.span.end, syntax, true);
    return [{ span: { start: e.span.start, end: text[after] === ',' ? after + 1 : e.span.end }, newText: '' }];
  }
  if (ownLine(text, e.span, syntax)) {
    const edits: SpanEdit[] = [{ span: { start: lineStart(text, e.span.start), end: nextLineStart(text, lastLineOf(e.span)) }, newText: '' }];
    const hasComma = text[skipTrivia(text, e.span.end, syntax, true)] === ',';
    if (index === n - 1 && !hasComma) {
      // The entry before now ends the collection: its comma goes.
      const comma = skipTrivia(text, c.entries[index - 1].span.end, syntax);
      if (text[comma] !== ',' || comma >= edits[0].span.start) return undefined;
      edits.push({ span: { start: comma, end: comma + 1 }, newText: '' });
    }
    return edits;
  }
  if (index < n - 1) {
    const next = c.entries[index + 1];
    if (!isSeparator(text.slice(e.span.end, next.span.start))) return undefined;
    return [{ span: { start: e.span.start, end: next.span.start }, newText: '' }];
  }
  const previous = c.entries[index - 1];
  if (!isSeparator(text.slice(previous.span.end, e.span.start))) return undefined;
  return [{ span: { start: previous.span.end, end: e.span.end }, newText: '' }];
}

function rewrite(text: string, plan: ContainerPlan, b: Brackets, adds: NewEntry[], r: FlowRenderer): SpanEdit[] | undefined {
  const c = plan.container;
  const n = c.entries.length;
  for (let i = 0; i + 1 < n; i++) {
    if (!isSeparator(text.slice(c.entries[i].span.end, c.entries[i + 1].span.start))) return undefined;
  }
  const multiLine = n > 0 && startsLine(text, c.entries[0].span.start) && text.slice(b.open, b.close).includes('\n');
  const indent = multiLine ? indentOfLine(text, c.entries[0].span.start) : undefined;
  const separator = multiLine ? ',' + r.eol + indent : n >= 2 ? text.slice(c.entries[0].span.end, c.entries[1].span.start) : r.comma;
  const parts: string[] = [];
  const added = adds.map((a) => r.entry(a, c, indent));
  c.entries.forEach((e, i) => {
    if (!plan.removes.has(i)) {
      const value = plan.replaces.get(i);
      if (value === undefined) parts.push(text.slice(e.span.start, e.span.end));
      else if (c.kind === 'seq') parts.push(r.value(c, i, value, indent));
      else {
        let head = text.slice(e.span.start, e.value.span.start);
        if (head.endsWith(':')) head += ' ';
        parts.push(head + r.value(c, i, value, indent));
      }
    }
    if (i === (plan.after ?? n - 1)) parts.push(...added);
  });
  if (parts.length === 0) {
    if (hasComment(text.slice(b.open + 1, b.close), r.syntax)) return undefined;
    return [{ span: { start: b.open + 1, end: b.close }, newText: '' }];
  }
  return [{ span: { start: c.entries[0].span.start, end: c.entries[n - 1].span.end }, newText: parts.join(separator) }];
}
