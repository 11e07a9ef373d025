/**
 * client-secret-in-file: a literal, non-empty `ClientSecret` written where it is a value the file
 * holds rather than an output it names: a DescribeUserPoolClient result saved to a file, or a
 * create request (an API-shape `--cli-input-json` file, or an SDK create call in code). That is a
 * live credential in a file that is easily committed, shared or logged. Flags the member.
 *
 * Ignored: `ClientSecret` where it is not an input (a CloudFormation or Terraform resource, where
 * read-only-property reports it; an update call, where create-only-in-update does), an empty
 * string (a skeleton placeholder), and a value that is not literal (read from elsewhere).
 *
 * Fix: remove the member (its bytes only). In a create request the client then gets no secret
 * unless `GenerateSecret` is true, so the fix is not marked preferred there.
 */
import { isInputIn, propertySchema, spell, writeContextOf } from '../schema';
import type { Rule } from './types';
import { CLIENT_SECRET_PATH } from './util/secret';

export const rule: Rule = {
  id: 'client-secret-in-file',
  severity: 'warning',
  description: 'A literal ClientSecret in a describe result or create request: a live credential in a file.',
  fixable: true,
  check(def, ctx) {
    const context = writeContextOf(def);
    const secretSchema = propertySchema(CLIENT_SECRET_PATH);
    if (context === 'update' || !secretSchema || !isInputIn(secretSchema, context)) return [];
    const prop = def.properties.get(CLIENT_SECRET_PATH[0]);
    if (prop?.value.kind !== 'string' || prop.value.value.length === 0 || prop.value.resolvedFrom !== undefined) return [];
    const name = spell(CLIENT_SECRET_PATH, ctx.spelling);
    const what = context === 'describe' ? 'This saved DescribeUserPoolClient result' : 'This create request';
    const after = context === 'describe'
      ? 'Remove it before the file is committed or shared, and rotate the secret (AddUserPoolClientSecret, then delete the old one) if it already was.'
      : 'Remove it and let Cognito generate the secret (GenerateSecret: true), or pass it in from a secret store when the call is made.';
    return [{
      message: `${what} holds the client's live secret in ${name}: anyone who can read the file, or its history once committed, can act as this client. ${after}`,
      span: prop.span,
      fixes: [{ title: `Remove ${name} from the file`, changes: [{ kind: 'remove', path: [...CLIENT_SECRET_PATH] }], isPreferred: context === 'describe' }],
    }];
  },
};
