/**
 * Suppressions in Terraform JSON files. JSON has no comments, and Terraform ignores `"//"` keys,
 * so a directive is written as the value of one:
 * - `"//": "cognito-client-disable <id>[, <id>...]"` inside a resource body covers that resource
 *   (with no id, every rule);
 * - the same at the top level of the file covers the whole file.
 * Anything after ` -- ` is a free-text reason. Other `"//"` values (plain notes, CDK for
 * Terraform's `{"metadata": ...}` objects) are left alone; a body may hold several `"//"` keys
 * (Terraform skips each), so a directive is added beside them rather than in their place.
 *
 * Written: the resource-level directive, as the body's first member, or the rule id added to the
 * directive already there, keeping its reason.
 */
import type { Node as JsonNode } from 'jsonc-parser';
import type { ClientDefinition, DocumentModel, Span } from '../../model';
import { DISABLE_FILE, parseDirective, parseRuleList, type Suppression } from '../../suppress';
import { eolOf, indentOfLine, startsLine } from '../edits-text';
import type { SourceDocument, SpanEdit, SuppressionSupport } from '../types';
import { blockOf, jsonTreeOf } from './edits-json';
import { JSON_COMMENT_KEY, rawBlocks, spanOf } from './json';

/** The `"//"` members of an object whose string value is a directive for a whole scope (`cognito-client-disable`). */
function directives(obj: JsonNode | undefined): { member: JsonNode; value: JsonNode; rules: Suppression['rules'] }[] {
  const out: { member: JsonNode; value: JsonNode; rules: Suppression['rules'] }[] = [];
  for (const member of obj?.type === 'object' ? (obj.children ?? []) : []) {
    const key = member.children?.[0];
    const value = member.children?.[1];
    if (key?.value !== JSON_COMMENT_KEY || value?.type !== 'string') continue;
    const directive = parseDirective(String(value.value));
    if (directive?.kind === 'file') out.push({ member, value, rules: directive.rules });
  }
  return out;
}

/** Every suppression written in a `.tf.json` file. Never throws. */
export function readTerraformJsonSuppressions(doc: SourceDocument, _model?: DocumentModel): Suppression[] {
  const text = doc.text;
  if (!text.includes(DISABLE_FILE)) return [];
  const root = jsonTreeOf(text);
  const out: Suppression[] = [];
  for (const d of directives(root)) out.push({ kind: 'file', rules: d.rules, scope: { start: 0, end: text.length }, at: spanOf(d.member) });
  for (const block of rawBlocks(root)) {
    if (block.kind !== 'resource') continue;
    for (const d of directives(block.body)) out.push({ kind: 'resource', rules: d.rules, scope: block.span, at: spanOf(d.member) });
  }
  return out;
}

/**
 * The edits that make a client's resource ignore `ruleId`: `[]` when a directive there already
 * covers it, undefined when the block cannot be found.
 */
export function terraformJsonIgnoreEdits(doc: SourceDocument, def: Pick<ClientDefinition, 'span' | 'nameSpan'>, ruleId: string): SpanEdit[] | undefined {
  const text = doc.text;
  const block = blockOf(text, def);
  if (!block) return undefined;
  const existing = directives(block.body);
  if (existing.some((d) => d.rules === 'all' || d.rules.includes(ruleId))) return [];
  if (existing.length > 0) {
    // Add the id to the first directive, before its reason.
    const { value } = existing[0];
    const written = String(value.value);
    const at = written.indexOf(DISABLE_FILE) + DISABLE_FILE.length;
    const args = written.slice(at);
    const reason = /(^|\s)--(\s|$)/.exec(args);
    const ids = parseRuleList(reason ? args.slice(0, reason.index) : args);
    const list = ids === 'all' ? [ruleId] : [...ids, ruleId];
    const tail = reason ? ` ${args.slice(reason.index).trim()}` : '';
    return [{ span: spanOf(value), newText: JSON.stringify(`${written.slice(0, at)} ${list.join(', ')}${tail}`) }];
  }
  const member = `${JSON.stringify(JSON_COMMENT_KEY)}: ${JSON.stringify(`${DISABLE_FILE} ${ruleId}`)}`;
  const first = block.body.children?.[0];
  const body: Span = spanOf(block.body);
  if (!first) {
    if (text.slice(body.start + 1, body.end - 1).trim() !== '') return undefined;
    return [{ span: { start: body.start + 1, end: body.end - 1 }, newText: member }];
  }
  const start = first.offset;
  if (startsLine(text, start)) return [{ span: { start, end: start }, newText: `${member},${eolOf(text)}${indentOfLine(text, start)}` }];
  return [{ span: { start, end: start }, newText: `${member}, ` }];
}

/** Suppression support for Terraform JSON files: `"//"` directives, no line comments. */
export function terraformJsonSuppressions(_doc: SourceDocument): SuppressionSupport {
  return {
    read: readTerraformJsonSuppressions,
    ignoreInDefinition: (doc, def, ruleId) => terraformJsonIgnoreEdits(doc, def, ruleId),
  };
}
