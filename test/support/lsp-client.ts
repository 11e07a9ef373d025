/**
 * A small LSP test client over JSON-RPC: it plays the editor for the protocol tests. It answers
 * the server's requests (`workspace/configuration` from a settings object, capability
 * registration, diagnostic refresh), records every notification, and lets a test wait for a
 * condition on what arrived: each incoming message re-checks the waiting conditions, so tests
 * never sleep a fixed time. Transport-neutral: give it a reader and a writer (in-process streams,
 * or a child process's stdio).
 */
import {
  ApplyWorkspaceEditRequest,
  type ApplyWorkspaceEditParams,
  CodeActionRequest,
  CodeActionResolveRequest,
  CodeLensRefreshRequest,
  CodeLensRequest,
  CompletionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DiagnosticRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExecuteCommandRequest,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowDocumentRequest,
  ShowMessageNotification,
  ShutdownRequest,
  UnregistrationRequest,
  type ClientCapabilities,
  type CodeAction,
  type CodeLens,
  type CompletionItem,
  type CompletionList,
  type ConfigurationItem,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type Hover,
  type InitializeResult,
  type LogMessageParams,
  type MessageReader,
  type MessageWriter,
  type Position,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type Registration,
  type ShowDocumentParams,
  type ShowMessageParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';

/** How long a wait may take before it fails (generous: CI machines are slow). */
export const DEFAULT_TIMEOUT_MS = 10_000;

/** Client capabilities of a plain editor: push diagnostics, no workspace/configuration. */
export const PLAIN_CAPABILITIES: ClientCapabilities = {
  textDocument: {
    synchronization: { dynamicRegistration: false },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
  },
};

/** Capabilities like VS Code's: settings pulled per document, dynamic registration. */
export const CONFIGURABLE_CAPABILITIES: ClientCapabilities = {
  ...PLAIN_CAPABILITIES,
  workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
};

/** Capabilities of a client that fills in code actions' edits with `codeAction/resolve` (as VS Code does). */
export const RESOLVING_CAPABILITIES: ClientCapabilities = {
  ...PLAIN_CAPABILITIES,
  textDocument: { ...PLAIN_CAPABILITIES.textDocument, codeAction: { dataSupport: true, resolveSupport: { properties: ['edit'] } } },
};

/** Capabilities of a client that pulls diagnostics (`textDocument/diagnostic`). */
export const PULL_CAPABILITIES: ClientCapabilities = {
  ...CONFIGURABLE_CAPABILITIES,
  textDocument: { ...PLAIN_CAPABILITIES.textDocument, diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } },
  workspace: { ...CONFIGURABLE_CAPABILITIES.workspace, diagnostics: { refreshSupport: true } },
};

interface Waiter {
  check: () => boolean;
  resolve: () => void;
  reject: (error: Error) => void;
}

/** The editor side of one LSP session. */
export class LspTestClient {
  readonly connection: ProtocolConnection;
  /** Every `textDocument/publishDiagnostics`, in arrival order. */
  readonly published: PublishDiagnosticsParams[] = [];
  /** Every `window/logMessage`. */
  readonly logs: LogMessageParams[] = [];
  /** Every `workspace/configuration` request's items. */
  readonly configurationRequests: ConfigurationItem[][] = [];
  /** Capabilities the server registered dynamically. */
  readonly registrations: Registration[] = [];
  /** How many `workspace/diagnostic/refresh` requests arrived. */
  refreshRequests = 0;
  /** How many `workspace/codeLens/refresh` requests arrived. */
  codeLensRefreshRequests = 0;
  /** Every `window/showDocument` request (answered with success). */
  readonly shownDocuments: ShowDocumentParams[] = [];
  /** Every `window/showMessage`. */
  readonly messages: ShowMessageParams[] = [];
  /** Every `workspace/applyEdit` request (answered as applied). */
  readonly appliedEdits: ApplyWorkspaceEditParams[] = [];
  /**
   * The settings the client holds, as a whole configuration object (`{ cognitoClient: {...} }`);
   * `workspace/configuration` answers from it by section.
   */
  settings: Record<string, unknown> = {};
  /**
   * When set, `workspace/configuration` answers only after this promise settles (to hold the
   * server inside an await while the test changes a document).
   */
  configurationGate: Promise<void> | undefined;
  private readonly waiters = new Set<Waiter>();
  private closed = false;
  /** Rejects when the connection closes, so nothing waits forever on a server that died. */
  private readonly closedPromise: Promise<never>;
  private rejectClosed!: (error: Error) => void;

