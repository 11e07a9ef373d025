/**
 * The JavaScript / TypeScript surface: the reader (the call shapes real code takes, values,
 * offsets below non-ASCII text, half-typed code), the edit builder (every semantic change kind,
 * applied and read again, in the document's own style), the rules through the real surface, and
 * suppression comments.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { ClientDefinition, DocumentModel, LocatedValue, SemanticChange } from '../../server/src/model';
import { analyse } from '../../server/src/service';
import { parseDocument, type SourceDocument } from '../../server/src/surfaces';
import { applyEdits } from '../../server/src/surfaces/apply-edits';
import { editsForFix } from '../../server/src/surfaces/edits';
import { readJavaScript } from '../../server/src/surfaces/sdk/javascript';
import { codeSuppressions, lineComments } from '../../server/src/surfaces/sdk/suppressions';
import { loadGrammar } from '../../server/src/surfaces/tree-sitter';

// Before any grammar is loaded: the reader says it cannot read rather than reading nothing.
const unloaded = readJavaScript('new CreateUserPoolClientCommand({})', 'tsx');

before(async () => {
  for (const g of ['typescript', 'javascript', 'tsx'] as const) assert.ok(await loadGrammar(g), `${g} grammar loads`);
});

function sourceOf(text: string, fileName = 'client.ts'): SourceDocument {
  const languageId = /\.tsx?$/.test(fileName) ? (fileName.endsWith('x') ? 'typescriptreact' : 'typescript') : 'javascript';
  return { uri: `file:///test/${fileName}`, languageId, text };
}

function read(text: string, fileName = 'client.ts'): { doc: SourceDocument; model: DocumentModel } {
  const doc = sourceOf(text, fileName);
  const parsed = parseDocument(doc);
  assert.ok(parsed, 'the JS surface reads the file');
  assert.equal(parsed.surface.id, 'sdk-javascript');
  return { doc, model: parsed.model };
}

function only(model: DocumentModel): ClientDefinition {
  assert.equal(model.clients.length, 1, `one client, got ${model.clients.map((c) => c.name).join(', ')}`);
  return model.clients[0];
}

/** A value as plain data (Unknown as `?reason`), for comparisons. */
function plain(value: LocatedValue | undefined): unknown {
  if (!value) return undefined;
  switch (value.kind) {
    case 'list':
      return value.items.map(plain);
    case 'object':
      return Object.fromEntries(value.members.map((m) => [m.name, plain(m.value)]));
    case 'unknown':
      return `?${value.reason}`;
    case 'null':
      return null;
    default:
      return value.value;
  }
}

function props(def: ClientDefinition): Record<string, unknown> {
  return Object.fromEntries([...def.properties].map(([k, p]) => [k, plain(p.value)]));
}

