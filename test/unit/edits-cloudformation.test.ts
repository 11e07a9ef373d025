/**
 * The CloudFormation edit builders, change kind by change kind, over YAML block and flow styles
 * and JSON laid out over lines and on one line, with comments and CRLF line breaks: each case
 * asserts the exact text after applying the edits, or that no edit is offered where one would be
 * unsafe. Also the edit application itself (sorting, overlaps, offset mapping).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SemanticChange } from '../../server/src/rules/types';
import { applyEdits, editProblem, mapOffset } from '../../server/src/surfaces/apply-edits';
import { plainSafe } from '../../server/src/surfaces/cloudformation/edits-yaml';
import { editsForFix } from '../../server/src/surfaces/edits';
import { parseDocument } from '../../server/src/surfaces';

/** Apply one fix made of `changes` to the client `name` (default: the only one) and return the text, or undefined when no edit is offered. */
function fix(text: string, changes: SemanticChange[], languageId: 'yaml' | 'json' = 'yaml', name?: string): string | undefined {
  const doc = { uri: `file:///t/template.${languageId}`, languageId, text };
  const parsed = parseDocument(doc);
  assert.ok(parsed, 'a surface reads the document');
  assert.deepEqual(parsed.model.problems, [], 'the input has no problems');
  const def = name ? parsed.model.clients.find((c) => c.name === name) : parsed.model.clients[0];
  assert.ok(def, 'the client is found');
  const edits = editsForFix(parsed.surface.id, doc, parsed.model, def, { title: 'test', changes });
  if (edits === undefined) return undefined;
  const out = applyEdits(text, edits);
  const again = parseDocument({ ...doc, text: out });
  assert.deepEqual(again?.model.problems, [], `the result reads without problems:\n${out}`);
  return out;
}

const lines = (...l: string[]) => l.join('\n') + '\n';

// ------------------------------------------------------------------------------------------

const YAML_HEAD = [
  'Resources:',
  '  Pool:',
  '    Type: AWS::Cognito::UserPool',
  '  # café ✓',
  '  Client:',
  '    Type: AWS::Cognito::UserPoolClient',
];

const yamlBlock = lines(
  ...YAML_HEAD,
  '    Properties:',
  '      UserPoolId: !Ref Pool   # the pool',
  '      # flows below',
  '      AllowedOAuthFlows:',
  '        - code',
  '        - implicit # legacy',
  '      AllowedOAuthScopes: [openid, email]',
  '      EnableTokenRevocation: false',
);

/** `yamlBlock` with its client properties replaced by `props`. */
const yamlWith = (...props: string[]) => lines(...YAML_HEAD, '    Properties:', ...props);

