/**
 * The HCL reader (server/src/surfaces/terraform/hcl.ts): blocks, attributes, nested blocks, every
 * literal kind, every non-literal expression as Unknown (references with their target), heredocs,
 * broken and half-typed text, UTF-16 spans, and the Terraform corpus.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { before, describe, it } from 'node:test';
import type { LocatedValue } from '../../server/src/model';
import { decodeHclString, readHcl } from '../../server/src/surfaces/terraform/hcl';
import type { TfBody, TfFile } from '../../server/src/surfaces/terraform/tree';
import { loadGrammar } from '../../server/src/surfaces/tree-sitter';
import { corpusFiles } from '../support/corpus';

function read(text: string): TfFile {
  const file = readHcl(text);
  assert.ok(file, 'the grammar is loaded');
  return file;
}

function attr(body: TfBody, name: string): LocatedValue {
  const a = body.attributes.find((x) => x.name === name);
  assert.ok(a, `attribute ${name}`);
  return a.value;
}

/** A plain description of a value for deepEqual: literals as JSON, Unknown as `?reason` (with `->target.attribute`). */
function plain(v: LocatedValue): unknown {
  switch (v.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return v.value;
    case 'null':
      return null;
    case 'list':
      return v.items.map(plain);
    case 'object':
      return Object.fromEntries(v.members.map((m) => [m.name, plain(m.value)]));
    case 'unknown':
      return v.ref ? `?->${v.ref.target}${v.ref.attribute ? '#' + v.ref.attribute : ''}` : `?${v.reason}`;
  }
}

before(async () => {
  assert.equal(await loadGrammar('terraform'), true);
});

