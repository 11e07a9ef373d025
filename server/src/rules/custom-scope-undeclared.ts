/**
 * custom-scope-undeclared: an `AllowedOAuthScopes` entry of the form `identifier/scope` when the
 * file declares resource servers. Reported when no resource server here has that identifier, when
 * the matching server does not define that scope, or when it does but the client neither depends
 * on nor references the server (they may be created at once and the scope not exist yet).
 * Standard scopes (no `/`) are unknown-scope's business. Silent on unknown items, when the file is
 * incomplete, when some server's identifier is not literal (for "no such identifier") and when the
 * matching server's scopes are not literal (for "no such scope"). Flags the item.
 */
import type { ResourceServerInfo } from '../model';
import { listOf, UNKNOWN } from '../model/values';
import { spell } from '../schema';
import type { Rule, RuleFinding, SemanticFix } from './types';
import { closestNames } from './util/attribute-names';
import { indexedStrings } from './util/flow-values';
import { dependsOnAddress, declaredWhere } from './util/resource-links';

const SCOPES = 'AllowedOAuthScopes';

/** Split `identifier/scope` at the last slash (identifiers are often URLs with slashes of their own). */
function splitScope(scope: string): { identifier: string; name: string } | undefined {
  const at = scope.lastIndexOf('/');
  if (at <= 0 || at === scope.length - 1) return undefined;
  return { identifier: scope.slice(0, at), name: scope.slice(at + 1) };
}

/** Every `identifier/scope` the file's servers declare literally. */
function declaredScopes(servers: ResourceServerInfo[]): string[] {
  const out: string[] = [];
  for (const s of servers) {
    if (s.identifier === undefined || s.scopes === undefined) continue;
    for (const name of s.scopes) out.push(`${s.identifier}/${name}`);
  }
  return out;
}

export const rule: Rule = {
  id: 'custom-scope-undeclared',
  severity: 'warning',
  description: 'A custom scope not defined by a resource server in the file, or without a dependency on it.',
  fixable: true,
  check(def, ctx) {
    const { file } = ctx;
    if (!file.complete || file.resourceServers.length === 0) return [];
    const prop = def.properties.get(SCOPES);
    const items = listOf(prop);
    if (items === undefined || items === UNKNOWN) return [];
    const name = spell([SCOPES], ctx.spelling);
    const allIdentifiersKnown = file.resourceServers.every((s) => s.identifier !== undefined);
    const out: RuleFinding[] = [];

    for (const { item, index } of indexedStrings(items)) {
      const parts = splitScope(item.value);
      if (!parts) continue;
      const servers = file.resourceServers.filter((s) => s.identifier === parts.identifier);
      // The corrected scope's server must exist before the client too: depend on it in the same fix.
      const replaceWith = (candidates: string[]): SemanticFix[] =>
        closestNames(item.value, candidates, 3).map((s, i) => {
          const owners = file.resourceServers.filter((server) => server.identifier === splitScope(s.value)?.identifier);
          const target = owners.length === 1 && !dependsOnAddress(def, owners[0].address) ? owners[0].address : undefined;
          return {
            title: `Change to ${s.value}${target ? ` and depend on ${target}` : ''}`,
            changes: [{ kind: 'replaceItem', path: [SCOPES], index, value: s.value }, ...(target ? [{ kind: 'addDependency' as const, target }] : [])],
            isPreferred: i === 0,
          };
        });

      if (servers.length === 0) {
        if (!allIdentifiersKnown) continue;
        const fixes = replaceWith(declaredScopes(file.resourceServers));
        out.push({
          message: `${item.value} in ${name}: no resource server ${declaredWhere(ctx.surface)} has the identifier ${parts.identifier}; use a declared identifier (${file.resourceServers.map((s) => s.identifier).join(', ')}) or declare the server.`,
          span: item.span,
          fixes: fixes.length ? fixes : undefined,
        });
        continue;
      }

      if (servers.every((s) => s.scopes !== undefined) && !servers.some((s) => s.scopes!.includes(parts.name))) {
        const fixes = replaceWith(declaredScopes(servers));
        const defined = servers.flatMap((s) => s.scopes!);
        out.push({
          message: `${item.value} in ${name}: resource server ${servers[0].address} (${parts.identifier}) defines no scope named ${parts.name}${defined.length ? `; it defines ${defined.join(', ')}` : ''}. Add the scope to the server or correct the name.`,
          span: item.span,
          fixes: fixes.length ? fixes : undefined,
        });
        continue;
      }

      if (servers.some((s) => dependsOnAddress(def, s.address))) continue;
      const target = servers[0].address;
      out.push({
        message: `${item.value} in ${name} is defined by resource server ${target}, but the client does not depend on it; add a dependency on ${target} so the scope exists before the client is created.`,
        span: item.span,
        fixes: [{
          title: `Add a dependency on ${target}`,
          changes: [{ kind: 'addDependency', target }],
          isPreferred: true,
          unambiguous: servers.length === 1,
        }],
      });
    }
    return out;
  },
};
