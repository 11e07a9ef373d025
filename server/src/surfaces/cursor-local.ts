/**
 * What completion needs to know about the text around the caret, shared by the surfaces that
 * compute a cursor context: the key chain above the caret (`Chain`), what the text there says
 * before it is resolved against a model and the schema (`Local`), the JSON reading of that
 * (`jsonLocal`, through the `jsonc-parser` scanner, tolerant of half-typed text: an unclosed
 * string or bracket, a key without its colon, a missing comma), and the last step from a resolved
 * chain to a `CursorContext` (`contextOf`). Used by CloudFormation (YAML and JSON) and Terraform
 * JSON.
 */
import { createScanner, ScanError, SyntaxKind, type JSONScanner } from 'jsonc-parser';
import type { ClientDefinition, LocatedValue, Span, Spelling, SurfaceKind } from '../model';
import { canonicalName } from '../schema';
import type { CursorContext, CursorRole, CursorStyle, QuoteState } from './cursor-types';

/** A segment of a key chain: a key as written, or a sequence item. */
export type Seg = string | typeof ITEM;
export const ITEM = -1;

/** The key chain of a position with, for YAML, the line each key is written on. */
export interface Chain {
  segs: Seg[];
  lines: number[];
}

/** What the text around the caret says, before the chain is resolved against the model and schema. */
export interface Local {
  /** `auto`: a bare word or an empty line under `chain`; the schema of the parent decides. */
  role: 'key' | 'value' | 'item' | 'auto';
  /** For `key`: the container; `value` / `item`: the property; `auto`: the parent. */
  chain: Chain;
  span: Span;
  prefix: string;
  quote?: QuoteState;
  hasValue?: boolean;
  insertPrefix?: string;
  insertSuffix?: string;
  commaBefore?: number;
  inline?: boolean;
  style: CursorStyle;
  /** The column of the key or item being written (YAML block). */
  indent: string;
  /** Keys or items seen by the local analysis at the same level (added to the model's). */
  seenKeys: string[];
  seenItems: string[];
}

/** A chain resolved against a model and the schema: what is written, in which client, at which canonical path. */
export interface Resolved {
  role: CursorRole;
  client?: ClientDefinition;
  path: string[];
}

/** Whether a model span is the partial word itself: they overlap, or it strictly contains an empty partial. */
export function overlaps(a: Span, partial: Span): boolean {
  return (a.start < partial.end && partial.start < a.end) || (a.start < partial.start && partial.start < a.end);
}

/** Members of the object at a canonical path (`[]` = the properties object) in the model. */
export function modelKeys(client: ClientDefinition | undefined, path: string[], span: Span): string[] {
  if (!client) return [];
  let value: LocatedValue | undefined = client.body;
  for (const name of path) {
    if (!value || value.kind !== 'object') return [];
    value = value.members.find((m) => m.canonical === name)?.value;
  }
  if (!value || value.kind !== 'object') return [];
  return value.members.filter((m) => m.canonical && !overlaps(m.keySpan, span)).map((m) => m.canonical!);
}

/** Literal string items of the list at a canonical path in the model. */
export function modelItems(client: ClientDefinition | undefined, path: string[], span: Span): string[] {
  if (!client) return [];
  let value: LocatedValue | undefined = client.body;
  for (const name of path) {
    if (!value || value.kind !== 'object') return [];
    value = value.members.find((m) => m.canonical === name)?.value;
  }
  if (!value || value.kind !== 'list') return [];
  const out: string[] = [];
  for (const item of value.items) if (item.kind === 'string' && !overlaps(item.span, span)) out.push(item.value);
  return out;
}
/** The cursor context of a resolved chain; `spelling` is the surface's usual spelling (when no client was read). */
/** The line break of the last text asked for (a search of the whole text, once per document version). */
let eolMemo: { text: string; eol: string } | undefined;

function eolOf(text: string): string {
  if (eolMemo?.text !== text) eolMemo = { text, eol: text.includes('\r\n') ? '\r\n' : '\n' };
  return eolMemo.eol;
}

