/**
 * The HCL reader: a `.tf` file through tree-sitter's Terraform grammar into `TfFile` (see ./tree.ts),
 * knowing HCL and nothing of Cognito.
 *
 * Read: top-level blocks with their labels (quoted or bare), attributes, nested blocks at any depth
 * (`dynamic "x" { content { ... } }`, `lifecycle`, `provisioner` are just blocks here), and
 * literals: numbers (a leading `-` too), `true`/`false`, `null`, quoted strings with their escapes
 * decoded, heredocs without interpolation, tuples as lists and objects. Every other expression is
 * an Unknown value with a short reason: references (with `ref`: `aws_x.y.id` → target `aws_x.y`,
 * `data.a.b.c` → `data.a.b`, `var.x`, `local.x`, `module.m`), function calls, conditionals, `for`
 * expressions, templates with `${...}` or `%{...}`, splats, index expressions and operators.
 *
 * Positions: web-tree-sitter parses a JavaScript string as UTF-16, so node indexes already are the
 * model's UTF-16 offsets. ERROR and MISSING nodes become `problems`; what is still readable is
 * read. The tree is deleted after reading; nothing here throws.
 */
import type { ListValue, LocatedProperty, LocatedValue, ObjectValue, ParseProblem, Reference, Span, UnknownValue } from '../../model';
import { grammarState, parseText, type SyntaxNode } from '../tree-sitter';
import { checkTime, OutOfTime, outOfTimeMessage, outOfTimeProblem, tick, timeLeftMs } from '../../budget';
import type { HclLineComment, TfAttribute, TfBlock, TfBody, TfFile, TfNestedBlock } from './tree';

/** How deep nested blocks and expressions are followed (deeper ones read as Unknown / are skipped). */
const MAX_DEPTH = 64;
/** At most this many syntax problems are reported per file. */
const MAX_PROBLEMS = 50;

/**
 * Read a `.tf` file. Undefined when the Terraform grammar is not loaded (yet): the surface's
 * `prepare` loads it. Never throws.
 */
export function readHcl(text: string, options: { comments?: boolean } = {}): TfFile | undefined {
  if (grammarState('terraform') !== 'ready') return undefined;
  let tree;
  try {
    tree = parseText('terraform', text);
  } catch {
    tree = undefined;
  }
  if (!tree) {
    const message = timeLeftMs() <= 0 ? outOfTimeMessage('The file') : 'The file could not be parsed (it took too long or the parser failed)';
    return { blocks: [], problems: [{ message, span: { start: 0, end: 0 }, unread: true }] };
  }
  try {
    const file = new Reader(text).file(tree.rootNode);
    if (options.comments) file.comments = lineCommentsOf(tree.rootNode, text);
    return file;
  } catch (error) {
    if (error instanceof OutOfTime) return { blocks: [], problems: [outOfTimeProblem('The file')] };
    return { blocks: [], problems: [{ message: `The file could not be read: ${error instanceof Error ? error.message : String(error)}`, span: { start: 0, end: 0 } }] };
  } finally {
    tree.delete();
  }
}

/** Every line comment under `root` (`#` or `//`; block comments are left out), in text order. */
export function lineCommentsOf(root: SyntaxNode, text: string): HclLineComment[] {
  const out: HclLineComment[] = [];
  const visit = (node: SyntaxNode, depth: number): void => {
    tick();
    if (depth > 400) return;
    if (node.type === 'comment') {
      const raw = text.slice(node.startIndex, node.endIndex);
      const body = raw.startsWith('#') ? raw.slice(1) : raw.startsWith('//') ? raw.slice(2) : undefined;
      if (body !== undefined) out.push({ span: { start: node.startIndex, end: node.endIndex }, body: body.replace(/\r$/, '') });
      return;
    }
    for (const child of node.children) if (child) visit(child, depth + 1);
  };
  visit(root, 0);
  return out;
}

function spanOf(node: SyntaxNode): Span {
  return { start: node.startIndex, end: node.endIndex };
}

