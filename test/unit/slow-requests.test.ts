/**
 * Requests the fuzz harness (test/fuzz) found far slower than linear, each checked by how its time
 * grows with the input rather than by an absolute time: a case fails only when it is over a bound at
 * the full size *and* takes many times as long as at a quarter of it (linear work grows about 4
 * times, quadratic 16), so a loaded machine alone cannot fail it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getCodeActions } from '../../server/src/features/code-actions';
import { doComplete } from '../../server/src/features/completion';
import { toDiagnostics } from '../../server/src/features/diagnostics';
import { analyse } from '../../server/src/service';

const BOUND_MS = 500;

function blewUp(measure: (size: number) => number, size: number): { ms: number; growth: number; failed: boolean } {
  const ms = measure(size);
  if (ms < BOUND_MS) return { ms, growth: 0, failed: false };
  const growth = ms / Math.max(1, measure(size / 4));
  return { ms, growth, failed: growth > 8 };
}

function time(body: () => unknown): number {
  const started = performance.now();
  body();
  return performance.now() - started;
}

describe('slow requests found by the fuzz harness', () => {
  it('completion on a flow-style YAML line that opens thousands of collections (seed 100, index 537)', () => {
    // `${` repeated opens a flow mapping per `{`; the cursor re-read the whole line per open one.
    const template = (n: number) =>
      `{Resources: {\n  Pool: {Type: AWS::Cognito::UserPool},\n  Client: {Type: AWS::Cognito::UserPoolClient, DependsOn: ${'${'.repeat(n)}Pool, Properties: {UserPoolId: {Ref: Pool}, GenerateSecret: true}}\n}}\n`;
    const uri = 'file:///w/flow.yaml';
    const result = blewUp((n) => {
      const text = template(n);
      const analysis = analyse({ uri, languageId: 'yaml', text });
      assert.ok(analysis);
      const document = TextDocument.create(uri, 'yaml', 1, text);
      const line = text.split('\n')[2];
      // Inside the run, at its end, and after it.
      return time(() => {
        for (const character of [line.indexOf('${') + n, line.indexOf('${') + 2 * n, line.length - 5]) {
          doComplete(document, analysis.model, analysis.surface.id, { line: 2, character });
        }
      });
    }, 8_000);
    assert.ok(!result.failed, `completion took ${Math.round(result.ms)} ms, ${result.growth.toFixed(1)} times as long as on a quarter of the run`);
  });

  it('code actions for thousands of diagnostics: each is matched to its finding in a table (seed 100, index 191)', () => {
    // Each repeated key is a duplicate-key finding; each diagnostic searched all findings for its own.
    // (Only the matching is timed here: asked for a kind no fix has, no action is built.)
    const template = (n: number) =>
      `{"resource": {"aws_cognito_user_pool_client": {"c": {"user_pool_id": "p", ${Array.from({ length: n }, (_, i) => `"name": "c${i}", `).join('')}"generate_secret": true}}}}\n`;
    const uri = 'file:///w/main.tf.json';
    let diagnosticsSeen = 0;
    const result = blewUp((n) => {
      const text = template(n);
      const analysis = analyse({ uri, languageId: 'json', text });
      assert.ok(analysis);
      const document = TextDocument.create(uri, 'json', 1, text);
      const diagnostics = toDiagnostics(document, analysis.findings);
      diagnosticsSeen = Math.max(diagnosticsSeen, diagnostics.length);
      const whole = { start: { line: 0, character: 0 }, end: document.positionAt(text.length) };
      return time(() => getCodeActions(document, analysis.model, analysis.surface.id, whole, { diagnostics, only: ['refactor.rewrite'] }, analysis.findings));
    }, 20_000);
    assert.ok(diagnosticsSeen >= 20_000, `only ${diagnosticsSeen} diagnostics`);
    assert.ok(!result.failed, `code actions took ${Math.round(result.ms)} ms, ${result.growth.toFixed(1)} times as long as with a quarter of the diagnostics`);
  });
});
