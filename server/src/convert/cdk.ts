/**
 * CDK targets: the L2 `UserPoolClient` (aws-cdk-lib/aws-cognito) in a stack, TypeScript and
 * Python. The L2 is not a plain spelling of the resource: it fills in its own defaults (left
 * without `oAuth` it turns on the implicit and code grants with https://example.com, an `authFlows`
 * object always adds the refresh flow, lifetimes are Durations written in minutes, ...), as
 * ../surfaces/sdk/cdk-l2.ts models. So every prop is written so that what the CDK synthesises is
 * the source's client: a client without OAuth becomes `disableOAuth: true`, no identity provider
 * becomes an empty list, and so on. What the L2 cannot express (a legacy auth flow name, a client
 * without the refresh flow, a lifetime that is not whole minutes, an analytics application ARN)
 * is written as a comment marked `NOT CONVERTED` with the reason, and listed in the notes.
 *
 * Inputs (values the source did not fix) become the stack's props (TypeScript: an interface,
 * Python: keyword-only arguments), the pool among them.
 */
import type { Written } from './declarative';
import { camel, NameSet, pascal, snake } from './names';
import { jsString } from './code';
import { Input, validitySeconds, VALIDITIES, type ClientSettings, type Setting } from './settings';

type Lang = 'ts' | 'py';

/** Code to write: an expression in the target language. */
class Code {
  constructor(readonly text: string) {}
}

/** A nested struct (`OAuthSettings`, `OAuthFlows`, `AuthFlow`). */
class Struct {
  constructor(readonly props: Prop[]) {}
}

type Prop = [name: string, value: Code | Struct | string | number | boolean | (Code | string)[]];

const AUTH_FLOWS: [string, string, string][] = [
  ['userPassword', 'user_password', 'ALLOW_USER_PASSWORD_AUTH'],
  ['adminUserPassword', 'admin_user_password', 'ALLOW_ADMIN_USER_PASSWORD_AUTH'],
  ['custom', 'custom', 'ALLOW_CUSTOM_AUTH'],
  ['userSrp', 'user_srp', 'ALLOW_USER_SRP_AUTH'],
  ['user', 'user', 'ALLOW_USER_AUTH'],
];
const SCOPES: Record<string, string> = { phone: 'PHONE', email: 'EMAIL', openid: 'OPENID', profile: 'PROFILE', 'aws.cognito.signin.user.admin': 'COGNITO_ADMIN' };
const PROVIDERS: Record<string, string> = { SignInWithApple: 'APPLE', Facebook: 'FACEBOOK', Google: 'GOOGLE', LoginWithAmazon: 'AMAZON', COGNITO: 'COGNITO' };
/** Standard attributes and their `StandardAttributesMask` keys (TS, Python). */
const ATTRIBUTES: Record<string, [string, string]> = {
  address: ['address', 'address'], birthdate: ['birthdate', 'birthdate'], email: ['email', 'email'], family_name: ['familyName', 'family_name'],
  gender: ['gender', 'gender'], given_name: ['givenName', 'given_name'], locale: ['locale', 'locale'], middle_name: ['middleName', 'middle_name'],
  name: ['fullname', 'fullname'], nickname: ['nickname', 'nickname'], phone_number: ['phoneNumber', 'phone_number'], picture: ['profilePicture', 'profile_picture'],
  preferred_username: ['preferredUsername', 'preferred_username'], profile: ['profilePage', 'profile_page'], zoneinfo: ['timezone', 'timezone'],
  updated_at: ['lastUpdateTime', 'last_update_time'], website: ['website', 'website'], email_verified: ['emailVerified', 'email_verified'],
  phone_number_verified: ['phoneNumberVerified', 'phone_number_verified'],
};

class L2Writer {
  readonly props: Prop[] = [];
  readonly notConverted: string[] = [];
  readonly inputs: { name: string; input: Input; type: string }[] = [];
  private readonly inputNames = new Map<Input, string>();

  constructor(readonly lang: Lang, readonly c: ClientSettings, readonly argNames: NameSet) {}

  /** A prop name in the language (`oAuth` / `o_auth`). */
  n(ts: string, py?: string): string {
    return this.lang === 'ts' ? ts : (py ?? snake(ts));
  }

