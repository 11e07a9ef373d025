/**
 * Consistency of `schemas/user-pool-client.json`, the single source of truth for property names,
 * types, enums, ranges, defaults and docs.
 *
 * Every check is a pure function from a schema document to a list of problems. Each runs on the
 * real schema (no problems expected) and on a deliberately broken copy (the problem must be found),
 * so none of them can pass vacuously. The accessors in `server/src/schema` are exercised on the real
 * document at the end.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { Spelling } from '../../server/src/model';
import {
  canonicalName,
  describeFor,
  docSurfaceOf,
  isInputIn,
  isRequiredIn,
  membersAt,
  propertiesFor,
  propertySchema,
  schema,
  SECONDS_PER_UNIT,
  spell,
  spellPath,
  vocabulary,
} from '../../server/src/schema';
import type { DocLinks, DocSurface, JsonValue, PropertySchema, SchemaDocument, ValueSchema, WriteContext } from '../../server/src/schema';
import cloudformationJsonSchema from '../../schemas/user-pool-client.cloudformation.schema.json';

const SPELLINGS: Spelling[] = ['cloudformation', 'api', 'terraform', 'cdk', 'cdkPython'];
const CONTEXTS: WriteContext[] = ['cloudformation', 'terraform', 'create', 'update', 'describe'];
const TYPES: ValueSchema['type'][] = ['string', 'integer', 'boolean', 'list', 'object'];

// ---------------------------------------------------------------------------------------------
// Walking the document

interface PropertyAt {
  /** Canonical path, e.g. `['TokenValidityUnits', 'AccessToken']`. */
  path: string[];
  prop: PropertySchema;
}

/** The members of a property that has some (an object, or a list of objects). */
function membersOf(prop: ValueSchema): Record<string, PropertySchema> | undefined {
  return prop.properties ?? prop.items?.properties;
}

/** Every property at every level, parents before their members. */
function allProperties(doc: SchemaDocument): PropertyAt[] {
  const out: PropertyAt[] = [];
  const visit = (level: Record<string, PropertySchema>, parent: string[]): void => {
    for (const [name, prop] of Object.entries(level)) {
      out.push({ path: [...parent, name], prop });
      const members = membersOf(prop);
      if (members) visit(members, [...parent, name]);
    }
  };
  visit(doc.properties, []);
  return out;
}

/** Every object level: the top level, then each object's members, with the parent path. */
function allLevels(doc: SchemaDocument): { parent: string[]; members: Record<string, PropertySchema> }[] {
  const out = [{ parent: [] as string[], members: doc.properties }];
  for (const { path: p, prop } of allProperties(doc)) {
    const members = membersOf(prop);
    if (members) out.push({ parent: p, members });
  }
  return out;
}

/** Every value schema (each property and, recursively, its list items), labelled for messages. */
function allValueSchemas(doc: SchemaDocument): { where: string; value: ValueSchema }[] {
  const out: { where: string; value: ValueSchema }[] = [];
  for (const { path: p, prop } of allProperties(doc)) {
    let where = p.join('.');
    let value: ValueSchema | undefined = prop;
    while (value) {
      out.push({ where, value });
      value = value.items;
      where += '[]';
    }
  }
  return out;
}

/** Whether a whole string matches an (unanchored) schema pattern. */
function matchesWhole(pattern: string, text: string): boolean {
  return new RegExp(`^(?:${pattern})$`, 'u').test(text);
}

/** The problems of a JSON value against a value schema (type, enum, range, length, pattern, members). */
function valueProblems(value: JsonValue, vs: ValueSchema, where: string): string[] {
  const problems: string[] = [];
  switch (vs.type) {
    case 'string':
      if (typeof value !== 'string') return [`${where}: ${JSON.stringify(value)} is not a string`];
      if (vs.enum && !vs.enum.some((e) => e.value === value)) problems.push(`${where}: ${JSON.stringify(value)} is not an enum value`);
      if (vs.minLength !== undefined && value.length < vs.minLength) problems.push(`${where}: ${JSON.stringify(value)} is shorter than ${vs.minLength}`);
      if (vs.maxLength !== undefined && value.length > vs.maxLength) problems.push(`${where}: ${JSON.stringify(value)} is longer than ${vs.maxLength}`);
      if (vs.pattern !== undefined && !matchesWhole(vs.pattern, value)) problems.push(`${where}: ${JSON.stringify(value)} does not match the pattern`);
      return problems;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return [`${where}: ${JSON.stringify(value)} is not an integer`];
      if (vs.minimum !== undefined && value < vs.minimum) problems.push(`${where}: ${value} is below the minimum ${vs.minimum}`);
      if (vs.maximum !== undefined && value > vs.maximum) problems.push(`${where}: ${value} is above the maximum ${vs.maximum}`);
      return problems;
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${where}: ${JSON.stringify(value)} is not a boolean`];
    case 'list':
      if (!Array.isArray(value)) return [`${where}: ${JSON.stringify(value)} is not a list`];
      if (vs.minItems !== undefined && value.length < vs.minItems) problems.push(`${where}: fewer than ${vs.minItems} items`);
      if (vs.maxItems !== undefined && value.length > vs.maxItems) problems.push(`${where}: more than ${vs.maxItems} items`);
      if (vs.items) value.forEach((item, i) => problems.push(...valueProblems(item, vs.items as ValueSchema, `${where}[${i}]`)));
      return problems;
    case 'object':
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return [`${where}: ${JSON.stringify(value)} is not an object`];
      for (const [key, member] of Object.entries(value)) {
        const ms = vs.properties?.[key];
        if (!ms) problems.push(`${where}: ${key} is not a member`);
        else problems.push(...valueProblems(member, ms, `${where}.${key}`));
      }
      return problems;
  }
}

// ---------------------------------------------------------------------------------------------
// The checks

type Check = (doc: SchemaDocument) => string[];

/** Every property exists in the API or in Terraform (CloudFormation-only settings do not exist). */
const everyPropertyHasApiOrTerraformName: Check = (doc) =>
  allProperties(doc)
    .filter(({ prop }) => prop.names.api === undefined && prop.names.terraform === undefined)
    .map(({ path: p }) => `${p.join('.')}: neither an api nor a terraform name`);

/** No two properties at one level share a name in one spelling family. */
const namesUniquePerLevel: Check = (doc) => {
  const problems: string[] = [];
  for (const { parent, members } of allLevels(doc)) {
    for (const spelling of SPELLINGS) {
      const seen = new Map<string, string>();
      for (const [canonical, prop] of Object.entries(members)) {
        const name = prop.names[spelling];
        if (name === undefined) continue;
        const other = seen.get(name);
        if (other) problems.push(`${[...parent, canonical].join('.')}: ${spelling} name ${name} is also ${other}'s`);
        seen.set(name, canonical);
      }
    }
  }
  return problems;
};

/** CloudFormation and API names are the canonical key itself. */
const cloudformationAndApiNamesAreCanonical: Check = (doc) => {
  const problems: string[] = [];
  for (const { path: p, prop } of allProperties(doc)) {
    const key = p[p.length - 1];
    for (const spelling of ['cloudformation', 'api'] as const) {
      const name = prop.names[spelling];
      if (name !== undefined && name !== key) problems.push(`${p.join('.')}: ${spelling} name ${name} is not the canonical key ${key}`);
    }
  }
  return problems;
};

const SNAKE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

/** Terraform names are snake_case. */
const terraformNamesAreSnakeCase: Check = (doc) =>
  allProperties(doc)
    .filter(({ prop }) => prop.names.terraform !== undefined && !SNAKE.test(prop.names.terraform))
    .map(({ path: p, prop }) => `${p.join('.')}: terraform name ${prop.names.terraform} is not snake_case`);

/**
 * CDK L1 names are jsii's mechanical renaming of the CloudFormation name: TypeScript camelCase with
 * the same letters, Python the snake_case of the TypeScript name (`callbackUrLs` / `callback_ur_ls`).
 * They exist only where the CloudFormation input does, and always in pairs.
 */
const cdkNamesFollowJsii: Check = (doc) => {
  const problems: string[] = [];
  for (const { path: p, prop } of allProperties(doc)) {
    const where = p.join('.');
    const { cdk, cdkPython, cloudformation } = prop.names;
    if ((cdk === undefined) !== (cdkPython === undefined)) problems.push(`${where}: cdk and cdkPython names must come together`);
    if (cdk === undefined) continue;
    if (cloudformation === undefined) problems.push(`${where}: a cdk name without a cloudformation name`);
    if (!/^[a-z][A-Za-z0-9]*$/.test(cdk)) problems.push(`${where}: cdk name ${cdk} is not camelCase`);
    if (cloudformation !== undefined && cdk.toLowerCase() !== cloudformation.toLowerCase()) problems.push(`${where}: cdk name ${cdk} does not spell ${cloudformation}`);
    const expectedPython = cdk.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());
    if (cdkPython !== expectedPython) problems.push(`${where}: cdkPython name ${cdkPython} should be ${expectedPython}`);
    if (prop.inputIn && !prop.inputIn.includes('cloudformation')) problems.push(`${where}: a cdk name for a property that is not input in CloudFormation`);
  }
  return problems;
};

