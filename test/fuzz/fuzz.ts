/**
 * `npm run fuzz -- --count N --seed S [--start I] [--jobs J] [--indexes FILE] [--time-budget MS] [--case I [--from LABEL]] [--dump FILE] [--strict]`:
 * mutate the corpus, fixtures and examples and run every feature on each result (./engine.ts).
 * Prints each finding with its seed and index, in index order whatever the number of jobs
 * (`--case I` runs that one document again, `--from LABEL` on the seed document named in the
 * finding, `--dump FILE` writes its text), progress every 1,000 documents on stderr, and a summary.
 * Exits 1 when a crash or a broken fix was found (with `--strict`, a slow request too).
 *
 * `--jobs J` runs the documents in J child processes (each takes the next index when it is done,
 * the parent reports in index order): the same findings and summary as one job, with each request
 * timed in its own process's CPU time. A document that runs longer than `--doc-timeout` seconds
 * (wall, default 600) has its process stopped and is reported as slow; a process that dies is a crash.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { setTimeBudget } from '../../server/src/budget';
import { REQUEST_BUDGET_MS, addResult, buildCase, newSummary, prepareSurfaces, runCase, runFuzz, seedDocuments, type CaseResult, type Finding, type RunSummary, type SeedDocument } from './engine';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} needs a whole number`);
  return value;
}

function text(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? undefined : process.argv[i + 1];
}

const line = (f: Finding) => `FINDING ${f.kind} seed=${f.seed} index=${f.index} from=${f.label} mutations=${f.mutations.join('+')}: ${f.message}`;

const progress = (p: RunSummary) =>
  console.error(`fuzz: ${p.documents} documents in ${p.seconds.toFixed(0)} s (${(p.documents / p.seconds).toFixed(2)}/s wall, ${p.cpuSeconds.toFixed(0)} s CPU), ${p.findings.length} findings, max request ${p.maxMs.toFixed(0)} ms CPU`);

/** `--time-budget MS`: the server's time budget per request in this run (default: the server's). */
function applyTimeBudget(): void {
  if (process.argv.includes('--time-budget')) setTimeBudget(option('time-budget', 0));
}

/** A child process's side: run the indexes the parent sends, answer with each result. */
async function worker(): Promise<void> {
  applyTimeBudget();
  const seed = option('seed', 1);
  const seeds = seedDocuments();
  await prepareSurfaces(seeds);
  process.on('disconnect', () => process.exit(0));
  process.on('message', (message: { index: number }) => {
    const result = runCase(seeds, seed, message.index);
    process.send!({ index: message.index, result });
  });
  process.send!({ ready: true });
}

interface Job {
  child: ChildProcess;
  index?: number;
  timer?: NodeJS.Timeout;
}

