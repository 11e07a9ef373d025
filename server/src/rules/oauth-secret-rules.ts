/** Rules across the properties of one client: OAuth, secrets, security posture, analytics. */
import type { Rule } from './types';

export const oauthSecretRules: Rule[] = [];
