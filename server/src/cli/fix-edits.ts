/**
 * A finding's semantic fixes as the text edits of the CLI's report (`fixes[].edits`). The edits come
 * from the surface's edit builder (../surfaces/edits.ts), the same path the editor's quick fixes
 * take; a fix the builder cannot make safely, or that would change nothing, is left out rather
 * than printed as a made-up edit.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentModel } from '../model';
import type { Finding } from '../rules/types';
import { clientAt } from '../features/fix-all';
import { editsForFix } from '../surfaces/edits';
import type { SourceDocument } from '../surfaces/types';
import type { ReportFix } from './types';

export { clientAt } from '../features/fix-all';

/** The fixes of one finding as LSP text edits (UTF-16 ranges in `document`, which holds `source.text`). */
export function reportFixes(surfaceId: string, source: SourceDocument, model: DocumentModel, finding: Finding, document: TextDocument): ReportFix[] {
  const def = clientAt(model, finding.span);
  if (!def) return [];
  const fixes: ReportFix[] = [];
  for (const fix of finding.fixes ?? []) {
    const edits = editsForFix(surfaceId, source, model, def, fix);
    if (!edits || edits.length === 0) continue;
    fixes.push({
      title: fix.title,
      edits: edits.map((e) => ({ range: { start: document.positionAt(e.span.start), end: document.positionAt(e.span.end) }, newText: e.newText })),
    });
  }
  return fixes;
}
