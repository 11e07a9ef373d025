/**
 * The syntax-neutral half of the CloudFormation edit builders: a fix's semantic changes resolved
 * against the located model (and the resource entry read again from the template) into a plan of
 * operations per written collection: which entries to remove, which values to replace, what to
 * add. Changes that touch one collection are gathered into one plan, so the YAML and JSON
 * executors can turn each collection's operations into edits that never overlap, with indexes
 * referring to the collection as originally written.
 *
 * A change that cannot be made safely (the target sits inside an intrinsic, a value of an
 * unexpected kind, an index past the end) makes the whole plan undefined.
 */
import { lastIndexWhere, type ClientDefinition, type LocatedProperty, type LocatedValue, type ObjectValue, type Span, type Spelling } from '../../model';
import { referencedAddress } from '../../model/reference-value';
import type { SemanticChange, SemanticFix } from '../../model';
import { spell } from '../../schema';
import type { JsonValue } from '../../schema/types';
import type { Container, ContainerPlan, Entry, EntryValue } from '../edits-flow';
import { isIntrinsicKey } from './intrinsics';
import type { MapNode, PairNode, TemplateNode } from './nodes';

export type { Container, ContainerPlan, Entry, EntryValue, NewEntry } from '../edits-flow';

/** A key to rewrite (a rename). */
export interface KeyEdit {
  keySpan: Span;
  name: string;
}

/** All the operations of one fix. */
export interface Plan {
  containers: ContainerPlan[];
  keys: KeyEdit[];
}

/** Whether a JSON value is a CloudFormation intrinsic call (`{"Ref": "X"}`, `{"Fn::GetAtt": [...]}`). */
export function isIntrinsicValue(value: JsonValue): value is { [key: string]: JsonValue } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && isIntrinsicKey(keys[0]);
}

/**
 * A value with the keys of its (non-intrinsic) objects spelled for the surface, under a canonical
 * path, and reference markers (../../model/reference-value.ts) written as `Ref`.
 */
export function spellValue(value: JsonValue, path: readonly string[], spelling: Spelling): JsonValue {
  if (value === null || typeof value !== 'object') return value;
  const reference = referencedAddress(value);
  if (reference !== undefined) return { Ref: reference };
  if (Array.isArray(value)) return value.map((item) => spellValue(item, path, spelling));
  if (isIntrinsicValue(value)) return value;
  const out: { [key: string]: JsonValue } = {};
  for (const [key, inner] of Object.entries(value as { [key: string]: JsonValue })) {
    const innerPath = [...path, key];
    out[spell(innerPath, spelling)] = spellValue(inner, innerPath, spelling);
  }
  return out;
}

// ---------- containers from the model and from the template tree ----------

function quoteAt(text: string, span: Span): '"' | "'" | undefined {
  const c = text[span.start];
  return c === '"' || c === "'" ? c : undefined;
}

function valueInfo(text: string, value: LocatedValue): EntryValue {
  switch (value.kind) {
    case 'null':
      return { span: value.span, kind: 'null' };
    case 'string':
      return { span: value.span, kind: 'string', quote: value.quoted ? quoteAt(text, value.span) : undefined };
    case 'number':
    case 'boolean':
      return { span: value.span, kind: 'scalar' };
    case 'list':
      return { span: value.span, kind: 'list', flow: value.flow === true };
    case 'object':
      return { span: value.span, kind: 'object', flow: value.flow === true };
    case 'unknown':
      return { span: value.span, kind: 'other' };
  }
}

function nodeInfo(text: string, node: TemplateNode): EntryValue {
  if (node.tag !== undefined || node.kind === 'opaque') return { span: node.span, kind: 'other' };
  if (node.kind === 'seq') return { span: node.span, kind: 'list', flow: node.flow };
  if (node.kind === 'map') return { span: node.span, kind: node.pairs.length === 1 && isIntrinsicKey(node.pairs[0].key) ? 'other' : 'object', flow: node.flow };
  if (node.value === null) return { span: node.span, kind: 'null' };
  if (typeof node.value === 'string') return { span: node.span, kind: 'string', quote: node.quoted ? quoteAt(text, node.span) : undefined };
  return { span: node.span, kind: 'scalar' };
}

