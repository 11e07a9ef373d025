/**
 * auth-flows-mixed-legacy: `ExplicitAuthFlows` holds both legacy names (`ADMIN_NO_SRP_AUTH`,
 * `CUSTOM_AUTH_FLOW_ONLY`, `USER_PASSWORD_AUTH`) and current `ALLOW_*` names; the service rejects
 * the mix. Flags each legacy item. Only literal items count: an unknown item is never taken for
 * either kind, and a list that is unknown as a whole is ignored. Which names are legacy comes
 * from the schema enum.
 */
import { spell } from '../schema';
import type { Rule, RuleFinding, SemanticFix } from './types';
import { convertLegacyChanges, FLOWS_PATH, isCurrentFlow, legacyReplacements, readFlows } from './util/flow-values';

export const rule: Rule = {
  id: 'auth-flows-mixed-legacy',
  severity: 'error',
  description: 'Legacy auth flow names mixed with ALLOW_* names in ExplicitAuthFlows.',
  fixable: true,
  check(def, ctx) {
    const flows = readFlows(def);
    if (!flows) return [];
    const replacements = legacyReplacements();
    const legacy = flows.literal.filter((l) => replacements.has(l.item.value));
    const current = flows.literal.filter((l) => isCurrentFlow(l.item.value));
    if (legacy.length === 0 || current.length === 0) return [];
    const name = spell(FLOWS_PATH, ctx.spelling);
    const converted = legacy.map((l) => `${l.item.value} -> ${replacements.get(l.item.value)}`).join(', ');
    const fix: SemanticFix = {
      title: `Convert the legacy auth flows to ALLOW_* names (${converted})`,
      changes: convertLegacyChanges(flows),
      isPreferred: true,
      unambiguous: true,
    };
    return legacy.map(({ item }): RuleFinding => ({
      message: `${item.value} is a legacy auth flow name and cannot be combined with ALLOW_* names in ${name}; use ${replacements.get(item.value)} instead.`,
      span: item.span,
      fixes: [fix],
    }));
  },
};
