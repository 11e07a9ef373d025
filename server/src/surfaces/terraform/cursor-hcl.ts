/**
 * The cursor context of a `.tf` file: what the caret is on, for completion, in text that is
 * usually half-typed (an unclosed `["`, a name with no `=` yet, an empty line in a block).
 *
 * The text is scanned lexically (strings, `${...}`, heredocs and comments skipped; braces,
 * brackets and parentheses matched) rather than read with the grammar, whose error recovery may
 * drop the very block being typed. From the open blocks around the caret come the client
 * (a `resource "aws_cognito_user_pool_client"` or `"aws_cognito_managed_user_pool_client"` block)
 * and the canonical path of its nested blocks (`token_validity_units`, `dynamic "x" { content }`);
 * from the caret's line: a name being written (`key`), the value after `name =` (`value`), or an
 * item of `name = [...]` (`item`). A `resource "aws_cog...` being written at the top level is a
 * `newResource` (archetype snippets). Anything else, including meta-argument blocks (`lifecycle`),
 * objects, function calls, comments and heredocs, gets no context: other Terraform tools answer
 * there.
 */
import type { DocumentModel, Span } from '../../model';
import { canonicalName, propertySchema } from '../../schema';
import { eolOf, jsonIndentUnit, lineEnd, lineStart } from '../edits-text';
import type { CursorContext, CursorFunction, QuoteState } from '../cursor-types';
import { withLfBreaks } from '../line-breaks';
import { CLIENT_TYPES } from './model';

interface Frame {
  kind: 'root' | 'block' | 'object' | 'list' | 'paren';
  open: number;
  close?: number;
  /** Block: its type and labels. */
  type?: string;
  labels?: string[];
  /** List: the attribute it is the whole value of. */
  attr?: string;
  /** Block and root: the names each statement starts with (attributes and nested blocks). */
  heads: { name: string; start: number }[];
  /** Block and root: where the current statement starts. */
  stmt: number;
  headTaken: boolean;
  /** List: where the current item starts. */
  item: number;
}

interface Snapshot {
  stack: Frame[];
  /** The statement start of the innermost block when the caret was reached. */
  stmt: number;
  /** The caret is inside a quoted string that starts here. */
  string?: { start: number; closeQuote?: number };
  /** The caret is inside a comment or heredoc. */
  dead?: boolean;
}

const IDENT = /[A-Za-z_][A-Za-z0-9_-]*/y;
const BLOCK_HEADER = /^[ \t]*([A-Za-z_][\w-]*)((?:[ \t]+(?:"(?:[^"\\\r\n]|\\.)*"|[A-Za-z_][\w-]*))*)[ \t]*$/;
const ATTRIBUTE_START = /^[ \t]*([A-Za-z_][\w-]*)[ \t]*=[ \t]*$/;

function labelsOf(text: string): string[] {
  return [...text.matchAll(/"((?:[^"\\\r\n]|\\.)*)"|([A-Za-z_][\w-]*)/g)].map((m) => m[1] ?? m[2]);
}

/** The end of a quoted string starting at `start` (after its closing quote), and where its closing quote is. */
function stringEnd(text: string, start: number): { end: number; closeQuote?: number } {
  let j = start + 1;
  while (j < text.length) {
    const c = text[j];
    if (c === '\\') j += 2;
    else if (c === '"') return { end: j + 1, closeQuote: j };
    else if (c === '\n' || c === '\r') return { end: j };
    else if ((c === '$' || c === '%') && text[j + 1] === '{' && text[j - 1] !== c) {
      // An interpolation or directive: to its matching brace (strings inside it skipped).
      let depth = 0;
      j += 1;
      while (j < text.length) {
        const d = text[j];
        if (d === '{') depth++;
        else if (d === '}' && --depth === 0) break;
        else if (d === '"') {
          j = stringEnd(text, j).end;
          continue;
        } else if (d === '\n') break;
        j++;
      }
      j++;
    } else j++;
  }
  return { end: text.length };
}

