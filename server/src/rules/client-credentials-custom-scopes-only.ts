/**
 * client-credentials-custom-scopes-only: a `client_credentials` client asks for a standard scope
 * (`openid`, `email`, `phone`, `profile`, `aws.cognito.signin.user.admin`, from the schema's
 * `standardScopes` vocabulary). Machine tokens carry only resource server scopes. Flags each
 * standard scope item. Stays silent when the flows also hold `code` or `implicit`
 * (client-credentials-exclusive reports that, and the user flows need these scopes), and ignores
 * unknown items and lists that are unknown as a whole.
 */
import { spell } from '../schema';
import type { Rule, RuleFinding, SemanticFix } from './types';
import { FLOW_CLIENT_CREDENTIALS, FLOW_CODE, FLOW_IMPLICIT, findItem, OAUTH_PATHS, readList, removalsOf, standardScopes } from './util/oauth-values';

export const rule: Rule = {
  id: 'client-credentials-custom-scopes-only',
  severity: 'error',
  description: 'A client_credentials client can only use resource server (custom) scopes.',
  fixable: true,
  check(def, ctx) {
    const flows = readList(def, OAUTH_PATHS.flows);
    if (!findItem(flows, FLOW_CLIENT_CREDENTIALS) || findItem(flows, FLOW_CODE) || findItem(flows, FLOW_IMPLICIT)) return [];
    const scopes = readList(def, OAUTH_PATHS.scopes);
    if (!scopes) return [];
    const standard = new Set(standardScopes());
    const offending = scopes.literal.filter((l) => standard.has(l.item.value));
    if (offending.length === 0) return [];

    const name = spell(OAUTH_PATHS.scopes, ctx.spelling);
    const removeAll: SemanticFix | undefined = offending.length > 1
      ? { title: `Remove every standard scope from ${name} (${offending.map((l) => l.item.value).join(', ')})`, changes: removalsOf(OAUTH_PATHS.scopes, offending) }
      : undefined;
    return offending.map((l): RuleFinding => ({
      message: `${l.item.value} in ${name} is a user scope, which ${FLOW_CLIENT_CREDENTIALS} cannot grant: machine tokens carry only resource server scopes (identifier/scope). Remove it.`,
      span: l.item.span,
      fixes: [
        { title: `Remove ${l.item.value} from ${name}`, changes: removalsOf(OAUTH_PATHS.scopes, [l]), isPreferred: true, unambiguous: true },
        ...(removeAll ? [removeAll] : []),
      ],
    }));
  },
};
