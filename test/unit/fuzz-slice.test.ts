/**
 * The fixed-seed slice of the fuzz harness that runs with every `npm test` (the long runs are
 * `npm run fuzz -- --count N --seed S`): mutated corpus files, fixtures and examples of every
 * surface through every feature. No exception may escape and no fix may break a document; slow
 * requests are listed (the machine's load decides them as much as the code does).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prepareSurfaces, runFuzz, seedDocuments } from '../fuzz/engine';

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
