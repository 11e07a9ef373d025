/**
 * The cursor context of a CloudFormation template (YAML or JSON): what the caret is on, for
 * completion, in documents that are usually half-typed.
 *
 * Which client and which property come from the key chain above the caret, resolved against the
 * model (the client by logical id; canonical names through the schema); the caret's immediate
 * surroundings come from a light look at the text: YAML lines and their indentation plus the
 * `yaml` lexer for flow collections and comments, the `jsonc-parser` scanner for JSON. Recognised:
 * a key being typed (with or without its colon), a value after `Key:` or on the next line, a list
 * item (`- x`, `[a, x]`, `["a", "x"]`, or an empty line under a list key), a new logical id under
 * `Resources` (also under Serverless' `resources.Resources`), and a resource's `Type` value.
 * Ignored: comments, block scalars, intrinsic function arguments, anchors and aliases.
 */
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { CST, Lexer } from 'yaml';
import type { DocumentModel, Span } from '../../model';
import { canonicalName, propertySchema, schema } from '../../schema';
import { type Chain, contextOf, ITEM, jsonLocal, type Local, type Resolved, type Seg } from '../cursor-local';
import type { CursorContext, CursorFunction, CursorRole, QuoteState } from '../cursor-types';

// ---------------------------------------------------------------------------------------------
// Shared: resolving a key chain to a client and a canonical path.

/** Where `Resources` sits in a chain: the top level, or Serverless' `resources.Resources`. */
function resourcesIndex(segs: Seg[]): number {
  if (segs[0] === 'Resources') return 0;
  if (segs[0] === 'resources' && segs[1] === 'Resources') return 1;
  return -1;
}

/** The clients of a model by name, in model order (made once per model: completion asks per request). */
const clientsByName = new WeakMap<DocumentModel, Map<string, DocumentModel['clients']>>();

function clientsNamed(model: DocumentModel): Map<string, DocumentModel['clients']> {
  let index = clientsByName.get(model);
  if (!index) {
    index = new Map();
    for (const c of model.clients) {
      const same = index.get(c.name);
      if (same) same.push(c);
      else index.set(c.name, [c]);
    }
    clientsByName.set(model, index);
  }
  return index;
}

function resolveChain(local: Local, model: DocumentModel, offset: number, typeOf: (logicalId: string) => string | undefined): Resolved | undefined {
  const segs = local.chain.segs;
  const r = resourcesIndex(segs);
  if (r < 0) return undefined;
  const rest = segs.slice(r + 1);
  if (rest.length === 0) {
    if ((local.role === 'key' || local.role === 'auto') && !local.hasValue) return { role: 'newResource', path: [] };
    return undefined;
  }
  const id = rest[0];
  if (typeof id !== 'string') return undefined;
  if (rest.length === 2 && rest[1] === 'Type' && local.role === 'value') return { role: 'type', path: [] };
  if (rest.length < 2 || rest[1] !== 'Properties') return undefined;
  const written = rest.slice(2);
  if (written.some((s) => typeof s !== 'string')) return undefined;

  const candidates = clientsNamed(model).get(id) ?? [];
  const client = candidates.find((c) => offset >= c.span.start && offset <= c.span.end) ?? candidates[0];
  if (!client && (model.context.resources.get(id) ?? typeOf(id)) !== schema.resource.cloudformationType) return undefined;
  const spelling = client?.spelling ?? 'cloudformation';

  const path: string[] = [];
  for (const name of written as string[]) {
    const canonical = canonicalName(name, spelling, path);
    if (canonical === undefined) return undefined;
    path.push(canonical);
  }

  let role: CursorRole;
  if (local.role === 'auto') {
    if (path.length === 0) role = 'key';
    else {
      const prop = propertySchema(path);
      if (!prop) return undefined;
      role = prop.type === 'object' ? 'key' : prop.type === 'list' ? 'item' : 'value';
      if (role === 'item' && local.style === 'yaml-block') local.insertPrefix = '- ';
    }
  } else {
    role = local.role;
    if (role !== 'key' && path.length === 0) return undefined;
    if (role === 'key' && path.length > 0 && !propertySchema(path)?.properties) return undefined;
  }
  return { role, client, path };
}

