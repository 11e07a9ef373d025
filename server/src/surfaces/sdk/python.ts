/**
 * The Python reader: boto3 `create_user_pool_client(...)` / `update_user_pool_client(...)` calls on
 * any receiver, the CDK L1 construct `CfnUserPoolClient(scope, "Id", ...)` and, in a file that uses
 * the CDK (`aws_cdk`, `aws_cognito`), the CDK L2 `UserPoolClient(scope, "Id", ...)` /
 * `pool.add_client("Id", ...)` (kind `cdk-l2`), read through the tree-sitter Python grammar into
 * the calls of ./tree.ts.
 *
 * - L2 props are the keyword arguments, named as written (snake_case; ./cdk-l2.ts names them); the
 *   structs `OAuthSettings(...)`, `OAuthFlows(...)`, `AuthFlow(...)`, `AnalyticsConfiguration(...)`, `StandardAttributesMask(...)`
 *   read as objects of their keyword arguments, like dicts; other calls and attributes
 *   (`Duration.minutes(5)`, `OAuthScope.OPENID`, `ClientAttributes().with_custom_attributes("x")`)
 *   as Unknown with an `expression` (a class call is a construction; keyword arguments are one
 *   object after the positional ones, as jsii lifts them); a name bound once to a call keeps it.
 *
 * - Members are the call's keyword arguments, named as written (boto3's PascalCase API names, the
 *   CDK's snake_case keywords). `**params` is resolved to a dict literal or `dict(...)` call bound
 *   once in the same function or at module level and merged with the explicit keywords (its
 *   members keep the spans where the dict writes them); anything else behind `**` makes the call
 *   `open`.
 * - Values: strings (escapes decoded, adjacent literals joined), numbers, `True` / `False` /
 *   `None`, lists and tuples, dicts, `dict(...)` and CDK `...Property(...)` calls as objects; a
 *   name bound once to a literal in the same function or module reads as that literal (marked
 *   `resolvedFrom`, located where the name is used); f-strings with substitutions, other names,
 *   `os.environ[...]`, attributes and other calls are Unknown; `a if c else b` is Unknown with both
 *   branches as alternatives and as the two cases of the condition `c` (checked one by one).
 * - Half-typed code: tree-sitter wraps what it cannot parse in ERROR nodes; calls are still
 *   recognised inside them (`client.create_user_pool_client(` followed by whatever keyword
 *   arguments did parse), and the ERROR nodes that touch a recognised call become problems.
 *
 * Offsets: web-tree-sitter reads the JavaScript string as UTF-16, so node indexes are already the
 * model's UTF-16 offsets.
 */
import { OutOfTime, outOfTimeProblem, tick } from '../../budget';
import type { CodeExpression, LocatedProperty, LocatedValue, ObjectValue, ParseProblem, Span, UnknownValue } from '../../model';
import { parseText, type SyntaxNode } from '../tree-sitter';
import type { SdkCall, SdkCallKind, SdkFile } from './tree';

/** The boto3 method names and the call kind each stands for. */
const BOTO3_METHODS: Record<string, SdkCallKind> = {
  create_user_pool_client: 'create',
  update_user_pool_client: 'update',
};

const CFN_CONSTRUCT = 'CfnUserPoolClient';

/** Text of a file that uses the CDK (`aws_cdk`, `aws_cdk.aws_cognito`): only there is the L2 recognised. */
const CDK_MODULE = /\baws_cdk\b|\baws_cognito\b/;

/** The CDK L2 structs read as objects of their keyword arguments in L2 props (like dicts). */
const L2_STRUCTS = new Set(['OAuthSettings', 'OAuthFlows', 'AuthFlow', 'AnalyticsConfiguration', 'StandardAttributesMask']);

/** CDK constructs that register an identity provider with their pool (the L2 default `supported_identity_providers` reads them). */
const PROVIDER_CONSTRUCTS = /^UserPoolIdentityProvider(Google|Facebook|Amazon|Apple|Oidc|Saml)$/;

/** How deep names are followed to their literals (a name bound to a name bound to a literal...). */
const MAX_RESOLVE_DEPTH = 6;

/** How deep values nested in values are read; deeper ones are Unknown (as in the other readers). */
const MAX_NESTING = 200;