describe('YAML block style', () => {
  it('set: replaces a scalar value in place', () => {
    assert.equal(fix(yamlBlock, [{ kind: 'set', path: ['EnableTokenRevocation'], value: true }]), yamlBlock.replace('EnableTokenRevocation: false', 'EnableTokenRevocation: true'));
  });

  it('set: a missing property goes after the last one, at the members\' indentation', () => {
    assert.equal(fix(yamlBlock, [{ kind: 'set', path: ['PreventUserExistenceErrors'], value: 'ENABLED' }]), yamlBlock + '      PreventUserExistenceErrors: ENABLED\n');
  });

  it('set: creates a missing parent, and two changes into it share it', () => {
    assert.equal(
      fix(yamlBlock, [
        { kind: 'set', path: ['TokenValidityUnits', 'AccessToken'], value: 'minutes' },
        { kind: 'set', path: ['TokenValidityUnits', 'IdToken'], value: 'minutes' },
        { kind: 'set', path: ['AccessTokenValidity'], value: 30 },
      ]),
      yamlBlock + lines('      TokenValidityUnits:', '        AccessToken: minutes', '        IdToken: minutes', '      AccessTokenValidity: 30'),
    );
  });

  it('set: fills a parent written with no value, keeping the comment after it', () => {
    const text = yamlWith('      UserPoolId: !Ref Pool', '      TokenValidityUnits: # units', '      AccessTokenValidity: 5');
    assert.equal(
      fix(text, [{ kind: 'set', path: ['TokenValidityUnits', 'AccessToken'], value: 'hours' }]),
      yamlWith('      UserPoolId: !Ref Pool', '      TokenValidityUnits: # units', '        AccessToken: hours', '      AccessTokenValidity: 5'),
    );
  });

  it('set: adds to an existing nested mapping', () => {
    const text = yamlWith('      UserPoolId: !Ref Pool', '      TokenValidityUnits:', '        IdToken: hours', '      AccessTokenValidity: 5');
    assert.equal(
      fix(text, [{ kind: 'set', path: ['TokenValidityUnits', 'AccessToken'], value: 'minutes' }]),
      yamlWith('      UserPoolId: !Ref Pool', '      TokenValidityUnits:', '        IdToken: hours', '        AccessToken: minutes', '      AccessTokenValidity: 5'),
    );
  });

  it('set: a scalar becomes a one-item list on the same line', () => {
    const text = yamlWith('      UserPoolId: !Ref Pool', '      CallbackURLs: https://a.example.com/cb');
    assert.equal(fix(text, [{ kind: 'set', path: ['CallbackURLs'], value: ['https://a.example.com/cb'] }]), yamlWith('      UserPoolId: !Ref Pool', '      CallbackURLs: [https://a.example.com/cb]'));
  });

  it('set: quotes strings YAML would read as something else, in the neighbours\' quote style', () => {
    const text = yamlWith("      UserPoolId: !Ref Pool", "      ClientName: 'web'");
    assert.equal(fix(text, [{ kind: 'set', path: ['ClientName'], value: 'true' }]), yamlWith('      UserPoolId: !Ref Pool', "      ClientName: 'true'"));
    const plain = yamlWith('      UserPoolId: !Ref Pool', '      ClientName: web');
    assert.equal(fix(plain, [{ kind: 'set', path: ['ClientName'], value: 'a: b' }]), yamlWith('      UserPoolId: !Ref Pool', '      ClientName: "a: b"'));
    assert.equal(fix(plain, [{ kind: 'set', path: ['ClientName'], value: 'web #2' }]), yamlWith('      UserPoolId: !Ref Pool', '      ClientName: "web #2"'));
    assert.equal(fix(plain, [{ kind: 'set', path: ['ClientName'], value: '0.5' }]), yamlWith('      UserPoolId: !Ref Pool', '      ClientName: "0.5"'));
    assert.equal(fix(plain, [{ kind: 'set', path: ['ClientName'], value: 'web-2' }]), yamlWith('      UserPoolId: !Ref Pool', '      ClientName: web-2'));
  });

  it('set: an intrinsic is written in short form', () => {
    const text = yamlWith('      UserPoolId: !Ref Pol  # typo', '      ClientName: web');
    assert.equal(fix(text, [{ kind: 'set', path: ['UserPoolId'], value: { Ref: 'Pool' } }]), yamlWith('      UserPoolId: !Ref Pool  # typo', '      ClientName: web'));
  });

  it('set: an intrinsic is written in long form in a document that uses only long forms', () => {
    const text = yamlWith('      UserPoolId:', '        Ref: Pol', '      ClientName: web');
    assert.equal(fix(text, [{ kind: 'set', path: ['UserPoolId'], value: { Ref: 'Pool' } }]), yamlWith('      UserPoolId:', '        Ref: Pool', '      ClientName: web'));
    const scalar = yamlWith('      UserPoolId: pool-id', '      ClientName:', '        Ref: Name');
    assert.equal(fix(scalar, [{ kind: 'set', path: ['UserPoolId'], value: { Ref: 'Pool' } }]), yamlWith('      UserPoolId:', '        Ref: Pool', '      ClientName:', '        Ref: Name'));
  });

  it('insert: a list goes in block style, and in flow style where the other lists are', () => {
    assert.equal(
      fix(yamlWith('      UserPoolId: !Ref Pool', '      AllowedOAuthFlows:', '        - code'), [{ kind: 'insert', path: ['CallbackURLs'], value: ['https://example.com/callback'], placeholder: true }]),
      yamlWith('      UserPoolId: !Ref Pool', '      AllowedOAuthFlows:', '        - code', '      CallbackURLs:', '        - https://example.com/callback'),
    );
    assert.equal(
      fix(yamlWith('      UserPoolId: !Ref Pool', '      AllowedOAuthFlows: [code]'), [{ kind: 'insert', path: ['CallbackURLs'], value: ['https://example.com/callback'], placeholder: true }]),
      yamlWith('      UserPoolId: !Ref Pool', '      AllowedOAuthFlows: [code]', '      CallbackURLs: [https://example.com/callback]'),
    );
  });

  it('insert: an empty placeholder string is quoted', () => {
    assert.equal(
      fix(yamlWith('      ClientName: web'), [{ kind: 'insert', path: ['UserPoolId'], value: '', placeholder: true }]),
      yamlWith('      ClientName: web', '      UserPoolId: ""'),
    );
  });

  it('insert: creates Properties at resource level when the resource has none', () => {
    const text = lines(...YAML_HEAD, '    DeletionPolicy: Retain');
    assert.equal(fix(text, [{ kind: 'insert', path: ['UserPoolId'], value: '', placeholder: true }]), lines(...YAML_HEAD, '    DeletionPolicy: Retain', '    Properties:', '      UserPoolId: ""'));
    const empty = lines(...YAML_HEAD, '    Properties:', '  Other:', '    Type: AWS::S3::Bucket');
    assert.equal(
      fix(empty, [{ kind: 'insert', path: ['UserPoolId'], value: '', placeholder: true }]),
      lines(...YAML_HEAD, '    Properties:', '      UserPoolId: ""', '  Other:', '    Type: AWS::S3::Bucket'),
    );
  });

  it('remove: takes the whole line with its comment, and keeps the comment line after it', () => {
    assert.equal(fix(yamlBlock, [{ kind: 'remove', path: ['UserPoolId'] }]), yamlBlock.replace('      UserPoolId: !Ref Pool   # the pool\n', ''));
  });

  it('remove: a multi-line property goes with all its lines', () => {
    assert.equal(fix(yamlBlock, [{ kind: 'remove', path: ['AllowedOAuthFlows'] }]), yamlBlock.replace('      AllowedOAuthFlows:\n        - code\n        - implicit # legacy\n', ''));
  });

  it('remove: several members at once, and removing what is absent changes nothing', () => {
    const text = yamlWith('      UserPoolId: !Ref Pool', '      AnalyticsConfiguration:', '        ApplicationArn: arn:a', '        ApplicationId: abc', '        RoleArn: arn:r');
    assert.equal(
      fix(text, [
        { kind: 'remove', path: ['AnalyticsConfiguration', 'ApplicationId'] },
        { kind: 'remove', path: ['AnalyticsConfiguration', 'RoleArn'] },
        { kind: 'remove', path: ['AnalyticsConfiguration', 'ExternalId'] },
      ]),
      yamlWith('      UserPoolId: !Ref Pool', '      AnalyticsConfiguration:', '        ApplicationArn: arn:a'),
    );
    assert.deepEqual(fix(text, [{ kind: 'remove', path: ['AnalyticsConfiguration', 'ExternalId'] }]), text);
  });

  it('remove: the last member of a nested mapping leaves {}', () => {
    const text = yamlWith('      UserPoolId: !Ref Pool', '      TokenValidityUnits:', '        AccessToken: hours', '      AccessTokenValidity: 5');
    assert.equal(
      fix(text, [{ kind: 'remove', path: ['TokenValidityUnits', 'AccessToken'] }]),
      yamlWith('      UserPoolId: !Ref Pool', '      TokenValidityUnits: {}', '      AccessTokenValidity: 5'),
    );
  });

  it('removeItem: the item\'s line goes with its comment', () => {
    assert.equal(fix(yamlBlock, [{ kind: 'removeItem', path: ['AllowedOAuthFlows'], index: 1 }]), yamlBlock.replace('        - implicit # legacy\n', ''));
  });

  it('removeItem: removing every item leaves []', () => {
    assert.equal(
      fix(yamlBlock, [
        { kind: 'removeItem', path: ['AllowedOAuthFlows'], index: 1 },
        { kind: 'removeItem', path: ['AllowedOAuthFlows'], index: 0 },
      ]),
      yamlBlock.replace('      AllowedOAuthFlows:\n        - code\n        - implicit # legacy\n', '      AllowedOAuthFlows: []\n'),
    );
  });

  it('replaceItem: replaces the item, keeping its quotes', () => {
    const text = yamlWith('      UserPoolId: !Ref Pool', '      CallbackURLs:', "        - 'http://a.example.com/cb' # old", '        - https://b.example.com/cb');
    assert.equal(
      fix(text, [{ kind: 'replaceItem', path: ['CallbackURLs'], index: 0, value: 'https://a.example.com/cb' }]),
      yamlWith('      UserPoolId: !Ref Pool', '      CallbackURLs:', "        - 'https://a.example.com/cb' # old", '        - https://b.example.com/cb'),
    );
  });

  it('addItem: follows the list\'s indentation and its quotes', () => {
    const text = yamlWith('      UserPoolId: !Ref Pool', '      AllowedOAuthScopes:', '        - "email"', '        - "profile"  # more', '      ClientName: web');
    assert.equal(
      fix(text, [{ kind: 'addItem', path: ['AllowedOAuthScopes'], value: 'openid' }]),
      yamlWith('      UserPoolId: !Ref Pool', '      AllowedOAuthScopes:', '        - "email"', '        - "profile"  # more', '        - "openid"', '      ClientName: web'),
    );
  });

  it('addItem: creates the list when absent, and fills a list written with no value', () => {
    assert.equal(
      fix(yamlWith('      UserPoolId: !Ref Pool'), [{ kind: 'addItem', path: ['ReadAttributes'], value: 'email' }]),
      yamlWith('      UserPoolId: !Ref Pool', '      ReadAttributes:', '        - email'),
    );
    assert.equal(
      fix(yamlWith('      UserPoolId: !Ref Pool', '      ReadAttributes:', '      ClientName: web'), [{ kind: 'addItem', path: ['ReadAttributes'], value: 'email' }]),
      yamlWith('      UserPoolId: !Ref Pool', '      ReadAttributes:', '        - email', '      ClientName: web'),
    );
  });

  it('removeItem, replaceItem and addItem on one list compose (indexes as written)', () => {
    const text = yamlWith('      UserPoolId: !Ref Pool', '      ExplicitAuthFlows:', '        - USER_PASSWORD_AUTH', '        # keep this', '        - ADMIN_NO_SRP_AUTH', '        - ALLOW_USER_PASSWORD_AUTH', '      ClientName: web');
    assert.equal(
      fix(text, [
        { kind: 'removeItem', path: ['ExplicitAuthFlows'], index: 0 },
        { kind: 'replaceItem', path: ['ExplicitAuthFlows'], index: 1, value: 'ALLOW_ADMIN_USER_PASSWORD_AUTH' },
        { kind: 'removeItem', path: ['ExplicitAuthFlows'], index: 2 },
        { kind: 'addItem', path: ['ExplicitAuthFlows'], value: 'ALLOW_REFRESH_TOKEN_AUTH' },
      ]),
      yamlWith('      UserPoolId: !Ref Pool', '      ExplicitAuthFlows:', '        # keep this', '        - ALLOW_ADMIN_USER_PASSWORD_AUTH', '        - ALLOW_REFRESH_TOKEN_AUTH', '      ClientName: web'),
    );
  });

  it('renameKey: replaces only the key', () => {
    const text = yamlWith('      UserPoolId: !Ref Pool', '      CallbackUrls: [https://a.example.com/cb]  # typo');
    const doc = parseDocument({ uri: 'file:///t.yaml', languageId: 'yaml', text })!;
    const member = doc.model.clients[0].body!.kind === 'object' ? doc.model.clients[0].body!.members[1] : undefined;
    assert.ok(member);
    assert.equal(fix(text, [{ kind: 'renameKey', keySpan: member.keySpan, to: 'CallbackURLs' }]), text.replace('CallbackUrls', 'CallbackURLs'));
    const nested = yamlWith('      UserPoolId: !Ref Pool', '      TokenValidityUnits:', '        "accessToken": hours');
    const start = nested.indexOf('"accessToken"');
    assert.equal(fix(nested, [{ kind: 'renameKey', keySpan: { start, end: start + 13 }, to: 'AccessToken' }]), nested.replace('"accessToken"', '"AccessToken"'));
  });

  it('rename: a known property to another', () => {
    assert.equal(fix(yamlBlock, [{ kind: 'rename', path: ['EnableTokenRevocation'], to: 'GenerateSecret' }]), yamlBlock.replace('EnableTokenRevocation:', 'GenerateSecret:'));
  });

  it('addDependency: inserts DependsOn after Type, at its indentation', () => {
    assert.equal(fix(yamlBlock, [{ kind: 'addDependency', target: 'Idp' }]), yamlBlock.replace('UserPoolClient\n', 'UserPoolClient\n    DependsOn: Idp\n'));
  });

  it('addDependency: a single DependsOn becomes a list; a list gets the item', () => {
    const single = yamlBlock.replace('UserPoolClient\n', 'UserPoolClient\n    DependsOn: Pool\n');
    assert.equal(fix(single, [{ kind: 'addDependency', target: 'Idp' }]), yamlBlock.replace('UserPoolClient\n', 'UserPoolClient\n    DependsOn: [Pool, Idp]\n'));
    const flow = yamlBlock.replace('UserPoolClient\n', 'UserPoolClient\n    DependsOn: [Pool]\n');
    assert.equal(fix(flow, [{ kind: 'addDependency', target: 'Idp' }]), yamlBlock.replace('UserPoolClient\n', 'UserPoolClient\n    DependsOn: [Pool, Idp]\n'));
    const block = yamlBlock.replace('UserPoolClient\n', 'UserPoolClient\n    DependsOn:\n      - Pool\n');
    assert.equal(fix(block, [{ kind: 'addDependency', target: 'Idp' }]), yamlBlock.replace('UserPoolClient\n', 'UserPoolClient\n    DependsOn:\n      - Pool\n      - Idp\n'));
    assert.deepEqual(fix(single, [{ kind: 'addDependency', target: 'Pool' }]), single, 'already there: nothing to do');
  });

  it('keeps the document\'s indentation step and indentless lists', () => {
    const text = [
      'Resources:',
      '    Client:',
      '        Type: AWS::Cognito::UserPoolClient',
      '        Properties:',
      '            UserPoolId: abc',
      '            AllowedOAuthScopes:',
      '            - email',
      '',
    ].join('\n');
    assert.equal(
      fix(text, [
        { kind: 'set', path: ['TokenValidityUnits', 'AccessToken'], value: 'minutes' },
        { kind: 'insert', path: ['CallbackURLs'], value: ['https://example.com/cb'] },
      ]),
      text + ['            TokenValidityUnits:', '                AccessToken: minutes', '            CallbackURLs:', '            - https://example.com/cb', ''].join('\n'),
    );
  });

  it('follows the indentation step a mapping already shows, where it differs from the document\'s', () => {
    const text = yamlWith('      UserPoolId: !Ref Pool', '      TokenValidityUnits:', '          IdToken: hours');
    assert.equal(
      fix(text, [{ kind: 'set', path: ['RefreshTokenRotation', 'Feature'], value: 'ENABLED' }]),
      yamlWith('      UserPoolId: !Ref Pool', '      TokenValidityUnits:', '          IdToken: hours', '      RefreshTokenRotation:', '          Feature: ENABLED'),
    );
  });

  it('keeps CRLF line breaks', () => {
    const crlf = yamlBlock.replace(/\n/g, '\r\n');
    assert.equal(fix(crlf, [{ kind: 'removeItem', path: ['AllowedOAuthFlows'], index: 0 }]), crlf.replace('        - code\r\n', ''));
    assert.equal(
      fix(crlf, [{ kind: 'set', path: ['TokenValidityUnits', 'AccessToken'], value: 'minutes' }]),
      crlf + '      TokenValidityUnits:\r\n        AccessToken: minutes\r\n',
    );
  });

  it('adds after the last line of a text without a final line break', () => {
    const text = yamlBlock.slice(0, -1);
    assert.equal(fix(text, [{ kind: 'set', path: ['GenerateSecret'], value: true }]), text + '\n      GenerateSecret: true');
    assert.equal(fix(text, [{ kind: 'remove', path: ['EnableTokenRevocation'] }]), text.replace('\n      EnableTokenRevocation: false', ''));
  });

  it('offers no edit where it would be unsafe', () => {
    const intrinsicBody = lines(...YAML_HEAD, '    Properties: !If [IsProd, {UserPoolId: a}, {UserPoolId: b}]', 'Conditions:', '  IsProd: !Equals [a, a]');
    assert.equal(fix(intrinsicBody, [{ kind: 'set', path: ['EnableTokenRevocation'], value: true }]), undefined);
    const intrinsicParent = yamlWith('      UserPoolId: !Ref Pool', '      TokenValidityUnits: !If [IsProd, {AccessToken: hours}, !Ref AWS::NoValue]');
    assert.equal(fix(intrinsicParent, [{ kind: 'set', path: ['TokenValidityUnits', 'AccessToken'], value: 'minutes' }]), undefined);
    const intrinsicList = yamlWith('      UserPoolId: !Ref Pool', '      CallbackURLs: !Split [",", !Ref Urls]');
    assert.equal(fix(intrinsicList, [{ kind: 'addItem', path: ['CallbackURLs'], value: 'https://x.example.com' }]), undefined);
    assert.equal(fix(yamlBlock, [{ kind: 'removeItem', path: ['AllowedOAuthFlows'], index: 5 }]), undefined, 'index past the end');
    const anchored = yamlWith('      UserPoolId: !Ref Pool', '      ReadAttributes: &attrs [email]', '      WriteAttributes: *attrs');
    assert.equal(fix(anchored, [{ kind: 'remove', path: ['ReadAttributes'] }]), undefined, 'removing an anchor that is used would break the file');
    assert.equal(fix(anchored, [{ kind: 'addItem', path: ['ReadAttributes'], value: 'name' }]), undefined, 'changing it would change its aliases too');
    assert.equal(
      fix(anchored, [{ kind: 'set', path: ['ClientName'], value: 'web' }]),
      yamlWith('      UserPoolId: !Ref Pool', '      ReadAttributes: &attrs [email]', '      WriteAttributes: *attrs', '      ClientName: web'),
      'elsewhere is fine',
    );
  });
});