  q(s: string): string {
    return this.lang === 'ts' ? jsString(s) : JSON.stringify(s);
  }

  bool(b: boolean): Code {
    return new Code(this.lang === 'ts' ? String(b) : b ? 'True' : 'False');
  }

  /** An input as the stack's prop. */
  input(i: Input, type: string): Code {
    let name = this.inputNames.get(i);
    if (!name) {
      const base = `${this.c.name} ${type === 'pool' ? 'UserPool' : i.name}`;
      name = this.argNames.take(this.lang === 'ts' ? camel(base) : snake(base));
      this.inputNames.set(i, name);
      this.inputs.push({ name, input: i, type });
    }
    return new Code(this.lang === 'ts' ? `props.${name}` : name);
  }

  str(v: Setting, type = 'string'): Code | string | undefined {
    if (v instanceof Input) return this.input(v, type);
    return typeof v === 'string' ? v : undefined;
  }

  skip(what: string, why: string): void {
    this.notConverted.push(`${what}: ${why}`);
  }

  duration(seconds: number): Code {
    const minutes = seconds / 60;
    const [amount, unit] = minutes % 1440 === 0 ? [minutes / 1440, 'days'] : minutes % 60 === 0 ? [minutes / 60, 'hours'] : [minutes, 'minutes'];
    return new Code(`${this.lang === 'ts' ? 'Duration' : 'Duration'}.${unit}(${amount})`);
  }

  build(): void {
    const v = this.c.values;
    // The pool.
    const pool = v.UserPoolId;
    if (pool instanceof Input) this.props.push([this.n('userPool', 'user_pool'), this.input(pool, 'pool')]);
    else if (typeof pool === 'string') {
      this.props.push([this.n('userPool', 'user_pool'), new Code(`cognito.UserPool.${this.n('fromUserPoolId', 'from_user_pool_id')}(${this.lang === 'ts' ? 'this' : 'self'}, ${this.q(`${pascal(this.c.name)}Pool`)}, ${this.q(pool)})`)]);
    } else {
      this.skip('UserPoolId', 'the source has none; the L2 needs a pool, asked for as an input');
      this.props.push([this.n('userPool', 'user_pool'), this.input(new Input('UserPool', 'no UserPoolId', 'string'), 'pool')]);
    }
    const name = v.ClientName;
    if (name !== undefined) this.literalOrSkip('ClientName', name, this.n('userPoolClientName', 'user_pool_client_name'));
    this.passThrough('GenerateSecret', 'generateSecret', false);
    this.authFlows();
    this.oAuth();
    this.existence();
    this.providers();
    this.validity();
    this.attributes('ReadAttributes', 'readAttributes');
    this.attributes('WriteAttributes', 'writeAttributes');
    this.passThrough('EnableTokenRevocation', 'enableTokenRevocation', true);
    this.passThrough('EnablePropagateAdditionalUserContextData', 'enablePropagateAdditionalUserContextData', false);
    this.analytics();
  }

  private literalOrSkip(canonical: string, value: Setting, prop: string): void {
    const s = this.str(value);
    if (s === undefined) this.skip(canonical, `${JSON.stringify(value)} is not a string`);
    else this.props.push([prop, s]);
  }

  private passThrough(canonical: string, ts: string, dflt: boolean): void {
    const value = this.c.values[canonical];
    if (value === undefined || value === dflt) return;
    if (value instanceof Input) this.props.push([this.n(ts), this.input(value, 'boolean')]);
    else if (typeof value === 'boolean') this.props.push([this.n(ts), this.bool(value)]);
    else this.skip(canonical, `${JSON.stringify(value)} is not a boolean`);
  }

  private rotation(): boolean | 'unknown' {
    const r = this.c.values.RefreshTokenRotation;
    if (r === undefined) return false;
    if (r instanceof Input || typeof r !== 'object' || r === null || Array.isArray(r)) return 'unknown';
    return r.Feature === 'ENABLED' ? true : r.Feature === 'DISABLED' ? false : 'unknown';
  }

