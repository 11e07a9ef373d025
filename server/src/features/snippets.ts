/**
 * Snippet bodies as data, and their rendering per syntax.
 *
 * A snippet body is a JSON-like value with canonical property names plus a few markers (a tab stop
 * with a default, a choice, a reference to another resource, pieces joined into one string). The
 * four whole-client archetypes (single-page app, server-side web app, machine-to-machine, native
 * app) are written once here; renderers turn a body into YAML (block or flow) or JSON snippet
 * text, or into plain text with every tab stop at its default (for previews). A Terraform or SDK
 * surface can reuse the same data with its own renderer.
 *
 * Every archetype is meant to be a valid and secure client as it stands: once its tab stops keep
 * their defaults, the rules report nothing on it (a unit test inserts each one into a template and
 * runs every rule).
 */
import type { FileContext, Spelling } from '../model';
import { schema, spell } from '../schema';

/** A tab stop with a default (the text selected when the snippet is inserted). */
export interface PlaceholderMarker {
  $placeholder: string | number;
}
/** A tab stop offering a choice of values (the first is the default). */
export interface ChoiceMarker {
  $choice: (string | number | boolean)[];
}
/** A reference to another resource of the same file by its address (`!Ref X`, `{"Ref": "X"}`). */
export interface RefMarker {
  $ref: string | PlaceholderMarker;
}
/** Pieces joined into one string (e.g. a custom scope `${identifier}/read`). */
export interface ConcatMarker {
  $concat: (string | PlaceholderMarker)[];
}
/** The final caret position (`$0`), e.g. inside an empty object. */
export interface CursorMarker {
  $cursor: true;
}

export type SnippetMarker = PlaceholderMarker | ChoiceMarker | RefMarker | ConcatMarker | CursorMarker;

/** A snippet body: JSON with canonical names, or markers. Keys starting with `$` are markers. */
export type SnippetValue = string | number | boolean | SnippetValue[] | SnippetObject | SnippetMarker;
export interface SnippetObject {
  [key: string]: SnippetValue;
}

/** Whether a snippet value is a marker (a one-key object whose key starts with `$`) rather than an object of properties. */
export function isMarker(v: SnippetValue): v is SnippetMarker {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  return keys.length === 1 && keys[0].startsWith('$');
}

// ---------------------------------------------------------------------------------------------
// Archetypes.

export type ArchetypeId = 'single-page-app' | 'server-web-app' | 'machine-to-machine' | 'native-app';

/** A whole client definition for one kind of application. */
export interface ClientArchetype {
  id: ArchetypeId;
  /** A short label ("single-page app"). */
  label: string;
  /** One line on what it sets up. */
  detail: string;
  /** A paragraph (Markdown) on why the settings are what they are. */
  documentation: string;
  /** The logical id / resource name it suggests. */
  logicalId: string;
  /** Resource addresses the client must depend on (e.g. the resource server of its scopes). */
  dependsOn: string[];
  /** The client's properties, canonical names, in the order they are written. */
  properties: SnippetObject;
}

/** What the file offers an archetype: the user pool to point at, the resource server for custom scopes. */
export interface ArchetypeInputs {
  /** The address of a user pool declared in the file (or a parameter holding a pool id). */
  userPool?: string;
  /** A resource server declared in the file with a literal identifier. */
  resourceServer?: { address: string; identifier: string; scopes: string[] };
}

/** The inputs an archetype takes from a file's declarations. */
export function archetypeInputs(context: FileContext): ArchetypeInputs {
  const inputs: ArchetypeInputs = {};
  const pool = [...context.userPools.keys()][0] ?? [...context.parameters].find((p) => /user.?pool/i.test(p));
  if (pool) inputs.userPool = pool;
  const server = context.resourceServers.find((r) => r.identifier && r.scopes && r.scopes.length > 0) ?? context.resourceServers.find((r) => r.identifier);
  if (server?.identifier) inputs.resourceServer = { address: server.address, identifier: server.identifier, scopes: server.scopes ?? [] };
  return inputs;
}

/** Token lifetimes for user sign-in: one-hour access and ID tokens, 30-day refresh tokens. */
function userTokenLifetimes(): SnippetObject {
  return {
    AccessTokenValidity: 60,
    IdTokenValidity: 60,
    RefreshTokenValidity: 30,
    TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
  };
}

