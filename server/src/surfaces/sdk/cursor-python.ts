// PLACEHOLDER until the Python cursor lands (helper sdk-python replaces this file).
import type { CursorFunction } from '../cursor-types';
export const pythonCursor: CursorFunction = () => undefined;
