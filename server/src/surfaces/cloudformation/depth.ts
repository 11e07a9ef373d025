/**
 * Nesting too deep for a parser. `jsonc-parser` and `yaml` recurse once per level, so a few
 * thousand nested brackets overflow the stack: the JSON parser throws (and nothing is read) and
 * the YAML composer gives up on the node with "Maximum call stack size exceeded". Neither may hide
 * a client, so when a parse overflows the readers blank every collection that opens deeper than
 * `CUT_DEPTH` and parse again. Blanking keeps every offset and line break: the collection becomes
 * one placeholder character (`0` in JSON, `~` in YAML) and spaces. Anything that deep becomes an
 * opaque node in the reader anyway (`MAX_DEPTH`), so the cut loses nothing the model would hold.
 */
import { createScanner, SyntaxKind } from 'jsonc-parser';
import { Lexer } from 'yaml';
import { MAX_DEPTH } from './nodes';

/** Collections opening with this many others open around them are blanked. */
export const CUT_DEPTH = MAX_DEPTH + 1;

/** The text with `[start, end)` spans blanked: the placeholder, then spaces, keeping CR and LF. */
function blank(text: string, spans: readonly [number, number][], placeholder: string): string {
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const [start, end] of spans) {
    out += text.slice(at, start) + placeholder + text.slice(start + 1, end).replace(/[^\r\n]/g, ' ');
    at = end;
  }
  return out + text.slice(at);
}

/** Where collections open at `CUT_DEPTH` or deeper, as outermost spans, given open/close events in order. */
class CutFinder {
  readonly spans: [number, number][] = [];
  private depth = 0;
  private start = -1;

  open(offset: number): void {
    if (this.depth === CUT_DEPTH && this.start < 0) this.start = offset;
    this.depth++;
  }

  close(offset: number): void {
    if (this.depth === 0) return; // a stray closer: the parser reports it
    this.depth--;
    if (this.depth === CUT_DEPTH && this.start >= 0) {
      this.spans.push([this.start, offset + 1]);
      this.start = -1;
    }
  }

  finish(length: number): [number, number][] {
    if (this.start >= 0) this.spans.push([this.start, length]); // never closed: blank to the end
    return this.spans;
  }
}

/** JSON (with comments) with every collection nested `CUT_DEPTH` deep blanked; the scanner does not recurse. */
export function cutDeepJson(text: string): string {
  const scanner = createScanner(text, true);
  const finder = new CutFinder();
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.OpenBraceToken || kind === SyntaxKind.OpenBracketToken) finder.open(scanner.getTokenOffset());
    else if (kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken) finder.close(scanner.getTokenOffset());
  }
  return blank(text, finder.finish(text.length), '0');
}

/** The `yaml` lexer's control tokens: they stand for no text. */
const CONTROL_TOKENS = new Set(['\x02', '\x18', '\x1f']);

/**
 * YAML with every flow collection (`[...]`, `{...}`) nested `CUT_DEPTH` deep blanked. Block
 * nesting (indentation) is not cut: a template that overflows that way is reported unread.
 */
export function cutDeepYamlFlow(text: string): string {
  const finder = new CutFinder();
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (CONTROL_TOKENS.has(token)) continue;
    if (token === '[' || token === '{') finder.open(offset);
    else if (token === ']' || token === '}') finder.close(offset);
    offset += token.length;
  }
  return blank(text, finder.finish(text.length), '~');
}
