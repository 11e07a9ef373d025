/**
 * The Terraform surfaces: `.tf.json` (Terraform JSON syntax, through jsonc-parser) and `.tf`
 * (HCL, through tree-sitter). Each reader turns its syntax into the blocks of ./tree.ts; ./model.ts
 * gives both the same semantics. A module is a directory: both read facts (user pools, identity
 * providers, resource servers, variables, locals) from every `.tf` and `.tf.json` file beside the
 * document, which the host passes as `siblings`.
 */
import { keptUnlessGivenUp, OutOfTime } from '../../budget';
import type { DocumentModel } from '../../model';
import { DIRECTIVE_PREFIX } from '../../suppress';
import { grammarState, loadGrammar } from '../tree-sitter';
import type { SourceDocument, Surface } from '../types';
import { hclCursor } from './cursor-hcl';
import { terraformJsonCursor } from './cursor-json';
import { hclEdits } from './edits-hcl';
import { terraformJsonEdits } from './edits-json';
import { readHcl } from './hcl';
import { readTerraformJson } from './json';
import { CLIENT_MARKER, emptyTerraformModel, terraformModel } from './model';
import { withoutBlocks, withoutBlocksBut } from '../cloudformation/remove';
import { terraformJsonWithoutDefinitions } from './remove-json';
import { terraformJsonWithoutDefinitionsBut } from './reduce-json';
import { hclSuppressions, rememberHclComments } from './suppressions-hcl';
import { terraformJsonSuppressions } from './suppressions-json';
import type { HclLineComment, TfFile } from './tree';

/** The files of a Terraform module. */
const MODULE = { suffixes: ['.tf', '.tf.json'] } as const;

/** The path part of a URI, lower-case (no query or fragment). */
function pathOf(uri: string): string {
  const end = uri.search(/[?#]/);
  return (end < 0 ? uri : uri.slice(0, end)).toLowerCase();
}

function isTerraformJson(doc: Pick<SourceDocument, 'uri' | 'languageId'>): boolean {
  return doc.languageId === 'terraform-json' || pathOf(doc.uri).endsWith('.tf.json');
}

function isHcl(doc: Pick<SourceDocument, 'uri' | 'languageId'>): boolean {
  return doc.languageId === 'terraform' || doc.languageId === 'hcl' || pathOf(doc.uri).endsWith('.tf');
}

/** Sibling files read once per text: a module's other files are read again only when they change. */
const siblingCache = new Map<string, { text: string; file: TfFile | undefined }>();
const SIBLING_CACHE_SIZE = 200;

function readSibling(doc: SourceDocument): TfFile | undefined {
  const cached = siblingCache.get(doc.uri);
  if (cached && cached.text === doc.text) return cached.file;
  // Only what the facts need: a sibling without Cognito resources, locals or variables adds nothing.
  return keptUnlessGivenUp(
    () => (!/aws_cognito_|locals|variable/.test(doc.text) ? { blocks: [], problems: [] } : isTerraformJson(doc) ? readTerraformJson(doc.text) : readHcl(doc.text)),
    (file) => {
      siblingCache.delete(doc.uri);
      siblingCache.set(doc.uri, { text: doc.text, file });
      if (siblingCache.size > SIBLING_CACHE_SIZE) siblingCache.delete(siblingCache.keys().next().value as string);
    },
  );
}

function siblingsOf(doc: SourceDocument): TfFile[] | undefined {
  if (!doc.siblings) return undefined;
  return doc.siblings.flatMap((s) => {
    const file = readSibling(s);
    return file ? [file] : [];
  });
}

/** Read a document with a reader; never throws. */
function parseWith(read: (text: string) => TfFile | undefined, doc: SourceDocument): DocumentModel {
  if (!CLIENT_MARKER.test(doc.text)) return emptyTerraformModel();
  try {
    const own = read(doc.text);
    if (!own) {
      const why = grammarState('terraform') === 'failed' ? 'the HCL parser could not be loaded' : 'the HCL parser is not loaded yet';
      return emptyTerraformModel([{ message: `This Terraform file was not read: ${why}.`, span: { start: 0, end: 0 } }]);
    }
    return terraformModel(doc.text, own, siblingsOf(doc));
  } catch (error) {
    if (error instanceof OutOfTime) throw error; // the surface says so (surfaces/index.ts)
    return emptyTerraformModel([{ message: `The Terraform file could not be read: ${error instanceof Error ? error.message : String(error)}`, span: { start: 0, end: 0 } }]);
  }
}

/**
 * Read a `.tf` document; when it holds a suppression directive, the reader also takes its line
 * comments from the same syntax tree, kept with the model for the suppression reader.
 */
function parseHcl(doc: SourceDocument): DocumentModel {
  if (!doc.text.includes(DIRECTIVE_PREFIX)) return parseWith(readHcl, doc);
  let comments: HclLineComment[] | undefined;
  const model = parseWith((text) => {
    const file = readHcl(text, { comments: true });
    comments = file?.comments;
    return file;
  }, doc);
  rememberHclComments(model, doc.text, comments);
  return model;
}

/** Load the HCL grammar when this document or a sibling needs it. */
function prepare(doc: SourceDocument): Promise<void> | undefined {
  if (grammarState('terraform') !== 'absent' || !CLIENT_MARKER.test(doc.text)) return undefined;
  const needsHcl = isHcl(doc) && !isTerraformJson(doc) || (doc.siblings ?? []).some((s) => !isTerraformJson(s));
  return needsHcl ? loadGrammar('terraform').then(() => undefined) : undefined;
}

/** Terraform JSON syntax (`*.tf.json`, also what CDK for Terraform writes). */
export const terraformJsonSurface: Surface = {
  kind: 'terraform',
  id: 'terraform-json',
  files: [{ suffix: '.tf.json', languageId: 'json' }],
  languageIds: ['json'],
  accepts: (doc) => isTerraformJson(doc),
  parse: (doc) => parseWith(readTerraformJson, doc),
  withoutDefinitions: terraformJsonWithoutDefinitions,
  withoutDefinitionsBut: terraformJsonWithoutDefinitionsBut,
  module: MODULE,
  prepare,
  edits: terraformJsonEdits,
  cursor: terraformJsonCursor,
  suppressions: terraformJsonSuppressions,
};

/** Terraform HCL (`*.tf`). */
export const terraformHclSurface: Surface = {
  kind: 'terraform',
  id: 'terraform-hcl',
  files: [{ suffix: '.tf', languageId: 'terraform' }],
  languageIds: ['terraform'],
  accepts: (doc) => isHcl(doc) && !isTerraformJson(doc),
  parse: (doc) => parseHcl(doc),
  withoutDefinitions: withoutBlocks,
  withoutDefinitionsBut: withoutBlocksBut,
  module: MODULE,
  prepare,
  edits: hclEdits,
  cursor: hclCursor,
  suppressions: hclSuppressions,
};
