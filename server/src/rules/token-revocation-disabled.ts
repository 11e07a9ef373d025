/**
 * token-revocation-disabled: `EnableTokenRevocation` is false, so refresh tokens cannot be revoked
 * (sign-out cannot cut a stolen token short). Flags the property. Absent is fine (new clients
 * default to true); values that are not literal are ignored.
 */
import { booleanOf } from '../model/values';
import { spell } from '../schema';
import type { Rule } from './types';

const PATH = ['EnableTokenRevocation'];

export const rule: Rule = {
  id: 'token-revocation-disabled',
  severity: 'warning',
  description: 'EnableTokenRevocation should stay true so refresh tokens can be revoked.',
  fixable: true,
  check(def, ctx) {
    const prop = def.properties.get(PATH[0]);
    if (!prop || booleanOf(prop, def.surface) !== false) return [];
    const name = spell(PATH, ctx.spelling);
    return [{
      message: `${name} is false, so refresh tokens issued to this client cannot be revoked: a leaked token stays valid until it expires, even after sign-out. Set it to true.`,
      span: prop.span,
      fixes: [{ title: `Set ${name} to true`, changes: [{ kind: 'set', path: [...PATH], value: true }], isPreferred: true, unambiguous: true }],
    }];
  },
};
