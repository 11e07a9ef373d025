/**
 * Converting clients from any surface into any other: the targets, and `convertClients`, a pure
 * function from client definitions (the common model) to the text of a new document.
 *
 * `compareConversion` reads a conversion back with its target's surface and lists where the
 * effective client differs from the source's (the CLI and the editor say so next to the text).
 */
import type { ClientDefinition } from '../model';
import { parseDocument } from '../surfaces';
import { boto3, sdkTypeScript } from './code';
import { cdkPython, cdkTypeScript } from './cdk';
import { cliInputJson, cloudFormationJson, cloudFormationYaml, terraformHcl, terraformJson, type Written } from './declarative';
import { effectiveSettings, settingsOf, type ClientSettings } from './settings';

export { effectiveSettings, settingsOf, type ClientSettings } from './settings';

export interface Target {
  id: string;
  /** What the code action says: `Convert to <title>`. */
  title: string;
  /** The language of the new document. */
  languageId: string;
  /** A file name the text reads as (for the CLI and the read-back). */
  fileName: string;
  write(clients: ClientSettings[]): Written;
}

export const TARGETS: readonly Target[] = [
  { id: 'cloudformation-yaml', title: 'CloudFormation YAML', languageId: 'yaml', fileName: 'template.yaml', write: cloudFormationYaml },
  { id: 'cloudformation-json', title: 'CloudFormation JSON', languageId: 'json', fileName: 'template.json', write: cloudFormationJson },
  { id: 'terraform', title: 'Terraform', languageId: 'terraform', fileName: 'main.tf', write: terraformHcl },
  { id: 'terraform-json', title: 'Terraform JSON', languageId: 'json', fileName: 'main.tf.json', write: terraformJson },
  { id: 'sdk-typescript', title: 'SDK v3 (TypeScript)', languageId: 'typescript', fileName: 'client.ts', write: sdkTypeScript },
  { id: 'boto3', title: 'boto3', languageId: 'python', fileName: 'client.py', write: boto3 },
  { id: 'cdk-typescript', title: 'CDK (TypeScript)', languageId: 'typescript', fileName: 'stack.ts', write: cdkTypeScript },
  { id: 'cdk-python', title: 'CDK (Python)', languageId: 'python', fileName: 'stack.py', write: cdkPython },
  { id: 'cli-input-json', title: 'CLI input JSON', languageId: 'json', fileName: 'client.json', write: cliInputJson },
];

export function targetById(id: string): Target | undefined {
  return TARGETS.find((t) => t.id === id);
}

export interface Conversion {
  target: Target;
  text: string;
  /** What the reader must know: placeholders to fill in, settings the target cannot express. */
  notes: string[];
  /** What the source held that no target takes (output-only members). */
  dropped: string[];
}

/** Convert client definitions into one document of the target. Throws only for what the target cannot hold (several clients in one request). */
export function convertClients(defs: readonly ClientDefinition[], target: Target): Conversion {
  const settings = defs.map(settingsOf);
  const written = target.write(settings);
  return { target, text: written.text, notes: written.notes, dropped: settings.flatMap((s) => s.dropped.map((d) => `${s.name}: ${d}`)) };
}

/** The client definitions a conversion's text reads as, with its target's surface (undefined when none reads it). */
export function readBack(conversion: Pick<Conversion, 'target' | 'text'>): ClientDefinition[] | undefined {
  const parsed = parseDocument({ uri: `untitled:/converted/${conversion.target.fileName}`, languageId: conversion.target.languageId, text: conversion.text, siblings: [] });
  if (!parsed) return undefined;
  // The CDK targets: the L2 construct's derived client, not the pool it is given.
  return parsed.model.clients;
}

/** Where the effective client of each converted definition differs from its source's: `Name.Property` entries. */
export function compareConversion(defs: readonly ClientDefinition[], conversion: Pick<Conversion, 'target' | 'text'>): string[] | undefined {
  const back = readBack(conversion);
  return back && compareClients(defs, back);
}

/** Where the effective clients of two lists of definitions (in order) differ: `Name.Property` entries. */
export function compareClients(defs: readonly ClientDefinition[], back: readonly ClientDefinition[]): string[] {
  if (back.length !== defs.length) return [`the converted text reads as ${back.length} clients, not ${defs.length}`];
  const out: string[] = [];
  defs.forEach((def, i) => {
    const a = effectiveSettings(settingsOf(def).values);
    const b = effectiveSettings(settingsOf(back[i]).values);
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) out.push(`${def.name}.${key}`);
    }
  });
  return out;
}
