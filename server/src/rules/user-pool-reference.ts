/**
 * user-pool-reference: `UserPoolId` is a plain reference (`Ref` / `!Ref`, a Terraform
 * `${type.name.attr}` interpolation) to something that is neither a user pool nor a parameter /
 * variable declared in the file, or a CloudFormation `GetAtt` of a user pool's attribute other
 * than its id (`!GetAtt Pool.Arn`: only `!Ref Pool` and `!GetAtt Pool.UserPoolId` give the id).
 * Only when the file is complete (a fragment may declare the target elsewhere). Ignored: literal
 * ids, `GetAtt` of anything but a user pool of the file (a nested stack's or custom resource's
 * output may well be a pool id), `Sub`, `ImportValue` and anything else without a plain reference,
 * and pseudo parameters (`AWS::...`). Flags the value. The fix points it at the closest user pool.
 */
import type { LocatedValue } from '../model';
import { referenceValue } from '../model/reference-value';
import { schema, spell } from '../schema';
import type { Rule, SemanticFix } from './types';
import { withArticle } from './util/articles';
import { closestNames, editDistance } from './util/attribute-names';
import { USER_POOL_ID, declaredWhere } from './util/resource-links';

/** The attribute of a Terraform user pool that holds its id. */
const TERRAFORM_ID_ATTRIBUTE = 'id';

export const rule: Rule = {
  id: 'user-pool-reference',
  severity: 'error',
  description: 'UserPoolId refers to something that is not a user pool or parameter in the file, or reads an attribute of a user pool other than its id (GetAtt Pool.Arn).',
  fixable: true,
  check(def, ctx) {
    const { file } = ctx;
    const prop = def.properties.get(USER_POOL_ID);
    const value: LocatedValue | undefined = prop?.value;
    if (!prop || !value || value.kind !== 'unknown' || !value.ref) return [];
    const { target, attribute } = value.ref;
    const name = spell([USER_POOL_ID], ctx.spelling);
    // A pool of the file read through an attribute other than its id: `!GetAtt Pool.Arn`,
    // `aws_cognito_user_pool.main.arn` (Terraform's pool id is `id`; `user_pool_id` does not exist).
    const idAttribute = def.surface === 'terraform' ? TERRAFORM_ID_ATTRIBUTE : POOL_ID_ATTRIBUTE;
    if (attribute !== undefined && file.userPools.has(target) && attribute !== idAttribute) {
      const instead = def.surface === 'terraform' ? `${target}.${TERRAFORM_ID_ATTRIBUTE}` : `Ref ${target}`;
      return [{
        message: `${name} takes the user pool's id, but this reads its ${attribute} attribute; refer to the pool's id (${instead}) instead.`,
        span: value.span,
        fixes: [{ title: `Refer to user pool ${target}`, changes: [{ kind: 'set', path: [USER_POOL_ID], value: referenceValue(target) }], isPreferred: true, unambiguous: true }],
      }];
    }
    if (def.surface === 'cloudformation' && attribute !== undefined) return [];
    if (!file.complete || target.includes('::')) return [];
    if (file.userPools.has(target) || file.parameters.has(target)) return [];

    const type = file.resources.get(target);
    // A Terraform reference to something that is not a resource here (a data source, a local, a
    // module output) is left alone unless it names the user pool type itself.
    if (def.surface === 'terraform' && type === undefined && !target.startsWith(schema.relatedTypes.userPool.terraform + '.')) return [];

    const pools = [...file.userPools.keys()];
    const ranked = rankPools(target, pools);
    const fixes = ranked.map((pool, i): SemanticFix => ({
      title: `Refer to user pool ${pool}`,
      changes: [{ kind: 'set', path: [USER_POOL_ID], value: referenceValue(pool) }],
      isPreferred: i === 0,
      unambiguous: pools.length === 1,
    }));
    const what = type !== undefined ? `${target}, which is ${withArticle(type)}, not a user pool` : `${target}, which is not declared ${declaredWhere(ctx.surface)}`;
    const todo = pools.length > 0 ? `refer to a user pool (${ranked.slice(0, 3).join(', ')}) or a parameter instead` : 'declare the user pool or a parameter for its id';
    return [{
      message: `${name} refers to ${what}; ${todo}.`,
      span: value.span,
      fixes: fixes.length ? fixes : undefined,
    }];
  },
};

/** The user pool attribute that is its id (`!GetAtt Pool.UserPoolId`). */
const POOL_ID_ATTRIBUTE = 'UserPoolId';

/** Every pool, the closest to the written target first. */
function rankPools(target: string, pools: string[]): string[] {
  const close = closestNames(target, pools, pools.length).map((s) => s.value);
  const rest = pools
    .filter((p) => !close.includes(p))
    .sort((a, b) => editDistance(target.toLowerCase(), a.toLowerCase()) - editDistance(target.toLowerCase(), b.toLowerCase()) || a.localeCompare(b));
  return [...close, ...rest];
}