function kids(node: SyntaxNode): SyntaxNode[] {
  tick();
  // Listing a node's children costs per child: read the clock before a long list (an ERROR node
  // over a broken 500 KB file can hold a hundred thousand).
  if (node.childCount > 4096) checkTime();
  return node.children.filter((c): c is SyntaxNode => c !== null);
}

/** Named children, comments left out. */
function named(node: SyntaxNode): SyntaxNode[] {
  tick();
  if (node.childCount > 4096) checkTime();
  return node.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type !== 'comment');
}

/** Decode the escapes of a quoted HCL string's literal part. */
export function decodeHclString(raw: string): string {
  return raw.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)|\$\$\{|%%\{/gs, (m, esc: string | undefined) => {
    if (m === '$${') return '${';
    if (m === '%%{') return '%{';
    switch (esc![0]) {
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'u':
      case 'U': {
        const code = parseInt(esc!.slice(1), 16);
        return code <= 0x10ffff ? String.fromCodePoint(code) : m;
      }
      default:
        return esc!; // `\"`, `\\` and anything else stands for itself
    }
  });
}

class Reader {
  private readonly problems: ParseProblem[] = [];

  constructor(private readonly text: string) {}

  file(root: SyntaxNode): TfFile {
    const blocks: TfBlock[] = [];
    if (root.hasError) this.collectProblems(root, 0);
    if (root.type === 'ERROR') this.recover(root, { top: blocks }, 0);
    for (const child of root.type === 'ERROR' ? [] : named(root)) {
      if (child.type === 'body') this.topLevel(child, blocks);
      else if (child.type === 'ERROR') this.recover(child, { top: blocks }, 0);
    }
    return { blocks, problems: this.problems };
  }

  private topLevel(body: SyntaxNode, out: TfBlock[]): void {
    for (const child of named(body)) {
      if (child.type === 'block') {
        const block = this.topBlock(child);
        if (block) out.push(block);
      } else if (child.type === 'ERROR') {
        this.recover(child, { top: out }, 0);
      }
    }
  }

  /**
   * The blocks and attributes inside an ERROR node. tree-sitter's recovery may leave a block whose
   * value is broken as a flat run of its pieces (`identifier string_lit block_start attribute ...`):
   * block headers are put together again from those, each open block taking what follows it up
   * to its `}` (or the end of the error).
   */
  private recover(error: SyntaxNode, sink: { top: TfBlock[] } | { body: TfBody }, depth: number): void {
    const stack: { body: TfBody; node: { span: Span } }[] = [];
    let header: SyntaxNode[] = [];
    const current = (): TfBody | undefined => stack[stack.length - 1]?.body ?? ('body' in sink ? sink.body : undefined);
    for (const c of kids(error)) {
      if (c.type === 'comment') continue;
      if (c.type === 'block') {
        const body = current();
        if (body) {
          const block = depth < MAX_DEPTH ? this.nestedBlock(c, depth + 1) : undefined;
          if (block) body.blocks.push(block);
        } else if ('top' in sink) {
          const block = this.topBlock(c);
          if (block) sink.top.push(block);
        }
      } else if (c.type === 'attribute') {
        const attribute = this.attribute(c, depth);
        const body = current();
        if (attribute && body) body.attributes.push(attribute);
      } else if (c.type === 'ERROR') {
        const body = current();
        if (body) this.recover(c, { body }, depth + 1);
        else if ('top' in sink) this.recover(c, sink, depth + 1);
      } else if (c.type === 'block_start' && header.length > 0 && header[0].type === 'identifier') {
        const [type, ...labels] = header;
        const body: TfBody = { attributes: [], blocks: [], span: { start: c.endIndex, end: error.endIndex } };
        const span = { start: type.startIndex, end: error.endIndex };
        const parent = current();
        if (parent) {
          const block: TfNestedBlock = { type: type.text, typeSpan: spanOf(type), labels: labels.map((l) => this.label(l)), body, span };
          parent.blocks.push(block);
          stack.push({ body, node: block });
        } else if ('top' in sink) {
          const labelSpans = labels.map(spanOf);
          const block: TfBlock = { kind: type.text, labels: labels.map((l) => this.label(l)), labelSpans, span, nameSpan: labelSpans[labelSpans.length - 1] ?? spanOf(type), body };
          sink.top.push(block);
          stack.push({ body, node: block });
        }
        header = [];
        continue;
      } else if (c.type === 'block_end') {
        const open = stack.pop();
        if (open) {
          open.body.span.end = c.startIndex;
          open.node.span.end = c.endIndex;
        }
      } else if (c.type === 'identifier' || c.type === 'string_lit') {
        header.push(c);
        continue;
      }
      header = [];
    }
  }

