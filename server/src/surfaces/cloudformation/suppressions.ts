/**
 * Suppressions in CloudFormation templates: where they are written, and the edits that write one.
 *
 * Read:
 * - YAML comments `# cognito-client-disable-next-line <id>...` and `# cognito-client-disable [<id>...]`,
 *   found with the `yaml` package's concrete syntax tree, so a `#` inside a block scalar or a quoted
 *   string is never taken for a comment;
 * - a resource's `Metadata: {cognito-client: {ignore: [<id>...]}}` (YAML and JSON; `ignore` may also
 *   be one string), covering that resource;
 * - the same entry in the template's top-level `Metadata`, covering the whole file (the only
 *   file-level form JSON has, since JSON templates have no comments).
 * Ignored: anything that is not literal (an intrinsic in `ignore`), directives in JSON comments
 * (CloudFormation rejects comments in JSON templates, so none are offered either).
 *
 * Written: the resource-level entry, merged into what is there (`Metadata`, its `cognito-client`
 * member, its `ignore` list), in the document's style; undefined when the resource or its metadata
 * is written in a shape this cannot extend safely (an intrinsic, a YAML flow resource, ...).
 */
import { CST, Lexer } from 'yaml';
import type { ClientDefinition, DocumentModel, Span } from '../../model';
import { DIRECTIVE_PREFIX, METADATA_IGNORE, METADATA_KEY, suppressionOfComment, type Suppression } from '../../suppress';
import type { SourceDocument, SpanEdit } from '../types';
import { findPair } from './edits-plan';
import { columnOf, eolOf, indentOfLine, jsonIndentUnit, lineEnd, lineStart, startsLine, yamlIndentUnit } from '../edits-text';
import { readJson } from './json';
import { get, literalString, pairOf, type MapNode, type PairNode, type ReadResult, type SeqNode, type TemplateNode } from './nodes';
import { treeOf } from './trees';
import { readYaml } from './yaml';

/** The metadata key a resource's suppressions live under. */
const METADATA = 'Metadata';

type Syntax = 'yaml' | 'json';

function readerOf(syntax: Syntax): (text: string) => ReadResult {
  return syntax === 'yaml' ? readYaml : readJson;
}

// ---------- reading ----------

/**
 * Every comment token of a YAML text, with its offset. Taken from the `yaml` package's lexer, which
 * tells comments from `#` inside scalars (quoted, plain or block) as the parser does, without
 * building the parser's tree (that cost a quarter of a large template's analysis whenever it held
 * a directive). Offsets add up the lexer's tokens as the parser counts them: the markers it inserts
 * (a scalar ahead, document mode, the end of a broken flow collection) take no room in the text.
 */
