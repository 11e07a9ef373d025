/**
 * The Python code surface: the reader (boto3 calls, `**params`, CDK L1 `CfnUserPoolClient` with
 * Property classes, values, UTF-16 offsets, half-typed code), the edit builder (every change kind,
 * applied and read again) and the cursor (completion with `|` as the caret).
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { CompletionList } from 'vscode-languageserver-types';
import { doComplete } from '../../server/src/features/completion';
import { doHover } from '../../server/src/features/hover';
import type { ClientDefinition, DocumentModel, LocatedValue, SemanticChange } from '../../server/src/model';
import { runRules } from '../../server/src/rules/engine';
import { analyse } from '../../server/src/service';
import { disableLineEdit } from '../../server/src/suppress';
import { parseDocument } from '../../server/src/surfaces';
import { applyEdits } from '../../server/src/surfaces/apply-edits';
import { editsForFix } from '../../server/src/surfaces/edits';
import { pythonCursor } from '../../server/src/surfaces/sdk/cursor-python';
import { decodePythonEscapes, readPython } from '../../server/src/surfaces/sdk/python';
import { loadGrammar } from '../../server/src/surfaces/tree-sitter';
import { applyCompletion, caretDocument } from '../support/caret';

before(async () => {
  assert.equal(await loadGrammar('python'), true, 'the Python grammar loads');
});

function read(text: string): DocumentModel {
  const parsed = parseDocument({ uri: 'file:///test/app.py', languageId: 'python', text });
  assert.ok(parsed, 'the Python surface reads .py files');
  assert.equal(parsed.surface.id, 'sdk-python');
  return parsed.model;
}

function only(model: DocumentModel): ClientDefinition {
  assert.equal(model.clients.length, 1, `one client: ${model.clients.map((c) => c.name).join(', ')}`);
  return model.clients[0];
}

/** A literal value as plain JSON (unknown values as `?reason`). */
function plain(v: LocatedValue | undefined): unknown {
  if (!v) return undefined;
  switch (v.kind) {
    case 'list':
      return v.items.map(plain);
    case 'object':
      return Object.fromEntries(v.members.map((m) => [m.canonical ?? m.name, plain(m.value)]));
    case 'unknown':
      return `?${v.reason}`;
    case 'null':
      return null;
    default:
      return v.value;
  }
}

function prop(def: ClientDefinition, name: string): unknown {
  return plain(def.properties.get(name)?.value);
}

function findings(text: string, rule?: string) {
  const model = read(text);
  const all = runRules(model);
  return { model, list: rule ? all.filter((f) => f.ruleId === rule) : all };
}

// ---------- reader ----------

