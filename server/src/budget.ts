/**
 * The time budget of one request: how long the server may spend reading documents to answer it
 * (the document itself when a new version is analysed, and every edited document a code action
 * or fix-all reads to check its fixes). Process-wide, like the tree-sitter parse time-out: the
 * server sets it from `cognitoClient.timeBudgetMs`; the CLI has none (the fuzz harness sets one
 * with `--time-budget`).
 *
 * A request runs its work inside `withinBudget`; the readers ask `timeLeftMs` (tree-sitter's
 * input and progress callback) or call `checkTime` / `tick` every so often (the YAML lexer loop,
 * every reader's walk), which throws `OutOfTime` once the request's time is spent. The reader
 * turns that into an `unread` problem (`untilOutOfTime`, `outOfTimeProblem`)
 * ("not read: it took longer than ..."), so a reading given up is never taken for a document
 * without clients, and a fix whose check was given up is not offered.
 */

/**
 * The server's default budget, in ms: what is read past it (a parse that cannot be stopped, the
 * rules, the answer itself) must still fit in one second; measured on the fuzz documents, that
 * left up to 0.4 s. A valid 1,000-client YAML template (twice what CloudFormation allows) reads in
 * about 0.5 s on the 2-core machine.
 */
export const DEFAULT_TIME_BUDGET_MS = 600;

/** No budget: the CLI's default (it is not interactive, and a CI run must not depend on the machine's load). */
export const NO_TIME_BUDGET = 0;

let budgetMs = DEFAULT_TIME_BUDGET_MS;
/** When the request being answered must stop reading (performance.now() time), Infinity outside one. */
let deadline = Infinity;
let givenUp = 0;

/** Thrown by `checkTime` when the request's time is spent; the reader that calls it catches it. */
export class OutOfTime extends Error {
  constructor() {
    super('out of time');
    this.name = 'OutOfTime';
  }
}

/** Set the budget of each request in ms; 0 (or less, or not a number) means none. */
export function setTimeBudget(ms: number): void {
  budgetMs = Number.isFinite(ms) && ms > 0 ? ms : NO_TIME_BUDGET;
}

/** The budget of each request in ms (0: none). */
export function timeBudgetMs(): number {
  return budgetMs;
}

/**
 * Run one request's work within the budget. Nested calls keep the outer deadline when it is
 * earlier: a check made for a code-action request shares that request's time.
 */
export function withinBudget<T>(body: () => T): T {
  const outer = deadline;
  if (budgetMs > 0) deadline = Math.min(outer, performance.now() + budgetMs);
  try {
    return body();
  } finally {
    deadline = outer;
  }
}

/** The ms left to the request being answered (Infinity outside one, or with no budget). */
export function timeLeftMs(): number {
  return deadline === Infinity ? Infinity : deadline - performance.now();
}

/** Throw `OutOfTime` when the request's time is spent. Cheap: one clock read. */
export function checkTime(): void {
  if (deadline !== Infinity && performance.now() > deadline) throw new OutOfTime();
}

let ticks = 0;

/** `checkTime` every 256th call: for a reader's per-node loop, where one clock read per node would show. */
export function tick(): void {
  if ((++ticks & 255) === 0) checkTime();
}

/** Count a reading given up (out of time, or a parser that failed). */
export function noteGivenUp(): void {
  givenUp++;
}

/**
 * `compute()`, handed to `keep` only when no reading was given up meanwhile: for the caches of
 * what was read, so that a reading given up for one request's time is not taken as the text's
 * reading by the next request.
 */
export function keptUnlessGivenUp<T>(compute: () => T, keep: (value: T) => void): T {
  const mark = givenUp;
  const value = compute();
  if (givenUp === mark) keep(value);
  return value;
}

/**
 * How many readings this process has given up so far (tree-sitter time-outs and failures, and
 * readings out of budget): a loaded machine can make one reading of a text differ from another,
 * and the fuzz harness asks this before calling two results that should agree a bug.
 */
export function readingsGivenUp(): number {
  return givenUp;
}

/** `read()`, or `givenUp()` when it throws `OutOfTime`: the shape of a reader that keeps to the budget. */
export function untilOutOfTime<T>(read: () => T, givenUp: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof OutOfTime) return givenUp();
    throw error;
  }
}

/** The problem message of a reading given up for the budget. */
export function outOfTimeMessage(what: string): string {
  return `${what} was not read: reading it took longer than the time budget (${budgetMs} ms, the cognitoClient.timeBudgetMs setting)`;
}

/** A reader's problem for a reading given up for the budget (counted as given up). */
export function outOfTimeProblem(what: string): { message: string; span: { start: number; end: number }; unread: true } {
  noteGivenUp();
  return { message: outOfTimeMessage(what), span: { start: 0, end: 0 }, unread: true };
}
