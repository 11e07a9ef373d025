/**
 * A reference to another resource of the same file, as the value of a semantic change (a fix that
 * points `UserPoolId` at the file's user pool). It is a marker, not syntax: each surface's edit
 * builder writes it its own way (`!Ref UserPool` in YAML, `{"Ref": "UserPool"}` in JSON; a
 * Terraform builder would write `aws_cognito_user_pool.pool.id`).
 */
import type { JsonValue } from '../schema/types';

/** The marker's only key; no client property has a member of that name. */
const REFERENCE_KEY = '$reference';

/** The change value that refers to the resource at `address` (a logical id, a Terraform `type.name`). */
export function referenceValue(address: string): JsonValue {
  return { [REFERENCE_KEY]: address };
}

/** The address a change value refers to, when it is a reference marker. */
export function referencedAddress(value: JsonValue): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  const target = value[REFERENCE_KEY];
  return keys.length === 1 && typeof target === 'string' ? target : undefined;
}