function finish(local: Local, resolved: Resolved, text: string, indentUnit: string): CursorContext {
  return contextOf(local, resolved, text, indentUnit, 'cloudformation', 'cloudformation');
}

// ---------------------------------------------------------------------------------------------
// YAML.

interface TextLine {
  start: number;
  /** The line without its line break. */
  text: string;
  /** Its leading spaces (read once: the walks up from the caret skip most lines by this alone). */
  indent: number;
}

/** The lines of a text; a byte order mark at the start belongs to no line (offsets still count it). */
function splitLines(text: string): TextLine[] {
  const out: TextLine[] = [];
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const body = end > start && text[end - 1] === '\r' ? text.slice(start, end - 1) : text.slice(start, end);
    let indent = 0;
    while (body.charCodeAt(indent) === 32) indent++;
    out.push({ start, text: body, indent });
    if (nl < 0) break;
    start = nl + 1;
  }
  return out;
}

/**
 * The lines of the last text asked for, and its indentation unit: completion asks at many places
 * of one version of a document, and splitting a 1 MB template into lines took most of each request.
 * One entry only (the text of one document version), so nothing else is kept alive.
 */
let linesMemo: { text: string; lines: TextLine[]; indentUnit?: string } | undefined;

function linesOf(text: string): { text: string; lines: TextLine[]; indentUnit?: string } {
  if (linesMemo?.text !== text) linesMemo = { text, lines: splitLines(text) };
  return linesMemo;
}

function lineIndexAt(lines: TextLine[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The structure of one YAML line, as far as block structure goes. */
interface YamlLine {
  indent: number;
  blank: boolean;
  comment: boolean;
  /** Columns of leading `- ` indicators. */
  dashes: number[];
  /** The first column after the indicators. */
  contentCol: number;
  /** End of the content, before a comment and trailing spaces. */
  contentEnd: number;
  key?: { text: string; start: number; end: number };
  colon?: number;
  valueCol?: number;
  valueEnd?: number;
}

const PLAIN_KEY_START = /[^\s[\]{}!&*|>#%@`,'"]/;

/** Index of the closing quote of a quoted scalar starting at `start`, or -1. */
function closingQuote(text: string, start: number): number {
  const q = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (q === '"' && text[i] === '\\') {
      i++;
      continue;
    }
    if (text[i] === q) {
      if (q === "'" && text[i + 1] === "'") {
        i++;
        continue;
      }
      return i;
    }
  }
  return -1;
}

/** End of the content starting at `from`: before ` #` comments (outside quotes) and trailing spaces. */
function contentEndFrom(text: string, from: number): number {
  let i = from;
  let end = from;
  while (i < text.length) {
    const ch = text[i];
    if ((ch === '"' || ch === "'") && (i === from || /[\s[{,:]/.test(text[i - 1]))) {
      const close = closingQuote(text, i);
      if (close < 0) return text.length;
      i = close + 1;
      end = i;
      continue;
    }
    if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]))) break;
    i++;
    if (!/\s/.test(ch)) end = i;
  }
  return end;
}

