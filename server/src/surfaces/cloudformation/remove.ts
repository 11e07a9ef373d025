/**
 * Taking resource entries out of a template's text, for checking a fix on a smaller document
 * (../reduce.ts). Not a user-facing edit: the result only has to read as the same template minus
 * those entries, not to look nice.
 *
 * YAML: a block entry (its key first on its line, nothing but a comment after its value) loses its
 * lines. JSON: a member loses its text and one neighbouring comma. Anything else (a flow-style
 * entry, a comment where a comma should be) keeps its key and has its value emptied to `{}` (read
 * as a resource with no `Type`, so no client).
 */
import type { ClientDefinition } from '../../model';
import type { SpanEdit } from '../types';
import { colonAfter, lineStart, nextLineStart, skipTrivia } from '../edits-text';

/** An entry emptied in place: everything after the `:` that follows its key becomes `{}`. */
function emptied(text: string, def: ClientDefinition): SpanEdit | undefined {
  const colon = colonAfter(text, def.nameSpan.end);
  if (colon === undefined || def.span.end <= colon) return undefined;
  return { span: { start: colon, end: def.span.end }, newText: ' {}' };
}

function yamlRemoval(text: string, def: ClientDefinition): SpanEdit | undefined {
  const start = lineStart(text, def.nameSpan.start);
  if (!/^ *$/.test(text.slice(start, def.nameSpan.start))) return undefined;
  const eol = skipTrivia(text, def.span.end, 'yaml', true);
  if (eol < text.length && text[eol] !== '\r' && text[eol] !== '\n') return undefined;
  return { span: { start, end: nextLineStart(text, eol) }, newText: '' };
}

/** The offset just after the last character before `offset` that is not whitespace. */
function skipBack(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && /\s/.test(text[i - 1])) i--;
  return i;
}

/** A JSON member with the comma after it (up to the next member), or, for a last member, the comma before it. */
function jsonRemoval(text: string, def: ClientDefinition): SpanEdit | undefined {
  const after = skipTrivia(text, def.span.end, 'json');
  if (text[after] === ',') return { span: { start: def.nameSpan.start, end: skipTrivia(text, after + 1, 'json') }, newText: '' };
  const before = skipBack(text, def.nameSpan.start) - 1;
  if (text[after] === '}' && text[before] === ',') return { span: { start: before, end: def.span.end }, newText: '' };
  return undefined;
}

/** How one entry leaves the text: removed, or emptied in place (`stub`); neither is undefined. */
interface WayOut {
  removal?: SpanEdit;
  stub?: SpanEdit;
}

/**
 * Each entry's way out, remembered per definition and text: a template with n clients is reduced
 * n times (once per client, ../reduce.ts), each time without the n - 1 others, and working each
 * entry's removal out again every time made that quadratic in the text scanned.
 */
const ways = new WeakMap<ClientDefinition, { text: string; syntax: Syntax; way: WayOut | undefined }>();

function wayOut(text: string, def: ClientDefinition, syntax: Syntax): WayOut | undefined {
  const known = ways.get(def);
  if (known && known.syntax === syntax && known.text === text) return known.way;
  let way: WayOut | undefined;
  if (syntax === 'hcl') {
    const removal = hclRemoval(text, def);
    way = removal && { removal };
  } else {
    const removal = syntax === 'json' ? jsonRemoval(text, def) : yamlRemoval(text, def);
    const stub = removal ? undefined : emptied(text, def);
    way = removal ? { removal } : stub ? { stub } : undefined;
  }
  ways.set(def, { text, syntax, way });
  return way;
}

/** A Terraform block that starts its line and ends with its line (a comment may follow) loses its lines. */
function hclRemoval(text: string, def: ClientDefinition): SpanEdit | undefined {
  const start = lineStart(text, def.span.start);
  if (!/^[ \t]*$/.test(text.slice(start, def.span.start))) return undefined;
  const eol = skipTrivia(text, def.span.end, 'hcl', true);
  if (eol < text.length && text[eol] !== '\r' && text[eol] !== '\n') return undefined;
  return { span: { start, end: nextLineStart(text, eol) }, newText: '' };
}

/**
 * Edits that take the given resource entries out of a template (`json`: the text is JSON), sorted
 * and not overlapping; undefined when an entry can be neither removed nor emptied.
 */
export function withoutEntries(text: string, defs: readonly ClientDefinition[], json: boolean): SpanEdit[] | undefined {
  return without(text, defs, json ? 'json' : 'yaml');
}

/** What a text is written in, for taking entries out of it: YAML, JSON, or HCL (Terraform blocks). */
type Syntax = 'yaml' | 'json' | 'hcl';

function without(text: string, defs: readonly ClientDefinition[], syntax: Syntax): SpanEdit[] | undefined {
  const json = syntax === 'json';
  const removals: SpanEdit[] = [];
  const emptiedOnes: SpanEdit[] = [];
  for (const def of defs) {
    const way = wayOut(text, def, syntax);
    if (!way) return undefined;
    if (way.removal) removals.push({ span: way.removal.span, newText: '' });
    else emptiedOnes.push({ span: way.stub!.span, newText: way.stub!.newText });
  }
  // Neighbouring removals run together (a JSON member and the last one after it share a comma).
  removals.sort((a, b) => a.span.start - b.span.start);
  const merged: SpanEdit[] = [];
  for (const r of removals) {
    const last = merged[merged.length - 1];
    if (last && r.span.start <= last.span.end) last.span = { start: last.span.start, end: Math.max(last.span.end, r.span.end) };
    else merged.push({ span: { ...r.span }, newText: '' });
  }
  return finish(text, merged, emptiedOnes, json);
}

