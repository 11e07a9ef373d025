/**
 * The Python edit builder: a fix's semantic changes as edits of a boto3 call's or CDK L1
 * construct's keyword arguments, list items, dict members and `...Property(...)` keyword arguments.
 *
 * Kept as written: the call's layout (one argument per line at its indentation, or all on one
 * line), trailing commas, the quote character of the call's strings, and comments on lines of their
 * own. New values are written on one line: `Name=value` in a call, `"Key": value` in a dict,
 * `True` / `False` / `None`; a new nested object of a CDK construct is a `...Property(...)` call on
 * the construct's class as the call names it (`cognito.CfnUserPoolClient.TokenValidityUnitsProperty`),
 * of a boto3 call a dict; a CDK L2 struct its class as the file names it (`cognito.OAuthFlows(...)`,
 * ./python-cdk-names.ts) and a Duration the code the fix gives (`Duration.minutes(5)`).
 *
 * Refused (undefined): a call tree-sitter could not parse, a change to a member that comes from a
 * `**params` dict written elsewhere or to a value resolved through a name (that text is shared), a
 * target under a value that is not a literal, and dependencies (code has no `DependsOn`).
 * The collection edits themselves (commas, one entry per line, removals) are the flow-collection
 * executor the JSON and YAML flow builders use (../edits-flow.ts).
 */
import type { ClientDefinition, DocumentModel, LocatedProperty, LocatedValue, ObjectValue, SemanticChange, SemanticFix, Span, Spelling } from '../../model';
import { canonicalName, propertySchema, spell } from '../../schema';
import type { JsonValue } from '../../schema/types';
import { flowEdits, type Container, type ContainerPlan, type EntryValue, type FlowRenderer } from '../edits-flow';
import { eolOf } from '../edits-text';
import { parseText, type SyntaxNode } from '../tree-sitter';
import type { EditBuilder, SpanEdit } from '../types';
import { pythonCdkClass } from './python-cdk-names';

type Quote = '"' | "'";

