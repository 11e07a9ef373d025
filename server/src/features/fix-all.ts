/**
 * Fix all: every unambiguous fix in a document, shared by the `source.fixAll.cognitoClient` code
 * action and the CLI's `--fix` / `--fix-dry-run`.
 *
 * One pass takes the findings in document order and, for each with an unambiguous fix (a rule
 * marks it `unambiguous`; a fix with a placeholder never is), asks the surface's edit builder for
 * its edits, and keeps the fix only when, applied alone, it makes its rule report less, adds no
 * error (a safe fix must not trade a warning for an error) and writes no key twice. A fix is left for the next pass when its edits overlap or touch one already taken, or
 * when it changes a property of the same definition another taken fix changes (two fixes to one
 * list may be right alone and wrong together). The pass's edits are applied at once; the document
 * is analysed again and the next pass runs, until a pass has nothing to do (stable), a pass limit
 * is reached, or the text comes back to one seen before. A pass whose combined result no longer
 * reads as the same template (a new syntax problem, a client or resource lost) is retried with its
 * first fix alone, and otherwise stops the run: fix-all never breaks a file. A document with a
 * syntax problem is not fixed at all (the parser may have read only part of it).
 */
import { analyse, analyseModel, type Analysis } from '../service';
import type { ClientDefinition, DocumentModel, LocatedValue, Span } from '../model';
import type { RuleSetting } from '../rules/engine';
import type { Finding, SemanticChange, SemanticFix } from '../rules/types';
import { applyEdits } from '../surfaces/apply-edits';
import { editsForFix, newlyUnread, sameTemplate } from '../surfaces/edits';
import { reduceForRules, type ReducedDocument } from '../surfaces/reduce';
import { surfaceById, surfaceFor, transientTrees, type SourceDocument } from '../surfaces';
import { readEdited, sharingEditedReads } from '../surfaces/edited-reads';
import { withLfBreaks } from '../surfaces/line-breaks';
import type { SpanEdit } from '../surfaces/types';

/** How many passes a run makes at most. */
export const DEFAULT_MAX_PASSES = 10;

/** The client definition a finding belongs to: the innermost one whose span holds the finding's span. */
export function clientAt(model: Pick<DocumentModel, 'clients'>, span: Span): ClientDefinition | undefined {
  let best: ClientDefinition | undefined;
  for (const def of model.clients) {
    if (def.span.start <= span.start && span.end <= def.span.end) {
      if (!best || def.span.end - def.span.start < best.span.end - best.span.start) best = def;
    }
  }
  return best;
}

/** Whether a fix may be applied without a person choosing: marked unambiguous, and with no placeholder to fill in. */
export function isAutoFix(fix: SemanticFix): boolean {
  return fix.unambiguous === true && fix.changes.length > 0 && !fix.changes.some((c) => c.kind === 'insert' && c.placeholder === true);
}

/** The fix fix-all applies for a finding: its preferred automatic fix, else its first one. */
export function autoFixOf(finding: Pick<Finding, 'fixes'>): SemanticFix | undefined {
  const auto = (finding.fixes ?? []).filter(isAutoFix);
  return auto.find((f) => f.isPreferred) ?? auto[0];
}

/** What one change touches in its definition (a top-level property, the dependency list, a key). */
function touched(change: SemanticChange): string {
  switch (change.kind) {
    case 'renameKey':
    case 'removeKey':
      return `key@${change.keySpan.start}`;
    case 'addDependency':
      return 'DependsOn';
    default:
      return `property:${change.path[0]}`;
  }
}

/** A fix chosen for a pass, with its edits. */
export interface PlannedFix {
  finding: Finding;
  fix: SemanticFix;
  def: ClientDefinition;
  edits: SpanEdit[];
}

/** One pass: the fixes taken, their edits together, and how many were left for a later pass. */
export interface FixPass {
  fixes: PlannedFix[];
  edits: SpanEdit[];
  deferred: number;
}

function overlapsOrTouches(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}

function errorCount(findings: readonly Finding[]): number {
  return findings.filter((f) => f.severity === 'error').length;
}

/** How many members repeat an earlier member's name in the same object, across a model's clients. */
function repeatedKeys(model: DocumentModel): number {
  let count = 0;
  const visit = (value: LocatedValue | undefined): void => {
    if (!value) return;
    if (value.kind === 'list') value.items.forEach(visit);
    if (value.kind !== 'object') return;
    const seen = new Set<string>();
    for (const m of value.members) {
      const name = m.canonical ?? m.name;
      if (seen.has(name)) count++;
      seen.add(name);
      visit(m.value);
    }
  };
  for (const def of model.clients) visit(def.body);
  return count;
}