export function yamlComments(text: string): { span: Span; body: string }[] {
  const out: { span: Span; body: string }[] = [];
  let offset = 0;
  let scalarNext = false;
  try {
    for (const token of new Lexer().lex(text)) {
      if (scalarNext) {
        scalarNext = false;
        offset += token.length;
        continue;
      }
      const type = CST.tokenType(token);
      if (type === 'scalar') {
        scalarNext = true;
        continue;
      }
      if (type === 'doc-mode' || type === 'flow-error-end') continue;
      if (type === 'comment') out.push({ span: { start: offset, end: offset + token.length }, body: token.replace(/^#/, '') });
      offset += token.length;
    }
  } catch {
    return out; // a pathological input: whatever was found so far
  }
  return out;
}

/** The literal rule ids of an `ignore` value: a list of strings or one string. */
function idsOf(node: TemplateNode | undefined): string[] | undefined {
  if (!node || node.tag !== undefined) return undefined;
  const one = literalString(node);
  if (one !== undefined) return one.trim() ? [one.trim()] : undefined;
  if (node.kind !== 'seq') return undefined;
  const ids = node.items.map((item) => literalString(item)?.trim()).filter((id): id is string => id !== undefined && id.length > 0);
  return ids.length > 0 ? ids : undefined;
}

/** The `cognito-client` entry of a `Metadata` value, when its `ignore` names rule ids. */
function metadataEntry(metadata: TemplateNode | undefined): { at: Span; ids: string[] } | undefined {
  const entry = pairOf(metadata, METADATA_KEY);
  if (!entry) return undefined;
  const ids = idsOf(get(entry.value, METADATA_IGNORE));
  return ids ? { at: entry.span, ids } : undefined;
}

/** Resource-level and template-level metadata suppressions. */
function metadataSuppressions(text: string, root: TemplateNode | undefined, model: DocumentModel): Suppression[] {
  const out: Suppression[] = [];
  if (!root || root.kind !== 'map') return out;
  const top = metadataEntry(get(root, METADATA));
  if (top) out.push({ kind: 'file', rules: top.ids, scope: { start: 0, end: text.length }, at: top.at });
  for (const def of model.clients) {
    const pair = findPair(root, def.nameSpan);
    if (!pair || pair.value.kind !== 'map') continue;
    const entry = metadataEntry(get(pair.value, METADATA));
    if (entry) out.push({ kind: 'resource', rules: entry.ids, scope: pair.span, at: entry.at });
  }
  return out;
}

/** Suppressions in a YAML template. */
export function yamlSuppressions(doc: SourceDocument, model: DocumentModel): Suppression[] {
  const text = doc.text;
  if (!text.includes(DIRECTIVE_PREFIX)) return [];
  const out: Suppression[] = [];
  for (const comment of yamlComments(text)) {
    const s = suppressionOfComment(text, comment.span, comment.body);
    if (s) out.push(s);
  }
  // The tree the model was read from when it is of this text (reading a large template again costs what the first read did).
  out.push(...metadataSuppressions(text, treeOf(text, model, readYaml), model));
  return out;
}

/** Suppressions in a JSON template (metadata only: JSON templates have no comments). */
export function jsonSuppressions(doc: SourceDocument, model: DocumentModel): Suppression[] {
  const text = doc.text;
  if (!text.includes(DIRECTIVE_PREFIX)) return [];
  return metadataSuppressions(text, treeOf(text, model, readJson), model);
}

// ---------- writing ----------

/** A value to write: a map of values, a list of ids, or one id. */
type Value = string | string[] | { [key: string]: Value };

function isPlainMap(node: TemplateNode | undefined): node is MapNode {
  return node !== undefined && node.kind === 'map' && node.tag === undefined && !(node.pairs.length === 1 && /^(Ref|Fn::)/.test(node.pairs[0].key));
}

/** How one document writes things. */
interface Style {
  syntax: Syntax;
  text: string;
  eol: string;
  unit: string;
}

function yamlScalar(value: string): string {
  // Rule ids and the keys written here are plain words; anything else (or a word YAML reads as another type) is quoted.
  return /^[A-Za-z][A-Za-z0-9_-]*$/.test(value) && !/^(true|false|yes|no|y|n|on|off|null)$/i.test(value) ? value : JSON.stringify(value);
}

/** A value on one line. */
function inline(value: Value, style: Style): string {
  if (typeof value === 'string') return style.syntax === 'yaml' ? yamlScalar(value) : JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => inline(v, style)).join(', ')}]`;
  const key = (k: string) => (style.syntax === 'yaml' ? yamlScalar(k) : JSON.stringify(k));
  return `{${Object.entries(value).map(([k, v]) => `${key(k)}: ${inline(v, style)}`).join(', ')}}`;
}

/** A `key: value` member for a block (YAML) or multi-line (JSON) mapping, at an indent; no leading indent on its first line. */
function member(key: string, value: Value, indent: string, style: Style): string {
  if (style.syntax === 'yaml') {
    if (typeof value === 'string' || Array.isArray(value)) return `${yamlScalar(key)}: ${inline(value, style)}`;
    const inner = indent + style.unit;
    return `${yamlScalar(key)}:` + Object.entries(value).map(([k, v]) => `${style.eol}${inner}${member(k, v, inner, style)}`).join('');
  }
  if (typeof value === 'string' || Array.isArray(value)) return `${JSON.stringify(key)}: ${inline(value, style)}`;
  const inner = indent + style.unit;
  const body = Object.entries(value).map(([k, v]) => `${inner}${member(k, v, inner, style)}`).join(`,${style.eol}`);
  return `${JSON.stringify(key)}: {${style.eol}${body}${style.eol}${indent}}`;
}

/** Whether a node sits on one line. */
function oneLine(text: string, span: Span): boolean {
  return !text.slice(span.start, span.end).includes('\n');
}

/** The edit adding `key: value` to a mapping, after `after` (a pair of it) or after its last pair. */
function addMember(map: MapNode, key: string, value: Value, style: Style, after?: PairNode): SpanEdit | undefined {
  const { text } = style;
  if (map.pairs.length === 0) {
    // Only a written `{}` can be filled in place.
    if (text.slice(map.span.start, map.span.end).replace(/\s/g, '') !== '{}') return undefined;
    return { span: map.span, newText: inline({ [key]: value }, style) };
  }
  const anchor = after ?? map.pairs[map.pairs.length - 1];
  if (style.syntax === 'yaml' && map.flow) return { span: { start: anchor.span.end, end: anchor.span.end }, newText: `, ${yamlScalar(key)}: ${inline(value, style)}` };
  if (style.syntax === 'yaml') {
    // A block mapping: a new line after the anchor pair (and after a comment ending its last line).
    if (!oneLine(text, anchor.span) && anchor !== map.pairs[map.pairs.length - 1]) return undefined;
    const first = map.pairs[0];
    const indent = ' '.repeat(columnOf(text, first.keySpan.start));
    if (/\t/.test(text.slice(lineStart(text, first.keySpan.start), first.keySpan.start))) return undefined;
    const at = lineEnd(text, Math.max(anchor.span.start, anchor.span.end - 1));
    return { span: { start: at, end: at }, newText: `${style.eol}${indent}${member(key, value, indent, style)}` };
  }
  // JSON: after the anchor's value, before the comma that may follow it.
  const at = anchor.span.end;
  if (startsLine(text, anchor.keySpan.start)) {
    const indent = indentOfLine(text, anchor.keySpan.start);
    return { span: { start: at, end: at }, newText: `,${style.eol}${indent}${member(key, value, indent, style)}` };
  }
  return { span: { start: at, end: at }, newText: `, ${JSON.stringify(key)}: ${inline(value, style)}` };
}

/** The edit adding an id to a list. */
function addItem(seq: SeqNode, id: string, style: Style): SpanEdit | undefined {
  const { text } = style;
  const item = style.syntax === 'yaml' ? yamlScalar(id) : JSON.stringify(id);
  if (seq.items.length === 0) {
    if (text.slice(seq.span.start, seq.span.end).replace(/\s/g, '') !== '[]') return undefined;
    return { span: seq.span, newText: `[${item}]` };
  }
  const last = seq.items[seq.items.length - 1];
  if (style.syntax === 'yaml' && !seq.flow) {
    const first = seq.items[0];
    const lead = text.slice(lineStart(text, first.span.start), first.span.start);
    const dash = /^( *)-[ \t]+$/.exec(lead);
    if (!dash || !oneLine(text, last.span)) return undefined;
    const at = lineEnd(text, last.span.end);
    return { span: { start: at, end: at }, newText: `${style.eol}${dash[1]}- ${item}` };
  }
  if (style.syntax === 'json' && startsLine(text, last.span.start)) {
    return { span: { start: last.span.end, end: last.span.end }, newText: `,${style.eol}${indentOfLine(text, last.span.start)}${item}` };
  }
  return { span: { start: last.span.end, end: last.span.end }, newText: `, ${item}` };
}

/**
 * The edits that make the resource of `def` ignore `ruleId` through its `Metadata`; `[]` when it
 * already does; undefined when the resource is written in a shape this cannot extend safely.
 */
export function resourceIgnoreEdits(doc: SourceDocument, def: ClientDefinition, ruleId: string, syntax: Syntax, model?: DocumentModel): SpanEdit[] | undefined {
  const text = doc.text;
  // The tree `model` (of `def`) was read from, when it is of this text: reading a large template again costs what the first read did.
  const root = treeOf(text, model, readerOf(syntax));
  const pair = findPair(root, def.nameSpan);
  const resource = pair?.value;
  if (!isPlainMap(resource)) return undefined;
  // A YAML resource in flow style (`Client: {Type: ...}`) is rare; leave it alone.
  if (syntax === 'yaml' && resource.flow) return undefined;
  const style: Style = { syntax, text, eol: eolOf(text), unit: syntax === 'yaml' ? yamlIndentUnit(text) : jsonIndentUnit(text) };
  const one = (edit: SpanEdit | undefined): SpanEdit[] | undefined => (edit ? [edit] : undefined);

  const metadata = pairOf(resource, METADATA);
  if (!metadata) {
    const type = pairOf(resource, 'Type');
    const after = type && oneLine(text, type.span) ? type : undefined;
    return one(addMember(resource, METADATA, { [METADATA_KEY]: { [METADATA_IGNORE]: [ruleId] } }, style, after));
  }
  if (!isPlainMap(metadata.value)) return undefined;
  const entry = pairOf(metadata.value, METADATA_KEY);
  if (!entry) return one(addMember(metadata.value, METADATA_KEY, { [METADATA_IGNORE]: [ruleId] }, style));
  if (!isPlainMap(entry.value)) return undefined;
  const ignore = pairOf(entry.value, METADATA_IGNORE);
  if (!ignore) return one(addMember(entry.value, METADATA_IGNORE, [ruleId], style));
  const value = ignore.value;
  if (value.tag !== undefined) return undefined;
  const single = literalString(value);
  if (single !== undefined) {
    if (single.trim() === ruleId) return [];
    return [{ span: value.span, newText: `[${text.slice(value.span.start, value.span.end)}, ${syntax === 'yaml' ? yamlScalar(ruleId) : JSON.stringify(ruleId)}]` }];
  }
  if (value.kind !== 'seq') return undefined;
  if (value.items.some((item) => literalString(item)?.trim() === ruleId)) return [];
  return one(addItem(value, ruleId, style));
}