function parseYamlLine(text: string): YamlLine {
  let i = 0;
  while (i < text.length && text[i] === ' ') i++;
  const line: YamlLine = { indent: i, blank: false, comment: false, dashes: [], contentCol: i, contentEnd: i };
  if (i >= text.length || /^\s*$/.test(text.slice(i))) {
    line.blank = true;
    return line;
  }
  if (text[i] === '#') {
    line.comment = true;
    return line;
  }
  while (text[i] === '-' && (i + 1 >= text.length || text[i + 1] === ' ' || text[i + 1] === '\t')) {
    line.dashes.push(i);
    i++;
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  }
  line.contentCol = i;
  line.contentEnd = contentEndFrom(text, i);
  if (i >= text.length) return line;

  // A key: a quoted or plain scalar followed by `:` and a space or the end of the line.
  let keyEnd = -1;
  let keyText = '';
  if (text[i] === '"' || text[i] === "'") {
    const close = closingQuote(text, i);
    if (close > 0) {
      let k = close + 1;
      while (text[k] === ' ') k++;
      if (text[k] === ':' && (k + 1 >= text.length || /\s/.test(text[k + 1]))) {
        keyEnd = close + 1;
        keyText = text.slice(i + 1, close);
        line.colon = k;
      }
    }
  } else if (PLAIN_KEY_START.test(text[i]) || (text[i] === '-' && text[i + 1] !== ' ')) {
    for (let j = i; j < text.length; j++) {
      if (text[j] === '#' && /\s/.test(text[j - 1] ?? ' ')) break;
      if (text[j] === ':' && (j + 1 >= text.length || /\s/.test(text[j + 1]))) {
        keyText = text.slice(i, j).trimEnd();
        keyEnd = i + keyText.length;
        line.colon = j;
        break;
      }
    }
  }
  if (line.colon === undefined) return line;
  line.key = { text: keyText, start: i, end: keyEnd };
  let v = line.colon + 1;
  while (v < text.length && (text[v] === ' ' || text[v] === '\t')) v++;
  if (v < text.length && text[v] !== '#') {
    line.valueCol = v;
    line.valueEnd = contentEndFrom(text, v);
  }
  return line;
}

/** The value text of a line, when it has one. */
function valueText(line: YamlLine, text: string): string | undefined {
  return line.valueCol === undefined ? undefined : text.slice(line.valueCol, line.valueEnd);
}

/** Whether a key line opens a block (its value is on the following lines). */
function opensBlock(line: YamlLine, text: string): boolean {
  const v = valueText(line, text);
  return v === undefined || /^&\S+$/.test(v) || /^!!?\w*$/.test(v);
}

/**
 * The key chain of the parents of a block node that starts at `col` on line `lineIdx` (without the
 * node itself). Undefined when the position cannot hold a node (inside a block scalar, or under
 * a key that already has a scalar value).
 */
function ancestors(lines: TextLine[], lineIdx: number, col: number, startsWithDash = false): Chain | undefined {
  const segs: Seg[] = [];
  const at: number[] = [];
  let limit = col;
  // While only sequence items at `col` were seen, a key at the same column may own them (`Key:\n- a`).
  let compactCandidate = startsWithDash;
  for (let i = lineIdx - 1; i >= 0 && limit > 0; i--) {
    const text = lines[i].text;
    // Most lines above are deeper than the position: skip them without reading them.
    const indent = lines[i].indent;
    if (indent > limit || (indent === limit && !compactCandidate)) continue;
    if (/^(---|\.\.\.)(\s|$)/.test(text) || text.startsWith('%')) break;
    const line = parseYamlLine(text);
    if (line.blank || line.comment) continue;
    if (line.indent >= limit) {
      if (compactCandidate && line.indent === limit) {
        if (line.dashes.length > 0 && line.dashes[0] === limit) continue;
        if (line.dashes.length === 0 && line.key && opensBlock(line, text)) {
          segs.unshift(line.key.text);
          at.unshift(i);
          compactCandidate = false;
          continue;
        }
        compactCandidate = false;
      }
      continue;
    }
    compactCandidate = false;
    if (line.contentCol < limit) {
      if (line.key) {
        const v = valueText(line, text);
        if (v !== undefined && /^[|>][0-9+-]*$/.test(v)) return undefined;
        if (!opensBlock(line, text)) return undefined;
        segs.unshift(line.key.text);
        at.unshift(i);
        limit = line.contentCol;
      } else if (line.contentCol < line.contentEnd) {
        // A scalar (or a half-typed key) above: the position continues it, or is out of place.
        return undefined;
      }
    }
    for (let d = line.dashes.length - 1; d >= 0; d--) {
      if (line.dashes[d] < limit) {
        segs.unshift(ITEM);
        at.unshift(i);
        limit = line.dashes[d];
      }
    }
  }
  return { segs, lines: at };
}