describe('HCL reader: blocks and attributes', () => {
  it('reads a client block with labels, attributes and nested blocks, with UTF-16 spans after non-ASCII text', () => {
    const text = [
      '# café ✓ — ünïcödé 😀',
      'resource "aws_cognito_user_pool_client" "web" {',
      '  name         = "wéb"',
      '  user_pool_id = aws_cognito_user_pool.main.id',
      '',
      '  token_validity_units {',
      '    access_token = "minutes"',
      '  }',
      '}',
      '',
    ].join('\n');
    const file = read(text);
    assert.deepEqual(file.problems, []);
    assert.equal(file.blocks.length, 1);
    const b = file.blocks[0];
    assert.equal(b.kind, 'resource');
    assert.deepEqual(b.labels, ['aws_cognito_user_pool_client', 'web']);
    assert.equal(text.slice(b.labelSpans[0].start, b.labelSpans[0].end), '"aws_cognito_user_pool_client"');
    assert.equal(text.slice(b.nameSpan.start, b.nameSpan.end), '"web"');
    assert.equal(b.span.start, text.indexOf('resource'));
    assert.equal(b.span.end, text.lastIndexOf('}') + 1);
    assert.equal(b.body.span.start, text.indexOf('{') + 1);
    assert.equal(b.body.span.end, text.lastIndexOf('}'));
    const name = b.body.attributes[0];
    assert.equal(name.name, 'name');
    assert.equal(name.nameSpan.start, text.indexOf('name '));
    assert.equal(text.slice(name.value.span.start, name.value.span.end), '"wéb"');
    assert.equal(text.slice(name.span.start, name.span.end), 'name         = "wéb"');
    assert.deepEqual(plain(attr(b.body, 'user_pool_id')), '?->aws_cognito_user_pool.main#id');
    const units = b.body.blocks[0];
    assert.equal(units.type, 'token_validity_units');
    assert.equal(text.slice(units.typeSpan.start, units.typeSpan.end), 'token_validity_units');
    assert.equal(text.slice(units.span.start, units.span.end), 'token_validity_units {\n    access_token = "minutes"\n  }');
    assert.deepEqual(plain(attr(units.body, 'access_token')), 'minutes');
    assert.equal(text.slice(units.body.span.start, units.body.span.end), '\n    access_token = "minutes"\n  ');
  });

  it('reads every kind of top-level block, bare labels, and empty blocks', () => {
    const file = read(
      [
        'terraform {',
        '  required_version = ">= 1.5"',
        '}',
        'provider "aws" { region = "eu-west-1" }',
        'variable "pool" {}',
        'locals { flows = ["code"] }',
        'data "aws_cognito_user_pools" "p" { name = "x" }',
        'output "secret" {',
        '  value     = aws_cognito_user_pool_client.web.client_secret',
        '  sensitive = true',
        '}',
        'module "m" { source = "./m" }',
        'resource aws_cognito_user_pool p {}',
      ].join('\n'),
    );
    assert.deepEqual(file.problems, []);
    assert.deepEqual(
      file.blocks.map((b) => [b.kind, ...b.labels]),
      [['terraform'], ['provider', 'aws'], ['variable', 'pool'], ['locals'], ['data', 'aws_cognito_user_pools', 'p'], ['output', 'secret'], ['module', 'm'], ['resource', 'aws_cognito_user_pool', 'p']],
    );
    assert.deepEqual(file.blocks[2].body, { attributes: [], blocks: [], span: file.blocks[2].body.span });
    assert.equal(file.blocks[2].body.span.start, file.blocks[2].body.span.end);
    assert.deepEqual(plain(attr(file.blocks[3].body, 'flows')), ['code']);
    assert.deepEqual(plain(attr(file.blocks[5].body, 'value')), '?->aws_cognito_user_pool_client.web#client_secret');
    assert.equal(plain(attr(file.blocks[5].body, 'sensitive')), true);
  });

  it('reads meta-arguments and nested blocks (dynamic, lifecycle, provisioner) as attributes and blocks at any depth', () => {
    const file = read(`resource "aws_cognito_user_pool_client" "c" {
  count      = var.enabled ? 1 : 0
  for_each   = toset(["a"])
  provider   = aws.west
  depends_on = [aws_cognito_resource_server.api, aws_cognito_user_pool.p]
  lifecycle {
    ignore_changes = [name]
    create_before_destroy = true
  }
  dynamic "analytics_configuration" {
    for_each = var.analytics
    content {
      application_id = analytics_configuration.value.id
      deep {
        deeper {
          deepest = 1
        }
      }
    }
  }
  provisioner "local-exec" {
    command = "echo hi"
  }
}
`);
    assert.deepEqual(file.problems, []);
    const body = file.blocks[0].body;
    assert.deepEqual(
      body.attributes.map((a) => a.name),
      ['count', 'for_each', 'provider', 'depends_on'],
    );
    assert.equal(plain(attr(body, 'count')), '?a conditional');
    assert.equal(plain(attr(body, 'for_each')), '?a function call (toset)');
    assert.equal(plain(attr(body, 'provider')), '?->aws.west');
    assert.deepEqual(plain(attr(body, 'depends_on')), ['?->aws_cognito_resource_server.api', '?->aws_cognito_user_pool.p']);
    assert.deepEqual(
      body.blocks.map((b) => [b.type, ...b.labels]),
      [['lifecycle'], ['dynamic', 'analytics_configuration'], ['provisioner', 'local-exec']],
    );
    assert.deepEqual(plain(attr(body.blocks[0].body, 'ignore_changes')), ['?name']);
    const content = body.blocks[1].body.blocks[0];
    assert.equal(content.type, 'content');
    assert.equal(plain(attr(content.body, 'application_id')), '?->analytics_configuration.value#id');
    assert.equal(plain(attr(content.body.blocks[0].body.blocks[0].body, 'deepest')), 1);
  });
});

