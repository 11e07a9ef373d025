/**
 * refresh-token-validity-zero: `RefreshTokenValidity: 0`. The API quietly turns 0 into the
 * default (30 days), so in SDK calls it is a warning; CloudFormation (minimum 1) and Terraform
 * (at least an hour) reject it, so there it is an error. The fix writes the default lifetime
 * explicitly: 30, with the unit set to days when another unit is written.
 *
 * Ignores a number that is not literal.
 */
import type { ClientDefinition } from '../model';
import { numberOf } from '../model/values';
import { SECONDS_PER_UNIT, spell, spellPath, writeContextOf } from '../schema';
import type { Rule, SemanticChange } from './types';
import { formatDuration, formatRange, TOKEN_UNITS_PROPERTY, tokenProperty, unitOf, unitPath } from './util/duration';
import { contextLabel } from './util/shape-text';

export const rule: Rule = {
  id: 'refresh-token-validity-zero',
  severity: (def: ClientDefinition) => (def.surface === 'sdk' ? 'warning' : 'error'),
  description: 'RefreshTokenValidity 0: rejected by CloudFormation and Terraform, silently replaced with 30 days by the API.',
  fixable: true,
  check(def, ctx) {
    const token = tokenProperty('RefreshToken');
    if (!token) return [];
    const prop = def.properties.get(token.canonical);
    if (numberOf(prop, def.surface) !== 0 || !prop) return [];
    const name = spell([token.canonical], ctx.spelling);
    const unitName = spellPath(unitPath(token.spec), ctx.spelling);
    const fallback = typeof token.schema.default === 'number' ? token.schema.default : undefined;
    const defaultUnit = token.spec.defaultUnit;
    const lifetime = fallback === undefined ? undefined : formatDuration(fallback * SECONDS_PER_UNIT[defaultUnit]);

    const changes: SemanticChange[] = [];
    const unit = unitOf(def, token.spec);
    if (fallback !== undefined && (unit || !def.properties.has(TOKEN_UNITS_PROPERTY))) {
      changes.push({ kind: 'set', path: [token.canonical], value: fallback });
      if (unit && !unit.isDefault && unit.unit !== defaultUnit) changes.push({ kind: 'set', path: unitPath(token.spec), value: defaultUnit });
    }
    const sdk = def.surface === 'sdk';
    const title = changes.length > 1 ? `Set ${name} to ${fallback} and ${unitName} to ${defaultUnit}` : `Set ${name} to ${fallback} (${lifetime})`;
    const message = sdk
      ? `${name} 0 is not a lifetime: the API replaces it with its default${lifetime ? `, ${lifetime}` : ''}. Write ${fallback ?? 'the lifetime'}${changes.length > 1 ? ` with ${unitName} ${defaultUnit}` : ''} to say so.`
      : `${name} 0 is rejected in ${contextLabel(writeContextOf(def))}; refresh tokens last ${formatRange(token.spec)}. Set it to ${fallback ?? 'a valid lifetime'}${changes.length > 1 ? ` with ${unitName} ${defaultUnit}` : ''}${lifetime ? ` (${lifetime}, the API's default)` : ''}.`;
    return [{
      message,
      span: prop.value.span,
      fixes: changes.length > 0 ? [{ title, changes, isPreferred: true, unambiguous: sdk }] : [],
    }];
  },
};
