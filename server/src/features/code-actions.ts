/**
 * Code actions: quick fixes for the diagnostics in the request, the "Disable <rule> for this line /
 * this resource" actions, and `source.fixAll.cognitoClient`. Pure: document and model in, LSP code
 * actions out; no connection.
 *
 * A diagnostic is recognised by its `source`, `code` and `data` (rule id and semantic fixes, see
 * ./diagnostics.ts), never by its message, and only while it still matches a current finding (the
 * same rule at the same place), so a stale diagnostic never yields an edit. When a client drops
 * `data`, the fixes come from that matching finding. Every edit comes from
 * the surface's edit builder (../surfaces/edits.ts), which checks the edited document still reads
 * as the same template; a suppression edit is checked here the same way and must really suppress
 * the finding when the document is read again.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type CodeActionContext, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import { readingsGivenUp, withinBudget } from '../budget';
import type { ClientDefinition, DocumentModel, LocatedValue, SemanticFix } from '../model';
import { runRules, type RuleSetting } from '../rules/engine';
import type { Finding } from '../rules/types';
import { applySuppressions, disableLineEdit, isSuppressed } from '../suppress';
import { applyEdits, mapOffset } from '../surfaces/apply-edits';
import { editsForFix, newlyUnread } from '../surfaces/edits';
import { inOwnBreaks, withLfBreaks } from '../surfaces/line-breaks';
import { sourceOf, surfaceById, transientTrees, type SourceDocument } from '../surfaces';
import { readSuppressions, suppressionSupport } from '../surfaces/suppressions';
import { reduceForEdits, spanInReduced } from '../surfaces/reduce';
import type { SpanEdit, Surface } from '../surfaces/types';
import { DIAGNOSTIC_SOURCE, diagnosticData } from './diagnostics';
import { autoFixOf, clientAt, fixAll } from './fix-all';
import { diffEdits } from './text-diff';

/** The kind of the fix-all source action (VS Code's `editor.codeActionsOnSave` names it). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.cognitoClient`;

/** The kinds this feature returns, for the server's `codeActionProvider.codeActionKinds`. */
export const CODE_ACTION_KINDS: readonly string[] = [CodeActionKind.QuickFix, FIX_ALL_KIND];

/** The title of the fix-all action. */
export const FIX_ALL_TITLE = 'Fix all auto-fixable Cognito client problems';

export interface CodeActionOptions {
  /** The per-rule severity settings the findings were made with (fix-all re-analyses with them). */
  rules?: Record<string, RuleSetting>;
  /**
   * The client resolves code actions' edits (`codeAction/resolve`): the fix-all quick fix offered
   * beside the others then carries no edit until it is chosen (see `resolveCodeAction`), so moving
   * the caret over a finding never costs a whole fix-all run. Asked for by kind, it is complete.
   */
  deferFixAll?: boolean;
  /**
   * The client resolves code actions' edits, and may get the quick fixes and disable actions of a
   * costly document without their edits: see `DEFER_CHECKS_CHARS`.
   */
  deferChecks?: boolean;
}

/**
 * A document this long or longer that cannot be cut down for the checks of its actions (a syntax
 * problem, see `checksCutDown`) has each check read all of it again: on a broken 500 KB template,
 * seconds for the light bulb of one finding. Where the client resolves edits
 * (`deferChecks`), its quick fixes and disable actions are offered by title, and the one chosen is
 * made and checked at codeAction/resolve; one that fails its check then comes back with an empty
 * edit, never an unchecked one.
 */
export const DEFER_CHECKS_CHARS = 64 * 1024;

/** What a quick fix or disable action offered without its edit carries until it is resolved. */
export interface DeferredCheck {
  check: { uri: string; version: number; title: string; diagnostics: Diagnostic[] };
}

function deferredCheck(data: unknown): DeferredCheck['check'] | undefined {
  const check = (data as Partial<DeferredCheck> | undefined)?.check;
  return check && typeof check.uri === 'string' && typeof check.version === 'number' && typeof check.title === 'string' && Array.isArray(check.diagnostics) ? check : undefined;
}

/** The document a code action this feature returned without its edit is for (undefined for any other action). */
export function deferredUri(data: unknown): string | undefined {
  return deferredCheck(data)?.uri ?? deferredFixAll(data)?.uri;
}

/** How actions are made: with their checked edits, or deferred (by title) for this document version; `title` limits them to one. */
interface Making {
  defer?: { uri: string; version: number };
  title?: string;
}

