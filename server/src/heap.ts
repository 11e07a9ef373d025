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