  private collectProblems(node: SyntaxNode, depth: number): void {
    if (this.problems.length >= MAX_PROBLEMS || depth > 200) return;
    if (node.isMissing) {
      this.problems.push({ message: `Missing ${JSON.stringify(node.type)}.`, span: spanOf(node) });
      return;
    }
    if (node.type === 'ERROR') {
      const first = kids(node)[0];
      const word = first ? this.text.slice(first.startIndex, Math.min(first.endIndex, first.startIndex + 40)).split(/\r?\n/)[0] : '';
      this.problems.push({ message: word ? `Syntax error: unexpected ${JSON.stringify(word)}.` : 'Syntax error.', span: spanOf(node) });
    }
    for (const child of kids(node)) if (child.hasError || child.isMissing) this.collectProblems(child, depth + 1);
  }

  /** A label: a quoted string (its decoded text) or a bare identifier. */
  private label(node: SyntaxNode): string {
    if (node.type === 'identifier') return node.text;
    const literal = named(node).find((c) => c.type === 'template_literal');
    return literal ? decodeHclString(literal.text) : '';
  }

  private parts(node: SyntaxNode): { type?: SyntaxNode; labels: SyntaxNode[]; open?: SyntaxNode; body?: SyntaxNode; close?: SyntaxNode } {
    const out: ReturnType<Reader['parts']> = { labels: [] };
    for (const child of named(node)) {
      if (child.type === 'identifier' && !out.type) out.type = child;
      else if ((child.type === 'string_lit' || child.type === 'identifier') && !out.open) out.labels.push(child);
      else if (child.type === 'block_start') out.open = child;
      else if (child.type === 'body') out.body = child;
      else if (child.type === 'block_end') out.close = child;
    }
    return out;
  }

  private topBlock(node: SyntaxNode): TfBlock | undefined {
    const p = this.parts(node);
    if (!p.type) return undefined;
    const labelSpans = p.labels.map(spanOf);
    return {
      kind: p.type.text,
      labels: p.labels.map((l) => this.label(l)),
      labelSpans,
      span: spanOf(node),
      nameSpan: labelSpans[labelSpans.length - 1] ?? spanOf(p.type),
      body: this.body(p, node, 0),
    };
  }

  private body(p: ReturnType<Reader['parts']>, block: SyntaxNode, depth: number): TfBody {
    const start = p.open ? p.open.endIndex : block.endIndex;
    const end = p.close && !p.close.isMissing ? p.close.startIndex : p.body ? p.body.endIndex : Math.max(start, p.close?.startIndex ?? block.endIndex);
    const body: TfBody = { attributes: [], blocks: [], span: { start, end: Math.max(start, end) } };
    if (p.body) this.members(p.body, body, depth);
    return body;
  }

  private members(node: SyntaxNode, body: TfBody, depth: number): void {
    for (const child of named(node)) {
      if (child.type === 'attribute') {
        const attribute = this.attribute(child, depth);
        if (attribute) body.attributes.push(attribute);
      } else if (child.type === 'block') {
        if (depth >= MAX_DEPTH) continue;
        const block = this.nestedBlock(child, depth + 1);
        if (block) body.blocks.push(block);
      } else if (child.type === 'ERROR') {
        this.recover(child, { body }, depth);
      }
    }
  }

