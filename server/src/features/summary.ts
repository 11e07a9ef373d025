/**
 * A summary of a client's effective settings, in Markdown, for the hover on a definition's name or
 * type: sign-in flows, secret, OAuth grants and scopes, callback URLs, token lifetimes, user
 * existence errors and token revocation, each with the service's default applied when absent and
 * "set by ..." when an intrinsic or variable decides it. The same facts as data (`clientFacts`)
 * give the CodeLens its one line.
 */
import { propertyAt, type ClientDefinition, type FileContext, type LocatedProperty, type LocatedValue } from '../model';
import { booleanOf, listOf, UNKNOWN, type Unknown } from '../model/values';
import { FLOWS_PATH } from '../rules/util/flow-values';
import { OAUTH_PATHS } from '../rules/util/oauth-values';
import { withArticle } from '../rules/util/articles';
import { USER_POOL_ID } from '../rules/util/resource-links';
import { CLIENT_SECRET_PATH, GENERATE_SECRET_PATH, hasSecret } from '../rules/util/secret';
import { effectiveOrDefaultDuration, formatDuration, formatRange, tokenNoun, tokenProperties, unitPath, withinSpec, type EffectiveDuration } from '../rules/util/duration';
import { propertySchema, schema, spell, spellPath } from '../schema';
import { code, codeValue, describeUnknown } from './hover-docs';

/** Canonical paths the summary reads. */
const FLOWS = FLOWS_PATH;
const SECRET = GENERATE_SECRET_PATH;
const OAUTH_ENABLED = [...OAUTH_PATHS.enabled];
const OAUTH_FLOWS = [...OAUTH_PATHS.flows];
const OAUTH_SCOPES = [...OAUTH_PATHS.scopes];
const CALLBACKS = [...OAUTH_PATHS.callbacks];
const EXISTENCE_ERRORS = ['PreventUserExistenceErrors'];
const REVOCATION = ['EnableTokenRevocation'];

function setBy(value: LocatedValue): string {
  return value.kind === 'unknown' ? `set by ${describeUnknown(value)}` : `written as ${withArticle(value.kind)}`;
}

/** A list property: its literal items, the default when absent, or how it is set. */
function listText(def: ClientDefinition, path: string[], ifEmpty = 'none'): string {
  const prop = propertyAt(def, path);
  if (!prop) {
    const fallback = propertySchema(path)?.default;
    return Array.isArray(fallback) && fallback.length ? `${codeValue(fallback)} (the default)` : ifEmpty;
  }
  const items = listOf(prop);
  if (items === UNKNOWN || items === undefined) return setBy(prop.value);
  const parts = items.strings.map((s) => code(s.value));
  const unknown = items.all.filter((i) => i.kind !== 'string');
  if (unknown.length) parts.push(`${unknown.length === 1 ? 'a value' : `${unknown.length} values`} ${unknown.map((u) => setBy(u)).join(', ')}`);
  return parts.length ? parts.join(', ') : ifEmpty;
}

/** A scalar property: its literal value, the default when absent, or how it is set. */
function scalarText(def: ClientDefinition, path: string[]): string {
  const prop: LocatedProperty | undefined = propertyAt(def, path);
  if (!prop || prop.value.kind === 'null') {
    const fallback = propertySchema(path)?.default;
    return fallback === undefined ? 'not set' : `${codeValue(fallback)} (the default)`;
  }
  const v = prop.value;
  if (v.kind === 'string' || v.kind === 'boolean') return code(String(v.value));
  if (v.kind === 'number') return code(v.raw);
  return setBy(v);
}

function onOff(def: ClientDefinition, path: string[]): string {
  const prop = propertyAt(def, path);
  const value = booleanOf(prop, def.surface);
  if (value === UNKNOWN) return setBy(prop!.value);
  const fallback = propertySchema(path)?.default;
  const on = value ?? fallback === true;
  return (on ? 'on' : 'off') + (value === undefined ? ' (the default)' : '');
}

function tokenLine(def: ClientDefinition, token: TokenFacts): string {
  const { canonical, noun } = token;
  const spec = propertySchema([canonical])!.duration!;
  const name = spell([canonical], def.spelling);
  const label = `${noun[0].toUpperCase()}${noun.slice(1)}s (${code(name)})`;
  const d = token.duration;
  if (!d) {
    const number = propertyAt(def, [canonical]);
    if (number && number.value.kind === 'unknown') return `${label}: ${setBy(number.value)}`;
    const unit = propertyAt(def, unitPath(spec));
    if (unit && unit.value.kind === 'unknown') return `${label}: unit ${code(spellPath(unitPath(spec), def.spelling))} ${setBy(unit.value)}`;
    const units = propertyAt(def, [unitPath(spec)[0]]);
    if (units && units.value.kind === 'unknown') return `${label}: units ${setBy(units.value)}`;
    return `${label}: cannot be told (the number or its unit is not a valid literal)`;
  }
  let text = `${label}: ${formatDuration(d.seconds)}`;
  if (d.valueIsDefault) text += ' (the default)';
  else text += ` (${d.value} in ${d.unit}${d.unitIsDefault ? ', the default unit' : ''})`;
  if (!withinSpec(d.seconds, spec)) text += ` — **out of range**: ${noun}s may last ${formatRange(spec)}`;
  return text;
}

