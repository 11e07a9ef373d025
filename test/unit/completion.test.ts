/**
 * Completion in CloudFormation YAML and JSON templates, with `|` for the caret: each test applies
 * the chosen item's edits (snippet tab stops at their defaults) and checks the resulting text.
 * Covers property names (block, flow, JSON, nested, not offering present ones), values (booleans,
 * enums, units), list items (enums, attributes, scopes, identity providers), whole-client snippets
 * (each checked to draw no finding from any rule), and broken or unrelated documents.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-types';
import { doComplete } from '../../server/src/features/completion';
import { DocumentCache } from '../../server/src/features/document-cache';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { doHover } from '../../server/src/features/hover';
import { clientArchetypes, isMarker, type SnippetValue } from '../../server/src/features/snippets';
import { propertySchema, schema, vocabulary } from '../../server/src/schema';
import { analyse } from '../../server/src/service';
import { cursorFor } from '../../server/src/surfaces/cursor';
import { applyCompletion, caretDocument, expandSnippet } from '../support/caret';
import { corpusFiles } from '../support/corpus';

/** The completion list at the caret; every label in it is offered once. */
function complete(textWithCaret: string, fileName = 'template.yaml'): { list: CompletionList; c: ReturnType<typeof caretDocument> } {
  const c = caretDocument(textWithCaret, fileName);
  const list = doComplete(c.document, c.model, c.surfaceId, c.position);
  const seen = list.items.map((i) => i.label);
  assert.deepEqual(seen, [...new Set(seen)], 'a label offered twice');
  return { list, c };
}

/** The labels offered, in the order of the list. */
function labels(list: CompletionList): string[] {
  return list.items.map((i) => i.label);
}