  private authFlows(): void {
    const flows = this.c.values.ExplicitAuthFlows;
    if (flows === undefined) return;
    const rotation = this.rotation();
    if (!Array.isArray(flows) || flows.some((f) => typeof f !== 'string') || rotation === 'unknown') {
      this.skip('ExplicitAuthFlows', 'the L2 builds the list from AuthFlow flags, which need literal flow names');
      return;
    }
    const names = flows as string[];
    const other = names.filter((f) => f !== 'ALLOW_REFRESH_TOKEN_AUTH' && !AUTH_FLOWS.some((a) => a[2] === f));
    if (other.length > 0) return this.skip('ExplicitAuthFlows', `the L2 has no flag for ${other.join(', ')}`);
    const refresh = names.includes('ALLOW_REFRESH_TOKEN_AUTH');
    if (!rotation && !refresh) return this.skip('ExplicitAuthFlows', 'the L2 always adds ALLOW_REFRESH_TOKEN_AUTH unless refresh token rotation is on');
    if (rotation && refresh) return this.skip('ExplicitAuthFlows', 'the L2 leaves ALLOW_REFRESH_TOKEN_AUTH out when refresh token rotation is on');
    const set: Prop[] = AUTH_FLOWS.filter((a) => names.includes(a[2])).map((a) => [this.n(a[0], a[1]), this.bool(true)]);
    if (set.length === 0) set.push([this.n('custom'), this.bool(false)]); // any key makes the L2 write the list
    this.props.push([this.n('authFlows', 'auth_flows'), new Struct(set)]);
  }

  private list(canonical: string): (Code | string)[] | undefined | 'skip' {
    const value = this.c.values[canonical];
    if (value === undefined || value === null) return undefined;
    if (value instanceof Input) {
      this.skip(canonical, `the whole list is an input (${value.reason}); the L2 needs its items`);
      return 'skip';
    }
    if (!Array.isArray(value) || value.some((x) => typeof x !== 'string' && !(x instanceof Input))) {
      this.skip(canonical, `${JSON.stringify(value)} is not a list of strings`);
      return 'skip';
    }
    return value.map((x) => (x instanceof Input ? this.input(x, 'string') : (x as string)));
  }

  private oAuth(): void {
    const v = this.c.values;
    const enabled = v.AllowedOAuthFlowsUserPoolClient;
    const oauthProps = ['AllowedOAuthFlows', 'AllowedOAuthScopes', 'CallbackURLs', 'LogoutURLs', 'DefaultRedirectURI'];
    if (enabled instanceof Input || (enabled !== undefined && typeof enabled !== 'boolean')) {
      for (const p of ['AllowedOAuthFlowsUserPoolClient', ...oauthProps]) this.skip(p, 'the L2 writes OAuth settings only when OAuth is literally on or off (disableOAuth)');
      if (enabled instanceof Input) this.props.push([this.n('disableOAuth', 'disable_o_auth'), new Code(`${this.lang === 'ts' ? '!' : 'not '}${this.input(enabled, 'boolean').text}`)]);
      else this.props.push([this.n('disableOAuth', 'disable_o_auth'), this.bool(true)]);
      return;
    }
    if (enabled !== true) {
      this.props.push([this.n('disableOAuth', 'disable_o_auth'), this.bool(true)]);
      for (const p of oauthProps) {
        const x = v[p];
        if (x !== undefined && !(Array.isArray(x) && x.length === 0)) this.skip(p, 'OAuth is off (AllowedOAuthFlowsUserPoolClient is not true), and the L2 writes no OAuth setting then');
      }
      return;
    }
    const oauth: Prop[] = [];
    // Whatever cannot be written is written empty, never left to the L2's defaults (implicit + code, every scope, example.com).
    const flows = this.list('AllowedOAuthFlows');
    if (flows === 'skip') oauth.push(['flows', new Struct([])]);
    else {
      const f: Prop[] = [];
      const known: Record<string, [string, string]> = { code: ['authorizationCodeGrant', 'authorization_code_grant'], implicit: ['implicitCodeGrant', 'implicit_code_grant'], client_credentials: ['clientCredentials', 'client_credentials'] };
      for (const x of flows ?? []) {
        if (typeof x === 'string' && known[x]) f.push([this.n(...known[x]), this.bool(true)]);
        else this.skip('AllowedOAuthFlows', `the L2 has no flag for ${x instanceof Code ? 'an input' : x}`);
      }
      oauth.push(['flows', new Struct(f)]);
    }
    const scopes = this.list('AllowedOAuthScopes');
    if (scopes === 'skip') oauth.push(['scopes', []]);
    else {
      const names = (scopes ?? []).filter((s): s is string => typeof s === 'string');
      if (names.some((s) => ['phone', 'email', 'profile'].includes(s)) && !names.includes('openid')) this.skip('AllowedOAuthScopes', 'the L2 adds openid to phone, email or profile');
      oauth.push([
        'scopes',
        (scopes ?? []).map((s) => (s instanceof Code ? new Code(`cognito.OAuthScope.custom(${s.text})`) : SCOPES[s] ? new Code(`cognito.OAuthScope.${SCOPES[s]}`) : new Code(`cognito.OAuthScope.custom(${this.q(s)})`))),
      ]);
    }
    const callbacks = this.list('CallbackURLs');
    if (callbacks === 'skip') oauth.push([this.n('callbackUrls', 'callback_urls'), []]);
    else {
      if (callbacks === undefined || callbacks.length === 0) {
        if (Array.isArray(flows) && flows.some((f) => f === 'code' || f === 'implicit')) this.skip('CallbackURLs', 'the L2 refuses the code and implicit grants without a callback URL');
        else oauth.push([this.n('callbackUrls', 'callback_urls'), []]);
      } else oauth.push([this.n('callbackUrls', 'callback_urls'), callbacks]);
    }
    const logout = this.list('LogoutURLs');
    if (logout !== 'skip' && logout !== undefined) oauth.push([this.n('logoutUrls', 'logout_urls'), logout]);
    if (v.DefaultRedirectURI !== undefined) {
      const s = this.str(v.DefaultRedirectURI);
      if (s === undefined) this.skip('DefaultRedirectURI', 'not a string');
      else oauth.push([this.n('defaultRedirectUri', 'default_redirect_uri'), s]);
    }
    this.props.push([this.n('oAuth', 'o_auth'), new Struct(oauth)]);
  }

