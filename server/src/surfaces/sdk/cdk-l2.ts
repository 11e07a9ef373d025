/**
 * The CDK L2 `UserPoolClient` (aws-cdk-lib/aws-cognito, v2.278.0 as the facts file records it):
 * its props, as a reader found them (./tree.ts `cdk-l2` calls), become the client definition of
 * the `AWS::Cognito::UserPoolClient` the CDK synthesises: surface `cloudformation`, every property
 * under its canonical name, the values the CDK writes (Durations in whole minutes with
 * `TokenValidityUnits` minutes, `ALLOW_*` flows with the refresh flow appended, OAuth defaults,
 * `ENABLED` / `LEGACY`, sorted attributes, ...). Properties the CDK fills in without a prop are
 * located at the construct call and marked `defaulted` with the reason in the L2's terms. The
 * errors the construct throws at synth time are collected with their exact texts
 * (`derived.errors`, reported by the `cdk-synth-error` rule); a property whose value the CDK
 * would throw on is Unknown, so no other rule repeats the error.
 *
 * Language-neutral: props are found by their TS or Python name (`oAuth` / `o_auth`), nested
 * structs are objects (a Python reader turns `OAuthSettings(...)` into the object of its keyword
 * arguments), CDK helpers (`Duration.minutes(5)`, `OAuthScope.OPENID`, `ClientAttributes` chains,
 * `UserPoolClientIdentityProvider.GOOGLE`) are Unknown values with a `CodeExpression`.
 *
 * Props spread in from elsewhere (`...defaults`) or props that are not a literal make the
 * definition open: nothing the CDK would default is concluded, and absent properties are Unknown.
 */
import {
  type ClientDefinition,
  type CodeExpression,
  type LocatedProperty,
  type LocatedValue,
  type ObjectValue,
  type SemanticChange,
  type SemanticFix,
  type Span,
  type Spelling,
  type UnknownValue,
  openProperties,
} from '../../model';
import type { JsonValue } from '../../schema/types';
import type { SdkCall } from './tree';

type Lang = 'ts' | 'py';

/** The L2 names used here, TS and Python (the facts file's §1, §4, §6). */
const PROP: Record<string, [string, string]> = {
  userPool: ['userPool', 'user_pool'],
  userPoolClientName: ['userPoolClientName', 'user_pool_client_name'],
  generateSecret: ['generateSecret', 'generate_secret'],
  authFlows: ['authFlows', 'auth_flows'],
  disableOAuth: ['disableOAuth', 'disable_o_auth'],
  oAuth: ['oAuth', 'o_auth'],
  authSessionValidity: ['authSessionValidity', 'auth_session_validity'],
  preventUserExistenceErrors: ['preventUserExistenceErrors', 'prevent_user_existence_errors'],
  supportedIdentityProviders: ['supportedIdentityProviders', 'supported_identity_providers'],
  idTokenValidity: ['idTokenValidity', 'id_token_validity'],
  refreshTokenValidity: ['refreshTokenValidity', 'refresh_token_validity'],
  accessTokenValidity: ['accessTokenValidity', 'access_token_validity'],
  refreshTokenRotationGracePeriod: ['refreshTokenRotationGracePeriod', 'refresh_token_rotation_grace_period'],
  readAttributes: ['readAttributes', 'read_attributes'],
  writeAttributes: ['writeAttributes', 'write_attributes'],
  enableTokenRevocation: ['enableTokenRevocation', 'enable_token_revocation'],
  enablePropagateAdditionalUserContextData: ['enablePropagateAdditionalUserContextData', 'enable_propagate_additional_user_context_data'],
  analytics: ['analytics', 'analytics'],
  addClient: ['addClient', 'add_client'],
  // OAuthSettings
  flows: ['flows', 'flows'],
  callbackUrls: ['callbackUrls', 'callback_urls'],
  logoutUrls: ['logoutUrls', 'logout_urls'],
  scopes: ['scopes', 'scopes'],
  defaultRedirectUri: ['defaultRedirectUri', 'default_redirect_uri'],
  // OAuthFlows
  authorizationCodeGrant: ['authorizationCodeGrant', 'authorization_code_grant'],
  implicitCodeGrant: ['implicitCodeGrant', 'implicit_code_grant'],
  clientCredentials: ['clientCredentials', 'client_credentials'],
  // AuthFlow
  userPassword: ['userPassword', 'user_password'],
  adminUserPassword: ['adminUserPassword', 'admin_user_password'],
  custom: ['custom', 'custom'],
  userSrp: ['userSrp', 'user_srp'],
  user: ['user', 'user'],
  // AnalyticsConfiguration
  application: ['application', 'application'],
  applicationId: ['applicationId', 'application_id'],
  externalId: ['externalId', 'external_id'],
  role: ['role', 'role'],
  shareUserData: ['shareUserData', 'share_user_data'],
};

/** The TS name of a prop written in either language (`o_auth` -> `oAuth`); the name itself when unknown. */
export function tsL2Name(written: string): string {
  for (const [ts, py] of Object.values(PROP)) if (written === ts || written === py) return ts;
  return written;
}

/** The L2 name of a prop in a language; nested paths joined with dots (`oAuth.flows`). */
export function l2Name(path: string, lang: Lang): string {
  return path.split('.').map((p) => PROP[p]?.[lang === 'ts' ? 0 : 1] ?? p).join('.');
}

/** Every canonical CloudFormation path and the L2 prop it comes from (TS path; see `l2Name`). */
export const L2_SOURCE: Record<string, string> = {
  UserPoolId: 'userPool',
  ClientName: 'userPoolClientName',
  GenerateSecret: 'generateSecret',
  ExplicitAuthFlows: 'authFlows',
  AllowedOAuthFlows: 'oAuth.flows',
  AllowedOAuthScopes: 'oAuth.scopes',
  CallbackURLs: 'oAuth.callbackUrls',
  LogoutURLs: 'oAuth.logoutUrls',
  DefaultRedirectURI: 'oAuth.defaultRedirectUri',
  AuthSessionValidity: 'authSessionValidity',
  PreventUserExistenceErrors: 'preventUserExistenceErrors',
  SupportedIdentityProviders: 'supportedIdentityProviders',
  IdTokenValidity: 'idTokenValidity',
  RefreshTokenValidity: 'refreshTokenValidity',
  AccessTokenValidity: 'accessTokenValidity',
  RefreshTokenRotation: 'refreshTokenRotationGracePeriod',
  'RefreshTokenRotation.RetryGracePeriodSeconds': 'refreshTokenRotationGracePeriod',
  ReadAttributes: 'readAttributes',
  WriteAttributes: 'writeAttributes',
  EnableTokenRevocation: 'enableTokenRevocation',
  EnablePropagateAdditionalUserContextData: 'enablePropagateAdditionalUserContextData',
  AnalyticsConfiguration: 'analytics',
  'AnalyticsConfiguration.ApplicationArn': 'analytics.application',
  'AnalyticsConfiguration.ApplicationId': 'analytics.applicationId',
  'AnalyticsConfiguration.ExternalId': 'analytics.externalId',
  'AnalyticsConfiguration.RoleArn': 'analytics.role',
  'AnalyticsConfiguration.UserDataShared': 'analytics.shareUserData',
};

