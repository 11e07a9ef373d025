/**
 * The HCL edit builder (server/src/surfaces/terraform/edits-hcl.ts): every semantic change kind
 * written in Terraform spelling, applied and read again with the HCL reader, with the layout kept
 * (`terraform fmt` alignment, comments, one-line and multi-line lists and blocks, CRLF).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import type { ClientDefinition, SemanticChange } from '../../server/src/model';
import { parseDocument } from '../../server/src/surfaces';
import { applyEdits } from '../../server/src/surfaces/apply-edits';
import { editsForFix } from '../../server/src/surfaces/edits';
import { hclFixEdits, hclString } from '../../server/src/surfaces/terraform/edits-hcl';
import { readHcl } from '../../server/src/surfaces/terraform/hcl';
import { loadGrammar } from '../../server/src/surfaces/tree-sitter';
import { corpusFiles } from '../support/corpus';

before(async () => {
  assert.equal(await loadGrammar('terraform'), true);
});

/** A definition for the (first) client block of a text, as the model builder would give it. */
function clientOf(text: string, name?: string): ClientDefinition {
  const file = readHcl(text)!;
  const block = file.blocks.find((b) => b.kind === 'resource' && b.labels[0] === 'aws_cognito_user_pool_client' && (name === undefined || b.labels[1] === name));
  assert.ok(block, 'a client block');
  const depends = block.body.attributes.find((a) => a.name === 'depends_on')?.value;
  const dependsOn = depends?.kind === 'list' ? depends.items.flatMap((i) => (i.kind === 'unknown' && i.ref ? [i.ref.target] : [])) : [];
  return {
    surface: 'terraform',
    spelling: 'terraform',
    operation: 'resource',
    name: block.labels[1],
    span: block.span,
    nameSpan: block.nameSpan,
    properties: new Map(),
    dependsOn,
    references: new Set(dependsOn),
  };
}

/** The blocks a text reads to, for comparing before and after. */
function shape(text: string): string[] {
  const file = readHcl(text)!;
  return file.blocks.map((b) => [b.kind, ...b.labels].join('.'));
}

/** Apply changes to the client (or refuse: undefined), checking that the result reads to the same blocks. */
function edit(text: string, changes: SemanticChange[], name?: string): string | undefined {
  const edits = hclFixEdits({ uri: 'file:///m/main.tf', languageId: 'terraform', text }, clientOf(text, name), { title: 't', changes });
  if (!edits) return undefined;
  const after = applyEdits(text, edits);
  const before = readHcl(text)!;
  const read = readHcl(after)!;
  assert.deepEqual(shape(after), shape(text), 'the same blocks');
  assert.ok(read.problems.length <= before.problems.length, `no new problem: ${JSON.stringify(read.problems)}\n${after}`);
  return after;
}

const BASE = `# café ✓ ünïcödé
resource "aws_cognito_user_pool_client" "web" {
  name                    = "web" # the name
  user_pool_id            = aws_cognito_user_pool.main.id
  enable_token_revocation = false

  allowed_oauth_flows = ["code", "implicit"]
  callback_urls       = [
    "https://a.example.com/cb",
    "https://b.example.com/cb",
  ]
  explicit_auth_flows = [
    "ALLOW_USER_SRP_AUTH",
    "ALLOW_REFRESH_TOKEN_AUTH"
  ]

  token_validity_units {
    access_token = "minutes"
  }
}

resource "aws_cognito_user_pool" "main" {
  name = "pool"
}
`;

