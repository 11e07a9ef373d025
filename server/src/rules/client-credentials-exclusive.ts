/**
 * client-credentials-exclusive: `AllowedOAuthFlows` holds `client_credentials` together with
 * `code` or `implicit`. Machine-to-machine and user sign-in flows cannot share a client. Flags the
 * `client_credentials` item. Only literal items count; an unknown item (an intrinsic, a
 * conditional) is ignored, and a list that is unknown as a whole is ignored.
 *
 * Two fixes: drop the user flows, or drop `client_credentials`. Dropping `client_credentials` is
 * preferred when the client has callback URLs (it signs users in); otherwise dropping the user
 * flows is.
 */
import { spell } from '../schema';
import type { Rule } from './types';
import { FLOW_CLIENT_CREDENTIALS, FLOW_CODE, FLOW_IMPLICIT, findItem, hasItems, OAUTH_PATHS, readList, removalsOf } from './util/oauth-values';

export const rule: Rule = {
  id: 'client-credentials-exclusive',
  severity: 'error',
  description: 'client_credentials cannot be combined with the code or implicit flow in one client.',
  fixable: true,
  check(def, ctx) {
    const flows = readList(def, OAUTH_PATHS.flows);
    const machine = findItem(flows, FLOW_CLIENT_CREDENTIALS);
    if (!flows || !machine) return [];
    const userFlows = flows.literal.filter((l) => l.item.value === FLOW_CODE || l.item.value === FLOW_IMPLICIT);
    if (userFlows.length === 0) return [];

    const name = spell(OAUTH_PATHS.flows, ctx.spelling);
    const userNames = [...new Set(userFlows.map((l) => l.item.value))].join(' and ');
    const signsUsersIn = hasItems(def, OAUTH_PATHS.callbacks) === true;
    return [{
      message: `${name} combines ${FLOW_CLIENT_CREDENTIALS} with ${userNames}, which Cognito rejects: a client either signs users in or authenticates a machine. Remove one side, and use a second client for the other.`,
      span: machine.item.span,
      fixes: [
        { title: `Remove ${userNames} from ${name}`, changes: removalsOf(OAUTH_PATHS.flows, userFlows), isPreferred: !signsUsersIn },
        { title: `Remove ${FLOW_CLIENT_CREDENTIALS} from ${name}`, changes: removalsOf(OAUTH_PATHS.flows, [machine]), isPreferred: signsUsersIn },
      ],
    }];
  },
};