/** What a deferred fix-all action carries until it is resolved: the document and version it is for. */
export interface DeferredFixAll {
  fixAll: { uri: string; version: number };
}

function deferredFixAll(data: unknown): DeferredFixAll['fixAll'] | undefined {
  const fixAll = (data as Partial<DeferredFixAll> | undefined)?.fixAll;
  return fixAll && typeof fixAll.uri === 'string' && typeof fixAll.version === 'number' ? fixAll : undefined;
}

/** Whether a request limited to `only` kinds wants actions of `kind` (a requested kind covers its sub-kinds). */
function wants(only: readonly string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => o === '' || kind === o || kind.startsWith(`${o}.`));
}

function toTextEdits(document: TextDocument, edits: readonly SpanEdit[]): TextEdit[] {
  return edits.map((e) => ({ range: { start: document.positionAt(e.span.start), end: document.positionAt(e.span.end) }, newText: e.newText }));
}

function workspaceEdit(document: TextDocument, edits: readonly SpanEdit[]): CodeAction['edit'] {
  return { changes: { [document.uri]: toTextEdits(document, edits) } };
}

/** The findings of the model as the server would report them (when the caller does not pass them). */
function currentFindings(source: SourceDocument, surfaceId: string, model: DocumentModel, rules?: Record<string, RuleSetting>): Finding[] {
  return applySuppressions(runRules(model, { rules }), readSuppressions(surfaceId, source, model));
}

/** A value with its spans left out, for comparing what two versions of a document say. */
function plain(value: LocatedValue | undefined): unknown {
  if (!value) return undefined;
  switch (value.kind) {
    case 'list':
      return ['list', value.items.map(plain)];
    case 'object':
      return ['object', value.members.map((m) => [m.name, plain(m.value)])];
    case 'unknown':
      return ['unknown', value.reason, value.ref, value.alternatives?.map(plain)];
    case 'null':
      return ['null'];
    default:
      return [value.kind, value.value];
  }
}

/** What a model says about its clients and resources, without positions. */
function fingerprint(model: DocumentModel): string {
  return JSON.stringify([
    model.clients.map((c) => [c.name, c.operation, plain(c.body), c.dependsOn, c.conditional === true]),
    [...model.context.resources.entries()],
  ]);
}

/**
 * Whether a suppression edit is safe and works: the edited document reads with no new problem and
 * the same clients (properties and all), and the finding, moved by the edits, is suppressed there.
 * Checked on the document cut down to the finding's client, as fixes are (../surfaces/reduce.ts),
 * when the edits and the finding lie inside what that keeps: a suppression acts on its line or its
 * resource, so the other clients and resources do not change the answer, and a large template is
 * not read again whole for each action offered (a test compares both ways over the corpus).
 */
function suppressionWorks(surfaceId: string, source: SourceDocument, model: DocumentModel, finding: Finding, edits: SpanEdit[]): boolean {
  const surface = surfaceById(surfaceId);
  if (!surface || edits.length === 0) return false;
  const def = clientAt(model, finding.span);
  const small = def && reduceForEdits(surfaceId, source, model, def, edits);
  const span = small && spanInReduced(small.reduced, finding.span);
  if (small && span) return worksOn(surface, small.reduced.doc, small.reduced.model, { ruleId: finding.ruleId, span }, small.edits);
  return worksOn(surface, source, model, finding, edits);
}

function worksOn(surface: Surface, source: SourceDocument, model: DocumentModel, finding: Pick<Finding, 'ruleId' | 'span'>, edits: SpanEdit[]): boolean {
  let text: string;
  try {
    text = applyEdits(source.text, edits);
  } catch {
    return false;
  }
  const edited = { ...source, text };
  const after = transientTrees(() => surface.parse(edited));
  if (after.problems.length > model.problems.length || newlyUnread(model, after) || fingerprint(after) !== fingerprint(model)) return false;
  const span = { start: mapOffset(finding.span.start, edits), end: mapOffset(finding.span.end, edits) };
  return isSuppressed({ ruleId: finding.ruleId, span }, readSuppressions(surface.id, edited, after));
}

/**
 * What the checks of one document version found, kept with its model (so it lives as long as the
 * model the server caches for that version): an editor asks for code actions again each time the
 * caret moves over a finding, and each check reads the edited document again (on a large or broken
 * template, most of a second each). Keyed by what a check depends on; a different text for the
 * same model (it cannot happen through the server, but a caller could) starts afresh.
 */
const checked = new WeakMap<DocumentModel, { text: string; results: Map<string, unknown> }>();

