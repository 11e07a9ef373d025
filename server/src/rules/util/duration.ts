/**
 * Token lifetimes as durations: the number of a token validity property times the seconds of its
 * unit (from `TokenValidityUnits`, or the schema's default unit), and human wording for
 * durations ("2.5 days", "1 day", "about 152 days"). The token rules and the hover feature share this.
 *
 * What a number means comes from the schema: `duration` (unit member, default unit, effective
 * bounds) on the three token validities and `unit` on plain durations such as
 * `AuthSessionValidity`. A number or unit that is not literal gives `undefined`: nothing can be
 * said about it.
 */
import { lastIndexWhere, propertyAt, type ClientDefinition, type LocatedValue, type ObjectValue } from '../../model';
import { numberOf, UNKNOWN } from '../../model/values';
import { canonicalName, propertySchema, schema, SECONDS_PER_UNIT, type DurationSpec, type PropertySchema } from '../../schema';
import type { PropertyPath } from '../types';

/** A unit a duration number can be counted in. */
export type DurationUnit = DurationSpec['defaultUnit'];

/** The units, shortest first. */
export const DURATION_UNITS: readonly DurationUnit[] = ['seconds', 'minutes', 'hours', 'days'];

/** The object property holding the unit of each token validity (its members are `DurationSpec.unitMember`). */
export const TOKEN_UNITS_PROPERTY = 'TokenValidityUnits';

/** What a duration number amounts to. */
export interface EffectiveDuration {
  /** The number as written (or the schema default when `valueIsDefault`). */
  value: number;
  unit: DurationUnit;
  /** True when no unit is written and the schema's default unit applies. */
  unitIsDefault: boolean;
  /** `value` times the seconds of `unit`. */
  seconds: number;
  /** True when the number is not written and this is the schema's default lifetime. */
  valueIsDefault?: boolean;
}

/** A token validity property of the schema. */
export interface TokenProperty {
  canonical: string;
  schema: PropertySchema;
  spec: DurationSpec;
}

let tokenPropertyList: readonly TokenProperty[] | undefined;

/** The top-level properties that are token lifetimes (those with a `duration` spec); read from the schema once. */
export function tokenProperties(): TokenProperty[] {
  tokenPropertyList ??= Object.entries(schema.properties).flatMap(([canonical, prop]) => (prop.duration ? [{ canonical, schema: prop, spec: prop.duration }] : []));
  return [...tokenPropertyList];
}

/** The token property whose unit is the given `TokenValidityUnits` member. */
export function tokenProperty(unitMember: DurationSpec['unitMember']): TokenProperty | undefined {
  return tokenProperties().find((t) => t.spec.unitMember === unitMember);
}

/** The canonical path of the unit member for a token validity. */
export function unitPath(spec: DurationSpec): PropertyPath {
  return [TOKEN_UNITS_PROPERTY, spec.unitMember];
}

/** Whether a string is a duration unit. */
export function isDurationUnit(value: string): value is DurationUnit {
  return (DURATION_UNITS as readonly string[]).includes(value);
}

/** The units object as an object (Terraform may give a nested block as a one-item list). */
function asObject(value: LocatedValue | undefined): ObjectValue | LocatedValue | undefined {
  if (value && value.kind === 'list' && value.items.length === 1 && value.items[0].kind === 'object') return value.items[0];
  return value;
}

/**
 * The unit a token validity number is counted in: the `TokenValidityUnits` member, or the default
 * unit when the object or the member is absent. `undefined` when the unit cannot be known (an
 * intrinsic, a variable, or a value that is not a unit, which the shape rules report).
 */
export function unitOf(def: ClientDefinition, spec: DurationSpec): { unit: DurationUnit; isDefault: boolean } | undefined {
  const units = def.properties.get(TOKEN_UNITS_PROPERTY);
  if (!units) return { unit: spec.defaultUnit, isDefault: true };
  const obj = asObject(units.value);
  if (!obj || obj.kind === 'null') return { unit: spec.defaultUnit, isDefault: true };
  if (obj.kind !== 'object') return undefined;
  const member = obj.members[lastIndexWhere(obj.members, (m) => (m.canonical ?? canonicalName(m.name, def.spelling, [TOKEN_UNITS_PROPERTY])) === spec.unitMember)];
  if (!member || member.value.kind === 'null') return { unit: spec.defaultUnit, isDefault: true };
  if (member.value.kind !== 'string' || !isDurationUnit(member.value.value)) return undefined;
  return { unit: member.value.value, isDefault: false };
}