describe('JS/TS reader: call shapes', () => {
  it('says it cannot read when the grammar is not loaded', () => {
    assert.equal(unloaded, undefined);
  });

  it('a v3 command with an object literal and variables for the URLs', () => {
    const text = [
      "import { CognitoIdentityProviderClient, CreateUserPoolClientCommand } from '@aws-sdk/client-cognito-identity-provider';",
      "const callbackUrl = 'https://app.example.com/callback';",
      'const logoutUrls = [`https://app.example.com/`];',
      'const client = new CognitoIdentityProviderClient({});',
      'await client.send(',
      '  new CreateUserPoolClientCommand({',
      '    UserPoolId: process.env.USER_POOL_ID,',
      "    ClientName: 'web',",
      '    CallbackURLs: [callbackUrl],',
      '    LogoutURLs: logoutUrls,',
      '    AllowedOAuthFlows: ["code"],',
      '  }),',
      ');',
    ].join('\n');
    const { model } = read(text);
    const def = only(model);
    assert.equal(def.surface, 'sdk');
    assert.equal(def.operation, 'create');
    assert.equal(def.spelling, 'api');
    assert.deepEqual(props(def), {
      UserPoolId: '?process.env.USER_POOL_ID',
      ClientName: 'web',
      CallbackURLs: ['https://app.example.com/callback'],
      LogoutURLs: ['https://app.example.com/'],
      AllowedOAuthFlows: ['code'],
    });
    // A value bound to a name is located where its literal is written, and marked as resolved.
    const item = def.properties.get('CallbackURLs')!.value;
    assert.equal(item.kind, 'list');
    const url = item.kind === 'list' ? item.items[0] : undefined;
    assert.equal(text.slice(url!.span.start, url!.span.end), "'https://app.example.com/callback'");
    assert.equal(url!.resolvedFrom, 'callbackUrl');
    assert.equal(text.slice(def.nameSpan.start, def.nameSpan.end), 'CreateUserPoolClientCommand');
  });

  it('v3 enum constants read as their values', () => {
    const text = [
      'new CreateUserPoolClientCommand({',
      '  UserPoolId: "us-east-1_abc", ClientName: "x",',
      '  ExplicitAuthFlows: [ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH],',
      '  AllowedOAuthFlows: [OAuthFlowType.code, OAuthFlowType.CODE],',
      '  PreventUserExistenceErrors: PreventUserExistenceErrorTypes.ENABLED,',
      '  TokenValidityUnits: { AccessToken: TimeUnitsType.MINUTES, IdToken: sdk.TimeUnitsType.HOURS },',
      '  SupportedIdentityProviders: [Providers.COGNITO],',
      '});',
    ].join('\n');
    const def = only(read(text).model);
    assert.deepEqual(props(def).ExplicitAuthFlows, ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);
    assert.deepEqual(props(def).AllowedOAuthFlows, ['code', 'code']);
    assert.equal(props(def).PreventUserExistenceErrors, 'ENABLED');
    assert.deepEqual(props(def).TokenValidityUnits, { AccessToken: 'minutes', IdToken: 'hours' });
    // Not named like an SDK enum, and no enum on the property: Unknown.
    assert.deepEqual(props(def).SupportedIdentityProviders, ['?Providers.COGNITO']);
  });

  it('v2 createUserPoolClient(req).promise() with req built earlier (typed, satisfies, as)', () => {
    for (const decl of [
      'const req: CognitoIdentityServiceProvider.CreateUserPoolClientRequest = {',
      'let req = {',
      'const req = <CreateUserPoolClientCommandInput>{',
    ]) {
      const close = decl.startsWith('let') ? '} satisfies CreateUserPoolClientCommandInput;' : '};';
      const text = [
        "const AWS = require('aws-sdk');",
        'const cognito = new AWS.CognitoIdentityServiceProvider();',
        decl,
        "  UserPoolId: 'us-east-1_abc',",
        "  ClientName: 'mobile',",
        '  GenerateSecret: false,',
        close,
        'const out = await cognito.createUserPoolClient(req).promise();',
      ].join('\n');
      const def = only(read(text, 'client.ts').model);
      assert.equal(def.operation, 'create', decl);
      assert.equal(def.name.startsWith('createUserPoolClient'), true);
      assert.deepEqual(props(def), { UserPoolId: 'us-east-1_abc', ClientName: 'mobile', GenerateSecret: false }, decl);
      // Spans are where the literal is written.
      const name = def.properties.get('ClientName')!;
      assert.equal(text.slice(name.span.start, name.span.end), "ClientName: 'mobile'");
    }
  });

  it('v3 aggregated client and `new x.Command`', () => {
    const text = "const c = new CognitoIdentityProvider({});\nawait c.updateUserPoolClient({ UserPoolId: 'p', ClientId: 'c' });\nawait client.send(new cip.CreateUserPoolClientCommand({ UserPoolId: 'p', ClientName: 'n' }));\n";
    const { model } = read(text, 'client.js');
    assert.deepEqual(model.clients.map((c) => c.operation), ['update', 'create']);
  });

  it('an update built by spreading a create request: open, with the spread literal lending its members', () => {
    const text = [
      "const createReq = { UserPoolId: 'us-east-1_abc', ClientName: 'web', CallbackURLs: ['https://a.example.com/cb'] };",
      'await client.send(new CreateUserPoolClientCommand(createReq));',
      "await client.send(new UpdateUserPoolClientCommand({ ...createReq, ClientId: clientId, ClientName: 'web2' }));",
    ].join('\n');
    const { model } = read(text);
    assert.equal(model.clients.length, 2);
    const update = model.clients[1];
    assert.equal(update.operation, 'update');
    assert.ok(update.open, 'a spread opens the call');
    assert.equal(text.slice(update.open!.span.start, update.open!.span.end), '...createReq');
    // The spread's members count, later members win, and an absent property reads as Unknown.
    assert.equal(plain(update.properties.get('ClientName')!.value), 'web2');
    assert.deepEqual(plain(update.properties.get('CallbackURLs')!.value), ['https://a.example.com/cb']);
    assert.equal(update.properties.get('LogoutURLs')!.value.kind, 'unknown');
    assert.equal(update.properties.get('CallbackURLs')!.value.resolvedFrom, 'createReq');
  });

  it('CDK L1 CfnUserPoolClient: CloudFormation semantics, CDK spelling, construct id', () => {
    const text = [
      "import * as cognito from 'aws-cdk-lib/aws-cognito';",
      "import { aws_cognito } from 'aws-cdk-lib';",
      "new cognito.CfnUserPoolClient(this, 'WebClient', {",
      '  userPoolId: pool.userPoolId,',
      "  callbackUrLs: ['https://a.example.com/cb'],",
      "  allowedOAuthFlows: ['code'],",
      "  tokenValidityUnits: { accessToken: 'minutes' },",
      '});',
      'new aws_cognito.CfnUserPoolClient(this, `Other`, { generateSecret: true });',
      'new CfnUserPoolClient(scope, id, props);',
    ].join('\n');
    const { model } = read(text);
    assert.equal(model.clients.length, 3);
    const [web, other, third] = model.clients;
    assert.equal(web.surface, 'cloudformation');
    assert.equal(web.spelling, 'cdk');
    assert.equal(web.operation, 'resource');
    assert.equal(web.name, 'WebClient');
    assert.deepEqual(props(web), {
      UserPoolId: '?pool.userPoolId',
      CallbackURLs: ['https://a.example.com/cb'],
      AllowedOAuthFlows: ['code'],
      TokenValidityUnits: { accessToken: 'minutes' },
    });
    assert.equal(web.properties.get('TokenValidityUnits')!.value.kind === 'object' && (web.properties.get('TokenValidityUnits')!.value as { members: { canonical?: string }[] }).members[0].canonical, 'AccessToken');
    assert.equal(other.name, 'Other');
    assert.equal(third.body?.kind, 'unknown');
  });

  it('offsets are UTF-16 below a non-ASCII line', () => {
    const text = "// café ✓ — 𝄞 non-ASCII above the call\nnew CreateUserPoolClientCommand({ UserPoolId: 'p', ClientName: 'naïve ✓', AllowedOAuthFlows: ['implicit'] });\n";
    const def = only(read(text).model);
    const flows = def.properties.get('AllowedOAuthFlows')!;
    assert.equal(text.slice(flows.keySpan.start, flows.keySpan.end), 'AllowedOAuthFlows');
    const item = flows.value.kind === 'list' ? flows.value.items[0] : undefined;
    assert.equal(text.slice(item!.span.start, item!.span.end), "'implicit'");
    assert.equal(plain(def.properties.get('ClientName')!.value), 'naïve ✓');
  });

  it('values that cannot be known are Unknown; literals of every kind are read', () => {
    const text = [
      'const n = 60;',
      'new CreateUserPoolClientCommand({',
      '  UserPoolId: getPool(),',
      '  ClientName: `client-${stage}`,',
      '  DefaultRedirectURI: `https://a.example.com/cb`,',
      '  AccessTokenValidity: n,',
      '  IdTokenValidity: -1,',
      '  RefreshTokenValidity: 1_0,',
      '  EnableTokenRevocation: undefined,',
      '  ReadAttributes: [...base, "email"],',
      '  WriteAttributes: null,',
      "  'LogoutURLs': [\"https://a.example.com/\\u0041\"],",
      '  AllowedOAuthScopes: prod ? ["openid"] : ["openid", "email"],',
      '  [computed]: 1,',
      '});',
    ].join('\n');
    const def = only(read(text).model);
    assert.deepEqual(props(def), {
      UserPoolId: '?getPool()',
      ClientName: '?a template literal',
      DefaultRedirectURI: 'https://a.example.com/cb',
      AccessTokenValidity: 60,
      IdTokenValidity: -1,
      RefreshTokenValidity: 10,
      EnableTokenRevocation: null,
      ReadAttributes: ['?...base', 'email'],
      WriteAttributes: null,
      LogoutURLs: ['https://a.example.com/A'],
      AllowedOAuthScopes: '?a conditional',
    });
    const scopes = def.properties.get('AllowedOAuthScopes')!.value;
    assert.equal(scopes.kind === 'unknown' && scopes.alternatives?.length, 2);
    // A condition without calls: each case is known, for the rule engine to check one by one.
    assert.equal(scopes.kind === 'unknown' && scopes.branches?.condition, 'prod');
    assert.deepEqual(scopes.kind === 'unknown' && plain(scopes.branches?.whenFalse), ['openid', 'email']);
  });

  it('a name bound twice, or a `var`, is not resolved; an argument changed later opens the call', () => {
    const text = [
      "let req = { UserPoolId: 'p', ClientName: 'a' };",
      "req.CallbackURLs = ['https://a.example.com/cb'];",
      'cognito.createUserPoolClient(req);',
      "var other = { UserPoolId: 'p' };",
      'cognito.createUserPoolClient(other);',
    ].join('\n');
    const { model } = read(text);
    const [first, second] = model.clients;
    assert.ok(first.open, 'req is changed after it is written');
    assert.equal(first.properties.get('CallbackURLs')!.value.kind, 'unknown');
    assert.equal(second.body?.kind, 'unknown');
  });

  it('half-typed code: the call is still read with what is there, the syntax error is a problem', () => {
    const text = "const c = new CreateUserPoolClientCommand({\n  UserPoolId: 'p',\n  ClientName: 'x',\n  AllowedOAuthFlows: [\"\n});\n";
    const { model } = read(text);
    const def = only(model);
    assert.deepEqual(Object.keys(props(def)), ['UserPoolId', 'ClientName']);
    assert.ok(model.problems.length > 0);
  });

  it('syntax errors outside the calls are the TypeScript server’s business, not problems', () => {
    const { model } = read("const broken = ;\nnew CreateUserPoolClientCommand({ UserPoolId: 'p', ClientName: 'x' });\n");
    assert.equal(model.clients.length, 1);
    assert.deepEqual(model.problems, []);
  });

  it('files without a call are not parsed; other calls are not recognised', () => {
    assert.equal(read('const x = createUserPool({});\nfoo.createUserPoolClientX({});\n').model.clients.length, 0);
    assert.equal(read('createUserPoolClient({ UserPoolId: 1 });\n').model.clients.length, 0, 'a bare function is not the SDK method');
  });

  it('never throws on garbage', () => {
    const seeds = ['new CreateUserPoolClientCommand(', 'x.createUserPoolClient({ ...', 'new CfnUserPoolClient(this, ', '({[`${', '/* */ CreateUserPoolClientCommand ""\'\''];
    for (const seed of seeds) {
      for (let cut = 0; cut <= seed.length + 30; cut += 3) {
        const text = (seed + ' { A: [1, "b", { c: `d${e}` }] }) ; }'.repeat(2)).slice(0, cut + seed.length);
        for (const file of ['a.ts', 'a.js', 'a.tsx']) assert.ok(read(text, file).model);
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------

/** Apply a fix made of `changes` to the only (or the last) client; the text after, or undefined when refused. */
function fixed(text: string, changes: SemanticChange[], fileName = 'client.ts', which = -1): string | undefined {
  const { doc, model } = read(text, fileName);
  const def = model.clients.at(which)!;
  const edits = editsForFix('sdk-javascript', doc, model, def, { title: 't', changes });
  if (!edits) return undefined;
  const after = applyEdits(text, edits);
  // Read again: the same calls, no new problem.
  const again = read(after, fileName).model;
  assert.deepEqual(again.clients.map((c) => c.name), model.clients.map((c) => c.name));
  assert.ok(again.problems.length <= model.problems.length);
  return after;
}

describe('JS/TS edits: every change kind, in the document’s style', () => {
  const multi = "new CreateUserPoolClientCommand({\n  UserPoolId: 'p',\n  ClientName: 'web',\n  AllowedOAuthFlows: ['code'],\n});\n";
  const oneLine = 'new CreateUserPoolClientCommand({ UserPoolId: "p", ClientName: "web", AllowedOAuthFlows: ["code"] });\n';

  it('set: replaces a value, adds an absent one (trailing commas and single quotes kept)', () => {
    assert.equal(fixed(multi, [{ kind: 'set', path: ['ClientName'], value: 'app' }]), multi.replace("'web'", "'app'"));
    assert.equal(
      fixed(multi, [{ kind: 'set', path: ['PreventUserExistenceErrors'], value: 'ENABLED' }]),
      "new CreateUserPoolClientCommand({\n  UserPoolId: 'p',\n  ClientName: 'web',\n  AllowedOAuthFlows: ['code'],\n  PreventUserExistenceErrors: 'ENABLED',\n});\n",
    );
    assert.equal(
      fixed(oneLine, [{ kind: 'set', path: ['EnableTokenRevocation'], value: true }]),
      'new CreateUserPoolClientCommand({ UserPoolId: "p", ClientName: "web", AllowedOAuthFlows: ["code"], EnableTokenRevocation: true });\n',
    );
  });

  it('set: a nested property creates its parent object', () => {
    assert.equal(
      fixed(multi, [{ kind: 'set', path: ['TokenValidityUnits', 'AccessToken'], value: 'minutes' }]),
      "new CreateUserPoolClientCommand({\n  UserPoolId: 'p',\n  ClientName: 'web',\n  AllowedOAuthFlows: ['code'],\n  TokenValidityUnits: {\n    AccessToken: 'minutes',\n  },\n});\n",
    );
    const withUnits = "new CreateUserPoolClientCommand({ UserPoolId: 'p', ClientName: 'w', TokenValidityUnits: { IdToken: 'hours' } });";
    assert.equal(
      fixed(withUnits, [{ kind: 'set', path: ['TokenValidityUnits', 'AccessToken'], value: 'minutes' }]),
      "new CreateUserPoolClientCommand({ UserPoolId: 'p', ClientName: 'w', TokenValidityUnits: { IdToken: 'hours', AccessToken: 'minutes' } });",
    );
  });

  it('insert (several at once), without a trailing comma when the document writes none', () => {
    const noTrailing = 'new CreateUserPoolClientCommand({\n    UserPoolId: "p",\n    ClientName: "web"\n});\n';
    assert.equal(
      fixed(noTrailing, [
        { kind: 'insert', path: ['CallbackURLs'], value: [], placeholder: true },
        { kind: 'insert', path: ['AccessTokenValidity'], value: 60, placeholder: true },
      ]),
      'new CreateUserPoolClientCommand({\n    UserPoolId: "p",\n    ClientName: "web",\n    CallbackURLs: [],\n    AccessTokenValidity: 60\n});\n',
    );
  });

  it('remove: a middle member, the last member, the only member', () => {
    assert.equal(fixed(multi, [{ kind: 'remove', path: ['ClientName'] }]), "new CreateUserPoolClientCommand({\n  UserPoolId: 'p',\n  AllowedOAuthFlows: ['code'],\n});\n");
    assert.equal(fixed(oneLine, [{ kind: 'remove', path: ['AllowedOAuthFlows'] }]), 'new CreateUserPoolClientCommand({ UserPoolId: "p", ClientName: "web" });\n');
    assert.equal(fixed('x.createUserPoolClient({ GenerateSecret: true });', [{ kind: 'remove', path: ['GenerateSecret'] }]), 'x.createUserPoolClient({});');
    assert.deepEqual(fixed(multi, [{ kind: 'remove', path: ['LogoutURLs'] }]), multi, 'removing what is absent changes nothing');
  });

  it('rename and renameKey keep the key’s quotes', () => {
    const text = "x.updateUserPoolClient({ UserPoolId: 'p', ClientId: 'c', 'CallbackUrls': ['https://a.example.com/'], LogoutURLs: [] });";
    const { model } = read(text);
    const bad = model.clients[0].body!.kind === 'object' ? model.clients[0].body!.members.find((m) => m.name === 'CallbackUrls')! : undefined;
    assert.equal(fixed(text, [{ kind: 'renameKey', keySpan: bad!.keySpan, to: 'CallbackURLs' }]), text.replace("'CallbackUrls'", "'CallbackURLs'"));
    assert.equal(fixed(text, [{ kind: 'rename', path: ['LogoutURLs'], to: 'CallbackURLs' }]), text.replace('LogoutURLs', 'CallbackURLs'));
  });

  it('addItem, removeItem, replaceItem on one-line and multi-line arrays', () => {
    assert.equal(fixed(multi, [{ kind: 'addItem', path: ['AllowedOAuthFlows'], value: 'implicit' }]), multi.replace("['code']", "['code', 'implicit']"));
    assert.equal(fixed(multi, [{ kind: 'addItem', path: ['AllowedOAuthScopes'], value: 'openid' }]), multi.replace("['code'],\n", "['code'],\n  AllowedOAuthScopes: ['openid'],\n"));
    const flows = "x.createUserPoolClient({\n  ExplicitAuthFlows: [\n    'ADMIN_NO_SRP_AUTH',\n    'ALLOW_USER_SRP_AUTH',\n  ],\n});";
    assert.equal(
      fixed(flows, [
        { kind: 'replaceItem', path: ['ExplicitAuthFlows'], index: 0, value: 'ALLOW_ADMIN_USER_PASSWORD_AUTH' },
        { kind: 'addItem', path: ['ExplicitAuthFlows'], value: 'ALLOW_REFRESH_TOKEN_AUTH' },
      ]),
      "x.createUserPoolClient({\n  ExplicitAuthFlows: [\n    'ALLOW_ADMIN_USER_PASSWORD_AUTH',\n    'ALLOW_USER_SRP_AUTH',\n    'ALLOW_REFRESH_TOKEN_AUTH',\n  ],\n});",
    );
    assert.equal(fixed(flows, [{ kind: 'removeItem', path: ['ExplicitAuthFlows'], index: 1 }]), "x.createUserPoolClient({\n  ExplicitAuthFlows: [\n    'ADMIN_NO_SRP_AUTH',\n  ],\n});");
    // An enum constant item is replaced by a string literal.
    const constant = 'x.createUserPoolClient({ ExplicitAuthFlows: [ExplicitAuthFlowsType.ADMIN_NO_SRP_AUTH] });';
    assert.equal(fixed(constant, [{ kind: 'replaceItem', path: ['ExplicitAuthFlows'], index: 0, value: 'ALLOW_ADMIN_USER_PASSWORD_AUTH' }]), 'x.createUserPoolClient({ ExplicitAuthFlows: [\'ALLOW_ADMIN_USER_PASSWORD_AUTH\'] });', 'single quotes when the document shows no preference');
    const doubled = 'x.createUserPoolClient({ ClientName: "a", ExplicitAuthFlows: [ExplicitAuthFlowsType.ADMIN_NO_SRP_AUTH] });';
    assert.equal(fixed(doubled, [{ kind: 'replaceItem', path: ['ExplicitAuthFlows'], index: 0, value: 'ALLOW_ADMIN_USER_PASSWORD_AUTH' }]), 'x.createUserPoolClient({ ClientName: "a", ExplicitAuthFlows: ["ALLOW_ADMIN_USER_PASSWORD_AUTH"] });');
  });

  it('CDK L1: keys in the CDK spelling', () => {
    const text = "new CfnUserPoolClient(this, 'C', {\n  userPoolId: pool.ref,\n  allowedOAuthFlows: ['code'],\n});";
    assert.equal(
      fixed(text, [
        { kind: 'set', path: ['AllowedOAuthFlowsUserPoolClient'], value: true },
        { kind: 'set', path: ['TokenValidityUnits'], value: { AccessToken: 'minutes' } },
        { kind: 'insert', path: ['CallbackURLs'], value: ['https://a.example.com/cb'] },
      ]),
      "new CfnUserPoolClient(this, 'C', {\n  userPoolId: pool.ref,\n  allowedOAuthFlows: ['code'],\n  allowedOAuthFlowsUserPoolClient: true,\n  tokenValidityUnits: {\n    accessToken: 'minutes',\n  },\n  callbackUrLs: ['https://a.example.com/cb'],\n});",
    );
  });

  it('a literal bound to a name used once is edited where it is written', () => {
    const text = "const params = {\n  UserPoolId: 'p',\n  ClientName: 'web',\n};\nawait cognito.createUserPoolClient(params).promise();\n";
    assert.equal(fixed(text, [{ kind: 'set', path: ['ClientName'], value: 'app' }]), text.replace("'web'", "'app'"));
    assert.equal(fixed(text, [{ kind: 'set', path: ['GenerateSecret'], value: false }]), "const params = {\n  UserPoolId: 'p',\n  ClientName: 'web',\n  GenerateSecret: false,\n};\nawait cognito.createUserPoolClient(params).promise();\n");
  });

  it('refused: values resolved from elsewhere, a shared literal, members a spread lends, additions a later spread overrides, dependencies', () => {
    const resolved = "const url = 'http://a.example.com/cb';\nx.createUserPoolClient({ UserPoolId: 'p', ClientName: 'w', CallbackURLs: [url] });";
    assert.equal(fixed(resolved, [{ kind: 'replaceItem', path: ['CallbackURLs'], index: 0, value: 'https://a.example.com/cb' }]), undefined);
    assert.equal(fixed(resolved, [{ kind: 'addItem', path: ['CallbackURLs'], value: 'https://b.example.com/cb' }]), undefined);
    // Removing the whole member that uses the name is fine: nothing is written where the name's value is.
    assert.equal(fixed(resolved, [{ kind: 'remove', path: ['CallbackURLs'] }]), "const url = 'http://a.example.com/cb';\nx.createUserPoolClient({ UserPoolId: 'p', ClientName: 'w' });");

    const shared = "const req = { UserPoolId: 'p', ClientName: 'w' };\nx.createUserPoolClient(req);\nlog(req);";
    assert.equal(fixed(shared, [{ kind: 'set', path: ['GenerateSecret'], value: false }]), undefined);

    const spread = "const createReq = { UserPoolId: 'p', ClientName: 'w', GenerateSecret: true };\nx.createUserPoolClient(createReq);\nx.updateUserPoolClient({ ...createReq, ClientId: id });";
    assert.equal(fixed(spread, [{ kind: 'remove', path: ['GenerateSecret'] }]), undefined, 'the member is written in the create request');
    assert.equal(
      fixed(spread, [{ kind: 'set', path: ['ClientName'], value: 'other' }]),
      "const createReq = { UserPoolId: 'p', ClientName: 'w', GenerateSecret: true };\nx.createUserPoolClient(createReq);\nx.updateUserPoolClient({ ...createReq, ClientId: id, ClientName: 'other' });",
      'a member written after the spread wins',
    );
    const spreadLast = 'x.updateUserPoolClient({ ClientId: id, ...rest });';
    assert.equal(fixed(spreadLast, [{ kind: 'set', path: ['EnableTokenRevocation'], value: true }]), undefined);
    assert.equal(fixed(multi, [{ kind: 'addDependency', target: 'Pool' }]), undefined);
    assert.equal(fixed('x.createUserPoolClient(makeParams());', [{ kind: 'set', path: ['ClientName'], value: 'a' }]), undefined);
  });

  it('the same in JavaScript and TSX files, with CRLF line breaks', () => {
    const crlf = multi.replace(/\n/g, '\r\n');
    for (const file of ['client.js', 'client.tsx', 'client.mjs']) {
      assert.equal(fixed(crlf, [{ kind: 'set', path: ['EnableTokenRevocation'], value: true }], file), crlf.replace("['code'],\r\n", "['code'],\r\n  EnableTokenRevocation: true,\r\n"));
    }
  });
});

// ---------------------------------------------------------------------------------------------

function findings(text: string, fileName = 'client.ts') {
  const analysis = analyse(sourceOf(text, fileName));
  assert.ok(analysis);
  return analysis.findings.map((f) => ({ rule: f.ruleId, at: text.slice(f.span.start, f.span.end), f }));
}

describe('JS/TS: rules through the real surface', () => {
  it('update-resets-omitted on a partial update, offering to add what it resets', () => {
    const text = "await cognito.updateUserPoolClient({ UserPoolId: 'p', ClientId: 'c', ExplicitAuthFlows: ['ADMIN_NO_SRP_AUTH'] }).promise();\n";
    const found = findings(text).filter((f) => f.rule === 'update-resets-omitted');
    assert.equal(found.length, 1);
    assert.equal(found[0].at, 'updateUserPoolClient');
    assert.match(found[0].f.message, /CallbackURLs/);
    // Each of its fixes applies.
    const { doc, model } = read(text);
    for (const fix of found[0].f.fixes ?? []) {
      const edits = editsForFix('sdk-javascript', doc, model, model.clients[0], fix);
      assert.ok(edits && edits.length > 0, fix.title);
    }
  });

  it('update-resets-omitted is silent on an update built by spreading', () => {
    const text = "const base = { UserPoolId: 'p', ClientName: 'w' };\nx.createUserPoolClient(base);\nx.updateUserPoolClient({ ...base, ClientId: 'c' });\n";
    assert.deepEqual(findings(text).filter((f) => f.rule === 'update-resets-omitted'), []);
  });

  it('create-only-in-update: GenerateSecret in an update; ClientSecret in a create is fine', () => {
    const update = findings("new UpdateUserPoolClientCommand({ UserPoolId: 'p', ClientId: 'c', GenerateSecret: true, ClientName: 'x' });");
    assert.deepEqual(update.filter((f) => f.rule === 'create-only-in-update').map((f) => f.at), ['GenerateSecret']);
    const create = findings("new CreateUserPoolClientCommand({ UserPoolId: 'p', ClientName: 'x', ClientSecret: secret });");
    assert.deepEqual(create.filter((f) => f.rule === 'create-only-in-update'), []);
  });

  it('quoted numbers and booleans are invalid-type in SDK calls, not in the CDK L1', () => {
    const sdk = findings("new CreateUserPoolClientCommand({ UserPoolId: 'p', ClientName: 'x', AccessTokenValidity: \"60\", EnableTokenRevocation: 'true' });");
    assert.deepEqual(sdk.filter((f) => f.rule === 'invalid-type').map((f) => f.at), ['"60"', "'true'"]);
    const fix = sdk.find((f) => f.rule === 'invalid-type')!.f.fixes![0];
    const text = "new CreateUserPoolClientCommand({ UserPoolId: 'p', ClientName: 'x', AccessTokenValidity: \"60\", EnableTokenRevocation: 'true' });";
    assert.equal(fixed(text, fix.changes), text.replace('"60"', '60'));
  });

  it('missing-required: ClientName on create, ClientId on update', () => {
    assert.deepEqual(findings("new CreateUserPoolClientCommand({ UserPoolId: 'p' });").filter((f) => f.rule === 'missing-required').length, 1);
    assert.deepEqual(findings("new UpdateUserPoolClientCommand({ UserPoolId: 'p' });").filter((f) => f.rule === 'missing-required').length, 1);
  });

  it('a finding on a value bound to a name is reported where the value is written', () => {
    const text = "const cb = 'http://app.example.com/cb';\nnew CreateUserPoolClientCommand({ UserPoolId: 'p', ClientName: 'x', AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid'], CallbackURLs: [cb] });";
    const insecure = findings(text).filter((f) => f.rule === 'redirect-uri-insecure');
    assert.deepEqual(insecure.map((f) => f.at), ["'http://app.example.com/cb'"]);
  });
});

describe('JS/TS and Python suppressions', () => {
  const text = [
    "const note = '// cognito-client-disable-next-line invalid-type';",
    'new CreateUserPoolClientCommand({',
    "  UserPoolId: 'p', ClientName: 'x',",
    '  // cognito-client-disable-next-line invalid-type -- the SDK wrapper converts it',
    '  AccessTokenValidity: "60",',
    "  IdTokenValidity: '60',",
    '});',
  ].join('\n');

  it('a next-line comment covers its next line only; a `//` inside a string is not a comment', () => {
    const analysis = analyse(sourceOf(text))!;
    assert.deepEqual(analysis.suppressed.map((f) => text.slice(f.span.start, f.span.end)), ['"60"']);
    assert.deepEqual(analysis.findings.filter((f) => f.ruleId === 'invalid-type').map((f) => text.slice(f.span.start, f.span.end)), ["'60'"]);
  });

  it('the file-wide directive', () => {
    const analysis = analyse(sourceOf('// cognito-client-disable invalid-type\n' + text))!;
    assert.deepEqual(analysis.findings.filter((f) => f.ruleId === 'invalid-type'), []);
  });

  it('the JS comment scanner skips strings, template literals, regular expressions and block comments', () => {
    const js = 'const a = "//x"; const b = `//${"//"}`; /* // */ const r = /\\/\\//g; // real\nconst c = 1 / 2; // second';
    assert.deepEqual(lineComments(js, 'javascript').map((c) => c.body), [' real', ' second']);
  });

  it('the Python scanner: `#` comments, not inside strings', () => {
    const py = "a = '# no'  # yes\nb = \"\"\"\n# no\n\"\"\"\n# cognito-client-disable-next-line invalid-type\nc = 1\n";
    assert.deepEqual(lineComments(py, 'python').map((c) => c.body), [' yes', ' cognito-client-disable-next-line invalid-type']);
    const s = codeSuppressions(py, 'python');
    assert.equal(s.length, 1);
    assert.equal(py.slice(s[0].scope.start, s[0].scope.end), 'c = 1');
  });
});

describe('JS/TS conditionals', () => {
  it('a rule fires in the case of a conditional that breaks it, and not when the condition is a call', () => {
    const text = (cond: string) => `new CreateUserPoolClientCommand({ UserPoolId: 'p', ClientName: 'x', EnableTokenRevocation: ${cond} ? true : false, PreventUserExistenceErrors: 'ENABLED' });`;
    assert.deepEqual(findings(text('isProd')).filter((f) => f.rule === 'token-revocation-disabled').map((f) => f.at), ['EnableTokenRevocation: isProd ? true : false']);
    assert.deepEqual(findings(text('isProd()')).filter((f) => f.rule === 'token-revocation-disabled'), []);
  });

  it('`undefined` on a branch leaves the property out in that case', () => {
    const text = "new CreateUserPoolClientCommand({ UserPoolId: 'p', ClientName: 'x', PreventUserExistenceErrors: strict ? 'ENABLED' : undefined });";
    assert.equal(findings(text).filter((f) => f.rule === 'user-existence-errors-legacy').length, 1);
  });
});