/** The four client archetypes, with the file's user pool and resource server filled in where there are any. */
export function clientArchetypes(inputs: ArchetypeInputs = {}): ClientArchetype[] {
  const pool: RefMarker = { $ref: { $placeholder: inputs.userPool ?? 'UserPool' } };
  const userSignIn = ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'];
  const hardening: SnippetObject = { PreventUserExistenceErrors: 'ENABLED', EnableTokenRevocation: true };

  const rs = inputs.resourceServer;
  let customScope: SnippetValue;
  if (rs && rs.scopes.length > 0) customScope = { $choice: rs.scopes.map((s) => `${rs.identifier}/${s}`) };
  else if (rs) customScope = { $concat: [`${rs.identifier}/`, { $placeholder: 'read' }] };
  else customScope = { $concat: [{ $placeholder: 'api' }, '/', { $placeholder: 'read' }] };

  return [
    {
      id: 'single-page-app',
      label: 'single-page app',
      detail: 'Public client for a browser app: code grant with PKCE, no secret',
      documentation:
        'A browser app cannot keep a secret, so the client has none and signs users in with the authorization code grant (use PKCE). It asks for `openid` and `email`, returns to an `https` callback, hides whether user names exist, keeps token revocation on, and allows only SRP and refresh-token sign-in through the API.',
      logicalId: 'SpaClient',
      dependsOn: [],
      properties: {
        UserPoolId: pool,
        ClientName: { $placeholder: 'spa' },
        GenerateSecret: false,
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['code'],
        AllowedOAuthScopes: ['openid', 'email'],
        CallbackURLs: [{ $placeholder: 'https://app.example.com/callback' }],
        LogoutURLs: [{ $placeholder: 'https://app.example.com/' }],
        SupportedIdentityProviders: ['COGNITO'],
        ExplicitAuthFlows: userSignIn,
        ...userTokenLifetimes(),
        ...hardening,
      },
    },
    {
      id: 'server-web-app',
      label: 'server-side web app',
      detail: 'Confidential client for a server-rendered app: code grant with a client secret',
      documentation:
        'A web server can keep a secret, so Cognito generates one and the server proves it at the token endpoint. Users sign in with the authorization code grant and return to an `https` callback; the client asks for `openid`, `email` and `profile`, hides whether user names exist and keeps token revocation on. The secret is decided at creation: changing `GenerateSecret` later replaces the client.',
      logicalId: 'WebClient',
      dependsOn: [],
      properties: {
        UserPoolId: pool,
        ClientName: { $placeholder: 'web' },
        GenerateSecret: true,
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['code'],
        AllowedOAuthScopes: ['openid', 'email', 'profile'],
        CallbackURLs: [{ $placeholder: 'https://www.example.com/oauth2/callback' }],
        LogoutURLs: [{ $placeholder: 'https://www.example.com/' }],
        SupportedIdentityProviders: ['COGNITO'],
        ExplicitAuthFlows: userSignIn,
        ...userTokenLifetimes(),
        ...hardening,
      },
    },
    {
      id: 'machine-to-machine',
      label: 'machine-to-machine',
      detail: 'Confidential client for a service: client credentials grant with custom scopes',
      documentation:
        'A service gets tokens for itself with the client credentials grant, which needs a client secret and accepts only custom scopes (`<resource-server-identifier>/<scope>`) from a resource server of the pool. No user signs in through this client, so its API sign-in flows are narrowed to refresh tokens (leaving the list out would allow SRP and custom-challenge sign-in), and access tokens last one hour.' +
        (rs ? ` The scope comes from the resource server \`${rs.address}\` in this file, which the client depends on.` : ' Declare a resource server with the scope in the same pool.'),
      logicalId: 'ServiceClient',
      dependsOn: rs ? [rs.address] : [],
      properties: {
        UserPoolId: pool,
        ClientName: { $placeholder: 'service' },
        GenerateSecret: true,
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['client_credentials'],
        AllowedOAuthScopes: [customScope],
        ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
        AccessTokenValidity: 60,
        TokenValidityUnits: { AccessToken: 'minutes' },
        ...hardening,
      },
    },
    {
      id: 'native-app',
      label: 'native app',
      detail: 'Public client for a mobile or desktop app: code grant with PKCE, custom-scheme callback',
      documentation:
        'An app installed on a device cannot keep a secret, so the client has none and signs users in with the authorization code grant (use PKCE), returning to the app through its own URL scheme. It asks for `openid` and `email`, hides whether user names exist, keeps token revocation on, and allows only SRP and refresh-token sign-in through the API.',
      logicalId: 'NativeClient',
      dependsOn: [],
      properties: {
        UserPoolId: pool,
        ClientName: { $placeholder: 'native' },
        GenerateSecret: false,
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['code'],
        AllowedOAuthScopes: ['openid', 'email'],
        CallbackURLs: [{ $placeholder: 'myapp://callback' }],
        LogoutURLs: [{ $placeholder: 'myapp://signout' }],
        SupportedIdentityProviders: ['COGNITO'],
        ExplicitAuthFlows: userSignIn,
        ...userTokenLifetimes(),
        ...hardening,
      },
    },
  ];
}

