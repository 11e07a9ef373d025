/**
 * A document cut down to one client definition, for checking a fix cheaply.
 *
 * Every fix is verified by reading the edited document again (./edits.ts) and, for fix-all, by
 * running the rules on it (../features/fix-all.ts). Done on the whole document, that costs a full
 * parse per fix: quadratic in a template with hundreds of clients (a 1,000-client template took
 * minutes in the CLI). Rules look at one definition at a time plus the facts about the file's other
 * resources, and a fix edits one definition, so the other client definitions do not matter to the
 * check: here the surface takes them out of the text (or empties them where it cannot), the rest of
 * the document (parameters, conditions, pools, providers, outputs) stays, and the check runs on the
 * much smaller text.
 *
 * The reduced document is compared with itself before and after the edits, never with the full one.
 * A surface that cannot take a definition out, a kept definition that does not read back the same,
 * or an edit that touches a removed part: no reduction, and callers check the whole document.
 */
import { readingsGivenUp } from '../budget';
import type { ClientDefinition, CodeExpression, DocumentModel, LocatedValue } from '../model';
import { applyEdits } from './apply-edits';
import { sharingReads } from './edited-reads';
import { resourcesBut } from './cloudformation/reduce-read';
import { transientTrees } from './cloudformation/trees';
import { surfaceById } from './index';
import type { SourceDocument, SpanEdit, Surface } from './types';

/** A document reduced to one client definition. */
export interface ReducedDocument {
  doc: SourceDocument;
  /** The reduced document as read by the same surface. */
  model: DocumentModel;
  /** The kept definition, as read from the reduced document. */
  def: ClientDefinition;
  /** The edits that made the reduced text from the original one (sorted, non-overlapping). */
  stubs: SpanEdit[];
}

/** Below this many clients the whole document is checked: a reduction would save nothing worth having. */
const MIN_CLIENTS = 2;

let enabled = true;

/** Run `fn` with reduction turned off (every check on the whole document), for comparing the two in tests. */
export function withoutReduction<T>(fn: () => T): T {
  const was = enabled;
  enabled = false;
  try {
    return fn();
  } finally {
    enabled = was;
  }
}

const cache = new WeakMap<DocumentModel, Map<ClientDefinition, ReducedDocument | null>>();

/**
 * The document reduced to `def` (one of `model.clients`, `model` read from `doc` by `surface`);
 * undefined when it cannot be reduced or would not be smaller. Cached per model and definition.
 */
export function reduceTo(surface: Surface, doc: SourceDocument, model: DocumentModel, def: ClientDefinition): ReducedDocument | undefined {
  if (!enabled || !(surface.withoutDefinitions || surface.withoutDefinitionsBut) || model.clients.length < MIN_CLIENTS) return undefined;
  if (!clientSet(model).has(def)) return undefined;
  let perModel = cache.get(model);
  if (!perModel) cache.set(model, (perModel = new Map()));
  const cached = perModel.get(def);
  if (cached !== undefined) return cached ?? undefined;
  let reduced: ReducedDocument | undefined;
  const givenUp = readingsGivenUp();
  try {
    reduced = build(surface, doc, model, def, () =>
      surface.withoutDefinitionsBut ? surface.withoutDefinitionsBut(doc.text, model.clients, def) : surface.withoutDefinitions!(doc.text, model.clients.filter((c) => c !== def)),
    );
  } catch {
    reduced = undefined; // a bug here costs the speed-up, never the check
  }
  // A reduction whose reading was given up for time is tried again by the next request.
  if (readingsGivenUp() === givenUp) perModel.set(def, reduced ?? null);
  return reduced;
}

const readCache = new WeakMap<DocumentModel, Map<ClientDefinition, ReducedDocument | null>>();

/**
 * The document reduced to `def` for the check that an edited definition still reads the same
 * (./edits.ts): a template loses every other resource too, not only the other clients
 * (./cloudformation/reduce-read.ts), since reading one resource needs none of the others; a
 * template with a single client is reduced as well. Other surfaces, or a template this cannot be
 * done to: `reduceTo`. Never for checks that run the rules (fix-all), which need the other
 * resources: those use `reduceTo`.
 */
