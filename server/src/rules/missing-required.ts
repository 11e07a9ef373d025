/**
 * missing-required: a property the write context requires is absent: `UserPoolId` everywhere,
 * `ClientName` in create calls and Terraform, `ClientId` in update calls, and required members
 * of a nested object that is written (`RefreshTokenRotation.Feature` in the API and Terraform).
 * A missing top-level property is flagged on the definition's name, a missing member on the key
 * of its object. The fix inserts the property with a placeholder to fill in.
 *
 * Ignores bodies and objects that are unknown as a whole (an intrinsic, a variable), and a
 * missing property that an unknown key next to it most likely means (unknown-property offers
 * the rename).
 */
import { isRequiredIn, membersAt, spell, spellPath } from '../schema';
import type { Rule, RuleFinding } from './types';
import { walkContextOf, walkShape } from './util/schema-walk';
import { suggestProperties } from './util/shape-suggest';
import { contextLabel, placeholderFor } from './util/shape-text';

export const rule: Rule = {
  id: 'missing-required',
  severity: 'error',
  description: 'A required property is missing (UserPoolId; ClientName in API calls and Terraform; RefreshTokenRotation.Feature in the API and Terraform).',
  fixable: true,
  check(def) {
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
          out.push({
            message,
            span: site.flagSpan,
            fixes: site.addressable
              ? [{ title: `Add ${name}`, changes: [{ kind: 'insert', path, value: placeholderFor(prop, wc.context), placeholder: true }], isPreferred: true }]
              : [],
          });
        }
      },
    }, wc);
    return out;
  },
};
