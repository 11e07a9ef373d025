/**
 * The VS Code extension: a thin client. It starts the bundled language server over node IPC (with
 * an inspector port when the extension runs in development), says which documents to send it, and
 * keeps the `cognitoClient` settings in sync. Everything else happens in the server.
 */
import * as path from 'node:path';
import { commands, ExtensionMode, window, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { documentSelector } from './selector';

/** The settings section; the client id, so `cognitoClient.trace.server` traces the protocol. */
const CLIENT_ID = 'cognitoClient';
/** The display name, also the name of the output channel. */
const CLIENT_NAME = 'Cognito User Pool Client';
/** The inspector port of the server in development. */
const DEBUG_PORT = 6009;

let client: LanguageClient | undefined;

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
