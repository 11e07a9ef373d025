/**
 * Reading templates the way CloudFormation does (issue 7, items 5-10): duplicate keys, YAML merge
 * keys, `Fn::If` around a whole property, `Fn::ForEach`, `UserPoolId` from a `GetAtt`, and the
 * `UserPoolId` fix that refers to the file's only user pool. Each case runs on YAML and JSON where
 * both apply, and every fix is applied and the result checked again.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DocumentModel } from '../../server/src/model';
import { runRules } from '../../server/src/rules/engine';
import type { Finding, SemanticFix } from '../../server/src/rules/types';
import { parseDocument } from '../../server/src/surfaces';
import { applyEdits } from '../../server/src/surfaces/apply-edits';
import { editsForFix } from '../../server/src/surfaces/edits';
import { clientAt } from '../../server/src/features/fix-all';

interface Linted {
  uri: string;
  languageId: string;
  text: string;
  surfaceId: string;
  model: DocumentModel;
  findings: Finding[];
}

function lint(text: string, json = false): Linted {
  const uri = json ? 'file:///t/template.json' : 'file:///t/template.yaml';
  const languageId = json ? 'json' : 'yaml';
  const parsed = parseDocument({ uri, languageId, text });
  assert.ok(parsed);
  return { uri, languageId, text, surfaceId: parsed.surface.id, model: parsed.model, findings: runRules(parsed.model) };
}

function of(l: Linted, rule: string): Finding[] {
  return l.findings.filter((f) => f.ruleId === rule);
}

function show(l: Linted): string {
  return l.findings.map((f) => `${f.ruleId}@${JSON.stringify(l.text.slice(f.span.start, f.span.end))}: ${f.message}`).join('\n') || '(none)';
}

/** Apply a fix and read the result again; fails when no edit can be made. */
function applyFix(l: Linted, finding: Finding, fix: SemanticFix): Linted {
  const def = clientAt(l.model, finding.span);
  assert.ok(def, 'the finding belongs to a client');
  const edits = editsForFix(l.surfaceId, { uri: l.uri, languageId: l.languageId, text: l.text }, l.model, def, fix);
  assert.ok(edits && edits.length > 0, `no edit for "${fix.title}" in\n${l.text}`);
  const after = lint(applyEdits(l.text, edits), l.languageId === 'json');
  assert.deepEqual(after.model.problems, [], `reads without problems:\n${after.text}`);
  return after;
}

/** The edits a fix would make, or undefined when it is refused. */
export function editsOf(l: Linted, finding: Finding, fix: SemanticFix) {
  const def = clientAt(l.model, finding.span);
  assert.ok(def);
  return editsForFix(l.surfaceId, { uri: l.uri, languageId: l.languageId, text: l.text }, l.model, def, fix);
}

/** A YAML template: a user pool and the client's properties (lines indented by six spaces). */
function yamlTemplate(props: string[], extra: { pools?: string[]; head?: string[] } = {}): string {
  const pools = extra.pools ?? ['UserPool'];
  return [
    "AWSTemplateFormatVersion: '2010-09-09'",
    ...(extra.head ?? []),
    'Resources:',
    ...pools.flatMap((p) => [`  ${p}:`, '    Type: AWS::Cognito::UserPool']),
    '  Client:',
    '    Type: AWS::Cognito::UserPoolClient',
    '    Properties:',
    ...props.map((p) => '      ' + p),
    '',
  ].join('\n');
}

/** A JSON template: a user pool and the client's properties (each `"Key": value`). */
function jsonTemplate(props: string[], extra: { pools?: string[]; head?: string[] } = {}): string {
  const pools = extra.pools ?? ['UserPool'];
  return [
    '{',
    ...(extra.head ?? []),
    '  "Resources": {',
    ...pools.map((p) => `    "${p}": { "Type": "AWS::Cognito::UserPool" },`),
    '    "Client": {',
    '      "Type": "AWS::Cognito::UserPoolClient",',
    '      "Properties": {',
    props.map((p) => '        ' + p).join(',\n'),
    '      }',
    '    }',
    '  }',
    '}',
    '',
  ].join('\n');
}

