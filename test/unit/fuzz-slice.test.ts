/**
 * The fixed-seed slice of the fuzz harness that runs with every `npm test` (the long runs are
 * `npm run fuzz -- --count N --seed S`): mutated corpus files, fixtures and examples of every
 * surface through every feature. No exception may escape and no fix may break a document; slow
 * requests are listed (the machine's load decides them as much as the code does).
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { setTimeBudget, timeBudgetMs } from '../../server/src/budget';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { analyse } from '../../server/src/service';
import { buildCase, checkDocument, prepareSurfaces, runFuzz, seedDocuments } from '../fuzz/engine';
import { Rng } from '../fuzz/mutate';
import { SURFACE_EXAMPLES } from '../support/examples';

/** The repository's root (tests run from out/test/unit). */
const REPO = join(__dirname, '..', '..', '..');

/** Seed and size of the slice: about a minute on a loaded 2-core machine. */
export const SLICE = { seed: 2026, count: 150 };

describe('fuzz slice', () => {
  it(`seed ${SLICE.seed}, ${SLICE.count} documents: no exception escapes, no fix breaks a document`, async (t) => {
    const seeds = seedDocuments();
    // Fixtures and examples are in the repository: the slice has seeds of every surface even without the corpus.
    const ids = new Set(seeds.map((s) => s.uri.split('.').pop()));
    assert.ok(seeds.length >= 20 && ids.has('tf') && ids.has('py') && ids.has('ts') && ids.has('yaml') && ids.has('json'), `seed documents: ${seeds.length}`);
    await prepareSurfaces(seeds);
    const s = runFuzz(seeds, SLICE);
    const line = (f: (typeof s.findings)[number]) => `seed=${f.seed} index=${f.index} from=${f.label} mutations=${f.mutations.join('+')}: ${f.message}`;
    t.diagnostic(`${s.documents} documents in ${s.seconds.toFixed(1)} s (${s.cpuSeconds.toFixed(1)} s CPU); slowest request ${s.maxMs.toFixed(0)} ms CPU (${s.maxWallMs.toFixed(0)} ms wall; ${s.maxWhat}, index ${s.maxAt}); ${s.skipped} skipped; ${s.fixesOffered} fixes offered, ${s.fixesChecked} distinct fixed documents re-read`);
    for (const f of s.findings.filter((x) => x.kind === 'slow')) t.diagnostic(`slow: ${line(f)}`);
    assert.equal(s.documents, SLICE.count);
    assert.ok(s.fixesChecked > 50, `only ${s.fixesChecked} fixes were checked`);
    assert.deepEqual(s.findings.filter((f) => f.kind !== 'slow').map(line), []);
  });
});

describe('fuzz slice with every reading cut short', () => {
  // A 2 ms time budget per request: readings of all but the smallest documents are given up, each
  // at a place that depends on the machine's speed (a YAML lexer loop, tree-sitter's input, a
  // reader's walk, a fix's check). Whatever the place, no exception may escape and no fix may break
  // a document.
  const saved = timeBudgetMs();
  after(() => setTimeBudget(saved));

  it('seed 2027, 100 documents within a 2 ms budget: readings given up, no exception, no broken fix', async () => {
    const seeds = seedDocuments();
    await prepareSurfaces(seeds);
    setTimeBudget(2);
    const s = runFuzz(seeds, { seed: 2027, count: 100 });
    setTimeBudget(saved);
    const line = (f: (typeof s.findings)[number]) => `seed=${f.seed} index=${f.index} from=${f.label} mutations=${f.mutations.join('+')}: ${f.message}`;
    assert.equal(s.documents, 100);
    assert.ok(s.givenUp > 0 && s.givenUpDocuments > 0, `readings given up: ${s.givenUp}`);
    assert.deepEqual(s.findings.filter((f) => f.kind !== 'slow').map(line), []);
  });
});

