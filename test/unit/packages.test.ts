/**
 * What the packages hold: the npm package in packages/cli agrees with the repository (version,
 * commands, no dependencies, only dist/ in `files`), and `npm pack` of the root package (what
 * pre-commit installs) lists only the bundles under dist/server plus the files npm always adds.
 * The install itself, into an empty folder, is exercised by .ci/packages.sh.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { CLI_VERSION } from '../../server/src/cli/version';

const ROOT = resolve(__dirname, '..', '..', '..');

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  bin: Record<string, string>;
  files?: string[];
  dependencies?: Record<string, string>;
  scripts?: Record<string, string>;
  repository?: { url: string; directory?: string };
  bugs?: { url: string };
  homepage?: string;
  license?: string;
  engines?: Record<string, string>;
}

function manifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) as Manifest;
}

describe('packages/cli (the npm package)', () => {
  const cli = manifest('packages/cli');
  const root = manifest('.');

  it('has the repository version, which the CLI prints', () => {
    assert.equal(cli.version, root.version);
    assert.equal(cli.version, CLI_VERSION);
  });

  it('installs the same two commands as the repository, from its own dist/', () => {
    assert.deepEqual(Object.keys(cli.bin).sort(), Object.keys(root.bin).sort());
    for (const [name, target] of Object.entries(cli.bin)) {
      // Staged from dist/server under the same file name.
      assert.equal(target, root.bin[name].replace(/^dist\/server\//, 'dist/'), name);
    }
  });

  it('is publishable: not private, only dist/ in files, no dependencies, metadata set', () => {
    assert.equal(cli.name, 'cognito-client-lint');
    assert.equal(cli.private, undefined);
    assert.deepEqual(cli.files, ['dist/']);
    assert.equal(cli.dependencies, undefined);
    assert.equal(cli.license, root.license);
    assert.equal(cli.engines?.node, root.engines?.node);
    assert.equal(cli.repository?.directory, 'packages/cli');
    assert.match(cli.bugs?.url ?? '', /^https:\/\/github\.com\/.+\/issues$/);
    assert.match(cli.homepage ?? '', /^https:\/\//);
    assert.equal(cli.scripts?.prepack, 'node stage.mjs');
    assert.ok(existsSync(join(ROOT, 'packages', 'cli', 'README.md')));
  });
});

describe('npm pack of the root package', () => {
  it('holds only dist/server without maps, and package.json, README.md and LICENSE', (t) => {
    const built = join(ROOT, 'dist', 'server');
    if (!existsSync(join(built, 'cli.js'))) return t.skip('dist/server is not built (npm test builds it)');
    const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const [pack] = JSON.parse(r.stdout) as { files: { path: string }[] }[];
    const expected = [
      'LICENSE',
      'README.md',
      'package.json',
      ...readdirSync(built)
        .filter((f) => !f.endsWith('.map'))
        .map((f) => `dist/server/${f}`),
    ].sort();
    assert.deepEqual(pack.files.map((f) => f.path).sort(), expected);
  });

  it('keeps lifecycle output off stdout, where pre-commit reads the tarball name', () => {
    assert.match(readFileSync(join(ROOT, '.npmrc'), 'utf8'), /^foreground-scripts=false$/m);
  });
});
