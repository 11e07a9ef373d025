/**
 * The Terraform JSON edit builder, change kind by change kind: each case asserts the exact text
 * after applying the edits (and that it reads again without problems with the Terraform JSON
 * reader), over the object form (as CDK for Terraform writes) and the array form, on several lines
 * and on one line, or that no edit is offered where one would be unsafe.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyFileContext, type ClientDefinition, type SemanticChange } from '../../server/src/model';
import { referenceValue } from '../../server/src/model/reference-value';
import { applyEdits, editProblem } from '../../server/src/surfaces/apply-edits';
import { terraformJsonEdits } from '../../server/src/surfaces/terraform/edits-json';
import { readTerraformJson } from '../../server/src/surfaces/terraform/json';
import { editsForFix } from '../../server/src/surfaces/edits';
import { clientAt, fixAll } from '../../server/src/features/fix-all';
import { analyse } from '../../server/src/service';
import type { Scenario } from '../support/scenario';
import { terraformJson } from '../support/scenario-terraform';
import { terraformJsonSurface } from '../../server/src/surfaces/terraform';
import { terraformJsonWithoutDefinitions } from '../../server/src/surfaces/terraform/remove-json';
import { reduceTo } from '../../server/src/surfaces/reduce';

/**
 * The client definition of block `name` as far as the edit builder looks at it (its position,
 * spelling and explicit dependencies), made from the reader's block.
 */
function definition(text: string, name = 'web', dependsOn: string[] = []): ClientDefinition {
  const block = readTerraformJson(text).blocks.find((b) => b.kind === 'resource' && b.labels[1] === name);
  assert.ok(block, `block ${name}`);
  return { surface: 'terraform', spelling: 'terraform', operation: 'resource', name, span: block.span, nameSpan: block.nameSpan, properties: new Map(), dependsOn, references: new Set() };
}

/** Apply one fix made of `changes` to client `name`; the text, or undefined when no edit is offered. */
function fix(text: string, changes: SemanticChange[], name = 'web', dependsOn: string[] = []): string | undefined {
  assert.deepEqual(readTerraformJson(text).problems, [], 'the input reads without problems');
  const doc = { uri: 'file:///t/main.tf.json', languageId: 'json', text };
  const model = { surface: 'terraform' as const, clients: [], context: emptyFileContext(), problems: [] };
  const edits = terraformJsonEdits(doc, definition(text, name, dependsOn), { title: 'test', changes }, model);
  if (!edits) return undefined;
  assert.equal(editProblem(text, edits), undefined);
  const out = applyEdits(text, edits);
  assert.deepEqual(readTerraformJson(out).problems, [], `the result reads without problems:\n${out}`);
  assert.doesNotThrow(() => JSON.parse(out), out);
  return out;
}

const lines = (...l: string[]) => l.join('\n') + '\n';

/** An object-form file (CDK for Terraform) with the client's body lines. */
const objectForm = (...body: string[]) =>
  lines(
    '{',
    '  "//": "café ✓ — non-ASCII above the client",',
    '  "resource": {',
    '    "aws_cognito_user_pool_client": {',
    '      "web": {',
    ...body,
    '      }',
    '    }',
    '  }',
    '}',
  );

/** An array-form file with the client's body lines. */
const arrayForm = (...body: string[]) =>
  lines('{', '  "resource": {', '    "aws_cognito_user_pool_client": {', '      "web": [', '        {', ...body, '        }', '      ]', '    }', '  }', '}');

const base = [
  '        "name": "web",',
  '        "user_pool_id": "${aws_cognito_user_pool.pool.id}",',
  '        "allowed_oauth_flows": [',
  '          "code",',
  '          "implicit"',
  '        ],',
  '        "allowed_oauth_scopes": ["openid", "email"],',
  '        "enable_token_revocation": false',
];

