/**
 * Suppressions in Terraform JSON: `"//"` directives in a resource body (that resource) and at the
 * top level (the whole file), read and written.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyFileContext, type ClientDefinition } from '../../server/src/model';
import { isSuppressed } from '../../server/src/suppress';
import { applyEdits } from '../../server/src/surfaces/apply-edits';
import { readTerraformJson } from '../../server/src/surfaces/terraform/json';
import { terraformJsonSuppressions } from '../../server/src/surfaces/terraform/suppressions-json';

const model = { surface: 'terraform' as const, clients: [], context: emptyFileContext(), problems: [] };
const doc = (text: string) => ({ uri: 'file:///m/main.tf.json', languageId: 'json', text });
const read = (text: string) => terraformJsonSuppressions(doc(text)).read(doc(text), model);

function def(text: string, name: string): Pick<ClientDefinition, 'span' | 'nameSpan'> {
  const b = readTerraformJson(text).blocks.find((x) => x.labels[1] === name);
  assert.ok(b);
  return { span: b.span, nameSpan: b.nameSpan };
}

function ignore(text: string, name: string, rule: string): string | undefined {
  const edits = terraformJsonSuppressions(doc(text)).ignoreInDefinition!(doc(text), def(text, name) as ClientDefinition, rule);
  if (!edits) return undefined;
  const out = applyEdits(text, edits);
  assert.deepEqual(readTerraformJson(out).problems, [], out);
  return out;
}

const file = `{
  "resource": {
    "aws_cognito_user_pool_client": {
      "a": {
        "//": "cognito-client-disable scope-requires-openid, implicit-flow-discouraged -- legacy app",
        "name": "a"
      },
      "b": [
        {
          "name": "b"
        }
      ]
    }
  }
}
`;

describe('Terraform JSON suppressions: reading', () => {
  it('a "//" directive in a body covers that resource only', () => {
    const s = read(file);
    assert.equal(s.length, 1);
    assert.equal(s[0].kind, 'resource');
    assert.deepEqual(s[0].rules, ['scope-requires-openid', 'implicit-flow-discouraged']);
    const a = def(file, 'a');
    assert.deepEqual(s[0].scope, a.span);
    assert.ok(file.slice(s[0].at.start, s[0].at.end).startsWith('"//": "cognito-client-disable'));
    const inA = file.indexOf('"name": "a"');
    const inB = file.indexOf('"name": "b"');
    assert.equal(isSuppressed({ ruleId: 'scope-requires-openid', span: { start: inA, end: inA + 4 } }, s), true);
    assert.equal(isSuppressed({ ruleId: 'scope-requires-openid', span: { start: inB, end: inB + 4 } }, s), false);
    assert.equal(isSuppressed({ ruleId: 'missing-required', span: { start: inA, end: inA + 4 } }, s), false);
  });

  it('a top-level directive covers the file; no ids means every rule; notes and metadata are not directives', () => {
    const t = '{"//": "cognito-client-disable", "resource": {"aws_cognito_user_pool_client": {"w": {"//": {"metadata": {"path": "x"}}, "name": "w"}}}}';
    const s = read(t);
    assert.equal(s.length, 1);
    assert.equal(s[0].kind, 'file');
    assert.equal(s[0].rules, 'all');
    assert.deepEqual(read('{"resource": {"aws_cognito_user_pool_client": {"w": {"//": "just a note", "name": "w"}}}}'), []);
    assert.deepEqual(read('{"resource": {"aws_cognito_user_pool_client": {"w": {"//": "cognito-client-disable-next-line x", "name": "w"}}}}'), []);
    assert.deepEqual(read('{"resource": '), []);
  });
});

describe('Terraform JSON suppressions: writing', () => {
  it('adds a directive as the first member, on its own line', () => {
    assert.equal(ignore(file, 'b', 'unknown-scope'), file.replace('        {\n          "name": "b"', '        {\n          "//": "cognito-client-disable unknown-scope",\n          "name": "b"'));
  });

  it('adds the id to the directive there, before its reason; nothing when it is covered', () => {
    assert.equal(ignore(file, 'a', 'unknown-scope'), file.replace('implicit-flow-discouraged -- legacy app', 'implicit-flow-discouraged, unknown-scope -- legacy app'));
    assert.equal(ignore(file, 'a', 'scope-requires-openid'), file);
    const out = ignore(file, 'a', 'unknown-scope')!;
    const again = read(out);
    assert.deepEqual(again[0].rules, ['scope-requires-openid', 'implicit-flow-discouraged', 'unknown-scope']);
  });

  it('on one line, in an empty body, and beside a CDK for Terraform metadata key', () => {
    const one = '{"resource": {"aws_cognito_user_pool_client": {"w": {"name": "w"}}}}';
    assert.equal(ignore(one, 'w', 'r'), one.replace('{"name"', '{"//": "cognito-client-disable r", "name"'));
    const empty = '{"resource": {"aws_cognito_user_pool_client": {"w": {}}}}';
    assert.equal(ignore(empty, 'w', 'r'), empty.replace('{}', '{"//": "cognito-client-disable r"}'));
    const cdk = '{"resource": {"aws_cognito_user_pool_client": {"w": {"//": {"metadata": {"path": "x"}}, "name": "w"}}}}';
    const out = ignore(cdk, 'w', 'r')!;
    assert.equal(out, cdk.replace('{"//": {', '{"//": "cognito-client-disable r", "//": {'));
    assert.deepEqual(read(out).map((s) => s.rules), [['r']]);
  });
});
