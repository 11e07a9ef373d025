/**
 * The Terraform JSON reader (`readTerraformJson`): both block forms (objects, as CDK for Terraform
 * writes, and arrays of objects), `//` comment keys, interpolations as Unknown with references,
 * UTF-16 spans with non-ASCII text above, broken JSON, and the corpus (every client found, counted
 * by a plain JSON walk of its own).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, it } from 'node:test';
import type { LocatedValue } from '../../server/src/model';
import { readTerraformJson, referenceOf } from '../../server/src/surfaces/terraform/json';
import type { TfBlock } from '../../server/src/surfaces/terraform/tree';
import { runRules } from '../../server/src/rules/engine';
import { parseDocument } from '../../server/src/surfaces';
import { corpusFiles } from '../support/corpus';

const CLIENT = 'aws_cognito_user_pool_client';

function attr(block: TfBlock, name: string): LocatedValue {
  const a = block.body.attributes.find((x) => x.name === name);
  assert.ok(a, `attribute ${name}`);
  return a.value;
}

function text(source: string, span: { start: number; end: number }): string {
  return source.slice(span.start, span.end);
}

describe('Terraform JSON reader: block forms', () => {
  it('reads resources written as objects (CDK for Terraform)', () => {
    const src = JSON.stringify({ resource: { [CLIENT]: { web: { name: 'web', generate_secret: false, refresh_token_validity: 30 } } } }, null, 2);
    const file = readTerraformJson(src);
    assert.deepEqual(file.problems, []);
    assert.equal(file.blocks.length, 1);
    const b = file.blocks[0];
    assert.equal(b.kind, 'resource');
    assert.deepEqual(b.labels, [CLIENT, 'web']);
    assert.equal(text(src, b.labelSpans[0]), `"${CLIENT}"`);
    assert.equal(text(src, b.nameSpan), '"web"');
    assert.ok(text(src, b.span).startsWith('"web": {'));
    assert.ok(text(src, b.body.span).startsWith('{') && text(src, b.body.span).endsWith('}'));
    assert.deepEqual(attr(b, 'name'), { kind: 'string', value: 'web', quoted: true, span: attr(b, 'name').span });
    assert.equal(attr(b, 'generate_secret').kind, 'boolean');
    const n = attr(b, 'refresh_token_validity');
    assert.ok(n.kind === 'number' && n.value === 30 && n.raw === '30');
    const a = b.body.attributes.find((x) => x.name === 'name')!;
    assert.equal(text(src, a.nameSpan), '"name"');
    assert.equal(text(src, a.span), '"name": "web"');
  });

  it('reads resources written as arrays of objects, at every level', () => {
    const src = JSON.stringify({ resource: [{ [CLIENT]: [{ a: [{ name: 'a' }], b: [{ name: 'b1' }, { name: 'b2' }] }] }] }, null, 2);
    const file = readTerraformJson(src);
    assert.deepEqual(file.problems, []);
    assert.deepEqual(file.blocks.map((b) => b.labels[1]), ['a', 'b', 'b']);
    assert.deepEqual(file.blocks.map((b) => (attr(b, 'name') as { value: string }).value), ['a', 'b1', 'b2']);
    // One body in an array: the block is the whole entry; several: each its own object.
    assert.ok(text(src, file.blocks[0].span).startsWith('"a": ['));
    assert.ok(text(src, file.blocks[1].span).startsWith('{'));
  });

  it('reads nested blocks as objects or one-item arrays of objects, and lists', () => {
    const src = JSON.stringify({
      resource: { [CLIENT]: { web: { token_validity_units: { access_token: 'minutes' }, refresh_token_rotation: [{ feature: 'ENABLED' }], allowed_oauth_flows: ['code'] } } },
    });
    const b = readTerraformJson(src).blocks[0];
    const units = attr(b, 'token_validity_units');
    assert.ok(units.kind === 'object' && units.members[0].name === 'access_token' && units.members[0].canonical === undefined);
    const rotation = attr(b, 'refresh_token_rotation');
    assert.ok(rotation.kind === 'list' && rotation.items[0].kind === 'object');
    const flows = attr(b, 'allowed_oauth_flows');
    assert.ok(flows.kind === 'list' && flows.flow === true && flows.items[0].kind === 'string');
    assert.equal(b.body.blocks.length, 0);
  });

  it('reads "dynamic" as the dynamic nested blocks it stands for', () => {
    const src = JSON.stringify({ resource: { [CLIENT]: { web: { name: 'w', dynamic: { token_validity_units: [{ for_each: '${var.u}', content: [{ access_token: 'hours' }] }], refresh_token_rotation: { for_each: [], content: {} } } } } } });
    const b = readTerraformJson(src).blocks[0];
    assert.deepEqual(b.body.attributes.map((a) => a.name), ['name']);
    assert.deepEqual(b.body.blocks.map((x) => [x.type, ...x.labels]), [['dynamic', 'token_validity_units'], ['dynamic', 'refresh_token_rotation']]);
    assert.equal(text(src, b.body.blocks[0].typeSpan), '"token_validity_units"');
    assert.deepEqual(b.body.blocks[0].body.attributes.map((a) => a.name), ['for_each', 'content']);
  });

  it('gives each block type its labels: data, variable, output, locals, provider, terraform', () => {
    const src = JSON.stringify({
      data: { aws_cognito_user_pool: { main: { user_pool_id: 'x' } } },
      variable: { client_name: { type: 'string', default: 'web' } },
      output: { secret: { value: '${aws_cognito_user_pool_client.web.client_secret}', sensitive: true } },
      locals: { flows: ['code'] },
      provider: { aws: [{ region: 'eu-west-1' }, { alias: 'us', region: 'us-east-1' }] },
      terraform: { required_version: '>= 1.0' },
    });
    const blocks = readTerraformJson(src).blocks;
    assert.deepEqual(
      blocks.map((b) => [b.kind, ...b.labels]),
      [['data', 'aws_cognito_user_pool', 'main'], ['variable', 'client_name'], ['output', 'secret'], ['locals'], ['provider', 'aws'], ['provider', 'aws'], ['terraform']],
    );
    const locals = blocks[3];
    assert.equal(text(src, locals.nameSpan), '"locals"');
    assert.deepEqual(locals.body.attributes.map((a) => a.name), ['flows']);
    const out = attr(blocks[2], 'value');
    assert.ok(out.kind === 'unknown');
    assert.deepEqual(out.ref, { target: 'aws_cognito_user_pool_client.web', attribute: 'client_secret' });
  });

  it('ignores "//" comment keys in the structure, in bodies and in nested objects', () => {
    const src = JSON.stringify({
      '//': 'generated',
      resource: { '//': 'x', [CLIENT]: { '//': 'y', web: { '//': 'cognito-client-disable x', name: 'web', token_validity_units: { '//': 'z', id_token: 'hours' } } } },
    });
    const file = readTerraformJson(src);
    assert.equal(file.blocks.length, 1);
    assert.deepEqual(file.blocks[0].body.attributes.map((a) => a.name), ['name', 'token_validity_units']);
    const units = attr(file.blocks[0], 'token_validity_units');
    assert.ok(units.kind === 'object');
    assert.deepEqual(units.members.map((m) => m.name), ['id_token']);
  });
});

describe('Terraform JSON reader: expressions', () => {
  const read = (value: string): LocatedValue => attr(readTerraformJson(JSON.stringify({ resource: { [CLIENT]: { web: { v: value } } } })).blocks[0], 'v');

  it('an exact reference carries its target and attribute', () => {
    assert.deepEqual(read('${aws_cognito_user_pool.main.id}'), {
      kind: 'unknown',
      reason: 'aws_cognito_user_pool.main.id',
      ref: { target: 'aws_cognito_user_pool.main', attribute: 'id' },
      span: read('${aws_cognito_user_pool.main.id}').span,
    });
    assert.deepEqual((read('${var.pool_id}') as { ref?: unknown }).ref, { target: 'var.pool_id' });
    assert.deepEqual((read('${local.flows}') as { ref?: unknown }).ref, { target: 'local.flows' });
    assert.deepEqual((read('${data.aws_cognito_user_pools.main.ids}') as { ref?: unknown }).ref, { target: 'data.aws_cognito_user_pools.main', attribute: 'ids' });
    assert.deepEqual((read('${ aws_cognito_user_pool.main[0].id }') as { ref?: unknown }).ref, { target: 'aws_cognito_user_pool.main', attribute: 'id' });
    assert.deepEqual((read('${module.auth.pool_id}') as { ref?: unknown }).ref, { target: 'module.auth', attribute: 'pool_id' });
  });

  it('anything else with an interpolation or a directive is Unknown without a reference', () => {
    for (const [value, reason] of [
      ['${length(var.x)}', 'a function call'],
      ['${var.a ? "x" : "y"}', 'a conditional'],
      ['${[for f in var.flows : f]}', 'a for expression'],
      ['https://${var.domain}/cb', 'a template with interpolation'],
      ['%{ if var.x }a%{ endif }', 'a template directive'],
      ['${each.value}', '${...}'],
      ['${count.index}', '${...}'],
    ]) {
      const v = read(value);
      assert.equal(v.kind, 'unknown', value);
      assert.ok(v.kind === 'unknown' && v.ref === undefined && v.reason === reason, `${value}: ${JSON.stringify(v)}`);
    }
  });

  it('a conditional with literal branches carries them, each with its own span', () => {
    const src = JSON.stringify({ resource: { [CLIENT]: { web: { v: '${var.prod == "yes" ? "https://a.example.com/#x" : 5}', w: '${var.c ? true : null}', x: '${var.c ? "a${var.d}" : upper("b")}' } } } });
    const b = readTerraformJson(src).blocks[0];
    const v = attr(b, 'v');
    assert.ok(v.kind === 'unknown' && v.alternatives, JSON.stringify(v));
    assert.equal(v.reason, 'a conditional');
    const [first, second] = v.alternatives;
    assert.ok(first.kind === 'string' && first.value === 'https://a.example.com/#x');
    assert.equal(text(src, first.span), '\\"https://a.example.com/#x\\"');
    assert.ok(second.kind === 'number' && second.value === 5);
    assert.equal(text(src, second.span), '5');
    // A null branch leaves the argument unset: no alternative for it.
    const w = attr(b, 'w');
    assert.ok(w.kind === 'unknown' && w.alternatives?.length === 1 && w.alternatives[0].kind === 'boolean');
    const x = attr(b, 'x');
    assert.ok(x.kind === 'unknown' && x.alternatives?.every((a) => a.kind === 'unknown'));
    // The condition as written names the cases; a null branch is a case without the argument.
    assert.ok(v.kind === 'unknown' && v.branches?.condition === 'var.prod == "yes"' && v.branches.whenTrue === first && v.branches.whenFalse === second);
    assert.ok(w.kind === 'unknown' && w.branches?.condition === 'var.c' && w.branches.whenTrue?.kind === 'boolean' && w.branches.whenFalse === undefined);
  });

  it('escaped $${ and %%{ are literal text, the escape undone', () => {
    assert.deepEqual({ ...read('a $${b} %%{c}'), span: undefined }, { kind: 'string', value: 'a ${b} %{c}', quoted: true, span: undefined });
    assert.equal(read('price: $5 and 100%').kind, 'string');
    assert.equal(read('$${x} ${var.y}').kind, 'unknown');
  });

  it('referenceOf reads traversals only', () => {
    assert.equal(referenceOf('aws_x.y.id'.replace('aws_x', 'aws_s3_bucket'))?.target, 'aws_s3_bucket.y');
    assert.equal(referenceOf('var'), undefined);
    assert.equal(referenceOf('self.id'), undefined);
    assert.equal(referenceOf('a.b + 1'), undefined);
    assert.deepEqual(referenceOf('aws_cognito_user_pool.p'), { target: 'aws_cognito_user_pool.p' });
  });

  it('null, nested lists and numbers as written', () => {
    const src = '{"resource": {"aws_cognito_user_pool_client": {"web": {"a": null, "b": 1.5e2, "c": [[1], {"d": true}]}}}}';
    const b = readTerraformJson(src).blocks[0];
    assert.equal(attr(b, 'a').kind, 'null');
    const n = attr(b, 'b');
    assert.ok(n.kind === 'number' && n.value === 150);
    assert.equal(text(src, n.span), '1.5e2');
    const c = attr(b, 'c');
    assert.ok(c.kind === 'list' && c.items[0].kind === 'list' && c.items[1].kind === 'object');
  });
});

describe('Terraform JSON reader: positions and broken input', () => {
  it('spans are UTF-16 offsets with non-ASCII text above the client', () => {
    const src = '{\n  "//": "café ✓ — 😀 non-ASCII above",\n  "resource": {\n    "aws_cognito_user_pool_client": {\n      "wéb": {\n        "name": "naïve 😀",\n        "generate_secret": true\n      }\n    }\n  }\n}\n';
    const b = readTerraformJson(src).blocks[0];
    assert.equal(b.nameSpan.start, src.indexOf('"wéb"'));
    assert.equal(b.labels[1], 'wéb');
    const a = b.body.attributes.find((x) => x.name === 'generate_secret')!;
    assert.equal(a.nameSpan.start, src.indexOf('"generate_secret"'));
    assert.equal(text(src, a.value.span), 'true');
    assert.equal(text(src, attr(b, 'name').span), '"naïve 😀"');
  });

  it('a byte order mark moves nothing', () => {
    const src = '\uFEFF{"resource": {"aws_cognito_user_pool_client": {"web": {"name": "w"}}}}';
    const file = readTerraformJson(src);
    assert.deepEqual(file.problems, []);
    assert.equal(file.blocks[0].nameSpan.start, src.indexOf('"web"'));
  });

  it('broken JSON gives problems and what could be read, never throws', () => {
    const src = '{"resource": {"aws_cognito_user_pool_client": {"web": {"name": "w", "generate_secret": }}}';
    const file = readTerraformJson(src);
    assert.ok(file.problems.length > 0);
    assert.equal(file.blocks.length, 1);
    assert.equal((attr(file.blocks[0], 'name') as { value: string }).value, 'w');
    for (const bad of ['', '   ', '[1, 2]', '"x"', '{', '{"resource": 5}', '{"resource": {"aws_cognito_user_pool_client": 1}}', '{"resource": {"aws_cognito_user_pool_client": {"web": "x"}}}', '['.repeat(100000), '{"a":'.repeat(50000)]) {
      const f = readTerraformJson(bad);
      assert.ok(Array.isArray(f.blocks) && Array.isArray(f.problems), bad.slice(0, 20));
      assert.equal(f.blocks.filter((b) => b.kind === 'resource').length, 0);
    }
    assert.ok(readTerraformJson('[1]').problems.length > 0);
    assert.deepEqual(readTerraformJson('').problems, []);
  });

  it('a key with no value reads as null at the colon', () => {
    const src = '{"resource": {"aws_cognito_user_pool_client": {"web": {"name": }}}}';
    const v = attr(readTerraformJson(src).blocks[0], 'name');
    assert.equal(v.kind, 'null');
  });
});

/** Client resources of a `.tf.json` text counted by a plain JSON walk, independent of the reader. */
function countClients(value: unknown): number {
  const resources = (value as { resource?: unknown }).resource;
  const tops = Array.isArray(resources) ? resources : resources ? [resources] : [];
  let n = 0;
  for (const top of tops) {
    for (const type of ['aws_cognito_user_pool_client', 'aws_cognito_managed_user_pool_client']) {
      const byName = (top as Record<string, unknown>)[type];
      for (const group of Array.isArray(byName) ? byName : byName ? [byName] : []) {
        for (const [name, body] of Object.entries(group as Record<string, unknown>)) {
          if (name === '//') continue;
          n += Array.isArray(body) ? body.length : 1;
        }
      }
    }
  }
  return n;
}

