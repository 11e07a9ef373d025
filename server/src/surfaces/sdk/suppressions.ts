/**
 * Suppressions in code files: the line comments `// cognito-client-disable-next-line <id>...` and
 * `// cognito-client-disable [<id>...]` in JavaScript / TypeScript, the same with `#` in Python.
 *
 * Comments are found by a small scanner per language that skips string literals (and, in JS,
 * template literals with their substitutions, block comments and regular expression literals), so
 * a `//` or `#` inside a string is never taken for a comment. Code files have no resource-level
 * place for a suppression, so only the comment forms exist here.
 */
import type { Span } from '../../model';
import { DIRECTIVE_PREFIX, suppressionOfComment, type Suppression } from '../../suppress';
import type { SourceDocument, SuppressionSupport } from '../types';

/** A line comment: its whole span (marker included) and the text after the marker. */
export interface LineComment {
  span: Span;
  body: string;
}

/** The languages whose line comments the scanner finds. */
export type CommentLanguage = 'javascript' | 'python';

function lineEndAt(text: string, i: number): number {
  const lf = text.indexOf('\n', i);
  const end = lf < 0 ? text.length : lf;
  return end > i && text[end - 1] === '\r' ? end - 1 : end;
}

/** The end of a quoted string starting at `i` (its opening quote), not crossing a line end. */
function skipQuoted(text: string, i: number, quote: string): number {
  let j = i + 1;
  while (j < text.length) {
    const c = text[j];
    if (c === '\\') j += 2;
    else if (c === quote) return j + 1;
    else if (c === '\n') return j;
    else j++;
  }
  return text.length;
}

/** Characters after which a `/` starts a regular expression rather than a division. */
const REGEX_AFTER = new Set(['', '(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^']);

/** The end of a regular expression literal starting at `i`, or undefined when it does not end on its line. */
function skipRegex(text: string, i: number): number | undefined {
  let j = i + 1;
  let inClass = false;
  while (j < text.length) {
    const c = text[j];
    if (c === '\n' || c === '\r') return undefined;
    if (c === '\\') j += 2;
    else {
      if (c === '[') inClass = true;
      else if (c === ']') inClass = false;
      else if (c === '/' && !inClass) return j + 1;
      j++;
    }
  }
  return undefined;
}

/** Every `//` comment of a JavaScript / TypeScript text. */
function javascriptComments(text: string): LineComment[] {
  const out: LineComment[] = [];
  // Modes: code (with its brace depth, for a template substitution) or a template literal.
  const stack: ({ mode: 'code'; depth: number } | { mode: 'template' })[] = [{ mode: 'code', depth: 0 }];
  let previous = ''; // the last significant character or word in code
  let i = 0;
  while (i < text.length) {
    const top = stack[stack.length - 1];
    const c = text[i];
    if (top.mode === 'template') {
      if (c === '\\') i += 2;
      else if (c === '`') {
        stack.pop();
        previous = '`';
        i++;
      } else if (c === '$' && text[i + 1] === '{') {
        stack.push({ mode: 'code', depth: 0 });
        previous = '{';
        i += 2;
      } else i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      const end = lineEndAt(text, i);
      out.push({ span: { start: i, end }, body: text.slice(i + 2, end) });
      i = end;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 2;
    } else if (c === '"' || c === "'") {
      i = skipQuoted(text, i, c);
      previous = c;
    } else if (c === '`') {
      stack.push({ mode: 'template' });
      i++;
    } else if (c === '/' && (REGEX_AFTER.has(previous) || /^(return|typeof|case|in|of|delete|void|throw|new|yield|await)$/.test(previous))) {
      const end = skipRegex(text, i);
      previous = '/';
      i = end ?? i + 1;
    } else if (c === '{') {
      top.depth++;
      previous = c;
      i++;
    } else if (c === '}') {
      if (top.depth === 0 && stack.length > 1) stack.pop();
      else top.depth--;
      previous = c;
      i++;
    } else if (/\s/.test(c)) {
      i++;
    } else if (/[A-Za-z_$0-9]/.test(c)) {
      let j = i + 1;
      while (j < text.length && /[A-Za-z_$0-9]/.test(text[j])) j++;
      previous = text.slice(i, j);
      i = j;
    } else {
      previous = c;
      i++;
    }
  }
  return out;
}

/** Every `#` comment of a Python text. */
function pythonComments(text: string): LineComment[] {
  const out: LineComment[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '#') {
      const end = lineEndAt(text, i);
      out.push({ span: { start: i, end }, body: text.slice(i + 1, end) });
      i = end;
    } else if (c === '"' || c === "'") {
      const triple = text.startsWith(c.repeat(3), i);
      if (triple) {
        let j = i + 3;
        while (j < text.length && !text.startsWith(c.repeat(3), j)) j += text[j] === '\\' ? 2 : 1;
        i = Math.min(text.length, j + 3);
      } else i = skipQuoted(text, i, c);
    } else i++;
  }
  return out;
}

/** Every line comment of a text in a language (never the contents of a string literal). */
export function lineComments(text: string, language: CommentLanguage): LineComment[] {
  return language === 'javascript' ? javascriptComments(text) : pythonComments(text);
}

/** The suppressions written as line comments in a code file. Never throws. */
export function codeSuppressions(text: string, language: CommentLanguage): Suppression[] {
  if (!text.includes(DIRECTIVE_PREFIX)) return [];
  const out: Suppression[] = [];
  try {
    for (const comment of lineComments(text, language)) {
      if (!comment.body.includes(DIRECTIVE_PREFIX)) continue;
      const s = suppressionOfComment(text, comment.span, comment.body);
      if (s) out.push(s);
    }
  } catch {
    return out;
  }
  return out;
}

export function javascriptSuppressions(_doc: SourceDocument): SuppressionSupport {
  return { read: (doc) => codeSuppressions(doc.text, 'javascript'), lineComment: '//' };
}

export function pythonSuppressions(_doc: SourceDocument): SuppressionSupport {
  return { read: (doc) => codeSuppressions(doc.text, 'python'), lineComment: '#' };
}
