/**
 * redirect-uri-invalid: a callback URL, logout URL or `DefaultRedirectURI` that is not an absolute
 * URI (no `scheme:`) or that has a `#fragment`. An error for callbacks and the default redirect,
 * a warning for logout URLs (whether Cognito checks those at creation is not established). Flags
 * the URL. Literal branches of a conditional item are checked too (without a fix); other unknown
 * values and empty strings (the length rule's) are ignored.
 *
 * Fixes: drop the fragment; for a URL without a scheme that looks like a host and path, add
 * `https://`.
 */
import { spell } from '../schema';
import type { Rule, RuleFinding, SemanticFix } from './types';
import { redirectUrls, replaceUrl, urlFormProblem, withoutFragment } from './util/oauth-urls';

/** A relative URL that reads as `host/path` (a dotted host name or localhost, optional port). */
const HOST_LIKE = /^(localhost|[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+)(:\d+)?([/?]|$)/;

export const rule: Rule = {
  id: 'redirect-uri-invalid',
  severity: 'error',
  description: 'Redirect URLs must be absolute and have no fragment.',
  fixable: true,
  check(def, ctx) {
    const out: RuleFinding[] = [];
    for (const url of redirectUrls(def)) {
      const text = url.value.value;
      const problem = urlFormProblem(text);
      if (!problem) continue;
      const name = spell(url.path, ctx.spelling);
      if (problem === 'fragment') {
        const fixed = withoutFragment(text);
        out.push({
          message: `${text} in ${name} has a fragment (#...), which a redirect URL may not have: the authorization response itself uses the fragment. Remove it.`,
          span: url.value.span,
          severity: url.severity,
          fixes: url.branch || urlFormProblem(fixed) ? [] : [{ title: `Remove the fragment: ${fixed}`, changes: [replaceUrl(url, fixed)], isPreferred: true, unambiguous: true }],
        });
      } else {
        const fixes: SemanticFix[] = !url.branch && HOST_LIKE.test(text)
          ? [{ title: `Add https:// (https://${text})`, changes: [replaceUrl(url, `https://${text}`)], isPreferred: true }]
          : [];
        out.push({
          message: `${text} in ${name} is not an absolute URL; redirect URLs need a scheme, such as https://example.com/callback or myapp://callback.`,
          span: url.value.span,
          severity: url.severity,
          fixes,
        });
      }
    }
    return out;
  },
};
