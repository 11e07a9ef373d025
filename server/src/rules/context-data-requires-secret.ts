/**
 * context-data-requires-secret: `EnablePropagateAdditionalUserContextData` is true on a client
 * created without a secret; Cognito refuses it (the context data is only trusted from a
 * confidential client). Flags the property. Silent when the flag is not literal or the secret
 * cannot be told (an intrinsic or variable decides it, the properties are spread in, or the
 * definition is an update call).
 *
 * Two fixes: turn the flag off (preferred: a client without a secret is usually a browser or
 * mobile app, which cannot keep one), or generate a secret (which replaces a deployed client).
 */
import { booleanOf } from '../model/values';
import { spell } from '../schema';
import type { Rule } from './types';
import { GENERATE_SECRET_PATH, generateSecretFixes, hasSecret } from './util/secret';

const FLAG_PATH = ['EnablePropagateAdditionalUserContextData'];

export const rule: Rule = {
  id: 'context-data-requires-secret',
  severity: 'error',
  description: 'EnablePropagateAdditionalUserContextData needs a client with a secret.',
  fixable: true,
  check(def, ctx) {
    const prop = def.properties.get(FLAG_PATH[0]);
    if (!prop || booleanOf(prop, def.surface) !== true || hasSecret(def) !== false) return [];
    const flag = spell(FLAG_PATH, ctx.spelling);
    const generate = spell(GENERATE_SECRET_PATH, ctx.spelling);
    return [{
      message: `${flag} is true but the client has no secret, and Cognito only accepts user context data from a client with one. Set ${flag} to false, or create the client with ${generate} true.`,
      span: prop.span,
      fixes: [
        { title: `Set ${flag} to false`, changes: [{ kind: 'set', path: [...FLAG_PATH], value: false }], isPreferred: true },
        ...generateSecretFixes(def, generate, false),
      ],
    }];
  },
};