/** The labels in the order an editor shows them (by `sortText`). */
function ranked(list: CompletionList): string[] {
  return [...list.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((i) => i.label);
}

function find(list: CompletionList, label: string): CompletionItem {
  const item = list.items.find((i) => i.label === label);
  assert.ok(item, `no item ${JSON.stringify(label)} among ${JSON.stringify(labels(list))}`);
  return item;
}

/** The text after accepting the item with `label`. */
function accept(textWithCaret: string, label: string, fileName = 'template.yaml'): string {
  const { list, c } = complete(textWithCaret, fileName);
  return applyCompletion(c.document, find(list, label));
}

/** A YAML template with a user pool and a client whose properties continue after this text. */
function yaml(extraResources = ''): string {
  return (
    "AWSTemplateFormatVersion: '2010-09-09'\n# café ✓ — non-ASCII above the client\nResources:\n  UserPool:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      UserPoolName: pool\n" +
    extraResources +
    '  Client:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: !Ref UserPool\n'
  );
}

/** A JSON template whose client properties continue after this text (close with `jsonEnd`). */
function json(extraResources = ''): string {
  return (
    '{\n  "Description": "café ✓",\n  "Resources": {\n    "UserPool": { "Type": "AWS::Cognito::UserPool", "Properties": { "UserPoolName": "pool" } },\n' +
    extraResources +
    '    "Client": {\n      "Type": "AWS::Cognito::UserPoolClient",\n      "Properties": {\n        "UserPoolId": { "Ref": "UserPool" },\n'
  );
}
const jsonEnd = '\n      }\n    }\n  }\n}\n';

const RESOURCE_SERVER_YAML =
  '  Orders:\n    Type: AWS::Cognito::UserPoolResourceServer\n    Properties:\n      UserPoolId: !Ref UserPool\n      Identifier: orders\n      Name: Orders\n      Scopes:\n        - ScopeName: read\n          ScopeDescription: Read\n        - ScopeName: write\n          ScopeDescription: Write\n';
const IDP_YAML = '  Corp:\n    Type: AWS::Cognito::UserPoolIdentityProvider\n    Properties:\n      UserPoolId: !Ref UserPool\n      ProviderName: CorpSaml\n      ProviderType: SAML\n';
const RESOURCE_SERVER_JSON =
  '    "Orders": { "Type": "AWS::Cognito::UserPoolResourceServer", "Properties": { "UserPoolId": { "Ref": "UserPool" }, "Identifier": "orders", "Name": "Orders", "Scopes": [{ "ScopeName": "read", "ScopeDescription": "Read" }] } },\n';
const IDP_JSON = '    "Corp": { "Type": "AWS::Cognito::UserPoolIdentityProvider", "Properties": { "UserPoolId": { "Ref": "UserPool" }, "ProviderName": "CorpSaml", "ProviderType": "SAML" } },\n';

describe('completion: property names (YAML block)', () => {
  it('completes a half-typed key without a colon, with a list snippet indented under it', () => {
    const text = accept(yaml() + '      Cal|\n', 'CallbackURLs');
    assert.equal(text, yaml() + '      CallbackURLs:\n        - https://\n');
  });

  it('offers properties not yet present, spelled for CloudFormation, required first, no read-only ones', () => {
    const { list } = complete(yaml() + '      ClientName: web\n      |\n      GenerateSecret: true\n');
    const names = labels(list);
    assert.ok(!names.includes('UserPoolId') && !names.includes('ClientName') && !names.includes('GenerateSecret'), names.join());
    for (const n of ['CallbackURLs', 'AllowedOAuthFlows', 'TokenValidityUnits', 'PreventUserExistenceErrors']) assert.ok(names.includes(n), n);
    for (const n of ['ClientId', 'ClientSecret', 'CreationDate', 'Region']) assert.ok(!names.includes(n), `${n} is not input in CloudFormation`);
    const item = find(list, 'AllowedOAuthFlows');
    assert.equal(item.kind, 10 /* Property */);
    assert.equal(item.detail, propertySchema(['AllowedOAuthFlows'])!.title);
    assert.ok(typeof item.documentation === 'object' && item.documentation.kind === 'markdown' && item.documentation.value.includes('client_credentials'));
    assert.ok(item.sortText);
    // Every text edit replaces only the partial word on the caret's line.
    for (const i of list.items) assert.ok(i.textEdit && 'range' in i.textEdit && i.textEdit.range.start.line === i.textEdit.range.end.line);
  });

  it('puts the required property first', () => {
    const { list } = complete('Resources:\n  Client:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      |\n');
    const sorted = [...list.items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    assert.equal(sorted[0].label, 'UserPoolId');
    const text = applyCompletion(caretDocument('Resources:\n  Client:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      |\n').document, sorted[0]);
    assert.equal(text, 'Resources:\n  Client:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: !Ref UserPool\n');
  });

  it('writes value snippets by type: boolean, enum, integer, object', () => {
    assert.equal(accept(yaml() + '      Gen|\n', 'GenerateSecret'), yaml() + '      GenerateSecret: true\n');
    assert.equal(accept(yaml() + '      Prev|\n', 'PreventUserExistenceErrors'), yaml() + '      PreventUserExistenceErrors: ENABLED\n');
    assert.equal(accept(yaml() + '      Auth|\n', 'AuthSessionValidity'), yaml() + '      AuthSessionValidity: 3\n');
    assert.equal(accept(yaml() + '      Tok|\n', 'TokenValidityUnits'), yaml() + '      TokenValidityUnits:\n        \n');
    const { list } = complete(yaml() + '      |\n');
    const flows = find(list, 'ExplicitAuthFlows');
    assert.ok(flows.textEdit && 'newText' in flows.textEdit);
    assert.match(flows.textEdit.newText, /^ExplicitAuthFlows:\n {8}- \$\{1\|ALLOW_USER_SRP_AUTH,ALLOW_REFRESH_TOKEN_AUTH,/);
    assert.doesNotMatch(flows.textEdit.newText, /ADMIN_NO_SRP_AUTH/, 'no deprecated value in the snippet');
  });

  it('replaces only the name when the key already has a value', () => {
    assert.equal(accept(yaml() + '      Callback|Urls:\n        - https://a.example.com\n', 'CallbackURLs'), yaml() + '      CallbackURLs:\n        - https://a.example.com\n');
  });

  it('completes nested keys, without the ones present', () => {
    const { list } = complete(yaml() + '      TokenValidityUnits:\n        AccessToken: minutes\n        |\n');
    assert.deepEqual(labels(list).sort(), ['IdToken', 'RefreshToken']);
    assert.equal(
      accept(yaml() + '      TokenValidityUnits:\n        AccessToken: minutes\n        Ref|\n', 'RefreshToken'),
      yaml() + '      TokenValidityUnits:\n        AccessToken: minutes\n        RefreshToken: seconds\n',
    );
    assert.deepEqual(labels(complete(yaml() + '      RefreshTokenRotation:\n        |\n').list).sort(), ['Feature', 'RetryGracePeriodSeconds']);
  });

  it('follows the document indentation unit', () => {
    const four = 'Resources:\n    Client:\n        Type: AWS::Cognito::UserPoolClient\n        Properties:\n            UserPoolId: x_y\n            Log|\n';
    assert.equal(accept(four, 'LogoutURLs'), four.replace('Log|', 'LogoutURLs:\n                - https://'));
  });
});

describe('completion: property names (YAML flow)', () => {
  it('completes a key inside a flow mapping', () => {
    assert.equal(
      accept(yaml() + '      TokenValidityUnits: {AccessToken: minutes, |}\n', 'IdToken'),
      yaml() + '      TokenValidityUnits: {AccessToken: minutes, IdToken: seconds}\n',
    );
    assert.deepEqual(labels(complete(yaml() + '      TokenValidityUnits: {AccessToken: minutes, |}\n').list).sort(), ['IdToken', 'RefreshToken']);
  });

  it('writes lists and objects inline in a flow properties object', () => {
    const head = 'Resources:\n  Client:\n    Type: AWS::Cognito::UserPoolClient\n    Properties: {UserPoolId: x_y, ';
    assert.equal(accept(head + 'Call|}\n', 'CallbackURLs'), head + 'CallbackURLs: [https://]}\n');
    assert.equal(accept(head + 'Tok|}\n', 'TokenValidityUnits'), head + 'TokenValidityUnits: {}}\n');
    assert.ok(!labels(complete(head + '|}\n').list).includes('UserPoolId'));
  });

  it('adds the separator after a bare comma', () => {
    const head = 'Resources:\n  Client:\n    Type: AWS::Cognito::UserPoolClient\n    Properties: {UserPoolId: x_y,';
    assert.equal(accept(head + '|}\n', 'GenerateSecret'), head + ' GenerateSecret: true}\n');
  });
});

describe('completion: property names (JSON)', () => {
  it('completes a key on an empty line, with a JSON value snippet', () => {
    assert.equal(accept(json() + '        |' + jsonEnd, 'CallbackURLs', 't.json'), json() + '        "CallbackURLs": ["https://"]' + jsonEnd);
    assert.equal(accept(json() + '        |' + jsonEnd, 'GenerateSecret', 't.json'), json() + '        "GenerateSecret": true' + jsonEnd);
    assert.equal(accept(json() + '        |' + jsonEnd, 'PreventUserExistenceErrors', 't.json'), json() + '        "PreventUserExistenceErrors": "ENABLED"' + jsonEnd);
  });

  it('completes inside an open quote, adding a comma before the next member', () => {
    assert.equal(
      accept(json() + '        "Tok|\n        "ClientName": "web"' + jsonEnd, 'TokenValidityUnits', 't.json'),
      json() + '        "TokenValidityUnits": {\n          \n        },\n        "ClientName": "web"' + jsonEnd,
    );
  });

  it('inserts the comma missing after the previous member', () => {
    const head = json().replace(/,\n$/, '\n');
    assert.equal(accept(head + '        "Gen|"' + jsonEnd, 'GenerateSecret', 't.json'), json() + '        "GenerateSecret": true' + jsonEnd);
  });

  it('replaces only the key text when the quoted key has a value', () => {
    assert.equal(accept(json() + '        "Callback|Urls": []' + jsonEnd, 'CallbackURLs', 't.json'), json() + '        "CallbackURLs": []' + jsonEnd);
    const { list } = complete(json() + '        "Callback|Urls": []' + jsonEnd, 't.json');
    assert.equal(find(list, 'CallbackURLs').filterText, '"CallbackURLs"');
  });

  it('completes an unquoted word at a key position', () => {
    assert.equal(accept(json() + '        Log|' + jsonEnd, 'LogoutURLs', 't.json'), json() + '        "LogoutURLs": ["https://"]' + jsonEnd);
  });

  it('does not offer present keys, and completes nested objects inline', () => {
    const names = labels(complete(json() + '        "ClientName": "x",\n        |' + jsonEnd, 't.json').list);
    assert.ok(!names.includes('UserPoolId') && !names.includes('ClientName'));
    assert.equal(
      accept(json() + '        "TokenValidityUnits": {"AccessToken": "minutes", |}' + jsonEnd, 'IdToken', 't.json'),
      json() + '        "TokenValidityUnits": {"AccessToken": "minutes", "IdToken": "seconds"}' + jsonEnd,
    );
  });
});

describe('completion: document variants', () => {
  it('CRLF line breaks are kept in multi-line insertions', () => {
    const text = yaml().replace(/\n/g, '\r\n') + '      Call|\r\n';
    assert.equal(accept(text, 'CallbackURLs'), yaml().replace(/\n/g, '\r\n') + '      CallbackURLs:\r\n        - https://\r\n');
  });

  it('Serverless Framework resources (resources.Resources)', () => {
    const head = 'service: app\nresources:\n  Resources:\n    Client:\n      Type: AWS::Cognito::UserPoolClient\n      Properties:\n        UserPoolId: x_y\n';
    assert.equal(accept(head + '        Allowed|\n', 'AllowedOAuthFlows'), head + '        AllowedOAuthFlows:\n          - code\n');
  });

  it('JSON indented with tabs', () => {
    const head = '{\n\t"Resources": {\n\t\t"C": {\n\t\t\t"Type": "AWS::Cognito::UserPoolClient",\n\t\t\t"Properties": {\n';
    const end = '\n\t\t\t}\n\t\t}\n\t}\n}\n';
    assert.equal(accept(head + '\t\t\t\t|' + end, 'TokenValidityUnits', 't.json'), head + '\t\t\t\t"TokenValidityUnits": {\n\t\t\t\t\t\n\t\t\t\t}' + end);
  });

  it('a document starting with a byte order mark completes everywhere (YAML, JSON, YAML in .template)', () => {
    const BOM = '\uFEFF';
    // Keys, values and items, on the first line and further down.
    assert.equal(accept(BOM + yaml() + '      Gen|\n', 'GenerateSecret'), BOM + yaml() + '      GenerateSecret: true\n');
    assert.equal(accept(BOM + yaml() + '      GenerateSecret: |\n', 'true'), BOM + yaml() + '      GenerateSecret: true\n');
    assert.equal(accept(BOM + yaml() + '      AllowedOAuthFlows: [|]\n', 'code'), BOM + yaml() + '      AllowedOAuthFlows: [code]\n');
    assert.equal(accept(BOM + yaml() + '      AllowedOAuthFlows:\n        - |\n', 'code'), BOM + yaml() + '      AllowedOAuthFlows:\n        - code\n');
    const flat = 'Resources:\n  Client:\n    Type: AWS::Cognito::UserPoolClient\n    Properties: {UserPoolId: x_y, |}\n';
    assert.ok(labels(complete(BOM + flat).list).includes('CallbackURLs'));
    assert.ok(labels(complete(BOM + 'Resources:\n  |\n').list).some((l) => l.startsWith('Cognito app client')), 'a new resource');
    assert.deepEqual(labels(complete(`${BOM}|Resources:\n`).list), [], 'before the mark: nothing, and no crash');
    assert.equal(accept(BOM + json() + '        "Gen|' + jsonEnd, 'GenerateSecret', 't.json'), BOM + json() + '        "GenerateSecret": true' + jsonEnd);
    assert.equal(accept(BOM + yaml() + '      Gen|\n', 'GenerateSecret', 'stack.template'), BOM + yaml() + '      GenerateSecret: true\n');
  });

  it('a YAML .template file read by the JSON surface is completed as YAML', () => {
    const c = caretDocument(yaml() + '      Gen|\n', 'stack.template');
    assert.equal(c.surfaceId, 'cloudformation-json');
    const list = doComplete(c.document, c.model, c.surfaceId, c.position);
    assert.equal(applyCompletion(c.document, find(list, 'GenerateSecret')), yaml() + '      GenerateSecret: true\n');
  });

  it('the client is found even when the model could not read it', () => {
    const text = 'Resources:\n  Client:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: x_y\n      Cal|\n';
    const c = caretDocument(text);
    const model = { ...c.model, clients: [], context: { ...c.model.context, resources: new Map<string, string>() } };
    const list = doComplete(c.document, model, c.surfaceId, c.position);
    assert.ok(labels(list).includes('CallbackURLs'));
    assert.ok(!labels(list).includes('UserPoolId'), 'present keys come from the text too');
    const json = '{"Resources": {"C": {"Type": "AWS::Cognito::UserPoolClient", "Properties": {"UserPoolId": "x_y", |}}}}';
    const j = caretDocument(json, 't.json');
    const jsonList = doComplete(j.document, { ...j.model, clients: [], context: { ...j.model.context, resources: new Map<string, string>() } }, j.surfaceId, j.position);
    assert.ok(labels(jsonList).includes('CallbackURLs') && !labels(jsonList).includes('UserPoolId'));
    const bucket = caretDocument(text.replace('AWS::Cognito::UserPoolClient', 'AWS::S3::Bucket'));
    assert.deepEqual(labels(doComplete(bucket.document, { ...bucket.model, clients: [] }, bucket.surfaceId, bucket.position)), []);
  });
});

describe('completion: values', () => {
  it('booleans after the colon, with or without the space', () => {
    const { list } = complete(yaml() + '      EnableTokenRevocation: |\n');
    assert.deepEqual(labels(list), ['true', 'false']);
    assert.equal(accept(yaml() + '      EnableTokenRevocation:|\n', 'false'), yaml() + '      EnableTokenRevocation: false\n');
    assert.equal(accept(json() + '        "GenerateSecret": t|' + jsonEnd, 'true', 't.json'), json() + '        "GenerateSecret": true' + jsonEnd);
    assert.equal(accept(json() + '        "GenerateSecret":|' + jsonEnd, 'true', 't.json'), json() + '        "GenerateSecret": true' + jsonEnd);
  });

  it('enum values in scalars, keeping the quotes written', () => {
    assert.equal(accept(yaml() + '      PreventUserExistenceErrors: E|\n', 'ENABLED'), yaml() + '      PreventUserExistenceErrors: ENABLED\n');
    assert.equal(accept(yaml() + "      PreventUserExistenceErrors: 'E|'\n", 'ENABLED'), yaml() + "      PreventUserExistenceErrors: 'ENABLED'\n");
    assert.equal(accept(yaml() + '      PreventUserExistenceErrors:\n        L|\n', 'LEGACY'), yaml() + '      PreventUserExistenceErrors:\n        LEGACY\n');
    assert.equal(
      accept(json() + '        "PreventUserExistenceErrors": "|"' + jsonEnd, 'ENABLED', 't.json'),
      json() + '        "PreventUserExistenceErrors": "ENABLED"' + jsonEnd,
    );
    const item = find(complete(yaml() + '      PreventUserExistenceErrors: |\n').list, 'LEGACY');
    assert.equal(item.kind, 20 /* EnumMember */);
    assert.ok(typeof item.documentation === 'object' && /UserNotFoundException/.test(item.documentation.value));
  });

  it('token validity units', () => {
    assert.deepEqual(labels(complete(yaml() + '      TokenValidityUnits:\n        AccessToken: |\n').list), ['seconds', 'minutes', 'hours', 'days']);
    assert.equal(
      accept(yaml() + '      TokenValidityUnits: {AccessToken: m|}\n', 'minutes'),
      yaml() + '      TokenValidityUnits: {AccessToken: minutes}\n',
    );
    assert.equal(
      accept(json() + '        "TokenValidityUnits": { "RefreshToken": "|" }' + jsonEnd, 'days', 't.json'),
      json() + '        "TokenValidityUnits": { "RefreshToken": "days" }' + jsonEnd,
    );
  });

  it('the user pools of the file for UserPoolId', () => {
    const head = 'Resources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n  Client:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: ';
    assert.equal(accept(head + '|\n', '!Ref Pool'), head + '!Ref Pool\n');
  });

  it('nothing after a key whose value is already there', () => {
    assert.deepEqual(labels(complete(yaml() + '      AllowedOAuthFlows:|\n        - code\n').list), []);
    assert.deepEqual(labels(complete(yaml() + '      AllowedOAuthFlows: |\n      - code\n').list), []);
    assert.deepEqual(labels(complete(json() + '        "AllowedOAuthFlows":| ["code"]' + jsonEnd, 't.json').list), []);
    assert.equal(
      accept(json() + '        "GenerateSecret": |\n        "ClientName": "x"' + jsonEnd, 'false', 't.json'),
      json() + '        "GenerateSecret": false,\n        "ClientName": "x"' + jsonEnd,
    );
  });

  it('a list property written as a scalar gets a one-item list', () => {
    assert.equal(accept(yaml() + '      AllowedOAuthFlows: |\n', 'code'), yaml() + '      AllowedOAuthFlows: [code]\n');
  });

  it("the resource's type", () => {
    const head = 'Resources:\n  NewClient:\n    Type: ';
    assert.equal(accept(head + 'AWS::Cog|\n', 'AWS::Cognito::UserPoolClient'), head + 'AWS::Cognito::UserPoolClient\n');
    assert.equal(
      accept('{"Resources": {"C": {"Type": "|"}}}', 'AWS::Cognito::UserPoolClient', 't.json'),
      '{"Resources": {"C": {"Type": "AWS::Cognito::UserPoolClient"}}}',
    );
  });
});

describe('completion: list items', () => {
  it('enum values in block items, without those present, deprecated ones last and tagged', () => {
    const text = yaml() + '      ExplicitAuthFlows:\n        - ALLOW_USER_SRP_AUTH\n        - |\n';
    const { list } = complete(text);
    assert.ok(!labels(list).includes('ALLOW_USER_SRP_AUTH'));
    const legacy = find(list, 'ADMIN_NO_SRP_AUTH');
    assert.deepEqual(legacy.tags, [1]);
    const sorted = [...list.items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    assert.equal(sorted[sorted.length - 1].tags?.[0], 1);
    assert.equal(accept(text, 'ALLOW_REFRESH_TOKEN_AUTH'), text.replace('|', 'ALLOW_REFRESH_TOKEN_AUTH'));
  });

  it('adds the dash on an empty line under a list key', () => {
    assert.equal(accept(yaml() + '      AllowedOAuthFlows:\n        |\n', 'code'), yaml() + '      AllowedOAuthFlows:\n        - code\n');
  });

  it('items at the same indentation as their key', () => {
    const text = yaml() + '      AllowedOAuthFlows:\n      - code\n      - |\n';
    assert.deepEqual(labels(complete(text).list), ['implicit', 'client_credentials']);
  });

  it('flow list items, adding the separator', () => {
    assert.equal(accept(yaml() + '      AllowedOAuthFlows: [code, |]\n', 'implicit'), yaml() + '      AllowedOAuthFlows: [code, implicit]\n');
    assert.equal(accept(yaml() + '      AllowedOAuthFlows: [code,|]\n', 'implicit'), yaml() + '      AllowedOAuthFlows: [code, implicit]\n');
    assert.equal(accept(yaml() + '      AllowedOAuthFlows: [|code]\n', 'implicit'), yaml() + '      AllowedOAuthFlows: [implicit, code]\n');
    assert.deepEqual(labels(complete(yaml() + '      AllowedOAuthFlows: [code, |\n').list), ['implicit', 'client_credentials'], 'an unclosed bracket');
  });

  it('JSON items, with quotes and commas', () => {
    assert.equal(accept(json() + '        "AllowedOAuthFlows": ["code", |]' + jsonEnd, 'implicit', 't.json'), json() + '        "AllowedOAuthFlows": ["code", "implicit"]' + jsonEnd);
    assert.equal(accept(json() + '        "AllowedOAuthFlows": ["code" "|"]' + jsonEnd, 'implicit', 't.json'), json() + '        "AllowedOAuthFlows": ["code", "implicit"]' + jsonEnd);
    assert.equal(accept(json() + '        "AllowedOAuthFlows": [| "code"]' + jsonEnd, 'implicit', 't.json'), json() + '        "AllowedOAuthFlows": ["implicit", "code"]' + jsonEnd);
    assert.deepEqual(labels(complete(json() + '        "AllowedOAuthFlows": ["code", "|' + jsonEnd, 't.json').list), ['implicit', 'client_credentials']);
  });

  it('standard attribute names plus the custom attributes of the user pool', () => {
    const pool = 'Resources:\n  UserPool:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      Schema:\n        - Name: tenant\n          AttributeDataType: String\n  Client:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: !Ref UserPool\n';
    const { list } = complete(pool + '      ReadAttributes:\n        - email\n        - |\n');
    const names = labels(list);
    for (const a of vocabulary('standardAttributes').map((e) => e.value).filter((v) => v !== 'email')) assert.ok(names.includes(a), a);
    assert.ok(!names.includes('email'));
    assert.ok(names.includes('custom:tenant'));
    assert.equal(accept(pool + '      WriteAttributes: [given_|]\n', 'given_name'), pool + '      WriteAttributes: [given_name]\n');
  });

  it('scopes: standard ones plus the custom scopes of resource servers in the file', () => {
    const names = labels(complete(yaml(RESOURCE_SERVER_YAML) + '      AllowedOAuthScopes:\n        - openid\n        - |\n').list);
    assert.deepEqual(names, ['email', 'phone', 'profile', 'aws.cognito.signin.user.admin', 'orders/read', 'orders/write']);
    assert.equal(
      accept(yaml(RESOURCE_SERVER_YAML) + '      AllowedOAuthScopes: [orders/r|]\n', 'orders/read'),
      yaml(RESOURCE_SERVER_YAML) + '      AllowedOAuthScopes: [orders/read]\n',
    );
    assert.equal(
      accept(json(RESOURCE_SERVER_JSON) + '        "AllowedOAuthScopes": ["|"]' + jsonEnd, 'orders/read', 't.json'),
      json(RESOURCE_SERVER_JSON) + '        "AllowedOAuthScopes": ["orders/read"]' + jsonEnd,
    );
  });

  it('scopes of a client_credentials client: custom scopes only', () => {
    const names = labels(complete(yaml(RESOURCE_SERVER_YAML) + '      AllowedOAuthFlows: [client_credentials]\n      AllowedOAuthScopes: [|]\n').list);
    assert.deepEqual(names, ['orders/read', 'orders/write']);
  });

  it('identity providers: built-in names plus providers declared in the file', () => {
    const names = labels(complete(yaml(IDP_YAML) + '      SupportedIdentityProviders: [COGNITO, |]\n').list);
    assert.deepEqual(names, ['Facebook', 'Google', 'SignInWithApple', 'LoginWithAmazon', 'CorpSaml']);
    assert.equal(
      accept(json(IDP_JSON) + '        "SupportedIdentityProviders": ["COGNITO", "C|"]' + jsonEnd, 'CorpSaml', 't.json'),
      json(IDP_JSON) + '        "SupportedIdentityProviders": ["COGNITO", "CorpSaml"]' + jsonEnd,
    );
  });
});

/** Snippet values that are literal strings, for checking against the schema. */
function literalsOf(v: SnippetValue): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(literalsOf);
  if (typeof v !== 'object' || isMarker(v)) return [];
  return Object.values(v).flatMap(literalsOf);
}

describe('completion: whole-client snippets', () => {
  const yamlTemplate = (extra = '') => "AWSTemplateFormatVersion: '2010-09-09'\n# café ✓\nResources:\n  UserPool:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      UserPoolName: pool\n" + extra;
  const jsonTemplate = (extra = '') => '{\n  "Resources": {\n    "UserPool": {\n      "Type": "AWS::Cognito::UserPool",\n      "Properties": { "UserPoolName": "pool" }\n    },\n' + extra;

  const cases: { name: string; text: string; file: string }[] = [
    { name: 'YAML', text: yamlTemplate() + '  |\n', file: 't.yaml' },
    { name: 'YAML with a resource server and an identity provider', text: yamlTemplate(RESOURCE_SERVER_YAML + IDP_YAML) + '  |\n', file: 't.yaml' },
    { name: 'YAML, between resources', text: yamlTemplate() + '  |\n  Bucket:\n    Type: AWS::S3::Bucket\n', file: 't.yaml' },
    { name: 'YAML flow mapping', text: 'Resources: {UserPool: {Type: AWS::Cognito::UserPool}, |}\n', file: 't.yaml' },
    { name: 'JSON', text: jsonTemplate() + '    |\n  }\n}\n', file: 't.json' },
    { name: 'JSON on one line', text: '{"Resources": {"UserPool": {"Type": "AWS::Cognito::UserPool"}, |}}', file: 't.json' },
    { name: 'JSON with a resource server', text: jsonTemplate(RESOURCE_SERVER_JSON) + '    |\n  }\n}\n', file: 't.json' },
    { name: 'JSON, after a resource missing its comma', text: jsonTemplate().replace(/,\n$/, '\n') + '    "My|"\n  }\n}\n', file: 't.json' },
    { name: 'JSON, before another resource', text: jsonTemplate() + '    |\n    "Bucket": { "Type": "AWS::S3::Bucket" }\n  }\n}\n', file: 't.json' },
  ];

  for (const c of cases) {
    it(`each archetype is a valid, secure client that draws no finding (${c.name})`, () => {
      const { list, c: doc } = complete(c.text, c.file);
      assert.equal(list.items.length, 4, labels(list).join());
      assert.equal(list.isIncomplete, true);
      const before = analyse({ uri: 'file:///test/' + c.file, languageId: doc.document.languageId, text: doc.document.getText() })!;
      for (const item of list.items) {
        assert.equal(item.kind, 15 /* Snippet */);
        assert.equal(item.insertTextMode, 1 /* asIs */);
        const text = applyCompletion(doc.document, item);
        const analysis = analyse({ uri: 'file:///test/' + c.file, languageId: doc.document.languageId, text });
        assert.ok(analysis, 'the template is read');
        assert.equal(analysis.model.clients.length, before.model.clients.length + 1, `${item.label} adds a client:\n${text}`);
        assert.deepEqual(
          analysis.findings.map((f) => `${f.ruleId}: ${f.message}`),
          [],
          `${item.label} draws no finding:\n${text}`,
        );
        assert.deepEqual(analysis.model.problems, [], `${item.label} parses cleanly:\n${text}`);
      }
    });
  }

  it('archetypes: SPA public code flow, web app with secret, M2M client credentials with a custom scope, native with a custom scheme', () => {
    const { list, c } = complete(yamlTemplate(RESOURCE_SERVER_YAML) + '  |\n');
    const clientOf = (label: string) => {
      const text = applyCompletion(c.document, find(list, label));
      const model = analyse({ uri: 'file:///t.yaml', languageId: 'yaml', text })!.model;
      return model.clients[model.clients.length - 1];
    };
    const value = (def: ReturnType<typeof clientOf>, name: string) => {
      const v = def.properties.get(name)?.value;
      if (!v) return undefined;
      if (v.kind === 'list') return v.items.map((i) => (i.kind === 'string' ? i.value : i.kind));
      return 'value' in v ? v.value : v.kind;
    };
    const spa = clientOf('Cognito app client: single-page app');
    assert.equal(spa.name, 'SpaClient');
    assert.equal(value(spa, 'GenerateSecret'), false);
    assert.deepEqual(value(spa, 'AllowedOAuthFlows'), ['code']);
    assert.deepEqual(value(spa, 'AllowedOAuthScopes'), ['openid', 'email']);
    assert.deepEqual(value(spa, 'ExplicitAuthFlows'), ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);
    assert.deepEqual(value(spa, 'SupportedIdentityProviders'), ['COGNITO']);
    assert.equal(value(spa, 'PreventUserExistenceErrors'), 'ENABLED');
    assert.equal(value(spa, 'EnableTokenRevocation'), true);
    assert.equal(value(spa, 'AllowedOAuthFlowsUserPoolClient'), true);
    assert.match(String(value(spa, 'CallbackURLs')), /^https:\/\//);
    assert.equal(spa.properties.get('UserPoolId')?.value.kind === 'unknown' && spa.properties.get('UserPoolId')?.value.kind, 'unknown');

    const web = clientOf('Cognito app client: server-side web app');
    assert.equal(value(web, 'GenerateSecret'), true);
    assert.deepEqual(value(web, 'AllowedOAuthFlows'), ['code']);

    const m2m = clientOf('Cognito app client: machine-to-machine');
    assert.equal(value(m2m, 'GenerateSecret'), true);
    assert.deepEqual(value(m2m, 'AllowedOAuthFlows'), ['client_credentials']);
    assert.deepEqual(value(m2m, 'AllowedOAuthScopes'), ['orders/read']);
    assert.deepEqual(m2m.dependsOn, ['Orders']);

    const native = clientOf('Cognito app client: native app');
    assert.equal(value(native, 'GenerateSecret'), false);
    assert.deepEqual(value(native, 'CallbackURLs'), ['myapp://callback']);
  });

  it('the M2M scope placeholder is a valid identifier/scope when the file declares no resource server', () => {
    const { list } = complete(yamlTemplate() + '  |\n');
    const item = find(list, 'Cognito app client: machine-to-machine');
    assert.ok(item.textEdit && 'newText' in item.textEdit);
    assert.match(item.textEdit.newText, /- \$\{\d+:api\}\/\$\{\d+:read\}/);
  });

  it('points UserPoolId at the user pool of the file, and picks a free logical id', () => {
    const text = "Resources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n  SpaClient:\n    Type: AWS::S3::Bucket\n  |\n";
    const { list, c } = complete(text);
    const item = find(list, 'Cognito app client: single-page app');
    assert.ok(item.textEdit && 'newText' in item.textEdit);
    assert.match(item.textEdit.newText, /^\$\{1:SpaClient2\}:\n {4}Type: AWS::Cognito::UserPoolClient\n {4}Properties:\n {6}UserPoolId: !Ref \$\{2:Pool\}\n/);
    assert.match(applyCompletion(c.document, item), /\n {2}SpaClient2:\n/);
  });

  it('uses a typed logical id', () => {
    const { list, c } = complete(yamlTemplate() + '  MyApp|\n');
    const item = find(list, 'Cognito app client: native app');
    assert.match(applyCompletion(c.document, item), /\n {2}MyApp:\n {4}Type: AWS::Cognito::UserPoolClient\n/);
    assert.ok(item.filterText?.startsWith('MyApp'), 'the typed word filters the item in');
  });

  it('shows a preview of the resource in the documentation', () => {
    const item = complete(jsonTemplate() + '    |\n  }\n}\n', 't.json').list.items[0];
    assert.ok(typeof item.documentation === 'object');
    assert.match(item.documentation.value, /```json\n"SpaClient": \{\n {2}"Type": "AWS::Cognito::UserPoolClient",/);
  });

  it('archetype data uses canonical names and allowed values only', () => {
    for (const a of clientArchetypes({ resourceServer: { address: 'Api', identifier: 'api', scopes: ['read'] } })) {
      for (const [name, value] of Object.entries(a.properties)) {
        const prop = propertySchema([name]);
        assert.ok(prop, `${a.id}: ${name} is a property`);
        const values = prop.enum ?? prop.items?.enum;
        if (values) for (const v of literalsOf(value)) assert.ok(values.some((e) => e.value === v && !e.deprecated), `${a.id}: ${name} ${v}`);
        if (name === 'TokenValidityUnits') {
          for (const [member, unit] of Object.entries(value as Record<string, string>)) {
            assert.ok(propertySchema([name, member])?.enum?.some((e) => e.value === unit), `${a.id}: ${member} ${unit}`);
          }
        }
        if (prop.items?.suggestions === 'standardScopes') {
          const standard = vocabulary('standardScopes').map((e) => e.value);
          for (const v of literalsOf(value)) assert.ok(standard.includes(v), `${a.id}: scope ${v}`);
        }
      }
    }
    assert.equal(schema.resource.cloudformationType, 'AWS::Cognito::UserPoolClient');
  });
});

describe('completion: nothing to offer, and no crash', () => {
  it('outside any client: another resource, the template top level, resource attributes, comments', () => {
    const empty = (text: string, file = 't.yaml') => assert.deepEqual(labels(complete(text, file).list), [], text);
    empty(yaml().replace('      UserPoolName: pool\n', '      UserPoolName: pool\n      |\n'));
    empty(yaml() + '|\n');
    empty(yaml() + '    |\n');
    empty(yaml() + '      # Cal|\n');
    empty(yaml() + '      ClientName: web # Cal|\n');
    empty(yaml() + '      Description: |\n        Cal|\n'.replace('Description: |', 'Description: >'));
    empty(yaml() + '      UserPoolId: !Ref Us|\n');
    empty('{"Resources": {"Bucket": {"Type": "AWS::S3::Bucket", "Properties": {|}}}}', 't.json');
    empty('{"Parameters": {|}}', 't.json');
    empty(json() + '        // Cal|' + jsonEnd, 't.json');
    empty('|');
    empty('|', 't.json');
  });

  it('an unknown surface gives nothing', () => {
    const c = caretDocument(yaml() + '      |\n');
    assert.deepEqual(doComplete(c.document, c.model, 'terraform-hcl', c.position).items, []);
    assert.equal(cursorFor('no-such-surface'), undefined);
  });

  it('still completes when the template around is broken', () => {
    const broken = yaml() + '      AllowedOAuthFlows: [code\n      ExplicitAuthFlows: {\n      Cal|\n';
    assert.ok(labels(complete(broken).list).includes('CallbackURLs'));
    const brokenJson = json() + '        "ExplicitAuthFlows": ["ALLOW_USER_SRP_AUTH",\n        "Cal|' + jsonEnd;
    assert.doesNotThrow(() => complete(brokenJson, 't.json'));
  });

  it('never throws at any position of half-typed documents', () => {
    const documents: [string, string][] = [
      [yaml() + '      Cal\n      - \n      AllowedOAuthFlows: [code, \n      TokenValidityUnits: {AccessToken: \n      "quoted\n', 't.yaml'],
      [json() + '        "Cal\n        "AllowedOAuthFlows": ["code" "imp\n        "TokenValidityUnits": {"AccessToken": ' + jsonEnd.slice(0, 8), 't.json'],
      [yaml(RESOURCE_SERVER_YAML + IDP_YAML) + '      SupportedIdentityProviders: [\n        - \n', 't.yaml'],
    ];
    for (const [text, file] of documents) {
      const c = caretDocument('\u0000' + text, file, '\u0000');
      for (let offset = 0; offset <= text.length; offset++) {
        const position = c.document.positionAt(offset);
        assert.doesNotThrow(() => doComplete(c.document, c.model, c.surfaceId, position), `${file} at ${offset}`);
        assert.doesNotThrow(() => doHover(c.document, c.model, position), `${file} at ${offset}`);
      }
      // Every prefix of the document, as it is being typed.
      for (let end = 0; end <= text.length; end += 7) {
        const p = caretDocument(text.slice(0, end) + '\u0000', file, '\u0000');
        assert.doesNotThrow(() => doComplete(p.document, p.model, p.surfaceId, p.position), `${file} cut at ${end}`);
      }
    }
  });

  it('never throws on real templates (corpus), and finds property completions there', (t) => {
    let tried = 0;
    let offered = 0;
    for (const section of ['cloudformation-yaml', 'cloudformation-json']) {
      const { files, skip } = corpusFiles(section);
      if (skip) return t.skip(skip);
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        const c = caretDocument('\u0000' + text, file.replace(/^.*\//, ''), '\u0000');
        const step = Math.max(1, Math.floor(text.length / 80));
        for (let offset = 0; offset <= text.length; offset += step) {
          const position = c.document.positionAt(offset);
          const list = doComplete(c.document, c.model, c.surfaceId, position);
          doHover(c.document, c.model, position);
          tried++;
          if (list.items.length) offered++;
          for (const item of list.items) {
            assert.ok(item.textEdit && 'range' in item.textEdit, `${file} at ${offset}: ${item.label}`);
            assert.doesNotThrow(() => expandSnippet((item.textEdit as { newText: string }).newText), `${file} at ${offset}: ${item.label}`);
          }
        }
      }
    }
    assert.ok(tried > 1500, `tried ${tried} positions`);
    assert.ok(offered > 50, `offered completions at ${offered} positions`);
  });
});

describe('completion: values that imply another change', () => {
  const yamlClient = yaml() + '      AllowedOAuthFlowsUserPoolClient: true\n      AllowedOAuthScopes: [orders/read]\n      AllowedOAuthFlows:\n        - |\n      PreventUserExistenceErrors: ENABLED\n';

  it('offers client_credentials once, also setting GenerateSecret, and says so', () => {
    const { list, c } = complete(yamlClient);
    const item = find(list, 'client_credentials');
    assert.match(item.labelDetails?.description ?? '', /^Also: Set GenerateSecret to true/);
    assert.ok(typeof item.documentation === 'object' && /Also: Set GenerateSecret to true/.test(item.documentation.value));
    const text = applyCompletion(c.document, item);
    assert.match(text, /- client_credentials\n/);
    assert.match(text, /GenerateSecret: true/);
    const after = analyse({ uri: 'file:///t.yaml', languageId: 'yaml', text })!;
    assert.deepEqual(after.findings.filter((f) => f.severity === 'error').map((f) => f.ruleId), []);
  });

  it('offers no extra edit where nothing is implied', () => {
    const item = find(complete(yamlClient).list, 'code');
    assert.equal(item.additionalTextEdits, undefined);
    assert.equal(item.labelDetails, undefined);
  });
});

describe('completion: values ranked by what the rules say of the client with them', () => {
  const analysed = (text: string, fileName: string) => analyse({ uri: `file:///t/${fileName}`, languageId: fileName.endsWith('.json') ? 'json' : 'yaml', text })!.findings;
  /** The rule ids of error findings a completion adds to the document. */
  function errorsAdded(textWithCaret: string, label: string, fileName = 'template.yaml'): string[] {
    const { list, c } = complete(textWithCaret, fileName);
    const before = analysed(c.document.getText(), fileName).filter((f) => f.severity === 'error').map((f) => f.ruleId);
    return analysed(applyCompletion(c.document, find(list, label)), fileName)
      .filter((f) => f.severity === 'error' && !before.includes(f.ruleId))
      .map((f) => f.ruleId);
  }

  it('client_credentials inside [code, |]: once, last, with the reason (YAML flow and JSON)', () => {
    const head = yaml() + '      AllowedOAuthFlowsUserPoolClient: true\n      CallbackURLs: [https://app.example.com/cb]\n      AllowedOAuthScopes: [openid]\n';
    const jsonHead = json() + '        "AllowedOAuthFlowsUserPoolClient": true,\n        "CallbackURLs": ["https://app.example.com/cb"],\n        "AllowedOAuthScopes": ["openid"],\n';
    for (const [text, file] of [
      [head + '      AllowedOAuthFlows: [code, |]\n', 't.yaml'],
      [head + '      AllowedOAuthFlows:\n        - code\n        - |\n', 't.yaml'],
      [jsonHead + '        "AllowedOAuthFlows": ["code", |]' + jsonEnd, 't.json'],
    ] as const) {
      const { list } = complete(text, file);
      assert.deepEqual(ranked(list), ['implicit', 'client_credentials'], file);
      const item = find(list, 'client_credentials');
      assert.match(item.labelDetails?.description ?? '', /^invalid here: AllowedOAuthFlows combines client_credentials with code/);
      assert.ok(typeof item.documentation === 'object' && item.documentation.value.includes('client-credentials-exclusive'));
      assert.equal(item.additionalTextEdits, undefined, 'a conflicting value comes without the changes it would imply');
      assert.match(find(list, 'implicit').labelDetails?.description ?? '', /^discouraged: /);
      // The reason is what the linter then says.
      assert.ok(errorsAdded(text, 'client_credentials', file).includes('client-credentials-exclusive'));
      assert.deepEqual(errorsAdded(text, 'implicit', file), []);
    }
  });

  it('legacy auth flow names in a list of ALLOW_* names: last, with the reason; what makes the client valid first', () => {
    const text = yaml() + '      ExplicitAuthFlows: [ALLOW_USER_SRP_AUTH, |]\n';
    const { list } = complete(text);
    const order = ranked(list);
    // ALLOW_REFRESH_TOKEN_AUTH answers auth-flows-missing-refresh: the one value that makes the client valid.
    assert.equal(order[0], 'ALLOW_REFRESH_TOKEN_AUTH');
    const legacy = ['ADMIN_NO_SRP_AUTH', 'CUSTOM_AUTH_FLOW_ONLY', 'USER_PASSWORD_AUTH'];
    assert.deepEqual(order.slice(-3), legacy);
    for (const name of legacy) {
      assert.match(find(list, name).labelDetails?.description ?? '', new RegExp(`^invalid here: ${name} is a legacy auth flow name and cannot be combined with ALLOW_\\* names`));
      assert.ok(errorsAdded(text, name).includes('auth-flows-mixed-legacy'), name);
    }
    assert.match(find(list, 'ALLOW_CLIENT_TOKEN_AUTH').labelDetails?.description ?? '', /^invalid here: ALLOW_CLIENT_TOKEN_AUTH must be the only value/);
    // Everything offered before the first annotated value adds no error.
    for (const label of order.slice(0, order.findIndex((l) => find(list, l).labelDetails))) assert.deepEqual(errorsAdded(text, label), [], label);
    // Alone, a legacy name is no conflict with other names, only discouraged.
    assert.match(find(complete(yaml() + '      ExplicitAuthFlows:\n        - |\n').list, 'ADMIN_NO_SRP_AUTH').labelDetails?.description ?? '', /^discouraged: /);
  });

  it('scalar values too: GenerateSecret false on a client_credentials client', () => {
    const text = yaml() + '      AllowedOAuthFlows: [client_credentials]\n      GenerateSecret: |\n';
    const { list } = complete(text);
    assert.deepEqual(ranked(list), ['true', 'false']);
    assert.match(find(list, 'false').labelDetails?.description ?? '', /^invalid here: client_credentials in AllowedOAuthFlows needs a client secret/);
    assert.equal(find(list, 'true').labelDetails, undefined);
  });

  it('the partial word being replaced is not counted as already there', () => {
    const { list } = complete(yaml() + '      AllowedOAuthFlows: [implicit, cod|]\n');
    assert.equal(find(list, 'code').labelDetails, undefined, 'no duplicate-value against itself');
    assert.equal(ranked(list)[0], 'code');
  });

  it('never offers a label twice, nor a value already in the list', () => {
    const twice = RESOURCE_SERVER_YAML + RESOURCE_SERVER_YAML.replace('  Orders:', '  OrdersCopy:');
    assert.deepEqual(labels(complete(yaml(twice) + '      AllowedOAuthScopes: [openid, |]\n').list), ['email', 'phone', 'profile', 'aws.cognito.signin.user.admin', 'orders/read', 'orders/write']);
    for (const [text, file] of [
      [yaml() + '      AllowedOAuthFlows:\n        - |\n        - code\n', 't.yaml'],
      [yaml() + '      AllowedOAuthFlows: [|, code]\n', 't.yaml'],
      [yaml() + '      AllowedOAuthFlows: ["code", |]\n', 't.yaml'],
      [yaml() + "      AllowedOAuthFlows: ['code', |\n", 't.yaml'],
      [json() + '        "AllowedOAuthFlows": [|, "code"]' + jsonEnd, 't.json'],
      [json() + '        "AllowedOAuthFlows": ["code" |' + jsonEnd, 't.json'],
    ] as const) {
      assert.deepEqual(labels(complete(text, file).list).sort(), ['client_credentials', 'implicit'], text.slice(-60));
    }
  });
});

describe('completion: ranking in a template of many clients (what the per-version caches must not change)', () => {
  /** Four clients whose `AllowedOAuthFlows` lists rank the same candidates differently. */
  const lists = ['code, |', 'implicit, |', 'client_credentials, |', '|'];
  const clients = lists
    .map((l, i) => `  Client${i}:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: !Ref UserPool\n      AllowedOAuthFlowsUserPoolClient: true\n      CallbackURLs: [https://app.example.com/cb]\n      AllowedOAuthScopes: [openid]\n      AllowedOAuthFlows: [${l}]\n`)
    .join('');
  const template = yaml().replace(/  Client:[\s\S]*$/, '') + clients;
  const text = template.replace(/\|/g, '');
  const carets: number[] = [];
  for (let i = template.indexOf('|'), removed = 0; i >= 0; i = template.indexOf('|', i + 1), removed++) carets.push(i - removed);

  it('every client is ranked on its own: the same asked in any order, again, or from a freshly read model', () => {
    const fresh = (offset: number) => {
      const c = caretDocument(text.slice(0, offset) + '|' + text.slice(offset));
      return JSON.stringify(doComplete(c.document, c.model, c.surfaceId, c.position));
    };
    const expected = carets.map(fresh);
    // The ranks differ between the clients (the cache is per client, not per property).
    assert.deepEqual(
      expected.map((e) => ranked(JSON.parse(e) as CompletionList)),
      [['implicit', 'client_credentials'], ['code', 'client_credentials'], ['code', 'implicit'], ['code', 'implicit', 'client_credentials']],
    );
    assert.match(expected[2], /invalid here: AllowedOAuthFlows combines client_credentials with/);
    const shared = caretDocument(text.slice(0, carets[0]) + '|' + text.slice(carets[0]));
    for (const order of [[0, 1, 2, 3], [3, 2, 1, 0], [2, 2, 0, 3, 1, 1]]) {
      for (const i of order) {
        const got = JSON.stringify(doComplete(shared.document, shared.model, shared.surfaceId, shared.document.positionAt(carets[i])));
        assert.equal(got, expected[i], `client ${i} in order ${order.join(',')}`);
      }
    }
  });

  it('the same after an incremental edit moved the clients asked before (the same definition objects at new places)', () => {
    const cache = new DocumentCache({ keyOf: () => 'k' });
    const settings = { rules: {}, maxFileSizeKb: 5000 };
    const v1 = TextDocument.create('file:///t.yaml', 'yaml', 1, text);
    const first = cache.get(v1, settings).analysis!;
    // Ask every client once, so each one's findings are kept for its definition object.
    for (const caret of carets) doComplete(v1, first.model, first.surface.id, v1.positionAt(caret));
    // One character more inside the first client: the clients after it move by one, in place.
    const at = text.indexOf('app.example.com') + 3;
    const edited = text.slice(0, at) + 's' + text.slice(at);
    const v2 = TextDocument.create('file:///t.yaml', 'yaml', 2, edited);
    const before = cache.incrementalAnalyses;
    const second = cache.get(v2, settings).analysis!;
    assert.equal(cache.incrementalAnalyses, before + 1, 'the edit was read incrementally');
    assert.ok(second.model.clients.slice(1).every((c, i) => c === first.model.clients[i + 1]), 'the later clients are the same objects');
    for (const [i, caret] of carets.entries()) {
      const moved = caret + (caret > at ? 1 : 0);
      const c = caretDocument(edited.slice(0, moved) + '|' + edited.slice(moved));
      const expected = JSON.stringify(doComplete(c.document, c.model, c.surfaceId, c.position));
      assert.equal(JSON.stringify(doComplete(v2, second.model, second.surface.id, v2.positionAt(moved))), expected, `client ${i}`);
    }
  });
});
