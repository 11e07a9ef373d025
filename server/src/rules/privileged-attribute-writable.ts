/**
 * privileged-attribute-writable: a custom attribute whose name says it carries authorization
 * (tenant, role, group, permission, plan, tier, admin, ...) is in `WriteAttributes`, so every
 * signed-in user can change it on their own profile (UpdateUserAttributes with their access
 * token) and the new value lands in their ID token — a privilege escalation when the backend
 * trusts that claim. Only literal `custom:` items count; unknown items are ignored. Advice, not
 * an API error: the name is a heuristic.
 */
import { spell } from '../schema';
import type { Rule, RuleFinding } from './types';
import { CUSTOM_PREFIX, WRITE_ATTRIBUTES } from './util/attribute-names';
import { indexedStrings } from './util/flow-values';
import { listOf, UNKNOWN } from '../model/values';

/** Words in a custom attribute's name that mark it as an authorization claim. */
const PRIVILEGED_WORDS = new Set([
  'tenant', 'role', 'roles', 'group', 'groups', 'permission', 'permissions', 'privilege', 'privileges',
  'entitlement', 'entitlements', 'admin', 'administrator', 'superuser', 'staff', 'plan', 'tier',
  'subscription', 'license', 'licence', 'org', 'organization', 'organisation', 'account', 'clearance',
  'access', 'scope', 'scopes',
]);

/** Whether an attribute name (without its prefix) contains one of those words (camelCase, snake_case, kebab-case). */
export function looksPrivileged(name: string): boolean {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(/[^A-Za-z0-9]+/);
  return words.some((w) => PRIVILEGED_WORDS.has(w.toLowerCase()));
}

export const rule: Rule = {
  id: 'privileged-attribute-writable',
  severity: 'warning',
  description: 'A custom attribute that looks like an authorization claim (tenant, role, group, plan, ...) is in WriteAttributes, so users can change their own.',
  fixable: true,
  check(def, ctx) {
    const write = listOf(def.properties.get(WRITE_ATTRIBUTES));
    if (write === undefined || write === UNKNOWN) return [];
    const writeName = spell([WRITE_ATTRIBUTES], ctx.spelling);
    const out: RuleFinding[] = [];
    for (const { item, index } of indexedStrings(write)) {
      if (!item.value.startsWith(CUSTOM_PREFIX) || !looksPrivileged(item.value.slice(CUSTOM_PREFIX.length))) continue;
      out.push({
        message: `${item.value} is in ${writeName}: any signed-in user of this client can set it on their own account and it appears in their ID token. If the backend trusts it for authorization, remove it from ${writeName} and set it from an admin API instead.`,
        span: item.span,
        fixes: [{
          title: `Remove ${item.value} from ${writeName}`,
          changes: [{ kind: 'removeItem', path: [WRITE_ATTRIBUTES], index }],
          isPreferred: true,
        }],
      });
    }
    return out;
  },
};