  private nestedBlock(node: SyntaxNode, depth: number): TfNestedBlock | undefined {
    const p = this.parts(node);
    if (!p.type) return undefined;
    return { type: p.type.text, typeSpan: spanOf(p.type), labels: p.labels.map((l) => this.label(l)), body: this.body(p, node, depth), span: spanOf(node) };
  }

  private attribute(node: SyntaxNode, depth: number): TfAttribute | undefined {
    const children = named(node);
    const name = children.find((c) => c.type === 'identifier');
    if (!name) return undefined;
    const expression = children.find((c) => c.type === 'expression');
    const equals = kids(node).find((c) => c.type === '=');
    const value: LocatedValue = expression
      ? this.value(expression, depth)
      : { kind: 'unknown', reason: 'no value', span: { start: equals?.endIndex ?? name.endIndex, end: equals?.endIndex ?? name.endIndex } };
    return { name: name.text, nameSpan: spanOf(name), value, span: { start: name.startIndex, end: Math.max(node.endIndex, value.span.end) } };
  }

  private unknown(node: SyntaxNode, reason: string, ref?: Reference): UnknownValue {
    return ref ? { kind: 'unknown', reason, span: spanOf(node), ref } : { kind: 'unknown', reason, span: spanOf(node) };
  }

  /** Any expression node (or one of the nodes an `expression` wraps). */
  private value(node: SyntaxNode, depth: number): LocatedValue {
    if (depth > MAX_DEPTH) return this.unknown(node, 'a deeply nested expression');
    if (node.isMissing || node.hasError) {
      // A half-written value: literals that still read are kept, anything else is Unknown.
      const read = this.valueOf(node, depth);
      return read.kind === 'unknown' || read.kind === 'string' || read.kind === 'list' || read.kind === 'object' ? read : this.unknown(node, 'an unfinished expression');
    }
    return this.valueOf(node, depth);
  }

  private valueOf(node: SyntaxNode, depth: number): LocatedValue {
    switch (node.type) {
      case 'expression':
        return this.expression(node, depth);
      case 'literal_value': {
        const inner = named(node)[0];
        return inner ? this.literal(inner, node) : this.unknown(node, 'an unfinished value');
      }
      case 'collection_value': {
        const inner = named(node)[0];
        if (inner?.type === 'tuple') return this.tuple(inner, node, depth);
        if (inner?.type === 'object') return this.object(inner, node, depth);
        return this.unknown(node, 'an unfinished collection');
      }
      case 'template_expr':
        return this.template(node);
      case 'function_call': {
        const name = named(node).find((c) => c.type === 'identifier');
        return this.unknown(node, `a function call (${name?.text ?? '?'})`);
      }
      case 'conditional':
        return this.conditional(node, depth);
      case 'for_expr':
        return this.unknown(node, 'a for expression');
      case 'operation':
        return this.operation(node, depth);
      case 'variable_expr':
        return this.traversal(node, [node]);
      default:
        return this.unknown(node, 'an expression');
    }
  }

  /**
   * `cond ? a : b`: Unknown, with its branches for the engine to check case by case (as an `Fn::If`):
   * `alternatives` are the branches Terraform may set (a `null` branch leaves the argument unset,
   * so it is left out), `branches` names the condition as written, so that arguments decided by the
   * same condition are read together.
   */
  private conditional(node: SyntaxNode, depth: number): UnknownValue {
    const value = this.unknown(node, 'a conditional');
    const [condition, yes, no] = named(node).filter((c) => c.type === 'expression');
    if (!condition || !yes || !no) return value;
    const branch = (n: SyntaxNode): LocatedValue | undefined => {
      const v = this.value(n, depth + 1);
      return v.kind === 'null' ? undefined : v;
    };
    const whenTrue = branch(yes);
    const whenFalse = branch(no);
    const branches: NonNullable<UnknownValue['branches']> = { condition: condition.text.trim() };
    if (whenTrue) branches.whenTrue = whenTrue;
    if (whenFalse) branches.whenFalse = whenFalse;
    value.alternatives = [whenTrue, whenFalse].filter((v): v is LocatedValue => v !== undefined);
    value.branches = branches;
    return value;
  }