describe('YAML, more layouts', () => {
  it('an object value is written as a block mapping, or inline in a flow one', () => {
    assert.equal(
      fix(yamlBlock, [{ kind: 'insert', path: ['RefreshTokenRotation'], value: { Feature: 'ENABLED', RetryGracePeriodSeconds: 10 }, placeholder: true }]),
      yamlBlock + lines('      RefreshTokenRotation:', '        Feature: ENABLED', '        RetryGracePeriodSeconds: 10'),
    );
    const flow = lines(...YAML_HEAD, '    Properties: {UserPoolId: !Ref Pool}');
    assert.equal(
      fix(flow, [{ kind: 'insert', path: ['RefreshTokenRotation'], value: { Feature: 'ENABLED' } }]),
      lines(...YAML_HEAD, '    Properties: {UserPoolId: !Ref Pool, RefreshTokenRotation: {Feature: ENABLED}}'),
    );
  });

  it('an intrinsic list item in short form', () => {
    assert.equal(fix(yamlBlock, [{ kind: 'addItem', path: ['AllowedOAuthFlows'], value: { Ref: 'Flow' } }]), yamlBlock.replace('# legacy\n', '# legacy\n        - !Ref Flow\n'));
  });

  it('removing the only property leaves Properties: {}', () => {
    assert.equal(fix(yamlWith('      ClientId: abc  # output'), [{ kind: 'remove', path: ['ClientId'] }]), lines(...YAML_HEAD, '    Properties: {}'));
  });

  it('a template written in JSON style but read as YAML keeps its quoted keys', () => {
    const text = lines('{', '  "Resources": {', '    "Client": {', '      "Type": "AWS::Cognito::UserPoolClient",', '      "Properties": {', '        "UserPoolId": "p_1",', '        "AllowedOAuthScopes": ["email"]', '      }', '    }', '  }', '}');
    assert.equal(
      fix(text, [
        { kind: 'set', path: ['EnableTokenRevocation'], value: true },
        { kind: 'addItem', path: ['AllowedOAuthScopes'], value: 'openid' },
      ]),
      text.replace('["email"]\n', '["email", "openid"],\n        "EnableTokenRevocation": true\n'),
    );
  });

  it('a .template file in YAML, read by the JSON surface, is edited as YAML', () => {
    const doc = { uri: 'file:///t/stack.template', languageId: 'plaintext', text: yamlBlock };
    const parsed = parseDocument(doc)!;
    assert.equal(parsed.surface.id, 'cloudformation-json');
    const edits = editsForFix(parsed.surface.id, doc, parsed.model, parsed.model.clients[0], { title: 't', changes: [{ kind: 'set', path: ['EnableTokenRevocation'], value: true }] });
    assert.ok(edits);
    assert.equal(applyEdits(yamlBlock, edits), yamlBlock.replace('EnableTokenRevocation: false', 'EnableTokenRevocation: true'));
  });

  it('a client in a Serverless resources section', () => {
    const text = lines('service: app', 'resources:', '  Resources:', '    Client:', '      Type: AWS::Cognito::UserPoolClient', '      Properties:', '        UserPoolId: abc');
    assert.equal(fix(text, [{ kind: 'addDependency', target: 'Idp' }]), text.replace('UserPoolClient\n', 'UserPoolClient\n      DependsOn: Idp\n'));
  });

  it('a change with nothing to do gives no edit', () => {
    const doc = { uri: 'file:///t.yaml', languageId: 'yaml', text: yamlBlock };
    const parsed = parseDocument(doc)!;
    assert.deepEqual(editsForFix('cloudformation-yaml', doc, parsed.model, parsed.model.clients[0], { title: 't', changes: [{ kind: 'set', path: ['EnableTokenRevocation'], value: false }] }), []);
    assert.equal(editsForFix('terraform-hcl', doc, parsed.model, parsed.model.clients[0], { title: 't', changes: [{ kind: 'set', path: ['EnableTokenRevocation'], value: true }] }), undefined, 'no builder for that surface');
  });
});

