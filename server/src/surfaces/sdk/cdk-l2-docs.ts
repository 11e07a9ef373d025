/**
 * What the editor says about the CDK L2 `UserPoolClient` props: the meaning of each prop, what the
 * CDK does when it is left out, and the CloudFormation property it becomes (with the effective
 * value, read from the derived definition); the members offered by completion at each nesting
 * level, and the CDK helpers (`OAuthScope.`, `Duration.`, `UserPoolClientIdentityProvider.`).
 * Written from the facts file (cdk-l2-facts.md), in this project's words. TS names; Python names
 * come from ./cdk-l2.ts `l2Name`.
 */
import type { ClientDefinition, LocatedValue, ObjectValue, Span } from '../../model';
import { DEFAULT_CALLBACK, DEFAULT_SCOPES, DURATION_FACTORIES, L2_SOURCE, l2Name, pythonTitle, STANDARD_ATTRIBUTES, tsL2Name } from './cdk-l2';

/** How a prop's value is written, for completion snippets. */
export type L2Kind = 'boolean' | 'object' | 'duration' | 'scopes' | 'providers' | 'attributes' | 'strings' | 'string' | 'reference';

export interface L2PropDoc {
  kind: L2Kind;
  /** What it does, in one or two sentences. */
  meaning: string;
  /** What the CDK writes when it is left out. */
  whenOmitted: string;
}

