/**
 * Writing JSON values into a JSON document in its own layout, for the JSON edit builders
 * (CloudFormation JSON templates, Terraform JSON): values on one line or laid out over lines at the
 * document's indentation, with its `:` and `,` spacing, and the flow renderer the collection
 * executor (`./edits-flow.ts`) writes new entries and values with.
 */
import { createScanner, SyntaxKind } from 'jsonc-parser';
import type { JsonValue } from '../schema/types';
import type { FlowRenderer } from './edits-flow';

/** How a JSON document writes things. */
export interface JsonLayout {
  eol: string;
  unit: string;
  /** Between a key and its value: `": "` or `":"`. */
  colon: string;
  /** Between entries on one line, where a collection shows no separator of its own. */
  comma: string;
  /** The object being edited is laid out over several lines (new objects and arrays are too). */
  pretty: boolean;
  /** Values written on one line even inside a multi-line layout (CloudFormation's one-line intrinsics). */
  keepInline?: (value: JsonValue) => boolean;
}

/** `,` or `, ` by which a text writes more often between entries on one line; undefined when it does neither. */
export function jsonCommaOf(text: string): string | undefined {
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

/**
 * The flow renderer for JSON collections of the document `text`: new entries and values in the
 * document's layout; a one-line array or object written over keeps its own separator.
 */
export function jsonRenderer(text: string, layout: JsonLayout): FlowRenderer {
  const valueText = (value: JsonValue, indent: string | undefined, l = layout) => (indent === undefined ? jsonInline(value, l) : jsonLines(value, indent, l));
  return {
    syntax: 'json',
    eol: layout.eol,
    unit: layout.unit,
    comma: layout.comma,
    entry(e, _c, indent) {
      return (e.key === undefined ? '' : JSON.stringify(e.key) + layout.colon) + valueText(e.value, indent);
    },
    value(c, index, value, indent) {
      const old = c.entries[index]?.value.span;
      const comma = old && ownSeparator(text.slice(old.start, old.end));
      return valueText(value, indent, comma ? { ...layout, comma } : layout);
    },
    expandEmpty: () => layout.pretty,
  };
}
