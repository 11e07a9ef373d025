/**
 * The cursor context function of a surface (by id), so features reach a surface's half-typed-text
 * analysis without importing the surface itself.
 */
import { surfaceById } from './index';
import type { CursorFunction } from './cursor-types';

export type { CursorContext, CursorFunction, CursorRole, CursorStyle, QuoteState } from './cursor-types';

/** The cursor function of a surface (by its `id`), or undefined when the surface has none. */
export function cursorFor(surfaceId: string): CursorFunction | undefined {
  return surfaceById(surfaceId)?.cursor;
}