/** Enum values are unique, described, and deprecated ones name a live replacement. */
const enumsAreWellFormed: Check = (doc) => {
  const problems: string[] = [];
  for (const { where, value } of allValueSchemas(doc)) {
    if (!value.enum) continue;
    if (value.type !== 'string') problems.push(`${where}: enum on a ${value.type}`);
    if (value.enum.length === 0) problems.push(`${where}: empty enum`);
    const seen = new Set<string>();
    for (const e of value.enum) {
      if (seen.has(e.value)) problems.push(`${where}: enum value ${e.value} is repeated`);
      seen.add(e.value);
      if (e.value.trim() === '') problems.push(`${where}: empty enum value`);
      if (!isRealText(e.description)) problems.push(`${where}: enum value ${e.value} has no description`);
      if (e.replacement !== undefined && !e.deprecated) problems.push(`${where}: ${e.value} names a replacement but is not deprecated`);
      if (e.deprecated) {
        const replacement = value.enum.find((r) => r.value === e.replacement);
        if (!replacement) problems.push(`${where}: deprecated ${e.value} has replacement ${String(e.replacement)}, which is not an enum value`);
        else if (replacement.deprecated) problems.push(`${where}: deprecated ${e.value} is replaced by deprecated ${replacement.value}`);
      }
    }
  }
  return problems;
};

/** Patterns compile with the `u` flag and are written without anchors (they apply to the whole value). */
const patternsCompile: Check = (doc) => {
  const problems: string[] = [];
  for (const { where, value } of allValueSchemas(doc)) {
    if (value.pattern === undefined) continue;
    if (value.type !== 'string') problems.push(`${where}: pattern on a ${value.type}`);
    try {
      new RegExp(value.pattern, 'u');
    } catch (e) {
      problems.push(`${where}: pattern does not compile with the u flag: ${(e as Error).message}`);
    }
    if (value.pattern.startsWith('^') || value.pattern.endsWith('$')) problems.push(`${where}: pattern is anchored`);
  }
  return problems;
};

/** Bounds are non-negative integers (or any integer for `minimum`/`maximum`) with min <= max. */
const boundsAreOrdered: Check = (doc) => {
  const problems: string[] = [];
  const pairs = [
    ['minimum', 'maximum'],
    ['minLength', 'maxLength'],
    ['minItems', 'maxItems'],
  ] as const;
  for (const { where, value } of allValueSchemas(doc)) {
    for (const [lo, hi] of pairs) {
      const a = value[lo];
      const b = value[hi];
      for (const [k, v] of [[lo, a], [hi, b]] as const) {
        if (v === undefined) continue;
        if (!Number.isInteger(v)) problems.push(`${where}: ${k} ${v} is not an integer`);
        if (k !== 'minimum' && k !== 'maximum' && v < 0) problems.push(`${where}: ${k} ${v} is negative`);
      }
      if (a !== undefined && b !== undefined && a > b) problems.push(`${where}: ${lo} ${a} > ${hi} ${b}`);
    }
  }
  return problems;
};

/** Keywords appear only on the types they apply to. */
const keywordsMatchTypes: Check = (doc) => {
  const problems: string[] = [];
  const only: [keyof PropertySchema, ValueSchema['type']][] = [
    ['items', 'list'],
    ['minItems', 'list'],
    ['maxItems', 'list'],
    ['properties', 'object'],
    ['terraformBlock', 'object'],
    ['minimum', 'integer'],
    ['maximum', 'integer'],
    ['duration', 'integer'],
    ['unit', 'integer'],
    ['minLength', 'string'],
    ['maxLength', 'string'],
    ['format', 'string'],
    ['suggestions', 'string'],
  ];
  for (const { where, value } of allValueSchemas(doc)) {
    if (!TYPES.includes(value.type)) problems.push(`${where}: unknown type ${String(value.type)}`);
    for (const [keyword, type] of only) {
      if ((value as PropertySchema)[keyword] !== undefined && value.type !== type) problems.push(`${where}: ${keyword} on a ${value.type}`);
    }
    if (value.type === 'list' && !value.items) problems.push(`${where}: a list without items`);
    if (value.type === 'object' && !value.properties) problems.push(`${where}: an object without properties`);
    const unit = (value as PropertySchema).unit;
    if (unit !== undefined && !(unit in SECONDS_PER_UNIT)) problems.push(`${where}: unknown unit ${unit}`);
  }
  return problems;
};

/** Token validity durations point at a real unit member whose default is the duration's default unit. */
const durationsAreConsistent: Check = (doc) => {
  const problems: string[] = [];
  const units = doc.properties.TokenValidityUnits?.properties ?? {};
  for (const { path: p, prop } of allProperties(doc)) {
    const d = prop.duration;
    if (!d) continue;
    const where = p.join('.');
    const member = units[d.unitMember];
    if (!member) {
      problems.push(`${where}: duration unit member ${d.unitMember} is not a member of TokenValidityUnits`);
      continue;
    }
    if (!member.enum?.some((e) => e.value === d.defaultUnit)) problems.push(`${where}: default unit ${d.defaultUnit} is not a value of ${d.unitMember}`);
    if (member.default !== d.defaultUnit) problems.push(`${where}: default unit ${d.defaultUnit} differs from ${d.unitMember}'s default ${JSON.stringify(member.default)}`);
    if (!(d.defaultUnit in SECONDS_PER_UNIT)) problems.push(`${where}: unknown default unit ${d.defaultUnit}`);
    if (!(d.minSeconds > 0 && d.minSeconds <= d.maxSeconds)) problems.push(`${where}: duration bounds ${d.minSeconds}..${d.maxSeconds} are not ordered`);
    if (prop.maximum === undefined || prop.minimum === undefined) problems.push(`${where}: a duration without a raw range`);
    if (typeof prop.default === 'number') {
      const seconds = prop.default * (SECONDS_PER_UNIT[d.defaultUnit] ?? NaN);
      if (!(seconds >= d.minSeconds && seconds <= d.maxSeconds)) problems.push(`${where}: default ${prop.default} ${d.defaultUnit} is outside ${d.minSeconds}..${d.maxSeconds} seconds`);
    }
  }
  return problems;
};

/** Defaults satisfy their own property's type, enum, range, length and pattern. */
const defaultsAreValid: Check = (doc) =>
  allProperties(doc)
    .filter(({ prop }) => prop.default !== undefined)
    .flatMap(({ path: p, prop }) => valueProblems(prop.default as JsonValue, prop, `${p.join('.')} default`));

/** Suggestions name a vocabulary; vocabularies are non-empty, unique and described. */
const vocabulariesAreConsistent: Check = (doc) => {
  const problems: string[] = [];
  for (const { where, value } of allValueSchemas(doc)) {
    if (value.suggestions !== undefined && !doc.vocabularies[value.suggestions]) problems.push(`${where}: suggestions ${value.suggestions} is not a vocabulary`);
  }
  for (const [name, entries] of Object.entries(doc.vocabularies)) {
    if (entries.length === 0) problems.push(`vocabulary ${name} is empty`);
    const seen = new Set<string>();
    for (const e of entries) {
      if (seen.has(e.value)) problems.push(`vocabulary ${name}: ${e.value} is repeated`);
      seen.add(e.value);
      if (!isRealText(e.description)) problems.push(`vocabulary ${name}: ${e.value} has no description`);
    }
  }
  return problems;
};

/** The write context whose input a spelling family writes. CDK L1 code synthesises CloudFormation. */
const SPELLINGS_OF_CONTEXT: Record<WriteContext, Spelling[]> = {
  cloudformation: ['cloudformation', 'cdk', 'cdkPython'],
  terraform: ['terraform'],
  create: ['api'],
  update: ['api'],
  describe: ['api'],
};

