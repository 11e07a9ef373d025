/**
 * Reads a Terraform JSON file (`*.tf.json`) into the blocks the Terraform model builder takes
 * (`./tree.ts`), with `jsonc-parser`.
 *
 * Recognised: every top-level key (`resource`, `data`, `variable`, `output`, `locals`, `module`,
 * `provider`, `terraform`, ...) with as many label levels as Terraform gives that block type, each
 * level written as an object or as an array of objects (`"resource": [{...}]`, `"web": [{...}]`,
 * as Terraform accepts both, and CDK for Terraform writes objects). A block body is read as
 * attributes only: in JSON a nested block is an object (or an array of objects) under a key, and
 * the builder, which knows which names are blocks, turns those into blocks.
 *
 * Values: JSON strings, numbers, booleans, null, arrays and objects become located values with
 * UTF-16 spans (jsonc-parser counts UTF-16 units, as JavaScript strings do). A string holding an
 * interpolation `${...}` or a directive `%{...}` is an expression, so Unknown; exactly `"${ref}"`
 * with a plain reference (`aws_x.y.id`, `data.x.y.z`, `var.x`, `local.x`, `module.m.out`) carries
 * the reference. `$${` and `%%{` are escapes: such a string is literal, with the escape undone.
 *
 * `"dynamic": {"x": {...}}` is read as the nested `dynamic "x"` blocks it stands for.
 *
 * Ignored: `"//"` keys (Terraform's JSON comments) in block structure and bodies. Comments and
 * trailing commas, which Terraform rejects, are tolerated rather than reported (terraform itself
 * reports them). Syntax errors become `problems`; whatever could be read is returned. Never throws.
 */
import { checkTime, OutOfTime, outOfTimeProblem, tick, untilOutOfTime } from '../../budget';
import type { Node as JsonNode } from 'jsonc-parser';
import type { LocatedProperty, LocatedValue, ParseProblem, Reference, Span, UnknownValue } from '../../model';
import { parseJson, readJsonMember, readJsonValue, spanOf, type JsonValueOptions } from '../json-values';
import type { TfAttribute, TfBlock, TfBody, TfFile, TfNestedBlock } from './tree';

export { parseJson, spanOf } from '../json-values';

/** The key Terraform ignores in JSON, for comments. */
export const JSON_COMMENT_KEY = '//';

/** How many labels each block type has; any other type has none. */
const LABELS: Record<string, number> = {
  resource: 2,
  data: 2,
  variable: 1,
  output: 1,
  module: 1,
  provider: 1,
  check: 1,
  ephemeral: 2,
};

/** The number of labels of a top-level block type. */
export function labelCount(kind: string): number {
  return LABELS[kind] ?? 0;
}

/**
 * Read a `.tf.json` text. Never throws. Within the request's time budget (../../budget.ts): the
 * clock is read before jsonc-parser (which cannot be stopped) and while the tree is walked; a
 * reading out of time gives an `unread` problem.
 */
export function readTerraformJson(text: string): TfFile {
  return untilOutOfTime(
    () => {
      checkTime();
      return readTerraformJsonTimed(text);
    },
    () => ({ blocks: [], problems: [outOfTimeProblem('The file')] }),
  );
}

function readTerraformJsonTimed(text: string): TfFile {
  const problems: ParseProblem[] = [];
  const blocks: TfBlock[] = [];
  const root = parseJson(text, problems);
  if (!root) return { blocks, problems };
  if (root.type !== 'object') {
    problems.push({ message: 'A Terraform JSON file holds one JSON object', span: spanOf(root) });
    return { blocks, problems };
  }
  try {
    for (const raw of rawBlocks(root)) {
      const { body, ...rest } = raw;
      blocks.push({ ...rest, body: readBody(body, text) });
    }
  } catch (error) {
    if (error instanceof OutOfTime) throw error;
    // Only a bug gets here; the blocks read so far stand.
    problems.push({ message: `The file could not be read: ${error instanceof Error ? error.message : String(error)}`, span: { start: 0, end: 0 } });
  }
  return { blocks, problems };
}

/** A top-level block as found in the JSON tree, its body still a JSON node (for the edit builders). */
export interface RawBlock extends Omit<TfBlock, 'body'> {
  /** The body object. */
  body: JsonNode;
  /** The member the body is written under is an array (`"web": [{...}]`) rather than the body itself. */
  inArray: boolean;
}

