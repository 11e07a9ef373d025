/**
 * Requests the fuzz harness (test/fuzz) found far slower than linear, each checked by how its time
 * grows with the input rather than by an absolute time: a case fails only when it is over a bound at
 * the full size *and* takes many times as long as at a quarter of it (linear work grows about 4
 * times, quadratic 16), so a loaded machine alone cannot fail it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { doComplete } from '../../server/src/features/completion';
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
});
