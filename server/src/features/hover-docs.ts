/**
 * Markdown about schema properties and values, shared by hover and completion: what a property
 * is, its type, allowed values, default, limits, create-only / read-only / required-ness for the
 * surface at hand, and its reference links; what an enum or vocabulary value means. Everything
 * comes from the schema; names are spelled for the surface.
 */
import type { Spelling, UnknownValue } from '../model';
import { TOKEN_UNITS_PROPERTY as TOKEN_UNITS } from '../rules/util/duration';
import { describeFor, docSurfaceOf, isInputIn, isRequiredIn, propertySchema, schema, spellPath, vocabulary, type DocLinks, type DocSurface, type EnumValue, type JsonValue, type PropertySchema, type ValueSchema, type WriteContext } from '../schema';

/** Inline code, safe for backticks inside. */
export function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A JSON value as inline code (lists joined). */
export function codeValue(value: JsonValue): string {
  if (Array.isArray(value)) return value.length === 0 ? code('[]') : value.map((v) => codeValue(v)).join(', ');
  if (value !== null && typeof value === 'object') return code(JSON.stringify(value));
  return code(String(value));
}

/** How a write context is called in prose. */
export function contextName(context: WriteContext): string {
  switch (context) {
    case 'cloudformation':
      return 'CloudFormation';
    case 'terraform':
      return 'Terraform';
    case 'create':
      return schema.resource.createOperation;
    case 'update':
      return schema.resource.updateOperation;
    case 'describe':
      return 'a DescribeUserPoolClient result';
  }
}

function typeText(v: ValueSchema): string {
  switch (v.type) {
    case 'list':
      return v.items ? `list of ${typeText(v.items)}s` : 'list';
    case 'string':
      if (v.format === 'url') return 'string (URL)';
      if (v.format === 'arn') return 'string (ARN)';
      return 'string';
    default:
      return v.type;
  }
}

function between(min: number | undefined, max: number | undefined, noun: string): string | undefined {
  if (min !== undefined && max !== undefined) return min === max ? `exactly ${min}${noun}` : `${min} to ${max}${noun}`;
  if (min !== undefined) return `at least ${min}${noun}`;
  if (max !== undefined) return `at most ${max}${noun}`;
  return undefined;
}

/** The limits of a value in words: range, length, item count, pattern. */
export function limitsText(v: ValueSchema, unit?: string): string[] {
  const out: string[] = [];
  const range = between(v.minimum, v.maximum, unit ? ` ${unit}` : '');
  if (range) out.push(range);
  const length = between(v.minLength, v.maxLength, ' characters');
  if (length) out.push(length);
  if (v.pattern) out.push(`matching ${code(v.pattern)}`);
  if (v.type === 'list') {
    const count = between(v.minItems, v.maxItems, ' items');
    if (count) out.push(count);
    if (v.items) {
      const each = limitsText(v.items);
      if (each.length) out.push(`each ${each.join(', ')}`);
    }
  }
  return out;
}

/** The allowed values of an enum, one line each: `value` — meaning (deprecated → replacement). */
export function enumLines(values: EnumValue[]): string[] {
  return values.map((e) => {
    let line = `${code(e.value)} — ${e.description}`;
    if (e.deprecated) line += e.replacement ? ` *Deprecated: use ${code(e.replacement)}.*` : ' *Deprecated.*';
    return line;
  });
}

/** The enum of a property or of its items. */
export function enumOf(v: ValueSchema | undefined): EnumValue[] | undefined {
  return v?.enum ?? v?.items?.enum;
}

/**
 * Reference links as one Markdown line: the API reference (what every surface ends up calling)
 * and the surface's own reference; every link when no surface is given.
 */
export function linksLine(docs: DocLinks, surface?: DocSurface): string | undefined {
  const links: string[] = [];
  const shown = (s: DocSurface): boolean => surface === undefined || surface === s;
  if (docs.api) links.push(`[API reference](${docs.api})`);
  if (docs.cloudformation && shown('cloudformation')) links.push(`[CloudFormation](${docs.cloudformation})`);
  if (docs.terraform && shown('terraform')) links.push(`[Terraform](${docs.terraform})`);
  if (docs.cdk && shown('cdk')) links.push(`[CDK](${docs.cdk})`);
  return links.length ? links.join(' · ') : undefined;
}

