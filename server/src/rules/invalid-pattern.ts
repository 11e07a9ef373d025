/**
 * invalid-pattern: a literal string that does not match its property's API pattern from the
 * schema (`ClientName` `[\w\s+=,.@-]+`, `UserPoolId` `[\w-]+_[0-9a-zA-Z]+`, scope characters,
 * `ApplicationId` hex digits, ARN shape), applied to the whole value. For a pattern that is one
 * character class, the message names the characters it does not allow. No fix.
 *
 * Ignores unknown values, numbers and booleans (the engine's text for them), strings whose length
 * is already wrong (invalid-length), and what a URL means (the redirect URI rules judge that;
 * here a URL only has to use allowed characters).
 */
import type { Rule, RuleFinding } from './types';
import { charactersOutside, matchesPattern } from './util/schema-pattern';
import { walkContextOf, walkShape } from './util/schema-walk';
import { showValue, siteLabel } from './util/shape-text';

function describeChar(ch: string): string {
  if (ch === ' ') return 'a space';
  if (/\s/u.test(ch)) return JSON.stringify(ch);
  return `"${ch}"`;
}

export const rule: Rule = {
  id: 'invalid-pattern',
  severity: 'error',
  description: 'A string that does not match the API pattern for its property (ClientName characters, UserPoolId shape, scope characters, ARNs).',
  fixable: false,
  check(def, ctx) {
    const wc = walkContextOf(def);
    const out: RuleFinding[] = [];
    walkShape(def, {
      value(site) {
        const s = site.schema;
        if (s.type !== 'string' || !s.pattern || site.value.kind !== 'string') return;
        const text = site.value.value;
        if (text.length === 0 || (s.minLength !== undefined && text.length < s.minLength) || (s.maxLength !== undefined && text.length > s.maxLength)) return;
        if (matchesPattern(s.pattern, text)) return;
        const label = siteLabel(site, ctx.spelling);
        const bad = charactersOutside(s.pattern, text);
        const detail = bad.length > 0
          ? `: ${bad.map(describeChar).join(', ')} ${bad.length === 1 ? 'is' : 'are'} not allowed. Remove or replace ${bad.length === 1 ? 'it' : 'them'}.`
          : `. Correct the value to that shape.`;
        out.push({
          message: `${label} ${showValue(site.value)}${site.branch ? ' (in a branch of a condition)' : ''} does not match the pattern ${s.pattern} the API requires${detail}`,
          span: site.value.span,
        });
      },
    }, wc);
    return out;
  },
};