describe('Terraform JSON edits: object form', () => {
  const text = objectForm(...base);

  it('set: replaces a scalar in place, in Terraform spelling', () => {
    assert.equal(fix(text, [{ kind: 'set', path: ['EnableTokenRevocation'], value: true }]), text.replace('"enable_token_revocation": false', '"enable_token_revocation": true'));
  });

  it('set: a missing property goes after the last one, with a comma', () => {
    assert.equal(
      fix(text, [{ kind: 'set', path: ['PreventUserExistenceErrors'], value: 'ENABLED' }]),
      objectForm(...base.slice(0, -1), '        "enable_token_revocation": false,', '        "prevent_user_existence_errors": "ENABLED"'),
    );
  });

  it('set: creates a missing nested block as an object (the resource is an object) and two changes share it', () => {
    assert.equal(
      fix(text, [
        { kind: 'set', path: ['TokenValidityUnits', 'AccessToken'], value: 'minutes' },
        { kind: 'set', path: ['TokenValidityUnits', 'IdToken'], value: 'minutes' },
        { kind: 'set', path: ['AccessTokenValidity'], value: 30 },
      ]),
      objectForm(
        ...base.slice(0, -1),
        '        "enable_token_revocation": false,',
        '        "token_validity_units": {',
        '          "access_token": "minutes",',
        '          "id_token": "minutes"',
        '        },',
        '        "access_token_validity": 30',
      ),
    );
  });

  it('set: into an existing nested block written as an object or as a one-item array', () => {
    const obj = objectForm('        "name": "web",', '        "token_validity_units": {"id_token": "hours"}');
    assert.equal(fix(obj, [{ kind: 'set', path: ['TokenValidityUnits', 'AccessToken'], value: 'minutes' }]), obj.replace('{"id_token": "hours"}', '{"id_token": "hours", "access_token": "minutes"}'));
    const arr = objectForm('        "name": "web",', '        "token_validity_units": [', '          {', '            "id_token": "hours"', '          }', '        ]');
    assert.equal(
      fix(arr, [{ kind: 'set', path: ['TokenValidityUnits', 'IdToken'], value: 'minutes' }, { kind: 'set', path: ['TokenValidityUnits', 'RefreshToken'], value: 'days' }]),
      objectForm('        "name": "web",', '        "token_validity_units": [', '          {', '            "id_token": "minutes",', '            "refresh_token": "days"', '          }', '        ]'),
    );
  });

  it('set: a whole nested block keeps the form it is written in', () => {
    const arr = objectForm('        "name": "web",', '        "refresh_token_rotation": [{"feature": "DISABLED"}]');
    assert.equal(fix(arr, [{ kind: 'set', path: ['RefreshTokenRotation'], value: { Feature: 'ENABLED', RetryGracePeriodSeconds: 10 } }]), arr.replace('[{"feature": "DISABLED"}]', '[{"feature": "ENABLED", "retry_grace_period_seconds": 10}]'));
  });

  it('set: a null parent becomes the nested block', () => {
    const t = objectForm('        "name": "web",', '        "token_validity_units": null');
    assert.equal(fix(t, [{ kind: 'set', path: ['TokenValidityUnits', 'AccessToken'], value: 'hours' }]), t.replace('"token_validity_units": null', '"token_validity_units": {"access_token": "hours"}'));
  });

  it('set: a reference is written as an interpolation', () => {
    const t = objectForm('        "name": "web",', '        "user_pool_id": "${aws_cognito_user_pool.pol.id}"');
    assert.equal(fix(t, [{ kind: 'set', path: ['UserPoolId'], value: { Ref: 'aws_cognito_user_pool.pool' } }]), t.replace('pol.id', 'pool.id'));
    assert.equal(fix(t, [{ kind: 'set', path: ['UserPoolId'], value: { 'Fn::GetAtt': ['a', 'b'] } }]), undefined);
  });

  it('remove: the last member takes the comma before it; a middle one its own line', () => {
    assert.equal(fix(text, [{ kind: 'remove', path: ['EnableTokenRevocation'] }]), objectForm(...base.slice(0, -2), '        "allowed_oauth_scopes": ["openid", "email"]'));
    assert.equal(fix(text, [{ kind: 'remove', path: ['AllowedOAuthScopes'] }]), objectForm(...base.filter((l) => !l.includes('scopes'))));
    // Removing what is not there changes nothing.
    assert.equal(fix(text, [{ kind: 'remove', path: ['ExplicitAuthFlows'] }]), text);
  });

  it('remove: inside a nested block', () => {
    const t = objectForm('        "name": "web",', '        "token_validity_units": [{"id_token": "hours", "access_token": "hours"}]');
    assert.equal(fix(t, [{ kind: 'remove', path: ['TokenValidityUnits', 'IdToken'] }]), t.replace('"id_token": "hours", ', ''));
  });

  it('rename and renameKey write the Terraform name', () => {
    assert.equal(fix(text, [{ kind: 'rename', path: ['AllowedOAuthScopes'], to: 'ReadAttributes' }]), text.replace('"allowed_oauth_scopes"', '"read_attributes"'));
    const typo = objectForm('        "name": "web",', '        "token_validity_units": {"acess_token": "hours"}');
    const keyStart = typo.indexOf('"acess_token"');
    assert.equal(fix(typo, [{ kind: 'renameKey', keySpan: { start: keyStart, end: keyStart + '"acess_token"'.length }, to: 'AccessToken' }]), typo.replace('acess_token', 'access_token'));
  });

  it('addItem: to a multi-line list and to a one-line list, in their layouts', () => {
    assert.equal(fix(text, [{ kind: 'addItem', path: ['AllowedOAuthFlows'], value: 'client_credentials' }]), text.replace('          "implicit"\n', '          "implicit",\n          "client_credentials"\n'));
    assert.equal(fix(text, [{ kind: 'addItem', path: ['AllowedOAuthScopes'], value: 'profile' }]), text.replace('["openid", "email"]', '["openid", "email", "profile"]'));
  });

  it('addItem: creates a missing list', () => {
    assert.equal(
      fix(text, [{ kind: 'addItem', path: ['ExplicitAuthFlows'], value: 'ALLOW_REFRESH_TOKEN_AUTH' }]),
      objectForm(...base.slice(0, -1), '        "enable_token_revocation": false,', '        "explicit_auth_flows": [', '          "ALLOW_REFRESH_TOKEN_AUTH"', '        ]'),
    );
  });

  it('removeItem and replaceItem: by index into the list as written, together', () => {
    assert.equal(fix(text, [{ kind: 'removeItem', path: ['AllowedOAuthFlows'], index: 1 }]), text.replace('          "code",\n          "implicit"\n', '          "code"\n'));
    assert.equal(
      fix(text, [
        { kind: 'replaceItem', path: ['AllowedOAuthScopes'], index: 0, value: 'phone' },
        { kind: 'removeItem', path: ['AllowedOAuthScopes'], index: 1 },
      ]),
      text.replace('["openid", "email"]', '["phone"]'),
    );
    assert.equal(fix(text, [{ kind: 'removeItem', path: ['AllowedOAuthScopes'], index: 5 }]), undefined);
  });

  it('addDependency: writes depends_on with the address, then adds to it', () => {
    const added = fix(text, [{ kind: 'addDependency', target: 'aws_cognito_identity_provider.google' }]);
    assert.equal(added, objectForm(...base.slice(0, -1), '        "enable_token_revocation": false,', '        "depends_on": [', '          "aws_cognito_identity_provider.google"', '        ]'));
    const more = fix(added!, [{ kind: 'addDependency', target: 'aws_cognito_resource_server.api' }], 'web', ['aws_cognito_identity_provider.google']);
    assert.ok(more!.includes('"aws_cognito_identity_provider.google",\n          "aws_cognito_resource_server.api"\n'));
    // Already there (also written as an interpolation): nothing to do.
    const interp = objectForm('        "name": "web",', '        "depends_on": ["${aws_cognito_resource_server.api}"]');
    assert.deepEqual(terraformJsonEdits({ uri: 'u', languageId: 'json', text: interp }, definition(interp), { title: 't', changes: [{ kind: 'addDependency', target: 'aws_cognito_resource_server.api' }] }, { surface: 'terraform', clients: [], context: emptyFileContext(), problems: [] }), []);
  });

  it('removeKey removes one occurrence of a key written twice, also in a nested block', () => {
    const t = objectForm('        "name": "web",', '        "generate_secret": true,', '        "token_validity_units": [{"id_token": "hours", "id_token": "days"}],', '        "generate_secret": false');
    const first = t.indexOf('"generate_secret"');
    assert.equal(
      fix(t, [{ kind: 'removeKey', keySpan: { start: first, end: first + '"generate_secret"'.length } }]),
      objectForm('        "name": "web",', '        "token_validity_units": [{"id_token": "hours", "id_token": "days"}],', '        "generate_secret": false'),
    );
    const second = t.lastIndexOf('"id_token"');
    assert.equal(fix(t, [{ kind: 'removeKey', keySpan: { start: second, end: second + '"id_token"'.length } }]), t.replace(', "id_token": "days"', ''));
    assert.equal(fix(t, [{ kind: 'removeKey', keySpan: { start: 0, end: 1 } }]), undefined);
  });

  it('a reference marker is written as an interpolation; a fix for one case of a conditional is refused', () => {
    const t = objectForm('        "name": "web",', '        "user_pool_id": "pool-id"');
    assert.equal(fix(t, [{ kind: 'set', path: ['UserPoolId'], value: referenceValue('aws_cognito_user_pool.main') }]), t.replace('"pool-id"', '"${aws_cognito_user_pool.main.id}"'));
    const doc = { uri: 'u', languageId: 'json', text: t };
    const model = { surface: 'terraform' as const, clients: [], context: emptyFileContext(), problems: [] };
    assert.equal(terraformJsonEdits(doc, definition(t), { title: 't', when: { c: true }, changes: [{ kind: 'set', path: ['ClientName'], value: 'x' }] }, model), undefined);
  });

  it('refuses targets under an interpolation', () => {
    const t = objectForm('        "name": "web",', '        "token_validity_units": "${var.units}"');
    assert.equal(fix(t, [{ kind: 'set', path: ['TokenValidityUnits', 'AccessToken'], value: 'hours' }]), undefined);
    assert.equal(fix(t, [{ kind: 'addItem', path: ['ClientName'], value: 'x' }]), undefined);
  });

  it('keeps "//" entries and their commas', () => {
    const t = objectForm('        "//": "cognito-client-disable scope-requires-openid",', '        "name": "web",', '        "generate_secret": true');
    assert.equal(fix(t, [{ kind: 'remove', path: ['GenerateSecret'] }]), objectForm('        "//": "cognito-client-disable scope-requires-openid",', '        "name": "web"'));
    assert.equal(fix(t, [{ kind: 'remove', path: ['ClientName'] }]), objectForm('        "//": "cognito-client-disable scope-requires-openid",', '        "generate_secret": true'));
  });
});

