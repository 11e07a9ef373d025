/**
 * Incremental analysis: a new version of a document that differs from an analysed one inside one
 * client definition costs that definition, not the whole document.
 *
 * The two texts are compared (common prefix and suffix) to find the one changed region. When it
 * lies inside one client definition and leaves its name and type alone, nothing the other
 * definitions or the file context read has changed: the other definitions, the context and the
 * other definitions' findings are the previous ones moved by the length change. The edited
 * definition alone is read again, from the new text with every other client definition taken out
 * (the surface's `withoutDefinitionsBut`, as for fix checks: ../surfaces/reduce.ts), and the rules
 * run on it alone (they are pure functions of one definition and the file context:
 * ../rules/engine.ts). Suppressions are moved too, or read again when the edited definition holds one.
 * The spans are moved in place, so the base analysis is given up to the new version: copying the
 * model of hundreds of clients on every keystroke cost more than the re-read itself.
 *
 * Whenever that cannot be shown to give exactly what a full analysis gives, the answer is
 * undefined and the caller analyses the whole document: more than one client touched, an edit on
 * a definition's name, type or boundary or outside every definition, parse problems before or
 * after, a reduced read that does not give back exactly the one definition where it was expected,
 * YAML anchors or aliases in the edited definition (another definition may read them), a module
 * whose other files changed, any exception. A test compares both over random edit sequences
 * (test/unit/incremental.test.ts).
 */
import type { ClientDefinition, CodeExpression, DocumentModel, FileContext, LocatedProperty, LocatedValue, Span } from '../model';
import type { EngineOptions } from '../rules/engine';
import { runRules } from '../rules/engine';
import type { Finding } from '../rules/types';
import type { Analysis } from '../service';
import { DIRECTIVE_PREFIX, nextLineScope, partitionSuppressed, type Suppression } from '../suppress';
import { rememberSource, surfaceFor, type SourceDocument } from '../surfaces';
import { applyEdits } from '../surfaces/apply-edits';
import { withLfBreaks } from '../surfaces/line-breaks';
import { readSuppressions } from '../surfaces/suppressions';
import type { SpanEdit } from '../surfaces/types';

/** An analysed version an edit can start from: the document as analysed (line breaks as the analysis read them) and its analysis. */
export interface IncrementalBase {
  source: SourceDocument;
  analysis: Analysis;
}

/** Why the last `analyseIncrementally` call did or did not take the fast path (for tests and logs). */
export const incrementalStats = { last: '' };

/**
 * The surfaces whose documents are read incrementally: those that take all definitions but one out
 * of a text cheaply (`withoutDefinitionsBut`) and whose incremental reading is compared with a full
 * one by test/unit/incremental.test.ts. The code surfaces (SDK calls, CDK) have a reduction for fix
 * checks too, but are not in that test yet, so they are read whole.
 */
const INCREMENTAL_SURFACES: ReadonlySet<string> = new Set(['cloudformation-yaml', 'cloudformation-json', 'terraform-hcl', 'terraform-json']);

/**
 * A base to edit from, when `analysis` (of `source`) can be one: read without problems by a surface
 * of `INCREMENTAL_SURFACES`.
 */
export function incrementalBase(source: SourceDocument, analysis: Analysis | undefined): IncrementalBase | undefined {
  if (!analysis || analysis.model.problems.length > 0 || !analysis.surface.withoutDefinitionsBut || !INCREMENTAL_SURFACES.has(analysis.surface.id)) return undefined;
  return { source: { ...source, text: withLfBreaks(source.text) }, analysis };
}

/** Thrown inside when an offset that must not move lies in the edited region: the caller falls back. */
class NotIncremental extends Error {}

/** The one changed region: `[start, oldEnd)` of the old text became `[start, newEnd)` of the new. */
interface Change {
  start: number;
  oldEnd: number;
  newEnd: number;
  delta: number;
}

/** The changed region between two texts (common prefix and suffix); undefined when they are equal. */
export function changedRegion(before: string, after: string): Change | undefined {
  if (before === after) return undefined;
  const max = Math.min(before.length, after.length);
  // Whole chunks first (a string comparison is a memory comparison), then character by character.
  let start = 0;
  while (start + CHUNK <= max && before.slice(start, start + CHUNK) === after.slice(start, start + CHUNK)) start += CHUNK;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail + CHUNK <= max - start && before.slice(before.length - tail - CHUNK, before.length - tail) === after.slice(after.length - tail - CHUNK, after.length - tail)) tail += CHUNK;
  while (tail < max - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, oldEnd: before.length - tail, newEnd: after.length - tail, delta: after.length - before.length };
}

/** How many characters `changedRegion` compares at once. */
const CHUNK = 256;