function extend(chain: Chain, seg: Seg, line: number): Chain {
  return { segs: [...chain.segs, seg], lines: [...chain.lines, line] };
}

/** The chain of the container a line's key belongs to. */
function containerOf(lines: TextLine[], lineIdx: number, line: YamlLine): Chain | undefined {
  if (line.dashes.length > 0) {
    const dash = line.dashes[line.dashes.length - 1];
    const parent = ancestors(lines, lineIdx, dash, true);
    return parent && extend(parent, ITEM, lineIdx);
  }
  return ancestors(lines, lineIdx, line.contentCol);
}

/** Keys (or sequence item scalars) written at `col` in the block around line `lineIdx`. */
function yamlSiblings(lines: TextLine[], lineIdx: number, col: number, kind: 'key' | 'item'): string[] {
  const out: string[] = [];
  for (const dir of [-1, 1]) {
    for (let i = lineIdx + dir; i >= 0 && i < lines.length; i += dir) {
      const text = lines[i].text;
      if (/^(---|\.\.\.)(\s|$)/.test(text)) break;
      const line = parseYamlLine(text);
      if (line.blank || line.comment) continue;
      if (line.indent < col) break;
      if (line.indent > col) continue;
      if (kind === 'key') {
        if (line.dashes.length > 0) break;
        if (line.key) out.push(line.key.text);
      } else {
        if (line.dashes.length === 0) break;
        const raw = text.slice(line.contentCol, line.contentEnd);
        out.push(unquote(raw));
      }
    }
  }
  return out;
}

function unquote(raw: string): string {
  if (raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw[raw.length - 1] === raw[0]) {
    const inner = raw.slice(1, -1);
    return raw[0] === "'" ? inner.replace(/''/g, "'") : inner.replace(/\\(.)/g, '$1');
  }
  return raw;
}

/** The word or scalar being written from `start` (a column): its span, the typed prefix and quotes. */
function scalarAt(line: TextLine, start: number, end: number, col: number): { span: Span; prefix: string; quote?: QuoteState } | undefined {
  const text = line.text;
  const ch = text[start];
  if (ch === '"' || ch === "'") {
    const close = closingQuote(text, start);
    if (close >= 0 && col > close) return undefined;
    const closed = close >= 0;
    const stop = closed ? close + 1 : Math.max(col, end);
    return { span: { start: line.start + start, end: line.start + stop }, prefix: text.slice(start + 1, col), quote: { char: ch, closed } };
  }
  return { span: { start: line.start + start, end: line.start + Math.max(end, col) }, prefix: text.slice(start, col) };
}

/** Flow collection frames open at the caret, from the `yaml` lexer, and whether the caret is in a comment. */
interface FlowFrame {
  kind: 'map' | 'seq';
  open: number;
  key?: string;
  afterColon: boolean;
  lastScalar?: string;
  keys: string[];
  items: string[];
}

interface LexState {
  frames: FlowFrame[];
  inComment: boolean;
  inBlockScalar: boolean;
  /** The last token before the caret (offsets into the text). */
  last?: { type: string; start: number; end: number; source: string };
}

const CONTROL_TOKENS = new Set(['doc-mode', 'flow-error-end', 'scalar']);

