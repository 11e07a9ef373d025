/**
 * Hover for user pool client definitions, as a pure function over the document and its model:
 * - on a property key (top level or nested): what it is, type, allowed values, default, limits,
 *   create-only / read-only, whether this surface requires it, and reference links;
 * - on an enum value (a scalar or a list item): what the value means, and the replacement of a
 *   deprecated one; on a scope, identity provider or attribute name: what it is;
 * - on a token validity number (and on a unit): the effective duration with its unit and the
 *   allowed range;
 * - on the definition's name or type: a summary of the client's effective settings.
 * Anything else (outside clients, unknown keys, plain values) has no hover.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupKind, type Hover, type Position, type Range } from 'vscode-languageserver-types';
import { spanContains, type ClientDefinition, type DocumentModel, type FileContext, type LocatedProperty, type LocatedValue, type Span } from '../model';
import { describeReading, effectiveDuration, effectiveOrDefaultDuration, formatAmount, formatDuration, formatRange, tokenNoun, tokenProperty, unitOf, withinSpec, TOKEN_UNITS_PROPERTY, type DurationUnit } from '../rules/util/duration';
import { CUSTOM_PREFIX } from '../rules/util/attribute-names';
import { referencedUserPool } from '../rules/util/resource-links';
import { propertySchema, SECONDS_PER_UNIT, spellPath, vocabulary, writeContextOf, type DurationSpec } from '../schema';
import { code, describeUnknown, enumOf, enumValueMarkdown, propertyMarkdown } from './hover-docs';
import { l2HoverMarkdown, l2PathAt } from '../surfaces/sdk/cdk-l2-docs';
import { renamed } from '../rules/engine';
import { clientSummary } from './summary';

/** What the position is on inside a client's properties. */
type Hit =
  | { kind: 'key'; path: string[]; prop: LocatedProperty }
  | { kind: 'value'; path: string[]; prop: LocatedProperty; value: LocatedValue }
  | { kind: 'item'; path: string[]; prop: LocatedProperty; value: LocatedValue };

function within(span: Span, offset: number): boolean {
  return offset >= span.start && offset < span.end;
}

function unwrap(value: LocatedValue, offset: number): LocatedValue | undefined {
  if (value.kind !== 'unknown' || !value.alternatives) return value;
  const alt = value.alternatives.find((a) => spanContains(a.span, offset));
  return alt && unwrap(alt, offset);
}

function inMembers(members: LocatedProperty[], parent: string[], offset: number): Hit | undefined {
  for (const m of members) {
    if (within(m.keySpan, offset)) return m.canonical ? { kind: 'key', path: [...parent, m.canonical], prop: m } : undefined;
    if (within(m.value.span, offset)) return m.canonical ? inValue(m, m.value, [...parent, m.canonical], offset) : undefined;
  }
  return undefined;
}

function inValue(prop: LocatedProperty, value: LocatedValue, path: string[], offset: number): Hit | undefined {
  const v = unwrap(value, offset);
  if (!v) return undefined;
  if (v.kind === 'object') return inMembers(v.members, path, offset);
  if (v.kind === 'list') {
    for (const item of v.items) {
      if (!spanContains(item.span, offset)) continue;
      const inner = unwrap(item, offset);
      if (!inner || inner.kind === 'object' || inner.kind === 'list') return undefined;
      return { kind: 'item', path, prop, value: inner };
    }
    return undefined;
  }
  return { kind: 'value', path, prop, value: v };
}

/** What a client's properties have at an offset. */
function locate(def: ClientDefinition, offset: number): Hit | undefined {
  if (!def.body || def.body.kind !== 'object') return undefined;
  return inMembers(def.body.members, [], offset);
}

function markdown(value: string, range: Range): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range };
}