describe('Terraform JSON reader: corpus', () => {
  const { files, skip } = corpusFiles('terraform-json');
  it('reads every corpus file without a problem and finds every client', { skip }, () => {
    assert.ok(files.length > 0);
    let total = 0;
    for (const file of files) {
      const src = readFileSync(file, 'utf8');
      const read = readTerraformJson(src);
      assert.deepEqual(read.problems, [], basename(file));
      const found = read.blocks.filter((b) => b.kind === 'resource' && /^aws_cognito(_managed)?_user_pool_client$/.test(b.labels[0])).length;
      const expected = countClients(JSON.parse(src));
      assert.equal(found, expected, basename(file));
      total += found;
      for (const b of read.blocks) {
        for (const a of b.body.attributes) assert.equal(src.slice(a.nameSpan.start, a.nameSpan.end), JSON.stringify(a.name), `${basename(file)}: ${a.name}`);
      }
    }
    assert.ok(total >= files.length, `${total} clients in ${files.length} files`);
  });

  it('the surface reads every corpus file into the model: every client, no problem, no unknown-property on real arguments', { skip }, () => {
    for (const file of files) {
      const src = readFileSync(file, 'utf8');
      const parsed = parseDocument({ uri: `file://${file}`, languageId: 'json', text: src });
      assert.equal(parsed?.surface.id, 'terraform-json', basename(file));
      assert.deepEqual(parsed.model.problems, [], basename(file));
      assert.equal(parsed.model.clients.length, countClients(JSON.parse(src)), basename(file));
      const unknown = runRules(parsed.model).filter((f) => f.ruleId === 'unknown-property');
      assert.deepEqual(unknown.map((f) => src.slice(f.span.start, f.span.end)), [], basename(file));
    }
  });
});