/** The scopes the CDK allows when `oAuth.scopes` is not set, in the order it writes them. */
export const DEFAULT_SCOPES = ['profile', 'phone', 'email', 'openid', 'aws.cognito.signin.user.admin'];
/** The callback the CDK writes when the code or implicit grant is on and `oAuth.callbackUrls` is not set. */
export const DEFAULT_CALLBACK = 'https://example.com';

const SCOPE_CONSTANTS: Record<string, string> = { PHONE: 'phone', EMAIL: 'email', OPENID: 'openid', PROFILE: 'profile', COGNITO_ADMIN: 'aws.cognito.signin.user.admin' };
const PROVIDER_CONSTANTS: Record<string, string> = { APPLE: 'SignInWithApple', FACEBOOK: 'Facebook', GOOGLE: 'Google', AMAZON: 'LoginWithAmazon', COGNITO: 'COGNITO' };
/** `AuthFlow` flags in the order the CDK lists them, with the flow each becomes. */
const AUTH_FLOWS: [string, string][] = [
  ['userPassword', 'ALLOW_USER_PASSWORD_AUTH'],
  ['adminUserPassword', 'ALLOW_ADMIN_USER_PASSWORD_AUTH'],
  ['custom', 'ALLOW_CUSTOM_AUTH'],
  ['userSrp', 'ALLOW_USER_SRP_AUTH'],
  ['user', 'ALLOW_USER_AUTH'],
];
/** `StandardAttributesMask` keys (TS and Python) and the attribute each adds. */
export const STANDARD_ATTRIBUTES: [string, string, string][] = [
  ['address', 'address', 'address'], ['birthdate', 'birthdate', 'birthdate'], ['email', 'email', 'email'],
  ['familyName', 'family_name', 'family_name'], ['gender', 'gender', 'gender'], ['givenName', 'given_name', 'given_name'],
  ['locale', 'locale', 'locale'], ['middleName', 'middle_name', 'middle_name'], ['fullname', 'fullname', 'name'],
  ['nickname', 'nickname', 'nickname'], ['phoneNumber', 'phone_number', 'phone_number'], ['profilePicture', 'profile_picture', 'picture'],
  ['preferredUsername', 'preferred_username', 'preferred_username'], ['profilePage', 'profile_page', 'profile'],
  ['timezone', 'timezone', 'zoneinfo'], ['lastUpdateTime', 'last_update_time', 'updated_at'], ['website', 'website', 'website'],
  ['emailVerified', 'email_verified', 'email_verified'], ['phoneNumberVerified', 'phone_number_verified', 'phone_number_verified'],
];

// ---------------------------------------------------------------------------------------------
// Durations, as aws-cdk-lib core `Duration` computes them.

export type TimeUnit = 'millis' | 'seconds' | 'minutes' | 'hours' | 'days';
const UNIT_MS: Record<TimeUnit, number> = { millis: 1, seconds: 1000, minutes: 60_000, hours: 3_600_000, days: 86_400_000 };
/** The Duration factories (`Duration.minutes(n)`, Python alike). */
export const DURATION_FACTORIES = Object.keys(UNIT_MS) as TimeUnit[];

export interface Duration {
  amount: number;
  unit: TimeUnit;
}

/** `'<amount> <unit>' cannot be converted ...` when not a whole number of `to`, else the number. */
export function convertDuration(d: Duration, to: TimeUnit): number | { error: string } {
  if (d.unit === to) return d.amount;
  const value = (d.amount * UNIT_MS[d.unit]) / UNIT_MS[to];
  if (!Number.isInteger(value)) return { error: `'${d.amount} ${d.unit}' cannot be converted into a whole number of ${to}.` };
  return value;
}

/** The CDK's `toHumanString()`: `1 hour 1 minute`, `3650 days`, `0 seconds`. */
export function humanDuration(d: Duration): string {
  if (d.amount === 0) return `0 ${d.unit}`;
  const ms = d.amount * UNIT_MS[d.unit];
  const parts: [number, TimeUnit][] = [
    [Math.floor(ms / UNIT_MS.days), 'days'],
    [Math.floor(ms / UNIT_MS.hours) % 24, 'hours'],
    [Math.floor(ms / UNIT_MS.minutes) % 60, 'minutes'],
    [Math.floor(ms / UNIT_MS.seconds) % 60, 'seconds'],
    [Math.floor(ms) % 1000, 'millis'],
  ];
  return parts.filter(([n]) => n !== 0).map(([n, u]) => (n === 1 ? `1 ${u.slice(0, -1)}` : `${n} ${u}`)).join(' ');
}

/** The tail names of an expression's path (`cognito.OAuthScope.OPENID` -> `OAuthScope.OPENID`). */
function tail(e: CodeExpression | undefined, n: number): string | undefined {
  if (!e || e.receiver) return undefined;
  return e.path.slice(-n).join('.');
}

type Read<T> = T | 'unknown' | { error: string };

/**
 * Expressions whose number is a CloudFormation token: a parameter's `valueAsNumber` /
 * `value_as_number`, `Token.asNumber(...)` / `Token.as_number(...)`, `Lazy.number(...)`, `Fn.*`.
 */
