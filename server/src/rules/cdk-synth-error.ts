/**
 * cdk-synth-error: the CDK L2 `UserPoolClient` (or `addClient`) would throw at `cdk synth`: OAuth
 * settings with `disableOAuth`, an empty `callbackUrls` with the code or implicit grant, a
 * `defaultRedirectUri` outside the callbacks or its pattern, context data without a secret,
 * `clientCredentials` with another grant, a Duration out of range, not whole minutes (seconds for
 * the rotation grace period) or negative, an incomplete `analytics`. The errors are worked out
 * with the definition (surfaces/sdk/cdk-l2.ts) and carry the CDK's exact text; this rule reports
 * them where the prop is written, with a fix for a lifetime (the nearest valid Duration).
 * Definitions that are not derived from the L2 have none.
 */
import type { Rule } from './types';

export const rule: Rule = {
  id: 'cdk-synth-error',
  severity: 'error',
  description: 'A CDK L2 UserPoolClient whose props make `cdk synth` fail (the CDK\'s own checks, with its exact message).',
  fixable: true,
  check(def) {
    // A lifetime out of range or not whole gets a valid Duration as its fix (in the source's syntax).
    return (def.derived?.errors ?? []).map((e) => ({ message: `\`cdk synth\` will fail: ${e.message}`, span: e.span, fixes: e.fix ? [e.fix] : undefined }));
  },
};
