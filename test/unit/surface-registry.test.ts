/**
 * The surface registry: a surface is one object, the registry one list, and surfaces depend only
 * downward (model, schema, suppress), never on rules, features or the service.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { languageIdForPath, surfaceById, surfaces } from '../../server/src/surfaces';
import { cursorFor } from '../../server/src/surfaces/cursor';
import { editableSurfaces } from '../../server/src/surfaces/edits';
import { suppressionSupport } from '../../server/src/surfaces/suppressions';
import { grammarState, loadGrammar, parseText, WASM_FILES } from '../../server/src/surfaces/tree-sitter';

const ROOT = path.resolve(__dirname, '..', '..', '..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

describe('surface registry', () => {
  it('has unique ids, and finds each surface by id', () => {
    const ids = surfaces.map((s) => s.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const s of surfaces) assert.equal(surfaceById(s.id), s);
    assert.equal(surfaceById('no-such-surface'), undefined);
  });

  it('reaches edits, cursor and suppressions through the surface object', () => {
    for (const s of surfaces) {
      assert.equal(editableSurfaces.includes(s.id), s.edits !== undefined, s.id);
      assert.equal(cursorFor(s.id), s.cursor, s.id);
      const doc = { uri: 'file:///t', languageId: s.languageIds[0], text: '' };
      assert.equal(suppressionSupport(s.id, doc) !== undefined, s.suppressions !== undefined, s.id);
    }
  });

  it('gives the CLI a language id for every file ending a surface declares, longest ending first', () => {
    for (const s of surfaces) for (const kind of s.files) assert.equal(languageIdForPath(`dir/a${kind.suffix.toUpperCase()}`), kind.languageId, kind.suffix);
    assert.equal(languageIdForPath('notes.txt'), undefined);
    assert.equal(languageIdForPath('a.yaml.bak'), undefined);
  });

  it('keeps surfaces free of rules, features and the service', () => {
    const dir = path.join(ROOT, 'server', 'src', 'surfaces');
    const offenders: string[] = [];
    for (const file of sources(dir)) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bfrom\s+'([^']+)'/g)) {
        const target = path.resolve(path.dirname(file), m[1]);
        const rel = path.relative(path.join(ROOT, 'server', 'src'), target);
        if (/^(rules|features)(\/|$)|^service$|^server$|^cli(\/|$)/.test(rel)) offenders.push(`${path.relative(ROOT, file)} imports ${m[1]}`);
      }
    }
    assert.deepEqual(offenders, []);
  });
});

describe('tree-sitter wasm files', () => {
  it('the build copies every wasm file the loader may ask for, beside the bundles', () => {
    const script = fs.readFileSync(path.join(ROOT, 'server', 'scripts', 'copy-wasm.mjs'), 'utf8');
    const copied = [...script.matchAll(/\['([^']+)', '([^']+)'\]/g)].map((m) => `${m[1]}/${m[2]}`).sort();
    assert.deepEqual(copied, WASM_FILES.map((w) => `${w.pkg}/${w.path}`).sort());
    // `npm test` bundles first: the files are there for the server and the CLI to load.
    for (const w of WASM_FILES) assert.ok(fs.existsSync(path.join(ROOT, 'dist', 'server', path.basename(w.path))), w.path);
  });

  it('loads a grammar and parses with UTF-16 offsets', async () => {
    assert.equal(await loadGrammar('terraform'), true);
    assert.equal(grammarState('terraform'), 'ready');
    const text = '# café ✓\nresource "aws_cognito_user_pool_client" "x" {\n  name = "a"\n}\n';
    const tree = parseText('terraform', text);
    assert.ok(tree);
    try {
      const attribute = tree.rootNode.descendantsOfType('attribute')[0];
      assert.ok(attribute);
      assert.equal(attribute.startIndex, text.indexOf('name ='));
    } finally {
      tree.delete();
    }
  });
});
