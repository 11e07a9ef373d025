/**
 * An in-process session for the protocol tests: the server's connection and a test client joined
 * by a pair of streams, initialized with the given capabilities.
 */
import { PassThrough } from 'node:stream';
import { createConnection, StreamMessageReader, StreamMessageWriter, type ClientCapabilities, type InitializeResult } from 'vscode-languageserver/node';
import { startServer, type ServerOptions } from '../../server/src/server';
import { analyse } from '../../server/src/service';
import { LspTestClient } from '../support/lsp-client';

export interface Session {
  client: LspTestClient;
  initializeResult: InitializeResult;
  /** How many times the server analysed a document (parse + rules). */
  analyses: () => number;
  close: () => void;
}

/** Start a server in-process and a test client wired to it; initialize with `capabilities`. */
export async function startSession(
  capabilities: ClientCapabilities,
  options: { settings?: Record<string, unknown>; initializationOptions?: unknown; server?: ServerOptions } = {},
): Promise<Session> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  let analyses = 0;
  const inner = options.server?.analyse ?? analyse;
  const serverConnection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  startServer(serverConnection, {
    analyse: (doc, engine, onRuleError) => {
      analyses++;
      return inner(doc, engine, onRuleError);
    },
  });
  const client = new LspTestClient(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  if (options.settings) client.settings = options.settings;
  const initializeResult = await client.initialize(capabilities, { initializationOptions: options.initializationOptions });
  return {
    client,
    initializeResult,
    analyses: () => analyses,
    close: () => {
      client.dispose();
      serverConnection.dispose();
      toServer.end();
      toClient.end();
    },
  };
}

/** Run `body` with a session, closing it afterwards whatever happens. */
export async function withSession(capabilities: ClientCapabilities, body: (s: Session) => Promise<void>, options: Parameters<typeof startSession>[1] = {}): Promise<void> {
  const session = await startSession(capabilities, options);
  try {
    await body(session);
  } finally {
    session.close();
  }
}
