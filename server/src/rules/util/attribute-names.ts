/**
 * Attribute names for the attribute rules: which names are standard (from the schema's
 * `standardAttributes` vocabulary), how a name is prefixed, and the closest standard name to a
 * misspelled one. Also the small string-distance helpers the cross-resource rules reuse.
 */
import { vocabulary } from '../../schema';

/** The canonical paths of the two attribute lists. */
export const READ_ATTRIBUTES = 'ReadAttributes';
export const WRITE_ATTRIBUTES = 'WriteAttributes';

/** The prefix of a user pool's custom attributes. */
export const CUSTOM_PREFIX = 'custom:';
/** The prefix of developer-only attributes. */
export const DEV_PREFIX = 'dev:';

/** The standard attribute names, from the schema. */
export function standardAttributes(): string[] {
  return vocabulary('standardAttributes').map((e) => e.value);
}

/** What kind of name an attribute entry is. */
export type AttributeKind =
  /** A standard attribute, or a `custom:` / `dev:` one. */
  | 'valid'
  /** A `custom:` or `dev:` prefix with no name after it. */
  | 'emptyName'
  /** No recognised prefix and not a standard name. */
  | 'unknown'
  /** A `something:` prefix other than `custom:` and `dev:` (e.g. `oidc:profile`). */
  | 'otherPrefix';

/** Classify an attribute name. */
export function classifyAttribute(name: string, standard: readonly string[] = standardAttributes()): AttributeKind {
  if (standard.includes(name)) return 'valid';
  for (const prefix of [CUSTOM_PREFIX, DEV_PREFIX]) {
    if (name.startsWith(prefix)) return name.slice(prefix.length).trim() === '' ? 'emptyName' : 'valid';
  }
  if (/^[^:\s]+:./.test(name)) return 'otherPrefix';
  return 'unknown';
}

/** Lower-case with `_` and `-` removed, so `emailVerified`, `email-verified` and `email_verified` agree. */
export function normaliseName(name: string): string {
  if (name.length > NORMALISED_MAX_LENGTH) return name.toLowerCase().replace(/[_-]/g, '');
  let normalised = normalisedNames.get(name);
  if (normalised === undefined) {
    if (normalisedNames.size >= NORMALISED_MAX_ENTRIES) normalisedNames.clear();
    normalised = name.toLowerCase().replace(/[_-]/g, '');
    normalisedNames.set(name, normalised);
  }
  return normalised;
}

/**
 * Normalised names remembered: the same allowed values and attribute names are normalised for
 * every item checked (a fuzzed list of 50,000 wrong flow names spent 5 s of CPU here). Short names
 * only, and a bounded number of them.
 */
const normalisedNames = new Map<string, string>();
const NORMALISED_MAX_LENGTH = 64;
const NORMALISED_MAX_ENTRIES = 4096;

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions). Keeps three rows,
 * not the whole table: a pasted 250,000-character name costs time linear in its length, not a
 * table of millions of cells per candidate.
 */
export function editDistance(a: string, b: string): number {
  const cols = b.length + 1;
  let before = new Array<number>(cols).fill(0);
  let prev = Array.from({ length: cols }, (_, j) => j);
  let row = new Array<number>(cols).fill(0);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j], before[j - 2] + 1);
    }
    [before, prev, row] = [prev, row, before];
  }
  return prev[b.length];
}

/** A suggested replacement and whether it is certain (the names differ only in case and separators). */
export interface Suggestion {
  value: string;
  exact: boolean;
}

/**
 * The closest candidates to a name, best first (at most `limit`):
 * 1. equal after normalising (case, `_`, `-`) — certain;
 * 2. a candidate that starts with the normalised name (`phone` -> `phone_number`), shortest first;
 * 3. a small edit distance on the normalised forms (about one edit per three characters).
 */
export function closestNames(name: string, candidates: readonly string[], limit = 3): Suggestion[] {
  const norm = normaliseName(name);
  if (norm.length === 0) return [];
  const exact = candidates.filter((c) => normaliseName(c) === norm);
  if (exact.length > 0) return exact.slice(0, limit).map((value) => ({ value, exact: true }));

  const scored: { value: string; score: number; tie: number }[] = [];
  const maxDistance = Math.max(1, Math.floor(norm.length / 3));
  for (const c of candidates) {
    const cn = normaliseName(c);
    if (norm.length >= 3 && cn.startsWith(norm)) {
      scored.push({ value: c, score: 0, tie: cn.length });
      continue;
    }
    // The distance is at least the difference in length: no need to compute it when that is too far.
    if (Math.abs(cn.length - norm.length) > maxDistance) continue;
    const distance = editDistance(norm, cn);
    if (distance <= maxDistance) scored.push({ value: c, score: distance, tie: cn.length });
  }
  scored.sort((a, b) => a.score - b.score || a.tie - b.tie || a.value.localeCompare(b.value));
  return scored.slice(0, limit).map((s) => ({ value: s.value, exact: false }));
}
