/**
 * The Terraform JSON edit builder: a fix's semantic changes as minimal text edits to a `.tf.json`
 * file, in Terraform's spelling and the file's own layout.
 *
 * The client's block is found again in the JSON tree (by its span, then its name), and each
 * canonical path is resolved there through the schema's Terraform names, so the builder depends on
 * the model only for the definition's position. Nested blocks (`token_validity_units`, ...) are
 * followed whether written as an object or a one-item array of objects, and new ones are written in
 * the form the file already uses for nested blocks (else the form of the resource's own entry).
 * The collection executor shared with CloudFormation JSON (`../edits-flow.ts`) keeps each object's
 * and array's layout (one line, or one entry per line at its indentation), separators, commas and
 * `"//"` entries.
 *
 * Values: a reference marker (../../model/reference-value.ts) or a CloudFormation-style
 * `{"Ref": "aws_cognito_user_pool.main"}` becomes `"${aws_cognito_user_pool.main.id}"`; any other
 * intrinsic is refused, and so is a fix found in one case of a conditional (`fix.when`).
 * `removeKey` removes one occurrence of a key written twice. `addDependency` writes
 * `"depends_on": ["aws_type.name"]` or adds the address to the list there.
 *
 * Refused (undefined): a target under a value that is not an object (an interpolation, a list of
 * several blocks), an index past the end of a list, a body that cannot be found.
 */
import type { Node as JsonNode } from 'jsonc-parser';
import type { ClientDefinition, DocumentModel, SemanticChange, SemanticFix, Span, Spelling } from '../../model';
import { referencedAddress } from '../../model/reference-value';
import { canonicalName, propertySchema, spell } from '../../schema';
import type { JsonValue } from '../../schema/types';
import { flowEdits, type Container, type ContainerPlan, type EntryValue } from '../edits-flow';
import { eolOf, jsonIndentUnit } from '../edits-text';
import { jsonColonOf, jsonCommaOf, jsonRenderer, type JsonLayout } from '../json-edits';
import type { EditBuilder, SourceDocument, SpanEdit } from '../types';
import { parseJson, rawBlocks, spanOf, type RawBlock } from './json';

/** The meta-argument listing explicit dependencies. */
const DEPENDS_ON = 'depends_on';

