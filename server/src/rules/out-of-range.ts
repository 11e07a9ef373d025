/**
 * out-of-range: a whole number outside its property's raw range from the schema
 * (`AuthSessionValidity` 3..15, `RetryGracePeriodSeconds` 0..60, token validity numbers
 * 1..86400, refresh 0..315360000). Numeric strings count where the engine converts them. The fix
 * clamps to the nearest bound.
 *
 * Ignores unknown values, values of the wrong kind (invalid-type), and the effective token
 * lifetimes after units (token-validity-range).
 */
import type { Rule, RuleFinding } from './types';
import { numberReading, replaceChange, walkContextOf, walkShape } from './util/schema-walk';
import { siteLabel } from './util/shape-text';

export const rule: Rule = {
  id: 'out-of-range',
  severity: 'error',
  description: 'A number outside its allowed raw range (AuthSessionValidity 3..15, RetryGracePeriodSeconds 0..60, token validity numbers), clamped by the fix.',
  fixable: true,
  check(def, ctx) {
    const wc = walkContextOf(def);
    const out: RuleFinding[] = [];
    walkShape(def, {
      value(site) {
        const { minimum, maximum } = site.schema;
        if (site.schema.type !== 'integer' || (minimum === undefined && maximum === undefined)) return;
        const n = numberReading(site.value, ctx.surface);
        if (n === undefined || !Number.isInteger(n)) return;
        const below = minimum !== undefined && n < minimum;
        const above = maximum !== undefined && n > maximum;
        if (!below && !above) return;
        const bound = below ? minimum! : maximum!;
        const label = siteLabel(site, ctx.spelling);
        const unit = site.property.unit ? ` ${site.property.unit}` : '';
        const range = minimum !== undefined && maximum !== undefined
          ? `use ${minimum} to ${maximum}${unit}`
          : below ? `use at least ${minimum}${unit}` : `use at most ${maximum}${unit}`;
        const raw = site.property.duration ? ' (the number itself, before its unit applies)' : '';
        const change = replaceChange(site, bound);
        out.push({
          message: `${label} ${n} is ${below ? 'below the minimum' : 'above the maximum'} ${bound}${raw}; ${range}.`,
          span: site.value.span,
          fixes: change ? [{ title: `Change to ${bound}`, changes: [change], isPreferred: true }] : [],
        });
      },
    }, wc);
    return out;
  },
};
