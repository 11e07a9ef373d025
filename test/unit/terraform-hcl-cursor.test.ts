/**
 * The `.tf` cursor (server/src/surfaces/terraform/cursor-hcl.ts) and completion in HCL, with `|`
 * for the caret: the context at the caret (role, path, span, prefix, quotes, existing keys and
 * items) in whole and half-typed text, and the text after accepting an item (HCL rendering of
 * names, values, nested blocks, list items and whole-client archetypes).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-types';
import { doComplete } from '../../server/src/features/completion';
import { analyse } from '../../server/src/service';
import { hclCursor } from '../../server/src/surfaces/terraform/cursor-hcl';
import { loadGrammar } from '../../server/src/surfaces/tree-sitter';
import { applyCompletion, caretDocument, splitCaret } from '../support/caret';
import { corpusFiles } from '../support/corpus';
import { readHcl } from '../../server/src/surfaces/terraform/hcl';

before(async () => {
  assert.equal(await loadGrammar('terraform'), true);
});

const FILE = 'main.tf';

function cursorAt(textWithCaret: string) {
  const c = caretDocument(textWithCaret, FILE);
  return { ctx: hclCursor({ uri: c.document.uri, languageId: c.document.languageId, text: c.document.getText() }, c.offset, c.model), c };
}

function complete(textWithCaret: string): { list: CompletionList; c: ReturnType<typeof caretDocument> } {
  const c = caretDocument(textWithCaret, FILE);
  assert.equal(c.surfaceId, 'terraform-hcl');
  return { list: doComplete(c.document, c.model, c.surfaceId, c.position), c };
}

function labels(list: CompletionList): string[] {
  return [...new Set(list.items.map((i) => i.label))];
}

function find(list: CompletionList, label: string): CompletionItem {
  const item = list.items.find((i) => i.label === label);
  assert.ok(item, `no item ${JSON.stringify(label)} among ${JSON.stringify(labels(list))}`);
  return item;
}

function accept(textWithCaret: string, label: string): string {
  const { list, c } = complete(textWithCaret);
  return applyCompletion(c.document, find(list, label));
}

const POOL = '# café ✓ ünïcödé\nresource "aws_cognito_user_pool" "main" {\n  name = "pool"\n}\n\n';
const client = (body: string) => `${POOL}resource "aws_cognito_user_pool_client" "web" {\n  name         = "web"\n  user_pool_id = aws_cognito_user_pool.main.id\n${body}}\n`;

describe('HCL cursor: contexts', () => {
  it('a name being written, on an empty line or half typed, with the names already there', () => {
    const { ctx, c } = cursorAt(client('  gen|\n  allowed_oauth_flows = ["code"]\n'));
    assert.ok(ctx);
    assert.equal(ctx.role, 'key');
    assert.deepEqual(ctx.path, []);
    assert.equal(ctx.prefix, 'gen');
    assert.equal(ctx.style, 'hcl');
    assert.equal(ctx.spelling, 'terraform');
    assert.deepEqual(ctx.span, { start: c.offset - 3, end: c.offset });
    assert.deepEqual([...ctx.existingKeys].sort(), ['AllowedOAuthFlows', 'ClientName', 'UserPoolId']);
    assert.equal(ctx.client?.name, 'aws_cognito_user_pool_client.web');
    assert.equal(ctx.indent, '  ');
    const empty = cursorAt(client('\n  |\n')).ctx;
    assert.equal(empty?.role, 'key');
    assert.equal(empty?.prefix, '');
    // A name that already has its value: only the name is replaced.
    const named = cursorAt(client('  generate_sec|ret = true\n')).ctx;
    assert.equal(named?.role, 'key');
    assert.equal(named?.hasValue, true);
    assert.equal(named?.prefix, 'generate_sec');
  });

  it('names inside a nested block and a dynamic block\'s content', () => {
    const nested = cursorAt(client('  token_validity_units {\n    access_token = "minutes"\n    |\n  }\n')).ctx;
    assert.equal(nested?.role, 'key');
    assert.deepEqual(nested?.path, ['TokenValidityUnits']);
    assert.deepEqual(nested?.existingKeys, ['AccessToken']);
    const dynamic = cursorAt(client('  dynamic "analytics_configuration" {\n    for_each = var.a\n    content {\n      app|\n    }\n  }\n')).ctx;
    assert.deepEqual(dynamic?.path, ['AnalyticsConfiguration']);
    assert.equal(cursorAt(client('  dynamic "analytics_configuration" {\n    |\n  }\n')).ctx, undefined);
    assert.equal(cursorAt(client('  lifecycle {\n    |\n  }\n')).ctx, undefined);
  });

  it('a value after `name =`: bare, in an unclosed quote, in a closed quote', () => {
    const bare = cursorAt(client('  prevent_user_existence_errors = EN|\n')).ctx;
    assert.equal(bare?.role, 'value');
    assert.deepEqual(bare?.path, ['PreventUserExistenceErrors']);
    assert.equal(bare?.prefix, 'EN');
    const open = cursorAt(client('  prevent_user_existence_errors = "EN|\n'));
    assert.equal(open.ctx?.role, 'value');
    assert.equal(open.ctx?.prefix, 'EN');
    assert.deepEqual(open.ctx?.quote, { char: '"', closed: false });
    assert.deepEqual(open.ctx?.span, { start: open.c.offset - 3, end: open.c.offset });
    const closed = cursorAt(client('  prevent_user_existence_errors = "EN|ABLED"\n'));
    assert.deepEqual(closed.ctx?.quote, { char: '"', closed: true });
    assert.deepEqual(closed.ctx?.span, { start: closed.c.offset - 3, end: closed.c.offset + 6 });
    const unit = cursorAt(client('  token_validity_units {\n    access_token = "|"\n  }\n')).ctx;
    assert.deepEqual(unit?.path, ['TokenValidityUnits', 'AccessToken']);
    // No context inside an interpolation, a function call, a comment or a heredoc.
    assert.equal(cursorAt(client('  name2 = "${var.|}"\n')).ctx, undefined);
    assert.equal(cursorAt(client('  default_redirect_uri = format("|")\n')).ctx, undefined);
    assert.equal(cursorAt(client('  # prevent_user_existence_errors = "|"\n')).ctx, undefined);
    assert.equal(cursorAt(client('  default_redirect_uri = <<EOT\n|\nEOT\n')).ctx, undefined);
  });

  it('a list item: in a closed list, an unclosed `["`, after a comma, on its own line', () => {
    const closed = cursorAt(client('  allowed_oauth_flows = ["code", "|"]\n'));
    assert.equal(closed.ctx?.role, 'item');
    assert.deepEqual(closed.ctx?.path, ['AllowedOAuthFlows']);
    assert.deepEqual(closed.ctx?.existingItems, ['code']);
    assert.deepEqual(closed.ctx?.quote, { char: '"', closed: true });
    const unclosed = cursorAt(client('  allowed_oauth_flows = ["|\n  explicit_auth_flows = ["ALLOW_USER_SRP_AUTH"]\n'));
    assert.equal(unclosed.ctx?.role, 'item');
    assert.deepEqual(unclosed.ctx?.path, ['AllowedOAuthFlows']);
    assert.deepEqual(unclosed.ctx?.quote, { char: '"', closed: false });
    assert.deepEqual(unclosed.ctx?.existingItems, []);
    const multi = cursorAt(client('  allowed_oauth_scopes = [\n    "openid",\n    |\n  ]\n')).ctx;
    assert.equal(multi?.role, 'item');
    assert.deepEqual(multi?.existingItems, ['openid']);
    assert.equal(multi?.prefix, '');
  });

  it('a new client resource at the top level, and nothing elsewhere outside client blocks', () => {
    const start = cursorAt(POOL + 'resource "aws_cog|\n');
    assert.equal(start.ctx?.role, 'newResource');
    assert.equal(start.ctx?.prefix, 'resource "aws_cog');
    assert.equal(start.ctx?.span.start, start.c.offset - 'resource "aws_cog'.length);
    const named = cursorAt(POOL + 'resource "aws_cognito_user_pool_client" "|"\n');
    assert.equal(named.ctx?.role, 'newResource');
    assert.equal(named.ctx?.span.end, named.c.offset + 1);
    assert.equal(cursorAt(POOL + 'resource "aws_s3|\n').ctx, undefined);
    assert.equal(cursorAt(POOL + '|\n').ctx, undefined);
    assert.equal(cursorAt(POOL.replace('  name = "pool"', '  na|me = "pool"')).ctx, undefined);
    assert.equal(cursorAt(POOL + 'resource "aws_cognito_user_pool_client" "x" {\n  lifecycle { ignore_changes = [|] }\n}\n').ctx, undefined);
  });
});

describe('HCL completion: rendering', () => {
  it('inserts `name = value` for a scalar, a list and a reference, with snippets in HCL', () => {
    assert.equal(accept(client('  gen|\n'), 'generate_secret'), client('  generate_secret = true\n'));
    assert.equal(accept(client('  allowed_oauth_f|\n'), 'allowed_oauth_flows'), client('  allowed_oauth_flows = ["code"]\n'));
    assert.equal(accept(client('  prevent|\n'), 'prevent_user_existence_errors'), client('  prevent_user_existence_errors = "ENABLED"\n'));
    assert.equal(accept(client('  generate_sec| = false\n'), 'generate_secret'), client('  generate_secret = false\n'));
    const noPool = 'resource "aws_cognito_user_pool_client" "c" {\n  |\n}\n';
    assert.equal(accept(noPool, 'user_pool_id'), 'resource "aws_cognito_user_pool_client" "c" {\n  user_pool_id = aws_cognito_user_pool.main.id\n}\n');
  });

  it('inserts a nested block for an object property', () => {
    assert.equal(accept(client('  token_v|\n'), 'token_validity_units'), client('  token_validity_units {\n    \n  }\n'));
    assert.equal(accept(client('  token_validity_units {\n    id|\n  }\n'), 'id_token'), client('  token_validity_units {\n    id_token = "seconds"\n  }\n'));
  });

  it('completes values and items quoted as HCL writes them', () => {
    assert.equal(accept(client('  prevent_user_existence_errors = |\n'), 'LEGACY'), client('  prevent_user_existence_errors = "LEGACY"\n'));
    assert.equal(accept(client('  prevent_user_existence_errors = "EN|"\n'), 'ENABLED'), client('  prevent_user_existence_errors = "ENABLED"\n'));
    assert.equal(accept(client('  token_validity_units {\n    access_token = "|\n  }\n'), 'minutes'), client('  token_validity_units {\n    access_token = "minutes"\n  }\n'));
    assert.equal(accept(client('  allowed_oauth_flows = ["code", "|"]\n'), 'implicit'), client('  allowed_oauth_flows = ["code", "implicit"]\n'));
    assert.equal(accept(client('  allowed_oauth_flows = ["|\n'), 'client_credentials'), client('  allowed_oauth_flows = ["client_credentials"\n'));
    assert.equal(accept(client('  allowed_oauth_flows = [|]\n'), 'code'), client('  allowed_oauth_flows = ["code"]\n'));
    assert.equal(accept(client('  allowed_oauth_flows = |\n'), 'code'), client('  allowed_oauth_flows = ["code"]\n'));
    assert.equal(accept(client('  generate_secret = |\n'), 'false'), client('  generate_secret = false\n'));
    assert.equal(accept(client('  user_pool_id2 = 1\n  enable_token_revocation = t|\n'), 'true'), client('  user_pool_id2 = 1\n  enable_token_revocation = true\n'));
    const { list } = complete(client('  allowed_oauth_flows = ["code", "|"]\n'));
    assert.ok(!labels(list).includes('code'), 'an item already in the list is not offered again');
  });

  it('offers the user pools of the file as references', () => {
    const text = 'resource "aws_cognito_user_pool" "main" {\n  name = "p"\n}\nresource "aws_cognito_user_pool_client" "c" {\n  user_pool_id = |\n}\n';
    assert.equal(accept(text, 'aws_cognito_user_pool.main.id'), splitCaret(text).text.replace('user_pool_id = ', 'user_pool_id = aws_cognito_user_pool.main.id'));
  });

  it('writes whole-client archetypes as resource blocks that draw no finding', () => {
    const { list, c } = complete(POOL + 'resource "aws_cognito_u|\n');
    assert.equal(list.items.length, 4, labels(list).join());
    const before = analyse({ uri: c.document.uri, languageId: 'terraform', text: c.document.getText() })!;
    for (const item of list.items) {
      const text = applyCompletion(c.document, item);
      const analysis = analyse({ uri: c.document.uri, languageId: 'terraform', text });
      assert.ok(analysis);
      assert.equal(analysis.model.clients.length, before.model.clients.length + 1, `${item.label} adds a client:\n${text}`);
      assert.deepEqual(analysis.model.problems, [], `${item.label} parses cleanly:\n${text}`);
      assert.deepEqual(analysis.findings.map((f) => `${f.ruleId}: ${f.message}`), [], `${item.label} draws no finding:\n${text}`);
    }
    const spa = applyCompletion(c.document, find(list, 'Cognito app client: single-page app'));
    assert.ok(
      spa.endsWith(`resource "aws_cognito_user_pool_client" "spa_client" {
  user_pool_id                         = aws_cognito_user_pool.main.id
  name                                 = "spa"
  generate_secret                      = false
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["code"]
  allowed_oauth_scopes                 = ["openid", "email"]
  callback_urls                        = ["https://app.example.com/callback"]
  logout_urls                          = ["https://app.example.com/"]
  supported_identity_providers         = ["COGNITO"]
  explicit_auth_flows                  = ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]
  access_token_validity                = 60
  id_token_validity                    = 60
  refresh_token_validity               = 30

  token_validity_units {
    access_token  = "minutes"
    id_token      = "minutes"
    refresh_token = "days"
  }

  prevent_user_existence_errors = "ENABLED"
  enable_token_revocation       = true
}
`),
      spa,
    );
  });
});

describe('the .tf fixture of the real-editor checks', () => {
  it('draws the codes, hover and completions cases.json expects of every editor', () => {
    const root = join(__dirname, '..', '..', '..');
    const cases = JSON.parse(readFileSync(join(root, 'test', 'editors', 'fixtures', 'cases.json'), 'utf8')) as {
      cases: { file: string; codes: string[]; hover: { at: string }; completions: { at: string; expect: string; reject?: string }[] }[];
    };
    const tf = cases.cases.find((c) => c.file.endsWith('.tf'));
    assert.ok(tf, 'a .tf case');
    const text = readFileSync(join(root, 'test', 'editors', 'fixtures', tf.file), 'utf8');
    const analysis = analyse({ uri: 'file:///fixtures/main.tf', languageId: 'terraform', text, siblings: [] });
    assert.ok(analysis);
    const codes = new Set(analysis.findings.map((f) => f.ruleId));
    for (const code of tf.codes) assert.ok(codes.has(code), `${code} among ${[...codes].join(', ')}`);
    for (const k of tf.completions) {
      const at = text.indexOf(k.at);
      const { list } = complete(text.slice(0, at) + '|' + text.slice(at));
      assert.ok(labels(list).includes(k.expect), `${k.expect} at ${k.at}`);
      if (k.reject) assert.ok(!labels(list).includes(k.reject));
    }
  });
});

describe('HCL cursor on the Terraform corpus', () => {
  const { files, skip } = corpusFiles('terraform-hcl');
  it('gives a context or none at offsets all through every file, never throwing, and only inside client blocks', { skip }, () => {
    let contexts = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const c = caretDocument(text + '|', FILE);
      const source = { uri: c.document.uri, languageId: 'terraform', text };
      const clients = readHcl(text)!.blocks.filter((b) => b.kind === 'resource' && b.labels[0] === 'aws_cognito_user_pool_client');
      for (let offset = 0; offset <= text.length; offset += 7) {
        const ctx = hclCursor(source, offset, c.model);
        if (!ctx) continue;
        contexts++;
        assert.ok(ctx.span.start <= offset && offset <= ctx.span.end, `${file} at ${offset}`);
        if (ctx.role !== 'newResource') assert.ok(clients.some((b) => b.span.start < offset && offset < b.span.end), `${file} at ${offset}: ${ctx.role} outside a client`);
      }
    }
    assert.ok(contexts > 0);
  });
});
