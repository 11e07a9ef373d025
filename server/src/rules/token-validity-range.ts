/**
 * token-validity-range: a token lifetime outside what Cognito accepts once its unit is applied
 * (`TokenValidityUnits`, else the default unit: hours for access and ID tokens, days for the
 * refresh token): access and ID tokens 5 minutes to 1 day, refresh tokens 1 hour to 10 years.
 * `AccessTokenValidity: 60` with no unit is 60 hours. The message shows the arithmetic. Fixes: the
 * unit that makes the number valid (preferred), or the number clamped to the nearest bound in the
 * current unit.
 *
 * Ignores numbers or units that are not literal, numbers outside the raw range (out-of-range),
 * non-whole numbers (invalid-type), and a refresh validity of 0 (refresh-token-validity-zero).
 */
import { spell, spellPath, SECONDS_PER_UNIT } from '../schema';
import type { Rule, RuleFinding, SemanticFix } from './types';
import {
  describeReading,
  DURATION_UNITS,
  effectiveDuration,
  formatAmount,
  formatDuration,
  formatRange,
  tokenNoun,
  tokenProperties,
  unitPath,
  withinSpec,
  type DurationUnit,
} from './util/duration';

/** Units other than `current` in which `n` is a valid lifetime, nearest to `current` first. */
export function unitsThatFit(n: number, current: DurationUnit, spec: { minSeconds: number; maxSeconds: number }): DurationUnit[] {
  const at = DURATION_UNITS.indexOf(current);
  return DURATION_UNITS
    .filter((u) => u !== current && withinSpec(n * SECONDS_PER_UNIT[u], spec))
    .sort((a, b) => Math.abs(DURATION_UNITS.indexOf(a) - at) - Math.abs(DURATION_UNITS.indexOf(b) - at) || DURATION_UNITS.indexOf(b) - DURATION_UNITS.indexOf(a));
}

export const rule: Rule = {
  id: 'token-validity-range',
  severity: 'error',
  description: 'A token lifetime outside its range once TokenValidityUnits (or the default unit) is applied: access and ID tokens 5 minutes to 1 day, refresh tokens 1 hour to 10 years.',
  fixable: true,
  check(def, ctx) {
    const out: RuleFinding[] = [];
    for (const token of tokenProperties()) {
      const prop = def.properties.get(token.canonical);
      const d = effectiveDuration(def, token.canonical);
      if (!prop || !d || !Number.isInteger(d.value) || d.value === 0) continue;
      const { minimum, maximum } = token.schema;
      if ((minimum !== undefined && d.value < minimum) || (maximum !== undefined && d.value > maximum)) continue;
      if (withinSpec(d.seconds, token.spec)) continue;

      const name = spell([token.canonical], ctx.spelling);
      const unitName = spellPath(unitPath(token.spec), ctx.spelling);
      const perUnit = SECONDS_PER_UNIT[d.unit];
      const fixes: SemanticFix[] = [];
      const units = unitsThatFit(d.value, d.unit, token.spec);
      for (const unit of units) {
        // "(3651 hours is about 152 days)"; just "(5 minutes)" when the number already reads best in its unit.
        const written = formatAmount(d.value, unit);
        const meaning = formatDuration(d.value * SECONDS_PER_UNIT[unit]);
        fixes.push({
          title: `Set ${unitName} to ${unit} (${written}${meaning === written ? '' : ` is ${meaning}`})`,
          changes: [{ kind: 'set', path: unitPath(token.spec), value: unit }],
        });
      }
      const lo = Math.ceil(token.spec.minSeconds / perUnit);
      const hi = Math.floor(token.spec.maxSeconds / perUnit);
      const clamped = d.seconds > token.spec.maxSeconds ? hi : lo;
      const clampValid = lo <= hi && (minimum === undefined || clamped >= minimum) && (maximum === undefined || clamped <= maximum);
      if (clampValid) {
        fixes.push({
          title: `Change ${name} to ${clamped} (${formatDuration(clamped * perUnit)})`,
          changes: [{ kind: 'set', path: [token.canonical], value: clamped }],
        });
      }
      if (fixes.length > 0) fixes[0].isPreferred = true;

      const advice: string[] = [];
      if (units.length > 0) advice.push(`set ${unitName} to ${units[0]}`);
      if (clampValid) advice.push(`use ${lo === hi ? lo : `${lo} to ${hi}`} in ${d.unit}`);
      out.push({
        message: `${name} ${describeReading(d)} is ${formatDuration(d.seconds)}; ${tokenNoun(token.spec)}s last ${formatRange(token.spec)}.`
          + (advice.length > 0 ? ` ${capitalise(advice.join(', or '))}.` : '')
          // The AWS provider converts with the units itself and refuses the value before anything is sent.
          + (def.surface === 'terraform' ? ' terraform plan already fails on it (the provider checks the converted duration).' : ''),
        span: prop.value.span,
        fixes,
      });
    }
    return out;
  },
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
