/**
 * Hover prose follows the document's spelling: schema descriptions name properties canonically
 * (`TokenValidityUnits.AccessToken`); a Terraform or CDK document reads its own names.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { doHover } from '../../server/src/features/hover';
import { inSpelling } from '../../server/src/features/hover-docs';
import { parseDocument } from '../../server/src/surfaces';
import { loadGrammar } from '../../server/src/surfaces/tree-sitter';

describe('hover prose in the document spelling', () => {
  before(async () => {
    assert.ok(await loadGrammar('terraform'));
  });

  it('rewrites canonical names in backticks and dotted paths in prose, and nothing else', () => {
    const text = 'counted in `TokenValidityUnits.AccessToken`, in the TokenValidityUnits.RefreshToken unit; `ALLOW_USER_SRP_AUTH`, `AuthFlow`, `60`';
    assert.equal(
      inSpelling(text, 'terraform'),
      'counted in `token_validity_units.access_token`, in the token_validity_units.refresh_token unit; `ALLOW_USER_SRP_AUTH`, `AuthFlow`, `60`',
    );
    assert.equal(inSpelling(text, 'cloudformation'), text);
    assert.match(inSpelling('see `CallbackURLs`', 'cdkPython'), /`callback_ur_ls`/);
  });

  it('a hover in a .tf file names Terraform arguments, not CloudFormation properties', () => {
    const text = '# café ✓\nresource "aws_cognito_user_pool_client" "web" {\n  name                  = "web"\n  user_pool_id          = "eu-west-1_Ab12Cd34E"\n  access_token_validity = 60\n}\n';
    const doc = TextDocument.create('file:///m/main.tf', 'terraform', 1, text);
    const parsed = parseDocument({ uri: doc.uri, languageId: doc.languageId, text, siblings: [] });
    assert.ok(parsed);
    const hover = doHover(doc, parsed.model, doc.positionAt(text.indexOf('access_token_validity') + 3));
    assert.ok(hover);
    const value = typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : JSON.stringify(hover.contents);
    assert.match(value, /token_validity_units\.access_token/);
    // (Links keep their targets: the API reference's anchor is spelled as the API spells it.)
    assert.doesNotMatch(value.replace(/\]\([^)]*\)/g, ']'), /TokenValidityUnits|AccessTokenValidity/);
  });
});
