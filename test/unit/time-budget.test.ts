/**
 * The time budget of one request (server/src/budget.ts): a reading out of time is given up with an
 * `unread` problem that says why, a fix whose check is given up is not offered (and is checked
 * again by the next request), fix-all and resolve stop without an unchecked edit, and the cache
 * keeps a given-up reading for its version only.
 *
 * Most cases spend the budget before the work starts (a deadline already passed), so what they
 * show does not depend on the machine's speed; one case gives a large template a short budget.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver-types';
import { checkTime, DEFAULT_TIME_BUDGET_MS, OutOfTime, readingsGivenUp, setTimeBudget, timeBudgetMs, timeLeftMs, withinBudget } from '../../server/src/budget';
import { analysisKey, defaultSettings, readSettings } from '../../server/src/config';
import { FIX_ALL_KIND, FIX_ALL_TITLE, getCodeActions, resolveCodeAction } from '../../server/src/features/code-actions';
import { toDiagnostics } from '../../server/src/features/diagnostics';
import { DocumentCache } from '../../server/src/features/document-cache';
import { analyse, prepareDocument } from '../../server/src/service';
import { SURFACE_EXAMPLES } from '../support/examples';
import { loadGrammar, noteParse, parseText, parseWontFit } from '../../server/src/surfaces/tree-sitter';

const repo = join(__dirname, '..', '..', '..');

/** The surfaces whose readers keep to the budget: all but the API's own shape (one client, read as it is recognised). */
const TIMED = new Set(['cloudformation-yaml', 'cloudformation-json', 'terraform-hcl', 'terraform-json', 'sdk-javascript', 'sdk-python']);

const OUT_OF_TIME = /was not read: reading it took longer than the time budget \(\d+ ms, the cognitoClient\.timeBudgetMs setting\)/;

/** The budget the cases run with: ample, so that only `spent` runs out. */
const AMPLE_MS = 60_000;

/** Run `body` inside a request whose budget (20 ms) is already spent; the requests it makes share it. */
function spent<T>(body: () => T): T {
  setTimeBudget(20);
  try {
    return withinBudget(() => {
      const until = performance.now() + 25;
      while (performance.now() <= until) {
        // wait out the budget
      }
      setTimeBudget(AMPLE_MS); // a nested request keeps the earlier deadline all the same
      return body();
    });
  } finally {
    setTimeBudget(AMPLE_MS);
  }
}

function unreadOf(problems: readonly { message: string; unread?: boolean }[]): string[] {
  return problems.filter((p) => p.unread).map((p) => p.message);
}