describe('user-pool-reference: UserPoolId from GetAtt (item 9)', () => {
  const cases = [
    { name: 'yaml', text: yamlTemplate(['UserPoolId: !GetAtt UserPool.Arn', 'ClientName: web']), json: false },
    { name: 'yaml long form', text: yamlTemplate(['UserPoolId:', '  Fn::GetAtt: [UserPool, ProviderName]', 'ClientName: web']), json: false },
    { name: 'json', text: jsonTemplate(['"UserPoolId": { "Fn::GetAtt": ["UserPool", "Arn"] }', '"ClientName": "web"']), json: true },
  ];
  for (const c of cases) {
    it(`flags a pool attribute other than its id and refers to the pool instead: ${c.name}`, () => {
      const before = lint(c.text, c.json);
      const [f, ...rest] = of(before, 'user-pool-reference');
      assert.ok(f, show(before));
      assert.equal(rest.length, 0);
      assert.match(f.message, /UserPoolId takes the user pool's id, but this reads its (Arn|ProviderName) attribute/);
      const fix = f.fixes![0];
      assert.equal(fix.isPreferred, true);
      const after = applyFix(before, f, fix);
      assert.deepEqual(of(after, 'user-pool-reference'), [], show(after));
      assert.match(after.text, c.json ? /"UserPoolId": \{"Ref": "UserPool"\}|"UserPoolId": \{ ?"Ref": "UserPool" ?\}/ : /UserPoolId:(?: !Ref UserPool|\n\s+Ref: UserPool)/);
    });
  }

  it('accepts GetAtt Pool.UserPoolId, and GetAtt of anything that is not a pool of the file', () => {
    for (const value of ['!GetAtt UserPool.UserPoolId', '!GetAtt Stack.Outputs.PoolId', '!GetAtt Custom.PoolId']) {
      const text = yamlTemplate([`UserPoolId: ${value}`, 'ClientName: web'], { head: [] }).replace('Resources:\n', 'Resources:\n  Stack:\n    Type: AWS::CloudFormation::Stack\n  Custom:\n    Type: Custom::Pool\n');
      assert.deepEqual(of(lint(text), 'user-pool-reference'), [], value);
    }
  });
});

describe('missing-required: UserPoolId refers to the only user pool (item 10)', () => {
  for (const json of [false, true]) {
    it(json ? 'json' : 'yaml', () => {
      const text = json ? jsonTemplate(['"ClientName": "web"']) : yamlTemplate(['ClientName: web']);
      const before = lint(text, json);
      const [f] = of(before, 'missing-required');
      assert.ok(f, show(before));
      const [preferred, placeholder] = f.fixes!;
      assert.equal(preferred.title, 'Add UserPoolId referring to user pool UserPool');
      assert.equal(preferred.isPreferred, true);
      assert.equal(preferred.unambiguous, true);
      assert.equal(placeholder.title, 'Add UserPoolId');
      assert.equal(placeholder.isPreferred, false);
      const after = applyFix(before, f, preferred);
      assert.deepEqual(after.findings.filter((x) => x.severity === 'error'), [], show(after));
      assert.ok(after.text.includes(json ? '"UserPoolId": {"Ref": "UserPool"}' : 'UserPoolId: !Ref UserPool'), after.text);
    });
  }

  it('keeps the placeholder alone when the file declares several user pools or none', () => {
    for (const pools of [['A', 'B'], []]) {
      const [f] = of(lint(yamlTemplate(['ClientName: web'], { pools })), 'missing-required');
      assert.deepEqual(f.fixes!.map((x) => [x.title, x.isPreferred]), [['Add UserPoolId', true]]);
    }
  });
});

describe('duplicate-key: a key written twice (item 5)', () => {
  const cases = [
    { name: 'yaml', json: false, text: yamlTemplate(['UserPoolId: !Ref UserPool', 'AccessTokenValidity: 5', 'ClientName: web', 'AccessTokenValidity: 60']) },
    { name: 'json', json: true, text: jsonTemplate(['"UserPoolId": { "Ref": "UserPool" }', '"AccessTokenValidity": 5', '"ClientName": "web"', '"AccessTokenValidity": 60']) },
  ];
  for (const c of cases) {
    it(`reports the earlier key, checks the last one, and the fix removes the earlier one: ${c.name}`, () => {
      const before = lint(c.text, c.json);
      const dup = of(before, 'duplicate-key');
      assert.equal(dup.length, 1, show(before));
      const first = c.text.indexOf('AccessTokenValidity');
      assert.equal(dup[0].span.start, c.json ? first - 1 : first, 'the earlier key is flagged');
      assert.equal(dup[0].severity, 'error');
      assert.equal(before.model.clients[0].properties.get('AccessTokenValidity')?.value.kind === 'number' && (before.model.clients[0].properties.get('AccessTokenValidity')!.value as { value: number }).value, 60, 'the model keeps the last');
      const range = of(before, 'token-validity-range');
      assert.equal(range.length, 1, 'the last occurrence (60 hours) is checked');
      assert.ok(before.text.slice(range[0].span.start, range[0].span.end).includes('60'));

      const after = applyFix(before, dup[0], dup[0].fixes![0]);
      assert.deepEqual(of(after, 'duplicate-key'), []);
      assert.equal(after.text.split('AccessTokenValidity').length, 2, 'one AccessTokenValidity left');
      assert.ok(after.text.includes(c.json ? '"AccessTokenValidity": 60' : 'AccessTokenValidity: 60'));
      assert.equal(of(after, 'token-validity-range').length, 1);
    });
  }

  it('in a nested object, and no finding on the ignored value', () => {
    const before = lint(yamlTemplate(['UserPoolId: !Ref UserPool', 'TokenValidityUnits:', '  AccessToken: Hours', '  AccessToken: hours']));
    const dup = of(before, 'duplicate-key');
    assert.equal(dup.length, 1, show(before));
    assert.match(dup[0].message, /in TokenValidityUnits/);
    assert.deepEqual(of(before, 'invalid-enum-value'), [], 'the ignored "Hours" is not checked');
    const after = applyFix(before, dup[0], dup[0].fixes![0]);
    assert.ok(after.text.includes('TokenValidityUnits:\n        AccessToken: hours\n'), after.text);
    assert.deepEqual(after.findings.filter((f) => f.severity === 'error'), [], show(after));
  });
});

describe('Fn::If around a whole property: every literal branch is checked (item 7)', () => {
  const yamlProps = [
    'UserPoolId: !Ref UserPool',
    'PreventUserExistenceErrors: ENABLED',
    'AllowedOAuthFlowsUserPoolClient: true',
    'AllowedOAuthScopes: [openid]',
    "CallbackURLs: !If [IsProd, ['http://app.example.com/cb'], ['https://app.example.com/cb']]",
    'AccessTokenValidity: !If [IsProd, 60, 5]',
    'AllowedOAuthFlows: !If [IsProd, [code], [code, client_credentials]]',
  ];
  const jsonProps = [
    '"UserPoolId": { "Ref": "UserPool" }',
    '"PreventUserExistenceErrors": "ENABLED"',
    '"AllowedOAuthFlowsUserPoolClient": true',
    '"AllowedOAuthScopes": ["openid"]',
    '"CallbackURLs": { "Fn::If": ["IsProd", ["http://app.example.com/cb"], ["https://app.example.com/cb"]] }',
    '"AccessTokenValidity": { "Fn::If": ["IsProd", 60, 5] }',
    '"AllowedOAuthFlows": { "Fn::If": ["IsProd", ["code"], ["code", "client_credentials"]] }',
  ];
  const cases = [
    { name: 'yaml', json: false, text: yamlTemplate(yamlProps, { head: ['Conditions:', '  IsProd: !Equals [!Ref AWS::Region, us-east-1]'] }) },
    { name: 'json', json: true, text: jsonTemplate(jsonProps, { head: ['  "Conditions": { "IsProd": { "Fn::Equals": [{ "Ref": "AWS::Region" }, "us-east-1"] } },'] }) },
  ];
  for (const c of cases) {
    it(`says which case a finding belongs to: ${c.name}`, () => {
      const l = lint(c.text, c.json);
      const insecure = of(l, 'redirect-uri-insecure');
      assert.equal(insecure.length, 1, show(l));
      assert.match(insecure[0].message, /^When IsProd is true: http:\/\/app\.example\.com\/cb in CallbackURLs/);
      const range = of(l, 'token-validity-range');
      assert.equal(range.length, 1, show(l));
      assert.match(range[0].message, /^When IsProd is true: AccessTokenValidity 60/);
      const exclusive = of(l, 'client-credentials-exclusive');
      assert.equal(exclusive.length, 1, show(l));
      assert.match(exclusive[0].message, /^When IsProd is false: AllowedOAuthFlows combines client_credentials with code/);
      assert.ok(l.findings.every((f) => f.ruleId !== 'user-existence-errors-legacy'));
    });

    it(`a fix of one case edits that branch only: ${c.name}`, () => {
      const l = lint(c.text, c.json);
      const [insecure] = of(l, 'redirect-uri-insecure');
      const fix = insecure.fixes!.find((f) => f.isPreferred)!;
      assert.deepEqual(fix.when, { IsProd: true });
      const after = applyFix(l, insecure, fix);
      assert.deepEqual(of(after, 'redirect-uri-insecure'), [], show(after));
      const q = c.json ? '"' : "'";
      assert.ok(after.text.includes(`[${q}https://app.example.com/cb${q}], [${q}https://app.example.com/cb${q}]`), after.text);

      const [exclusive] = of(l, 'client-credentials-exclusive');
      const remove = exclusive.fixes!.find((f) => f.isPreferred)!;
      assert.deepEqual(remove.when, { IsProd: false });
      const after2 = applyFix(l, exclusive, remove);
      assert.deepEqual(of(after2, 'client-credentials-exclusive'), [], show(after2));
      assert.ok(after2.text.includes(c.json ? '["code"], ["code"]' : '[code], [code]'), after2.text);
    });
  }

  it('a finding of every case is reported once without a condition, and a fix replacing the whole conditional is withheld', () => {
    const l = lint(yamlTemplate(['UserPoolId: !Ref UserPool', 'PreventUserExistenceErrors: LEGACY', 'AccessTokenValidity: !If [IsProd, 60, 5]'], { head: ['Conditions:', '  IsProd: !Equals [a, b]'] }));
    const legacy = of(l, 'user-existence-errors-legacy');
    assert.equal(legacy.length, 1, show(l));
    assert.doesNotMatch(legacy[0].message, /^When/);
    const [range] = of(l, 'token-validity-range');
    for (const fix of range.fixes ?? []) {
      assert.ok(fix.changes.every((ch) => !('path' in ch) || ch.path.join('.') !== 'AccessTokenValidity'), `no fix sets the conditional as a whole: ${fix.title}`);
      assert.notEqual(fix.unambiguous, true, 'a fix changing every case is not automatic');
    }
  });

  it('a branch that leaves the property out (AWS::NoValue) is a case without it', () => {
    const l = lint(yamlTemplate(['UserPoolId: !If [HasPool, !Ref UserPool, !Ref AWS::NoValue]', 'ClientName: web'], { head: ['Conditions:', '  HasPool: !Equals [a, b]'] }));
    const [missing, ...rest] = of(l, 'missing-required');
    assert.equal(rest.length, 0, show(l));
    assert.match(missing.message, /^When HasPool is false: UserPoolId is required/);
    for (const fix of missing.fixes ?? []) assert.equal(editsOf(l, missing, fix), undefined, `"${fix.title}" would write UserPoolId twice`);
  });
});

describe('Fn::ForEach: a client in a loop body is checked once (item 8)', () => {
  const yamlText = [
    'Transform: AWS::LanguageExtensions',
    'Resources:',
    '  UserPool:',
    '    Type: AWS::Cognito::UserPool',
    '  Fn::ForEach::Apps:',
    '    - App',
    '    - [Web, Mobile]',
    '    - ${App}Client:',
    '        Type: AWS::Cognito::UserPoolClient',
    '        Properties:',
    '          UserPoolId: !Ref UserPool',
    '          PreventUserExistenceErrors: ENABLED',
    '          ClientName: ${App}',
    '          AllowedOAuthFlowsUserPoolClient: true',
    '          AllowedOAuthScopes: [openid]',
    '          AllowedOAuthFlows: [implicit]',
    "          CallbackURLs: ['https://${App}.example.com/cb']",
    '',
  ].join('\n');
  const jsonText = JSON.stringify({
    Transform: 'AWS::LanguageExtensions',
    Resources: {
      UserPool: { Type: 'AWS::Cognito::UserPool' },
      'Fn::ForEach::Apps': ['App', ['Web', 'Mobile'], {
        '${App}Client': {
          Type: 'AWS::Cognito::UserPoolClient',
          Properties: {
            UserPoolId: { Ref: 'UserPool' },
            PreventUserExistenceErrors: 'ENABLED',
            ClientName: '${App}',
            AllowedOAuthFlowsUserPoolClient: true,
            AllowedOAuthScopes: ['openid'],
            AllowedOAuthFlows: ['implicit'],
            CallbackURLs: ['https://${App}.example.com/cb'],
          },
        },
      }],
    },
  }, null, 2);
  for (const c of [{ name: 'yaml', json: false, text: yamlText }, { name: 'json', json: true, text: jsonText }]) {
    it(`finds the client, names the loop, leaves \${App} unknown, and fixes the body: ${c.name}`, () => {
      const l = lint(c.text, c.json);
      assert.deepEqual(l.model.problems, []);
      assert.deepEqual(l.model.clients.map((d) => d.name), ['${App}Client']);
      assert.equal(l.model.clients[0].loop, 'Fn::ForEach::Apps (for each App)');
      assert.equal(l.model.clients[0].properties.get('ClientName')?.value.kind, 'unknown');
      const implicit = of(l, 'implicit-flow-discouraged');
      assert.equal(implicit.length, 1, show(l));
      assert.match(implicit[0].message, /^In Fn::ForEach::Apps \(for each App\): The implicit flow/);
      assert.deepEqual(l.findings.filter((f) => f.ruleId.startsWith('redirect-uri')), [], 'the URL with ${App} is unknown');
      const after = applyFix(l, implicit[0], implicit[0].fixes![0]);
      assert.deepEqual(of(after, 'implicit-flow-discouraged'), [], show(after));
      assert.ok(after.text.includes(c.json ? '"code"' : '[code]'), after.text);
    });
  }

  it('follows a loop nested in a loop', () => {
    const text = [
      'Resources:',
      '  Fn::ForEach::Envs:',
      '    - Env',
      '    - [dev, prod]',
      '    - Fn::ForEach::Apps:',
      '        - App',
      '        - [Web]',
      '        - ${Env}${App}Client:',
      '            Type: AWS::Cognito::UserPoolClient',
      '            Properties:',
      '              UserPoolId: !Sub "${Env}-pool"',
      '              PreventUserExistenceErrors: LEGACY',
      '',
    ].join('\n');
    const l = lint(text);
    assert.deepEqual(l.model.clients.map((d) => d.name), ['${Env}${App}Client']);
    const [legacy] = of(l, 'user-existence-errors-legacy');
    assert.match(legacy.message, /^In Fn::ForEach::Envs \(for each Env\), Fn::ForEach::Apps \(for each App\): /);
  });
});

describe('YAML merge keys (item 6)', () => {
  const text = [
    'Resources:',
    '  UserPool:',
    '    Type: AWS::Cognito::UserPool',
    '  Web:',
    '    Type: AWS::Cognito::UserPoolClient',
    '    Properties: &defaults',
    '      UserPoolId: !Ref UserPool',
    '      PreventUserExistenceErrors: ENABLED',
    '      AccessTokenValidity: 600',
    '  Mobile:',
    '    Type: AWS::Cognito::UserPoolClient',
    '    Properties:',
    '      <<: *defaults',
    '      ClientName: mobile',
    '      AccessTokenValidity: 1',
    '  Other:',
    '    Type: AWS::Cognito::UserPoolClient',
    '    Properties:',
    '      <<: *defaults',
    '      ClientName: other',
    '      EnableTokenRevocation: false',
    '',
  ].join('\n');

  it('resolves a merge: no unknown <<, no missing UserPoolId, the own key wins, merged values keep their location', () => {
    const l = lint(text);
    assert.deepEqual(l.model.problems, []);
    assert.deepEqual(of(l, 'unknown-property'), [], show(l));
    assert.deepEqual(of(l, 'missing-required'), [], show(l));
    const [, mobile, other] = l.model.clients;
    const own = mobile.properties.get('AccessTokenValidity')!;
    assert.equal(own.value.kind === 'number' && own.value.value, 1, 'the key the mapping writes itself wins');
    const merged = other.properties.get('UserPoolId')!;
    assert.equal(merged.keySpan.start, text.indexOf('UserPoolId'), 'the merged member is located where the anchor writes it');
    // Web's own 600, and Other's merged 600 flagged where it is written, naming Other, without fixes.
    const range = of(l, 'token-validity-range');
    assert.equal(range.length, 2, show(l));
    assert.ok(range.every((f) => l.text.slice(f.span.start, f.span.end) === '600'));
    const viaMerge = range.find((f) => f.message.startsWith('Other gets this from a YAML merge (<<): '));
    assert.ok(viaMerge, show(l));
    assert.equal(viaMerge.fixes, undefined);
  });

  it('fixes never edit the merged anchor or the mapping with merged entries, and do edit what the client writes itself', () => {
    const l = lint(text);
    const [revocation] = of(l, 'token-revocation-disabled');
    assert.ok(revocation?.fixes?.length, show(l));
    assert.ok(revocation, show(l));
    // Setting EnableTokenRevocation replaces a member of the body that has merged entries: refused.
    for (const fix of revocation.fixes ?? []) assert.equal(editsOf(l, revocation, fix), undefined, fix.title);
    // A list the client writes itself is edited as usual.
    const withList = text.replace('      ClientName: mobile\n', '      ClientName: mobile\n      AllowedOAuthFlows: [implicit]\n');
    const l2 = lint(withList);
    const implicit = of(l2, 'implicit-flow-discouraged')[0];
    const after = applyFix(l2, implicit, implicit.fixes![0]);
    assert.ok(after.text.includes('AllowedOAuthFlows: [code]'), after.text);
    assert.ok(after.text.includes('    Properties: &defaults\n      UserPoolId: !Ref UserPool\n      PreventUserExistenceErrors: ENABLED\n      AccessTokenValidity: 600\n'), 'the anchor is untouched');
  });

  it('a finding outside the client that is not about a merged member keeps its message and fixes (an output revealing the secret)', () => {
    const l = lint(yamlTemplate(['UserPoolId: !Ref UserPool', 'GenerateSecret: true']) + 'Outputs:\n  Secret:\n    Value: !GetAtt Client.ClientSecret\n');
    const [output] = of(l, 'client-secret-output');
    assert.ok(output, show(l));
    assert.doesNotMatch(output.message, /YAML merge/);
  });

  it('a merge of a list of anchors (the first wins) and of an inline mapping; an unresolvable merge makes the body unknown', () => {
    const doc = [
      'Metadata:',
      '  a: &a {ClientName: first}',
      '  b: &b {ClientName: second, UserPoolId: !Ref P}',
      '  c: &c [1]',
      'Resources:',
      '  P:',
      '    Type: AWS::Cognito::UserPool',
      '  C1:',
      '    Type: AWS::Cognito::UserPoolClient',
      '    Properties:',
      '      <<: [*a, *b]',
      '  C2:',
      '    Type: AWS::Cognito::UserPoolClient',
      '    Properties:',
      '      <<: {UserPoolId: !Ref P}',
      '      ClientName: two',
      '  C3:',
      '    Type: AWS::Cognito::UserPoolClient',
      '    Properties:',
      '      <<: *c',
      '      ClientNam: three',
      '',
    ].join('\n');
    const l = lint(doc);
    const [c1, c2, c3] = l.model.clients;
    const name = c1.properties.get('ClientName')!.value;
    assert.equal(name.kind === 'string' && name.value, 'first');
    assert.equal(c1.properties.get('UserPoolId')?.value.kind, 'unknown');
    assert.equal(c2.properties.get('UserPoolId')?.value.kind, 'unknown');
    assert.deepEqual(of(l, 'missing-required'), [], show(l));
    assert.equal(c3.body?.kind, 'unknown', 'a merge of a list is not a mapping: the body is unknown');
    assert.deepEqual(of(l, 'unknown-property'), [], show(l));
  });
});

describe('YAML merge keys on hostile input', () => {
  it('reads each merged anchor once: merges of merges do not blow up', () => {
    const lines = ['Metadata:', '  l0: &l0 {A0: 1, A1: 2}'];
    for (let i = 1; i <= 30; i++) lines.push(`  l${i}: &l${i} {<<: [${Array.from({ length: 10 }, () => `*l${i - 1}`).join(', ')}], K${i}: ${i}}`);
    lines.push('Resources:', '  C:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:', '      <<: *l30', '');
    const started = Date.now();
    const l = lint(lines.join('\n'));
    assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
    assert.equal(l.model.clients.length, 1);
  });

  it('a merge that loops back to its own mapping is opaque, never endless', () => {
    const l = lint(['Resources:', '  C:', '    Type: AWS::Cognito::UserPoolClient', '    Properties: &p', '      ClientName: x', '      Nested: &n {<<: *n}', '      Self: {<<: *p}', ''].join('\n'));
    assert.equal(l.model.clients.length, 1);
  });
});

describe('Fn::If around the whole Properties (item 7)', () => {
  const yamlText = [
    'Conditions:',
    '  IsProd: !Equals [a, b]',
    'Resources:',
    '  UserPool:',
    '    Type: AWS::Cognito::UserPool',
    '  Client:',
    '    Type: AWS::Cognito::UserPoolClient',
    '    Properties: !If',
    '      - IsProd',
    '      - {UserPoolId: !Ref UserPool, PreventUserExistenceErrors: ENABLED, AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthScopes: [openid], CallbackURLs: [https://a.example.com/cb], AllowedOAuthFlows: [implicit]}',
    '      - {UserPoolId: !Ref UserPool, PreventUserExistenceErrors: ENABLED, AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthScopes: [openid], CallbackURLs: [https://a.example.com/cb], AllowedOAuthFlows: [code]}',
    '',
  ].join('\n');
  const branch = (flow: string) => ({ UserPoolId: { Ref: 'UserPool' }, PreventUserExistenceErrors: 'ENABLED', AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthScopes: ['openid'], CallbackURLs: ['https://a.example.com/cb'], AllowedOAuthFlows: [flow] });
  const jsonText = JSON.stringify({
    Conditions: { IsProd: { 'Fn::Equals': ['a', 'b'] } },
    Resources: { UserPool: { Type: 'AWS::Cognito::UserPool' }, Client: { Type: 'AWS::Cognito::UserPoolClient', Properties: { 'Fn::If': ['IsProd', branch('implicit'), branch('code')] } } },
  }, null, 2);
  for (const c of [{ name: 'yaml', json: false, text: yamlText }, { name: 'json', json: true, text: jsonText }]) {
    it(`checks each case of the body and fixes that case's branch: ${c.name}`, () => {
      const l = lint(c.text, c.json);
      const [implicit, ...rest] = of(l, 'implicit-flow-discouraged');
      assert.equal(rest.length, 0, show(l));
      assert.match(implicit.message, /^When IsProd is true: The implicit flow/);
      const fix = implicit.fixes![0];
      assert.deepEqual(fix.when, { IsProd: true });
      const after = applyFix(l, implicit, fix);
      assert.deepEqual(of(after, 'implicit-flow-discouraged'), [], show(after));
      assert.equal(after.text.split(c.json ? '"code"' : '[code]').length, 3, `both branches now say code:\n${after.text}`);
    });
  }

  it('a body left out in one case misses UserPoolId in that case, with no fix that would write Properties twice', () => {
    const text = yamlText.replace(/ {6}- \{UserPoolId: !Ref UserPool, PreventUserExistenceErrors: ENABLED, AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthScopes: \[openid\], CallbackURLs: \[https:\/\/a\.example\.com\/cb\], AllowedOAuthFlows: \[code\]\}/, '      - !Ref AWS::NoValue');
    const l = lint(text);
    const [missing, ...rest] = of(l, 'missing-required');
    assert.equal(rest.length, 0, show(l));
    assert.match(missing.message, /^When IsProd is false: UserPoolId is required/);
    for (const fix of missing.fixes ?? []) assert.equal(editsOf(l, missing, fix), undefined, fix.title);
  });
});

describe('Fn::If: a misspelled key in one case is renamed in that branch', () => {
  for (const json of [false, true]) {
    it(json ? 'json' : 'yaml', () => {
      const text = json
        ? jsonTemplate(['"UserPoolId": { "Ref": "UserPool" }', '"PreventUserExistenceErrors": "ENABLED"', '"TokenValidityUnits": { "Fn::If": ["IsProd", { "AccessTokn": "hours" }, { "AccessToken": "minutes" }] }'], { head: ['  "Conditions": { "IsProd": { "Fn::Equals": ["a", "b"] } },'] })
        : yamlTemplate(['UserPoolId: !Ref UserPool', 'PreventUserExistenceErrors: ENABLED', 'TokenValidityUnits: !If [IsProd, {AccessTokn: hours}, {AccessToken: minutes}]'], { head: ['Conditions:', '  IsProd: !Equals [a, b]'] });
      const l = lint(text, json);
      const [unknown, ...rest] = of(l, 'unknown-property');
      assert.equal(rest.length, 0, show(l));
      assert.match(unknown.message, /^When IsProd is true: AccessTokn is not a member of TokenValidityUnits/);
      const fix = unknown.fixes!.find((f) => f.isPreferred)!;
      const after = applyFix(l, unknown, fix);
      assert.deepEqual(of(after, 'unknown-property'), [], show(after));
      assert.equal(after.text.split('AccessToken').length, 3, after.text);
    });
  }
});

describe('Fn::If in a branch of Fn::If', () => {
  it('names both conditions of the case, and edits the inner branch of that case only', () => {
    const l = lint(yamlTemplate([
      'UserPoolId: !Ref UserPool',
      'PreventUserExistenceErrors: ENABLED',
      'AllowedOAuthFlowsUserPoolClient: true',
      'AllowedOAuthScopes: [openid]',
      'CallbackURLs: [https://a.example.com/cb]',
      'AllowedOAuthFlows: !If [IsProd, !If [IsEu, [implicit], [code]], [code]]',
    ], { head: ['Conditions:', '  IsProd: !Equals [a, b]', '  IsEu: !Equals [c, d]'] }));
    const [implicit, ...rest] = of(l, 'implicit-flow-discouraged');
    assert.equal(rest.length, 0, show(l));
    assert.match(implicit.message, /^When IsProd is true and IsEu is true: The implicit flow/);
    const after = applyFix(l, implicit, implicit.fixes![0]);
    assert.ok(after.text.includes('AllowedOAuthFlows: !If [IsProd, !If [IsEu, [code], [code]], [code]]'), after.text);
  });
});
