/**
 * redirect-uri-insecure: a callback URL, logout URL or `DefaultRedirectURI` over plain `http` to a
 * host other than `localhost`, `127.0.0.1` or `[::1]` (any port). Codes and tokens would travel
 * unencrypted. An error for callbacks and the default redirect (Cognito refuses them), a warning
 * for logout URLs. Custom app schemes (`myapp://callback`) and `https` are fine. Flags the URL; the
 * fix changes the same URL in `DefaultRedirectURI` and `CallbackURLs` together, so that the default
 * stays one of the callbacks.
 * Literal branches of a conditional item are checked too (without a fix); other unknown values,
 * relative URLs (redirect-uri-invalid's) and empty strings are ignored.
 */
import { spell } from '../schema';
import type { Rule, RuleFinding } from './types';
import { isInsecureUrl, LOOPBACK_HOSTS, redirectUrls, replaceUrl, toHttps, type RedirectUrl } from './util/oauth-urls';
import { OAUTH_PATHS } from './util/oauth-values';

/** A callback URL and the default redirect URI (either way round): the one must stay among the others. */
function pairedWith(a: RedirectUrl, b: RedirectUrl): boolean {
  const isDefault = (u: RedirectUrl) => u.path === OAUTH_PATHS.defaultRedirect;
  const isCallback = (u: RedirectUrl) => u.path === OAUTH_PATHS.callbacks;
  return (isDefault(a) && isCallback(b)) || (isCallback(a) && isDefault(b));
}

export const rule: Rule = {
  id: 'redirect-uri-insecure',
  severity: 'error',
  description: 'Redirect URLs must use https, except to localhost / loopback addresses.',
  fixable: true,
  check(def, ctx) {
    const out: RuleFinding[] = [];
    const urls = redirectUrls(def);
    for (const url of urls) {
      const text = url.value.value;
      if (!isInsecureUrl(text)) continue;
      const secure = toHttps(text);
      const consequence = url.severity === 'error' ? 'Cognito only accepts' : 'use';
      // DefaultRedirectURI must stay one of the callback URLs: the same URL there changes with it.
      const twins = url.branch ? [] : urls.filter((other) => !other.branch && other.value.value === text && pairedWith(url, other));
      const also = [...new Set(twins.map((t) => spell(t.path, ctx.spelling)))];
      out.push({
        message: `${text} in ${spell(url.path, ctx.spelling)} uses plain http, so the redirect can be read or altered on the way; ${consequence} https here (http is allowed only for ${LOOPBACK_HOSTS.join(', ')}). Change it to ${secure}.`,
        span: url.value.span,
        severity: url.severity,
        fixes: url.branch
          ? []
          : [{ title: `Change to ${secure}${also.length ? ` (also in ${also.join(', ')})` : ''}`, changes: [url, ...twins].map((u) => replaceUrl(u, secure)), isPreferred: true }],
      });
    }
    return out;
  },
};
