/**
 * The CLI's file collection and per-file reading, in process: directory walking (skipped
 * directories, sorting, de-duplication, link loops), skipped files (binary, too large), and the
 * language and surface guesses for files no surface reads.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FILE_SKIPPED, guessSurface, languageIdFor, lintFile } from '../../server/src/cli/lint-file';
import { collectFiles, isCandidate, PathError, toForwardSlashes } from '../../server/src/cli/walk';

let root = '';

function write(relative: string, content: string | Buffer): void {
  const path = join(root, relative);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
}

before(() => {
  root = mkdtempSync(join(tmpdir(), 'cli-walk-'));
  write('b.yaml', 'a: 1\n');
  write('a.json', '{}\n');
  write('A.yml', 'a: 1\n');
  write('sub/x.template', '{}\n');
  write('sub/notes.txt', 'not walked\n');
  write('sub/settings.jsonc', '{}\n');
  write('sub/deep/er/t.yaml', 'a: 1\n');
  write('node_modules/pkg/t.yaml', 'a: 1\n');
  write('sub/node_modules/pkg/t.yaml', 'a: 1\n');
  write('.git/t.json', '{}\n');
  write('cdk.out/Stack.template.json', '{}\n');
  write('.hidden/h.yaml', 'a: 1\n');
  // A link back up the tree (not followed), a link to a file (followed), and a dangling link.
  symlinkSync(root, join(root, 'sub', 'loop'));
  symlinkSync(join(root, 'b.yaml'), join(root, 'sub', 'link.yaml'));
  symlinkSync(join(root, 'missing.yaml'), join(root, 'dangling.yaml'));
  write('binary.json', Buffer.from([0x7b, 0x00, 0x7d]));
  write('big.yaml', 'x: ' + 'y'.repeat(3000) + '\n');
});

after(() => rmSync(root, { recursive: true, force: true }));

const paths = (args: string[]): string[] => collectFiles(args, root).map((f) => f.path);

describe('collecting files', () => {
  it('walks directories recursively, keeps supported extensions, skips node_modules, .git and cdk.out, and sorts', () => {
    assert.deepEqual(paths(['.']), [
      '.hidden/h.yaml',
      'A.yml',
      'a.json',
      'b.yaml',
      'big.yaml',
      'binary.json',
      'sub/deep/er/t.yaml',
      'sub/settings.jsonc',
      'sub/x.template',
    ]);
  });

  it('keeps the path as written as the prefix', () => {
    const sub = ['sub/deep/er/t.yaml', 'sub/link.yaml', 'sub/settings.jsonc', 'sub/x.template'];
    assert.deepEqual(paths(['sub']), sub);
    assert.deepEqual(paths(['./sub/']), sub);
    assert.deepEqual(paths(['sub/deep/..']), sub);
    assert.deepEqual(paths([join(root, 'sub', 'deep')]), [toForwardSlashes(join(root, 'sub', 'deep', 'er', 't.yaml'))]);
  });

  it('follows links to files but not links to directories', () => {
    assert.ok(paths(['sub']).includes('sub/link.yaml'));
    assert.ok(!paths(['sub']).some((p) => p.startsWith('sub/loop/')));
    // Named directly, a linked directory is walked.
    assert.deepEqual(paths(['sub/loop/sub/deep']), ['sub/loop/sub/deep/er/t.yaml']);
  });

  it('walks a skipped directory when the path names it (but not one nested inside)', () => {
    assert.deepEqual(paths(['node_modules']), ['node_modules/pkg/t.yaml']);
    assert.deepEqual(paths(['.git', 'cdk.out']), ['.git/t.json', 'cdk.out/Stack.template.json']);
    assert.deepEqual(paths(['sub/node_modules/pkg']), ['sub/node_modules/pkg/t.yaml']);
    assert.deepEqual(paths(['sub/node_modules/pkg/t.yaml']), ['sub/node_modules/pkg/t.yaml']);
  });

  it('always includes a file named directly, whatever its extension', () => {
    assert.deepEqual(paths(['sub/notes.txt']), ['sub/notes.txt']);
  });

  it('lists each real file once, sorted, whatever the order and repetition of the paths', () => {
    assert.deepEqual(paths(['sub/x.template', 'b.yaml', 'sub', './b.yaml']), ['b.yaml', 'sub/deep/er/t.yaml', 'sub/settings.jsonc', 'sub/x.template']);
  });

  it('fails with one line for a path that does not exist', () => {
    assert.throws(() => collectFiles(['nope.yaml'], root), (e: unknown) => e instanceof PathError && e.message === 'no such file or directory: nope.yaml');
    assert.throws(() => collectFiles(['b.yaml/x'], root), (e: unknown) => e instanceof PathError && e.message === 'no such file or directory: b.yaml/x');
    assert.throws(() => collectFiles(['dangling.yaml'], root), (e: unknown) => e instanceof PathError && /no such file or directory: dangling\.yaml/.test(e.message));
  });

  it('picks candidates by what languageIdForPath knows', () => {
    for (const name of ['a.yaml', 'a.YML', 'a.json', 'a.jsonc', 'a.template', 'main.tf.json']) assert.ok(isCandidate(name), name);
    for (const name of ['a.txt', 'README.md', 'yaml', 'a.yaml.bak']) assert.ok(!isCandidate(name), name);
  });
});

describe('reading one file', () => {
  const file = (relative: string) => ({ path: relative, absolute: join(root, relative) });

  it('skips a binary file with one info diagnostic saying why', () => {
    const report = lintFile(file('binary.json'), { maxFileSizeKb: 5120 });
    assert.equal(report.surface, 'cloudformation');
    assert.deepEqual(report.clients, []);
    assert.equal(report.diagnostics.length, 1);
    const [d] = report.diagnostics;
    assert.equal(d.rule, FILE_SKIPPED);
    assert.equal(d.severity, 'info');
    assert.match(d.message, /binary/);
    assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.deepEqual(d.fixes, []);
  });

  it('skips a file over the size limit, naming the sizes and the option', () => {
    const report = lintFile(file('big.yaml'), { maxFileSizeKb: 2 });
    assert.equal(report.diagnostics.length, 1);
    assert.equal(report.diagnostics[0].rule, FILE_SKIPPED);
    assert.match(report.diagnostics[0].message, /3 KB, over the 2 KB limit.*--max-file-size/);
    // At the limit it is read.
    assert.deepEqual(lintFile(file('big.yaml'), { maxFileSizeKb: 3 }).diagnostics, []);
  });

  it('skips a directory named as a file', () => {
    const report = lintFile(file('sub'), { maxFileSizeKb: 5120 });
    assert.equal(report.diagnostics[0].rule, FILE_SKIPPED);
    assert.match(report.diagnostics[0].message, /not a regular file/);
  });

  it('skips a file that vanished, as unreadable', () => {
    const report = lintFile(file('gone.yaml'), { maxFileSizeKb: 5120 });
    assert.equal(report.diagnostics[0].rule, FILE_SKIPPED);
    assert.match(report.diagnostics[0].message, /unreadable/);
  });

  it('turns an engine failure into file-skipped with the reason, never a crash', () => {
    const exploding = new Proxy({}, {
      get() {
        throw new Error('boom');
      },
    });
    const report = lintFile(file('b.yaml'), { maxFileSizeKb: 5120, rules: exploding });
    assert.equal(report.diagnostics.length, 1);
    assert.equal(report.diagnostics[0].rule, FILE_SKIPPED);
    assert.equal(report.diagnostics[0].message, 'Not checked: internal error: boom.');
  });

  it('reports a file no surface reads with no clients and no diagnostics', () => {
    const report = lintFile(file('sub/notes.txt'), { maxFileSizeKb: 5120 });
    assert.deepEqual(report, { path: 'sub/notes.txt', surface: 'cloudformation', clients: [], diagnostics: [] });
  });

  it('guesses the language of an unknown extension from the text, and the surface from the language', () => {
    assert.equal(languageIdFor('x.cfn', '  {"Resources": {}}'), 'json');
    assert.equal(languageIdFor('x.cfn', '[1]'), 'json');
    assert.equal(languageIdFor('x.cfn', 'Resources: {}'), 'yaml');
    assert.equal(languageIdFor('x.json', 'Resources: {}'), 'json');
    assert.equal(guessSurface('a.yaml', 'yaml'), 'cloudformation');
    assert.equal(guessSurface('a.json', 'json'), 'cloudformation');
    assert.equal(guessSurface('main.tf.json', 'json'), 'terraform');
    assert.equal(guessSurface('main.tf', 'terraform'), 'terraform');
    assert.equal(guessSurface('app.ts', 'typescript'), 'sdk');
    assert.equal(guessSurface('app.py', 'python'), 'sdk');
    assert.equal(guessSurface('notes.txt', undefined), 'cloudformation');
  });
});