/** Names of the nested blocks a client has (object-typed properties), as Terraform spells them. */
const NESTED_BLOCK = /"(token_validity_units|analytics_configuration|refresh_token_rotation)"\s*:\s*([[{])/;

let lastTree: { text: string; root: JsonNode | undefined } | undefined;

/** The JSON tree of a text (the last one is kept: one text is asked about once per finding). */
export function jsonTreeOf(text: string): JsonNode | undefined {
  if (lastTree?.text !== text) lastTree = { text, root: parseJson(text, []) };
  return lastTree.root;
}

const same = (a: Span, b: Span) => a.start === b.start && a.end === b.end;

/** The block of a definition in a `.tf.json` tree: the one with its span, else the first with its name span. */
export function blockOf(text: string, def: Pick<ClientDefinition, 'span' | 'nameSpan'>): RawBlock | undefined {
  const blocks = rawBlocks(jsonTreeOf(text));
  return blocks.find((b) => same(b.span, def.span) && same(b.nameSpan, def.nameSpan)) ?? blocks.find((b) => same(b.nameSpan, def.nameSpan));
}

function entryValue(node: JsonNode): EntryValue {
  const span = spanOf(node);
  switch (node.type) {
    case 'string':
      return { span, kind: 'string', quote: '"' };
    case 'number':
    case 'boolean':
      return { span, kind: 'scalar' };
    case 'null':
      return { span, kind: 'null' };
    case 'array':
      return { span, kind: 'list', flow: true };
    case 'object':
      return { span, kind: 'object', flow: true };
    default:
      return { span, kind: 'other' };
  }
}

/** A JSON object or array node as a collection for the executor; undefined for anything else or a member without a value. */
export function jsonContainer(node: JsonNode, ownerKey?: Span): Container | undefined {
  const children = node.children ?? [];
  if (node.type === 'object') {
    if (children.some((p) => p.children?.length !== 2)) return undefined;
    return { kind: 'map', flow: true, span: spanOf(node), entries: children.map((p) => ({ span: spanOf(p), keySpan: spanOf(p.children![0]), value: entryValue(p.children![1]) })), ownerKey };
  }
  if (node.type === 'array') return { kind: 'seq', flow: true, span: spanOf(node), entries: children.map((item) => ({ span: spanOf(item), value: entryValue(item) })), ownerKey };
  return undefined;
}

/** The key of an object member node. */
function keyOf(prop: JsonNode): string {
  return String(prop.children?.[0]?.value ?? '');
}

function isPlainObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return value !== null && value !== undefined && typeof value === 'object' && !Array.isArray(value);
}

/** Where a canonical path leads in the block. */
type Target =
  | { kind: 'found'; container: Container; index: number; node: JsonNode; path: string[] }
  /** Absent: `rest` (canonical) is to be created in `container`, an object at `parent`. */
  | { kind: 'missing'; container: Container; parent: string[]; rest: string[] }
  /** Entry `index` of `container` is `null`: it becomes the object at `parent` holding `rest`. */
  | { kind: 'null'; container: Container; index: number; parent: string[]; rest: string[] };

/** A draft object in canonical names, merged as changes arrive. */
type Draft = { [key: string]: JsonValue };

class Planner {
  private readonly containers = new Map<JsonNode, Container>();
  private readonly plans = new Map<Container, ContainerPlan>();
  /** New members per object container, in canonical names, with the object's canonical path. */
  private readonly drafts = new Map<Container, { parent: string[]; members: Draft }>();
  /** Objects written in place of a `null` entry, per container and index. */
  private readonly nullDrafts = new Map<Container, Map<number, { parent: string[]; members: Draft }>>();
  readonly keys: { keySpan: Span; name: string }[] = [];

  constructor(
    private readonly body: JsonNode,
    private readonly spelling: Spelling,
    private readonly blocksAsArrays: boolean,
    private readonly dependsOn: readonly string[],
  ) {}

  containerOf(node: JsonNode, ownerKey?: Span): Container | undefined {
    let c = this.containers.get(node);
    if (c) return c;
    c = jsonContainer(node, ownerKey);
    if (c) this.containers.set(node, c);
    return c;
  }

  planOf(container: Container): ContainerPlan {
    let p = this.plans.get(container);
    if (!p) {
      p = { container, removes: new Set(), replaces: new Map(), members: new Map(), items: [] };
      this.plans.set(container, p);
    }
    return p;
  }

  /** Resolve a canonical path from the block body. */
  private resolve(path: readonly string[]): Target | undefined {
    let node = this.body;
    let container = this.containerOf(node);
    const parent: string[] = [];
    for (let depth = 0; depth < path.length && container; depth++) {
      const props = node.children ?? [];
      const index = props.findIndex((p) => canonicalName(keyOf(p), this.spelling, parent) === path[depth]);
      if (index < 0) return { kind: 'missing', container, parent: [...parent], rest: path.slice(depth) };
      const keySpan = spanOf(props[index].children![0]);
      let value = props[index].children![1];
      if (depth === path.length - 1) return { kind: 'found', container, index, node: value, path: [...path] };
      if (value.type === 'null') return { kind: 'null', container, index, parent: path.slice(0, depth + 1), rest: path.slice(depth + 1) };
      // A nested block written as a one-item array of objects.
      if (value.type === 'array' && value.children?.length === 1 && value.children[0].type === 'object') value = value.children[0];
      if (value.type !== 'object') return undefined;
      parent.push(path[depth]);
      node = value;
      container = this.containerOf(value, keySpan);
    }
    return undefined;
  }

  /** A value in Terraform's spelling and form, for the property at a canonical path. */
  private render(value: JsonValue, path: readonly string[], asArray = this.blocksAsArrays): JsonValue | undefined {
    const reference = referencedAddress(value);
    if (reference !== undefined) return referenceText(reference);
    if (isPlainObject(value)) {
      const keys = Object.keys(value);
      if (keys.length === 1 && keys[0] === 'Ref') return referenceText(value.Ref);
      if (keys.some((k) => k === 'Ref' || k.startsWith('Fn::'))) return undefined;
      const out: { [key: string]: JsonValue } = {};
      for (const [k, v] of Object.entries(value)) {
        const inner = this.render(v, [...path, k]);
        if (inner === undefined) return undefined;
        out[spell([...path, k], this.spelling)] = inner;
      }
      return propertySchema(path)?.type === 'object' && asArray ? [out] : out;
    }
    if (Array.isArray(value)) {
      const items = value.map((v) => this.render(v, path));
      return items.some((v) => v === undefined) ? undefined : (items as JsonValue[]);
    }
    return value;
  }

  /** The form to write an object in place of an existing value: as the value is written. */
  private renderLike(value: JsonValue, path: readonly string[], existing: JsonNode): JsonValue | undefined {
    return this.render(value, path, existing.type === 'array' ? true : existing.type === 'object' ? false : this.blocksAsArrays);
  }

  private static setDeep(target: Draft, keys: readonly string[], make: (old: JsonValue | undefined) => JsonValue | undefined): boolean {
    const [first, ...rest] = keys;
    const old = target[first];
    if (rest.length === 0) {
      const next = make(old);
      if (next === undefined) return false;
      target[first] = next;
      return true;
    }
    if (old !== undefined && !isPlainObject(old)) return false;
    const inner: Draft = old ?? {};
    target[first] = inner;
    return Planner.setDeep(inner, rest, make);
  }

  private create(target: Extract<Target, { kind: 'missing' | 'null' }>, make: (old: JsonValue | undefined) => JsonValue | undefined): boolean {
    if (target.kind === 'missing') {
      let draft = this.drafts.get(target.container);
      if (!draft) this.drafts.set(target.container, (draft = { parent: target.parent, members: {} }));
      return Planner.setDeep(draft.members, target.rest, make);
    }
    let byIndex = this.nullDrafts.get(target.container);
    if (!byIndex) this.nullDrafts.set(target.container, (byIndex = new Map()));
    let draft = byIndex.get(target.index);
    if (!draft) byIndex.set(target.index, (draft = { parent: target.parent, members: {} }));
    return Planner.setDeep(draft.members, target.rest, make);
  }

  private listOf(target: Extract<Target, { kind: 'found' }>): Container | undefined {
    if (target.node.type !== 'array') return undefined;
    return this.containerOf(target.node, target.container.entries[target.index].keySpan);
  }

  add(change: SemanticChange): boolean {
    switch (change.kind) {
      case 'set':
      case 'insert': {
        const target = this.resolve(change.path);
        if (!target) return false;
        if (target.kind === 'found') {
          const value = this.renderLike(change.value, change.path, target.node);
          if (value === undefined) return false;
          this.planOf(target.container).replaces.set(target.index, value);
          return true;
        }
        return this.create(target, () => change.value);
      }
      case 'remove': {
        const target = this.resolve(change.path);
        if (!target) return false;
        if (target.kind === 'found') this.planOf(target.container).removes.add(target.index);
        return true; // removing what is not there is nothing to do
      }
      case 'rename': {
        const target = this.resolve(change.path);
        if (!target || target.kind !== 'found') return false;
        const keySpan = target.container.entries[target.index].keySpan!;
        this.keys.push({ keySpan, name: spell([...change.path.slice(0, -1), change.to], this.spelling) });
        return true;
      }
      case 'renameKey': {
        const parent = this.parentPathOfKey(change.keySpan);
        if (!parent) return false;
        this.keys.push({ keySpan: change.keySpan, name: spell([...parent, change.to], this.spelling) });
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
        const append = (old: JsonValue | undefined): JsonValue | undefined => (old === undefined ? [change.value] : Array.isArray(old) ? [...old, change.value] : undefined);
        if (target.kind !== 'found') return this.create(target, append);
        if (target.node.type === 'null') {
          const plan = this.planOf(target.container);
          const value = this.render([change.value], change.path);
          if (value === undefined || plan.replaces.has(target.index)) return false;
          plan.replaces.set(target.index, value);
          return true;
        }
        const list = this.listOf(target);
        const item = this.render(change.value, change.path);
        if (!list || item === undefined) return false;
        this.planOf(list).items.push(item);
        return true;
      }
      case 'removeItem':
      case 'replaceItem': {
        const target = this.resolve(change.path);
        if (!target || target.kind !== 'found') return false;
        const list = this.listOf(target);
        if (!list || !Number.isInteger(change.index) || change.index < 0 || change.index >= list.entries.length) return false;
        const plan = this.planOf(list);
        if (change.kind === 'removeItem') {
          plan.removes.add(change.index);
          return true;
        }
        const item = this.render(change.value, change.path);
        if (item === undefined) return false;
        plan.replaces.set(change.index, item);
        return true;
      }
      case 'addDependency':
        return this.addDependency(change.target);
    }
  }

  private addDependency(target: string): boolean {
    if (this.dependsOn.includes(target)) return true;
    const container = this.containerOf(this.body);
    if (!container) return false;
    const props = this.body.children ?? [];
    const index = props.findIndex((p) => keyOf(p) === DEPENDS_ON);
    if (index < 0) {
      this.planOf(container).members.set(DEPENDS_ON, [target]);
      return true;
    }
    const value = props[index].children![1];
    const written = (value.children ?? []).map((item) => (item.type === 'string' ? String(item.value).replace(/^\$\{(.*)\}$/, '$1').trim() : ''));
    if (written.includes(target)) return true;
    const list = value.type === 'array' ? this.containerOf(value, spanOf(props[index].children![0])) : undefined;
    if (!list) return false;
    this.planOf(list).items.push(target);
    return true;
  }

  /** The collection and index of the member whose key is at `keySpan`, anywhere in the body. */
  private memberAtKey(keySpan: Span): { container: Container; index: number } | undefined {
    const search = (node: JsonNode, ownerKey: Span | undefined, depth: number): { container: Container; index: number } | undefined => {
      if (depth > 12) return undefined;
      const children = node.children ?? [];
      if (node.type === 'object') {
        const index = children.findIndex((p) => p.children?.[0] !== undefined && same(spanOf(p.children[0]), keySpan));
        if (index >= 0) {
          const container = this.containerOf(node, ownerKey);
          return container && { container, index };
        }
      }
      for (const child of children) {
        const inner = child.type === 'property' ? child.children?.[1] : child;
        if (!inner || inner.offset > keySpan.start || inner.offset + inner.length < keySpan.end) continue;
        const key = child.type === 'property' && child.children?.[0] ? spanOf(child.children[0]) : ownerKey;
        return search(inner, key, depth + 1);
      }
      return undefined;
    };
    return search(this.body, undefined, 0);
  }

  /** The canonical path of the object holding the member whose key is at `keySpan`. */
  private parentPathOfKey(keySpan: Span): string[] | undefined {
    const search = (node: JsonNode, path: string[], depth: number): string[] | undefined => {
      if (depth > 8) return undefined;
      for (const p of node.children ?? []) {
        const key = p.children?.[0];
        const value = p.children?.[1];
        if (!key) continue;
        if (same(spanOf(key), keySpan)) return path;
        const canonical = canonicalName(keyOf(p), this.spelling, path);
        if (!canonical || !value || !(value.offset <= keySpan.start && keySpan.end <= value.offset + value.length)) continue;
        const inner = value.type === 'array' && value.children?.length === 1 ? value.children[0] : value;
        if (inner.type === 'object') return search(inner, [...path, canonical], depth + 1);
      }
      return undefined;
    };
    return search(this.body, [], 0);
  }

  /** The plans, with the drafted new members rendered in Terraform's spelling and form. */
  finish(): ContainerPlan[] | undefined {
    for (const [container, draft] of this.drafts) {
      const plan = this.planOf(container);
      for (const [key, value] of Object.entries(draft.members)) {
        const path = [...draft.parent, key];
        const rendered = this.render(value, path);
        if (rendered === undefined) return undefined;
        plan.members.set(spell(path, this.spelling), rendered);
      }
    }
    for (const [container, byIndex] of this.nullDrafts) {
      const plan = this.planOf(container);
      for (const [index, draft] of byIndex) {
        const rendered = this.render(draft.members, draft.parent);
        if (rendered === undefined || plan.replaces.has(index)) return undefined;
        plan.replaces.set(index, rendered);
      }
    }
    return [...this.plans.values()];
  }
}

/** A reference to a resource, as Terraform JSON writes it: `"${aws_cognito_user_pool.main.id}"`. */
function referenceText(target: JsonValue): string | undefined {
  if (typeof target !== 'string') return undefined;
  if (/^(var|local)\.[A-Za-z_][\w-]*$/.test(target)) return '${' + target + '}';
  if (/^(data\.)?[A-Za-z_][\w-]*\.[A-Za-z_][\w-]*$/.test(target)) return '${' + target + '.id}';
  return undefined;
}

/** Whether new nested blocks are written as one-item arrays: as the file writes nested blocks, else as it writes this resource. */
function blocksAsArrays(text: string, block: RawBlock): boolean {
  const m = NESTED_BLOCK.exec(text);
  return m ? m[2] === '[' : block.inArray;
}

/** The edits that apply a fix to a client in a `.tf.json` file, or undefined when it cannot be done safely. */
export function terraformJsonFixEdits(doc: SourceDocument, def: ClientDefinition, fix: SemanticFix): SpanEdit[] | undefined {
  // A fix for one case of a conditional would edit a branch inside a `"${...}"` string: not done.
  if (fix.when) return undefined;
  const text = doc.text;
  const block = blockOf(text, def);
  if (!block) return undefined;
  const planner = new Planner(block.body, def.spelling, blocksAsArrays(text, block), def.dependsOn);
  for (const change of fix.changes) if (!planner.add(change)) return undefined;
  const plans = planner.finish();
  if (!plans) return undefined;
  const blockText = text.slice(block.span.start, block.span.end);
  const comma = jsonCommaOf(blockText) ?? jsonCommaOf(text) ?? ', ';
  const layout: JsonLayout = { eol: eolOf(text), unit: jsonIndentUnit(text), colon: jsonColonOf(blockText), comma, pretty: blockText.includes('\n') };
  const renderer = jsonRenderer(text, layout);
  const edits: SpanEdit[] = [];
  for (const plan of plans) {
    const made = flowEdits(text, plan, renderer);
    if (!made) return undefined;
    edits.push(...made);
  }
  for (const k of planner.keys) edits.push({ span: k.keySpan, newText: JSON.stringify(k.name) });
  return edits;
}

/** The Terraform JSON edit builder. */
export const terraformJsonEdits: EditBuilder = (doc: SourceDocument, def: ClientDefinition, fix: SemanticFix, _model: DocumentModel) => terraformJsonFixEdits(doc, def, fix);