/** `requiredIn` / `inputIn` use only the four contexts, once each, where the property is spelled and input. */
const contextsAreValid: Check = (doc) => {
  const problems: string[] = [];
  for (const { path: p, prop } of allProperties(doc)) {
    const where = p.join('.');
    for (const field of ['requiredIn', 'inputIn'] as const) {
      const list = prop[field];
      if (list === undefined) continue;
      if (list.length === 0) problems.push(`${where}: empty ${field}`);
      if (new Set(list).size !== list.length) problems.push(`${where}: ${field} repeats a context`);
      for (const c of list) {
        if (!CONTEXTS.includes(c)) problems.push(`${where}: ${field} has unknown context ${String(c)}`);
        else if (!SPELLINGS_OF_CONTEXT[c].some((s) => prop.names[s] !== undefined)) problems.push(`${where}: ${field} has ${c} but the property has no name there`);
      }
    }
    for (const c of prop.requiredIn ?? []) {
      if (CONTEXTS.includes(c) && !isInputIn(prop, c)) problems.push(`${where}: required in ${c} but not input there`);
    }
    if (prop.readOnly && prop.default !== undefined) problems.push(`${where}: a read-only property with a default`);
  }
  return problems;
};

/** Text that is really there: non-empty and not a placeholder. */
function isRealText(text: unknown): boolean {
  if (typeof text !== 'string') return false;
  const t = text.trim();
  return t !== '' && !/^(todo|tbd|fixme|xxx)\b/i.test(t);
}

/** Titles are one real line; descriptions and notes are real text. */
const textsArePresent: Check = (doc) => {
  const problems: string[] = [];
  const title = (where: string, t: unknown): void => {
    if (!isRealText(t)) problems.push(`${where}: missing title`);
    else if (/[\r\n]/.test(t as string)) problems.push(`${where}: title spans lines`);
  };
  title('resource', doc.resource.title);
  if (!isRealText(doc.resource.description)) problems.push('resource: missing description');
  for (const { path: p, prop } of allProperties(doc)) {
    const where = p.join('.');
    title(where, prop.title);
    if (!isRealText(prop.description)) problems.push(`${where}: missing description`);
    if (prop.defaultNote !== undefined && !isRealText(prop.defaultNote)) problems.push(`${where}: empty defaultNote`);
  }
  return problems;
};

/** The spellings a documentation surface reads its notes in. */
const NOTE_SPELLINGS: Record<DocSurface, Spelling[]> = { cloudformation: ['cloudformation'], terraform: ['terraform'], api: ['api'], cdk: ['cdk', 'cdkPython'] };

/** Tool names that must not appear in text shown on other surfaces (a CDK note may speak of CloudFormation, which deploys it). */
const SURFACE_WORDS: { word: RegExp; allowedIn: DocSurface[] }[] = [
  { word: /\bCloudFormation\b/, allowedIn: ['cloudformation', 'cdk'] },
  { word: /\bTerraform\b|\bterraform plan\b/, allowedIn: ['terraform'] },
  { word: /\bCDK\b|\bCfnUserPoolClient\b/, allowedIn: ['cdk'] },
];

/**
 * Descriptions hold for every surface: anything about one surface is in that surface's note, a
 * note exists only where the property exists, and no text names another surface's tool.
 */
const textsFollowSurfaces: Check = (doc) => {
  const problems: string[] = [];
  for (const { path: p, prop } of allProperties(doc)) {
    const where = p.join('.');
    for (const { word } of SURFACE_WORDS) {
      if (word.test(prop.description)) problems.push(`${where}: description names ${word.source}; move that to surfaceNotes`);
      if (prop.defaultNote !== undefined && word.test(prop.defaultNote)) problems.push(`${where}: defaultNote names ${word.source}`);
    }
    for (const [surface, note] of Object.entries(prop.surfaceNotes ?? {})) {
      const spellings = NOTE_SPELLINGS[surface as DocSurface];
      if (!spellings) {
        problems.push(`${where}: surfaceNotes.${surface} is not a documentation surface`);
        continue;
      }
      if (!isRealText(note)) problems.push(`${where}: empty surfaceNotes.${surface}`);
      if (!spellings.some((sp) => prop.names[sp] !== undefined)) problems.push(`${where}: surfaceNotes.${surface} but the property has no name there`);
      for (const { word, allowedIn } of SURFACE_WORDS) {
        if (!allowedIn.includes(surface as DocSurface) && word.test(note)) problems.push(`${where}: surfaceNotes.${surface} names ${word.source}`);
      }
    }
  }
  return problems;
};

/** Every docs link is https; each spelled surface has a link; Terraform anchors are the Terraform name. */
const docsLinksAreValid: Check = (doc) => {
  const problems: string[] = [];
  const links = (where: string, docs: DocLinks): void => {
    for (const [k, url] of Object.entries(docs)) {
      let ok = false;
      try {
        ok = new URL(url as string).protocol === 'https:';
      } catch {
        ok = false;
      }
      if (!ok) problems.push(`${where}: docs.${k} ${String(url)} is not an https URL`);
    }
  };
  links('resource', doc.resource.docs);
  for (const { path: p, prop } of allProperties(doc)) {
    const where = p.join('.');
    links(where, prop.docs);
    for (const surface of ['api', 'cloudformation', 'terraform'] as const) {
      if (prop.names[surface] !== undefined && prop.docs[surface] === undefined) problems.push(`${where}: no docs.${surface} link`);
    }
    const tf = prop.names.terraform;
    if (tf !== undefined && prop.docs.terraform !== undefined && !prop.docs.terraform.endsWith('#' + tf)) problems.push(`${where}: docs.terraform does not point at #${tf}`);
    const cfnAnchor = prop.docs.cloudformation?.split('#')[1];
    if (cfnAnchor?.startsWith('cfn-') && !cfnAnchor.endsWith('-' + p[p.length - 1].toLowerCase())) problems.push(`${where}: docs.cloudformation anchor ${cfnAnchor} is not this property's`);
  }
  return problems;
};

/** The bounds rules.md's shape rules quote, which the schema-driven rules read from here. */
const RULE_BOUNDS: { path: string[]; items?: boolean; expect: Partial<ValueSchema> }[] = [
  { path: ['AuthSessionValidity'], expect: { minimum: 3, maximum: 15 } },
  { path: ['RefreshTokenRotation', 'RetryGracePeriodSeconds'], expect: { minimum: 0, maximum: 60 } },
  { path: ['AccessTokenValidity'], expect: { minimum: 1, maximum: 86400 } },
  { path: ['IdTokenValidity'], expect: { minimum: 1, maximum: 86400 } },
  { path: ['RefreshTokenValidity'], expect: { minimum: 0, maximum: 315360000 } },
  { path: ['ClientName'], expect: { minLength: 1, maxLength: 128, pattern: '[\\w\\s+=,.@-]+' } },
  { path: ['UserPoolId'], expect: { minLength: 1, maxLength: 55, pattern: '[\\w-]+_[0-9a-zA-Z]+' } },
  { path: ['DefaultRedirectURI'], expect: { minLength: 1, maxLength: 1024, format: 'url' } },
  { path: ['CallbackURLs'], expect: { maxItems: 100 } },
  { path: ['CallbackURLs'], items: true, expect: { minLength: 1, maxLength: 1024, format: 'url' } },
  { path: ['LogoutURLs'], expect: { maxItems: 100 } },
  { path: ['LogoutURLs'], items: true, expect: { minLength: 1, maxLength: 1024, format: 'url' } },
  { path: ['AllowedOAuthScopes'], expect: { maxItems: 50 } },
  { path: ['AllowedOAuthScopes'], items: true, expect: { minLength: 1, maxLength: 256, suggestions: 'standardScopes' } },
  { path: ['AllowedOAuthFlows'], expect: { maxItems: 3 } },
  { path: ['SupportedIdentityProviders'], items: true, expect: { minLength: 1, maxLength: 32, suggestions: 'builtInIdentityProviders' } },
  { path: ['ReadAttributes'], items: true, expect: { minLength: 1, maxLength: 2048, suggestions: 'standardAttributes' } },
  { path: ['WriteAttributes'], items: true, expect: { minLength: 1, maxLength: 2048, suggestions: 'standardAttributes' } },
  { path: ['AnalyticsConfiguration', 'ApplicationId'], expect: { pattern: '[0-9a-fA-F]+' } },
  { path: ['AnalyticsConfiguration', 'ApplicationArn'], expect: { minLength: 20, maxLength: 2048, format: 'arn' } },
  { path: ['AnalyticsConfiguration', 'RoleArn'], expect: { minLength: 20, maxLength: 2048, format: 'arn' } },
];

/** The property at a canonical path of a given document. */
function propertyIn(doc: SchemaDocument, p: string[]): PropertySchema | undefined {
  let level: Record<string, PropertySchema> | undefined = doc.properties;
  let prop: PropertySchema | undefined;
  for (const name of p) {
    prop = level?.[name];
    level = prop ? membersOf(prop) : undefined;
  }
  return prop;
}

