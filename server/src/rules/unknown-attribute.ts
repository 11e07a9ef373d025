/**
 * unknown-attribute: a `ReadAttributes` / `WriteAttributes` entry that is not a standard
 * attribute (the schema's `standardAttributes` vocabulary) and not `custom:<name>` or
 * `dev:<name>`: no prefix, or a prefix with no name after it (`custom:`). An entry with some other
 * prefix (`oidc:profile`, as in an AWS example) is reported as info only, since what the service
 * does with it is not documented. Flags the item; unknown items and lists, and empty strings (a
 * length problem), are ignored. The fix offers the closest standard names; for a bare `custom:`,
 * the custom attributes of the user pool in the file not yet listed, or removing the entry.
 */
import type { LocatedProperty } from '../model';
import { listOf, UNKNOWN } from '../model/values';
import { spell } from '../schema';
import type { Rule, RuleFinding, SemanticChange, SemanticFix } from './types';
import { classifyAttribute, closestNames, CUSTOM_PREFIX, DEV_PREFIX, READ_ATTRIBUTES, standardAttributes, WRITE_ATTRIBUTES } from './util/attribute-names';
import { indexedStrings } from './util/flow-values';
import { referencedUserPool } from './util/resource-links';

export const rule: Rule = {
  id: 'unknown-attribute',
  severity: 'warning',
  description: 'Read/WriteAttributes entry that is neither a standard attribute nor a named custom: / dev: attribute.',
  fixable: true,
  check(def, ctx) {
    const standard = standardAttributes();
    // Without the vocabulary nothing can be told apart.
    if (standard.length === 0) return [];
    const out: RuleFinding[] = [];
    for (const canonical of [READ_ATTRIBUTES, WRITE_ATTRIBUTES]) {
      const prop: LocatedProperty | undefined = def.properties.get(canonical);
      const items = listOf(prop);
      if (items === undefined || items === UNKNOWN) continue;
      const name = spell([canonical], ctx.spelling);
      const present = new Set(items.strings.map((s) => s.value));
      for (const { item, index } of indexedStrings(items)) {
        if (item.value.length === 0) continue;
        const kind = classifyAttribute(item.value, standard);
        if (kind === 'valid') continue;
        if (kind === 'emptyName') {
          const prefix = item.value.startsWith(CUSTOM_PREFIX) ? CUSTOM_PREFIX : DEV_PREFIX;
          const declared = prefix === CUSTOM_PREFIX ? referencedUserPool(def, ctx.file)?.customAttributes ?? [] : [];
          const choices = declared.map((a) => prefix + a).filter((v) => !present.has(v)).slice(0, 3);
          const fixes: SemanticFix[] = [
            ...choices.map((value, i): SemanticFix => ({ title: `Change to ${value}`, changes: [{ kind: 'replaceItem', path: [canonical], index, value }], isPreferred: i === 0 })),
            { title: `Remove ${item.value}`, changes: [{ kind: 'removeItem', path: [canonical], index }], isPreferred: choices.length === 0 },
          ];
          out.push({
            message: `${item.value} in ${name} has no attribute name after the prefix; write ${prefix}<name> with the name of ${prefix === CUSTOM_PREFIX ? "one of the user pool's custom attributes" : 'the attribute'}, or remove the entry.`,
            span: item.span,
            fixes,
          });
          continue;
        }
        if (kind === 'otherPrefix') {
          out.push({
            message: `${item.value} in ${name} has a prefix other than ${CUSTOM_PREFIX} or ${DEV_PREFIX}; check that the service accepts it, or use a standard attribute or ${CUSTOM_PREFIX}<name>.`,
            span: item.span,
            severity: 'info',
          });
          continue;
        }
        const suggestions = closestNames(item.value, standard);
        const fixes = suggestions.map((s, i): SemanticFix => {
          const change: SemanticChange = present.has(s.value)
            ? { kind: 'removeItem', path: [canonical], index }
            : { kind: 'replaceItem', path: [canonical], index, value: s.value };
          return {
            title: present.has(s.value) ? `Remove ${item.value} (${s.value} is already listed)` : `Change to ${s.value}`,
            changes: [change],
            isPreferred: i === 0,
            unambiguous: s.exact && suggestions.length === 1,
          };
        });
        const hint = suggestions.length ? ` Did you mean ${suggestions.map((s) => s.value).join(' or ')}?` : '';
        out.push({
          message: `${item.value} in ${name} is not a standard attribute; use a standard name or prefix a user pool custom attribute with ${CUSTOM_PREFIX}.${hint}`,
          span: item.span,
          fixes: fixes.length ? fixes : undefined,
        });
      }
    }
    return out;
  },
};
