/**
 * user-existence-errors-legacy: `PreventUserExistenceErrors` is `LEGACY`, or it is absent from a
 * CloudFormation or Terraform resource or an API create call (where it then defaults to `LEGACY`).
 * In that mode sign-in and recovery errors say whether a user name exists, so user names can be
 * enumerated. Flags the property when written, else the definition's name. Ignores update calls
 * that leave it out (update-resets-omitted covers what they reset), values that are not literal,
 * other values (invalid-enum-value's) and definitions whose properties are spread in.
 */
import { stringOf } from '../model/values';
import { spell } from '../schema';
import type { Rule } from './types';
import { propertiesOpen, USER_EXISTENCE_ENABLED, USER_EXISTENCE_LEGACY } from './util/oauth-values';

const PATH = ['PreventUserExistenceErrors'];

export const rule: Rule = {
  id: 'user-existence-errors-legacy',
  severity: 'warning',
  description: 'PreventUserExistenceErrors should be ENABLED so user names cannot be enumerated.',
  fixable: true,
  check(def, ctx) {
    const prop = def.properties.get(PATH[0]);
    const name = spell(PATH, ctx.spelling);
    const fix = (unambiguous: boolean) => ({
      title: `Set ${name} to ${USER_EXISTENCE_ENABLED}`,
      changes: [{ kind: 'set' as const, path: [...PATH], value: USER_EXISTENCE_ENABLED }],
      isPreferred: true,
      unambiguous,
    });
    if (prop) {
      if (stringOf(prop) !== USER_EXISTENCE_LEGACY) return [];
      return [{
        message: `${name} is ${USER_EXISTENCE_LEGACY}: sign-in and password recovery errors reveal whether a user name exists, so accounts can be enumerated. Set it to ${USER_EXISTENCE_ENABLED} for generic errors.`,
        span: prop.span,
        // LEGACY written out may be a deliberate choice; someone should look before it changes.
        fixes: [fix(false)],
      }];
    }
    if (def.operation === 'update' || propertiesOpen(def)) return [];
    return [{
      message: `${name} is not set, so it defaults to ${USER_EXISTENCE_LEGACY}: sign-in and password recovery errors reveal whether a user name exists, so accounts can be enumerated. Set it to ${USER_EXISTENCE_ENABLED}.`,
      span: def.nameSpan,
      fixes: [fix(true)],
    }];
  },
};
