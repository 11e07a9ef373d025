/**
 * analytics-target: `AnalyticsConfiguration` must name its Amazon Pinpoint project one way:
 * either `ApplicationArn` alone, or `ApplicationId` with `RoleArn` and `ExternalId`. Fires when
 * both or neither of `ApplicationArn` / `ApplicationId` are given, when `ApplicationId` lacks
 * `RoleArn` or `ExternalId`, and when `ApplicationArn` comes with `RoleArn` / `ExternalId`.
 * The Terraform provider enforces this, so there it is an error; whether the API does is not
 * established, so elsewhere it is a warning.
 *
 * A member whose value is not literal may turn out absent (a Terraform `null` variable, an `!If`
 * with `AWS::NoValue`), so it counts neither as present nor as absent and decides nothing; a
 * configuration that is not a literal object is ignored. Terraform's one-element block list is
 * read as the block.
 */
import { member, type LocatedProperty, type LocatedValue, type ObjectValue } from '../model';
import { spell } from '../schema';
import type { Rule, RuleFinding, SemanticChange, SemanticFix } from './types';

const CONFIG = 'AnalyticsConfiguration';
const ARN = 'ApplicationArn';
const ID = 'ApplicationId';
const ROLE = 'RoleArn';
const EXTERNAL = 'ExternalId';

/** Placeholder values the fixes insert for the user to fill in. */
const PLACEHOLDERS: Record<string, string> = {
  [ARN]: 'arn:aws:mobiletargeting:region:account-id:apps/project-id',
  [ROLE]: 'arn:aws:iam::account-id:role/role-name',
  [EXTERNAL]: 'external-id',
};

type Presence = 'present' | 'absent' | 'maybe';

export const rule: Rule = {
  id: 'analytics-target',
  severity: (def) => (def.surface === 'terraform' ? 'error' : 'warning'),
  description: 'AnalyticsConfiguration needs ApplicationArn alone, or ApplicationId with RoleArn and ExternalId.',
  fixable: true,
  check(def, ctx) {
    const prop = def.properties.get(CONFIG);
    const config = prop && objectOf(prop.value);
    if (!prop || !config) return [];
    const at = (name: string) => member(config, name);
    const is = (name: string): Presence => presence(at(name));
    const n = (name: string) => spell([CONFIG, name], ctx.spelling);
    const path = (name: string) => [CONFIG, name];
    const remove = (names: string[]): SemanticChange[] => names.filter((x) => is(x) !== 'absent').map((x) => ({ kind: 'remove', path: path(x) }));
    const insert = (names: string[]): SemanticChange[] => names.map((x) => ({ kind: 'insert', path: path(x), value: PLACEHOLDERS[x], placeholder: true }));
    const arn = is(ARN);
    const id = is(ID);
    const role = is(ROLE);
    const external = is(EXTERNAL);

    if (arn === 'present' && id === 'present') {
      const idComplete = role === 'present' && external === 'present';
      return [{
        message: `${n(ARN)} and ${n(ID)} both name the Pinpoint project; give only one: ${n(ARN)} alone, or ${n(ID)} with ${n(ROLE)} and ${n(EXTERNAL)}.`,
        span: at(ID)!.span,
        fixes: [
          { title: `Keep ${n(ARN)}: remove ${[ID, ROLE, EXTERNAL].filter((x) => is(x) !== 'absent').map(n).join(', ')}`, changes: remove([ID, ROLE, EXTERNAL]), isPreferred: !idComplete },
          { title: `Keep ${n(ID)}: remove ${n(ARN)}`, changes: remove([ARN]), isPreferred: idComplete },
        ],
      }];
    }
    if (arn === 'absent' && id === 'absent') {
      const empty = config.members.length === 0;
      const fixes: SemanticFix[] = [
        { title: `Add ${n(ARN)}`, changes: insert([ARN]), isPreferred: !empty },
        { title: `Remove ${spell([CONFIG], ctx.spelling)}`, changes: [{ kind: 'remove', path: [CONFIG] }], isPreferred: empty },
      ];
      return [{
        message: `${spell([CONFIG], ctx.spelling)} names no Pinpoint project: add ${n(ARN)}, or ${n(ID)} with ${n(ROLE)} and ${n(EXTERNAL)}.`,
        span: prop.keySpan,
        fixes,
      }];
    }
    if (id === 'present' && arn === 'absent') {
      const missing = [ROLE, EXTERNAL].filter((x) => is(x) === 'absent');
      if (missing.length === 0) return [];
      return [{
        message: `${n(ID)} needs ${missing.map(n).join(' and ')} as well (the role Cognito assumes to reach the project). Add ${missing.length > 1 ? 'them' : 'it'}, or use ${n(ARN)} instead.`,
        span: at(ID)!.span,
        fixes: [{ title: `Add ${missing.map(n).join(' and ')}`, changes: insert(missing), isPreferred: true }],
      }];
    }
    if (arn === 'present' && id === 'absent') {
      const extra = [ROLE, EXTERNAL].filter((x) => is(x) === 'present');
      return extra.map((x): RuleFinding => ({
        message: `${n(x)} goes with ${n(ID)}, not with ${n(ARN)} (the ARN form needs no role). Remove ${n(x)}.`,
        span: at(x)!.span,
        fixes: [{ title: `Remove ${extra.map(n).join(' and ')}`, changes: remove(extra), isPreferred: true, unambiguous: true }],
      }));
    }
    return [];
  },
};

/** The configuration object: the value itself, or the only element of a Terraform block list. */
function objectOf(value: LocatedValue): ObjectValue | undefined {
  if (value.kind === 'object') return value;
  if (value.kind === 'list' && value.items.length === 1 && value.items[0].kind === 'object') return value.items[0];
  return undefined;
}

function presence(prop: LocatedProperty | undefined): Presence {
  if (!prop || prop.value.kind === 'null') return 'absent';
  return prop.value.kind === 'unknown' ? 'maybe' : 'present';
}