  /** `expression`: one inner node, a parenthesised expression, or a traversal (`a.b[0].c`, `x[*].y`). */
  private expression(node: SyntaxNode, depth: number): LocatedValue {
    const parts = named(node);
    if (parts.length === 0) return this.unknown(node, 'an unfinished expression');
    if (parts.length === 1) {
      const inner = this.value(parts[0], depth + 1);
      // A parenthesised expression spans its parentheses.
      return kids(node)[0]?.type === '(' ? { ...inner, span: spanOf(node) } : inner;
    }
    return this.traversal(node, parts);
  }

  private literal(node: SyntaxNode, outer: SyntaxNode): LocatedValue {
    const span = spanOf(outer);
    switch (node.type) {
      case 'string_lit':
        return this.stringLit(node, outer);
      case 'numeric_lit': {
        const value = Number(node.text);
        return Number.isFinite(value) ? { kind: 'number', value, raw: node.text, span } : this.unknown(outer, 'a number out of range');
      }
      case 'bool_lit':
        return { kind: 'boolean', value: node.text === 'true', span };
      case 'null_lit':
        return { kind: 'null', span };
      default:
        return this.unknown(outer, 'a literal');
    }
  }

  private stringLit(node: SyntaxNode, outer: SyntaxNode): LocatedValue {
    const parts = named(node);
    if (parts.some((p) => p.type !== 'template_literal' && p.type !== 'quoted_template_start' && p.type !== 'quoted_template_end')) {
      return this.unknown(outer, '${...}');
    }
    // The literal is the text between the quotes (the grammar leaves leading spaces out of `template_literal`).
    const open = parts.find((p) => p.type === 'quoted_template_start');
    const close = parts.find((p) => p.type === 'quoted_template_end' && !p.isMissing);
    const start = open ? open.endIndex : node.startIndex;
    const end = close ? close.startIndex : node.endIndex;
    return { kind: 'string', value: decodeHclString(this.text.slice(start, Math.max(start, end))), quoted: true, span: spanOf(outer) };
  }

  private template(node: SyntaxNode): LocatedValue {
    const inner = named(node)[0];
    if (!inner) return this.unknown(node, '${...}');
    const dynamic = named(inner).some((p) => p.type === 'template_interpolation' || p.type === 'template_directive');
    if (inner.type === 'quoted_template') {
      if (dynamic) return this.unknown(node, '${...}');
      return this.stringLit(inner, node);
    }
    if (inner.type === 'heredoc_template') {
      if (dynamic) return this.unknown(node, 'a heredoc with ${...}');
      const value = this.heredoc(inner);
      return value === undefined ? this.unknown(node, 'an unfinished heredoc') : { kind: 'string', value, quoted: true, span: spanOf(node) };
    }
    return this.unknown(node, '${...}');
  }

