/**
 * update-resets-omitted: an UpdateUserPoolClient call sets the whole client: every property it
 * leaves out goes back to its default (OAuth switched off, callbacks and providers emptied, token
 * lifetimes back to an hour / 30 days, attribute permissions back to all standard attributes). A
 * partial update written as "change one thing" silently undoes the rest. Names what the call
 * leaves out, grouped, on the call; each group has a fix that adds its properties with
 * placeholders, to fill in with the client's current values (from DescribeUserPoolClient).
 *
 * Only update calls. Silent when the call's properties may hold more than is written (a spread,
 * `**kwargs`) or are unknown as a whole.
 */
import { isInputIn, schema, spell } from '../schema';
import type { Rule, SemanticChange, SemanticFix } from './types';
import { placeholderFor } from './util/shape-text';

/** What an update resets, in groups people recognise. */
const GROUPS: { label: string; properties: string[] }[] = [
  { label: 'OAuth settings', properties: ['AllowedOAuthFlowsUserPoolClient', 'AllowedOAuthFlows', 'AllowedOAuthScopes'] },
  { label: 'callback and sign-out URLs', properties: ['CallbackURLs', 'LogoutURLs', 'DefaultRedirectURI'] },
  { label: 'identity providers', properties: ['SupportedIdentityProviders'] },
  { label: 'token lifetimes', properties: ['AccessTokenValidity', 'IdTokenValidity', 'RefreshTokenValidity', 'TokenValidityUnits'] },
  { label: 'authentication flows', properties: ['ExplicitAuthFlows'] },
  { label: 'attribute permissions', properties: ['ReadAttributes', 'WriteAttributes'] },
];

export const rule: Rule = {
  id: 'update-resets-omitted',
  severity: 'info',
  description: 'An UpdateUserPoolClient call resets every property it leaves out to its default.',
  fixable: true,
  check(def, ctx) {
    if (def.operation !== 'update' || def.open || def.body?.kind !== 'object') return [];
    const omitted = GROUPS.map((group) => ({
      label: group.label,
      properties: group.properties.filter((p) => !def.properties.has(p) && schema.properties[p] !== undefined && isInputIn(schema.properties[p], 'update')),
    })).filter((g) => g.properties.length > 0);
    if (omitted.length === 0) return [];
    const listed = omitted.map((g) => `${g.label} (${g.properties.map((p) => spell([p], ctx.spelling)).join(', ')})`);
    const fixes: SemanticFix[] = omitted.map((g) => ({
      title: `Add the ${g.label} (${g.properties.map((p) => spell([p], ctx.spelling)).join(', ')}) with the client's current values`,
      changes: g.properties.map((p): SemanticChange => ({ kind: 'insert', path: [p], value: placeholderFor(schema.properties[p], 'update'), placeholder: true })),
    }));
    return [{
      message: `${schema.resource.updateOperation} replaces the whole client: what this call leaves out goes back to its default — ${listed.join('; ')}. Pass every setting the client should keep (read them with DescribeUserPoolClient first).`,
      span: def.nameSpan,
      fixes,
    }];
  },
};
