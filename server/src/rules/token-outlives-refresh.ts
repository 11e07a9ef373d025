/**
 * token-outlives-refresh: an access or ID token that lasts longer than the refresh token, counting
 * absent lifetimes as their defaults (1 hour, 30 days) and units as `TokenValidityUnits` (or the
 * default unit) gives them. A token outliving the refresh token that renews it is almost
 * certainly a mistake (CDK refuses it). The fix lowers it to the refresh token's lifetime, in its
 * own unit when that is a whole number, else in the refresh token's unit (setting its unit too).
 *
 * Ignores lifetimes whose number or unit is not literal, lifetimes outside their own range
 * (token-validity-range reports those), and a refresh validity of 0.
 */
import { spell, spellPath, SECONDS_PER_UNIT } from '../schema';
import type { Rule, RuleFinding, SemanticChange } from './types';
import { withArticle } from './util/articles';
import { describeReading, effectiveOrDefaultDuration, formatDuration, tokenNoun, tokenProperties, unitPath, withinSpec, type EffectiveDuration } from './util/duration';
import type { Spelling } from '../model';

function reading(name: string, d: EffectiveDuration): string {
  return d.valueIsDefault ? `${name} (not set, so the default ${formatDuration(d.seconds)})` : `${name} ${describeReading(d)}`;
}

function within(n: number, schema: { minimum?: number; maximum?: number }): boolean {
  return Number.isInteger(n) && (schema.minimum === undefined || n >= schema.minimum) && (schema.maximum === undefined || n <= schema.maximum);
}

export const rule: Rule = {
  id: 'token-outlives-refresh',
  severity: 'warning',
  description: 'An access or ID token that lasts longer than the refresh token.',
  fixable: true,
  check(def, ctx) {
    const tokens = tokenProperties();
    const refresh = tokens.find((t) => t.spec.unitMember === 'RefreshToken');
    if (!refresh) return [];
    const r = effectiveOrDefaultDuration(def, refresh.canonical);
    if (!r || r.value === 0 || !withinSpec(r.seconds, refresh.spec)) return [];
    const spelling: Spelling = ctx.spelling;
    const refreshName = spell([refresh.canonical], spelling);
    const out: RuleFinding[] = [];
    for (const token of tokens) {
      if (token === refresh) continue;
      const d = effectiveOrDefaultDuration(def, token.canonical);
      if (!d || !withinSpec(d.seconds, token.spec) || d.seconds <= r.seconds) continue;
      const name = spell([token.canonical], spelling);
      const unitName = spellPath(unitPath(token.spec), spelling);

      let changes: SemanticChange[] | undefined;
      let title = '';
      const inOwnUnit = r.seconds / SECONDS_PER_UNIT[d.unit];
      if (within(inOwnUnit, token.schema)) {
        changes = [{ kind: 'set', path: [token.canonical], value: inOwnUnit }];
        title = `Change ${name} to ${inOwnUnit} (${formatDuration(r.seconds)})`;
      } else if (within(r.value, token.schema)) {
        changes = [
          { kind: 'set', path: [token.canonical], value: r.value },
          { kind: 'set', path: unitPath(token.spec), value: r.unit },
        ];
        title = `Change ${name} to ${r.value} and ${unitName} to ${r.unit} (${formatDuration(r.seconds)})`;
      }
      const span = def.properties.get(token.canonical)?.value.span ?? def.properties.get(refresh.canonical)?.value.span ?? def.nameSpan;
      out.push({
        message: `${reading(name, d)} is ${formatDuration(d.seconds)}, longer than the refresh token's ${formatDuration(r.seconds)} (${reading(refreshName, r)}); `
          + `${withArticle(tokenNoun(token.spec))} should not outlive the refresh token that renews it. Lower it to ${formatDuration(r.seconds)} or less.`,
        span,
        fixes: changes ? [{ title, changes, isPreferred: true }] : [],
      });
    }
    return out;
  },
};