describe('Terraform JSON edits: array form and other layouts', () => {
  const body = ['          "name": "web",', '          "allowed_oauth_flows": ["code"]'];
  const text = arrayForm(...body);

  it('new nested blocks are one-item arrays where the resource is one', () => {
    assert.equal(
      fix(text, [{ kind: 'set', path: ['TokenValidityUnits', 'AccessToken'], value: 'minutes' }]),
      arrayForm('          "name": "web",', '          "allowed_oauth_flows": ["code"],', '          "token_validity_units": [', '            {', '              "access_token": "minutes"', '            }', '          ]'),
    );
  });

  it('new nested blocks follow the form the file uses for nested blocks', () => {
    const t = lines(
      '{',
      '  "resource": {',
      '    "aws_cognito_user_pool_client": {',
      '      "a": {"name": "a", "token_validity_units": [{"id_token": "hours"}]},',
      '      "web": {"name": "web"}',
      '    }',
      '  }',
      '}',
    );
    assert.equal(fix(t, [{ kind: 'set', path: ['AnalyticsConfiguration', 'UserDataShared'], value: true }]), t.replace('"web": {"name": "web"}', '"web": {"name": "web", "analytics_configuration": [{"user_data_shared": true}]}'));
  });

  it('several blocks under one name: the one whose span is the definition\'s', () => {
    const t = '{"resource": {"aws_cognito_user_pool_client": {"web": [{"name": "a"}, {"name": "b"}]}}}';
    const def = readTerraformJson(t).blocks[1];
    const doc = { uri: 'u', languageId: 'json', text: t };
    const edits = terraformJsonEdits(
      doc,
      { surface: 'terraform', spelling: 'terraform', operation: 'resource', name: 'web', span: def.span, nameSpan: def.nameSpan, properties: new Map(), dependsOn: [], references: new Set() },
      { title: 't', changes: [{ kind: 'set', path: ['ClientName'], value: 'c' }] },
      { surface: 'terraform', clients: [], context: emptyFileContext(), problems: [] },
    );
    assert.equal(applyEdits(t, edits!), t.replace('"b"', '"c"'));
  });

  it('a file on one line with tight separators, and tabs with CRLF', () => {
    const t = '{"resource":{"aws_cognito_user_pool_client":{"web":{"name":"web","allowed_oauth_scopes":["openid"]}}}}';
    assert.equal(fix(t, [{ kind: 'set', path: ['GenerateSecret'], value: true }, { kind: 'addItem', path: ['AllowedOAuthScopes'], value: 'email' }]), t.replace('["openid"]}', '["openid","email"],"generate_secret":true}'));
    const crlf = '{\r\n\t"resource": {\r\n\t\t"aws_cognito_user_pool_client": {\r\n\t\t\t"web": {\r\n\t\t\t\t"name": "web"\r\n\t\t\t}\r\n\t\t}\r\n\t}\r\n}\r\n';
    assert.equal(
      fix(crlf, [{ kind: 'set', path: ['TokenValidityUnits', 'IdToken'], value: 'hours' }]),
      crlf.replace('\t\t\t\t"name": "web"\r\n', '\t\t\t\t"name": "web",\r\n\t\t\t\t"token_validity_units": {\r\n\t\t\t\t\t"id_token": "hours"\r\n\t\t\t\t}\r\n'),
    );
  });

  it('an empty body gains its first member, on its line or over lines as the body is written', () => {
    const t = objectForm().replace('"web": {\n      }', '"web": {}');
    assert.equal(fix(t, [{ kind: 'set', path: ['ClientName'], value: 'w' }]), t.replace('"web": {}', '"web": {"name": "w"}'));
    const open = objectForm();
    assert.equal(fix(open, [{ kind: 'set', path: ['ClientName'], value: 'w' }]), objectForm('        "name": "w"'));
  });
});

