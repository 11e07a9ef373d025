/**
 * Wording shared by the shape rules: where a definition is written, what kind of value a schema
 * wants and what was written instead, and a placeholder value for a property to insert. Names and
 * types come from the schema; nothing here knows a surface's syntax.
 */
import type { LocatedValue, Spelling } from '../../model';
import { isRequiredIn, schema, spellPath, type JsonValue, type PropertySchema, type ValueSchema, type WriteContext } from '../../schema';
import type { PropertyPath } from '../types';
import { withArticle } from './articles';
import type { ValueSite } from './schema-walk';

/** Where a definition is written, for messages: "CloudFormation (AWS::Cognito::UserPoolClient)". */
export function contextLabel(context: WriteContext): string {
  switch (context) {
    case 'cloudformation':
      return `CloudFormation (${schema.resource.cloudformationType})`;
    case 'terraform':
      return `Terraform (${schema.resource.terraformType})`;
    case 'create':
      return `${withArticle(schema.resource.createOperation)} call`;
    case 'update':
      return `${withArticle(schema.resource.updateOperation)} call`;
    case 'describe':
      return 'a DescribeUserPoolClient result';
  }
}

/** What a schema wants, in words: "a string", "a list of strings", "true or false". */
export function typeNoun(s: ValueSchema): string {
  switch (s.type) {
    case 'string':
      return 'a string';
    case 'integer':
      return 'a whole number';
    case 'boolean':
      return 'true or false';
    case 'list':
      return s.items ? `a list of ${pluralNoun(s.items)}` : 'a list';
    case 'object':
      return 'an object';
  }
}

function pluralNoun(s: ValueSchema): string {
  switch (s.type) {
    case 'string':
      return 'strings';
    case 'integer':
      return 'whole numbers';
    case 'boolean':
      return 'booleans';
    case 'list':
      return 'lists';
    case 'object':
      return 'objects';
  }
}

/** What a literal is, in words: "a string", "a number", "a list". */
export function valueNoun(v: LocatedValue): string {
  switch (v.kind) {
    case 'string':
      return 'a string';
    case 'number':
      return Number.isInteger(v.value) ? 'a number' : 'a fractional number';
    case 'boolean':
      return 'a boolean';
    case 'null':
      return 'null';
    case 'list':
      return 'a list';
    case 'object':
      return 'an object';
    case 'unknown':
      return v.reason;
  }
}

/** A short rendering of a literal for messages (strings quoted, long text cut). */
export function showValue(v: LocatedValue, max = 48): string {
  switch (v.kind) {
    case 'string': {
      const text = JSON.stringify(v.value);
      return text.length > max ? text.slice(0, max - 2) + '…"' : text;
    }
    case 'number':
      return v.raw;
    case 'boolean':
      return String(v.value);
    case 'null':
      return 'null';
    case 'list':
      return 'a list';
    case 'object':
      return 'an object';
    case 'unknown':
      return v.reason;
  }
}

/** The name of a site in the surface's spelling: "CallbackURLs", "CallbackURLs item 2". */
export function siteLabel(site: Pick<ValueSite, 'path' | 'index'>, spelling: Spelling): string {
  const name = spellPath(site.path, spelling);
  return site.index === undefined ? name : `${name} item ${site.index + 1}`;
}

/** The name of a property path in the surface's spelling. */
export function pathLabel(path: PropertyPath, spelling: Spelling): string {
  return spellPath(path, spelling);
}

/**
 * A value to insert for a property a person still has to fill in: its default, else its first
 * current enum value, else an empty value of its type (an object gets its required members).
 */
export function placeholderFor(prop: ValueSchema, context: WriteContext): JsonValue {
  const withDefault = prop as Partial<PropertySchema>;
  if (withDefault.default !== undefined) return withDefault.default;
  const current = prop.enum?.find((e) => !e.deprecated) ?? prop.enum?.[0];
  if (current) return current.value;
  switch (prop.type) {
    case 'string':
      return '';
    case 'integer':
      return prop.minimum ?? 0;
    case 'boolean':
      return false;
    case 'list':
      return [];
    case 'object': {
      const out: { [key: string]: JsonValue } = {};
      for (const [name, member] of Object.entries(prop.properties ?? {})) {
        if (isRequiredIn(member, context)) out[name] = placeholderFor(member, context);
      }
      return out;
    }
  }
}

/** "a, b or c" */
export function orList(values: readonly string[]): string {
  return joinWords(values, 'or');
}

/** "a, b and c" */
export function andList(values: readonly string[]): string {
  return joinWords(values, 'and');
}

function joinWords(values: readonly string[], conjunction: string): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} ${conjunction} ${values[values.length - 1]}`;
}
