/**
 * duplicate-key: a key written twice in one object (the definition's body, or a nested object
 * such as `TokenValidityUnits`). YAML and JSON loaders keep the last occurrence, so the earlier
 * ones have no effect, and CloudFormation's own linter rejects the template (cfn-lint E0000). Every
 * other rule reads the last occurrence. Flags each earlier key; the fix removes that occurrence.
 *
 * Keys are compared as written. Objects inside unknown values (intrinsics) are not looked into.
 */
import { isShadowed, type LocatedValue, type ObjectValue } from '../model';
import type { Rule, RuleFinding } from './types';

function check(obj: ObjectValue, where: string | undefined, out: RuleFinding[], depth: number): void {
  if (depth > 20) return;
  obj.members.forEach((m, i) => {
    if (isShadowed(obj.members, i)) {
      const place = where === undefined ? '' : ` in ${where}`;
      out.push({
        message: `${m.name} is written more than once${place}; only the last one counts, so this one is ignored (and CloudFormation's linter rejects the template). Remove it.`,
        span: m.keySpan,
        fixes: [{ title: `Remove this ${m.name}`, changes: [{ kind: 'removeKey', keySpan: m.keySpan }], isPreferred: true, unambiguous: true }],
      });
    }
    walk(m.value, m.name, out, depth + 1);
  });
}

function walk(value: LocatedValue, where: string, out: RuleFinding[], depth: number): void {
  if (value.kind === 'object') check(value, where, out, depth);
  else if (value.kind === 'list') for (const item of value.items) walk(item, where, out, depth + 1);
}

export const rule: Rule = {
  id: 'duplicate-key',
  severity: 'error',
  description: 'A key written twice in one object: only the last one counts (the fix removes the earlier one).',
  fixable: true,
  check(def) {
    const out: RuleFinding[] = [];
    if (def.body?.kind === 'object') check(def.body, undefined, out, 0);
    return out;
  },
};