describe('Terraform JSON edits through the surface: rule fixes and fix-all', () => {
  const many: Scenario = {
    client: {
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['CODE'],
      AllowedOAuthScopes: ['openid', 'Email', 'email'],
      CallbackURLs: ['http://a.example.com/cb', 'https://a.example.com/#x'],
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'],
      EnableTokenRevocation: false,
    },
  };
  const docOf = (text: string) => ({ uri: 'file:///m/main.tf.json', languageId: 'json', text, siblings: [] });

  it('every fix the rules offer on a scenario applies through the registry and reads the same', () => {
    const text = terraformJson.render(many).text;
    const analysis = analyse(docOf(text))!;
    assert.equal(analysis.surface.id, 'terraform-json');
    let applied = 0;
    for (const finding of analysis.findings) {
      for (const f of finding.fixes ?? []) {
        const def = clientAt(analysis.model, finding.span);
        assert.ok(def);
        const edits = editsForFix('terraform-json', docOf(text), analysis.model, def, f);
        assert.ok(edits && edits.length > 0, `${finding.ruleId}: ${f.title}`);
        const out = applyEdits(text, edits);
        assert.deepEqual(readTerraformJson(out).problems, []);
        applied++;
      }
    }
    assert.ok(applied >= 5, `${applied} fixes`);
  });

  it('fix-all fixes the twin and a second run changes nothing', () => {
    const text = terraformJson.render(many).text;
    const once = fixAll(docOf(text))!;
    assert.ok(once.stable, `stable after ${once.passes} passes`);
    const left = analyse(docOf(once.text))!.findings.map((f) => f.ruleId);
    for (const rule of ['invalid-enum-value', 'unknown-scope', 'duplicate-value', 'redirect-uri-invalid', 'auth-flows-missing-refresh', 'token-revocation-disabled', 'user-existence-errors-legacy']) {
      assert.ok(!left.includes(rule), `${rule} is fixed:\n${once.text}`);
    }
    assert.ok(left.includes('redirect-uri-insecure'), 'a fix needing a choice is left');
    assert.match(once.text, /"enable_token_revocation": true/);
    assert.match(once.text, /"explicit_auth_flows": \[\n\s+"ALLOW_USER_SRP_AUTH",\n\s+"ALLOW_REFRESH_TOKEN_AUTH"\n\s+\]/);
    assert.equal(fixAll(docOf(once.text))!.text, once.text);
  });

  it('user-pool-reference writes the pool as an interpolation', () => {
    const text = terraformJson.render({ client: { UserPoolId: { $ref: 'UserPoool' } } }).text;
    const analysis = analyse(docOf(text))!;
    const finding = analysis.findings.find((f) => f.ruleId === 'user-pool-reference');
    assert.ok(finding?.fixes?.length, JSON.stringify(analysis.findings.map((f) => f.ruleId)));
    const edits = editsForFix('terraform-json', docOf(text), analysis.model, clientAt(analysis.model, finding.span)!, finding.fixes![0])!;
    assert.match(applyEdits(text, edits), /"user_pool_id": "\$\{aws_cognito_user_pool\.UserPool\.id\}"/);
  });
});

