/**
 * client-secret-conflict: an API create call passes both a `ClientSecret` and
 * `GenerateSecret: true`; Cognito accepts one or the other. Flags `GenerateSecret`. Only API
 * create calls have a `ClientSecret` input, so CloudFormation and Terraform are ignored (their
 * `ClientSecret` is an output, which read-only-property reports), and so are update calls (both
 * are create-only there: create-only-in-update). Silent unless both values are literal.
 *
 * Fixes: drop `GenerateSecret` to keep the chosen secret (preferred), or drop `ClientSecret` to
 * let Cognito generate one.
 */
import { booleanOf } from '../model/values';
import { spell, writeContextOf } from '../schema';
import type { Rule } from './types';
import { CLIENT_SECRET_PATH, GENERATE_SECRET_PATH } from './util/secret';

export const rule: Rule = {
  id: 'client-secret-conflict',
  severity: 'error',
  description: 'A create call cannot pass both ClientSecret and GenerateSecret: true.',
  fixable: true,
  check(def, ctx) {
    if (writeContextOf(def) !== 'create') return [];
    const generateProp = def.properties.get(GENERATE_SECRET_PATH[0]);
    const secretProp = def.properties.get(CLIENT_SECRET_PATH[0]);
    if (!generateProp || secretProp?.value.kind !== 'string' || booleanOf(generateProp, def.surface) !== true) return [];
    const generate = spell(GENERATE_SECRET_PATH, ctx.spelling);
    const secret = spell(CLIENT_SECRET_PATH, ctx.spelling);
    return [{
      message: `${secret} and ${generate}: true both say where the secret comes from, and Cognito refuses the call with both. Remove ${generate} to keep your own secret, or remove ${secret} to have one generated.`,
      span: generateProp.span,
      fixes: [
        { title: `Remove ${generate} (keep the given ${secret})`, changes: [{ kind: 'remove', path: [...GENERATE_SECRET_PATH] }], isPreferred: true },
        { title: `Remove ${secret} (let Cognito generate one)`, changes: [{ kind: 'remove', path: [...CLIENT_SECRET_PATH] }] },
      ],
    }];
  },
};
