/**
 * auth-flows-missing-refresh: `ExplicitAuthFlows` has current `ALLOW_*` names but not
 * `ALLOW_REFRESH_TOKEN_AUTH`, while refresh token rotation is off; the service rejects that
 * ("REFRESH_TOKEN_AUTH should always be allowed"). Flags the property key. Silent when the list
 * or any item of it is unknown (the item might be the refresh flow), when
 * `RefreshTokenRotation.Feature` is unknown, for legacy-only lists (they are accepted without
 * it), and for an `ALLOW_CLIENT_TOKEN_AUTH` client (machine-to-machine, no refresh tokens; see
 * client-token-auth-exclusive).
 */
import { spell, spellPath } from '../schema';
import type { Rule } from './types';
import { CLIENT_TOKEN_FLOW, FLOWS_PATH, isCurrentFlow, readFlows, REFRESH_FLOW, ROTATION_ENABLED, ROTATION_FEATURE_PATH, rotationEnabled } from './util/flow-values';

export const rule: Rule = {
  id: 'auth-flows-missing-refresh',
  severity: 'error',
  description: 'ALLOW_* auth flows without ALLOW_REFRESH_TOKEN_AUTH while refresh token rotation is off.',
  fixable: true,
  check(def, ctx) {
    const flows = readFlows(def);
    if (!flows || flows.items.hasUnknown) return [];
    const values = flows.literal.map((l) => l.item.value);
    if (!values.some(isCurrentFlow)) return [];
    if (values.includes(REFRESH_FLOW) || values.includes(CLIENT_TOKEN_FLOW)) return [];
    if (rotationEnabled(def) !== false) return [];
    const name = spell(FLOWS_PATH, ctx.spelling);
    return [{
      message: `${name} lists ALLOW_* flows without ${REFRESH_FLOW}, which the service requires unless refresh token rotation is on; add ${REFRESH_FLOW} (or set ${spellPath(ROTATION_FEATURE_PATH, ctx.spelling)} to ${ROTATION_ENABLED}).`,
      span: flows.prop.keySpan,
      fixes: [{
        title: `Add ${REFRESH_FLOW}`,
        changes: [{ kind: 'addItem', path: FLOWS_PATH, value: REFRESH_FLOW }],
        isPreferred: true,
        unambiguous: true,
      }],
    }];
  },
};
