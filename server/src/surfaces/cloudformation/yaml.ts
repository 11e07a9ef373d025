/**
 * Reads a YAML template into the neutral tree with the `yaml` package (YAML 1.2 core schema, so
 * `yes`/`on`/`OFF` stay strings and `true`/`false` are booleans).
 *
 * Every CloudFormation short-form tag is declared in its scalar, sequence and mapping forms, so
 * using one is never a syntax problem; an undeclared tag is reported (CloudFormation rejects it)
 * and its value reads as unknown. Aliases are not followed (they read as opaque), except in a merge
 * key: `<<: *defaults` (or `<<: [*a, *b]`, or an inline mapping), which Serverless, SAM CLI and
 * `aws cloudformation package` resolve, puts the merged mapping's entries into the mapping, each
 * with its own location (where the anchor wrote it), ahead of the mapping's own entries; a key the
 * mapping writes itself wins, and of several merged mappings the first wins. A merge that cannot be
 * resolved (an alias to no mapping) makes the whole mapping opaque. Nesting beyond `MAX_DEPTH` is
 * cut off. Syntax errors become problems; the tree holds what was read.
 *
 * Flow nesting deep enough to overflow the parser is blanked and the text parsed again
 * (./depth.ts); a document that still overflows (thousands of block levels) gets an `unread`
 * problem, so that it is reported as not checked rather than passing with clients missing.
 */
import { type CollectionTag, Composer, type CST, type Document, Lexer, type Node as YamlNode, Parser, type ScalarTag, type YAMLError, YAMLParseError, isAlias, isMap, isPair, isScalar, isSeq, Scalar } from 'yaml';
import { checkTime, OutOfTime, outOfTimeProblem, tick, timeLeftMs } from '../../budget';
import type { ParseProblem, Span } from '../../model';
import { cutDeepYamlFlow } from './depth';
import { FUNCTION_BY_TAG } from './intrinsics';
import { withLfBreaks } from '../line-breaks';
import { MAX_DEPTH, type PairNode, type ReadResult, type TemplateNode, emptyAt, trimEnd } from './nodes';

