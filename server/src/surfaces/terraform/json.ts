// PLACEHOLDER until the Terraform JSON reader lands (helper tf-json replaces this file).
import type { TfFile } from './tree';
export function readTerraformJson(_text: string): TfFile {
  return { blocks: [], problems: [] };
}
