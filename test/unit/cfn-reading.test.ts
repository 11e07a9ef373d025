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