describe('time budget', () => {
  const saved = timeBudgetMs();
  before(() => setTimeBudget(AMPLE_MS));
  after(() => setTimeBudget(saved));

  it('the server default is 600 ms; 0 means none; a nested request keeps the earlier deadline', () => {
    assert.equal(DEFAULT_TIME_BUDGET_MS, 600);
    assert.equal(defaultSettings.timeBudgetMs, 600);
    assert.equal(timeLeftMs(), Infinity, 'outside a request there is no deadline');
    setTimeBudget(50);
    withinBudget(() => {
      const outer = timeLeftMs();
      assert.ok(outer > 0 && outer <= 50);
      setTimeBudget(10_000);
      withinBudget(() => assert.ok(timeLeftMs() <= outer, 'an inner request does not extend the outer one'));
    });
    spent(() => assert.throws(() => checkTime(), OutOfTime));
    setTimeBudget(0);
    try {
      withinBudget(() => {
        assert.equal(timeLeftMs(), Infinity, 'no budget: no deadline');
        assert.doesNotThrow(() => checkTime());
      });
    } finally {
      setTimeBudget(AMPLE_MS);
    }
  });

  it('the setting: read, clamped, 0 allowed, below 50 raised to 50 with a warning', () => {
    assert.equal(readSettings({ timeBudgetMs: 1500 }).settings.timeBudgetMs, 1500);
    assert.equal(readSettings({ timeBudgetMs: 0 }).settings.timeBudgetMs, 0);
    const low = readSettings({ timeBudgetMs: 10 });
    assert.equal(low.settings.timeBudgetMs, 50);
    assert.match(low.warnings.join('\n'), /timeBudgetMs: 10 is below 50/);
    const bad = readSettings({ timeBudgetMs: 'fast' });
    assert.equal(bad.settings.timeBudgetMs, 600);
    assert.match(bad.warnings.join('\n'), /timeBudgetMs: expected a number/);
    assert.equal(readSettings({ timeBudgetMs: 1e9 }).settings.timeBudgetMs, 60000);
  });

  for (const [file, languageId, surfaceId] of SURFACE_EXAMPLES) {
    describe(`${file} (${surfaceId})`, () => {
      const uri = `file:///w/${file}`;
      let text = '';
      before(async () => {
        text = readFileSync(join(repo, file), 'utf8');
        await prepareDocument({ uri, languageId, text });
      });

      it(TIMED.has(surfaceId) ? 'a reading out of time is given up, says why, and is counted' : 'the API shape is read whole whatever the budget', () => {
        const whole = analyse({ uri, languageId, text });
        assert.ok(whole && whole.model.clients.length > 0, 'reads with time to spare');
        assert.deepEqual(unreadOf(whole.model.problems), []);
        const givenUp = readingsGivenUp();
        const late = spent(() => analyse({ uri, languageId, text }));
        assert.ok(late);
        if (!TIMED.has(surfaceId)) {
          assert.equal(late.model.clients.length, whole.model.clients.length);
          return;
        }
        assert.equal(late.model.clients.length, 0, 'no clients from a reading given up');
        assert.deepEqual(late.findings, []);
        const unread = unreadOf(late.model.problems);
        assert.equal(unread.length, 1, JSON.stringify(late.model.problems));
        assert.match(unread[0], OUT_OF_TIME);
        assert.ok(readingsGivenUp() > givenUp, 'counted (the fuzz harness asks)');
      });

      it('code actions: a fix whose check runs out of time is left out, and checked again by the next request', () => {
        const analysis = analyse({ uri, languageId, text });
        assert.ok(analysis);
        const document = TextDocument.create(uri, languageId, 1, text);
        const diagnostics = toDiagnostics(document, analysis.findings);
        const ask = (deferChecks: boolean) =>
          diagnostics.flatMap((d) =>
            getCodeActions(document, analysis.model, analysis.surface.id, d.range, { diagnostics: [d], only: ['quickfix'] }, analysis.findings, { deferChecks }).filter((a) => a.title !== FIX_ALL_TITLE),
          );
        const late = spent(() => ask(false));
        const inTime = ask(false);
        assert.ok(inTime.some((a) => a.edit), 'fixes are offered with time to spare');
        if (TIMED.has(surfaceId)) {
          // Every check reads an edited copy (cut down to the client, or whole): none is offered unchecked.
          assert.deepEqual(late.filter((a) => a.edit).map((a) => a.title), [], 'nothing offered whose check was given up');
        } else {
          assert.deepEqual(late.map((a) => a.title), inTime.map((a) => a.title));
        }
        // The same titles (and edits) after a request that ran out: the failed checks were not remembered.
        assert.deepEqual(ask(false).map((a) => [a.title, JSON.stringify(a.edit)]), inTime.map((a) => [a.title, JSON.stringify(a.edit)]));
      });

      it('resolve out of time gives an empty edit, and fix-all out of time offers nothing unchecked', () => {
        const analysis = analyse({ uri, languageId, text });
        assert.ok(analysis);
        const document = TextDocument.create(uri, languageId, 1, text);
        const diagnostics = toDiagnostics(document, analysis.findings);
        const whole = { start: { line: 0, character: 0 }, end: document.positionAt(text.length) };
        const fixAll = () => getCodeActions(document, analysis.model, analysis.surface.id, whole, { diagnostics, only: [FIX_ALL_KIND] }, analysis.findings);
        const inTime = fixAll().find((a) => a.title === FIX_ALL_TITLE);
        assert.ok(inTime?.edit, 'fix-all with time to spare');
        const late = spent(() => fixAll()).find((a) => a.title === FIX_ALL_TITLE);
        if (TIMED.has(surfaceId)) assert.equal(late, undefined, 'no fix-all whose checks were given up');
        else assert.deepEqual(late?.edit, inTime.edit);
        // Beside a diagnostic with an automatic fix, deferred to resolve (VS Code's way).
        const deferred = diagnostics
          .flatMap((d) => getCodeActions(document, analysis.model, analysis.surface.id, d.range, { diagnostics: [d] }, analysis.findings, { deferFixAll: true }))
          .find((a) => a.title === FIX_ALL_TITLE);
        assert.ok(deferred && !deferred.edit, 'offered by title');
        const resolved = spent(() => resolveCodeAction(document, analysis.model, analysis.surface.id, JSON.parse(JSON.stringify(deferred)) as CodeAction, analysis.findings));
        if (TIMED.has(surfaceId)) assert.deepEqual(resolved.edit ?? { changes: {} }, { changes: {} }, 'resolved out of time: no edit');
        else assert.deepEqual(resolved.edit, inTime.edit);
        const again = resolveCodeAction(document, analysis.model, analysis.surface.id, JSON.parse(JSON.stringify(deferred)) as CodeAction, analysis.findings);
        assert.deepEqual(again.edit, inTime.edit, 'resolved in time: the same edit as fix-all asked for at once');
      });
    });
  }

  it('the cache keeps a reading given up for its version only; the next version is read again', async () => {
    const file = 'examples/cloudformation/web-clients.yaml';
    const text = readFileSync(join(repo, file), 'utf8');
    const cache = new DocumentCache({ keyOf: analysisKey });
    const v1 = TextDocument.create(`file:///w/${file}`, 'yaml', 1, text);
    const late = spent(() => cache.get(v1, defaultSettings));
    assert.match(unreadOf(late.analysis!.model.problems)[0] ?? '', OUT_OF_TIME);
    assert.equal(cache.get(v1, defaultSettings), late, 'the same version is not read again');
    const v2 = TextDocument.update(v1, [{ range: { start: v1.positionAt(text.length), end: v1.positionAt(text.length) }, text: '\n' }], 2);
    const fresh = cache.get(v2, defaultSettings);
    assert.deepEqual(unreadOf(fresh.analysis!.model.problems), []);
    assert.ok(fresh.analysis!.model.clients.length > 0);
  });

  it('a large template given a short budget is given up; with none it is read whole', () => {
    const lines = ['AWSTemplateFormatVersion: "2010-09-09"', 'Resources:', '  Pool:', '    Type: AWS::Cognito::UserPool'];
    for (let i = 0; i < 3000; i++) {
      lines.push(`  Client${i}:`, '    Type: AWS::Cognito::UserPoolClient', '    Properties:', '      UserPoolId: !Ref Pool', `      ClientName: client-${i}`, '      RefreshTokenValidity: 30', '      ExplicitAuthFlows: [ALLOW_REFRESH_TOKEN_AUTH, ALLOW_USER_SRP_AUTH]');
    }
    const doc = { uri: 'file:///w/big.yaml', languageId: 'yaml', text: lines.join('\n') + '\n' };
    setTimeBudget(1);
    try {
      // 1 ms is below what reading 3,000 clients takes on any machine (hundreds of ms here).
      const short = withinBudget(() => analyse(doc));
      assert.equal(short?.model.clients.length, 0);
      assert.match(unreadOf(short!.model.problems)[0] ?? '', OUT_OF_TIME);
    } finally {
      setTimeBudget(0);
    }
    try {
      const whole = withinBudget(() => analyse(doc));
      assert.equal(whole?.model.clients.length, 3000);
    } finally {
      setTimeBudget(AMPLE_MS);
    }
  });

  it('a tree-sitter parse seen not to fit in what is left of a request is not started; the first parse of a request always is', () => {
    // Seed 4242 index 37327 (a 730 KB `.tf` with a huge string): a quick fix's check parsed the
    // edited file after the fix had been built from a first parse, with 240 ms left; cut at the
    // deadline, tree-sitter's error recovery went on for 400 ms (code actions of 1.1 s).
    const length = 730_000;
    noteParse('terraform', length, 450);
    // A text of about the same length, with 240 ms left of 600: not started.
    assert.equal(parseWontFit('terraform', length + 1000, 240, 600), true);
    // Enough left: started.
    assert.equal(parseWontFit('terraform', length, 500, 1000), false);
    // A request's first parse (under 50 ms of the budget spent) is started whatever came before.
    assert.equal(parseWontFit('terraform', length, 580, 600), false);
    // Other grammars, other lengths, short texts, no budget: no prediction.
    assert.equal(parseWontFit('python', length, 240, 600), false);
    assert.equal(parseWontFit('terraform', length * 2, 240, 600), false);
    noteParse('terraform', 10_000, 450);
    assert.equal(parseWontFit('terraform', 10_000, 1, 600), false);
    assert.equal(parseWontFit('terraform', length, Infinity, 0), false);
  });

  it('a parse not started is given up as a parse cut short is: counted, no tree', async () => {
    assert.ok(await loadGrammar('terraform'));
    const text = `locals {\n${'  x = "a"\n'.repeat(10_000)}}\n`;
    assert.ok(text.length > 64 * 1024);
    noteParse('terraform', text.length, 10_000);
    setTimeBudget(1000);
    try {
      withinBudget(() => {
        // Spend the start of the request, as building a fix does.
        const until = performance.now() + 60;
        while (performance.now() < until);
        const before = readingsGivenUp();
        assert.equal(parseText('terraform', text), undefined);
        assert.equal(readingsGivenUp(), before + 1);
      });
    } finally {
      setTimeBudget(AMPLE_MS);
    }
    // Outside a request it is parsed, and its cost remembered in place of the guess.
    const tree = parseText('terraform', text);
    assert.ok(tree);
    tree.delete();
  });
});