/** Scan the whole text, keeping the open frames at the caret. */
function scan(text: string, caret: number): Snapshot {
  const root: Frame = { kind: 'root', open: -1, heads: [], stmt: 0, headTaken: false, item: 0 };
  const stack: Frame[] = [root];
  let snap: Snapshot | undefined;
  const top = () => stack[stack.length - 1];
  const statementFrame = (): Frame | undefined => {
    const t = top();
    return t.kind === 'block' || t.kind === 'root' ? t : undefined;
  };
  const take = (extra?: Partial<Snapshot>) => {
    if (!snap) snap = { stack: [...stack], stmt: statementFrame()?.stmt ?? -1, ...extra };
  };
  let i = 0;
  while (i < text.length) {
    if (!snap && i >= caret) take();
    const c = text[i];
    const s = statementFrame();
    if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      const end = lineEnd(text, i);
      if (!snap && caret > i && caret <= end) take({ dead: true });
      i = end;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      const end = close < 0 ? text.length : close + 2;
      if (!snap && caret > i && caret < end) take({ dead: true });
      i = end;
      continue;
    }
    if (c === '"') {
      const { end, closeQuote } = stringEnd(text, i);
      if (!snap && caret > i && (closeQuote === undefined ? caret <= end : caret <= closeQuote)) take({ string: { start: i, closeQuote } });
      i = end;
      continue;
    }
    if (c === '<' && text[i + 1] === '<') {
      const m = /^<<-?([A-Za-z_][\w-]*)[ \t]*\r?\n/.exec(text.slice(i, i + 200));
      if (m) {
        const close = new RegExp(`^[ \\t]*${m[1]}[ \\t]*$`, 'm');
        const bodyStart = i + m[0].length;
        const found = close.exec(text.slice(bodyStart));
        const end = found ? bodyStart + found.index + found[0].length : text.length;
        if (!snap && caret > i && caret <= end) take({ dead: true });
        i = end;
        continue;
      }
    }
    if (c === '\n') {
      const t = top();
      if ((t.kind === 'list' || t.kind === 'paren') && stack.length > 1) {
        // An unclosed bracket before a line that starts a new statement or closes the block ends there.
        const next = text.slice(i + 1, lineEnd(text, i + 1));
        if (/^[ \t]*([A-Za-z_][\w-]*[ \t]*(=[^=>]|=$|\{|"))|^[ \t]*\}/.test(next)) {
          while (top().kind === 'list' || top().kind === 'paren') {
            top().close = i;
            stack.pop();
          }
        }
      }
      const f = statementFrame();
      if (f) {
        f.stmt = i + 1;
        f.headTaken = false;
      }
      i++;
      continue;
    }
    if (c === '{') {
      const header = s ? text.slice(s.stmt, i) : undefined;
      const m = header !== undefined ? BLOCK_HEADER.exec(header) : null;
      if (s && m) {
        stack.push({ kind: 'block', open: i, type: m[1], labels: labelsOf(m[2]), heads: [], stmt: i + 1, headTaken: false, item: 0 });
      } else stack.push({ kind: 'object', open: i, heads: [], stmt: i + 1, headTaken: true, item: i + 1 });
      i++;
      continue;
    }
    if (c === '}') {
      while (stack.length > 1 && (top().kind === 'list' || top().kind === 'paren')) {
        top().close = i;
        stack.pop();
      }
      if (stack.length > 1) {
        top().close = i;
        stack.pop();
      }
      const f = statementFrame();
      if (f) {
        f.stmt = i + 1;
        f.headTaken = true; // the rest of the line after a closing brace starts nothing
      }
      i++;
      continue;
    }
    if (c === '[' || c === '(') {
      const m = s ? ATTRIBUTE_START.exec(text.slice(s.stmt, i)) : null;
      stack.push({ kind: c === '[' ? 'list' : 'paren', open: i, attr: c === '[' && m ? m[1] : undefined, heads: [], stmt: -1, headTaken: true, item: i + 1 });
      i++;
      continue;
    }
    if (c === ']' || c === ')') {
      const want = c === ']' ? 'list' : 'paren';
      if (top().kind === want) {
        top().close = i;
        stack.pop();
      }
      i++;
      continue;
    }
    if (c === ',') {
      const t = top();
      if (t.kind === 'list') t.item = i + 1;
      i++;
      continue;
    }
    IDENT.lastIndex = i;
    const ident = IDENT.exec(text);
    if (ident) {
      if (s && !s.headTaken && /^[ \t]*$/.test(text.slice(s.stmt, i))) {
        s.headTaken = true;
        const dynamic = ident[0] === 'dynamic' ? /^dynamic[ \t]+"([\w-]+)"/.exec(text.slice(i, i + 200)) : null;
        s.heads.push({ name: dynamic ? dynamic[1] : ident[0], start: i });
      }
      if (!snap && caret > i && caret < i + ident[0].length) take();
      i += ident[0].length;
      continue;
    }
    i++;
  }
  take();
  return snap!;
}

/** The end of the word (identifier characters) at `offset`. */
function wordEnd(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && /[\w.-]/.test(text[i])) i++;
  return i;
}

/** The canonical path of the open blocks inside a client block; undefined when they are not property blocks. */
function pathOf(blocks: Frame[]): string[] | undefined {
  const path: string[] = [];
  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k];
    let name = b.type!;
    if (name === 'dynamic') {
      // Only the `content` block of a dynamic block holds the block's members.
      name = b.labels?.[0] ?? '';
      if (blocks[k + 1]?.type !== 'content') return undefined;
      k++;
    } else if ((b.labels?.length ?? 0) > 0) return undefined;
    const canonical = canonicalName(name, 'terraform', path);
    if (canonical === undefined) return undefined;
    path.push(canonical);
  }
  return path;
}

