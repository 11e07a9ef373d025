/**
 * How the language server's heap grows. V8 lets the old generation grow to a few times what
 * survived the last full collection before collecting again; a server that reads one large template
 * after another (each read leaves tens of megabytes of the YAML parser's document behind) then
 * holds several times its live data. With the heap allowed to double at most, 21 open 1,000-client
 * templates took about 330 MB resident instead of 440 to 530 MB, for a few percent more CPU time
 * (measured with test/bench; README's Performance section).
 *
 * Set from inside the process (it is read at each collection), so it holds however the server is
 * started: by the VS Code extension, another editor, or the bench. A V8 that does not know the flag
 * ignores it.
 */
import { setFlagsFromString } from 'node:v8';

/** The old generation grows by at most this percentage of the live data between full collections. */
export const HEAP_GROWING_PERCENT = 100;

export function leanHeap(): void {
  try {
    setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  } catch {
    // Only a memory measure: the server works the same without it.
  }
}

/** How long the server waits without work before it lets V8 shrink the heap. */
export const IDLE_HEAP_MS = 2000;

/**
 * Hands memory back once the server is idle. While it works, V8 keeps its heap as large as the
 * busiest moment needed (21 open 1,000-client templates: about 330 MB resident). After `idleMs`
 * without a request the heap is marked as optimised for size, so V8's memory reducer, which runs a
 * few seconds after the last full collection when little is being allocated, shrinks it and
 * releases the pages (the same 21 documents: about 155 MB); the next request marks it optimised
 * for speed again before it runs. Only flags change: the documents and their analyses stay.
 */
export class IdleHeap {
  private timer: NodeJS.Timeout | undefined;
  private reduced = false;

  constructor(
    private readonly idleMs: number,
    private readonly setFlags: (flags: string) => void = setFlagsFromString,
  ) {}

  /** Called as work starts: back to speed, and the idle clock starts again. */
  busy(): void {
    if (this.reduced) this.flag(false);
    if (this.timer) this.timer.refresh();
    else {
      this.timer = setTimeout(() => this.flag(true), this.idleMs);
      this.timer.unref();
    }
  }

  /** Whether the heap is now marked for size (the server has been idle). */
  get idle(): boolean {
    return this.reduced;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private flag(reduce: boolean): void {
    this.reduced = reduce;
    try {
      this.setFlags(reduce ? '--optimize-for-size' : '--no-optimize-for-size');
    } catch {
      // Only a memory measure: the server works the same without it.
    }
  }
}