/**
 * Whether a fix, applied alone, does what fix-all promises: its rule reports less than before, and
 * no more errors appear than there were (a fix that trades a warning for an error, such as turning
 * on OAuth for a client with no flows, is left to a person).
 */
function improves(
  surfaceId: string,
  doc: SourceDocument,
  model: DocumentModel,
  def: ClientDefinition,
  edits: SpanEdit[],
  finding: Finding,
  findings: readonly Finding[],
  rules: Record<string, RuleSetting> | undefined,
): boolean {
  // On the document reduced to the fixed definition when it can be: the rules look at one
  // definition at a time, so the others only cost time (a full analysis per fix).
  const small = reduceForRules(surfaceId, doc, model, def, edits);
  const before = small && reducedAnalysis(surfaceId, small.reduced, rules);
  if (small && before) return improvesIn(small.reduced.doc, before.model, small.edits, finding, before.findings, rules);
  return improvesIn(doc, model, edits, finding, findings, rules);
}

const reducedAnalyses = new WeakMap<ReducedDocument, Map<string, Analysis | undefined>>();

/** A reduced document analysed with a set of rule settings, cached per reduced document and settings. */
function reducedAnalysis(surfaceId: string, reduced: ReducedDocument, rules: Record<string, RuleSetting> | undefined): Analysis | undefined {
  let perSettings = reducedAnalyses.get(reduced);
  if (!perSettings) reducedAnalyses.set(reduced, (perSettings = new Map()));
  const key = JSON.stringify(rules ?? {});
  if (!perSettings.has(key)) perSettings.set(key, analyseRead(reduced.doc, surfaceId, reduced.model, rules));
  return perSettings.get(key);
}

/**
 * `analyse(doc)`, taking `model` as the read of `doc` when the surface that reads it is the one
 * (`surfaceId`) `model` came from and no lone CR makes `analyse` read another text: the rules and suppressions
 * run without a second parse.
 */
function analyseRead(doc: SourceDocument, surfaceId: string, model: DocumentModel, rules: Record<string, RuleSetting> | undefined): Analysis | undefined {
  const surface = surfaceFor(doc);
  if (!surface || surface.id !== surfaceId || withLfBreaks(doc.text) !== doc.text) return analyse(doc, { rules });
  return analyseModel(surface, doc, model, { rules });
}

/** `analyse` of an edited document, with the read the edit check made of the same text when there was one (../surfaces/edited-reads.ts). */
function analyseEdited(doc: SourceDocument, rules: Record<string, RuleSetting> | undefined): Analysis | undefined {
  const surface = surfaceFor(doc);
  if (!surface || withLfBreaks(doc.text) !== doc.text) return analyse(doc, { rules });
  return analyseModel(surface, doc, readEdited(surface, doc), { rules });
}

function improvesIn(doc: SourceDocument, model: DocumentModel, edits: SpanEdit[], finding: Finding, findings: readonly Finding[], rules: Record<string, RuleSetting> | undefined): boolean {
  const after = analyseEdited({ ...doc, text: applyEdits(doc.text, edits) }, rules);
  if (!after || newlyUnread(model, after.model)) return false;
  const count = (list: readonly Finding[]) => list.filter((f) => f.ruleId === finding.ruleId).length;
  // A rename onto a name already written would leave the key twice: the template means something else then.
  return count(after.findings) < count(findings) && errorCount(after.findings) <= errorCount(findings) && repeatedKeys(after.model) <= repeatedKeys(model);
}

/**
 * Plan one pass over a document's findings (already filtered by suppressions and settings; `rules`
 * are the settings they were made with, to check each fix against).
 */
export function planFixPass(doc: SourceDocument, surfaceId: string, model: DocumentModel, findings: readonly Finding[], rules?: Record<string, RuleSetting>): FixPass {
  const pass: FixPass = { fixes: [], edits: [], deferred: 0 };
  const claimed = new Set<string>();
  for (const finding of findings) {
    const fix = autoFixOf(finding);
    if (!fix) continue;
    const def = clientAt(model, finding.span);
    if (!def) continue;
    const keys = fix.changes.map((c) => `${def.name}\u0000${touched(c)}`);
    if (keys.some((k) => claimed.has(k))) {
      pass.deferred++;
      continue;
    }
    const edits = editsForFix(surfaceId, doc, model, def, fix);
    if (!edits || edits.length === 0) continue;
    if (edits.some((e) => pass.edits.some((taken) => overlapsOrTouches(e.span, taken.span)))) {
      pass.deferred++;
      continue;
    }
    if (!improves(surfaceId, doc, model, def, edits, finding, findings, rules)) continue;
    for (const k of keys) claimed.add(k);
    pass.fixes.push({ finding, fix, def, edits });
    pass.edits.push(...edits);
  }
  return pass;
}

