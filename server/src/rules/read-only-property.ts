/**
 * read-only-property: an output of the service (`ClientId`, `ClientSecret` in a template,
 * `CreationDate`, ...) written as input where the schema does not accept it. Presence is the
 * problem, so it fires whatever the value is, an intrinsic included (`ClientId: !Ref Name`). Also
 * recognises a read-only property written in another surface's spelling.
 *
 * Ignores read-only properties a context accepts (`ClientId` identifies the client in an update
 * call; `ClientSecret` may be given to a create call) and create-only properties in an update
 * (create-only-in-update reports those).
 */
import { spellPath } from '../schema';
import type { Rule, RuleFinding, SemanticFix } from './types';
import { walkContextOf, walkShape } from './util/schema-walk';
import { contextLabel, orList } from './util/shape-text';

export const rule: Rule = {
  id: 'read-only-property',
  severity: 'error',
  description: 'An output-only property (such as ClientId, or ClientSecret in a template) written as input.',
  fixable: true,
  check(def) {
    const wc = walkContextOf(def);
    const out: RuleFinding[] = [];
    walkShape(def, {
      member(site) {
        if (site.status !== 'read-only' || !site.path) return;
        const name = site.resolved ? spellPath(site.path, wc.spelling) : site.member.name;
        // A describe result holds outputs but is no input: only the calls that take it are named.
        const accepted = (site.schema?.inputIn ?? []).filter((c) => c !== 'describe');
        const only = accepted.length > 0 ? ` Only ${orList(accepted.map(contextLabel))} takes it as input.` : '';
        // A member recognised only by another spelling is not in the model's properties, so a
        // remove by canonical path would not find it.
        const fixes: SemanticFix[] = site.resolved && site.addressable
          ? [{ title: `Remove ${name}`, changes: [{ kind: 'remove', path: site.path }], isPreferred: true, unambiguous: true }]
          : [];
        out.push({
          message: `${name} is an output of Cognito and cannot be written in ${contextLabel(wc.context)}; remove it.${only}`,
          span: site.member.keySpan,
          fixes,
        });
      },
    }, wc);
    return out;
  },
};
