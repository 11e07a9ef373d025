/**
 * Suppressions in Terraform HCL (`.tf`) files: line comments, in either of HCL's two line-comment
 * forms, `# cognito-client-disable-next-line <id>...` / `// cognito-client-disable-next-line <id>...`
 * for the next line and `# cognito-client-disable [<id>...]` for the whole file.
 *
 * Comments are found with the Terraform grammar (tree-sitter), so a `#` or `//` inside a string or
 * a heredoc is never taken for one. Block comments (`/* ... *\/`) are not read as directives.
 *
 * A new line directive is written with the marker the file already uses most (`#` when it uses
 * none). There is no resource-level form: Terraform has no metadata block for tools, and a comment
 * above a block would read as a next-line directive covering the header only, so
 * `ignoreInDefinition` is left out and the line directive is the only quick action.
 */
import type { DocumentModel } from '../../model';
import { DIRECTIVE_PREFIX, suppressionOfComment, type Suppression } from '../../suppress';
import { parseText } from '../tree-sitter';
import { lineCommentsOf } from './hcl';
import type { HclLineComment } from './tree';
import type { SourceDocument, SuppressionSupport } from '../types';

/** Every line comment of an HCL text with its body (the text after `#` or `//`); `[]` when the grammar is not loaded. */
export function hclLineComments(text: string): HclLineComment[] {
  const tree = parseText('terraform', text);
  if (!tree) return [];
  try {
    return lineCommentsOf(tree.rootNode, text);
  } finally {
    tree.delete();
  }
}

/**
 * The line comments the reader took from the tree a model was read from, by model: reading the
 * suppressions of a file the surface has just read (a check of a fix or a suppression, a fresh
 * analysis) would otherwise parse the same text a second time (half of a fuzzed 240 KB file's
 * code-action time).
 */
const commentsByModel = new WeakMap<DocumentModel, { text: string; comments: HclLineComment[] }>();

export function rememberHclComments(model: DocumentModel, text: string, comments: HclLineComment[] | undefined): void {
  if (comments) commentsByModel.set(model, { text, comments });
}

/** Suppressions written in an HCL document. Never throws. */
export function readHclSuppressions(doc: SourceDocument, model?: DocumentModel): Suppression[] {
  const text = doc.text;
  if (!text.includes(DIRECTIVE_PREFIX)) return [];
  try {
    const out: Suppression[] = [];
    const kept = model && commentsByModel.get(model);
    for (const comment of kept && kept.text === text ? kept.comments : hclLineComments(text)) {
      const s = suppressionOfComment(text, comment.span, comment.body);
      if (s) out.push(s);
    }
    return out;
  } catch {
    return [];
  }
}

/** The line-comment marker a document uses most: `//` when it has more `//` comment lines than `#` ones, else `#`. */
export function hclCommentMarker(text: string): '#' | '//' {
  const hash = (text.match(/^[ \t]*#/gm) ?? []).length;
  const slashes = (text.match(/^[ \t]*\/\//gm) ?? []).length;
  return slashes > hash ? '//' : '#';
}

/** How `.tf` documents carry suppressions. */
export function hclSuppressions(doc: SourceDocument): SuppressionSupport {
  return { read: readHclSuppressions, lineComment: hclCommentMarker(doc.text) };
}
