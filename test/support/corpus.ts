/**
 * Where the shared real-world corpus is: `COGNITO_CORPUS_DIR`, or `../shared/corpus` beside the
 * repository. Tests that read it skip themselves, saying why, when it is absent.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The corpus folder (may not exist). */
export function corpusDir(): string {
  // Compiled tests live in <repo>/out/test/support; the corpus sits beside the repository.
  return process.env.COGNITO_CORPUS_DIR ?? resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus');
}

/** The files of one corpus section (e.g. `cloudformation-yaml`), or a reason why there are none. */
export function corpusFiles(section: string): { files: string[]; skip?: string } {
  const dir = join(corpusDir(), section);
  if (!existsSync(dir)) return { files: [], skip: `corpus not found at ${dir} (set COGNITO_CORPUS_DIR)` };
  const files = readdirSync(dir).filter((f) => !f.startsWith('.')).sort().map((f) => join(dir, f));
  return { files };
}