describe('Terraform JSON: taking client definitions out (for cheap fix checks)', () => {
  const text = lines(
    '{',
    '  "resource": {',
    '    "aws_cognito_user_pool": {"pool": {"name": "p"}},',
    '    "aws_cognito_user_pool_client": {',
    '      "a": {',
    '        "name": "a",',
    '        "user_pool_id": "${aws_cognito_user_pool.pool.id}"',
    '      },',
    '      "b": [',
    '        {"name": "b1", "allowed_oauth_flows": ["implicit"]},',
    '        {"name": "b2"}',
    '      ],',
    '      "c": [{"name": "c"}]',
    '    }',
    '  }',
    '}',
  );
  const doc = { uri: 'file:///m/main.tf.json', languageId: 'json', text, siblings: [] };

  it('removes the entries and array items of the others, with their commas, and the rest reads the same', () => {
    const model = terraformJsonSurface.parse(doc);
    assert.deepEqual(model.clients.map((c) => c.name), ['aws_cognito_user_pool_client.a', 'aws_cognito_user_pool_client.b', 'aws_cognito_user_pool_client.b', 'aws_cognito_user_pool_client.c']);
    const check = (keep: number, expected: RegExp) => {
      const edits = terraformJsonWithoutDefinitions(text, model.clients.filter((_, i) => i !== keep))!;
      assert.ok(edits, `keep ${keep}`);
      const out = applyEdits(text, edits);
      assert.doesNotThrow(() => JSON.parse(out), out);
      const again = terraformJsonSurface.parse({ ...doc, text: out });
      assert.deepEqual(again.problems, []);
      assert.equal(again.clients.length, 1);
      assert.match(out, expected);
      assert.ok(out.includes('"aws_cognito_user_pool": {"pool": {"name": "p"}}'));
    };
    check(0, /"aws_cognito_user_pool_client": \{\n\s+"a": \{\n\s+"name": "a",\n\s+"user_pool_id": "\$\{aws_cognito_user_pool\.pool\.id\}"\n\s+\},\n\s+"b": \[\]\n\s+\}/);
    check(3, /"aws_cognito_user_pool_client": \{\n\s+"b": \[\],\n\s+"c": \[\{"name": "c"\}\]\n\s+\}/);
    // One item of an array of several, next to removals in the object around it: no reduction, never a broken one.
    assert.equal(terraformJsonWithoutDefinitions(text, model.clients.filter((_, i) => i !== 1)), undefined);
  });

  it('reduces a document for the fix check, and the reduced definition reads as the original', () => {
    const surface = { ...terraformJsonSurface, withoutDefinitions: terraformJsonWithoutDefinitions };
    const model = surface.parse(doc);
    for (const def of [model.clients[0], model.clients[3]]) {
      const reduced = reduceTo(surface, doc, model, def);
      assert.ok(reduced, def.name);
      assert.equal(reduced.model.clients.length, 1);
      assert.equal(reduced.def.properties.size, def.properties.size);
    }
  });
});