const ruleBoundsArePresent: Check = (doc) => {
  const problems: string[] = [];
  for (const { path: p, items, expect } of RULE_BOUNDS) {
    const where = p.join('.') + (items ? '[]' : '');
    const prop = propertyIn(doc, p);
    const vs = items ? prop?.items : prop;
    if (!vs) {
      problems.push(`${where}: missing`);
      continue;
    }
    for (const [k, v] of Object.entries(expect)) {
      const actual = (vs as unknown as Record<string, unknown>)[k];
      if (actual !== v) problems.push(`${where}: ${k} is ${JSON.stringify(actual)}, rules.md says ${JSON.stringify(v)}`);
    }
  }
  return problems;
};

/** Every property of facts §1.1-1.3 and TokenValidityUnits, and nothing else. */
const EXPECTED_LEVELS: Record<string, string[]> = {
  '': [
    'UserPoolId', 'ClientName', 'ClientId', 'GenerateSecret', 'ClientSecret', 'AccessTokenValidity', 'IdTokenValidity',
    'RefreshTokenValidity', 'TokenValidityUnits', 'AuthSessionValidity', 'ExplicitAuthFlows', 'SupportedIdentityProviders',
    'CallbackURLs', 'LogoutURLs', 'DefaultRedirectURI', 'AllowedOAuthFlows', 'AllowedOAuthScopes',
    'AllowedOAuthFlowsUserPoolClient', 'ReadAttributes', 'WriteAttributes', 'PreventUserExistenceErrors',
    'EnableTokenRevocation', 'EnablePropagateAdditionalUserContextData', 'AnalyticsConfiguration', 'RefreshTokenRotation',
    'CreationDate', 'LastModifiedDate', 'Region',
  ],
  TokenValidityUnits: ['AccessToken', 'IdToken', 'RefreshToken'],
  AnalyticsConfiguration: ['ApplicationArn', 'ApplicationId', 'ExternalId', 'RoleArn', 'UserDataShared'],
  RefreshTokenRotation: ['Feature', 'RetryGracePeriodSeconds'],
};

const coverageMatchesFacts: Check = (doc) => {
  const problems: string[] = [];
  const levels = new Map(allLevels(doc).map((l) => [l.parent.join('.'), Object.keys(l.members)]));
  for (const [level, expected] of Object.entries(EXPECTED_LEVELS)) {
    const actual = levels.get(level) ?? [];
    for (const name of expected) if (!actual.includes(name)) problems.push(`${level || 'top level'}: ${name} is missing`);
    for (const name of actual) if (!expected.includes(name)) problems.push(`${level || 'top level'}: ${name} is not in the facts`);
  }
  for (const level of levels.keys()) if (!(level in EXPECTED_LEVELS)) problems.push(`${level}: an unexpected object level`);
  return problems;
};