/** Every top-level block of a JSON root object, in document order. */
export function rawBlocks(root: JsonNode | undefined): RawBlock[] {
  const out: RawBlock[] = [];
  if (!root || root.type !== 'object') return out;
  for (const prop of root.children ?? []) {
    const key = prop.children?.[0];
    const value = prop.children?.[1];
    if (!key || !value || key.value === JSON_COMMENT_KEY) continue;
    const kind = String(key.value);
    readLevels(kind, labelCount(kind), [], [], prop, value, out);
  }
  return out;
}

/**
 * Walk the label levels of a block type down to its bodies. `entry` is the innermost object
 * member seen so far (`"web": {...}`); `value` is what it holds: an object keyed by the next label,
 * an array of such objects, or (with no labels left) a body or an array of bodies.
 */
function readLevels(kind: string, remaining: number, labels: string[], labelSpans: Span[], entry: JsonNode, value: JsonNode, out: RawBlock[]): void {
  if (remaining === 0) {
    const keySpan = spanOf(entry.children![0]);
    const nameSpan = labelSpans.length ? labelSpans[labelSpans.length - 1] : keySpan;
    const push = (body: JsonNode, span: Span, inArray: boolean) => out.push({ kind, labels, labelSpans, span, nameSpan, body, inArray });
    if (value.type === 'object') push(value, spanOf(entry), false);
    else if (value.type === 'array') {
      const items = (value.children ?? []).filter((item) => item.type === 'object');
      // One body in an array is the whole entry; several are each their own block.
      for (const item of items) push(item, items.length === 1 ? spanOf(entry) : spanOf(item), true);
    }
    return;
  }
  const objects = value.type === 'object' ? [value] : value.type === 'array' ? (value.children ?? []).filter((item) => item.type === 'object') : [];
  for (const obj of objects) {
    for (const prop of obj.children ?? []) {
      const key = prop.children?.[0];
      const inner = prop.children?.[1];
      if (!key || !inner || key.value === JSON_COMMENT_KEY) continue;
      readLevels(kind, remaining - 1, [...labels, String(key.value)], [...labelSpans, spanOf(key)], prop, inner, out);
    }
  }
}

/**
 * A block body: every member an attribute (nested blocks are objects to the builder), except
 * `"dynamic": {"<name>": {...}}`, the JSON form of `dynamic "<name>" { ... }` blocks: those are
 * nested blocks of type `dynamic` labelled with the name (located at the name's key), as HCL has them.
 */
function readBody(node: JsonNode, text: string): TfBody {
  const attributes: TfAttribute[] = [];
  const blocks: TfNestedBlock[] = [];
  for (const prop of node.children ?? []) {
    const key = prop.children?.[0];
    if (!key || key.value === JSON_COMMENT_KEY) continue;
    const value = prop.children?.[1];
    if (key.value === DYNAMIC && value && (value.type === 'object' || value.type === 'array')) {
      blocks.push(...dynamicBlocks(value, text));
      continue;
    }
    tick();
    const member = readMember(prop, 1, text);
    if (member) attributes.push({ name: member.name, nameSpan: member.keySpan, value: member.value, span: member.span });
  }
  return { attributes, blocks, span: spanOf(node) };
}

/** The key of Terraform's generated nested blocks. */
const DYNAMIC = 'dynamic';

/** The `dynamic` blocks under a `"dynamic"` key: each label, each of its bodies (an object or an array of objects). */
function dynamicBlocks(value: JsonNode, text: string): TfNestedBlock[] {
  const out: TfNestedBlock[] = [];
  const objects = value.type === 'object' ? [value] : (value.children ?? []).filter((item) => item.type === 'object');
  for (const obj of objects) {
    for (const prop of obj.children ?? []) {
      const label = prop.children?.[0];
      const inner = prop.children?.[1];
      if (!label || !inner || label.value === JSON_COMMENT_KEY) continue;
      const bodies = inner.type === 'object' ? [inner] : inner.type === 'array' ? (inner.children ?? []).filter((item) => item.type === 'object') : [];
      for (const body of bodies) out.push({ type: DYNAMIC, typeSpan: spanOf(label), labels: [String(label.value)], body: readBody(body, text), span: spanOf(prop) });
    }
  }
  return out;
}

