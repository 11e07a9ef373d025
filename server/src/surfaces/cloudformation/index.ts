/**
 * CloudFormation surface: templates in YAML and JSON (plain CloudFormation, SAM, Rain modules,
 * CDK synth output, Serverless Framework `resources`, bare resource fragments).
 *
 * Recognises every `AWS::Cognito::UserPoolClient` resource and the related Cognito resources the
 * cross-resource rules read. Ignores everything else in the file, and does not parse at all a file
 * that mentions neither Cognito nor `Resources` (a `package.json`, a compose file). Terraform JSON
 * (`.tf.json`) is not read here.
 */
import { OutOfTime } from '../../budget';
import type { DocumentModel } from '../../model';
import type { EditBuilder, SourceDocument, SuppressionSupport, Surface } from '../types';
import { cloudFormationJsonCursor, cloudFormationYamlCursor } from './cursor';
import { jsonFixEdits } from './edits-json';
import { yamlFixEdits } from './edits-yaml';
import { readJson } from './json';
import { jsonSuppressions, resourceIgnoreEdits, yamlSuppressions } from './suppressions';
import { withoutEntries, withoutEntriesBut } from './remove';
import { rememberTree } from './trees';
import type { ReadResult } from './nodes';
import { emptyModel, modelOf } from './template';
import { readYaml } from './yaml';

export { readJson } from './json';
export { readYaml } from './yaml';
export type { MapNode, OpaqueNode, PairNode, ReadResult, ScalarNode, SeqNode, TemplateNode } from './nodes';

/** Text that may hold a template or a client: anything else is not parsed at all. */
const TEMPLATE_MARKERS = /AWS::Cognito::|UserPoolClient|Resources|AWSTemplateFormatVersion/;

const JSON_LANGUAGES = new Set(['json', 'jsonc']);

/** The path part of a URI, lower-cased (no query or fragment). */
function pathOf(uri: string): string {
  return uri.replace(/[?#].*$/, '').toLowerCase();
}

function isTerraform(doc: SourceDocument): boolean {
  return doc.languageId.startsWith('terraform') || pathOf(doc.uri).endsWith('.tf.json');
}

/** Read a document with a reader and build the model; never throws. */
function parseWith(read: (text: string) => ReadResult, doc: SourceDocument): DocumentModel {
  if (!TEMPLATE_MARKERS.test(doc.text)) return emptyModel();
  try {
    const { root, problems } = read(doc.text);
    const model = modelOf(root, problems);
    rememberTree(model, doc.text, root, read);
    return model;
  } catch (error) {
    if (error instanceof OutOfTime) throw error; // the surface says so (surfaces/index.ts)
    return emptyModel([{ message: `The template was not read: ${error instanceof Error ? error.message : String(error)}`, span: { start: 0, end: 0 }, unread: true }]);
  }
}

/** Whether JSON-looking text actually starts like YAML (a `.template` file may be either). */
function looksLikeYaml(text: string): boolean {
  const first = /\S/.exec(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  return first !== null && !['{', '[', '/'].includes(first[0]);
}

/** Whether a document the JSON surface accepted is really a YAML template (a YAML `.template` file). */
export function jsonSurfaceReadsAsYaml(doc: SourceDocument): boolean {
  return pathOf(doc.uri).endsWith('.template') && looksLikeYaml(doc.text);
}

const yamlSuppressionSupport: SuppressionSupport = {
  read: yamlSuppressions,
  lineComment: '#',
  ignoreInDefinition: (doc, def, ruleId, model) => resourceIgnoreEdits(doc, def, ruleId, 'yaml', model),
};

const jsonSuppressionSupport: SuppressionSupport = {
  read: jsonSuppressions,
  ignoreInDefinition: (doc, def, ruleId, model) => resourceIgnoreEdits(doc, def, ruleId, 'json', model),
};

/** The JSON surface reads a YAML `.template` file as YAML: it is edited, completed and suppressed as YAML too. */
const jsonOrYamlEdits: EditBuilder = (doc, def, fix, model) => (jsonSurfaceReadsAsYaml(doc) ? yamlFixEdits : jsonFixEdits)(doc, def, fix, model);

/** CloudFormation templates written in YAML. */
export const cloudFormationYamlSurface: Surface = {
  kind: 'cloudformation',
  id: 'cloudformation-yaml',
  files: [
    { suffix: '.yaml', languageId: 'yaml' },
    { suffix: '.yml', languageId: 'yaml' },
  ],
  languageIds: ['yaml'],
  accepts: (doc: SourceDocument) => {
    if (doc.languageId === 'yaml') return true;
    if (JSON_LANGUAGES.has(doc.languageId) || isTerraform(doc)) return false;
    return /\.ya?ml$/.test(pathOf(doc.uri));
  },
  parse: (doc: SourceDocument) => parseWith(readYaml, doc),
  withoutDefinitions: (text, defs) => withoutEntries(text, defs, false),
  withoutDefinitionsBut: (text, all, keep) => withoutEntriesBut(text, all, keep, false),
  edits: yamlFixEdits,
  cursor: cloudFormationYamlCursor,
  suppressions: () => yamlSuppressionSupport,
};

/** CloudFormation templates written in JSON (including CDK synth output). */
export const cloudFormationJsonSurface: Surface = {
  kind: 'cloudformation',
  id: 'cloudformation-json',
  files: [
    { suffix: '.json', languageId: 'json' },
    { suffix: '.jsonc', languageId: 'jsonc' },
    { suffix: '.template', languageId: 'json' },
  ],
  languageIds: ['json', 'jsonc'],
  accepts: (doc: SourceDocument) => {
    if (isTerraform(doc)) return false;
    if (JSON_LANGUAGES.has(doc.languageId)) return true;
    if (doc.languageId === 'yaml') return false;
    return /\.(json|template)$/.test(pathOf(doc.uri));
  },
  parse: (doc: SourceDocument) => {
    // A `.template` file is JSON or YAML; read YAML ones as YAML rather than report JSON errors.
    return parseWith(jsonSurfaceReadsAsYaml(doc) ? readYaml : readJson, doc);
  },
  withoutDefinitions: (text, defs) => withoutEntries(text, defs, !looksLikeYaml(text)),
  withoutDefinitionsBut: (text, all, keep) => withoutEntriesBut(text, all, keep, !looksLikeYaml(text)),
  edits: jsonOrYamlEdits,
  cursor: cloudFormationJsonCursor,
  suppressions: (doc) => (looksLikeYaml(doc.text) ? yamlSuppressionSupport : jsonSuppressionSupport),
};
