/**
 * The JavaScript / TypeScript reader: the user pool client calls of one file, through tree-sitter
 * (the typescript, tsx or javascript grammar, loaded by the surface before it asks).
 *
 * Recognised:
 * - `new CreateUserPoolClientCommand(arg)` / `new UpdateUserPoolClientCommand(arg)` (also
 *   `new x.CreateUserPoolClientCommand(arg)`): SDK v3 commands;
 * - `x.createUserPoolClient(arg)` / `x.updateUserPoolClient(arg)` on any receiver: SDK v2 (with or
 *   without `.promise()`, which wraps the call) and v3's aggregated client;
 * - `new CfnUserPoolClient(scope, id, props)` (also `new cognito.CfnUserPoolClient`,
 *   `new aws_cognito.CfnUserPoolClient`): the CDK L1 construct, with its construct id when literal;
 * - `new UserPoolClient(scope, id, props)` (also `cognito.` / `aws_cognito.` qualified) and
 *   `x.addClient(id, props?)`: the CDK L2 construct (kind `cdk-l2`), only in a file that uses the
 *   CDK's Cognito module; props are read without schema names (./cdk-l2.ts names them), with the
 *   pool `addClient` is called on and how many identity providers are constructed before it.
 * The argument is an object literal, or an identifier bound by `const` / `let` to one in the same
 * file (through `as`, `satisfies`, `!`, parentheses and type annotations); its spans are then where
 * that literal is written, and the call's span runs from the literal to the end of the call (the
 * definition is both). A spread in it opens the call (absent properties are Unknown), and a
 * spread of an identifier bound to an object literal also lends its members (an update built by
 * spreading a create request); later members win, as in the language.
 *
 * Values: literals as themselves; SDK enum constants (`OAuthFlowType.CODE`,
 * `ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH`) as the schema's value of that name (case-insensitive);
 * identifiers bound by `const` to a literal as that literal (located where it is written, and marked
 * `resolvedFrom` so no fix edits it); conditionals as Unknown with their literal branches; anything
 * else (calls, `process.env.X`, template literals with substitutions, unresolved names) as Unknown.
 *
 * Offsets: web-tree-sitter parses a JS string as UTF-16, so node indexes are the model's offsets.
 * Syntax errors inside a recognised call become problems; the call keeps what can be read. Never
 * throws; the tree is always deleted.
 */
import { OutOfTime, outOfTimeProblem, tick } from '../../budget';
import type { CodeExpression, LocatedProperty, LocatedValue, ObjectValue, ParseProblem, Span, UnknownValue } from '../../model';
import { canonicalName, propertySchema } from '../../schema';
import type { Spelling } from '../../model';
import { parseText, type SyntaxNode } from '../tree-sitter';
import type { SdkCall, SdkCallKind, SdkFile } from './tree';

export type JsDialect = 'javascript' | 'typescript' | 'tsx';

/** What the reader knows about a call beyond the model: where a fix may write. */
export interface JsCallNotes {
  /**
   * The object literal the call's properties are written in, when a fix may edit it: the call's own
   * argument, or a literal bound to a name used nowhere else. Undefined when no edit is safe.
   */
  editable?: Span;
}

export interface JsRead {
  file: SdkFile;
  notes: Map<SdkCall, JsCallNotes>;
}

/** Expressions that only wrap a value (types, parentheses). */
const WRAPPERS = new Set(['parenthesized_expression', 'as_expression', 'satisfies_expression', 'non_null_expression', 'type_assertion']);

/** How deep values are followed (nested objects, names bound to names). */
const MAX_DEPTH = 24;

function spanOf(node: SyntaxNode): Span {
  return { start: node.startIndex, end: node.endIndex };
}

function unwrap(node: SyntaxNode | null): SyntaxNode | null {
  let n = node;
  for (let i = 0; n && WRAPPERS.has(n.type) && i < 16; i++) {
    const inner: SyntaxNode | null = n.type === 'type_assertion' ? n.namedChildren[n.namedChildCount - 1] : n.namedChild(0);
    if (!inner) return n;
    n = inner;
  }
  return n;
}

/** The callee's last name: `CreateUserPoolClientCommand`, `createUserPoolClient`, `CfnUserPoolClient`. */
function calleeName(node: SyntaxNode | null): SyntaxNode | null {
  const n = unwrap(node);
  if (!n) return null;
  if (n.type === 'identifier' || n.type === 'property_identifier') return n;
  if (n.type === 'member_expression') return n.childForFieldName('property');
  return null;
}