function remembered<T>(model: DocumentModel, text: string, key: string, compute: () => T): T {
  let entry = checked.get(model);
  if (!entry || entry.text !== text) checked.set(model, (entry = { text, results: new Map() }));
  if (entry.results.has(key)) return entry.results.get(key) as T;
  const givenUp = readingsGivenUp();
  const value = compute();
  // A check given up for time says nothing about the fix: the next request checks it again.
  if (readingsGivenUp() === givenUp) entry.results.set(key, value);
  return value;
}

/** `editsForFix`, remembered per document version (see `checked`). */
function checkedFixEdits(surfaceId: string, source: SourceDocument, model: DocumentModel, def: ClientDefinition, fix: SemanticFix): SpanEdit[] | undefined {
  const key = `fix\u0000${surfaceId}\u0000${model.clients.indexOf(def)}\u0000${JSON.stringify(fix)}`;
  return remembered(model, source.text, key, () => editsForFix(surfaceId, source, model, def, fix));
}

/** `suppressionWorks`, remembered per document version. */
function checkedSuppression(surfaceId: string, source: SourceDocument, model: DocumentModel, finding: Finding, edits: SpanEdit[]): boolean {
  const key = `suppress\u0000${surfaceId}\u0000${finding.ruleId}\u0000${finding.span.start}\u0000${finding.span.end}\u0000${JSON.stringify(edits)}`;
  return remembered(model, source.text, key, () => suppressionWorks(surfaceId, source, model, finding, edits));
}

/** One of our diagnostics in the request, with the current finding it stands for. */
interface Matched {
  diagnostic: Diagnostic;
  finding: Finding;
}

/**
 * The code actions for a range of a document: for each of this server's diagnostics in
 * `context.diagnostics`, its quick fixes (the rule's preferred one marked `isPreferred`) and the
 * actions that disable its rule for the line or the resource; and the fix-all action when asked
 * for (`context.only` naming `source.fixAll`), or as a quick fix when a diagnostic in the request
 * has an automatic fix. On a large document whose checks cannot be cut down, a client that
 * resolves edits gets the quick fixes and disable actions by title (`deferChecks`, see
 * `DEFER_CHECKS_CHARS`), made and checked at codeAction/resolve.
 * `findings` are the document's current findings (as published); computed from the model when absent.
 * Within the request's time budget (../budget.ts): a fix whose check runs out of time is left
 * out, never offered unchecked.
 */
export function getCodeActions(...args: Parameters<typeof codeActionsOf>): CodeAction[] {
  return withinBudget(() => codeActionsOf(...args));
}

function codeActionsOf(
  document: TextDocument,
  model: DocumentModel,
  surfaceId: string,
  range: Range,
  context: CodeActionContext,
  findings?: Finding[],
  options: CodeActionOptions = {},
): CodeAction[] {
  const source: SourceDocument = sourceOf(document, model);
  const current = findings ?? currentFindings(source, surfaceId, model, options.rules);
  const only = context.only;

  // The finding each diagnostic names, by rule and span: the first such finding, looked up in a
  // table (searching the findings per diagnostic was quadratic on a document with thousands).
  const matched = matchDiagnostics(document, current, context.diagnostics ?? []);

  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    const costly = options.deferChecks === true && source.text.length >= DEFER_CHECKS_CHARS && !checksCutDown(surfaceId, source, model, matched);
    const making: Making = costly ? { defer: { uri: document.uri, version: document.version } } : {};
    actions.push(...quickFixes(document, source, model, surfaceId, matched, making));
    actions.push(...disableActions(document, source, model, surfaceId, matched, making));
  }
  // Fix all, asked for by kind (on save, the Source Action menu): complete, of kind source.fixAll.
  // Offered beside a quick fix that fix-all would apply: of kind quickfix, since editors keep
  // source actions out of the light bulb, and deferred to codeAction/resolve where the client can.
  const asked = only !== undefined && only.length > 0 && wants(only, FIX_ALL_KIND);
  // (Never for a document with a syntax problem: fix-all leaves those alone, so a deferred one would resolve to nothing.)
  const offered = !asked && wants(only, CodeActionKind.QuickFix) && model.problems.length === 0 && matched.some((m) => autoFixOf(m.finding) !== undefined);
  if (asked) {
    const all = fixAllAction(document, source, model, surfaceId, current, options, FIX_ALL_KIND);
    if (all) actions.push(all);
  } else if (offered && options.deferFixAll) {
    const data: DeferredFixAll = { fixAll: { uri: document.uri, version: document.version } };
    actions.push({ title: FIX_ALL_TITLE, kind: CodeActionKind.QuickFix, data });
  } else if (offered) {
    const all = fixAllAction(document, source, model, surfaceId, current, options, CodeActionKind.QuickFix);
    if (all) actions.push(all);
  }
  return actions;
}