/** Read a Python file; undefined when the grammar is not loaded. Never throws. */
export function readPython(text: string): SdkFile | undefined {
  const tree = parseText('python', text);
  if (!tree) return undefined;
  try {
    return new Reader(text).read(tree.rootNode);
  } catch (error) {
    if (error instanceof OutOfTime) return { calls: [], problems: [outOfTimeProblem('This file')] };
    return { calls: [], problems: [{ message: `The Python file could not be read: ${error instanceof Error ? error.message : String(error)}`, span: { start: 0, end: 0 } }] };
  } finally {
    tree.delete();
  }
}

function spanOf(node: SyntaxNode): Span {
  return { start: node.startIndex, end: node.endIndex };
}

function unknown(span: Span, reason: string): UnknownValue {
  return { kind: 'unknown', reason, span };
}

/** A short form of some code for a reason (`os.environ["URL"]`). */
function shortText(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 40 ? flat.slice(0, 37) + '...' : flat;
}

/** The callee's last name: `create_user_pool_client` of `client.create_user_pool_client`. */
function calleeName(fn: SyntaxNode | null): SyntaxNode | undefined {
  if (!fn) return undefined;
  if (fn.type === 'identifier') return fn;
  if (fn.type === 'attribute') return fn.childForFieldName('attribute') ?? undefined;
  return undefined;
}

/** What a callee stands for: a boto3 method (on a receiver), the CDK L1 construct, or (in a CDK file) the L2. */
function kindOfCallee(fn: SyntaxNode | null, cdkFile: boolean): { kind: SdkCallKind; name: SyntaxNode } | undefined {
  const name = calleeName(fn);
  if (!name || !fn) return undefined;
  if (name.text === CFN_CONSTRUCT) return { kind: 'cfn', name };
  if (cdkFile && (name.text === 'UserPoolClient' || (name.text === 'add_client' && fn.type === 'attribute'))) return { kind: 'cdk-l2', name };
  const method = BOTO3_METHODS[name.text];
  if (method && fn.type === 'attribute') return { kind: method, name };
  return undefined;
}

const SCOPE_TYPES = new Set(['function_definition', 'lambda', 'class_definition']);

/** One name's bindings in a scope. */
interface Binding {
  /** Every value assigned to the name in the scope (only a single one is followed). */
  values: SyntaxNode[];
  /** True when the scope changes the object in place (`params["X"] = ...`, `params.update(...)`). */
  mutated: boolean;
}