/** A logical id not yet used in the file: the base, or the base with the first free number. */
export function freeAddress(base: string, used: Iterable<string>): string {
  const taken = new Set(used);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}

// ---------------------------------------------------------------------------------------------
// Rendering.

export type RenderStyle = 'yaml-block' | 'yaml-flow' | 'json' | 'hcl' | 'js' | 'python' | 'python-dict';

export interface RenderOptions {
  style: RenderStyle;
  /** The indentation of the line the text starts on. */
  indent: string;
  /** One indentation step. */
  unit: string;
  eol: string;
  /** Write objects and lists on one line (JSON and YAML flow). */
  inline?: boolean;
  /** Plain text with every tab stop at its default (a preview), rather than snippet syntax. */
  plain?: boolean;
  /** For `js` and Python: the quote strings are written in (double by default). */
  quote?: '"' | "'";
  /** Terraform JSON (`.tf.json`): names in Terraform spelling, references as `"${type.name.id}"`. */
  terraform?: boolean;
  /** Python: write an object value as a call of this (a CDK `...Property` class) rather than a dict. */
  objectCall?: string;
}

/** Numbers tab stops in the order they are written. */
export class TabStops {
  private next = 1;
  take(): number {
    return this.next++;
  }
}

/** Escape text for a snippet (outside a placeholder). */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => '\\' + c);
}

function escapeChoice(text: string): string {
  return text.replace(/[\\$}|,]/g, (c) => '\\' + c);
}

