/**
 * The VSIX as the Marketplace and Open VSX receive it: the manifest fields their pages use
 * (repository, bugs, homepage, gallery banner, icon), and `vsce ls` listing only what the installed
 * extension runs or shows — the bundles, the grammar, the published schema, the icon, the
 * documents, and every image README.md shows — with no sources, tests, maps or node_modules.
 * The packaged size is measured by .ci/packages.sh.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { WASM_FILES } from '../../server/src/surfaces/tree-sitter';

const ROOT = resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  repository: { url: string };
  bugs: { url: string };
  homepage: string;
  galleryBanner: { color: string; theme: string };
  icon: string;
  publisher: string;
};

/** Relative image paths README.md shows (Markdown images and <img> tags). */
function readmeImages(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const found = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)/g), ...readme.matchAll(/<img[^>]+src="([^"]+)"/g)].map((m) => m[1]);
  return found.filter((src) => !/^[a-z]+:/i.test(src)).map((src) => src.replace(/^\.\//, ''));
}

describe('VSIX manifest', () => {
  it('links the repository, issues and home page over https', () => {
    assert.match(manifest.repository.url, /^https:\/\/github\.com\/[^/]+\/[^/]+$/);
    assert.equal(manifest.bugs.url, `${manifest.repository.url}/issues`);
    assert.equal(manifest.homepage, `${manifest.repository.url}#readme`);
  });

  it('has a gallery banner and a PNG icon', () => {
    assert.match(manifest.galleryBanner.color, /^#[0-9A-Fa-f]{6}$/);
    assert.ok(['dark', 'light'].includes(manifest.galleryBanner.theme));
    const icon = readFileSync(join(ROOT, manifest.icon));
    assert.deepEqual([...icon.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });
});

describe('vsce ls', () => {
  it('lists only what should ship, including every image README.md shows', (t) => {
    if (!existsSync(join(ROOT, 'dist', 'client', 'extension.js'))) return t.skip('not built (npm test builds first)');
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const files = r.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
    const images = readmeImages();
    assert.ok(images.length > 0, 'README.md shows images');
    const wasm = WASM_FILES.map((w) => `dist/server/${w.path.split('/').pop()}`);
    for (const required of ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', manifest.icon, 'dist/client/extension.js', 'dist/server/server.js', 'dist/server/cli.js', ...wasm, ...images]) {
      assert.ok(files.includes(required), `${required} ships`);
    }
    const allowed = [
      /^(package\.json|README\.md|CHANGELOG\.md|LICENSE)$/,
      /^client\/icon\.png$/,
      /^dist\/(client|server)\/[^/]+\.(js|wasm)$/,
      /^schemas\/[^/]+\.schema\.json$/,
      /^syntaxes\/[^/]+\.json$/,
    ];
    const extra = files.filter((f) => !images.includes(f) && !allowed.some((re) => re.test(f)));
    assert.deepEqual(extra, [], 'nothing else ships');
  });
});
