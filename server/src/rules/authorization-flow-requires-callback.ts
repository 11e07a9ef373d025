/**
 * authorization-flow-requires-callback: `AllowedOAuthFlows` holds `code` or `implicit` while
 * `CallbackURLs` is absent or empty; Cognito rejects it (those flows end by redirecting to a
 * callback). Flags the first such flow item. Ignores unknown flow items, a `CallbackURLs` that is
 * unknown or made only of conditional items, and definitions whose properties are spread in.
 */
import { spell } from '../schema';
import type { Rule } from './types';
import { fillList, FLOW_CODE, FLOW_IMPLICIT, hasItems, OAUTH_PATHS, propertiesOpen, readList } from './util/oauth-values';

/** The placeholder callback the fix inserts for the user to edit. */
const CALLBACK_PLACEHOLDER = 'https://example.com/callback';

export const rule: Rule = {
  id: 'authorization-flow-requires-callback',
  severity: 'error',
  description: 'The code and implicit flows need at least one callback URL.',
  fixable: true,
  check(def, ctx) {
    const flows = readList(def, OAUTH_PATHS.flows);
    const flow = flows?.literal.find((l) => l.item.value === FLOW_CODE || l.item.value === FLOW_IMPLICIT);
    if (!flow || propertiesOpen(def) || hasItems(def, OAUTH_PATHS.callbacks) !== false) return [];
    const callbacks = spell(OAUTH_PATHS.callbacks, ctx.spelling);
    return [{
      message: `The ${flow.item.value} flow in ${spell(OAUTH_PATHS.flows, ctx.spelling)} redirects back to the application, so ${callbacks} must list at least one URL; Cognito refuses the client without one. Add your callback URL to ${callbacks}.`,
      span: flow.item.span,
      fixes: [{ title: `Add ${callbacks}`, changes: [fillList(def, OAUTH_PATHS.callbacks, CALLBACK_PLACEHOLDER)], isPreferred: true }],
    }];
  },
};
