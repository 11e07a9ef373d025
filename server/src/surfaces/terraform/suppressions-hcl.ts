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
import { parseText, type SyntaxNode } from '../tree-sitter';
import type { SourceDocument, SuppressionSupport } from '../types';

/** Every line comment of an HCL text with its body (the text after `#` or `//`); `[]` when the grammar is not loaded. */
export function hclLineComments(text: string): { span: { start: number; end: number }; body: string }[] {
  const tree = parseText('terraform', text);
  if (!tree) return [];
  try {
    const out: { span: { start: number; end: number }; body: string }[] = [];
    const visit = (node: SyntaxNode, depth: number): void => {
      if (depth > 400) return;
      if (node.type === 'comment') {
        const raw = text.slice(node.startIndex, node.endIndex);
        const body = raw.startsWith('#') ? raw.slice(1) : raw.startsWith('//') ? raw.slice(2) : undefined;
        if (body !== undefined) out.push({ span: { start: node.startIndex, end: node.endIndex }, body: body.replace(/\r$/, '') });
        return;
      }
      for (const child of node.children) if (child) visit(child, depth + 1);
    };
    visit(tree.rootNode, 0);
    return out;
  } finally {
    tree.delete();
  }
}

/** Suppressions written in an HCL document. Never throws. */
export function readHclSuppressions(doc: SourceDocument, _model?: DocumentModel): Suppression[] {
  const text = doc.text;
  if (!text.includes(DIRECTIVE_PREFIX)) return [];
  try {
    const out: Suppression[] = [];
    for (const comment of hclLineComments(text)) {
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