function kindOfNew(name: string): SdkCallKind | undefined {
  if (name === 'CreateUserPoolClientCommand') return 'create';
  if (name === 'UpdateUserPoolClientCommand') return 'update';
  if (name === 'CfnUserPoolClient') return 'cfn';
  if (name === 'UserPoolClient') return 'cdk-l2';
  return undefined;
}

function kindOfMethod(name: string): SdkCallKind | undefined {
  if (name === 'createUserPoolClient') return 'create';
  if (name === 'updateUserPoolClient') return 'update';
  if (name === 'addClient') return 'cdk-l2';
  return undefined;
}

/** Text of a file that uses the CDK's Cognito module (aws-cdk-lib v2, the v1 package, or the `aws_cognito` namespace). */
const CDK_MODULE = /aws-cdk-lib|@aws-cdk\/aws-cognito|\baws_cognito\b/;

/** CDK constructs that register an identity provider with their pool (the L2 default `supportedIdentityProviders` reads them). */
const PROVIDER_CONSTRUCTS = /^UserPoolIdentityProvider(Google|Facebook|Amazon|Apple|Oidc|Saml)$/;

/** Decode the text of a JS string literal node (quotes stripped, escapes decoded). */
function stringText(node: SyntaxNode): string {
  let out = '';
  for (const child of node.children) {
    if (!child) continue;
    if (child.type === 'string_fragment') out += child.text;
    else if (child.type === 'escape_sequence') out += decodeEscape(child.text);
  }
  return out;
}

function decodeEscape(esc: string): string {
  const c = esc[1];
  const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', '0': '\0' };
  if (c in simple && esc.length === 2) return simple[c];
  if (c === 'x') return String.fromCharCode(parseInt(esc.slice(2), 16));
  if (c === 'u') {
    const hex = esc[2] === '{' ? esc.slice(3, -1) : esc.slice(2);
    const code = parseInt(hex, 16);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : esc;
  }
  if (c === '\r' || c === '\n' || c === '\u2028' || c === '\u2029') return ''; // a line continuation
  return esc.slice(1);
}

/** A short description of an expression, for Unknown values. */
function describe(node: SyntaxNode): string {
  const text = node.text.replace(/\s+/g, ' ');
  if (node.type === 'call_expression' || node.type === 'new_expression' || node.type === 'await_expression') return text.length <= 40 ? text : 'a call';
  if (node.type === 'template_string') return 'a template literal';
  if (node.type === 'ternary_expression') return 'a conditional';
  if (node.type === 'spread_element') return text.length <= 40 ? text : 'a spread';
  return text.length <= 40 ? text : `an expression (${node.type.replace(/_/g, ' ')})`;
}

interface Binding {
  kind: 'const' | 'let' | 'var';
  declarator: SyntaxNode;
  value: SyntaxNode | null;
}

class JsReader {
  private readonly bindings = new Map<string, Binding[]>();
  /** How often each name is used as an identifier (not counting its declarations). */
  private readonly uses = new Map<string, number>();
  /** Names assigned to, or whose members are assigned to, after their declaration. */
  private readonly changed = new Set<string>();
  readonly calls: SdkCall[] = [];
  readonly notes = new Map<SdkCall, JsCallNotes>();
  readonly problems: ParseProblem[] = [];
  /** Where identity provider constructs (and `registerIdentityProvider` calls) start. */
  private readonly providerStarts: number[] = [];

  /**
   * Whether the file uses the CDK's Cognito module: `addClient` and `UserPoolClient` are common
   * names elsewhere (a registry's `addClient('Acme', ...)`), so the L2 is recognised only then.
   */
  private readonly cdkFile: boolean;

  constructor(private readonly root: SyntaxNode) {
    this.cdkFile = CDK_MODULE.test(root.text);
  }

