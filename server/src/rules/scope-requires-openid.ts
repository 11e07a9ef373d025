/**
 * scope-requires-openid: `AllowedOAuthScopes` holds `email`, `phone` or `profile` but not
 * `openid`. Those scopes only add claims to the ID token and userInfo, which exist only with
 * `openid`, so they do nothing alone. Flags the first such item. Silent when an unknown item might
 * be `openid`, when the list is unknown as a whole, and for `client_credentials` clients (where
 * these scopes are wrong anyway: client-credentials-custom-scopes-only).
 */
import { spell } from '../schema';
import type { Rule } from './types';
import { FLOW_CLIENT_CREDENTIALS, findItem, OAUTH_PATHS, readList, SCOPE_OPENID, SCOPES_NEEDING_OPENID } from './util/oauth-values';

export const rule: Rule = {
  id: 'scope-requires-openid',
  severity: 'warning',
  description: 'The email, phone and profile scopes need openid.',
  fixable: true,
  check(def, ctx) {
    const scopes = readList(def, OAUTH_PATHS.scopes);
    if (!scopes || scopes.items.hasUnknown || findItem(scopes, SCOPE_OPENID)) return [];
    if (findItem(readList(def, OAUTH_PATHS.flows), FLOW_CLIENT_CREDENTIALS)) return [];
    const needing = scopes.literal.filter((l) => SCOPES_NEEDING_OPENID.includes(l.item.value));
    if (needing.length === 0) return [];
    const name = spell(OAUTH_PATHS.scopes, ctx.spelling);
    const listed = [...new Set(needing.map((l) => l.item.value))].join(', ');
    return [{
      message: `${listed} in ${name} only ${needing.length > 1 ? 'add' : 'adds'} claims to the ID token and userInfo, which Cognito issues only when ${SCOPE_OPENID} is granted too, so on ${needing.length > 1 ? 'their' : 'its'} own ${needing.length > 1 ? 'they do' : 'it does'} nothing. Add ${SCOPE_OPENID} to ${name}.`,
      span: needing[0].item.span,
      fixes: [{ title: `Add ${SCOPE_OPENID} to ${name}`, changes: [{ kind: 'addItem', path: [...OAUTH_PATHS.scopes], value: SCOPE_OPENID }], isPreferred: true, unambiguous: true }],
    }];
  },
};
