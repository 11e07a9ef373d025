/**
 * Text helpers for the edit builders (CloudFormation, Terraform JSON): lines and line breaks (LF or CRLF), the
 * indentation a document uses, and skipping whitespace and comments (`#` in YAML, `//` and
 * `/* *\/` in JSON with comments). Offsets are UTF-16, like every span in the model.
 */

/** Which comments a text may hold: `#` (YAML), `//` and `/* *\/` (JSON with comments), all three (HCL). */
export type CommentSyntax = 'yaml' | 'json' | 'hcl';

/** The line break a document uses: its first one, or `\n` when it has none. */
export function eolOf(text: string): string {
  const lf = text.indexOf('\n');
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
}

/**
 * How far the line helpers scan a line before they look the line break up in the text's index:
 * an ordinary line is shorter, and a minified one-line JSON file must not cost a scan of the whole
 * line per call (that made fixes quadratic in the file's size).
 */
const SCAN = 256;

/** The offsets of every LF of a few recent texts, computed once per text (a single-entry cache thrashes between a document and its reduced copy). */
const lfIndexes: { text: string; lfs: Int32Array }[] = [];
const LF_INDEXES = 4;

function lfIndex(text: string): Int32Array {
  for (const entry of lfIndexes) if (entry.text === text) return entry.lfs;
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  const lfs = new Int32Array(count);
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lfs[n++] = i;
  lfIndexes.unshift({ text, lfs });
  if (lfIndexes.length > LF_INDEXES) lfIndexes.pop();
  return lfs;
}

/** The offset of the last LF at or before `at`, or -1 (what `text.lastIndexOf('\n', at)` gives for 0 <= at). */
function lastLf(text: string, at: number): number {
  const stop = Math.max(0, at - SCAN);
  for (let i = at; i >= stop; i--) if (text.charCodeAt(i) === 10) return i;
  if (stop === 0) return -1;
  const lfs = lfIndex(text);
  const i = firstAtLeast(lfs, stop) - 1;
  return i >= 0 ? lfs[i] : -1;
}

/** The offset of the first LF at or after `from`, or -1 (what `text.indexOf('\n', from)` gives). */
function nextLf(text: string, from: number): number {
  const start = Math.max(0, from);
  const stop = Math.min(text.length, start + SCAN);
  for (let i = start; i < stop; i++) if (text.charCodeAt(i) === 10) return i;
  if (stop === text.length) return -1;
  const lfs = lfIndex(text);
  const i = firstAtLeast(lfs, stop);
  return i < lfs.length ? lfs[i] : -1;
}

/** The index of the first of the sorted `values` that is at least `min` (`values.length` when none is). */
function firstAtLeast(values: ArrayLike<number>, min: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < min) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The offset where the line holding `offset` starts. */
export function lineStart(text: string, offset: number): number {
  // As `text.lastIndexOf('\n', offset - 1) + 1`, which looks at index 0 for offsets up to 1.
  if (text.length === 0) return 0;
  return lastLf(text, Math.max(0, Math.min(offset - 1, text.length - 1))) + 1;
}

/** The offset where the line holding `offset` ends (before its `\r\n` / `\n`, or the text's end). */
export function lineEnd(text: string, offset: number): number {
  const lf = nextLf(text, offset);
  if (lf < 0) return text.length;
  return lf > 0 && text[lf - 1] === '\r' ? lf - 1 : lf;
}

/** The offset just after the line break ending the line that holds `offset` (the text's end on the last line). */
export function nextLineStart(text: string, offset: number): number {
  const lf = nextLf(text, offset);
  return lf < 0 ? text.length : lf + 1;
}

/** The offset where the line holding the last character of a span ends (for an empty span, the line of its start). */
export function lastLineOf(span: { start: number; end: number }): number {
  return span.end > span.start ? span.end - 1 : span.start;
}

/** The whitespace a line starts with. */
export function indentOfLine(text: string, offset: number): string {
  const start = lineStart(text, offset);
  let end = start;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  return text.slice(start, end);
}

/** The column of an offset in its line, in UTF-16 units. */
export function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** Whether only spaces and tabs stand between the start of its line and `offset`. */
export function startsLine(text: string, offset: number): boolean {
  // Scanned back from `offset`, not sliced from the line's start: a long line costs its indent only.
  const start = lineStart(text, offset);
  for (let i = offset - 1; i >= start; i--) if (text[i] !== ' ' && text[i] !== '\t') return false;
  return true;
}

