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
 * Where the stand-in does not fit (a call whose span starts at a literal bound earlier, with the
 * call's own opening bracket inside the span and its closing one after), the reduced text gets a
 * syntax problem and `../reduce.ts` refuses the reduction: that fix is checked on the whole file.
 */
import type { ClientDefinition } from '../../model';
import type { SpanEdit } from '../types';

/** What a call is replaced with. */
export const CALL_STAND_IN = '(0)';

/** The edits that replace every call but `keep` with `(0)` (see above); undefined when spans overlap. */
export function sdkWithoutDefinitionsBut(text: string, all: readonly ClientDefinition[], keep: ClientDefinition | undefined): SpanEdit[] | undefined {
  const edits: SpanEdit[] = [];
  for (const def of all) {
    if (def === keep) continue;
    if (def.span.end - def.span.start <= CALL_STAND_IN.length || def.span.end > text.length) return undefined;
    edits.push({ span: { start: def.span.start, end: def.span.end }, newText: CALL_STAND_IN });
  }
  edits.sort((a, b) => a.span.start - b.span.start);
  for (let i = 1; i < edits.length; i++) if (edits[i].span.start < edits[i - 1].span.end) return undefined;
  return edits;
}

/** The same for a list of calls to take out (the `withoutDefinitions` form). */
export function sdkWithoutDefinitions(text: string, defs: readonly ClientDefinition[]): SpanEdit[] | undefined {
  return sdkWithoutDefinitionsBut(text, defs, undefined);
}
