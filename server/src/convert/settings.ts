/**
 * The settings of one client, taken out of the located model for conversion: every property the
 * client writes (or, for a derived client such as the CDK L2, every property the derived resource
 * gets), by canonical name, as plain values. A value the source cannot know statically is an
 * `Input`: the targets write it as their idiom for an input (a parameter, a variable, a function
 * argument). Output-only members (`ClientId`, `ClientSecret`, dates) and the Terraform-only
 * `region` are left out: no target takes them as input.
 *
 * `effectiveSettings` is the comparison the round trip is checked with: the settings with the
 * service's defaults applied, token lifetimes in seconds, and order-free lists sorted.
 *
 * Pure: no syntax, no I/O.
 */
import type { ClientDefinition, LocatedValue, SurfaceKind } from '../model';
import { propertySchema, schema, SECONDS_PER_UNIT, type PropertySchema } from '../schema';

/** A value the source could not know statically. */
export class Input {
  constructor(
    /** A name for it, from the canonical path (`UserPoolId`, `CallbackURLs2`). */
    readonly name: string,
    /** What the source wrote (`!Ref`, `var.x`, an identifier), for comments and descriptions. */
    readonly reason: string,
    /** The schema type expected there. */
    readonly type: 'string' | 'integer' | 'boolean' | 'list' | 'object',
  ) {}
}

export type Setting = string | number | boolean | null | Setting[] | { [key: string]: Setting } | Input;
export type SettingsObject = { [key: string]: Setting };

export interface ClientSettings {
  /** The client's name in the source (logical id, resource label, construct id, command). */
  name: string;
  /** Where it came from. */
  source: { surface: SurfaceKind; spelling: string; operation: string; derived?: string };
  /** Top-level settings by canonical name, in schema order. */
  values: SettingsObject;
  /** What was left out and why (output-only members, ...). */
  dropped: string[];
}

/** Properties that are never converted: outputs of the service, and Terraform's own provider region. */
const NOT_CONVERTED: Record<string, string> = {
  ClientId: 'an output of the service',
  ClientSecret: 'an output of the service (a live credential)',
  CreationDate: 'an output of the service',
  LastModifiedDate: 'an output of the service',
  Region: 'the Terraform provider region, not a client setting',
};

/** The settings of a client definition. */
export function settingsOf(def: ClientDefinition): ClientSettings {
  const values: SettingsObject = {};
  const dropped: string[] = [];
  const written = new Map(def.properties);
  for (const canonical of Object.keys(schema.properties)) {
    const prop = written.get(canonical);
    if (!prop) continue;
    if (canonical in NOT_CONVERTED) {
      dropped.push(`${canonical}: ${NOT_CONVERTED[canonical]}`);
      continue;
    }
    if (prop.value.kind === 'null') continue;
    values[canonical] = valueOf(prop.value, [canonical], def.surface, canonical);
  }
  if (def.open) dropped.push(`more settings may come from ${def.open.reason}: only what is written is converted`);
  // A client that has a secret (a describe result shows it; a create request may set it) is one
  // with a secret: the target generates a new one, as none takes the value itself.
  const secret = written.get('ClientSecret');
  if (secret && secret.value.kind !== 'null' && def.properties.get('GenerateSecret') === undefined && def.operation !== 'update') {
    values.GenerateSecret = true;
    dropped.push('ClientSecret: the client has a secret, so the conversion sets GenerateSecret; the target generates a new secret');
  }
  return {
    // A Terraform address names the client by its label.
    name: def.surface === 'terraform' ? def.name.split('.').pop()! : def.name,
    source: { surface: def.surface, spelling: def.spelling, operation: def.operation, derived: def.derived?.by },
    values: inSchemaOrder(values),
    dropped,
  };
}