describe('HCL edits: attributes', () => {
  it('sets an attribute that is there, keeping its comment and the alignment', () => {
    assert.equal(edit(BASE, [{ kind: 'set', path: ['EnableTokenRevocation'], value: true }]), BASE.replace('= false', '= true'));
    assert.equal(edit(BASE, [{ kind: 'set', path: ['ClientName'], value: 'a "b" ${c} %{d}\n' }]), BASE.replace('"web" #', () => '"a \\"b\\" $${c} %%{d}\\n" #'));
  });

  it('inserts an attribute into an aligned run at its column, or realigns the run for a longer name', () => {
    const shorter = edit(`resource "aws_cognito_user_pool_client" "c" {
  name                    = "web"
  enable_token_revocation = false
}
`, [{ kind: 'set', path: ['GenerateSecret'], value: true }]);
    assert.equal(shorter, `resource "aws_cognito_user_pool_client" "c" {
  name                    = "web"
  enable_token_revocation = false
  generate_secret         = true
}
`);
    const longer = edit(`resource "aws_cognito_user_pool_client" "c" {
  name         = "web"
  user_pool_id = "eu-west-1_abc"
}
`, [{ kind: 'insert', path: ['AllowedOAuthFlowsUserPoolClient'], value: true }]);
    assert.equal(longer, `resource "aws_cognito_user_pool_client" "c" {
  name                                 = "web"
  user_pool_id                         = "eu-west-1_abc"
  allowed_oauth_flows_user_pool_client = true
}
`);
  });

  it('starts a new run after a multi-line value, as terraform fmt does', () => {
    const after = edit(BASE.replace(/\n  token_validity_units \{\n    access_token = "minutes"\n  \}\n/, ''), [{ kind: 'set', path: ['PreventUserExistenceErrors'], value: 'ENABLED' }]);
    assert.ok(after?.includes('    "ALLOW_REFRESH_TOKEN_AUTH"\n  ]\n  prevent_user_existence_errors = "ENABLED"\n'), after);
  });

  it('leaves an unaligned file unaligned and writes a single space', () => {
    const text = `resource "aws_cognito_user_pool_client" "c" {
  name = "web"
  enable_token_revocation = false
}
`;
    assert.equal(edit(text, [{ kind: 'set', path: ['GenerateSecret'], value: true }]), text.replace('false\n', 'false\n  generate_secret = true\n'));
  });

  it('decides alignment run by run: an aligned run stays aligned in a block that has an unaligned one', () => {
    const text = `resource "aws_cognito_user_pool_client" "c" {
  name = "web"
  enable_token_revocation = false

  refresh_token_rotation {
    retry_grace_period_seconds = 10
  }
  analytics_configuration {
    application_id = "a"
    role_arn       = "r"
  }
}
`;
    assert.equal(
      edit(text, [{ kind: 'set', path: ['AnalyticsConfiguration', 'ExternalId'], value: 'e' }, { kind: 'set', path: ['ClientName'], value: 'w' }]),
      text.replace('role_arn       = "r"\n', 'role_arn       = "r"\n    external_id    = "e"\n').replace('"web"', '"w"'),
    );
    // A run of one follows the block's majority: here one aligned run against one that is not, a tie, read as aligned.
    assert.equal(edit(text, [{ kind: 'set', path: ['RefreshTokenRotation', 'Feature'], value: 'ENABLED' }]), text.replace('    retry_grace_period_seconds = 10\n', '    retry_grace_period_seconds = 10\n    feature                    = "ENABLED"\n'));
  });

  it('writes references for Ref and Fn::GetAtt values', () => {
    const text = 'resource "aws_cognito_user_pool_client" "c" {\n  name         = "web"\n  user_pool_id = aws_cognito_user_pool.old.id\n}\n';
    assert.equal(edit(text, [{ kind: 'set', path: ['UserPoolId'], value: { Ref: 'aws_cognito_user_pool.main' } }]), text.replace('old.id', 'main.id'));
    assert.equal(edit(text, [{ kind: 'set', path: ['UserPoolId'], value: { Ref: 'var.pool_id' } }]), text.replace('aws_cognito_user_pool.old.id', 'var.pool_id'));
    assert.equal(edit(text, [{ kind: 'set', path: ['UserPoolId'], value: { 'Fn::GetAtt': ['aws_cognito_user_pool.main', 'id'] } }]), text.replace('old.id', 'main.id'));
    assert.equal(edit(text, [{ kind: 'set', path: ['UserPoolId'], value: { 'Fn::Sub': 'x' } }]), undefined);
  });

  it('removes an attribute with its whole line and comment, realigning the run when its longest name goes', () => {
    const text = `resource "aws_cognito_user_pool_client" "c" {
  # the name
  name                    = "web"
  enable_token_revocation = false # off
  generate_secret         = true
}
`;
    assert.equal(edit(text, [{ kind: 'remove', path: ['EnableTokenRevocation'] }]), `resource "aws_cognito_user_pool_client" "c" {
  # the name
  name            = "web"
  generate_secret = true
}
`);
    assert.equal(edit(text, [{ kind: 'remove', path: ['ClientName'] }]), text.replace('  name                    = "web"\n', ''));
    // Removing what is not there changes nothing.
    assert.equal(edit(text, [{ kind: 'remove', path: ['ClientSecret'] }]), text);
  });

  it('renames an attribute by path or by its key span, realigning', () => {
    const text = `resource "aws_cognito_user_pool_client" "c" {
  name                = "web"
  allowed_oauth_flow  = ["code"]
  generate_secret     = true
}
`;
    // Not aligned as fmt would (one space too many): left alone.
    const keySpan = { start: text.indexOf('allowed_oauth_flow'), end: text.indexOf('allowed_oauth_flow') + 'allowed_oauth_flow'.length };
    assert.equal(edit(text, [{ kind: 'renameKey', keySpan, to: 'AllowedOAuthFlows' }]), text.replace('allowed_oauth_flow', 'allowed_oauth_flows'));
    const aligned = text.replace(/ +=/g, (m) => m.slice(1));
    const span2 = { start: aligned.indexOf('allowed_oauth_flow'), end: aligned.indexOf('allowed_oauth_flow') + 'allowed_oauth_flow'.length };
    assert.equal(edit(aligned, [{ kind: 'renameKey', keySpan: span2, to: 'AllowedOAuthFlows' }]), `resource "aws_cognito_user_pool_client" "c" {
  name                = "web"
  allowed_oauth_flows = ["code"]
  generate_secret     = true
}
`);
    assert.equal(edit(aligned, [{ kind: 'rename', path: ['GenerateSecret'], to: 'EnableTokenRevocation' }]), `resource "aws_cognito_user_pool_client" "c" {
  name                    = "web"
  allowed_oauth_flow      = ["code"]
  enable_token_revocation = true
}
`);
  });

  it('fills an empty resource body and an attribute with no value', () => {
    assert.equal(edit('resource "aws_cognito_user_pool_client" "c" {}\n', [{ kind: 'insert', path: ['ClientName'], value: '', placeholder: true }]), 'resource "aws_cognito_user_pool_client" "c" {\n  name = ""\n}\n');
    assert.equal(edit('resource "aws_cognito_user_pool_client" "c" {\n}\n', [{ kind: 'insert', path: ['ClientName'], value: 'x' }, { kind: 'set', path: ['GenerateSecret'], value: false }]), 'resource "aws_cognito_user_pool_client" "c" {\n  name            = "x"\n  generate_secret = false\n}\n');
  });

  it('keeps CRLF line breaks and tabs-free indentation of the body', () => {
    const text = 'resource "aws_cognito_user_pool_client" "c" {\r\n    name = "x"\r\n}\r\n';
    assert.equal(edit(text, [{ kind: 'set', path: ['GenerateSecret'], value: true }]), 'resource "aws_cognito_user_pool_client" "c" {\r\n    name            = "x"\r\n    generate_secret = true\r\n}\r\n');
  });
});

