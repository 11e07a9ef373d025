// PLACEHOLDER until the Terraform JSON edit builder lands (helper tf-json replaces this file).
import type { EditBuilder } from '../types';
export const terraformJsonEdits: EditBuilder = () => undefined;
