/**
 * The wasm files the build copies beside the bundles (.ci/copy-wasm.js) are the ones the
 * tree-sitter loader may ask for (server/src/surfaces/tree-sitter.ts WASM_FILES), and exist.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { WASM_FILES } from '../../server/src/surfaces/tree-sitter';

const ROOT = resolve(__dirname, '..', '..', '..');

describe('wasm files beside the bundle', () => {
  it('the build copies exactly the files the loader may load, and they are installed', () => {
    const { FILES } = require(join(ROOT, '.ci', 'copy-wasm.js')) as { FILES: { pkg: string; path: string }[] };
    const key = (f: { pkg: string; path: string }) => `${f.pkg}/${f.path}`;
    assert.deepEqual(FILES.map(key).sort(), WASM_FILES.map(key).sort());
    for (const f of FILES) assert.ok(existsSync(join(ROOT, 'node_modules', f.pkg, f.path)), key(f));
  });
});
