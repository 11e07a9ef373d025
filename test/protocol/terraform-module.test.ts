/**
 * The language server and a Terraform module: a `.tf` document reads the facts of the other
 * files of its directory (open documents first, their unsaved text; then disk), and when an open
 * sibling changes, the other open documents of the module are checked again (pushed diagnostics).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { PLAIN_CAPABILITIES } from '../support/lsp-client';
import { withSession } from './session';

const pool = (name: string) => `resource "aws_cognito_user_pool" "${name}" {\n  name = "p"\n}\n`;
const CLIENT = `# café ✓
resource "aws_cognito_user_pool_client" "web" {
  name                          = "web"
  user_pool_id                  = aws_cognito_user_pool.main.id
  prevent_user_existence_errors = "ENABLED"
}
`;

describe('server: Terraform module', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-server-'));
    fs.writeFileSync(path.join(dir, 'pool.tf'), pool('main'));
    fs.writeFileSync(path.join(dir, 'main.tf'), CLIENT);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads the pool from disk, then from the open sibling as edited, and re-checks on its change', async () => {
    const mainUri = pathToFileURL(path.join(dir, 'main.tf')).href;
    const poolUri = pathToFileURL(path.join(dir, 'pool.tf')).href;
    await withSession(PLAIN_CAPABILITIES, async ({ client }) => {
      const codes = (p: { diagnostics: { code?: string | number }[] }) => p.diagnostics.map((d) => String(d.code));
      await client.open(mainUri, 'terraform', CLIENT);
      const first = await client.waitForDiagnostics(mainUri);
      assert.deepEqual(codes(first), [], 'the pool on disk (pool.tf) is found');

      // The sibling is opened and renamed without saving: the client's reference is now wrong.
      await client.open(poolUri, 'terraform', pool('main'));
      await client.replace(poolUri, 2, pool('other'));
      const after = await client.waitForDiagnostics(mainUri, (p) => codes(p).includes('user-pool-reference'), { timeoutMs: 10_000 });
      assert.match(String(after.diagnostics[0].message), /aws_cognito_user_pool\.main, which is not declared in this module/);

      // Put back: the finding goes away again.
      await client.replace(poolUri, 3, pool('main'));
      await client.waitForDiagnostics(mainUri, (p) => codes(p).length === 0, { timeoutMs: 10_000 });
    });
  });
});
