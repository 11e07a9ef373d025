/**
 * Taking resource entries out of a template's text, for checking a fix on a smaller document
 * (../reduce.ts). Not a user-facing edit: the result only has to read as the same template minus
 * those entries, not to look nice.
 *
 * YAML: a block entry (its key first on its line, nothing but a comment after its value) loses its
 * lines. JSON: a member loses its text and one neighbouring comma. Anything else (a flow-style
 * entry, a comment where a comma should be) keeps its key and has its value emptied to `{}` (read
 * as a resource with no `Type`, so no client).
 */
import type { ClientDefinition } from '../../model';
import type { SpanEdit } from '../types';
import { colonAfter, lineStart, nextLineStart, skipTrivia } from '../edits-text';

/** An entry emptied in place: everything after the `:` that follows its key becomes `{}`. */
function emptied(text: string, def: ClientDefinition): SpanEdit | undefined {
  const colon = colonAfter(text, def.nameSpan.end);
  if (colon === undefined || def.span.end <= colon) return undefined;
  return { span: { start: colon, end: def.span.end }, newText: ' {}' };
}

function yamlRemoval(text: string, def: ClientDefinition): SpanEdit | undefined {
  const start = lineStart(text, def.nameSpan.start);
  if (!/^ *$/.test(text.slice(start, def.nameSpan.start))) return undefined;
  const eol = skipTrivia(text, def.span.end, 'yaml', true);
  if (eol < text.length && text[eol] !== '\r' && text[eol] !== '\n') return undefined;
  return { span: { start, end: nextLineStart(text, eol) }, newText: '' };
}

/** The offset just after the last character before `offset` that is not whitespace. */
function skipBack(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && /\s/.test(text[i - 1])) i--;
  return i;
}

/** A JSON member with the comma after it (up to the next member), or, for a last member, the comma before it. */
function jsonRemoval(text: string, def: ClientDefinition): SpanEdit | undefined {
  const after = skipTrivia(text, def.span.end, 'json');
  if (text[after] === ',') return { span: { start: def.nameSpan.start, end: skipTrivia(text, after + 1, 'json') }, newText: '' };
  const before = skipBack(text, def.nameSpan.start) - 1;
  if (text[after] === '}' && text[before] === ',') return { span: { start: before, end: def.span.end }, newText: '' };
  return undefined;
}

/**
 * Edits that take the given resource entries out of a template (`json`: the text is JSON), sorted
 * and not overlapping; undefined when an entry can be neither removed nor emptied.
 */
export function withoutEntries(text: string, defs: readonly ClientDefinition[], json: boolean): SpanEdit[] | undefined {
  const removals: SpanEdit[] = [];
  const emptiedOnes: SpanEdit[] = [];
  for (const def of defs) {
    const removal = json ? jsonRemoval(text, def) : yamlRemoval(text, def);
    if (removal) {
      removals.push(removal);
      continue;
    }
    const stub = emptied(text, def);
    if (!stub) return undefined;
    emptiedOnes.push(stub);
  }
  // Neighbouring removals run together (a JSON member and the last one after it share a comma).
  removals.sort((a, b) => a.span.start - b.span.start);
  const merged: SpanEdit[] = [];
  for (const r of removals) {
    const last = merged[merged.length - 1];
    if (last && r.span.start <= last.span.end) last.span = { start: last.span.start, end: Math.max(last.span.end, r.span.end) };
    else merged.push({ span: { ...r.span }, newText: '' });
  }
  if (json) {
    // A run that now ends its object must take the comma of the member before it too.
    for (const r of merged) {
      const before = skipBack(text, r.span.start) - 1;
      if (text[skipTrivia(text, r.span.end, 'json')] === '}' && text[before] === ',') r.span = { start: before, end: r.span.end };
    }
  }
  const all = [...merged, ...emptiedOnes].sort((a, b) => a.span.start - b.span.start);
  for (let i = 1; i < all.length; i++) if (all[i].span.start < all[i - 1].span.end) return undefined;
  return all;
}