/** Spaces, line breaks, comments and anchors: what may stand between a short-form tag and its value. */
const BETWEEN_TAG_AND_VALUE = /^(?:\s|#[^\n]*(?![^\n])|&\S+(?!\S))*$/;

/** The short-form tags as `yaml` custom tags: each in scalar, sequence and mapping form. */
const customTags: (ScalarTag | CollectionTag)[] = [...FUNCTION_BY_TAG.keys()].flatMap((tag): (ScalarTag | CollectionTag)[] => [
  { tag, resolve: (value: string) => value },
  { tag, collection: 'seq', resolve: (value) => value },
  { tag, collection: 'map', resolve: (value) => value },
]);

/** Tags that belong to YAML itself (`!!str`, `!!map`, ...): not CloudFormation syntax. */
const YAML_TAG_PREFIX = 'tag:yaml.org,2002:';

/**
 * Read YAML text into the neutral tree. Never throws. A lone CR is a line break in YAML 1.2, but
 * not to the `yaml` package: it reads a copy with LFs there (same offsets, see ../line-breaks.ts).
 */
export function readYaml(original: string): ReadResult {
  let text = withLfBreaks(original);
  const problems: ParseProblem[] = [];
  let doc;
  try {
    doc = parseOrOverflow(text);
    if (!doc || overflowOf(doc)) {
      const cut = cutDeepYamlFlow(text);
      if (cut !== text) {
        text = cut;
        doc = parseOrOverflow(text);
      }
    }
  } catch (error) {
    if (error instanceof OutOfTime) return { root: undefined, problems: [outOfTimeProblem('The YAML template')] };
    // A pathological input must not take the server down, nor pass as a file with no clients.
    problems.push({ message: `The YAML template was not read: ${error instanceof Error ? error.message : String(error)}`, span: { start: 0, end: 0 }, unread: true });
    return { root: undefined, problems };
  }
  if (!doc) {
    problems.push({ message: TOO_DEEP, span: { start: 0, end: 0 }, unread: true });
    return { root: undefined, problems };
  }
  const overflow = overflowOf(doc);
  if (overflow) problems.push({ ...problemOf(overflow, text), message: TOO_DEEP, unread: true });
  for (const error of doc.errors) if (error.code !== 'RESOURCE_EXHAUSTION') problems.push(problemOf(error, text));
  for (const warning of doc.warnings) {
    // Unknown tags are the one warning that matters: CloudFormation rejects a template using one.
    if (warning.code === 'TAG_RESOLVE_FAILED') problems.push(problemOf(warning, text));
  }
  const reader = new YamlReader(text, doc);
  let root: TemplateNode | undefined;
  try {
    root = doc.contents ? reader.node(doc.contents as YamlNode, 0) : undefined;
  } catch (error) {
    if (error instanceof OutOfTime) return { root: undefined, problems: [outOfTimeProblem('The YAML template')] };
    problems.push({ message: `The YAML could not be read: ${error instanceof Error ? error.message : String(error)}`, span: { start: 0, end: 0 } });
  }
  problems.sort((a, b) => a.span.start - b.span.start);
  return { root, problems };
}

const TOO_DEEP = 'The YAML template was not read: it nests deeper than the YAML parser can follow';

/** Parse a YAML document; undefined when the parser overflows the stack (a RangeError). */
function parseOrOverflow(text: string) {
  // yaml makes an Error per syntax problem; a pasted blob can have 50,000 of them, and capturing a
  // stack for each (never read) was a third of the parse. Restored before returning.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parseWithinBudget(text);
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/**
 * What composing a document costs against lexing and parsing it: about 0.5-0.6 on a 500 KB
 * template of 250,000 broken lines, about 0.45 on a valid 1,000-client one (measured with yaml 2.9).
 */
const COMPOSE_SHARE = 0.6;

/**
 * `yaml.parseDocument` (the first document, MULTIPLE_DOCS for a second), within the request's
 * time budget (../../budget.ts): the lexer loop checks the clock every 4,096 tokens, and a
 * document is composed only when the time left is likely to cover it. Throws `OutOfTime`.
 */
function parseWithinBudget(text: string): Document.Parsed | undefined {
  const composer = new Composer({ customTags, prettyErrors: false, uniqueKeys: false, version: '1.2' });
  let doc: Document.Parsed | undefined;
  for (const next of composer.compose(timedTokens(text), true, text.length)) {
    if (!doc) doc = next;
    else {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
      break;
    }
  }
  return doc;
}

/** The parser's tokens of `text`, read with the clock checked (see `parseWithinBudget`). */
function* timedTokens(text: string): Generator<CST.Token> {
  const parser = new Parser();
  let since = performance.now();
  let count = 0;
  // The composer composes a document as soon as it gets it: one whose parse took longer than the
  // time left allows for is not handed over. (Inline, not a helper generator: one more generator
  // per token cost 4-8% of reading a large template.)
  for (const lexeme of new Lexer().lex(text)) {
    if ((++count & 4095) === 0) checkTime();
    for (const token of parser.next(lexeme)) {
      if (token.type === 'document' && timeLeftMs() < (performance.now() - since) * COMPOSE_SHARE) throw new OutOfTime();
      yield token;
      since = performance.now();
    }
  }
  for (const token of parser.end()) {
    if (token.type === 'document' && timeLeftMs() < (performance.now() - since) * COMPOSE_SHARE) throw new OutOfTime();
    yield token;
  }
}

/** The first place the composer ran out of stack (it reports that and goes on, missing the node). */
function overflowOf(doc: { errors: YAMLError[] }): YAMLError | undefined {
  return doc.errors.find((e) => e.code === 'RESOURCE_EXHAUSTION');
}

function problemOf(error: YAMLError, text: string): ParseProblem {
  const start = clamp(error.pos[0], text.length);
  const end = Math.max(start, clamp(error.pos[1], text.length));
  // yaml appends " at line N, column M" and a code frame to some messages; the span says that.
  let message = error.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '');
  const unresolved = /^Unresolved tag: (.*)$/.exec(message);
  if (error.code === 'TAG_RESOLVE_FAILED' && unresolved) message = `Unknown tag ${unresolved[1]}: CloudFormation has no such intrinsic function`;
  else if (error.code === 'MULTIPLE_DOCS') message = 'A template is one YAML document, but this file holds more than one';
  return { message, span: { start, end } };
}

function clamp(offset: number, length: number): number {
  return Math.max(0, Math.min(length, Number.isFinite(offset) ? offset : 0));
}

class YamlReader {
  /** Mappings being merged into the mapping being read (a merge that loops back is not followed). */
  private readonly merging = new Set<unknown>();
  /** Merged mappings already read: each anchor is read once, however often it is merged (no blow-up). */
  private readonly mergedReads = new Map<unknown, TemplateNode>();
  /** For an end offset, where the run of whitespace before it starts (see `trim`). */
  private readonly runStarts = new Map<number, number>();

  constructor(
    private readonly text: string,
    private readonly doc: Document,
  ) {}

  node(node: YamlNode | null | undefined, depth: number, fallbackOffset = 0): TemplateNode {
    tick();
    if (!node) return emptyAt(fallbackOffset);
    const range = node.range ?? [fallbackOffset, fallbackOffset, fallbackOffset];
    const tag = localTag(node.tag);
    const valueStart = range[0];
    const start = tag ? this.tagStart(valueStart, tag) : valueStart;
    if (depth > MAX_DEPTH) return { kind: 'opaque', reason: 'nesting too deep', span: this.trim({ start, end: range[1] }), tag };
    if (isAlias(node)) return { kind: 'opaque', reason: `*${node.source}`, span: { start, end: range[1] } };
    if (isScalar(node)) {
      const raw = this.text.slice(valueStart, range[1]);
      const scalar = node as Scalar;
      const quoted = scalar.type === Scalar.QUOTE_DOUBLE || scalar.type === Scalar.QUOTE_SINGLE;
      // Block scalars (and unterminated quotes) run on to the line break: keep it out of the span.
      const span = this.trim({ start, end: range[1] });
      return { kind: 'scalar', value: scalarValue(scalar.value), raw: raw.trimEnd(), quoted, span, tag };
    }
    if (isSeq(node)) {
      const items = node.items.map((item, i) => this.node(item as YamlNode, depth + 1, i === 0 ? valueStart : range[1]));
      const flow = Boolean(node.flow);
      const end = flow || items.length === 0 ? range[1] : items[items.length - 1].span.end;
      return { kind: 'seq', items, flow, span: this.trim({ start, end }), tag };
    }
    if (isMap(node)) {
      const pairs: PairNode[] = [];
      const sources: YamlNode[] = [];
      let lastEnd: number | undefined;
      for (const item of node.items) {
        if (!isPair(item)) continue;
        if (isMergeKey(item.key)) {
          const merged = this.mergeSources(item.value as YamlNode | null);
          if (!merged) return { kind: 'opaque', reason: '<<', span: this.trim({ start, end: range[1] }), tag };
          sources.push(...merged);
          lastEnd = (item.value as YamlNode | null)?.range?.[1] ?? lastEnd;
          continue;
        }
        const pair = this.pair(item.key as YamlNode | null, item.value as YamlNode | null, depth, valueStart);
        pairs.push(pair);
        lastEnd = pair.span.end;
      }
      const flow = Boolean(node.flow);
      const end = flow || lastEnd === undefined ? range[1] : lastEnd;
      const merged = sources.length > 0 ? this.mergedPairs(sources, new Set(pairs.map((p) => p.key)), depth) : [];
      if (merged === undefined) return { kind: 'opaque', reason: '<<', span: this.trim({ start, end: range[1] }), tag };
      return { kind: 'map', pairs: [...merged, ...pairs], flow, span: this.trim({ start, end }), tag };
    }
    return { kind: 'opaque', reason: 'unreadable node', span: { start, end: range[1] } };
  }

  /**
   * `trimEnd` of a node's span, remembering where the whitespace before each end offset starts:
   * in a broken document many nodes can end at the same place after a long run of spaces (a
   * fuzzed 500 KB template spent 35 s of 60 rescanning one run), and the run is scanned once.
   */
  private trim(span: Span): Span {
    const known = this.runStarts.get(span.end);
    if (known !== undefined) return { start: span.start, end: Math.max(span.start, known) };
    const trimmed = trimEnd(this.text, span);
    // Stopped at a non-space: that is where the run starts whatever the span's start.
    if (trimmed.end > span.start) this.runStarts.set(span.end, trimmed.end);
    return trimmed;
  }

  /** The mappings a merge value names (an alias, a list of aliases, an inline mapping); undefined when one is not a mapping. */
  private mergeSources(value: YamlNode | null): YamlNode[] | undefined {
    const candidates = value && isSeq(value) ? (value.items as YamlNode[]) : [value];
    const out: YamlNode[] = [];
    for (const candidate of candidates) {
      const target = candidate && isAlias(candidate) ? candidate.resolve(this.doc) : candidate;
      if (!target || !isMap(target) || this.merging.has(target)) return undefined;
      out.push(target as YamlNode);
    }
    return out;
  }

  /** The entries merged from `sources`, minus the keys in `own`; the first source wins a key. */
  private mergedPairs(sources: YamlNode[], own: Set<string>, depth: number): PairNode[] | undefined {
    const out: PairNode[] = [];
    const taken = new Set(own);
    for (const source of new Set(sources)) {
      let read = this.mergedReads.get(source);
      if (!read) {
        this.merging.add(source);
        try {
          read = this.node(source, depth + 1);
        } finally {
          this.merging.delete(source);
        }
        this.mergedReads.set(source, read);
      }
      if (read.kind !== 'map') return undefined;
      for (const pair of read.pairs) {
        if (taken.has(pair.key)) continue;
        taken.add(pair.key);
        out.push(pair);
      }
    }
    return out;
  }

  private pair(key: YamlNode | null, value: YamlNode | null, depth: number, fallback: number): PairNode {
    let keyText = '';
    let keySpan: Span;
    if (key && key.range) {
      keySpan = { start: key.range[0], end: key.range[1] };
      keyText = isScalar(key) && key.value !== null && key.value !== undefined ? String(key.value) : this.text.slice(keySpan.start, keySpan.end);
    } else {
      const at = value?.range ? value.range[0] : fallback;
      keySpan = { start: at, end: at };
    }
    const valueNode = value ? this.node(value, depth + 1, keySpan.end) : emptyAt(this.afterColon(keySpan.end));
    return { key: keyText, keySpan, value: valueNode, span: { start: keySpan.start, end: Math.max(keySpan.end, valueNode.span.end) } };
  }

  /**
   * Where a short-form tag written before a value starts (the node's own range omits it). Between
   * the tag and the value there may be spaces, line breaks, comments and an anchor.
   */
  private tagStart(valueStart: number, tag: string): number {
    const at = this.text.lastIndexOf(tag, valueStart - tag.length);
    if (at < 0) return valueStart;
    const between = this.text.slice(at + tag.length, valueStart);
    // Each piece can be read one way only (a comment runs to its line's end, an anchor to the next
    // space), so a long run of `#` or `&` cannot make the pattern try every split of it.
    return BETWEEN_TAG_AND_VALUE.test(between) && (between === '' || /^\s/.test(between)) ? at : valueStart;
  }

  /** Just after the `:` following a key (for the position of a missing value). */
  private afterColon(offset: number): number {
    let i = offset;
    while (i < this.text.length && (this.text[i] === ' ' || this.text[i] === '\t')) i++;
    return this.text[i] === ':' ? i + 1 : offset;
  }
}

/** Whether a mapping key is the merge key `<<` (plain, not quoted). */
function isMergeKey(key: unknown): boolean {
  return isScalar(key) && key.value === '<<' && key.type === Scalar.PLAIN;
}

/** A local tag (`!Ref`, `!Foo`); undefined for no tag and for YAML's own tags. */
function localTag(tag: string | undefined): string | undefined {
  if (!tag || tag.startsWith(YAML_TAG_PREFIX) || tag === '!') return undefined;
  return tag;
}

function scalarValue(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  return String(value);
}
