/**
 * identity-provider-undeclared: a `SupportedIdentityProviders` name that is neither built in (the
 * schema's `builtInIdentityProviders` vocabulary) nor the `ProviderName` of an identity provider
 * declared in the same file. Only when the file is complete and declares at least one identity
 * provider, every one of them with a literal `ProviderName` (otherwise the name may well exist).
 * Flags the item; unknown items and lists are ignored. No fix: the provider must be created or the
 * name corrected by hand.
 */
import { listOf, UNKNOWN } from '../model/values';
import { spell, vocabulary } from '../schema';
import type { Rule, RuleFinding } from './types';
import { closestNames } from './util/attribute-names';
import { declaredWhere } from './util/resource-links';

const PROVIDERS = 'SupportedIdentityProviders';

export const rule: Rule = {
  id: 'identity-provider-undeclared',
  severity: 'warning',
  description: 'SupportedIdentityProviders names a provider that is neither built in nor declared in the file.',
  fixable: false,
  check(def, ctx) {
    const { file } = ctx;
    if (!file.complete || file.identityProviders.length === 0) return [];
    const declared: string[] = [];
    for (const idp of file.identityProviders) {
      if (idp.providerName === undefined) return [];
      declared.push(idp.providerName);
    }
    const builtIn = vocabulary('builtInIdentityProviders').map((e) => e.value);
    if (builtIn.length === 0) return [];
    const items = listOf(def.properties.get(PROVIDERS));
    if (items === undefined || items === UNKNOWN) return [];
    const name = spell([PROVIDERS], ctx.spelling);
    const out: RuleFinding[] = [];
    for (const item of items.strings) {
      if (item.value.length === 0 || builtIn.includes(item.value) || declared.includes(item.value)) continue;
      const close = closestNames(item.value, [...declared, ...builtIn], 1);
      const hint = close.length ? ` (did you mean ${close[0].value}?)` : '';
      out.push({
        message: `${item.value} in ${name} is not a built-in provider and no identity provider declared ${declaredWhere(ctx.surface)} has that name${hint}; declare it or use one of: ${[...new Set([...declared, ...builtIn])].join(', ')}.`,
        span: item.span,
      });
    }
    return out;
  },
};