/** Every L2 prop by its TS path (nested members joined with dots). */
export const L2_PROPS: Record<string, L2PropDoc> = {
  userPool: { kind: 'reference', meaning: 'The user pool the client belongs to (`addClient` passes the pool it is called on).', whenOmitted: 'Required with `new UserPoolClient`.' },
  userPoolClientName: { kind: 'string', meaning: 'The client\'s name as the console shows it.', whenOmitted: 'No name is written; CloudFormation generates one.' },
  generateSecret: { kind: 'boolean', meaning: 'Whether Cognito creates a client secret (server-side apps, `clientCredentials`). Changing it replaces the client.', whenOmitted: 'Nothing is written: no secret.' },
  authFlows: { kind: 'object', meaning: 'The sign-in flows the app may call directly, each flag an `ALLOW_*` flow. With at least one key the CDK also adds `ALLOW_REFRESH_TOKEN_AUTH` (unless `refreshTokenRotationGracePeriod` is set).', whenOmitted: 'Nothing is written (also for `{}`), so the service default applies: refresh, SRP and custom auth.' },
  'authFlows.userPassword': { kind: 'boolean', meaning: '`ALLOW_USER_PASSWORD_AUTH`: the password is sent to Cognito at sign-in.', whenOmitted: 'Off.' },
  'authFlows.adminUserPassword': { kind: 'boolean', meaning: '`ALLOW_ADMIN_USER_PASSWORD_AUTH`: a backend signs users in with admin credentials.', whenOmitted: 'Off.' },
  'authFlows.custom': { kind: 'boolean', meaning: '`ALLOW_CUSTOM_AUTH`: sign-in through custom challenge Lambda triggers.', whenOmitted: 'Off.' },
  'authFlows.userSrp': { kind: 'boolean', meaning: '`ALLOW_USER_SRP_AUTH`: the SRP protocol proves the password without sending it.', whenOmitted: 'Off.' },
  'authFlows.user': { kind: 'boolean', meaning: '`ALLOW_USER_AUTH`: choice-based sign-in (passwords, passkeys, one-time codes).', whenOmitted: 'Off.' },
  disableOAuth: { kind: 'boolean', meaning: 'Turns OAuth off: no flows, scopes or callbacks are written and `AllowedOAuthFlowsUserPoolClient` is false. Cannot be combined with `oAuth`.', whenOmitted: 'OAuth is on, with the `oAuth` defaults.' },
  oAuth: { kind: 'object', meaning: 'The OAuth 2.0 grants, scopes and redirect URLs of the hosted sign-in.', whenOmitted: `The implicit and code grants, every standard scope and ${DEFAULT_CALLBACK} as the callback.` },
  'oAuth.flows': { kind: 'object', meaning: 'The grants allowed. Written flows replace the default whole: a flag left out is off.', whenOmitted: 'The implicit and the code grant.' },
  'oAuth.flows.authorizationCodeGrant': { kind: 'boolean', meaning: 'The authorization code grant (`code`), the one to use with PKCE.', whenOmitted: 'Off once `flows` is written.' },
  'oAuth.flows.implicitCodeGrant': { kind: 'boolean', meaning: 'The implicit grant (`implicit`): tokens come back in the redirect URL, visible to history and logs.', whenOmitted: 'Off once `flows` is written (on when `flows` is left out).' },
  'oAuth.flows.clientCredentials': { kind: 'boolean', meaning: 'The client credentials grant (`client_credentials`) for machine-to-machine calls; not with the other two.', whenOmitted: 'Off.' },
  'oAuth.scopes': { kind: 'scopes', meaning: 'The scopes the client may request (`OAuthScope.*`). `openid` is added when `email`, `phone` or `profile` is there.', whenOmitted: `Every standard scope: ${DEFAULT_SCOPES.join(', ')}.` },
  'oAuth.callbackUrls': { kind: 'strings', meaning: 'Where the hosted sign-in may redirect after sign-in. Must not be empty with the code or implicit grant.', whenOmitted: `${DEFAULT_CALLBACK} when the code or implicit grant is on.` },
  'oAuth.logoutUrls': { kind: 'strings', meaning: 'Where the hosted sign-out may redirect.', whenOmitted: 'Nothing is written.' },
  'oAuth.defaultRedirectUri': { kind: 'string', meaning: 'The callback used when a request names none; must be one of `callbackUrls`.', whenOmitted: 'Nothing is written.' },
  authSessionValidity: { kind: 'duration', meaning: 'How long a sign-in session token lasts between challenges (3 to 15 minutes).', whenOmitted: 'Nothing is written: the service uses 3 minutes.' },
  preventUserExistenceErrors: { kind: 'boolean', meaning: '`true` writes `ENABLED`: sign-in and recovery errors do not reveal whether a user exists. `false` writes `LEGACY`.', whenOmitted: 'Nothing is written, so the client keeps the service\'s `LEGACY` behaviour.' },
  supportedIdentityProviders: { kind: 'providers', meaning: 'The identity providers the hosted sign-in offers (`UserPoolClientIdentityProvider.*`). Constants create no dependency on the provider construct.', whenOmitted: '`COGNITO` plus the providers registered with the pool before the client is constructed.' },
  idTokenValidity: { kind: 'duration', meaning: 'How long ID tokens last (5 minutes to 1 day, at most the refresh token validity), written in minutes.', whenOmitted: 'Nothing is written: the service uses 60 minutes.' },
  accessTokenValidity: { kind: 'duration', meaning: 'How long access tokens last (5 minutes to 1 day, at most the refresh token validity), written in minutes.', whenOmitted: 'Nothing is written: the service uses 60 minutes.' },
  refreshTokenValidity: { kind: 'duration', meaning: 'How long refresh tokens last (1 hour to 3650 days), written in minutes.', whenOmitted: 'Nothing is written: the service uses 30 days.' },
  refreshTokenRotationGracePeriod: { kind: 'duration', meaning: 'Turns refresh token rotation on, with this grace period for the old token (0 seconds to 1 minute); the CDK then leaves `ALLOW_REFRESH_TOKEN_AUTH` out of `authFlows`.', whenOmitted: 'Rotation is not configured.' },
  readAttributes: { kind: 'attributes', meaning: 'The user attributes the client can read (`new ClientAttributes().withStandardAttributes({...})`).', whenOmitted: 'Nothing is written: every attribute is readable.' },
  writeAttributes: { kind: 'attributes', meaning: 'The user attributes the client can change on the signed-in user.', whenOmitted: 'Nothing is written: every writable attribute.' },
  enableTokenRevocation: { kind: 'boolean', meaning: 'Whether refresh tokens can be revoked.', whenOmitted: 'Nothing is written: the service turns it on for new clients.' },
  enablePropagateAdditionalUserContextData: { kind: 'boolean', meaning: 'Passes device and IP data to threat protection; needs `generateSecret: true`.', whenOmitted: 'Nothing is written: off.' },
  analytics: { kind: 'object', meaning: 'Pinpoint analytics: `application` alone, or `applicationId`, `externalId` and `role` together.', whenOmitted: 'No analytics.' },
  'analytics.application': { kind: 'reference', meaning: 'A Pinpoint `CfnApp`; its ARN is written.', whenOmitted: 'Nothing is written.' },
  'analytics.applicationId': { kind: 'string', meaning: 'The Pinpoint project id.', whenOmitted: 'Nothing is written.' },
  'analytics.externalId': { kind: 'string', meaning: 'The external id of the role.', whenOmitted: 'Nothing is written.' },
  'analytics.role': { kind: 'reference', meaning: 'The role Cognito assumes to publish events; its ARN is written.', whenOmitted: 'Nothing is written.' },
  'analytics.shareUserData': { kind: 'boolean', meaning: 'Whether user data is included in the events.', whenOmitted: 'Nothing is written.' },
};