describe('YAML flow style', () => {
  const text = yamlWith('      UserPoolId: !Ref Pool', '      AllowedOAuthScopes: [openid, "email", profile]  # scopes', '      TokenValidityUnits: {AccessToken: hours, IdToken: hours}');
  const scopes = (s: string) => yamlWith('      UserPoolId: !Ref Pool', `      AllowedOAuthScopes: ${s}  # scopes`, '      TokenValidityUnits: {AccessToken: hours, IdToken: hours}');

  it('removeItem: the item and one separator', () => {
    assert.equal(fix(text, [{ kind: 'removeItem', path: ['AllowedOAuthScopes'], index: 0 }]), scopes('["email", profile]'));
    assert.equal(fix(text, [{ kind: 'removeItem', path: ['AllowedOAuthScopes'], index: 2 }]), scopes('[openid, "email"]'));
  });

  it('removeItem twice, or with a replacement, rewrites the list once', () => {
    assert.equal(
      fix(text, [
        { kind: 'removeItem', path: ['AllowedOAuthScopes'], index: 2 },
        { kind: 'removeItem', path: ['AllowedOAuthScopes'], index: 1 },
      ]),
      scopes('[openid]'),
    );
    assert.equal(
      fix(text, [
        { kind: 'removeItem', path: ['AllowedOAuthScopes'], index: 0 },
        { kind: 'replaceItem', path: ['AllowedOAuthScopes'], index: 2, value: 'phone' },
        { kind: 'addItem', path: ['AllowedOAuthScopes'], value: 'aws.cognito.signin.user.admin' },
      ]),
      scopes('["email", phone, aws.cognito.signin.user.admin]'),
    );
    assert.equal(
      fix(text, [0, 1, 2].map((index): SemanticChange => ({ kind: 'removeItem', path: ['AllowedOAuthScopes'], index }))),
      scopes('[]'),
    );
  });

  it('replaceItem and addItem', () => {
    assert.equal(fix(text, [{ kind: 'replaceItem', path: ['AllowedOAuthScopes'], index: 1, value: 'phone' }]), scopes('[openid, "phone", profile]'));
    assert.equal(fix(text, [{ kind: 'addItem', path: ['AllowedOAuthScopes'], value: 'phone' }]), scopes('[openid, "email", profile, phone]'));
    assert.equal(fix(text, [{ kind: 'addItem', path: ['AllowedOAuthScopes'], value: 'a, b' }]), scopes('[openid, "email", profile, "a, b"]'), 'a comma is quoted in flow');
    const empty = yamlWith('      UserPoolId: !Ref Pool', '      AllowedOAuthScopes: []');
    assert.equal(fix(empty, [{ kind: 'addItem', path: ['AllowedOAuthScopes'], value: 'openid' }]), yamlWith('      UserPoolId: !Ref Pool', '      AllowedOAuthScopes: [openid]'));
  });

  it('flow mappings: set, insert into them, remove from them', () => {
    const units = (s: string) => yamlWith('      UserPoolId: !Ref Pool', '      AllowedOAuthScopes: [openid, "email", profile]  # scopes', `      TokenValidityUnits: ${s}`);
    assert.equal(fix(text, [{ kind: 'set', path: ['TokenValidityUnits', 'IdToken'], value: 'minutes' }]), units('{AccessToken: hours, IdToken: minutes}'));
    assert.equal(fix(text, [{ kind: 'set', path: ['TokenValidityUnits', 'RefreshToken'], value: 'days' }]), units('{AccessToken: hours, IdToken: hours, RefreshToken: days}'));
    assert.equal(fix(text, [{ kind: 'remove', path: ['TokenValidityUnits', 'AccessToken'] }]), units('{IdToken: hours}'));
    assert.equal(
      fix(text, [
        { kind: 'remove', path: ['TokenValidityUnits', 'AccessToken'] },
        { kind: 'set', path: ['TokenValidityUnits', 'IdToken'], value: 'days' },
      ]),
      units('{IdToken: days}'),
    );
  });

  it('a flow body: insert and remove members', () => {
    const body = lines(...YAML_HEAD, '    Properties: {UserPoolId: !Ref Pool, EnableTokenRevocation: false}');
    assert.equal(
      fix(body, [{ kind: 'set', path: ['PreventUserExistenceErrors'], value: 'ENABLED' }]),
      lines(...YAML_HEAD, '    Properties: {UserPoolId: !Ref Pool, EnableTokenRevocation: false, PreventUserExistenceErrors: ENABLED}'),
    );
    assert.equal(fix(body, [{ kind: 'remove', path: ['EnableTokenRevocation'] }]), lines(...YAML_HEAD, '    Properties: {UserPoolId: !Ref Pool}'));
    assert.equal(
      fix(body, [{ kind: 'set', path: ['TokenValidityUnits', 'AccessToken'], value: 'minutes' }]),
      lines(...YAML_HEAD, '    Properties: {UserPoolId: !Ref Pool, EnableTokenRevocation: false, TokenValidityUnits: {AccessToken: minutes}}'),
    );
  });

  it('a flow list over several lines keeps one item per line and its comments', () => {
    const multi = yamlWith('      UserPoolId: !Ref Pool', '      CallbackURLs: [', '        https://a.example.com/cb,  # first', '        # second', '        https://b.example.com/cb', '      ]');
    assert.equal(
      fix(multi, [{ kind: 'removeItem', path: ['CallbackURLs'], index: 1 }]),
      yamlWith('      UserPoolId: !Ref Pool', '      CallbackURLs: [', '        https://a.example.com/cb  # first', '        # second', '      ]'),
    );
    assert.equal(
      fix(multi, [{ kind: 'addItem', path: ['CallbackURLs'], value: 'https://c.example.com/cb' }]),
      yamlWith('      UserPoolId: !Ref Pool', '      CallbackURLs: [', '        https://a.example.com/cb,  # first', '        # second', '        https://b.example.com/cb,', '        https://c.example.com/cb', '      ]'),
    );
    assert.equal(
      fix(multi, [
        { kind: 'removeItem', path: ['CallbackURLs'], index: 0 },
        { kind: 'removeItem', path: ['CallbackURLs'], index: 1 },
      ]),
      undefined,
      'a rewrite would lose the comments',
    );
  });
});