/** Whether a YAML plain scalar would be read as something else or is not allowed as written. */
export function yamlNeedsQuotes(v: string, flow: boolean): boolean {
  if (v === '' || /^(true|false|yes|no|on|off|y|n|null|~|[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?|0x[0-9a-f]+|0o[0-7]+|\.inf|\.nan)$/i.test(v)) return true;
  if (/^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(v) && !/^-[^\s]/.test(v)) return true;
  if (/:\s|\s#|\s$|[\n\r\t]/.test(v) || v.endsWith(':')) return true;
  if (flow && /[,[\]{}]/.test(v)) return true;
  return false;
}

/** A string in HCL's quotes, with what HCL would read otherwise escaped (`${` and `%{` too). */
export function hclQuoted(v: string): string {
  const body = v.replace(/[\\"\n\r\t]|\$\{|%\{/g, (c) => ({ '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t', '${': '$${', '%{': '%%{' })[c] ?? c);
  return `"${body}"`;
}

/** A reference to a user pool (or a variable holding its id) as an HCL expression. */
export function hclPoolReference(address: string): string {
  return /^(var|local)\./.test(address) ? address : `${address}.id`;
}

/** A snippet object with its keys (canonical, under `path`) in a spelling family; markers kept. */
export function spellSnippet(value: SnippetValue, path: readonly string[], spelling: Spelling): SnippetValue {
  if (Array.isArray(value)) return value.map((v) => spellSnippet(v, path, spelling));
  if (typeof value !== 'object' || value === null || isMarker(value)) return value;
  const out: SnippetObject = {};
  for (const [k, v] of Object.entries(value)) out[spell([...path, k], spelling)] = spellSnippet(v, [...path, k], spelling);
  return out;
}

/** A snake-case resource name for an archetype's logical id (`SpaClient` → `spa_client`). */
export function snakeName(logicalId: string): string {
  return logicalId.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/** A YAML scalar, quoted when it needs to be. */
export function yamlScalar(v: string | number | boolean, flow = false): string {
  if (typeof v !== 'string') return String(v);
  return yamlNeedsQuotes(v, flow) ? JSON.stringify(v) : v;
}

class Renderer {
  constructor(
    private readonly o: RenderOptions,
    private readonly stops: TabStops,
  ) {}

  /** JSON and JS write the same structure (strings always quoted, lists inline, objects over lines). */
  private get json(): boolean {
    return this.o.style === 'json' || this.o.style === 'js';
  }

  private get js(): boolean {
    return this.o.style === 'js';
  }

  /** A JS string's body in the chosen quote (the quotes themselves are added by the caller). */
  private jsBody(s: string): string {
    const body = JSON.stringify(s).slice(1, -1);
    return this.o.quote === "'" ? body.replace(/\\"/g, '"').replace(/'/g, "\\'") : body;
  }

  private get hcl(): boolean {
    return this.o.style === 'hcl';
  }

  /** A string's text inside its quotes, escaped for the syntax. */
  private inQuotes(s: string): string {
    if (this.hcl) return hclQuoted(s).slice(1, -1);
    if (this.js || this.python) return this.jsBody(s); // Python escapes quotes the same way
    return JSON.stringify(s).slice(1, -1);
  }

  /** Python keyword arguments or a dict: strings always quoted, `True` / `False`. */
  private get python(): boolean {
    return this.o.style === 'python' || this.o.style === 'python-dict';
  }

  private text(s: string): string {
    return this.o.plain ? s : escapeSnippet(s);
  }

  private placeholder(def: string | number): string {
    if (this.o.plain) return String(def);
    const n = this.stops.take();
    return def === '' ? `\${${n}}` : `\${${n}:${escapeSnippet(String(def))}}`;
  }

  /** A string made of literal text and placeholders, quoted for the syntax when needed. */
  private stringOf(pieces: (string | PlaceholderMarker)[], flow: boolean): string {
    const literal = pieces.map((p) => (typeof p === 'string' ? p : String(p.$placeholder))).join('');
    const quote = this.json || this.hcl || this.python || yamlNeedsQuotes(literal, flow);
    const body = pieces
      .map((p) => {
        if (typeof p === 'string') return this.text(quote ? this.inQuotes(p) : p);
        const def = String(p.$placeholder);
        return this.placeholder(quote ? this.inQuotes(def) : def);
      })
      .join('');
    const q = this.js || this.python ? this.o.quote ?? '"' : '"';
    return quote ? `${q}${body}${q}` : body;
  }

  /** A scalar or marker value written on one line. */
  scalar(v: SnippetValue, flow: boolean): string | undefined {
    if (typeof v === 'string') return this.stringOf([v], flow);
    if (typeof v === 'boolean' && this.python) return v ? 'True' : 'False';
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    if (!isMarker(v)) return undefined;
    if ('$placeholder' in v) {
      if (typeof v.$placeholder === 'number') return this.placeholder(v.$placeholder);
      return this.stringOf([v], flow);
    }
    if ('$concat' in v) return this.stringOf(v.$concat, flow);
    if ('$cursor' in v) return this.o.plain ? '' : '$0';
    if ('$choice' in v) {
      // Python writes booleans `True` / `False`, unquoted.
      const choices = this.python ? v.$choice.map((c) => (typeof c === 'boolean' ? (c ? 'True' : 'False') : c)) : v.$choice;
      const booleans = v.$choice.every((c) => typeof c === 'boolean');
      const quoteStrings = !booleans && (this.json || this.hcl || this.python || choices.some((c) => typeof c === 'string' && yamlNeedsQuotes(c, flow)));
      const first = choices[0];
      const quoted = typeof first === 'string' && quoteStrings;
      const q = this.js || this.python ? this.o.quote ?? '"' : '"';
      if (this.o.plain) return quoted ? `${q}${this.js || this.python ? this.jsBody(String(first)) : JSON.stringify(first).slice(1, -1)}${q}` : String(first);
      const n = this.stops.take();
      const body = choices.length === 1 ? `\${${n}:${escapeSnippet(String(first))}}` : `\${${n}|${choices.map((c) => escapeChoice(String(c))).join(',')}|}`;
      return quoted ? `${q}${body}${q}` : body;
    }
    // $ref
    if (this.hcl) return this.hclReference(v.$ref);
    if (this.o.terraform && this.json) return `"${this.text('${')}${this.hclReference(v.$ref)}${this.text('}')}"`;
    // In code, a name the user fills in (a variable holding the id).
    if (this.js) return this.o.plain ? 'userPoolId' : this.placeholder('userPoolId');
    if (this.python) {
      const base = String(typeof v.$ref === 'string' ? v.$ref : v.$ref.$placeholder).replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
      return this.placeholder(this.o.objectCall === undefined && this.o.style === 'python' ? `${base}_id` : base);
    }
    const name = typeof v.$ref === 'string' ? this.text(v.$ref) : this.placeholder(String(v.$ref.$placeholder));
    return this.json ? `{"Ref": "${name}"}` : `!Ref ${name}`;
  }

  /** A reference to a user pool in HCL: `aws_cognito_user_pool.<name>.id` (the name a tab stop), or a variable. */
  private hclReference(ref: string | PlaceholderMarker): string {
    const address = typeof ref === 'string' ? ref : String(ref.$placeholder);
    const type = schema.relatedTypes.userPool.terraform;
    if (typeof ref === 'string') return this.text(hclPoolReference(address));
    if (address.startsWith(`${type}.`)) return `${this.text(type)}.${this.placeholder(address.slice(type.length + 1))}.id`;
    if (/^(var|local)\./.test(address)) return this.placeholder(address);
    return `${this.text(type)}.${this.placeholder('main')}.id`;
  }

  /** A value written inline (flow / JSON on one line). */
  inlineValue(v: SnippetValue): string {
    const s = this.scalar(v, true);
    if (s !== undefined) return s;
    if (Array.isArray(v)) return `[${v.map((x) => this.inlineValue(x)).join(', ')}]`;
    const entries = Object.entries(v as SnippetObject);
    if (this.python && this.o.objectCall) {
      const call = this.text(this.o.objectCall);
      if (entries.length === 0) return this.o.plain ? `${call}()` : `${call}(${this.placeholder('')})`;
    }
    if (entries.length === 0) return this.o.plain ? '{}' : `{${this.placeholder('')}}`;
    if (this.hcl) return `{ ${entries.map(([k, x]) => `${this.key(k)} = ${this.inlineValue(x)}`).join(', ')} }`;
    if (this.python) return `{${entries.map(([k, x]) => `${this.text(JSON.stringify(k))}: ${this.inlineValue(x)}`).join(', ')}}`;
    return `{${entries.map(([k, x]) => `${this.key(k)}: ${this.inlineValue(x)}`).join(', ')}}`;
  }

  key(k: string | PlaceholderMarker): string {
    if (typeof k !== 'string') return this.stringOf([k], false);
    if (this.hcl) return this.text(k);
    if (this.js) return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) ? this.text(k) : this.stringOf([k], false);
    if (this.o.style === 'python') return this.text(k);
    if (this.o.style === 'python-dict') return this.text(JSON.stringify(k));
    return this.json ? this.text(JSON.stringify(k)) : this.text(yamlScalar(k));
  }

  /**
   * HCL: `name = value`, with the `=` at `width` (the longest name of its run, as `terraform fmt`
   * aligns), or a nested block `name { ... }` for an object.
   */
  hclMember(k: string, v: SnippetValue, indent: string, width = k.length): string {
    const { eol, unit } = this.o;
    const inner = indent + unit;
    const s = this.scalar(v, false);
    if (s !== undefined || Array.isArray(v)) return `${this.key(k)}${' '.repeat(Math.max(1, width - k.length + 1))}= ${s ?? this.inlineValue(v)}`;
    const entries = Object.entries(v as SnippetObject);
    if (entries.length === 0) return `${this.key(k)} {${eol}${inner}${this.o.plain ? '' : '$0'}${eol}${indent}}`;
    return `${this.key(k)} {${eol}${this.hclMembers(entries, inner).join(eol)}${eol}${indent}}`;
  }

  /** HCL members at `indent`, each line with its indentation: attributes aligned in runs, blocks and runs apart by a blank line. */
  hclMembers(entries: [string, SnippetValue][], indent: string): string[] {
    const isBlock = (v: SnippetValue) => typeof v === 'object' && v !== null && !Array.isArray(v) && !isMarker(v);
    const lines: string[] = [];
    let i = 0;
    while (i < entries.length) {
      if (isBlock(entries[i][1])) {
        if (lines.length > 0) lines.push('');
        lines.push(indent + this.hclMember(entries[i][0], entries[i][1], indent));
        i++;
        continue;
      }
      if (lines.length > 0) lines.push('');
      let j = i;
      while (j < entries.length && !isBlock(entries[j][1])) j++;
      const run = entries.slice(i, j);
      const width = Math.max(...run.map(([k]) => k.length));
      for (const [k, v] of run) lines.push(indent + this.hclMember(k, v, indent, width));
      i = j;
    }
    return lines;
  }

  /** `key: value` starting at `indent` (the first line's indentation is the caller's). */
  member(k: string | PlaceholderMarker, v: SnippetValue, indent: string): string {
    if (this.hcl) return typeof k === 'string' ? this.hclMember(k, v, indent) : `${this.key(k)} = ${this.inlineValue(v)}`;
    const key = this.key(k);
    const { eol, unit } = this.o;
    const inner = indent + unit;
    if (this.o.style === 'python') return `${key}=${this.inlineValue(v)}`;
    if (this.o.inline || this.o.style === 'yaml-flow' || this.o.style === 'python-dict') return `${key}: ${this.inlineValue(v)}`;
    const s = this.scalar(v, false);
    if (s !== undefined) return `${key}: ${s}`;
    if (Array.isArray(v)) {
      if (this.json) return `${key}: ${this.inlineValue(v)}`;
      if (v.length === 0) return `${key}: []`;
      return `${key}:` + v.map((x) => `${eol}${inner}- ${this.scalar(x, false) ?? this.inlineValue(x)}`).join('');
    }
    const entries = Object.entries(v as SnippetObject);
    if (this.json) {
      if (entries.length === 0) return `${key}: {${eol}${inner}${this.placeholder('')}${eol}${indent}}`;
      return `${key}: {` + entries.map(([ek, ev], i) => `${eol}${inner}${this.member(ek, ev, inner)}${i < entries.length - 1 ? ',' : ''}`).join('') + `${eol}${indent}}`;
    }
    if (entries.length === 0) return `${key}:${eol}${inner}${this.placeholder('')}`;
    return `${key}:` + entries.map(([ek, ev]) => `${eol}${inner}${this.member(ek, ev, inner)}`).join('');
  }
}

/** Render one `key: value` member (the first line starts at the caret; later lines at `indent` and deeper). */
export function renderMember(key: string | PlaceholderMarker, value: SnippetValue, options: RenderOptions, stops = new TabStops()): string {
  return new Renderer(options, stops).member(key, value, options.indent);
}

/**
 * An archetype as a whole CloudFormation resource entry: `Id:` with its `Type`, `DependsOn` and
 * `Properties` (the logical id is the first tab stop).
 */
export function renderArchetypeResource(archetype: ClientArchetype, logicalId: string, options: RenderOptions): string {
  if (options.style === 'hcl') return renderHclArchetype(archetype, logicalId, options);
  // Terraform JSON: `"<name>": { ... }` under `"aws_cognito_user_pool_client"`, in Terraform spelling.
  if (options.terraform) {
    const body = spellSnippet(archetype.properties, [], 'terraform') as SnippetObject;
    if (archetype.dependsOn.length > 0) body.depends_on = archetype.dependsOn;
    return renderMember({ $placeholder: logicalId }, body, options);
  }
  const body: SnippetObject = { Type: schema.resource.cloudformationType };
  if (archetype.dependsOn.length > 0) body.DependsOn = archetype.dependsOn;
  body.Properties = archetype.properties;
  return renderMember({ $placeholder: logicalId }, body, options);
}

/**
 * An archetype as a Terraform resource block: `resource "aws_cognito_user_pool_client" "<name>" {`
 * with its arguments in Terraform spelling (`=` aligned in runs), nested blocks, and `depends_on`
 * where it needs one (the resource name is the first tab stop).
 */
function renderHclArchetype(archetype: ClientArchetype, name: string, options: RenderOptions): string {
  const stops = new TabStops();
  const renderer = new Renderer(options, stops);
  const label = options.plain ? name : `\${${stops.take()}:${escapeSnippet(name)}}`;
  const text = (s: string) => (options.plain ? s : escapeSnippet(s));
  const body = spellSnippet(archetype.properties, [], 'terraform') as SnippetObject;
  const entries: [string, SnippetValue][] = Object.entries(body);
  const lines = renderer.hclMembers(entries, options.indent + options.unit);
  if (archetype.dependsOn.length > 0) lines.push('', `${options.indent}${options.unit}depends_on = [${archetype.dependsOn.map(text).join(', ')}]`);
  return [`${text(`resource "${schema.resource.terraformType}" "`)}${label}" {`, ...lines, `${options.indent}}`].join(options.eol);
}
