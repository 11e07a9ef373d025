/** Rules across properties of one client (OAuth, auth flows, secrets, attributes) and across resources. */
import type { Rule } from './types';

export const crossFieldRules: Rule[] = [];
