// PLACEHOLDER until the Python edit builder lands (helper sdk-python replaces this file).
import type { EditBuilder } from '../types';
export const pythonEdits: EditBuilder = () => undefined;