/** A Python string literal in a quote. */
export function pythonString(value: string, quote: Quote = '"'): string {
  const body = value.replace(/[\\\n\r\t]/g, (c) => ({ '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c]!).replace(new RegExp(quote, 'g'), '\\' + quote);
  return quote + body + quote;
}

/** How nested objects are written at a path: keyword arguments of a call, or a dict. */
interface PyStyle {
  quote: Quote;
  spelling: Spelling;
  /** For CDK constructs: the construct's class as the call names it (`cognito.CfnUserPoolClient`). */
  cdkClass?: string;
  /** For the CDK L2: a class of the CDK as the file names it (`cognito.OAuthFlows`). */
  cdkName?: (name: string) => string;
}

/** A JSON value as Python text on one line, nested object keys spelled for `path`. */
export function pythonValue(value: JsonValue, path: readonly string[], style: PyStyle): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return pythonString(value, style.quote);
  if (Array.isArray(value)) return `[${value.map((v) => pythonValue(v, path, style)).join(', ')}]`;
  // Code written as it is (a CDK `Duration.minutes(5)`), and a CDK L2 struct as its class called with keywords.
  if (typeof value.$code === 'string' && Object.keys(value).length === 1) return value.$code;
  if (typeof value.$call === 'string' && style.cdkName && Array.isArray(value.$kwargs)) {
    // Keyword arguments as `[name, value]` pairs, in order (see ./cdk-l2.ts `pythonL2Value`).
    const pairs = value.$kwargs.filter((p): p is [string, JsonValue] => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && /^[A-Za-z_]\w*$/.test(p[0]));
    if (pairs.length === value.$kwargs.length && /^[A-Za-z_]\w*$/.test(value.$call)) {
      return `${style.cdkName(value.$call)}(${pairs.map(([k, v]) => `${k}=${pythonValue(v, [...path, k], style)}`).join(', ')})`;
    }
  }
  const entries = Object.entries(value);
  const known = propertySchema(path)?.type === 'object';
  if (style.cdkClass && known) {
    const args = entries.map(([k, v]) => `${spell([...path, k], style.spelling)}=${pythonValue(v, [...path, k], style)}`).join(', ');
    return `${style.cdkClass}.${path[path.length - 1]}Property(${args})`;
  }
  return `{${entries.map(([k, v]) => `${pythonString(known ? spell([...path, k], style.spelling) : k, style.quote)}: ${pythonValue(v, [...path, k], style)}`).join(', ')}}`;
}

function spanOf(node: SyntaxNode): Span {
  return { start: node.startIndex, end: node.endIndex };
}

function isNode(n: SyntaxNode | null): n is SyntaxNode {
  return n !== null;
}

/**
 * The node exactly at a span (the outermost one), if any. Found going down from the root with a
 * cursor: a node's `parent` costs a walk from the root in tree-sitter, so climbing from the innermost
 * node was quadratic in the nesting (a value inside 20,000 brackets).
 */
function nodeAt(root: SyntaxNode, span: Span): SyntaxNode | undefined {
  const cursor = root.walk();
  try {
    for (;;) {
      const { startIndex, endIndex } = cursor;
      if (startIndex === span.start && endIndex === span.end) return cursor.currentNode;
      if (startIndex > span.start || endIndex < span.end) return undefined;
      // The first child reaching the span's end: the only one that can hold the span (checked
      // above on the next turn). web-tree-sitter's gotoFirstChildForIndex finds no child here.
      if (!cursor.gotoFirstChild()) return undefined;
      while (cursor.endIndex < span.end) if (!cursor.gotoNextSibling()) return undefined;
    }
  } finally {
    cursor.delete();
  }
}

/** A written collection with the canonical path of the object or list it holds. */
interface PyContainer extends Container {
  path: string[];
  /** `call`: members are `name=value`; `dict`: `"key": value`; `list`: items. */
  form: 'call' | 'dict' | 'list';
  /** For a dict: the quote its keys are written in. */
  keyQuote?: Quote;
  /** The quote of the first string written in it (for new strings next to it). */
  quote?: Quote;
}

/** The quote a string literal node is written in. */
function quoteOfNode(node: SyntaxNode | null): Quote | undefined {
  if (!node || node.type !== 'string') return undefined;
  const m = /^[rRbBuUfF]{0,2}(['"])/.exec(node.text.slice(0, 4));
  return m ? (m[1] as Quote) : undefined;
}

function firstQuote(nodes: (SyntaxNode | null)[]): Quote | undefined {
  for (const n of nodes) {
    const q = quoteOfNode(n);
    if (q) return q;
  }
  return undefined;
}

function entryValue(node: SyntaxNode | null, fallback: Span): EntryValue {
  if (!node) return { span: fallback, kind: 'other' };
  const kind: EntryValue['kind'] = node.type === 'string' ? 'string' : node.type === 'none' ? 'null' : node.type === 'list' ? 'list' : node.type === 'dictionary' ? 'object' : ['integer', 'float', 'true', 'false'].includes(node.type) ? 'scalar' : 'other';
  return { span: spanOf(node), kind, flow: true };
}

/** The container for an argument list (every argument is an entry, so commas come out right). */
function argumentsContainer(args: SyntaxNode, path: string[]): PyContainer {
  const entries = args.namedChildren.filter(isNode).filter((a) => a.type !== 'comment').map((a) => {
    if (a.type === 'keyword_argument') {
      const name = a.childForFieldName('name');
      return { span: spanOf(a), keySpan: name ? spanOf(name) : undefined, value: entryValue(a.childForFieldName('value'), spanOf(a)) };
    }
    return { span: spanOf(a), value: entryValue(a, spanOf(a)) };
  });
  const quote = firstQuote(args.namedChildren.map((a) => (a?.type === 'keyword_argument' ? a.childForFieldName('value') : a)));
  return { kind: 'map', flow: true, span: spanOf(args), entries, brackets: ['(', ')'], path, form: 'call', quote };
}

function dictContainer(dict: SyntaxNode, path: string[]): PyContainer {
  let keyQuote: Quote | undefined;
  const entries = dict.namedChildren.filter(isNode).filter((a) => a.type !== 'comment').map((a) => {
    if (a.type === 'pair') {
      const key = a.childForFieldName('key');
      const q = key?.text[0];
      if (!keyQuote && (q === '"' || q === "'")) keyQuote = q;
      return { span: spanOf(a), keySpan: key ? spanOf(key) : undefined, value: entryValue(a.childForFieldName('value'), spanOf(a)) };
    }
    return { span: spanOf(a), value: entryValue(a, spanOf(a)) };
  });
  const quote = firstQuote(dict.namedChildren.map((a) => (a?.type === 'pair' ? a.childForFieldName('value') : a))) ?? keyQuote;
  return { kind: 'map', flow: true, span: spanOf(dict), entries, path, form: 'dict', keyQuote, quote };
}

function listContainer(list: SyntaxNode, path: string[]): PyContainer {
  const entries = list.namedChildren.filter(isNode).filter((a) => a.type !== 'comment').map((a) => ({ span: spanOf(a), value: entryValue(a, spanOf(a)) }));
  return { kind: 'seq', flow: true, span: spanOf(list), entries, brackets: list.type === 'tuple' ? ['(', ')'] : undefined, path, form: 'list', quote: firstQuote(list.namedChildren) };
}

/** Where a canonical path leads. */
type Target =
  | { kind: 'found'; container: PyContainer; index: number; member: LocatedProperty }
  | { kind: 'missing'; container: PyContainer; keys: string[] }
  | { kind: 'null'; container: PyContainer; index: number; keys: string[] };

class Planner {
  readonly plans: (ContainerPlan & { container: PyContainer })[] = [];
  readonly keys: SpanEdit[] = [];
  private readonly containers = new Map<object, PyContainer>();

  constructor(
    private readonly root: SyntaxNode,
    private readonly call: SyntaxNode,
    private readonly def: ClientDefinition,
    private readonly style: PyStyle,
  ) {}

  private planOf(container: PyContainer): ContainerPlan & { container: PyContainer } {
    let p = this.plans.find((x) => x.container === container);
    if (!p) {
      p = { container, removes: new Set(), replaces: new Map(), members: new Map(), items: [] };
      this.plans.push(p);
    }
    return p;
  }

  /** Whether a member is written inside the call itself (not in a `**params` dict elsewhere). */
  private inCall(span: Span): boolean {
    return this.call.startIndex <= span.start && span.end <= this.call.endIndex;
  }

  /** The container of an object value (a dict, `dict(...)` or `...Property(...)` call). */
  private objectContainer(value: ObjectValue, path: string[]): PyContainer | undefined {
    if (value.resolvedFrom !== undefined || !this.inCall(value.span)) return undefined;
    let c = this.containers.get(value);
    if (c) return c;
    const node = nodeAt(this.root, value.span);
    if (!node) return undefined;
    if (node.type === 'dictionary') c = dictContainer(node, path);
    else if (node.type === 'call' || node.type === 'argument_list') {
      const args = node.type === 'call' ? node.childForFieldName('arguments') : node;
      if (!args || args.type !== 'argument_list') return undefined;
      c = argumentsContainer(args, path);
    }
    if (c) this.containers.set(value, c);
    return c;
  }

  private listContainerOf(value: LocatedValue, path: string[]): PyContainer | undefined {
    if (value.kind !== 'list' || value.resolvedFrom !== undefined || !this.inCall(value.span)) return undefined;
    let c = this.containers.get(value);
    if (c) return c;
    const node = nodeAt(this.root, value.span);
    if (!node || (node.type !== 'list' && node.type !== 'tuple')) return undefined;
    c = listContainer(node, path);
    this.containers.set(value, c);
    return c;
  }

  /** The entry index of a member in its container (by span). */
  private static indexOf(container: PyContainer, member: LocatedProperty): number {
    return container.entries.findIndex((e) => e.span.start === member.span.start && e.span.end === member.span.end);
  }

  resolve(path: readonly string[]): Target | undefined {
    const body = this.def.body;
    if (!body || body.kind !== 'object') return undefined;
    let obj: ObjectValue = body;
    let container = this.objectContainer(body, []);
    if (!container) return undefined;
    for (let depth = 0; depth < path.length; depth++) {
      // The last occurrence of a repeated keyword counts (as the model reads it).
      const found = [...obj.members].reverse().find((m) => m.canonical === path[depth]);
      if (!found) return { kind: 'missing', container, keys: path.slice(depth) };
      if (!this.inCall(found.span)) return undefined; // written in a `**params` dict elsewhere
      const index = Planner.indexOf(container, found);
      if (index < 0) return undefined;
      // In one case of a conditional (`a if c else b`), the value is that branch: edit it alone.
      const entry = container.entries[index];
      if (entry.value.span.start !== found.value.span.start || entry.value.span.end !== found.value.span.end) {
        container.entries[index] = { ...entry, value: { ...entry.value, span: found.value.span, kind: found.value.kind === 'string' ? 'string' : found.value.kind === 'list' ? 'list' : found.value.kind === 'object' ? 'object' : 'other' } };
      }
      if (depth === path.length - 1) return { kind: 'found', container, index, member: found };
      const value = found.value;
      if (value.kind === 'null') return { kind: 'null', container, index, keys: path.slice(depth + 1) };
      if (value.kind !== 'object') return undefined;
      const inner = this.objectContainer(value, path.slice(0, depth + 1));
      if (!inner) return undefined;
      obj = value;
      container = inner;
    }
    return undefined;
  }

  private static nest(keys: string[], value: JsonValue): JsonValue {
    return keys.slice(1).reduceRight<JsonValue>((v, k) => ({ [k]: v }), value);
  }

  /** Put a value at a missing or null target. */
  private create(target: Extract<Target, { kind: 'missing' | 'null' }>, value: JsonValue): boolean {
    const plan = this.planOf(target.container);
    if (target.kind === 'null') {
      if (plan.replaces.has(target.index)) return false;
      plan.replaces.set(target.index, Planner.nest(['', ...target.keys], value));
      return true;
    }
    const [first] = target.keys;
    const nested = Planner.nest(target.keys, value);
    const old = plan.members.get(first);
    if (old === undefined) {
      plan.members.set(first, nested);
      return true;
    }
    // Two changes creating members of one new object: merge them.
    if (old === null || typeof old !== 'object' || Array.isArray(old) || nested === null || typeof nested !== 'object' || Array.isArray(nested)) return false;
    plan.members.set(first, { ...old, ...nested });
    return true;
  }

  add(change: SemanticChange): boolean {
    switch (change.kind) {
      case 'set':
      case 'insert': {
        const target = this.resolve(change.path);
        if (!target) return false;
        if (target.kind === 'found') {
          if (target.member.value.resolvedFrom !== undefined) return false;
          this.planOf(target.container).replaces.set(target.index, change.value);
          return true;
        }
        return this.create(target, change.value);
      }
      case 'remove': {
        const target = this.resolve(change.path);
        if (!target) return false;
        if (target.kind === 'found') this.planOf(target.container).removes.add(target.index);
        return true;
      }
      case 'rename': {
        const target = this.resolve(change.path);
        if (!target || target.kind !== 'found') return false;
        return this.renameAt(target.member.keySpan, target.container, change.to);
      }
      case 'renameKey': {
        const found = this.parentOfKey(change.keySpan);
        if (!found) return false;
        return this.renameAt(change.keySpan, found, change.to);
      }
      case 'removeKey': {
        // One occurrence of a key written twice (a dict keeps the last; a repeated keyword does not compile).
        if (!this.inCall(change.keySpan)) return false;
        const container = this.parentOfKey(change.keySpan);
        const index = container?.entries.findIndex((e) => e.keySpan?.start === change.keySpan.start && e.keySpan?.end === change.keySpan.end) ?? -1;
        if (!container || index < 0) return false;
        this.planOf(container).removes.add(index);
        return true;
      }
      case 'addItem': {
        const target = this.resolve(change.path);
        if (!target) return false;
        if (target.kind !== 'found') return this.create(target, [change.value]);
        const value = target.member.value;
        if (value.kind === 'null') {
          const plan = this.planOf(target.container);
          const old = plan.replaces.get(target.index);
          if (old !== undefined && !Array.isArray(old)) return false;
          plan.replaces.set(target.index, [...((old as JsonValue[] | undefined) ?? []), change.value]);
          return true;
        }
        const list = this.listContainerOf(value, change.path);
        if (!list) return false;
        this.planOf(list).items.push(change.value);
        return true;
      }
      case 'removeItem':
      case 'replaceItem': {
        const target = this.resolve(change.path);
        if (!target || target.kind !== 'found') return false;
        const list = this.listContainerOf(target.member.value, change.path);
        if (!list || !Number.isInteger(change.index) || change.index < 0 || change.index >= list.entries.length) return false;
        const plan = this.planOf(list);
        if (change.kind === 'removeItem') plan.removes.add(change.index);
        else plan.replaces.set(change.index, change.value);
        return true;
      }
      case 'addDependency':
        return false; // code declares no dependencies this builder could write
    }
  }

  private renameAt(keySpan: Span, container: PyContainer, to: string): boolean {
    if (!this.inCall(keySpan)) return false;
    const name = spell([...container.path, to], this.def.spelling);
    // A keyword written twice does not compile, and a dict keeps only the last: never rename onto a name in use.
    const text = this.root.text;
    if (container.entries.some((e) => e.keySpan && text.slice(e.keySpan.start, e.keySpan.end).replace(/^['"]|['"]$/g, '') === name)) return false;
    const quote = this.style.quote;
    this.keys.push({ span: keySpan, newText: container.form === 'dict' ? pythonString(name, (container.keyQuote ?? quote)) : name });
    return true;
  }

  /** The container holding the member whose key is at `keySpan`. */
  private parentOfKey(keySpan: Span): PyContainer | undefined {
    const search = (obj: ObjectValue, path: string[]): PyContainer | undefined => {
      for (const m of obj.members) {
        if (m.keySpan.start === keySpan.start && m.keySpan.end === keySpan.end) return this.objectContainer(obj, path);
        if (m.canonical !== undefined && m.value.kind === 'object' && m.span.start <= keySpan.start && keySpan.end <= m.span.end) return search(m.value, [...path, m.canonical]);
      }
      return undefined;
    };
    return this.def.body?.kind === 'object' ? search(this.def.body, []) : undefined;
  }
}

/** The quote the call writes its strings in (double quotes when it has none). */
function quoteOf(text: string, def: ClientDefinition): Quote {
  let found: Quote | undefined;
  const visit = (v: LocatedValue | undefined): void => {
    if (!v || found) return;
    if (v.kind === 'string' && v.resolvedFrom === undefined) {
      const m = /^[rRbBuU]{0,2}(['"])/.exec(text.slice(v.span.start, v.span.start + 4));
      if (m) found = m[1] as Quote;
    } else if (v.kind === 'list') v.items.forEach(visit);
    else if (v.kind === 'object') v.members.forEach((m) => visit(m.value));
  };
  visit(def.body);
  return found ?? '"';
}

function renderer(text: string, def: ClientDefinition, style: PyStyle): FlowRenderer {
  return {
    syntax: 'yaml', // `#` line comments, as in YAML
    comma: ', ',
    eol: eolOf(text),
    unit: '    ',
    entry(e, c, _indent) {
      const pc = c as PyContainer;
      const local = { ...style, quote: pc.quote ?? style.quote };
      if (pc.form === 'list' || e.key === undefined) return pythonValue(e.value, pc.path, local);
      const path = [...pc.path, e.key];
      const name = propertySchema(path) ? spell(path, def.spelling) : e.key;
      const value = pythonValue(e.value, path, local);
      return pc.form === 'dict' ? `${pythonString(name, pc.keyQuote ?? local.quote)}: ${value}` : `${name}=${value}`;
    },
    value(c, index, value) {
      const pc = c as PyContainer;
      const entry = pc.entries[index];
      const own = /^[rRbBuU]{0,2}(['"])/.exec(text.slice(entry.value.span.start, entry.value.span.start + 4));
      const local = { ...style, quote: entry.value.kind === 'string' && own ? (own[1] as Quote) : pc.quote ?? style.quote };
      if (pc.form === 'list') return pythonValue(value, pc.path, local);
      const written = entry.keySpan ? text.slice(entry.keySpan.start, entry.keySpan.end).replace(/^['"]|['"]$/g, '') : '';
      const canonical = canonicalName(written, def.spelling, pc.path) ?? written;
      return pythonValue(value, [...pc.path, canonical], local);
    },
    expandEmpty: () => false,
  };
}

/** The call node a definition was read from. */
function callNode(root: SyntaxNode, def: ClientDefinition): SyntaxNode | undefined {
  const node = nodeAt(root, def.span);
  if (!node) return undefined;
  let n: SyntaxNode | null = node;
  while (n && n.type !== 'call') n = n.namedChildren.find((c) => c !== null && c.startIndex === def.span.start && c.endIndex === def.span.end) ?? null;
  return n ?? undefined;
}

/** A CDK L2 definition as its keyword arguments as written (each member named as itself), for fixes in those names. */
function asWritten(def: ClientDefinition): ClientDefinition | undefined {
  const source = def.derived?.source;
  if (!source) return undefined;
  const named = (value: LocatedValue): LocatedValue => {
    if (value.kind === 'object') return { ...value, members: value.members.map((m) => ({ ...m, canonical: m.name, value: named(m.value) })) };
    if (value.kind === 'list') return { ...value, items: value.items.map(named) };
    return value;
  };
  return { ...def, derived: undefined, body: named(source) as ObjectValue };
}

export const pythonEdits: EditBuilder = (doc, derivedOrOwn: ClientDefinition, fix: SemanticFix, _model: DocumentModel) => {
  const text = doc.text;
  // The CDK L2: fixes address its keyword arguments as written (no `...Property(...)` classes).
  const l2 = derivedOrOwn.derived !== undefined;
  const def = l2 ? asWritten(derivedOrOwn) : derivedOrOwn;
  if (!def) return undefined;
  const tree = parseText('python', text);
  if (!tree) return undefined;
  try {
    const call = callNode(tree.rootNode, def);
    if (!call || call.hasError) return undefined;
    const fn = call.childForFieldName('function');
    const style: PyStyle = { quote: quoteOf(text, def), spelling: def.spelling };
    if (def.spelling === 'cdkPython' && fn && !l2) style.cdkClass = fn.text.replace(/\s+/g, '');
    if (l2) style.cdkName = (name) => pythonCdkClass(text, name);
    const planner = new Planner(tree.rootNode, call, def, style);
    for (const change of fix.changes) if (!planner.add(change)) return undefined;
    const r = renderer(text, def, style);
    const edits: SpanEdit[] = [...planner.keys];
    for (const plan of planner.plans) {
      const made = flowEdits(text, plan, r);
      if (!made) return undefined;
      edits.push(...made);
    }
    return edits;
  } finally {
    tree.delete();
  }
};
