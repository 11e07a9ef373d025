/**
 * Writing JSON values into a JSON document in its own layout, for the JSON edit builders
 * (CloudFormation JSON templates, Terraform JSON): values on one line or laid out over lines at the
 * document's indentation, with its `:` and `,` spacing, and the flow renderer the collection
 * executor (`./edits-flow.ts`) writes new entries and values with.
 */
import type { JsonValue } from '../schema/types';
import type { FlowRenderer } from './edits-flow';

/** How a JSON document writes things. */
export interface JsonLayout {
  eol: string;
  unit: string;
  /** Between a key and its value: `": "` or `":"`. */
  colon: string;
  /** Between entries on one line. */
  comma: string;
  /** The object being edited is laid out over several lines (new objects and arrays are too). */
  pretty: boolean;
  /** Between items added on one line to a collection with fewer than two entries (the collection executor's default otherwise). */
  separator?: string;
  /** Values written on one line even inside a multi-line layout (CloudFormation's one-line intrinsics). */
  keepInline?: (value: JsonValue) => boolean;
}

/** The comma spacing a document uses most: `,` or `, `. */
export function jsonCommaOf(text: string): string {
  const tight = (text.match(/[\]}"\d],["{[\d]/g) ?? []).length;
  const spaced = (text.match(/[\]}"\d], ["{[\d]/g) ?? []).length;
  return tight > spaced ? ',' : ', ';
}

/** The colon spacing of the first `"key":` in a piece of text, `: ` when it has none. */
export function jsonColonOf(text: string): string {
  const colon = /"[ \t]*:([ \t]*)\S/.exec(text);
  return colon ? ':' + colon[1] : ': ';
}

/** A value on one line. */
export function jsonInline(value: JsonValue, layout: JsonLayout): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => jsonInline(v, layout)).join(layout.comma)}]`;
  return `{${Object.entries(value).map(([k, v]) => JSON.stringify(k) + layout.colon + jsonInline(v, layout)).join(layout.comma)}}`;
}

/** A value laid out over lines, its first line continuing the current one and the rest at `indent`. */
export function jsonLines(value: JsonValue, indent: string, layout: JsonLayout): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (layout.keepInline?.(value)) return jsonInline(value, layout);
  const inner = indent + layout.unit;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[${layout.eol}${value.map((v) => inner + jsonLines(v, inner, layout)).join(',' + layout.eol)}${layout.eol}${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  return `{${layout.eol}${entries.map(([k, v]) => inner + JSON.stringify(k) + layout.colon + jsonLines(v, inner, layout)).join(',' + layout.eol)}${layout.eol}${indent}}`;
}

/** The flow renderer for JSON collections: new entries and values in the document's layout. */
export function jsonRenderer(layout: JsonLayout): FlowRenderer {
  const valueText = (value: JsonValue, indent: string | undefined) => (indent === undefined ? jsonInline(value, layout) : jsonLines(value, indent, layout));
  return {
    syntax: 'json',
    eol: layout.eol,
    unit: layout.unit,
    entry(e, _c, indent) {
      return (e.key === undefined ? '' : JSON.stringify(e.key) + layout.colon) + valueText(e.value, indent);
    },
    value(_c, _index, value, indent) {
      return valueText(value, indent);
    },
    expandEmpty: () => layout.pretty,
    separator: layout.separator,
  };
}
