/**
 * The completion context in JavaScript / TypeScript: only inside the object literal of a
 * recognised call (so the TypeScript language server has the rest of the file to itself).
 *
 * The literal is found from the model (a call's argument, or the literal a name passed as the
 * argument is bound to) or, in code too broken for the reader to recognise the call, from the
 * callee's text before the caret. From the literal's `{` to the caret a small tokenizer tracks the
 * nested objects and arrays, so half-typed code works: a key with no colon yet, an unclosed
 * string or array (`AllowedOAuthFlows: ["`), a nested object (`TokenValidityUnits: { | }`).
 */
import type { ClientDefinition, DocumentModel, Span, Spelling, SurfaceKind } from '../../model';
import { canonicalName } from '../../schema';
import type { CursorContext, CursorFunction, QuoteState } from '../cursor-types';
import { jsStyle } from './edits-javascript';

type TokenKind = 'string' | 'template' | 'word' | 'punct' | 'comment';

interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  /** For strings: the decoded-enough value (no escapes processed beyond removing the quotes). */
  value?: string;
  /** For strings: whether the closing quote is there. */
  closed?: boolean;
}

/** The next token at or after `i` (whitespace skipped); undefined at the end of the text. */
function nextToken(text: string, i: number): Token | undefined {
  while (i < text.length && /\s/.test(text[i])) i++;
  if (i >= text.length) return undefined;
  const c = text[i];
  if (c === '/' && text[i + 1] === '/') {
    const lf = text.indexOf('\n', i);
    return { kind: 'comment', start: i, end: lf < 0 ? text.length : lf };
  }
  if (c === '/' && text[i + 1] === '*') {
    const close = text.indexOf('*/', i + 2);
    return { kind: 'comment', start: i, end: close < 0 ? text.length : close + 2 };
  }
  if (c === '"' || c === "'") {
    let j = i + 1;
    while (j < text.length && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
    const closed = j < text.length && text[j] === c;
    const end = closed ? j + 1 : Math.min(j, text.length);
    return { kind: 'string', start: i, end, value: text.slice(i + 1, closed ? j : end).replace(/\r$/, ''), closed };
  }
  if (c === '`') {
    // A template literal, with its substitutions (brace-counted).
    let j = i + 1;
    let depth = 0;
    while (j < text.length) {
      if (text[j] === '\\') j += 2;
      else if (depth === 0 && text[j] === '`') break;
      else if (text[j] === '$' && text[j + 1] === '{') {
        depth++;
        j += 2;
      } else {
        if (depth > 0 && text[j] === '}') depth--;
        j++;
      }
    }
    const closed = j < text.length;
    return { kind: 'template', start: i, end: closed ? j + 1 : text.length, value: text.slice(i + 1, j), closed };
  }
  if (/[A-Za-z0-9_$]/.test(c)) {
    let j = i + 1;
    while (j < text.length && /[A-Za-z0-9_$.]/.test(text[j])) j++;
    return { kind: 'word', start: i, end: j };
  }
  if (text.startsWith('...', i)) return { kind: 'punct', start: i, end: i + 3 };
  return { kind: 'punct', start: i, end: i + 1 };
}

type FrameKind = 'object' | 'array' | 'other';

interface Frame {
  kind: FrameKind;
  /** The key (as written) whose value this collection is. */
  seg?: string;
  state: 'key' | 'colon' | 'value' | 'afterValue';
  /** The key being given a value (objects). */
  key?: string;
  keys: string[];
  items: string[];
  lastValueEnd: number;
  start: number;
}


/** Keys (objects) or string items (arrays) at the top level of a collection, after `from`, until it closes. */
function membersAfter(text: string, from: number, kind: 'object' | 'array', atKey = false): string[] {
  const out: string[] = [];
  let depth = 0;
  let state: 'key' | 'other' = atKey ? 'key' : 'other';
  let pending: string | undefined;
  for (let t = nextToken(text, from), n = 0; t && n < 5000; t = nextToken(text, t.end), n++) {
    if (t.kind === 'comment') continue;
    const p = t.kind === 'punct' ? text.slice(t.start, t.end) : '';
    if (p === '{' || p === '[' || p === '(') depth++;
    else if (p === '}' || p === ']' || p === ')') {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0) {
      if (p === ',') {
        if (pending !== undefined && kind === 'object') out.push(pending);
        pending = undefined;
        state = 'key';
      } else if (p === ':' && pending !== undefined) {
        if (kind === 'object') out.push(pending);
        pending = undefined;
        state = 'other';
      } else if (t.kind === 'string' && kind === 'array') out.push(t.value ?? '');
      else if ((t.kind === 'string' || t.kind === 'word') && kind === 'object' && state === 'key') pending = t.kind === 'string' ? t.value : text.slice(t.start, t.end);
    }
  }
  if (pending !== undefined && kind === 'object') out.push(pending);
  return out;
}

interface Local {
  frames: Frame[];
  partial?: { span: Span; prefix: string; quote?: QuoteState };
}

/** Walk from the literal's `{` to the caret. */
function scan(text: string, rootOpen: number, offset: number, dotted = false): Local | undefined {
  const frames: Frame[] = [];
  let partial: Local['partial'];
  for (let t = nextToken(text, rootOpen), n = 0; t; t = nextToken(text, t.end), n++) {
    if (n > 200000 || t.start >= offset) break;
    if (t.kind === 'comment') {
      if (offset <= t.end && !(text.slice(t.end - 2, t.end) === '*/' && offset === t.end)) return undefined;
      continue;
    }
    const top = frames[frames.length - 1];
    if (t.kind === 'string' && (offset < t.end || (!t.closed && offset <= t.end))) {
      let stop = t.end;
      if (!t.closed) {
        stop = offset;
        while (stop < text.length && /[\w.:/*-]/.test(text[stop])) stop++;
      }
      partial = { span: { start: t.start, end: stop }, prefix: text.slice(t.start + 1, offset), quote: { char: text[t.start] as '"' | "'", closed: t.closed === true } };
      break;
    }
    if (t.kind === 'template' && offset < t.end) return undefined;
    if (t.kind === 'word' && offset <= t.end) {
      // `OAuthFlowType.` is the TypeScript server's (the CDK L2's `OAuthScope.` and `Duration.` are ours).
      if (text.slice(t.start, offset).includes('.') && !dotted) return undefined;
      partial = { span: { start: t.start, end: t.end }, prefix: text.slice(t.start, offset) };
      break;
    }
    if (!top) {
      if (t.kind !== 'punct' || text[t.start] !== '{') return undefined;
      frames.push({ kind: 'object', state: 'key', keys: [], items: [], lastValueEnd: t.end, start: t.start });
      continue;
    }
    const p = t.kind === 'punct' ? text.slice(t.start, t.end) : '';
    if (p === '{' || p === '[' || p === '(') {
      const kind: FrameKind = top.kind === 'other' || p === '(' ? 'other' : p === '{' ? 'object' : 'array';
      const seg = top.kind === 'object' ? top.key : undefined;
      const valid = top.kind === 'array' || (top.kind === 'object' && top.state === 'value');
      frames.push({ kind: valid ? kind : 'other', seg: top.kind === 'array' ? '\u0000item' : seg, state: p === '{' ? 'key' : 'value', keys: [], items: [], lastValueEnd: t.end, start: t.start });
      if (top.kind !== 'other') top.state = 'afterValue';
      continue;
    }
    if (p === '}' || p === ']' || p === ')') {
      frames.pop();
      if (frames.length === 0) return undefined; // the caret is after the literal
      const outer = frames[frames.length - 1];
      if (outer.kind !== 'other') {
        outer.state = 'afterValue';
        outer.lastValueEnd = t.end;
      }
      continue;
    }
    if (top.kind === 'other') continue;
    if (p === ':') {
      if (top.kind === 'object' && top.state === 'colon') top.state = 'value';
      continue;
    }
    if (p === ',') {
      top.state = top.kind === 'object' ? 'key' : 'value';
      top.key = undefined;
      continue;
    }
    if (p === '...') {
      top.state = 'afterValue';
      top.key = undefined;
      continue;
    }
    // A value or key token.
    if (top.kind === 'object' && top.state === 'key' && (t.kind === 'word' || t.kind === 'string')) {
      top.key = t.kind === 'string' ? t.value : text.slice(t.start, t.end);
      top.keys.push(top.key!);
      top.state = 'colon';
    } else {
      if (top.kind === 'array' && t.kind === 'string') top.items.push(t.value ?? '');
      if (top.state === 'value' || top.state === 'afterValue') {
        top.state = 'afterValue';
        top.lastValueEnd = t.end;
      }
    }
  }
  if (frames.length === 0) return undefined;
  return { frames, partial };
}

// ---------- finding the literal ----------

const CALLEE_PATTERN = /\bnew\s+(?:[\w$]+\s*\.\s*)*(CreateUserPoolClientCommand|UpdateUserPoolClientCommand|CfnUserPoolClient|UserPoolClient)\s*\(|\.\s*(createUserPoolClient|updateUserPoolClient|addClient)\s*\(/g;

/** The offset of the `{` opening argument `index` of a call whose `(` is at `open`, when it is an object literal before `offset`. */
function argumentObject(text: string, open: number, index: number, offset: number): number | undefined {
  let depth = 0;
  let arg = 0;
  for (let t = nextToken(text, open + 1), n = 0; t && t.start < offset && n < 200000; t = nextToken(text, t.end), n++) {
    if (t.kind !== 'punct') {
      continue;
    }
    const p = text[t.start];
    if (depth === 0 && arg === index && p === '{') return t.start;
    if (p === '{' || p === '[' || p === '(') depth++;
    else if (p === '}' || p === ']' || p === ')') {
      if (depth === 0) return undefined;
      depth--;
    } else if (p === ',' && depth === 0) arg++;
  }
  return undefined;
}

interface Anchor {
  open: number;
  client?: ClientDefinition;
  kind: 'create' | 'update' | 'cfn' | 'l2';
}

function kindOfCallee(name: string): 'create' | 'update' | 'cfn' | 'l2' {
  if (name === 'CfnUserPoolClient') return 'cfn';
  if (name === 'UserPoolClient' || name === 'addClient') return 'l2';
  return /^[cC]reate/.test(name) ? 'create' : 'update';
}

function anchors(text: string, offset: number, model: DocumentModel): Anchor[] {
  const out: Anchor[] = [];
  // The literal of a recognised call (its argument, or the literal a name is bound to), innermost first.
  const bodies = model.clients
    .filter((c) => c.body?.kind === 'object' && c.body.span.start < offset && offset <= c.body.span.end)
    .sort((a, b) => a.body!.span.end - a.body!.span.start - (b.body!.span.end - b.body!.span.start));
  for (const c of bodies) out.push({ open: c.body!.span.start, client: c, kind: c.derived ? 'l2' : c.operation === 'resource' ? 'cfn' : c.operation === 'update' ? 'update' : 'create' });
  // The callee text before the caret (a call too broken for the reader).
  const from = Math.max(0, offset - 20000);
  const matches = [...text.slice(from, offset).matchAll(CALLEE_PATTERN)].slice(-4).reverse();
  for (const m of matches) {
    const name = m[1] ?? m[2];
    const kind = kindOfCallee(name);
    if (kind === 'l2' && !/aws-cdk-lib|@aws-cdk\/aws-cognito|\baws_cognito\b/.test(text)) continue;
    const argIndex = kind === 'cfn' || (kind === 'l2' && m[1]) ? 2 : kind === 'l2' ? 1 : 0;
    const open = argumentObject(text, from + m.index! + m[0].length - 1, argIndex, offset);
    if (open === undefined) continue;
    const client = model.clients.find((c) => c.span.start <= from + m.index! && from + m.index! < c.span.end);
    out.push({ open, client, kind });
  }
  return out;
}

/** Canonical path of written keys, or undefined when one is not a known property. */
function canonicalPath(segs: string[], spelling: Spelling): string[] | undefined {
  const path: string[] = [];
  for (const seg of segs) {
    const canonical = canonicalName(seg, spelling, path);
    if (canonical === undefined) return undefined;
    path.push(canonical);
  }
  return path;
}

function canonicalKeys(keys: string[], spelling: Spelling, path: string[]): string[] {
  return keys.map((k) => canonicalName(k, spelling, path)).filter((k): k is string => k !== undefined);
}

/** Whether a token is a key: a word or string followed by a colon. */
function isKeyAt(text: string, token: Token | undefined): boolean {
  if (!token || (token.kind !== 'word' && token.kind !== 'string')) return false;
  const after = nextToken(text, token.end);
  return after !== undefined && text[after.start] === ':';
}

function contextAt(text: string, offset: number, anchor: Anchor): CursorContext | undefined {
  const l2 = anchor.kind === 'l2';
  const local = scan(text, anchor.open, offset, l2);
  if (!local) return undefined;
  const { frames, partial } = local;
  if (frames.some((f) => f.kind === 'other')) return undefined;
  const top = frames[frames.length - 1];
  if (l2) return l2ContextAt(text, offset, anchor, local);
  const spelling: Spelling = anchor.client?.spelling ?? (anchor.kind === 'cfn' ? 'cdk' : 'api');
  const surface: SurfaceKind = anchor.client?.surface ?? (anchor.kind === 'cfn' ? 'cloudformation' : 'sdk');
  const segs = frames.slice(1).map((f) => f.seg ?? '');
  if (segs.some((s) => s === '\u0000item')) return undefined; // objects inside lists: none in this schema
  const objectPath = canonicalPath(segs, spelling);
  if (!objectPath) return undefined;

  const { span, next, nextChar, startsValue, style, base } = caretBase(text, offset, anchor, partial, surface, spelling);

  if (top.kind === 'object') {
    if (top.state === 'value') {
      if (top.key === undefined) return undefined;
      // A value already follows the caret: nothing to insert here.
      if (!partial && startsValue && !isKeyAt(text, next)) return undefined;
      const key = canonicalName(top.key, spelling, objectPath);
      if (key === undefined) return undefined;
      const insertPrefix = !partial && text[offset - 1] === ':' ? ' ' : undefined;
      const path = [...objectPath, key];
      return { ...base, role: 'value', path, insertPrefix, existingItems: [] };
    }
    if (top.state === 'colon' && !partial) return undefined;
    // The key being typed was pushed when the scan stopped before it; it is not among the existing ones.
    const hasValue = nextChar === ':';
    const existing = [...top.keys, ...membersAfter(text, span.end, 'object', !partial)];
    const keys = canonicalKeys(existing, spelling, objectPath);
    let insertSuffix: string | undefined;
    if (!hasValue && startsValue) insertSuffix = ',';
    else if (!hasValue && nextChar === '}' && !base.inline && style.trailingComma) insertSuffix = ',';
    return {
      ...base,
      role: 'key',
      path: objectPath,
      hasValue,
      insertSuffix,
      commaBefore: top.state === 'afterValue' ? top.lastValueEnd : undefined,
      existingKeys: keys,
    };
  }
  // An array: its items.
  const items = [...top.items, ...membersAfter(text, span.end, 'array')];
  return {
    ...base,
    role: 'item',
    path: objectPath,
    insertSuffix: !partial && startsValue ? ',' : undefined,
    commaBefore: top.state === 'afterValue' ? top.lastValueEnd : undefined,
    existingItems: items,
  };
}

/**
 * What every context at the caret shares: the span the completion replaces, whether a value already
 * follows it, and the document's style (indentation, line break, quote) around the call.
 */
function caretBase(text: string, offset: number, anchor: Anchor, partial: Local['partial'], surface: SurfaceKind, spelling: Spelling) {
  const span = partial?.span ?? { start: offset, end: offset };
  const next = nextToken(text, span.end);
  const nextChar = next ? text[next.start] : '';
  const startsValue = next !== undefined && next.kind !== 'comment' && !['}', ']', ')', ',', ':'].includes(nextChar);
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  const lead = text.slice(lineStart, span.start);
  const style = jsStyle(text, anchor.client?.span ?? { start: anchor.open, end: Math.min(text.length, anchor.open + 4000) });
  const base = {
    surface,
    spelling,
    client: anchor.client,
    span,
    prefix: partial?.prefix ?? '',
    quote: partial?.quote,
    style: 'js' as const,
    indentUnit: style.unit,
    indent: /^[ \t]*/.exec(lead)![0],
    eol: style.eol,
    inline: /\S/.test(lead),
    stringQuote: style.quote,
    existingKeys: [] as string[],
    existingItems: [] as string[],
  };
  return { span, next, nextChar, startsValue, style, base };
}

/**
 * Inside the props of a CDK L2 `UserPoolClient`: the L2 path of what is written at the caret (the
 * props are not schema names, so `path` is empty and `l2` carries it).
 */
function l2ContextAt(text: string, offset: number, anchor: Anchor, local: Local): CursorContext | undefined {
  const { frames, partial } = local;
  const top = frames[frames.length - 1];
  const segs = frames.slice(1).map((f) => f.seg ?? '');
  if (segs.some((s) => s === '\u0000item')) return undefined;
  const caret = caretBase(text, offset, anchor, partial, 'cloudformation', 'cdk');
  const { span, next, nextChar, startsValue, style } = caret;
  const base = { ...caret.base, path: [] as string[] };
  const dotted = partial !== undefined && !partial.quote && partial.prefix.includes('.');
  if (top.kind === 'object' && top.state === 'value') {
    if (top.key === undefined || (!partial && startsValue && !isKeyAt(text, next))) return undefined;
    const insertPrefix = !partial && text[offset - 1] === ':' ? ' ' : undefined;
    return { ...base, role: 'value', insertPrefix, l2: { path: [...segs, top.key] } };
  }
  if (top.kind === 'object') {
    if (dotted || (top.state === 'colon' && !partial)) return undefined;
    const hasValue = nextChar === ':';
    let insertSuffix: string | undefined;
    if (!hasValue && startsValue) insertSuffix = ',';
    else if (!hasValue && nextChar === '}' && !base.inline && style.trailingComma) insertSuffix = ',';
    return {
      ...base,
      role: 'key',
      hasValue,
      insertSuffix,
      commaBefore: top.state === 'afterValue' ? top.lastValueEnd : undefined,
      existingKeys: [...top.keys, ...membersAfter(text, span.end, 'object', !partial)],
      l2: { path: segs },
    };
  }
  return {
    ...base,
    role: 'item',
    insertSuffix: !partial && startsValue ? ',' : undefined,
    commaBefore: top.state === 'afterValue' ? top.lastValueEnd : undefined,
    l2: { path: segs },
  };
}

/** The cursor context in a JS / TS document; undefined outside a recognised call's literal. */
export const javascriptCursor: CursorFunction = (doc, offset, model) => {
  const text = doc.text;
  if (offset < 0 || offset > text.length) return undefined;
  try {
    for (const anchor of anchors(text, offset, model)) {
      const ctx = contextAt(text, offset, anchor);
      if (ctx) return ctx;
    }
  } catch {
    return undefined;
  }
  return undefined;
};
