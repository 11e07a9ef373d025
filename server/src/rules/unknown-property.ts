/**
 * unknown-property: a key that is not a property at its level (the definition's body, or a nested
 * object such as `TokenValidityUnits`) in the definition's spelling, or a property that this
 * write context does not accept. Suggests the closest known names: by case and separators, by
 * edit distance, and another surface's spelling of a property (`callback_urls` in a template).
 *
 * Ignores read-only properties and create-only properties in an update (read-only-property and
 * create-only-in-update report those), bodies and objects that are unknown as a whole.
 */
import { propertyAt, type ClientDefinition, type Spelling } from '../model';
import { membersAt, spell, spellPath } from '../schema';
import type { Rule, RuleFinding, SemanticFix } from './types';
import { walkContextOf, walkShape, type MemberSite, type WalkContext } from './util/schema-walk';
import { suggestProperties } from './util/shape-suggest';
import { andList, contextLabel, orList } from './util/shape-text';

const SPELLING_NAMES: Record<Spelling, string> = {
  cloudformation: 'CloudFormation',
  api: 'API',
  terraform: 'Terraform',
  cdk: 'CDK',
  cdkPython: 'CDK (Python)',
};

function where(site: MemberSite, wc: WalkContext): string {
  if (site.parentPath.length > 0) return `a member of ${spellPath(site.parentPath, wc.spelling)}`;
  return `a user pool client property in ${contextLabel(wc.context)}`;
}

/** The finding for a name that is not a property at its level. */
function unknownName(site: MemberSite, wc: WalkContext, def: ClientDefinition): RuleFinding {
  const written = site.member.name;
  const suggestions = suggestProperties(written, site.parentPath, wc);
  const spelled = (canonical: string) => spell([...site.parentPath, canonical], wc.spelling);
  let message = `${written} is not ${where(site, wc)}`;
  if (suggestions.length > 0) {
    const first = suggestions[0];
    const prop = membersAt(site.parentPath)?.[first.canonical];
    const other = prop && (Object.keys(prop.names) as Spelling[]).find((s) => prop.names[s] === written && s !== wc.spelling);
    message += other
      ? `; that is the ${SPELLING_NAMES[other]} spelling, write ${spelled(first.canonical)} here.`
      : `; did you mean ${orList(suggestions.map((s) => spelled(s.canonical)))}?`;
  } else if (site.parentPath.length > 0) {
    const known = Object.values(membersAt(site.parentPath) ?? {}).map((p) => p.names[wc.spelling]).filter((n): n is string => !!n);
    message += `; its members are ${andList(known)}. Remove it or correct the name.`;
  } else {
    message += '; remove it or correct the name.';
  }
  const fixes: SemanticFix[] = suggestions.map((s, i) => ({
    title: `Rename to ${spelled(s.canonical)}`,
    changes: [{ kind: 'renameKey', keySpan: site.member.keySpan, to: s.canonical }],
    isPreferred: i === 0,
    // Not when the right name is already there too: renaming would write the key twice.
    unambiguous: i === 0 && s.certain && suggestions.length === 1 && !propertyAt(def, [...site.parentPath, s.canonical]),
  }));
  return { message, span: site.member.keySpan, fixes };
}

/** The finding for a property this context does not accept. */
function notAccepted(site: MemberSite, wc: WalkContext): RuleFinding {
  const name = spellPath(site.path!, wc.spelling);
  const accepted = site.schema?.inputIn ?? [];
  const also = accepted.length > 0 ? `; only ${orList(accepted.map(contextLabel))} accepts it` : '';
  const fixes: SemanticFix[] = site.addressable
    ? [{ title: `Remove ${name}`, changes: [{ kind: 'remove', path: site.path! }], isPreferred: true, unambiguous: true }]
    : [];
  return { message: `${name} is not accepted in ${contextLabel(wc.context)}${also}. Remove it.`, span: site.member.keySpan, fixes };
}

export const rule: Rule = {
  id: 'unknown-property',
  severity: 'error',
  description: 'A property name that does not exist for this surface and operation (with the closest known name as a fix).',
  fixable: true,
  check(def) {
    const wc = walkContextOf(def);
    const out: RuleFinding[] = [];
    walkShape(def, {
      member(site) {
        if (site.status === 'unknown') out.push(unknownName(site, wc, def));
        else if (site.status === 'not-input') out.push(notAccepted(site, wc));
      },
    }, wc);
    return out;
  },
};
