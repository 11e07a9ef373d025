/**
 * Completion and hover in JavaScript / TypeScript, with `|` for the caret: property names not yet
 * present (in the call's spelling), enum values inside string literals and list items (also while
 * the string or the array is still unclosed), nested objects; nothing outside a recognised call.
 * Each test applies the chosen item (snippet tab stops at their defaults) and checks the text.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-types';
import { doComplete } from '../../server/src/features/completion';
import { doHover } from '../../server/src/features/hover';
import { loadGrammar } from '../../server/src/surfaces/tree-sitter';
import { applyCompletion, caretDocument } from '../support/caret';

before(async () => {
  for (const g of ['typescript', 'javascript', 'tsx'] as const) assert.ok(await loadGrammar(g));
});

function complete(textWithCaret: string, fileName = 'client.ts'): { list: CompletionList; c: ReturnType<typeof caretDocument> } {
  const c = caretDocument(textWithCaret, fileName);
  assert.equal(c.surfaceId, 'sdk-javascript');
  return { list: doComplete(c.document, c.model, c.surfaceId, c.position), c };
}

function labels(list: CompletionList): string[] {
  return [...new Set(list.items.map((i) => i.label))];
}

function find(list: CompletionList, label: string): CompletionItem {
  const item = list.items.find((i) => i.label === label);
  assert.ok(item, `no item ${JSON.stringify(label)} among ${JSON.stringify(labels(list))}`);
  return item;
}

function accept(textWithCaret: string, label: string, fileName = 'client.ts'): string {
  const { list, c } = complete(textWithCaret, fileName);
  return applyCompletion(c.document, find(list, label));
}

describe('JS/TS completion: list items and values', () => {
  it('right after `AllowedOAuthFlows: ["` (unclosed string and array)', () => {
    const text = '// café ✓\nconst c = new CreateUserPoolClientCommand({\n  UserPoolId: "p",\n  AllowedOAuthFlows: ["|\n});\n';
    const { list } = complete(text);
    assert.deepEqual(labels(list), ['code', 'implicit', 'client_credentials']);
    assert.equal(accept(text, 'code'), '// café ✓\nconst c = new CreateUserPoolClientCommand({\n  UserPoolId: "p",\n  AllowedOAuthFlows: ["code"\n});\n');
  });

  it('after an unclosed `[` at the end of the text', () => {
    assert.equal(accept("x.createUserPoolClient({\n  AllowedOAuthFlows: [|", 'implicit'), "x.createUserPoolClient({\n  AllowedOAuthFlows: ['implicit'");
  });

  it('inside a closed string item: replaces it, keeping its quote; items present are not offered again', () => {
    const text = "new CreateUserPoolClientCommand({ UserPoolId: 'p', AllowedOAuthFlows: ['code', 'im|'] });";
    assert.deepEqual(labels(complete(text).list), ['implicit', 'client_credentials']);
    assert.equal(accept(text, 'implicit'), "new CreateUserPoolClientCommand({ UserPoolId: 'p', AllowedOAuthFlows: ['code', 'implicit'] });");
  });

  it('after an item with no comma yet: the comma is added', () => {
    assert.equal(accept("x.createUserPoolClient({ AllowedOAuthFlows: ['code' |] });", 'implicit'), "x.createUserPoolClient({ AllowedOAuthFlows: ['code', 'implicit'] });");
  });

  it('an enum value after the colon, written as a string literal', () => {
    assert.equal(
      accept("new UpdateUserPoolClientCommand({ UserPoolId: 'p', ClientId: 'c', PreventUserExistenceErrors:| });", 'ENABLED'),
      "new UpdateUserPoolClientCommand({ UserPoolId: 'p', ClientId: 'c', PreventUserExistenceErrors: 'ENABLED' });",
    );
    assert.equal(accept('x.createUserPoolClient({ PreventUserExistenceErrors: "LE|" });', 'LEGACY'), 'x.createUserPoolClient({ PreventUserExistenceErrors: "LEGACY" });');
  });

  it('nested objects: `TokenValidityUnits: { | }` offers its members, then their units', () => {
    const text = "new CreateUserPoolClientCommand({ UserPoolId: 'p', TokenValidityUnits: { | } });";
    assert.deepEqual(labels(complete(text).list), ['AccessToken', 'IdToken', 'RefreshToken']);
    assert.equal(accept(text, 'IdToken'), "new CreateUserPoolClientCommand({ UserPoolId: 'p', TokenValidityUnits: { IdToken: 'seconds' } });");
    assert.deepEqual(labels(complete("x.createUserPoolClient({ TokenValidityUnits: { AccessToken: '|' } });").list), ['seconds', 'minutes', 'hours', 'days']);
  });

  it('the CDK L1 construct: its camelCase names', () => {
    const text = "new cognito.CfnUserPoolClient(this, 'Web', {\n  userPoolId: pool.userPoolId,\n  allowedOAuthFlows: ['code'],\n  |\n});";
    const names = labels(complete(text).list);
    assert.ok(names.includes('callbackUrLs') && names.includes('allowedOAuthFlowsUserPoolClient'), names.join(' '));
    assert.ok(!names.includes('allowedOAuthFlows') && !names.includes('userPoolId'));
    assert.equal(accept(text, 'callbackUrLs'), "new cognito.CfnUserPoolClient(this, 'Web', {\n  userPoolId: pool.userPoolId,\n  allowedOAuthFlows: ['code'],\n  callbackUrLs: ['https://'],\n});");
  });
});

describe('JS/TS completion: property names', () => {
  it('on a new line of a multi-line object with trailing commas', () => {
    const text = "new CreateUserPoolClientCommand({\n  UserPoolId: 'p',\n  ClientName: 'x',\n  |\n});\n";
    const names = labels(complete(text).list);
    assert.ok(!names.includes('UserPoolId') && !names.includes('ClientName') && names.includes('GenerateSecret'));
    assert.equal(accept(text, 'PreventUserExistenceErrors'), "new CreateUserPoolClientCommand({\n  UserPoolId: 'p',\n  ClientName: 'x',\n  PreventUserExistenceErrors: 'ENABLED',\n});\n");
    assert.equal(
      accept(text, 'TokenValidityUnits'),
      "new CreateUserPoolClientCommand({\n  UserPoolId: 'p',\n  ClientName: 'x',\n  TokenValidityUnits: {\n    \n  },\n});\n",
    );
  });

  it('sort before the TypeScript server’s own items (its globals sort at 11 to 15)', () => {
    const { list } = complete("new CreateUserPoolClientCommand({\n  UserPoolId: 'p',\n  |\n});\n");
    assert.ok(list.items.length > 0);
    for (const item of list.items) assert.ok(item.sortText! < '11', `${item.label}: ${item.sortText}`);
  });

  it('a partial name; names after the caret count as present', () => {
    const text = "x.createUserPoolClient({ UserPoolId: 'p', Gen|, ClientName: 'x' });";
    const names = labels(complete(text).list);
    assert.ok(names.includes('GenerateSecret') && !names.includes('ClientName'));
    assert.equal(accept(text, 'GenerateSecret'), "x.createUserPoolClient({ UserPoolId: 'p', GenerateSecret: true, ClientName: 'x' });");
  });

  it('an update does not offer what only a create takes', () => {
    const names = labels(complete("new UpdateUserPoolClientCommand({ UserPoolId: 'p', ClientId: 'c', | });").list);
    assert.ok(!names.includes('GenerateSecret') && names.includes('ClientName'), names.join(' '));
  });

  it('after a value with no comma: the comma is added', () => {
    assert.equal(accept("x.createUserPoolClient({ UserPoolId: 'p' |});", 'ClientName'), "x.createUserPoolClient({ UserPoolId: 'p', ClientName: ''});");
  });

  it('in the literal an argument name is bound to', () => {
    const text = "const params: CreateUserPoolClientCommandInput = {\n  UserPoolId: 'p',\n  Allo|\n};\nawait client.send(new CreateUserPoolClientCommand(params));\n";
    assert.ok(labels(complete(text).list).includes('AllowedOAuthFlows'));
  });

  it('in a call too broken for the reader, from the callee before the caret', () => {
    const text = "function f() {\n  return cognito.createUserPoolClient({ UserPoolId: 'p', AllowedOAuthScopes: ['op|'\n";
    assert.ok(labels(complete(text, 'client.js').list).includes('openid'));
  });
});

describe('JS/TS completion: nowhere else', () => {
  for (const [name, text] of [
    ['another object literal', 'const x = { | };\nnew CreateUserPoolClientCommand({ UserPoolId: "p" });'],
    ['after the call', 'new CreateUserPoolClientCommand({ UserPoolId: "p" });\nconst y = [|];'],
    ['the scope argument of the construct', "new CfnUserPoolClient(th|is, 'X', { userPoolId: p });"],
    ['an enum constant being typed', "x.createUserPoolClient({ ExplicitAuthFlows: [ExplicitAuthFlowsType.|] });"],
    ['inside a comment', "x.createUserPoolClient({ // Allo|\n UserPoolId: 'p' });"],
    ['a value written by a function call', "x.createUserPoolClient({ CallbackURLs: urls(|) });"],
    ['inside a template literal', 'x.createUserPoolClient({ ClientName: `a|` });'],
  ] as const) {
    it(name, () => assert.deepEqual(complete(text).list.items, []));
  }
});

describe('JS/TS hover', () => {
  it('on a key and on an enum value, in the call’s spelling', () => {
    const c = caretDocument("// café ✓\nnew CreateUserPoolClientCommand({ UserPoolId: 'p', AllowedOAuth|Flows: ['code'] });", 'client.ts');
    const hover = doHover(c.document, c.model, c.position);
    assert.ok(hover && typeof hover.contents === 'object' && 'value' in hover.contents);
    assert.match(hover.contents.value, /AllowedOAuthFlows/);
    const cdk = caretDocument("new CfnUserPoolClient(this, 'X', { callbackUr|Ls: ['https://a.example.com/'] });", 'stack.ts');
    const cdkHover = doHover(cdk.document, cdk.model, cdk.position);
    assert.ok(cdkHover && typeof cdkHover.contents === 'object' && 'value' in cdkHover.contents);
    assert.match(cdkHover.contents.value, /callbackUrLs/);
  });
});
