#!/usr/bin/env node
// Copies the tree-sitter wasm files the server loads lazily (the runtime and the grammars listed
// as WASM_FILES in server/src/surfaces/tree-sitter.ts) next to the bundles, into dist/server/wasm/,
// where the loader looks first: esbuild does not bundle them, and the installed extension and npm
// package have no node_modules to find them in. test/unit/wasm-files.test.ts keeps this list and
// WASM_FILES the same.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

/** Package and path inside it of every wasm file the server may load. */
const FILES = [
  { pkg: '@vscode/tree-sitter-wasm', path: 'wasm/tree-sitter.wasm' },
  { pkg: '@tree-sitter-grammars/tree-sitter-hcl', path: 'tree-sitter-terraform.wasm' },
  { pkg: '@vscode/tree-sitter-wasm', path: 'wasm/tree-sitter-typescript.wasm' },
  { pkg: '@vscode/tree-sitter-wasm', path: 'wasm/tree-sitter-tsx.wasm' },
  { pkg: '@vscode/tree-sitter-wasm', path: 'wasm/tree-sitter-javascript.wasm' },
  { pkg: '@vscode/tree-sitter-wasm', path: 'wasm/tree-sitter-python.wasm' },
];

function copy(root) {
  const out = path.join(root, 'dist', 'server', 'wasm');
  fs.mkdirSync(out, { recursive: true });
  for (const f of FILES) fs.copyFileSync(path.join(root, 'node_modules', f.pkg, f.path), path.join(out, path.basename(f.path)));
}

module.exports = { FILES };
if (require.main === module) copy(path.resolve(__dirname, '..'));
