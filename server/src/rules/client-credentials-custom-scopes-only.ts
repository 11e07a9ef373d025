/**
 * client-credentials-custom-scopes-only: a `client_credentials` client asks for a standard scope
 * (`openid`, `email`, `phone`, `profile`, `aws.cognito.signin.user.admin`, from the schema's
 * `standardScopes` vocabulary). Machine tokens carry only resource server scopes. Flags each
 * standard scope item.
 *
 * When the flows also hold `code` or `implicit` (client-credentials-exclusive reports the mix),
 * it still fires, since removing the user flows leaves this to fix; but the user flows may need
 * those scopes, so its fixes are then a choice, never applied without asking: remove the scope,
 * or remove `client_credentials`. The preferred one matches client-credentials-exclusive's
 * (keep the user flows when the client has callback URLs). Flow items that are not literal may
 * be user flows too, so they also make the fixes a choice.
 *
 * Ignores unknown scope items and scope or flow lists that are unknown as a whole.
 */
import { spell } from '../schema';
import type { Rule, RuleFinding, SemanticFix } from './types';
import { FLOW_CLIENT_CREDENTIALS, FLOW_CODE, FLOW_IMPLICIT, findItem, hasItems, OAUTH_PATHS, readList, removalsOf, standardScopes } from './util/oauth-values';

export const rule: Rule = {
  id: 'client-credentials-custom-scopes-only',
  severity: 'error',
  description: 'A client_credentials client can only use resource server (custom) scopes.',
  fixable: true,
  check(def, ctx) {
    const flows = readList(def, OAUTH_PATHS.flows);
    const machine = findItem(flows, FLOW_CLIENT_CREDENTIALS);
    if (!flows || !machine) return [];
    const scopes = readList(def, OAUTH_PATHS.scopes);
    if (!scopes) return [];
    const standard = new Set(standardScopes());
    const offending = scopes.literal.filter((l) => standard.has(l.item.value));
    if (offending.length === 0) return [];

    const userFlows = [...new Set(flows.literal.map((l) => l.item.value).filter((v) => v === FLOW_CODE || v === FLOW_IMPLICIT))];
    const otherFlowsUnknown = flows.items.all.length > flows.literal.length;
    // Only a client that is certainly machine-only may lose these scopes without anyone choosing.
    const machineOnly = userFlows.length === 0 && !otherFlowsUnknown;
    const keepUserFlows = userFlows.length > 0 && hasItems(def, OAUTH_PATHS.callbacks) === true;

    const name = spell(OAUTH_PATHS.scopes, ctx.spelling);
    const flowsName = spell(OAUTH_PATHS.flows, ctx.spelling);
    const dropMachine: SemanticFix | undefined = userFlows.length > 0
      ? { title: `Remove ${FLOW_CLIENT_CREDENTIALS} from ${flowsName}`, changes: removalsOf(OAUTH_PATHS.flows, [machine]), isPreferred: keepUserFlows }
      : undefined;
    const removeAll: SemanticFix | undefined = offending.length > 1
      ? { title: `Remove every standard scope from ${name} (${offending.map((l) => l.item.value).join(', ')})`, changes: removalsOf(OAUTH_PATHS.scopes, offending) }
      : undefined;
    const advice = userFlows.length > 0
      ? ` ${flowsName} also has ${userNames(userFlows)}, which may need it: remove it if the client stays a machine client, or remove ${FLOW_CLIENT_CREDENTIALS} instead.`
      : ' Remove it.';
    return offending.map((l): RuleFinding => ({
      message: `${l.item.value} in ${name} is a user scope, which ${FLOW_CLIENT_CREDENTIALS} cannot grant: machine tokens carry only resource server scopes (identifier/scope).${advice}`,
      span: l.item.span,
      fixes: [
        { title: `Remove ${l.item.value} from ${name}`, changes: removalsOf(OAUTH_PATHS.scopes, [l]), isPreferred: !keepUserFlows, unambiguous: machineOnly },
        ...(removeAll ? [removeAll] : []),
        ...(dropMachine ? [dropMachine] : []),
      ],
    }));
  },
};

/** "code", "code and implicit". */
function userNames(flows: string[]): string {
  return flows.join(' and ');
}