  private existence(): void {
    const value = this.c.values.PreventUserExistenceErrors;
    if (value === undefined) return;
    if (value === 'LEGACY') return void this.props.push([this.n('preventUserExistenceErrors', 'prevent_user_existence_errors'), this.bool(false)]);
    if (value === 'ENABLED') this.props.push([this.n('preventUserExistenceErrors', 'prevent_user_existence_errors'), this.bool(true)]);
    else if (value instanceof Input) this.props.push([this.n('preventUserExistenceErrors', 'prevent_user_existence_errors'), new Code(`${this.input(value, 'string').text} ${this.lang === 'ts' ? '===' : '=='} ${this.q('ENABLED')}`)]);
    else this.skip('PreventUserExistenceErrors', `the L2 writes only ENABLED or LEGACY, not ${JSON.stringify(value)}`);
  }

  private providers(): void {
    const list = this.list('SupportedIdentityProviders');
    if (list === 'skip') return;
    // Left out, the L2 adds COGNITO and the pool's providers; an empty list writes none.
    const items = (list ?? []).map((p) =>
      p instanceof Code ? new Code(`cognito.UserPoolClientIdentityProvider.custom(${p.text})`) : PROVIDERS[p] ? new Code(`cognito.UserPoolClientIdentityProvider.${PROVIDERS[p]}`) : new Code(`cognito.UserPoolClientIdentityProvider.custom(${this.q(p)})`),
    );
    this.props.push([this.n('supportedIdentityProviders', 'supported_identity_providers'), items]);
  }

