/**
 * The cursor context of a Terraform JSON file (`*.tf.json`): what the caret is on, for completion,
 * in files that are usually half-typed.
 *
 * The caret's surroundings come from the JSON-local reading shared with CloudFormation JSON
 * (`../cursor-local.ts`: the `jsonc-parser` scanner, tolerant of an unclosed `"` or `[`, a key
 * without its colon, a missing comma). The key chain above it is resolved the Terraform way:
 * `resource` → a client type → the resource name → the body, each level written as an object or
 * an array of objects; then the client's arguments and nested blocks (object or one-item array)
 * through the schema's Terraform names.
 *
 * Recognised: an argument or nested block name being typed in a client body or nested block, its
 * value, an item of a list argument, and a new resource name under
 * `"aws_cognito_user_pool_client": {`. Ignored: meta-arguments (`depends_on`, `lifecycle`, ...),
 * `"//"` keys, other resource types, and everything outside `resource`.
 */
import type { DocumentModel } from '../../model';
import { canonicalName, propertySchema } from '../../schema';
import { contextOf, ITEM, jsonLocal, type Local, type Resolved, type Seg } from '../cursor-local';
import type { CursorFunction } from '../cursor-types';
import { jsonIndentUnit } from '../edits-text';
import { CLIENT_TYPES } from './model';

/** The next position in `segs` after an optional array item marker. */
function skipItem(segs: Seg[], i: number): number {
  return segs[i] === ITEM ? i + 1 : i;
}

/** Resolve the chain against the model and the schema. */
function resolve(local: Local, model: DocumentModel, offset: number): Resolved | undefined {
  const segs: Seg[] = local.chain.segs;
  let i = 0;
  if (segs[i++] !== 'resource') return undefined;
  i = skipItem(segs, i);
  const type = segs[i++];
  if (typeof type !== 'string' || !CLIENT_TYPES.includes(type)) return undefined;
  i = skipItem(segs, i);
  if (i >= segs.length) {
    // Directly under the type: a new resource name.
    return local.role === 'key' && !local.hasValue ? { role: 'newResource', path: [] } : undefined;
  }
  const name = segs[i++];
  if (typeof name !== 'string' || name === '//') return undefined;
  i = skipItem(segs, i);

  const address = `${type}.${name}`;
  const candidates = model.clients.filter((c) => c.name === address);
  const client = candidates.find((c) => offset >= c.span.start && offset <= c.span.end) ?? candidates[0];
  const spelling = client?.spelling ?? 'terraform';

  const path: string[] = [];
  while (i < segs.length) {
    const seg = segs[i++];
    if (typeof seg !== 'string') return undefined;
    const canonical = canonicalName(seg, spelling, path);
    if (canonical === undefined) return undefined;
    path.push(canonical);
    // A nested block written as an array of objects: its one item is the block.
    if (propertySchema(path)?.type === 'object' && segs[i] === ITEM) i++;
  }

  const role = local.role;
  if (role === 'key') {
    if (path.length > 0 && !propertySchema(path)?.properties) return undefined;
  } else {
    if (path.length === 0) return undefined;
    const prop = propertySchema(path);
    // The `[` of a nested block's array form holds objects, not values to complete.
    if (role === 'item' && prop?.type === 'object') return undefined;
  }
  if (role !== 'key' && role !== 'value' && role !== 'item') return undefined;
  return { role, client, path };
}

/** The cursor context in a Terraform JSON file. */
export const terraformJsonCursor: CursorFunction = (doc, offset, model) => {
  const text = doc.text;
  if (offset < 0 || offset > text.length) return undefined;
  const local = jsonLocal(text, offset);
  if (!local) return undefined;
  const resolved = resolve(local, model, offset);
  if (!resolved) return undefined;
  return contextOf(local, resolved, text, jsonIndentUnit(text), 'terraform', 'terraform');
};
