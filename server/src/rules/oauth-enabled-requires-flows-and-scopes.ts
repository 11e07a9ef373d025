/**
 * oauth-enabled-requires-flows-and-scopes: `AllowedOAuthFlowsUserPoolClient` is true but
 * `AllowedOAuthFlows` or `AllowedOAuthScopes` is absent or empty; Cognito rejects the client.
 * Flags the flag. Ignores a flag that is not literal, lists that are unknown or made only of
 * conditional items, and definitions whose properties are spread in.
 *
 * The preferred fix adds the missing lists with a placeholder item to edit (`code` or
 * `client_credentials` depending on the client, `openid` or a resource server scope); when both
 * lists are missing, turning the flag off is offered too.
 */
import type { ClientDefinition } from '../model';
import { booleanOf } from '../model/values';
import { spell } from '../schema';
import type { Rule, SemanticChange, SemanticFix } from './types';
import { fillList, FLOW_CLIENT_CREDENTIALS, FLOW_CODE, findItem, hasItems, OAUTH_PATHS, propertiesOpen, readList, SCOPE_OPENID } from './util/oauth-values';
import { hasSecret } from './util/secret';

/** A placeholder resource server scope for a machine-to-machine client. */
const CUSTOM_SCOPE_PLACEHOLDER = 'resource-server-identifier/scope-name';

export const rule: Rule = {
  id: 'oauth-enabled-requires-flows-and-scopes',
  severity: 'error',
  description: 'A client with OAuth enabled needs at least one OAuth flow and one scope.',
  fixable: true,
  check(def, ctx) {
    const flagProp = def.properties.get(OAUTH_PATHS.enabled[0]);
    if (booleanOf(flagProp, def.surface) !== true || !flagProp || propertiesOpen(def)) return [];
    const missingFlows = hasItems(def, OAUTH_PATHS.flows) === false;
    const missingScopes = hasItems(def, OAUTH_PATHS.scopes) === false;
    if (!missingFlows && !missingScopes) return [];

    const flagName = spell(OAUTH_PATHS.enabled, ctx.spelling);
    const missing = [missingFlows && OAUTH_PATHS.flows, missingScopes && OAUTH_PATHS.scopes]
      .filter((p): p is typeof OAUTH_PATHS.flows | typeof OAUTH_PATHS.scopes => p !== false)
      .map((p) => spell(p, ctx.spelling));

    const machine = missingFlows ? machineClient(def) : findItem(readList(def, OAUTH_PATHS.flows), FLOW_CLIENT_CREDENTIALS) !== undefined;
    const changes: SemanticChange[] = [];
    if (missingFlows) changes.push(fillList(def, OAUTH_PATHS.flows, machine ? FLOW_CLIENT_CREDENTIALS : FLOW_CODE));
    if (missingScopes) changes.push(fillList(def, OAUTH_PATHS.scopes, machine ? CUSTOM_SCOPE_PLACEHOLDER : SCOPE_OPENID));
    const fixes: SemanticFix[] = [{ title: `Add ${missing.join(' and ')}`, changes, isPreferred: true }];
    if (missingFlows && missingScopes) {
      fixes.push({ title: `Set ${flagName} to false (no OAuth for this client)`, changes: [{ kind: 'set', path: [...OAUTH_PATHS.enabled], value: false }] });
    }
    return [{
      message: `${flagName} is true but ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing or empty; Cognito refuses an OAuth client without at least one flow and one scope. Add ${missing.length > 1 ? 'them' : 'it'}, or set ${flagName} to false.`,
      span: flagProp.span,
      fixes,
    }];
  },
};

/** A client with a secret and no callback URLs is most likely a machine-to-machine client. */
function machineClient(def: ClientDefinition): boolean {
  return hasSecret(def) === true && hasItems(def, OAUTH_PATHS.callbacks) === false;
}
