/**
 * A template cut down to one client and nothing else of `Resources`, for the check that an edited
 * client still reads the same (see `../reduce.ts`, `reduceForRead`). That check reads the edited
 * text and compares problems, resource count, client names and the client's body: what it needs
 * of the other resources is nothing, so every other entry of `Resources` (a Lambda function, a
 * bucket, the user pool itself) goes, through the same entry removal the client reduction uses
 * (./remove.ts). Parameters, Conditions, Mappings and the rest stay: a client's values read
 * through them (`!Ref Stage`, `!If [IsProd, ...]`).
 *
 * Only the read check uses this. Rules look at the other resources (a pool's attributes, a
 * resource server's scopes), so fix-all's "does the fix improve" check keeps them (`reduceTo`).
 */
import type { ClientDefinition, DocumentModel } from '../../model';
import type { SpanEdit } from '../types';
import { get } from './nodes';
import { withoutEntriesBut } from './remove';
import { keptTree } from './trees';

/** Every entry of `Resources` as a definition to take out (clients as themselves), per model: stable, so ./remove.ts plans once per model. */
const entries = new WeakMap<DocumentModel, { text: string; all: ClientDefinition[] } | null>();

function entriesOf(text: string, model: DocumentModel): ClientDefinition[] | undefined {
  const known = entries.get(model);
  if (known !== undefined) return known && known.text === text ? known.all : undefined;
  const resources = get(keptTree(model, text), 'Resources');
  let all: ClientDefinition[] | undefined;
  if (resources?.kind === 'map') {
    const clients = new Map(model.clients.map((c) => [c.nameSpan.start, c]));
    all = resources.pairs.map(
      (pair) =>
        clients.get(pair.keySpan.start) ??
        // An entry that is no client: only its place matters to the removal.
        ({ name: pair.key, span: pair.span, nameSpan: pair.keySpan, typeSpan: pair.keySpan, surface: 'cloudformation', spelling: 'cloudformation', operation: 'resource', properties: new Map(), dependsOn: [], references: new Set() } as ClientDefinition),
    );
    // Every client must be one of the entries (a client elsewhere: no such reduction).
    if (model.clients.some((c) => !all!.includes(c))) all = undefined;
  }
  entries.set(model, all ? { text, all } : null);
  return all;
}

/** The edits that take every `Resources` entry but `keep` out of the text a model was read from; undefined when they cannot be made. */
export function resourcesBut(text: string, model: DocumentModel, keep: ClientDefinition, json: boolean): SpanEdit[] | undefined {
  const all = entriesOf(text, model);
  if (!all || all.length < 2 || !all.includes(keep)) return undefined;
  return withoutEntriesBut(text, all, keep, json);
}