/** Literal strings of a list between its brackets (or to the end of the caret's line when unclosed), the one at the caret left out. */
function listItems(text: string, list: Frame, caret: number): string[] {
  const end = list.close ?? lineEnd(text, caret);
  const out: string[] = [];
  const re = /"((?:[^"\\\r\n]|\\.)*)("|$)/gm;
  re.lastIndex = list.open + 1;
  for (let m = re.exec(text); m && m.index < end; m = re.exec(text)) {
    if (m.index < caret && caret <= m.index + m[0].length) continue;
    if (m[2] === '"') out.push(m[1].replace(/\\(.)/g, '$1'));
  }
  return out;
}

/** The start of a new client resource being written at the top level, if the caret's line is one. */
function newResource(text: string, caret: number): { span: Span; prefix: string; indent: string } | undefined {
  const start = lineStart(text, caret);
  const before = text.slice(start, caret);
  const m = /^([ \t]*)(resource(?:[ \t]+"?([\w-]*)"?)?(?:[ \t]+"?[\w-]*"?)?)$/.exec(before);
  if (!m) return undefined;
  const type = m[3] ?? '';
  if (type.length < 'aws_cog'.length || !CLIENT_TYPES.some((t) => t.startsWith(type))) return undefined;
  const after = text.slice(caret, lineEnd(text, caret));
  const rest = /^[\w-]*"?[ \t]*$/.exec(after);
  if (!rest) return undefined;
  return { span: { start: start + m[1].length, end: caret + rest[0].length }, prefix: m[2], indent: m[1] };
}