  read(): void {
    const interesting = this.root.descendantsOfType(['variable_declarator', 'identifier', 'shorthand_property_identifier', 'assignment_expression', 'augmented_assignment_expression', 'new_expression', 'call_expression']);
    const candidates: SyntaxNode[] = [];
    // Where each declared name stands: a declarator comes before its name in this (document)
    // order, so an identifier is known to be one without asking for its parent (which tree-sitter
    // finds by walking down from the root past every sibling: quadratic over 250,000 identifiers
    // in one broken import list, 2 s a read, fuzz seed 4242 index 24355).
    const declaredNames = new Set<number>();
    for (const node of interesting) {
      if (!node) continue;
      tick();
      switch (node.type) {
        case 'variable_declarator': {
          const name = node.childForFieldName('name');
          if (name?.type !== 'identifier') break;
          declaredNames.add(name.startIndex);
          const keyword = node.parent?.type === 'variable_declaration' ? 'var' : node.parent?.child(0)?.text === 'let' ? 'let' : 'const';
          const list = this.bindings.get(name.text) ?? [];
          list.push({ kind: keyword, declarator: node, value: node.childForFieldName('value') });
          this.bindings.set(name.text, list);
          break;
        }
        case 'identifier':
        case 'shorthand_property_identifier': {
          if (node.type === 'identifier' && declaredNames.has(node.startIndex)) break;
          this.uses.set(node.text, (this.uses.get(node.text) ?? 0) + 1);
          break;
        }
        case 'assignment_expression':
        case 'augmented_assignment_expression': {
          let left = unwrap(node.childForFieldName('left'));
          for (let i = 0; left && (left.type === 'member_expression' || left.type === 'subscript_expression') && i < 16; i++) left = unwrap(left.childForFieldName('object'));
          if (left?.type === 'identifier') this.changed.add(left.text);
          break;
        }
        default:
          candidates.push(node);
      }
    }
    for (const node of candidates) {
      tick();
      this.recognise(node);
    }
    for (const call of this.calls) {
      if (call.l2) call.l2.providersBefore = this.providerStarts.filter((at) => at < call.span.start).length;
    }
  }

  private recognise(node: SyntaxNode): void {
    let kind: SdkCallKind | undefined;
    const calleeNode = node.type === 'new_expression' ? node.childForFieldName('constructor') : node.childForFieldName('function');
    const name = calleeName(calleeNode);
    if (!name) return;
    if ((node.type === 'new_expression' && PROVIDER_CONSTRUCTS.test(name.text)) || (node.type === 'call_expression' && name.text === 'registerIdentityProvider')) {
      this.providerStarts.push(node.startIndex);
      return;
    }
    if (node.type === 'new_expression') kind = kindOfNew(name.text);
    else if (unwrap(calleeNode)?.type === 'member_expression') kind = kindOfMethod(name.text);
    if (!kind || (kind === 'cdk-l2' && !this.cdkFile)) return;
    const argsNode = node.childForFieldName('arguments');
    const args = argsNode ? argsNode.namedChildren.filter((a): a is SyntaxNode => a !== null && a.type !== 'comment') : [];
    const call: SdkCall = { kind, language: 'javascript', callee: name.text, calleeSpan: spanOf(name), span: spanOf(node), props: undefined };
    const notes: JsCallNotes = {};
    const regions: Span[] = [spanOf(node)];
    const l2 = kind === 'cdk-l2';
    const viaAddClient = l2 && node.type === 'call_expression';
    const propsArg = kind === 'cfn' || (l2 && !viaAddClient) ? args[2] : viaAddClient ? args[1] : args[0];
    const idArg = kind === 'cfn' || (l2 && !viaAddClient) ? args[1] : viaAddClient ? args[0] : undefined;
    if (l2) {
      call.l2 = { via: viaAddClient ? 'addClient' : 'construct' };
      const receiver = viaAddClient ? unwrap(unwrap(calleeNode)?.childForFieldName('object') ?? null) : null;
      if (receiver) call.l2.pool = { kind: 'unknown', reason: `${describe(receiver)}.userPoolId`, span: spanOf(receiver) };
    }
    if (idArg) {
      const id = unwrap(idArg);
      if (id?.type === 'string') call.constructId = stringText(id);
      else if (id?.type === 'template_string' && !id.namedChildren.some((c) => c?.type === 'template_substitution')) call.constructId = stringText(id);
    }
    if (propsArg) {
      const spelling: Spelling = kind === 'cfn' || l2 ? 'cdk' : 'api';
      const argument = unwrap(propsArg);
      let literal: SyntaxNode | null = null;
      let boundTo: string | undefined;
      if (argument?.type === 'object') literal = argument;
      else if (argument?.type === 'identifier') {
        const binding = this.binding(argument.text, ['const', 'let']);
        const value = unwrap(binding?.value ?? null);
        if (value?.type === 'object') {
          literal = value;
          boundTo = argument.text;
        }
      }
      if (literal) {
        const open: { reason: string; span: Span }[] = [];
        // L2 props are not schema names: read without canonical names (the L2 core names them).
        const obj = this.readObject(literal, l2 ? undefined : [], spelling, 0, open, true);
        call.props = obj;
        if (boundTo !== undefined) {
          regions.push(spanOf(literal));
          // The definition covers the literal it is written with (findings there belong to it).
          call.span = { start: Math.min(call.span.start, literal.startIndex), end: Math.max(call.span.end, literal.endIndex) };
          if (this.changed.has(boundTo)) open.push({ reason: `${boundTo} is changed after it is written`, span: spanOf(argument!) });
          // A literal used by this call only may be edited in place.
          if ((this.uses.get(boundTo) ?? 0) <= 1) notes.editable = spanOf(literal);
        } else notes.editable = spanOf(literal);
        if (open.length > 0) call.open = open[0];
      } else if (argument) {
        call.props = { kind: 'unknown', reason: describe(argument), span: spanOf(argument) };
      }
    }
    for (const region of regions) this.collectProblems(region);
    this.calls.push(call);
    this.notes.set(call, notes);
  }