describe('Python reader: boto3 calls', () => {
  const partialUpdate = [
    'import boto3',
    '',
    "cognito = boto3.client('cognito-idp')",
    '',
    'def lock_down(pool_id, client_id):',
    '    # café ✓ — non-ASCII above the call',
    '    cognito.update_user_pool_client(',
    '        UserPoolId=pool_id,',
    '        ClientId=client_id,',
    "        ExplicitAuthFlows=['ADMIN_NO_SRP_AUTH'],",
    '    )',
    '',
  ].join('\n');

  it('reads a partial update and names what it resets: callbacks, OAuth flows and scopes', () => {
    const { model, list } = findings(partialUpdate, 'update-resets-omitted');
    const def = only(model);
    assert.equal(def.surface, 'sdk');
    assert.equal(def.operation, 'update');
    assert.equal(def.spelling, 'api');
    assert.deepEqual(prop(def, 'ExplicitAuthFlows'), ['ADMIN_NO_SRP_AUTH']);
    assert.equal(list.length, 1);
    for (const name of ['CallbackURLs', 'AllowedOAuthFlows', 'AllowedOAuthScopes', 'LogoutURLs']) assert.ok(list[0].message.includes(name), `${name} in: ${list[0].message}`);
    assert.equal(partialUpdate.slice(list[0].span.start, list[0].span.end), 'update_user_pool_client');
    assert.ok((list[0].fixes ?? []).length > 0, 'offers to add what is left out');
  });

  it('keeps UTF-16 offsets below a non-ASCII line', () => {
    const def = only(read(partialUpdate));
    const flows = def.properties.get('ExplicitAuthFlows')!;
    assert.equal(partialUpdate.slice(flows.keySpan.start, flows.keySpan.end), 'ExplicitAuthFlows');
    assert.equal(partialUpdate.slice(flows.value.span.start, flows.value.span.end), "['ADMIN_NO_SRP_AUTH']");
    const emoji = '# 👩‍💻 café ✓\n' + partialUpdate;
    const again = only(read(emoji)).properties.get('ClientId')!;
    assert.equal(emoji.slice(again.keySpan.start, again.keySpan.end), 'ClientId');
  });

  it('recognises calls on any receiver, and create versus update', () => {
    const text = [
      'def f(idp, pool):',
      '    boto3.client("cognito-idp").create_user_pool_client(UserPoolId=pool, ClientName="a")',
      '    self.clients[0].update_user_pool_client(UserPoolId=pool, ClientId="x", ClientName="a")',
      '    create_user_pool_client(UserPoolId=pool)  # a local function, not boto3',
      'async def g(pool):',
      '    await aclient.create_user_pool_client(UserPoolId=pool, ClientName="b")',
      '',
    ].join('\n');
    const model = read(text);
    assert.deepEqual(model.clients.map((c) => c.operation), ['create', 'update', 'create']);
  });

  it('reads values: escapes, joined literals, numbers, booleans, None, tuples, dicts', () => {
    const text = [
      'client.create_user_pool_client(',
      '    UserPoolId="eu-west-1_Ab\\x43d",',
      "    ClientName='we' \"b\\u00e9\",",
      '    AccessTokenValidity=0x3C,',
      '    RefreshTokenValidity=1_0,',
      '    GenerateSecret=False,',
      '    EnableTokenRevocation=True,',
      '    DefaultRedirectURI=None,',
      '    AllowedOAuthFlows=("code",),',
      '    CallbackURLs=[r"https://a.example.com/\\d"],',
      '    TokenValidityUnits={"AccessToken": "minutes", "IdToken": \'hours\'},',
      '    AnalyticsConfiguration=dict(ApplicationId="abc", UserDataShared=True),',
      ')',
    ].join('\n');
    const def = only(read(text));
    assert.equal(prop(def, 'UserPoolId'), 'eu-west-1_AbCd');
    assert.equal(prop(def, 'ClientName'), 'webé');
    assert.equal(prop(def, 'AccessTokenValidity'), 60);
    assert.equal(prop(def, 'RefreshTokenValidity'), 10);
    assert.equal(prop(def, 'GenerateSecret'), false);
    assert.equal(prop(def, 'EnableTokenRevocation'), true);
    assert.equal(prop(def, 'DefaultRedirectURI'), null);
    assert.deepEqual(prop(def, 'AllowedOAuthFlows'), ['code']);
    assert.deepEqual(prop(def, 'CallbackURLs'), ['https://a.example.com/\\d']);
    assert.deepEqual(prop(def, 'TokenValidityUnits'), { AccessToken: 'minutes', IdToken: 'hours' });
    assert.deepEqual(prop(def, 'AnalyticsConfiguration'), { ApplicationId: 'abc', UserDataShared: true });
  });

  it('decodes Python escapes', () => {
    assert.equal(decodePythonEscapes('a\\n\\t\\\\\\\'\\"\\x41\\101\\u00e9\\U0001F600'), 'a\n\t\\\'"AAé😀');
    assert.equal(decodePythonEscapes('line\\\ncontinued'), 'linecontinued');
    assert.equal(decodePythonEscapes('\\N{BULLET}'), '\\N{BULLET}');
  });

  it('reads f-strings, unresolved names, os.environ, attributes and calls as Unknown', () => {
    const text = [
      'import os',
      'def f(pool, domain):',
      '    client.create_user_pool_client(',
      '        UserPoolId=pool,',
      '        ClientName=os.environ["NAME"],',
      '        CallbackURLs=[f"https://{domain}/cb", settings.URL, build_url()],',
      '        AccessTokenValidity=int("60"),',
      '    )',
    ].join('\n');
    const def = only(read(text));
    assert.equal(prop(def, 'UserPoolId'), '?pool');
    assert.equal(prop(def, 'ClientName'), '?os.environ["NAME"]');
    assert.deepEqual(prop(def, 'CallbackURLs'), ['?an f-string', '?settings.URL', '?a call (build_url(...))']);
    assert.match(String(prop(def, 'AccessTokenValidity')), /^\?a call/);
    // Rules stay silent on what they cannot know.
    assert.deepEqual(runRules(read(text)).filter((f) => f.ruleId === 'redirect-uri-invalid'), []);
  });

  it('resolves names bound once to literals in the same function or module, and marks them', () => {
    const text = [
      'CALLBACKS = ["http://app.example.com/cb"]',
      'FLOWS = ["code"]',
      'TWICE = ["code"]',
      'TWICE = ["implicit"]',
      'def f(pool, FLOWS):',
      '    units = {"AccessToken": "minutes"}',
      '    client.create_user_pool_client(',
      '        UserPoolId=pool, ClientName="a",',
      '        CallbackURLs=CALLBACKS, AllowedOAuthFlows=FLOWS, AllowedOAuthScopes=TWICE, TokenValidityUnits=units,',
      '    )',
    ].join('\n');
    const def = only(read(text));
    assert.deepEqual(prop(def, 'CallbackURLs'), ['http://app.example.com/cb']);
    assert.equal(def.properties.get('CallbackURLs')!.value.resolvedFrom, 'CALLBACKS');
    assert.equal(prop(def, 'AllowedOAuthFlows'), '?FLOWS', 'a parameter shadows the module constant');
    assert.equal(prop(def, 'AllowedOAuthScopes'), '?TWICE', 'bound twice: not followed');
    assert.deepEqual(prop(def, 'TokenValidityUnits'), { AccessToken: 'minutes' });
    // The finding on a resolved value has no fix: the literal is shared.
    const insecure = runRules(read(text)).find((f) => f.ruleId === 'redirect-uri-insecure');
    assert.ok(insecure, 'the resolved callback is checked');
    const model = read(text);
    for (const fix of insecure.fixes ?? []) assert.equal(editsForFix('sdk-python', { uri: 'file:///test/app.py', languageId: 'python', text }, model, model.clients[0], fix), undefined, fix.title);
  });

  it('reads a conditional expression as Unknown with both branches', () => {
    const text = 'client.create_user_pool_client(UserPoolId=p, ClientName="a", AllowedOAuthFlows=["implicit"] if legacy else ["code"], PreventUserExistenceErrors="enabled" if x else "ENABLED")\n';
    const flows = only(read(text)).properties.get('AllowedOAuthFlows')!.value;
    assert.equal(flows.kind, 'unknown');
    assert.deepEqual(flows.kind === 'unknown' && flows.alternatives?.map(plain), [['implicit'], ['code']]);
    assert.equal(runRules(read(text)).filter((f) => f.ruleId === 'invalid-enum-value').length, 1, 'each branch is checked');
  });
});

