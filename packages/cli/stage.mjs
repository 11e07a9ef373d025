// Fills packages/cli/dist from the repository's build before `npm pack` / `npm publish` (the
// `prepack` script): every file of dist/server except the source maps, and the licence. The
// bundles embed their dependencies and the schema, so the package has no dependencies of its own.
// Run `npm run bundle` (or `npm run build`) in the repository root first; `npm run pack:cli` there
// does both.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const built = join(root, 'dist', 'server');

function fail(message) {
  process.stderr.write(`packages/cli: ${message}\n`);
  process.exit(1);
}

const own = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8'));
const main = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// The CLI prints the root package's version (inlined into the bundle); the two must agree.
if (own.version !== main.version) fail(`version ${own.version} differs from the repository's ${main.version}; change both together`);
for (const [name, target] of Object.entries(own.bin)) {
  const source = join(built, target.replace(/^dist\//, ''));
  if (!existsSync(source)) fail(`${source} (for ${name}) is missing: run \`npm run bundle\` in the repository root first`);
}

const out = join(here, 'dist');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const copied = [];
for (const entry of readdirSync(built, { withFileTypes: true })) {
  if (!entry.isFile() || entry.name.endsWith('.map')) continue;
  const from = join(built, entry.name);
  const to = join(out, entry.name);
  if (entry.name.endsWith('.js')) {
    // The map stays behind, so the comment pointing at it goes too.
    writeFileSync(to, readFileSync(from, 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n'), { mode: 0o755 });
  } else {
    copyFileSync(from, to);
  }
  copied.push(entry.name);
}
copyFileSync(join(root, 'LICENSE'), join(here, 'LICENSE'));
process.stderr.write(`packages/cli: staged ${copied.join(', ')} from dist/server\n`);
