/**
 * Where the shared real-world corpus is: `COGNITO_CORPUS_DIR`, or `../shared/corpus` beside the
 * repository. Tests that read it skip themselves, saying why, when it is absent — except under
 * `CI=true`, where a missing corpus is an error: a CI run that silently skipped every corpus test
 * would pass while proving much less. Every corpus test goes through `corpusSkip` (directly or via
 * `corpusFiles` / `corpusTemplates`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { languageIdForPath } from '../../server/src/surfaces';

/** The corpus folder (may not exist). */
export function corpusDir(): string {
  // Compiled tests live in <repo>/out/test/support; the corpus sits beside the repository.
  return process.env.COGNITO_CORPUS_DIR ?? resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus');
}

/** A corpus path that a test needs but cannot find. Thrown under `CI=true` instead of skipping. */
export class CorpusMissingError extends Error {}

/** Whether the run is a CI run (`CI=true`, as GitHub Actions and most CI services set it). */
export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  return (env.CI ?? '').toLowerCase() === 'true';
}

/**
 * Why a test needing `path` (a corpus file or folder) must skip, or undefined when it exists.
 * Under `CI=true` a missing path throws `CorpusMissingError`, which fails the test (or the suite).
 */
export function corpusSkip(path: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (existsSync(path)) return undefined;
  const reason = `corpus not found at ${path} (set COGNITO_CORPUS_DIR)`;
  if (isCi(env)) throw new CorpusMissingError(`${reason}; under CI=true the corpus is required, so this fails instead of skipping`);
  return reason;
}

/** The files of one corpus section (e.g. `cloudformation-yaml`), or a reason why there are none. */
export function corpusFiles(section: string): { files: string[]; skip?: string } {
  const dir = join(corpusDir(), section);
  const skip = corpusSkip(dir);
  if (skip) return { files: [], skip };
  const files = readdirSync(dir).filter((f) => !f.startsWith('.')).sort().map((f) => join(dir, f));
  return { files };
}

/** A corpus template, ready for the rule harness (`lintRendered`). */
export interface CorpusTemplate {
  /** `cloudformation-yaml/001-....yaml`, for messages. */
  label: string;
  fileName: string;
  languageId: string;
  text: string;
}

/** Every CloudFormation template of the corpus (YAML and JSON sections), or a reason why there are none. */
export function corpusTemplates(): { templates: CorpusTemplate[]; skip?: string } {
  const templates: CorpusTemplate[] = [];
  for (const section of ['cloudformation-yaml', 'cloudformation-json']) {
    const { files, skip } = corpusFiles(section);
    if (skip) return { templates: [], skip };
    for (const file of files) {
      const fileName = basename(file);
      const languageId = languageIdForPath(file);
      if (languageId) templates.push({ label: `${section}/${fileName}`, fileName, languageId, text: readFileSync(file, 'utf8') });
    }
  }
  return { templates };
}
