/**
 * client-secret-output: a stack output reveals the client's secret (`!GetAtt Client.ClientSecret`,
 * or `${Client.ClientSecret}` in a `!Sub`). Outputs are plain text to anyone who may describe the
 * stack, and an exported one to every stack in the account and Region. Reads the file context's
 * `secretOutputs`; flags the output entry. No quick fix: the secret should be read where it is
 * needed (DescribeUserPoolClient) or stored in a secrets store, which is a design change.
 */
import type { Rule } from './types';

export const rule: Rule = {
  id: 'client-secret-output',
  severity: 'warning',
  description: 'A stack output reveals the client secret (GetAtt ClientSecret), in plain text to anyone who can describe the stack, or to every stack when exported.',
  fixable: false,
  check(def, ctx) {
    return ctx.file.secretOutputs
      .filter((o) => o.client === def.name)
      .map((o) => ({
        message: `Output ${o.name} reveals the secret of ${def.name} in plain text to anyone allowed to describe this stack${o.exported ? ', and its Export shares it with every stack in the account and Region' : ''}. Read the secret where it is needed (DescribeUserPoolClient) or keep it in a secrets store instead.`,
        span: o.span,
      }));
  },
};
