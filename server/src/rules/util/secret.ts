/**
 * Whether a client definition has a client secret, for the rules that need one
 * (`client_credentials`, context data propagation, `ALLOW_CLIENT_TOKEN_AUTH`).
 *
 * A client has a secret when it is created with `GenerateSecret: true`, or, in an API create call,
 * with a literal `ClientSecret`. CloudFormation and Terraform have no secret input (their
 * `ClientSecret` / `client_secret` is an output), so only `GenerateSecret` counts there. An update
 * call cannot say: the secret was decided when the client was created.
 */
import type { ClientDefinition } from '../../model';
import { booleanOf, UNKNOWN, type Unknown } from '../../model/values';
import { isInputIn, propertySchema, writeContextOf } from '../../schema';
import type { SemanticFix } from '../types';
import { propertiesOpen } from './oauth-values';

/** The canonical path of the switch that makes Cognito generate a secret. */
export const GENERATE_SECRET_PATH = ['GenerateSecret'];
/** The canonical path of a caller-chosen secret (API create calls only). */
export const CLIENT_SECRET_PATH = ['ClientSecret'];

/**
 * True when the definition creates a client with a secret, false when it creates one without,
 * `UNKNOWN` when that cannot be told (an intrinsic or variable decides it, the properties are
 * spread in from elsewhere, or it is an update call).
 */
export function hasSecret(def: ClientDefinition): boolean | Unknown {
  if (def.operation === 'update') return UNKNOWN;
  const context = writeContextOf(def);
  const generate = booleanOf(def.properties.get(GENERATE_SECRET_PATH[0]), def.surface);
  if (generate === true) return true;

  let given: boolean | Unknown = false;
  const secretSchema = propertySchema(CLIENT_SECRET_PATH);
  const secret = def.properties.get(CLIENT_SECRET_PATH[0]);
  if (secret && secretSchema && isInputIn(secretSchema, context)) {
    if (secret.value.kind === 'string') given = secret.value.value.length > 0;
    else if (secret.value.kind !== 'null') given = UNKNOWN;
  }
  if (given === true) return true;

  if (generate === UNKNOWN || given === UNKNOWN || propertiesOpen(def)) return UNKNOWN;
  return false;
}

/**
 * The fix that turns on `GenerateSecret`. On a resource the secret can only be generated when the
 * client is created, so the title says the deployment replaces it (with a new client id).
 */
export function generateSecretFix(def: ClientDefinition, name: string, isPreferred: boolean): SemanticFix {
  const replaces = def.operation === 'resource';
  return {
    title: replaces
      ? `Set ${name} to true (replaces the client: a secret can only be generated at creation, so the client id changes)`
      : `Set ${name} to true`,
    changes: [{ kind: 'set', path: [...GENERATE_SECRET_PATH], value: true }],
    isPreferred,
  };
}

/**
 * The GenerateSecret fixes a definition can take: none for a describe result, which reports a
 * deployed client (it has no GenerateSecret member, and a secret is only generated at creation).
 */
export function generateSecretFixes(def: ClientDefinition, name: string, isPreferred: boolean): SemanticFix[] {
  return def.operation === 'describe' ? [] : [generateSecretFix(def, name, isPreferred)];
}

/**
 * What to do about a missing secret, in words: set `GenerateSecret` to true; for a describe result
 * (a deployed client, which cannot be given a generated secret) create a new client with it.
 */
export function secretAdvice(def: ClientDefinition, name: string): string {
  return def.operation === 'describe' ? `create a new client with ${name} true (a deployed client cannot be given a generated secret)` : `set ${name} to true`;
}