/**
 * The analysis of `original` (a later version of `base.source`) made from the base's by reading
 * again only the client definition the change lies in; undefined when it must be made in full.
 */
export function analyseIncrementally(base: IncrementalBase, original: SourceDocument, options: EngineOptions = {}, onRuleError?: (ruleId: string, error: unknown) => void): Analysis | undefined {
  try {
    const result = attempt(base, original, options, onRuleError);
    if (typeof result === 'string') {
      incrementalStats.last = result;
      return undefined;
    }
    incrementalStats.last = 'incremental';
    return result;
  } catch (error) {
    incrementalStats.last = error instanceof NotIncremental ? error.message : `error: ${error instanceof Error ? error.message : String(error)}`;
    return undefined;
  }
}

function attempt(base: IncrementalBase, original: SourceDocument, options: EngineOptions, onRuleError?: (ruleId: string, error: unknown) => void): Analysis | string {
  const old = base.source;
  const { surface, model } = base.analysis;
  if (original.uri !== old.uri || original.languageId !== old.languageId) return 'another document';
  if (!sameSiblings(old.siblings, original.siblings)) return 'module files changed';
  if (model.problems.length > 0) return 'problems before';
  const doc: SourceDocument = { ...original, text: withLfBreaks(original.text) };
  if (surfaceFor(doc) !== surface) return 'another surface';
  const change = changedRegion(old.text, doc.text);
  if (!change) return 'no change';

  // The one definition the change lies in, away from its name and type.
  const index = containing(model.clients, change);
  if (typeof index === 'string') return index;
  const def = model.clients[index];
  if (model.clients.some((c) => c.open || c.derived || c.loop !== undefined)) return 'definitions of a kind not reread alone';
  if (model.clients.some((c) => c !== def && c.name === def.name)) return 'two definitions of one name';
  if (touches(def.nameSpan, change) || (def.typeSpan && touches(def.typeSpan, change))) return 'edit on the name or type';
  const oldPart = old.text.slice(def.span.start, def.span.end);
  const newPart = doc.text.slice(def.span.start, def.span.end + change.delta);
  // YAML anchors and aliases: another definition may read what this one writes, or the other way round.
  if (model.surface === 'cloudformation' && /[&*]/.test(oldPart + newPart)) return 'anchor or alias in the definition';

  // Where everything but the edited definition goes: moved by the length change (in place, at the
  // end, once nothing can fail any more: the base is given up for the new version).
  const shift = new Shift(change, def.span);
  // Where the edited definition, its name and its type must be in the new text (they are not in the changed region).
  const own = (span: Span): Span => ({ start: span.start < change.start ? span.start : span.start + change.delta, end: span.end < change.start ? span.end : span.end + change.delta });
  const expected: ClientDefinition = { ...def, span: { start: def.span.start, end: def.span.end + change.delta }, nameSpan: own(def.nameSpan), typeSpan: def.typeSpan && own(def.typeSpan) };
  // Stand-ins with the spans alone: the surface remembers each definition's way out of the text it
  // saw, and a definition it saw in the old text would be compared with that whole text first.
  const all = model.clients.map((c) => (c === def ? expected : ({ span: shift.span(c.span), nameSpan: shift.span(c.nameSpan) } as ClientDefinition)));

  // The edited definition read from the new text without the others.
  if (!surface.withoutDefinitionsBut) return 'no reduction';
  const stubs = surface.withoutDefinitionsBut(doc.text, all, expected);
  if (!stubs) return 'cannot take the other definitions out';
  if (stubs.some((s) => s.span.start < expected.span.end && expected.span.start < s.span.end)) return 'reduction touches the definition';
  const reducedDoc = { ...doc, text: applyEdits(doc.text, stubs) };
  const reduced = surface.parse(reducedDoc);
  if (reduced.problems.length > 0) return 'problems after';
  if (reduced.clients.length !== 1 || reduced.clients[0].name !== def.name) return 'the definition does not read back alone';
  const fresh = reduced.clients[0];
  const freshSpans = new Spans();
  freshSpans.client(fresh);
  freshSpans.move(new MapBack(stubs));
  if (fresh.open || fresh.derived || fresh.loop !== undefined) return 'definition of a kind not reread alone';
  if (!sameSpan(fresh.span, expected.span) || !sameSpan(fresh.nameSpan, expected.nameSpan) || !sameOptionalSpan(fresh.typeSpan, expected.typeSpan)) return 'the definition moved';

  // The others' findings, and every span of the others (their definitions, the file context, those findings) moved.
  const others: Finding[] = [];
  for (const list of [base.analysis.findings, base.analysis.suppressed]) for (const f of list) if (f.client !== index) others.push(f);
  const moved = new Spans();
  // Client definitions read from YAML or JSON hold no offset past their own end (aliases point back), so those before the change stay as they are.
  const keepBefore = model.surface === 'cloudformation';
  for (const c of model.clients) if (c !== def && !(keepBefore && c.span.end <= change.start)) moved.client(c);
  moved.context(model.context);
  for (const f of others) moved.finding(f);
  const suppressions = movedSuppressions(base.analysis.suppressions, old.text, doc, oldPart, newPart, shift, change);
  moved.move(shift);

  const clients = model.clients.slice();
  clients[index] = fresh;
  const newModel: DocumentModel = { ...model, clients, problems: [] };
  rememberSource(newModel, doc);

  // Findings: the other definitions' moved, the edited one's found again.
  const ownFindings = runRules({ ...newModel, clients: [fresh] }, options, (rule, error) => onRuleError?.(rule.id, error));
  for (const f of ownFindings) f.client = index;
  const findings = others.concat(ownFindings).sort(findingOrder);

  const allSuppressions = suppressions ?? readSuppressions(surface.id, doc, newModel);
  const { kept, suppressed } = partitionSuppressed(findings, allSuppressions);
  return { surface, model: newModel, findings: kept, suppressed, suppressions: allSuppressions };
}

