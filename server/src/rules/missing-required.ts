/**
 * missing-required: a property the write context requires is absent: `UserPoolId` everywhere,
 * `ClientName` in create calls and Terraform, `ClientId` in update calls, and required members
 * of a nested object that is written (`RefreshTokenRotation.Feature` in the API and Terraform).
 * A missing top-level property is flagged on the definition's name, a missing member on the key
 * of its object. The fix inserts the property with a placeholder to fill in; for a missing
 * `UserPoolId` in a file that declares exactly one user pool, the preferred fix refers to that pool.
 *
 * Ignores bodies and objects that are unknown as a whole (an intrinsic, a variable), and a
 * missing property that an unknown key next to it most likely means (unknown-property offers
 * the rename).
 */
import { referenceValue } from '../model/reference-value';
import { isRequiredIn, membersAt, spell, spellPath } from '../schema';
import type { Rule, RuleFinding, SemanticFix } from './types';
import { USER_POOL_ID } from './util/resource-links';
import { walkContextOf, walkShape } from './util/schema-walk';
import { suggestProperties } from './util/shape-suggest';
import { contextLabel, placeholderFor } from './util/shape-text';

export const rule: Rule = {
  id: 'missing-required',
  severity: 'error',
  description: 'A required property is missing (UserPoolId; ClientName in API calls and Terraform; RefreshTokenRotation.Feature in the API and Terraform).',
  fixable: true,
  check(def, ctx) {
    const pools = [...ctx.file.userPools.keys()];
    const wc = walkContextOf(def);
    const out: RuleFinding[] = [];
    walkShape(def, {
      object(site) {
        for (const [canonical, prop] of Object.entries(membersAt(site.path) ?? {})) {
          if (!isRequiredIn(prop, wc.context) || prop.names[wc.spelling] === undefined) continue;
          if (site.members.some((m) => m.path?.[m.path.length - 1] === canonical)) continue;
          if (site.path.length === 0 && (def.open || def.providedElsewhere?.includes(canonical))) continue;
          const meant = site.members.some((m) => m.status === 'unknown' && suggestProperties(m.member.name, site.path, wc, 1)[0]?.canonical === canonical);
          if (meant) continue;
          const path = [...site.path, canonical];
          const name = spellPath(path, wc.spelling);
          const message = site.path.length > 0
            ? `${spellPath(site.path, wc.spelling)} needs its ${spell(path, wc.spelling)} member in ${contextLabel(wc.context)}; add it.`
            : `${name} is required in ${contextLabel(wc.context)}; add it.`;
          const fixes: SemanticFix[] = [];
          if (site.addressable) {
            const onlyPool = path.length === 1 && path[0] === USER_POOL_ID && pools.length === 1 ? pools[0] : undefined;
            if (onlyPool !== undefined) {
              // Automatic only when the file is complete: a fragment or a loop may make other pools.
              fixes.push({ title: `Add ${name} referring to user pool ${onlyPool}`, changes: [{ kind: 'insert', path, value: referenceValue(onlyPool) }], isPreferred: true, unambiguous: ctx.file.complete });
            }
            fixes.push({ title: `Add ${name}`, changes: [{ kind: 'insert', path, value: placeholderFor(prop, wc.context), placeholder: true }], isPreferred: onlyPool === undefined });
          }
          out.push({ message, span: site.flagSpan, fixes });
        }
      },
    }, wc);
    return out;
  },
};
