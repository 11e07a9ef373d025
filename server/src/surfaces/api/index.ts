/**
 * The API-shape surface: a user pool client in JSON as the Cognito API writes it, recognised by
 * content (./shape.ts): a DescribeUserPoolClient result saved to a file, or a CreateUserPoolClient
 * / UpdateUserPoolClient request for `aws cognito-idp ... --cli-input-json` (skeletons included).
 *
 * Definitions have the API's semantics (surface `sdk`, API spelling): a request is a create or an
 * update call, a response is operation `describe`, where the outputs (`ClientId`, `ClientSecret`,
 * `CreationDate`, `LastModifiedDate`) are members like any other. Fixes are written by the
 * CloudFormation JSON edit builder's planner over the client object (shared, not copied), in the
 * file's own layout; completion uses the JSON cursor shared with the other JSON surfaces.
 *
 * No suppressions can be written in such a file: the AWS CLI rejects comments and unknown members,
 * so findings are silenced through the `cognitoClient.rules` setting instead.
 */
import { emptyFileContext } from '../../model';
import { jsonPlanEdits } from '../cloudformation/edits-json';
import type { EditBuilder, SourceDocument, Surface } from '../types';
import { apiCursor } from './cursor';
import { apiModel, apiShapeOf } from './shape';

export { apiShapeOf, isPlaceholder, mayBeApiShape } from './shape';

const JSON_LANGUAGES = new Set(['json', 'jsonc']);

/** The path part of a URI, lower-cased (no query or fragment). */
function pathOf(uri: string): string {
  return uri.replace(/[?#].*$/, '').toLowerCase();
}

/** Whether a document is JSON an API-shape file may be written in (not Terraform JSON, not a `.template`). */
function isPlainJson(doc: SourceDocument): boolean {
  const path = pathOf(doc.uri);
  if (doc.languageId.startsWith('terraform') || path.endsWith('.tf.json')) return false;
  if (JSON_LANGUAGES.has(doc.languageId)) return true;
  if (doc.languageId === 'yaml') return false;
  return /\.jsonc?$/.test(path);
}

const edits: EditBuilder = (doc, def, fix) => jsonPlanEdits(doc.text, def, undefined, fix);

/** API-shape JSON: DescribeUserPoolClient results and create / update requests. */
export const apiJsonSurface: Surface = {
  kind: 'sdk',
  id: 'api-json',
  files: [
    { suffix: '.json', languageId: 'json' },
    { suffix: '.jsonc', languageId: 'jsonc' },
  ],
  languageIds: ['json', 'jsonc'],
  accepts: (doc) => isPlainJson(doc) && apiShapeOf(doc.text) !== undefined,
  parse: (doc) => {
    const shape = apiShapeOf(doc.text);
    if (!shape) return { surface: 'sdk', clients: [], context: emptyFileContext(), problems: [] };
    return apiModel(doc.text, shape);
  },
  edits,
  cursor: apiCursor,
};
