/**
 * The HCL edit builder: a fix's semantic changes as minimal text edits to a `.tf` file, in
 * Terraform's spelling (`allowed_oauth_flows`, `token_validity_units { access_token = "minutes" }`)
 * and in the file's own layout.
 *
 * The client's block is read again with the HCL reader (./hcl.ts); canonical paths are followed
 * through the schema's Terraform names: an object-typed property is a nested block, anything else
 * an attribute. Kept as written:
 * - indentation (the body's own, else the file's step) and CRLF line breaks;
 * - comments: removing an attribute or block removes its whole lines (with a comment at their
 *   end), never a comment line above it;
 * - `=` alignment as `terraform fmt` writes it: consecutive one-line attributes (a multi-line value
 *   ends its run) align their `=` one space after the longest name. A new attribute joins the run
 *   it is written into; when its name (or a renamed one) is longer, or the longest one goes, the
 *   run is realigned. A run written otherwise is left as it is, and its new attributes get a single
 *   space before `=` (for a run of one, which shows nothing, most runs of the block decide);
 * - lists: one line or one item per line, trailing commas (through the flow-collection edits the
 *   CloudFormation builders use);
 * - one-line blocks (`x { a = 1 }`) stay on one line while they hold one attribute, and open over
 *   several lines when they get more.
 * New attributes go after the body's last attribute, new blocks at its end (after a blank line).
 * `addDependency` adds to `depends_on = [...]` or writes one. Item changes to a list given as a
 * `local.x` of the same file (which the model resolves) are made in the local's list.
 *
 * Refused (undefined): a target under a `dynamic` block, a repeated block, an object written as an
 * attribute, a value that is not a list for item changes, an attribute that shares its line with
 * another member, comments inside a one-line block being rewritten, and CloudFormation intrinsics
 * other than `Ref` / `Fn::GetAtt` (which become references).
 */
import { keptUnlessGivenUp } from '../../budget';
import { propertyAt, type ClientDefinition, type DocumentModel, type ListValue, type SemanticChange, type SemanticFix, type Span } from '../../model';
import { canonicalName, propertySchema, spell } from '../../schema';
import type { JsonValue } from '../../schema/types';
import { flowEdits, type FlowRenderer } from '../edits-flow';
import type { Container, ContainerPlan } from '../cloudformation/edits-plan';
import { eolOf, indentOfLine, jsonIndentUnit, lastLineOf, lineStart, nextLineStart, restOfLineIsTrivia, startsLine } from '../edits-text';
import type { EditBuilder, SourceDocument, SpanEdit } from '../types';
import { readHcl } from './hcl';
import type { TfAttribute, TfBlock, TfBody, TfFile, TfNestedBlock } from './tree';
import { referencedAddress } from '../../model/reference-value';

/** An HCL expression written as it is (a reference such as `aws_cognito_user_pool.main.id`). */
export class HclExpr {
  constructor(readonly text: string) {}
}

/** A value to write: JSON, with expressions. */
export type HclValue = null | boolean | number | string | HclExpr | HclValue[] | { [key: string]: HclValue };

/** Something to add to a body: an attribute, or a block with its members. */
type Draft = { kind: 'attr'; value: HclValue } | { kind: 'block'; members: Map<string, Draft> };

type Member = TfAttribute | TfNestedBlock;

/** Thrown inside the planner when a change cannot be made safely. */
class Refused extends Error {}

const SPELLING = 'terraform' as const;

/** The longest single line a new list is written on before it is laid out one item per line. */
const MAX_INLINE = 100;

// ---------- values ----------

/** Escape a string for an HCL quoted string (interpolation and directive markers too). */
export function hclString(value: string): string {
  const body = value.replace(/[\\"\n\r\t]|\$\{|%\{|[\u0000-\u001f\u007f]/g, (c) => {
    switch (c) {
      case '\\':
        return '\\\\';
      case '"':
        return '\\"';
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      case '${':
        return '$${';
      case '%{':
        return '%%{';
      default:
        return '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0');
    }
  });
  return `"${body}"`;
}

/** A reference written for a CloudFormation-style reference to an address (`{Ref: X}`). */
function referenceText(address: string): string {
  // Variables and locals are values themselves; a resource's id is what `Ref` gives in CloudFormation.
  return /^(var|local)\./.test(address) || address.split('.').length !== 2 ? address : `${address}.id`;
}