/**
 * The duration a written number amounts to, for a token validity (`AccessTokenValidity`) or a
 * plain duration (`AuthSessionValidity`, `['RefreshTokenRotation', 'RetryGracePeriodSeconds']`).
 * `undefined` when the property has no duration meaning, is absent, or its number or unit is
 * not literal.
 */
export function effectiveDuration(def: ClientDefinition, canonical: string | readonly string[]): EffectiveDuration | undefined {
  const path = typeof canonical === 'string' ? [canonical] : canonical;
  const prop = propertySchema(path);
  if (!prop || (!prop.duration && !prop.unit)) return undefined;
  const value = numberOf(propertyAt(def, path), def.surface);
  if (value === undefined || value === UNKNOWN) return undefined;
  if (prop.unit) return { value, unit: prop.unit, unitIsDefault: false, seconds: value * SECONDS_PER_UNIT[prop.unit] };
  const unit = unitOf(def, prop.duration!);
  if (!unit) return undefined;
  return { value, unit: unit.unit, unitIsDefault: unit.isDefault, seconds: value * SECONDS_PER_UNIT[unit.unit] };
}

/**
 * Like `effectiveDuration` for a top-level token validity, but an absent number gives the
 * schema's default lifetime (the default number in the default unit: leaving the number out
 * keeps the default lifetime whatever unit is chosen). `undefined` when the number is written but
 * not literal, or its unit cannot be known.
 */
export function effectiveOrDefaultDuration(def: ClientDefinition, canonical: string): EffectiveDuration | undefined {
  const prop = propertySchema([canonical]);
  if (!prop?.duration) return undefined;
  if (def.properties.has(canonical)) return effectiveDuration(def, canonical);
  if (typeof prop.default !== 'number') return undefined;
  const unit = prop.duration.defaultUnit;
  return { value: prop.default, unit, unitIsDefault: true, seconds: prop.default * SECONDS_PER_UNIT[unit], valueIsDefault: true };
}

const WORDS: readonly [string, number][] = [
  ['year', 365 * 86400],
  ['day', 86400],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/**
 * A duration for people, in the largest unit it fills at least once: "1 day", "5 minutes",
 * "10 years", "2.5 days" (exact with one decimal), "about 152 days" (rounded: one decimal under
 * 10, whole numbers above), "just over 10 years" / "just under 24 hours" (rounded to a whole
 * number by a hair, where "about 10 years" would hide that it is not 10 years).
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds <= 0) return count(seconds, 'second');
  const [word, size] = WORDS.find(([, s]) => seconds >= s) ?? WORDS[WORDS.length - 1];
  const exact = seconds / size;
  const tenths = Math.round(exact * 10);
  if (Math.abs(exact * 10 - tenths) < 1e-9) return count(tenths / 10, word);
  const rounded = exact < 10 ? Math.round(exact * 10) / 10 : Math.round(exact);
  if (Number.isInteger(rounded) && Math.abs(exact - rounded) < 0.05) return `just ${exact > rounded ? 'over' : 'under'} ${count(rounded, word)}`;
  return `about ${count(rounded, word)}`;
}

/** A number of a unit, singular for 1: "1 hour", "3651 hours". */
export function formatAmount(n: number, unit: DurationUnit): string {
  return count(n, unit.slice(0, -1));
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The valid range of a token lifetime in words: "5 minutes to 1 day". */
export function formatRange(spec: Pick<DurationSpec, 'minSeconds' | 'maxSeconds'>): string {
  return `${formatDuration(spec.minSeconds)} to ${formatDuration(spec.maxSeconds)}`;
}

/** How a number is read, for messages: "60 in hours (the default unit)", "5 in minutes". */
export function describeReading(d: EffectiveDuration): string {
  return `${d.value} in ${d.unit}${d.unitIsDefault ? ' (the default unit)' : ''}`;
}

const TOKEN_NOUNS: Record<DurationSpec['unitMember'], string> = {
  AccessToken: 'access token',
  IdToken: 'ID token',
  RefreshToken: 'refresh token',
};

/** The kind of token a duration spec is about, in words ("access token"). */
export function tokenNoun(spec: DurationSpec): string {
  return TOKEN_NOUNS[spec.unitMember];
}

/** Whether a duration lies within a spec's effective bounds. */
export function withinSpec(seconds: number, spec: Pick<DurationSpec, 'minSeconds' | 'maxSeconds'>): boolean {
  return seconds >= spec.minSeconds && seconds <= spec.maxSeconds;
}
