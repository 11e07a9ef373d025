/**
 * The only code that reads `schemas/user-pool-client.json`. Gives every other layer the
 * properties, their names per spelling, types, enums, ranges, defaults and docs.
 */
import rawSchema from '../../../schemas/user-pool-client.json';
import type { ClientDefinition, Spelling } from '../model';
import type { DocSurface, PropertySchema, SchemaDocument, VocabularyEntry, WriteContext } from './types';

export * from './types';

/** The schema document. */
export const schema: SchemaDocument = rawSchema as unknown as SchemaDocument;

/** The write context of a definition: its surface for resources, its operation for SDK calls. */
export function writeContextOf(def: Pick<ClientDefinition, 'surface' | 'operation'>): WriteContext {
  if (def.surface === 'sdk') return def.operation === 'update' || def.operation === 'describe' ? def.operation : 'create';
  return def.surface;
}

/**
 * Whose documentation a definition reads: CDK spellings get the CDK notes, otherwise the write
 * context decides (an SDK create or update call reads the API notes).
 */
export function docSurfaceOf(spelling: Spelling, context: WriteContext): DocSurface {
  if (spelling === 'cdk' || spelling === 'cdkPython') return 'cdk';
  if (context === 'cloudformation' || context === 'terraform') return context;
  return 'api';
}

/** A property's description for one surface: the surface-neutral paragraph, then that surface's note if it has one. */
export function describeFor(prop: Pick<PropertySchema, 'description' | 'surfaceNotes'>, surface: DocSurface): string {
  const note = prop.surfaceNotes?.[surface];
  return note ? `${prop.description}\n\n${note}` : prop.description;
}

/** The members of an object level: the top level for an empty path, else the nested object's members. */
export function membersAt(parentPath: readonly string[]): Record<string, PropertySchema> | undefined {
  let level: Record<string, PropertySchema> | undefined = schema.properties;
  for (const name of parentPath) {
    const prop: PropertySchema | undefined = level?.[name];
    level = prop?.properties ?? prop?.items?.properties;
  }
  return level;
}

/** The schema of a property by canonical path, e.g. `['TokenValidityUnits', 'AccessToken']`. */
export function propertySchema(path: readonly string[]): PropertySchema | undefined {
  if (path.length === 0) return undefined;
  // `membersAt(path.slice(0, -1))` without the copy (asked for every value the rules check).
  let level: Record<string, PropertySchema> | undefined = schema.properties;
  for (let i = 0; i < path.length - 1; i++) {
    const prop: PropertySchema | undefined = level?.[path[i]];
    level = prop?.properties ?? prop?.items?.properties;
  }
  return level?.[path[path.length - 1]];
}

/** The name of a property in a spelling family (the canonical name when that spelling has none). */
export function spell(path: readonly string[], spelling: Spelling): string {
  const name = path[path.length - 1];
  return propertySchema(path)?.names[spelling] ?? name;
}

/** The whole path spelled for a surface, joined with dots (`TokenValidityUnits.AccessToken`). */
export function spellPath(path: readonly string[], spelling: Spelling): string {
  // Asked for every finding's message and every site a shape rule walks: the schema's paths are few.
  const key = `${spelling}\u0000${path.join('\u0000')}`;
  let spelled = spelledPaths.get(key);
  if (spelled === undefined) {
    spelled = path.map((_, i) => spell(path.slice(0, i + 1), spelling)).join('.');
    if (spelledPaths.size < 10_000) spelledPaths.set(key, spelled);
  }
  return spelled;
}

/** Paths already spelled, by spelling and path (bounded: a path may name properties the schema does not know). */
const spelledPaths = new Map<string, string>();

const canonicalIndex = new Map<string, Map<string, string>>();

/**
 * The canonical name of a key as written in a spelling family, under a parent path; undefined
 * when it is not a property there. Exact (case-sensitive) match only.
 */
export function canonicalName(written: string, spelling: Spelling, parentPath: readonly string[] = []): string | undefined {
  const cacheKey = spelling + '\u0000' + parentPath.join('\u0000');
  let index = canonicalIndex.get(cacheKey);
  if (!index) {
    index = new Map();
    for (const [canonical, prop] of Object.entries(membersAt(parentPath) ?? {})) {
      const name = prop.names[spelling];
      if (name !== undefined) index.set(name, canonical);
    }
    canonicalIndex.set(cacheKey, index);
  }
  return index.get(written);
}

/** Every property at a level that exists in a spelling family: canonical name, written name, schema. */
export function propertiesFor(spelling: Spelling, parentPath: readonly string[] = []): { canonical: string; name: string; schema: PropertySchema }[] {
  const out: { canonical: string; name: string; schema: PropertySchema }[] = [];
  for (const [canonical, prop] of Object.entries(membersAt(parentPath) ?? {})) {
    const name = prop.names[spelling];
    if (name !== undefined) out.push({ canonical, name, schema: prop });
  }
  return out;
}

/** Whether a property may be written as input in a context. */
export function isInputIn(prop: PropertySchema, context: WriteContext): boolean {
  if (prop.inputIn) return prop.inputIn.includes(context);
  return !prop.readOnly;
}

/** Whether a property must be present in a context. */
export function isRequiredIn(prop: PropertySchema, context: WriteContext): boolean {
  return prop.requiredIn?.includes(context) ?? false;
}

/** A vocabulary (standard scopes, standard attributes, built-in identity providers) by name. */
export function vocabulary(name: string): VocabularyEntry[] {
  return schema.vocabularies[name] ?? [];
}

/** Seconds per token validity unit. */
export const SECONDS_PER_UNIT: Record<string, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };
