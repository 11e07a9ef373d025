/**
 * The corpus gate: a test that needs the shared real-world corpus skips, saying why, when it is
 * absent on a developer's machine, but under `CI=true` the missing corpus fails the run (a CI
 * run that skipped every corpus test would pass while proving much less).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { corpusDir, CorpusMissingError, corpusSkip, isCi } from '../support/corpus';

const MISSING = join(__dirname, 'no-such-corpus');

describe('the corpus gate', () => {
  it('skips with a reason outside CI, and throws under CI=true', () => {
    assert.match(corpusSkip(MISSING, {}) ?? '', /^corpus not found at .*no-such-corpus \(set COGNITO_CORPUS_DIR\)$/);
    assert.match(corpusSkip(MISSING, { CI: 'false' }) ?? '', /corpus not found/);
    assert.throws(() => corpusSkip(MISSING, { CI: 'true' }), (e: unknown) => e instanceof CorpusMissingError && /under CI=true the corpus is required/.test(e.message));
    assert.throws(() => corpusSkip(MISSING, { CI: 'TRUE' }), CorpusMissingError);
    // A path that exists never skips, CI or not.
    assert.equal(corpusSkip(__dirname, { CI: 'true' }), undefined);
    assert.equal(isCi({ CI: 'true' }), true);
    assert.equal(isCi({}), false);
  });

  // A real corpus test file, run with the corpus pointed somewhere empty.
  const run = (env: Record<string, string>) => {
    const base = { ...process.env };
    // Inside `node --test` this variable makes a nested run report to the outer runner instead of stdout.
    delete base.NODE_TEST_CONTEXT;
    return spawnSync(process.execPath, ['--test', '--test-reporter=tap', join(__dirname, 'corpus-rules.test.js')], {
      encoding: 'utf8',
      env: { ...base, CI: '', ...env, COGNITO_CORPUS_DIR: MISSING },
      timeout: 120_000,
    });
  };

  it('a corpus test file passes with skips outside CI', () => {
    const r = run({});
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /# skipped [1-9]/);
    assert.match(r.stdout, /# fail 0/);
  });

  it('the same file fails under CI=true, saying why', () => {
    const r = run({ CI: 'true' });
    assert.notEqual(r.status, 0, 'the run fails');
    assert.match(r.stdout + r.stderr, /under CI=true the corpus is required/);
  });

  it('the corpus is where the tests look for it (this run is not skipping silently)', (t) => {
    const skip = corpusSkip(corpusDir());
    if (skip) return t.skip(skip);
    assert.ok(corpusSkip(join(corpusDir(), 'cloudformation-yaml')) === undefined);
  });
});