  /**
   * `describeClose` adds context to the error when the connection closes under a waiting test
   * (e.g. a child process's stderr).
   */
  constructor(reader: MessageReader, writer: MessageWriter, private readonly describeClose: () => string = () => '') {
    this.closedPromise = new Promise<never>((_, reject) => (this.rejectClosed = reject));
    this.closedPromise.catch(() => undefined);
    this.connection = createProtocolConnection(reader, writer);
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => this.record(() => this.published.push(params)));
    this.connection.onNotification(LogMessageNotification.type, (params) => this.record(() => this.logs.push(params)));
    this.connection.onRequest(ConfigurationRequest.type, async (params) => {
      this.record(() => this.configurationRequests.push(params.items));
      if (this.configurationGate) await this.configurationGate;
      return params.items.map((item) => (item.section ? lookup(this.settings, item.section) : this.settings) ?? null);
    });
    this.connection.onRequest(RegistrationRequest.type, (params) => this.record(() => this.registrations.push(...params.registrations)));
    this.connection.onRequest(UnregistrationRequest.type, () => undefined);
    this.connection.onRequest(DiagnosticRefreshRequest.type, () => this.record(() => this.refreshRequests++));
    this.connection.onRequest(CodeLensRefreshRequest.type, () => this.record(() => this.codeLensRefreshRequests++));
    this.connection.onRequest(ShowDocumentRequest.type, (params) => {
      this.record(() => this.shownDocuments.push(params));
      return { success: true };
    });
    this.connection.onNotification(ShowMessageNotification.type, (params) => this.record(() => this.messages.push(params)));
    this.connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      this.record(() => this.appliedEdits.push(params));
      return { applied: true };
    });
    this.connection.onClose(() => this.onClosed());
    this.connection.listen();
  }

  /** Whether the connection has closed (the server went away). */
  get isClosed(): boolean {
    return this.closed;
  }

  private onClosed(): void {
    if (this.closed) return;
    this.closed = true;
    const context = this.describeClose();
    const error = new Error(`the connection to the server closed${context ? `: ${context}` : ''}`);
    this.rejectClosed(error);
    for (const waiter of [...this.waiters]) {
      this.waiters.delete(waiter);
      waiter.reject(error);
    }
  }

  /** A request's answer, or a rejection when the connection closes first. */
  private answer<T>(request: Promise<T>): Promise<T> {
    return Promise.race([request, this.closedPromise]);
  }

  private record(update: () => unknown): void {
    update();
    for (const waiter of [...this.waiters]) {
      if (waiter.check()) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }

  /**
   * Wait until `check` returns something other than undefined (checked now and after every
   * incoming message); fail after `timeoutMs` with `what` and, when given, a description of the
   * state at that moment.
   */
  waitFor<T>(what: string, check: () => T | undefined, options: { timeoutMs?: number; state?: () => string } = {}): Promise<T> {
    const first = check();
    if (first !== undefined) return Promise.resolve(first);
    return new Promise<T>((resolve, reject) => {
      let value: T | undefined;
      const waiter: Waiter = {
        check: () => (value = check()) !== undefined,
        resolve: () => {
          clearTimeout(timer);
          resolve(value as T);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      if (this.closed) {
        reject(new Error(`the connection to the server is closed; cannot wait for ${what}`));
        return;
      }
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`timed out after ${options.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms waiting for ${what}${options.state ? `\nstate: ${options.state()}` : ''}`));
      }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      this.waiters.add(waiter);
    });
  }

  /** The publications for one uri, in arrival order. */
  publishedFor(uri: string): PublishDiagnosticsParams[] {
    return this.published.filter((p) => p.uri === uri);
  }

  /** Wait for a publication for `uri` (after the first `after` ones) that satisfies `accept`. */
  waitForDiagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true, options: { after?: number; timeoutMs?: number } = {}): Promise<PublishDiagnosticsParams> {
    return this.waitFor(
      `diagnostics for ${uri}`,
      () => this.publishedFor(uri).slice(options.after ?? 0).find(accept),
      { timeoutMs: options.timeoutMs, state: () => JSON.stringify(this.publishedFor(uri).map((p) => ({ version: p.version, codes: p.diagnostics.map((d) => d.code) }))) },
    );
  }

  /** Wait for a log message matching `pattern`. */
  waitForLog(pattern: RegExp, options: { timeoutMs?: number } = {}): Promise<LogMessageParams> {
    return this.waitFor(`a log message matching ${pattern}`, () => this.logs.find((l) => pattern.test(l.message)), {
      timeoutMs: options.timeoutMs,
      state: () => this.logs.map((l) => l.message).join('\n'),
    });
  }

  async initialize(capabilities: ClientCapabilities, extra: { initializationOptions?: unknown; processId?: number | null } = {}): Promise<InitializeResult> {
    const result = await this.answer(this.connection.sendRequest(InitializeRequest.type, {
      processId: extra.processId ?? null,
      rootUri: null,
      workspaceFolders: null,
      capabilities,
      initializationOptions: extra.initializationOptions,
    }));
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  open(uri: string, languageId: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  /** Replace the whole text (a full-content change event). */
  replace(uri: string, version: number, text: string): Promise<void> {
    return this.change(uri, version, [{ text }]);
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Change the client's settings and tell the server (with the settings inline, as VS Code does). */
  changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    return this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings });
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.answer(this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }));
  }

  async completion(uri: string, position: Position): Promise<CompletionList> {
    const result = await this.answer(this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }));
    if (!result) return { isIncomplete: false, items: [] };
    return Array.isArray(result) ? { isIncomplete: false, items: result as CompletionItem[] } : result;
  }

  /** `textDocument/codeAction` for a range, with the diagnostics the client shows there. */
  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const result = await this.answer(this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, only } }));
    return (result ?? []).filter((a): a is CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'));
  }

  /** `codeAction/resolve`: the action with its edit filled in. */
  resolveCodeAction(action: CodeAction): Promise<CodeAction> {
    return this.answer(this.connection.sendRequest(CodeActionResolveRequest.type, action));
  }

  async codeLenses(uri: string): Promise<CodeLens[]> {
    return (await this.answer(this.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } }))) ?? [];
  }

  executeCommand(command: string, args: unknown[]): Promise<unknown> {
    return this.answer(this.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: args }));
  }

  pullDiagnostics(uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
    return this.answer(this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId }));
  }

  shutdown(): Promise<void> {
    return this.answer(this.connection.sendRequest(ShutdownRequest.type));
  }

  exit(): Promise<void> {
    return this.connection.sendNotification(ExitNotification.type);
  }

  dispose(): void {
    this.closed = true;
    for (const waiter of this.waiters) this.waiters.delete(waiter);
    this.connection.dispose();
  }
}

/** A dotted section (`cognitoClient.rules`) of a settings object. */
function lookup(settings: Record<string, unknown>, section: string): unknown {
  let value: unknown = settings;
  for (const part of section.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** Text-document position helpers for tests: the position of the `n`th occurrence of `needle`. */
export function positionOf(text: string, needle: string, occurrence = 0, offsetInNeedle = 0): Position {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`${JSON.stringify(needle)} (occurrence ${occurrence}) not found`);
  }
  const offset = index + offsetInNeedle;
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}