/** A JSON value at a canonical path as an HCL value: names spelled, intrinsics as references. */
function toHcl(value: JsonValue, path: readonly string[], spelled = true): HclValue {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => toHcl(v, path, spelled));
  const address = referencedAddress(value);
  if (address !== undefined) return new HclExpr(referenceText(address));
  const keys = Object.keys(value);
  if (keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::') || keys[0] === 'Condition')) {
    const arg = value[keys[0]];
    if (keys[0] === 'Ref' && typeof arg === 'string') return new HclExpr(referenceText(arg));
    if (keys[0] === 'Fn::GetAtt' && Array.isArray(arg) && arg.length === 2 && arg.every((a) => typeof a === 'string')) return new HclExpr(`${arg[0]}.${arg[1]}`);
    throw new Refused(`no HCL for ${keys[0]}`);
  }
  const out: { [key: string]: HclValue } = {};
  for (const [k, v] of Object.entries(value)) out[spelled ? spell([...path, k], SPELLING) : k] = toHcl(v, [...path, k], spelled);
  return out;
}

/** Whether a canonical path is written as a nested block. */
function isBlockPath(path: readonly string[]): boolean {
  const s = propertySchema(path);
  return s !== undefined && (s.terraformBlock === true || s.type === 'object');
}

/** A draft for a value at a canonical path: a block for an object-typed property, else an attribute. */
function draftOf(value: JsonValue, path: readonly string[]): Draft {
  if (isBlockPath(path) && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const members = new Map<string, Draft>();
    for (const [k, v] of Object.entries(value)) members.set(spell([...path, k], SPELLING), draftOf(v, [...path, k]));
    return { kind: 'block', members };
  }
  return { kind: 'attr', value: toHcl(value, path) };
}

/** How the document writes things. */
interface Style {
  eol: string;
  unit: string;
  /** Runs of attributes align their `=` as `terraform fmt` does. */
  aligned: boolean;
}