/** The doc of an L2 prop by its dotted TS path (own entries only: `toString` is no prop). */
export function propDoc(key: string): L2PropDoc | undefined {
  return Object.hasOwn(L2_PROPS, key) ? L2_PROPS[key] : undefined;
}

/** The CDK helper classes completion offers members of, with the members. */
export const L2_HELPERS: Record<string, { name: string; doc: string; snippet?: string; /** The Python name when it differs. */ py?: string }[]> = {
  OAuthScope: [
    { name: 'OPENID', doc: '`openid`: an ID token is issued.' },
    { name: 'EMAIL', doc: '`email` (the CDK adds `openid`).' },
    { name: 'PHONE', doc: '`phone` (the CDK adds `openid`).' },
    { name: 'PROFILE', doc: '`profile` (the CDK adds `openid`).' },
    { name: 'COGNITO_ADMIN', doc: '`aws.cognito.signin.user.admin`: the user pool APIs on the signed-in user.' },
    { name: 'custom', doc: 'A scope written as is, e.g. a resource server scope `api/read`.', snippet: "custom('$1')" },
    { name: 'resourceServer', py: 'resource_server', doc: 'A scope of a resource server construct: `identifier/scope`.', snippet: 'resourceServer($1, $2)' },
  ],
  UserPoolClientIdentityProvider: [
    { name: 'COGNITO', doc: '`COGNITO`: the user pool\'s own users.' },
    { name: 'GOOGLE', doc: '`Google`.' },
    { name: 'FACEBOOK', doc: '`Facebook`.' },
    { name: 'AMAZON', doc: '`LoginWithAmazon`.' },
    { name: 'APPLE', doc: '`SignInWithApple`.' },
    { name: 'custom', doc: 'A provider by name (a SAML or OIDC provider).', snippet: "custom('$1')" },
  ],
  Duration: DURATION_FACTORIES.map((unit) => ({ name: unit, doc: `A Duration in ${unit}; the CDK writes token lifetimes in whole minutes.`, snippet: `${unit}($1)` })),
};

/**
 * The last segment of an L2 path for the mask object of `withStandardAttributes({...})` /
 * `with_standard_attributes(...)` in `readAttributes` / `writeAttributes`
 * (`['readAttributes', 'withStandardAttributes']`): its members are the `StandardAttributesMask` keys.
 */
export const ATTRIBUTE_MASK = 'withStandardAttributes';

/** The doc of a `StandardAttributesMask` key (TS or Python name), when it is one. */
function maskMember(name: string): L2PropDoc | undefined {
  const known = STANDARD_ATTRIBUTES.find(([ts, py]) => name === ts || name === py);
  return known ? { kind: 'boolean', meaning: `\`true\` adds the \`${known[2]}\` attribute.`, whenOmitted: 'Not added.' } : undefined;
}

/** The TS name of a member written at an L2 path (props, structs, the attribute mask), when the L2 has it there. */
export function l2MemberName(written: string, parent: readonly string[]): string | undefined {
  if (parent[parent.length - 1] === ATTRIBUTE_MASK) return STANDARD_ATTRIBUTES.find(([ts, py]) => written === ts || written === py)?.[0];
  const name = tsL2Name(written);
  return propDoc([...parent, name].join('.')) ? name : undefined;
}

/** A member (TS name) of the object at an L2 path as a language writes it (`family_name` in the mask, `o_auth`). */
export function l2WrittenName(ts: string, parent: readonly string[], py: boolean): string {
  if (!py) return ts;
  if (parent[parent.length - 1] === ATTRIBUTE_MASK) return STANDARD_ATTRIBUTES.find(([t]) => t === ts)?.[1] ?? ts;
  return l2Name(ts, 'py');
}

/** The doc of the L2 member at a TS path (the attribute mask's keys included). */
export function l2Doc(path: readonly string[]): L2PropDoc | undefined {
  if (path.length >= 2 && path[path.length - 2] === ATTRIBUTE_MASK) return maskMember(path[path.length - 1]);
  return propDoc(path.join('.'));
}

