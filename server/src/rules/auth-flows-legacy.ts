/**
 * auth-flows-legacy: `ExplicitAuthFlows` uses only legacy names (no literal `ALLOW_*` item; the
 * mix is auth-flows-mixed-legacy's). The names still deploy but are deprecated. Flags each legacy
 * item. The fix converts them and adds `ALLOW_REFRESH_TOKEN_AUTH`, which the current names need,
 * unless refresh token rotation is on or cannot be told, or an unknown item might already be it.
 * A list that is unknown as a whole is ignored.
 */
import { spell, spellPath } from '../schema';
import { UNKNOWN } from '../model/values';
import type { Rule, RuleFinding, SemanticFix } from './types';
import { convertLegacyChanges, FLOWS_PATH, isCurrentFlow, legacyReplacements, readFlows, REFRESH_FLOW, ROTATION_ENABLED, ROTATION_FEATURE_PATH, rotationEnabled } from './util/flow-values';

export const rule: Rule = {
  id: 'auth-flows-legacy',
  severity: 'warning',
  description: 'ExplicitAuthFlows uses deprecated legacy names only.',
  fixable: true,
  check(def, ctx) {
    const flows = readFlows(def);
    if (!flows) return [];
    const replacements = legacyReplacements();
    const legacy = flows.literal.filter((l) => replacements.has(l.item.value));
    if (legacy.length === 0 || flows.literal.some((l) => isCurrentFlow(l.item.value))) return [];

    const name = spell(FLOWS_PATH, ctx.spelling);
    const changes = convertLegacyChanges(flows);
    const rotation = rotationEnabled(def);
    const addRefresh = rotation === false && !flows.items.hasUnknown;
    if (addRefresh) changes.push({ kind: 'addItem', path: FLOWS_PATH, value: REFRESH_FLOW });
    const fix: SemanticFix = {
      title: addRefresh ? `Convert to ALLOW_* names and add ${REFRESH_FLOW}` : 'Convert to ALLOW_* names',
      changes,
      isPreferred: true,
      unambiguous: rotation !== UNKNOWN && !flows.items.hasUnknown,
    };
    const after = rotation === true
      ? ` (refresh token rotation is on, so leave out ${REFRESH_FLOW})`
      : rotation === UNKNOWN
        ? ` (and add ${REFRESH_FLOW} unless ${spellPath(ROTATION_FEATURE_PATH, ctx.spelling)} is ${ROTATION_ENABLED})`
        : ` and add ${REFRESH_FLOW}`;
    return legacy.map(({ item }): RuleFinding => ({
      message: `${item.value} in ${name} is a deprecated legacy auth flow name; use ${replacements.get(item.value)} instead${after}.`,
      span: item.span,
      fixes: [fix],
    }));
  },
};
