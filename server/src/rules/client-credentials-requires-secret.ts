/**
 * client-credentials-requires-secret: `AllowedOAuthFlows` holds `client_credentials` but the
 * client is created without a secret (`GenerateSecret` false or absent, and no `ClientSecret` in
 * an API create call). Flags the `client_credentials` item. Silent when the secret cannot be told:
 * `GenerateSecret` or `ClientSecret` is an intrinsic or variable, the properties are spread in, or
 * the definition is an update call (the secret was decided at creation).
 */
import { spell } from '../schema';
import type { Rule } from './types';
import { FLOW_CLIENT_CREDENTIALS, findItem, OAUTH_PATHS, readList } from './util/oauth-values';
import { GENERATE_SECRET_PATH, generateSecretFixes, hasSecret, secretAdvice } from './util/secret';

export const rule: Rule = {
  id: 'client-credentials-requires-secret',
  severity: 'error',
  description: 'The client_credentials flow needs a client with a secret.',
  fixable: true,
  check(def, ctx) {
    const machine = findItem(readList(def, OAUTH_PATHS.flows), FLOW_CLIENT_CREDENTIALS);
    if (!machine || hasSecret(def) !== false) return [];
    const generate = spell(GENERATE_SECRET_PATH, ctx.spelling);
    const replaces = def.operation === 'resource'
      ? ` ${generate} only takes effect when a client is created, so the change replaces the client and its id.`
      : '';
    return [{
      message: `${FLOW_CLIENT_CREDENTIALS} in ${spell(OAUTH_PATHS.flows, ctx.spelling)} needs a client secret, and this client has none: ${secretAdvice(def, generate)}.${replaces}`,
      span: machine.item.span,
      fixes: generateSecretFixes(def, generate, true),
    }];
  },
};