describe('HCL edits: nested blocks', () => {
  it('adds an attribute to a written block', () => {
    assert.equal(edit(BASE, [{ kind: 'set', path: ['TokenValidityUnits', 'RefreshToken'], value: 'days' }]), BASE.replace('    access_token = "minutes"\n', '    access_token  = "minutes"\n    refresh_token = "days"\n'));
    assert.equal(edit(BASE, [{ kind: 'set', path: ['TokenValidityUnits', 'AccessToken'], value: 'hours' }]), BASE.replace('"minutes"', '"hours"'));
  });

  it('writes a missing block at the end of the body, merging changes into it', () => {
    const text = 'resource "aws_cognito_user_pool_client" "c" {\n  name = "x"\n}\n';
    assert.equal(
      edit(text, [
        { kind: 'set', path: ['TokenValidityUnits', 'AccessToken'], value: 'minutes' },
        { kind: 'set', path: ['TokenValidityUnits', 'RefreshToken'], value: 'days' },
        { kind: 'set', path: ['AccessTokenValidity'], value: 60 },
      ]),
      'resource "aws_cognito_user_pool_client" "c" {\n  name                  = "x"\n  access_token_validity = 60\n\n  token_validity_units {\n    access_token  = "minutes"\n    refresh_token = "days"\n  }\n}\n',
    );
    assert.equal(
      edit(text, [{ kind: 'insert', path: ['RefreshTokenRotation'], value: { Feature: 'ENABLED', RetryGracePeriodSeconds: 10 } }]),
      'resource "aws_cognito_user_pool_client" "c" {\n  name = "x"\n\n  refresh_token_rotation {\n    feature                    = "ENABLED"\n    retry_grace_period_seconds = 10\n  }\n}\n',
    );
  });

  it('keeps a one-line block on one line while it holds one attribute, and opens it for more', () => {
    const text = 'resource "aws_cognito_user_pool_client" "c" {\n  name = "x"\n  token_validity_units { access_token = "minutes" }\n}\n';
    assert.equal(edit(text, [{ kind: 'set', path: ['TokenValidityUnits', 'AccessToken'], value: 'hours' }]), text.replace('minutes', 'hours'));
    assert.equal(
      edit(text, [{ kind: 'set', path: ['TokenValidityUnits', 'IdToken'], value: 'hours' }]),
      'resource "aws_cognito_user_pool_client" "c" {\n  name = "x"\n  token_validity_units {\n    access_token = "minutes"\n    id_token     = "hours"\n  }\n}\n',
    );
    assert.equal(edit(text, [{ kind: 'remove', path: ['TokenValidityUnits', 'AccessToken'] }]), text.replace('{ access_token = "minutes" }', '{}'));
    assert.equal(edit(text, [{ kind: 'remove', path: ['TokenValidityUnits', 'AccessToken'] }, { kind: 'set', path: ['TokenValidityUnits', 'IdToken'], value: 'days' }]), text.replace('access_token = "minutes"', 'id_token = "days"'));
  });

  it('removes a whole block', () => {
    assert.equal(edit(BASE, [{ kind: 'remove', path: ['TokenValidityUnits'] }]), BASE.replace('  token_validity_units {\n    access_token = "minutes"\n  }\n', ''));
  });

  it('refuses targets under a dynamic block, repeated blocks and objects written as attributes', () => {
    const dynamic = 'resource "aws_cognito_user_pool_client" "c" {\n  dynamic "token_validity_units" {\n    for_each = [1]\n    content {\n      access_token = "minutes"\n    }\n  }\n}\n';
    assert.equal(edit(dynamic, [{ kind: 'set', path: ['TokenValidityUnits', 'AccessToken'], value: 'hours' }]), undefined);
    const twice = 'resource "aws_cognito_user_pool_client" "c" {\n  token_validity_units {}\n  token_validity_units {}\n}\n';
    assert.equal(edit(twice, [{ kind: 'set', path: ['TokenValidityUnits', 'AccessToken'], value: 'hours' }]), undefined);
    const attr = 'resource "aws_cognito_user_pool_client" "c" {\n  token_validity_units = { access_token = "minutes" }\n}\n';
    assert.equal(edit(attr, [{ kind: 'set', path: ['TokenValidityUnits', 'AccessToken'], value: 'hours' }]), undefined);
  });
});

