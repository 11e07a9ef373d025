/**
 * custom-attribute-undeclared: a `custom:x` entry in `ReadAttributes` / `WriteAttributes` when
 * `UserPoolId` refers to a user pool declared in the same file whose `Schema` is fully literal
 * and declares no custom attribute `x`. Silent when the pool is elsewhere, has no `Schema`, or a
 * non-literal one; unknown items are ignored. Flags the item. No fix: either the pool's `Schema`
 * or the name is wrong, and only a person can tell which.
 */
import { listOf, UNKNOWN } from '../model/values';
import { spell } from '../schema';
import type { Rule, RuleFinding } from './types';
import { closestNames, CUSTOM_PREFIX, READ_ATTRIBUTES, WRITE_ATTRIBUTES } from './util/attribute-names';
import { referencedUserPool } from './util/resource-links';

export const rule: Rule = {
  id: 'custom-attribute-undeclared',
  severity: 'warning',
  description: 'A custom: attribute that the referenced user pool in the file does not declare.',
  fixable: false,
  check(def, ctx) {
    const pool = referencedUserPool(def, ctx.file);
    if (!pool || !pool.schemaKnown || pool.customAttributes === undefined) return [];
    const declared = pool.customAttributes;
    const out: RuleFinding[] = [];
    for (const canonical of [READ_ATTRIBUTES, WRITE_ATTRIBUTES]) {
      const items = listOf(def.properties.get(canonical));
      if (items === undefined || items === UNKNOWN) continue;
      const name = spell([canonical], ctx.spelling);
      for (const item of items.strings) {
        if (!item.value.startsWith(CUSTOM_PREFIX)) continue;
        const attr = item.value.slice(CUSTOM_PREFIX.length);
        if (attr.length === 0 || declared.includes(attr)) continue;
        const close = closestNames(attr, declared, 1);
        const hint = close.length ? ` Did you mean ${CUSTOM_PREFIX}${close[0].value}?` : '';
        out.push({
          message: `${item.value} in ${name}: user pool ${pool.address} declares no custom attribute ${attr}${declared.length ? ` (it declares ${declared.map((d) => CUSTOM_PREFIX + d).join(', ')})` : ''}; add it to the pool's schema or correct the name.${hint}`,
          span: item.span,
        });
      }
    }
    return out;
  },
};