/** Whether a mapping's entries were merged in from elsewhere (see `Container.merged`). */
function isMerged(text: string, span: Span, entries: readonly Entry[], flow: boolean): boolean {
  return entries.some((e) => e.span.start < span.start || e.span.end > span.end) || (flow && /[{,]\s*<<\s*:/.test(text.slice(span.start, span.end)));
}

function objectContainer(text: string, obj: ObjectValue, ownerKey: Span | undefined): Container {
  const entries = obj.members.map((m) => ({ span: m.span, keySpan: m.keySpan, value: valueInfo(text, m.value) }));
  return { kind: 'map', flow: obj.flow === true, span: obj.span, entries, ownerKey, merged: isMerged(text, obj.span, entries, obj.flow === true) };
}

function listContainer(text: string, list: Extract<LocatedValue, { kind: 'list' }>, ownerKey: Span | undefined): Container {
  return { kind: 'seq', flow: list.flow === true, span: list.span, entries: list.items.map((item) => ({ span: item.span, value: valueInfo(text, item) })), ownerKey };
}

function mapNodeContainer(text: string, node: MapNode, ownerKey: Span | undefined): Container {
  const entries = node.pairs.map((p) => ({ span: p.span, keySpan: p.keySpan, value: nodeInfo(text, p.value) }));
  return { kind: 'map', flow: node.flow, span: node.span, entries, ownerKey, merged: isMerged(text, node.span, entries, node.flow) };
}

/** The pair (`LogicalId: {...}`) whose key is at `keySpan`, anywhere in the tree. */
export function findPair(node: TemplateNode | undefined, keySpan: Span, depth = 0): PairNode | undefined {
  if (!node || depth > 12) return undefined;
  if (node.kind === 'map') {
    for (const pair of node.pairs) {
      if (pair.keySpan.start === keySpan.start && pair.keySpan.end === keySpan.end) return pair;
      if (pair.span.start <= keySpan.start && keySpan.end <= pair.span.end) return findPair(pair.value, keySpan, depth + 1);
    }
  } else if (node.kind === 'seq') {
    for (const item of node.items) {
      if (item.span.start <= keySpan.start && keySpan.end <= item.span.end) return findPair(item, keySpan, depth + 1);
    }
  }
  return undefined;
}

// ---------- planning ----------

/** Where a canonical path leads in the definition. */
type Target =
  /** The member exists: entry `index` of `container`; `member` when it is a model member. */
  | { kind: 'found'; container: Container; index: number; member?: LocatedProperty; path: string[] }
  /** The member is absent: `keys` (spelled) are to be created in `container`. */
  | { kind: 'missing'; container: Container; keys: string[]; path: string[] }
  /** An ancestor is written with no value (or `null`): entry `index` of `container` becomes an object holding `keys`. */
  | { kind: 'null'; container: Container; index: number; keys: string[]; path: string[] };

class Planner {
  private readonly byKey = new Map<object, ContainerPlan>();
  readonly plan: Plan = { containers: [], keys: [] };
  /** Set when a change reaches a collection that must not be edited. */
  refused = false;
  private readonly containers = new Map<object, Container>();
  private readonly spelling: Spelling;

  constructor(
    private readonly text: string,
    private readonly def: ClientDefinition,
    private readonly resource: PairNode | undefined,
  ) {
    this.spelling = def.spelling;
  }

  private containerOf(key: object, build: () => Container): Container {
    let c = this.containers.get(key);
    if (!c) {
      c = build();
      this.containers.set(key, c);
    }
    return c;
  }

  private planOf(container: Container): ContainerPlan {
    // Merged entries, or a collection written outside the definition (merged in whole): an edit
    // there would change what other definitions share, or break the merge.
    if (container.merged || container.span.start < this.def.span.start || container.span.end > this.def.span.end) this.refused = true;
    let p = this.byKey.get(container);
    if (!p) {
      p = { container, removes: new Set(), replaces: new Map(), members: new Map(), items: [] };
      this.byKey.set(container, p);
      this.plan.containers.push(p);
    }
    return p;
  }

  private resourceMap(): MapNode | undefined {
    const value = this.resource?.value;
    return value && value.kind === 'map' && value.tag === undefined ? value : undefined;
  }

  private resourceContainer(): Container | undefined {
    const map = this.resourceMap();
    return map ? this.containerOf(map, () => mapNodeContainer(this.text, map, this.resource!.keySpan)) : undefined;
  }

  private propertiesKey(): Span | undefined {
    const map = this.resourceMap();
    return map?.pairs[lastIndexWhere(map.pairs, (p) => p.key === 'Properties')]?.keySpan;
  }

  private spelled(path: readonly string[], from: number): string[] {
    return path.slice(from).map((_, i) => spell(path.slice(0, from + i + 1), this.spelling));
  }

  /** Follow a canonical path from the definition's body. */
  resolve(path: readonly string[]): Target | undefined {
    const body = this.def.body;
    if (!body) {
      // No `Properties` object: create it at resource level, or fill a `Properties:` with no value.
      const map = this.resourceMap();
      const container = this.resourceContainer();
      if (!map || !container) return undefined;
      const index = lastIndexWhere(map.pairs, (p) => p.key === 'Properties');
      if (index < 0) return { kind: 'missing', container, keys: ['Properties', ...this.spelled(path, 0)], path: [...path] };
      if (container.entries[index].value.kind !== 'null') return undefined;
      return { kind: 'null', container, index, keys: this.spelled(path, 0), path: [...path] };
    }
    if (body.kind !== 'object') return undefined;
    let obj: ObjectValue = body;
    let container = this.containerOf(body, () => objectContainer(this.text, body, this.propertiesKey()));
    for (let depth = 0; depth < path.length; depth++) {
      const index = lastIndexWhere(obj.members, (m) => m.canonical === path[depth]);
      if (index < 0) return { kind: 'missing', container, keys: this.spelled(path, depth), path: [...path] };
      const member = obj.members[index];
      if (depth === path.length - 1) return { kind: 'found', container, index, member, path: [...path] };
      const value = member.value;
      if (value.kind === 'null') return { kind: 'null', container, index, keys: this.spelled(path, depth + 1), path: [...path] };
      if (value.kind !== 'object') return undefined;
      obj = value;
      container = this.containerOf(value, () => objectContainer(this.text, value, member.keySpan));
    }
    return undefined;
  }

  /** Put `value` at `keys` inside a nested draft object (merging with what earlier changes put there). */
  private static setDeep(target: Map<string, JsonValue> | { [key: string]: JsonValue }, keys: string[], value: (old: JsonValue | undefined) => JsonValue | undefined): boolean {
    const [first, ...rest] = keys;
    const get = (k: string) => (target instanceof Map ? target.get(k) : target[k]);
    const put = (k: string, v: JsonValue) => (target instanceof Map ? target.set(k, v) : (target[k] = v));
    const old = get(first);
    if (rest.length === 0) {
      const next = value(old);
      if (next === undefined) return false;
      put(first, next);
      return true;
    }
    if (old !== undefined && (old === null || typeof old !== 'object' || Array.isArray(old))) return false;
    const inner = (old as { [key: string]: JsonValue } | undefined) ?? {};
    put(first, inner);
    return Planner.setDeep(inner, rest, value);
  }

  /** Create a value at a missing or null target; `make` gets what an earlier change put there. */
  private create(target: Extract<Target, { kind: 'missing' | 'null' }>, make: (old: JsonValue | undefined) => JsonValue | undefined): boolean {
    const plan = this.planOf(target.container);
    if (target.kind === 'missing') return Planner.setDeep(plan.members, target.keys, make);
    const old = plan.replaces.get(target.index);
    const obj: { [key: string]: JsonValue } = old !== undefined && old !== null && typeof old === 'object' && !Array.isArray(old) ? old : {};
    if (old !== undefined && obj !== old) return false;
    if (!Planner.setDeep(obj, target.keys, make)) return false;
    plan.replaces.set(target.index, obj);
    return true;
  }

  private listAt(target: Extract<Target, { kind: 'found' }>): Container | undefined {
    const value = target.member?.value;
    if (!value || value.kind !== 'list') return undefined;
    return this.containerOf(value, () => listContainer(this.text, value, target.member!.keySpan));
  }

  /** Add one change to the plan; false when it cannot be made safely. */
  add(change: SemanticChange): boolean {
    switch (change.kind) {
      case 'set':
      case 'insert': {
        const target = this.resolve(change.path);
        if (!target) return false;
        const value = spellValue(change.value, change.path, this.spelling);
        if (target.kind === 'found') {
          this.planOf(target.container).replaces.set(target.index, value);
          return true;
        }
        return this.create(target, () => value);
      }
      case 'remove': {
        const target = this.resolve(change.path);
        if (!target) return false;
        if (target.kind === 'found') this.planOf(target.container).removes.add(target.index);
        return true; // removing what is not there is nothing to do
      }
      case 'rename': {
        const target = this.resolve(change.path);
        if (!target || target.kind !== 'found' || !target.member) return false;
        this.plan.keys.push({ keySpan: target.member.keySpan, name: spell([...change.path.slice(0, -1), change.to], this.spelling) });
        return true;
      }
      case 'renameKey': {
        const parent = this.parentPathOfKey(change.keySpan);
        if (!parent) return false;
        this.plan.keys.push({ keySpan: change.keySpan, name: spell([...parent, change.to], this.spelling) });
        return true;
      }
      case 'removeKey': {
        const found = this.memberAtKey(change.keySpan);
        if (!found) return false;
        this.planOf(found.container).removes.add(found.index);
        return true;
      }
      case 'addItem': {
        const target = this.resolve(change.path);
        if (!target) return false;
        const item = spellValue(change.value, change.path, this.spelling);
        const append = (old: JsonValue | undefined): JsonValue | undefined => (old === undefined ? [item] : Array.isArray(old) ? [...old, item] : undefined);
        if (target.kind !== 'found') return this.create(target, append);
        const entry = target.container.entries[target.index];
        if (entry.value.kind === 'null') {
          const plan = this.planOf(target.container);
          const next = append(plan.replaces.get(target.index));
          if (next === undefined) return false;
          plan.replaces.set(target.index, next);
          return true;
        }
        const list = this.listAt(target);
        if (!list) return false;
        this.planOf(list).items.push(item);
        return true;
      }
      case 'removeItem':
      case 'replaceItem': {
        const target = this.resolve(change.path);
        if (!target || target.kind !== 'found') return false;
        const list = this.listAt(target);
        if (!list || !Number.isInteger(change.index) || change.index < 0 || change.index >= list.entries.length) return false;
        const plan = this.planOf(list);
        if (change.kind === 'removeItem') plan.removes.add(change.index);
        else plan.replaces.set(change.index, spellValue(change.value, change.path, this.spelling));
        return true;
      }
      case 'addDependency':
        return this.addDependency(change.target);
    }
  }

  private addDependency(target: string): boolean {
    const map = this.resourceMap();
    const container = this.resourceContainer();
    if (!map || !container) return false;
    if (this.def.dependsOn.includes(target)) return true;
    const index = lastIndexWhere(map.pairs, (p) => p.key === 'DependsOn');
    if (index < 0) {
      const plan = this.planOf(container);
      plan.members.set('DependsOn', target);
      const type = lastIndexWhere(map.pairs, (p) => p.key === 'Type');
      if (type >= 0) plan.after = type;
      return true;
    }
    const pair = map.pairs[index];
    const value = pair.value;
    if (value.tag !== undefined) return false;
    if (value.kind === 'scalar' && typeof value.value === 'string') {
      this.planOf(container).replaces.set(index, [value.value, target]);
      return true;
    }
    if (value.kind === 'scalar' && value.value === null) {
      this.planOf(container).replaces.set(index, target);
      return true;
    }
    if (value.kind !== 'seq') return false;
    const list = this.containerOf(value, () => ({
      kind: 'seq',
      flow: value.flow,
      span: value.span,
      entries: value.items.map((item) => ({ span: item.span, value: nodeInfo(this.text, item) })),
      ownerKey: pair.keySpan,
    }));
    this.planOf(list).items.push(target);
    return true;
  }

  /** The container and entry index of the member (anywhere in the body) whose key is at `keySpan`. */
  private memberAtKey(keySpan: Span): { container: Container; index: number } | undefined {
    const search = (obj: ObjectValue, ownerKey: Span | undefined, depth: number): { container: Container; index: number } | undefined => {
      if (depth > 20) return undefined;
      for (let index = 0; index < obj.members.length; index++) {
        const m = obj.members[index];
        if (m.keySpan.start === keySpan.start && m.keySpan.end === keySpan.end) {
          return { container: this.containerOf(obj, () => objectContainer(this.text, obj, ownerKey)), index };
        }
        if (m.value.kind === 'object' && m.span.start <= keySpan.start && keySpan.end <= m.span.end) return search(m.value, m.keySpan, depth + 1);
      }
      return undefined;
    };
    return this.def.body?.kind === 'object' ? search(this.def.body, this.propertiesKey(), 0) : undefined;
  }

  /** The canonical path of the object holding the member whose key is at `keySpan`. */
  private parentPathOfKey(keySpan: Span): string[] | undefined {
    const search = (obj: ObjectValue, path: string[]): string[] | undefined => {
      for (const m of obj.members) {
        if (m.keySpan.start === keySpan.start && m.keySpan.end === keySpan.end) return path;
        if (m.canonical !== undefined && m.value.kind === 'object' && m.span.start <= keySpan.start && keySpan.end <= m.span.end) {
          return search(m.value, [...path, m.canonical]);
        }
      }
      return undefined;
    };
    return this.def.body?.kind === 'object' ? search(this.def.body, []) : undefined;
  }
}

/** The plan for a fix, or undefined when one of its changes cannot be made safely. */
export function planFix(text: string, def: ClientDefinition, resource: PairNode | undefined, fix: SemanticFix): Plan | undefined {
  const planner = new Planner(text, def, resource);
  for (const change of fix.changes) {
    if (!planner.add(change)) return undefined;
  }
  const outside = planner.plan.keys.some((k) => k.keySpan.start < def.span.start || k.keySpan.end > def.span.end);
  return planner.refused || outside ? undefined : planner.plan;
}