/** The members of an L2 props object at a TS path (`[]`: the props themselves). */
export function l2Members(path: readonly string[]): { name: string; doc: L2PropDoc }[] {
  if (path[path.length - 1] === ATTRIBUTE_MASK) return STANDARD_ATTRIBUTES.map(([ts]) => ({ name: ts, doc: maskMember(ts)! }));
  const prefix = path.length === 0 ? '' : `${path.join('.')}.`;
  return Object.entries(L2_PROPS)
    .filter(([p]) => p.startsWith(prefix) && !p.slice(prefix.length).includes('.'))
    .map(([p, doc]) => ({ name: p.slice(prefix.length), doc }));
}

/** The value a derived definition has for a canonical path, as text (JSON-like). */
function effectiveText(def: ClientDefinition, canonical: string): string {
  const [top, sub] = canonical.split('.');
  let prop = def.properties.get(top);
  if (prop && sub && prop.value.kind === 'object') prop = prop.value.members.find((m) => m.canonical === sub);
  if (!prop) return 'not written';
  return '`' + shown(prop.value) + '`';
}

function shown(v: LocatedValue): string {
  switch (v.kind) {
    case 'list':
      return `[${v.items.map(shown).join(', ')}]`;
    case 'object':
      return `{${v.members.map((m) => `${m.name}: ${shown(m.value)}`).join(', ')}}`;
    case 'string':
      return JSON.stringify(v.value);
    case 'unknown':
      return `(${v.reason})`;
    case 'null':
      return 'null';
    default:
      return String(v.value);
  }
}

/**
 * A doc text of the L2 (written with the TS names) as a Python reader reads it: props in snake_case,
 * `prop: true` as the keyword `prop=True`, `True` / `False`, the ClientAttributes chain in Python.
 */
export function pythonProse(text: string): string {
  const structs = text
    .replace(/new ClientAttributes\(\)\.withStandardAttributes\(\{\.\.\.\}\)/g, 'ClientAttributes().with_standard_attributes(...)')
    .replace(/`([a-z][A-Za-z]*): (true|false)`/g, (_, k: string, v: string) => `\`${l2Name(k, 'py')}=${v}\``);
  return pythonTitle(structs);
}

/** The hover text of an L2 prop of a derived definition. */
export function l2HoverMarkdown(def: ClientDefinition, path: readonly string[]): string | undefined {
  const key = path.join('.');
  const doc = propDoc(key);
  if (!doc) return undefined;
  // Named as the file writes it (`o_auth.flows` in Python).
  const shown = def.spelling === 'cdkPython' ? l2Name(key, 'py') : key;
  const prose = def.spelling === 'cdkPython' ? pythonProse : (t: string) => t;
  const parts = [`**${shown}** (CDK L2 \`UserPoolClient\`)`, prose(doc.meaning), `Left out: ${prose(doc.whenOmitted)}`];
  const becomes = Object.entries(L2_SOURCE).filter(([canonical, source]) => source === key && !canonical.includes('.'));
  // A flag inside a written object becomes part of its parent's property.
  const target = becomes.length > 0 ? becomes : Object.entries(L2_SOURCE).filter(([canonical, source]) => key.startsWith(`${source}.`) && !canonical.includes('.'));
  for (const [canonical] of target) parts.push(`Synthesised as \`${canonical}\`: ${effectiveText(def, canonical)}`);
  if (key === 'accessTokenValidity' || key === 'idTokenValidity' || key === 'refreshTokenValidity') parts.push(`With \`TokenValidityUnits\`: ${effectiveText(def, 'TokenValidityUnits')}`);
  return parts.join('\n\n');
}

/** The L2 prop (TS path, from TS or Python names) whose member is at `offset` in the props as written, innermost. */
export function l2PathAt(source: ObjectValue, offset: number): { path: string[]; keySpan: Span } | undefined {
  let obj: ObjectValue | undefined = source;
  const path: string[] = [];
  let hit: { path: string[]; keySpan: Span } | undefined;
  for (let depth = 0; obj && depth < 8; depth++) {
    const m: ObjectValue['members'][number] | undefined = [...obj.members].reverse().find((x) => x.span.start <= offset && offset <= x.span.end);
    if (!m) break;
    path.push(tsL2Name(m.name));
    hit = { path: [...path], keySpan: m.keySpan };
    obj = m.value.kind === 'object' ? m.value : undefined;
  }
  return hit && propDoc(hit.path.join('.')) ? hit : undefined;
}
