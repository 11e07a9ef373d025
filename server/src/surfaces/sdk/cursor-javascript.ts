// PLACEHOLDER until the JS / TS cursor lands (helper sdk-js replaces this file).
import type { CursorFunction } from '../cursor-types';
export const javascriptCursor: CursorFunction = () => undefined;
