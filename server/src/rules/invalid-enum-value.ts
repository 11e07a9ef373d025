/**
 * invalid-enum-value: a literal string (or, where the engine converts scalars, a number or boolean)
 * that is not one of its property's allowed values. Enums are case-sensitive. Fixes: the value
 * differing only in case (`CODE` -> `code`, `Hours` -> `hours`), the value with the `ALLOW_` prefix
 * it lacks (`ADMIN_USER_PASSWORD_AUTH`), near misses; otherwise every current value, one fix each.
 *
 * Ignores unknown values and values of the wrong kind (invalid-type reports those); checks the
 * literal branches of a conditional (without fixes).
 */
import type { Rule, RuleFinding, SemanticFix } from './types';
import { replaceChange, stringReading, walkContextOf, walkShape } from './util/schema-walk';
import { suggestEnumValues } from './util/shape-suggest';
import { siteLabel } from './util/shape-text';

export const rule: Rule = {
  id: 'invalid-enum-value',
  severity: 'error',
  description: 'A value that is not one of the allowed values (enums are case-sensitive), with the closest allowed value as a fix.',
  fixable: true,
  check(def, ctx) {
    const wc = walkContextOf(def);
    const out: RuleFinding[] = [];
    walkShape(def, {
      value(site) {
        const allowed = site.schema.enum;
        if (!allowed?.length || site.schema.type === 'list' || site.schema.type === 'object') return;
        const text = stringReading(site.value, ctx.surface);
        if (text === undefined || allowed.some((e) => e.value === text)) return;
        const suggestion = suggestEnumValues(text, allowed);
        const label = siteLabel(site, ctx.spelling);
        const current = allowed.filter((e) => !e.deprecated).map((e) => e.value);
        const hint = suggestion.close ? ` Did you mean ${suggestion.values[0]}?` : '';
        const fixes: SemanticFix[] = [];
        suggestion.values.forEach((value, i) => {
          const change = replaceChange(site, value);
          if (!change) return;
          fixes.push({
            title: `Change to ${value}`,
            changes: [change],
            isPreferred: i === 0 && suggestion.close,
            unambiguous: i === 0 && suggestion.certain,
          });
        });
        out.push({
          message: `${label} ${JSON.stringify(text)}${site.branch ? ' (in a branch of a condition)' : ''} is not an allowed value.${hint} Use one of ${current.join(', ')} (values are case-sensitive).`,
          span: site.value.span,
          fixes,
        });
      },
    }, wc);
    return out;
  },
};
