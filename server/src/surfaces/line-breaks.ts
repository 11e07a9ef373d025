/**
 * Classic-Mac line breaks (a CR with no LF after it). YAML 1.2 and JSON both count a lone CR as a
 * line break, and so does `TextDocument` when it turns offsets into positions; the `yaml` package
 * and the line-based code here (edit builders, suppression comments) only look for LF. So the
 * engine reads a copy of the text with each lone CR turned into an LF: one character for one, so
 * every offset and span stays valid in the original text. Edits made on that copy get their line
 * breaks turned back into the document's own before they are applied.
 */

const LONE_CR = /\r(?!\n)/g;

/** The text with every lone CR turned into an LF (the same length; the same text when it has none). */
export function withLfBreaks(text: string): string {
  // Asked once per fix of a document: the answer for a large text is kept, so it is not scanned each time.
  if (text.length < REMEMBER_FROM) return text.includes('\r') ? text.replace(LONE_CR, '\n') : text;
  if (text === remembered.text) return remembered.lf;
  const lf = text.includes('\r') ? text.replace(LONE_CR, '\n') : text;
  remembered = { text, lf };
  return lf;
}

/** Texts from this length on have their answer remembered (the smaller ones, such as a document reduced to one client, cost less than the lookup). */
const REMEMBER_FROM = 64 * 1024;
let remembered = { text: '', lf: '' };

/** Whether a text's line breaks are lone CRs (its first line break is one). */
export function usesCrBreaks(text: string): boolean {
  const cr = text.indexOf('\r');
  if (cr < 0) return false;
  const lf = text.indexOf('\n');
  return (lf < 0 || cr < lf) && text[cr + 1] !== '\n';
}

/** Text to insert in a document that breaks lines with lone CRs: its line breaks made lone CRs. */
export function withCrBreaks(text: string): string {
  return text.replace(/\r?\n/g, '\r');
}

/** Edits made on `withLfBreaks(text)`, with their line breaks made the document's own. */
export function inOwnBreaks<E extends { newText: string }>(text: string, edits: E[]): E[] {
  return usesCrBreaks(text) ? edits.map((e) => ({ ...e, newText: withCrBreaks(e.newText) })) : edits;
}
