// PLACEHOLDER until the HCL edit builder lands (helper tf-hcl replaces this file).
import type { EditBuilder } from '../types';
export const hclEdits: EditBuilder = () => undefined;