describe('fuzz harness', () => {
  const CLI = join(__dirname, '..', 'fuzz', 'fuzz.js');
  const run = (jobs: number) => {
    const r = spawnSync(process.execPath, [CLI, '--seed', '2026', '--start', '100', '--count', '16', '--jobs', String(jobs)], { encoding: 'utf8', timeout: 300_000 });
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    // Everything but the times and the job count.
    return r.stdout
      .split('\n')
      .filter((l) => l.startsWith('FINDING crash') || l.startsWith('FINDING fix') || /skipped .* diagnostics/.test(l) || l.startsWith('fuzz summary'))
      .map((l) => l.replace(/, \d+ jobs?$/, ''));
  };

  it('--jobs 2 gives the results of one job, in index order', () => {
    const one = run(1);
    const two = run(2);
    assert.equal(one.length, 2, one.join('\n'));
    assert.match(one[1], /[1-9]\d* diagnostics, [1-9]\d* fixes offered/);
    assert.deepEqual(two, one);
  });

  it('a case is named for good by seed, index and seed document: --from rebuilds it whatever the list', () => {
    const seeds = seedDocuments();
    for (let index = 0; index < 40; index++) {
      const drawn = buildCase(seeds, 7, index);
      // The same document from a list with another seed document in front (a fixture added).
      const longer = [{ ...seeds[0], label: 'test/fixtures/new.yaml' }, ...seeds];
      const pinned = buildCase(longer, 7, index, drawn.seedDoc.label);
      assert.equal(pinned.text, drawn.text);
      assert.deepEqual(pinned.mutations, drawn.mutations);
      // The URI follows from the label, not from the file's place in the list.
      assert.equal(pinned.seedDoc.uri, `file:///fuzz/${drawn.seedDoc.label.split('/').map(encodeURIComponent).join('/')}`);
    }
    assert.throws(() => buildCase(seeds, 7, 0, 'no/such/file.yaml'), /no seed document/);
  });
});

describe('every surface with code nested 20,000 deep inside its first client', () => {
  // The fuzz harness's deep-nesting mutation picks a place at random; here every surface's example
  // gets it in the middle of its first client, closed and unclosed, and goes through every feature
  // as a fuzzed document does (diagnostics, hover, completion, each diagnostic's code actions with
  // every fix re-read and judged, fix-all, CodeLens). A walk that recursed once per level lost the
  // whole document to a stack overflow depending on how deep it was called from (seed 4242 index
  // 52865, Python).
  const DEEP = 20_000;
  for (const [path, languageId, surfaceId] of SURFACE_EXAMPLES) {
    it(`${path} (${surfaceId})`, async () => {
      const text = readFileSync(join(REPO, path), 'utf8');
      const seedDoc = { label: path, ext: extname(path), uri: `file:///w/${basename(path)}`, languageId, text };
      await prepareSurfaces([seedDoc]);
      const analysis = analyse(seedDoc);
      assert.equal(analysis?.surface.id, surfaceId);
      const client = analysis!.model.clients[0];
      assert.ok(client, 'the example has a client');
      const at = Math.floor((client.span.start + client.span.end) / 2);
      // Closed round brackets (an expression in code), and flow collections left open to the end.
      const variants = [
        ['(', ')'],
        ['[{"a":', ''],
      ] as const;
      for (const [index, [open, close]] of variants.entries()) {
        const nested = text.slice(0, at) + open.repeat(DEEP) + close.repeat(DEEP) + text.slice(at);
        const r = checkDocument(seedDoc, nested, new Rng(index + 1), { seed: 0, index, mutations: [`${open} x ${DEEP} at ${at}`] });
        assert.deepEqual(r.findings.filter((f) => f.kind !== 'slow').map((f) => `${f.mutations[0]}: ${f.message}`), []);
        // Read, not lost to a stack overflow (tree-sitter's error recovery may still make the
        // broken code around a client unreadable: that is a syntax error, not this).
        const problems = analyse({ ...seedDoc, text: nested })!.model.problems;
        assert.deepEqual(problems.filter((p) => /call stack|recursion/i.test(p.message)).map((p) => p.message), [], open);
      }
    });
  }
});