describe('Python reader: **params', () => {
  it('merges a dict literal bound in the same function with the explicit keywords', () => {
    const text = [
      'def f(pool):',
      '    params = {"ClientName": "web", "AllowedOAuthFlows": ["implicit"]}',
      '    client.create_user_pool_client(UserPoolId=pool, **params, GenerateSecret=False)',
    ].join('\n');
    const def = only(read(text));
    assert.equal(def.open, undefined);
    assert.deepEqual([...def.properties.keys()].sort(), ['AllowedOAuthFlows', 'ClientName', 'GenerateSecret', 'UserPoolId']);
    const flows = def.properties.get('AllowedOAuthFlows')!;
    assert.equal(text.slice(flows.keySpan.start, flows.keySpan.end), '"AllowedOAuthFlows"', 'located where the dict writes it');
    assert.ok(runRules(read(text)).some((f) => f.ruleId === 'implicit-flow-discouraged'));
  });

  it('merges a module-level dict(...) call, and a dict spreading a resolved dict', () => {
    const text = [
      'BASE = dict(ClientName="svc", GenerateSecret=True)',
      'FULL = {**BASE, "AllowedOAuthFlows": ["client_credentials"]}',
      'def f(pool):',
      '    client.create_user_pool_client(UserPoolId=pool, **FULL)',
    ].join('\n');
    const def = only(read(text));
    assert.equal(def.open, undefined);
    assert.equal(prop(def, 'GenerateSecret'), true);
    assert.deepEqual(prop(def, 'AllowedOAuthFlows'), ['client_credentials']);
  });

  it('leaves the call open for unresolved **kwargs: no missing-property conclusions, no update-resets-omitted', () => {
    const text = [
      'def update(pool, client_id, **kwargs):',
      '    client.update_user_pool_client(UserPoolId=pool, ClientId=client_id, **kwargs)',
      'def create(pool):',
      '    params = {"ClientName": "a"}',
      '    params["CallbackURLs"] = ["https://a.example.com"]',
      '    client.create_user_pool_client(UserPoolId=pool, **params)',
    ].join('\n');
    const { model, list } = findings(text);
    assert.equal(model.clients.length, 2);
    assert.equal(model.clients[0].open?.reason, '**kwargs');
    assert.match(model.clients[1].open?.reason ?? '', /changed after it is built/);
    assert.deepEqual(list.filter((f) => ['update-resets-omitted', 'missing-required', 'user-existence-errors-legacy'].includes(f.ruleId)).map((f) => f.ruleId), []);
  });
});

describe('Python reader: CDK L1 CfnUserPoolClient', () => {
  const stack = [
    'from aws_cdk import Stack, aws_cognito as cognito',
    '',
    'class AuthStack(Stack):',
    '    def __init__(self, scope, construct_id, **kwargs):',
    '        super().__init__(scope, construct_id, **kwargs)',
    '        # café ✓',
    '        pool = cognito.CfnUserPool(self, "Pool")',
    '        cognito.CfnUserPoolClient(',
    '            self,',
    '            "WebClient",',
    '            user_pool_id=pool.ref,',
    '            allowed_o_auth_flows=["code"],',
    '            allowed_o_auth_flows_user_pool_client=True,',
    '            allowed_o_auth_scopes=["openid", "email"],',
    '            callback_ur_ls=["https://app.example.com/cb"],',
    '            access_token_validity=60,',
    '            token_validity_units=cognito.CfnUserPoolClient.TokenValidityUnitsProperty(',
    '                access_token="hours",',
    '            ),',
    '            prevent_user_existence_errors="ENABLED",',
    '        )',
    '',
  ].join('\n');

  it('reads the construct with CloudFormation semantics, its id, snake_case keywords and Property classes', () => {
    const def = only(read(stack));
    assert.equal(def.surface, 'cloudformation');
    assert.equal(def.spelling, 'cdkPython');
    assert.equal(def.name, 'WebClient');
    assert.deepEqual(prop(def, 'CallbackURLs'), ['https://app.example.com/cb']);
    assert.deepEqual(prop(def, 'AllowedOAuthFlows'), ['code']);
    assert.deepEqual(prop(def, 'TokenValidityUnits'), { AccessToken: 'hours' });
    const units = def.properties.get('TokenValidityUnits')!;
    assert.equal(stack.slice(units.keySpan.start, units.keySpan.end), 'token_validity_units');
  });

  it('fires rules in the CDK spelling (60 hours is too long)', () => {
    const list = runRules(read(stack)).filter((f) => f.ruleId === 'token-validity-range');
    assert.equal(list.length, 1);
    assert.match(list[0].message, /access_token_validity/);
  });

  it('takes CfnUserPoolClient imported directly or through aws_cognito, and dicts for nested objects', () => {
    for (const callee of ['CfnUserPoolClient', 'aws_cognito.CfnUserPoolClient']) {
      const text = `${callee}(self, "C", user_pool_id=pool_id, token_validity_units={"access_token": "minutes"}, refresh_token_validity=0)\n`;
      const def = only(read(text));
      assert.equal(def.name, 'C');
      assert.deepEqual(prop(def, 'TokenValidityUnits'), { AccessToken: 'minutes' }, callee);
      assert.equal(runRules(read(text)).filter((f) => f.ruleId === 'refresh-token-validity-zero' && f.severity === 'error').length, 1);
    }
  });
});