const NUMBER_TOKEN = /(?:\.valueAsNumber|\.value_as_number)$|^(?:\w+\.)?(?:Token\.(?:asNumber|as_number)|Lazy\.number|Fn\.\w+)\(/;

/** A Duration written as `Duration.<unit>(n)` (any module qualifier). */
export function readDuration(value: LocatedValue): Read<Duration> {
  const e = value.kind === 'unknown' ? value.expression : undefined;
  const name = tail(e, 2);
  const unit = name?.startsWith('Duration.') ? (name.slice('Duration.'.length) as TimeUnit) : undefined;
  if (!e || !unit || !(unit in UNIT_MS) || e.args?.length !== 1) return 'unknown';
  const arg = e.args[0];
  // A number that only exists at deploy time (a parameter's value): the CDK cannot convert it.
  if (unit !== 'millis' && arg.kind === 'unknown' && NUMBER_TOKEN.test(arg.reason)) {
    return { error: `Duration must be specified as 'Duration.millis()' here since its value comes from a token and cannot be converted (got Duration.${unit})` };
  }
  if (arg.kind !== 'number') return 'unknown';
  if (arg.value < 0) return { error: `Duration amounts cannot be negative. Received: ${arg.value}` };
  return { amount: arg.value, unit };
}

/** The ranges of the lifetimes in minutes (without the refresh cap of access / ID tokens). */
const MINUTE_RANGE: Record<string, [number, number]> = {
  accessTokenValidity: [5, 1440],
  idTokenValidity: [5, 1440],
  refreshTokenValidity: [60, 5_256_000],
  authSessionValidity: [3, 15],
};

// ---------------------------------------------------------------------------------------------

/** What the core needs of a call. */
export interface L2Input {
  lang: Lang;
  props: ObjectValue | UnknownValue | undefined;
  open?: { reason: string; span: Span };
  /** The construct call as written (`UserPoolClient` / `addClient`), where defaults are located. */
  at: Span;
  /** The whole call. */
  span: Span;
  name: string;
  via: 'construct' | 'addClient';
  pool?: UnknownValue;
  providersBefore?: number;
}

/** A prop by its L2 name (the last one written), `open` when it may come from a spread. */
function prop(obj: ObjectValue | undefined, key: string, lang: Lang): LocatedProperty | undefined {
  if (!obj) return undefined;
  const name = l2Name(key, lang);
  for (let i = obj.members.length - 1; i >= 0; i--) if (obj.members[i].name === name) return obj.members[i];
  return undefined;
}

/** A boolean as JS truthiness sees a literal: true / false / undefined (absent or `undefined`) / unknown. */
function truth(p: LocatedProperty | undefined): boolean | undefined | 'unknown' {
  if (!p) return undefined;
  const v = p.value;
  if (v.kind === 'null') return undefined;
  if (v.kind === 'boolean') return v.value;
  if (v.kind === 'string') return v.value !== '';
  if (v.kind === 'number') return v.value !== 0;
  if (v.kind === 'object' || v.kind === 'list') return true;
  if (v.expression) return true; // a Duration, a construct: an object
  return 'unknown';
}

function unknownAt(span: Span, reason: string): UnknownValue {
  return { kind: 'unknown', reason, span };
}

/** The builder of one effective client. */
class L2Builder {
  readonly members: LocatedProperty[] = [];
  readonly errors: { message: string; span: Span; fix?: SemanticFix }[] = [];
  readonly obj: ObjectValue | undefined;
  readonly lang: Lang;

  constructor(readonly input: L2Input) {
    this.lang = input.lang;
    this.obj = input.props?.kind === 'object' ? input.props : undefined;
  }

  n(path: string): string {
    return '`' + l2Name(path, this.lang) + '`';
  }

  get(key: string, obj: ObjectValue | undefined = this.obj): LocatedProperty | undefined {
    return prop(obj, key, this.lang);
  }

  /** Whether an absent top-level prop may still be set (spread, unknown props). */
  get open(): boolean {
    return this.input.open !== undefined || this.input.props?.kind === 'unknown';
  }

  /** A written prop's effect, located where the prop is written. */
  set(canonical: string, from: LocatedProperty, value: LocatedValue): void {
    this.members.push({ name: canonical, canonical, keySpan: from.keySpan, span: from.span, value });
  }

  /** A default the CDK fills in, located at the construct call. */
  setDefault(canonical: string, value: LocatedValue, why: string): void {
    this.members.push({ name: canonical, canonical, keySpan: this.input.at, span: this.input.at, value, defaulted: why });
  }

  error(message: string, span: Span, fix?: SemanticFix): void {
    this.errors.push(fix ? { message, span, fix } : { message, span });
  }

  /**
   * A fix that writes a valid Duration for a prop: the nearest amount in range, in whole minutes
   * (whole seconds for the rotation grace period), in the largest unit that keeps it whole, with
   * the `Duration` qualifier as written (the same text in TS and Python; the edit builders write
   * `{ $code }` as code).
   */
  durationFix(key: string, prop: LocatedProperty, wanted: number, unit: 'minutes' | 'seconds'): SemanticFix | undefined {
    if (prop.value.kind !== 'unknown' || !prop.value.expression) return undefined;
    const e = prop.value.expression;
    const qualifier = e.path.slice(0, -1).join('.');
    const ms = wanted * UNIT_MS[unit];
    const best = (['days', 'hours', 'minutes', 'seconds'] as TimeUnit[]).find((u) => ms % UNIT_MS[u] === 0 && UNIT_MS[u] >= UNIT_MS[unit]) ?? unit;
    const code = `${qualifier}.${best}(${ms / UNIT_MS[best]})`;
    return { title: `Set ${key} to ${code}`, changes: [{ kind: 'set', path: [key], value: { $code: code } }], isPreferred: true, unambiguous: false };
  }

  at(): Span {
    return this.input.at;
  }

  str(value: string, span: Span): LocatedValue {
    return { kind: 'string', value, span, quoted: true };
  }

  list(items: LocatedValue[], span: Span): LocatedValue {
    return { kind: 'list', items, span, flow: true };
  }

  build(): void {
    const p = (k: string) => this.get(k);
    // UserPoolId
    const userPool = p('userPool');
    // `UserPool.fromUserPoolId(scope, id, 'eu-west-1_x')` imports a pool by a literal id: that id.
    const imported = userPool?.value.kind === 'unknown' ? userPool.value.expression : undefined;
    const importedId = imported && !imported.receiver && ['UserPool.fromUserPoolId', 'UserPool.from_user_pool_id'].includes(imported.path.slice(-2).join('.')) ? imported.args?.[2] : undefined;
    if (userPool && importedId?.kind === 'string') this.set('UserPoolId', userPool, importedId);
    else if (userPool) this.set('UserPoolId', userPool, userPool.value.kind === 'unknown' ? { ...userPool.value, reason: `${userPool.value.reason}.userPoolId` } : userPool.value);
    else if (this.input.pool) this.setDefault('UserPoolId', this.input.pool, `${this.n('addClient')} makes the client in the pool it is called on`);
    // Pass-through props.
    for (const [key, canonical] of [['userPoolClientName', 'ClientName'], ['generateSecret', 'GenerateSecret'], ['enableTokenRevocation', 'EnableTokenRevocation'], ['enablePropagateAdditionalUserContextData', 'EnablePropagateAdditionalUserContextData']] as const) {
      const w = p(key);
      if (w && w.value.kind !== 'null') this.set(canonical, w, w.value);
    }
    this.oauth();
    this.contextData();
    this.authFlows();
    this.userExistence();
    this.identityProviders();
    this.validity();
    this.attributes('readAttributes', 'ReadAttributes');
    this.attributes('writeAttributes', 'WriteAttributes');
    this.analytics();
  }

  private oauth(): void {
    const disableProp = this.get('disableOAuth');
    const oAuthProp = this.get('oAuth');
    const disable = truth(disableProp);
    const oAuth = oAuthProp && oAuthProp.value.kind !== 'null' ? oAuthProp : undefined;
    if (disable === true && oAuth) {
      this.error('OAuth settings cannot be specified when disableOAuth is set.', oAuthProp!.keySpan);
      for (const c of ['AllowedOAuthFlows', 'AllowedOAuthScopes', 'CallbackURLs', 'LogoutURLs', 'DefaultRedirectURI', 'AllowedOAuthFlowsUserPoolClient']) this.set(c, oAuth, unknownAt(oAuth.value.span, '`cdk synth` fails here'));
      return;
    }
    const oAuthObj = oAuth?.value.kind === 'object' ? oAuth.value : undefined;
    if (oAuth && !oAuthObj) {
      // `oAuth: settings` not resolved: every OAuth property is unknown.
      for (const c of ['AllowedOAuthFlows', 'AllowedOAuthScopes', 'CallbackURLs', 'LogoutURLs', 'DefaultRedirectURI']) this.set(c, oAuth, unknownAt(oAuth.value.span, oAuth.value.kind === 'unknown' ? oAuth.value.reason : 'oAuth'));
    }
    const disableUnknown = disable === 'unknown' || (disable === undefined && this.open);
    // AllowedOAuthFlowsUserPoolClient: always written, the negation of disableOAuth.
    if (disableProp && disable !== undefined) this.set('AllowedOAuthFlowsUserPoolClient', disableProp, disable === 'unknown' ? unknownAt(disableProp.value.span, disableProp.value.kind === 'unknown' ? disableProp.value.reason : 'disableOAuth') : { kind: 'boolean', value: !disable, span: disableProp.value.span });
    else if (!this.open) this.setDefault('AllowedOAuthFlowsUserPoolClient', { kind: 'boolean', value: true, span: this.at() }, `${this.n('disableOAuth')} is not set, so the CDK turns OAuth on`);
    if (oAuth && !oAuthObj) return;
    if (disable === true) return;
    if (disableUnknown) {
      // Whether anything OAuth is written depends on disableOAuth.
      const at = oAuthObj ? oAuth : disableProp;
      if (at) for (const c of ['AllowedOAuthFlows', 'AllowedOAuthScopes', 'CallbackURLs']) this.set(c, at, unknownAt(at.value.span, 'disableOAuth may be set'));
      return;
    }
    const noOAuth = `${this.n('oAuth')} is not set, so the CDK enables the implicit and code grants with every standard scope and ${DEFAULT_CALLBACK} as the callback`;
    // Flows: the written object replaces the default whole.
    const flowsProp = this.get('flows', oAuthObj);
    const flowsObj = flowsProp?.value.kind === 'object' ? flowsProp.value : undefined;
    let code: boolean | undefined | 'unknown';
    let implicit: boolean | undefined | 'unknown';
    let cc: boolean | undefined | 'unknown';
    if (flowsProp && flowsProp.value.kind !== 'null') {
      if (!flowsObj) {
        code = implicit = cc = 'unknown';
        this.set('AllowedOAuthFlows', flowsProp, unknownAt(flowsProp.value.span, flowsProp.value.kind === 'unknown' ? flowsProp.value.reason : 'flows'));
      } else {
        const c = this.get('authorizationCodeGrant', flowsObj);
        const i = this.get('implicitCodeGrant', flowsObj);
        const k = this.get('clientCredentials', flowsObj);
        code = truth(c);
        implicit = truth(i);
        cc = truth(k);
        if ((code === true || implicit === true) && cc === true) {
          this.error('clientCredentials OAuth flow cannot be selected along with codeGrant or implicitGrant.', k!.span);
          this.set('AllowedOAuthFlows', flowsProp, unknownAt(flowsProp.value.span, '`cdk synth` fails here'));
        } else {
          const items: LocatedValue[] = [];
          let unknown = false;
          for (const [t, flag, flow] of [[cc, k, 'client_credentials'], [implicit, i, 'implicit'], [code, c, 'code']] as const) {
            if (t === true) items.push(this.str(flow, flag!.span));
            else if (t === 'unknown') unknown = true;
          }
          if (unknown) this.set('AllowedOAuthFlows', flowsProp, unknownAt(flowsProp.value.span, 'a flag that is not literal'));
          else if (items.length > 0) this.set('AllowedOAuthFlows', flowsProp, this.list(items, flowsProp.value.span));
        }
      }
    } else {
      code = implicit = true;
      cc = false;
      const why = oAuthObj ? `${this.n('oAuth.flows')} is not set, so the CDK enables the implicit and code grants` : noOAuth;
      this.setDefault('AllowedOAuthFlows', this.list([this.str('implicit', this.at()), this.str('code', this.at())], this.at()), why);
    }
    // Scopes.
    const scopesProp = this.get('scopes', oAuthObj);
    if (scopesProp && scopesProp.value.kind !== 'null') {
      this.set('AllowedOAuthScopes', scopesProp, this.scopes(scopesProp.value));
    } else {
      const why = oAuthObj ? `${this.n('oAuth.scopes')} is not set, so the CDK allows every standard scope` : noOAuth;
      this.setDefault('AllowedOAuthScopes', this.list(DEFAULT_SCOPES.map((s) => this.str(s, this.at())), this.at()), why);
    }
    // Callbacks.
    const cbProp = this.get('callbackUrls', oAuthObj);
    const redirectsBack = code === true || implicit === true ? true : code === 'unknown' || implicit === 'unknown' ? 'unknown' : false;
    let callbacks: LocatedValue | undefined = cbProp && cbProp.value.kind !== 'null' ? cbProp.value : undefined;
    let callbacksDefaulted = false;
    if (redirectsBack === true && callbacks === undefined) {
      callbacks = this.list([this.str(DEFAULT_CALLBACK, this.at())], this.at());
      callbacksDefaulted = true;
    } else if (redirectsBack === true && callbacks?.kind === 'list' && callbacks.items.length === 0) {
      this.error('callbackUrl must not be empty when codeGrant or implicitGrant OAuth flows are enabled.', cbProp!.span);
      this.set('CallbackURLs', cbProp!, unknownAt(callbacks.span, '`cdk synth` fails here'));
      callbacks = undefined;
    }
    if (callbacksDefaulted) {
      const why = oAuthObj ? `${this.n('oAuth.callbackUrls')} is not set, so the CDK uses ${DEFAULT_CALLBACK} as the callback` : noOAuth;
      this.setDefault('CallbackURLs', callbacks!, why);
    } else if (cbProp && callbacks) {
      if (callbacks.kind === 'list' && callbacks.items.length === 0) {
        // An empty list is not written.
      } else if (redirectsBack === 'unknown' && cbProp.value.kind === 'null') {
        this.set('CallbackURLs', cbProp, unknownAt(cbProp.value.span, 'a flow flag that is not literal'));
      } else this.set('CallbackURLs', cbProp, callbacks);
    } else if (redirectsBack === 'unknown' && oAuthObj) {
      this.set('CallbackURLs', oAuth!, unknownAt(oAuth!.value.span, 'a flow flag that is not literal'));
    }
    // Logout URLs pass through.
    const logout = this.get('logoutUrls', oAuthObj);
    if (logout && logout.value.kind !== 'null') this.set('LogoutURLs', logout, logout.value);
    // Default redirect URI.
    const redirect = this.get('defaultRedirectUri', oAuthObj);
    if (redirect && redirect.value.kind !== 'null') {
      const v = redirect.value;
      let fails = false;
      if (v.kind === 'string' && v.value !== '') {
        if (callbacks && callbacks.kind === 'list' && callbacks.items.every((it) => it.kind === 'string') && !callbacks.items.some((it) => it.kind === 'string' && it.value === v.value)) {
          this.error('defaultRedirectUri must be included in callbackUrls.', redirect.span);
          fails = true;
        }
        if (!/^(?=.{1,1024}$)[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u.test(v.value)) {
          this.error(`defaultRedirectUri must match the \`^(?=.{1,1024}$)[p{L}p{M}p{S}p{N}p{P}]+$\` pattern, got ${v.value}`, redirect.span);
          fails = true;
        }
      }
      this.set('DefaultRedirectURI', redirect, fails ? unknownAt(v.span, '`cdk synth` fails here') : v);
    }
  }

  /** `OAuthScope` values as the scope names the CDK writes, deduplicated, openid appended. */
  private scopes(value: LocatedValue): LocatedValue {
    if (value.kind !== 'list') return value.kind === 'unknown' ? value : unknownAt(value.span, 'scopes');
    const items: LocatedValue[] = [];
    const seen = new Set<string>();
    for (const item of value.items) {
      const name = this.scopeName(item);
      if (name === undefined) {
        items.push(item.kind === 'unknown' ? item : unknownAt(item.span, 'a scope'));
        continue;
      }
      if (seen.has(name)) continue;
      seen.add(name);
      items.push(this.str(name, item.span));
    }
    // The CDK appends openid when phone, email or profile is there.
    if (['phone', 'email', 'profile'].some((s) => seen.has(s)) && !seen.has('openid')) items.push(this.str('openid', value.span));
    return this.list(items, value.span);
  }

  /** The scope name an `OAuthScope` expression stands for, undefined when it cannot be told. */
  scopeName(item: LocatedValue): string | undefined {
    const e = item.kind === 'unknown' ? item.expression : undefined;
    if (!e) return undefined;
    const t2 = tail(e, 2);
    if (t2?.startsWith('OAuthScope.') && e.args === undefined) return SCOPE_CONSTANTS[t2.slice('OAuthScope.'.length)];
    if (t2 === 'OAuthScope.custom' && e.args?.length === 1 && e.args[0].kind === 'string') return e.args[0].value;
    if ((t2 === 'OAuthScope.resourceServer' || t2 === 'OAuthScope.resource_server') && e.args?.length === 2) {
      const server = resourceServerIdentifier(e.args[0]);
      const scope = resourceServerScopeName(e.args[1]);
      if (server !== undefined && scope !== undefined) return `${server}/${scope}`;
    }
    return undefined;
  }

  private contextData(): void {
    const ctx = this.get('enablePropagateAdditionalUserContextData');
    const secret = this.get('generateSecret');
    if (truth(ctx) !== true) return;
    const s = truth(secret);
    if (s === false || (s === undefined && !this.open)) {
      this.error('Cannot activate enablePropagateAdditionalUserContextData in an app client without a client secret.', ctx!.span);
      const i = this.members.findIndex((m) => m.canonical === 'EnablePropagateAdditionalUserContextData');
      if (i >= 0) this.members[i] = { ...this.members[i], value: unknownAt(ctx!.value.span, '`cdk synth` fails here') };
    }
  }

  private authFlows(): void {
    const w = this.get('authFlows');
    if (!w || w.value.kind === 'null') return;
    if (w.value.kind !== 'object') {
      this.set('ExplicitAuthFlows', w, w.value.kind === 'unknown' ? w.value : unknownAt(w.value.span, 'authFlows'));
      return;
    }
    if (w.value.members.length === 0) return; // `{}`: nothing written, the service default applies
    const items: LocatedValue[] = [];
    for (const [key, flow] of AUTH_FLOWS) {
      const flag = this.get(key, w.value);
      const t = truth(flag);
      if (t === true) items.push(this.str(flow, flag!.span));
      else if (t === 'unknown') items.push(unknownAt(flag!.value.span, flag!.value.kind === 'unknown' ? flag!.value.reason : key));
    }
    const rotation = this.get('refreshTokenRotationGracePeriod');
    const r = truth(rotation);
    if (r === undefined && this.open) items.push(unknownAt(w.keySpan, 'refreshTokenRotationGracePeriod may be set'));
    else if (r === 'unknown') items.push(unknownAt(rotation!.value.span, 'refreshTokenRotationGracePeriod'));
    else if (!r) items.push(this.str('ALLOW_REFRESH_TOKEN_AUTH', w.keySpan));
    this.set('ExplicitAuthFlows', w, this.list(items, w.value.span));
  }

  private userExistence(): void {
    const w = this.get('preventUserExistenceErrors');
    const t = truth(w);
    if (t === undefined) return;
    this.set('PreventUserExistenceErrors', w!, t === 'unknown' ? unknownAt(w!.value.span, w!.value.kind === 'unknown' ? w!.value.reason : 'preventUserExistenceErrors') : this.str(t ? 'ENABLED' : 'LEGACY', w!.value.span));
  }

  private identityProviders(): void {
    const w = this.get('supportedIdentityProviders');
    if (w && w.value.kind !== 'null') {
      if (w.value.kind !== 'list') {
        this.set('SupportedIdentityProviders', w, w.value.kind === 'unknown' ? w.value : unknownAt(w.value.span, 'supportedIdentityProviders'));
        return;
      }
      if (w.value.items.length === 0) return; // `[]` writes nothing
      const items = w.value.items.map((item): LocatedValue => {
        const name = providerName(item);
        return name !== undefined ? this.str(name, item.span) : item.kind === 'unknown' ? item : unknownAt(item.span, 'a provider');
      });
      this.set('SupportedIdentityProviders', w, this.list(items, w.value.span));
      return;
    }
    if (this.open) return;
    const registered = this.input.providersBefore;
    const items: LocatedValue[] = [];
    if (registered === undefined) items.push(unknownAt(this.at(), 'the providers registered with the pool'));
    else for (let i = 0; i < registered; i++) items.push(unknownAt(this.at(), 'a provider registered with the pool'));
    items.push(this.str('COGNITO', this.at()));
    this.setDefault('SupportedIdentityProviders', this.list(items, this.at()), `${this.n('supportedIdentityProviders')} is not set, so the CDK lists COGNITO${registered ? ' and the identity providers constructed before the client' : ''}`);
  }

  /** A Duration prop: its value, or undefined with the error recorded. */
  private duration(key: string): { prop: LocatedProperty; d: Duration | 'unknown' } | undefined {
    const w = this.get(key);
    if (!w || w.value.kind === 'null') return undefined;
    const d = readDuration(w.value);
    if (typeof d === 'object' && 'error' in d) {
      this.error(d.error, w.value.span);
      return { prop: w, d: 'unknown' };
    }
    return { prop: w, d };
  }

  private range(key: string, min: Duration, max: Duration, v: { prop: LocatedProperty; d: Duration | 'unknown' } | undefined): boolean {
    if (!v || v.d === 'unknown') return true;
    const ms = v.d.amount * UNIT_MS[v.d.unit];
    if (ms < min.amount * UNIT_MS[min.unit] || ms > max.amount * UNIT_MS[max.unit]) {
      const unit = key === 'refreshTokenRotationGracePeriod' ? 'seconds' : 'minutes';
      const bound = ms < min.amount * UNIT_MS[min.unit] ? min : max;
      const wanted = (bound.amount * UNIT_MS[bound.unit]) / UNIT_MS[unit];
      this.error(`${key}: Must be a duration between ${humanDuration(min)} and ${humanDuration(max)} (inclusive); received ${humanDuration(v.d)}.`, v.prop.value.span, Number.isInteger(wanted) ? this.durationFix(key, v.prop, wanted, unit) : undefined);
      return false;
    }
    return true;
  }

  private validity(): void {
    const id = this.duration('idTokenValidity');
    const access = this.duration('accessTokenValidity');
    const refresh = this.duration('refreshTokenValidity');
    const session = this.duration('authSessionValidity');
    const rotation = this.duration('refreshTokenRotationGracePeriod');
    const ok = new Map<string, boolean>();
    ok.set('idTokenValidity', this.range('idTokenValidity', { amount: 5, unit: 'minutes' }, { amount: 1, unit: 'days' }, id));
    ok.set('accessTokenValidity', this.range('accessTokenValidity', { amount: 5, unit: 'minutes' }, { amount: 1, unit: 'days' }, access));
    ok.set('refreshTokenValidity', this.range('refreshTokenValidity', { amount: 60, unit: 'minutes' }, { amount: 3650, unit: 'days' }, refresh));
    if (refresh && refresh.d !== 'unknown') {
      if (ok.get('idTokenValidity')) ok.set('idTokenValidity', this.range('idTokenValidity', { amount: 5, unit: 'minutes' }, refresh.d, id));
      if (ok.get('accessTokenValidity')) ok.set('accessTokenValidity', this.range('accessTokenValidity', { amount: 5, unit: 'minutes' }, refresh.d, access));
    }
    ok.set('authSessionValidity', this.range('authSessionValidity', { amount: 3, unit: 'minutes' }, { amount: 15, unit: 'minutes' }, session));
    ok.set('refreshTokenRotationGracePeriod', this.range('refreshTokenRotationGracePeriod', { amount: 0, unit: 'seconds' }, { amount: 1, unit: 'minutes' }, rotation));
    const units: LocatedProperty[] = [];
    for (const [key, v, canonical, unitMember] of [['accessTokenValidity', access, 'AccessTokenValidity', 'AccessToken'], ['idTokenValidity', id, 'IdTokenValidity', 'IdToken'], ['refreshTokenValidity', refresh, 'RefreshTokenValidity', 'RefreshToken'], ['authSessionValidity', session, 'AuthSessionValidity', undefined]] as const) {
      if (!v) continue;
      const value = this.minutes(v, ok.get(key)!, key);
      this.set(canonical, v.prop, value);
      if (unitMember) units.push({ name: unitMember, canonical: unitMember, keySpan: v.prop.keySpan, span: v.prop.span, value: this.str('minutes', v.prop.value.span) });
    }
    if (units.length > 0) {
      const first = units[0];
      this.members.push({ name: 'TokenValidityUnits', canonical: 'TokenValidityUnits', keySpan: first.keySpan, span: first.span, value: { kind: 'object', members: units, span: first.span, flow: true } });
    }
    if (rotation) {
      const d = rotation.d;
      let seconds: LocatedValue = unknownAt(rotation.prop.value.span, d === 'unknown' ? (rotation.prop.value.kind === 'unknown' ? rotation.prop.value.reason : 'a Duration') : '`cdk synth` fails here');
      if (d !== 'unknown' && ok.get('refreshTokenRotationGracePeriod')) {
        const s = convertDuration(d, 'seconds');
        if (typeof s === 'number') seconds = { kind: 'number', value: s, raw: String(s), span: rotation.prop.value.span };
        else this.error(s.error, rotation.prop.value.span, this.durationFix('refreshTokenRotationGracePeriod', rotation.prop, Math.min(60, Math.max(0, Math.round((d.amount * UNIT_MS[d.unit]) / 1000))), 'seconds'));
      }
      const p = rotation.prop;
      this.set('RefreshTokenRotation', p, {
        kind: 'object',
        span: p.value.span,
        flow: true,
        members: [
          { name: 'Feature', canonical: 'Feature', keySpan: p.keySpan, span: p.span, value: this.str('ENABLED', p.value.span) },
          { name: 'RetryGracePeriodSeconds', canonical: 'RetryGracePeriodSeconds', keySpan: p.keySpan, span: p.span, value: seconds },
        ],
      });
    }
  }

  private minutes(v: { prop: LocatedProperty; d: Duration | 'unknown' }, inRange: boolean, key: string): LocatedValue {
    const span = v.prop.value.span;
    if (v.d === 'unknown') return v.prop.value.kind === 'unknown' ? { ...v.prop.value, expression: undefined } : unknownAt(span, 'a Duration');
    if (!inRange) return unknownAt(span, '`cdk synth` fails here');
    const m = convertDuration(v.d, 'minutes');
    if (typeof m !== 'number') {
      // The nearest whole minute, kept in range (the range itself was checked already).
      const [lo, hi] = MINUTE_RANGE[key] ?? [0, Infinity];
      const wanted = Math.min(hi, Math.max(lo, Math.round((v.d.amount * UNIT_MS[v.d.unit]) / UNIT_MS.minutes)));
      this.error(m.error, span, this.durationFix(key, v.prop, wanted, 'minutes'));
      return unknownAt(span, '`cdk synth` fails here');
    }
    return { kind: 'number', value: m, raw: String(m), span };
  }

  private attributes(key: string, canonical: string): void {
    const w = this.get(key);
    if (!w || w.value.kind === 'null') return;
    const names = clientAttributes(w.value, this.lang);
    if (names === undefined) {
      this.set(canonical, w, w.value.kind === 'unknown' ? { ...w.value, expression: undefined } : unknownAt(w.value.span, key));
      return;
    }
    this.set(canonical, w, this.list(names.sort().map((n) => this.str(n, w.value.span)), w.value.span));
  }

  private analytics(): void {
    const w = this.get('analytics');
    if (!w || w.value.kind === 'null') return;
    if (w.value.kind !== 'object') {
      this.set('AnalyticsConfiguration', w, w.value.kind === 'unknown' ? w.value : unknownAt(w.value.span, 'analytics'));
      return;
    }
    const obj = w.value;
    const app = this.get('application', obj);
    const appId = this.get('applicationId', obj);
    const ext = this.get('externalId', obj);
    const role = this.get('role', obj);
    const share = this.get('shareUserData', obj);
    const given = (x: LocatedProperty | undefined) => x !== undefined && x.value.kind !== 'null';
    let fails = false;
    if (given(app) && (given(appId) || given(ext) || given(role))) {
      this.error('Either `application` or all of `applicationId`, `externalId` and `role` must be specified.', w.keySpan);
      fails = true;
    } else if (!given(app) && (!given(appId) || !given(ext) || !given(role))) {
      this.error('Either all of `applicationId`, `externalId` and `role` must be specified or `application` must be specified.', w.keySpan);
      fails = true;
    }
    if (fails) {
      this.set('AnalyticsConfiguration', w, unknownAt(obj.span, '`cdk synth` fails here'));
      return;
    }
    const members: LocatedProperty[] = [];
    const add = (c: string, from: LocatedProperty | undefined, value?: LocatedValue) => {
      if (from && from.value.kind !== 'null') members.push({ name: c, canonical: c, keySpan: from.keySpan, span: from.span, value: value ?? from.value });
    };
    add('ApplicationArn', app, app ? unknownAt(app.value.span, `${app.value.kind === 'unknown' ? app.value.reason : 'application'}.attrArn`) : undefined);
    add('ApplicationId', appId);
    add('ExternalId', ext);
    add('RoleArn', role, role ? unknownAt(role.value.span, `${role.value.kind === 'unknown' ? role.value.reason : 'role'}.roleArn`) : undefined);
    add('UserDataShared', share);
    this.set('AnalyticsConfiguration', w, { kind: 'object', members, span: obj.span, flow: true });
  }
}

/** The identifier of a resource server an `OAuthScope.resourceServer` argument names, when declared in the file. */
function resourceServerIdentifier(value: LocatedValue): string | undefined {
  const e = value.kind === 'unknown' ? value.expression : undefined;
  if (!e?.args) return undefined;
  const name = e.path[e.path.length - 1];
  let options: LocatedValue | undefined;
  if (e.construct && name === 'UserPoolResourceServer') options = e.args[2];
  else if (name === 'addResourceServer' || name === 'add_resource_server') options = e.args[1];
  if (options?.kind !== 'object') return undefined;
  const id = options.members.filter((m) => m.name === 'identifier').pop();
  return id?.value.kind === 'string' ? id.value.value : undefined;
}

/** The scope name of a `new ResourceServerScope({ scopeName })` argument. */
function resourceServerScopeName(value: LocatedValue): string | undefined {
  const e = value.kind === 'unknown' ? value.expression : undefined;
  if (!e?.args || e.path[e.path.length - 1] !== 'ResourceServerScope') return undefined;
  const options = e.args[0];
  if (options?.kind !== 'object') return undefined;
  const name = options.members.filter((m) => m.name === 'scopeName' || m.name === 'scope_name').pop();
  return name?.value.kind === 'string' ? name.value.value : undefined;
}

/** The provider name a `UserPoolClientIdentityProvider` value stands for. */
export function providerName(item: LocatedValue): string | undefined {
  const e = item.kind === 'unknown' ? item.expression : undefined;
  const t2 = tail(e, 2);
  if (!e || !t2?.startsWith('UserPoolClientIdentityProvider.')) return undefined;
  const member = t2.slice('UserPoolClientIdentityProvider.'.length);
  if (e.args === undefined) return PROVIDER_CONSTANTS[member];
  if (member === 'custom' && e.args.length === 1 && e.args[0].kind === 'string') return e.args[0].value;
  return undefined;
}

/** The attributes a `ClientAttributes` chain holds (unsorted), undefined when it cannot be told. */
export function clientAttributes(value: LocatedValue, lang: Lang): string[] | undefined {
  const e = value.kind === 'unknown' ? value.expression : undefined;
  return e ? chain(e, lang, 0) : undefined;
}

function chain(e: CodeExpression, lang: Lang, depth: number): string[] | undefined {
  if (depth > 24) return undefined;
  const method = e.path[e.path.length - 1];
  if (!e.receiver) return method === 'ClientAttributes' && e.args !== undefined && e.args.length === 0 ? [] : undefined;
  const before = chain(e.receiver, lang, depth + 1);
  if (!before || !e.args) return undefined;
  const set = new Set(before);
  if (method === 'withStandardAttributes' || method === 'with_standard_attributes') {
    const mask = e.args[0];
    if (mask?.kind !== 'object') return undefined;
    for (const m of mask.members) {
      const known = STANDARD_ATTRIBUTES.find(([ts, py]) => (lang === 'ts' ? ts : py) === m.name);
      if (!known) continue;
      if (m.value.kind === 'boolean') {
        if (m.value.value) set.add(known[2]);
      } else if (m.value.kind !== 'null') return undefined;
    }
  } else if (method === 'withCustomAttributes' || method === 'with_custom_attributes') {
    for (const a of e.args) {
      if (a.kind !== 'string') return undefined;
      set.add(a.value.startsWith('custom:') ? a.value : `custom:${a.value}`);
    }
  } else return undefined;
  return [...set];
}

/** The client definition of an L2 call: what the CDK synthesises, with the L2's names for findings. */
export function cdkL2Definition(input: L2Input): ClientDefinition {
  const b = new L2Builder(input);
  if (input.props?.kind !== 'unknown') b.build();
  const spelling: Spelling = input.lang === 'ts' ? 'cdk' : 'cdkPython';
  const properties = new Map<string, LocatedProperty>();
  for (const m of b.members) properties.set(m.canonical!, m);
  const names: Record<string, string> = {};
  for (const [canonical, source] of Object.entries(L2_SOURCE)) {
    names[canonical] = l2Name(source, input.lang);
    // Rules name nested members alone too (`RetryGracePeriodSeconds`).
    const last = canonical.split('.').pop()!;
    if (last !== canonical && !(last in L2_SOURCE)) names[last] = l2Name(source, input.lang);
  }
  const def: ClientDefinition = {
    surface: 'cloudformation',
    spelling,
    operation: 'resource',
    name: input.name,
    span: input.span,
    nameSpan: input.at,
    typeSpan: input.at,
    properties,
    dependsOn: [],
    references: new Set<string>(),
    derived: { by: 'the CDK', names, defaultsAt: input.at, errors: b.errors, values: { PreventUserExistenceErrors: { ENABLED: input.lang === 'ts' ? 'true' : 'True' } } },
  };
  if (input.props?.kind === 'object') def.derived!.source = input.props;
  if (input.lang === 'ts' && input.props?.kind !== 'unknown') def.derived!.translateFix = (ruleId, fix) => l2Fix(ruleId, fix, input.props?.kind === 'object' ? input.props : undefined);
  if (input.lang === 'py' && input.props?.kind === 'object') def.derived!.translateFix = (ruleId, fix) => pythonFix(l2Fix(ruleId, fix, input.props?.kind === 'object' ? input.props : undefined, 'py'));
  if (input.props?.kind === 'unknown') {
    def.body = input.props;
    def.open = { reason: input.props.reason, span: input.props.span };
  } else {
    def.body = { kind: 'object', members: b.members, span: input.props?.span ?? input.at, flow: true };
    if (input.open) def.open = input.open;
  }
  if (def.open) def.properties = openProperties(properties, def.open.span, def.open.reason);
  return def;
}

/** CloudFormation properties the L2 writes from a prop of the same value, by canonical name. */
const PASS_THROUGH: Record<string, string> = {
  GenerateSecret: 'generateSecret',
  EnableTokenRevocation: 'enableTokenRevocation',
  EnablePropagateAdditionalUserContextData: 'enablePropagateAdditionalUserContextData',
  ClientName: 'userPoolClientName',
};

function renameTitle(title: string): string {
  return Object.entries(PASS_THROUGH).reduce((t, [canonical, name]) => t.replace(new RegExp(`\\b${canonical}\\b`, 'g'), name), title);
}

/** The callback a fix writes for the user to replace with the app's own. */
export const CALLBACK_PLACEHOLDER = 'https://example.com/callback';

/**
 * The fixes the L2 props can express (TS names; paths of the props as written, which the JS edit
 * builder writes as they are): `preventUserExistenceErrors: true`; the implicit grant off, or
 * `oAuth` with the code grant and an explicit callback when the implicit grant comes from a default.
 */
function l2Fix(ruleId: string, fix: SemanticFix, props: ObjectValue | undefined, lang: Lang = 'ts'): SemanticFix | undefined {
  if (ruleId === 'cdk-synth-error') return fix; // made by the core, in the props' terms already
  // A property the L2 passes through as it is: the same change on the prop.
  const passed = fix.changes.map((c): SemanticChange | undefined => {
    if (c.kind !== 'set' || c.path.length !== 1 || !(c.path[0] in PASS_THROUGH)) return undefined;
    return { kind: 'set', path: [PASS_THROUGH[c.path[0]]], value: c.value };
  });
  if (passed.length > 0 && passed.every((c) => c !== undefined)) {
    return { ...fix, title: renameTitle(fix.title), changes: passed as SemanticChange[] };
  }
  if (ruleId === 'user-existence-errors-legacy') {
    return { title: 'Set preventUserExistenceErrors to true', changes: [{ kind: 'set', path: ['preventUserExistenceErrors'], value: true }], isPreferred: true, unambiguous: fix.unambiguous };
  }
  if (ruleId === 'implicit-flow-discouraged') {
    const oAuth = prop(props, 'oAuth', lang);
    if (!oAuth) {
      return {
        title: `Add oAuth with the code grant only and an explicit callback (${CALLBACK_PLACEHOLDER}, to replace)`,
        changes: [{ kind: 'set', path: ['oAuth'], value: { flows: { authorizationCodeGrant: true }, callbackUrls: [CALLBACK_PLACEHOLDER] } }],
        isPreferred: true,
        unambiguous: false,
      };
    }
    if (oAuth.value.kind !== 'object') return undefined;
    const flows = prop(oAuth.value, 'flows', lang);
    const callbacks = prop(oAuth.value, 'callbackUrls', lang);
    if (!flows) {
      const changes: SemanticChange[] = [{ kind: 'set', path: ['oAuth', 'flows'], value: { authorizationCodeGrant: true } }];
      if (!callbacks) changes.push({ kind: 'set', path: ['oAuth', 'callbackUrls'], value: [CALLBACK_PLACEHOLDER] });
      return { title: `Set oAuth.flows to the code grant only${callbacks ? '' : ' and add an explicit callback'}`, changes, isPreferred: true, unambiguous: false };
    }
    if (flows.value.kind !== 'object') return undefined;
    const changes: SemanticChange[] = [{ kind: 'set', path: ['oAuth', 'flows', 'implicitCodeGrant'], value: false }];
    if (truth(prop(flows.value, 'authorizationCodeGrant', lang)) !== true) changes.push({ kind: 'set', path: ['oAuth', 'flows', 'authorizationCodeGrant'], value: true });
    return { title: changes.length > 1 ? 'Use the code grant instead of the implicit grant' : 'Set oAuth.flows.implicitCodeGrant to false', changes, isPreferred: true, unambiguous: fix.unambiguous };
  }
  return undefined;
}

/** The struct class each L2 object prop is written with in Python (TS paths). */
export const L2_STRUCTS: Record<string, string> = { oAuth: 'OAuthSettings', 'oAuth.flows': 'OAuthFlows', authFlows: 'AuthFlow', analytics: 'AnalyticsConfiguration' };

/**
 * A value of an L2 prop at a TS path in Python terms: a struct as `{ $call: 'OAuthFlows', $kwargs:
 * [[keyword, value], ...] }` with its keywords in snake_case, in order (a list, because a fix comes
 * back from the editor in the diagnostic's data, and an object's key order does not survive every
 * client: Neovim's Lua tables reorder them); the Python edit builder writes the class as the file
 * qualifies it. Code (`{ $code }`) and plain values stay as they are; undefined for an object it
 * cannot name.
 */
function pythonL2Value(value: JsonValue, path: string): JsonValue | undefined {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const items = value.map((v) => pythonL2Value(v, `${path}[]`));
    return items.every((v) => v !== undefined) ? (items as JsonValue[]) : undefined;
  }
  if (typeof value.$code === 'string' && Object.keys(value).length === 1) return value;
  const struct = L2_STRUCTS[path];
  if (!struct) return undefined;
  const kwargs: JsonValue[] = [];
  for (const [k, v] of Object.entries(value)) {
    const inner = pythonL2Value(v, `${path}.${k}`);
    if (inner === undefined || !Object.hasOwn(PROP, k)) return undefined;
    kwargs.push([l2Name(k, 'py'), inner]);
  }
  return { $call: struct, $kwargs: kwargs };
}

/** A text with every L2 prop path named in TS (`oAuth.flows.implicitCodeGrant`) named in Python, and booleans as Python writes them. */
export function pythonTitle(title: string): string {
  return title
    .replace(/(?<![\w.$])[a-z][A-Za-z]*(?:\.[a-z][A-Za-z]*)*(?![\w(])/g, (w) => (w.split('.').every((p) => Object.hasOwn(PROP, p)) ? l2Name(w, 'py') : w))
    .replace(/\btrue\b/g, 'True')
    .replace(/\bfalse\b/g, 'False');
}

/**
 * An L2 fix in Python spelling: paths in snake_case, structs as their classes (`OAuthSettings(...)`,
 * `OAuthFlows(...)`), Durations as the code the TS fix writes (the same in Python).
 */
function pythonFix(fix: SemanticFix | undefined): SemanticFix | undefined {
  if (!fix || fix.changes.length === 0) return undefined;
  const changes: SemanticChange[] = [];
  for (const c of fix.changes) {
    if (c.kind !== 'set' || !c.path.every((p) => Object.hasOwn(PROP, p))) return undefined;
    const value = pythonL2Value(c.value, c.path.join('.'));
    if (value === undefined) return undefined;
    changes.push({ kind: 'set', path: c.path.map((p) => l2Name(p, 'py')), value });
  }
  return { ...fix, title: pythonTitle(fix.title), changes };
}

/** The input of the core from a reader's call. */
export function l2InputOf(call: SdkCall, name: string): L2Input {
  return {
    lang: call.language === 'python' ? 'py' : 'ts',
    props: call.props,
    open: call.open,
    at: call.calleeSpan,
    span: call.span,
    name,
    via: call.l2?.via ?? 'construct',
    pool: call.l2?.pool,
    providersBefore: call.l2?.providersBefore,
  };
}
