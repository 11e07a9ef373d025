/**
 * What a client definition says about the other resources in its file, for the cross-resource
 * rules: which user pool its `UserPoolId` refers to, and whether it depends on a resource.
 */
import type { ClientDefinition, FileContext, SurfaceKind, UserPoolInfo } from '../../model';

/** The canonical name of the user pool property. */
export const USER_POOL_ID = 'UserPoolId';

/**
 * Whether the definition waits for a resource: the address is in its explicit dependencies, or
 * it is referenced anywhere inside the definition (a reference implies a dependency).
 */
export function dependsOnAddress(def: ClientDefinition, address: string): boolean {
  return def.dependsOn.includes(address) || def.references.has(address);
}

/**
 * The user pool in this file that `UserPoolId` refers to (by `Ref`, `GetAtt` or an interpolation
 * naming the pool); undefined when it is literal, absent, or refers to something else.
 */
export function referencedUserPool(def: ClientDefinition, file: FileContext): UserPoolInfo | undefined {
  const value = def.properties.get(USER_POOL_ID)?.value;
  if (!value || value.kind !== 'unknown' || !value.ref) return undefined;
  return file.userPools.get(value.ref.target);
}

/**
 * Where the cross-resource rules look, in words: a CloudFormation template is one file, a
 * Terraform module is every `.tf` / `.tf.json` file of its directory.
 */
export function declaredWhere(surface: SurfaceKind): string {
  return surface === 'terraform' ? 'in this module' : 'in this file';
}
