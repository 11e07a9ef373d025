/**
 * Line diffs between two versions of a text: Myers' O(ND) algorithm over lines (after the common
 * head and tail are cut off), turned either into offset edits (fix-all's one workspace edit, kept
 * small so an editor keeps its folding and cursor) or into a unified diff (`--fix-dry-run`).
 * Line breaks stay part of their line, so LF and CRLF files both come out right.
 */
import type { SpanEdit } from '../surfaces/types';

/** The lines of a text, each with its line break; the last may have none. `[]` for the empty text. */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let at = 0;
  while (at < text.length) {
    const lf = text.indexOf('\n', at);
    const end = lf < 0 ? text.length : lf + 1;
    lines.push(text.slice(at, end));
    at = end;
  }
  return lines;
}

/** Lines `[a, aEnd)` of the old text replaced by lines `[b, bEnd)` of the new one. */
export interface Hunk {
  a: number;
  aEnd: number;
  b: number;
  bEnd: number;
}

/** Beyond this many differing lines the middle is reported as one replacement (the diff stays cheap). */
const MAX_EDIT_DISTANCE = 4000;

/** The differing line ranges of two line lists, in order. */
export function diffLines(a: readonly string[], b: readonly string[]): Hunk[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const A = a.slice(head, a.length - tail);
  const B = b.slice(head, b.length - tail);
  if (A.length === 0 && B.length === 0) return [];
  const matches = myersMatches(A, B);
  if (!matches) return [{ a: head, aEnd: head + A.length, b: head, bEnd: head + B.length }];
  const hunks: Hunk[] = [];
  let x = 0;
  let y = 0;
  for (const [mx, my] of [...matches, [A.length, B.length] as [number, number]]) {
    if (mx > x || my > y) hunks.push({ a: head + x, aEnd: head + mx, b: head + y, bEnd: head + my });
    x = mx + 1;
    y = my + 1;
  }
  return hunks;
}

/** The matched line pairs `[x, y]` of a shortest edit script, in order; undefined past the distance limit. */
function myersMatches(A: readonly string[], B: readonly string[]): [number, number][] | undefined {
  const n = A.length;
  const m = B.length;
  const max = Math.min(n + m, MAX_EDIT_DISTANCE);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && A[x] === B[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  if (!found) return undefined;
  const matches: [number, number][] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const t = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && t[offset + k - 1] < t[offset + k + 1]) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : t[offset + prevK];
    const prevY = d === 0 ? 0 : prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      matches.push([x, y]);
    }
    x = prevX;
    y = prevY;
  }
  return matches.reverse();
}

/**
 * Offset edits that turn `before` into `after`: one per differing run of lines, each trimmed to
 * the characters that actually change. Applying them to `before` gives `after` exactly.
 */
export function diffEdits(before: string, after: string): SpanEdit[] {
  if (before === after) return [];
  const a = splitLines(before);
  const b = splitLines(after);
  const starts: number[] = [0];
  for (const line of a) starts.push(starts[starts.length - 1] + line.length);
  const edits: SpanEdit[] = [];
  for (const h of diffLines(a, b)) {
    let start = starts[h.a];
    let end = starts[h.aEnd];
    let text = b.slice(h.b, h.bEnd).join('');
    const old = before.slice(start, end);
    let p = 0;
    while (p < old.length && p < text.length && old[p] === text[p]) p++;
    let s = 0;
    while (s < old.length - p && s < text.length - p && old[old.length - 1 - s] === text[text.length - 1 - s]) s++;
    // An edit never starts or ends between the CR and the LF of a CRLF: an editor cannot place a
    // position there (it would land before the CR, and the CR written by the edit would be lost).
    if (p > 0 && old[p - 1] === '\r' && old[p] === '\n') p--;
    if (s > 0 && old[old.length - s] === '\n' && old[old.length - s - 1] === '\r' && old.length - s - 1 >= p) s--;
    start += p;
    end -= s;
    text = text.slice(p, text.length - s);
    edits.push({ span: { start, end }, newText: text });
  }
  return edits;
}

/** A hunk header range: 1-based start and count, `start` alone when the count is 1 (as git writes it). */
function headerRange(start: number, count: number): string {
  if (count === 1) return `${start + 1}`;
  return `${count === 0 ? start : start + 1},${count}`;
}

/** One line of a unified diff, with the marker for a last line without a line break. */
function diffLine(prefix: string, line: string): string {
  if (line.endsWith('\n')) return prefix + line;
  return `${prefix}${line}\n\\ No newline at end of file\n`;
}

/**
 * A unified diff (as `diff -u` and `git diff` write it, `context` lines around each change) from
 * `before` to `after`; `''` when they are equal.
 */
export function unifiedDiff(oldName: string, newName: string, before: string, after: string, context = 3): string {
  const a = splitLines(before);
  const b = splitLines(after);
  const hunks = diffLines(a, b);
  if (hunks.length === 0) return '';
  let out = `--- ${oldName}\n+++ ${newName}\n`;
  let i = 0;
  while (i < hunks.length) {
    // Hunks whose context would touch are printed as one.
    let j = i;
    while (j + 1 < hunks.length && hunks[j + 1].a - hunks[j].aEnd <= 2 * context) j++;
    const aStart = Math.max(0, hunks[i].a - context);
    const aEnd = Math.min(a.length, hunks[j].aEnd + context);
    const bStart = hunks[i].b - (hunks[i].a - aStart);
    const bEnd = hunks[j].bEnd + (aEnd - hunks[j].aEnd);
    out += `@@ -${headerRange(aStart, aEnd - aStart)} +${headerRange(bStart, bEnd - bStart)} @@\n`;
    let at = aStart;
    for (let h = i; h <= j; h++) {
      const hunk = hunks[h];
      for (; at < hunk.a; at++) out += diffLine(' ', a[at]);
      for (let x = hunk.a; x < hunk.aEnd; x++) out += diffLine('-', a[x]);
      for (let y = hunk.b; y < hunk.bEnd; y++) out += diffLine('+', b[y]);
      at = hunk.aEnd;
    }
    for (; at < aEnd; at++) out += diffLine(' ', a[at]);
    i = j + 1;
  }
  return out;
}