describe('HCL edits: lists', () => {
  it('adds items to one-line and multi-line lists, keeping trailing commas as written', () => {
    assert.equal(edit(BASE, [{ kind: 'addItem', path: ['AllowedOAuthFlows'], value: 'client_credentials' }]), BASE.replace('"implicit"]', '"implicit", "client_credentials"]'));
    assert.equal(edit(BASE, [{ kind: 'addItem', path: ['CallbackURLs'], value: 'https://c.example.com/cb' }]), BASE.replace('"https://b.example.com/cb",\n', '"https://b.example.com/cb",\n    "https://c.example.com/cb",\n'));
    assert.equal(edit(BASE, [{ kind: 'addItem', path: ['ExplicitAuthFlows'], value: 'ALLOW_CUSTOM_AUTH' }]), BASE.replace('"ALLOW_REFRESH_TOKEN_AUTH"\n', '"ALLOW_REFRESH_TOKEN_AUTH",\n    "ALLOW_CUSTOM_AUTH"\n'));
  });

  it('creates a missing list, and fills a null one', () => {
    const text = 'resource "aws_cognito_user_pool_client" "c" {\n  name = "x"\n}\n';
    assert.equal(edit(text, [{ kind: 'addItem', path: ['AllowedOAuthScopes'], value: 'openid' }, { kind: 'addItem', path: ['AllowedOAuthScopes'], value: 'email' }]), 'resource "aws_cognito_user_pool_client" "c" {\n  name                 = "x"\n  allowed_oauth_scopes = ["openid", "email"]\n}\n');
    assert.equal(edit(text.replace('"x"', 'null'), [{ kind: 'set', path: ['ClientName'], value: 'y' }]), text.replace('"x"', '"y"'));
    const nul = 'resource "aws_cognito_user_pool_client" "c" {\n  allowed_oauth_scopes = null\n}\n';
    assert.equal(edit(nul, [{ kind: 'addItem', path: ['AllowedOAuthScopes'], value: 'openid' }]), nul.replace('null', '["openid"]'));
  });

  it('removes and replaces items, taking the comma before a last item without a trailing one', () => {
    assert.equal(edit(BASE, [{ kind: 'removeItem', path: ['AllowedOAuthFlows'], index: 1 }]), BASE.replace('["code", "implicit"]', '["code"]'));
    assert.equal(edit(BASE, [{ kind: 'replaceItem', path: ['AllowedOAuthFlows'], index: 1, value: 'code' }, { kind: 'replaceItem', path: ['AllowedOAuthFlows'], index: 0, value: 'client_credentials' }]), BASE.replace('["code", "implicit"]', '["client_credentials", "code"]'));
    assert.equal(edit(BASE, [{ kind: 'removeItem', path: ['ExplicitAuthFlows'], index: 1 }]), BASE.replace('"ALLOW_USER_SRP_AUTH",\n    "ALLOW_REFRESH_TOKEN_AUTH"\n', '"ALLOW_USER_SRP_AUTH"\n'));
    assert.equal(edit(BASE, [{ kind: 'removeItem', path: ['CallbackURLs'], index: 0 }]), BASE.replace('    "https://a.example.com/cb",\n', ''));
    assert.equal(edit(BASE, [{ kind: 'removeItem', path: ['AllowedOAuthFlows'], index: 0 }, { kind: 'removeItem', path: ['AllowedOAuthFlows'], index: 1 }]), BASE.replace('["code", "implicit"]', '[]'));
    assert.equal(edit(BASE, [{ kind: 'removeItem', path: ['AllowedOAuthFlows'], index: 5 }]), undefined);
    assert.equal(edit(BASE, [{ kind: 'removeItem', path: ['ClientName'], index: 0 }]), undefined);
  });
});