export function contextOf(local: Local, resolved: Resolved, text: string, indentUnit: string, surface: SurfaceKind, spelling: Spelling): CursorContext {
  const { role, client, path } = resolved;
  const names = client?.spelling ?? spelling;
  const existingKeys = role === 'key' ? unique([...modelKeys(client, path, local.span), ...canonicalKeys(local.seenKeys, names, path)]) : [];
  const existingItems = role === 'item' || role === 'value' ? unique([...modelItems(client, path, local.span), ...local.seenItems]) : [];
  const ctx: CursorContext = {
    role,
    surface,
    spelling: names,
    client,
    path,
    span: local.span,
    prefix: local.prefix,
    existingKeys,
    existingItems,
    style: local.style,
    indentUnit,
    indent: local.indent,
    eol: eolOf(text),
  };
  if (local.quote) ctx.quote = local.quote;
  if (local.hasValue) ctx.hasValue = true;
  if (local.insertPrefix) ctx.insertPrefix = local.insertPrefix;
  if (local.insertSuffix) ctx.insertSuffix = local.insertSuffix;
  if (local.commaBefore !== undefined) ctx.commaBefore = local.commaBefore;
  if (local.inline) ctx.inline = true;
  return ctx;
}

/** Canonical names of keys written in a spelling at a path (unknown ones left out). */
export function canonicalKeys(written: string[], spelling: Spelling, path: string[]): string[] {
  const out: string[] = [];
  for (const w of written) {
    const c = canonicalName(w, spelling, path);
    if (c) out.push(c);
  }
  return out;
}

/** The values without repeats, in order. */
export function unique(values: string[]): string[] {
  return [...new Set(values)];
}

// ---------------------------------------------------------------------------------------------
// JSON.

interface JsonFrame {
  kind: 'object' | 'array';
  /** The key or index this container sits under in its parent. */
  seg?: Seg;
  state: 'key' | 'colon' | 'value' | 'afterValue';
  key?: string;
  keys: string[];
  items: string[];
  lastValueEnd: number;
}

const VALUE_TOKENS = new Set([SyntaxKind.StringLiteral, SyntaxKind.NumericLiteral, SyntaxKind.TrueKeyword, SyntaxKind.FalseKeyword, SyntaxKind.NullKeyword, SyntaxKind.Unknown]);
const TRIVIA = new Set([SyntaxKind.Trivia, SyntaxKind.LineBreakTrivia, SyntaxKind.LineCommentTrivia, SyntaxKind.BlockCommentTrivia]);

export function nextSignificant(scanner: JSONScanner): SyntaxKind {
  let kind = scanner.scan();
  while (TRIVIA.has(kind)) kind = scanner.scan();
  return kind;
}

/** Keys (or string items) at depth 0 of the container after `from`, until it closes. */
export function jsonMembersAfter(text: string, from: number, kind: 'object' | 'array'): string[] {
  const scanner = createScanner(text, true);
  scanner.setPosition(from);
  const out: string[] = [];
  let depth = 0;
  for (let k = scanner.scan(); k !== SyntaxKind.EOF; k = scanner.scan()) {
    if (k === SyntaxKind.OpenBraceToken || k === SyntaxKind.OpenBracketToken) depth++;
    else if (k === SyntaxKind.CloseBraceToken || k === SyntaxKind.CloseBracketToken) {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && k === SyntaxKind.StringLiteral) {
      const value = scanner.getTokenValue();
      if (kind === 'array') out.push(value);
      else {
        const save = scanner.getPosition();
        if (nextSignificant(scanner) === SyntaxKind.ColonToken) out.push(value);
        else scanner.setPosition(save);
      }
    }
  }
  return out;
}

/** Whether the next token after `from` is a string followed by a colon (a member's key). */
function nextIsKey(text: string, from: number): boolean {
  const scanner = createScanner(text, true);
  scanner.setPosition(from);
  return nextSignificant(scanner) === SyntaxKind.StringLiteral && nextSignificant(scanner) === SyntaxKind.ColonToken;
}

