/**
 * Reading the OAuth settings of a client for the OAuth rules: the flow and scope lists, their
 * literal items with the indexes fixes refer to, the standard scopes from the schema vocabulary,
 * and whether a definition's properties are known at all.
 *
 * The enum values the rules reason about by name (`code`, `implicit`, `client_credentials`,
 * `LEGACY`, `ENABLED`, `openid`, ...) are listed once here; a unit test checks each against the
 * schema's enum or vocabulary, so a change there cannot leave the rules silently out of date.
 */
import type { ClientDefinition, LocatedProperty, LocatedValue, StringValue } from '../../model';
import { listOf, UNKNOWN, type ListItems, type Unknown } from '../../model/values';
import { propertySchema, vocabulary } from '../../schema';
import type { SemanticChange } from '../types';

/** Canonical property paths the OAuth and secret rules read. */
export const OAUTH_PATHS = {
  flows: ['AllowedOAuthFlows'],
  scopes: ['AllowedOAuthScopes'],
  enabled: ['AllowedOAuthFlowsUserPoolClient'],
  callbacks: ['CallbackURLs'],
  logouts: ['LogoutURLs'],
  defaultRedirect: ['DefaultRedirectURI'],
} as const;

/** The `AllowedOAuthFlows` values the rules name (checked against the schema enum in tests). */
export const FLOW_CODE = 'code';
export const FLOW_IMPLICIT = 'implicit';
export const FLOW_CLIENT_CREDENTIALS = 'client_credentials';

/** The scope that asks for an ID token (checked against the `standardScopes` vocabulary in tests). */
export const SCOPE_OPENID = 'openid';
/** Standard scopes that only add claims to the ID token / userInfo, so they need `openid`. */
export const SCOPES_NEEDING_OPENID: readonly string[] = ['email', 'phone', 'profile'];

/** `PreventUserExistenceErrors` values (checked against the schema enum in tests). */
export const USER_EXISTENCE_LEGACY = 'LEGACY';
export const USER_EXISTENCE_ENABLED = 'ENABLED';

/** The allowed values of an enum property (or of its list items), from the schema. */
export function enumValuesOf(path: readonly string[]): string[] {
  const prop = propertySchema(path);
  return (prop?.enum ?? prop?.items?.enum ?? []).map((e) => e.value);
}

/** The standard (built-in) OAuth scopes, from the schema vocabulary. */
export function standardScopes(): string[] {
  return vocabulary('standardScopes').map((e) => e.value);
}

/**
 * Whether a scope is written as a resource server scope: `identifier/name`, both parts non-empty.
 * The identifier may itself contain slashes (it is often a URL), so the last one separates them.
 */
export function isResourceServerScope(scope: string): boolean {
  const slash = scope.lastIndexOf('/');
  return slash > 0 && slash < scope.length - 1;
}

/**
 * Whether the definition's properties cannot be listed: the whole body is an intrinsic or a
 * variable, or it spreads another object in (`...defaults`, `**kwargs`). Then "absent" means
 * nothing, and rules that fire on a missing property must stay silent.
 */
export function propertiesOpen(def: ClientDefinition): boolean {
  if (!def.body) return false;
  if (def.body.kind === 'unknown') return true;
  return def.body.members.some((m) => m.canonical === undefined && m.value.kind === 'unknown' && /^(\.\.\.|\*\*)/.test(m.name));
}

/** A literal string item of a list, with its index among all the items as written. */
export interface ListItem {
  item: StringValue;
  index: number;
  /**
   * True when the item is one literal branch of a conditional (`!If [c, a, b]`) rather than the
   * item itself: it can be checked, but a fix cannot address a branch.
   */
  branch: boolean;
}

/** A list property read literally. */
export interface LiteralList {
  prop: LocatedProperty;
  items: ListItems;
  /** The literal string items with their indexes (no conditional branches). */
  literal: ListItem[];
}

/**
 * A list property when it is written as a list (its items may still be unknown); undefined when
 * absent or when the whole value is not a literal list.
 */
