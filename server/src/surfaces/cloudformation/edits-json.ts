/**
 * The JSON edit builder: a fix's semantic changes as minimal text edits to a CloudFormation JSON
 * template, in the template's own layout.
 *
 * Kept as written: each object's and array's layout (one line, or one entry per line at its
 * indentation), the document's indentation step (spaces or tabs), its `:` spacing, intrinsics on
 * one line (`{"Ref": "X"}`) or over several as the document writes them, commas (removing the
 * last entry removes the comma before it), comments in JSON-with-comments files, and CRLF.
 *
 * Refused (undefined): a `Properties` that is an intrinsic, a target inside an intrinsic or under a
 * value of another kind, and several changes to one collection when comments sit between its
 * entries.
 */
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

/** Read a document's style around a definition. */
export function jsonStyle(text: string, def: ClientDefinition): JsonStyle {
  const colon = /"[ \t]*:([ \t]*)\S/.exec(text.slice(def.span.start, def.span.end));
  return {
    ...documentStyle(text),
    colon: colon ? ':' + colon[1] : ': ',
    pretty: text.slice(def.span.start, def.span.end).includes('\n'),
  };
}

type DocumentStyle = Pick<JsonStyle, 'eol' | 'unit' | 'comma' | 'inlineIntrinsics'>;

let lastDocumentStyle: { text: string; style: DocumentStyle } | undefined;

/** What the whole document says about its style; the last answer is kept (one text is asked about once per finding). */
function documentStyle(text: string): DocumentStyle {
  if (lastDocumentStyle?.text === text) return lastDocumentStyle.style;
  const oneLineIntrinsics = (text.match(/\{[ \t]*"(?:Ref|Fn::[A-Za-z]+)"[ \t]*:/g) ?? []).length;
  const multiLineIntrinsics = (text.match(/\{[ \t]*\r?\n\s*"(?:Ref|Fn::[A-Za-z]+)"[ \t]*:/g) ?? []).length;
  const tightCommas = (text.match(/[\]}"\d],["{[\d]/g) ?? []).length;
  const spacedCommas = (text.match(/[\]}"\d], ["{[\d]/g) ?? []).length;
  const style: DocumentStyle = {
    eol: eolOf(text),
    unit: jsonIndentUnit(text),
    comma: tightCommas > spacedCommas ? ',' : ', ',
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

function renderer(style: JsonStyle): FlowRenderer {
  const valueText = (value: JsonValue, indent: string | undefined) => (indent === undefined ? jsonInline(value, style) : jsonLines(value, indent, style));
  return {
    syntax: 'json',
    eol: style.eol,
    unit: style.unit,
    entry(e, _c, indent) {
      return (e.key === undefined ? '' : JSON.stringify(e.key) + style.colon) + valueText(e.value, indent);
    },
    value(_c, _index, value, indent) {
      return valueText(value, indent);
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
  const r = renderer(style);
  const edits: SpanEdit[] = [];
  for (const p of plan.containers) {
    const made = flowEdits(text, p, r);
    if (!made) return undefined;
    edits.push(...made);
  }
  for (const k of plan.keys) edits.push({ span: k.keySpan, newText: JSON.stringify(k.name) });
  return edits;
}