/** The facts lines of a property (type, values, default, limits, required, create-only, read-only). */
export function propertyFacts(prop: PropertySchema, context: WriteContext, spelling: Spelling): string[] {
  const facts: string[] = [];
  let type = typeText(prop);
  if (prop.duration) {
    const unitName = spellPath([TOKEN_UNITS, prop.duration.unitMember], spelling);
    type += ` (counted in the unit ${code(unitName)} gives; ${prop.duration.defaultUnit} when none is given)`;
  }
  else if (prop.unit) type += ` (${prop.unit})`;
  facts.push(`**Type:** ${type}`);

  const values = enumOf(prop);
  if (values) facts.push(`**Allowed values:**\n${enumLines(values).map((l) => `  - ${l}`).join('\n')}`);
  const suggestions = prop.suggestions ?? prop.items?.suggestions;
  if (suggestions) {
    const words = vocabulary(suggestions).map((e) => code(e.value));
    if (words.length) facts.push(`**Usual values:** ${words.join(', ')}`);
  }
  if (prop.defaultNote) facts.push(`**Default:** ${prop.defaultNote}`);
  else if (prop.default !== undefined) facts.push(`**Default:** ${codeValue(prop.default)}`);

  const limits = limitsText(prop, prop.unit);
  if (limits.length) facts.push(`**Limits:** ${limits.join('; ')}`);

  const where = contextName(context);
  if (context === 'describe' && isInputIn(prop, context)) {
    facts.push(prop.readOnly ? '**Output:** set by Cognito; a DescribeUserPoolClient result reports it, no create or update call writes it here.' : '**Reported** by DescribeUserPoolClient as the deployed client has it (absent: the default applies).');
  } else if (!isInputIn(prop, context)) {
    facts.push(`**Read-only:** an output of the service; ${where} does not accept it as input.`);
  } else {
    facts.push(isRequiredIn(prop, context) ? `**Required** in ${where}.` : `**Optional** in ${where}.`);
    if (prop.readOnly) facts.push(`**Output:** the service also returns it; ${where} is the one place it is written.`);
  }
  if (prop.createOnly && isInputIn(prop, context)) {
    facts.push(
      context === 'cloudformation' || context === 'terraform'
        ? '**Create-only:** changing it replaces the client (a new client ID, and a new secret if it has one).'
        : '**Create-only:** it can only be set when the client is created.',
    );
  }
  return facts;
}

/**
 * The full Markdown documentation of a property for a surface: the description holds for every
 * surface; only the note and the reference link for this one (spelling and write context) are added.
 */
export function propertyMarkdown(path: readonly string[], spelling: Spelling, context: WriteContext, extra: string[] = []): string | undefined {
  const prop = propertySchema(path);
  if (!prop) return undefined;
  const surface = docSurfaceOf(spelling, context);
  const parts = [`**${spellPath(path, spelling)}** — ${inSpelling(prop.title, spelling)}`, inSpelling(describeFor(prop, surface), spelling), ...extra];
  parts.push(propertyFacts(prop, context, spelling).map((f) => `- ${f}`).join('\n'));
  const links = linksLine(prop.docs, surface);
  if (links) parts.push(links);
  return parts.join('\n\n');
}

/**
 * Schema prose names properties in the canonical (API / CloudFormation) spelling, in backticks:
 * `` `TokenValidityUnits.AccessToken` ``. Written for another spelling, each such name becomes the
 * document's own (`token_validity_units.access_token` in Terraform); anything else in backticks
 * (values, other words) is left as it is.
 */
export function inSpelling(markdown: string, spelling: Spelling): string {
  if (spelling === 'cloudformation' || spelling === 'api') return markdown;
  const backticked = markdown.replace(/`([A-Z][A-Za-z]*(?:\.[A-Z][A-Za-z]*)*)`/g, (whole, name: string) => {
    const path = name.split('.');
    return propertySchema(path) ? code(spellPath(path, spelling)) : whole;
  });
  // Dotted paths in plain prose (`in the TokenValidityUnits.AccessToken unit`) are names too.
  return backticked.replace(/(?<![`\w.])([A-Z][A-Za-z]*(?:\.[A-Z][A-Za-z]*)+)(?![`\w])/g, (whole, name: string) => {
    const path = name.split('.');
    return propertySchema(path) ? spellPath(path, spelling) : whole;
  });
}

/** What an enum value of a property means, in Markdown; undefined when it is not one of the property's values. */
export function enumValueMarkdown(path: readonly string[], spelling: Spelling, value: string): string | undefined {
  const prop = propertySchema(path);
  const entry = enumOf(prop)?.find((e) => e.value === value);
  if (!prop || !entry) return undefined;
  const parts = [`${code(entry.value)} — value of **${spellPath(path, spelling)}**`, entry.description];
  if (entry.deprecated) {
    parts.push(entry.replacement ? `**Deprecated:** use ${code(entry.replacement)} instead.` : '**Deprecated.**');
  }
  return parts.join('\n\n');
}

/** How an unknown value is set, for prose: "`!Ref Param`", "`Fn::GetAtt Pool.Arn`". */
export function describeUnknown(v: UnknownValue): string {
  let text = v.reason;
  if (v.ref && !text.includes(v.ref.target)) text += ` ${v.ref.target}${v.ref.attribute ? '.' + v.ref.attribute : ''}`;
  return code(text);
}
