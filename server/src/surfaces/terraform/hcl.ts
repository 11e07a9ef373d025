// PLACEHOLDER until the HCL reader lands (helper tf-hcl replaces this file).
import type { TfFile } from './tree';
export function readHcl(_text: string): TfFile | undefined {
  return { blocks: [], problems: [] };
}
