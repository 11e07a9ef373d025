/** Rules about the shape of single properties (schema-driven) and token lifetimes. */
import type { Rule } from './types';

export const shapeRules: Rule[] = [];
