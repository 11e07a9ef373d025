/**
 * oauth-requires-enabled-flag: OAuth settings (`AllowedOAuthFlows`, `AllowedOAuthScopes`,
 * `CallbackURLs`, `LogoutURLs`) hold items while `AllowedOAuthFlowsUserPoolClient` is false or
 * absent. Such clients deploy, but OAuth stays off (no hosted UI, no token endpoint), so the
 * settings do nothing. Flags the flag when written, else the definition's name.
 *
 * Ignores lists that are empty, unknown as a whole or made only of conditional items, a flag that
 * is not literal, and definitions whose properties are spread in.
 */
import { booleanOf, UNKNOWN } from '../model/values';
import { spell } from '../schema';
import type { Rule } from './types';
import { hasItems, OAUTH_PATHS, propertiesOpen } from './util/oauth-values';

const SETTINGS = [OAUTH_PATHS.flows, OAUTH_PATHS.scopes, OAUTH_PATHS.callbacks, OAUTH_PATHS.logouts];

export const rule: Rule = {
  id: 'oauth-requires-enabled-flag',
  severity: 'warning',
  description: 'OAuth settings have no effect unless AllowedOAuthFlowsUserPoolClient is true.',
  fixable: true,
  check(def, ctx) {
    const flagProp = def.properties.get(OAUTH_PATHS.enabled[0]);
    const flag = booleanOf(flagProp, def.surface);
    if (flag === true || flag === UNKNOWN || propertiesOpen(def)) return [];
    const set = SETTINGS.filter((path) => hasItems(def, path) === true);
    if (set.length === 0) return [];

    const flagName = spell(OAUTH_PATHS.enabled, ctx.spelling);
    const names = set.map((path) => spell(path, ctx.spelling)).join(', ');
    const state = flag === false ? 'is false' : 'is not set (it defaults to false)';
    return [{
      message: `${names} ${set.length > 1 ? 'are' : 'is'} set but ${flagName} ${state}, so OAuth is off for this client: no hosted sign-in, no token endpoint, and these settings are ignored. Set ${flagName} to true.`,
      span: flagProp ? flagProp.span : def.nameSpan,
      fixes: [{
        title: `Set ${flagName} to true`,
        changes: [{ kind: 'set', path: [...OAUTH_PATHS.enabled], value: true }],
        isPreferred: true,
        // An explicit false may be deliberate; an absent flag next to OAuth settings is an omission.
        // Only when flows and scopes are both there: otherwise turning OAuth on trades this warning
        // for the error that an enabled client needs them.
        unambiguous: flag === undefined && hasItems(def, OAUTH_PATHS.flows) === true && hasItems(def, OAUTH_PATHS.scopes) === true,
      }],
    }];
  },
};
