/**
 * Caret-marker helpers for feature tests: write the document inline with `|` where the caret is,
 * get a `TextDocument` and a position, and apply a completion item's edits (with its snippet tab
 * stops expanded to their defaults) to assert on the resulting text, in the manner of
 * vscode-json-languageservice's completion tests.
 */
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, Position, TextEdit } from 'vscode-languageserver-types';
import type { DocumentModel } from '../../server/src/model';
import { languageIdForPath, parseDocument } from '../../server/src/surfaces';

/** A document with a caret. */
export interface CaretDocument {
  document: TextDocument;
  /** The caret as an offset into the text (the marker removed). */
  offset: number;
  position: Position;
  model: DocumentModel;
  /** The id of the surface that read the document. */
  surfaceId: string;
}

/** Split text at its caret marker (the first occurrence of `marker`). */
export function splitCaret(textWithCaret: string, marker = '|'): { text: string; offset: number } {
  const offset = textWithCaret.indexOf(marker);
  assert.ok(offset >= 0, `no caret marker ${JSON.stringify(marker)} in the text`);
  return { text: textWithCaret.slice(0, offset) + textWithCaret.slice(offset + marker.length), offset };
}

/** The language id a test file name implies (as the CLI would give it; YAML otherwise). */
function languageOf(fileName: string): string {
  return languageIdForPath(fileName) ?? 'yaml';
}

/** Parse a document written with a caret marker, with the surface the server would pick. */
export function caretDocument(textWithCaret: string, fileName = 'template.yaml', marker = '|'): CaretDocument {
  const { text, offset } = splitCaret(textWithCaret, marker);
  const languageId = languageOf(fileName);
  const uri = `file:///test/${fileName}`;
  const parsed = parseDocument({ uri, languageId, text });
  assert.ok(parsed, `no surface reads ${fileName}`);
  const document = TextDocument.create(uri, languageId, 1, text);
  return { document, offset, position: document.positionAt(offset), model: parsed.model, surfaceId: parsed.surface.id };
}

/**
 * Expand snippet syntax to the text an editor shows once every tab stop keeps its default:
 * `${1:default}` gives the default (nested tab stops expanded too), `${1|a,b|}` the first choice,
 * `$1` / `${1}` / `$0` nothing, and `\$`, `\}`, `\\` their character.
 */
export function expandSnippet(snippet: string): string {
  let i = 0;
  function parse(stopAt?: string): string {
    let out = '';
    while (i < snippet.length) {
      const ch = snippet[i];
      if (stopAt && ch === stopAt) return out;
      if (ch === '\\' && i + 1 < snippet.length && '$}\\,|'.includes(snippet[i + 1])) {
        out += snippet[i + 1];
        i += 2;
        continue;
      }
      if (ch === '$') {
        const simple = /^\$(\d+)/.exec(snippet.slice(i));
        if (simple) {
          i += simple[0].length;
          continue;
        }
        const braced = /^\$\{(\d+)/.exec(snippet.slice(i));
        if (braced) {
          i += braced[0].length;
          if (snippet[i] === '}') {
            i++;
            continue;
          }
          if (snippet[i] === ':') {
            i++;
            out += parse('}');
            i++; // the closing brace
            continue;
          }
          if (snippet[i] === '|') {
            i++;
            const first = parseChoice();
            out += first;
            continue;
          }
          throw new Error(`bad tab stop at ${i} in ${JSON.stringify(snippet)}`);
        }
      }
      out += ch;
      i++;
    }
    if (stopAt) throw new Error(`unclosed tab stop in ${JSON.stringify(snippet)}`);
    return out;
  }
  function parseChoice(): string {
    const options: string[] = [''];
    while (i < snippet.length) {
      const ch = snippet[i];
      if (ch === '\\' && i + 1 < snippet.length) {
        options[options.length - 1] += snippet[i + 1];
        i += 2;
        continue;
      }
      if (ch === ',') options.push('');
      else if (ch === '|' && snippet[i + 1] === '}') {
        i += 2;
        return options[0];
      } else options[options.length - 1] += ch;
      i++;
    }
    throw new Error(`unclosed choice in ${JSON.stringify(snippet)}`);
  }
  return parse();
}

/** The text of a document after applying a completion item's edits, tab stops at their defaults. */
export function applyCompletion(document: TextDocument, item: CompletionItem): string {
  const edits: TextEdit[] = [];
  assert.ok(item.textEdit && 'range' in item.textEdit, `item ${item.label} has a textEdit with a range`);
  const main = item.textEdit;
  const snippet = item.insertTextFormat === 2;
  edits.push({ range: main.range, newText: snippet ? expandSnippet(main.newText) : main.newText });
  for (const e of item.additionalTextEdits ?? []) edits.push(e);
  return TextDocument.applyEdits(document, edits);
}