describe('HCL reader: values', () => {
  const text = `resource "x" "y" {
  s      = "a\\n\\"b\\\\ \\u00e9 $\${x} %%{y}"
  empty  = ""
  n      = 3.5e2
  i      = 42
  neg    = -7
  t      = true
  f      = false
  z      = null
  l      = ["a", "b",]
  ml     = [
    "x", # a comment
    "y",
  ]
  nested = [["a"], { k = 1 }]
  o      = { a = 1, "b c" = "two" }
  ref    = aws_cognito_user_pool.main.id
  ref2   = aws_cognito_user_pool.main.arn.x
  dat    = data.aws_cognito_user_pools.pools.ids
  v      = var.pool_id
  lo     = local.flows
  mo     = module.auth.pool_id
  ea     = each.value
  bare   = something
  fn     = length(var.x)
  cond   = var.x ? "a" : "b"
  tpl    = "\${var.env}-client"
  dir    = "%{ if true }x%{ endif }"
  spl    = aws_cognito_user_pool.p[*].id
  idx    = aws_cognito_user_pool.p[0].id
  idx2   = var.list[0]
  fe     = [for f in var.flows : upper(f)]
  fo     = { for k, v in var.m : k => v }
  op     = 1 + 2
  not    = !true
  paren  = ("p")
  h      = <<EOT
hello
  world
EOT
  hi     = <<-EOT
    one
      two
    EOT
  hd     = <<EOT
x \${var.y}
EOT
}
`;

  it('reads literals, with escapes decoded', () => {
    const body = read(text).blocks[0].body;
    assert.equal(plain(attr(body, 's')), 'a\n"b\\ é ${x} %{y}');
    assert.equal(plain(attr(body, 'empty')), '');
    assert.equal(plain(attr(body, 'n')), 350);
    const n = attr(body, 'n');
    assert.equal(n.kind === 'number' && n.raw, '3.5e2');
    assert.equal(plain(attr(body, 'i')), 42);
    assert.equal(plain(attr(body, 'neg')), -7);
    assert.equal(plain(attr(body, 't')), true);
    assert.equal(plain(attr(body, 'f')), false);
    assert.equal(plain(attr(body, 'z')), null);
    assert.deepEqual(plain(attr(body, 'l')), ['a', 'b']);
    assert.deepEqual(plain(attr(body, 'ml')), ['x', 'y']);
    assert.deepEqual(plain(attr(body, 'nested')), [['a'], { k: 1 }]);
    assert.deepEqual(plain(attr(body, 'o')), { a: 1, 'b c': 'two' });
    assert.equal(plain(attr(body, 'paren')), 'p');
    const s = attr(body, 's');
    assert.equal(s.kind === 'string' && s.quoted, true);
  });

  it('gives lists and objects bracket spans and item spans', () => {
    const body = read(text).blocks[0].body;
    const l = attr(body, 'l');
    assert.equal(text.slice(l.span.start, l.span.end), '["a", "b",]');
    assert.ok(l.kind === 'list' && l.flow);
    assert.equal(text.slice(l.items[1].span.start, l.items[1].span.end), '"b"');
    const o = attr(body, 'o');
    assert.ok(o.kind === 'object');
    assert.equal(text.slice(o.members[1].keySpan.start, o.members[1].keySpan.end), '"b c"');
    assert.equal(text.slice(o.members[1].span.start, o.members[1].span.end), '"b c" = "two"');
  });

  it('reads references with their targets', () => {
    const body = read(text).blocks[0].body;
    assert.equal(plain(attr(body, 'ref')), '?->aws_cognito_user_pool.main#id');
    assert.equal(plain(attr(body, 'ref2')), '?->aws_cognito_user_pool.main#arn.x');
    assert.equal(plain(attr(body, 'dat')), '?->data.aws_cognito_user_pools.pools#ids');
    assert.equal(plain(attr(body, 'v')), '?->var.pool_id');
    assert.equal(plain(attr(body, 'lo')), '?->local.flows');
    assert.equal(plain(attr(body, 'mo')), '?->module.auth#pool_id');
    assert.equal(plain(attr(body, 'ea')), '?each.value');
    assert.equal(plain(attr(body, 'bare')), '?something');
    const ref = attr(body, 'ref');
    assert.equal(ref.kind === 'unknown' && ref.reason, 'aws_cognito_user_pool.main.id');
    assert.equal(text.slice(ref.span.start, ref.span.end), 'aws_cognito_user_pool.main.id');
  });

  it('reads every other expression as Unknown with a short reason', () => {
    const body = read(text).blocks[0].body;
    assert.equal(plain(attr(body, 'fn')), '?a function call (length)');
    assert.equal(plain(attr(body, 'cond')), '?a conditional');
    assert.equal(plain(attr(body, 'tpl')), '?${...}');
    assert.equal(plain(attr(body, 'dir')), '?${...}');
    assert.equal(plain(attr(body, 'spl')), '?a splat expression (aws_cognito_user_pool.p[*].id)');
    assert.equal(plain(attr(body, 'idx')), '?an index expression (aws_cognito_user_pool.p[0].id)');
    assert.equal(plain(attr(body, 'idx2')), '?an index expression (var.list[0])');
    assert.equal(plain(attr(body, 'fe')), '?a for expression');
    assert.equal(plain(attr(body, 'fo')), '?a for expression');
    assert.equal(plain(attr(body, 'op')), '?an operation');
    assert.equal(plain(attr(body, 'not')), '?an operation');
    assert.equal(plain(attr(body, 'hd')), '?a heredoc with ${...}');
  });

  it('reads heredocs without interpolation as literal strings (the indented form strips the common indentation)', () => {
    const body = read(text).blocks[0].body;
    assert.equal(plain(attr(body, 'h')), 'hello\n  world\n');
    assert.equal(plain(attr(body, 'hi')), 'one\n  two\n');
    const h = attr(body, 'h');
    assert.equal(text.slice(h.span.start, h.span.end), '<<EOT\nhello\n  world\nEOT');
  });

  it('reads CRLF files with the same values', () => {
    const crlf = text.replace(/\n/g, '\r\n');
    const body = read(crlf).blocks[0].body;
    assert.equal(plain(attr(body, 'h')), 'hello\n  world\n');
    assert.deepEqual(plain(attr(body, 'ml')), ['x', 'y']);
  });

  it('decodes HCL string escapes', () => {
    assert.equal(decodeHclString('\\t\\r\\U0001F600\\\\n'), '\t\r😀\\n');
  });
});

