/**
 * Reading literal values out of the located model, the way the target service would.
 *
 * CloudFormation and Terraform convert `"true"` / `"false"` and numeric strings themselves, so
 * there a quoted boolean or number counts as that boolean or number; SDK calls do not convert.
 * Anything that is not a literal of the wanted kind reads as `UNKNOWN`, so cross-field rules stay
 * silent on it (the shape rules report a wrong type on their own).
 */
import type { LocatedProperty, LocatedValue, StringValue, SurfaceKind } from './index';

/** Marks a value that is present but cannot be known statically (or is not of the wanted kind). */
export const UNKNOWN: unique symbol = Symbol('unknown');
export type Unknown = typeof UNKNOWN;

/** Whether a surface's deployment engine converts strings to booleans and numbers. */
export function convertsScalars(surface: SurfaceKind): boolean {
  return surface !== 'sdk';
}

/** A boolean: `true`/`false`, `UNKNOWN`, or `undefined` when the property is absent. */
export function booleanOf(prop: LocatedProperty | LocatedValue | undefined, surface: SurfaceKind): boolean | Unknown | undefined {
  const value = valueOf(prop);
  if (!value) return undefined;
  if (value.kind === 'boolean') return value.value;
  if (value.kind === 'string' && convertsScalars(surface)) {
    if (value.value === 'true') return true;
    if (value.value === 'false') return false;
  }
  return UNKNOWN;
}

/** A number: the number, `UNKNOWN`, or `undefined` when absent. */
export function numberOf(prop: LocatedProperty | LocatedValue | undefined, surface: SurfaceKind): number | Unknown | undefined {
  const value = valueOf(prop);
  if (!value) return undefined;
  if (value.kind === 'number') return value.value;
  if (value.kind === 'string' && convertsScalars(surface) && /^\s*-?\d+(\.\d+)?\s*$/.test(value.value)) {
    return Number(value.value);
  }
  return UNKNOWN;
}

/** A string: the string, `UNKNOWN`, or `undefined` when absent. */
export function stringOf(prop: LocatedProperty | LocatedValue | undefined): string | Unknown | undefined {
  const value = valueOf(prop);
  if (!value) return undefined;
  if (value.kind === 'string') return value.value;
  return UNKNOWN;
}

/** The items of a list property. */
export interface ListItems {
  /** The literal string items, in order, with their spans. */
  strings: StringValue[];
  /** Every item as written (literal or not). */
  all: LocatedValue[];
  /** True when at least one item is not a literal string (then absence conclusions are unsafe). */
  hasUnknown: boolean;
}

/**
 * The items of a list: `ListItems`, `UNKNOWN` when the whole list is not a literal list, or
 * `undefined` when absent. A `null` value counts as an empty list.
 */
export function listOf(prop: LocatedProperty | LocatedValue | undefined): ListItems | Unknown | undefined {
  const value = valueOf(prop);
  if (!value) return undefined;
  if (value.kind === 'null') return { strings: [], all: [], hasUnknown: false };
  if (value.kind !== 'list') return UNKNOWN;
  const strings: StringValue[] = [];
  let hasUnknown = false;
  for (const item of value.items) {
    if (item.kind === 'string') strings.push(item);
    else hasUnknown = true;
  }
  return { strings, all: value.items, hasUnknown };
}

/** The literal string values of a list (empty when absent or unknown). */
export function literalStrings(prop: LocatedProperty | LocatedValue | undefined): string[] {
  const items = listOf(prop);
  if (!items || items === UNKNOWN) return [];
  return items.strings.map((s) => s.value);
}

/** Whether a list is known to contain `value` (`UNKNOWN` when it may but cannot be told). */
export function listHas(prop: LocatedProperty | LocatedValue | undefined, value: string): boolean | Unknown {
  const items = listOf(prop);
  if (items === undefined) return false;
  if (items === UNKNOWN) return UNKNOWN;
  if (items.strings.some((s) => s.value === value)) return true;
  return items.hasUnknown ? UNKNOWN : false;
}

function valueOf(prop: LocatedProperty | LocatedValue | undefined): LocatedValue | undefined {
  if (!prop) return undefined;
  return 'keySpan' in prop ? prop.value : prop;
}