  /** The one binding of a name in the file, of the allowed kinds (undefined when there are several). */
  private binding(name: string, kinds: readonly Binding['kind'][]): Binding | undefined {
    const list = this.bindings.get(name);
    if (!list || list.length !== 1 || !kinds.includes(list[0].kind)) return undefined;
    return list[0];
  }

  private problemSpans = new Set<string>();

  private collectProblems(region: Span): void {
    const node = this.root.descendantForIndex(region.start, region.end);
    if (!node) return;
    const visit = (n: SyntaxNode, depth: number): void => {
      tick();
      if (depth > 200 || n.endIndex < region.start || n.startIndex > region.end) return;
      if (n.isError || n.isMissing) {
        const key = `${n.startIndex}:${n.endIndex}`;
        if (!this.problemSpans.has(key)) {
          this.problemSpans.add(key);
          const message = n.isMissing ? `Syntax error: \`${n.type}\` missing.` : 'Syntax error: this code could not be read.';
          this.problems.push({ message, span: spanOf(n) });
        }
        if (n.isMissing) return;
      }
      if (!n.hasError && !n.isError) return;
      for (const child of n.children) if (child) visit(child, depth + 1);
    };
    visit(node, 0);
  }

  /** An object literal's members; spreads at the top level go to `open` (and lend their members when resolved). */
  private readObject(node: SyntaxNode, path: string[] | undefined, spelling: Spelling, depth: number, open: { reason: string; span: Span }[] | undefined, top: boolean): ObjectValue {
    const members: LocatedProperty[] = [];
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type === 'pair') {
        const key = child.childForFieldName('key');
        const valueNode = child.childForFieldName('value');
        if (!key || !valueNode) continue;
        let name: string | undefined;
        if (key.type === 'property_identifier') name = key.text;
        else if (key.type === 'string') name = stringText(key);
        else if (key.type === 'number') name = key.text;
        if (name === undefined) continue; // a computed key: not a name this can read
        const canonical = path ? canonicalName(name, spelling, path) : undefined;
        const childPath = path && canonical !== undefined ? [...path, canonical] : undefined;
        members.push({ name, keySpan: spanOf(key), span: spanOf(child), value: this.readValue(valueNode, childPath, spelling, depth + 1) });
      } else if (child.type === 'shorthand_property_identifier') {
        const name = child.text;
        const canonical = path ? canonicalName(name, spelling, path) : undefined;
        const childPath = path && canonical !== undefined ? [...path, canonical] : undefined;
        members.push({ name, keySpan: spanOf(child), span: spanOf(child), value: this.readValue(child, childPath, spelling, depth + 1) });
      } else if (child.type === 'spread_element') {
        const target = unwrap(child.namedChild(0));
        if (top && open) open.push({ reason: `the spread ${describe(child)}`, span: spanOf(child) });
        // The members of a spread object literal bound in this file count as written (later members win).
        if (target?.type === 'identifier' && depth < MAX_DEPTH) {
          const value = unwrap(this.binding(target.text, ['const', 'let'])?.value ?? null);
          if (value?.type === 'object') {
            const lent = this.readObject(value, path, spelling, depth + 1, undefined, false);
            for (const m of lent.members) members.push(markResolved(m, target.text));
          }
        } else if (target?.type === 'object') {
          members.push(...this.readObject(target, path, spelling, depth + 1, open, top).members);
        }
      }
    }
    return { kind: 'object', members, span: spanOf(node), flow: true };
  }

  private readValue(node: SyntaxNode, path: string[] | undefined, spelling: Spelling, depth: number): LocatedValue {
    const n = unwrap(node) ?? node;
    const span = spanOf(n);
    if (depth > MAX_DEPTH) return { kind: 'unknown', reason: 'nested too deep', span };
    switch (n.type) {
      case 'string':
        return { kind: 'string', value: stringText(n), quoted: true, span };
      case 'template_string':
        if (n.namedChildren.some((c) => c?.type === 'template_substitution')) return { kind: 'unknown', reason: 'a template literal', span };
        return { kind: 'string', value: stringText(n), quoted: true, span };
      case 'number': {
        const value = Number(n.text.replace(/_/g, ''));
        return Number.isFinite(value) ? { kind: 'number', value, raw: n.text, span } : { kind: 'unknown', reason: n.text, span };
      }
      case 'unary_expression': {
        const operand = unwrap(n.childForFieldName('argument'));
        const operator = n.childForFieldName('operator')?.text ?? n.child(0)?.text;
        if (operand?.type === 'number' && (operator === '-' || operator === '+')) {
          const value = Number(operand.text.replace(/_/g, ''));
          if (Number.isFinite(value)) return { kind: 'number', value: operator === '-' ? -value : value, raw: n.text, span };
        }
        return { kind: 'unknown', reason: describe(n), span };
      }
      case 'true':
      case 'false':
        return { kind: 'boolean', value: n.type === 'true', span };
      case 'null':
      case 'undefined':
        return { kind: 'null', span };
      case 'array': {
        const items: LocatedValue[] = [];
        for (const child of n.namedChildren) {
          if (!child || child.type === 'comment') continue;
          if (child.type === 'spread_element') items.push({ kind: 'unknown', reason: describe(child), span: spanOf(child) });
          else items.push(this.readValue(child, path, spelling, depth + 1));
        }
        return { kind: 'list', items, span, flow: true };
      }
      case 'object':
        return this.readObject(n, path, spelling, depth, undefined, false);
      case 'identifier':
      case 'shorthand_property_identifier': {
        if (n.text === 'undefined') return { kind: 'null', span };
        const binding = this.binding(n.text, ['const']);
        const value = binding?.value;
        if (!value) return { kind: 'unknown', reason: n.text, span };
        const resolved = this.readValue(value, path, spelling, depth + 1);
        if (resolved.kind !== 'unknown') return { ...resolved, resolvedFrom: n.text };
        const out: UnknownValue = { kind: 'unknown', reason: n.text, span };
        if (resolved.expression) out.expression = resolved.expression;
        return out;
      }
      case 'member_expression': {
        const constant = this.enumConstant(n, path);
        if (constant !== undefined) return { kind: 'string', value: constant, span };
        return this.expressionValue(n, depth);
      }
      case 'call_expression':
      case 'new_expression':
        return this.expressionValue(n, depth);
      case 'ternary_expression': {
        const alternatives: LocatedValue[] = [];
        const cases: (LocatedValue | undefined)[] = [];
        for (const field of ['consequence', 'alternative']) {
          const branch = n.childForFieldName(field);
          const value = branch ? this.readValue(branch, path, spelling, depth + 1) : undefined;
          // `undefined` sends nothing: the property is left out on that branch.
          const absent = !value || (value.kind === 'null' && unwrap(branch)?.text === 'undefined');
          cases.push(absent ? undefined : value);
          if (!absent) alternatives.push(value);
        }
        const out: UnknownValue = { kind: 'unknown', reason: 'a conditional', span };
        if (alternatives.length > 0 && alternatives.every((a) => a.kind !== 'unknown')) out.alternatives = alternatives;
        // A condition without calls reads the same wherever it is written: each case can be checked.
        const condition = n.childForFieldName('condition');
        if (condition && !condition.hasError && condition.descendantsOfType(['call_expression', 'new_expression', 'assignment_expression', 'update_expression', 'await_expression']).length === 0) {
          out.branches = { condition: condition.text.replace(/\s+/g, ' '), whenTrue: cases[0], whenFalse: cases[1] };
        }
        return out;
      }
      default:
        return { kind: 'unknown', reason: describe(n), span };
    }
  }

  /** A call or member access as an Unknown carrying its structure (see tree.ts). */
  private expressionValue(n: SyntaxNode, depth: number): UnknownValue {
    const out: UnknownValue = { kind: 'unknown', reason: describe(n), span: spanOf(n) };
    const expression = this.expressionOf(n, depth);
    if (expression) out.expression = expression;
    return out;
  }

  private expressionOf(node: SyntaxNode, depth: number): CodeExpression | undefined {
    const n = unwrap(node) ?? node;
    if (depth > MAX_DEPTH) return undefined;
    if (n.type === 'identifier') {
      // A name bound by `const` to a call stands for that call (`const attrs = new ClientAttributes()...`).
      const value = unwrap(this.binding(n.text, ['const'])?.value ?? null);
      if (value && (value.type === 'call_expression' || value.type === 'new_expression')) return this.expressionOf(value, depth + 1);
      return { path: [n.text] };
    }
    if (n.type === 'member_expression') {
      const property = n.childForFieldName('property');
      const object = unwrap(n.childForFieldName('object'));
      if (!property || !object || property.type !== 'property_identifier') return undefined;
      const inner = this.expressionOf(object, depth + 1);
      if (!inner) return undefined;
      if (inner.args === undefined && inner.receiver === undefined && !inner.construct) return { path: [...inner.path, property.text] };
      return { path: [property.text], receiver: inner };
    }
    if (n.type === 'call_expression' || n.type === 'new_expression') {
      const callee = n.type === 'new_expression' ? n.childForFieldName('constructor') : n.childForFieldName('function');
      const target = callee ? this.expressionOf(callee, depth + 1) : undefined;
      if (!target || target.args !== undefined || target.construct) return undefined;
      const argsNode = n.childForFieldName('arguments');
      const args: LocatedValue[] = [];
      for (const a of argsNode?.namedChildren ?? []) {
        if (!a || a.type === 'comment') continue;
        args.push(a.type === 'spread_element' ? { kind: 'unknown', reason: describe(a), span: spanOf(a) } : this.readValue(a, undefined, 'cdk', depth + 1));
      }
      const out: CodeExpression = { ...target, args };
      if (n.type === 'new_expression') out.construct = true;
      return out;
    }
    return undefined;
  }

  /**
   * The value an SDK enum constant stands for (`OAuthFlowType.CODE` -> `code`): the member name
   * matched case-insensitively against the enum of the property at `path` (or of its items), when
   * the object is named like an SDK enum (`...Type`, `...Types`).
   */
  private enumConstant(node: SyntaxNode, path: string[] | undefined): string | undefined {
    if (!path) return undefined;
    const object = unwrap(node.childForFieldName('object'));
    const property = node.childForFieldName('property');
    if (!object || !property || property.type !== 'property_identifier') return undefined;
    const objectName = object.type === 'identifier' ? object.text : object.type === 'member_expression' ? object.childForFieldName('property')?.text : undefined;
    if (!objectName || !/Types?$/.test(objectName)) return undefined;
    const prop = propertySchema(path);
    const values = prop?.enum ?? prop?.items?.enum;
    const wanted = property.text.toLowerCase();
    return values?.find((e) => e.value.toLowerCase() === wanted)?.value;
  }
}

