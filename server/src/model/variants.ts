/**
 * The cases of a definition with conditional properties. A property whose whole value is a
 * conditional with a named condition (`AccessTokenValidity: !If [IsProd, 60, 5]`) has one value
 * per case; a variant of the definition is the definition as it reads for one truth value of each
 * condition: the property holding that branch's value (with the branch's own spans), or absent
 * when the branch removes it (`AWS::NoValue`). A condition used by several properties takes the
 * same value in all of them, so a variant is a consistent reading of the template.
 *
 * Conditionals in object members are resolved at any depth (`TokenValidityUnits.AccessToken`), also
 * inside a chosen branch, and so is a conditional body (`Properties: !If [C, {...}, {...}]`, path
 * `''`); conditionals as list items are not (the rules read their alternatives).
 * At most `MAX_CONDITIONS` conditions are resolved (2^3 variants); others stay unknown.
 */
import type { ClientDefinition, LocatedProperty, LocatedValue, ObjectValue, UnknownValue } from './index';

/** How many distinct conditions a definition is checked under, at most. */
export const MAX_CONDITIONS = 3;

/** A truth value per condition name. */
export type ConditionValues = Record<string, boolean>;

/** One case of a definition. */
export interface Variant {
  when: ConditionValues;
  def: ClientDefinition;
  /**
   * The canonical paths (joined with `.`, `''` for the body) of the properties resolved in this
   * variant, with the conditions deciding each (several for a conditional in a branch of another)
   * and whether the property is present in this case.
   */
  resolved: Map<string, { conditions: string[]; present: boolean }>;
}

function conditionalOf(value: LocatedValue): UnknownValue['branches'] | undefined {
  return value.kind === 'unknown' ? value.branches : undefined;
}

/** The distinct conditions deciding a whole member's value, in document order, at most `MAX_CONDITIONS`. */
export function conditionsOf(def: ClientDefinition): string[] {
  const out: string[] = [];
  const visit = (value: LocatedValue, depth: number): void => {
    if (depth > 20) return;
    const branches = conditionalOf(value);
    if (branches) {
      if (!out.includes(branches.condition) && out.length < MAX_CONDITIONS) out.push(branches.condition);
      if (branches.whenTrue) visit(branches.whenTrue, depth + 1);
      if (branches.whenFalse) visit(branches.whenFalse, depth + 1);
      return;
    }
    if (value.kind === 'object') for (const m of value.members) if (m.canonical !== undefined) visit(m.value, depth + 1);
  };
  if (def.body) visit(def.body, 0);
  return out;
}

/** The definition as it reads when the conditions have the given values. */
export function variantOf(def: ClientDefinition, when: ConditionValues): Variant {
  const resolved = new Map<string, { conditions: string[]; present: boolean }>();
  const choose = (value: LocatedValue, path: string, depth: number): LocatedValue | undefined => {
    if (depth > 20) return value;
    const branches = conditionalOf(value);
    if (branches && branches.condition in when) {
      const present = when[branches.condition] ? branches.whenTrue : branches.whenFalse;
      const seen = resolved.get(path);
      if (seen) {
        seen.conditions.push(branches.condition);
        seen.present = present !== undefined;
      } else resolved.set(path, { conditions: [branches.condition], present: present !== undefined });
      return present === undefined ? undefined : choose(present, path, depth + 1);
    }
    if (value.kind === 'object') return objectOf(value, path, depth + 1);
    return value;
  };
  const objectOf = (obj: ObjectValue, path: string, depth: number): ObjectValue => {
    const members: LocatedProperty[] = [];
    let changed = false;
    for (const m of obj.members) {
      if (m.canonical === undefined) {
        members.push(m);
        continue;
      }
      const value = choose(m.value, path === '' ? m.canonical : `${path}.${m.canonical}`, depth);
      if (value !== m.value) changed = true;
      if (value !== undefined) members.push(value === m.value ? m : { ...m, value });
    }
    return changed ? { ...obj, members } : obj;
  };
  if (!def.body) return { when, def, resolved };
  const body = choose(def.body, '', 0);
  if (body === def.body) return { when, def, resolved };
  const properties = new Map<string, LocatedProperty>();
  if (body?.kind === 'object') for (const m of body.members) if (m.canonical !== undefined) properties.set(m.canonical, m);
  const variant: ClientDefinition = { ...def, properties };
  if (body?.kind === 'object' || body?.kind === 'unknown') variant.body = body;
  else delete variant.body;
  return { when, def: variant, resolved };
}

/** Every variant of a definition (one per combination of its conditions); empty when it has none. */
export function variantsOf(def: ClientDefinition): Variant[] {
  const conditions = conditionsOf(def);
  if (conditions.length === 0) return [];
  const out: Variant[] = [];
  for (let bits = 0; bits < 1 << conditions.length; bits++) {
    const when: ConditionValues = {};
    conditions.forEach((c, i) => (when[c] = (bits & (1 << i)) === 0));
    out.push(variantOf(def, when));
  }
  return out;
}

/** `IsProd is true`, `IsProd is true and HasApp is false`. */
export function describeConditions(when: ConditionValues): string {
  return Object.entries(when).map(([c, v]) => `${c} is ${v}`).join(' and ');
}
