/**
 * auth-flows-password-in-transit: `ExplicitAuthFlows` allows plain password sign-in
 * (`ALLOW_USER_PASSWORD_AUTH`, or the legacy `USER_PASSWORD_AUTH` the schema maps to it), which
 * sends the password itself to the service; SRP proves it without sending it. Advice only.
 * Flags each such literal item; unknown items and lists are ignored. The fix (offered on the
 * `ALLOW_*` name only: swapping a legacy name would mix legacy and current names) replaces it
 * with `ALLOW_USER_SRP_AUTH`, or removes it when SRP is already allowed.
 */
import { spell } from '../schema';
import type { Rule, RuleFinding, SemanticFix } from './types';
import { FLOWS_PATH, legacyReplacements, PASSWORD_FLOW, readFlows, SRP_FLOW } from './util/flow-values';

export const rule: Rule = {
  id: 'auth-flows-password-in-transit',
  severity: 'info',
  description: 'Plain password auth flow allowed; the SRP flow does not send the password.',
  fixable: true,
  check(def, ctx) {
    const flows = readFlows(def);
    if (!flows) return [];
    const replacements = legacyReplacements();
    const hasSrp = flows.literal.some((l) => l.item.value === SRP_FLOW);
    const name = spell(FLOWS_PATH, ctx.spelling);
    const out: RuleFinding[] = [];
    for (const { item, index } of flows.literal) {
      const legacy = replacements.get(item.value) === PASSWORD_FLOW;
      if (item.value !== PASSWORD_FLOW && !legacy) continue;
      const fixes: SemanticFix[] = [];
      if (!legacy) {
        fixes.push(hasSrp
          ? { title: `Remove ${PASSWORD_FLOW} (${SRP_FLOW} is already allowed)`, changes: [{ kind: 'removeItem', path: FLOWS_PATH, index }], isPreferred: true }
          : { title: `Replace with ${SRP_FLOW}`, changes: [{ kind: 'replaceItem', path: FLOWS_PATH, index, value: SRP_FLOW }], isPreferred: true });
      }
      out.push({
        message: `${item.value} in ${name} sends the user's password to the service at sign-in; prefer ${SRP_FLOW}, which proves the password without sending it${legacy ? ` (convert the legacy names to ALLOW_* first)` : ''}.`,
        span: item.span,
        fixes: fixes.length ? fixes : undefined,
      });
    }
    return out;
  },
};