/** A JSON value (of the document `text`) as a located value, strings read as Terraform templates and `"//"` members left out. */
export function readValue(node: JsonNode, text: string, depth = 0): LocatedValue {
  return readJsonValue(node, text, TERRAFORM_STRINGS, depth);
}

const TERRAFORM_STRINGS: JsonValueOptions = {
  string: (raw, span, source) => {
    tick();
    return stringValue(raw, span, source);
  },
  skipKey: JSON_COMMENT_KEY,
};

/** One object member of a body (`"key": value`), or undefined for a member without a key. */
function readMember(prop: JsonNode, depth: number, text: string): LocatedProperty | undefined {
  return readJsonMember(prop, text, TERRAFORM_STRINGS, depth);
}

/**
 * A JSON string as Terraform reads it: a template. Literal unless it holds an interpolation or a
 * directive; `$${` and `%%{` are written for a literal `${` and `%{`.
 */
export function stringValue(raw: string, span: Span, source?: string): LocatedValue {
  const template = templateParts(raw);
  if (!template) return { kind: 'string', value: unescapeTemplate(raw), quoted: true, span };
  if (template.whole !== undefined) {
    const expr = template.whole.trim();
    const ref = referenceOf(expr);
    if (ref) return { kind: 'unknown', reason: expr, ref, span };
    const conditional = source !== undefined ? conditionalBranches(source, span.start) : undefined;
    if (conditional) return { kind: 'unknown', reason: 'a conditional', alternatives: conditional.alternatives, branches: conditional.branches, span };
    return { kind: 'unknown', reason: describe(expr), span };
  }
  return { kind: 'unknown', reason: template.directive ? 'a template directive' : 'a template with interpolation', span };
}

/** A literal template's text: `$${` and `%%{` are a literal `${` and `%{`. */
function unescapeTemplate(raw: string): string {
  return raw.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
}

/**
 * The branches of a conditional written as a whole JSON string, `"${cond ? a : b}"`: each branch a
 * literal (a string without interpolation, a number, a boolean) or else Unknown, located in the
 * string as written in the document (`source`, with its quotes, at `offset`). `alternatives` are the
 * branches Terraform may set (a `null` branch leaves the argument unset, so it is left out);
 * `branches` names the condition as written (`var.prod`), so that properties decided by the same
 * condition are read as cases together. Undefined when the string is not such a conditional, or
 * holds escapes other than the quotes of strings.
 */
function conditionalBranches(source: string, offset: number): { alternatives: LocatedValue[]; branches: NonNullable<UnknownValue['branches']> } | undefined {
  if (!source.startsWith('"${') || !source.endsWith('}"')) return undefined;
  const from = 3;
  const to = source.length - 2;
  let depth = 0;
  let quoted = false;
  let question = -1;
  let colon = -1;
  for (let i = from; i < to; i++) {
    const c = source[i];
    if (c === '\\') {
      if (source[i + 1] !== '"') return undefined;
      quoted = !quoted;
      i++;
      continue;
    }
    if (quoted) continue;
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (depth === 0 && c === '?' && question < 0) question = i;
    else if (depth === 0 && c === ':' && question >= 0 && colon < 0) colon = i;
  }
  if (question < 0 || colon < 0 || quoted || depth !== 0) return undefined;
  const out: (LocatedValue | undefined)[] = [];
  for (const [start, end] of [
    [question + 1, colon],
    [colon + 1, to],
  ]) {
    let a = start;
    let b = end;
    while (a < b && /\s/.test(source[a])) a++;
    while (b > a && /\s/.test(source[b - 1])) b--;
    const branch = source.slice(a, b);
    const span = { start: offset + a, end: offset + b };
    const str = /^\\"([^\\"]*)\\"$/.exec(branch);
    if (str) {
      out.push(templateParts(str[1]) ? { kind: 'unknown', reason: 'a template with interpolation', span } : { kind: 'string', value: unescapeTemplate(str[1]), quoted: true, span });
    } else if (/^-?\d+(\.\d+)?$/.test(branch)) out.push({ kind: 'number', value: Number(branch), raw: branch, span });
    else if (branch === 'true' || branch === 'false') out.push({ kind: 'boolean', value: branch === 'true', span });
    else if (branch === 'null') out.push(undefined);
    else out.push({ kind: 'unknown', reason: describe(branch), span });
  }
  let condition: string;
  try {
    condition = (JSON.parse(`"${source.slice(from, question)}"`) as string).trim();
  } catch {
    return undefined;
  }
  const [whenTrue, whenFalse] = out;
  const branches: NonNullable<UnknownValue['branches']> = { condition };
  if (whenTrue) branches.whenTrue = whenTrue;
  if (whenFalse) branches.whenFalse = whenFalse;
  return { alternatives: out.filter((v): v is LocatedValue => v !== undefined), branches };
}

