/**
 * Taking calls out of a JS / TS or Python file, for checking fixes on a smaller document (see
 * `../reduce.ts`). Code cannot lose the text around a call the way a template can lose a resource:
 * an identifier bound before a call, an import, the identity providers a CDK L2 client counts are
 * all read from the rest of the file. So only the calls go: each other call is replaced where it
 * stands by `(0)`, a parenthesised expression in both languages wherever the call was (an argument,
 * an initialiser, after `await` or `return`, a statement of its own). The line breaks a call held
 * were inside its brackets, where they mean nothing in either language (no automatic semicolon,
 * no Python indentation), so the code around reads as it did, and the reduced file has one call.
 *
 * (Blanking the calls in place, keeping every offset, was tried first: tree-sitter's lexer walks
 * spaces one by one through a callback, and a file of blanks cost nearly what the file cost.)
 *
 * A call inside a top-level statement that holds no kept call goes with its statement (a function
 * wrapping it, a class of constructs): a file of 200 calls each in its own function was otherwise
 * still 200 functions long. The kept call reads the same either way, as ../reduce.ts checks.
 *
 * Where the stand-in does not fit (a call whose span starts at a literal bound earlier, with the
 * call's own opening bracket inside the span and its closing one after), the reduced text gets a
 * syntax problem and `../reduce.ts` refuses the reduction: that fix is checked on the whole file.
 */
import type { ClientDefinition, Span } from '../../model';
import { grammarState, parseText, type GrammarName } from '../tree-sitter';
import type { SpanEdit } from '../types';

/** What a call is replaced with. */
export const CALL_STAND_IN = '(0)';

/**
 * The top-level statements of a text (functions, classes, declarations, expression statements,
 * comments), read with the first of `grammars` that is loaded and reads the text without a syntax
 * error; undefined when none does. The last answer is kept: a file is reduced once per call in it.
 */
let lastStatements: { text: string; grammars: string; spans: Span[] | undefined } | undefined;

function topLevelStatements(text: string, grammars: readonly GrammarName[]): Span[] | undefined {
  const key = grammars.join(',');
  if (lastStatements && lastStatements.text === text && lastStatements.grammars === key) return lastStatements.spans;
  let spans: Span[] | undefined;
  for (const grammar of grammars) {
    if (grammarState(grammar) !== 'ready') continue;
    const tree = parseText(grammar, text);
    if (!tree) continue;
    try {
      if (!tree.rootNode.hasError) spans = tree.rootNode.namedChildren.flatMap((c) => (c ? [{ start: c.startIndex, end: c.endIndex }] : []));
    } finally {
      tree.delete();
    }
    if (spans) break;
  }
  lastStatements = { text, grammars: key, spans };
  return spans;
}

/** The index of the statement (sorted, disjoint) that holds `span` whole; -1 when none does. */
function statementOf(statements: readonly Span[], span: Span): number {
  let lo = 0;
  let hi = statements.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (statements[mid].end <= span.start) lo = mid + 1;
    else if (statements[mid].start > span.start) hi = mid - 1;
    else return statements[mid].end >= span.end ? mid : -1;
  }
  return -1;
}

/**
 * The edits that take every call but `keep` out: a top-level statement holding other calls and
 * not `keep` goes whole (a function wrapping a call, a class of constructs); a call in the
 * statement that holds `keep`, or in none, is replaced by `(0)` (see above). Undefined when spans
 * overlap, and when the text has no clean syntax tree (no grammar loaded, a syntax error anywhere).
 */
function withoutCallsBut(text: string, all: readonly ClientDefinition[], keep: ClientDefinition | undefined, grammars: readonly GrammarName[]): SpanEdit[] | undefined {
  const statements = topLevelStatements(text, grammars);
  // A file that does not parse cleanly is never cut down: the parser's error recovery reaches past
  // the calls taken out, so the cut-down file can read the kept call, and a fix to it, unlike the
  // whole one (fuzz seed 4242 index 45470: a stray quote outside every call; a fix checked on the
  // cut-down file turned two clients into one). The surface reports syntax errors near calls only.
  if (!statements) return undefined;
  const kept = statements && keep ? statementOf(statements, keep.span) : -1;
  const removed = new Set<number>();
  const edits: SpanEdit[] = [];
  for (const def of all) {
    if (def === keep) continue;
    if (def.span.end - def.span.start <= CALL_STAND_IN.length || def.span.end > text.length) return undefined;
    const at = statements ? statementOf(statements, def.span) : -1;
    if (at >= 0 && at !== kept) {
      if (!removed.has(at)) edits.push({ span: { ...statements![at] }, newText: '' });
      removed.add(at);
      continue;
    }
    edits.push({ span: { start: def.span.start, end: def.span.end }, newText: CALL_STAND_IN });
  }
  edits.sort((a, b) => a.span.start - b.span.start);
  for (let i = 1; i < edits.length; i++) if (edits[i].span.start < edits[i - 1].span.end) return undefined;
  return edits;
}

const JAVASCRIPT_GRAMMARS: readonly GrammarName[] = ['typescript', 'tsx', 'javascript'];
const PYTHON_GRAMMARS: readonly GrammarName[] = ['python'];

/** JS / TS: every call but `keep` taken out (see `withoutCallsBut`). */
export function sdkWithoutDefinitionsBut(text: string, all: readonly ClientDefinition[], keep: ClientDefinition | undefined): SpanEdit[] | undefined {
  return withoutCallsBut(text, all, keep, JAVASCRIPT_GRAMMARS);
}

/** JS / TS: the given calls taken out (the `withoutDefinitions` form). */
export function sdkWithoutDefinitions(text: string, defs: readonly ClientDefinition[]): SpanEdit[] | undefined {
  return withoutCallsBut(text, defs, undefined, JAVASCRIPT_GRAMMARS);
}

/** Python: every call but `keep` taken out. */
export function pythonWithoutDefinitionsBut(text: string, all: readonly ClientDefinition[], keep: ClientDefinition | undefined): SpanEdit[] | undefined {
  return withoutCallsBut(text, all, keep, PYTHON_GRAMMARS);
}

/** Python: the given calls taken out. */
export function pythonWithoutDefinitions(text: string, defs: readonly ClientDefinition[]): SpanEdit[] | undefined {
  return withoutCallsBut(text, defs, undefined, PYTHON_GRAMMARS);
}