/** Lex `text` from `from` to `to`; offsets in the result are offsets into `text`. */
function lexYaml(text: string, from: number, to: number): LexState {
  const prefix = text.slice(from, to);
  const state: LexState = { frames: [], inComment: false, inBlockScalar: false };
  let pos = from;
  let blockScalar = false;
  for (const token of new Lexer().lex(prefix)) {
    const type = CST.tokenType(token);
    if (type && CONTROL_TOKENS.has(type) && token.length === 1 && token.charCodeAt(0) < 0x20) {
      if (type === 'flow-error-end') state.frames = [];
      continue;
    }
    const start = pos;
    pos += token.length;
    const kind = type ?? 'plain-scalar';
    const top = state.frames[state.frames.length - 1];
    switch (kind) {
      case 'flow-map-start':
      case 'flow-seq-start':
        state.frames.push({ kind: kind === 'flow-map-start' ? 'map' : 'seq', open: start, afterColon: false, keys: [], items: [] });
        break;
      case 'flow-map-end':
      case 'flow-seq-end':
        state.frames.pop();
        if (state.frames.length) state.frames[state.frames.length - 1].lastScalar = undefined;
        break;
      case 'doc-start':
      case 'doc-end':
        state.frames = [];
        break;
      case 'comma':
        if (top) {
          if (top.kind === 'map') {
            const key = top.afterColon ? top.key : top.lastScalar;
            if (key !== undefined) top.keys.push(key);
          } else if (top.lastScalar !== undefined) top.items.push(top.lastScalar);
          top.key = undefined;
          top.afterColon = false;
          top.lastScalar = undefined;
        }
        break;
      case 'map-value-ind':
        if (top && top.kind === 'map' && !top.afterColon) {
          top.key = top.lastScalar;
          top.afterColon = true;
          top.lastScalar = undefined;
        }
        break;
      case 'plain-scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
        if (top) top.lastScalar = unquote(token);
        break;
      default:
        break;
    }
    if (kind === 'block-scalar-header') blockScalar = true;
    else if (kind === 'plain-scalar' && blockScalar) {
      state.inBlockScalar = pos >= to;
      blockScalar = false;
    } else if (kind !== 'space' && kind !== 'newline' && kind !== 'comment') blockScalar = false;
    state.last = { type: kind, start, end: pos, source: token };
  }
  state.inComment = state.last?.type === 'comment' && state.last.end >= to && !prefix.endsWith('\n');
  return state;
}

