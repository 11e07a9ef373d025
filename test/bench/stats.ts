/** Timing helpers for the benchmark: repeated runs, median and 95th percentile, a compact table. */
import { performance } from 'node:perf_hooks';

export interface Timing {
  runs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
}

/** The value at quantile `q` (0..1) of sorted samples, nearest-rank. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1];
}

/** Summarise samples in milliseconds. */
export function summarise(samples: readonly number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return { runs: sorted.length, medianMs: quantile(sorted, 0.5), p95Ms: quantile(sorted, 0.95), minMs: sorted[0] };
}

/** Run `fn` `warmup` times untimed, then `runs` times timed. */
export function time(runs: number, fn: () => unknown, warmup = 1): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return summarise(samples);
}

/** Like `time`, for asynchronous work. */
export async function timeAsync(runs: number, fn: () => Promise<unknown>, warmup = 1): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return summarise(samples);
}

/** One table row. */
export interface Row {
  name: string;
  timing?: Timing;
  note: string;
}

function ms(n: number): string {
  return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);
}

/** The rows as a fixed-width table. */
export function table(rows: readonly Row[]): string {
  const header = ['case', 'runs', 'median ms', 'p95 ms', 'notes'];
  const cells = rows.map((r) => [
    r.name,
    r.timing ? String(r.timing.runs) : '-',
    r.timing ? ms(r.timing.medianMs) : '-',
    r.timing ? ms(r.timing.p95Ms) : '-',
    r.note,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) =>
    c.map((cell, i) => (i === 0 || i === 4 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n') + '\n';
}
