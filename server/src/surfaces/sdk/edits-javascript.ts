/**
 * The JS / TS edit builder: a fix's semantic changes as minimal edits of the object literal a call
 * is written with, in the call's spelling (API names for SDK calls, the CDK's camelCase for
 * `CfnUserPoolClient`).
 *
 * The changes are planned per written collection by the syntax-neutral planner of the
 * CloudFormation builders (JS object literals and arrays are flow collections with `//` and
 * `/* *\/` comments, exactly what it executes), and written here in the document's JS style: its
 * string quote (single or double), trailing commas in multi-line objects, spaces inside one-line
 * braces, its indentation; one-line objects and arrays stay on one line. Enum values are written as
 * string literals; keys as identifiers (quoted only when they must be).
 *
 * Refused (undefined): edits outside the literal the call's properties are written in (a value
 * bound to a name elsewhere, the members a spread lends, a literal bound to a name that other code
 * uses too), additions that a spread written after them would override, and dependencies (code
 * has no place for them).
 */
import { keptUnlessGivenUp } from '../../budget';
import type { ClientDefinition, DocumentModel, LocatedProperty, ObjectValue, SemanticChange, SemanticFix, Span } from '../../model';
import type { JsonValue } from '../../schema/types';
import { flowEdits, type FlowRenderer } from '../edits-flow';
import { planFix } from '../cloudformation/edits-plan';
import { eolOf, jsonIndentUnit } from '../edits-text';
import type { EditBuilder, SourceDocument, SpanEdit } from '../types';
import { readJavaScriptDetailed, type JsDialect, type JsRead } from './javascript';

/** How a document writes JS literals. */
export interface JsStyle {
  eol: string;
  unit: string;
  quote: '"' | "'";
  /** Multi-line objects and arrays end their last entry with a comma. */
  trailingComma: boolean;
  /** One-line objects are written `{ a: 1 }` rather than `{a: 1}`. */
  braceSpace: boolean;
  /** The call is laid out over several lines (new objects are too). */
  pretty: boolean;
}