  private validity(): void {
    const v = this.c.values;
    const props: Record<string, string> = { AccessTokenValidity: 'accessTokenValidity', IdTokenValidity: 'idTokenValidity', RefreshTokenValidity: 'refreshTokenValidity' };
    for (const canonical of VALIDITIES) {
      const value = v[canonical];
      if (value === undefined && (v.TokenValidityUnits === undefined || validitySeconds(v, canonical) !== undefined)) continue;
      if (value instanceof Input) {
        const units = v.TokenValidityUnits;
        const member = canonical.replace('Validity', '');
        const unit = units && typeof units === 'object' && !Array.isArray(units) && !(units instanceof Input) ? units[member] : undefined;
        const u = typeof unit === 'string' ? unit : canonical === 'RefreshTokenValidity' ? 'days' : 'hours';
        if (!['seconds', 'minutes', 'hours', 'days'].includes(u)) this.skip(canonical, 'its unit is not literal');
        else this.props.push([this.n(props[canonical]), new Code(`Duration.${u}(${this.input(value, 'number').text})`)]);
        continue;
      }
      const seconds = validitySeconds(v, canonical);
      if (seconds === undefined) this.skip(canonical, 'its value or unit is not literal');
      else if (seconds % 60 !== 0) this.skip(canonical, `${seconds} seconds is not a whole number of minutes, which the L2 writes`);
      else if (value !== undefined || seconds !== validitySeconds({}, canonical)) this.props.push([this.n(props[canonical]), this.duration(seconds)]);
    }
    const session = v.AuthSessionValidity;
    if (session instanceof Input) this.props.push([this.n('authSessionValidity'), new Code(`Duration.minutes(${this.input(session, 'number').text})`)]);
    else if (typeof session === 'number' && session !== 3) this.props.push([this.n('authSessionValidity'), new Code(`Duration.minutes(${session})`)]);
    else if (session !== undefined && typeof session !== 'number') this.skip('AuthSessionValidity', 'not a number');
    const r = v.RefreshTokenRotation;
    const rotation = this.rotation();
    if (rotation === 'unknown') this.skip('RefreshTokenRotation', 'the L2 writes only an enabled rotation, from a literal grace period');
    else if (!rotation && r && typeof r === 'object' && !Array.isArray(r) && !(r instanceof Input) && r.RetryGracePeriodSeconds !== undefined) this.skip('RefreshTokenRotation', 'rotation is off: the L2 writes no rotation settings then, so the grace period is left out');
    else if (rotation && r && typeof r === 'object' && !Array.isArray(r) && !(r instanceof Input)) {
      const grace = r.RetryGracePeriodSeconds;
      if (grace instanceof Input) this.props.push([this.n('refreshTokenRotationGracePeriod'), new Code(`Duration.seconds(${this.input(grace, 'number').text})`)]);
      else if (typeof grace === 'number') this.props.push([this.n('refreshTokenRotationGracePeriod'), new Code(`Duration.seconds(${grace})`)]);
      else this.skip('RefreshTokenRotation', 'the L2 always writes a grace period; the source has none');
    }
  }

  private attributes(canonical: string, ts: string): void {
    const list = this.list(canonical);
    if (list === undefined || list === 'skip') return;
    const standard: string[] = [];
    const custom: string[] = [];
    for (const a of list) {
      if (a instanceof Code) return this.skip(canonical, 'an item is an input; ClientAttributes needs literal names');
      if (ATTRIBUTES[a]) standard.push(ATTRIBUTES[a][this.lang === 'ts' ? 0 : 1]);
      else if (a.startsWith('custom:')) custom.push(a.slice('custom:'.length));
      else return this.skip(canonical, `ClientAttributes has no way to write ${a}`);
    }
    let code = this.lang === 'ts' ? 'new cognito.ClientAttributes()' : 'cognito.ClientAttributes()';
    if (standard.length > 0) {
      code += this.lang === 'ts' ? `.withStandardAttributes({ ${standard.map((s) => `${s}: true`).join(', ')} })` : `.with_standard_attributes(cognito.StandardAttributesMask(${standard.map((s) => `${s}=True`).join(', ')}))`;
    }
    if (custom.length > 0) code += `.${this.n('withCustomAttributes', 'with_custom_attributes')}(${custom.map((s) => this.q(s)).join(', ')})`;
    this.props.push([this.n(ts), new Code(code)]);
  }

  private analytics(): void {
    const a = this.c.values.AnalyticsConfiguration;
    if (a === undefined || a === null) return;
    this.skip('AnalyticsConfiguration', 'the L2 takes a Pinpoint application construct or an IAM role construct, not ARNs; set `analytics` by hand');
  }
}

