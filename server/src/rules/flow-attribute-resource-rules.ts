/** Rules on authentication flows and attributes, and rules across resources in one file. */
import { rule as authFlowsLegacy } from './auth-flows-legacy';
import { rule as authFlowsMissingRefresh } from './auth-flows-missing-refresh';
import { rule as authFlowsMixedLegacy } from './auth-flows-mixed-legacy';
import { rule as authFlowsPasswordInTransit } from './auth-flows-password-in-transit';
import { rule as authFlowsRefreshWithRotation } from './auth-flows-refresh-with-rotation';
import { rule as clientTokenAuthExclusive } from './client-token-auth-exclusive';
import { rule as customAttributeUndeclared } from './custom-attribute-undeclared';
import { rule as customScopeUndeclared } from './custom-scope-undeclared';
import { rule as identityProviderDependency } from './identity-provider-dependency';
import { rule as identityProviderUndeclared } from './identity-provider-undeclared';
import type { Rule } from './types';
import { rule as unknownAttribute } from './unknown-attribute';
import { rule as userPoolReference } from './user-pool-reference';
import { rule as writeAttributeNotReadable } from './write-attribute-not-readable';

import { rule as privilegedAttributeWritable } from './privileged-attribute-writable';
import { rule as updateResetsOmitted } from './update-resets-omitted';

/** The authentication-flow, attribute and cross-resource rules, in the catalogue's order. */
export const flowAttributeResourceRules: Rule[] = [
  // Authentication flows
  authFlowsMixedLegacy,
  authFlowsLegacy,
  authFlowsMissingRefresh,
  authFlowsRefreshWithRotation,
  authFlowsPasswordInTransit,
  clientTokenAuthExclusive,
  // Attributes
  unknownAttribute,
  writeAttributeNotReadable,
  privilegedAttributeWritable,
  // Across resources in one file
  userPoolReference,
  identityProviderUndeclared,
  identityProviderDependency,
  customScopeUndeclared,
  customAttributeUndeclared,
  // SDK calls only
  updateResetsOmitted,
];
