// Copies the tree-sitter runtime and the grammars the surfaces load into dist/server, beside the
// server and CLI bundles (esbuild does not bundle .wasm files). server/src/surfaces/tree-sitter.ts
// looks for them there first. Keep this list in step with its GRAMMARS (a unit test checks it).
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WASM = [
  ['@vscode/tree-sitter-wasm', 'wasm/tree-sitter.wasm'],
  ['@tree-sitter-grammars/tree-sitter-hcl', 'tree-sitter-terraform.wasm'],
  ['@vscode/tree-sitter-wasm', 'wasm/tree-sitter-typescript.wasm'],
  ['@vscode/tree-sitter-wasm', 'wasm/tree-sitter-tsx.wasm'],
  ['@vscode/tree-sitter-wasm', 'wasm/tree-sitter-javascript.wasm'],
  ['@vscode/tree-sitter-wasm', 'wasm/tree-sitter-python.wasm'],
];

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'package.json'));
const out = join(root, 'dist', 'server');
mkdirSync(out, { recursive: true });
for (const [pkg, file] of WASM) {
  const from = join(dirname(require.resolve(`${pkg}/package.json`)), file);
  copyFileSync(from, join(out, basename(file)));
}
