/**
 * The code surfaces: SDK calls (JS / TS SDK v3 commands, v2 methods, boto3) and the CDK L1
 * `CfnUserPoolClient`, read through tree-sitter. Each reader turns its language into the calls of
 * ./tree.ts; ./model.ts gives both the same semantics. A file that mentions none of the calls is
 * never parsed, and its grammar never loaded.
 */
import type { DocumentModel } from '../../model';
import { OutOfTime, outOfTimeMessage, timeLeftMs } from '../../budget';
import { grammarState, loadGrammar, type GrammarName } from '../tree-sitter';
import type { SourceDocument, Surface } from '../types';
import { javascriptCursor } from './cursor-javascript';
import { pythonCursor } from './cursor-python';
import { javascriptEdits } from './edits-javascript';
import { pythonEdits } from './edits-python';
import { readJavaScript, type JsDialect } from './javascript';
import { CALL_MARKER, emptySdkModel, sdkModel } from './model';
import { readPython } from './python';
import { pythonWithoutDefinitions, pythonWithoutDefinitionsBut, sdkWithoutDefinitions, sdkWithoutDefinitionsBut } from './reduce';
import { javascriptSuppressions, pythonSuppressions } from './suppressions';
import type { SdkFile } from './tree';

/** The path part of a URI, lower-case (no query or fragment). */
function pathOf(uri: string): string {
  return uri.replace(/[?#].*$/, '').toLowerCase();
}

const JS_LANGUAGES: Record<string, JsDialect> = { javascript: 'javascript', javascriptreact: 'javascript', typescript: 'typescript', typescriptreact: 'tsx' };

/** The grammar a JS / TS document is read with. */
export function dialectOf(doc: Pick<SourceDocument, 'uri' | 'languageId'>): JsDialect | undefined {
  const path = pathOf(doc.uri);
  if (/\.tsx$/.test(path)) return 'tsx';
  if (/\.(ts|mts|cts)$/.test(path)) return 'typescript';
  if (/\.(js|mjs|cjs|jsx)$/.test(path)) return 'javascript';
  return JS_LANGUAGES[doc.languageId];
}

function isPython(doc: Pick<SourceDocument, 'uri' | 'languageId'>): boolean {
  return doc.languageId === 'python' || /\.pyi?$/.test(pathOf(doc.uri));
}

/** Read a document with a reader and build the model; never throws. */
function parseWith(grammar: GrammarName, read: (text: string) => SdkFile | undefined, doc: SourceDocument): DocumentModel {
  if (!CALL_MARKER.test(doc.text)) return emptySdkModel();
  try {
    const file = read(doc.text);
    if (!file) {
      const state = grammarState(grammar);
      // With the grammar loaded, no file means the parse was given up (the parse time-out): its
      // clients are not checked, which the CLI and the editor must say (found by the fuzz harness).
      if (state === 'ready' && timeLeftMs() <= 0) return emptySdkModel([{ message: outOfTimeMessage('This file'), span: { start: 0, end: 0 }, unread: true }]);
      if (state === 'ready') return emptySdkModel([{ message: `This file was not read: the ${grammar} parse took too long or failed. Its Cognito clients are not checked.`, span: { start: 0, end: 0 }, unread: true }]);
      const why = state === 'failed' ? `the ${grammar} parser could not be loaded` : `the ${grammar} parser is not loaded yet`;
      return emptySdkModel([{ message: `This file was not read: ${why}.`, span: { start: 0, end: 0 } }]);
    }
    return sdkModel(doc.text, file);
  } catch (error) {
    if (error instanceof OutOfTime) throw error; // the surface says so (surfaces/index.ts)
    return emptySdkModel([{ message: `The file could not be read: ${error instanceof Error ? error.message : String(error)}`, span: { start: 0, end: 0 } }]);
  }
}

function prepareGrammar(grammar: GrammarName | undefined, doc: SourceDocument): Promise<void> | undefined {
  if (!grammar || grammarState(grammar) !== 'absent' || !CALL_MARKER.test(doc.text)) return undefined;
  return loadGrammar(grammar).then(() => undefined);
}

/** JavaScript and TypeScript: SDK v3 commands, v2 methods, the CDK L1 construct. */
export const javascriptSurface: Surface = {
  kind: 'sdk',
  id: 'sdk-javascript',
  files: [
    { suffix: '.js', languageId: 'javascript' },
    { suffix: '.mjs', languageId: 'javascript' },
    { suffix: '.cjs', languageId: 'javascript' },
    { suffix: '.jsx', languageId: 'javascriptreact' },
    { suffix: '.ts', languageId: 'typescript' },
    { suffix: '.mts', languageId: 'typescript' },
    { suffix: '.cts', languageId: 'typescript' },
    { suffix: '.tsx', languageId: 'typescriptreact' },
  ],
  languageIds: ['javascript', 'javascriptreact', 'typescript', 'typescriptreact'],
  accepts: (doc) => dialectOf(doc) !== undefined && !/\.d\.[mc]?ts$/.test(pathOf(doc.uri)),
  parse: (doc) => {
    const dialect = dialectOf(doc) ?? 'typescript';
    return parseWith(dialect, (text) => readJavaScript(text, dialect), doc);
  },
  withoutDefinitions: sdkWithoutDefinitions,
  withoutDefinitionsBut: sdkWithoutDefinitionsBut,
  prepare: (doc) => prepareGrammar(dialectOf(doc), doc),
  edits: javascriptEdits,
  cursor: javascriptCursor,
  suppressions: javascriptSuppressions,
};

/** Python: boto3 calls, the CDK L1 construct. */
export const pythonSurface: Surface = {
  kind: 'sdk',
  id: 'sdk-python',
  files: [{ suffix: '.py', languageId: 'python' }],
  languageIds: ['python'],
  accepts: (doc) => isPython(doc),
  parse: (doc) => ({ ...parseWith('python', readPython, doc), literals: 'python' }),
  withoutDefinitions: pythonWithoutDefinitions,
  withoutDefinitionsBut: pythonWithoutDefinitionsBut,
  prepare: (doc) => prepareGrammar('python', doc),
  edits: pythonEdits,
  cursor: pythonCursor,
  suppressions: pythonSuppressions,
};