describe('HCL edits: dependencies', () => {
  it('writes depends_on when there is none', () => {
    const text = 'resource "aws_cognito_user_pool_client" "c" {\n  name = "x"\n}\n';
    assert.equal(edit(text, [{ kind: 'addDependency', target: 'aws_cognito_resource_server.api' }]), 'resource "aws_cognito_user_pool_client" "c" {\n  name       = "x"\n  depends_on = [aws_cognito_resource_server.api]\n}\n');
  });

  it('adds to an existing depends_on, and not twice', () => {
    const text = 'resource "aws_cognito_user_pool_client" "c" {\n  name       = "x"\n  depends_on = [aws_cognito_user_pool.p]\n}\n';
    assert.equal(edit(text, [{ kind: 'addDependency', target: 'aws_cognito_resource_server.api' }]), text.replace('p]', 'p, aws_cognito_resource_server.api]'));
    assert.equal(edit(text, [{ kind: 'addDependency', target: 'aws_cognito_user_pool.p' }]), text);
  });

  it('edits the client it is asked about when a file has several', () => {
    const text = BASE + '\nresource "aws_cognito_user_pool_client" "second" {\n  name = "two"\n}\n';
    assert.equal(edit(text, [{ kind: 'set', path: ['ClientName'], value: 'deux' }], 'second'), text.replace('"two"', '"deux"'));
  });
});

