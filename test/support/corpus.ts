/**
 * Where the shared real-world corpus is: `COGNITO_CORPUS_DIR`, or `../shared/corpus` beside the
 * repository. Tests that read it skip themselves, saying why, when it is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { languageIdForPath } from '../../server/src/surfaces';

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
