/**
 * The registry of suppression support by surface id: how each surface finds the suppressions
 * written in a document (comments, resource metadata), which comment marker its line directive
 * uses, and how it writes a resource-level one. A surface added later registers here (HCL and
 * Python with `#`, JS/TS with `//`), and the language server and the CLI pick it up through
 * `../analysis.ts` and the code actions.
 */
import type { ClientDefinition, DocumentModel } from '../model';
import type { Suppression } from '../suppress';
import { jsonSuppressions, resourceIgnoreEdits, yamlSuppressions } from './cloudformation/suppressions';
import type { SourceDocument, SpanEdit } from './types';
import { withLfBreaks } from './line-breaks';

export interface SuppressionSupport {
  /** Every suppression written in the document. Never throws. */
  read(doc: SourceDocument, model: DocumentModel): Suppression[];
  /**
   * The line comment marker for `cognito-client-disable-next-line` (`#`, `//`); absent when the
   * syntax has no comments the tools it feeds accept (JSON templates).
   */
  lineComment?: string;
  /**
   * The edits that make a definition ignore a rule at resource level; `[]` when it already does,
   * undefined when it cannot be written safely. Absent when the surface has no such place.
   */
  ignoreInDefinition?(doc: SourceDocument, def: ClientDefinition, ruleId: string): SpanEdit[] | undefined;
}

/** Whether a document handed to the JSON surface is really YAML (a `.template` file may be either). */
function yamlText(text: string): boolean {
  const first = /\S/.exec(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  return first !== null && !['{', '[', '/'].includes(first[0]);
}

const cloudFormationYaml: SuppressionSupport = {
  read: yamlSuppressions,
  lineComment: '#',
  ignoreInDefinition: (doc, def, ruleId) => resourceIgnoreEdits(doc, def, ruleId, 'yaml'),
};

const cloudFormationJson: SuppressionSupport = {
  read: jsonSuppressions,
  ignoreInDefinition: (doc, def, ruleId) => resourceIgnoreEdits(doc, def, ruleId, 'json'),
};

const registry: Record<string, SuppressionSupport> = {
  'cloudformation-yaml': cloudFormationYaml,
  // The JSON surface reads a YAML `.template` file as YAML; so are its suppressions.
  'cloudformation-json': {
    read: (doc, model) => (yamlText(doc.text) ? yamlSuppressions(doc, model) : jsonSuppressions(doc, model)),
    ignoreInDefinition: (doc, def, ruleId) => (yamlText(doc.text) ? cloudFormationYaml : cloudFormationJson).ignoreInDefinition!(doc, def, ruleId),
  },
};

/** The suppression support of a surface, for a document (the marker may depend on its text). */
export function suppressionSupport(surfaceId: string, doc: SourceDocument): SuppressionSupport | undefined {
  const support = registry[surfaceId];
  if (!support) return undefined;
  if (surfaceId === 'cloudformation-json' && yamlText(doc.text)) return { ...support, lineComment: '#' };
  return support;
}

/** Every suppression written in a document read by `surfaceId`; `[]` for a surface without support. Never throws. */
export function readSuppressions(surfaceId: string, doc: SourceDocument, model: DocumentModel): Suppression[] {
  const support = registry[surfaceId];
  if (!support) return [];
  try {
    // Comments are found line by line: lone CRs (classic Mac) read as the line breaks they are.
    return support.read({ ...doc, text: withLfBreaks(doc.text) }, model);
  } catch {
    return []; // a reader bug costs the suppressions, never the analysis
  }
}
