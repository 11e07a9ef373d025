/**
 * The CLI on worker threads (server/src/cli/parallel.ts): over a generated monorepo-shaped tree
 * with clients in every surface, a file that cannot be read as UTF-8 and a syntax error, the
 * output of `--jobs 3` (and of the automatic choice) is byte for byte that of `--jobs 1`, in every
 * report format, with the same exit status and the same stderr.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseArgs } from '../../server/src/cli/args';
import { couldNotCheck } from '../../server/src/cli/lint-file';
import { isKnownRule, lintFiles, runCliAsync } from '../../server/src/cli/main';
import { lintFilesInWorkers } from '../../server/src/cli/parallel';
import { collectFiles } from '../../server/src/cli/walk';
import { generateMonorepo } from '../bench/generate';

/** The compiled CLI entry, which a worker thread starts again (out/server/src/cli.js). */
const entry = join(__dirname, '..', '..', 'server', 'src', 'cli.js');

async function run(args: string[], cwd: string): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await runCliAsync(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd, workerScript: entry });
  return { status, stdout, stderr };
}

describe('cli: worker threads give the single-thread output', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'cognito-parallel-'));
    for (const file of generateMonorepo(150, 15)) {
      mkdirSync(dirname(join(root, file.path)), { recursive: true });
      writeFileSync(join(root, file.path), file.text);
    }
    writeFileSync(join(root, 'services/svc000/broken.yaml'), 'Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties: {UserPoolId: [x\n');
    writeFileSync(join(root, 'services/svc001/latin1.yaml'), Buffer.from([0x52, 0x65, 0x73, 0xe9, 0x0a]));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('parses --jobs', () => {
    assert.deepEqual(parseArgs(['--jobs', '4', 'x'], isKnownRule), { kind: 'run', options: { format: 'text', paths: ['x'], rules: {}, maxFileSizeKb: 5120, jobs: 4 } });
    assert.throws(() => parseArgs(['--jobs', '0', 'x'], isKnownRule), /--jobs needs a whole number/);
    assert.throws(() => parseArgs(['--jobs', 'many', 'x'], isKnownRule), /--jobs needs a whole number/);
  });

  for (const format of ['json', 'sarif', 'text', 'github', 'junit']) {
    it(`--format ${format}: --jobs 3 and the automatic choice print what --jobs 1 prints`, async () => {
      const one = await run(['--format', format, '--jobs', '1', '.'], root);
      const three = await run(['--format', format, '--jobs', '3', '.'], root);
      const auto = await run(['--format', format, '.'], root);
      assert.equal(one.status, 2, 'the file that is not UTF-8 fails the run');
      assert.ok(one.stdout.length > 1000);
      for (const other of [three, auto]) {
        assert.equal(other.status, one.status);
        assert.equal(other.stdout, one.stdout);
        assert.equal(other.stderr, one.stderr);
      }
    });
  }

  it('the workers themselves (no quiet fall-back to this thread): the same reports as lintFiles, in order', async () => {
    const files = collectFiles(['.'], root);
    const options = { maxFileSizeKb: 5120, fixes: true };
    const results = await lintFilesInWorkers(files, () => ({}), options, entry, 3);
    const single = lintFiles(files, { rules: {}, ...options });
    assert.deepEqual(results.map((r) => r.report), single.files);
    assert.deepEqual(results.map((r) => couldNotCheck(r.report)), single.files.map((f) => couldNotCheck(f)));
    assert.ok(results.some((r) => couldNotCheck(r.report)), 'the mark of a file that could not be checked came back');
  });

  it('reports every client of the tree (the threads did check the files)', async () => {
    const three = await run(['--format', 'json', '--jobs', '3', '.'], root);
    const report = JSON.parse(three.stdout) as { files: { path: string; surface: string; clients: unknown[] }[] };
    assert.equal(report.files.length, 152);
    const surfaces = new Set(report.files.filter((f) => f.clients.length > 0).map((f) => f.surface));
    assert.deepEqual([...surfaces].sort(), ['cloudformation', 'sdk', 'terraform']);
  });
});
