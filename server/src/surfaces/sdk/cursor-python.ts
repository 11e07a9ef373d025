/**
 * The cursor context of a Python file: what the caret is on inside a recognised call
 * (`x.create_user_pool_client(`, `x.update_user_pool_client(`, `CfnUserPoolClient(`), for
 * completion in code that is usually half-typed.
 *
 * The text from the call's `(` is scanned with a small Python lexer (strings with their prefixes
 * and triple quotes, comments, brackets); an unclosed bracket or string does not stop it. The
 * brackets around the caret give the path: keyword arguments of the call, a list after `Name=`,
 * a dict or `dict(...)` / `...Property(...)` call after `Name=` (and after `"Key":` in a dict).
 * Recognised: a keyword being typed (`Name` with or without its `=`), a value after `Name=`, a
 * list item (`Name=[`, `Name=["co`, also unclosed), a dict key (`{"Ac`) and value. Everywhere
 * else — outside recognised calls, in positional arguments, comments, other calls — the answer is
 * undefined, so the server never competes with a Python language server.
 *
 * In a file that uses the CDK, the L2 `UserPoolClient(self, "Id", ...)` / `pool.add_client("Id", ...)`
 * too: its keyword arguments, those of the struct classes written for its object props
 * (`o_auth=cognito.OAuthSettings(flows=cognito.OAuthFlows(|))`, `auth_flows=cognito.AuthFlow(|)`,
 * or dicts), list items (`scopes=[|]`) and values, a dotted prefix included (`cognito.OAuthScope.`,
 * `Duration.`): the context then carries the L2 path (`l2`, TS names) for the completion feature.
 */
import type { ClientDefinition, DocumentModel, Span, Spelling } from '../../model';
import { canonicalName, propertySchema } from '../../schema';
import type { CursorContext, CursorFunction, CursorRole, CursorStyle, QuoteState } from '../cursor-types';
import { L2_STRUCTS } from './cdk-l2';
import { ATTRIBUTE_MASK, l2MemberName, propDoc } from './cdk-l2-docs';