describe('Python reader: half-typed code and bad input', () => {
  it('still yields the call of an unclosed argument list, with a problem', () => {
    const text = 'def f(pool):\n    client.create_user_pool_client(\n        UserPoolId=pool,\n        ClientName="a",\n        AllowedOAuthFlows=[\n';
    const model = read(text);
    const def = only(model);
    assert.equal(def.operation, 'create');
    assert.equal(prop(def, 'ClientName'), 'a');
    assert.ok(def.properties.has('AllowedOAuthFlows'), 'the keyword being typed is there');
    assert.ok(model.problems.length > 0);
  });

  it('ends an unclosed call where the code goes back to its indentation', () => {
    for (const text of [
      'def f():\n    client.create_user_pool_client(UserPoolId="p", ClientName="a"\n    x = 1\n    return x\n',
      'client.create_user_pool_client(UserPoolId="p", ClientName="a"\nx = 1\n',
      'def f():\n    client.create_user_pool_client(\n        UserPoolId="p",\n        ClientName="a",\n    count = 2\n',
    ]) {
      const { model, list } = findings(text);
      assert.deepEqual([...only(model).properties.keys()].sort(), ['ClientName', 'UserPoolId'], text);
      assert.deepEqual(list.filter((f) => f.ruleId === 'unknown-property'), [], text);
    }
  });

  it('reports syntax errors only where they touch a recognised call', () => {
    const text = 'x = (1,\nclient.create_user_pool_client(UserPoolId="p", ClientName="a")\n';
    const elsewhere = 'def broken(:\n    pass\n\nclient.create_user_pool_client(UserPoolId="p", ClientName="a")\n';
    assert.ok(read(text).clients.length <= 1);
    assert.deepEqual(read(elsewhere).problems, []);
    assert.equal(read(elsewhere).clients.length, 1);
  });

  it('never throws, and files without a call are not parsed', () => {
    for (const text of ['', '(((', 'client.create_user_pool_client(**', 'CfnUserPoolClient(self, ', '"""create_user_pool_client(', '\u0000\uffff create_user_pool_client(UserPoolId=']) {
      assert.doesNotThrow(() => readPython(text));
      assert.doesNotThrow(() => read(text));
    }
    assert.deepEqual(read('import boto3\nprint("hello")\n').clients, []);
  });
});

// ---------- edits ----------

function fixText(text: string, changes: SemanticChange[]): string | undefined {
  const doc = { uri: 'file:///test/app.py', languageId: 'python', text };
  const model = read(text);
  const edits = editsForFix('sdk-python', doc, model, model.clients[0], { title: 'test', changes });
  return edits ? applyEdits(text, edits) : undefined;
}