export function readList(def: ClientDefinition, path: readonly string[]): LiteralList | undefined {
  const prop = def.properties.get(path[0]);
  const items = listOf(prop);
  if (!prop || items === undefined || items === UNKNOWN) return undefined;
  const literal: ListItem[] = [];
  items.all.forEach((item, index) => {
    if (item.kind === 'string') literal.push({ item, index, branch: false });
  });
  return { prop, items, literal };
}

/**
 * Every literal value a list may hold, for per-value checks: the literal items, plus the literal
 * branches of conditional items (`!If` with literal branches may be checked on each branch).
 */
export function itemsWithBranches(list: LiteralList): ListItem[] {
  const out: ListItem[] = [];
  list.items.all.forEach((item, index) => {
    if (item.kind === 'string') out.push({ item, index, branch: false });
    else for (const alt of branchesOf(item)) out.push({ item: alt, index, branch: true });
  });
  return out;
}

/** The literal string branches of a conditional value (none for any other value). */
export function branchesOf(value: LocatedValue): StringValue[] {
  if (value.kind !== 'unknown' || !value.alternatives) return [];
  return value.alternatives.filter((a): a is StringValue => a.kind === 'string');
}

/** The first literal item equal to `value`. */
export function findItem(list: LiteralList | undefined, value: string): ListItem | undefined {
  return list?.literal.find((l) => l.item.value === value);
}

/**
 * Whether a list property is known to hold at least one item: true, false (absent, `null` or `[]`),
 * or `UNKNOWN` (the whole list is an intrinsic, or its only items are conditionals that may
 * vanish).
 */
export function hasItems(def: ClientDefinition, path: readonly string[]): boolean | Unknown {
  const prop = def.properties.get(path[0]);
  const items = listOf(prop);
  if (items === undefined) return false;
  if (items === UNKNOWN) return UNKNOWN;
  // A conditional item (`!If [c, x, !Ref AWS::NoValue]`) may drop out; any other item is there.
  if (items.all.some((i) => i.kind !== 'unknown' || !i.alternatives)) return true;
  return items.all.length === 0 ? false : UNKNOWN;
}

/** The removals for a set of list items, highest index first so earlier indexes stay valid. */
export function removalsOf(path: readonly string[], items: readonly ListItem[]): { kind: 'removeItem'; path: string[]; index: number }[] {
  const indexes = [...new Set(items.map((i) => i.index))].sort((a, b) => b - a);
  return indexes.map((index) => ({ kind: 'removeItem', path: [...path], index }));
}

/** Levenshtein distance, for suggesting the closest known value. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return prev[b.length];
}

/**
 * The candidate closest to `word`: an exact case-insensitive match first, then the smallest edit
 * distance within about a third of the word's length, then a candidate the word starts with
 * (`phone_number` -> `phone`). Undefined when nothing is close.
 */
export function closestValue(word: string, candidates: readonly string[]): { value: string; caseOnly: boolean } | undefined {
  const lower = word.toLowerCase();
  const sameCase = candidates.find((c) => c.toLowerCase() === lower);
  if (sameCase !== undefined) return { value: sameCase, caseOnly: true };
  let best: string | undefined;
  let bestDistance = Infinity;
  const within = Math.max(1, Math.floor(word.length / 3));
  for (const c of candidates) {
    // The distance is at least the difference in length (a pasted huge value is never close).
    if (Math.abs(c.length - lower.length) > within) continue;
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  if (best !== undefined && bestDistance <= within) return { value: best, caseOnly: false };
  const prefix = candidates.filter((c) => c.length >= 4 && lower.startsWith(c.toLowerCase())).sort((a, b) => b.length - a.length)[0];
  return prefix === undefined ? undefined : { value: prefix, caseOnly: false };
}

/**
 * The change that puts a (placeholder) item into a list that has none: add it to a written empty
 * list, replace a written `null`, or insert the whole property as a snippet when it is absent.
 */
export function fillList(def: ClientDefinition, path: readonly string[], value: string): SemanticChange {
  const prop = def.properties.get(path[0]);
  if (!prop) return { kind: 'insert', path: [...path], value: [value], placeholder: true };
  if (prop.value.kind === 'list') return { kind: 'addItem', path: [...path], value };
  return { kind: 'set', path: [...path], value: [value] };
}