describe('HCL reader: broken and half-typed text', () => {
  it('reports an unclosed list and string as problems, keeping what reads', () => {
    const text = 'resource "aws_cognito_user_pool_client" "web" {\n  name = "x"\n  allowed_oauth_flows = ["\n}\n';
    const file = read(text);
    assert.ok(file.problems.length > 0);
    for (const p of file.problems) assert.ok(p.message.length > 0 && p.span.start <= p.span.end && p.span.end <= text.length);
    assert.equal(file.blocks.length, 1);
    assert.deepEqual(file.blocks[0].labels, ['aws_cognito_user_pool_client', 'web']);
    assert.equal(plain(attr(file.blocks[0].body, 'name')), 'x');
  });

  it('reports a name with no `=` yet and keeps the attributes before it', () => {
    const text = 'resource "aws_cognito_user_pool_client" "web" {\n  name = "x"\n  gen\n}\n';
    const file = read(text);
    assert.ok(file.problems.length > 0);
    assert.equal(plain(attr(file.blocks[0].body, 'name')), 'x');
  });

  it('reports a missing closing brace, and an attribute with no value', () => {
    const file = read('resource "a" "b" {\n  name = \n}\nresource "c" "d" {\n');
    assert.ok(file.problems.length > 0);
    assert.ok(file.problems.some((p) => /Missing|Syntax error/.test(p.message)));
    assert.equal(file.blocks[0].labels.join('.'), 'a.b');
  });

  it('reads blocks after a broken one', () => {
    const file = read('resource "a" "b" {\n  x = ]\n  y = [1, 2\n}\n\nresource "aws_cognito_user_pool_client" "ok" {\n  name = "y"\n}\n');
    assert.ok(file.problems.length > 0);
    const ok = file.blocks.find((b) => b.labels[1] === 'ok');
    assert.ok(ok, 'the block after the broken one is read');
    assert.equal(plain(attr(ok.body, 'name')), 'y');
  });

  it('never throws on garbage, empty text or deep nesting', () => {
    for (const text of ['', '}}}', '{', '"', '<<EOT', 'a = [[[[[[[[[[', 'resource "x" {' + ' a {'.repeat(300) + '}'.repeat(300), 'x = ' + '['.repeat(500) + ']'.repeat(500), '\u0000\uffff\ud800']) {
      const file = read(text);
      assert.ok(Array.isArray(file.blocks) && Array.isArray(file.problems));
    }
  });
});

describe('HCL reader: the Terraform corpus', () => {
  const { files, skip } = corpusFiles('terraform-hcl');
  it('reads every file without throwing and finds every aws_cognito_user_pool_client', { skip }, () => {
    let expectedTotal = 0;
    let foundTotal = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const model = read(text);
      // Counted independently: resource headers (quoted or bare labels) at the start of a line.
      const expected = (text.match(/^[ \t]*resource[ \t]+"?aws_cognito_user_pool_client"?[ \t]+"?[\w-]+"?[ \t]*\{/gm) ?? []).length;
      const found = model.blocks.filter((b) => b.kind === 'resource' && b.labels[0] === 'aws_cognito_user_pool_client').length;
      assert.equal(found, expected, basename(file));
      expectedTotal += expected;
      foundTotal += found;
    }
    assert.ok(expectedTotal > 0);
    assert.equal(foundTotal, expectedTotal);
  });
});
