/**
 * The fuzz harness's engine: takes real documents of every surface (the shared corpus, the test
 * fixtures, the examples), mutates them (./mutate.ts) and runs every feature on each result the way
 * the language server does (the document cache, diagnostics, hover and completion at random
 * positions, the code actions of every diagnostic, fix-all, the CodeLens). It records what escapes
 * (an exception), what is slow (over the budget), and what a fix breaks (the document no longer
 * reads as the same template). Deterministic: document `i` of seed `s` is a function of (s, i).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { CodeAction, Diagnostic, Position } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analysisKey, defaultSettings } from '../../server/src/config';
import { FIX_ALL_KIND, FIX_ALL_TITLE, getCodeActions, resolveCodeAction } from '../../server/src/features/code-actions';
import { getCodeLenses } from '../../server/src/features/codelens';
import { doComplete } from '../../server/src/features/completion';
import { documentDiagnostics } from '../../server/src/features/diagnostics';
import { DocumentCache } from '../../server/src/features/document-cache';
import { doHover } from '../../server/src/features/hover';
import { prepareDocument } from '../../server/src/service';
import { languageIdForPath, surfaceById, surfaces, type SourceDocument } from '../../server/src/surfaces';
import { sameTemplate } from '../../server/src/surfaces/edits';
import { withLfBreaks } from '../../server/src/surfaces/line-breaks';
import { readingsGivenUp, withinBudget } from '../../server/src/budget';
import { parseTimeoutMs, setParseTimeout } from '../../server/src/surfaces/tree-sitter';
import { caseSeed, mutate, Rng } from './mutate';

/** A document the fuzzer starts from. */
export interface SeedDocument {
  /** Where it came from, for reports (`corpus/cloudformation-yaml/001.yaml`). */
  label: string;
  /** The file name ending the surfaces look at (`.tf.json`, `.yaml`). */
  ext: string;
  uri: string;
  languageId: string;
  text: string;
}

const REPO = resolve(__dirname, '..', '..', '..');

function walk(dir: string, out: string[]): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else out.push(path);
  }
}

function extOf(path: string): string {
  const lower = path.toLowerCase();
  return lower.endsWith('.tf.json') ? '.tf.json' : extname(lower);
}

/**
 * The seed documents: every file a surface reads in the corpus (`$COGNITO_CORPUS_DIR` or the
 * shared corpus; read in place, never copied), the test fixtures, the editor fixtures and examples/.
 */
export function seedDocuments(corpusDir = process.env.COGNITO_CORPUS_DIR ?? resolve(REPO, '..', 'shared', 'corpus')): SeedDocument[] {
  const roots: [string, string][] = [
    [corpusDir, 'corpus'],
    [join(REPO, 'test', 'fixtures'), 'test/fixtures'],
    [join(REPO, 'test', 'editors', 'fixtures'), 'test/editors/fixtures'],
    [join(REPO, 'examples'), 'examples'],
  ];
  const seeds: SeedDocument[] = [];
  for (const [root, prefix] of roots) {
    const files: string[] = [];
    walk(root, files);
    for (const file of files) {
      const languageId = languageIdForPath(file);
      if (!languageId) continue;
      const text = readFileSync(file, 'utf8');
      if (text.length > 400_000) continue;
      const label = `${prefix}/${file.slice(root.length + 1)}`;
      // The URI follows from the label (not from the file's place in the list), so a case stays the
      // same document when fixtures are added.
      seeds.push({ label, ext: extOf(file), uri: `file:///fuzz/${label.split('/').map(encodeURIComponent).join('/')}`, languageId, text });
    }
  }
  return seeds;
}

/** Load what the surfaces need before they can parse (tree-sitter grammars). */
export async function prepareSurfaces(seeds: readonly SeedDocument[]): Promise<void> {
  const byLanguage = new Map<string, SeedDocument>();
  for (const s of seeds) if (!byLanguage.has(s.languageId)) byLanguage.set(s.languageId, s);
  for (const s of byLanguage.values()) await prepareDocument(s);
}

export interface Finding {
  seed: number;
  index: number;
  label: string;
  mutations: string[];
  /** `crash`: an exception escaped; `fix`: a fix broke the document; `slow`: over the budget. */
  kind: 'crash' | 'fix' | 'slow';
  message: string;
}

