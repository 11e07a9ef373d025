/**
 * The "Convert to ..." code actions: on any client of any surface, one action per conversion
 * target (../convert), each opening the converted client in a new untitled document of the
 * target's language. An editor whose client runs `CONVERT_CLIENT_COMMAND` itself (the VS Code
 * client says so in `capabilities.experimental.cognitoClient.commands`) gets the text in the
 * command's arguments; any other editor gets `CONVERT_SERVER_COMMAND`, which the server carries
 * out on `workspace/executeCommand` (./../server.ts) with `convertedAt`.
 *
 * Pure: no LSP connection here.
 */
import { CodeActionKind, type CodeAction, type Position, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { convertClients, TARGETS, targetById, type Conversion } from '../convert';
import type { ClientDefinition, DocumentModel } from '../model';
import { spanContains } from '../model';

/** The command the VS Code client runs: open `{ language, content }` as an untitled document. */
export const CONVERT_CLIENT_COMMAND = 'cognitoClient.openConverted';
/** The command the server runs for other editors: `[uri, position, targetId]`. */
export const CONVERT_SERVER_COMMAND = 'cognitoClient.server.convertClient';
/** The code action kind of the conversions. */
export const CONVERT_KIND = `${CodeActionKind.RefactorRewrite}.cognito.convert`;

/** What the VS Code client's command receives. */
export interface ConvertedDocument {
  language: string;
  content: string;
  /** What the reader of the result must know (inputs to fill in, what could not be written). */
  notes: string[];
}

/** The client whose definition holds the range's start (the innermost, when nested). */
function clientIn(document: TextDocument, model: DocumentModel, position: Position): ClientDefinition | undefined {
  const offset = document.offsetAt(position);
  let best: ClientDefinition | undefined;
  for (const c of model.clients) {
    if (spanContains(c.span, offset) && (!best || c.span.end - c.span.start < best.span.end - best.span.start)) best = c;
  }
  return best;
}

/** Whether a code action request asks for the conversions (no `only`, or a kind they fall under). */
function wanted(only: readonly string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return only.some((k) => CONVERT_KIND === k || CONVERT_KIND.startsWith(`${k}.`));
}

/** The conversion actions for the client at a range; empty when there is no client there. */
export function convertCodeActions(document: TextDocument, model: DocumentModel, range: Range, options: { clientOpens: boolean; only?: readonly string[] }): CodeAction[] {
  if (!wanted(options.only)) return [];
  const def = clientIn(document, model, range.start);
  if (!def) return [];
  const actions: CodeAction[] = [];
  for (const target of TARGETS) {
    const title = `Convert to ${target.title}`;
    if (options.clientOpens) {
      let conversion: Conversion;
      try {
        conversion = convertClients([def], target);
      } catch {
        continue;
      }
      const converted: ConvertedDocument = { language: target.languageId, content: conversion.text, notes: [...conversion.dropped, ...conversion.notes] };
      actions.push({ title, kind: CONVERT_KIND, command: { title, command: CONVERT_CLIENT_COMMAND, arguments: [converted] } });
    } else {
      actions.push({ title, kind: CONVERT_KIND, command: { title, command: CONVERT_SERVER_COMMAND, arguments: [document.uri, range.start, target.id] } });
    }
  }
  return actions;
}

/** The converted client at a position for a target id (the server command's work); undefined when there is none. */
export function convertedAt(document: TextDocument, model: DocumentModel, position: Position, targetId: string): ConvertedDocument | undefined {
  const target = targetById(targetId);
  const def = clientIn(document, model, position);
  if (!target || !def) return undefined;
  const conversion = convertClients([def], target);
  return { language: target.languageId, content: conversion.text, notes: [...conversion.dropped, ...conversion.notes] };
}
