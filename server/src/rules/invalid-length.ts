/**
 * invalid-length: a literal string shorter or longer than its schema bounds (`ClientName`
 * 1..128, a URL 1..1024, a scope 1..256, an identity provider name 1..32, an attribute 1..2048;
 * counted in UTF-16 code units as the API counts characters), or a list with more or fewer items
 * than allowed (`CallbackURLs`/`LogoutURLs` at most 100, `AllowedOAuthScopes` 50,
 * `AllowedOAuthFlows` 3). No fix: which part to drop is a person's choice.
 *
 * Ignores unknown values (a list with unknown items still counts them all: each is one item).
 */
import type { Rule, RuleFinding } from './types';
import { walkContextOf, walkShape } from './util/schema-walk';
import { siteLabel } from './util/shape-text';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export const rule: Rule = {
  id: 'invalid-length',
  severity: 'error',
  description: 'A string or list whose length is outside its bounds (ClientName 1..128, URLs 1..1024, at most 100 callback URLs, ...).',
  fixable: false,
  check(def, ctx) {
    const wc = walkContextOf(def);
    const out: RuleFinding[] = [];
    walkShape(def, {
      value(site) {
        const s = site.schema;
        // Spelled only for a value reported (spelling every value's label was most of this rule's time).
        const labelled = () => `${siteLabel(site, ctx.spelling)}${site.branch ? ' (in a branch of a condition)' : ''}`;
        if (s.type === 'list' && site.value.kind === 'list') {
          const n = site.value.items.length;
          if (s.maxItems !== undefined && n > s.maxItems) {
            out.push({ message: `${labelled()} has ${plural(n, 'item')}; at most ${s.maxItems} are allowed. Remove ${n - s.maxItems}.`, span: site.value.span });
          } else if (s.minItems !== undefined && n < s.minItems) {
            out.push({ message: `${labelled()} has ${plural(n, 'item')}; it needs at least ${s.minItems}.`, span: site.value.span });
          }
          return;
        }
        if (s.type !== 'string' || site.value.kind !== 'string') return;
        const length = site.value.value.length;
        if (s.minLength !== undefined && length < s.minLength) {
          const message = length === 0
            ? `${labelled()} is empty; it needs at least ${plural(s.minLength, 'character')}. Give it a value or remove it.`
            : `${labelled()} is ${plural(length, 'character')} long; it needs at least ${s.minLength}.`;
          out.push({ message, span: site.value.span });
        } else if (s.maxLength !== undefined && length > s.maxLength) {
          out.push({ message: `${labelled()} is ${plural(length, 'character')} long; at most ${s.maxLength} are allowed. Shorten it.`, span: site.value.span });
        }
      },
    }, wc);
    return out;
  },
};
