/**
 * Reading JSON text into located values with `jsonc-parser`, shared by the JSON surfaces that read
 * plain JSON values (Terraform JSON, the API's own shape): the parse with its errors as problems,
 * node spans, and the value walk. How a string reads (a Terraform template, or a plain literal) and
 * which keys are left out (Terraform's `"//"` comments) is each surface's choice.
 */
import { type Node as JsonNode, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { LocatedProperty, LocatedValue, ParseProblem, Span } from '../model';
import { CUT_DEPTH, cutDeepJson } from './cloudformation/depth';

/** How deep values are followed; anything deeper is Unknown. */
const MAX_DEPTH = 200;

/** How a surface reads JSON values. */
export interface JsonValueOptions {
  /** A string value: `raw` is its decoded text, `source` the text as written (quotes included). */
  string(raw: string, span: Span, source: string): LocatedValue;
  /** A key whose members are left out of objects (Terraform's `"//"`). */
  skipKey?: string;
}

/** Plain JSON strings: every string is a literal. */
export const PLAIN_STRINGS: JsonValueOptions = { string: (value, span) => ({ kind: 'string', value, quoted: true, span }) };

/**
 * jsonc-parser's tree of a text, its errors as problems. Comments and trailing commas are
 * tolerated. jsonc-parser recurses once per nesting level, so a few thousand nested brackets
 * overflow the stack: then what nests deeper than `CUT_DEPTH` is blanked (it would be Unknown
 * anyway) and the rest read; what still cannot be read is an `unread` problem naming `what`.
 */
export function parseJson(text: string, problems: ParseProblem[], what = 'The JSON'): JsonNode | undefined {
  const errors: ParseError[] = [];
  // A byte order mark is not JSON; blank it out without moving any offset.
  const source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const parse = (json: string): JsonNode | undefined => {
    errors.length = 0;
    return parseTree(json, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  };
  let tree: JsonNode | undefined;
  try {
    try {
      tree = parse(source);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      tree = parse(cutDeepJson(source));
    }
  } catch (error) {
    const reason = error instanceof RangeError ? `it nests too deep to be read (more than ${CUT_DEPTH} levels)` : `it could not be read (${error instanceof Error ? error.message : String(error)})`;
    problems.push({ message: `${what} was not read: ${reason}`, span: { start: 0, end: 0 }, unread: true });
    return undefined;
  }
  for (const e of errors) {
    const start = Math.min(e.offset, text.length);
    problems.push({ message: messageOf(e), span: { start, end: Math.min(text.length, start + e.length) } });
  }
  return tree;
}

/** `CommaExpected` → `Comma expected`. */
export function messageOf(error: ParseError): string {
  // One text per error code, made once: a broken document can have hundreds of thousands of errors.
  let message = messages.get(error.error);
  if (message === undefined) {
    message = describeCode(error);
    messages.set(error.error, message);
  }
  return message;
}

const messages = new Map<number, string>();

function describeCode(error: ParseError): string {
  const words = printParseErrorCode(error.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The span of a JSON node. */
export function spanOf(node: JsonNode): Span {
  return { start: node.offset, end: node.offset + node.length };
}

/** One object member (`"key": value`), or undefined for a member without a key. */
export function readJsonMember(prop: JsonNode, text: string, options: JsonValueOptions, depth = 0): LocatedProperty | undefined {
  const key = prop.children?.[0];
  if (!key) return undefined;
  const keySpan = spanOf(key);
  const valueNode = prop.children?.[1];
  // A key written without a value (`"name":` in a half-typed file) reads as null at the colon.
  const at = prop.colonOffset !== undefined ? prop.colonOffset + 1 : keySpan.end;
  const value: LocatedValue = valueNode ? readJsonValue(valueNode, text, options, depth) : { kind: 'null', span: { start: at, end: at } };
  return { name: String(key.value ?? ''), keySpan, value, span: { start: keySpan.start, end: Math.max(keySpan.end, value.span.end) } };
}

/** A JSON value (of the document `text`) as a located value. */
export function readJsonValue(node: JsonNode, text: string, options: JsonValueOptions, depth = 0): LocatedValue {
  const span = spanOf(node);
  if (depth > MAX_DEPTH) return { kind: 'unknown', reason: 'nesting too deep', span };
  switch (node.type) {
    case 'object': {
      const members: LocatedProperty[] = [];
      for (const prop of node.children ?? []) {
        if (options.skipKey !== undefined && prop.children?.[0]?.value === options.skipKey) continue;
        const m = readJsonMember(prop, text, options, depth + 1);
        if (m) members.push(m);
      }
      return { kind: 'object', members, flow: true, span };
    }
    case 'array':
      return { kind: 'list', items: (node.children ?? []).map((child) => readJsonValue(child, text, options, depth + 1)), flow: true, span };
    case 'string':
      return options.string(String(node.value ?? ''), span, text.slice(span.start, span.end));
    case 'number':
      return { kind: 'number', value: Number(node.value), raw: String(node.value), span };
    case 'boolean':
      return { kind: 'boolean', value: node.value === true, span };
    case 'null':
      return { kind: 'null', span };
    default:
      return { kind: 'unknown', reason: 'unreadable', span };
  }
}
