/**
 * client-token-auth-exclusive: `ALLOW_CLIENT_TOKEN_AUTH` (machine-to-machine tokens) must be the
 * only `ExplicitAuthFlows` value, and the client needs a secret. Flags each other literal flow
 * next to it, and the `ALLOW_CLIENT_TOKEN_AUTH` item itself when the client is known to have no
 * secret. Unknown items are never counted as other flows; an unknown secret is never missing.
 */
import { spell } from '../schema';
import type { Rule, RuleFinding, SemanticFix } from './types';
import { CLIENT_TOKEN_FLOW, FLOWS_PATH, readFlows } from './util/flow-values';
import { GENERATE_SECRET_PATH, generateSecretFixes, hasSecret, secretAdvice } from './util/secret';

export const rule: Rule = {
  id: 'client-token-auth-exclusive',
  severity: 'error',
  description: 'ALLOW_CLIENT_TOKEN_AUTH must be the only auth flow, on a client with a secret.',
  fixable: true,
  check(def, ctx) {
    const flows = readFlows(def);
    if (!flows) return [];
    const tokenItems = flows.literal.filter((l) => l.item.value === CLIENT_TOKEN_FLOW);
    if (tokenItems.length === 0) return [];
    const name = spell(FLOWS_PATH, ctx.spelling);
    const out: RuleFinding[] = [];

    const others = flows.literal.filter((l) => l.item.value !== CLIENT_TOKEN_FLOW);
    if (others.length > 0) {
      const fix: SemanticFix = {
        title: `Remove the other auth flows (${others.map((o) => o.item.value).join(', ')})`,
        changes: others.map((o) => ({ kind: 'removeItem' as const, path: FLOWS_PATH, index: o.index })),
        isPreferred: true,
      };
      for (const { item, index } of others) {
        out.push({
          message: `${CLIENT_TOKEN_FLOW} must be the only value of ${name}; remove ${item.value}, or use a separate client for user sign-in.`,
          span: item.span,
          fixes: [fix, { title: `Remove ${item.value}`, changes: [{ kind: 'removeItem', path: FLOWS_PATH, index }] }],
        });
      }
    }

    if (hasSecret(def) === false) {
      const generate = spell(GENERATE_SECRET_PATH, ctx.spelling);
      out.push({
        message: `${CLIENT_TOKEN_FLOW} works only for a client with a secret; ${secretAdvice(def, generate)}.`,
        span: tokenItems[0].item.span,
        fixes: generateSecretFixes(def, generate, true),
      });
    }
    return out;
  },
};