/** Decode the escapes of a Python string literal body (not raw). */
export function decodePythonEscapes(body: string, bytes = false): string {
  return body.replace(/\\(\r\n|\n|[\\'"abfnrtv]|[0-7]{1,3}|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|N\{[^}]*\})/g, (all, e: string) => {
    switch (e[0]) {
      case '\r':
      case '\n':
        return '';
      case '\\':
        return '\\';
      case "'":
        return "'";
      case '"':
        return '"';
      case 'a':
        return '\x07';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'v':
        return '\v';
      case 'x':
        return String.fromCharCode(parseInt(e.slice(1), 16));
      case 'u':
      case 'U':
        if (bytes) return all;
        try {
          return String.fromCodePoint(parseInt(e.slice(1), 16));
        } catch {
          return all;
        }
      case 'N':
        return all; // a Unicode character name: kept as written
      default:
        return String.fromCharCode(parseInt(e, 8));
    }
  });
}

class Reader {
  private readonly calls: SdkCall[] = [];
  private readonly errors: SyntaxNode[] = [];
  private readonly scopeCache = new Map<number, Map<string, Binding>>();
  private root!: SyntaxNode;

  /** Whether the file uses the CDK: `add_client` and `UserPoolClient` are common names elsewhere. */
  private readonly cdkFile: boolean;
  /** True while the props of an L2 call are read (structs as objects, CDK helpers as expressions). */
  private l2 = false;
  /** Where identity provider constructs (and `register_identity_provider` calls) start. */
  private readonly providerStarts: number[] = [];

  constructor(private readonly text: string) {
    this.cdkFile = CDK_MODULE.test(text);
  }

  /** Where the text names a recognised callee: only the nodes around these are visited. */
  private markers: number[] = [];

  read(root: SyntaxNode): SdkFile {
    this.root = root;
    const markers = this.cdkFile ? /create_user_pool_client|update_user_pool_client|UserPoolClient|add_client|UserPoolIdentityProvider|register_identity_provider/g : /create_user_pool_client|update_user_pool_client|CfnUserPoolClient/g;
    for (const m of this.text.matchAll(markers)) this.markers.push(m.index);
    this.visit(root);
    for (const call of this.calls) {
      if (call.l2) call.l2.providersBefore = this.providerStarts.filter((at) => at < call.span.start).length;
    }
    const problems: ParseProblem[] = [];
    for (const error of this.errors) {
      const span = spanOf(error);
      if (!this.calls.some((c) => span.start <= c.span.end && c.span.start <= span.end)) continue;
      problems.push({ message: error.isMissing ? `Python syntax error: missing ${error.type}.` : 'Python syntax error: this code does not parse.', span });
    }
    this.calls.sort((a, b) => a.span.start - b.span.start);
    return { calls: this.calls, problems };
  }

  /**
   * Every node around a marker, in document order (a loop, not recursion: code nested thousands
   * deep around a call must not overflow the stack).
   */
  private visit(root: SyntaxNode): void {
    const stack: SyntaxNode[] = [root];
    for (let node = stack.pop(); node; node = stack.pop()) {
      tick();
      // Walking every node of a large file costs more than parsing it: skip subtrees without a callee.
      if (node.type === 'ERROR' || node.isMissing) this.errors.push(node);
      const { startIndex, endIndex } = node;
      if (!this.markers.some((m) => startIndex <= m && m < endIndex)) continue;
      this.visitNode(node);
      const children = node.children;
      for (let i = children.length - 1; i >= 0; i--) if (children[i]) stack.push(children[i]!);
    }
  }

  private visitNode(node: SyntaxNode): void {
    if (node.type === 'call') {
      const providerName = calleeName(node.childForFieldName('function'))?.text ?? '';
      if (this.cdkFile && (PROVIDER_CONSTRUCTS.test(providerName) || providerName === 'register_identity_provider')) this.providerStarts.push(node.startIndex);
      const found = kindOfCallee(node.childForFieldName('function'), this.cdkFile);
      const args = node.childForFieldName('arguments');
      if (found && args && args.type === 'argument_list') {
        const last = args.lastChild;
        const closed = last?.type === ')' && !last.isMissing;
        const list = args.namedChildren.filter(isNode);
        this.calls.push(this.callOf(node, found.kind, found.name, closed ? list : this.beforeDedent(node, list), spanOf(args)));
      }
    } else if (node.type === 'ERROR') {
      this.callsInError(node);
    }
  }

  /**
   * Calls tree-sitter could not close: inside an ERROR node, a callee followed by `(` and then the
   * arguments that did parse (up to a `)` if there is one).
   */
  private callsInError(error: SyntaxNode): void {
    const children = error.children.filter(isNode);
    for (let i = 0; i + 1 < children.length; i++) {
      tick();
      const found = kindOfCallee(children[i], this.cdkFile);
      if (!found || children[i + 1].type !== '(') continue;
      const args: SyntaxNode[] = [];
      let end = children[i + 1].endIndex;
      let j = i + 2;
      const indent = this.indentAt(children[i].startIndex);
      for (; j < children.length && children[j].type !== ')'; j++) {
        tick();
        // An unclosed call ends where the code goes back to the call's indentation (the next statement).
        if (this.startsLine(children[j].startIndex) && this.indentAt(children[j].startIndex) <= indent) break;
        if (children[j].isNamed) args.push(children[j]);
        else if (children[j].type === '=') args.push(children[j]);
        end = children[j].endIndex;
      }
      if (j < children.length) end = children[j].endIndex;
      const start = children[i].startIndex;
      this.calls.push(this.callOf(undefined, found.kind, found.name, args, { start: children[i + 1].startIndex, end }, { start, end }));
      i = j;
    }
  }

  /**
   * The width of the indentation of the line holding an offset. Counted from the line's start
   * (never a copy of the line: an ERROR node can have tens of thousands of children on one line).
   */
  private indentAt(offset: number): number {
    const start = this.text.lastIndexOf('\n', offset - 1) + 1;
    let end = start;
    while (end < offset && (this.text.charCodeAt(end) === 0x20 || this.text.charCodeAt(end) === 0x09)) end++;
    return end - start;
  }

  /** Whether only indentation stands before an offset on its line (looked at back from the offset). */
  private startsLine(offset: number): boolean {
    let at = offset - 1;
    while (at >= 0 && (this.text.charCodeAt(at) === 0x20 || this.text.charCodeAt(at) === 0x09)) at--;
    return at < 0 || this.text.charCodeAt(at) === 0x0a;
  }

  /** The arguments of an unclosed call up to the first one back at the call's indentation. */
  private beforeDedent(call: SyntaxNode, args: SyntaxNode[]): SyntaxNode[] {
    const indent = this.indentAt(call.startIndex);
    const stop = args.findIndex((a) => this.startsLine(a.startIndex) && this.indentAt(a.startIndex) <= indent);
    return stop < 0 ? args : args.slice(0, stop);
  }

  /** The call from its argument nodes (keyword arguments, `**splat`, positional arguments). */
  private callOf(node: SyntaxNode | undefined, kind: SdkCallKind, callee: SyntaxNode, args: SyntaxNode[], argsSpan: Span, span?: Span): SdkCall {
    const call: SdkCall = {
      kind,
      language: 'python',
      callee: callee.text,
      calleeSpan: spanOf(callee),
      span: span ?? (node ? spanOf(node) : argsSpan),
      props: undefined,
    };
    const members: LocatedProperty[] = [];
    const positional: SyntaxNode[] = [];
    const at = callee.startIndex;
    const l2 = kind === 'cdk-l2';
    const viaAddClient = l2 && callee.text === 'add_client';
    if (l2) {
      call.l2 = { via: viaAddClient ? 'addClient' : 'construct' };
      const receiver = viaAddClient ? callee.parent?.childForFieldName('object') : null;
      if (receiver) call.l2.pool = unknown(spanOf(receiver), `${shortText(receiver.text)}.userPoolId`);
    }
    const wasL2 = this.l2;
    this.l2 = l2;
    try {
      this.readArguments(args, at, members, positional, call);
    } finally {
      this.l2 = wasL2;
    }
    const idArg = kind === 'cfn' || (l2 && !viaAddClient) ? positional[1] : viaAddClient ? positional[0] : undefined;
    if (idArg) {
      const id = this.value(idArg, at, 0);
      if (id.kind === 'string') call.constructId = id.value;
    }
    if (args.length > 0 || members.length > 0 || node) call.props = { kind: 'object', members, span: argsSpan, flow: true };
    return call;
  }

  /** The keyword arguments (and `**splat`) of a call as members; its positional arguments. */
  private readArguments(args: SyntaxNode[], at: number, members: LocatedProperty[], positional: SyntaxNode[], call: SdkCall): void {
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      if (arg.type === 'keyword_argument') {
        const member = this.keywordMember(arg, at);
        if (member) members.push(member);
      } else if (arg.type === 'dictionary_splat') {
        this.splat(arg, at, members, call);
      } else if (arg.type === 'identifier' && (args[i + 1]?.type === '=' || (args[i + 1]?.type === 'ERROR' && args[i + 1].child(0)?.type === '='))) {
        // Half-typed: `Name=` with no value yet (or a value tree-sitter could not attach).
        const next = args[i + 1];
        const valueNode = next.type === '=' ? args[i + 2] : undefined;
        const value = valueNode && valueNode.type !== '=' && valueNode.type !== 'identifier' ? this.value(valueNode, at, 0) : unknown({ start: next.endIndex, end: next.endIndex }, 'an incomplete value');
        members.push({ name: arg.text, keySpan: spanOf(arg), span: { start: arg.startIndex, end: Math.max(next.endIndex, value.span.end) }, value });
        i += valueNode && value.kind !== 'unknown' ? 2 : 1;
      } else if (arg.type !== '=' && arg.type !== 'comment' && arg.type !== 'ERROR' && arg.type !== 'list_splat') {
        positional.push(arg);
      }
    }
  }

  private keywordMember(arg: SyntaxNode, at: number): LocatedProperty | undefined {
    const name = arg.childForFieldName('name');
    const valueNode = arg.childForFieldName('value');
    if (!name) return undefined;
    const value = valueNode ? this.value(valueNode, at, 0) : unknown({ start: arg.endIndex, end: arg.endIndex }, 'an incomplete value');
    return { name: name.text, keySpan: spanOf(name), span: spanOf(arg), value };
  }

  /** `**params`: the members of the dict it is bound to, or the call made open. */
  private splat(arg: SyntaxNode, at: number, members: LocatedProperty[], call: SdkCall): void {
    const inner = arg.namedChildren.find(isNode);
    const reason = `**${shortText(inner?.text ?? '')}`;
    if (!inner) {
      call.open ??= { reason, span: spanOf(arg) };
      return;
    }
    let target: SyntaxNode | undefined = inner;
    let mutated = false;
    for (let depth = 0; target?.type === 'identifier' && depth < MAX_RESOLVE_DEPTH; depth++) {
      const binding = this.bindingOf(target, at);
      if (binding?.mutated) mutated = true;
      target = binding && binding.values.length === 1 ? binding.values[0] : undefined;
    }
    const value = target && !mutated ? this.value(target, at, 1) : undefined;
    if (!value || value.kind !== 'object') {
      call.open ??= { reason: mutated ? `${reason} (changed after it is built)` : reason, span: spanOf(arg) };
      return;
    }
    members.push(...value.members);
    // A dict that itself spreads something unresolved leaves the call open.
    if (this.openObjects.has(value)) call.open ??= { reason: this.openObjects.get(value)!, span: spanOf(arg) };
  }

  /** Objects read from dicts that spread something unresolved (`{**base, ...}`), with the reason. */
  private readonly openObjects = new Map<ObjectValue, string>();

  // ---------- values ----------

  /** How many values are being read inside one another (lists in lists, a dict's values...). */
  private nesting = 0;

  /** A value; Unknown beyond `MAX_NESTING` levels (a stack overflow would lose the whole file). */
  private value(node: SyntaxNode, at: number, depth: number): LocatedValue {
    if (this.nesting >= MAX_NESTING) return unknown(spanOf(node), 'nested too deep');
    this.nesting++;
    try {
      return this.valueOf(node, at, depth);
    } finally {
      this.nesting--;
    }
  }

  private valueOf(node: SyntaxNode, at: number, depth: number): LocatedValue {
    const span = spanOf(node);
    switch (node.type) {
      case 'string':
        return this.stringValue(node);
      case 'concatenated_string': {
        let value = '';
        for (const part of node.namedChildren.filter(isNode)) {
          if (part.type === 'comment') continue;
          const v = this.stringValue(part);
          if (v.kind !== 'string') return unknown(span, v.kind === 'unknown' ? v.reason : 'a joined string');
          value += v.value;
        }
        return { kind: 'string', value, span, quoted: true };
      }
      case 'integer':
      case 'float': {
        const n = Number(node.text.replace(/_/g, ''));
        return Number.isFinite(n) ? { kind: 'number', value: n, raw: node.text, span } : unknown(span, node.text);
      }
      case 'unary_operator': {
        const operand = node.childForFieldName('argument');
        const op = node.child(0)?.type;
        if (operand && (operand.type === 'integer' || operand.type === 'float') && (op === '-' || op === '+')) {
          const n = Number(operand.text.replace(/_/g, ''));
          if (Number.isFinite(n)) return { kind: 'number', value: op === '-' ? -n : n, raw: node.text, span };
        }
        return unknown(span, shortText(node.text));
      }
      case 'true':
      case 'false':
        return { kind: 'boolean', value: node.type === 'true', span };
      case 'none':
        return { kind: 'null', span };
      case 'parenthesized_expression': {
        const inner = node.namedChildren.find((c) => c && c.type !== 'comment');
        return inner ? { ...this.value(inner, at, depth), span } : unknown(span, shortText(node.text));
      }
      case 'list':
      case 'tuple': {
        const items: LocatedValue[] = [];
        for (const child of node.namedChildren.filter(isNode)) {
          if (child.type === 'comment') continue;
          if (child.type === 'list_splat' || child.type === 'list_comprehension') return unknown(span, `a list with ${shortText(child.text)}`);
          items.push(this.value(child, at, depth));
        }
        return { kind: 'list', items, span, flow: true };
      }
      case 'list_comprehension':
        return unknown(span, 'a list comprehension');
      case 'dictionary':
        return this.dictValue(node, at, depth);
      case 'call':
        return this.callValue(node, at, depth);
      case 'identifier':
        return this.nameValue(node, at, depth);
      case 'conditional_expression': {
        const parts = node.namedChildren.filter((c): c is SyntaxNode => !!c && c.type !== 'comment');
        if (parts.length === 3) {
          // `a if c else b`: both branches, and the case each holds (the condition named by its text).
          const whenTrue = this.value(parts[0], at, depth);
          const whenFalse = this.value(parts[2], at, depth);
          const condition = parts[1].text.replace(/\s+/g, ' ');
          return { kind: 'unknown', reason: 'a conditional expression', span, alternatives: [whenTrue, whenFalse], branches: { condition, whenTrue, whenFalse } };
        }
        return unknown(span, 'a conditional expression');
      }
      case 'subscript':
        return unknown(span, shortText(node.text));
      case 'attribute':
        return this.l2 ? this.expressionValue(node, at, depth) : unknown(span, shortText(node.text));
      default:
        return unknown(span, shortText(node.text));
    }
  }

  private stringValue(node: SyntaxNode): LocatedValue {
    const span = spanOf(node);
    if (node.type !== 'string') return this.value(node, node.startIndex, MAX_RESOLVE_DEPTH);
    const start = node.children.find((c) => c?.type === 'string_start');
    const end = node.children.find((c) => c?.type === 'string_end');
    if (!start || !end) return unknown(span, 'an unfinished string');
    const prefix = start.text.replace(/['"]+$/, '').toLowerCase();
    if (node.children.some((c) => c?.type === 'interpolation')) return unknown(span, 'an f-string');
    const body = this.text.slice(start.endIndex, end.startIndex);
    const value = prefix.includes('r') ? body : decodePythonEscapes(body, prefix.includes('b'));
    return { kind: 'string', value, span, quoted: true };
  }

  private dictValue(node: SyntaxNode, at: number, depth: number): LocatedValue {
    const span = spanOf(node);
    const members: LocatedProperty[] = [];
    let open: string | undefined;
    for (const child of node.namedChildren.filter(isNode)) {
      if (child.type === 'comment') continue;
      if (child.type === 'pair') {
        const keyNode = child.childForFieldName('key');
        const valueNode = child.childForFieldName('value');
        if (!keyNode) continue;
        const key = this.value(keyNode, at, depth);
        if (key.kind !== 'string') {
          open ??= `a computed key ${shortText(keyNode.text)}`;
          continue;
        }
        const value = valueNode ? this.value(valueNode, at, depth) : unknown({ start: child.endIndex, end: child.endIndex }, 'an incomplete value');
        members.push({ name: key.value, keySpan: spanOf(keyNode), span: spanOf(child), value });
      } else if (child.type === 'dictionary_splat') {
        const inner = child.namedChildren.find(isNode);
        const resolved = inner ? this.resolvedObject(inner, at, depth) : undefined;
        if (resolved) members.push(...resolved.members);
        else open ??= `**${shortText(inner?.text ?? '')}`;
      } else if (child.type === 'dictionary_comprehension') {
        return unknown(span, 'a dict comprehension');
      } else {
        open ??= shortText(child.text);
      }
    }
    const obj: ObjectValue = { kind: 'object', members, span, flow: true };
    if (open !== undefined) {
      if (depth === 0) return unknown(span, `a dict with ${open}`);
      this.openObjects.set(obj, open);
    }
    return obj;
  }

  /** A name or literal that stands for an object, read as one; undefined otherwise. */
  private resolvedObject(node: SyntaxNode, at: number, depth: number): ObjectValue | undefined {
    const value = this.value(node, at, depth + 1);
    if (value.kind !== 'object' || this.openObjects.has(value)) return undefined;
    return value;
  }

  private callValue(node: SyntaxNode, at: number, depth: number): LocatedValue {
    const span = spanOf(node);
    const fn = node.childForFieldName('function');
    const args = node.childForFieldName('arguments');
    const name = calleeName(fn)?.text;
    const isDict = fn?.type === 'identifier' && name === 'dict';
    const isProperty = name !== undefined && (/Property$/.test(name) || (this.l2 && L2_STRUCTS.has(name)));
    if (this.l2 && !isDict && !isProperty) return this.expressionValue(node, at, depth);
    if (!args || args.type !== 'argument_list' || !(isDict || isProperty)) return unknown(span, `a call (${shortText(fn?.text ?? 'call')}(...))`);
    const members: LocatedProperty[] = [];
    let open: string | undefined;
    for (const arg of args.namedChildren.filter(isNode)) {
      if (arg.type === 'comment') continue;
      if (arg.type === 'keyword_argument') {
        const member = this.keywordMember(arg, at);
        if (member) members.push(member);
      } else if (arg.type === 'dictionary_splat') {
        const inner = arg.namedChildren.find(isNode);
        const resolved = inner ? this.resolvedObject(inner, at, depth) : undefined;
        if (resolved) members.push(...resolved.members);
        else open ??= `**${shortText(inner?.text ?? '')}`;
      } else if (isDict && (arg.type === 'dictionary' || arg.type === 'identifier')) {
        const resolved = this.resolvedObject(arg, at, depth);
        if (resolved) members.push(...resolved.members);
        else open ??= shortText(arg.text);
      } else {
        open ??= shortText(arg.text);
      }
    }
    const obj: ObjectValue = { kind: 'object', members, span, flow: true };
    if (open !== undefined) {
      if (depth === 0) return unknown(span, `${isDict ? 'dict' : name}(...) with ${open}`);
      this.openObjects.set(obj, open);
    }
    return obj;
  }

  /** A name bound once to a literal in the same function or at module level reads as that literal. */
  private nameValue(node: SyntaxNode, at: number, depth: number): LocatedValue {
    const span = spanOf(node);
    if (depth >= MAX_RESOLVE_DEPTH) return unknown(span, node.text);
    const binding = this.bindingOf(node, at);
    if (!binding || binding.mutated || binding.values.length !== 1) return unknown(span, node.text);
    const bound = binding.values[0];
    if (!isLiteralShape(bound)) return unknown(span, node.text);
    const value = this.value(bound, at, depth + 1);
    // In L2 props a name bound to a CDK helper call keeps it (`attrs = ClientAttributes().with_...`).
    if (value.kind === 'unknown' && value.expression) return { kind: 'unknown', reason: node.text, span, expression: value.expression };
    if (value.kind === 'unknown' || (value.kind === 'object' && this.openObjects.has(value))) return unknown(span, node.text);
    return { ...value, span, resolvedFrom: node.text };
  }

  /** A CDK helper call or member access as an Unknown carrying its structure (see ./tree.ts). */
  private expressionValue(node: SyntaxNode, at: number, depth: number): UnknownValue {
    const out = unknown(spanOf(node), node.type === 'call' ? `a call (${shortText(node.childForFieldName('function')?.text ?? 'call')}(...))` : shortText(node.text));
    const expression = this.expressionOf(node, at, depth);
    if (expression) out.expression = expression;
    return out;
  }

  private expressionOf(node: SyntaxNode, at: number, depth: number): CodeExpression | undefined {
    if (depth > 24) return undefined;
    if (node.type === 'parenthesized_expression') {
      const inner = node.namedChildren.find((c) => c && c.type !== 'comment');
      return inner ? this.expressionOf(inner, at, depth + 1) : undefined;
    }
    if (node.type === 'identifier') {
      // A name bound once to a call stands for that call (`attrs = ClientAttributes().with_...`).
      const binding = this.bindingOf(node, at);
      const bound = binding && !binding.mutated && binding.values.length === 1 ? binding.values[0] : undefined;
      if (bound?.type === 'call') return this.expressionOf(bound, at, depth + 1);
      return { path: [node.text] };
    }
    if (node.type === 'attribute') {
      const object = node.childForFieldName('object');
      const attribute = node.childForFieldName('attribute');
      if (!object || !attribute) return undefined;
      const inner = this.expressionOf(object, at, depth + 1);
      if (!inner) return undefined;
      if (inner.args === undefined && inner.receiver === undefined && !inner.construct) return { path: [...inner.path, attribute.text] };
      return { path: [attribute.text], receiver: inner };
    }
    if (node.type === 'call') {
      const fn = node.childForFieldName('function');
      const target = fn ? this.expressionOf(fn, at, depth + 1) : undefined;
      if (!target || target.args !== undefined || target.construct) return undefined;
      // Positional arguments in order, then the keyword arguments as one object (as jsii lifts them).
      const args: LocatedValue[] = [];
      const keywords: LocatedProperty[] = [];
      const argsNode = node.childForFieldName('arguments');
      let keywordStart: number | undefined;
      for (const a of argsNode?.namedChildren.filter(isNode) ?? []) {
        if (a.type === 'comment') continue;
        if (a.type === 'keyword_argument') {
          const member = this.keywordMember(a, at);
          if (member) keywords.push(member);
          keywordStart ??= a.startIndex;
        } else if (a.type === 'list_splat' || a.type === 'dictionary_splat') args.push(unknown(spanOf(a), shortText(a.text)));
        else args.push(this.value(a, at, depth + 1));
      }
      if (keywords.length > 0) args.push({ kind: 'object', members: keywords, span: { start: keywordStart!, end: keywords[keywords.length - 1].span.end }, flow: true });
      const out: CodeExpression = { ...target, args };
      // A class call constructs (`ClientAttributes()`), as `new` does in TS.
      if (/^[A-Z]/.test(target.path[target.path.length - 1] ?? '')) out.construct = true;
      return out;
    }
    return undefined;
  }

  // ---------- names ----------

  /** The bindings of a name where it is used: the enclosing function's, else the module's. */
  private bindingOf(name: SyntaxNode, _at: number): Binding | undefined {
    const scope = this.scopeOf(name);
    if (scope && scope.type === 'function_definition') {
      const params = scope.childForFieldName('parameters');
      if (params && params.descendantsOfType('identifier').some((p) => p?.text === name.text)) return undefined;
      const local = this.bindingsIn(scope).get(name.text);
      if (local) return local;
    }
    return this.bindingsIn(this.root).get(name.text);
  }

  /** Every function, lambda and class of the file, found once (by tree-sitter, without recursion here). */
  private scopes?: SyntaxNode[];

  /**
   * The innermost function, lambda or class around a node: the one holding its span that starts
   * last. By spans, not by climbing `parent`, which walks down from the root in tree-sitter
   * (quadratic in the nesting: 16 s for a call inside 20,000 brackets).
   */
  private scopeOf(node: SyntaxNode): SyntaxNode | undefined {
    this.scopes ??= this.root.descendantsOfType([...SCOPE_TYPES]).filter(isNode);
    let best: SyntaxNode | undefined;
    for (const scope of this.scopes) {
      tick();
      if (scope.startIndex <= node.startIndex && node.endIndex <= scope.endIndex && scope.id !== node.id && (!best || scope.startIndex >= best.startIndex)) best = scope;
    }
    return best;
  }

  private bindingsIn(scope: SyntaxNode): Map<string, Binding> {
    let found = this.scopeCache.get(scope.id);
    if (found) return found;
    found = new Map();
    const map = found;
    const get = (name: string): Binding => {
      let b = map.get(name);
      if (!b) {
        b = { values: [], mutated: false };
        map.set(name, b);
      }
      return b;
    };
    // A loop over the scope's nodes, not recursion: nesting thousands deep must not overflow the stack.
    const walk = (node: SyntaxNode): void => {
      tick();
      if (node !== scope && SCOPE_TYPES.has(node.type)) return;
      if (node.type === 'assignment') {
        const left = node.childForFieldName('left');
        let right = node.childForFieldName('right');
        while (right?.type === 'assignment') right = right.childForFieldName('right');
        if (left?.type === 'identifier' && right) get(left.text).values.push(right);
        else if (left?.type === 'identifier') get(left.text).values.push(left); // an annotation only: not a literal
        else if (left?.type === 'subscript' || left?.type === 'attribute') {
          const base = left.childForFieldName(left.type === 'subscript' ? 'value' : 'object');
          if (base?.type === 'identifier') get(base.text).mutated = true;
        } else if (left) {
          // Tuple / list unpacking: every name in it is bound to something not literal.
          for (const id of left.descendantsOfType('identifier')) if (id) get(id.text).values.push(id);
        }
      } else if (node.type === 'augmented_assignment') {
        const left = node.childForFieldName('left');
        const base = left?.type === 'identifier' ? left : left?.childForFieldName(left.type === 'subscript' ? 'value' : 'object');
        if (base?.type === 'identifier') get(base.text).mutated = true;
      } else if (node.type === 'call') {
        const fn = node.childForFieldName('function');
        if (fn?.type === 'attribute') {
          const object = fn.childForFieldName('object');
          const method = fn.childForFieldName('attribute')?.text ?? '';
          if (object?.type === 'identifier' && /^(update|setdefault|pop|popitem|clear|append|extend|insert|remove)$/.test(method)) get(object.text).mutated = true;
        }
      } else if (node.type === 'delete_statement') {
        for (const sub of node.descendantsOfType('subscript')) {
          const base = sub?.childForFieldName('value');
          if (base?.type === 'identifier') get(base.text).mutated = true;
        }
      } else if (node.type === 'for_statement' || node.type === 'with_statement' || node.type === 'named_expression') {
        const left = node.childForFieldName(node.type === 'named_expression' ? 'name' : 'left');
        if (left) for (const id of left.type === 'identifier' ? [left] : left.descendantsOfType('identifier')) if (id) get(id.text).values.push(id);
      } else if (node.type === 'global_statement' || node.type === 'nonlocal_statement') {
        for (const id of node.namedChildren) if (id?.type === 'identifier') get(id.text).values.push(id);
      }
      const children = node.namedChildren;
      for (let i = children.length - 1; i >= 0; i--) if (children[i]) stack.push(children[i]!);
    };
    const stack: SyntaxNode[] = [scope];
    for (let node = stack.pop(); node; node = stack.pop()) walk(node);
    this.scopeCache.set(scope.id, map);
    return map;
  }
}

function isNode(n: SyntaxNode | null): n is SyntaxNode {
  return n !== null;
}

/** Whether a bound expression can be read as a literal (names are followed; calls only `dict(...)` / `...Property(...)`). */
function isLiteralShape(node: SyntaxNode): boolean {
  return ['string', 'concatenated_string', 'integer', 'float', 'true', 'false', 'none', 'list', 'tuple', 'dictionary', 'call', 'identifier', 'unary_operator', 'parenthesized_expression'].includes(node.type);
}
