// PLACEHOLDER until the JS / TS edit builder lands (helper sdk-js replaces this file).
import type { EditBuilder } from '../types';
export const javascriptEdits: EditBuilder = () => undefined;
