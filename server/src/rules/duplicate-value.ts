/**
 * duplicate-value: the same literal item twice in a list property (a callback URL, a scope, an
 * auth flow). Flags each later copy; the fix removes it. Where the engine converts scalars, `60`
 * and `"60"` count as the same item.
 *
 * Terraform declares these arguments as sets, so there a copy is harmless (the provider drops it):
 * info, not a warning.
 *
 * Ignores unknown items (a list with some is still checked on its literal items).
 */
import type { LocatedValue, SurfaceKind } from '../model';
import type { Rule, RuleFinding } from './types';
import { removeChange, stringReading, walkContextOf, walkShape } from './util/schema-walk';
import { showValue, siteLabel } from './util/shape-text';

/** A key that is equal for items the target treats as equal; undefined for non-scalar items. */
function itemKey(item: LocatedValue, surface: SurfaceKind): string | undefined {
  if (item.kind !== 'string' && item.kind !== 'number' && item.kind !== 'boolean') return undefined;
  if (surface !== 'sdk') return stringReading(item, surface);
  return `${item.kind}:${item.kind === 'number' ? item.value : String(item.value)}`;
}

export const rule: Rule = {
  id: 'duplicate-value',
  severity: (def) => (def.surface === 'terraform' ? 'info' : 'warning'),
  description: 'The same item twice in a list property (info in Terraform, whose sets drop copies).',
  fixable: true,
  check(def, ctx) {
    const wc = walkContextOf(def);
    const out: RuleFinding[] = [];
    walkShape(def, {
      value(site) {
        if (site.schema.type !== 'list' || site.value.kind !== 'list') return;
        const seen = new Map<string, number>();
        site.value.items.forEach((item, index) => {
          const key = itemKey(item, ctx.surface);
          if (key === undefined) return;
          const first = seen.get(key);
          if (first === undefined) {
            seen.set(key, index);
            return;
          }
          const label = siteLabel(site, ctx.spelling);
          const change = removeChange({ ...site, value: item, index });
          out.push({
            message: `${label} lists ${showValue(item)} twice (items ${first + 1} and ${index + 1})${site.branch ? ' in a branch of a condition' : ''}; ${
              ctx.surface === 'terraform' ? 'Terraform keeps it once (the argument is a set), so remove the copy for clarity.' : 'remove the duplicate.'
            }`,
            span: item.span,
            fixes: change ? [{ title: `Remove the duplicate ${showValue(item)}`, changes: [change], isPreferred: true, unambiguous: true }] : [],
          });
        });
      },
    }, wc);
    return out;
  },
};