/** A member lent by a spread: its value is written elsewhere, so no fix edits it. */
function markResolved(member: LocatedProperty, from: string): LocatedProperty {
  return { ...member, value: { ...member.value, resolvedFrom: member.value.resolvedFrom ?? from } };
}

/** Read a file, with what the edit builder needs to know about each call; undefined when the grammar is not loaded. */
export function readJavaScriptDetailed(text: string, dialect: JsDialect): JsRead | undefined {
  let tree;
  try {
    tree = parseText(dialect, text);
  } catch {
    return undefined;
  }
  if (!tree) return undefined;
  try {
    const reader = new JsReader(tree.rootNode);
    reader.read();
    return { file: { calls: reader.calls, problems: reader.problems }, notes: reader.notes };
  } catch (error) {
    if (error instanceof OutOfTime) return { file: { calls: [], problems: [outOfTimeProblem('This file')] }, notes: new Map() };
    return { file: { calls: [], problems: [{ message: `The file could not be read: ${error instanceof Error ? error.message : String(error)}`, span: { start: 0, end: 0 } }] }, notes: new Map() };
  } finally {
    tree.delete();
  }
}

/** The user pool client calls of a JS / TS file; undefined when the grammar is not loaded. Never throws. */
export function readJavaScript(text: string, dialect: JsDialect): SdkFile | undefined {
  return readJavaScriptDetailed(text, dialect)?.file;
}