/** Whether a piece of text holds a comment. */
export function hasComment(text: string, syntax: CommentSyntax): boolean {
  if (syntax === 'hcl') return /#|\/\/|\/\*/.test(text);
  return syntax === 'yaml' ? /(^|\s)#/.test(text) : /\/\/|\/\*/.test(text);
}

/**
 * The offset of the first character at or after `offset` that is neither whitespace nor part of a
 * comment. With `sameLine`, stops at the end of the line instead of crossing it.
 */
export function skipTrivia(text: string, offset: number, syntax: CommentSyntax, sameLine = false): number {
  let i = offset;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t') i++;
    else if (c === '\r' || c === '\n') {
      if (sameLine) return i;
      i++;
    } else if (syntax === 'yaml' && c === '#' && (i === 0 || /\s/.test(text[i - 1]) || text[i - 1] === ',')) {
      i = lineEnd(text, i);
    } else if (syntax === 'hcl' && c === '#') {
      i = lineEnd(text, i);
    } else if (syntax !== 'yaml' && c === '/' && text[i + 1] === '/') {
      i = lineEnd(text, i);
    } else if (syntax !== 'yaml' && c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) return text.length;
      if (sameLine && text.slice(i, close).includes('\n')) return i;
      i = close + 2;
    } else return i;
  }
  return i;
}

/**
 * Whether what follows `offset` on its line is only an optional comma and an optional comment
 * (so the line can be removed or followed by a new one without taking anything else with it).
 */
export function restOfLineIsTrivia(text: string, offset: number, syntax: CommentSyntax): boolean {
  let i = skipTrivia(text, offset, syntax, true);
  if (text[i] === ',') i = skipTrivia(text, i + 1, syntax, true);
  return i >= text.length || text[i] === '\r' || text[i] === '\n';
}

/** Whether the text between two entries of a flow collection is a single comma with whitespace around it. */
export function isSeparator(gap: string): boolean {
  return /^[ \t\r\n]*,[ \t\r\n]*$/.test(gap);
}

/** Whether a text is whitespace only. */
export function isBlank(text: string): boolean {
  return /^[ \t\r\n]*$/.test(text);
}

/** The offset just after the `:` that follows a key, or undefined when none follows (on the key's line). */
export function colonAfter(text: string, keyEnd: number): number | undefined {
  let i = keyEnd;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return text[i] === ':' ? i + 1 : undefined;
}

/**
 * The indentation step of a YAML document: the smallest increase from a `key:` line that opens a
 * block mapping to its first child key. Two spaces when it cannot be told.
 */
export const yamlIndentUnit = lastAnswerKept(computeYamlIndentUnit);

function computeYamlIndentUnit(text: string): string {
  const lines = text.split(/\r?\n/);
  let best = Infinity;
  let opener: number | undefined;
  for (const line of lines) {
    if (/^\s*(#.*)?$/.test(line)) continue;
    const lead = /^( *)((?:- +)*)/.exec(line)!;
    const keyColumn = lead[1].length + lead[2].length;
    if (opener !== undefined && lead[2] === '' && keyColumn > opener) best = Math.min(best, keyColumn - opener);
    // A line that is only `key:` (maybe with a comment) opens a nested block.
    opener = /^[^#]*[^\s#]:\s*(#.*)?$/.test(line) && !/^\s*- *$/.test(line) ? keyColumn : undefined;
  }
  return ' '.repeat(Number.isFinite(best) && best <= 8 ? best : 2);
}

/** The indentation step of a JSON document: tabs, or the smallest increase in spaces between lines. Two spaces when it cannot be told. */
export const jsonIndentUnit = lastAnswerKept(computeJsonIndentUnit);

/**
 * `compute` with its last answer for a large text kept: every fix (and every resource-level
 * disable action) of a file asks it of the same text, and each asking was a pass over every line
 * (20 ms for an 865 KB template).
 */
function lastAnswerKept(compute: (text: string) => string): (text: string) => string {
  let last: { text: string; answer: string } | undefined;
  return (text) => {
    if (text.length > 4096 && last?.text === text) return last.answer;
    const answer = compute(text);
    if (text.length > 4096) last = { text, answer };
    return answer;
  };
}

function computeJsonIndentUnit(text: string): string {
  let best = Infinity;
  let previous: number | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*$/.test(line)) continue;
    if (line.startsWith('\t')) return '\t';
    const width = /^ */.exec(line)![0].length;
    if (previous !== undefined && width > previous) best = Math.min(best, width - previous);
    previous = width;
  }
  return ' '.repeat(Number.isFinite(best) && best <= 8 ? best : 2);
}