/** What the JSON text around the caret says: the key chain above it and what is being written. */
export function jsonLocal(text: string, offset: number): Local | undefined {
  const scanner = createScanner(text, false);
  const frames: JsonFrame[] = [];
  let partial: { span: Span; prefix: string; quote?: QuoteState } | undefined;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    const start = scanner.getTokenOffset();
    const end = start + scanner.getTokenLength();
    if (start >= offset) break;
    if (TRIVIA.has(kind)) {
      if ((kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia) && offset <= end) {
        const closedBlock = kind === SyntaxKind.BlockCommentTrivia && text.slice(end - 2, end) === '*/';
        if (!(closedBlock && offset === end)) return undefined;
      }
      continue;
    }
    if (kind === SyntaxKind.StringLiteral) {
      const closed = scanner.getTokenError() !== ScanError.UnexpectedEndOfString;
      if (offset < end || (!closed && offset <= end)) {
        let stop = end;
        if (!closed) {
          stop = offset;
          while (stop < text.length && /[\w.:/*-]/.test(text[stop])) stop++;
        }
        partial = { span: { start, end: stop }, prefix: text.slice(start + 1, offset), quote: { char: '"', closed } };
        break;
      }
    } else if (VALUE_TOKENS.has(kind) && offset <= end) {
      partial = { span: { start, end }, prefix: text.slice(start, offset) };
      break;
    }
    const top = frames[frames.length - 1];
    switch (kind) {
      case SyntaxKind.OpenBraceToken:
      case SyntaxKind.OpenBracketToken: {
        const seg = top ? (top.kind === 'object' ? top.key : ITEM) : undefined;
        if (top) top.state = 'afterValue';
        frames.push({ kind: kind === SyntaxKind.OpenBraceToken ? 'object' : 'array', seg, state: kind === SyntaxKind.OpenBraceToken ? 'key' : 'value', keys: [], items: [], lastValueEnd: end });
        break;
      }
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken:
        frames.pop();
        if (frames.length) {
          frames[frames.length - 1].state = 'afterValue';
          frames[frames.length - 1].lastValueEnd = end;
        }
        break;
      case SyntaxKind.ColonToken:
        if (top?.kind === 'object' && top.state === 'colon') top.state = 'value';
        break;
      case SyntaxKind.CommaToken:
        if (top) top.state = top.kind === 'object' ? 'key' : 'value';
        break;
      default:
        if (!top || !VALUE_TOKENS.has(kind)) break;
        if (top.kind === 'object' && top.state === 'key') {
          top.key = scanner.getTokenValue();
          top.keys.push(top.key);
          top.state = 'colon';
        } else if (top.state === 'value' || top.state === 'afterValue') {
          if (top.kind === 'array' && kind === SyntaxKind.StringLiteral) top.items.push(scanner.getTokenValue());
          top.state = 'afterValue';
          top.lastValueEnd = end;
        }
    }
  }
  const top = frames[frames.length - 1];
  if (!top) return undefined;
  const span = partial?.span ?? { start: offset, end: offset };
  const segs: Seg[] = frames.slice(1).map((f) => f.seg ?? '');
  const chain: Chain = { segs, lines: segs.map(() => 0) };

  // What follows: a `:` (the key has a value), or another member (a comma is needed).
  const after = createScanner(text, true);
  after.setPosition(span.end);
  const next = nextSignificant(after);
  const startsValue = VALUE_TOKENS.has(next) || next === SyntaxKind.OpenBraceToken || next === SyntaxKind.OpenBracketToken;

  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  const lead = text.slice(lineStart, span.start);
  const inline = /\S/.test(lead);
  const indent = /^[ \t]*/.exec(lead)![0];
  const base = { style: 'json' as const, span, prefix: partial?.prefix ?? '', quote: partial?.quote, inline, indent, insertSuffix: startsValue ? ',' : undefined };

  if (top.kind === 'object') {
    if (top.state === 'value') {
      // A value already follows the caret (not the next member's key): nothing to insert here.
      if (top.key === undefined || (!partial && startsValue && !nextIsKey(text, span.end))) return undefined;
      const insertPrefix = !partial && text[offset - 1] === ':' ? ' ' : undefined;
      return { ...base, role: 'value', chain: { segs: [...segs, top.key], lines: [...chain.lines, 0] }, insertPrefix, seenKeys: [], seenItems: [] };
    }
    if (top.state === 'colon') return undefined;
    const hasValue = next === SyntaxKind.ColonToken;
    const seenKeys = [...top.keys, ...jsonMembersAfter(text, span.end, 'object')];
    return {
      ...base,
      role: 'key',
      chain,
      hasValue,
      insertSuffix: hasValue ? undefined : base.insertSuffix,
      commaBefore: top.state === 'afterValue' ? top.lastValueEnd : undefined,
      seenKeys,
      seenItems: [],
    };
  }
  const seenItems = [...top.items, ...jsonMembersAfter(text, span.end, 'array')];
  return { ...base, role: 'item', chain, commaBefore: top.state === 'afterValue' ? top.lastValueEnd : undefined, seenKeys: [], seenItems };
}
