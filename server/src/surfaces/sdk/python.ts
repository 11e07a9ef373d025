// PLACEHOLDER until the Python reader lands (helper sdk-python replaces this file).
import type { SdkFile } from './tree';
export function readPython(_text: string): SdkFile | undefined {
  return { calls: [], problems: [] };
}
