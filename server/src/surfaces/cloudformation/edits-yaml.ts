/**
 * The YAML edit builder: a fix's semantic changes as minimal text edits to a CloudFormation YAML
 * template, in the template's own style.
 *
 * Kept as written: block or flow style of each collection, the document's indentation step and
 * its indentless (`key:` / `- item` at one column) or indented lists, comments (a removed entry
 * takes only the comment on its own last line with it), quotes (a new value is quoted the way its
 * neighbours are; a value YAML would read as something else — `true`, `1.5`, `a: b`, `#x` — is
 * always quoted), intrinsics in short form (`!Ref X`) or, in a document that only uses them, long
 * form (`Ref: X`), and CRLF line breaks.
 *
 * Refused (undefined): a body that is an intrinsic, a target inside an intrinsic or under a value
 * of another kind, an entry that shares its line with another, and anything the flow rewrite
 * cannot do without losing a comment.
 */
import type { ClientDefinition, DocumentModel, Span } from '../../model';
import type { SemanticFix } from '../../model';
import type { JsonValue } from '../../schema/types';
import type { SourceDocument, SpanEdit } from '../types';
import { flowEdits, type FlowRenderer } from '../edits-flow';
import { type Container, type ContainerPlan, type EntryValue, findPair, isIntrinsicValue, planFix } from './edits-plan';
import {
  colonAfter,
  columnOf,
  eolOf,
  hasComment,
  indentOfLine,
  isBlank,
  lastLineOf,
  lineEnd,
  lineStart,
  nextLineStart,
  startsLine,
  yamlIndentUnit,
} from '../edits-text';
import { FUNCTION_BY_TAG, shortTag } from './intrinsics';
import { treeOf } from './trees';
import { readYaml } from './yaml';

type Quote = '"' | "'";

/** How the document writes things, read once per builder call. */
export interface YamlStyle {
  text: string;
  eol: string;
  unit: string;
  /** Intrinsics in long form (`Ref: X`): the document uses only those. */
  longForm: boolean;
  /** Block lists written with `-` at the column of their key. */
  indentless: boolean;
  /** The quote the document uses most. */
  quote: Quote;
}

/** How strings are quoted in one place: always with `force`, else only when needed, with `prefer`. */
interface QuotePolicy {
  force?: Quote;
  prefer: Quote;
}

