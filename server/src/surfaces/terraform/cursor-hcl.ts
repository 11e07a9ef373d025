// PLACEHOLDER until the HCL cursor lands (helper tf-hcl replaces this file).
import type { CursorFunction } from '../cursor-types';
export const hclCursor: CursorFunction = () => undefined;
