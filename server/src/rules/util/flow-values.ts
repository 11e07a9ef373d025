/**
 * Reading `ExplicitAuthFlows` and refresh token rotation for the authentication-flow rules.
 *
 * Which values are legacy, and what replaces each, comes from the schema's enum (`deprecated`,
 * `replacement`); the few current values the rules reason about by name are listed once here.
 */
import { propertyAt, type ClientDefinition, type LocatedProperty, type StringValue } from '../../model';
import { listOf, stringOf, UNKNOWN, type ListItems, type Unknown } from '../../model/values';
import { propertySchema, type EnumValue } from '../../schema';
import type { SemanticChange } from '../types';
import { propertiesOpen } from './oauth-values';

/** The canonical path of the auth flow list. */
export const FLOWS_PATH = ['ExplicitAuthFlows'];
/** The canonical path of the rotation switch. */
export const ROTATION_FEATURE_PATH = ['RefreshTokenRotation', 'Feature'];

/** The current flow values the rules name. Each is checked against the schema enum in tests. */
export const REFRESH_FLOW = 'ALLOW_REFRESH_TOKEN_AUTH';
export const PASSWORD_FLOW = 'ALLOW_USER_PASSWORD_AUTH';
export const SRP_FLOW = 'ALLOW_USER_SRP_AUTH';
export const CLIENT_TOKEN_FLOW = 'ALLOW_CLIENT_TOKEN_AUTH';
/** The value of `RefreshTokenRotation.Feature` that turns rotation on. */
export const ROTATION_ENABLED = 'ENABLED';

/** The allowed values of `ExplicitAuthFlows`, from the schema. */
export function flowEnum(): EnumValue[] {
  return propertySchema(FLOWS_PATH)?.items?.enum ?? [];
}

/** Legacy (deprecated) flow values and the current value that replaces each. */
export function legacyReplacements(): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of flowEnum()) if (e.deprecated && e.replacement) out.set(e.value, e.replacement);
  return out;
}

/** Whether a value is a legacy flow name. */
export function isLegacyFlow(value: string): boolean {
  return flowEnum().some((e) => e.value === value && e.deprecated === true);
}

/** Whether a value is a current (`ALLOW_*`) flow name known to the schema. */
export function isCurrentFlow(value: string): boolean {
  return flowEnum().some((e) => e.value === value && !e.deprecated);
}

/** A literal item of a list with its index among all items (the index fixes refer to). */
export interface IndexedItem {
  item: StringValue;
  index: number;
}

/** The auth flow list of a definition, read literally. */
export interface FlowList {
  prop: LocatedProperty;
  items: ListItems;
  /** The literal items with their indexes. */
  literal: IndexedItem[];
}

/** The literal items of a list with their indexes among all items. */
export function indexedStrings(items: ListItems): IndexedItem[] {
  const out: IndexedItem[] = [];
  items.all.forEach((item, index) => {
    if (item.kind === 'string') out.push({ item, index });
  });
  return out;
}

/**
 * The definition's `ExplicitAuthFlows` when it is written as a list; undefined when absent or
 * when the whole value is not a literal list (an intrinsic, a variable).
 */
export function readFlows(def: ClientDefinition): FlowList | undefined {
  const prop = def.properties.get(FLOWS_PATH[0]);
  const items = listOf(prop);
  if (!prop || items === undefined || items === UNKNOWN) return undefined;
  return { prop, items, literal: indexedStrings(items) };
}

/**
 * Whether refresh token rotation is on: true / false, or `UNKNOWN` when `RefreshTokenRotation`
 * or its `Feature` is not literal, or the properties are spread in from elsewhere. An absent block
 * or member means rotation is off.
 */
export function rotationEnabled(def: ClientDefinition): boolean | Unknown {
  const block = def.properties.get(ROTATION_FEATURE_PATH[0]);
  if (!block) return propertiesOpen(def) ? UNKNOWN : false;
  if (block.value.kind === 'null') return false;
  if (block.value.kind !== 'object') return UNKNOWN;
  const feature = stringOf(propertyAt(def, ROTATION_FEATURE_PATH));
  if (feature === undefined) return false;
  if (feature === UNKNOWN) return UNKNOWN;
  return feature === ROTATION_ENABLED;
}

/** The changes that turn every legacy item of a list into its replacement (dropping duplicates). */
export function convertLegacyChanges(flows: FlowList): SemanticChange[] {
  const replacements = legacyReplacements();
  const present = new Set(flows.literal.map((l) => l.item.value));
  const changes: SemanticChange[] = [];
  for (const { item, index } of flows.literal) {
    const replacement = replacements.get(item.value);
    if (replacement === undefined) continue;
    if (present.has(replacement)) {
      changes.push({ kind: 'removeItem', path: FLOWS_PATH, index });
    } else {
      changes.push({ kind: 'replaceItem', path: FLOWS_PATH, index, value: replacement });
      present.add(replacement);
    }
  }
  return changes;
}