describe('Python edits: every change kind, applied and read again', () => {
  const multi = [
    'def f(pool):',
    '    client.create_user_pool_client(',
    '        UserPoolId=pool,',
    "        ClientName='web',",
    "        AllowedOAuthFlows=['implicit', 'code'],",
    '        TokenValidityUnits={"AccessToken": "Minutes"},',
    '        GenerateSecret="true",',
    '    )',
    '',
  ].join('\n');

  it('set: replaces a value, keeping the quote the call uses', () => {
    const after = fixText(multi, [{ kind: 'set', path: ['GenerateSecret'], value: true }, { kind: 'set', path: ['ClientName'], value: 'spa' }]);
    assert.equal(after, multi.replace('GenerateSecret="true"', 'GenerateSecret=True').replace("ClientName='web'", "ClientName='spa'"));
  });

  it('set / insert: adds a keyword on its own line with the trailing comma the call writes', () => {
    const after = fixText(multi, [{ kind: 'insert', path: ['PreventUserExistenceErrors'], value: 'ENABLED' }]);
    assert.equal(after, multi.replace('        GenerateSecret="true",\n', "        GenerateSecret=\"true\",\n        PreventUserExistenceErrors='ENABLED',\n"));
    const noTrailing = multi.replace('GenerateSecret="true",', 'GenerateSecret="true"');
    assert.equal(fixText(noTrailing, [{ kind: 'set', path: ['EnableTokenRevocation'], value: false }]), noTrailing.replace('GenerateSecret="true"\n', 'GenerateSecret="true",\n        EnableTokenRevocation=False\n'));
  });

  it('set: a nested member of a dict, and a new nested object as a dict in boto3', () => {
    assert.equal(fixText(multi, [{ kind: 'set', path: ['TokenValidityUnits', 'AccessToken'], value: 'minutes' }]), multi.replace('"Minutes"', '"minutes"'));
    assert.equal(fixText(multi, [{ kind: 'set', path: ['TokenValidityUnits', 'IdToken'], value: 'minutes' }]), multi.replace('"Minutes"}', '"Minutes", "IdToken": "minutes"}'));
    const after = fixText(multi, [{ kind: 'set', path: ['RefreshTokenRotation', 'Feature'], value: 'ENABLED' }]);
    assert.match(after ?? '', /\n        RefreshTokenRotation=\{'Feature': 'ENABLED'\},\n/);
  });

  it('remove: a keyword, the last one without a trailing comma, and on one line', () => {
    assert.equal(fixText(multi, [{ kind: 'remove', path: ['TokenValidityUnits'] }]), multi.replace('        TokenValidityUnits={"AccessToken": "Minutes"},\n', ''));
    const inline = 'client.create_user_pool_client(UserPoolId=p, ClientName="a", GenerateSecret=True)\n';
    assert.equal(fixText(inline, [{ kind: 'remove', path: ['GenerateSecret'] }]), 'client.create_user_pool_client(UserPoolId=p, ClientName="a")\n');
    assert.equal(fixText(inline, [{ kind: 'remove', path: ['ClientName'] }]), 'client.create_user_pool_client(UserPoolId=p, GenerateSecret=True)\n');
  });

  it('rename and renameKey: keywords and dict keys (keeping the key quotes); never onto a name in use', () => {
    assert.equal(fixText(multi, [{ kind: 'rename', path: ['TokenValidityUnits', 'AccessToken'], to: 'IdToken' }]), multi.replace('{"AccessToken"', '{"IdToken"'));
    const typo = multi.replace('GenerateSecret=', 'generateSecret=');
    const model = read(typo);
    const member = (model.clients[0].body as { members: { name: string; keySpan: { start: number; end: number } }[] }).members.find((m) => m.name === 'generateSecret')!;
    assert.equal(fixText(typo, [{ kind: 'renameKey', keySpan: member.keySpan, to: 'GenerateSecret' }]), multi);
    assert.equal(fixText(multi, [{ kind: 'rename', path: ['GenerateSecret'], to: 'ClientName' }]), undefined);
  });

  it('addItem, removeItem, replaceItem: list items in the list quote', () => {
    assert.equal(fixText(multi, [{ kind: 'addItem', path: ['AllowedOAuthFlows'], value: 'client_credentials' }]), multi.replace("'code']", "'code', 'client_credentials']"));
    assert.equal(fixText(multi, [{ kind: 'removeItem', path: ['AllowedOAuthFlows'], index: 0 }]), multi.replace("['implicit', 'code']", "['code']"));
    assert.equal(fixText(multi, [{ kind: 'replaceItem', path: ['AllowedOAuthFlows'], index: 0, value: 'code' }, { kind: 'removeItem', path: ['AllowedOAuthFlows'], index: 1 }]), multi.replace("['implicit', 'code']", "['code']"));
    assert.equal(fixText(multi, [{ kind: 'addItem', path: ['AllowedOAuthScopes'], value: 'openid' }]), multi.replace('        GenerateSecret="true",\n', "        GenerateSecret=\"true\",\n        AllowedOAuthScopes=['openid'],\n"));
  });

  it('removeKey: the earlier of a dict key written twice (duplicate-key)', () => {
    const text = 'client.create_user_pool_client(UserPoolId=p, ClientName="a", TokenValidityUnits={"AccessToken": "hours", "AccessToken": "minutes"})\n';
    const model = read(text);
    const finding = runRules(model).find((f) => f.ruleId === 'duplicate-key');
    assert.ok(finding?.fixes?.[0], 'duplicate-key fires with a fix');
    const edits = editsForFix('sdk-python', { uri: 'file:///test/app.py', languageId: 'python', text }, model, model.clients[0], finding.fixes[0]);
    assert.ok(edits);
    assert.equal(applyEdits(text, edits), text.replace('"AccessToken": "hours", ', ''));
  });

  it('a fix found in one case of a conditional edits that branch only', () => {
    const text = 'client.create_user_pool_client(UserPoolId=p, ClientName="a", AllowedOAuthFlows=["implicit", "code"] if dev else ["code"])\n';
    const model = read(text);
    const finding = runRules(model).find((f) => f.ruleId === 'implicit-flow-discouraged');
    assert.ok(finding, 'fires in the case where dev is true');
    assert.match(finding.message, /^When dev is true/);
    const fix = finding.fixes?.find((f) => f.changes.every((c) => c.kind === 'removeItem'));
    assert.ok(fix, finding.fixes?.map((f) => f.title).join('; '));
    const edits = editsForFix('sdk-python', { uri: 'file:///test/app.py', languageId: 'python', text }, model, model.clients[0], fix);
    assert.ok(edits);
    assert.equal(applyEdits(text, edits), text.replace('["implicit", "code"] if', '["code"] if'));
  });

  it('addDependency is refused: code has no DependsOn', () => {
    assert.equal(fixText(multi, [{ kind: 'addDependency', target: 'Pool' }]), undefined);
  });

  it('an empty call gets its arguments inline', () => {
    assert.equal(fixText('client.create_user_pool_client()\n', [{ kind: 'insert', path: ['ClientName'], value: '' }, { kind: 'insert', path: ['UserPoolId'], value: '' }]), 'client.create_user_pool_client(ClientName="", UserPoolId="")\n');
  });

  it('refuses changes to members of a **params dict written elsewhere, but adds new keywords to the call', () => {
    const text = 'PARAMS = {"ClientName": "a", "AllowedOAuthFlows": ["implicit"]}\nclient.create_user_pool_client(UserPoolId=p, **PARAMS)\n';
    assert.equal(fixText(text, [{ kind: 'removeItem', path: ['AllowedOAuthFlows'], index: 0 }]), undefined);
    assert.equal(fixText(text, [{ kind: 'set', path: ['ClientName'], value: 'b' }]), undefined);
    assert.equal(fixText(text, [{ kind: 'set', path: ['GenerateSecret'], value: false }]), text.replace('**PARAMS)', '**PARAMS, GenerateSecret=False)'));
  });

  it('CDK: snake_case keywords, members of a Property call, and new nested objects as Property calls', () => {
    const cdk = [
      'cognito.CfnUserPoolClient(',
      '    self,',
      '    "Web",',
      '    user_pool_id=pool.ref,',
      '    token_validity_units=cognito.CfnUserPoolClient.TokenValidityUnitsProperty(',
      '        access_token="Hours",',
      '    ),',
      ')',
      '',
    ].join('\n');
    assert.equal(fixText(cdk, [{ kind: 'set', path: ['TokenValidityUnits', 'AccessToken'], value: 'hours' }]), cdk.replace('"Hours"', '"hours"'));
    assert.equal(fixText(cdk, [{ kind: 'set', path: ['TokenValidityUnits', 'IdToken'], value: 'minutes' }]), cdk.replace('access_token="Hours",\n', 'access_token="Hours",\n        id_token="minutes",\n'));
    assert.equal(
      fixText(cdk, [{ kind: 'insert', path: ['RefreshTokenRotation'], value: { Feature: 'ENABLED', RetryGracePeriodSeconds: 10 } }, { kind: 'addItem', path: ['CallbackURLs'], value: 'https://a.example.com/cb' }]),
      cdk.replace('    ),\n)', '    ),\n    refresh_token_rotation=cognito.CfnUserPoolClient.RefreshTokenRotationProperty(feature="ENABLED", retry_grace_period_seconds=10),\n    callback_ur_ls=["https://a.example.com/cb"],\n)'),
    );
    assert.equal(fixText(cdk, [{ kind: 'remove', path: ['TokenValidityUnits', 'AccessToken'] }]), cdk.replace('(\n        access_token="Hours",\n    )', '()'));
  });

  it('every fix the rules offer on a busy call applies and reads again with its finding gone', () => {
    const text = [
      '# café ✓',
      'def f(pool):',
      '    client.create_user_pool_client(',
      '        UserPoolId=pool,',
      "        ClientName='web',",
      '        GenerateSecret="true",',
      '        AllowedOAuthFlows=["code", "implicit"],',
      "        AllowedOAuthScopes=['openid', 'email', 'openid'],",
      '        CallbackURLs=["http://app.example.com/cb"],',
      "        TokenValidityUnits={'AccessToken': 'Minutes'},",
      '        ExplicitAuthFlows=["USER_PASSWORD_AUTH"],',
      '        RefreshTokenValidity=0,',
      '        CallbackUrls=[],',
      '    )',
      '    client.update_user_pool_client(UserPoolId=pool, ClientId="x", GenerateSecret=True)',
      '',
    ].join('\n');
    const doc = { uri: 'file:///test/app.py', languageId: 'python', text };
    const model = read(text);
    const all = runRules(model);
    let applied = 0;
    const refused: string[] = [];
    for (const f of all) {
      const def = model.clients.find((c) => c.span.start <= f.span.start && f.span.end <= c.span.end)!;
      for (const fix of f.fixes ?? []) {
        const edits = editsForFix('sdk-python', doc, model, def, fix);
        if (!edits) {
          refused.push(`${f.ruleId}: ${fix.title}`);
          continue;
        }
        const after = applyEdits(text, edits);
        const again = read(after);
        assert.deepEqual(again.problems, [], `reads after "${fix.title}":\n${after}`);
        assert.equal(again.clients.length, 2);
        const before = all.filter((x) => x.ruleId === f.ruleId).length;
        const left = runRules(again).filter((x) => x.ruleId === f.ruleId);
        // update-resets-omitted reports once per call, naming fewer groups after each fix.
        assert.ok(left.length < before || !left.some((x) => x.message === f.message), `${f.ruleId} fires less after "${fix.title}":\n${after}`);
        applied++;
      }
    }
    assert.ok(applied >= 10, `applied ${applied}; refused: ${refused.join('; ')}`);
    // The one refusal: renaming CallbackUrls onto the CallbackURLs keyword already there would not compile.
    assert.deepEqual(refused, ['unknown-property: Rename to CallbackURLs']);
  });
});