/** A value as HCL text; continuation lines start at `indent` plus steps. */
function render(value: HclValue, indent: string, style: Style): string {
  if (value instanceof HclExpr) return value.text;
  if (value === null || typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (typeof value === 'string') return hclString(value);
  const inner = indent + style.unit;
  if (Array.isArray(value)) {
    const items = value.map((v) => render(v, inner, style));
    const inline = `[${items.join(', ')}]`;
    if (!inline.includes('\n') && indent.length + inline.length <= MAX_INLINE) return inline;
    return `[${style.eol}${items.map((i) => `${inner}${i},`).join(style.eol)}${style.eol}${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  const inline = `{ ${entries.map(([k, v]) => `${objectKey(k)} = ${render(v, inner, style)}`).join(', ')} }`;
  if (!inline.includes('\n') && indent.length + inline.length <= MAX_INLINE) return inline;
  return `{${style.eol}${attributeLines(entries.map(([k, v]) => [objectKey(k), v]), inner, style).join(style.eol)}${style.eol}${indent}}`;
}

function objectKey(k: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(k) ? k : hclString(k);
}

/** `name = value` lines for new attributes, aligned in runs (a multi-line value ends its run). */
function attributeLines(attrs: [string, HclValue][], indent: string, style: Style, firstRunWidth = 0): string[] {
  const rendered = attrs.map(([name, value]) => ({ name, text: render(value, indent, style) }));
  const lines: string[] = [];
  let run: typeof rendered = [];
  let width = firstRunWidth;
  const flush = () => {
    const w = style.aligned ? Math.max(width, ...run.map((r) => r.name.length)) : 0;
    for (const r of run) lines.push(`${indent}${r.name}${' '.repeat(Math.max(1, w - r.name.length + 1))}= ${r.text}`);
    run = [];
    width = 0;
  };
  for (const r of rendered) {
    run.push(r);
    if (r.text.includes('\n')) flush();
  }
  if (run.length > 0) flush();
  return lines;
}

/** The lines of new members (attributes first, then blocks) at `indent`. */
function draftLines(drafts: [string, Draft][], indent: string, style: Style, firstRunWidth = 0): { attrs: string[]; blocks: string[][] } {
  const attrs = attributeLines(
    drafts.filter((d): d is [string, Extract<Draft, { kind: 'attr' }>] => d[1].kind === 'attr').map(([n, d]) => [n, d.value]),
    indent,
    style,
    firstRunWidth,
  );
  const blocks = drafts
    .filter((d): d is [string, Extract<Draft, { kind: 'block' }>] => d[1].kind === 'block')
    .map(([name, d]) => blockLines(name, d, indent, style));
  return { attrs, blocks };
}

function blockLines(name: string, d: Extract<Draft, { kind: 'block' }>, indent: string, style: Style): string[] {
  if (d.members.size === 0) return [`${indent}${name} {}`];
  const inner = draftLines([...d.members], indent + style.unit, style);
  const body = [...inner.attrs];
  for (const b of inner.blocks) {
    if (body.length > 0) body.push('');
    body.push(...b);
  }
  return [`${indent}${name} {`, ...body, `${indent}}`];
}

// ---------- planning ----------

/** Everything one fix does to one body. */
interface BodyPlan {
  body: TfBody;
  /** The block the body belongs to (its header line gives the indentation). */
  owner: { span: Span };
  removes: Set<Member>;
  replaces: Map<TfAttribute, HclValue>;
  renames: Map<Member, string>;
  adds: Map<string, Draft>;
}

type Target =
  | { kind: 'attr'; attr: TfAttribute; plan: BodyPlan; path: string[] }
  | { kind: 'block'; block: TfNestedBlock; plan: BodyPlan; path: string[] }
  | { kind: 'missing'; plan: BodyPlan; path: string[]; depth: number };

class Planner {
  private readonly plans = new Map<TfBody, BodyPlan>();
  private readonly lists = new Map<TfAttribute, ContainerPlan>();

  constructor(
    private readonly block: TfBlock,
    private readonly def: ClientDefinition,
  ) {}

  planOf(body: TfBody, owner: { span: Span }): BodyPlan {
    let plan = this.plans.get(body);
    if (!plan) {
      plan = { body, owner, removes: new Set(), replaces: new Map(), renames: new Map(), adds: new Map() };
      this.plans.set(body, plan);
    }
    return plan;
  }

  bodyPlans(): BodyPlan[] {
    return [...this.plans.values()];
  }

  listPlans(): [TfAttribute, ContainerPlan][] {
    return [...this.lists];
  }

  /** Follow a canonical path through attributes and nested blocks. */
  resolve(path: readonly string[]): Target {
    let body = this.block.body;
    let owner: { span: Span } = this.block;
    for (let depth = 0; depth < path.length; depth++) {
      const name = spell(path.slice(0, depth + 1), SPELLING);
      const plan = this.planOf(body, owner);
      if (body.blocks.some((b) => b.type === 'dynamic' && b.labels[0] === name)) throw new Refused('under a dynamic block');
      const attr = body.attributes.find((a) => a.name === name);
      const blocks = body.blocks.filter((b) => b.type === name);
      if (attr && blocks.length > 0) throw new Refused('both an attribute and a block');
      if (blocks.length > 1) throw new Refused('a repeated block');
      const last = depth === path.length - 1;
      if (attr) {
        if (last) return { kind: 'attr', attr, plan, path: [...path] };
        throw new Refused('an object written as an attribute');
      }
      if (blocks.length === 1) {
        if (last) return { kind: 'block', block: blocks[0], plan, path: [...path] };
        if (blocks[0].labels.length > 0) throw new Refused('a labelled block');
        body = blocks[0].body;
        owner = blocks[0];
        continue;
      }
      return { kind: 'missing', plan, path: [...path], depth };
    }
    throw new Refused('an empty path');
  }

  /** Put a draft at the missing part of a path (merging with what earlier changes put there). */
  private create(target: Extract<Target, { kind: 'missing' }>, make: (old: Draft | undefined) => Draft): void {
    let adds = target.plan.adds;
    for (let depth = target.depth; depth < target.path.length; depth++) {
      const name = spell(target.path.slice(0, depth + 1), SPELLING);
      if (depth === target.path.length - 1) {
        adds.set(name, make(adds.get(name)));
        return;
      }
      let next = adds.get(name);
      if (!next) {
        if (!isBlockPath(target.path.slice(0, depth + 1))) throw new Refused('a missing parent that is not a block');
        next = { kind: 'block', members: new Map() };
        adds.set(name, next);
      }
      if (next.kind !== 'block') throw new Refused('a value where a block is needed');
      adds = next.members;
    }
  }

  /**
   * The list of an attribute for item changes. A `local.x` of this document that the model
   * resolved to a literal list is changed where the local is written.
   */
  private listOf(attr: TfAttribute, path?: readonly string[]): ContainerPlan {
    let value = attr.value;
    if (value.kind === 'unknown' && value.ref?.target.startsWith('local.') && path) {
      const resolved = propertyAt(this.def, path)?.value;
      if (resolved?.kind === 'list' && resolved.resolvedFrom === undefined) value = resolved;
    }
    if (value.kind !== 'list') throw new Refused('not a list');
    let plan = this.lists.get(attr);
    if (!plan) {
      plan = { container: listContainer(value, attr), removes: new Set(), replaces: new Map(), members: new Map(), items: [] };
      this.lists.set(attr, plan);
    }
    return plan;
  }

  add(change: SemanticChange): void {
    switch (change.kind) {
      case 'set':
      case 'insert':
        return this.set(change.path, change.value);
      case 'remove': {
        const target = this.resolve(change.path);
        if (target.kind === 'attr') target.plan.removes.add(target.attr);
        else if (target.kind === 'block') target.plan.removes.add(target.block);
        return; // removing what is not there is nothing to do
      }
      case 'rename': {
        const target = this.resolve(change.path);
        if (target.kind === 'missing') throw new Refused('nothing to rename');
        const name = spell([...change.path.slice(0, -1), change.to], SPELLING);
        target.plan.renames.set(target.kind === 'attr' ? target.attr : target.block, name);
        return;
      }
      case 'renameKey':
        return this.renameKey(change.keySpan, change.to);
      case 'addItem': {
        const target = this.resolve(change.path);
        const item = toHcl(change.value, change.path);
        if (target.kind === 'missing') {
          this.create(target, (old) => {
            if (old === undefined) return { kind: 'attr', value: [item] };
            if (old.kind === 'attr' && Array.isArray(old.value)) return { kind: 'attr', value: [...old.value, item] };
            throw new Refused('an item for something that is not a list');
          });
          return;
        }
        if (target.kind !== 'attr') throw new Refused('an item for a block');
        if (target.attr.value.kind === 'null') {
          const old = target.plan.replaces.get(target.attr);
          target.plan.replaces.set(target.attr, Array.isArray(old) ? [...old, item] : [item]);
          return;
        }
        this.listOf(target.attr, change.path).items.push(item as unknown as JsonValue);
        return;
      }
      case 'removeItem':
      case 'replaceItem': {
        const target = this.resolve(change.path);
        if (target.kind !== 'attr') throw new Refused('no list');
        const plan = this.listOf(target.attr, change.path);
        if (!Number.isInteger(change.index) || change.index < 0 || change.index >= plan.container.entries.length) throw new Refused('no such item');
        if (change.kind === 'removeItem') plan.removes.add(change.index);
        else plan.replaces.set(change.index, toHcl(change.value, change.path) as unknown as JsonValue);
        return;
      }
      case 'addDependency':
        return this.addDependency(change.target);
    }
  }

  private set(path: readonly string[], value: JsonValue): void {
    const target = this.resolve(path);
    if (target.kind === 'missing') {
      const draft = draftOf(value, path);
      this.create(target, (old) => (old && old.kind === 'block' && draft.kind === 'block' ? { kind: 'block', members: new Map([...old.members, ...draft.members]) } : draft));
      return;
    }
    if (target.kind === 'block') {
      // An object set on a written block: each of its members is set in the block.
      if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Refused('a value for a block');
      for (const [k, v] of Object.entries(value)) this.set([...path, k], v);
      return;
    }
    if (isBlockPath(path)) throw new Refused('an object written as an attribute');
    if (this.lists.has(target.attr)) throw new Refused('a list changed twice');
    target.plan.replaces.set(target.attr, toHcl(value, path));
  }

  private addDependency(address: string): void {
    if (this.def.dependsOn.includes(address)) return;
    const body = this.block.body;
    const plan = this.planOf(body, this.block);
    const attr = body.attributes.find((a) => a.name === 'depends_on');
    const item = new HclExpr(address);
    if (!attr) {
      const old = plan.adds.get('depends_on');
      plan.adds.set('depends_on', { kind: 'attr', value: old?.kind === 'attr' && Array.isArray(old.value) ? [...old.value, item] : [item] });
      return;
    }
    if (attr.value.kind === 'list' && attr.value.items.some((i) => i.kind === 'unknown' && i.ref?.target === address && !i.ref.attribute)) return;
    this.listOf(attr).items.push(item as unknown as JsonValue);
  }

  /** Rename the attribute or block whose name is written at `keySpan`. */
  private renameKey(keySpan: Span, to: string): void {
    const search = (body: TfBody, owner: { span: Span }, parent: string[] | undefined): boolean => {
      for (const a of body.attributes) {
        if (a.nameSpan.start === keySpan.start && a.nameSpan.end === keySpan.end) {
          if (!parent) throw new Refused('under an unknown block');
          this.planOf(body, owner).renames.set(a, spell([...parent, to], SPELLING));
          return true;
        }
      }
      for (const b of body.blocks) {
        const canonical = parent && b.labels.length === 0 ? canonicalName(b.type, SPELLING, parent) : undefined;
        if (b.typeSpan.start === keySpan.start && b.typeSpan.end === keySpan.end) {
          if (!parent) throw new Refused('under an unknown block');
          this.planOf(body, owner).renames.set(b, spell([...parent, to], SPELLING));
          return true;
        }
        if (b.span.start <= keySpan.start && keySpan.end <= b.span.end) return search(b.body, b, canonical ? [...parent!, canonical] : undefined);
      }
      return false;
    };
    if (!search(this.block.body, this.block, [])) throw new Refused('no such key');
  }
}

function listContainer(list: ListValue, attr: TfAttribute): Container {
  return {
    kind: 'seq',
    flow: true,
    span: list.span,
    entries: list.items.map((item) => ({ span: item.span, value: { span: item.span, kind: item.kind === 'string' ? 'string' : item.kind === 'unknown' ? 'other' : 'scalar' } })),
    ownerKey: attr.nameSpan,
  };
}

// ---------- writing ----------

/** Line arithmetic over one text. */
class Lines {
  private readonly starts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.starts.push(i + 1);
  }
  /** The 0-based line of an offset. */
  of(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
  /** The first and last line of a span. */
  range(span: Span): [number, number] {
    return [this.of(span.start), this.of(lastLineOf(span))];
  }
}

/** The offset of the `=` after an attribute's name. */
function equalsOf(text: string, attr: TfAttribute): number | undefined {
  let i = attr.nameSpan.end;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return text[i] === '=' ? i : undefined;
}

/** Runs of attributes as written: consecutive lines, each attribute on one line but the run's last. */
function writtenRuns(lines: Lines, body: TfBody): TfAttribute[][] {
  const runs: TfAttribute[][] = [];
  let run: TfAttribute[] = [];
  let previousEnd = -2;
  let previousSingle = false;
  for (const a of [...body.attributes].sort((x, y) => x.span.start - y.span.start)) {
    const [first, last] = lines.range(a.span);
    if (!(previousSingle && first === previousEnd + 1) && run.length > 0) {
      runs.push(run);
      run = [];
    }
    run.push(a);
    previousEnd = last;
    previousSingle = first === last;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** Whether a run is aligned as `terraform fmt` aligns it. */
function runAligned(text: string, run: TfAttribute[]): boolean {
  const width = Math.max(...run.map((a) => a.name.length));
  return run.every((a) => {
    const eq = equalsOf(text, a);
    return eq !== undefined && eq - a.nameSpan.start === width + 1 && !/\t/.test(text.slice(a.nameSpan.end, eq));
  });
}

/** How many runs of two or more attributes in a block (and its nested blocks) are aligned as `terraform fmt` aligns them, and how many are not. */
function alignmentCounts(text: string, lines: Lines, body: TfBody, depth = 0): { aligned: number; not: number } {
  const counts = { aligned: 0, not: 0 };
  if (depth > 32) return counts;
  for (const run of writtenRuns(lines, body)) if (run.length > 1) counts[runAligned(text, run) ? 'aligned' : 'not']++;
  for (const b of body.blocks) {
    const inner = alignmentCounts(text, lines, b.body, depth + 1);
    counts.aligned += inner.aligned;
    counts.not += inner.not;
  }
  return counts;
}

/** Whether a block is written the `terraform fmt` way: most of its runs aligned (or no run of two or more). */
function blockAligned(text: string, lines: Lines, body: TfBody): boolean {
  const { aligned, not } = alignmentCounts(text, lines, body);
  return aligned >= not;
}

function memberSpan(m: Member): Span {
  return m.span;
}

function isAttribute(m: Member): m is TfAttribute {
  return 'nameSpan' in m;
}

/** The whole lines a member takes, when it is alone on them (a comment may end its last line). */
function ownLines(text: string, m: Member): Span | undefined {
  const span = memberSpan(m);
  if (!startsLine(text, span.start) || !restOfLineIsTrivia(text, span.end, 'hcl')) return undefined;
  if (text[span.end] === ',') return undefined;
  return { start: lineStart(text, span.start), end: nextLineStart(text, lastLineOf(span)) };
}

/** One slot in a body's final sequence of attributes (for alignment). */
interface Slot {
  name: string;
  /** The written attribute, absent for a new one. */
  attr?: TfAttribute;
  multiLine: boolean;
}

function bodyEdits(text: string, lines: Lines, plan: BodyPlan, style: Style): SpanEdit[] {
  const { body } = plan;
  const edits: SpanEdit[] = [];
  const open = body.span.start - 1;
  const close = body.span.end;
  if (text[open] !== '{' || text[close] !== '}') throw new Refused('a body without its braces');
  const headerIndent = indentOfLine(text, plan.owner.span.start);
  const members: Member[] = [...body.attributes, ...body.blocks].sort((a, b) => memberSpan(a).start - memberSpan(b).start);
  const oneLine = !text.slice(open, close).includes('\n');

  for (const [m, name] of plan.renames) edits.push({ span: isAttribute(m) ? m.nameSpan : m.typeSpan, newText: name });
  const valueText = (a: TfAttribute, indent: string): string => {
    const v = plan.replaces.get(a);
    return v === undefined ? text.slice(a.value.span.start, a.value.span.end) : render(v, indent, style);
  };
  const finalName = (m: Member): string => plan.renames.get(m) ?? (isAttribute(m) ? m.name : m.type);

  if (oneLine && (plan.adds.size > 0 || plan.removes.size > 0)) {
    // A one-line body: written again from its members.
    if (/#|\/\/|\/\*/.test(text.slice(open + 1, close).replace(/"(?:[^"\\]|\\.)*"/g, '""'))) throw new Refused('comments in a one-line block');
    const kept = members.filter((m) => !plan.removes.has(m));
    if (kept.some((m) => !isAttribute(m))) throw new Refused('a block in a one-line block');
    const keptAttrs = kept as TfAttribute[];
    const drafts = [...plan.adds];
    const newAttrs = drafts.filter(([, d]) => d.kind === 'attr');
    const newBlocks = drafts.filter(([, d]) => d.kind === 'block');
    const total = keptAttrs.length + newAttrs.length;
    const renamesInside = edits.filter((e) => e.span.start > open && e.span.end <= close);
    const outside = edits.filter((e) => !renamesInside.includes(e));
    if (total === 0 && newBlocks.length === 0) return [...outside, { span: { start: open + 1, end: close }, newText: '' }];
    if (total === 1 && newBlocks.length === 0 && body.attributes.length > 0) {
      const only = keptAttrs[0];
      const line = only ? `${finalName(only)} = ${valueText(only, headerIndent)}` : attributeLines(newAttrs.map(([n, d]) => [n, (d as { value: HclValue }).value]), '', style)[0];
      if (!line.includes('\n')) return [...outside, { span: { start: open + 1, end: close }, newText: ` ${line} ` }];
    }
    const indent = headerIndent + style.unit;
    const all: [string, HclValue | HclExpr][] = keptAttrs.map((a) => [finalName(a), new HclExpr(valueText(a, indent))]);
    for (const [n, d] of newAttrs) all.push([n, (d as { value: HclValue }).value]);
    const out = attributeLines(all, indent, style);
    for (const [n, d] of newBlocks) {
      if (out.length > 0) out.push('');
      out.push(...blockLines(n, d as Extract<Draft, { kind: 'block' }>, indent, style));
    }
    return [...outside, { span: { start: open + 1, end: close }, newText: style.eol + out.join(style.eol) + style.eol + headerIndent }];
  }

  // Removals: whole lines.
  for (const m of plan.removes) {
    if (isAttribute(m) && plan.replaces.has(m)) throw new Refused('removed and replaced');
    const span = ownLines(text, m);
    if (!span) throw new Refused('a member sharing its line');
    edits.push({ span, newText: '' });
  }
  // New values.
  for (const [a, v] of plan.replaces) {
    const indent = indentOfLine(text, a.span.start);
    let newText = render(v, indent, style);
    if (a.value.span.start === a.value.span.end && text[a.value.span.start - 1] === '=') newText = ' ' + newText;
    edits.push({ span: a.value.span, newText });
  }

  // Where new attributes go: after the last attribute that stays, else at the top of the body.
  const attrs = [...body.attributes].sort((x, y) => x.span.start - y.span.start);
  const keptAttrs = attrs.filter((a) => !plan.removes.has(a));
  const anchor = keptAttrs[keptAttrs.length - 1];
  const firstMember = members[0];
  const memberIndent = firstMember && startsLine(text, memberSpan(firstMember).start) ? indentOfLine(text, memberSpan(firstMember).start) : headerIndent + style.unit;
  const newAttrs = [...plan.adds].filter(([, d]) => d.kind === 'attr').map(([n, d]) => [n, (d as { value: HclValue }).value] as [string, HclValue]);
  const newBlocks = [...plan.adds].filter(([, d]) => d.kind === 'block') as [string, Extract<Draft, { kind: 'block' }>][];
  if (firstMember && !startsLine(text, memberSpan(firstMember).start)) {
    if (newAttrs.length > 0 || newBlocks.length > 0) throw new Refused('a member on the line of the brace');
  }
  const attrAt = anchor ? nextLineStart(text, lastLineOf(anchor.span)) : nextLineStart(text, open);
  if (newAttrs.length > 0 && anchor && !restOfLineIsTrivia(text, anchor.span.end, 'hcl')) throw new Refused('an attribute sharing its line');

  // Alignment: the final runs of attributes.
  const removedLines = new Set<number>();
  for (const m of plan.removes) {
    const [a, b] = lines.range(memberSpan(m));
    for (let l = a; l <= b; l++) removedLines.add(l);
  }
  const gapRemoved = (from: number, to: number): boolean => {
    for (let l = from + 1; l < to; l++) if (!removedLines.has(l)) return false;
    return true;
  };
  // The final sequence: the attributes that stay, with the new ones right after the anchor (or
  // at the top when none stays). Two follow each other in a run when the first is on one line and
  // nothing but removed lines stands between them.
  const newSlots: Slot[] = newAttrs.map(([name, value]) => ({ name, multiLine: render(value, memberIndent, style).includes('\n') }));
  const runs: Slot[][] = [];
  let previous: { slot: Slot; last?: number } | undefined;
  const push = (slot: Slot, adjacent: boolean, last?: number) => {
    if (adjacent && previous && !previous.slot.multiLine) runs[runs.length - 1].push(slot);
    else runs.push([slot]);
    previous = { slot, last };
  };
  if (!anchor) for (const slot of newSlots) push(slot, true);
  for (const a of keptAttrs) {
    const [first, last] = lines.range(a.span);
    const replaced = plan.replaces.get(a);
    const multiLine = replaced !== undefined ? render(replaced, memberIndent, style).includes('\n') : first !== last;
    push({ name: finalName(a), attr: a, multiLine }, previous?.last !== undefined && gapRemoved(previous.last, first), last);
    if (a === anchor) for (const slot of newSlots) push(slot, true);
  }
  // Each final run is aligned when the written runs it takes members from were (a run of one
  // tells nothing: then the block's majority decides).
  const written = writtenRuns(lines, body).filter((r) => r.length > 1);
  const widths = new Map<Slot, number>();
  for (const run of runs) {
    const from = written.filter((w) => run.some((s) => s.attr && w.includes(s.attr)));
    const aligned = from.length > 0 ? from.every((w) => runAligned(text, w)) : style.aligned;
    const width = aligned ? Math.max(...run.map((s) => s.name.length)) : 0;
    for (const s of run) widths.set(s, width);
    if (!aligned) continue;
    for (const s of run) {
      if (!s.attr) continue;
      const eq = equalsOf(text, s.attr);
      if (eq === undefined) continue;
      const gap = ' '.repeat(width - s.name.length + 1);
      if (text.slice(s.attr.nameSpan.end, eq) !== gap) edits.push({ span: { start: s.attr.nameSpan.end, end: eq }, newText: gap });
    }
  }

  if (newAttrs.length > 0) {
    const rendered = newAttrs.map(([name, value], i) => {
      const slot = newSlots[i];
      const width = widths.get(slot) ?? name.length;
      const text = render(value, memberIndent, style);
      return `${memberIndent}${name}${' '.repeat(Math.max(1, width - name.length + 1))}= ${text}`;
    });
    edits.push({ span: { start: attrAt, end: attrAt }, newText: rendered.join(style.eol) + style.eol });
  }
  if (newBlocks.length > 0) {
    const out: string[] = [];
    const hasContent = members.some((m) => !plan.removes.has(m)) || newAttrs.length > 0;
    const closeLine = lineStart(text, close);
    const lineAbove = closeLine > 0 ? text.slice(lineStart(text, closeLine - 1), closeLine) : '';
    const blankAbove = startsLine(text, close) && /^[ \t]*\r?\n$/.test(lineAbove);
    newBlocks.forEach(([name, d], i) => {
      if ((hasContent && !blankAbove) || i > 0) out.push('');
      out.push(...blockLines(name, d, memberIndent, style));
    });
    if (startsLine(text, close)) {
      const at = lineStart(text, close);
      edits.push({ span: { start: at, end: at }, newText: out.join(style.eol) + style.eol });
    } else {
      edits.push({ span: { start: close, end: close }, newText: style.eol + out.join(style.eol) + style.eol + headerIndent });
    }
  }
  return edits;
}

function listRenderer(style: Style, indentOf: (c: Container) => string): FlowRenderer {
  return {
    syntax: 'hcl',
    eol: style.eol,
    unit: style.unit,
    comma: ', ',
    entry: (e, c) => render(e.value as unknown as HclValue, indentOf(c), style),
    value: (c, _index, value) => render(value as unknown as HclValue, indentOf(c), style),
    expandEmpty: () => false,
  };
}

/** The last texts read for edits, with what was read (the builder is asked once per fix of one file: read it once, not per fix). */
const lastRead: { text: string; file: TfFile | undefined }[] = [];

let lastLines: Lines | undefined;

/** The line index of a text, kept for the last one (every fix of a file asks for it: a pass over the whole text each time). */
function linesOf(text: string): Lines {
  if (lastLines?.text !== text) lastLines = new Lines(text);
  return lastLines;
}

function readHclOnce(text: string): TfFile | undefined {
  const known = lastRead.find((r) => r.text === text);
  if (known) return known.file;
  // Not kept while the grammar is still loading, nor when the reading was given up for time: a
  // later call must read it for real.
  return keptUnlessGivenUp(
    () => readHcl(text),
    (file) => {
      if (!file) return;
      lastRead.unshift({ text, file });
      if (lastRead.length > 2) lastRead.pop();
    },
  );
}

/** The resource block a client definition was read from. */
function blockOf(blocks: TfBlock[], def: ClientDefinition): TfBlock | undefined {
  return blocks.find((b) => b.kind === 'resource' && b.span.start <= def.nameSpan.start && def.nameSpan.end <= b.span.end);
}

/** The edits that apply a fix to a client in a `.tf` file, or undefined when it cannot be done safely. */
export function hclFixEdits(doc: SourceDocument, def: ClientDefinition, fix: SemanticFix, _model?: DocumentModel): SpanEdit[] | undefined {
  const text = doc.text;
  const file = readHclOnce(text);
  if (!file) return undefined;
  const block = blockOf(file.blocks, def);
  if (!block) return undefined;
  const lines = linesOf(text);
  try {
    const planner = new Planner(block, def);
    for (const change of fix.changes) planner.add(change);
    const style: Style = { eol: eolOf(text), unit: jsonIndentUnit(text), aligned: blockAligned(text, lines, block.body) };
    const edits: SpanEdit[] = [];
    for (const plan of planner.bodyPlans()) {
      if (plan.removes.size === 0 && plan.replaces.size === 0 && plan.renames.size === 0 && plan.adds.size === 0) continue;
      edits.push(...bodyEdits(text, lines, plan, style));
    }
    for (const [attr, plan] of planner.listPlans()) {
      for (const p of planner.bodyPlans()) if (p.removes.has(attr) || p.replaces.has(attr)) throw new Refused('a list changed twice');
      const made = flowEdits(text, plan, listRenderer(style, () => indentOfLine(text, attr.span.start)));
      if (!made) return undefined;
      edits.push(...made);
    }
    return edits;
  } catch (error) {
    if (error instanceof Refused) return undefined;
    throw error;
  }
}

/** The HCL edit builder of the `.tf` surface. */
export const hclEdits: EditBuilder = hclFixEdits;
