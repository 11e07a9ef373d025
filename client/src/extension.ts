/**
 * The VS Code extension: a thin client. It starts the bundled language server over node IPC (with
 * an inspector port when the extension runs in development), says which documents to send it, and
 * keeps the `cognitoClient` settings in sync. It also runs the two CodeLens commands, which need
 * the editor itself (put the caret on a place and show its hover), and opens the "Convert to ..."
 * code actions' results as untitled documents; the server says what and where.
 * Everything else happens in the server.
 */
import * as path from 'node:path';
import { commands, ExtensionMode, Range, Selection, TextEditorRevealType, Uri, window, workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions, type StaticFeature } from 'vscode-languageclient/node';
import { documentSelector } from './selector';

/** The settings section; the client id, so `cognitoClient.trace.server` traces the protocol. */
const CLIENT_ID = 'cognitoClient';
/** The display name, also the name of the output channel. */
const CLIENT_NAME = 'Cognito User Pool Client';
/** The inspector port of the server in development. */
const DEBUG_PORT = 6009;

/** The CodeLens commands this client runs (the server names them in its lenses when told so). */
const SHOW_SUMMARY = 'cognitoClient.showClientSummary';
const REVEAL_PROBLEM = 'cognitoClient.revealProblem';
/** The "Convert to ..." code actions' command: open the converted client the server wrote as a new untitled document. */
const OPEN_CONVERTED = 'cognitoClient.openConverted';

let client: LanguageClient | undefined;

/** Tells the server, in `capabilities.experimental.cognitoClient`, that this client runs the CodeLens commands. */
const lensCommandsFeature: StaticFeature = {
  fillClientCapabilities(capabilities) {
    capabilities.experimental = { ...(capabilities.experimental as object | undefined), cognitoClient: { commands: [SHOW_SUMMARY, REVEAL_PROBLEM, OPEN_CONVERTED] } };
  },
  initialize() {},
  getState: () => ({ kind: 'static' }),
  clear() {},
};

interface LspPosition {
  line: number;
  character: number;
}

/** Open a converted client (the server's text) as a new untitled document, and say what to fill in. */
async function openConverted(converted: { language: string; content: string; notes?: string[] }): Promise<void> {
  const document = await workspace.openTextDocument({ language: converted.language, content: converted.content });
  await window.showTextDocument(document, { preview: false });
  if (converted.notes && converted.notes.length > 0) void window.showInformationMessage(`Converted. ${converted.notes.join(' ')}`);
}

/** Open the document, put the caret (or the selection) on the range, and show the hover there. */
async function hoverAt(uri: string, start: LspPosition, end: LspPosition = start): Promise<void> {
  const editor = await window.showTextDocument(Uri.parse(uri), { preserveFocus: false });
  const range = new Range(start.line, start.character, end.line, end.character);
  editor.selection = new Selection(range.start, range.start);
  editor.revealRange(range, TextEditorRevealType.InCenterIfOutsideViewport);
  await commands.executeCommand('editor.action.showHover');
}

export async function activate(context: ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server', 'server.js'));
  const development = context.extensionMode === ExtensionMode.Development;
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', `--inspect=${DEBUG_PORT}`] },
    },
  };

  const outputChannel = window.createOutputChannel(CLIENT_NAME, { log: true });
  context.subscriptions.push(outputChannel);

  const clientOptions: LanguageClientOptions = {
    documentSelector,
    synchronize: { configurationSection: CLIENT_ID },
    outputChannel,
  };

  client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions, development);
  client.registerFeature(lensCommandsFeature);

  context.subscriptions.push(
    // The client's summary: the hover of its name. Arguments: the document uri and the name's position.
    commands.registerCommand(SHOW_SUMMARY, (uri: string, position: LspPosition) => hoverAt(uri, position)),
    // A problem: the caret on it and its hover (the diagnostic with its quick fixes). Arguments: uri, range.
    commands.registerCommand(REVEAL_PROBLEM, (uri: string, range: { start: LspPosition; end: LspPosition }) => hoverAt(uri, range.start, range.end)),
    // A "Convert to ..." code action: a new untitled document. Argument: { language, content, notes }.
    commands.registerCommand(OPEN_CONVERTED, openConverted),
  );

  context.subscriptions.push(
    commands.registerCommand('cognitoClient.restartServer', async () => {
      if (!client) return;
      outputChannel.info('Restarting the language server');
      try {
        await (client.isRunning() ? client.restart() : client.start());
      } catch (error) {
        outputChannel.error(`Restart failed: ${error instanceof Error ? error.message : String(error)}`);
        void window.showErrorMessage(`${CLIENT_NAME}: the language server could not be restarted (see the output channel).`);
      }
    }),
  );

  await client.start();
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) await running.stop();
}