/**
 * Whether a string is a template: undefined when it is literal; `whole` is the expression when the
 * string is exactly one interpolation.
 */
function templateParts(raw: string): { whole?: string; directive: boolean } | undefined {
  let found = false;
  let directive = false;
  for (let i = 0; i < raw.length - 1; i++) {
    const c = raw[i];
    if (c !== '$' && c !== '%') continue;
    if (raw[i + 1] === c && raw[i + 2] === '{') {
      i += 2; // `$${` / `%%{`: an escaped sign and its brace
    } else if (raw[i + 1] === '{') {
      found = true;
      if (c === '%') directive = true;
    }
  }
  if (!found) return undefined;
  if (!directive && raw.startsWith('${') && raw.endsWith('}')) {
    const close = interpolationEnd(raw, 2);
    if (close === raw.length - 1) return { whole: raw.slice(2, -1), directive };
  }
  return { directive };
}

/** The index of the `}` closing an interpolation whose expression starts at `from` (braces and quotes balanced), or -1. */
function interpolationEnd(raw: string, from: number): number {
  let depth = 0;
  let quote = false;
  for (let i = from; i < raw.length; i++) {
    const c = raw[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === '"') quote = false;
      continue;
    }
    if (c === '"') quote = true;
    else if (c === '{') depth++;
    else if (c === '}') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/** Names that start a traversal but refer to no resource, variable or local. */
const NOT_ADDRESSES = new Set(['each', 'count', 'self', 'path', 'terraform', 'true', 'false', 'null']);

/**
 * The reference a traversal expression makes (`aws_x.y.id`, `aws_x.y[0].id`, `data.x.y.z`,
 * `var.x`, `local.x`, `module.m.out`), or undefined when it is not a plain traversal.
 */
export function referenceOf(expr: string): Reference | undefined {
  const names: string[] = [];
  const step = /\.([A-Za-z_][\w-]*)|\.(\d+|\*)|\[\s*(?:\d+|"[^"\\]*"|\*)\s*\]/y;
  const head = /^[A-Za-z_][\w-]*/.exec(expr);
  if (!head) return undefined;
  names.push(head[0]);
  let indexed = false;
  for (let at = head[0].length; at < expr.length; ) {
    step.lastIndex = at;
    const m = step.exec(expr);
    if (!m) return undefined;
    if (m[1] !== undefined && !indexed) names.push(m[1]);
    else indexed = true; // names after an index or splat are attributes of one instance: the first one is kept
    at = step.lastIndex;
  }
  const [root] = names;
  if (NOT_ADDRESSES.has(root) || names.length < 2) return undefined;
  if (root === 'var' || root === 'local') return { target: `${root}.${names[1]}` };
  const width = root === 'data' ? 3 : 2;
  if (names.length < width) return undefined;
  const target = names.slice(0, width).join('.');
  const attribute = names[width] ?? firstAttributeAfterIndex(expr, width);
  return attribute === undefined ? { target } : { target, attribute };
}

/** The first attribute name after an index (`aws_x.y[0].id` → `id`). */
function firstAttributeAfterIndex(expr: string, width: number): string | undefined {
  const m = /\]\s*\.([A-Za-z_][\w-]*)/.exec(expr);
  return width > 0 && m ? m[1] : undefined;
}

/** A short description of an expression that is not a reference. */
function describe(expr: string): string {
  if (/^[\w-]+\s*\(/.test(expr) && expr.endsWith(')')) return 'a function call';
  if (/^[[{]\s*for\s/.test(expr)) return 'a for expression';
  if (/\?[\s\S]*:/.test(expr)) return 'a conditional';
  if (/\[\*\]|\.\*/.test(expr)) return 'a splat';
  return '${...}';
}