export interface CaseResult {
  findings: Finding[];
  /** The request that used the most CPU time (ms, of the process doing it), with its name and wall time. */
  maxMs: number;
  maxWallMs: number;
  maxWhat: string;
  /** The whole document (every request): CPU and wall clock ms. */
  totalMs: number;
  totalWallMs: number;
  /** The mutated document's length in characters. */
  length: number;
  skipped: boolean;
  diagnostics: number;
  /** Fixes offered (every quick fix and fix-all, each time a request returned it). */
  fixesOffered: number;
  /** Distinct edited documents re-read (a fix offered by several requests with the same edit is read once). */
  fixesChecked: number;
  /** Readings given up for time while the document's requests were answered (the server's time budget, tree-sitter's time-out). */
  givenUp?: number;
}

/**
 * Which seed document document `index` of seed `seed` starts from: the first draw of its PRNG,
 * so adding or removing a fixture changes it. `from` (a seed document's label) pins it: the
 * mutations depend only on (seed, index) and the text, so `(seed, index, label)` names a case for good.
 */
export function buildCase(seeds: readonly SeedDocument[], seed: number, index: number, from?: string): { seedDoc: SeedDocument; text: string; mutations: string[]; rng: Rng } {
  const rng = new Rng(caseSeed(seed, index));
  const drawn = seeds[rng.int(seeds.length)];
  const seedDoc = from === undefined ? drawn : seeds.find((s) => s.label === from);
  if (!seedDoc) throw new Error(`no seed document ${from}`);
  const { text, applied } = mutate(seedDoc.text, rng, seedDoc.ext);
  return { seedDoc, text, mutations: applied, rng };
}

/**
 * A reading the harness makes to judge a fix (not a request: not timed): with a parse time-out of
 * a minute, so that a loaded machine does not leave the harness unable to judge.
 */
function judging<T>(read: () => T): T {
  const saved = parseTimeoutMs();
  setParseTimeout(60_000);
  try {
    return read();
  } finally {
    setParseTimeout(saved);
  }
}

/** How a reading given up for the server's time budget says so (../../server/src/budget.ts). */
const OUT_OF_BUDGET = /took longer than the time budget/;

/** The budget for one request, in ms of CPU time (the "every document answered within 1 s"). */
export const REQUEST_BUDGET_MS = 1000;

/** Where Linux tells the CPU time of this process's main thread (the one that answers requests). */
const MAIN_THREAD_STAT = `/proc/self/task/${process.pid}/stat`;
/** Clock ticks per second of /proc's times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;
let threadStat = existsSync(MAIN_THREAD_STAT);

/**
 * CPU time (user + system) in ms of the thread that answers the requests: what a request costs,
 * whatever else the machine runs. On Linux the main thread's own (10 ms resolution): V8's
 * garbage-collector helper threads work beside it (a request's process CPU ran 1.2-1.3x its wall
 * time when collecting a lot), which the user does not wait for. Elsewhere the process's.
 */