/** A fix fix-all applied. */
export interface AppliedFix {
  ruleId: string;
  title: string;
  /** The definition's display name. */
  client: string;
  /** The 1-based pass it was applied in. */
  pass: number;
}

export interface FixAllResult {
  /** The text after every pass (the input text when nothing was fixed). */
  text: string;
  applied: AppliedFix[];
  /** How many passes changed the text. */
  passes: number;
  /** True when the last analysis found nothing more to fix automatically. */
  stable: boolean;
  /** Why nothing was tried, when nothing was (a document with syntax problems is never fixed as a whole). */
  skipped?: string;
}

/** The analysis fix-all needs of the document it starts from (to reuse one already made). */
export interface StartingAnalysis {
  surface: { id: string };
  model: DocumentModel;
  findings: Finding[];
}

export interface FixAllOptions {
  /** Severity settings by rule id (a rule that is `off` is not fixed). */
  rules?: Record<string, RuleSetting>;
  maxPasses?: number;
  /** The analysis of `doc` as given, when the caller has it already. */
  start?: StartingAnalysis;
}

/** Whether a text still reads as the same template: no more problems, the same clients and resource count. */
function stillSameTemplate(surfaceId: string, doc: SourceDocument, original: DocumentModel, text: string): boolean {
  const surface = surfaceById(surfaceId);
  return surface !== undefined && sameTemplate(original, transientTrees(() => surface.parse({ ...doc, text })));
}

/**
 * Apply every unambiguous fix to a document, pass after pass. Undefined when no surface reads the
 * document. Never throws for any input text.
 */
export function fixAll(doc: SourceDocument, options: FixAllOptions = {}): FixAllResult | undefined {
  return sharingEditedReads(() => fixAllShared(doc, options));
}

function fixAllShared(doc: SourceDocument, options: FixAllOptions): FixAllResult | undefined {
  const maxPasses = options.maxPasses ?? DEFAULT_MAX_PASSES;
  const first = options.start ?? analyse(doc, { rules: options.rules });
  if (!first) return undefined;
  const original = first.model;
  const surfaceId = first.surface.id;
  const result: FixAllResult = { text: doc.text, applied: [], passes: 0, stable: false };
  if (original.problems.length > 0) {
    // Fixes are planned on what the parser could read; with a syntax error that may not be all.
    result.skipped = 'the document has a syntax problem';
    return result;
  }
  /**
   * Whether the fixed text still reads as the same template, and its analysis (for the next pass):
   * one read of the whole text serves both (it was read twice per pass), unless another surface
   * takes the fixed text, when the surface fixing it reads it to tell. A pass of one fix in a
   * document that cannot be cut down reads nothing new: its checks read the same text.
   */
  const readsTheSame = (text: string): { same: boolean; analysis: Analysis | undefined } => {
    const next = analyseEdited({ ...doc, text }, options.rules);
    if (next && next.surface.id === surfaceId) return { same: sameTemplate(original, next.model), analysis: next };
    return { same: stillSameTemplate(surfaceId, doc, original, text), analysis: next };
  };
  const seen = new Set<string>([doc.text]);
  let analysis: StartingAnalysis | undefined = first;
  for (let pass = 1; analysis; pass++) {
    const current = { ...doc, text: result.text };
    let plan = planFixPass(current, surfaceId, analysis.model, analysis.findings, options.rules);
    if (plan.edits.length === 0) {
      result.stable = true;
      break;
    }
    if (pass > maxPasses) break;
    let next = applyEdits(result.text, plan.edits);
    let checked = readsTheSame(next);
    if (!checked.same) {
      if (plan.fixes.length < 2) break;
      const alone = plan.fixes[0];
      plan = { fixes: [alone], edits: alone.edits, deferred: plan.deferred + plan.fixes.length - 1 };
      next = applyEdits(result.text, plan.edits);
      checked = readsTheSame(next);
      if (!checked.same) break;
    }
    if (seen.has(next)) break; // the fixes undo each other: stop rather than loop
    seen.add(next);
    result.text = next;
    result.passes = pass;
    for (const p of plan.fixes) result.applied.push({ ruleId: p.finding.ruleId, title: p.fix.title, client: p.def.name, pass });
    analysis = checked.analysis;
    if (analysis && analysis.surface.id !== surfaceId) break;
  }
  return result;
}