/** A token validity reading: "60 in hours (the default unit) = 60 hours; access tokens may last 5 minutes to 1 day". */
function durationText(def: ClientDefinition, path: string[]): string | undefined {
  const prop = propertySchema(path);
  if (!prop) return undefined;
  const name = code(spellPath(path, def.spelling));
  if (prop.duration) {
    const spec = prop.duration;
    const d = effectiveDuration(def, path);
    const limits = `${tokenNoun(spec)}s may last ${formatRange(spec)}`;
    if (!d) {
      if (unitOf(def, spec)) return undefined;
      const unit = def.properties.get(TOKEN_UNITS_PROPERTY);
      const unitName = code(spellPath([TOKEN_UNITS_PROPERTY, spec.unitMember], def.spelling));
      const how = unit?.value.kind === 'unknown' ? ` (${describeUnknown(unit.value)})` : '';
      return `${name}: the unit, ${unitName}, cannot be told here${how}, so neither can the lifetime; ${limits}.`;
    }
    const verdict = withinSpec(d.seconds, spec) ? limits : `**out of range**: ${limits}`;
    return `${name}: ${describeReading(d)} = **${formatDuration(d.seconds)}**; ${verdict}.`;
  }
  if (prop.unit) {
    const d = effectiveDuration(def, path);
    if (!d) return undefined;
    const range = prop.minimum !== undefined && prop.maximum !== undefined ? `; allowed ${prop.minimum} to ${prop.maximum} ${prop.unit}` : '';
    const written = formatAmount(d.value, d.unit);
    const meaning = formatDuration(d.seconds);
    return `${name}: ${written}${meaning === written ? '' : ` = **${meaning}**`}${range}.`;
  }
  return undefined;
}

/** What a unit means for the token validity it belongs to (hover on `AccessToken: minutes`). */
function unitText(def: ClientDefinition, spec: DurationSpec['unitMember'], unit: string): string | undefined {
  const token = tokenProperty(spec);
  if (!token || !(unit in SECONDS_PER_UNIT)) return undefined;
  const name = code(spellPath([token.canonical], def.spelling));
  const d = effectiveOrDefaultDuration(def, token.canonical);
  const limits = `${tokenNoun(token.spec)}s may last ${formatRange(token.spec)}`;
  if (!d) return undefined;
  if (d.valueIsDefault) return `${name} is not set, so the default lifetime applies: **${formatDuration(d.seconds)}**; ${limits}.`;
  const seconds = d.value * SECONDS_PER_UNIT[unit as DurationUnit];
  const verdict = withinSpec(seconds, token.spec) ? limits : `**out of range**: ${limits}`;
  return `With this unit, ${name} ${d.value} = **${formatDuration(seconds)}**; ${verdict}.`;
}

/** Hover text for a vocabulary value or a value declared elsewhere in the file (scopes, providers, attributes). */
function suggestionText(def: ClientDefinition, file: FileContext, path: string[], value: string): string | undefined {
  const prop = propertySchema(path);
  const vocab = prop?.items?.suggestions ?? prop?.suggestions;
  if (!vocab) return undefined;
  const where = `value of **${spellPath(path, def.spelling)}**`;
  const entry = vocabulary(vocab).find((e) => e.value === value);
  if (entry) return `${code(value)} — ${where}\n\n${entry.description}`;
  if (vocab === 'standardScopes') {
    const slash = value.indexOf('/');
    if (slash <= 0) return undefined;
    const identifier = value.slice(0, slash);
    const scope = value.slice(slash + 1);
    const server = file.resourceServers.find((r) => r.identifier === identifier);
    if (!server) return `${code(value)} — custom scope ${code(scope)} of the resource server ${code(identifier)} (not declared in this file).`;
    const declared = server.scopes === undefined || server.scopes.includes(scope);
    return `${code(value)} — custom scope ${code(scope)} of the resource server ${code(identifier)}, declared in this file as ${code(server.address)}${declared ? '' : ', which does not define this scope'}.`;
  }
  if (vocab === 'builtInIdentityProviders') {
    const idp = file.identityProviders.find((p) => p.providerName === value);
    return idp ? `${code(value)} — identity provider declared in this file as ${code(idp.address)}.` : undefined;
  }
  if (vocab === 'standardAttributes' && value.startsWith(CUSTOM_PREFIX)) {
    const name = value.slice(CUSTOM_PREFIX.length);
    if (name.trim() === '') return `${code(value)} — the prefix of a custom attribute, with no attribute name after it.`;
    const pool = referencedUserPool(def, file);
    let note = '';
    if (pool?.customAttributes) note = pool.customAttributes.includes(name) ? ` The user pool ${code(pool.address)} declares it.` : ` The user pool ${code(pool.address)} does not declare it.`;
    return `${code(value)} — custom attribute ${code(name)} of the user pool.${note}`;
  }
  return undefined;
}