/**
 * Our diagnostics among `diagnostics`, each with the current finding it stands for (the same rule
 * at the same place): the first such finding, looked up in a table (searching the findings per
 * diagnostic was quadratic on a document with thousands).
 */
function matchDiagnostics(document: TextDocument, current: readonly Finding[], diagnostics: readonly Diagnostic[]): Matched[] {
  const byPlace = placeTable(current);
  const matched: Matched[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'string') continue;
    const data = diagnosticData(diagnostic);
    if (data && diagnostic.code !== data.ruleId) continue;
    const start = document.offsetAt(diagnostic.range.start);
    const end = document.offsetAt(diagnostic.range.end);
    const finding = byPlace.get(`${diagnostic.code}|${start}|${end}`);
    // A client that drops `data` (older ones do) still gets the fixes, from the finding the code names.
    if (finding) matched.push({ diagnostic, finding: data ? { ...finding, fixes: data.fixes } : finding });
  }
  return matched;
}

/**
 * The findings by rule and span (the first at each place), made once per findings list: the
 * server passes the same list for every request on a version, and on a document with 100,000
 * findings making the table was a tenth of a second per request.
 */
const placeTables = new WeakMap<readonly Finding[], Map<string, Finding>>();

function placeTable(current: readonly Finding[]): Map<string, Finding> {
  let byPlace = placeTables.get(current);
  if (byPlace) return byPlace;
  byPlace = new Map<string, Finding>();
  for (const f of current) {
    const key = `${f.ruleId}|${f.span.start}|${f.span.end}`;
    if (!byPlace.has(key)) byPlace.set(key, f);
  }
  placeTables.set(current, byPlace);
  return byPlace;
}

/**
 * Whether the checks of the actions for these findings run on the document cut down to each
 * finding's client (../surfaces/reduce.ts): not when it has a syntax problem, a code file's tree
 * has an error, or its client is most of the text; then each check reads the whole document.
 */
function checksCutDown(surfaceId: string, source: SourceDocument, model: DocumentModel, matched: readonly Matched[]): boolean {
  return matched.every((m) => {
    const def = clientAt(model, m.finding.span);
    return def === undefined || reduceForEdits(surfaceId, source, model, def, []) !== undefined;
  });
}

/** An action offered by title, its edit made at codeAction/resolve (see `DEFER_CHECKS_CHARS`). */
function deferredAction(title: string, diagnostics: Diagnostic[], making: Making): CodeAction {
  const data: DeferredCheck = { check: { ...making.defer!, title, diagnostics } };
  return { title, kind: CodeActionKind.QuickFix, diagnostics, data };
}

/**
 * Complete a code action returned without its edit (`codeAction/resolve`): a deferred quick fix or
 * disable action is made and checked now, as it would have been when offered; a deferred fix-all gets
 * its edit when it is for this document at this version; otherwise (another document, an older
 * version, nothing left to fix) it comes back with an empty edit, never a stale one.
 */
/** Resolve a code action (make and check a deferred fix) within the request's time budget: empty when its check runs out of time. */
export function resolveCodeAction(...args: Parameters<typeof resolveActionOf>): CodeAction {
  return withinBudget(() => resolveActionOf(...args));
}

function resolveActionOf(document: TextDocument, model: DocumentModel, surfaceId: string, action: CodeAction, findings?: Finding[], options: CodeActionOptions = {}): CodeAction {
  const check = deferredCheck(action.data);
  if (check && !action.edit) {
    const { data: _data, ...offered } = action;
    const empty: CodeAction = { ...offered, edit: { changes: {} } };
    if (check.uri !== document.uri || check.version !== document.version) return empty;
    const source: SourceDocument = sourceOf(document, model);
    const matched = matchDiagnostics(document, findings ?? currentFindings(source, surfaceId, model, options.rules), check.diagnostics);
    const making: Making = { title: check.title };
    const made = [...quickFixes(document, source, model, surfaceId, matched, making), ...disableActions(document, source, model, surfaceId, matched, making)].find((a) => a.edit);
    return made ? { ...offered, edit: made.edit } : empty;
  }
  const deferred = deferredFixAll(action.data);
  if (!deferred || action.edit) return action;
  const resolved: CodeAction = { title: action.title, kind: action.kind, edit: { changes: {} } };
  if (deferred.uri !== document.uri || deferred.version !== document.version) return resolved;
  const source: SourceDocument = sourceOf(document, model);
  const current = findings ?? currentFindings(source, surfaceId, model, options.rules);
  return fixAllAction(document, source, model, surfaceId, current, options, action.kind ?? CodeActionKind.QuickFix) ?? resolved;
}

