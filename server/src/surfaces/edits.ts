/**
 * Semantic fix to text edits, through the edit builder of the surface a document was read with.
 *
 * Every result is checked before it is handed out: the edits must not overlap, and the edited
 * document must read again with the same surface without a new problem, with the same client
 * definitions and the same number of resources. Anything else (a builder that cannot express the
 * fix, a builder bug) gives `undefined`, and then no fix is offered: an edit never breaks a file.
 */
import type { ClientDefinition, DocumentModel, LocatedValue, SemanticFix } from '../model';
import { variantOf } from '../model/variants';
import { applyEdits, editProblem, sortEdits } from './apply-edits';
import { surfaceById, surfaces } from './index';
import { readEdited } from './edited-reads';
import { reduceForEdits } from './reduce';
import { inOwnBreaks, withLfBreaks } from './line-breaks';
import type { SourceDocument, SpanEdit, Surface } from './types';

/** The surface ids that have an edit builder. */
export const editableSurfaces: readonly string[] = surfaces.filter((s) => s.edits).map((s) => s.id);

/**
 * The text edits that apply `fix` to `def` in `doc` (read by surface `surfaceId` into `model`),
 * sorted by position; `[]` when the document already says what the fix would write; `undefined`
 * when the fix cannot be made safely.
 */
export function editsForFix(surfaceId: string, doc: SourceDocument, model: DocumentModel, def: ClientDefinition, fix: SemanticFix): SpanEdit[] | undefined {
  // Builders work on LF line breaks; a classic-Mac document gets its own lone CRs back (./line-breaks.ts).
  const lf = withLfBreaks(doc.text);
  if (lf === doc.text) return editsOnLf(surfaceId, doc, model, def, fix);
  const edits = editsOnLf(surfaceId, { ...doc, text: lf }, model, def, fix);
  const own = edits && inOwnBreaks(doc.text, edits);
  // Checked on the LF copy; a parser that does not take a lone CR for a line break (tree-sitter's
  // grammars: a `//` comment runs on past it) can read the real text otherwise, so that is read
  // too (fuzz seed 4242 index 45470: two clients became one).
  if (own && own.length > 0 && !stillReads(surfaceId, doc, model, def, own)) return undefined;
  return own;
}

function editsOnLf(surfaceId: string, doc: SourceDocument, model: DocumentModel, def: ClientDefinition, fix: SemanticFix): SpanEdit[] | undefined {
  const builder = surfaceById(surfaceId)?.edits;
  if (!builder || fix.changes.length === 0) return undefined;
  const target = fix.when ? branchTarget(def, fix) : def;
  if (!target) return undefined;
  let edits: SpanEdit[] | undefined;
  try {
    edits = builder(doc, target, fix, model);
  } catch {
    return undefined; // a builder bug costs the fix, never the request
  }
  if (!edits || editProblem(doc.text, edits)) return undefined;
  const effective = sortEdits(edits.filter((e) => e.newText !== doc.text.slice(e.span.start, e.span.end)));
  if (effective.length === 0) return [];
  if (touchesResolvedValues(def, effective)) return undefined;
  return stillReads(surfaceId, doc, model, def, effective) ? effective : undefined;
}

/**
 * Whether an edit touches a value written elsewhere and resolved through a name (its span is the
 * name's use, so editing it would replace the name, not the value).
 */
function touchesResolvedValues(def: ClientDefinition, edits: readonly SpanEdit[]): boolean {
  const spans: { start: number; end: number }[] = [];
  const visit = (value: LocatedValue | undefined): void => {
    if (!value) return;
    if (value.resolvedFrom !== undefined) {
      spans.push(value.span);
      return;
    }
    if (value.kind === 'list') value.items.forEach(visit);
    else if (value.kind === 'object') value.members.forEach((m) => visit(m.value));
  };
  visit(def.body);
  if (spans.length === 0) return false;
  return edits.some((e) => spans.some((s) => e.span.start < s.end && s.start < e.span.end || (e.span.start === e.span.end && s.start < e.span.start && e.span.start < s.end)));
}

/**
 * The definition as it reads in the case a fix was found in (`fix.when`), so that its changes edit
 * that case's branch of a conditional property; undefined when a change would reach a property the
 * case leaves out (`AWS::NoValue`: adding it would write the key twice) or replace, remove or
 * rename a conditional property as a whole (that would edit every branch).
 */
function branchTarget(def: ClientDefinition, fix: SemanticFix): ClientDefinition | undefined {
  const variant = variantOf(def, fix.when ?? {});
  for (const change of fix.changes) {
    if (!('path' in change)) continue;
    for (let i = 0; i <= change.path.length; i++) {
      const resolved = variant.resolved.get(change.path.slice(0, i).join('.'));
      if (!resolved) continue;
      if (!resolved.present) return undefined;
      if (i === change.path.length && change.kind !== 'addItem' && change.kind !== 'removeItem' && change.kind !== 'replaceItem') return undefined;
    }
  }
  return variant.def;
}

/**
 * Whether the edited document reads as the same template: no new problem, the same clients and
 * resources. Checked on the document reduced to the fixed definition when it can be (./reduce.ts),
 * so that checking every fix of a large template does not cost a full parse each.
 */
function stillReads(surfaceId: string, doc: SourceDocument, model: DocumentModel, def: ClientDefinition, edits: SpanEdit[]): boolean {
  const surface = surfaceById(surfaceId);
  if (!surface) return false;
  const small = reduceForEdits(surfaceId, doc, model, def, edits);
  if (small) return readsAsBefore(surface, small.reduced.doc, small.reduced.model, small.reduced.def, small.edits);
  return readsAsBefore(surface, doc, model, def, edits);
}

function readsAsBefore(surface: Surface, doc: SourceDocument, model: DocumentModel, def: ClientDefinition, edits: SpanEdit[]): boolean {
  const after = readEdited(surface, { ...doc, text: applyEdits(doc.text, edits) });
  if (!sameTemplate(model, after)) return false;
  // The fixed client must still be read with a body whenever it had one.
  const fixed = after.clients.find((c) => c.name === def.name);
  return fixed !== undefined && (def.body === undefined || fixed.body?.kind === def.body.kind);
}

/**
 * Whether `after` reads as the same template as `before`: no more problems, none that leaves it
 * unread (a reading given up: out of time, too deep) unless `before` had one too, the same number
 * of resources, the same clients.
 */
export function sameTemplate(before: DocumentModel, after: DocumentModel): boolean {
  const names = (m: DocumentModel) => m.clients.map((c) => c.name).sort().join('\u0000');
  return after.problems.length <= before.problems.length && !newlyUnread(before, after) && after.context.resources.size === before.context.resources.size && names(after) === names(before);
}

/** Whether `after` was left unread (its reading given up) where `before` was read. */
export function newlyUnread(before: DocumentModel, after: DocumentModel): boolean {
  return after.problems.some((p) => p.unread) && !before.problems.some((p) => p.unread);
}