/** A located value as a setting; `name` names the inputs inside it. */
function valueOf(v: LocatedValue, path: string[], surface: SurfaceKind, name: string): Setting {
  const ps = propertySchema(path);
  switch (v.kind) {
    case 'null':
      return null;
    case 'unknown':
      return new Input(name, v.reason, ps?.type ?? 'string');
    case 'boolean':
      return v.value;
    case 'number':
      return v.value;
    case 'string':
      // CloudFormation and Terraform convert quoted booleans and numbers themselves.
      if (surface !== 'sdk' && ps?.type === 'boolean' && (v.value === 'true' || v.value === 'false')) return v.value === 'true';
      if (surface !== 'sdk' && ps?.type === 'integer' && /^-?\d+$/.test(v.value.trim())) return Number(v.value);
      return v.value;
    case 'list':
      return v.items.map((item, i) =>
        item.kind === 'unknown' ? new Input(`${name}${i + 1}`, item.reason, ps?.items?.type ?? 'string') : valueOf(item, ps?.type === 'list' ? path : [...path, '?'], surface, `${name}${i + 1}`),
      );
    case 'object': {
      const out: SettingsObject = {};
      for (const m of v.members) {
        const key = m.canonical ?? m.name;
        if (m.canonical === undefined) continue; // unknown member: the source reports it; nothing to convert
        out[key] = valueOf(m.value, [...path, key], surface, `${name}${key}`);
      }
      return out;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Durations.

/** Seconds of a token validity setting, or undefined when it (or its unit) is not literal. */
export function validitySeconds(values: SettingsObject, canonical: 'AccessTokenValidity' | 'IdTokenValidity' | 'RefreshTokenValidity'): number | undefined {
  const spec = propertySchema([canonical])!.duration!;
  const n = values[canonical];
  const units = values.TokenValidityUnits;
  let unit: Setting | undefined = spec.defaultUnit;
  if (units !== undefined) {
    if (units instanceof Input || typeof units !== 'object' || units === null || Array.isArray(units)) return undefined;
    if (units[spec.unitMember] !== undefined) unit = units[spec.unitMember];
  }
  if (typeof unit !== 'string' || !(unit in SECONDS_PER_UNIT)) return undefined;
  if (n === undefined) return (propertySchema([canonical])!.default as number) * SECONDS_PER_UNIT[spec.defaultUnit];
  if (typeof n !== 'number') return undefined;
  return n * SECONDS_PER_UNIT[unit];
}

export const VALIDITIES = ['AccessTokenValidity', 'IdTokenValidity', 'RefreshTokenValidity'] as const;

/** A number of seconds in the largest unit that holds it whole (of those allowed). */
export function bestUnit(seconds: number, allowed: readonly string[] = ['days', 'hours', 'minutes', 'seconds']): { amount: number; unit: string } | undefined {
  for (const unit of allowed) {
    const per = SECONDS_PER_UNIT[unit];
    if (seconds % per === 0) return { amount: seconds / per, unit };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Writing: the settings a declarative target writes, defaults left out, units chosen to read well.

/**
 * The settings as a CloudFormation / Terraform / API target writes them: values equal to the
 * service default left out, token lifetimes in the largest whole unit (with `TokenValidityUnits`
 * members only where the unit is not the default), everything else as it is.
 */
export function writtenSettings(values: SettingsObject): SettingsObject {
  const out: SettingsObject = {};
  const rawUnits = values.TokenValidityUnits;
  // Units that are not a literal object: every lifetime is written as the source has it.
  const unitsLiteral = rawUnits === undefined || (typeof rawUnits === 'object' && rawUnits !== null && !Array.isArray(rawUnits) && !(rawUnits instanceof Input));
  const units: SettingsObject = {};
  for (const [canonical, value] of Object.entries(values)) {
    if (canonical === 'TokenValidityUnits') continue;
    if ((VALIDITIES as readonly string[]).includes(canonical)) continue;
    if (isDefault(canonical, value)) continue;
    out[canonical] = value;
  }
  for (const canonical of VALIDITIES) {
    const spec = propertySchema([canonical])!.duration!;
    const seconds = unitsLiteral ? validitySeconds(values, canonical) : undefined;
    if (seconds === undefined) {
      // Not literal: the number and its unit as the source has them.
      if (values[canonical] !== undefined) out[canonical] = values[canonical];
      const unit = unitsLiteral && rawUnits ? (rawUnits as SettingsObject)[spec.unitMember] : undefined;
      if (unit !== undefined) units[spec.unitMember] = unit;
      continue;
    }
    const def = (propertySchema([canonical])!.default as number) * SECONDS_PER_UNIT[spec.defaultUnit];
    if (seconds === def && values[canonical] === undefined) continue;
    if (seconds === def) continue;
    // The default unit when the number is whole in it (1 hour reads `1`, 90 days `90`), else the largest whole unit.
    const inDefault = seconds / SECONDS_PER_UNIT[spec.defaultUnit];
    if (Number.isInteger(inDefault) && inDefault > 0) out[canonical] = inDefault;
    else {
      const best = bestUnit(seconds);
      out[canonical] = best && Number.isInteger(best.amount) ? best.amount : seconds;
      units[spec.unitMember] = best && Number.isInteger(best.amount) ? best.unit : 'seconds';
    }
  }
  if (!unitsLiteral) out.TokenValidityUnits = rawUnits;
  else if (Object.keys(units).length > 0) {
    const ordered: SettingsObject = {};
    for (const m of ['AccessToken', 'IdToken', 'RefreshToken']) if (units[m] !== undefined) ordered[m] = units[m];
    out.TokenValidityUnits = ordered;
  }
  return inSchemaOrder(out);
}

/** Whether a top-level value is the service default (so writing it changes nothing). */
export function isDefault(canonical: string, value: Setting): boolean {
  const ps = propertySchema([canonical]);
  if (!ps || ps.default === undefined || value instanceof Input) return false;
  if (canonical === 'ExplicitAuthFlows' || canonical === 'ReadAttributes' || canonical === 'WriteAttributes') return false; // lists: kept as written
  return JSON.stringify(value) === JSON.stringify(ps.default);
}

/** The object with its keys in schema order (unknown ones last). */
export function inSchemaOrder(values: SettingsObject): SettingsObject {
  const out: SettingsObject = {};
  for (const k of Object.keys(schema.properties)) if (values[k] !== undefined) out[k] = values[k];
  for (const [k, v] of Object.entries(values)) if (!(k in out)) out[k] = v;
  return out;
}

/** The settings as plain JSON with every input as `"<input>"` (names and reasons differ between surfaces). */
export function plainSettings(values: Setting | SettingsObject): unknown {
  if (values instanceof Input) return '<input>';
  if (Array.isArray(values)) return values.map(plainSettings);
  if (values && typeof values === 'object') return Object.fromEntries(Object.entries(values).map(([k, x]) => [k, plainSettings(x)]));
  return values;
}

/** Every input in a setting, depth first. */
export function inputsOf(value: Setting | SettingsObject): Input[] {
  if (value instanceof Input) return [value];
  if (Array.isArray(value)) return value.flatMap(inputsOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(inputsOf);
  return [];
}

// ---------------------------------------------------------------------------------------------
// The effective client, for comparisons.

/** Lists whose order the service ignores. */
export const SETS = ['ExplicitAuthFlows', 'SupportedIdentityProviders', 'CallbackURLs', 'LogoutURLs', 'AllowedOAuthFlows', 'AllowedOAuthScopes', 'ReadAttributes', 'WriteAttributes'];
/** Lists with no default: absent and empty mean the same. */
const EMPTY_IS_ABSENT = ['SupportedIdentityProviders', 'CallbackURLs', 'LogoutURLs', 'AllowedOAuthFlows', 'AllowedOAuthScopes'];

/**
 * The effective client as plain JSON, for comparing a source with its conversion: defaults
 * applied, token lifetimes as `{ seconds }`, set-like lists sorted, every input as `"<input>"`
 * (its name may differ between surfaces), a client name the service generates as `"<input>"`
 * too (CloudFormation and the CDK generate one when none is given; the API and Terraform need one,
 * which the conversion then asks for as an input).
 */
export function effectiveSettings(values: SettingsObject): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const plain = (v: Setting): unknown => {
    if (v instanceof Input) return '<input>';
    if (Array.isArray(v)) return v.map(plain);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
    return v;
  };
  for (const [canonical, ps] of Object.entries(schema.properties) as [string, PropertySchema][]) {
    if (canonical in NOT_CONVERTED || canonical === 'TokenValidityUnits') continue;
    let value: unknown = values[canonical] === undefined ? undefined : plain(values[canonical]);
    if ((VALIDITIES as readonly string[]).includes(canonical)) {
      const seconds = validitySeconds(values, canonical as (typeof VALIDITIES)[number]);
      // A lifetime that is an input is one whatever its unit (the CDK writes every unit as minutes).
      value = seconds !== undefined ? { seconds } : value === '<input>' ? { seconds: '<input>' } : { raw: value ?? null, unit: plain(values.TokenValidityUnits ?? null) };
    } else if (value === undefined) {
      if (canonical === 'ClientName') value = '<input>';
      else if (EMPTY_IS_ABSENT.includes(canonical)) value = [];
      else if (canonical === 'RefreshTokenRotation') value = { Feature: 'DISABLED' };
      else value = ps.default;
    }
    if (canonical === 'RefreshTokenRotation' && value && typeof value === 'object' && (value as Record<string, unknown>).Feature === 'DISABLED') value = { Feature: 'DISABLED' };
    if (SETS.includes(canonical) && Array.isArray(value)) value = [...value].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    if (value !== undefined) out[canonical] = value;
  }
  return out;
}

/** The object with the lists whose order the service ignores sorted (for comparing written settings). */
export function sortedSets(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, SETS.includes(k) && Array.isArray(v) ? [...v].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) : v]));
}
