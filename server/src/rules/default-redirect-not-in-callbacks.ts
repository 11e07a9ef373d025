/**
 * default-redirect-not-in-callbacks: `DefaultRedirectURI` is not one of `CallbackURLs` (exact
 * match); Cognito requires it to be. Flags the `DefaultRedirectURI` value. Ignores a value that is
 * not a literal or is empty (the length rule reports that), a `CallbackURLs` that is unknown or
 * has an unknown item (it may be the match), and definitions whose properties are spread in.
 *
 * The preferred fix adds the URL to `CallbackURLs`; when there are valid callbacks,
 * pointing `DefaultRedirectURI` at one of them is offered as well.
 */
import { listOf, UNKNOWN } from '../model/values';
import { spell } from '../schema';
import type { Rule, SemanticChange, SemanticFix } from './types';
import { urlFormProblem } from './util/oauth-urls';
import { OAUTH_PATHS, propertiesOpen } from './util/oauth-values';

/** At most this many "use this callback instead" fixes. */
const MAX_ALTERNATIVES = 3;

export const rule: Rule = {
  id: 'default-redirect-not-in-callbacks',
  severity: 'error',
  description: 'DefaultRedirectURI must be one of CallbackURLs.',
  fixable: true,
  check(def, ctx) {
    const redirect = def.properties.get(OAUTH_PATHS.defaultRedirect[0]);
    if (redirect?.value.kind !== 'string' || redirect.value.value === '' || propertiesOpen(def)) return [];
    const url = redirect.value.value;
    const callbacksProp = def.properties.get(OAUTH_PATHS.callbacks[0]);
    const callbacks = listOf(callbacksProp);
    if (callbacks === UNKNOWN || callbacks?.hasUnknown) return [];
    const known = callbacks?.strings.map((s) => s.value) ?? [];
    if (known.includes(url)) return [];

    const redirectName = spell(OAUTH_PATHS.defaultRedirect, ctx.spelling);
    const callbacksName = spell(OAUTH_PATHS.callbacks, ctx.spelling);
    const add: SemanticChange = callbacksProp?.value.kind === 'list'
      ? { kind: 'addItem', path: [...OAUTH_PATHS.callbacks], value: url }
      : { kind: 'set', path: [...OAUTH_PATHS.callbacks], value: [url] };
    const fixes: SemanticFix[] = [{ title: `Add ${url} to ${callbacksName}`, changes: [add], isPreferred: true, unambiguous: known.length === 0 }];
    for (const other of [...new Set(known)].filter((k) => k !== '' && urlFormProblem(k) === undefined).slice(0, MAX_ALTERNATIVES)) {
      fixes.push({ title: `Set ${redirectName} to ${other}`, changes: [{ kind: 'set', path: [...OAUTH_PATHS.defaultRedirect], value: other }] });
    }
    const where = known.length === 0 ? `${callbacksName} is empty` : `it is not one of ${callbacksName}`;
    return [{
      message: `${redirectName} must be one of the callback URLs, but ${where}; Cognito refuses the client. Add it to ${callbacksName}, or pick one of them as the default.`,
      span: redirect.value.span,
      fixes,
    }];
  },
};