export function reduceForRead(surface: Surface, doc: SourceDocument, model: DocumentModel, def: ClientDefinition): ReducedDocument | undefined {
  if (!enabled) return undefined;
  if (surface.id === 'cloudformation-yaml' || surface.id === 'cloudformation-json') {
    let perModel = readCache.get(model);
    if (!perModel) readCache.set(model, (perModel = new Map()));
    let reduced = perModel.get(def);
    if (reduced === undefined) {
      const givenUp = readingsGivenUp();
      try {
        const json = surface.id === 'cloudformation-json' && startsLikeJson(doc.text);
        reduced = clientSet(model).has(def) ? build(surface, doc, model, def, () => worthIt(doc.text, resourcesBut(doc.text, model, def, json))) ?? null : null;
      } catch {
        reduced = null; // a bug here costs the speed-up, never the check
      }
      if (readingsGivenUp() === givenUp) perModel.set(def, reduced);
    }
    if (reduced) return reduced;
  }
  return reduceTo(surface, doc, model, def);
}

/**
 * The stubs when they take out at least half the text, else undefined: building a reduction reads
 * the reduced text once more, which pays only when it is much smaller (a template whose bulk is
 * its parameters, or one long broken stretch, is checked whole: one read per fix, not two).
 */
function worthIt(text: string, stubs: SpanEdit[] | undefined): SpanEdit[] | undefined {
  if (!stubs) return undefined;
  let removed = 0;
  for (const stub of stubs) removed += stub.span.end - stub.span.start - stub.newText.length;
  return removed * 2 >= text.length ? stubs : undefined;
}

