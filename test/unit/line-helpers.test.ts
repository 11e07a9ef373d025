/**
 * The line helpers of the edit builders (server/src/surfaces/edits-text.ts) answer from a line-break
 * index on long lines: they must give exactly what the plain string scans give, on short lines,
 * long ones (minified JSON) and at the text's edges.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { columnOf, indentOfLine, lineEnd, lineStart, nextLineStart, startsLine } from '../../server/src/surfaces/edits-text';

const plain = {
  lineStart: (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1,
  lineEnd: (text: string, offset: number) => {
    const lf = text.indexOf('\n', offset);
    if (lf < 0) return text.length;
    return lf > 0 && text[lf - 1] === '\r' ? lf - 1 : lf;
  },
  nextLineStart: (text: string, offset: number) => {
    const lf = text.indexOf('\n', offset);
    return lf < 0 ? text.length : lf + 1;
  },
  indentOfLine: (text: string, offset: number) => {
    const start = plain.lineStart(text, offset);
    return /^[ \t]*/.exec(text.slice(start, plain.lineEnd(text, start)))![0];
  },
  startsLine: (text: string, offset: number) => /^[ \t]*$/.test(text.slice(plain.lineStart(text, offset), offset)),
};

/** A deterministic pseudo-random text with lines from 0 to ~2,000 characters, spaces, tabs and CRLFs. */
function randomText(seed: number, length: number): string {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  let out = '';
  while (out.length < length) {
    const r = next();
    if (r < 0.02) out += '\n';
    else if (r < 0.03) out += '\r\n';
    else if (r < 0.2) out += ' ';
    else if (r < 0.22) out += '\t';
    else if (r < 0.3) out += 'x'.repeat(Math.floor(next() * 600));
    else out += String.fromCharCode(97 + Math.floor(next() * 26));
  }
  return out;
}

describe('line helpers over a line-break index', () => {
  const texts = ['', '\n', '\n\n', 'a', ' a\n b', '\nabc', 'x'.repeat(5000), `${'{"a":1,'.repeat(2000)}"b":2}\n`, ...[1, 2, 3, 4, 5].map((s) => randomText(s, 20000))];
  for (const [i, text] of texts.entries()) {
    it(`agree with the plain scans on text ${i} (${text.length} characters)`, () => {
      const offsets = new Set<number>([-1, 0, 1, 2, text.length - 1, text.length, text.length + 1]);
      for (let o = 0; o <= text.length; o += 7) offsets.add(o);
      for (const o of offsets) {
        assert.equal(lineStart(text, o), plain.lineStart(text, o), `lineStart at ${o}`);
        assert.equal(lineEnd(text, o), plain.lineEnd(text, o), `lineEnd at ${o}`);
        assert.equal(nextLineStart(text, o), plain.nextLineStart(text, o), `nextLineStart at ${o}`);
        if (o < 0 || o > text.length) continue;
        assert.equal(indentOfLine(text, o), plain.indentOfLine(text, o), `indentOfLine at ${o}`);
        assert.equal(startsLine(text, o), plain.startsLine(text, o), `startsLine at ${o}`);
        assert.equal(columnOf(text, o), o - plain.lineStart(text, o), `columnOf at ${o}`);
      }
    });
  }
});