function quickFixes(document: TextDocument, source: SourceDocument, model: DocumentModel, surfaceId: string, matched: Matched[], making: Making): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const { diagnostic, finding } of matched) {
    const def = clientAt(model, finding.span);
    if (!def) continue;
    let preferredGiven = false;
    for (const fix of finding.fixes ?? []) {
      if (making.title !== undefined && fix.title !== making.title) continue;
      let action: CodeAction;
      if (making.defer) action = deferredAction(fix.title, [diagnostic], making);
      else {
        const edits = checkedFixEdits(surfaceId, source, model, def, fix);
        if (!edits || edits.length === 0) continue;
        action = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: workspaceEdit(document, edits) };
      }
      if (fix.isPreferred && !preferredGiven) {
        action.isPreferred = true;
        preferredGiven = true;
      }
      actions.push(action);
    }
  }
  return actions;
}

function disableActions(document: TextDocument, source: SourceDocument, model: DocumentModel, surfaceId: string, matched: Matched[], making: Making): CodeAction[] {
  const support = suppressionSupport(surfaceId, source);
  if (!support) return [];
  // The edits are made on LF line breaks and get the document's own back (classic-Mac CRs).
  const text = withLfBreaks(source.text);
  const lfSource = { ...source, text };
  // One action per rule and line, and per rule and resource, carrying every diagnostic it covers.
  const lines = new Map<string, Matched[]>();
  const resources = new Map<string, Matched[]>();
  for (const m of matched) {
    const line = document.positionAt(m.finding.span.start).line;
    const lineKey = `${m.finding.ruleId}\u0000${line}`;
    lines.set(lineKey, [...(lines.get(lineKey) ?? []), m]);
    const def = clientAt(model, m.finding.span);
    if (def) {
      const key = `${m.finding.ruleId}\u0000${def.name}`;
      resources.set(key, [...(resources.get(key) ?? []), m]);
    }
  }
  const actions: CodeAction[] = [];
  if (support.lineComment) {
    for (const group of lines.values()) {
      const { finding } = group[0];
      const title = `Disable ${finding.ruleId} for this line`;
      if (making.title !== undefined && title !== making.title) continue;
      if (making.defer) {
        actions.push(deferredAction(title, group.map((m) => m.diagnostic), making));
        continue;
      }
      const made = disableLineEdit(text, finding.span.start, finding.ruleId, support.lineComment);
      const edit = made && inOwnBreaks(source.text, [made])[0];
      if (!edit || !checkedSuppression(surfaceId, source, model, finding, [edit])) continue;
      actions.push({
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: group.map((m) => m.diagnostic),
        edit: workspaceEdit(document, [edit]),
      });
    }
  }
  if (support.ignoreInDefinition) {
    for (const group of resources.values()) {
      const { finding } = group[0];
      const title = `Disable ${finding.ruleId} for this resource`;
      if (making.title !== undefined && title !== making.title) continue;
      if (making.defer) {
        actions.push(deferredAction(title, group.map((m) => m.diagnostic), making));
        continue;
      }
      const def = clientAt(model, finding.span)!;
      let edits: SpanEdit[] | undefined;
      try {
        const made = support.ignoreInDefinition(lfSource, def, finding.ruleId, model);
        edits = made && inOwnBreaks(source.text, made);
      } catch {
        edits = undefined; // a writer bug costs the action, never the request
      }
      if (!edits || edits.length === 0 || !checkedSuppression(surfaceId, source, model, finding, edits)) continue;
      actions.push({
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: group.map((m) => m.diagnostic),
        edit: workspaceEdit(document, edits),
      });
    }
  }
  return actions;
}

function fixAllAction(document: TextDocument, source: SourceDocument, model: DocumentModel, surfaceId: string, findings: Finding[], options: CodeActionOptions, kind: string): CodeAction | undefined {
  const result = fixAll(source, { rules: options.rules, start: { surface: { id: surfaceId }, model, findings } });
  if (!result || result.text === source.text) return undefined;
  return { title: FIX_ALL_TITLE, kind, edit: workspaceEdit(document, diffEdits(source.text, result.text)) };
}
