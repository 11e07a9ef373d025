/**
 * Suppressions in `.tf` files (server/src/surfaces/terraform/suppressions-hcl.ts): `#` and `//`
 * line directives, the file-wide form, comment-looking text inside strings and heredocs, and the
 * marker a new directive is written with.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { disableLineEdit, isSuppressed } from '../../server/src/suppress';
import { applyEdits } from '../../server/src/surfaces/apply-edits';
import { hclCommentMarker, hclSuppressions, readHclSuppressions } from '../../server/src/surfaces/terraform/suppressions-hcl';
import { loadGrammar, parseTimeoutMs, setParseTimeout } from '../../server/src/surfaces/tree-sitter';
import { terraformHclSurface } from '../../server/src/surfaces/terraform';

const doc = (text: string) => ({ uri: 'file:///m/main.tf', languageId: 'terraform', text });

before(async () => {
  assert.equal(await loadGrammar('terraform'), true);
});

describe('HCL suppressions', () => {
  const text = [
    '# café ✓',
    'resource "aws_cognito_user_pool_client" "web" {',
    '  # cognito-client-disable-next-line implicit-flow-discouraged -- legacy app',
    '  allowed_oauth_flows = ["implicit"]',
    '  // cognito-client-disable-next-line token-revocation-disabled, secret-missing',
    '  enable_token_revocation = false',
    '  name = "# cognito-client-disable-next-line callback-urls-missing"',
    '  description = <<EOT',
    '// cognito-client-disable-next-line callback-urls-missing',
    'EOT',
    '  /* cognito-client-disable-next-line unknown-property */',
    '  generate_secret = true',
    '}',
  ].join('\n');

  it('reads # and // next-line directives with their rules and scope, and nothing inside strings, heredocs or block comments', () => {
    const found = readHclSuppressions(doc(text));
    assert.deepEqual(
      found.map((s) => [s.kind, s.rules]),
      [
        ['next-line', ['implicit-flow-discouraged']],
        ['next-line', ['token-revocation-disabled', 'secret-missing']],
      ],
    );
    const flowLine = text.indexOf('  allowed_oauth_flows');
    assert.deepEqual(found[0].scope, { start: flowLine, end: text.indexOf('\n', flowLine) });
    assert.equal(text.slice(found[0].at.start, found[0].at.end), '# cognito-client-disable-next-line implicit-flow-discouraged -- legacy app');
    const implicit = text.indexOf('"implicit"');
    assert.ok(isSuppressed({ ruleId: 'implicit-flow-discouraged', span: { start: implicit, end: implicit + 10 } }, found));
    assert.ok(!isSuppressed({ ruleId: 'token-revocation-disabled', span: { start: implicit, end: implicit + 10 } }, found));
    const revocation = text.indexOf('false');
    assert.ok(isSuppressed({ ruleId: 'token-revocation-disabled', span: { start: revocation, end: revocation + 5 } }, found));
  });

  it('takes the comments from the tree the model was read from, without parsing the text again', (t) => {
    const model = terraformHclSurface.parse(doc(text));
    const fresh = readHclSuppressions(doc(text));
    // With every parse given up from here on, only the comments kept with the model can answer.
    const saved = parseTimeoutMs();
    t.after(() => setParseTimeout(saved));
    setParseTimeout(0.001);
    assert.deepEqual(readHclSuppressions(doc(text), model), fresh);
    assert.deepEqual(readHclSuppressions(doc(text)), [], 'without the model the text must be parsed, and that is given up');
    // Another text than the model's: parsed (and given up here), never the kept comments.
    assert.deepEqual(readHclSuppressions(doc(text.replace('implicit', 'code')), model), []);
  });

  it('reads the file-wide form', () => {
    const t = '// cognito-client-disable secret-missing\nresource "aws_cognito_user_pool_client" "c" {\n  name = "x"\n}\n';
    const [s] = readHclSuppressions(doc(t));
    assert.equal(s.kind, 'file');
    assert.deepEqual(s.rules, ['secret-missing']);
    assert.deepEqual(s.scope, { start: 0, end: t.length });
    const all = readHclSuppressions(doc('# cognito-client-disable\n'));
    assert.equal(all[0].rules, 'all');
  });

  it('writes a new directive with the marker the file uses, which then reads as covering the line', () => {
    assert.equal(hclCommentMarker('# a\n// b\n# c\n'), '#');
    assert.equal(hclCommentMarker('// a\n// b\nx = 1 # c\n'), '//');
    assert.equal(hclCommentMarker('x = 1\n'), '#');
    const t = '// managed\nresource "aws_cognito_user_pool_client" "c" {\n  name = "x"\n  enable_token_revocation = false\n}\n';
    const support = hclSuppressions(doc(t));
    assert.equal(support.lineComment, '//');
    assert.equal(support.ignoreInDefinition, undefined);
    const at = t.indexOf('false');
    const edit = disableLineEdit(t, at, 'token-revocation-disabled', support.lineComment!)!;
    const after = applyEdits(t, [edit]);
    assert.equal(after, t.replace('  enable_token_revocation', '  // cognito-client-disable-next-line token-revocation-disabled\n  enable_token_revocation'));
    const again = support.read(doc(after), undefined as never);
    const moved = after.indexOf('false');
    assert.ok(isSuppressed({ ruleId: 'token-revocation-disabled', span: { start: moved, end: moved + 5 } }, again));
  });

  it('reads nothing from a file without directives, or text that does not parse', () => {
    assert.deepEqual(readHclSuppressions(doc('resource "a" "b" {}\n')), []);
    assert.deepEqual(readHclSuppressions(doc('resource "a" "b" {\n  # cognito-client-disable-next-line x\n  y = [\n')).map((s) => s.rules), [['x']]);
  });
});