export function cpuMs(): number {
  if (threadStat) {
    try {
      const stat = readFileSync(MAIN_THREAD_STAT, 'latin1');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // After the name: state is field 3, utime 14 and stime 15 (1-based, see proc(5)).
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
    } catch {
      threadStat = false;
    }
  }
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function randomPosition(doc: TextDocument, rng: Rng): Position {
  if (rng.chance(0.1)) return { line: doc.lineCount + rng.int(5), character: rng.int(200) }; // past the end
  return doc.positionAt(rng.int(doc.getText().length + 1));
}

/** An edit set as a string, to compare two offers of the same fix. */
function editKey(action: CodeAction | undefined, uri: string): string {
  return JSON.stringify(action?.edit?.changes?.[uri] ?? []);
}

/** Run every feature over document `index` of seed `seed`. Never throws. */
export function runCase(seeds: readonly SeedDocument[], seed: number, index: number, from?: string): CaseResult {
  const { seedDoc, text, mutations, rng } = buildCase(seeds, seed, index, from);
  return checkDocument(seedDoc, text, rng, { seed, index, mutations });
}

/**
 * Run every feature over `text`, read as `seedDoc`'s kind of document (its uri and language):
 * diagnostics, hover and completion at positions drawn from `rng`, the code actions of each
 * diagnostic (every fix re-read and judged), fix-all and CodeLens. `tag` names the case in
 * findings. Never throws.
 */
export function checkDocument(seedDoc: SeedDocument, text: string, rng: Rng, tag: { seed: number; index: number; mutations: string[] }): CaseResult {
  const { seed, index, mutations } = tag;
  const result: CaseResult = { findings: [], maxMs: 0, maxWallMs: 0, maxWhat: '', totalMs: 0, totalWallMs: 0, length: text.length, skipped: false, diagnostics: 0, fixesOffered: 0, fixesChecked: 0, givenUp: 0 };
  const givenUpAtStart = readingsGivenUp();
  const report = (message: string, kind: Finding['kind'] = 'crash') => result.findings.push({ seed, index, label: seedDoc.label, mutations, kind, message });
  const started = performance.now();
  const startedCpu = cpuMs();
  // Each request is timed in CPU time of this process (the budget) and in wall time (reported beside
  // it): on a shared machine the wall clock counts the other processes' work too.
  const timed = <T>(what: string, body: () => T): T | undefined => {
    const t0 = performance.now();
    const c0 = cpuMs();
    try {
      return body();
    } catch (error) {
      report(`${what} threw: ${error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 4).join(' | ') : String(error)}`);
      return undefined;
    } finally {
      const ms = cpuMs() - c0;
      const wall = performance.now() - t0;
      if (ms > result.maxMs) {
        result.maxMs = ms;
        result.maxWallMs = wall;
        result.maxWhat = what;
      }
      if (ms > REQUEST_BUDGET_MS) report(`${what} took ${Math.round(ms)} ms CPU (${Math.round(wall)} ms wall; budget ${REQUEST_BUDGET_MS} ms CPU)`, 'slow');
    }
  };

  const document = TextDocument.create(seedDoc.uri, seedDoc.languageId, 1, text);
  const cache = new DocumentCache({ keyOf: analysisKey, onRuleError: (ruleId, error) => report(`rule ${ruleId} threw: ${String(error)}`) });
  const settings = defaultSettings;
  const entry = timed('diagnostics', () => cache.get(document, settings));
  if (!entry) return finish();
  if (entry.error !== undefined) report(`analysis threw: ${entry.error instanceof Error ? (entry.error.stack ?? '').split('\n').slice(0, 4).join(' | ') : String(entry.error)}`);
  result.skipped = entry.skipped !== undefined;
  const analysis = entry.analysis;
  if (!analysis) return finish();
  const { model, findings, surface } = analysis;
  const diagnostics: Diagnostic[] = timed('diagnostics (convert)', () => documentDiagnostics(document, model, findings)) ?? [];
  result.diagnostics = diagnostics.length;

  for (let i = 0; i < 4; i++) {
    const position = randomPosition(document, rng);
    timed(`hover at ${position.line}:${position.character}`, () => doHover(document, model, position));
    const at = randomPosition(document, rng);
    timed(`completion at ${at.line}:${at.character}`, () => doComplete(document, model, surface.id, at));
  }

  const source: SourceDocument = { uri: document.uri, languageId: document.languageId, text };
  let baseline: ReturnType<NonNullable<ReturnType<typeof surfaceById>>['parse']> | undefined;
  // The same edit offered by several requests (the fix-all quick fix beside each diagnostic) gives
  // the same document: it is read once. Keyed by the edited text.
  const checked = new Set<string>();
  const checkAction = (action: CodeAction, what: string) => {
    const edits = action.edit?.changes?.[document.uri];
    if (!edits || edits.length === 0) return;
    result.fixesOffered++;
    const after = TextDocument.applyEdits(document, edits);
    if (checked.has(after)) return;
    checked.add(after);
    result.fixesChecked++;
    // Both read here, at the same stack depth: a parser that runs out of stack on absurd nesting
    // stops at a depth that depends on where it was called from.
    const before = (baseline ??= judging(() => surfaceById(surface.id)!.parse({ ...source, text: withLfBreaks(text) })));
    // Timed as the server reads the fixed version (within the time budget); when that reading is
    // given up for time, the fix is judged on a reading without a budget (not timed: the harness's own).
    const parseAfter = () => surfaceById(surface.id)!.parse({ ...source, text: withLfBreaks(after) });
    let reread = timed(`re-reading after ${what}`, () => withinBudget(parseAfter));
    if (reread?.problems.some((p) => p.unread && (OUT_OF_BUDGET.test(p.message) || /took too long/.test(p.message)))) reread = judging(parseAfter);
    // A document the parser reads without problems must read the same after a fix (what fix-all
    // checks). On a broken one, the parser's error recovery may read the rest differently once a
    // line moves, so only its clients and resources must stay.
    const broken = reread && (before.problems.length === 0 ? !sameTemplate(before, reread) : !sameTemplate({ ...before, problems: reread.problems }, reread));
    // A re-read that ran out of parse time (a loaded machine) says nothing about the fix.
    // So does one where the first reading ran out of it.
    const outOfTime = (problems: readonly { message: string; unread?: boolean }[] | undefined) => problems?.find((p) => p.unread && (/took too long/.test(p.message) || OUT_OF_BUDGET.test(p.message)));
    const timedOut = outOfTime(reread?.problems) ?? outOfTime(before.problems);
    if (broken && timedOut) report(`re-reading after ${what}: a reading ran out of parse time (${timedOut.message})`, 'slow');
    else if (broken) {
      report(`${what} "${action.title}" breaks the document: problems ${before.problems.length} -> ${reread!.problems.length}, clients ${before.clients.length} -> ${reread!.clients.length}, resources ${before.context.resources.size} -> ${reread!.context.resources.size}`, 'fix');
    }
  };
  // The code actions of each diagnostic, as an editor asks when the caret is on it. The fix-all
  // offered beside them does not depend on the diagnostic (same document, model and findings):
  // it is computed in full (the path of a client without codeAction/resolve) until one request
  // has returned it, then deferred (VS Code's path); the deferred one is resolved once below, and
  // every offer must carry the same edit as fix-all asked for by kind.
  let fullFixAll: CodeAction | undefined;
  let deferred: CodeAction | undefined;
  // A parse given up under load (the tree-sitter time-out is wall time) makes one fix-all differ
  // from another for no fault of the code: such a difference is reported as slow.
  const givenUpBefore = readingsGivenUp();
  // A reading given up for the time budget makes one answer stop where another finished (fix-all
  // stops where its time ends): by design, counted in `givenUp`, not a finding.
  const differs = (what: string) => {
    if (readingsGivenUp() === givenUpBefore) report(what, 'fix');
  };
  // Quick fixes and disable actions: every other diagnostic as a client that resolves edits asks
  // (VS Code: on a large document that cannot be cut down they come by title, and each is made
  // and checked when resolved, timed on its own), the others as one that cannot.
  diagnostics.slice(0, 25).forEach((diagnostic, i) => {
    const deferFixAll = fullFixAll !== undefined;
    const deferChecks = i % 2 === 1;
    const actions = timed(`code actions for ${String(diagnostic.code)}`, () =>
      getCodeActions(document, model, surface.id, diagnostic.range, { diagnostics: [diagnostic] }, findings, { rules: settings.rules, deferFixAll, deferChecks }),
    );
    for (const offered of actions ?? []) {
      let action: CodeAction | undefined = offered;
      if (offered.title === FIX_ALL_TITLE && !offered.edit) deferred ??= offered;
      else if (offered.title === FIX_ALL_TITLE) fullFixAll ??= offered;
      else if (!offered.edit) action = timed(`resolve "${offered.title}"`, () => resolveCodeAction(document, model, surface.id, offered, findings, { rules: settings.rules }));
      if (action) checkAction(action, action.title === FIX_ALL_TITLE ? `fix-all offered for ${String(diagnostic.code)}` : `quick fix for ${String(diagnostic.code)}`);
    }
  });
  const whole = { start: { line: 0, character: 0 }, end: document.positionAt(text.length) };
  const all = timed('fix-all', () => getCodeActions(document, model, surface.id, whole, { diagnostics, only: [FIX_ALL_KIND] }, findings, { rules: settings.rules }));
  for (const action of all ?? []) checkAction(action, 'fix-all');
  const byKind = all?.find((a) => a.title === FIX_ALL_TITLE);
  if (deferred) {
    const resolved = timed('resolve fix-all', () => resolveCodeAction(document, model, surface.id, deferred!, findings, { rules: settings.rules }));
    if (resolved && editKey(resolved, document.uri) !== editKey(byKind, document.uri)) differs('the resolved fix-all quick fix differs from fix-all asked for by kind');
  }
  if (fullFixAll && editKey(fullFixAll, document.uri) !== editKey(byKind, document.uri)) differs('the fix-all quick fix differs from fix-all asked for by kind');
  timed('codeLens', () => getCodeLenses(document, model, findings, { clientCommands: false, countProblems: true }));
  return finish();

  function finish(): CaseResult {
    result.totalMs = cpuMs() - startedCpu;
    result.givenUp = readingsGivenUp() - givenUpAtStart;
    result.totalWallMs = performance.now() - started;
    return result;
  }
}

export interface RunSummary {
  documents: number;
  /** Wall time of the run, and CPU time summed over the documents (of every job). */
  seconds: number;
  cpuSeconds: number;
  findings: Finding[];
  /** The request with the most CPU time: ms, its wall ms, what and where. */
  maxMs: number;
  maxWallMs: number;
  maxWhat: string;
  maxAt: number;
  /** The document with the most CPU time (ms) and its index. */
  maxDocumentMs: number;
  maxDocumentAt: number;
  skipped: number;
  diagnostics: number;
  fixesOffered: number;
  fixesChecked: number;
  /** Readings given up for time, and in how many documents. */
  givenUp: number;
  givenUpDocuments: number;
  seeds: number;
  surfaces: Record<string, number>;
}

export function newSummary(seeds: readonly SeedDocument[]): RunSummary {
  const summary: RunSummary = { documents: 0, seconds: 0, cpuSeconds: 0, findings: [], maxMs: 0, maxWallMs: 0, maxWhat: '', maxAt: -1, maxDocumentMs: 0, maxDocumentAt: -1, skipped: 0, diagnostics: 0, fixesOffered: 0, fixesChecked: 0, givenUp: 0, givenUpDocuments: 0, seeds: seeds.length, surfaces: {} };
  for (const s of seeds) {
    const id = surfaces.find((x) => x.accepts(s))?.id ?? 'none';
    summary.surfaces[id] = (summary.surfaces[id] ?? 0) + 1;
  }
  return summary;
}

/** Count document `index`'s result in the summary (in index order, so every job count gives the same summary). */
export function addResult(summary: RunSummary, index: number, r: CaseResult): void {
  summary.documents++;
  summary.cpuSeconds += r.totalMs / 1000;
  if (r.skipped) summary.skipped++;
  summary.diagnostics += r.diagnostics;
  summary.fixesOffered += r.fixesOffered;
  summary.fixesChecked += r.fixesChecked;
  if (r.givenUp) {
    summary.givenUp += r.givenUp;
    summary.givenUpDocuments++;
  }
  if (r.maxMs > summary.maxMs) {
    summary.maxMs = r.maxMs;
    summary.maxWallMs = r.maxWallMs;
    summary.maxWhat = r.maxWhat;
    summary.maxAt = index;
  }
  if (r.totalMs > summary.maxDocumentMs) {
    summary.maxDocumentMs = r.totalMs;
    summary.maxDocumentAt = index;
  }
  summary.findings.push(...r.findings);
}

/** Run `count` documents from `start` in this process; `onProgress` every `every` documents. */
export function runFuzz(
  seeds: readonly SeedDocument[],
  options: { seed: number; count: number; start?: number; every?: number; onProgress?: (s: RunSummary) => void; onFinding?: (f: Finding) => void },
): RunSummary {
  const t0 = performance.now();
  const summary = newSummary(seeds);
  const start = options.start ?? 0;
  for (let i = start; i < start + options.count; i++) {
    const r = runCase(seeds, options.seed, i);
    addResult(summary, i, r);
    for (const f of r.findings) options.onFinding?.(f);
    summary.seconds = (performance.now() - t0) / 1000;
    if (options.every && summary.documents % options.every === 0) options.onProgress?.(summary);
  }
  summary.seconds = (performance.now() - t0) / 1000;
  return summary;
}
