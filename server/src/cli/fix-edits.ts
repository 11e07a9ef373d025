/**
 * Where a finding's semantic fix becomes text edits for the CLI's output. Each surface's edit
 * builder (the `edits.ts` in its folder) turns "set X to V", "remove item i of X", ... into edits
 * in its own syntax; this module finds the builder for a surface id and converts the builder's
 * offset edits into LSP ranges. A surface with no builder yet, or a builder that cannot express a
 * fix, gives `undefined`, and the CLI then leaves that fix out rather than print a made-up edit.
 */
import { TextDocument, type TextEdit } from 'vscode-languageserver-textdocument';
import type { ClientDefinition, DocumentModel, Span } from '../model';
import type { SemanticFix } from '../rules/types';

/** A text edit in UTF-16 offsets, as surfaces compute them. */
export interface OffsetEdit {
  span: Span;
  newText: string;
}

/**
 * A surface's edit builder: the edits that apply `fix` to `client` in `text`, or `undefined`
 * when it cannot express the fix.
 */
export type EditBuilder = (text: string, model: DocumentModel, client: ClientDefinition, fix: SemanticFix) => OffsetEdit[] | undefined;

/** Edit builders by surface id (`cloudformation-yaml`, ...). */
const editBuilders = new Map<string, EditBuilder>();

/** Make a surface's edit builder available to the CLI (a surface id has one builder; the last wins). */
export function registerEditBuilder(surfaceId: string, builder: EditBuilder): void {
  editBuilders.set(surfaceId, builder);
}

/** Remove a surface's edit builder (for tests). */
export function unregisterEditBuilder(surfaceId: string): void {
  editBuilders.delete(surfaceId);
}

/** The client definition a finding belongs to: the innermost one whose span holds the finding's span. */
export function clientAt(model: DocumentModel, span: Span): ClientDefinition | undefined {
  let best: ClientDefinition | undefined;
  for (const def of model.clients) {
    if (def.span.start <= span.start && span.end <= def.span.end) {
      if (!best || def.span.end - def.span.start < best.span.end - best.span.start) best = def;
    }
  }
  return best;
}

/**
 * The text edits for one fix of a finding at `span`, or `undefined` when the surface has no edit
 * builder, the builder cannot express the fix, or it fails. `document` saves re-creating the
 * line index for every fix of a file.
 */
export function fixEdits(surfaceId: string, text: string, model: DocumentModel, fix: SemanticFix, span: Span, document?: TextDocument): TextEdit[] | undefined {
  const builder = editBuilders.get(surfaceId);
  if (!builder) return undefined;
  const client = clientAt(model, span);
  if (!client) return undefined;
  let edits: OffsetEdit[] | undefined;
  try {
    edits = builder(text, model, client, fix);
  } catch {
    return undefined; // a builder bug costs the fix, never the report
  }
  if (!edits || edits.length === 0) return undefined;
  const doc = document ?? TextDocument.create('file:///fix', 'plaintext', 0, text);
  return edits.map((e) => ({
    range: { start: doc.positionAt(e.span.start), end: doc.positionAt(e.span.end) },
    newText: e.newText,
  }));
}
