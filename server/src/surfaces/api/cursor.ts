/**
 * The cursor context of a document in the API's shape, for completion: the JSON-local reading
 * shared with the other JSON surfaces (`../cursor-local.ts`), its key chain resolved through the
 * schema's API names from the client object (the root of a request, the `UserPoolClient` object of
 * a response).
 *
 * Recognised: a member name being typed at the top level of the client or in a nested object
 * (`TokenValidityUnits`, ...), a member's value, an item of a list member. Ignored: anything
 * outside the client object, members of unknown names.
 */
import { canonicalName, propertySchema } from '../../schema';
import { contextOf, jsonLocal, type Resolved } from '../cursor-local';
import type { CursorFunction } from '../cursor-types';
import { jsonIndentUnit } from '../edits-text';
import { RESPONSE_KEY } from './shape';

/** The cursor context in an API-shape document. */
export const apiCursor: CursorFunction = (doc, offset, model) => {
  const text = doc.text;
  if (offset < 0 || offset > text.length) return undefined;
  const client = model.clients[0];
  if (!client) return undefined;
  const local = jsonLocal(text, offset);
  if (!local) return undefined;
  const segs = [...local.chain.segs];
  if (client.operation === 'describe') {
    if (segs[0] !== RESPONSE_KEY) return undefined;
    segs.shift();
  }
  const path: string[] = [];
  for (const seg of segs) {
    if (typeof seg !== 'string') return undefined;
    const canonical = canonicalName(seg, 'api', path);
    if (canonical === undefined) return undefined;
    path.push(canonical);
  }
  const role = local.role === 'auto' ? (path.length === 0 || propertySchema(path)?.properties ? 'key' : 'value') : local.role;
  if (role === 'key') {
    if (path.length > 0 && !propertySchema(path)?.properties) return undefined;
  } else if (path.length === 0 || (role === 'item' && propertySchema(path)?.type !== 'list')) return undefined;
  const resolved: Resolved = { role, client, path };
  return contextOf(local, resolved, text, jsonIndentUnit(text), 'sdk', 'api');
};