/** The completion context of a `.tf` document at an offset. */
export const hclCursor: CursorFunction = (doc, offset, model: DocumentModel) => {
  // Lone CRs read as line breaks, as everywhere (same offsets: ../line-breaks.ts).
  const text = withLfBreaks(doc.text);
  if (offset < 0 || offset > text.length) return undefined;
  const snap = scan(text, offset);
  if (snap.dead) return undefined;
  const base = { surface: 'terraform' as const, spelling: 'terraform' as const, style: 'hcl' as const, indentUnit: jsonIndentUnit(text), eol: eolOf(text), existingKeys: [] as string[], existingItems: [] as string[] };

  if (snap.stack.length === 1) {
    const n = newResource(text, offset);
    if (!n) return undefined;
    return { ...base, role: 'newResource', path: [], span: n.span, prefix: n.prefix, indent: n.indent };
  }

  const [, resource, ...inner] = snap.stack;
  if (resource.kind !== 'block' || resource.type !== 'resource' || !CLIENT_TYPES.includes(resource.labels?.[0] ?? '')) return undefined;
  const blocks: Frame[] = [];
  let k = 0;
  while (k < inner.length && inner[k].kind === 'block') blocks.push(inner[k++]);
  const above = inner.slice(k);
  const path = pathOf(blocks);
  if (!path) return undefined;
  const client = model.clients.find((c) => c.span.start <= resource.open && resource.open <= c.span.end);
  const owner = blocks[blocks.length - 1] ?? resource;

  const lineText = text.slice(lineStart(text, offset), offset);
  const indent = /^[ \t]*/.exec(lineText)![0];

  if (above.length === 1 && above[0].kind === 'list' && above[0].attr) {
    // An item of `name = [...]`.
    const list = above[0];
    const canonical = canonicalName(list.attr!, 'terraform', path);
    const prop = canonical ? propertySchema([...path, canonical]) : undefined;
    if (!canonical || prop?.type !== 'list') return undefined;
    const written = quoteOrWord(text, offset, list.item, snap);
    if (!written) return undefined;
    return { ...base, role: 'item', client, path: [...path, canonical], ...written, existingItems: listItems(text, list, offset), indent };
  }
  if (above.length > 0) return undefined;

  const statement = text.slice(snap.stmt, offset);
  const key = /^[ \t]*([A-Za-z_][\w-]*)?$/.exec(statement);
  if (key && !snap.string) {
    const word = key[1] ?? '';
    const start = offset - word.length;
    const end = wordEnd(text, offset);
    const rest = text.slice(end, lineEnd(text, end));
    const existing = owner.heads
      .filter((h) => h.start < snap.stmt || h.start > end)
      .map((h) => canonicalName(h.name, 'terraform', path))
      .filter((c): c is string => c !== undefined);
    return {
      ...base,
      role: 'key',
      client,
      path,
      span: { start, end },
      prefix: word,
      existingKeys: [...new Set(existing)],
      indent: lineStart(text, start) === snap.stmt || /^[ \t]*$/.test(text.slice(lineStart(text, start), start)) ? text.slice(lineStart(text, start), start) : indent + base.indentUnit,
      hasValue: /^[ \t]*[={"]/.test(rest) || undefined,
    };
  }
  const value = /^[ \t]*([A-Za-z_][\w-]*)[ \t]*=[ \t]*/.exec(statement);
  if (!value) return undefined;
  const canonical = canonicalName(value[1], 'terraform', path);
  const prop = canonical ? propertySchema([...path, canonical]) : undefined;
  if (!canonical || !prop || prop.type === 'object') return undefined;
  const written = quoteOrWord(text, offset, snap.stmt + value[0].length, snap);
  if (!written) return undefined;
  return { ...base, role: 'value', client, path: [...path, canonical], ...written, indent };
};

/** The partial value at the caret: a quoted string from its quote, or a bare word, starting at or after `from`. */
function quoteOrWord(text: string, offset: number, from: number, snap: Snapshot): Pick<CursorContext, 'span' | 'prefix' | 'quote'> | undefined {
  if (snap.string) {
    const { start, closeQuote } = snap.string;
    if (start < from || !/^[ \t\r\n]*$/.test(text.slice(from, start))) return undefined;
    const prefix = text.slice(start + 1, offset);
    if (/[$%]\{/.test(prefix)) return undefined;
    const closed = closeQuote !== undefined;
    const end = closed ? closeQuote + 1 : wordEnd(text, offset);
    const quote: QuoteState = { char: '"', closed };
    return { span: { start, end }, prefix, quote };
  }
  const typed = text.slice(from, offset);
  const m = /^[ \t\r\n]*([\w.-]*)$/.exec(typed);
  if (!m) return undefined;
  return { span: { start: offset - m[1].length, end: wordEnd(text, offset) }, prefix: m[1] };
}