  /** The text of a heredoc without interpolation: the lines between its opener and its closing marker. */
  private heredoc(node: SyntaxNode): string | undefined {
    const parts = named(node);
    const start = parts.find((p) => p.type === 'heredoc_start');
    const ids = parts.filter((p) => p.type === 'heredoc_identifier');
    if (!start || ids.length < 2 || ids[1].isMissing) return undefined;
    const firstLine = this.text.indexOf('\n', ids[0].endIndex);
    if (firstLine < 0 || firstLine >= ids[1].startIndex) return undefined;
    const closingLine = this.text.lastIndexOf('\n', ids[1].startIndex - 1) + 1;
    if (closingLine <= firstLine) return '';
    let lines = this.text.slice(firstLine + 1, closingLine).replace(/\r\n/g, '\n').split('\n');
    lines.pop(); // the text up to the closing line ends with a line break
    if (start.text === '<<-') {
      const widths = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length);
      const strip = widths.length > 0 ? Math.min(...widths) : 0;
      lines = lines.map((l) => l.slice(Math.min(strip, /^[ \t]*/.exec(l)![0].length)));
    }
    return lines.map((l) => l + '\n').join('');
  }

  private tuple(node: SyntaxNode, outer: SyntaxNode, depth: number): ListValue {
    const items = named(node)
      .filter((c) => c.type === 'expression')
      .map((c) => this.value(c, depth + 1));
    return { kind: 'list', items, flow: true, span: spanOf(outer) };
  }

  private object(node: SyntaxNode, outer: SyntaxNode, depth: number): ObjectValue {
    const members: LocatedProperty[] = [];
    for (const elem of named(node)) {
      if (elem.type !== 'object_elem') continue;
      const key = elem.childForFieldName('key');
      const val = elem.childForFieldName('val');
      if (!key) continue;
      const value: LocatedValue = val ? this.value(val, depth + 1) : { kind: 'unknown', reason: 'no value', span: { start: elem.endIndex, end: elem.endIndex } };
      members.push({ name: this.objectKey(key), keySpan: spanOf(key), value, span: { start: key.startIndex, end: Math.max(elem.endIndex, value.span.end) } });
    }
    return { kind: 'object', members, flow: true, span: spanOf(outer) };
  }

  /** An object key: a bare name, a quoted string, or (for an expression key) its text. */
  private objectKey(key: SyntaxNode): string {
    const inner = named(key);
    if (inner.length === 1 && inner[0].type === 'variable_expr') return inner[0].text;
    if (inner.length === 1 && inner[0].type === 'literal_value') {
      const lit = named(inner[0])[0];
      if (lit?.type === 'string_lit') {
        const v = this.stringLit(lit, inner[0]);
        if (v.kind === 'string') return v.value;
      }
    }
    return key.text;
  }

  private operation(node: SyntaxNode, depth: number): LocatedValue {
    const inner = named(node)[0];
    if (inner?.type === 'unary_operation' && kids(inner)[0]?.type === '-') {
      const operand = named(inner)[0];
      if (operand) {
        const value = this.value(operand, depth + 1);
        if (value.kind === 'number') return { kind: 'number', value: -value.value, raw: this.text.slice(node.startIndex, node.endIndex), span: spanOf(node) };
      }
    }
    return this.unknown(node, 'an operation');
  }

  /** A traversal: a root (usually a variable) followed by attribute accesses, indexes and splats. */
  private traversal(node: SyntaxNode, parts: SyntaxNode[]): LocatedValue {
    const reason = this.text.slice(node.startIndex, node.endIndex).replace(/\s+/g, ' ');
    const short = reason.length > 60 ? reason.slice(0, 57) + '...' : reason;
    const [root, ...rest] = parts;
    if (root.type !== 'variable_expr') {
      if (rest.some((p) => p.type === 'splat')) return this.unknown(node, 'a splat expression');
      if (rest.some((p) => p.type === 'index')) return this.unknown(node, 'an index expression');
      return this.unknown(node, short);
    }
    if (rest.some((p) => p.type === 'splat')) return this.unknown(node, `a splat expression (${short})`);
    if (rest.some((p) => p.type === 'index')) return this.unknown(node, `an index expression (${short})`);
    const names = [root.text, ...rest.map((p) => named(p).find((c) => c.type === 'identifier')?.text ?? '')];
    if (names.some((n) => n === '')) return this.unknown(node, short);
    return this.unknown(node, short, referenceOf(names));
  }
}

/** The reference a plain traversal makes (`aws_x.y.id`, `data.a.b.c`, `var.x`, `local.x`, `module.m.out`). */
function referenceOf(names: string[]): Reference | undefined {
  const [root] = names;
  const withAttribute = (targetLength: number): Reference | undefined => {
    if (names.length < targetLength) return undefined;
    const target = names.slice(0, targetLength).join('.');
    const attribute = names.slice(targetLength).join('.');
    return attribute ? { target, attribute } : { target };
  };
  switch (root) {
    case 'var':
    case 'local':
    case 'module':
      return withAttribute(2);
    case 'data':
      return withAttribute(3);
    case 'each':
    case 'count':
    case 'self':
    case 'path':
    case 'terraform':
      return undefined;
    default:
      return withAttribute(2);
  }
}
