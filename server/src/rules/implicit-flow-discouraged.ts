/**
 * implicit-flow-discouraged: `AllowedOAuthFlows` holds `implicit`, which hands tokens to the
 * browser in the redirect URL (history, logs, referrers); the authorization code flow with PKCE
 * does the same job safely. Flags the `implicit` item, and the `implicit` branch of a conditional
 * item (without a fix). Other unknown items are ignored.
 *
 * Fix: replace `implicit` with `code`, or just remove it when `code` is already there.
 */
import { spell } from '../schema';
import type { Rule, RuleFinding } from './types';
import { FLOW_CODE, FLOW_IMPLICIT, findItem, itemsWithBranches, OAUTH_PATHS, readList } from './util/oauth-values';

export const rule: Rule = {
  id: 'implicit-flow-discouraged',
  severity: 'warning',
  description: 'The implicit grant exposes tokens in the URL; use the code flow with PKCE.',
  fixable: true,
  check(def, ctx) {
    const flows = readList(def, OAUTH_PATHS.flows);
    if (!flows) return [];
    const name = spell(OAUTH_PATHS.flows, ctx.spelling);
    const hasCode = findItem(flows, FLOW_CODE) !== undefined;
    return itemsWithBranches(flows)
      .filter((l) => l.item.value === FLOW_IMPLICIT)
      .map((l): RuleFinding => ({
        message: `The ${FLOW_IMPLICIT} flow in ${name} returns tokens in the redirect URL, where browser history, logs and other scripts can see them. Use ${FLOW_CODE} with PKCE instead${hasCode ? ` (${FLOW_CODE} is already allowed, so ${FLOW_IMPLICIT} can go)` : ''}.`,
        span: l.item.span,
        fixes: l.branch ? [] : [hasCode
          ? { title: `Remove ${FLOW_IMPLICIT} from ${name}`, changes: [{ kind: 'removeItem', path: [...OAUTH_PATHS.flows], index: l.index }], isPreferred: true }
          : { title: `Replace ${FLOW_IMPLICIT} with ${FLOW_CODE}`, changes: [{ kind: 'replaceItem', path: [...OAUTH_PATHS.flows], index: l.index, value: FLOW_CODE }], isPreferred: true }],
      }));
  },
};
