/**
 * The Terraform JSON cursor: caret tests with `|` for the roles (key, value, item, newResource)
 * inside client bodies and nested blocks in both block forms, half-typed text (an unclosed `"` or
 * `[`, a missing comma), and places where completion has nothing to offer; plus completion through
 * the feature, in Terraform spelling.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { doComplete } from '../../server/src/features/completion';
import { terraformJsonCursor } from '../../server/src/surfaces/terraform/cursor-json';
import type { CursorContext } from '../../server/src/surfaces/cursor-types';
import { analyse } from '../../server/src/service';
import { applyCompletion, caretDocument } from '../support/caret';

function cursorAt(textWithCaret: string): CursorContext | undefined {
  const c = caretDocument(textWithCaret, 'main.tf.json');
  assert.equal(c.surfaceId, 'terraform-json');
  return terraformJsonCursor({ uri: c.document.uri, languageId: c.document.languageId, text: c.document.getText() }, c.offset, c.model);
}

const wrap = (body: string) => `{
  "//": "café ✓ — non-ASCII above",
  "resource": {
    "aws_cognito_user_pool": {"pool": {"name": "p"}},
    "aws_cognito_user_pool_client": {
      "web": {
${body}
      }
    }
  }
}
`;

describe('Terraform JSON cursor: roles', () => {
  it('a key being typed in the client body, with the keys already there', () => {
    const ctx = cursorAt(wrap('        "name": "web",\n        "allowed_oauth_flows": ["code"],\n        "gen|"'));
    assert.ok(ctx);
    assert.equal(ctx.role, 'key');
    assert.deepEqual(ctx.path, []);
    assert.equal(ctx.surface, 'terraform');
    assert.equal(ctx.spelling, 'terraform');
    assert.equal(ctx.style, 'json');
    assert.equal(ctx.prefix, 'gen');
    assert.deepEqual(ctx.quote, { char: '"', closed: true });
    assert.deepEqual(ctx.existingKeys.sort(), ['AllowedOAuthFlows', 'ClientName']);
    assert.equal(ctx.client?.name, 'aws_cognito_user_pool_client.web');
    assert.equal(ctx.indent, '        ');
    assert.equal(ctx.indentUnit, '  ');
  });

  it('a bare caret after a member: a key, with the missing comma noted', () => {
    const text = wrap('        "name": "web"\n        |');
    const ctx = cursorAt(text);
    assert.ok(ctx);
    assert.equal(ctx.role, 'key');
    assert.equal(ctx.prefix, '');
    const { text: plain } = { text: text.replace('|', '') };
    assert.equal(ctx.commaBefore, plain.indexOf('"web"\n') + '"web"'.length);
  });

  it('a value of a string argument, quoted and unquoted', () => {
    const ctx = cursorAt(wrap('        "name": "web",\n        "prevent_user_existence_errors": "EN|"'));
    assert.ok(ctx);
    assert.equal(ctx.role, 'value');
    assert.deepEqual(ctx.path, ['PreventUserExistenceErrors']);
    assert.equal(ctx.prefix, 'EN');
    const bare = cursorAt(wrap('        "name": "web",\n        "generate_secret": |'));
    assert.equal(bare?.role, 'value');
    assert.deepEqual(bare?.path, ['GenerateSecret']);
    assert.equal(bare?.insertPrefix, undefined);
    const afterColon = cursorAt(wrap('        "name": "web",\n        "generate_secret":|'));
    assert.equal(afterColon?.insertPrefix, ' ');
  });

  it('an item of a list, also in an unclosed [ or an unclosed "', () => {
    const ctx = cursorAt(wrap('        "name": "web",\n        "allowed_oauth_flows": ["code", "imp|"]'));
    assert.ok(ctx);
    assert.equal(ctx.role, 'item');
    assert.deepEqual(ctx.path, ['AllowedOAuthFlows']);
    assert.deepEqual(ctx.existingItems, ['code']);
    assert.equal(ctx.prefix, 'imp');
    const open = cursorAt(wrap('        "name": "web",\n        "allowed_oauth_scopes": ["openid", |'));
    assert.equal(open?.role, 'item');
    assert.deepEqual(open?.existingItems, ['openid']);
    const quote = cursorAt(wrap('        "name": "web",\n        "explicit_auth_flows": ["ALLOW_|'));
    assert.equal(quote?.role, 'item');
    assert.deepEqual(quote?.quote, { char: '"', closed: false });
    assert.equal(quote?.prefix, 'ALLOW_');
  });

  it('keys and values in a nested block written as an object or as a one-item array', () => {
    const obj = cursorAt(wrap('        "name": "web",\n        "token_validity_units": {"access_token": "hours", |}'));
    assert.equal(obj?.role, 'key');
    assert.deepEqual(obj?.path, ['TokenValidityUnits']);
    assert.deepEqual(obj?.existingKeys, ['AccessToken']);
    const arr = cursorAt(wrap('        "name": "web",\n        "token_validity_units": [\n          {\n            "id_token": "|"\n          }\n        ]'));
    assert.equal(arr?.role, 'value');
    assert.deepEqual(arr?.path, ['TokenValidityUnits', 'IdToken']);
    // The array itself holds blocks, not values.
    assert.equal(cursorAt(wrap('        "name": "web",\n        "token_validity_units": [|]')), undefined);
  });

  it('the array form of the resource itself, and resource arrays', () => {
    const text = '{"resource": [{"aws_cognito_user_pool_client": [{"web": [{"name": "w", "allowed_oauth_flows": ["|"]}]}]}]}';
    const ctx = cursorAt(text);
    assert.equal(ctx?.role, 'item');
    assert.deepEqual(ctx?.path, ['AllowedOAuthFlows']);
    assert.equal(ctx?.client?.name, 'aws_cognito_user_pool_client.web');
  });

  it('a new resource name under the client type', () => {
    const ctx = cursorAt(wrap('        "name": "web"').replace('    "aws_cognito_user_pool_client": {\n', '    "aws_cognito_user_pool_client": {\n      "ad|"\n'));
    assert.equal(ctx?.role, 'newResource');
    assert.deepEqual(ctx?.path, []);
  });

  it('nothing outside client bodies, in meta-arguments, "//" keys or other resources', () => {
    assert.equal(cursorAt(wrap('        "name": "web",\n        "depends_on": ["|"]')), undefined);
    assert.equal(cursorAt(wrap('        "name": "web",\n        "lifecycle": {"|"}')), undefined);
    assert.equal(cursorAt(wrap('        "//": "|",\n        "name": "web"')), undefined);
    assert.equal(cursorAt(wrap('        "name": "web"').replace('{"name": "p"}', '{"name": "|"}')), undefined);
    assert.equal(cursorAt('{"variable": {"x": {"default": "|"}}}'), undefined);
    assert.equal(cursorAt('{"resource": {"aws_cognito_user_pool_client": {"web": {"name": "w", "unknown_thing": "|"}}}}'), undefined);
    assert.equal(cursorAt('|'), undefined);
  });
});

describe('Terraform JSON completion', () => {
  it('offers argument names in Terraform spelling, not those already there', () => {
    const c = caretDocument(wrap('        "name": "web",\n        "|"'), 'main.tf.json');
    const labels = doComplete(c.document, c.model, c.surfaceId, c.position).items.map((i) => i.label);
    assert.ok(labels.includes('allowed_oauth_flows'), labels.join(', '));
    assert.ok(labels.includes('token_validity_units'));
    assert.ok(!labels.includes('name'));
    assert.ok(!labels.includes('AllowedOAuthFlows'));
    assert.ok(!labels.includes('client_secret'), 'computed: not an input');
  });

  it('offers the enum values not yet in a list', () => {
    const c = caretDocument(wrap('        "name": "web",\n        "allowed_oauth_flows": ["code", "|"]'), 'main.tf.json');
    const items = doComplete(c.document, c.model, c.surfaceId, c.position).items;
    assert.deepEqual([...new Set(items.map((i) => i.label))].sort(), ['client_credentials', 'implicit']);
  });

  it('offers the file\'s user pools as Terraform references, not CloudFormation Refs', () => {
    const c = caretDocument(wrap('        "name": "web",\n        "user_pool_id": |'), 'main.tf.json');
    const items = doComplete(c.document, c.model, c.surfaceId, c.position).items;
    const texts = items.map((i) => applyCompletion(c.document, i));
    assert.ok(texts.some((t) => t.includes('"user_pool_id": "${aws_cognito_user_pool.pool.id}"')), items.map((i) => i.label).join(', '));
    assert.ok(!texts.some((t) => t.includes('"Ref"')));
  });

  it('offers whole clients as Terraform JSON resources where a new client name is written', () => {
    const text = wrap('        "name": "web"').replace('    "aws_cognito_user_pool_client": {\n', '    "aws_cognito_user_pool_client": {\n      |\n');
    const c = caretDocument(text, 'main.tf.json');
    const items = doComplete(c.document, c.model, c.surfaceId, c.position).items;
    assert.ok(items.length > 0, 'archetypes offered');
    for (const item of items) {
      const after = applyCompletion(c.document, item);
      assert.doesNotMatch(after, /"Type"|"Properties"|AllowedOAuthFlows|"Ref"/, item.label);
      assert.match(after, /"allowed_oauth_flows"|"explicit_auth_flows"/, item.label);
      assert.match(after, /"user_pool_id": "\$\{aws_cognito_user_pool\.pool\.id\}"/, item.label);
      const inserted = analyse({ uri: c.document.uri, languageId: 'json', text: after, siblings: [] });
      assert.deepEqual(inserted?.model.problems, [], item.label);
      assert.equal(inserted?.model.clients.length, 2, item.label);
      const archetype = inserted!.model.clients.find((d) => d.name !== 'aws_cognito_user_pool_client.web')!;
      const own = inserted!.findings.filter((f) => f.span.start >= archetype.span.start && f.span.end <= archetype.span.end);
      assert.deepEqual(own.map((f) => f.ruleId), [], `${item.label} draws no finding`);
    }
  });
});

