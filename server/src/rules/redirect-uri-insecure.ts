/**
 * redirect-uri-insecure: a callback URL, logout URL or `DefaultRedirectURI` over plain `http` to a
 * host other than `localhost`, `127.0.0.1` or `[::1]` (any port). Codes and tokens would travel
 * unencrypted. An error for callbacks and the default redirect (Cognito refuses them), a warning
 * for logout URLs. Custom app schemes (`myapp://callback`) and `https` are fine. Flags the URL.
 * Literal branches of a conditional item are checked too (without a fix); other unknown values,
 * relative URLs (redirect-uri-invalid's) and empty strings are ignored.
 */
import { spell } from '../schema';
import type { Rule, RuleFinding } from './types';
import { isInsecureUrl, LOOPBACK_HOSTS, redirectUrls, replaceUrl, toHttps } from './util/oauth-urls';

export const rule: Rule = {
  id: 'redirect-uri-insecure',
  severity: 'error',
  description: 'Redirect URLs must use https, except to localhost / loopback addresses.',
  fixable: true,
  check(def, ctx) {
    const out: RuleFinding[] = [];
    for (const url of redirectUrls(def)) {
      const text = url.value.value;
      if (!isInsecureUrl(text)) continue;
      const secure = toHttps(text);
      const consequence = url.severity === 'error' ? 'Cognito only accepts' : 'use';
      out.push({
        message: `${text} in ${spell(url.path, ctx.spelling)} uses plain http, so the redirect can be read or altered on the way; ${consequence} https here (http is allowed only for ${LOOPBACK_HOSTS.join(', ')}). Change it to ${secure}.`,
        span: url.value.span,
        severity: url.severity,
        fixes: url.branch ? [] : [{ title: `Change to ${secure}`, changes: [replaceUrl(url, secure)], isPreferred: true }],
      });
    }
    return out;
  },
};