describe('HCL strings', () => {
  it('escapes what HCL would read otherwise', () => {
    assert.equal(hclString('a\\b"c\n${x}%{y}\u0001é'), '"a\\\\b\\"c\\n$${x}%%{y}\\u0001é"');
  });
});

describe('HCL edits on the Terraform corpus', () => {
  const { files, skip } = corpusFiles('terraform-hcl');
  it('writes common fixes into every corpus client, each reading again to the same blocks', { skip }, () => {
    const changes: SemanticChange[][] = [
      [{ kind: 'set', path: ['PreventUserExistenceErrors'], value: 'ENABLED' }],
      [{ kind: 'set', path: ['EnableTokenRevocation'], value: true }],
      [{ kind: 'set', path: ['TokenValidityUnits', 'AccessToken'], value: 'minutes' }],
      [{ kind: 'addItem', path: ['ExplicitAuthFlows'], value: 'ALLOW_REFRESH_TOKEN_AUTH' }],
      [{ kind: 'remove', path: ['CallbackURLs'] }],
      [{ kind: 'addDependency', target: 'aws_cognito_resource_server.api' }],
    ];
    let written = 0;
    let clients = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const block of readHcl(text)!.blocks.filter((b) => b.kind === 'resource' && b.labels[0] === 'aws_cognito_user_pool_client')) {
        clients++;
        for (const c of changes) {
          const after = edit(text, c, block.labels[1]);
          if (after !== undefined) written++;
        }
      }
    }
    assert.ok(clients > 0);
    // Most fixes can be written; the ones refused are under dynamic blocks or similar.
    assert.ok(written >= clients * changes.length * 0.8, `${written} of ${clients * changes.length}`);
  });
});

describe('HCL edits through the surface', () => {
  const parse = (text: string) => {
    const doc = { uri: 'file:///m/main.tf', languageId: 'terraform', text, siblings: [] };
    const read = parseDocument(doc);
    assert.ok(read && read.surface.id === 'terraform-hcl');
    return { doc, model: read.model };
  };

  it('writes fixes for the model the surface reads, checked by reading again', () => {
    const text = BASE;
    const { doc, model } = parse(text);
    const def = model.clients[0];
    assert.equal(def.name, 'aws_cognito_user_pool_client.web');
    const edits = editsForFix('terraform-hcl', doc, model, def, { title: 't', changes: [{ kind: 'set', path: ['TokenValidityUnits', 'IdToken'], value: 'minutes' }] });
    assert.ok(edits && edits.length > 0);
    assert.equal(applyEdits(text, edits), text.replace('    access_token = "minutes"\n', '    access_token = "minutes"\n    id_token     = "minutes"\n'));
    // A renameKey from the model's own key span (the run is not aligned as fmt would: left so).
    const typo = text.replace('enable_token_revocation = false', 'enable_token_revocaton  = false');
    const typoRead = parse(typo);
    const member = typoRead.model.clients[0].body?.kind === 'object' ? typoRead.model.clients[0].body.members.find((m) => m.name === 'enable_token_revocaton') : undefined;
    assert.ok(member);
    const renamed = editsForFix('terraform-hcl', typoRead.doc, typoRead.model, typoRead.model.clients[0], { title: 't', changes: [{ kind: 'renameKey', keySpan: member.keySpan, to: 'EnableTokenRevocation' }] });
    assert.ok(renamed);
    assert.equal(applyEdits(typo, renamed), typo.replace('revocaton', 'revocation'));
  });

  it('changes the items of a list given as a local of the same file where the local is written', () => {
    const text = 'locals {\n  flows = ["code", "implicit"]\n}\n\nresource "aws_cognito_user_pool_client" "c" {\n  name                = "x"\n  allowed_oauth_flows = local.flows\n}\n';
    const { doc, model } = parse(text);
    const def = model.clients[0];
    const edits = editsForFix('terraform-hcl', doc, model, def, { title: 't', changes: [{ kind: 'removeItem', path: ['AllowedOAuthFlows'], index: 1 }] });
    assert.ok(edits);
    assert.equal(applyEdits(text, edits), text.replace('["code", "implicit"]', '["code"]'));
  });
});
