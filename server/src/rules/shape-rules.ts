/** Rules about the shape of single properties (schema-driven) and token lifetimes. */
import { rule as createOnlyInUpdate } from './create-only-in-update';
import { rule as duplicateKey } from './duplicate-key';
import { rule as duplicateValue } from './duplicate-value';
import { rule as invalidEnumValue } from './invalid-enum-value';
import { rule as invalidLength } from './invalid-length';
import { rule as invalidPattern } from './invalid-pattern';
import { rule as invalidType } from './invalid-type';
import { rule as missingRequired } from './missing-required';
import { rule as outOfRange } from './out-of-range';
import { rule as readOnlyProperty } from './read-only-property';
import { rule as refreshTokenValidityZero } from './refresh-token-validity-zero';
import { rule as tokenOutlivesRefresh } from './token-outlives-refresh';
import { rule as tokenValidityRange } from './token-validity-range';
import type { Rule } from './types';
import { rule as unknownProperty } from './unknown-property';

export const shapeRules: Rule[] = [
  unknownProperty,
  duplicateKey,
  invalidType,
  invalidEnumValue,
  outOfRange,
  invalidLength,
  invalidPattern,
  missingRequired,
  duplicateValue,
  readOnlyProperty,
  createOnlyInUpdate,
  tokenValidityRange,
  refreshTokenValidityZero,
  tokenOutlivesRefresh,
];