/** The order the engine gives findings (../rules/engine.ts), with the client index for ties (the engine's order before its stable sort). */
function findingOrder(a: Finding, b: Finding): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId) || (a.client ?? 0) - (b.client ?? 0);
}

/** The index of the one client definition the change lies in (not at its start); a reason when there is none or more than one. */
function containing(clients: readonly ClientDefinition[], change: Change): number | string {
  let found: number | undefined;
  for (let i = 0; i < clients.length; i++) {
    const span = clients[i].span;
    if (span.end < change.start || span.start > change.oldEnd) continue;
    if (!(span.start < change.start && change.oldEnd <= span.end)) return 'edit on a definition boundary';
    if (found !== undefined) return 'edit inside nested definitions';
    found = i;
  }
  return found ?? 'edit outside every definition';
}

/** Whether the change touches a span (overlaps it or meets either end). */
function touches(span: Span, change: Change): boolean {
  return change.start <= span.end && span.start <= change.oldEnd;
}

function sameSpan(a: Span, b: Span): boolean {
  return a.start === b.start && a.end === b.end;
}

function sameOptionalSpan(a: Span | undefined, b: Span | undefined): boolean {
  return a === undefined || b === undefined ? a === b : sameSpan(a, b);
}

/** Whether two lists of module siblings are the same files with the same text. */
function sameSiblings(a: readonly SourceDocument[] | undefined, b: readonly SourceDocument[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((s, i) => s.uri === b[i].uri && s.languageId === b[i].languageId && s.text === b[i].text);
}

/** Offsets moved from one text to another. */
abstract class OffsetMap {
  abstract at(offset: number, side: 'start' | 'end'): number;

  span(span: Span): Span {
    return { start: this.at(span.start, 'start'), end: this.at(span.end, 'end') };
  }
}

/**
 * The span objects of model parts, to move in place. A span may be reached twice (a property's key
 * span is often also a finding's; a Terraform local is read by several definitions): every new
 * offset is worked out from the old ones before any is written, so a span reached twice is written
 * twice with the same offsets, never moved twice; and a failure leaves everything as it was. (No
 * set of the spans seen: hashing tens of thousands of objects cost more than the whole re-read.)
 */
class Spans {
  private readonly spans: Span[] = [];

  add(span: Span | undefined): void {
    if (span) this.spans.push(span);
  }

  client(def: ClientDefinition): void {
    if (def.open || def.derived) throw new NotIncremental('a definition of a kind not moved');
    if (def.properties.constructor !== Map) throw new NotIncremental('a map of another kind');
    this.add(def.span);
    this.add(def.nameSpan);
    this.add(def.typeSpan);
    this.add(def.dependsOnSpan);
    if (def.body) this.value(def.body);
    // The properties are mostly the body's members, reached already.
    const members = def.body?.kind === 'object' ? def.body.members : [];
    for (const prop of def.properties.values()) if (!members.includes(prop)) this.property(prop);
  }

  property(prop: LocatedProperty, depth = 0): void {
    this.add(prop.keySpan);
    this.add(prop.span);
    this.value(prop.value, depth);
  }

  value(value: LocatedValue, depth = 0): void {
    if (depth > 200) throw new NotIncremental('a value nested too deep');
    this.add(value.span);
    switch (value.kind) {
      case 'list':
        for (const item of value.items) this.value(item, depth + 1);
        break;
      case 'object':
        for (const m of value.members) this.property(m, depth + 1);
        break;
      case 'unknown':
        for (const item of value.alternatives ?? []) this.value(item, depth + 1);
        if (value.branches?.whenTrue) this.value(value.branches.whenTrue, depth + 1);
        if (value.branches?.whenFalse) this.value(value.branches.whenFalse, depth + 1);
        if (value.expression) this.expression(value.expression, depth + 1);
        break;
    }
  }

  expression(e: CodeExpression, depth: number): void {
    if (depth > 200) throw new NotIncremental('an expression nested too deep');
    for (const a of e.args ?? []) this.value(a, depth + 1);
    if (e.receiver) this.expression(e.receiver, depth + 1);
  }

  context(c: FileContext): void {
    for (const pool of c.userPools.values()) this.add(pool.span);
    for (const p of c.identityProviders) this.add(p.span);
    for (const r of c.resourceServers) this.add(r.span);
    for (const o of c.secretOutputs) this.add(o.span);
  }

  finding(f: Finding): void {
    this.add(f.span);
    for (const fix of f.fixes ?? []) for (const change of fix.changes) if ('keySpan' in change) this.add(change.keySpan);
  }

  /** Move every span collected (throws, moving none, when one cannot be moved). */
  move(map: OffsetMap): void {
    const spans = this.spans;
    const offsets = new Float64Array(spans.length * 2);
    for (let i = 0; i < spans.length; i++) {
      offsets[2 * i] = map.at(spans[i].start, 'start');
      offsets[2 * i + 1] = map.at(spans[i].end, 'end');
    }
    for (let i = 0; i < spans.length; i++) {
      spans[i].start = offsets[2 * i];
      spans[i].end = offsets[2 * i + 1];
    }
  }
}

/** Offsets of the old text outside the edited definition, in the new text. */
class Shift extends OffsetMap {
  constructor(private readonly change: Change, private readonly edited: Span) {
    super();
  }

  at(offset: number): number {
    // Nothing but the edited definition may point inside it (a YAML alias would; those fall back before).
    if (offset > this.edited.start && offset < this.edited.end) throw new NotIncremental('an offset inside the edited definition');
    return offset <= this.change.start ? offset : offset + this.change.delta;
  }
}

/** Offsets of the reduced text (the new text with other definitions taken out) in the new text. */
class MapBack extends OffsetMap {
  /** Each stub's start in the reduced text, with the total length change before it and its own. */
  private readonly marks: { reducedStart: number; reducedEnd: number; fullStart: number; fullEnd: number }[] = [];

  constructor(stubs: readonly SpanEdit[]) {
    super();
    let delta = 0;
    for (const s of stubs) {
      const reducedStart = s.span.start + delta;
      this.marks.push({ reducedStart, reducedEnd: reducedStart + s.newText.length, fullStart: s.span.start, fullEnd: s.span.end });
      delta += s.newText.length - (s.span.end - s.span.start);
    }
  }

  at(offset: number, side: 'start' | 'end'): number {
    // The last stub starting at or before the offset (binary search).
    let lo = 0;
    let hi = this.marks.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.marks[mid].reducedStart <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return offset;
    const m = this.marks[found];
    if (offset === m.reducedStart && m.reducedEnd === m.reducedStart) {
      // At a removal: a start is what follows it, an end what precedes it.
      return side === 'start' ? m.fullEnd : m.fullStart;
    }
    if (offset === m.reducedStart) return m.fullStart;
    if (offset < m.reducedEnd) throw new NotIncremental('an offset in a stub');
    return m.fullEnd + (offset - m.reducedEnd);
  }
}

/**
 * The base's suppressions moved to the new text, when the edited definition holds none before or
 * after (then no suppression was added or removed, and each keeps its meaning); undefined when
 * they must be read again.
 */
function movedSuppressions(old: readonly Suppression[], oldText: string, doc: SourceDocument, oldPart: string, newPart: string, shift: Shift, change: Change): Suppression[] | undefined {
  if (oldPart.includes(DIRECTIVE_PREFIX) || newPart.includes(DIRECTIVE_PREFIX)) return undefined;
  if (old.length === 0) return doc.text.includes(DIRECTIVE_PREFIX) && !oldText.includes(DIRECTIVE_PREFIX) ? undefined : [];
  const text = doc.text;
  const out: Suppression[] = [];
  for (const s of old) {
    const at = shift.span(s.at);
    if (s.kind === 'next-line') {
      if (!sameSpan(s.scope, nextLineScope(oldText, s.at.start))) return undefined;
      out.push({ ...s, at, scope: nextLineScope(text, at.start) });
    } else if (s.kind === 'file') {
      if (s.scope.start !== 0 || s.scope.end !== oldText.length) return undefined;
      out.push({ ...s, at, scope: { start: 0, end: text.length } });
    } else {
      if (touches(s.scope, change)) return undefined;
      out.push({ ...s, at, scope: shift.span(s.scope) });
    }
  }
  return out;
}
