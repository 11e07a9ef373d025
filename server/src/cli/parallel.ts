/**
 * Checking many files on several threads (worker_threads): the main thread hands out batches of
 * files by index, each worker reads, prepares (a grammar to load) and checks them exactly as the
 * single-thread run does (`lintFile`), and the reports are put back in the files' order. So the
 * output is the same whatever the number of threads; only the time changes.
 *
 * The worker is the CLI's own entry script started again in a worker thread (`cli.ts` calls
 * `runWorkerIfAsked` first), so the bundle needs no second file.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { RuleSetting } from '../rules/engine';
import { prepareDocument } from '../service';
import { pathToFileURL } from 'node:url';
import { siblingDocuments } from '../module-files';
import { languageIdForPath, surfaceFor } from '../surfaces';
import { setParseTimeout } from '../surfaces/tree-sitter';
import { couldNotCheck, lintFile, markCouldNotCheck, readSource } from './lint-file';
import type { FileReport } from './types';
import type { FoundFile } from './walk';

/** Below this many files the run stays in one thread (starting workers costs more than it saves). */
export const MIN_FILES_FOR_WORKERS = 64;

/** How many files a worker is given at a time (small enough to even out files of very different cost). */
const BATCH = 16;

/** What marks a worker started by `lintFilesInWorkers`. */
const WORKER_KIND = 'cognito-client-lint-worker';

interface Job {
  file: FoundFile;
  rules: Record<string, RuleSetting>;
}

interface Settings {
  kind: typeof WORKER_KIND;
  maxFileSizeKb: number;
  fixes: boolean;
  /** `--parse-timeout`, applied in each worker as in the main thread. */
  parseTimeoutMs?: number;
}

type ToWorker = { kind: 'batch'; first: number; jobs: Job[] } | { kind: 'done' };

interface RuleError {
  ruleId: string;
  message: string;
}

interface Checked {
  report: FileReport;
  unchecked: boolean;
  ruleErrors: RuleError[];
}

type FromWorker = { kind: 'ready' } | { kind: 'checked'; first: number; results: Checked[] } | { kind: 'failed'; message: string };

/** The outcome of one file: its report, and the rule errors met while checking it (in order). */
export interface ParallelResult {
  report: FileReport;
  ruleErrors: RuleError[];
}

/**
 * Check `files` on `threads` worker threads started from `script` (the CLI entry). Resolves with
 * one result per file, in the files' order; rejects when a worker fails (the caller then checks
 * in this thread).
 */
export function lintFilesInWorkers(
  files: readonly FoundFile[],
  rulesFor: (file: FoundFile) => Record<string, RuleSetting>,
  options: { maxFileSizeKb: number; fixes: boolean; parseTimeoutMs?: number },
  script: string,
  threads: number,
): Promise<ParallelResult[]> {
  const results: (ParallelResult | undefined)[] = new Array(files.length);
  let next = 0;
  let pending = files.length;
  const workers: Worker[] = [];
  return new Promise<ParallelResult[]>((resolve, reject) => {
    let settled = false;
    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
      for (const worker of workers) void worker.terminate();
      if (error) reject(error);
      else resolve(results as ParallelResult[]);
    };
    /** Workers with a batch they have not answered yet. */
    const busy = new Set<Worker>();
    const feed = (worker: Worker): void => {
      busy.delete(worker);
      if (next >= files.length) {
        worker.postMessage({ kind: 'done' } satisfies ToWorker);
        return;
      }
      busy.add(worker);
      const first = next;
      const jobs = files.slice(first, first + BATCH).map((file) => ({ file, rules: rulesFor(file) }));
      next += jobs.length;
      worker.postMessage({ kind: 'batch', first, jobs } satisfies ToWorker);
    };
    const settings: Settings = { kind: WORKER_KIND, maxFileSizeKb: options.maxFileSizeKb, fixes: options.fixes, parseTimeoutMs: options.parseTimeoutMs };
    for (let i = 0; i < Math.max(1, threads); i++) {
      const worker = new Worker(script, { workerData: settings });
      workers.push(worker);
      worker.on('message', (message: FromWorker) => {
        if (message.kind === 'failed') return finish(new Error(message.message));
        if (message.kind === 'checked') {
          for (const [k, r] of message.results.entries()) {
            if (r.unchecked) markCouldNotCheck(r.report);
            results[message.first + k] = { report: r.report, ruleErrors: r.ruleErrors };
            pending--;
          }
          if (pending === 0) return finish();
        }
        feed(worker);
      });
      worker.on('error', (error) => finish(error));
      worker.on('exit', (code) => {
        if (!settled && (busy.has(worker) || code !== 0)) finish(new Error(`a worker thread stopped (exit ${code}) before its files were checked`));
      });
    }
    if (files.length === 0) finish();
  });
}

/** In a worker thread started by `lintFilesInWorkers`: serve batches until told to stop. Returns whether this thread is such a worker. */
export function runWorkerIfAsked(): boolean {
  if (isMainThread || !parentPort || (workerData as Settings | undefined)?.kind !== WORKER_KIND) return false;
  const settings = workerData as Settings;
  if (settings.parseTimeoutMs !== undefined) setParseTimeout(settings.parseTimeoutMs);
  const port = parentPort;
  port.on('message', (message: ToWorker) => {
    if (message.kind === 'done') {
      port.close();
      return;
    }
    void checkBatch(message.jobs, settings).then(
      (results) => port.postMessage({ kind: 'checked', first: message.first, results } satisfies FromWorker),
      (error: unknown) => port.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies FromWorker),
    );
  });
  port.postMessage({ kind: 'ready' } satisfies FromWorker);
  return true;
}

async function checkBatch(jobs: readonly Job[], settings: Settings): Promise<Checked[]> {
  const results: Checked[] = [];
  for (const { file, rules } of jobs) {
    // What the single-thread run loads before it starts (runCliAsync): the file's grammar.
    const languageId = languageIdForPath(file.path) ?? 'plaintext';
    const uri = pathToFileURL(file.absolute).href;
    if (surfaceFor({ uri, languageId, text: '' })?.prepare) {
      const read = readSource(file, settings.maxFileSizeKb);
      if (read.kind === 'text') {
        const doc = { uri, languageId, text: read.text };
        await prepareDocument({ ...doc, siblings: siblingDocuments(doc, { maxBytes: settings.maxFileSizeKb * 1024 }) });
      }
    }
    const ruleErrors: RuleError[] = [];
    const report = lintFile(file, {
      rules,
      maxFileSizeKb: settings.maxFileSizeKb,
      fixes: settings.fixes,
      onRuleError: (ruleId, error) => ruleErrors.push({ ruleId, message: error instanceof Error ? error.message : String(error) }),
    });
    results.push({ report, unchecked: couldNotCheck(report), ruleErrors });
  }
  return results;
}
