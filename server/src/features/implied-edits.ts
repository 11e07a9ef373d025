/**
 * What choosing a value obviously implies, for completion items that offer to do both: choosing
 * `client_credentials` in `AllowedOAuthFlows` implies `GenerateSecret: true`; `true` for
 * `EnablePropagateAdditionalUserContextData` implies a secret too; an OAuth flow, scope or URL on a
 * client whose `AllowedOAuthFlowsUserPoolClient` is absent implies setting it to true; `ENABLED`
 * for `RefreshTokenRotation.Feature` implies removing `ALLOW_REFRESH_TOKEN_AUTH`.
 *
 * Found by asking the rules rather than by a second table of facts: the definition is read as if
 * the value were already there, and a finding that appears only then, from one of the rules below,
 * names the implied change through its fix. Only when that is unambiguous: the finding has exactly
 * one fix that leaves the chosen property alone (a fix undoing the choice is no implication), that
 * fix has no placeholder, and for rules whose fix may be a deliberate choice (an explicit `false`)
 * the rule marks it unambiguous.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import { emptyFileContext, lastIndexWhere, type ClientDefinition, type DocumentModel, type FileContext, type LocatedProperty, type LocatedValue, type ObjectValue, type Span } from '../model';
import { ruleById } from '../rules';
import type { Rule, RuleFinding, SemanticChange, SemanticFix } from '../rules/types';
import { propertySchema, spell } from '../schema';
import type { JsonValue } from '../schema/types';
import { editsForFix } from '../surfaces/edits';
import { sourceOf } from '../surfaces';
import type { SourceDocument } from '../surfaces/types';

/**
 * The rules whose fix a choice can imply, and whether the fix must also be marked unambiguous by
 * the rule (`true`) or is implied by the choice itself once the fixes undoing it are set aside.
 */
const IMPLYING_RULES: ReadonlyMap<string, boolean> = new Map([
  ['client-credentials-requires-secret', false],
  ['context-data-requires-secret', false],
  ['oauth-requires-enabled-flag', true],
  ['auth-flows-refresh-with-rotation', true],
]);

/** A literal as a located value at a zero-width span (only rules read it, never an edit). */
function located(value: JsonValue, at: Span): LocatedValue {
  const span = { start: at.start, end: at.start };
  if (value === null) return { kind: 'null', span };
  if (typeof value === 'string') return { kind: 'string', value, span, quoted: true };
  if (typeof value === 'number') return { kind: 'number', value, raw: String(value), span };
  if (typeof value === 'boolean') return { kind: 'boolean', value, span };
  if (Array.isArray(value)) return { kind: 'list', items: value.map((v) => located(v, at)), span };
  return { kind: 'object', members: Object.entries(value).map(([k, v]) => ({ name: k, canonical: k, keySpan: span, span, value: located(v, at) })), span };
}