/** What a client's OAuth settings come to: off, on with the grants written, or not known here. */
export type OAuthFacts =
  | { state: 'off'; isDefault: boolean }
  | { state: 'unknown' }
  /** `flows`: the literal grants; `more`: some grants are not literal; `flowsUnknown`: the whole list is not. */
  | { state: 'on'; flows: string[]; more: boolean; flowsUnknown: boolean };

/** A token lifetime in effect: the duration (the default when not written), or undefined when it cannot be told. */
export interface TokenFacts {
  canonical: string;
  noun: string;
  duration: EffectiveDuration | undefined;
}

/**
 * A client's effective settings as data, with the service's defaults applied: what the summary
 * hover says at length and the CodeLens in one line.
 */
export interface ClientFacts {
  /** False when the whole properties object is not literal (then nothing else can be told). */
  known: boolean;
  oauth: OAuthFacts;
  /** Whether the client has a secret (`UNKNOWN` when an intrinsic decides it, or on an update call). */
  secret: boolean | Unknown;
  tokens: TokenFacts[];
}

/** The OAuth grants in effect: none unless `AllowedOAuthFlowsUserPoolClient` is true. */
function oauthFacts(def: ClientDefinition): OAuthFacts {
  const enabled = booleanOf(propertyAt(def, OAUTH_ENABLED), def.surface);
  if (enabled === UNKNOWN) return { state: 'unknown' };
  const on = enabled ?? propertySchema(OAUTH_ENABLED)?.default === true;
  if (!on) return { state: 'off', isDefault: enabled === undefined };
  const items = listOf(propertyAt(def, OAUTH_FLOWS));
  if (items === UNKNOWN) return { state: 'on', flows: [], more: false, flowsUnknown: true };
  if (items === undefined) return { state: 'on', flows: [], more: false, flowsUnknown: false };
  return { state: 'on', flows: [...new Set(items.strings.map((i) => i.value))], more: items.hasUnknown, flowsUnknown: false };
}

/** A client's effective settings as data (see `ClientFacts`). */
export function clientFacts(def: ClientDefinition): ClientFacts {
  return {
    known: !(def.body && def.body.kind === 'unknown'),
    oauth: oauthFacts(def),
    secret: hasSecret(def),
    tokens: tokenProperties().map((t) => ({ canonical: t.canonical, noun: tokenNoun(t.spec), duration: effectiveOrDefaultDuration(def, t.canonical) })),
  };
}

/** The Markdown summary of a client's effective settings. */
export function clientSummary(def: ClientDefinition, file: FileContext): string {
  const title = `**${def.name}** — ${schema.resource.title}${def.conditional ? ' (conditional)' : ''}`;
  if (def.body && def.body.kind === 'unknown') {
    return `${title}\n\nIts properties are ${setBy(def.body)}, so its settings cannot be told here.`;
  }
  const n = (path: string[]) => code(spellPath(path, def.spelling));
  const lines: string[] = [];

  lines.push(`Sign-in flows (${n(FLOWS)}): ${listText(def, FLOWS)}`);

  const facts = clientFacts(def);
  const secret = facts.secret;
  let secretText: string;
  if (secret === true) secretText = 'yes';
  else if (secret === false) secretText = 'no';
  else {
    const generate = propertyAt(def, SECRET);
    secretText = generate && generate.value.kind === 'unknown' ? `unknown, ${setBy(generate.value)}` : def.operation === 'update' ? 'unknown (decided when the client was created)' : 'unknown';
  }
  // A describe result has no GenerateSecret: the secret itself is what it reports.
  lines.push(`Client secret (${n(def.operation === 'describe' ? CLIENT_SECRET_PATH : SECRET)}): ${secretText}`);

  const oauth = onOff(def, OAUTH_ENABLED);
  lines.push(`OAuth (${n(OAUTH_ENABLED)}): ${oauth}`);
  lines.push(`OAuth grants (${n(OAUTH_FLOWS)}): ${listText(def, OAUTH_FLOWS)}`);
  lines.push(`OAuth scopes (${n(OAUTH_SCOPES)}): ${listText(def, OAUTH_SCOPES)}`);

  const callbacks = propertyAt(def, CALLBACKS);
  const items = listOf(callbacks);
  let callbackText: string;
  if (items === undefined) callbackText = 'none';
  else if (items === UNKNOWN) callbackText = setBy(callbacks!.value);
  else {
    const literal = items.strings.length;
    const unknown = items.all.length - literal;
    callbackText = `${literal}${unknown ? ` (+ ${unknown} set by intrinsics)` : ''}`;
  }
  lines.push(`Callback URLs (${n(CALLBACKS)}): ${callbackText}`);

  for (const t of facts.tokens) lines.push(tokenLine(def, t));

  lines.push(`User existence errors (${n(EXISTENCE_ERRORS)}): ${scalarText(def, EXISTENCE_ERRORS)}`);
  lines.push(`Token revocation (${n(REVOCATION)}): ${onOff(def, REVOCATION)}`);

  const pool = def.properties.get(USER_POOL_ID)?.value;
  if (pool?.kind === 'unknown' && pool.ref && file.userPools.has(pool.ref.target)) lines.push(`User pool: ${code(pool.ref.target)} (declared in this file)`);

  return `${title}\n\n${lines.map((l) => `- ${l}`).join('\n')}`;
}
