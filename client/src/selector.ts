/**
 * The documents VS Code sends to the language server: by language id, and by file pattern for
 * files whose language id depends on which other extensions are installed (`.tf` is `terraform`
 * only with HashiCorp's extension). No scheme restriction: files, untitled buffers and virtual
 * workspaces alike. The server ignores, at almost no cost, any document no surface reads.
 *
 * A unit test checks that this covers every language id and file ending a server surface declares.
 */
export type DocumentFilter = { language: string; pattern?: undefined } | { pattern: string; language?: undefined };

export const documentSelector: DocumentFilter[] = [
  { language: 'yaml' },
  { language: 'json' },
  { language: 'jsonc' },
  { pattern: '**/*.template' },
  { language: 'terraform' },
  { pattern: '**/*.tf' },
  { pattern: '**/*.tf.json' },
  { language: 'javascript' },
  { language: 'javascriptreact' },
  { language: 'typescript' },
  { language: 'typescriptreact' },
  { language: 'python' },
];