/** The merged removals and the emptied entries as one sorted list of edits; undefined when two overlap. */
function finish(text: string, merged: SpanEdit[], emptiedOnes: SpanEdit[], json: boolean): SpanEdit[] | undefined {
  if (json) {
    // A run that now ends its object must take the comma of the member before it too.
    for (const r of merged) {
      const before = skipBack(text, r.span.start) - 1;
      if (text[skipTrivia(text, r.span.end, 'json')] === '}' && text[before] === ',') r.span = { start: before, end: r.span.end };
    }
  }
  const all = [...merged, ...emptiedOnes].sort((a, b) => a.span.start - b.span.start);
  for (let i = 1; i < all.length; i++) if (all[i].span.start < all[i - 1].span.end) return undefined;
  return all;
}

/** A removal with the definition it takes out. */
interface OwnedRemoval {
  start: number;
  end: number;
  def: ClientDefinition;
}

/** Consecutive removals that run together (indices into `Plan.removals`). */
interface Run {
  start: number;
  end: number;
  first: number;
  last: number;
  /** Whether the members' ends never go down: then any member taken out leaves a run before it and a run after it. */
  chain: boolean;
}

/** Every entry's way out of one text, worked out once for all the reductions of a document. */
interface Plan {
  text: string;
  syntax: Syntax;
  /** Entries that can be neither removed nor emptied. */
  failing: ClientDefinition[];
  removals: OwnedRemoval[];
  runs: Run[];
  runOf: Map<ClientDefinition, { run: number; index: number }>;
  emptied: { edit: SpanEdit; def: ClientDefinition }[];
}

const plans = new WeakMap<readonly ClientDefinition[], Plan>();

function planOf(text: string, all: readonly ClientDefinition[], syntax: Syntax): Plan {
  const known = plans.get(all);
  if (known && known.syntax === syntax && known.text === text) return known;
  const failing: ClientDefinition[] = [];
  const removals: OwnedRemoval[] = [];
  const emptied: Plan['emptied'] = [];
  for (const def of all) {
    const way = wayOut(text, def, syntax);
    if (!way) failing.push(def);
    else if (way.removal) removals.push({ start: way.removal.span.start, end: way.removal.span.end, def });
    else emptied.push({ edit: way.stub!, def });
  }
  removals.sort((a, b) => a.start - b.start);
  const runs: Run[] = [];
  const runOf = new Map<ClientDefinition, { run: number; index: number }>();
  for (const [index, r] of removals.entries()) {
    const last = runs[runs.length - 1];
    if (last && r.start <= last.end) {
      last.chain &&= r.end >= removals[index - 1].end;
      last.end = Math.max(last.end, r.end);
      last.last = index;
    } else runs.push({ start: r.start, end: r.end, first: index, last: index, chain: true });
    runOf.set(r.def, { run: runs.length - 1, index });
  }
  const plan = { text, syntax, failing, removals, runs, runOf, emptied };
  plans.set(all, plan);
  return plan;
}

/**
 * `withoutEntries(text, all without keep, json)`, the same edits, for each `keep` of one list of
 * definitions in turn (one reduction per client of a template): the ways out and the runs are
 * worked out once per list, so each answer costs the number of runs, not the size of the text.
 */
export function withoutEntriesBut(text: string, all: readonly ClientDefinition[], keep: ClientDefinition, json: boolean): SpanEdit[] | undefined {
  return withoutBut(text, all, keep, json ? 'json' : 'yaml');
}

/**
 * Edits that take every client block of a Terraform (HCL) file out but `keep`'s; undefined when
 * one of them cannot be taken out by lines (it shares a line with something else).
 */
export function withoutBlocksBut(text: string, all: readonly ClientDefinition[], keep: ClientDefinition): SpanEdit[] | undefined {
  return withoutBut(text, all, keep, 'hcl');
}

/** Edits that take Terraform client blocks out (see `withoutBlocksBut`). */
export function withoutBlocks(text: string, defs: readonly ClientDefinition[]): SpanEdit[] | undefined {
  return without(text, defs, 'hcl');
}

function withoutBut(text: string, all: readonly ClientDefinition[], keep: ClientDefinition, syntax: Syntax): SpanEdit[] | undefined {
  const json = syntax === 'json';
  const plan = planOf(text, all, syntax);
  if (plan.failing.some((d) => d !== keep)) return undefined;
  const emptiedOnes = plan.emptied.filter((e) => e.def !== keep).map((e) => ({ span: e.edit.span, newText: e.edit.newText }));
  const own = plan.runOf.get(keep);
  const merged: SpanEdit[] = [];
  for (const [i, run] of plan.runs.entries()) {
    if (i !== own?.run) {
      merged.push({ span: { start: run.start, end: run.end }, newText: '' });
      continue;
    }
    if (!run.chain) return without(text, all.filter((d) => d !== keep), syntax);
    const pieces: SpanEdit[] = [];
    if (own.index > run.first) pieces.push({ span: { start: run.start, end: plan.removals[own.index - 1].end }, newText: '' });
    if (own.index < run.last) {
      const after = { start: plan.removals[own.index + 1].start, end: run.end };
      const before = pieces[0];
      if (before && after.start <= before.span.end) before.span = { start: before.span.start, end: Math.max(before.span.end, after.end) };
      else pieces.push({ span: after, newText: '' });
    }
    merged.push(...pieces);
  }
  return finish(text, merged, emptiedOnes, json);
}