function overlapping(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * `value` put at `path` in `obj` (a copy), as an item added when `asItem` (in place of the item
 * overlapping `replacing`, when there is one); undefined when the path cannot be followed.
 */
function withValue(
  obj: ObjectValue,
  path: readonly string[],
  value: JsonValue,
  asItem: boolean,
  spelling: ClientDefinition['spelling'],
  at: Span,
  replacing?: Span,
): ObjectValue | undefined {
  const [first, ...rest] = path;
  const index = lastIndexWhere(obj.members, (m) => m.canonical === first);
  const existing = index >= 0 ? obj.members[index] : undefined;
  let next: LocatedValue;
  if (rest.length > 0) {
    const inner: ObjectValue | undefined = existing === undefined ? { kind: 'object', members: [], span: { start: at.start, end: at.start } } : existing.value.kind === 'object' ? existing.value : undefined;
    if (!inner) return undefined;
    const made = withValue(inner, rest, value, asItem, spelling, at, replacing);
    if (!made) return undefined;
    next = made;
  } else if (asItem) {
    if (existing && existing.value.kind !== 'list' && existing.value.kind !== 'null') return undefined;
    const written = existing?.value.kind === 'list' ? existing.value.items : [];
    const items = replacing ? written.filter((i) => !overlapping(i.span, replacing)) : written;
    next = { kind: 'list', items: [...items, located(value, at)], span: existing?.value.span ?? { start: at.start, end: at.start } };
  } else {
    next = located(value, at);
  }
  const member: LocatedProperty = existing
    ? { ...existing, value: next }
    : { name: spell([first], spelling), canonical: first, keySpan: { start: at.start, end: at.start }, span: { start: at.start, end: at.start }, value: next };
  const members = [...obj.members];
  if (index >= 0) members[index] = member;
  else members.push(member);
  return { ...obj, members };
}

/**
 * The definition as if `value` were written at `path` (an item added to a list property, in place
 * of the item at `replacing`: the partial word a completion replaces).
 */
export function hypothetical(def: ClientDefinition, path: readonly string[], value: JsonValue, replacing?: Span): ClientDefinition | undefined {
  const schema = propertySchema(path);
  if (!schema || path.length === 0) return undefined;
  if (def.body?.kind === 'unknown') return undefined;
  const asItem = schema.type === 'list' && (value === null || typeof value !== 'object');
  const at = def.body?.span ?? def.span;
  const body: ObjectValue = def.body ?? { kind: 'object', members: [], span: { start: at.end, end: at.end } };
  const next = withValue(body, path, value, asItem, def.spelling, { start: at.end, end: at.end }, replacing);
  if (!next) return undefined;
  const properties = new Map<string, LocatedProperty>();
  for (const m of next.members) if (m.canonical !== undefined) properties.set(m.canonical, m);
  return { ...def, body: next, properties };
}

/** A finding by where it is (its message may name the new value, so it is not compared). */
function key(f: RuleFinding): string {
  return `${f.span.start}:${f.span.end}`;
}

/** A finding of a rule by where it is, for telling the findings of two states of a definition apart. */
export function findingKey(ruleId: string, f: RuleFinding): string {
  return `${ruleId}@${key(f)}`;
}

/** The implied changes of a choice, and the findings (by `findingKey`) they answer. */
export interface Implication {
  fix: SemanticFix;
  resolves: Set<string>;
}

function touches(change: SemanticChange, property: string): boolean {
  return change.kind !== 'renameKey' && change.kind !== 'removeKey' && change.kind !== 'addDependency' && change.path[0] === property;
}

/**
 * The changes that choosing `insertedValue` for the property at `canonicalPath` obviously implies
 * (for a list property: adding it as an item), as one fix; undefined when it implies nothing, or
 * nothing unambiguous. `file` is the file context the rules see (empty when not given).
 */
export function impliedChanges(canonicalPath: readonly string[], insertedValue: JsonValue, def: ClientDefinition, file?: FileContext): SemanticFix | undefined {
  return implication(canonicalPath, insertedValue, def, file)?.fix;
}

/** `impliedChanges` with the findings the changes answer; `replacing` as for `hypothetical`. */
export function implication(canonicalPath: readonly string[], insertedValue: JsonValue, def: ClientDefinition, file?: FileContext, replacing?: Span): Implication | undefined {
  const after = hypothetical(def, canonicalPath, insertedValue, replacing);
  if (!after) return undefined;
  const ctx = { file: file ?? emptyFileContext(), spelling: def.spelling, surface: def.surface };
  const fixes: SemanticFix[] = [];
  const resolves = new Set<string>();
  for (const [id, mustBeUnambiguous] of IMPLYING_RULES) {
    const rule: Rule | undefined = ruleById(id);
    if (!rule) continue;
    let before: RuleFinding[];
    let now: RuleFinding[];
    try {
      before = rule.check(def, ctx);
      now = rule.check(after, ctx);
    } catch {
      continue;
    }
    const old = new Set(before.map(key));
    for (const finding of now) {
      if (old.has(key(finding))) continue;
      const keeping = (finding.fixes ?? []).filter((f) => f.changes.length > 0 && !f.changes.some((c) => touches(c, canonicalPath[0])));
      if (keeping.length !== 1) return undefined; // two ways to go, or none: not an implication
      const [fix] = keeping;
      if (fix.changes.some((c) => c.kind === 'insert' && c.placeholder)) return undefined;
      // Not obviously right (e.g. turning OAuth on for a client that has no scopes yet): that
      // finding stays for the user to decide; what else the choice implies still holds.
      if (mustBeUnambiguous && !fix.unambiguous) continue;
      fixes.push(fix);
      resolves.add(findingKey(id, finding));
    }
  }
  if (fixes.length === 0) return undefined;
  const seen = new Set<string>();
  const changes = fixes.flatMap((f) => f.changes).filter((c) => {
    const k = JSON.stringify(c);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return { fix: { title: `Also: ${fixes.map((f) => f.title).join('; ')}`, changes, isPreferred: false }, resolves };
}

/**
 * For a completion item inserting `insertedValue` at `replace`: the implied changes as text edits to
 * add as the item's `additionalTextEdits`, with their title; undefined when nothing is implied, the
 * surface cannot write it, or an edit would touch the range the item itself replaces.
 */
export function impliedTextEdits(
  document: TextDocument,
  surfaceId: string,
  model: DocumentModel,
  def: ClientDefinition,
  canonicalPath: readonly string[],
  insertedValue: JsonValue,
  replace: Range,
): { title: string; edits: TextEdit[] } | undefined {
  const fix = impliedChanges(canonicalPath, insertedValue, def, model.context);
  return fix && fixTextEdits(document, surfaceId, model, def, fix, replace);
}

/** A fix as text edits added to a completion item that replaces `replace`; undefined when one would touch it. */
export function fixTextEdits(document: TextDocument, surfaceId: string, model: DocumentModel, def: ClientDefinition, fix: SemanticFix, replace: Range): { title: string; edits: TextEdit[] } | undefined {
  const source: SourceDocument = sourceOf(document, model);
  const edits = editsForFix(surfaceId, source, model, def, fix);
  if (!edits || edits.length === 0) return undefined;
  const start = document.offsetAt(replace.start);
  const end = document.offsetAt(replace.end);
  if (edits.some((e) => e.span.start <= end && start <= e.span.end)) return undefined;
  return {
    title: fix.title,
    edits: edits.map((e) => ({ range: { start: document.positionAt(e.span.start), end: document.positionAt(e.span.end) }, newText: e.newText })),
  };
}