/** The grammar a document is read with (as the surface chooses it). */
export function jsDialectOf(doc: Pick<SourceDocument, 'uri' | 'languageId'>): JsDialect {
  const path = doc.uri.replace(/[?#].*$/, '').toLowerCase();
  if (/\.tsx$/.test(path)) return 'tsx';
  if (/\.(ts|mts|cts)$/.test(path)) return 'typescript';
  if (/\.(js|mjs|cjs|jsx)$/.test(path)) return 'javascript';
  return doc.languageId === 'typescriptreact' ? 'tsx' : doc.languageId === 'typescript' ? 'typescript' : 'javascript';
}

let lastRead: { text: string; dialect: JsDialect; read: JsRead | undefined } | undefined;

/** The document read again (the last answer is kept: one text is asked about once per finding). */
function readAgain(text: string, dialect: JsDialect): JsRead | undefined {
  if (lastRead && lastRead.text === text && lastRead.dialect === dialect) return lastRead.read;
  const read = keptUnlessGivenUp(
    () => readJavaScriptDetailed(text, dialect),
    (kept) => (lastRead = { text, dialect, read: kept }),
  );
  return read;
}

const SPACE = /\s/;

/**
 * How many closing `}` / `]` follow a line break, in one linear pass: the number of matches of
 * `/\n\s*[}\]]/g` (`any`), `/,\s*\n\s*[}\]]/g` (`comma`) or `/[^,\s{[]\s*\n\s*[}\]]/g` (`other`).
 * Those patterns rescan a run of white space from every line break in it, so a string literal of
 * many line breaks took quadratic time; this walks each run once and gives the same counts.
 */
export function closingsAfterBreak(s: string, before: 'any' | 'comma' | 'other'): number {
  let count = 0;
  let lastEnd = 0; // where the previous match ended: matches do not overlap
  let runStart = -1; // the start of the white space run before i, -1 when there is none
  let runHasBreak = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (SPACE.test(c)) {
      if (runStart < 0) {
        runStart = i;
        runHasBreak = false;
      }
      if (c === '\n') runHasBreak = true;
      continue;
    }
    if ((c === '}' || c === ']') && runStart >= 0 && runHasBreak) {
      const p = runStart - 1; // the character before the run: never white space
      const ok = before === 'any' || (p >= lastEnd && (before === 'comma' ? s[p] === ',' : !',{['.includes(s[p])));
      if (ok) {
        count++;
        lastEnd = i + 1;
      }
    }
    runStart = -1;
  }
  return count;
}

/** Read the style of a document around a region (the call), falling back to the whole text. */
export function jsStyle(text: string, region: Span): JsStyle {
  const local = text.slice(region.start, region.end);
  const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;
  const quoteIn = (s: string): '"' | "'" | undefined => {
    const single = count(s, /(^|[\s[{(,:=])'/g);
    const double = count(s, /(^|[\s[{(,:=])"/g);
    return single > double ? "'" : double > single ? '"' : undefined;
  };
  const trailing = (s: string) => closingsAfterBreak(s, 'comma') > closingsAfterBreak(s, 'other');
  const multiLineEnds = closingsAfterBreak(local, 'any');
  return {
    eol: eolOf(text),
    unit: jsonIndentUnit(local.includes('\n') ? local : text),
    quote: quoteIn(local) ?? quoteIn(text) ?? "'",
    trailingComma: multiLineEnds > 0 ? trailing(local) : trailing(text),
    braceSpace: count(local, /\{ \S/g) + count(text, /\{ \S[^\n]*\S \}/g) >= count(local, /\{[^\s}]/g),
    pretty: local.includes('\n'),
  };
}

/** A string literal in the document's quote. */
export function jsString(value: string, quote: '"' | "'"): string {
  const json = JSON.stringify(value);
  if (quote === '"') return json;
  return `'${json.slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

/** A key: an identifier as it is, anything else quoted. */
export function jsKey(name: string, quote: '"' | "'"): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : jsString(name, quote);
}

function jsScalar(value: JsonValue, style: JsStyle): string {
  return typeof value === 'string' ? jsString(value, style.quote) : JSON.stringify(value);
}

/** A value on one line. `{ $code: text }` is code written as it is (a CDK `Duration.minutes(5)`). */
export function jsInline(value: JsonValue, style: JsStyle): string {
  if (value === null || typeof value !== 'object') return jsScalar(value, style);
  if (!Array.isArray(value) && typeof value.$code === 'string' && Object.keys(value).length === 1) return value.$code;
  if (Array.isArray(value)) return `[${value.map((v) => jsInline(v, style)).join(', ')}]`;
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  const body = entries.map(([k, v]) => `${jsKey(k, style.quote)}: ${jsInline(v, style)}`).join(', ');
  return style.braceSpace ? `{ ${body} }` : `{${body}}`;
}

/** A value laid out over lines (objects; arrays stay on one line), its first line continuing the current one. */
export function jsLines(value: JsonValue, indent: string, style: JsStyle): string {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || typeof value.$code === 'string') return jsInline(value, style);
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  const inner = indent + style.unit;
  const body = entries.map(([k, v]) => `${inner}${jsKey(k, style.quote)}: ${jsLines(v, inner, style)}`).join(',' + style.eol);
  return `{${style.eol}${body}${style.trailingComma ? ',' : ''}${style.eol}${indent}}`;
}

function renderer(style: JsStyle): FlowRenderer {
  const valueText = (value: JsonValue, indent: string | undefined) => (indent === undefined ? jsInline(value, style) : jsLines(value, indent, style));
  return {
    syntax: 'json',
    eol: style.eol,
    unit: style.unit,
    comma: ', ',
    entry(e, _c, indent) {
      return (e.key === undefined ? '' : `${jsKey(e.key, style.quote)}: `) + valueText(e.value, indent);
    },
    value(_c, _index, value, indent) {
      return valueText(value, indent);
    },
    expandEmpty: () => style.pretty,
  };
}

/** A derived definition as its source's props (members' canonical names are their own names), for fixes in those names. */
function asWritten(def: ClientDefinition): ClientDefinition | undefined {
  const source = def.derived?.source;
  if (!source) return undefined;
  const named = (value: ObjectValue['members'][number]['value']): ObjectValue['members'][number]['value'] => {
    if (value.kind === 'object') return { ...value, members: value.members.map((m) => ({ ...m, canonical: m.name, value: named(m.value) })) };
    if (value.kind === 'list') return { ...value, items: value.items.map(named) };
    return value;
  };
  return { ...def, derived: undefined, body: named(source) as ObjectValue };
}

function inside(span: Span, region: Span): boolean {
  return region.start <= span.start && span.end <= region.end;
}

/** Whether a change's target is a member lent by a spread (written in another literal). */
function lentTarget(change: SemanticChange, lent: Set<string>): boolean {
  if (change.kind === 'renameKey' || change.kind === 'removeKey' || change.kind === 'addDependency') return false;
  return lent.has(change.path[0]);
}

/**
 * The edits that apply a fix to a JS / TS call, or undefined when it cannot be done safely.
 */
export const javascriptEdits: EditBuilder = (doc: SourceDocument, derivedOrOwn: ClientDefinition, fix: SemanticFix, _model: DocumentModel): SpanEdit[] | undefined => {
  const text = doc.text;
  // The CDK L2: fixes address its props as written (each member named as itself).
  const def = derivedOrOwn.derived ? asWritten(derivedOrOwn) : derivedOrOwn;
  if (!def) return undefined;
  const body = def.body;
  if (!body || body.kind !== 'object') return undefined;
  if (fix.changes.some((c) => c.kind === 'addDependency')) return undefined;
  const read = readAgain(text, jsDialectOf(doc));
  const call = read?.file.calls.find((c) => c.span.start === def.span.start && c.span.end === def.span.end);
  const editable = call ? read!.notes.get(call)?.editable : undefined;
  if (!editable || editable.start !== body.span.start || editable.end !== body.span.end) return undefined;

  // Members a spread lends are written in another literal: a change to one is refused, except
  // setting a whole top-level property, which a member written after the spread does (it wins).
  const own: LocatedProperty[] = [];
  const lent = new Set<string>();
  for (const m of body.members) {
    if (inside(m.span, body.span)) own.push(m);
    else if (m.canonical !== undefined) lent.add(m.canonical);
  }
  for (const change of fix.changes) {
    if (!lentTarget(change, lent)) continue;
    const wholeSet = (change.kind === 'set' || change.kind === 'insert') && change.path.length === 1;
    if (!wholeSet || own.some((m) => m.canonical === change.path[0])) return undefined;
  }
  const ownBody: ObjectValue = { ...body, members: own };
  const ownDef: ClientDefinition = { ...def, body: ownBody };

  const plan = planFix(text, ownDef, undefined, fix);
  if (!plan) return undefined;
  const style = jsStyle(text, def.span);
  const r = renderer(style);
  const edits: SpanEdit[] = [];
  for (const p of plan.containers) {
    if (p.container.kind === 'map' && p.members.size > 0) {
      // A spread after the new members would override them.
      const anchor = p.after !== undefined ? p.container.entries[p.after] : p.container.entries[p.container.entries.length - 1];
      const tail = text.slice(anchor ? anchor.span.end : p.container.span.start, p.container.span.end);
      if (tail.includes('...')) return undefined;
    }
    const made = flowEdits(text, p, r);
    if (!made) return undefined;
    edits.push(...made);
  }
  for (const k of plan.keys) {
    const written = text[k.keySpan.start];
    const quote = written === '"' || written === "'" ? written : undefined;
    edits.push({ span: k.keySpan, newText: quote ? jsString(k.name, quote) : jsKey(k.name, style.quote) });
  }
  // Every edit stays inside the literal, and off values written elsewhere and resolved through a name.
  const resolved: Span[] = [];
  const visit = (value: ObjectValue['members'][number]['value']): void => {
    if (value.resolvedFrom !== undefined) resolved.push(value.span);
    else if (value.kind === 'list') value.items.forEach(visit);
    else if (value.kind === 'object') value.members.forEach((m) => visit(m.value));
  };
  own.forEach((m) => visit(m.value));
  for (const e of edits) {
    if (!inside(e.span, editable)) return undefined;
    if (resolved.some((s) => e.span.start <= s.end && s.start <= e.span.end)) return undefined;
  }
  return edits;
};
