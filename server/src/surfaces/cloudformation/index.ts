/**
 * CloudFormation surface (stub, to be replaced): templates in YAML and JSON.
 */
import { emptyFileContext, type DocumentModel } from '../../model';
import type { SourceDocument, Surface } from '../types';

function empty(): DocumentModel {
  return { surface: 'cloudformation', clients: [], context: emptyFileContext(), problems: [] };
}

export const cloudFormationYamlSurface: Surface = {
  kind: 'cloudformation',
  id: 'cloudformation-yaml',
  accepts: (doc: SourceDocument) => doc.languageId === 'yaml' || /\.ya?ml$/i.test(doc.uri),
  parse: () => empty(),
};

export const cloudFormationJsonSurface: Surface = {
  kind: 'cloudformation',
  id: 'cloudformation-json',
  accepts: (doc: SourceDocument) => doc.languageId === 'json' || doc.languageId === 'jsonc' || /\.json$/i.test(doc.uri),
  parse: () => empty(),
};
