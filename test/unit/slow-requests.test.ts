/**
 * Requests the fuzz harness (test/fuzz) found far slower than linear, each checked by how its time
 * grows with the input rather than by an absolute time: a case fails only when it is over a bound at
 * the full size *and* takes many times as long as at a quarter of it (linear work grows about 4
 * times, quadratic 16), so a loaded machine alone cannot fail it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeBudget, timeBudgetMs } from '../../server/src/budget';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getCodeActions } from '../../server/src/features/code-actions';
import { doComplete } from '../../server/src/features/completion';
import { toDiagnostics } from '../../server/src/features/diagnostics';
import { analyse } from '../../server/src/service';
import { surfaceById } from '../../server/src/surfaces';

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
  // What these cases show does not depend on the time budget (time-budget.test.ts): without one,
  // a loaded machine cannot make a check run out of time and change the answer.
  const savedBudget = timeBudgetMs();
  before(() => setTimeBudget(0));
  after(() => setTimeBudget(savedBudget));
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

  it('code actions on a large broken YAML template: asked again for the same version, nothing is read again (seed 100, index 316)', () => {
    // 100 KB of lines the YAML parser cannot read (50,000 problems) before a client with one finding:
    // each check of an offered action reads the edited template again, most of a second each here.
    const text = `AWSTemplateFormatVersion: '2010-09-09'\nParameters:\n  Name:\n    Type: String\n    Default: MyUserPool\n x\n${'x\n'.repeat(20_000)}  Other:\n    Type: String\nResources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n  Fn:\n    Type: AWS::Lambda::Function\n  Client:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: !Ref Pool\n      PreventUserExistenceErrors: LEGACY\n`;
    const uri = 'file:///w/broken.yaml';
    const analysis = analyse({ uri, languageId: 'yaml', text });
    assert.ok(analysis && analysis.model.problems.length > 1000, 'the template is broken');
    const document = TextDocument.create(uri, 'yaml', 1, text);
    const diagnostics = toDiagnostics(document, analysis.findings).filter((d) => d.code === 'user-existence-errors-legacy');
    assert.equal(diagnostics.length, 1);
    const surface = surfaceById(analysis.surface.id)!;
    const parse = surface.parse;
    let reads = 0;
    surface.parse = (doc) => {
      reads++;
      return parse(doc);
    };
    try {
      const ask = () => getCodeActions(document, analysis.model, analysis.surface.id, diagnostics[0].range, { diagnostics }, analysis.findings, { deferFixAll: true });
      const first = ask();
      const firstReads = reads;
      assert.ok(first.some((a) => a.edit && a.title.startsWith('Set PreventUserExistenceErrors')), 'the quick fix is offered');
      assert.ok(first.some((a) => a.title.includes('for this line')) && first.some((a) => a.title.includes('for this resource')), 'both suppressions are offered');
      // One read per checked action (the quick fix, the two suppressions), none for the deferred
      // fix-all, and no reduction: it would take out too little of this text to pay for its own read.
      assert.equal(firstReads, 3, `${firstReads} reads for the first request`);
      reads = 0;
      const again = ask();
      assert.equal(reads, 0, 'the second request reads nothing again');
      assert.deepEqual(again, first);
      // A new version of the document (a new model) is checked afresh.
      const next = analyse({ uri, languageId: 'yaml', text: `${text}\n` })!;
      const nextDocument = TextDocument.create(uri, 'yaml', 2, `${text}\n`);
      reads = 0;
      getCodeActions(nextDocument, next.model, next.surface.id, diagnostics[0].range, { diagnostics }, next.findings, { deferFixAll: true });
      assert.ok(reads > 0, 'a new version is read');
    } finally {
      surface.parse = parse;
    }
  });
});
