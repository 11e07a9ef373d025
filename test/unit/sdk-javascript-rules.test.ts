/**
 * Every rule case of the rule test files (test/unit/rules-*.test.ts), run over the JS / TS code
 * renderers (test/support/scenario-sdk.ts) before they join the shared `renderers` list: each
 * firing case must fire, each clean and unknown case must stay silent, except the differences
 * listed below with their reasons (code files have no resources around the call; SDK calls have
 * API semantics). A listed difference is checked to still be one, so the list stays true
 * (../support/twin-rules.ts).
 */
import { javascriptRenderers } from '../support/scenario-sdk';
import { API_SEMANTICS, codeFileDifferences, twinRuleTests } from '../support/twin-rules';

/**
 * Known differences from the CloudFormation renderers, by `rule|kind|case` (any renderer) or
 * `rule|kind|case|renderer`. Each reason says why.
 */
const KNOWN: Record<string, string> = codeFileDifferences();

/** SDK calls have API semantics (the CDK L1 construct keeps CloudFormation's). */
for (const [key, reason] of API_SEMANTICS) {
  for (const renderer of ['sdk-typescript', 'sdk-javascript-v2']) KNOWN[`${key}|${renderer}`] = reason;
}

twinRuleTests({
  title: 'rule cases over the JS / TS renderers',
  renderers: javascriptRenderers,
  known: KNOWN,
  grammars: ['typescript', 'javascript'],
  // The flagged text in code's own syntax: CDK names are camelCase, strings may be single-quoted.
  normalise: (text) => text.toLowerCase().replace(/'/g, '"'),
});
