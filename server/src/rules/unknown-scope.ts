/**
 * unknown-scope: an `AllowedOAuthScopes` item that is neither a standard scope (the schema's
 * `standardScopes` vocabulary; exact, case-sensitive) nor written as a resource server scope
 * `identifier/scope-name`; Cognito refuses it ("Invalid scope requested"). Flags the item, and
 * literal branches of a conditional item (without a fix). Other unknown items, empty strings (the
 * length rule's) and whether a resource server declares the scope (custom-scope-undeclared's) are
 * ignored.
 *
 * Fix: the closest standard scope, when one is close (a case slip is applied unambiguously).
 */
import { spell } from '../schema';
import type { Rule, RuleFinding, SemanticFix } from './types';
import { closestValue, isResourceServerScope, itemsWithBranches, OAUTH_PATHS, readList, standardScopes } from './util/oauth-values';

export const rule: Rule = {
  id: 'unknown-scope',
  severity: 'error',
  description: 'OAuth scopes must be standard scopes or resource server scopes (identifier/scope).',
  fixable: true,
  check(def, ctx) {
    const scopes = readList(def, OAUTH_PATHS.scopes);
    if (!scopes) return [];
    const standard = standardScopes();
    const name = spell(OAUTH_PATHS.scopes, ctx.spelling);
    const out: RuleFinding[] = [];
    for (const l of itemsWithBranches(scopes)) {
      const scope = l.item.value;
      if (scope === '' || standard.includes(scope) || isResourceServerScope(scope)) continue;
      const close = closestValue(scope, standard);
      const fixes: SemanticFix[] = close && !l.branch
        ? [{ title: `Change to ${close.value}`, changes: [{ kind: 'replaceItem', path: [...OAUTH_PATHS.scopes], index: l.index, value: close.value }], isPreferred: true, unambiguous: close.caseOnly }]
        : [];
      const hint = close ? ` Did you mean ${close.value}?` : '';
      out.push({
        message: `${scope} in ${name} is not a known scope: use a standard scope (${standard.join(', ')}) or a resource server scope written identifier/scope-name.${hint}`,
        span: l.item.span,
        fixes,
      });
    }
    return out;
  },
};