// ------------------------------------------------------------------------------------------

const jsonPretty = [
  '{',
  '  "Resources": {',
  '    "Pool": { "Type": "AWS::Cognito::UserPool" },',
  '    "Client": {',
  '      "Type": "AWS::Cognito::UserPoolClient",',
  '      "Properties": {',
  '        "UserPoolId": { "Ref": "Pool" },',
  '        "AllowedOAuthFlows": [',
  '          "code",',
  '          "implicit"',
  '        ],',
  '        "AllowedOAuthScopes": ["openid", "email"],',
  '        "EnableTokenRevocation": false',
  '      }',
  '    }',
  '  }',
  '}',
  '',
].join('\n');

describe('JSON over several lines', () => {
  it('set: replaces a value', () => {
    assert.equal(fix(jsonPretty, [{ kind: 'set', path: ['EnableTokenRevocation'], value: true }], 'json'), jsonPretty.replace('"EnableTokenRevocation": false', '"EnableTokenRevocation": true'));
  });

  it('insert: adds a comma to the member before', () => {
    assert.equal(
      fix(jsonPretty, [{ kind: 'insert', path: ['PreventUserExistenceErrors'], value: 'ENABLED' }], 'json'),
      jsonPretty.replace('"EnableTokenRevocation": false\n', '"EnableTokenRevocation": false,\n        "PreventUserExistenceErrors": "ENABLED"\n'),
    );
  });

  it('set: a missing parent is created over lines, with the document\'s indentation', () => {
    assert.equal(
      fix(jsonPretty, [
        { kind: 'set', path: ['TokenValidityUnits', 'AccessToken'], value: 'minutes' },
        { kind: 'insert', path: ['CallbackURLs'], value: ['https://example.com/callback'], placeholder: true },
      ], 'json'),
      jsonPretty.replace(
        '"EnableTokenRevocation": false\n',
        [
          '"EnableTokenRevocation": false,',
          '        "TokenValidityUnits": {',
          '          "AccessToken": "minutes"',
          '        },',
          '        "CallbackURLs": [',
          '          "https://example.com/callback"',
          '        ]',
          '',
        ].join('\n'),
      ),
    );
  });

  it('set: an intrinsic is written as {"Ref": ...} in the document\'s layout', () => {
    assert.equal(fix(jsonPretty, [{ kind: 'set', path: ['UserPoolId'], value: { Ref: 'Other' } }], 'json'), jsonPretty.replace('{ "Ref": "Pool" }', '{"Ref": "Other"}'));
  });

  it('remove: the last member takes the comma before it; a middle one its own line', () => {
    assert.equal(fix(jsonPretty, [{ kind: 'remove', path: ['EnableTokenRevocation'] }], 'json'), jsonPretty.replace('["openid", "email"],\n        "EnableTokenRevocation": false\n', '["openid", "email"]\n'));
    assert.equal(fix(jsonPretty, [{ kind: 'remove', path: ['AllowedOAuthScopes'] }], 'json'), jsonPretty.replace('        "AllowedOAuthScopes": ["openid", "email"],\n', ''));
    assert.equal(fix(jsonPretty, [{ kind: 'remove', path: ['AllowedOAuthFlows'] }], 'json'), jsonPretty.replace('        "AllowedOAuthFlows": [\n          "code",\n          "implicit"\n        ],\n', ''));
  });

  it('removeItem / addItem in a list over lines', () => {
    assert.equal(fix(jsonPretty, [{ kind: 'removeItem', path: ['AllowedOAuthFlows'], index: 1 }], 'json'), jsonPretty.replace('"code",\n          "implicit"\n', '"code"\n'));
    assert.equal(fix(jsonPretty, [{ kind: 'removeItem', path: ['AllowedOAuthFlows'], index: 0 }], 'json'), jsonPretty.replace('          "code",\n', ''));
    assert.equal(fix(jsonPretty, [{ kind: 'addItem', path: ['AllowedOAuthFlows'], value: 'client_credentials' }], 'json'), jsonPretty.replace('"implicit"\n', '"implicit",\n          "client_credentials"\n'));
    assert.equal(
      fix(jsonPretty, [
        { kind: 'removeItem', path: ['AllowedOAuthFlows'], index: 1 },
        { kind: 'replaceItem', path: ['AllowedOAuthFlows'], index: 0, value: 'client_credentials' },
      ], 'json'),
      jsonPretty.replace('"code",\n          "implicit"\n', '"client_credentials"\n'),
    );
  });

  it('list on one line in a document over lines', () => {
    assert.equal(fix(jsonPretty, [{ kind: 'removeItem', path: ['AllowedOAuthScopes'], index: 1 }], 'json'), jsonPretty.replace('["openid", "email"]', '["openid"]'));
    assert.equal(fix(jsonPretty, [{ kind: 'addItem', path: ['AllowedOAuthScopes'], value: 'phone' }], 'json'), jsonPretty.replace('["openid", "email"]', '["openid", "email", "phone"]'));
    assert.equal(
      fix(jsonPretty, [
        { kind: 'removeItem', path: ['AllowedOAuthScopes'], index: 0 },
        { kind: 'addItem', path: ['AllowedOAuthScopes'], value: 'phone' },
      ], 'json'),
      jsonPretty.replace('["openid", "email"]', '["email", "phone"]'),
    );
  });

  it('renameKey keeps the quotes', () => {
    const text = jsonPretty.replace('"EnableTokenRevocation"', '"enableTokenRevocation"');
    const start = text.indexOf('"enableTokenRevocation"');
    assert.equal(fix(text, [{ kind: 'renameKey', keySpan: { start, end: start + 23 }, to: 'EnableTokenRevocation' }], 'json'), jsonPretty);
  });

  it('addDependency: after Type, or into DependsOn', () => {
    assert.equal(
      fix(jsonPretty, [{ kind: 'addDependency', target: 'Idp' }], 'json'),
      jsonPretty.replace('"AWS::Cognito::UserPoolClient",\n', '"AWS::Cognito::UserPoolClient",\n      "DependsOn": "Idp",\n'),
    );
    const single = jsonPretty.replace('"AWS::Cognito::UserPoolClient",\n', '"AWS::Cognito::UserPoolClient",\n      "DependsOn": "Pool",\n');
    assert.equal(fix(single, [{ kind: 'addDependency', target: 'Idp' }], 'json'), single.replace('"DependsOn": "Pool"', '"DependsOn": ["Pool", "Idp"]'));
    const list = jsonPretty.replace('"AWS::Cognito::UserPoolClient",\n', '"AWS::Cognito::UserPoolClient",\n      "DependsOn": [\n        "Pool"\n      ],\n');
    assert.equal(fix(list, [{ kind: 'addDependency', target: 'Idp' }], 'json'), list.replace('"Pool"\n', '"Pool",\n        "Idp"\n'));
  });

  it('insert: creates Properties when the resource has none, over lines', () => {
    const text = ['{', '  "Resources": {', '    "Client": {', '      "Type": "AWS::Cognito::UserPoolClient"', '    }', '  }', '}', ''].join('\n');
    assert.equal(
      fix(text, [{ kind: 'insert', path: ['UserPoolId'], value: '', placeholder: true }], 'json'),
      ['{', '  "Resources": {', '    "Client": {', '      "Type": "AWS::Cognito::UserPoolClient",', '      "Properties": {', '        "UserPoolId": ""', '      }', '    }', '  }', '}', ''].join('\n'),
    );
    const empty = text.replace('"AWS::Cognito::UserPoolClient"', '"AWS::Cognito::UserPoolClient",\n      "Properties": {}');
    assert.equal(
      fix(empty, [{ kind: 'insert', path: ['UserPoolId'], value: '', placeholder: true }], 'json'),
      text.replace('"AWS::Cognito::UserPoolClient"', '"AWS::Cognito::UserPoolClient",\n      "Properties": {\n        "UserPoolId": ""\n      }'),
    );
  });

  it('keeps tabs and CRLF', () => {
    const tabs = jsonPretty.replace(/^( +)/gm, (s) => '\t'.repeat(s.length / 2)).replace(/\n/g, '\r\n');
    assert.equal(
      fix(tabs, [{ kind: 'set', path: ['TokenValidityUnits', 'AccessToken'], value: 'minutes' }], 'json'),
      tabs.replace('"EnableTokenRevocation": false\r\n', '"EnableTokenRevocation": false,\r\n\t\t\t\t"TokenValidityUnits": {\r\n\t\t\t\t\t"AccessToken": "minutes"\r\n\t\t\t\t}\r\n'),
    );
    assert.equal(fix(tabs, [{ kind: 'removeItem', path: ['AllowedOAuthFlows'], index: 1 }], 'json'), tabs.replace('"code",\r\n\t\t\t\t\t"implicit"\r\n', '"code"\r\n'));
  });

  it('keeps comments in JSON with comments', () => {
    const text = jsonPretty.replace('"code",\n', '"code", // the one to keep\n          // implicit is legacy\n');
    assert.equal(fix(text, [{ kind: 'removeItem', path: ['AllowedOAuthFlows'], index: 1 }], 'json'), text.replace('"code", // the one to keep\n          // implicit is legacy\n          "implicit"\n', '"code" // the one to keep\n          // implicit is legacy\n'));
  });

  it('offers no edit under an intrinsic', () => {
    const text = jsonPretty.replace('"EnableTokenRevocation": false', '"TokenValidityUnits": { "Fn::If": ["C", {"AccessToken": "hours"}, {"Ref": "AWS::NoValue"}] }');
    assert.equal(fix(text, [{ kind: 'set', path: ['TokenValidityUnits', 'AccessToken'], value: 'minutes' }], 'json'), undefined);
  });
});

