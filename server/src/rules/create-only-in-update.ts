/**
 * create-only-in-update: a property that exists only when a client is created (`GenerateSecret`,
 * `ClientSecret`) written in an update call, which does not accept it. Presence is the problem,
 * whatever the value. Only SDK / API update calls have this write context.
 *
 * Ignores create-only properties that an update names to identify the client (`UserPoolId`).
 */
import { schema, spellPath } from '../schema';
import type { Rule, RuleFinding, SemanticFix } from './types';
import { walkContextOf, walkShape } from './util/schema-walk';

export const rule: Rule = {
  id: 'create-only-in-update',
  severity: 'error',
  description: 'GenerateSecret or ClientSecret in an UpdateUserPoolClient call, which accepts them only on create.',
  fixable: true,
  check(def) {
    const wc = walkContextOf(def);
    if (wc.context !== 'update') return [];
    const out: RuleFinding[] = [];
    walkShape(def, {
      member(site) {
        if (site.status !== 'create-only-in-update' || !site.path) return;
        const name = spellPath(site.path, wc.spelling);
        const fixes: SemanticFix[] = site.addressable
          ? [{ title: `Remove ${name}`, changes: [{ kind: 'remove', path: site.path }], isPreferred: true, unambiguous: true }]
          : [];
        out.push({
          message: `${name} can only be given when the client is created; ${schema.resource.updateOperation} does not accept it. Remove it (a different value needs a new client).`,
          span: site.member.keySpan,
          fixes,
        });
      },
    }, wc);
    return out;
  },
};
