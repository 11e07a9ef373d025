/**
 * Closest known names and values for the shape rules' fixes: a misspelled property name (by case,
 * separators, edit distance, or because it is another surface's spelling of the property) and a
 * value outside an enum (case fix, a missing `ALLOW_` prefix, a near miss).
 */
import { membersAt, type EnumValue } from '../../schema';
import type { PropertyPath } from '../types';
import { closestNames, normaliseName } from './attribute-names';
import { statusOf, type WalkContext } from './schema-walk';

/** A suggested property: its canonical name and whether the match is certain. */
export interface PropertySuggestion {
  canonical: string;
  /** The written name is another spelling of it, or differs only in case and separators. */
  certain: boolean;
}

/**
 * The properties at a level that a written name most likely means, best first. Only properties
 * that may be written in the context are suggested. Every spelling's names are compared, so
 * `callback_urls` in a CloudFormation template suggests `CallbackURLs`.
 */
export function suggestProperties(written: string, parentPath: PropertyPath, wc: WalkContext, limit = 3): PropertySuggestion[] {
  const byName = new Map<string, string>();
  const level = membersAt(parentPath) ?? {};
  for (const [canonical, prop] of Object.entries(level)) {
    if (prop.names[wc.spelling] === undefined || statusOf(prop, wc.context) !== 'input') continue;
    // This spelling's name first, so it wins a tie with another spelling's identical name.
    for (const name of [prop.names[wc.spelling]!, ...Object.values(prop.names)]) {
      if (!byName.has(name)) byName.set(name, canonical);
    }
  }
  const exact = byName.get(written);
  if (exact !== undefined) return [{ canonical: exact, certain: true }];

  const out: PropertySuggestion[] = [];
  for (const s of closestNames(written, [...byName.keys()], limit * 4)) {
    const canonical = byName.get(s.value)!;
    if (out.some((o) => o.canonical === canonical)) continue;
    out.push({ canonical, certain: s.exact });
    if (out.length >= limit) break;
  }
  return out;
}

/** Allowed values to offer for a value outside an enum. */
export interface EnumSuggestion {
  /** The values to offer, best first. */
  values: string[];
  /** True when the first value is obviously meant (differs only in case, or lacks `ALLOW_`). */
  certain: boolean;
  /** True when the first value is a close match (rather than just one of all the values). */
  close: boolean;
}

/** The prefix every current auth flow value carries, which people often leave out. */
const FLOW_PREFIX = 'ALLOW_';

/**
 * What to offer for a value outside an enum: the value differing only in case; the value with
 * the `ALLOW_` prefix it lacks; near misses by edit distance; otherwise every current value.
 * Deprecated values are offered only when written exactly but in another case.
 */
export function suggestEnumValues(written: string, allowed: readonly EnumValue[]): EnumSuggestion {
  const current = allowed.filter((e) => !e.deprecated).map((e) => e.value);
  const caseFix = allowed.find((e) => e.value.toLowerCase() === written.toLowerCase());
  if (caseFix) {
    if (caseFix.deprecated && caseFix.replacement) return { values: [caseFix.replacement, caseFix.value], certain: false, close: true };
    return { values: [caseFix.value], certain: true, close: true };
  }
  const norm = normaliseName(written);
  const withPrefix = normaliseName(FLOW_PREFIX + written);
  const prefixed = current.find((v) => normaliseName(v) === withPrefix || normaliseName(v) === norm);
  if (prefixed) return { values: [prefixed], certain: true, close: true };
  const near = closestNames(written, current, current.length).map((s) => s.value);
  if (near.length > 0) return { values: [...near, ...current.filter((v) => !near.includes(v))], certain: false, close: true };
  return { values: current, certain: false, close: false };
}
