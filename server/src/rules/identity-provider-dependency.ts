/**
 * identity-provider-dependency: the client lists (in `SupportedIdentityProviders`) the
 * `ProviderName` of an identity provider declared in the same file but neither depends on it
 * explicitly nor references it, so both may be created at once and the client fails with "The
 * provider ... does not exist". Flags the item. Unknown items are ignored (a reference such as
 * `!GetAtt Idp.ProviderName` already orders the two).
 */
import { listOf, UNKNOWN } from '../model/values';
import { spell } from '../schema';
import type { Rule, RuleFinding } from './types';
import { dependsOnAddress, declaredWhere } from './util/resource-links';

const PROVIDERS = 'SupportedIdentityProviders';

export const rule: Rule = {
  id: 'identity-provider-dependency',
  severity: 'warning',
  description: 'The client names an identity provider declared in the file without depending on it.',
  fixable: true,
  check(def, ctx) {
    const { file } = ctx;
    if (file.identityProviders.length === 0) return [];
    const items = listOf(def.properties.get(PROVIDERS));
    if (items === undefined || items === UNKNOWN) return [];
    const name = spell([PROVIDERS], ctx.spelling);
    const out: RuleFinding[] = [];
    for (const item of items.strings) {
      const matches = file.identityProviders.filter((idp) => idp.providerName === item.value);
      if (matches.length === 0 || matches.some((idp) => dependsOnAddress(def, idp.address))) continue;
      const target = matches[0].address;
      out.push({
        message: `${item.value} in ${name} is declared by ${target} ${declaredWhere(ctx.surface)}, but the client does not depend on it; add a dependency on ${target} so the provider exists before the client is created.`,
        span: item.span,
        fixes: [{
          title: `Add a dependency on ${target}`,
          changes: [{ kind: 'addDependency', target }],
          isPreferred: true,
          unambiguous: matches.length === 1,
        }],
      });
    }
    return out;
  },
};
