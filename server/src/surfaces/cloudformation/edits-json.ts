/**
 * The JSON edit builder: a fix's semantic changes as minimal text edits to a CloudFormation JSON
 * template, in the template's own layout.
 *
 * Kept as written: each object's and array's layout (one line, or one entry per line at its
 * indentation), the document's indentation step (spaces or tabs), its `:` spacing, intrinsics on
 * one line (`{"Ref": "X"}`) or over several as the document writes them, commas (removing the
 * last entry removes the comma before it), the separator between entries on one line (`,` or
 * `, `: the collection's own, else the client's, else the document's), comments in
 * JSON-with-comments files, and CRLF.
 *
 * Refused (undefined): a `Properties` that is an intrinsic, a target inside an intrinsic or under a
 * value of another kind, and several changes to one collection when comments sit between its
 * entries.
 */
import { createScanner, SyntaxKind } from 'jsonc-parser';
import type { ClientDefinition, DocumentModel } from '../../model';
import type { SemanticFix } from '../../model';
import type { JsonValue } from '../../schema/types';
import type { SourceDocument, SpanEdit } from '../types';
import { flowEdits, type FlowRenderer } from './edits-flow';
import { findPair, isIntrinsicValue, planFix } from './edits-plan';
import { eolOf, jsonIndentUnit } from './edits-text';
import { readJson } from './json';
import { treeOf } from './trees';

/** How the document writes things. */
export interface JsonStyle {
  eol: string;
  unit: string;
  /** Between a key and its value: `": "` or `":"`. */
  colon: string;
  /** Between entries on one line. */
  comma: string;
  /** Intrinsics written on one line (`{"Ref": "X"}`) rather than over several. */
  inlineIntrinsics: boolean;
  /** The client's resource is laid out over several lines (new objects and arrays are too). */
  pretty: boolean;
}

/** Read a document's style around a definition: the definition's own where it shows one, else the document's. */
export function jsonStyle(text: string, def: ClientDefinition): JsonStyle {
  const own = text.slice(def.span.start, def.span.end);
  const colon = /"[ \t]*:([ \t]*)\S/.exec(own);
  const document = documentStyle(text);
  return {
    ...document,
    colon: colon ? ':' + colon[1] : ': ',
    comma: commaStyle(own) ?? document.comma,
    pretty: own.includes('\n'),
  };
}

/** `,` or `, ` by which a text writes more often between entries on one line; undefined when it does neither. */
function commaStyle(text: string): string | undefined {
  const tight = (text.match(/[\]}"\d],["{[\d]/g) ?? []).length;
  const spaced = (text.match(/[\]}"\d], ["{[\d]/g) ?? []).length;
  if (tight === 0 && spaced === 0) return undefined;
  return tight > spaced ? ',' : ', ';
}

/**
 * The separator a one-line array or object written as `text` puts between its entries (`,`,
 * `, `, ` , `...), or undefined when it shows none (on several lines, or fewer than two entries).
 */
export function ownSeparator(text: string): string | undefined {
  if (text.includes('\n')) return undefined;
  const scanner = createScanner(text, false);
  let depth = 0;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.OpenBraceToken || kind === SyntaxKind.OpenBracketToken) depth++;
    else if (kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken) depth--;
    else if (kind === SyntaxKind.CommaToken && depth === 1) {
      const at = scanner.getTokenOffset();
      let start = at;
      while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
      let end = at + 1;
      while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
      return text.slice(start, end);
    }
  }
  return undefined;
}

type DocumentStyle = Pick<JsonStyle, 'eol' | 'unit' | 'comma' | 'inlineIntrinsics'>;

let lastDocumentStyle: { text: string; style: DocumentStyle } | undefined;

/** What the whole document says about its style; the last answer is kept (one text is asked about once per finding). */
function documentStyle(text: string): DocumentStyle {
  if (lastDocumentStyle?.text === text) return lastDocumentStyle.style;
  const oneLineIntrinsics = (text.match(/\{[ \t]*"(?:Ref|Fn::[A-Za-z]+)"[ \t]*:/g) ?? []).length;
  const multiLineIntrinsics = (text.match(/\{[ \t]*\r?\n\s*"(?:Ref|Fn::[A-Za-z]+)"[ \t]*:/g) ?? []).length;
  const style: DocumentStyle = {
    eol: eolOf(text),
    unit: jsonIndentUnit(text),
    comma: commaStyle(text) ?? ', ',
    inlineIntrinsics: oneLineIntrinsics >= multiLineIntrinsics,
  };
  lastDocumentStyle = { text, style };
  return style;
}

/** A value on one line. */
export function jsonInline(value: JsonValue, style: JsonStyle): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => jsonInline(v, style)).join(style.comma)}]`;
  return `{${Object.entries(value).map(([k, v]) => JSON.stringify(k) + style.colon + jsonInline(v, style)).join(style.comma)}}`;
}

/** A value laid out over lines, its first line continuing the current one and the rest at `indent`. */
export function jsonLines(value: JsonValue, indent: string, style: JsonStyle): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (isIntrinsicValue(value) && style.inlineIntrinsics) return jsonInline(value, style);
  const inner = indent + style.unit;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[${style.eol}${value.map((v) => inner + jsonLines(v, inner, style)).join(',' + style.eol)}${style.eol}${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  return `{${style.eol}${entries.map(([k, v]) => inner + JSON.stringify(k) + style.colon + jsonLines(v, inner, style)).join(',' + style.eol)}${style.eol}${indent}}`;
}

function renderer(text: string, style: JsonStyle): FlowRenderer {
  const valueText = (value: JsonValue, indent: string | undefined, s = style) => (indent === undefined ? jsonInline(value, s) : jsonLines(value, indent, s));
  return {
    syntax: 'json',
    eol: style.eol,
    unit: style.unit,
    comma: style.comma,
    entry(e, _c, indent) {
      return (e.key === undefined ? '' : JSON.stringify(e.key) + style.colon) + valueText(e.value, indent);
    },
    value(c, index, value, indent) {
      // A one-line array or object written over keeps its own separator.
      const old = c.entries[index]?.value.span;
      const comma = old && ownSeparator(text.slice(old.start, old.end));
      return valueText(value, indent, comma ? { ...style, comma } : style);
    },
    expandEmpty: () => style.pretty,
  };
}

/** The edits that apply a fix to a client in a JSON template, or undefined when it cannot be done safely. */
export function jsonFixEdits(doc: SourceDocument, def: ClientDefinition, fix: SemanticFix, model?: DocumentModel): SpanEdit[] | undefined {
  const text = doc.text;
  const resource = findPair(treeOf(text, model, readJson), def.nameSpan);
  const plan = planFix(text, def, resource, fix);
  if (!plan) return undefined;
  const style = jsonStyle(text, def);
  const r = renderer(text, style);
  const edits: SpanEdit[] = [];
  for (const p of plan.containers) {
    const made = flowEdits(text, p, r);
    if (!made) return undefined;
    edits.push(...made);
  }
  for (const k of plan.keys) edits.push({ span: k.keySpan, newText: JSON.stringify(k.name) });
  return edits;
}