describe('JSON on one line', () => {
  const text = '{"Resources": {"Client": {"Type": "AWS::Cognito::UserPoolClient", "Properties": {"UserPoolId": {"Ref": "Pool"}, "AllowedOAuthScopes": ["openid", "email"], "EnableTokenRevocation": false}}}}';
  const props = (p: string) => `{"Resources": {"Client": {"Type": "AWS::Cognito::UserPoolClient", "Properties": {${p}}}}}`;

  it('set, insert, remove', () => {
    assert.equal(fix(text, [{ kind: 'set', path: ['EnableTokenRevocation'], value: true }], 'json'), text.replace('false', 'true'));
    assert.equal(
      fix(text, [{ kind: 'set', path: ['TokenValidityUnits', 'AccessToken'], value: 'minutes' }], 'json'),
      props('"UserPoolId": {"Ref": "Pool"}, "AllowedOAuthScopes": ["openid", "email"], "EnableTokenRevocation": false, "TokenValidityUnits": {"AccessToken": "minutes"}'),
    );
    assert.equal(fix(text, [{ kind: 'remove', path: ['EnableTokenRevocation'] }], 'json'), props('"UserPoolId": {"Ref": "Pool"}, "AllowedOAuthScopes": ["openid", "email"]'));
    assert.equal(fix(text, [{ kind: 'remove', path: ['UserPoolId'] }], 'json'), props('"AllowedOAuthScopes": ["openid", "email"], "EnableTokenRevocation": false'));
  });

  it('list items', () => {
    assert.equal(fix(text, [{ kind: 'removeItem', path: ['AllowedOAuthScopes'], index: 0 }], 'json'), text.replace('["openid", "email"]', '["email"]'));
    assert.equal(fix(text, [{ kind: 'addItem', path: ['AllowedOAuthScopes'], value: 'phone' }], 'json'), text.replace('["openid", "email"]', '["openid", "email", "phone"]'));
    assert.equal(
      fix(text, [
        { kind: 'removeItem', path: ['AllowedOAuthScopes'], index: 0 },
        { kind: 'removeItem', path: ['AllowedOAuthScopes'], index: 1 },
      ], 'json'),
      text.replace('["openid", "email"]', '[]'),
    );
  });

  it('addDependency', () => {
    assert.equal(fix(text, [{ kind: 'addDependency', target: 'Idp' }], 'json'), text.replace('UserPoolClient", ', 'UserPoolClient", "DependsOn": "Idp", '));
  });

  it('a compact document keeps its separators', () => {
    const compact = '{"Resources":{"Client":{"Type":"AWS::Cognito::UserPoolClient","Properties":{"UserPoolId":"p_1","AllowedOAuthScopes":["openid","email"]}}}}';
    assert.equal(fix(compact, [{ kind: 'addItem', path: ['AllowedOAuthScopes'], value: 'phone' }], 'json'), compact.replace('"email"]', '"email","phone"]'));
    assert.equal(fix(compact, [{ kind: 'set', path: ['TokenValidityUnits', 'AccessToken'], value: 'minutes' }], 'json'), compact.replace('"email"]}', '"email"],"TokenValidityUnits":{"AccessToken":"minutes"}}'));
  });

  it('an array that shows no separator of its own (one item, or none) takes the client\'s, then the document\'s', () => {
    const compact = '{"Resources":{"Client":{"Type":"AWS::Cognito::UserPoolClient","DependsOn":["Pool"],"Properties":{"UserPoolId":"p_1","AllowedOAuthScopes":["openid"],"LogoutURLs":[]}}}}';
    assert.equal(fix(compact, [{ kind: 'addItem', path: ['AllowedOAuthScopes'], value: 'email' }], 'json'), compact.replace('["openid"]', '["openid","email"]'));
    assert.equal(
      fix(compact, [
        { kind: 'addItem', path: ['LogoutURLs'], value: 'https://a.example.com' },
        { kind: 'addItem', path: ['LogoutURLs'], value: 'https://b.example.com' },
      ], 'json'),
      compact.replace('[]', '["https://a.example.com","https://b.example.com"]'),
    );
    assert.equal(
      fix(compact, [
        { kind: 'removeItem', path: ['AllowedOAuthScopes'], index: 0 },
        { kind: 'addItem', path: ['AllowedOAuthScopes'], value: 'email' },
        { kind: 'addItem', path: ['AllowedOAuthScopes'], value: 'phone' },
      ], 'json'),
      compact.replace('["openid"]', '["email","phone"]'),
    );
    assert.equal(fix(compact, [{ kind: 'addDependency', target: 'Idp' }], 'json'), compact.replace('["Pool"]', '["Pool","Idp"]'));
    // A client written with spaces keeps them in a document that is mostly compact, and the reverse.
    const spacedClient = '{"Resources":{"A":{"Type":"AWS::Cognito::UserPool","Properties":{"X":["a","b"],"Y":["c","d"]}},"Client":{"Type": "AWS::Cognito::UserPoolClient", "Properties": {"UserPoolId": "p_1", "AllowedOAuthScopes": ["openid"]}}}}';
    assert.equal(fix(spacedClient, [{ kind: 'addItem', path: ['AllowedOAuthScopes'], value: 'email' }], 'json', 'Client'), spacedClient.replace('["openid"]', '["openid", "email"]'));
  });

  it('an array written over keeps its own separator, in a document that writes others', () => {
    const text = jsonPretty.replace('["openid", "email"]', '["openid","email"]');
    assert.equal(fix(text, [{ kind: 'set', path: ['AllowedOAuthScopes'], value: ['openid', 'phone'] }], 'json'), text.replace('["openid","email"]', '["openid","phone"]'));
    assert.equal(fix(jsonPretty, [{ kind: 'set', path: ['AllowedOAuthScopes'], value: ['openid', 'phone'] }], 'json'), jsonPretty.replace('["openid", "email"]', '["openid", "phone"]'));
    const odd = jsonPretty.replace('["openid", "email"]', '["openid" , "email"]');
    assert.equal(fix(odd, [{ kind: 'set', path: ['AllowedOAuthScopes'], value: ['openid', 'phone', 'profile'] }], 'json'), odd.replace('["openid" , "email"]', '["openid" , "phone" , "profile"]'));
  });
});