const SHORT_FORM = /(^|[\s[{,:-])!(Ref|GetAtt|Sub|Join|If|Select|Split|FindInMap|ImportValue|Base64|GetAZs|Equals|Not|And|Or|Cidr|Condition|Transform|ToJsonString|Length)\b/m;
const LONG_FORM = /(^|[\s{,])["']?(Ref|Fn::[A-Za-z]+)["']?[ \t]*:(\s|$)/m;

/** Read a document's style. */
export function yamlStyle(text: string): YamlStyle {
  // The last answer is kept: checking every finding of a large template asks about one text many times.
  if (lastStyle?.text !== text) lastStyle = readYamlStyle(text);
  return lastStyle;
}

let lastStyle: YamlStyle | undefined;

function readYamlStyle(text: string): YamlStyle {
  let indentless = 0;
  let indented = 0;
  let opener: number | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*(#.*)?$/.test(line)) continue;
    const lead = /^( *)((?:- +)*)/.exec(line)!;
    if (opener !== undefined && /^ *- /.test(line)) {
      if (lead[1].length === opener) indentless++;
      else if (lead[1].length > opener) indented++;
    }
    opener = /^[^#]*[^\s#]:\s*(#.*)?$/.test(line) ? lead[1].length + lead[2].length : undefined;
  }
  const single = (text.match(/(^|[\s:[{,-])'/gm) ?? []).length;
  const double = (text.match(/(^|[\s:[{,-])"/gm) ?? []).length;
  return {
    text,
    eol: eolOf(text),
    unit: yamlIndentUnit(text),
    longForm: LONG_FORM.test(text) && !SHORT_FORM.test(text),
    indentless: indentless > indented,
    quote: single > double ? "'" : '"',
  };
}

// ---------- scalars ----------

/** Whether a string can be written without quotes and still read back as that same string (YAML 1.1 and 1.2 readers alike). */
export function plainSafe(value: string, inFlow: boolean): boolean {
  if (value === '' || value.trim() !== value) return false;
  if (/[\u0000-\u001f\u007f\u0085\u2028\u2029\ufeff]/.test(value)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) || value.startsWith('<<')) return false;
  if (/: |:$| #|\t/.test(value)) return false;
  if (inFlow && /[,[\]{}]/.test(value)) return false;
  if (/^(true|false|yes|no|y|n|on|off|null|~)$/i.test(value)) return false;
  // Numbers in any notation either version reads: 1, -1.5, 1e3, 0x1F, 0o17, 1_000, .inf, 1:30 (sexagesimal), dates.
  if (/^[-+]?(\d[\d_]*)?(\.[\d_]*)?([eE][-+]?\d+)?$/.test(value) && /\d/.test(value)) return false;
  if (/^[-+]?0[xob][0-9a-f_]+$/i.test(value) || /^[-+]?\.(inf|nan)$/i.test(value) || /^[-+]?\d[\d_]*(:[0-5]?\d)+(\.\d*)?$/.test(value)) return false;
  if (/^\d{4}-\d{1,2}-\d{1,2}/.test(value)) return false;
  return true;
}

function quoted(value: string, quote: Quote): string {
  if (quote === "'" && !/[\u0000-\u001f\u007f\u0085\u2028\u2029]/.test(value)) return `'${value.replace(/'/g, "''")}'`;
  return JSON.stringify(value);
}

function yamlString(value: string, policy: QuotePolicy, inFlow: boolean): string {
  if (policy.force) return quoted(value, policy.force);
  return plainSafe(value, inFlow) ? value : quoted(value, policy.prefer);
}

function yamlKey(key: string, quote: Quote | undefined): string {
  if (quote) return quoted(key, quote);
  return plainSafe(key, false) ? key : JSON.stringify(key);
}

// ---------- values ----------

/** The short-form tag of an intrinsic key, when it has one. */
function tagOf(key: string): string | undefined {
  const tag = shortTag(key);
  return FUNCTION_BY_TAG.get(tag) === key ? tag : undefined;
}

function isPlainObject(value: JsonValue): value is { [key: string]: JsonValue } {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !isIntrinsicValue(value);
}

/** A value on one line: plain or quoted scalars, `[a, b]`, `{A: b}`, `!Ref X`. */
export function yamlInline(value: JsonValue, policy: QuotePolicy, inFlow: boolean, style: YamlStyle): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (typeof value === 'string') return yamlString(value, policy, inFlow);
  if (Array.isArray(value)) return `[${value.map((item) => yamlInline(item, policy, true, style)).join(', ')}]`;
  const entries = Object.entries(value);
  if (isIntrinsicValue(value) && !style.longForm) {
    const [fn, arg] = entries[0];
    const tag = tagOf(fn);
    if (tag) {
      if (fn === 'Fn::GetAtt' && Array.isArray(arg) && arg.length === 2 && arg.every((a) => typeof a === 'string' && plainSafe(a, inFlow))) {
        return `${tag} ${arg.join('.')}`;
      }
      return `${tag} ${yamlInline(arg, policy, inFlow, style)}`;
    }
  }
  if (entries.length === 0) return '{}';
  return `{${entries.map(([k, v]) => `${yamlKey(k, undefined)}: ${yamlInline(v, policy, true, style)}`).join(', ')}}`;
}

/** Whether a value is written over several lines in block context. */
function needsBlock(value: JsonValue, style: YamlStyle, flowLists: boolean): boolean {
  if (isPlainObject(value)) return Object.keys(value).length > 0;
  if (isIntrinsicValue(value)) return style.longForm;
  return Array.isArray(value) && value.length > 0 && !flowLists;
}

/** The lines of a block value's content (members, or `- item` lines) at `indent`. */
function blockContent(value: JsonValue, indent: string, policy: QuotePolicy, style: YamlStyle, flowLists: boolean): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => itemLines(item, indent, policy, style));
  return Object.entries(value as { [key: string]: JsonValue }).flatMap(([k, v]) => entryLines(k, v, indent, policy, style, flowLists, undefined));
}

/** `key: value` as lines at `indent`. */
function entryLines(key: string, value: JsonValue, indent: string, policy: QuotePolicy, style: YamlStyle, flowLists: boolean, keyQuote: Quote | undefined): string[] {
  const head = `${indent}${yamlKey(key, keyQuote)}:`;
  if (!needsBlock(value, style, flowLists)) return [`${head} ${yamlInline(value, policy, false, style)}`];
  const child = Array.isArray(value) && style.indentless ? indent : indent + style.unit;
  return [head, ...blockContent(value, child, policy, style, flowLists)];
}

/** `- item` as lines at `indent`. */
function itemLines(value: JsonValue, indent: string, policy: QuotePolicy, style: YamlStyle): string[] {
  if (!isPlainObject(value) && !(isIntrinsicValue(value) && style.longForm)) return [`${indent}- ${yamlInline(value, policy, false, style)}`];
  const lines = blockContent(value, indent + '  ', policy, style, false);
  if (lines.length === 0) return [`${indent}- {}`];
  return [`${indent}- ${lines[0].trimStart()}`, ...lines.slice(1)];
}

// ---------- quoting in context ----------

function policyOf(refs: readonly EntryValue[], style: YamlStyle): QuotePolicy {
  const strings = refs.filter((r) => r.kind === 'string');
  const quotedOnes = strings.filter((r) => r.quote !== undefined);
  const prefer = quotedOnes[0]?.quote ?? style.quote;
  return strings.length > 0 && quotedOnes.length === strings.length ? { force: prefer, prefer } : { prefer };
}

/** Quote new values of a collection the way its string values are. */
function containerPolicy(c: Container, style: YamlStyle): QuotePolicy {
  return policyOf(c.entries.map((e) => e.value), style);
}

/** Quote a replaced value the way the old one was (when it was a string), else like its neighbours. */
function entryPolicy(c: Container, index: number, style: YamlStyle): QuotePolicy {
  const old = c.entries[index].value;
  return old.kind === 'string' ? policyOf([old], style) : containerPolicy(c, style);
}

/** Keys are quoted when every key of the mapping is. */
function keyQuoteOf(c: Container, text: string): Quote | undefined {
  if (c.kind !== 'map' || c.entries.length === 0) return undefined;
  const quotes = c.entries.map((e) => (e.keySpan ? text[e.keySpan.start] : ''));
  return (quotes[0] === '"' || quotes[0] === "'") && quotes.every((q) => q === quotes[0]) ? (quotes[0] as Quote) : undefined;
}

/** New lists in a mapping follow its other lists: flow when all of them are. */
function prefersFlowLists(c: Container): boolean {
  const lists = c.entries.filter((e) => e.value.kind === 'list');
  return lists.length > 0 && lists.every((e) => e.value.flow);
}

// ---------- block collections ----------

/** The lines an entry of a block collection occupies, or undefined when it shares its first line. */
function entryLineRange(text: string, c: Container, index: number): Span | undefined {
  const e = c.entries[index];
  const first = e.keySpan?.start ?? e.span.start;
  const prefix = text.slice(lineStart(text, first), first);
  if (c.kind === 'map' ? !/^[ \t]*$/.test(prefix) : !/^[ \t]*-[ \t]+$/.test(prefix)) return undefined;
  let start = lineStart(text, first);
  const end = nextLineStart(text, lastLineOf(e.span));
  if (end === text.length && !text.endsWith('\n') && start > 0) {
    // The last line of a text without a final line break: take the break before it instead.
    start = text[start - 2] === '\r' ? start - 2 : start - 1;
  }
  return { start, end };
}

/** The indentation of the entries of a block collection (for a list: up to and including `- `). */
function entryIndent(text: string, c: Container, index: number): string | undefined {
  const e = c.entries[index];
  if (c.kind === 'map') {
    const key = e.keySpan!.start;
    return startsLine(text, key) ? indentOfLine(text, key) : ' '.repeat(columnOf(text, key));
  }
  const prefix = text.slice(lineStart(text, e.span.start), e.span.start);
  return /^[ \t]*-[ \t]+$/.test(prefix) ? prefix : undefined;
}

/** The edits that give a member of a block mapping a new value. */
function memberValueEdits(text: string, c: Container, index: number, value: JsonValue, style: YamlStyle): SpanEdit[] | undefined {
  const e = c.entries[index];
  if (!e.keySpan) return undefined;
  const colon = colonAfter(text, e.keySpan.end);
  if (colon === undefined) return undefined;
  const old = e.value;
  const policy = entryPolicy(c, index, style);
  const keyIndent = entryIndent(text, c, index)!;
  const onKeyLine = lineStart(text, old.span.start) === lineStart(text, e.keySpan.start);
  const empty = old.span.start === old.span.end;
  const flowLists = old.kind === 'list' ? old.flow === true : old.kind === 'null' ? prefersFlowLists(c) : true;

  if (!needsBlock(value, style, flowLists)) {
    const inline = yamlInline(value, policy, false, style);
    if (empty) return [{ span: { start: old.span.start, end: old.span.end }, newText: (text[old.span.start - 1] === ':' ? ' ' : '') + inline }];
    if (onKeyLine || hasComment(text.slice(colon, old.span.start), 'yaml')) return [{ span: old.span, newText: inline }];
    return [{ span: { start: colon, end: old.span.end }, newText: ' ' + inline }];
  }

  const childIndent = Array.isArray(value) && style.indentless ? keyIndent : keyIndent + style.unit;
  const body = (indent: string) => blockContent(value, indent, policy, style, flowLists).join(style.eol);
  if (empty) {
    const end = lineEnd(text, old.span.start);
    return [{ span: { start: end, end }, newText: style.eol + body(childIndent) }];
  }
  if (onKeyLine) {
    const end = lineEnd(text, old.span.end);
    if (isBlank(text.slice(old.span.end, end))) return [{ span: { start: colon, end: old.span.end }, newText: style.eol + body(childIndent) }];
    // A comment follows the old value: keep it on the key's line.
    return [
      { span: { start: colon, end: old.span.end }, newText: '' },
      { span: { start: end, end }, newText: style.eol + body(childIndent) },
    ];
  }
  if (hasComment(text.slice(colon, old.span.start), 'yaml')) {
    const at = text.slice(lineStart(text, old.span.start), old.span.start);
    if (!/^[ \t]*$/.test(at)) return undefined;
    return [{ span: old.span, newText: body(at).slice(at.length) }];
  }
  return [{ span: { start: colon, end: old.span.end }, newText: style.eol + body(childIndent) }];
}

/**
 * The indentation step inside a block mapping, where one of its members shows it (a nested block
 * mapping, or an indented block list); the document's step otherwise.
 */
function localStyle(text: string, c: Container, style: YamlStyle): YamlStyle {
  if (c.kind !== 'map') return style;
  for (const e of c.entries) {
    if ((e.value.kind !== 'object' && e.value.kind !== 'list') || e.value.flow || !e.keySpan) continue;
    if (lineStart(text, e.value.span.start) === lineStart(text, e.keySpan.start)) continue;
    const step = columnOf(text, e.value.span.start) - columnOf(text, e.keySpan.start);
    if (step > 0 && step <= 8) return { ...style, unit: ' '.repeat(step) };
  }
  return style;
}

function blockEdits(text: string, plan: ContainerPlan, documentStyle: YamlStyle): SpanEdit[] | undefined {
  const c = plan.container;
  const style = localStyle(text, c, documentStyle);
  const n = c.entries.length;
  if (n === 0) return undefined;
  const edits: SpanEdit[] = [];
  for (const index of plan.removes) {
    if (plan.replaces.has(index)) return undefined;
    const range = entryLineRange(text, c, index);
    if (!range) return undefined;
    edits.push({ span: range, newText: '' });
  }
  for (const [index, value] of plan.replaces) {
    if (c.kind === 'map') {
      const member = memberValueEdits(text, c, index, value, style);
      if (!member) return undefined;
      edits.push(...member);
    } else {
      edits.push({ span: c.entries[index].value.span, newText: yamlInline(value, entryPolicy(c, index, style), false, style) });
    }
  }

  const policy = containerPolicy(c, style);
  const lines: string[] = [];
  if (c.kind === 'seq') {
    const prefix = entryIndent(text, c, n - 1);
    if (plan.items.length > 0 && prefix === undefined) return undefined;
    for (const item of plan.items) lines.push(prefix + yamlInline(item, policy, false, style));
  } else {
    const indent = entryIndent(text, c, plan.after ?? n - 1)!;
    const keyQuote = keyQuoteOf(c, text);
    for (const [key, value] of plan.members) lines.push(...entryLines(key, value, indent, policy, style, prefersFlowLists(c), keyQuote));
  }
  if (lines.length > 0) {
    const at = nextLineStart(text, lastLineOf(c.entries[plan.after ?? n - 1].span));
    const newText = at === text.length && !text.endsWith('\n') ? style.eol + lines.join(style.eol) : lines.join(style.eol) + style.eol;
    edits.push({ span: { start: at, end: at }, newText });
  } else if (plan.removes.size === n) {
    // Every entry goes: leave an empty collection rather than a null.
    if (!c.ownerKey) return undefined;
    const colon = colonAfter(text, c.ownerKey.end);
    if (colon === undefined) return undefined;
    edits.push({ span: { start: colon, end: colon }, newText: c.kind === 'map' ? ' {}' : ' []' });
  }
  return edits;
}

// ---------- flow collections ----------

function flowRenderer(text: string, style: YamlStyle): FlowRenderer {
  return {
    syntax: 'yaml',
    eol: style.eol,
    unit: style.unit,
    comma: ', ',
    entry(e, c) {
      const value = yamlInline(e.value, containerPolicy(c, style), true, style);
      return e.key === undefined ? value : `${yamlKey(e.key, keyQuoteOf(c, text))}: ${value}`;
    },
    value(c, index, value) {
      return yamlInline(value, entryPolicy(c, index, style), true, style);
    },
    expandEmpty: () => false,
  };
}

// ---------- the builder ----------

/** A renamed key, quoted the way the old one was. */
function keyText(text: string, keySpan: Span, name: string): string {
  const q = text[keySpan.start];
  return yamlKey(name, q === '"' || q === "'" ? q : undefined);
}

/** The edits that apply a fix to a client in a YAML template, or undefined when it cannot be done safely. */
export function yamlFixEdits(doc: SourceDocument, def: ClientDefinition, fix: SemanticFix, model?: DocumentModel): SpanEdit[] | undefined {
  const text = doc.text;
  const resource = findPair(treeOf(text, model, readYaml), def.nameSpan);
  const plan = planFix(text, def, resource, fix);
  if (!plan) return undefined;
  const style = yamlStyle(text);
  const renderer = flowRenderer(text, style);
  const edits: SpanEdit[] = [];
  for (const p of plan.containers) {
    const made = p.container.flow ? flowEdits(text, p, renderer) : blockEdits(text, p, style);
    if (!made) return undefined;
    edits.push(...made);
  }
  for (const k of plan.keys) edits.push({ span: k.keySpan, newText: keyText(text, k.keySpan, k.name) });
  return touchesUsedAnchor(text, edits) ? undefined : edits;
}

/**
 * Whether an edit touches a node that carries an anchor (`&name`) some alias (`*name`) uses: the
 * alias would dangle, or silently change with it. The anchored node is taken to run from the
 * anchor to the end of its line and every more indented line after it.
 */
function touchesUsedAnchor(text: string, edits: readonly SpanEdit[]): boolean {
  return usedAnchors(text).some((node) => edits.some((e) => e.span.start <= node.end && node.start <= e.span.end));
}

let lastAnchors: { text: string; nodes: Span[] } | undefined;

/** The anchored nodes some alias uses, from the anchor to the end of the node (the last one is kept: one text is asked about once per fix). */
function usedAnchors(text: string): Span[] {
  if (lastAnchors?.text === text) return lastAnchors.nodes;
  const nodes: Span[] = [];
  for (const match of text.matchAll(/(?:^|[\s[{,:-])&([^\s[\]{},]+)/g)) {
    if (!text.includes('*' + match[1])) continue;
    const at = match.index! + match[0].indexOf('&');
    const indent = indentOfLine(text, at).length;
    let end = lineEnd(text, at);
    for (let next = nextLineStart(text, at); next < text.length; next = nextLineStart(text, next)) {
      const line = text.slice(next, lineEnd(text, next));
      if (/^\s*(#.*)?$/.test(line)) continue;
      if (/^ */.exec(line)![0].length <= indent) break;
      end = lineEnd(text, next);
    }
    nodes.push({ start: at, end });
  }
  lastAnchors = { text, nodes };
  return nodes;
}
