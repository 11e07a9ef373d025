/**
 * auth-flows-refresh-with-rotation: `RefreshTokenRotation.Feature` is `ENABLED` and
 * `ExplicitAuthFlows` still lists `ALLOW_REFRESH_TOKEN_AUTH`; with rotation, refresh goes through
 * the rotation endpoint and that flow must be removed. Flags the `ALLOW_REFRESH_TOKEN_AUTH` item.
 * Silent when `Feature` is unknown or not `ENABLED`, or when the list is unknown as a whole (an
 * unknown item is never taken for the refresh flow).
 */
import { spell, spellPath } from '../schema';
import type { Rule, RuleFinding } from './types';
import { FLOWS_PATH, readFlows, REFRESH_FLOW, ROTATION_ENABLED, ROTATION_FEATURE_PATH, rotationEnabled } from './util/flow-values';

export const rule: Rule = {
  id: 'auth-flows-refresh-with-rotation',
  severity: 'error',
  description: 'ALLOW_REFRESH_TOKEN_AUTH listed while refresh token rotation is enabled.',
  fixable: true,
  check(def, ctx) {
    if (rotationEnabled(def) !== true) return [];
    const flows = readFlows(def);
    if (!flows) return [];
    const feature = spellPath(ROTATION_FEATURE_PATH, ctx.spelling);
    const name = spell(FLOWS_PATH, ctx.spelling);
    return flows.literal
      .filter((l) => l.item.value === REFRESH_FLOW)
      .map(({ item, index }): RuleFinding => ({
        message: `${feature} is ${ROTATION_ENABLED}, so ${REFRESH_FLOW} must not be in ${name}: refresh tokens are then exchanged through rotation. Remove it.`,
        span: item.span,
        fixes: [{
          title: `Remove ${REFRESH_FLOW}`,
          changes: [{ kind: 'removeItem', path: FLOWS_PATH, index }],
          isPreferred: true,
          unambiguous: true,
        }],
      }));
  },
};
