/** Rules across the properties of one client: OAuth, secrets, security posture, analytics. */
import { rule as analyticsTarget } from './analytics-target';
import { rule as authorizationFlowRequiresCallback } from './authorization-flow-requires-callback';
import { rule as clientCredentialsCustomScopesOnly } from './client-credentials-custom-scopes-only';
import { rule as clientCredentialsExclusive } from './client-credentials-exclusive';
import { rule as clientCredentialsRequiresSecret } from './client-credentials-requires-secret';
import { rule as clientSecretConflict } from './client-secret-conflict';
import { rule as clientSecretInFile } from './client-secret-in-file';
import { rule as contextDataRequiresSecret } from './context-data-requires-secret';
import { rule as defaultRedirectNotInCallbacks } from './default-redirect-not-in-callbacks';
import { rule as implicitFlowDiscouraged } from './implicit-flow-discouraged';
import { rule as oauthEnabledRequiresFlowsAndScopes } from './oauth-enabled-requires-flows-and-scopes';
import { rule as oauthRequiresEnabledFlag } from './oauth-requires-enabled-flag';
import { rule as redirectUriInsecure } from './redirect-uri-insecure';
import { rule as redirectUriInvalid } from './redirect-uri-invalid';
import { rule as scopeRequiresOpenid } from './scope-requires-openid';
import { rule as tokenRevocationDisabled } from './token-revocation-disabled';
import { rule as unknownScope } from './unknown-scope';
import { rule as userExistenceErrorsLegacy } from './user-existence-errors-legacy';
import { rule as clientSecretOutput } from './client-secret-output';
import type { Rule } from './types';

/** In catalogue order: OAuth, then secrets, security posture and analytics. */
export const oauthSecretRules: Rule[] = [
  clientCredentialsExclusive,
  clientCredentialsRequiresSecret,
  clientCredentialsCustomScopesOnly,
  oauthRequiresEnabledFlag,
  oauthEnabledRequiresFlowsAndScopes,
  authorizationFlowRequiresCallback,
  defaultRedirectNotInCallbacks,
  redirectUriInvalid,
  redirectUriInsecure,
  implicitFlowDiscouraged,
  unknownScope,
  scopeRequiresOpenid,
  contextDataRequiresSecret,
  clientSecretConflict,
  clientSecretInFile,
  userExistenceErrorsLegacy,
  tokenRevocationDisabled,
  analyticsTarget,
  clientSecretOutput,
];
