/**
 * Every rule, in the order they run. One rule per file in this folder; the file name is the id.
 */
import { flowAttributeResourceRules } from './flow-attribute-resource-rules';
import { oauthSecretRules } from './oauth-secret-rules';
import { shapeRules } from './shape-rules';
import type { Rule } from './types';

export const rules: Rule[] = [...shapeRules, ...oauthSecretRules, ...flowAttributeResourceRules];

/** A rule by id. */
export function ruleById(id: string): Rule | undefined {
  return rules.find((r) => r.id === id);
}