function valueHover(def: ClientDefinition, file: FileContext, hit: Extract<Hit, { kind: 'value' | 'item' }>): string | undefined {
  const { path, value } = hit;
  if (value.kind === 'number' || (value.kind === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value.value))) {
    const text = durationText(def, path);
    if (text) return text;
  }
  if (value.kind !== 'string') return undefined;
  const parts: string[] = [];
  const meaning = enumValueMarkdown(path, def.spelling, value.value);
  if (meaning) parts.push(meaning);
  else {
    const values = enumOf(propertySchema(path));
    if (values) {
      parts.push(`${code(value.value)} is not an allowed value of **${spellPath(path, def.spelling)}**. Allowed: ${values.filter((e) => !e.deprecated).map((e) => code(e.value)).join(', ')}.`);
    } else {
      const suggestion = suggestionText(def, file, path, value.value);
      if (suggestion) parts.push(suggestion);
    }
  }
  if (path.length === 2 && path[0] === TOKEN_UNITS_PROPERTY) {
    const extra = unitText(def, path[1] as DurationSpec['unitMember'], value.value);
    if (extra) parts.push(extra);
  }
  return parts.length ? parts.join('\n\n') : undefined;
}

/** A client's summary; for a derived one (the CDK L2), the synthesised resource named by the props it comes from. */
function summaryOf(def: ClientDefinition, model: DocumentModel): string {
  if (!def.derived) return clientSummary(def, model.context);
  const text = renamed(clientSummary({ ...def, spelling: 'cloudformation' }, model.context), def.derived.names);
  return `${text}\n\nAs ${def.derived.by} synthesises it (\`AWS::Cognito::UserPoolClient\`), defaults included.`;
}

/** The hover at a position, or null when there is nothing to say. */
export function doHover(document: TextDocument, model: DocumentModel, position: Position): Hover | null {
  const offset = document.offsetAt(position);
  const range = (span: Span): Range => ({ start: document.positionAt(span.start), end: document.positionAt(span.end) });
  for (const def of model.clients) {
    if (within(def.nameSpan, offset)) return markdown(summaryOf(def, model), range(def.nameSpan));
    if (def.typeSpan && within(def.typeSpan, offset)) return markdown(summaryOf(def, model), range(def.typeSpan));
    if (!spanContains(def.span, offset)) continue;
    if (def.derived) {
      // The CDK L2: its own props, with the property each becomes (the synthesised members are not written here).
      const at = def.derived.source ? l2PathAt(def.derived.source, offset) : undefined;
      const text = at && l2HoverMarkdown(def, at.path);
      return text ? markdown(text, range(at!.keySpan)) : null;
    }
    const hit = locate(def, offset);
    if (!hit) continue;
    if (hit.kind === 'key') {
      const extra: string[] = [];
      const reading = durationText(def, hit.path);
      if (reading) extra.push(`Here: ${reading}`);
      const text = propertyMarkdown(hit.path, def.spelling, writeContextOf(def), extra);
      return text ? markdown(text, range(hit.prop.keySpan)) : null;
    }
    const text = valueHover(def, model.context, hit);
    return text ? markdown(text, range(hit.value.span)) : null;
  }
  return null;
}