// ---------- completion ----------

function complete(textWithCaret: string): { list: CompletionList; c: ReturnType<typeof caretDocument> } {
  const c = caretDocument(textWithCaret, 'app.py');
  return { list: doComplete(c.document, c.model, c.surfaceId, c.position), c };
}

function labels(list: CompletionList): string[] {
  return [...new Set(list.items.map((i) => i.label))];
}

function accept(textWithCaret: string, label: string): string {
  const { list, c } = complete(textWithCaret);
  // A value may come twice (plain, and with the change it implies): take the plain one.
  const item = list.items.find((i) => i.label === label && !i.additionalTextEdits?.length) ?? list.items.find((i) => i.label === label);
  assert.ok(item, `no ${label} among ${labels(list).join(', ')}`);
  return applyCompletion(c.document, item);
}

describe('Python completion', () => {
  const head = 'import boto3\n# café ✓\ndef f(pool):\n    client.create_user_pool_client(\n        UserPoolId=pool,\n';

  it('offers keyword names not yet written, as Name=value', () => {
    const { list } = complete(head + '        Allowed|\n    )\n');
    const names = labels(list);
    assert.ok(names.includes('AllowedOAuthFlows') && names.includes('ClientName'));
    assert.ok(!names.includes('UserPoolId'), 'already written');
    assert.ok(!names.includes('ClientId'), 'not an input of a create call');
    assert.equal(accept(head + '        Allowed|\n    )\n', 'AllowedOAuthFlowsUserPoolClient'), head + '        AllowedOAuthFlowsUserPoolClient=True\n    )\n');
    assert.equal(accept(head + '        |\n    )\n', 'AllowedOAuthFlows'), head + '        AllowedOAuthFlows=["code"]\n    )\n');
  });

  it('writes new strings in the quote the call uses', () => {
    assert.equal(accept("client.create_user_pool_client(UserPoolId='p', |)\n", 'AllowedOAuthFlows'), "client.create_user_pool_client(UserPoolId='p', AllowedOAuthFlows=['code'])\n");
    assert.equal(accept("client.create_user_pool_client(UserPoolId='p', PreventUserExistenceErrors=|)\n", 'ENABLED'), "client.create_user_pool_client(UserPoolId='p', PreventUserExistenceErrors='ENABLED')\n");
  });

  it('offers ClientId in an update and not GenerateSecret', () => {
    const names = labels(complete('client.update_user_pool_client(UserPoolId=p, |)\n').list);
    assert.ok(names.includes('ClientId'));
    assert.ok(!names.includes('GenerateSecret'));
  });

  it('adds the comma a new keyword needs before the next argument, and replaces only the name before =', () => {
    assert.equal(accept('client.create_user_pool_client(UserPoolId=p, Gen| ClientName="a")\n', 'GenerateSecret'), 'client.create_user_pool_client(UserPoolId=p, GenerateSecret=True, ClientName="a")\n');
    assert.equal(accept('client.create_user_pool_client(UserPoolId=p, Gen|="x")\n', 'GenerateSecret'), 'client.create_user_pool_client(UserPoolId=p, GenerateSecret="x")\n');
    assert.equal(accept('client.create_user_pool_client(\n    UserPoolId=p\n    Gen|\n)\n', 'GenerateSecret'), 'client.create_user_pool_client(\n    UserPoolId=p,\n    GenerateSecret=True\n)\n');
  });

  it('completes list items right after AllowedOAuthFlows=[" and after AllowedOAuthFlows=[, unclosed', () => {
    assert.deepEqual(labels(complete(head + '        AllowedOAuthFlows=["|\n    )\n').list).sort(), ['client_credentials', 'code', 'implicit']);
    assert.equal(accept(head + '        AllowedOAuthFlows=["|\n', 'code'), head + '        AllowedOAuthFlows=["code"\n');
    assert.equal(accept(head + '        AllowedOAuthFlows=[|\n    )\n', 'code'), head + '        AllowedOAuthFlows=["code"\n    )\n');
    assert.equal(accept(head + "        AllowedOAuthFlows=['code', 'im|'],\n    )\n", 'implicit'), head + "        AllowedOAuthFlows=['code', 'implicit'],\n    )\n");
    assert.ok(!labels(complete(head + "        AllowedOAuthFlows=['code', |],\n    )\n").list).includes('code'), 'items already listed are not offered');
  });

  it('completes values: True / False, enums in quotes', () => {
    assert.deepEqual(labels(complete(head + '        GenerateSecret=|\n    )\n').list), ['True', 'False']);
    assert.equal(accept(head + '        PreventUserExistenceErrors="EN|"\n    )\n', 'ENABLED'), head + '        PreventUserExistenceErrors="ENABLED"\n    )\n');
  });

  it('completes dict keys and values of nested objects in boto3', () => {
    assert.deepEqual(labels(complete(head + '        TokenValidityUnits={"|"},\n    )\n').list).sort(), ['AccessToken', 'IdToken', 'RefreshToken']);
    assert.ok(labels(complete(head + '        TokenValidityUnits={"AccessToken": "|"},\n    )\n').list).includes('minutes'));
  });

  it('CDK: snake_case keywords, Property-call keywords, and Property classes for new nested objects', () => {
    const cdk = 'cognito.CfnUserPoolClient(\n    self,\n    "Web",\n    user_pool_id=pool.ref,\n';
    const names = labels(complete(cdk + '    |\n)\n').list);
    assert.ok(names.includes('callback_ur_ls') && names.includes('allowed_o_auth_flows'));
    assert.ok(!names.includes('user_pool_id'));
    assert.equal(accept(cdk + '    token_v|\n)\n', 'token_validity_units'), cdk + '    token_validity_units=cognito.CfnUserPoolClient.TokenValidityUnitsProperty()\n)\n');
    assert.deepEqual(labels(complete(cdk + '    token_validity_units=cognito.CfnUserPoolClient.TokenValidityUnitsProperty(|),\n)\n').list).sort(), ['access_token', 'id_token', 'refresh_token']);
    assert.ok(labels(complete(cdk + '    allowed_o_auth_scopes=["|"],\n)\n').list).includes('openid'));
  });

  it('at every offset of half-typed files: an answer only inside the call, and the reader always reads', () => {
    for (const text of [
      'import boto3\nx = f"{y}"  # AllowedOAuthFlows=[\nclient.create_user_pool_client(\n    UserPoolId=p,\n    AllowedOAuthFlows=["co\n    TokenValidityUnits={"Acc\nprint("done")\n',
      "CfnUserPoolClient(self, 'Id', token_validity_units=CfnUserPoolClient.TokenValidityUnitsProperty(access_token='m\n",
    ]) {
      const model = read(text);
      const open = text.search(/(create_user_pool_client|CfnUserPoolClient)\(/);
      const start = text.indexOf('(', open);
      for (let offset = 0; offset <= text.length; offset++) {
        const ctx = pythonCursor({ uri: 'file:///test/app.py', languageId: 'python', text }, offset, model);
        if (offset <= start) assert.equal(ctx, undefined, `nothing before the call (offset ${offset})`);
        const cut = text.slice(0, offset);
        assert.doesNotThrow(() => read(cut));
      }
    }
  });

  it('answers only inside recognised calls', () => {
    for (const text of [
      'print(|)\n',
      'x = "create_user_pool_client(|"\n',
      'client.create_user_pool_client(UserPoolId=p)\nfoo(Gen|)\n',
      'cognito.CfnUserPoolClient(self, "We|", user_pool_id=p)\n',
      'client.create_user_pool_client(UserPoolId=p,  # Gen|\n)\n',
      'client.create_user_pool_client(UserPoolId=os.environ["|"])\n',
      'client.create_user_pool_client(CallbackURLs=[build(|)])\n',
    ]) {
      assert.deepEqual(complete(text).list.items, [], text);
    }
  });

  it('hovers on keywords and values', () => {
    const text = head + '        AllowedOAuthFlows=["code"],\n    )\n';
    const c = caretDocument(text + '|', 'app.py');
    const at = (needle: string) => c.document.positionAt(text.indexOf(needle) + 2);
    const key = doHover(c.document, c.model, at('AllowedOAuthFlows'));
    assert.ok(key && JSON.stringify(key.contents).includes('OAuth'));
    const value = doHover(c.document, c.model, at('"code"'));
    assert.ok(value);
  });
});

// ---------- suppressions (sdk/suppressions.ts, `#` comments) ----------

describe('Python suppressions', () => {
  const doc = (text: string) => ({ uri: 'file:///test/app.py', languageId: 'python', text });
  const text = [
    'NOTE = "# cognito-client-disable-next-line invalid-type"',
    'def f(pool):',
    '    client.create_user_pool_client(',
    '        UserPoolId=pool, ClientName="x",',
    '        # cognito-client-disable-next-line invalid-type -- our wrapper converts it',
    '        AccessTokenValidity="1",',
    "        IdTokenValidity='1',",
    '    )',
    '',
  ].join('\n');

  it('a next-line comment covers its next line only; a `#` inside a string is not a comment', () => {
    const analysis = analyse(doc(text))!;
    assert.deepEqual(analysis.suppressed.map((f) => text.slice(f.span.start, f.span.end)), ['"1"']);
    assert.deepEqual(analysis.findings.filter((f) => f.ruleId === 'invalid-type').map((f) => text.slice(f.span.start, f.span.end)), ["'1'"]);
  });

  it('the file-wide directive', () => {
    const analysis = analyse(doc('# cognito-client-disable invalid-type\n' + text))!;
    assert.deepEqual(analysis.findings.filter((f) => f.ruleId === 'invalid-type'), []);
  });

  it('"disable for this line" writes a # comment the next read honours, inside the call', () => {
    const plain = text.replace('        # cognito-client-disable-next-line invalid-type -- our wrapper converts it\n', '');
    const finding = analyse(doc(plain))!.findings.find((f) => f.ruleId === 'invalid-type' && plain.slice(f.span.start, f.span.end) === "'1'")!;
    const made = disableLineEdit(plain, finding.span.start, 'invalid-type', '#');
    assert.ok(made);
    const after = applyEdits(plain, [made]);
    assert.match(after, /\n {8}# cognito-client-disable-next-line invalid-type\n {8}IdTokenValidity='1',/);
    const again = analyse(doc(after))!;
    assert.deepEqual(again.findings.filter((f) => f.ruleId === 'invalid-type').map((f) => after.slice(f.span.start, f.span.end)), ['"1"']);
    assert.equal(read(after).clients.length, 1);
  });
});