// ------------------------------------------------------------------------------------------

describe('YAML scalars', () => {
  it('knows which strings need quotes', () => {
    for (const s of ['code', 'https://example.com/cb', 'ALLOW_USER_SRP_AUTH', 'aws.cognito.signin.user.admin', 'a-b', 'orders.example.com/read', 'café']) {
      assert.ok(plainSafe(s, false), s);
    }
    for (const s of ['', ' a', 'a ', 'true', 'No', 'on', 'null', '~', '12', '-1.5', '1e3', '0x1F', '.inf', '2024-01-01', 'a: b', 'a #b', '#a', '- a', '!x', '*x', '&x', "'a", '"a', '{a}', '[a]', '@a', '`a', 'a:', 'x\ny', '1:30']) {
      assert.ok(!plainSafe(s, false), JSON.stringify(s));
    }
    assert.ok(plainSafe('a,b', false));
    assert.ok(!plainSafe('a,b', true));
  });
});

describe('applying edits', () => {
  it('sorts, applies, and refuses overlaps', () => {
    const edits = [
      { span: { start: 6, end: 11 }, newText: 'there' },
      { span: { start: 0, end: 0 }, newText: '> ' },
      { span: { start: 11, end: 11 }, newText: '!' },
    ];
    assert.equal(applyEdits('hello world', edits), '> hello there!');
    assert.equal(editProblem('hello world', edits), undefined);
    assert.match(editProblem('hello world', [{ span: { start: 0, end: 5 }, newText: '' }, { span: { start: 4, end: 6 }, newText: '' }]) ?? '', /overlaps/);
    assert.match(editProblem('hi', [{ span: { start: 1, end: 9 }, newText: '' }]) ?? '', /outside/);
    assert.throws(() => applyEdits('hi', [{ span: { start: 2, end: 1 }, newText: '' }]));
  });

  it('maps offsets through edits', () => {
    const edits = [{ span: { start: 2, end: 4 }, newText: 'XYZ' }, { span: { start: 6, end: 6 }, newText: '++' }];
    assert.equal(mapOffset(0, edits), 0);
    assert.equal(mapOffset(3, edits), 2);
    assert.equal(mapOffset(4, edits), 5);
    assert.equal(mapOffset(6, edits), 9);
    assert.equal(mapOffset(7, edits), 10);
  });
});
