// PLACEHOLDER until the Terraform JSON cursor lands (helper tf-json replaces this file).
import type { CursorFunction } from '../cursor-types';
export const terraformJsonCursor: CursorFunction = () => undefined;
