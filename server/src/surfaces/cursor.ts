/**
 * The cursor context functions by surface id, so features reach a surface's half-typed-text
 * analysis without importing the surface itself.
 */
import { cloudFormationJsonCursor, cloudFormationYamlCursor } from './cloudformation/cursor';
import type { CursorFunction } from './cursor-types';

export type { CursorContext, CursorFunction, CursorRole, CursorStyle, QuoteState } from './cursor-types';

const registry: Record<string, CursorFunction> = {
  'cloudformation-yaml': cloudFormationYamlCursor,
  'cloudformation-json': cloudFormationJsonCursor,
};

/** The cursor function of a surface (by its `id`), or undefined when the surface has none. */
export function cursorFor(surfaceId: string): CursorFunction | undefined {
  return Object.prototype.hasOwnProperty.call(registry, surfaceId) ? registry[surfaceId] : undefined;
}
