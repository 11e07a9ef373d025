/** Rules on authentication flows and attributes, and rules across resources in one file. */
import type { Rule } from './types';

export const flowAttributeResourceRules: Rule[] = [];
