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
import type { ClientDefinition, DocumentModel } from '../../model';
import type { SemanticFix } from '../../model';
import type { SourceDocument, SpanEdit } from '../types';
import { flowEdits } from '../edits-flow';
import { jsonColonOf, jsonCommaOf, jsonRenderer, type JsonLayout } from '../json-edits';
import { findPair, isIntrinsicValue, planFix } from './edits-plan';
import { eolOf, jsonIndentUnit } from '../edits-text';
import { readJson } from './json';
import type { PairNode } from './nodes';
import { treeOf } from './trees';

/** How the document writes things. */
export interface JsonStyle extends JsonLayout {
  /** Intrinsics written on one line (`{"Ref": "X"}`) rather than over several. */
  inlineIntrinsics: boolean;
}

/** Read a document's style around a definition: the definition's own where it shows one, else the document's. */
export function jsonStyle(text: string, def: ClientDefinition): JsonStyle {
  const own = text.slice(def.span.start, def.span.end);
  const document = documentStyle(text);
  const style: JsonStyle = {
    ...document,
    colon: jsonColonOf(own),
    comma: jsonCommaOf(own) ?? document.comma,
    pretty: own.includes('\n'),
  };
  style.keepInline = (value) => style.inlineIntrinsics && isIntrinsicValue(value);
  return style;
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
    comma: jsonCommaOf(text) ?? ', ',
    inlineIntrinsics: oneLineIntrinsics >= multiLineIntrinsics,
  };
  lastDocumentStyle = { text, style };
  return style;
}

/** The edits that apply a fix to a client in a JSON template, or undefined when it cannot be done safely. */
export function jsonFixEdits(doc: SourceDocument, def: ClientDefinition, fix: SemanticFix, model?: DocumentModel): SpanEdit[] | undefined {
  const resource = findPair(treeOf(doc.text, model, readJson), def.nameSpan);
  return jsonPlanEdits(doc.text, def, resource, fix);
}

/**
 * The edits that apply a fix to a definition whose body is a JSON object, planned from the model
 * (`resource`, the entry holding the body, is needed only to create a missing body or add a
 * dependency). Shared with the API-shape surface, whose body is the document's own object.
 */
export function jsonPlanEdits(text: string, def: ClientDefinition, resource: PairNode | undefined, fix: SemanticFix): SpanEdit[] | undefined {
  const plan = planFix(text, def, resource, fix);
  if (!plan) return undefined;
  const style = jsonStyle(text, def);
  const r = jsonRenderer(text, style);
  const edits: SpanEdit[] = [];
  for (const p of plan.containers) {
    const made = flowEdits(text, p, r);
    if (!made) return undefined;
    edits.push(...made);
  }
  for (const k of plan.keys) edits.push({ span: k.keySpan, newText: JSON.stringify(k.name) });
  return edits;
}