/** Run the documents in `jobs` child processes; results are counted and printed in index order. */
function runParallel(seeds: readonly SeedDocument[], seed: number, indexes: readonly number[], jobs: number, docTimeoutS: number): Promise<RunSummary> {
  const summary = newSummary(seeds);
  const t0 = performance.now();
  const results = new Map<number, CaseResult>();
  // Positions in `indexes`: the next to send and the next to report.
  let nextToSend = 0;
  let nextToReport = 0;
  const end = indexes.length;
  const live = new Set<Job>();

  return new Promise((resolveRun) => {
    const synthetic = (index: number, kind: Finding['kind'], message: string): CaseResult => {
      const built = buildCase(seeds, seed, index);
      return {
        findings: [{ seed, index, label: built.seedDoc.label, mutations: built.mutations, kind, message }],
        maxMs: 0, maxWallMs: 0, maxWhat: '', totalMs: 0, totalWallMs: 0, length: built.text.length, skipped: false, diagnostics: 0, fixesOffered: 0, fixesChecked: 0,
      };
    };
    const flush = () => {
      while (results.has(indexes[nextToReport])) {
        const r = results.get(indexes[nextToReport])!;
        results.delete(indexes[nextToReport]);
        addResult(summary, indexes[nextToReport], r);
        for (const f of r.findings) console.log(line(f));
        nextToReport++;
        summary.seconds = (performance.now() - t0) / 1000;
        if (summary.documents % 1000 === 0) progress(summary);
      }
      if (nextToReport === end) {
        for (const job of live) job.child.disconnect();
        summary.seconds = (performance.now() - t0) / 1000;
        resolveRun(summary);
      }
    };
    const dispatch = (job: Job) => {
      if (nextToSend >= end) {
        job.index = undefined;
        live.delete(job);
        job.child.disconnect();
        return;
      }
      const index = indexes[nextToSend++];
      job.index = index;
      job.timer = setTimeout(() => {
        results.set(index, synthetic(index, 'slow', `document took over ${docTimeoutS} s wall; its process was stopped`));
        job.index = undefined;
        job.child.kill('SIGKILL');
      }, docTimeoutS * 1000);
      job.child.send({ index });
    };
    const spawn = () => {
      const budget = process.argv.includes('--time-budget') ? ['--time-budget', String(option('time-budget', 0))] : [];
      const child = fork(__filename, ['--worker', '--seed', String(seed), ...budget], { execArgv: process.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      const job: Job = { child };
      live.add(job);
      child.on('message', (message: { ready?: true; index?: number; result?: CaseResult }) => {
        if (message.index !== undefined && message.result && message.index === job.index) {
          clearTimeout(job.timer);
          results.set(message.index, message.result);
          flush();
        }
        if (nextToReport < end) dispatch(job);
      });
      child.on('exit', (code, signal) => {
        clearTimeout(job.timer);
        const wasLive = live.delete(job);
        if (job.index !== undefined) results.set(job.index, synthetic(job.index, 'crash', `the process running it died (exit ${code}, signal ${signal})`));
        if (wasLive && nextToReport < end) {
          flush();
          if (nextToReport < end) spawn(); // a replacement takes the next index
        }
      });
    };
    for (let j = 0; j < Math.min(jobs, end); j++) spawn();
    if (end === 0) flush();
  });
}

async function main(): Promise<number> {
  applyTimeBudget();
  const seed = option('seed', 1);
  const count = option('count', 1000);
  const start = option('start', 0);
  const jobs = Math.max(1, option('jobs', 1));
  const seeds = seedDocuments();
  const caseIndex = process.argv.indexOf('--case');
  if (caseIndex >= 0) {
    await prepareSurfaces(seeds);
    const index = option('case', 0);
    const from = text('from');
    const built = buildCase(seeds, seed, index, from);
    const dump = text('dump');
    if (dump) writeFileSync(dump, built.text);
    const r = runCase(seeds, seed, index, from);
    console.log(
      `seed=${seed} index=${index} from=${built.seedDoc.label} mutations=${built.mutations.join('+')} length=${built.text.length} ` +
        `max=${r.maxMs.toFixed(1)} ms CPU (${r.maxWallMs.toFixed(1)} ms wall; ${r.maxWhat}) total=${r.totalMs.toFixed(1)} ms CPU (${r.totalWallMs.toFixed(1)} ms wall)`,
    );
    for (const f of r.findings) console.log(line(f));
    return r.findings.some((f) => f.kind !== 'slow' || process.argv.includes('--strict')) ? 1 : 0;
  }
  // `--indexes FILE`: the documents whose indexes the file lists (one per line), e.g. those a
  // long run found slow, instead of `--start`/`--count`.
  const listed = text('indexes');
  const indexes = listed
    ? readFileSync(listed, 'utf8').split(/\s+/).filter(Boolean).map(Number)
    : Array.from({ length: count }, (_, i) => start + i);
  const range = listed ? `${indexes.length} listed in ${listed}` : `${start}..${start + count - 1}`;
  console.error(`fuzz: seed ${seed}, documents ${range}, from ${seeds.length} seed documents, ${jobs} job${jobs > 1 ? 's' : ''}`);
  let s: RunSummary;
  if (listed && jobs === 1) throw new Error('--indexes needs --jobs 2 or more');
  if (jobs === 1) {
    await prepareSurfaces(seeds);
    s = runFuzz(seeds, { seed, count, start, every: 1000, onFinding: (f) => console.log(line(f)), onProgress: progress });
  } else {
    s = await runParallel(seeds, seed, indexes, jobs, option('doc-timeout', 600));
  }
  const kinds = (k: Finding['kind']) => s.findings.filter((f) => f.kind === k).length;
  console.log(
    [
      `fuzz summary: seed ${seed}, documents ${range}: ${s.documents} (from ${s.seeds} seeds: ${Object.entries(s.surfaces).map(([k, v]) => `${k} ${v}`).join(', ')}), ${jobs} job${jobs > 1 ? 's' : ''}`,
      `  ${s.seconds.toFixed(1)} s wall, ${(s.documents / s.seconds).toFixed(2)} documents/s; ${s.cpuSeconds.toFixed(1)} s CPU in the documents, ${(s.documents / s.cpuSeconds).toFixed(2)} documents per CPU second`,
      `  slowest request ${s.maxMs.toFixed(1)} ms CPU (${s.maxWallMs.toFixed(1)} ms wall; ${s.maxWhat}, index ${s.maxAt}); slowest whole document ${s.maxDocumentMs.toFixed(1)} ms CPU (index ${s.maxDocumentAt})`,
      `  ${s.skipped} skipped (too large or binary), ${s.diagnostics} diagnostics, ${s.fixesOffered} fixes offered, ${s.fixesChecked} distinct fixed documents re-read`,
      `  ${s.givenUp} readings given up for time (time budget or parse time-out) in ${s.givenUpDocuments} documents`,
      `  findings: ${kinds('crash')} crashes, ${kinds('fix')} broken fixes, ${kinds('slow')} requests over ${REQUEST_BUDGET_MS} ms CPU`,
    ].join('\n'),
  );
  // Slow requests are reported; only with --strict do they fail the run.
  const strict = process.argv.includes('--strict');
  return s.findings.some((f) => f.kind !== 'slow' || strict) ? 1 : 0;
}

if (process.argv.includes('--worker')) {
  worker().catch((error: unknown) => {
    console.error(error);
    process.exit(2);
  });
} else {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(2);
    },
  );
}