/** Per-property facts the rules depend on: where a property is required or input, what it defaults to. */
const FACTS: { path: string[]; expect: Partial<PropertySchema> }[] = [
  { path: ['UserPoolId'], expect: { requiredIn: ['cloudformation', 'terraform', 'create', 'update', 'describe'], createOnly: true } },
  { path: ['ClientName'], expect: { requiredIn: ['create', 'terraform'] } },
  { path: ['ClientId'], expect: { readOnly: true, inputIn: ['update', 'describe'], requiredIn: ['update'] } },
  { path: ['ClientSecret'], expect: { readOnly: true, inputIn: ['create', 'describe'], createOnly: true } },
  { path: ['GenerateSecret'], expect: { createOnly: true, inputIn: ['cloudformation', 'terraform', 'create'], default: false } },
  { path: ['CreationDate'], expect: { readOnly: true, inputIn: ['describe'], names: { api: 'CreationDate' } } },
  { path: ['LastModifiedDate'], expect: { readOnly: true, inputIn: ['describe'], names: { api: 'LastModifiedDate' } } },
  { path: ['Region'], expect: { names: { terraform: 'region' }, inputIn: ['terraform'] } },
  { path: ['RefreshTokenRotation', 'Feature'], expect: { requiredIn: ['create', 'update', 'terraform'] } },
  { path: ['TokenValidityUnits'], expect: { terraformBlock: true, default: { AccessToken: 'hours', IdToken: 'hours', RefreshToken: 'days' } } },
  { path: ['AnalyticsConfiguration'], expect: { terraformBlock: true } },
  { path: ['RefreshTokenRotation'], expect: { terraformBlock: true } },
  { path: ['AccessTokenValidity'], expect: { default: 1, duration: { unitMember: 'AccessToken', defaultUnit: 'hours', minSeconds: 300, maxSeconds: 86400 } } },
  { path: ['IdTokenValidity'], expect: { default: 1, duration: { unitMember: 'IdToken', defaultUnit: 'hours', minSeconds: 300, maxSeconds: 86400 } } },
  { path: ['RefreshTokenValidity'], expect: { default: 30, duration: { unitMember: 'RefreshToken', defaultUnit: 'days', minSeconds: 3600, maxSeconds: 315360000 } } },
  { path: ['AuthSessionValidity'], expect: { default: 3, unit: 'minutes' } },
  { path: ['RefreshTokenRotation', 'RetryGracePeriodSeconds'], expect: { unit: 'seconds' } },
  { path: ['EnableTokenRevocation'], expect: { default: true } },
  { path: ['PreventUserExistenceErrors'], expect: { default: 'LEGACY' } },
  { path: ['AllowedOAuthFlowsUserPoolClient'], expect: { default: false } },
  { path: ['EnablePropagateAdditionalUserContextData'], expect: { default: false } },
  { path: ['ExplicitAuthFlows'], expect: { default: ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH'] } },
];

const factsHold: Check = (doc) => {
  const problems: string[] = [];
  for (const { path: p, expect } of FACTS) {
    const prop = propertyIn(doc, p);
    if (!prop) {
      problems.push(`${p.join('.')}: missing`);
      continue;
    }
    for (const [k, v] of Object.entries(expect)) {
      const actual = (prop as unknown as Record<string, unknown>)[k];
      if (!isDeepStrictEqual(actual, v)) problems.push(`${p.join('.')}: ${k} is ${JSON.stringify(actual)}, expected ${JSON.stringify(v)}`);
    }
  }
  // Properties the facts do not mark as outputs or restricted are input everywhere they are spelled.
  for (const { path: p, prop } of allProperties(doc)) {
    const restricted = FACTS.some((f) => f.path.join('.') === p.join('.') && 'inputIn' in f.expect);
    if (!restricted && prop.inputIn !== undefined) problems.push(`${p.join('.')}: inputIn where the property is input everywhere it is spelled`);
    if (!restricted && prop.readOnly && !['CreationDate', 'LastModifiedDate'].includes(p.join('.'))) problems.push(`${p.join('.')}: unexpectedly read-only`);
  }
  return problems;
};

function isDeepStrictEqual(a: unknown, b: unknown): boolean {
  try {
    assert.deepStrictEqual(a, b);
    return true;
  } catch {
    return false;
  }
}

const CHECKS: Record<string, Check> = {
  everyPropertyHasApiOrTerraformName,
  namesUniquePerLevel,
  cloudformationAndApiNamesAreCanonical,
  terraformNamesAreSnakeCase,
  cdkNamesFollowJsii,
  enumsAreWellFormed,
  patternsCompile,
  boundsAreOrdered,
  keywordsMatchTypes,
  durationsAreConsistent,
  defaultsAreValid,
  vocabulariesAreConsistent,
  contextsAreValid,
  textsArePresent,
  textsFollowSurfaces,
  docsLinksAreValid,
  ruleBoundsArePresent,
  coverageMatchesFacts,
  factsHold,
};

// ---------------------------------------------------------------------------------------------
// Tests

/** A fresh, mutable copy of the real schema. */
function copy(): SchemaDocument {
  return structuredClone(schema);
}

function prop(doc: SchemaDocument, ...p: string[]): PropertySchema {
  const found = propertyIn(doc, p);
  assert.ok(found, `no property ${p.join('.')}`);
  return found;
}

describe('schema document', () => {
  it('is the same document as schemas/user-pool-client.json in the repository (the build is not stale)', (t) => {
    const source = path.resolve(__dirname, '../../../schemas/user-pool-client.json');
    if (!fs.existsSync(source)) {
      t.skip(`source schema not found at ${source}`);
      return;
    }
    assert.deepStrictEqual(JSON.parse(fs.readFileSync(source, 'utf8')), schema);
  });

  for (const [name, check] of Object.entries(CHECKS)) {
    it(`passes ${name}`, () => {
      assert.deepStrictEqual(check(schema), []);
    });
  }
});

/** A broken copy of the schema each check must catch. */
const BROKEN: { check: keyof typeof CHECKS; name: string; mutate: (doc: SchemaDocument) => void; expect: RegExp }[] = [
  {
    check: 'everyPropertyHasApiOrTerraformName',
    name: 'a property with only a CloudFormation name',
    mutate: (d) => { prop(d, 'ClientName').names = { cloudformation: 'ClientName' }; },
    expect: /ClientName: neither/,
  },
  {
    check: 'namesUniquePerLevel',
    name: 'two properties spelled alike in CDK',
    mutate: (d) => { prop(d, 'LogoutURLs').names.cdk = 'callbackUrLs'; },
    expect: /cdk name callbackUrLs is also CallbackURLs's/,
  },
  {
    check: 'namesUniquePerLevel',
    name: 'two nested members spelled alike in Terraform',
    mutate: (d) => { prop(d, 'TokenValidityUnits', 'IdToken').names.terraform = 'access_token'; },
    expect: /TokenValidityUnits\.IdToken: terraform name access_token/,
  },
  {
    check: 'cloudformationAndApiNamesAreCanonical',
    name: 'a CloudFormation name that differs from the key',
    mutate: (d) => { prop(d, 'CallbackURLs').names.cloudformation = 'CallbackUrls'; },
    expect: /CallbackURLs: cloudformation name CallbackUrls/,
  },
  {
    check: 'terraformNamesAreSnakeCase',
    name: 'a camelCase Terraform name',
    mutate: (d) => { prop(d, 'CallbackURLs').names.terraform = 'callbackUrls'; },
    expect: /callbackUrls is not snake_case/,
  },
  {
    check: 'cdkNamesFollowJsii',
    name: 'a CDK Python name that is not jsii’s',
    mutate: (d) => { prop(d, 'CallbackURLs').names.cdkPython = 'callback_urls'; },
    expect: /should be callback_ur_ls/,
  },
  {
    check: 'cdkNamesFollowJsii',
    name: 'a CDK name for an API-only input',
    mutate: (d) => { prop(d, 'ClientSecret').names.cdk = 'clientSecret'; prop(d, 'ClientSecret').names.cdkPython = 'client_secret'; },
    expect: /not input in CloudFormation/,
  },
  {
    check: 'enumsAreWellFormed',
    name: 'a repeated enum value',
    mutate: (d) => { prop(d, 'AllowedOAuthFlows').items?.enum?.push({ value: 'code', description: 'Again.' }); },
    expect: /enum value code is repeated/,
  },
  {
    check: 'enumsAreWellFormed',
    name: 'an enum value without a description',
    mutate: (d) => { const e = prop(d, 'PreventUserExistenceErrors').enum; if (e) e[0].description = ' '; },
    expect: /has no description/,
  },
  {
    check: 'enumsAreWellFormed',
    name: 'a deprecated value whose replacement does not exist',
    mutate: (d) => { const e = prop(d, 'ExplicitAuthFlows').items?.enum?.find((x) => x.value === 'ADMIN_NO_SRP_AUTH'); if (e) e.replacement = 'ALLOW_ADMIN_NO_SRP_AUTH'; },
    expect: /replacement ALLOW_ADMIN_NO_SRP_AUTH, which is not an enum value/,
  },
  {
    check: 'enumsAreWellFormed',
    name: 'a deprecated value without a replacement',
    mutate: (d) => { const e = prop(d, 'ExplicitAuthFlows').items?.enum?.find((x) => x.value === 'USER_PASSWORD_AUTH'); if (e) delete e.replacement; },
    expect: /deprecated USER_PASSWORD_AUTH has replacement undefined/,
  },
  {
    check: 'patternsCompile',
    name: 'a pattern that only compiles without the u flag',
    mutate: (d) => { prop(d, 'ClientName').pattern = '[\\w-a]+'; },
    expect: /ClientName: pattern does not compile/,
  },
  {
    check: 'patternsCompile',
    name: 'an anchored pattern',
    mutate: (d) => { prop(d, 'AnalyticsConfiguration', 'ApplicationId').pattern = '^[0-9a-fA-F]+$'; },
    expect: /ApplicationId: pattern is anchored/,
  },
  {
    check: 'boundsAreOrdered',
    name: 'minLength above maxLength',
    mutate: (d) => { prop(d, 'ClientName').minLength = 200; },
    expect: /ClientName: minLength 200 > maxLength 128/,
  },
  {
    check: 'boundsAreOrdered',
    name: 'minimum above maximum',
    mutate: (d) => { prop(d, 'AuthSessionValidity').minimum = 16; },
    expect: /minimum 16 > maximum 15/,
  },
  {
    check: 'keywordsMatchTypes',
    name: 'items on a boolean',
    mutate: (d) => { prop(d, 'GenerateSecret').items = { type: 'string' }; },
    expect: /GenerateSecret: items on a boolean/,
  },
  {
    check: 'durationsAreConsistent',
    name: 'a duration whose unit member does not exist',
    mutate: (d) => { const p = prop(d, 'IdTokenValidity'); if (p.duration) p.duration = { ...p.duration, unitMember: 'Nope' as 'IdToken' }; },
    expect: /unit member Nope is not a member/,
  },
  {
    check: 'durationsAreConsistent',
    name: 'a default unit that disagrees with TokenValidityUnits',
    mutate: (d) => { const p = prop(d, 'RefreshTokenValidity'); if (p.duration) p.duration = { ...p.duration, defaultUnit: 'hours' }; },
    expect: /default unit hours differs from RefreshToken's default "days"/,
  },
  {
    check: 'defaultsAreValid',
    name: 'a default out of range',
    mutate: (d) => { prop(d, 'AuthSessionValidity').default = 20; },
    expect: /AuthSessionValidity default: 20 is above the maximum 15/,
  },
  {
    check: 'defaultsAreValid',
    name: 'a default outside the enum (wrong case)',
    mutate: (d) => { prop(d, 'PreventUserExistenceErrors').default = 'legacy'; },
    expect: /"legacy" is not an enum value/,
  },
  {
    check: 'defaultsAreValid',
    name: 'a default list with an unknown item',
    mutate: (d) => { prop(d, 'ExplicitAuthFlows').default = ['ALLOW_USER_SRP_AUTH', 'ADMIN_USER_PASSWORD_AUTH']; },
    expect: /ExplicitAuthFlows default\[1\]: "ADMIN_USER_PASSWORD_AUTH" is not an enum value/,
  },
  {
    check: 'defaultsAreValid',
    name: 'a default of the wrong type',
    mutate: (d) => { prop(d, 'EnableTokenRevocation').default = 'true'; },
    expect: /"true" is not a boolean/,
  },
  {
    check: 'defaultsAreValid',
    name: 'an object default with a bad member',
    mutate: (d) => { prop(d, 'TokenValidityUnits').default = { AccessToken: 'Hours' }; },
    expect: /TokenValidityUnits default\.AccessToken: "Hours" is not an enum value/,
  },
  {
    check: 'vocabulariesAreConsistent',
    name: 'suggestions naming a missing vocabulary',
    mutate: (d) => { const items = prop(d, 'AllowedOAuthScopes').items; if (items) items.suggestions = 'scopes'; },
    expect: /suggestions scopes is not a vocabulary/,
  },
  {
    check: 'vocabulariesAreConsistent',
    name: 'a vocabulary entry without a description',
    mutate: (d) => { d.vocabularies.standardScopes[0].description = ''; },
    expect: /standardScopes: openid has no description/,
  },
  {
    check: 'contextsAreValid',
    name: 'an unknown context',
    mutate: (d) => { prop(d, 'UserPoolId').requiredIn = ['cfn' as WriteContext]; },
    expect: /unknown context cfn/,
  },
  {
    check: 'contextsAreValid',
    name: 'input in a context where the property has no name',
    mutate: (d) => { prop(d, 'CreationDate').inputIn = ['cloudformation']; },
    expect: /CreationDate: inputIn has cloudformation but the property has no name there/,
  },
  {
    check: 'contextsAreValid',
    name: 'required where it cannot be written',
    mutate: (d) => { prop(d, 'ClientSecret').requiredIn = ['update']; },
    expect: /ClientSecret: required in update but not input there/,
  },
  {
    check: 'textsArePresent',
    name: 'a TODO description',
    mutate: (d) => { prop(d, 'RefreshTokenRotation', 'Feature').description = 'TODO'; },
    expect: /RefreshTokenRotation\.Feature: missing description/,
  },
  {
    check: 'textsArePresent',
    name: 'a two-line title',
    mutate: (d) => { prop(d, 'ClientName').title = 'A name\nfor the client'; },
    expect: /ClientName: title spans lines/,
  },
  {
    check: 'textsArePresent',
    name: 'a TODO resource description',
    mutate: (d) => { d.resource.description = 'TODO'; },
    expect: /resource: missing description/,
  },
  {
    check: 'textsFollowSurfaces',
    name: 'a Terraform remark in the shared description',
    mutate: (d) => { prop(d, 'AccessTokenValidity').description += ' Terraform checks it at plan time.'; },
    expect: /AccessTokenValidity: description names .*Terraform.*; move that to surfaceNotes/,
  },
  {
    check: 'textsFollowSurfaces',
    name: 'a note for a surface that is not one',
    mutate: (d) => { (prop(d, 'ClientName').surfaceNotes as Record<string, string>).pulumi = 'Pulumi says so.'; },
    expect: /ClientName: surfaceNotes\.pulumi is not a documentation surface/,
  },
  {
    check: 'textsFollowSurfaces',
    name: 'a note where the property does not exist',
    mutate: (d) => { prop(d, 'Region').surfaceNotes = { cloudformation: 'The stack decides.' }; },
    expect: /Region: surfaceNotes\.cloudformation but the property has no name there/,
  },
  {
    check: 'textsFollowSurfaces',
    name: 'a CloudFormation note that speaks of Terraform',
    mutate: (d) => { prop(d, 'ClientName').surfaceNotes = { cloudformation: 'Unlike Terraform, optional.' }; },
    expect: /ClientName: surfaceNotes\.cloudformation names .*Terraform/,
  },
  {
    check: 'textsFollowSurfaces',
    name: 'an empty note',
    mutate: (d) => { prop(d, 'ClientName').surfaceNotes = { api: ' ' }; },
    expect: /ClientName: empty surfaceNotes\.api/,
  },
  {
    check: 'docsLinksAreValid',
    name: 'an http link',
    mutate: (d) => { prop(d, 'ClientName').docs.api = 'http://docs.aws.amazon.com/x'; },
    expect: /ClientName: docs\.api http:\/\/docs\.aws\.amazon\.com\/x is not an https URL/,
  },
  {
    check: 'docsLinksAreValid',
    name: 'a missing link for a spelled surface',
    mutate: (d) => { delete prop(d, 'Region').docs.terraform; },
    expect: /Region: no docs\.terraform link/,
  },
  {
    check: 'docsLinksAreValid',
    name: 'a Terraform anchor for another property',
    mutate: (d) => { prop(d, 'LogoutURLs').docs.terraform = 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cognito_user_pool_client#callback_urls'; },
    expect: /LogoutURLs: docs\.terraform does not point at #logout_urls/,
  },
  {
    check: 'ruleBoundsArePresent',
    name: 'a bound that drifted from rules.md',
    mutate: (d) => { prop(d, 'RefreshTokenRotation', 'RetryGracePeriodSeconds').maximum = 61; },
    expect: /RetryGracePeriodSeconds: maximum is 61, rules\.md says 60/,
  },
  {
    check: 'ruleBoundsArePresent',
    name: 'a missing list bound',
    mutate: (d) => { delete prop(d, 'AllowedOAuthFlows').maxItems; },
    expect: /AllowedOAuthFlows: maxItems is undefined, rules\.md says 3/,
  },
  {
    check: 'coverageMatchesFacts',
    name: 'a missing property',
    mutate: (d) => { delete d.properties.RefreshTokenRotation; },
    expect: /top level: RefreshTokenRotation is missing/,
  },
  {
    check: 'coverageMatchesFacts',
    name: 'an invented nested member',
    mutate: (d) => { const p = prop(d, 'TokenValidityUnits'); if (p.properties) p.properties.SessionToken = { ...prop(d, 'TokenValidityUnits', 'IdToken') }; },
    expect: /TokenValidityUnits: SessionToken is not in the facts/,
  },
  {
    check: 'factsHold',
    name: 'ClientName required in CloudFormation',
    mutate: (d) => { prop(d, 'ClientName').requiredIn = ['create', 'terraform', 'cloudformation']; },
    expect: /ClientName: requiredIn/,
  },
  {
    check: 'factsHold',
    name: 'a redundant inputIn',
    mutate: (d) => { prop(d, 'CallbackURLs').inputIn = ['cloudformation', 'terraform', 'create', 'update']; },
    expect: /CallbackURLs: inputIn where the property is input everywhere/,
  },
];

describe('schema checks catch broken documents', () => {
  for (const { check, name, mutate, expect } of BROKEN) {
    it(`${check}: ${name}`, () => {
      const doc = copy();
      mutate(doc);
      const problems = CHECKS[check](doc);
      assert.ok(problems.some((p) => expect.test(p)), `expected a problem matching ${expect}, got ${JSON.stringify(problems)}`);
    });
  }
  it('covers every check with at least one broken document', () => {
    const covered = new Set(BROKEN.map((b) => b.check));
    assert.deepStrictEqual(Object.keys(CHECKS).filter((c) => !covered.has(c)), []);
  });
});

describe('schema patterns match what the API accepts', () => {
  const pattern = (...p: string[]): string => {
    const pr = propertySchema(p);
    const value = pr?.pattern ?? pr?.items?.pattern;
    assert.ok(value, `no pattern on ${p.join('.')}`);
    return value;
  };
  const cases: { p: string[]; good: string[]; bad: string[] }[] = [
    { p: ['UserPoolId'], good: ['us-east-1_AbC123xyz', 'eu-west-2_a'], bad: ['us-east-1', 'us-east-1_', 'pool id_1', '_abc'] },
    { p: ['ClientName'], good: ['web client', 'app+v2=ok,@x.y-z_'], bad: ['', 'a/b', 'a#b', 'quote"', 'Ünïcode'] },
    { p: ['ClientSecret'], good: ['abc_DEF+123'], bad: ['has space', 'a-b'] },
    { p: ['CallbackURLs'], good: ['https://example.com/cb?x=1', 'myapp://callback', 'https://例子.测试/回调'], bad: ['https://example.com/a b', '', 'tab\there'] },
    { p: ['DefaultRedirectURI'], good: ['http://localhost:3000/cb'], bad: ['https://x y'] },
    { p: ['AllowedOAuthScopes'], good: ['openid', 'aws.cognito.signin.user.admin', 'https://api.example.com/read'], bad: ['a b', 'a"b', 'a\\b', 'é'] },
    { p: ['SupportedIdentityProviders'], good: ['COGNITO', 'My SAML IdP', 'Azure-AD'], bad: ['', 'line\nbreak'] },
    { p: ['AnalyticsConfiguration', 'ApplicationId'], good: ['0123456789abcdefABCDEF0123456789'], bad: ['xyz', '12-34'] },
    { p: ['AnalyticsConfiguration', 'RoleArn'], good: ['arn:aws:iam::123456789012:role/cognito-pinpoint'], bad: ['role/cognito', 'arn:aws:iam::account:role/x'] },
    { p: ['AnalyticsConfiguration', 'ApplicationArn'], good: ['arn:aws:mobiletargeting:us-east-1:123456789012:apps/0123abcd'], bad: ['arn:aws:mobiletargeting'] },
  ];
  for (const { p, good, bad } of cases) {
    it(`${p.join('.')} accepts ${good.length} and rejects ${bad.length} values`, () => {
      const re = pattern(...p);
      for (const g of good) assert.ok(matchesWhole(re, g), `${JSON.stringify(g)} should match`);
      for (const b of bad) assert.ok(!matchesWhole(re, b), `${JSON.stringify(b)} should not match`);
    });
  }
});

describe('schema accessors on the real document', () => {
  it('canonicalName maps each surface spelling to the canonical name', () => {
    assert.equal(canonicalName('callback_urls', 'terraform'), 'CallbackURLs');
    assert.equal(canonicalName('callbackUrLs', 'cdk'), 'CallbackURLs');
    assert.equal(canonicalName('callback_ur_ls', 'cdkPython'), 'CallbackURLs');
    assert.equal(canonicalName('logoutUrLs', 'cdk'), 'LogoutURLs');
    assert.equal(canonicalName('allowedOAuthFlows', 'cdk'), 'AllowedOAuthFlows');
    assert.equal(canonicalName('allowed_o_auth_flows_user_pool_client', 'cdkPython'), 'AllowedOAuthFlowsUserPoolClient');
    assert.equal(canonicalName('allowed_oauth_flows_user_pool_client', 'terraform'), 'AllowedOAuthFlowsUserPoolClient');
    assert.equal(canonicalName('defaultRedirectUri', 'cdk'), 'DefaultRedirectURI');
    assert.equal(canonicalName('name', 'terraform'), 'ClientName');
    assert.equal(canonicalName('id', 'terraform'), 'ClientId');
    assert.equal(canonicalName('client_secret', 'terraform'), 'ClientSecret');
    assert.equal(canonicalName('region', 'terraform'), 'Region');
    assert.equal(canonicalName('CallbackURLs', 'api'), 'CallbackURLs');
    assert.equal(canonicalName('CreationDate', 'api'), 'CreationDate');
  });

  it('canonicalName is exact and level-aware', () => {
    assert.equal(canonicalName('CallbackUrls', 'cloudformation'), undefined);
    assert.equal(canonicalName('ClientName', 'terraform'), undefined);
    assert.equal(canonicalName('client_name', 'terraform'), undefined);
    assert.equal(canonicalName('Region', 'cloudformation'), undefined);
    assert.equal(canonicalName('CreationDate', 'cloudformation'), undefined);
    assert.equal(canonicalName('clientSecret', 'cdk'), undefined);
    assert.equal(canonicalName('access_token', 'terraform'), undefined);
    assert.equal(canonicalName('access_token', 'terraform', ['TokenValidityUnits']), 'AccessToken');
    assert.equal(canonicalName('retryGracePeriodSeconds', 'cdk', ['RefreshTokenRotation']), 'RetryGracePeriodSeconds');
    assert.equal(canonicalName('application_arn', 'cdkPython', ['AnalyticsConfiguration']), 'ApplicationArn');
    assert.equal(canonicalName('ApplicationArn', 'cloudformation', ['TokenValidityUnits']), undefined);
  });

  it('spell and spellPath give each surface its own name', () => {
    assert.equal(spell(['TokenValidityUnits', 'AccessToken'], 'terraform'), 'access_token');
    assert.equal(spell(['TokenValidityUnits', 'AccessToken'], 'cdk'), 'accessToken');
    assert.equal(spell(['CallbackURLs'], 'cdkPython'), 'callback_ur_ls');
    assert.equal(spell(['AllowedOAuthScopes'], 'cdk'), 'allowedOAuthScopes');
    assert.equal(spell(['ClientName'], 'terraform'), 'name');
    assert.equal(spell(['ClientName'], 'api'), 'ClientName');
    assert.equal(spellPath(['TokenValidityUnits', 'AccessToken'], 'terraform'), 'token_validity_units.access_token');
    assert.equal(spellPath(['AnalyticsConfiguration', 'ApplicationArn'], 'cdk'), 'analyticsConfiguration.applicationArn');
    assert.equal(spellPath(['RefreshTokenRotation', 'RetryGracePeriodSeconds'], 'cdkPython'), 'refresh_token_rotation.retry_grace_period_seconds');
  });

  it('round-trips every name of every property through canonicalName and spell', () => {
    let count = 0;
    for (const { path: p, prop: pr } of allProperties(schema)) {
      for (const s of SPELLINGS) {
        const name = pr.names[s];
        if (name === undefined) continue;
        assert.equal(canonicalName(name, s, p.slice(0, -1)), p[p.length - 1], `${s} ${name}`);
        assert.equal(spell(p, s), name);
        count++;
      }
    }
    assert.ok(count > 100, `only ${count} names`);
  });

  it('has the CDK Python keywords the facts list', () => {
    const expected = [
      'user_pool_id', 'access_token_validity', 'allowed_o_auth_flows', 'allowed_o_auth_flows_user_pool_client',
      'allowed_o_auth_scopes', 'analytics_configuration', 'auth_session_validity', 'callback_ur_ls', 'client_name',
      'default_redirect_uri', 'enable_propagate_additional_user_context_data', 'enable_token_revocation',
      'explicit_auth_flows', 'generate_secret', 'id_token_validity', 'logout_ur_ls', 'prevent_user_existence_errors',
      'read_attributes', 'refresh_token_validity', 'supported_identity_providers', 'token_validity_units',
      'write_attributes', 'refresh_token_rotation',
    ];
    assert.deepStrictEqual(propertiesFor('cdkPython').map((p) => p.name).sort(), [...expected].sort());
    assert.deepStrictEqual(propertiesFor('cdk').map((p) => p.canonical).sort(), propertiesFor('cdkPython').map((p) => p.canonical).sort());
  });

  it('docSurfaceOf picks the notes by spelling and write context', () => {
    assert.equal(docSurfaceOf('cloudformation', 'cloudformation'), 'cloudformation');
    assert.equal(docSurfaceOf('terraform', 'terraform'), 'terraform');
    assert.equal(docSurfaceOf('api', 'create'), 'api');
    assert.equal(docSurfaceOf('api', 'update'), 'api');
    assert.equal(docSurfaceOf('cdk', 'create'), 'cdk');
    assert.equal(docSurfaceOf('cdkPython', 'cloudformation'), 'cdk');
  });

  it('describeFor adds the note of one surface only', () => {
    const access = propertySchema(['AccessTokenValidity']);
    assert.ok(access?.surfaceNotes?.terraform && access.surfaceNotes.cloudformation);
    const cfn = describeFor(access, 'cloudformation');
    const tf = describeFor(access, 'terraform');
    assert.ok(cfn.startsWith(access.description) && tf.startsWith(access.description));
    assert.ok(cfn.includes(access.surfaceNotes.cloudformation) && !cfn.includes(access.surfaceNotes.terraform));
    assert.ok(tf.includes(access.surfaceNotes.terraform) && !tf.includes(access.surfaceNotes.cloudformation));
    assert.doesNotMatch(cfn, /Terraform/);
    const feature = propertySchema(['RefreshTokenRotation', 'Feature']);
    assert.ok(feature);
    assert.equal(describeFor(feature, 'terraform'), feature.description, 'no note: the description alone');
  });

  it('propertiesFor lists what exists on each surface', () => {
    const names = (s: Spelling, parent: string[] = []): string[] => propertiesFor(s, parent).map((p) => p.name);
    const tf = names('terraform');
    for (const n of ['name', 'id', 'client_secret', 'region', 'callback_urls', 'token_validity_units']) assert.ok(tf.includes(n), n);
    assert.ok(!tf.includes('CreationDate') && !tf.some((n) => n.includes('creation')));
    const cfn = names('cloudformation');
    assert.ok(cfn.includes('ClientName') && cfn.includes('ClientId') && !cfn.includes('Region') && !cfn.includes('CreationDate'));
    const api = names('api');
    assert.ok(api.includes('CreationDate') && api.includes('ClientSecret') && !api.includes('Region'));
    assert.ok(!names('cdk').includes('clientSecret') && !names('cdk').includes('clientId'));
    assert.deepStrictEqual(names('terraform', ['AnalyticsConfiguration']).sort(), ['application_arn', 'application_id', 'external_id', 'role_arn', 'user_data_shared']);
    assert.deepStrictEqual(names('cdk', ['TokenValidityUnits']), ['accessToken', 'idToken', 'refreshToken']);
    assert.deepStrictEqual(propertiesFor('terraform', ['Nope']), []);
  });

  it('isInputIn follows inputIn and readOnly', () => {
    const p = (...path: string[]): PropertySchema => {
      const found = propertySchema(path);
      assert.ok(found, path.join('.'));
      return found;
    };
    const inputs = (pr: PropertySchema): WriteContext[] => CONTEXTS.filter((c) => isInputIn(pr, c));
    assert.deepStrictEqual(inputs(p('GenerateSecret')), ['cloudformation', 'terraform', 'create']);
    // a DescribeUserPoolClient result holds the outputs (and no GenerateSecret)
    assert.deepStrictEqual(inputs(p('ClientSecret')), ['create', 'describe']);
    assert.deepStrictEqual(inputs(p('ClientId')), ['update', 'describe']);
    assert.deepStrictEqual(inputs(p('CreationDate')), ['describe']);
    assert.deepStrictEqual(inputs(p('LastModifiedDate')), ['describe']);
    assert.deepStrictEqual(inputs(p('Region')), ['terraform']);
    assert.deepStrictEqual(inputs(p('AccessTokenValidity')), CONTEXTS);
    assert.deepStrictEqual(inputs(p('RefreshTokenRotation', 'Feature')), CONTEXTS);
  });

  it('isRequiredIn follows requiredIn', () => {
    const required = (...path: string[]): WriteContext[] => {
      const found = propertySchema(path);
      assert.ok(found, path.join('.'));
      return CONTEXTS.filter((c) => isRequiredIn(found, c));
    };
    assert.deepStrictEqual(required('UserPoolId'), CONTEXTS);
    assert.deepStrictEqual(required('ClientName'), ['terraform', 'create']);
    assert.deepStrictEqual(required('ClientId'), ['update']);
    assert.deepStrictEqual(required('RefreshTokenRotation', 'Feature'), ['terraform', 'create', 'update']);
    assert.deepStrictEqual(required('CallbackURLs'), []);
    const requiredSomewhere = allProperties(schema).filter(({ prop: pr }) => (pr.requiredIn ?? []).length > 0).map(({ path: q }) => q.join('.'));
    assert.deepStrictEqual(requiredSomewhere, ['UserPoolId', 'ClientName', 'ClientId', 'RefreshTokenRotation.Feature']);
  });

  it('propertySchema and membersAt reach nested members', () => {
    assert.deepStrictEqual(Object.keys(membersAt(['TokenValidityUnits']) ?? {}), ['AccessToken', 'IdToken', 'RefreshToken']);
    assert.deepStrictEqual(propertySchema(['RefreshTokenRotation', 'Feature'])?.enum?.map((e) => e.value), ['ENABLED', 'DISABLED']);
    assert.deepStrictEqual(propertySchema(['TokenValidityUnits', 'RefreshToken'])?.enum?.map((e) => e.value), ['seconds', 'minutes', 'hours', 'days']);
    assert.equal(propertySchema(['AccessTokenValidity'])?.duration?.unitMember, 'AccessToken');
    assert.equal(propertySchema([]), undefined);
    assert.equal(propertySchema(['ClientName', 'Nope']), undefined);
  });

  it('lists the auth flows, with the legacy ones deprecated', () => {
    const flows = propertySchema(['ExplicitAuthFlows'])?.items?.enum ?? [];
    assert.deepStrictEqual(flows.map((e) => e.value).sort(), [
      'ADMIN_NO_SRP_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_CLIENT_TOKEN_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH',
      'ALLOW_USER_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'CUSTOM_AUTH_FLOW_ONLY', 'USER_PASSWORD_AUTH',
    ]);
    const legacy = Object.fromEntries(flows.filter((e) => e.deprecated).map((e) => [e.value, e.replacement]));
    assert.deepStrictEqual(legacy, {
      ADMIN_NO_SRP_AUTH: 'ALLOW_ADMIN_USER_PASSWORD_AUTH',
      CUSTOM_AUTH_FLOW_ONLY: 'ALLOW_CUSTOM_AUTH',
      USER_PASSWORD_AUTH: 'ALLOW_USER_PASSWORD_AUTH',
    });
    assert.deepStrictEqual(propertySchema(['AllowedOAuthFlows'])?.items?.enum?.map((e) => e.value), ['code', 'implicit', 'client_credentials']);
    assert.deepStrictEqual(propertySchema(['PreventUserExistenceErrors'])?.enum?.map((e) => e.value).sort(), ['ENABLED', 'LEGACY']);
  });

  it('vocabulary returns the named lists', () => {
    assert.deepStrictEqual(vocabulary('standardScopes').map((e) => e.value).sort(), ['aws.cognito.signin.user.admin', 'email', 'openid', 'phone', 'profile']);
    assert.deepStrictEqual(vocabulary('builtInIdentityProviders').map((e) => e.value), ['COGNITO', 'Facebook', 'Google', 'SignInWithApple', 'LoginWithAmazon']);
    const attrs = vocabulary('standardAttributes').map((e) => e.value);
    assert.equal(attrs.length, 21);
    for (const a of ['email', 'email_verified', 'phone_number_verified', 'sub', 'identities', 'zoneinfo']) assert.ok(attrs.includes(a), a);
    assert.deepStrictEqual(vocabulary('nope'), []);
  });

  it('Read/WriteAttributes defaults are standard attributes', () => {
    const attrs = new Set(vocabulary('standardAttributes').map((e) => e.value));
    for (const p of ['ReadAttributes', 'WriteAttributes']) {
      const d = propertySchema([p])?.default;
      assert.ok(Array.isArray(d) && d.length > 0, p);
      for (const a of d) assert.ok(attrs.has(a as string), `${p} default ${String(a)}`);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// schemas/user-pool-client.cloudformation.schema.json: the CloudFormation `Properties` object as a
// draft-07 JSON Schema for other tools. It must be exactly what the main schema implies.

type Json = { [key: string]: JsonValue };

/** Where CloudFormation's own bounds differ from the API's raw ones (facts §1.1 and §4). */
const CLOUDFORMATION_OVERRIDES: Record<string, Json> = { RefreshTokenValidity: { minimum: 1 } };

const JSON_SCHEMA_TYPES: Record<ValueSchema['type'], string> = { string: 'string', integer: 'integer', boolean: 'boolean', list: 'array', object: 'object' };

/** The JSON Schema of one object level: the CloudFormation inputs only, required as in CloudFormation. */
function cloudformationObject(members: Record<string, PropertySchema>, parent: string[]): Json {
  const properties: Json = {};
  const required: string[] = [];
  for (const [canonical, p] of Object.entries(members)) {
    const name = p.names.cloudformation;
    if (name === undefined || !isInputIn(p, 'cloudformation')) continue;
    properties[name] = cloudformationValue(p, [...parent, canonical]);
    if (isRequiredIn(p, 'cloudformation')) required.push(name);
  }
  return { type: 'object', additionalProperties: false, ...(required.length > 0 ? { required } : {}), properties };
}

function cloudformationValue(vs: ValueSchema, p: string[]): Json {
  const ps = vs as Partial<PropertySchema>;
  const out: Json = {};
  if (ps.title !== undefined) out.title = ps.title;
  if (ps.description !== undefined) out.description = describeFor({ description: ps.description, surfaceNotes: ps.surfaceNotes }, 'cloudformation');
  if (vs.type === 'object') Object.assign(out, cloudformationObject(vs.properties ?? {}, p));
  else out.type = JSON_SCHEMA_TYPES[vs.type];
  if (vs.enum) out.enum = vs.enum.map((e) => e.value);
  for (const k of ['minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems'] as const) {
    const v = vs[k];
    if (v !== undefined) out[k] = v;
  }
  if (vs.pattern !== undefined) out.pattern = `^(?:${vs.pattern})$`;
  if (vs.items) out.items = cloudformationValue(vs.items, p);
  if (ps.default !== undefined) out.default = ps.default;
  return { ...out, ...(CLOUDFORMATION_OVERRIDES[p.join('.')] ?? {}) };
}

/** The whole CloudFormation JSON Schema the main schema implies (without the free-text `$comment`). */
function expectedCloudformationJsonSchema(doc: SchemaDocument): Json {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `${doc.resource.cloudformationType} Properties`,
    description: doc.resource.description,
    ...cloudformationObject(doc.properties, []),
  };
}

describe('CloudFormation JSON Schema', () => {
  const published = cloudformationJsonSchema as unknown as Json;

  // After changing the main schema, regenerate the file with
  //   UPDATE_CLOUDFORMATION_JSON_SCHEMA=1 node --test out/test/unit/schema.test.js
  // and compile again (tsc copies the JSON into out/).
  it('is exactly what the main schema implies', () => {
    const { $comment, ...rest } = published;
    assert.ok(isRealText($comment), 'a $comment saying where the file comes from');
    const expected = expectedCloudformationJsonSchema(schema);
    if (process.env.UPDATE_CLOUDFORMATION_JSON_SCHEMA === '1') {
      const { $schema, ...body } = expected;
      const target = path.resolve(__dirname, '../../../schemas/user-pool-client.cloudformation.schema.json');
      fs.writeFileSync(target, JSON.stringify({ $schema, $comment, ...body }, null, 2) + '\n');
      return;
    }
    assert.deepStrictEqual(rest, expected, 'out of date: regenerate with UPDATE_CLOUDFORMATION_JSON_SCHEMA=1 (see the comment above this test)');
  });

  it('would notice a change to the main schema', () => {
    const doc = copy();
    prop(doc, 'AuthSessionValidity').maximum = 20;
    assert.notDeepStrictEqual(expectedCloudformationJsonSchema(doc), expectedCloudformationJsonSchema(schema));
  });

  it('has every CloudFormation input, no outputs, and CloudFormation\'s required list', () => {
    const props = published.properties as Json;
    const inputs = propertiesFor('cloudformation').filter((p) => isInputIn(p.schema, 'cloudformation')).map((p) => p.name);
    assert.deepStrictEqual(Object.keys(props).sort(), [...inputs].sort());
    for (const out of ['ClientId', 'ClientSecret', 'CreationDate', 'Region']) assert.ok(!(out in props), out);
    assert.deepStrictEqual(published.required, ['UserPoolId']);
    assert.equal(published.additionalProperties, false);
    const rotation = props.RefreshTokenRotation as Json;
    assert.equal(rotation.required, undefined, 'Feature is optional in CloudFormation');
    assert.deepStrictEqual(Object.keys(rotation.properties as Json).sort(), ['Feature', 'RetryGracePeriodSeconds']);
  });

  it('uses CloudFormation\'s minimum of 1 for RefreshTokenValidity and anchored u-flag patterns', () => {
    const props = published.properties as Json;
    assert.equal((props.RefreshTokenValidity as Json).minimum, 1);
    const scopes = ((props.AllowedOAuthScopes as Json).items as Json).pattern as string;
    const re = new RegExp(scopes, 'u');
    assert.ok(re.test('openid') && !re.test('open id'));
  });
});