function detectIndentUnit(lines: string[], json: boolean): string {
  let best = 0;
  let tabs = false;
  let prev = -1;
  // The first few hundred lines tell the unit; large templates need not be read whole.
  for (const raw of lines.slice(0, 500)) {
    if (/^\s*$/.test(raw) || /^\s*#/.test(raw)) continue;
    const m = /^[ \t]*/.exec(raw)![0];
    if (m.includes('\t')) tabs = true;
    const n = m.length;
    if (prev >= 0 && n > prev && (best === 0 || n - prev < best)) best = n - prev;
    prev = n;
  }
  if (tabs && json) return '\t';
  return ' '.repeat(best > 0 && best <= 8 ? best : 2);
}

/** Whether the text of a YAML resource block (below its logical id line) says `Type: <client type>`. */
function yamlTypeOf(lines: TextLine[], chain: Chain): (id: string) => string | undefined {
  return (id) => {
    const r = resourcesIndex(chain.segs);
    const idx = chain.segs.indexOf(id, r + 1);
    if (idx < 0) return undefined;
    const idLine = chain.lines[idx];
    const idIndent = parseYamlLine(lines[idLine].text).indent;
    for (let i = idLine + 1; i < lines.length; i++) {
      const line = parseYamlLine(lines[i].text);
      if (line.blank || line.comment) continue;
      if (line.indent <= idIndent) break;
      if (line.key?.text === 'Type') return unquote(valueText(line, lines[i].text) ?? '');
    }
    return undefined;
  };
}

/** Whether the key on line `L` (at `col`) already has its value on the lines below (more indented, or a compact list). */
function hasBlockValueBelow(lines: TextLine[], L: number, col: number): boolean {
  for (let i = L + 1; i < lines.length; i++) {
    const line = parseYamlLine(lines[i].text);
    if (line.blank || line.comment) continue;
    return line.indent > col || (line.indent === col && line.dashes.length > 0);
  }
  return false;
}

function yamlBlockLocal(lines: TextLine[], L: number, col: number, offset: number): Local | undefined {
  const line = lines[L];
  const text = line.text;
  const shape = parseYamlLine(text);
  const base = { style: 'yaml-block' as const, seenKeys: [] as string[], seenItems: [] as string[] };

  if (shape.blank) {
    const chain = ancestors(lines, L, col);
    if (!chain) return undefined;
    return { ...base, role: 'auto', chain, span: { start: offset, end: offset }, prefix: '', indent: ' '.repeat(col), seenKeys: yamlSiblings(lines, L, col, 'key'), seenItems: yamlSiblings(lines, L, col, 'item') };
  }
  if (shape.comment || col < shape.contentCol) return undefined;

  if (shape.key && col >= shape.key.start && col <= shape.key.end) {
    const chain = containerOf(lines, L, shape);
    const word = scalarAt(line, shape.key.start, shape.key.end, col);
    if (!chain || !word) return undefined;
    return { ...base, role: 'key', chain, ...word, hasValue: true, indent: ' '.repeat(shape.contentCol), seenKeys: yamlSiblings(lines, L, shape.contentCol, 'key') };
  }

  if (shape.key && shape.colon !== undefined && col > shape.colon) {
    const container = containerOf(lines, L, shape);
    if (!container) return undefined;
    const chain = extend(container, shape.key.text, L);
    const indent = ' '.repeat(shape.contentCol);
    if (shape.valueCol === undefined || col < shape.valueCol) {
      if (shape.valueCol !== undefined || hasBlockValueBelow(lines, L, shape.contentCol)) return undefined;
      const insertPrefix = col === shape.colon + 1 ? ' ' : undefined;
      return { ...base, role: 'value', chain, span: { start: offset, end: offset }, prefix: '', insertPrefix, indent };
    }
    if (/[!&*|>[{]/.test(text[shape.valueCol])) return undefined;
    const word = scalarAt(line, shape.valueCol, shape.valueEnd!, col);
    if (!word) return undefined;
    return { ...base, role: 'value', chain, ...word, indent };
  }

  if (shape.key) return undefined;

  if (shape.dashes.length > 0) {
    const dash = shape.dashes[shape.dashes.length - 1];
    const chain = ancestors(lines, L, dash, true);
    if (!chain || shape.dashes.length > 1) return undefined;
    if (shape.contentCol < text.length && /[!&*|>[{#]/.test(text[shape.contentCol])) return undefined;
    const word = shape.contentCol >= text.length ? { span: { start: offset, end: offset }, prefix: '' } : scalarAt(line, shape.contentCol, shape.contentEnd, col);
    if (!word) return undefined;
    return { ...base, role: 'item', chain, ...word, indent: ' '.repeat(dash), seenItems: yamlSiblings(lines, L, dash, 'item') };
  }

  if (/[!&*|>[{#%@`]/.test(text[shape.contentCol])) return undefined;
  const chain = ancestors(lines, L, shape.contentCol);
  const word = scalarAt(line, shape.contentCol, shape.contentEnd, col);
  if (!chain || !word) return undefined;
  return { ...base, role: 'auto', chain, ...word, indent: ' '.repeat(shape.contentCol), seenKeys: yamlSiblings(lines, L, shape.contentCol, 'key') };
}

function yamlFlowLocal(lines: TextLine[], lex: LexState, offset: number): Local | undefined {
  const frames = lex.frames;
  const outer = frames[0];
  const Lo = lineIndexAt(lines, outer.open);
  const co = outer.open - lines[Lo].start;
  const openLine = parseYamlLine(lines[Lo].text);
  let chain: Chain | undefined;
  if (openLine.key && openLine.colon !== undefined && openLine.colon < co) {
    const container = containerOf(lines, Lo, openLine);
    chain = container && extend(container, openLine.key.text, Lo);
  } else if (openLine.dashes.length > 0 && openLine.dashes[openLine.dashes.length - 1] < co && openLine.contentCol === co) {
    const parent = ancestors(lines, Lo, openLine.dashes[openLine.dashes.length - 1], true);
    chain = parent && extend(parent, ITEM, Lo);
  } else if (openLine.contentCol === co) {
    chain = ancestors(lines, Lo, co);
  }
  if (!chain) return undefined;
  // One segment per enclosing flow collection, appended in place: extending a copy per frame was
  // quadratic in the nesting (20,000 open brackets: 12 s per completion; found by the fuzz
  // harness, seed 4242 index 3926).
  const segs = [...chain.segs];
  const at = [...chain.lines];
  for (let f = 0; f < frames.length - 1; f++) {
    const frame = frames[f];
    if (frame.kind === 'map') {
      if (!frame.afterColon || frame.key === undefined) return undefined;
      segs.push(frame.key);
    } else segs.push(ITEM);
    at.push(Lo);
  }
  chain = { segs, lines: at };
  const inner = frames[frames.length - 1];

  // The partial word: the last token when it is a scalar ending at the caret.
  const L = lineIndexAt(lines, offset);
  const line = lines[L];
  const col = offset - line.start;
  let span: Span = { start: offset, end: offset };
  let prefix = '';
  let quote: QuoteState | undefined;
  let insertPrefix: string | undefined;
  const last = lex.last;
  if (last && last.end === offset && /scalar$/.test(last.type) && last.start >= line.start) {
    const startCol = last.start - line.start;
    const endCol = flowWordEnd(line.text, col);
    const word = scalarAt(line, startCol, endCol, col);
    if (!word) return undefined;
    ({ span, prefix, quote } = word);
  } else if (last && last.end === offset && (last.type === 'comma' || last.type === 'map-value-ind')) {
    insertPrefix = ' ';
  }
  let rest = span.end - line.start;
  while (line.text[rest] === ' ') rest++;
  const next = line.text[rest];
  const hasValue = inner.kind === 'map' && !inner.afterColon && next === ':';
  const insertSuffix = next !== undefined && !/[,\]}#:]/.test(next) ? ', ' : undefined;

  const indent = ' '.repeat(parseYamlLine(line.text).indent);
  const base = { style: 'yaml-flow' as const, span, prefix, quote, insertPrefix, insertSuffix, inline: true, indent };
  if (inner.kind === 'seq') return { ...base, role: 'item', chain, seenKeys: [], seenItems: inner.items };
  if (inner.afterColon) {
    if (inner.key === undefined) return undefined;
    return { ...base, role: 'value', chain: extend(chain, inner.key, Lo), seenKeys: [], seenItems: [] };
  }
  return { ...base, role: 'key', chain, hasValue, seenKeys: inner.keys, seenItems: [] };
}

/**
 * The flow collections still open at the caret. The lexer keeps a collection open across lines
 * that are not indented past the line it was opened on; in a template such a line starts a new
 * block entry (the bracket was left unclosed), so the collection and those inside it end there.
 */
function openFrames(frames: FlowFrame[], lines: TextLine[], caretLine: number, caretCol: number): FlowFrame[] {
  // A line may open thousands of collections: each line is read once (reading the opening line
  // and the following ones again per frame was quadratic on a long line).
  if (frames.length === 0) return frames;
  const first = frames.reduce((least, frame) => Math.min(least, lineIndexAt(lines, frame.open)), caretLine);
  // least[i - first]: the least indentation of the lines after line i up to the caret's (blank
  // and comment lines aside; the caret's blank line counts at the caret).
  const least: number[] = new Array<number>(Math.max(0, caretLine - first + 1)).fill(Infinity);
  for (let i = caretLine - 1; i >= first; i--) {
    const next = i + 1;
    const text = next === caretLine ? lines[next].text.slice(0, caretCol) : lines[next].text;
    const line = parseYamlLine(text);
    const indent = line.blank ? (next === caretLine ? caretCol : Infinity) : line.comment ? Infinity : line.indent;
    least[i - first] = Math.min(indent, least[next - first]);
  }
  for (let f = 0; f < frames.length; f++) {
    const openLine = lineIndexAt(lines, frames[f].open);
    if (openLine >= caretLine) continue;
    const openIndent = parseYamlLineIndent(lines[openLine].text);
    if (least[openLine - first] <= openIndent) return frames.slice(0, f);
  }
  return frames;
}

/** The indentation `parseYamlLine` gives a line (its leading spaces). */
function parseYamlLineIndent(text: string): number {
  let i = 0;
  while (i < text.length && text[i] === ' ') i++;
  return i;
}

/**
 * The line to start lexing from. A flow collection still open at the caret was opened on a line
 * indented less than every line after it (see `openFrames`), that is on one of the caret's
 * indentation ancestors; so lexing can start at the outermost ancestor with a bracket on it, or at
 * the caret's line when none has one. This keeps completion cost local in large templates.
 */
function lexStart(lines: TextLine[], caretLine: number, caretCol: number): number {
  const own = lines[caretLine].text;
  let limit = /^\s*$/.test(own.slice(0, caretCol)) ? caretCol : /^ */.exec(own)![0].length;
  let start = caretLine;
  for (let i = caretLine - 1; i >= 0 && limit > 0; i--) {
    const text = lines[i].text;
    const indent = lines[i].indent;
    if (indent >= limit || indent === text.length || text[indent] === '#') continue;
    limit = indent;
    if (/[[{]/.test(text)) start = i;
  }
  return start;
}

/** Where a plain scalar in a flow collection ends, from the caret. */
function flowWordEnd(text: string, col: number): number {
  let i = col;
  while (i < text.length && !/[,[\]{}#]/.test(text[i]) && !(text[i] === ':' && /[\s,\]}]/.test(text[i + 1] ?? ' '))) i++;
  while (i > col && /\s/.test(text[i - 1])) i--;
  return i;
}

/** The cursor context in a CloudFormation YAML template. */
export const cloudFormationYamlCursor: CursorFunction = (doc, offset, model) => {
  const text = doc.text;
  if (offset < 0 || offset > text.length) return undefined;
  const memo = linesOf(text);
  const lines = memo.lines;
  if (offset < lines[0].start) return undefined; // before the byte order mark
  const L = lineIndexAt(lines, offset);
  const col = Math.min(offset - lines[L].start, lines[L].text.length);
  const lex = lexYaml(text, lines[lexStart(lines, L, col)].start, offset);
  if (lex.inComment || lex.inBlockScalar) return undefined;
  lex.frames = openFrames(lex.frames, lines, L, col);
  const local = lex.frames.length > 0 ? yamlFlowLocal(lines, lex, offset) : yamlBlockLocal(lines, L, col, offset);
  if (!local) return undefined;
  const resolved = resolveChain(local, model, offset, yamlTypeOf(lines, local.chain));
  if (!resolved) return undefined;
  memo.indentUnit ??= detectIndentUnit(lines.slice(0, 500).map((l) => l.text), false);
  return finish(local, resolved, text, memo.indentUnit);
};

// ---------------------------------------------------------------------------------------------
// JSON.

function jsonTypeOf(text: string): (id: string) => string | undefined {
  return (id) => {
    const root = parseTree(text);
    if (!root) return undefined;
    for (const path of [['Resources', id, 'Type'], ['resources', 'Resources', id, 'Type']]) {
      const node = findNodeAtLocation(root, path);
      if (node && typeof node.value === 'string') return node.value;
    }
    return undefined;
  };
}

/** Whether text that a JSON surface reads starts like YAML (its first character opens no JSON value). */
function looksLikeYaml(text: string): boolean {
  const first = /\S/.exec(text.replace(/^\uFEFF/, ''));
  return first !== null && !['{', '[', '/'].includes(first[0]);
}

/** The cursor context in a CloudFormation JSON template. */
export const cloudFormationJsonCursor: CursorFunction = (doc, offset, model) => {
  const text = doc.text;
  if (offset < 0 || offset > text.length) return undefined;
  // A `.template` file may be YAML; the JSON surface reads those with the YAML reader too.
  if (looksLikeYaml(text)) return cloudFormationYamlCursor(doc, offset, model);
  const local = jsonLocal(text, offset);
  if (!local) return undefined;
  const resolved = resolveChain(local, model, offset, jsonTypeOf(text));
  if (!resolved) return undefined;
  return finish(local, resolved, text, detectIndentUnit(text.split('\n'), true));
};
