/**
 * Applying offset edits (`SpanEdit`, UTF-16 offsets into the original text) to a text: the one
 * place that knows how edits compose. Edits must lie inside the text and must not overlap; two
 * insertions at one offset are applied in the order given, and an insertion at the start or end
 * of a replaced range sits before or after it.
 */
import type { SpanEdit } from './types';

/** The edits sorted by position (stable: edits at one offset keep their order, insertions first). */
export function sortEdits(edits: readonly SpanEdit[]): SpanEdit[] {
  return edits
    .map((edit, order) => ({ edit, order }))
    .sort((a, b) => a.edit.span.start - b.edit.span.start || a.edit.span.end - b.edit.span.end || a.order - b.order)
    .map((e) => e.edit);
}

/**
 * What is wrong with a set of edits for a text: a span outside the text or reversed, or two edits
 * that overlap. Undefined when they can be applied.
 */
export function editProblem(text: string, edits: readonly SpanEdit[]): string | undefined {
  let end = 0;
  for (const edit of sortEdits(edits)) {
    const { start, end: stop } = edit.span;
    if (!Number.isInteger(start) || !Number.isInteger(stop) || start < 0 || stop < start || stop > text.length) {
      return `edit [${start}, ${stop}) is outside the text (length ${text.length})`;
    }
    if (start < end) return `edit [${start}, ${stop}) overlaps an earlier edit ending at ${end}`;
    end = stop;
  }
  return undefined;
}

/** Apply edits to a text. Throws when they overlap or fall outside it (a builder bug, not user data). */
export function applyEdits(text: string, edits: readonly SpanEdit[]): string {
  const problem = editProblem(text, edits);
  if (problem) throw new Error(`cannot apply edits: ${problem}`);
  let out = '';
  let at = 0;
  for (const edit of sortEdits(edits)) {
    out += text.slice(at, edit.span.start) + edit.newText;
    at = edit.span.end;
  }
  return out + text.slice(at);
}

/**
 * Where an offset of the original text ends up after the edits; an offset inside a replaced
 * range maps to the start of its replacement.
 */
export function mapOffset(offset: number, edits: readonly SpanEdit[]): number {
  let delta = 0;
  for (const edit of sortEdits(edits)) {
    if (edit.span.start > offset || (edit.span.start === offset && edit.span.end > offset)) break;
    if (offset < edit.span.end) return edit.span.start + delta;
    delta += edit.newText.length - (edit.span.end - edit.span.start);
  }
  return offset + delta;
}
