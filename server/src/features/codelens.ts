/**
 * CodeLenses above every user pool client, as a pure function over the document, its model and
 * its findings: one line with the client's effective settings (OAuth grants, secret, token
 * lifetimes, defaults applied, `?` where a value cannot be told) and the number of problems the
 * document's findings report for that client (after suppressions and severity settings).
 *
 * Two lenses share the line: the settings, which open the summary hover of the client's name, and
 * the problem count, which reveals the client's first problem. Their commands are either the
 * editor's own (the VS Code client registers `cognitoClient.showClientSummary` and
 * `cognitoClient.revealProblem` and says so in its capabilities), or the server's, which any editor
 * runs through `workspace/executeCommand` (the server then moves the editor with
 * `window/showDocument` and writes the summary or the problem with `window/showMessage`).
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeLens, Command, Position, Range } from 'vscode-languageserver-types';
import { spanContains, type ClientDefinition, type DocumentModel } from '../model';
import { UNKNOWN } from '../model/values';
import type { Finding } from '../rules/types';
import { rangeOf } from './diagnostics';
import { clientFacts, type ClientFacts, type TokenFacts } from './summary';

/** The commands the VS Code client registers itself (arguments: uri, then a position or a range). */
export const CLIENT_COMMANDS = {
  showSummary: 'cognitoClient.showClientSummary',
  revealProblem: 'cognitoClient.revealProblem',
} as const;

/** The commands the server runs on `workspace/executeCommand`, for editors without the client's. */
export const SERVER_COMMANDS = {
  showSummary: 'cognitoClient.server.showClientSummary',
  revealProblem: 'cognitoClient.server.revealProblem',
} as const;

export interface CodeLensOptions {
  /** The editor runs `CLIENT_COMMANDS` itself; otherwise the lenses carry `SERVER_COMMANDS`. */
  clientCommands: boolean;
  /** Whether to count problems (not when validation is off: the editor shows none). */
  countProblems: boolean;
}

/** A lifetime in a few characters: `1 h`, `30 d`, `90 min`, `45 s`. */
export function shortDuration(seconds: number): string {
  const units: [number, string][] = [
    [86400, 'd'],
    [3600, 'h'],
    [60, 'min'],
  ];
  for (const [size, unit] of units) if (seconds >= size && Number.isInteger(seconds / size)) return `${seconds / size} ${unit}`;
  return `${Math.round(seconds * 100) / 100} s`;
}

const SHORT_NOUNS: Record<string, string> = { 'access token': 'access', 'ID token': 'ID', 'refresh token': 'refresh' };

function tokenText(token: TokenFacts): string {
  const noun = SHORT_NOUNS[token.noun] ?? token.noun;
  return `${noun} ${token.duration ? shortDuration(token.duration.seconds) : '?'}`;
}

function oauthText(facts: ClientFacts): string {
  const oauth = facts.oauth;
  if (oauth.state === 'off') return 'no OAuth';
  if (oauth.state === 'unknown') return 'OAuth ?';
  if (oauth.flowsUnknown) return 'OAuth flows ?';
  const parts = [...oauth.flows];
  if (oauth.more) parts.push('?');
  return parts.length ? parts.join(' + ') : 'OAuth, no flows';
}

function secretText(facts: ClientFacts): string {
  if (facts.secret === UNKNOWN) return 'secret ?';
  return facts.secret ? 'secret' : 'no secret';
}

/** The settings part of the lens: `code · no secret · access 1 h · ID 1 h · refresh 30 d`. */
export function clientLensText(def: ClientDefinition): string {
  const facts = clientFacts(def);
  if (!facts.known) return 'settings ?';
  return [oauthText(facts), secretText(facts), ...facts.tokens.map(tokenText)].join(' · ');
}

/** `no problems`, `1 problem`, `3 problems`. */
export function problemsText(count: number): string {
  return count === 0 ? 'no problems' : `${count} problem${count === 1 ? '' : 's'}`;
}

/** The findings about each client of the model, by client index, in document order. */
export function findingsByClient(model: DocumentModel, findings: readonly Finding[]): Finding[][] {
  const out: Finding[][] = model.clients.map(() => []);
  for (const f of findings) {
    // The engine says which client a finding is about; a finding made elsewhere falls back to the client around it.
    const index = f.client ?? model.clients.findIndex((c) => spanContains(c.span, f.span.start));
    if (index >= 0 && index < out.length) out[index].push(f);
  }
  for (const list of out) list.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return out;
}

function command(title: string, id: string, uri: string, at: Position | Range): Command {
  return { title, command: id, arguments: [uri, at] };
}

/** The CodeLenses of a document: for each client, its settings and (when counted) its problems. */
export function getCodeLenses(document: TextDocument, model: DocumentModel, findings: readonly Finding[], options: CodeLensOptions): CodeLens[] {
  const commands = options.clientCommands ? CLIENT_COMMANDS : SERVER_COMMANDS;
  const byClient = findingsByClient(model, findings);
  const lenses: CodeLens[] = [];
  model.clients.forEach((def, index) => {
    const range = rangeOf(document, def.nameSpan);
    lenses.push({ range, command: command(clientLensText(def), commands.showSummary, document.uri, range.start) });
    if (!options.countProblems) return;
    const own = byClient[index];
    const title = problemsText(own.length);
    lenses.push({
      range,
      command: own.length ? command(title, commands.revealProblem, document.uri, rangeOf(document, own[0].span)) : command(title, commands.showSummary, document.uri, range.start),
    });
  });
  return lenses;
}

/** The client whose name (or type) is at a position, for the summary command. */
export function clientAt(document: TextDocument, model: DocumentModel, position: Position): ClientDefinition | undefined {
  const offset = document.offsetAt(position);
  return model.clients.find((c) => spanContains(c.nameSpan, offset)) ?? model.clients.find((c) => spanContains(c.span, offset));
}