/** Whether a template's text starts as JSON (`{`, `[`, a comment), as the JSON surface tells a YAML `.template` from a JSON one. */
function startsLikeJson(text: string): boolean {
  const first = /\S/.exec(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  return first !== null && ['{', '[', '/'].includes(first[0]);
}

function build(surface: Surface, doc: SourceDocument, model: DocumentModel, def: ClientDefinition, stubsOf: () => SpanEdit[] | undefined): ReducedDocument | undefined {
  // Nested definitions: keep it simple, check the whole document.
  if (overlapping(model).has(def)) return undefined;
  const stubs = stubsOf();
  if (!stubs || stubs.some((s) => s.span.start < def.span.end && def.span.start < s.span.end)) return undefined;
  const text = applyEdits(doc.text, stubs);
  if (text.length >= doc.text.length) return undefined;
  const reducedDoc = { ...doc, text };
  const reducedModel = transientTrees(() => surface.parse(reducedDoc));
  if (reducedModel.problems.length > model.problems.length) return undefined; // it leaned on something removed
  if (reducedModel.clients.length !== 1) return undefined;
  const kept = reducedModel.clients[0];
  // Code surfaces name a call by its callee and its rank among the calls with that callee
  // (`CreateUserPoolClientCommand #3`): alone, it is the first. Templates name it by its own key.
  if (kept.name !== def.name && surface.kind !== 'sdk') return undefined;
  // The kept definition must read back exactly as it was, shifted.
  const shift = mapThrough(stubs, def.span.start);
  if (shift === undefined || kept.span.start !== shift || kept.span.end - kept.span.start !== def.span.end - def.span.start) return undefined;
  if (!readsTheSame(def, kept, shift - def.span.start)) return undefined;
  return { doc: reducedDoc, model: reducedModel, def: kept, stubs };
}

const clientSets = new WeakMap<DocumentModel, Set<ClientDefinition>>();

/** A model's clients as a set (asked once per fix, `includes` was a pass over every client). */
function clientSet(model: DocumentModel): Set<ClientDefinition> {
  let set = clientSets.get(model);
  if (!set) clientSets.set(model, (set = new Set(model.clients)));
  return set;
}

const overlaps = new WeakMap<DocumentModel, Set<ClientDefinition>>();

/** The definitions whose span overlaps another's, found once per model (asked once per client, it must not cost a pass over every client). */
function overlapping(model: DocumentModel): Set<ClientDefinition> {
  let found = overlaps.get(model);
  if (found) return found;
  found = new Set();
  const byStart = [...model.clients].sort((a, b) => a.span.start - b.span.start);
  for (let i = 0; i < byStart.length; i++) {
    const d = byStart[i];
    for (let j = i + 1; j < byStart.length && byStart[j].span.start < d.span.end; j++) {
      const c = byStart[j];
      if (!(c.span.end <= d.span.start || d.span.end <= c.span.start)) {
        found.add(c);
        found.add(d);
      }
    }
  }
  overlaps.set(model, found);
  return found;
}

/** Whether a definition read from the reduced text is the original one moved by `delta` (an alias or merge key into a removed part would change it). */
function readsTheSame(def: ClientDefinition, kept: ClientDefinition, delta: number): boolean {
  if (kept.body?.kind !== def.body?.kind || kept.properties.size !== def.properties.size) return false;
  if (kept.operation !== def.operation || kept.spelling !== def.spelling || kept.surface !== def.surface || Boolean(kept.open) !== Boolean(def.open)) return false;
  if (!sameValue(def.body, kept.body, delta)) return false;
  if (kept.dependsOn.join('\u0000') !== def.dependsOn.join('\u0000')) return false;
  for (const [name, prop] of def.properties) {
    const other = kept.properties.get(name);
    if (!other || other.value.kind !== prop.value.kind) return false;
    if (other.value.span.start !== prop.value.span.start + delta || other.value.span.end !== prop.value.span.end + delta) return false;
  }
  return true;
}

/**
 * Whether two values say the same at every depth, the second's spans moved by `delta`: the same
 * kinds, scalars, member names, Unknown reasons and references (a name resolved through a removed
 * or blanked part would read differently).
 */
function sameValue(a: LocatedValue | undefined, b: LocatedValue | undefined, delta: number): boolean {
  if (!a || !b) return a === b;
  if (a.kind !== b.kind || b.span.start !== a.span.start + delta || b.span.end !== a.span.end + delta || a.resolvedFrom !== b.resolvedFrom) return false;
  switch (a.kind) {
    case 'list': {
      const items = (b as typeof a).items;
      return items.length === a.items.length && a.items.every((item, i) => sameValue(item, items[i], delta));
    }
    case 'object': {
      const members = (b as typeof a).members;
      return members.length === a.members.length && a.members.every((m, i) => m.name === members[i].name && m.canonical === members[i].canonical && sameValue(m.value, members[i].value, delta));
    }
    case 'unknown': {
      const other = b as typeof a;
      if (other.reason !== a.reason || JSON.stringify(other.ref) !== JSON.stringify(a.ref) || (other.alternatives?.length ?? 0) !== (a.alternatives?.length ?? 0)) return false;
      if (!sameExpression(a.expression, other.expression, delta)) return false;
      if (a.branches?.condition !== other.branches?.condition || !sameValue(a.branches?.whenTrue, other.branches?.whenTrue, delta) || !sameValue(a.branches?.whenFalse, other.branches?.whenFalse, delta)) return false;
      return (a.alternatives ?? []).every((alt, i) => sameValue(alt, other.alternatives![i], delta));
    }
    case 'null':
      return true;
    default:
      return (b as typeof a).value === a.value;
  }
}

/** Whether two code expressions (a call, a member access) say the same, the second's argument spans moved by `delta`. */
function sameExpression(a: CodeExpression | undefined, b: CodeExpression | undefined, delta: number): boolean {
  if (!a || !b) return a === b;
  if (a.path.join('.') !== b.path.join('.') || a.construct !== b.construct || (a.args === undefined) !== (b.args === undefined)) return false;
  if (a.args && (a.args.length !== b.args!.length || !a.args.every((arg, i) => sameValue(arg, b.args![i], delta)))) return false;
  return sameExpression(a.receiver, b.receiver, delta);
}

/** Where an offset of the original text is in the reduced one; undefined inside a removed part. */
function mapThrough(stubs: readonly SpanEdit[], offset: number): number | undefined {
  let delta = 0;
  for (const stub of stubs) {
    if (offset <= stub.span.start) break;
    if (offset < stub.span.end) return undefined;
    delta += stub.newText.length - (stub.span.end - stub.span.start);
  }
  return offset + delta;
}

/** A span of the original text in the reduced one; undefined when it touches a removed part. */
export function spanInReduced(reduced: ReducedDocument, span: { start: number; end: number }): { start: number; end: number } | undefined {
  const start = mapThrough(reduced.stubs, span.start);
  const end = mapThrough(reduced.stubs, span.end);
  return start === undefined || end === undefined || end - start !== span.end - span.start ? undefined : { start, end };
}

/** Edits of the original text moved onto the reduced text; undefined when one touches a removed part. */
export function editsInReduced(reduced: ReducedDocument, edits: readonly SpanEdit[]): SpanEdit[] | undefined {
  const out: SpanEdit[] = [];
  for (const edit of edits) {
    const start = mapThrough(reduced.stubs, edit.span.start);
    const end = mapThrough(reduced.stubs, edit.span.end);
    if (start === undefined || end === undefined) return undefined;
    // An edit must not reach over a removed part (a replaced range spanning one).
    if (end - start !== edit.span.end - edit.span.start) return undefined;
    out.push({ span: { start, end }, newText: edit.newText });
  }
  return out;
}

/**
 * Whether checks of edits to a document may run on a reduction of it: not when it has syntax
 * problems. A parser's error recovery reaches past the place an edit touches (an edit inside one
 * call of a broken Python file changed how the code after it read: three clients became two), so
 * only the whole edited document tells (fuzz seed 4242 index 13244).
 */
function reducibleForChecks(model: DocumentModel): boolean {
  return model.problems.length === 0;
}

/** A fix's edits on the document reduced to the definition they edit, when the document can be reduced and the edits moved onto it. */
export interface ReducedEdits {
  reduced: ReducedDocument;
  edits: SpanEdit[];
}

/**
 * `edits` (of `doc`, read into `model`, fixing `def`) on the document reduced for the read check
 * (`reduceForRead`); undefined when they must be checked on the whole one.
 */
export function reduceForEdits(surfaceId: string, doc: SourceDocument, model: DocumentModel, def: ClientDefinition, edits: readonly SpanEdit[]): ReducedEdits | undefined {
  if (!reducibleForChecks(model)) return undefined;
  // Inside a fix-all run, the rules check that follows reads the same edited reduction, so one
  // read serves both (./edited-reads.ts); the smaller reduction would cost a read of its own.
  const forRules = sharingReads() ? reduceForRules(surfaceId, doc, model, def, edits) : undefined;
  if (forRules) return forRules;
  const surface = surfaceById(surfaceId);
  const reduced = surface && reduceForRead(surface, doc, model, def);
  const moved = reduced && editsInReduced(reduced, edits);
  if (reduced && moved) return { reduced, edits: moved };
  // An edit reaching outside the client (a DependsOn target, an output): the reduction that keeps the other resources.
  return reduceForRules(surfaceId, doc, model, def, edits);
}

/** `edits` on the document reduced to `def` with every other resource kept (`reduceTo`), for checks that run the rules. */
export function reduceForRules(surfaceId: string, doc: SourceDocument, model: DocumentModel, def: ClientDefinition, edits: readonly SpanEdit[]): ReducedEdits | undefined {
  if (!reducibleForChecks(model)) return undefined;
  const surface = surfaceById(surfaceId);
  const reduced = surface && reduceTo(surface, doc, model, def);
  const moved = reduced && editsInReduced(reduced, edits);
  return reduced && moved ? { reduced, edits: moved } : undefined;
}