/** A prop value as code, nested structs as object literals (TS) or struct classes (Python). */
function valueText(lang: Lang, name: string, value: Prop[1], indent: string): string {
  const q = (s: string) => (lang === 'ts' ? jsString(s) : JSON.stringify(s));
  if (value instanceof Code) return value.text;
  if (typeof value === 'string') return q(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return lang === 'ts' ? String(value) : value ? 'True' : 'False';
  if (value instanceof Struct) {
    const inner = indent + (lang === 'ts' ? '  ' : '    ');
    if (lang === 'ts') return value.props.length === 0 ? '{}' : `{\n${value.props.map(([k, x]) => `${inner}${k}: ${valueText(lang, k, x, inner)},\n`).join('')}${indent}}`;
    const cls = `cognito.${STRUCTS[name]}`;
    return value.props.length === 0 ? `${cls}()` : `${cls}(\n${value.props.map(([k, x]) => `${inner}${k}=${valueText(lang, k, x, inner)},\n`).join('')}${indent})`;
  }
  return `[${(value as (Code | string)[]).map((x) => (x instanceof Code ? x.text : q(x))).join(', ')}]`;
}

const STRUCTS: Record<string, string> = { o_auth: 'OAuthSettings', flows: 'OAuthFlows', auth_flows: 'AuthFlow' };

function cdk(lang: Lang, clients: ClientSettings[]): Written {
  const ids = new NameSet();
  const args = new NameSet(['scope', 'id', 'props', 'construct_id', 'kwargs', 'self']);
  const notes: string[] = [];
  const writers = clients.map((c) => {
    const w = new L2Writer(lang, c, args);
    w.build();
    for (const s of w.notConverted) notes.push(`${c.name}: ${s}`);
    return w;
  });
  const inputs = writers.flatMap((w) => w.inputs);
  const typeOf = (t: string) => (lang === 'ts' ? { pool: 'cognito.IUserPool', string: 'string', number: 'number', boolean: 'boolean' }[t] ?? 'string' : { pool: 'cognito.IUserPool', string: 'str', number: 'int', boolean: 'bool' }[t] ?? 'str');
  let text = '';
  if (lang === 'ts') {
    text += "import { Duration, Stack, type StackProps } from 'aws-cdk-lib';\nimport * as cognito from 'aws-cdk-lib/aws-cognito';\nimport type { Construct } from 'constructs';\n\n";
    text += 'export interface ClientStackProps extends StackProps {\n';
    for (const i of inputs) text += `  /** The source has ${i.input.reason}. */\n  readonly ${i.name}: ${typeOf(i.type)};\n`;
    text += '}\n\nexport class ClientStack extends Stack {\n  constructor(scope: Construct, id: string, props: ClientStackProps) {\n    super(scope, id, props);\n';
    for (const w of writers) {
      for (const s of w.notConverted) text += `    // NOT CONVERTED: ${s}\n`;
      text += `    new cognito.UserPoolClient(this, ${jsString(ids.take(w.c.name))}, {\n`;
      for (const [k, v] of w.props) text += `      ${k}: ${valueText('ts', k, v, '      ')},\n`;
      text += '    });\n';
    }
    text += '  }\n}\n';
  } else {
    text += 'from aws_cdk import Duration, Stack\nfrom aws_cdk import aws_cognito as cognito\nfrom constructs import Construct\n\n\n';
    text += 'class ClientStack(Stack):\n';
    const params = inputs.map((i) => `${i.name}: ${typeOf(i.type)}`);
    text += `    def __init__(self, scope: Construct, construct_id: str, ${params.length > 0 ? `*, ${params.join(', ')}, ` : ''}**kwargs) -> None:\n`;
    text += '        super().__init__(scope, construct_id, **kwargs)\n';
    for (const i of inputs) text += `        # ${i.name}: the source has ${i.input.reason}\n`;
    for (const w of writers) {
      for (const s of w.notConverted) text += `        # NOT CONVERTED: ${s}\n`;
      text += `        cognito.UserPoolClient(\n            self,\n            ${JSON.stringify(ids.take(w.c.name))},\n`;
      for (const [k, v] of w.props) text += `            ${k}=${valueText('py', k, v, '            ')},\n`;
      text += '        )\n';
    }
  }
  return { text, notes };
}

export function cdkTypeScript(clients: ClientSettings[]): Written {
  return cdk('ts', clients);
}

export function cdkPython(clients: ClientSettings[]): Written {
  return cdk('py', clients);
}