const CALL_OPEN = /(\.\s*(?:create_user_pool_client|update_user_pool_client|add_client)|\bCfnUserPoolClient|\bUserPoolClient)\s*\(/g;

/** The callees of the CDK L2 (recognised only in a file that uses the CDK, as the reader does). */
const L2_CALLEES = new Set(['UserPoolClient', 'add_client']);
const CDK_MODULE = /\baws_cdk\b|\baws_cognito\b/;

/** How far after a call's `(` the lexer looks (a call longer than this is not completed in). */
const MAX_CALL_LENGTH = 200_000;

type FrameKind = 'call' | 'list' | 'dict' | 'other';

interface Frame {
  kind: FrameKind;
  opener: '(' | '[' | '{';
  /** The offset of the opening bracket. */
  open: number;
  /** The offset of the closing bracket, when there is one. */
  close?: number;
  parent?: Frame;
  /** Where each comma-separated segment starts. */
  segments: number[];
}

interface StringToken {
  /** The opening quote (after any prefix). */
  quoteAt: number;
  char: '"' | "'";
  triple: boolean;
  /** The offset of the closing quote, when there is one. */
  closeAt?: number;
}

interface Scan {
  frames: Frame[];
  strings: StringToken[];
  comments: Span[];
}

/** Scan from a call's `(` until it closes (or the text ends). */
function scan(text: string, open: number): Scan {
  const root: Frame = { kind: 'call', opener: '(', open, segments: [open + 1] };
  const frames: Frame[] = [root];
  const strings: StringToken[] = [];
  const comments: Span[] = [];
  let top: Frame | undefined = root;
  const end = Math.min(text.length, open + MAX_CALL_LENGTH);
  let i = open + 1;
  while (i < end && top) {
    const c = text[i];
    if (c === '#') {
      const eol = text.indexOf('\n', i);
      const stop = eol < 0 ? text.length : eol;
      comments.push({ start: i, end: stop });
      i = stop;
      continue;
    }
    if (c === '"' || c === "'") {
      const triple = text.startsWith(c.repeat(3), i);
      const token: StringToken = { quoteAt: i, char: c, triple };
      let j = i + (triple ? 3 : 1);
      const raw = /[rR]/.test(text.slice(Math.max(0, i - 2), i));
      for (; j < end; j++) {
        const d = text[j];
        if (d === '\\' && !raw) {
          j++;
          continue;
        }
        if (!triple && (d === '\n' || d === '\r')) break;
        if (d === c && (!triple || text.startsWith(c.repeat(3), j))) {
          token.closeAt = j;
          break;
        }
      }
      strings.push(token);
      i = token.closeAt !== undefined ? token.closeAt + (triple ? 3 : 1) : j;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') {
      const frame: Frame = { kind: 'other', opener: c, open: i, parent: top, segments: [i + 1] };
      frames.push(frame);
      top = frame;
    } else if (c === ')' || c === ']' || c === '}') {
      const want = c === ')' ? '(' : c === ']' ? '[' : '{';
      // A bracket that does not match closes the unclosed ones inside it too (half-typed code).
      let f: Frame | undefined = top;
      while (f && f.opener !== want) f = f.parent;
      if (f) {
        for (let g: Frame | undefined = top; g && g !== f.parent; g = g.parent) g.close ??= i;
        top = f.parent;
      }
    } else if (c === ',') {
      top.segments.push(i + 1);
    }
    i++;
  }
  return { frames, strings, comments };
}

/** The start of the segment of a frame that holds an offset. */
function segmentStart(frame: Frame, offset: number): number {
  let start = frame.segments[0];
  for (const s of frame.segments) if (s <= offset) start = s;
  return start;
}

/** Text with the strings and comments of a scan blanked out (same length), for pattern tests. */
function blanked(text: string, from: number, to: number, s: Scan): string {
  const chars = text.slice(from, to).split('');
  const blank = (a: number, b: number, keepQuotes: boolean) => {
    for (let k = Math.max(a, from); k < Math.min(b, to); k++) if (!(keepQuotes && (k === a || k === b - 1))) chars[k - from] = chars[k - from] === '\n' ? '\n' : ' ';
  };
  for (const c of s.comments) blank(c.start, c.end, false);
  return chars.join('');
}

/** The identifier characters around an offset. */
function wordAt(text: string, offset: number): Span {
  let start = offset;
  while (start > 0 && /[A-Za-z0-9_]/.test(text[start - 1])) start--;
  let end = offset;
  while (end < text.length && /[A-Za-z0-9_]/.test(text[end])) end++;
  return { start, end };
}

/** A frame's path and how its members are written; undefined when it is not a place of the client's properties. */
interface FramePlace {
  form: 'call' | 'dict' | 'list';
  path: string[];
}

interface Located {
  /** The main call's frame. */
  root: Frame;
  places: Map<Frame, FramePlace>;
}

/** What a segment's text before a nested bracket says: `Name=`, `"Key":`, and what follows. */
function ownerOf(text: string, parent: Frame, child: Frame, s: Scan): { key?: string; callee?: string } | undefined {
  const start = segmentStart(parent, child.open);
  const before = blanked(text, start, child.open, s).trim();
  if (parent.kind === 'call') {
    const m = /^([A-Za-z_]\w*)\s*=\s*([A-Za-z_][\w.\s]*)?$/.exec(before);
    return m ? { key: m[1], callee: m[2]?.replace(/\s+/g, '') } : undefined;
  }
  if (parent.kind === 'dict') {
    const raw = text.slice(start, child.open).trim();
    const m = /^(['"])([^'"]*)\1\s*:\s*([A-Za-z_][\w.\s]*)?$/.exec(raw);
    return m ? { key: m[2], callee: m[3]?.replace(/\s+/g, '') } : undefined;
  }
  return undefined;
}

/** Give every frame under the call its kind and path. */
function locate(text: string, s: Scan, spelling: Spelling): Located {
  const root = s.frames[0];
  const places = new Map<Frame, FramePlace>([[root, { form: 'call', path: [] }]]);
  for (const frame of s.frames.slice(1)) {
    const parent = frame.parent && places.get(frame.parent);
    if (!parent || !frame.parent) continue;
    const owner = ownerOf(text, frame.parent, frame, s);
    if (!owner?.key) continue;
    const canonical = canonicalName(owner.key, spelling, parent.path);
    if (canonical === undefined) continue;
    const path = [...parent.path, canonical];
    const prop = propertySchema(path);
    if (!prop) continue;
    if (prop.type === 'list' && owner.callee === undefined && (frame.opener === '[' || frame.opener === '(')) {
      frame.kind = 'list';
      places.set(frame, { form: 'list', path });
    } else if (prop.type === 'object' && owner.callee === undefined && frame.opener === '{') {
      frame.kind = 'dict';
      places.set(frame, { form: 'dict', path });
    } else if (prop.type === 'object' && frame.opener === '(' && owner.callee !== undefined && (owner.callee === 'dict' || /Property$/.test(owner.callee))) {
      frame.kind = 'call';
      places.set(frame, { form: 'call', path });
    }
  }
  return { root, places };
}

/** The client whose call starts at the `(` (the model's definition spanning it). */
function clientOf(model: DocumentModel, open: number): ClientDefinition | undefined {
  return model.clients.find((c) => c.span.start <= open && open < c.span.end);
}

function indentOf(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))![0];
}

function eolOf(text: string): string {
  const lf = text.indexOf('\n');
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
}

/** Keys written in a frame's segments (other than the one at `skip`), as written. */
function keysOf(text: string, frame: Frame, form: 'call' | 'dict', skip: number, s: Scan): string[] {
  const out: string[] = [];
  const end = frame.close ?? text.length;
  frame.segments.forEach((start, k) => {
    if (start === skip) return;
    const stop = frame.segments[k + 1] ?? end;
    const seg = text.slice(start, Math.min(stop, end));
    const clean = blanked(text, start, Math.min(stop, end), s);
    const m = form === 'call' ? /^\s*([A-Za-z_]\w*)\s*=(?!=)/.exec(clean) : /^\s*(['"])([^'"\n]*)\1\s*:/.exec(seg);
    if (m) out.push(form === 'call' ? m[1] : m[2]);
  });
  return out;
}

/** Literal string items of a list frame (other than the one at `skip`). */
function itemsOf(text: string, frame: Frame, skip: number): string[] {
  const out: string[] = [];
  const end = frame.close ?? text.length;
  frame.segments.forEach((start, k) => {
    if (start === skip) return;
    const stop = frame.segments[k + 1] !== undefined ? frame.segments[k + 1] - 1 : end;
    const m = /^\s*(['"])([^'"\\\n]*)\1\s*$/.exec(text.slice(start, Math.min(stop, end)));
    if (m) out.push(m[2]);
  });
  return out;
}

/** The string token holding the caret (after its opening quote, up to its closing one). */
function stringAt(s: Scan, offset: number): StringToken | undefined {
  return s.strings.find((t) => {
    const bodyStart = t.quoteAt + (t.triple ? 3 : 1);
    return bodyStart <= offset && (t.closeAt === undefined ? true : offset <= t.closeAt) && !t.triple;
  });
}

/** The cursor context in a Python file; undefined outside recognised calls. Never throws. */
export const pythonCursor: CursorFunction = (doc, offset, model) => {
  try {
    return cursorAt(doc.text, offset, model);
  } catch {
    return undefined; // completion is a courtesy: a scan that trips on odd text offers nothing
  }
};

function cursorAt(text: string, offset: number, model: DocumentModel): CursorContext | undefined {
  if (offset < 0 || offset > text.length) return undefined;
  // The innermost recognised call still open at the caret.
  let best: { open: number; scan: Scan; callee: string } | undefined;
  CALL_OPEN.lastIndex = 0;
  for (let m = CALL_OPEN.exec(text); m && m.index < offset; m = CALL_OPEN.exec(text)) {
    const open = m.index + m[0].length - 1;
    if (open >= offset) break;
    const s = scan(text, open);
    const root = s.frames[0];
    if (root.close !== undefined && root.close < offset) continue;
    // Inside a string or comment of an earlier call: not a call at all.
    if (best && (stringAt(best.scan, open) || best.scan.comments.some((c) => c.start <= open && open < c.end))) continue;
    best = { open, scan: s, callee: m[1].replace(/^\.\s*/, '') };
  }
  if (!best) return undefined;
  const s = best.scan;
  if (s.comments.some((c) => c.start <= offset && offset <= c.end)) return undefined;
  const client = clientOf(model, best.open);
  if (L2_CALLEES.has(best.callee)) return CDK_MODULE.test(text) ? l2CursorAt(text, offset, s, client) : undefined;
  const spelling: Spelling = client?.spelling ?? (best.callee === 'CfnUserPoolClient' ? 'cdkPython' : 'api');
  const { places } = locate(text, s, spelling);

  const frame = innermostFrame(s, offset);
  const place = frame && places.get(frame);
  if (!frame || !place) return undefined;

  const segStart = segmentStart(frame, offset);
  const str = stringAt(s, offset);
  if (str && str.quoteAt < segStart) return undefined;
  const before = str ? text.slice(segStart, str.quoteAt) : text.slice(segStart, offset);
  const cleanBefore = str ? blanked(text, segStart, str.quoteAt, s) : blanked(text, segStart, offset, s);

  let role: CursorRole;
  let path = place.path;
  let span: Span;
  let prefix: string;
  let quote: QuoteState | undefined;
  let hasValue = false;
  let commaBefore: number | undefined;
  let insertSuffix: string | undefined;
  let style: CursorStyle = place.form === 'dict' ? 'python-dict' : 'python';

  if (str) {
    const closed = str.closeAt !== undefined;
    const bodyStart = str.quoteAt + 1;
    span = { start: str.quoteAt, end: closed ? str.closeAt! + 1 : Math.max(offset, lineEndOf(text, offset, str.quoteAt)) };
    prefix = text.slice(bodyStart, offset);
    quote = { char: str.char, closed };
    if (/[^A-Za-z0-9_.:/#?&=%+-]/.test(prefix)) return undefined;
    // A prefix letter before the quote (f"", r"") is part of the string.
    if (/[A-Za-z]$/.test(before)) return undefined;
    const lead = before.trim();
    if (place.form === 'list') {
      if (lead !== '') return undefined;
      role = 'item';
    } else if (place.form === 'dict') {
      if (lead === '') role = 'key';
      else {
        const m = /^(['"])([^'"]*)\1\s*:$/.exec(lead);
        const canonical = m && canonicalName(m[2], spelling, path);
        if (!canonical) return undefined;
        role = 'value';
        path = [...path, canonical];
      }
    } else {
      const m = /^([A-Za-z_]\w*)\s*=$/.exec(cleanBefore.trim());
      const canonical = m && canonicalName(m[1], spelling, path);
      if (!canonical) return undefined;
      role = 'value';
      path = [...path, canonical];
      style = 'python';
    }
    if (role === 'key') {
      hasValue = /^\s*:/.test(text.slice(span.end));
    }
  } else {
    const word = wordAt(text, offset);
    if (word.start < segStart) return undefined;
    span = word;
    prefix = text.slice(word.start, offset);
    const lead = cleanBefore.slice(0, word.start - segStart);
    const trimmed = lead.trim();
    const after = blanked(text, word.end, frame.close ?? Math.min(text.length, word.end + 200), s);
    if (place.form === 'list') {
      if (trimmed !== '') return undefined;
      role = 'item';
    } else if (place.form === 'call') {
      const word = callWord(lead, after, segStart);
      if (!word) return undefined;
      if (word.role === 'value') {
        const canonical = canonicalName(word.keyword, spelling, path);
        if (!canonical) return undefined;
        role = 'value';
        path = [...path, canonical];
      } else ({ role, hasValue, insertSuffix, commaBefore } = word);
    } else {
      // A dict without a quote typed yet: a key, or a value after `"Key":`.
      if (trimmed === '') role = 'key';
      else {
        const m = /^(['"])([^'"]*)\1\s*:$/.exec(text.slice(segStart, word.start).trim());
        const canonical = m && canonicalName(m[2], spelling, path);
        if (!canonical) return undefined;
        role = 'value';
        path = [...path, canonical];
        style = 'python-dict';
      }
    }
  }

  const ctx: CursorContext = {
    role,
    surface: client?.surface ?? (best.callee === 'CfnUserPoolClient' ? 'cloudformation' : 'sdk'),
    spelling,
    path,
    span,
    prefix,
    existingKeys: [],
    existingItems: [],
    style,
    indentUnit: '    ',
    indent: indentOf(text, span.start),
    eol: eolOf(text),
    inline: !text.slice(frame.open, frame.close ?? offset).includes('\n'),
  };
  if (client) ctx.client = client;
  // New strings in the quote the call already writes its strings in.
  const first = s.strings.find((t) => !t.triple);
  if (first) ctx.stringQuote = first.char;
  if (quote) ctx.quote = quote;
  if (hasValue) ctx.hasValue = true;
  if (insertSuffix) ctx.insertSuffix = insertSuffix;
  if (commaBefore !== undefined) ctx.commaBefore = commaBefore;
  if (best.callee === 'CfnUserPoolClient') {
    const calleeText = /([A-Za-z_][\w.]*)\s*$/.exec(text.slice(Math.max(0, best.open - 200), best.open).replace(/\s+/g, ''));
    if (calleeText) ctx.pythonClass = calleeText[1];
  }
  if (role === 'key' && place.form !== 'list') {
    ctx.existingKeys = keysOf(text, frame, place.form, segStart, s)
      .map((k) => canonicalName(k, spelling, place.path))
      .filter((k): k is string => k !== undefined);
    // Members that come from a resolved `**params` dict count as present too.
    if (place.path.length === 0 && client) for (const name of client.properties.keys()) if (!ctx.existingKeys.includes(name) && client.properties.get(name)!.keySpan.start !== span.start) ctx.existingKeys.push(name);
  }
  if (role === 'item') ctx.existingItems = itemsOf(text, frame, segStart);
  return ctx;
}

/** The end of the line holding `offset`, for an unclosed string (never before `from`). */
function lineEndOf(text: string, offset: number, from: number): number {
  let end = offset;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return Math.max(end, from);
}

// ---------------------------------------------------------------------------------------------
// The CDK L2: keyword arguments named by the L2 (not the schema), structs as their classes.

/** The L2 path (TS names) of a member written as `written` in the object at `parent`, when the L2 has it. */
function l2Member(written: string, parent: string[]): string[] | undefined {
  const name = l2MemberName(written, parent);
  return name === undefined ? undefined : [...parent, name];
}

/** Give every frame under an L2 call its kind and L2 path (TS names). */
function locateL2(text: string, s: Scan): Map<Frame, FramePlace> {
  const root = s.frames[0];
  const places = new Map<Frame, FramePlace>([[root, { form: 'call', path: [] }]]);
  for (const frame of s.frames.slice(1)) {
    const parent = frame.parent && places.get(frame.parent);
    if (!parent || !frame.parent) continue;
    if (parent.form === 'call' && frame.opener === '(') {
      // `read_attributes=cognito.ClientAttributes().with_standard_attributes(|)`: the mask's keywords.
      const m = /^([A-Za-z_]\w*)\s*=[\s\S]*\.\s*with_standard_attributes\s*$/.exec(blanked(text, segmentStart(frame.parent, frame.open), frame.open, s).trim());
      const attrs = m ? l2Member(m[1], parent.path) : undefined;
      if (attrs && propDoc(attrs.join('.'))?.kind === 'attributes') {
        frame.kind = 'call';
        places.set(frame, { form: 'call', path: [...attrs, ATTRIBUTE_MASK] });
        continue;
      }
    }
    const owner = ownerOf(text, frame.parent, frame, s);
    if (!owner?.key) continue;
    const path = l2Member(owner.key, parent.path);
    const kind = path ? propDoc(path.join('.'))?.kind : undefined;
    if (!path || !kind) continue;
    const callee = owner.callee?.split('.').pop();
    if (kind === 'object' && frame.opener === '(' && callee !== undefined && (callee === 'dict' || callee === L2_STRUCTS[path.join('.')])) {
      frame.kind = 'call';
      places.set(frame, { form: 'call', path });
    } else if (kind === 'object' && frame.opener === '{' && owner.callee === undefined) {
      frame.kind = 'dict';
      places.set(frame, { form: 'dict', path });
    } else if ((kind === 'scopes' || kind === 'providers' || kind === 'strings') && (frame.opener === '[' || frame.opener === '(') && owner.callee === undefined) {
      frame.kind = 'list';
      places.set(frame, { form: 'list', path });
    }
  }
  return places;
}

/** The identifier characters and dots around an offset (`cognito.OAuthScope.OP`). */
function dottedWordAt(text: string, offset: number): Span {
  let start = offset;
  while (start > 0 && /[A-Za-z0-9_.]/.test(text[start - 1])) start--;
  let end = offset;
  while (end < text.length && /[A-Za-z0-9_]/.test(text[end])) end++;
  return { start, end };
}

/** A bare word at the caret among a call's arguments: a keyword being typed, or the value of `keyword=`. */
type CallWord = { role: 'key'; hasValue: boolean; insertSuffix?: string; commaBefore?: number } | { role: 'value'; keyword: string };

/**
 * What a bare word among a call's arguments is, from `lead` (its segment up to the word, strings
 * and comments blanked, starting at `segStart`) and `after` (the text after the word, blanked
 * likewise): a keyword being typed, with `=` already after it (`hasValue`), or a comma to write
 * after it (an argument follows) or before it (it starts a line after an argument that has none);
 * or the value of `keyword=`. Undefined for anything else.
 */
function callWord(lead: string, after: string, segStart: number): CallWord | undefined {
  let commaBefore: number | undefined;
  if (lead.trim() !== '') {
    const lastBreak = lead.lastIndexOf('\n');
    const head = lastBreak >= 0 ? lead.slice(0, lastBreak) : '';
    if (lastBreak < 0 || lead.slice(lastBreak + 1).trim() !== '' || /[=([{,.]\s*$/.test(head)) {
      const m = /^([A-Za-z_]\w*)\s*=$/.exec(lead.trim());
      return m ? { role: 'value', keyword: m[1] } : undefined;
    }
    // A new keyword on its own line after an argument with no comma yet. (trimEnd, not /\s*$/:
    // that tries every start in a run of spaces, quadratic: 82 s on 500 KB, fuzz seed 4242 index 40647.)
    commaBefore = segStart + head.trimEnd().length;
  }
  const hasValue = /^\s*=(?!=)/.test(after);
  const insertSuffix = !hasValue && /^\s*[A-Za-z_"'[{(0-9]/.test(after) ? (/^\s/.test(after) ? ',' : ', ') : undefined;
  return { role: 'key', hasValue, insertSuffix, commaBefore };
}

/** The innermost bracket frame around the caret. */
function innermostFrame(s: Scan, offset: number): Frame | undefined {
  let frame: Frame | undefined;
  for (const f of s.frames) if (f.open < offset && (f.close === undefined || offset <= f.close)) frame = f;
  return frame;
}

function l2CursorAt(text: string, offset: number, s: Scan, client: ClientDefinition | undefined): CursorContext | undefined {
  const places = locateL2(text, s);
  const frame = innermostFrame(s, offset);
  const place = frame && places.get(frame);
  if (!frame || !place) return undefined;
  const segStart = segmentStart(frame, offset);
  const str = stringAt(s, offset);
  let role: CursorRole;
  let path = place.path;
  let span: Span;
  let prefix: string;
  let quote: QuoteState | undefined;
  let hasValue = false;
  let commaBefore: number | undefined;
  let insertSuffix: string | undefined;
  let style: CursorStyle = place.form === 'dict' ? 'python-dict' : 'python';
  if (str) {
    // In a string: only a dict key being typed (`{"fl|`); string values are the user's own.
    if (str.quoteAt < segStart || place.form !== 'dict' || text.slice(segStart, str.quoteAt).trim() !== '') return undefined;
    const closed = str.closeAt !== undefined;
    span = { start: str.quoteAt, end: closed ? str.closeAt! + 1 : Math.max(offset, lineEndOf(text, offset, str.quoteAt)) };
    prefix = text.slice(str.quoteAt + 1, offset);
    if (/[^A-Za-z0-9_]/.test(prefix)) return undefined;
    quote = { char: str.char, closed };
    role = 'key';
    hasValue = /^\s*:/.test(text.slice(span.end));
  } else {
    const word = dottedWordAt(text, offset);
    if (word.start < segStart) return undefined;
    span = word;
    prefix = text.slice(word.start, offset);
    const lead = blanked(text, segStart, word.start, s);
    const trimmed = lead.trim();
    const after = blanked(text, word.end, frame.close ?? Math.min(text.length, word.end + 200), s);
    if (place.form === 'list') {
      if (trimmed !== '') return undefined;
      role = 'item';
    } else if (place.form === 'call') {
      const word = callWord(lead, after, segStart);
      if (!word) return undefined;
      if (word.role === 'value') {
        const member = l2Member(word.keyword, path);
        if (!member) return undefined;
        role = 'value';
        path = member;
      } else ({ role, hasValue, insertSuffix, commaBefore } = word);
    } else {
      if (trimmed === '') role = 'key';
      else {
        const m = /^(['"])([^'"]*)\1\s*:$/.exec(text.slice(segStart, word.start).trim());
        const member = m ? l2Member(m[2], path) : undefined;
        if (!member) return undefined;
        role = 'value';
        path = member;
      }
      if (role === 'key') hasValue = /^\s*:/.test(after);
    }
    // A dotted word is a helper's member (`OAuthScope.`), never a keyword.
    if (role === 'key' && prefix.includes('.')) return undefined;
    if (role === 'value') style = 'python';
  }
  const ctx: CursorContext = {
    role,
    surface: 'cloudformation',
    spelling: 'cdkPython',
    path: [],
    span,
    prefix,
    existingKeys: [],
    existingItems: [],
    style,
    indentUnit: '    ',
    indent: indentOf(text, span.start),
    eol: eolOf(text),
    inline: !text.slice(frame.open, frame.close ?? offset).includes('\n'),
    l2: { path: role === 'key' ? place.path : path },
  };
  if (client) ctx.client = client;
  const first = s.strings.find((t) => !t.triple);
  if (first) ctx.stringQuote = first.char;
  if (quote) ctx.quote = quote;
  if (hasValue) ctx.hasValue = true;
  if (insertSuffix) ctx.insertSuffix = insertSuffix;
  if (commaBefore !== undefined) ctx.commaBefore = commaBefore;
  if (role === 'key') {
    const skip = str ? segStart : segmentStart(frame, offset);
    ctx.existingKeys = keysOf(text, frame, place.form === 'dict' ? 'dict' : 'call', skip, s).map((k) => l2MemberName(k, place.path) ?? k);
  }
  if (role === 'item') ctx.existingItems = itemsOf(text, frame, segStart);
  return ctx;
}
