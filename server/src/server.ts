/**
 * The language server: the only code that talks LSP. It keeps the open documents, analyses each
 * version once (./features/document-cache), and answers diagnostics (pushed with a debounce, or
 * pulled when the client supports `textDocument/diagnostic`), hover and completion by calling the
 * pure feature functions. Settings come from `workspace/configuration` (section `cognitoClient`,
 * see ./config), else from `workspace/didChangeConfiguration` or `initializationOptions`.
 *
 * Run standalone as `cognito-client-language-server --stdio` (also `--node-ipc`, `--socket=N`), or
 * start in-process on any connection with `startServer` (the protocol tests do).
 *
 * It never runs user code, starts no process and opens no network connection. Failures are caught
 * at the handler boundary: the request gets an empty answer, the log says why, serving goes on.
 */
import {
  CodeLensRefreshRequest,
  createConnection,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type CodeLens,
  type CompletionList,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type Hover,
  type InitializeParams,
  type InitializeResult,
  MessageType,
  ShowMessageNotification,
  type Position,
  type Range,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analysisKey, CONFIG_SECTION, defaultSettings, readSettings, type LogLevel, type Settings } from './config';
import { CODE_ACTION_KINDS, deferredUri, getCodeActions, resolveCodeAction } from './features/code-actions';
import { CONVERT_CLIENT_COMMAND, CONVERT_KIND, CONVERT_SERVER_COMMAND, convertCodeActions, convertedAt } from './features/convert-actions';
import { CLIENT_COMMANDS, clientAt, getCodeLenses, SERVER_COMMANDS } from './features/codelens';
import { doComplete } from './features/completion';
import { DIAGNOSTIC_SOURCE, documentDiagnostics, UNREAD_CODE } from './features/diagnostics';
import { DocumentCache, type CacheEntry } from './features/document-cache';
import { doHover } from './features/hover';
import { clientSummary } from './features/summary';
import { ruleById } from './rules/index';
import { moduleDirectoryOf, siblingDocuments } from './module-files';
import { prepareDocument, type analyse } from './service';
import { surfaceFor } from './surfaces';
import { parseTimeoutMs, setParseTimeout } from './surfaces/tree-sitter';
import { setTimeBudget, timeBudgetMs } from './budget';
import { IDLE_HEAP_MS, IdleHeap, leanHeap } from './heap';

/** The name the server gives in `initialize` (`serverInfo.name`), also its binary's name. */
export const SERVER_NAME = 'cognito-client-language-server';

/** The identifier of the pull-diagnostics provider. */
export const DIAGNOSTIC_PROVIDER_ID = 'cognito-client';

/**
 * Characters that open completion by themselves. Typing a letter already opens it outside strings
 * (VS Code's quick suggestions), so only the places letters cannot reach are listed: a quote opens
 * a JSON key or value and a quoted YAML scalar; a colon ends a key, where values are offered. Not
 * space or `-`: they are typed constantly in prose and would ask the server on every word.
 */
export const COMPLETION_TRIGGER_CHARACTERS = ['"', "'", ':'];

/**
 * The commands the server carries out on `workspace/executeCommand` (the CodeLens commands of
 * editors that do not register their own, see ./features/codelens; the conversions of editors
 * whose client does not open them itself, see ./features/convert-actions).
 */
export const EXECUTE_COMMANDS = [SERVER_COMMANDS.showSummary, SERVER_COMMANDS.revealProblem, CONVERT_SERVER_COMMAND];

/**
 * Where an editor says it runs the CodeLens commands itself: `capabilities.experimental.cognitoClient.commands`,
 * a list of command ids (the VS Code client sends `CLIENT_COMMANDS`).
 */
export const EXPERIMENTAL_CAPABILITY = 'cognitoClient';

/** Hooks for tests; the shipped server uses the defaults. */
export interface ServerOptions {
  /** The analysis (the service's `analyse`), e.g. wrapped to simulate a failing rule. */
  analyse?: typeof analyse;
  /** Told as each piece of work starts, to hand memory back when the server is idle (standalone only). */
  idleHeap?: Pick<IdleHeap, 'busy' | 'dispose'>;
}

const levelRank: Record<LogLevel, number> = { error: 0, warning: 1, info: 2, debug: 3 };

function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

function describeSkip(entry: CacheEntry): string {
  const skip = entry.skipped;
  if (!skip) return '';
  return skip.kind === 'too-large'
    ? `${entry.uri} is ${skip.sizeKb} KB, over the ${skip.limitKb} KB limit (${CONFIG_SECTION}.maxFileSizeKb); not analysed`
    : `${entry.uri} looks binary (it contains NUL characters); not analysed`;
}

/** The one information diagnostic of a document that was not analysed (too large, binary), at its start. */
function skippedDiagnostic(entry: CacheEntry): Diagnostic {
  const skip = entry.skipped!;
  const message =
    skip.kind === 'too-large'
      ? `Not checked for Cognito clients: the document is ${skip.sizeKb} KB, over the ${skip.limitKb} KB limit (setting ${CONFIG_SECTION}.maxFileSizeKb).`
      : 'Not checked for Cognito clients: the document looks binary (it contains NUL characters).';
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, source: DIAGNOSTIC_SOURCE, code: UNREAD_CODE, message };
}

const emptyCompletion = (): CompletionList => ({ isIncomplete: false, items: [] });

/**
 * Register every handler on `connection` and start listening. Returns when listening has begun;
 * the connection's lifetime is the server's.
 */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);

  // ---- logging -------------------------------------------------------------------------------
  let logLevel: LogLevel = defaultSettings.logLevel;
  /** Send a log line; once the connection is gone (disposed or closed) the line is dropped, never thrown. */
  function say(send: () => void): void {
    try {
      send();
    } catch {
      // Nobody is listening any more: work queued before the end (a debounced check) finishes quietly.
    }
  }
  const log = {
    error: (message: string) => say(() => connection.console.error(message)),
    warning: (message: string) => levelRank[logLevel] >= levelRank.warning && say(() => connection.console.warn(message)),
    info: (message: string) => levelRank[logLevel] >= levelRank.info && say(() => connection.console.info(message)),
    debug: (message: string) => levelRank[logLevel] >= levelRank.debug && say(() => connection.console.log(message)),
  };

  /** Run a handler body; on an exception log it and answer `fallback`. */
  function guard<T>(name: string, fallback: T, body: () => T): T {
    options.idleHeap?.busy();
    try {
      return body();
    } catch (error) {
      log.error(`${name} failed: ${describeError(error)}`);
      return fallback;
    } finally {
      options.idleHeap?.busy();
    }
  }
  async function guardAsync<T>(name: string, fallback: T, body: () => Promise<T>): Promise<T> {
    options.idleHeap?.busy();
    try {
      return await body();
    } catch (error) {
      log.error(`${name} failed: ${describeError(error)}`);
      return fallback;
    } finally {
      options.idleHeap?.busy();
    }
  }

  // ---- client capabilities ---------------------------------------------------------------------
  let configurationPull = false;
  let dynamicConfigurationRegistration = false;
  let pullDiagnostics = false;
  let diagnosticRefresh = false;
  let workspaceFolderEvents = false;
  /** The client fills in a code action's edit with codeAction/resolve (fix-all is then computed only when chosen). */
  let codeActionResolve = false;
  /** The client answers `workspace/codeLens/refresh`. */
  let codeLensRefresh = false;
  /** The client moves its editor on `window/showDocument`. */
  let showDocument = false;
  /** The client registers the CodeLens commands itself (the VS Code client). */
  let clientCommands = false;
  /** The client opens converted clients itself (`CONVERT_CLIENT_COMMAND`, the VS Code client). */
  let clientOpensConversions = false;
  /** The client applies workspace edits that create files (for the conversions of other editors). */
  let createFiles = false;
  let shuttingDown = false;

  // ---- settings --------------------------------------------------------------------------------
  /** Settings when the client cannot be asked per document (or as the fallback). */
  let globalSettings: Settings = readSettings(undefined).settings;
  /** Settings per document uri, fetched from the client once per configuration generation. */
  const documentSettings = new Map<string, Promise<Settings>>();
  /** The settings a document was last checked with (for synchronous hover/completion analysis). */
  const lastSettings = new Map<string, Settings>();
  /** Bumped on every configuration change; part of pull-diagnostic result ids. */
  let settingsGeneration = 0;
  const warnedSettings = new Set<string>();

  function readAndWarn(raw: unknown): Settings {
    const { settings, warnings } = readSettings(raw, (id) => ruleById(id) !== undefined);
    for (const w of warnings) {
      if (warnedSettings.has(w)) continue;
      warnedSettings.add(w);
      log.warning(`settings: ${w}`);
    }
    return settings;
  }

  function getSettings(uri: string): Promise<Settings> {
    if (!configurationPull) return Promise.resolve(globalSettings);
    let settings = documentSettings.get(uri);
    if (!settings) {
      settings = connection.workspace.getConfiguration({ scopeUri: uri, section: CONFIG_SECTION }).then(
        (raw) => readAndWarn(raw),
        (error) => {
          log.warning(`workspace/configuration failed for ${uri}: ${describeError(error)}; using the defaults`);
          return globalSettings;
        },
      );
      documentSettings.set(uri, settings);
    }
    return settings.then((s) => {
      lastSettings.set(uri, s);
      return s;
    });
  }

  /** The window-wide settings (the log level is one per server). */
  async function refreshGlobalSettings(): Promise<void> {
    if (configurationPull) {
      try {
        globalSettings = readAndWarn(await connection.workspace.getConfiguration(CONFIG_SECTION));
      } catch (error) {
        log.warning(`workspace/configuration failed: ${describeError(error)}`);
      }
    }
    logLevel = globalSettings.logLevel;
    const timeChanged = globalSettings.parseTimeoutMs !== parseTimeoutMs() || globalSettings.timeBudgetMs !== timeBudgetMs();
    setParseTimeout(globalSettings.parseTimeoutMs);
    setTimeBudget(globalSettings.timeBudgetMs);
    // Readings given up for time are tried again with the new time (the revalidation that follows reads them).
    if (timeChanged) cache.forgetUnread();
  }

  // ---- analysis --------------------------------------------------------------------------------
  const ruleErrorsLogged = new Set<string>();
  const cache = new DocumentCache({
    keyOf: analysisKey,
    analyse: options.analyse,
    siblingsOf: (source) =>
      siblingDocuments(source, {
        maxBytes: (lastSettings.get(source.uri) ?? globalSettings).maxFileSizeKb * 1024,
        openDocuments: () => documents.all().map((d) => ({ uri: d.uri, languageId: d.languageId, text: d.getText() })),
      }),
    onRuleError: (ruleId, error, uri) => {
      // Once at error level per rule: a broken rule would otherwise log on every keystroke.
      if (ruleErrorsLogged.has(ruleId)) {
        log.debug(`rule ${ruleId} failed again on ${uri}: ${describeError(error)}`);
        return;
      }
      ruleErrorsLogged.add(ruleId);
      log.error(`rule ${ruleId} failed on ${uri} (its findings are left out): ${describeError(error)}`);
    },
  });
  /** Documents whose skip (too large, binary) or failure has been logged, to log it once. */
  const reported = new Map<string, string>();

  function analysisOf(document: TextDocument, settings: Settings, anyKey: boolean): CacheEntry {
    const entry = anyKey ? cache.current(document, settings) : cache.get(document, settings);
    const note = entry.skipped ? describeSkip(entry) : entry.error !== undefined ? `analysis of ${entry.uri} failed: ${describeError(entry.error)}` : undefined;
    // Said once per document and kind of trouble, not again for each version of a growing file.
    const kind = entry.skipped ? entry.skipped.kind : entry.error !== undefined ? `error ${String(entry.error)}` : undefined;
    if (note === undefined || kind === undefined) {
      reported.delete(document.uri);
    } else if (reported.get(document.uri) !== kind) {
      reported.set(document.uri, kind);
      if (entry.skipped) log.info(note);
      else log.error(note);
    }
    return entry;
  }

  function diagnosticsFor(document: TextDocument, settings: Settings): Diagnostic[] {
    if (!settings.validate.enable) return [];
    const entry = analysisOf(document, settings, false);
    if (entry.skipped) return [skippedDiagnostic(entry)];
    return entry.analysis ? documentDiagnostics(document, entry.analysis.model, entry.analysis.findings) : [];
  }

  // ---- pushed diagnostics ----------------------------------------------------------------------
  const timers = new Map<string, NodeJS.Timeout>();
  /** The latest validation asked for, per uri: an older one finishing late publishes nothing. */
  const latestRun = new Map<string, number>();
  let runCounter = 0;

  function cancelValidation(uri: string): void {
    const timer = timers.get(uri);
    if (timer) clearTimeout(timer);
    timers.delete(uri);
    latestRun.delete(uri);
  }

  function scheduleValidation(document: TextDocument, delayMs?: number): void {
    if (pullDiagnostics || shuttingDown) return;
    const uri = document.uri;
    cancelValidation(uri);
    const run = ++runCounter;
    latestRun.set(uri, run);
    const delay = delayMs ?? (lastSettings.get(uri) ?? globalSettings).validate.debounceMs;
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        void validate(uri, run);
      }, delay),
    );
  }

  async function validate(uri: string, run: number): Promise<void> {
    await guardAsync('validation', undefined, async () => {
      const document = documents.get(uri);
      if (!document) return;
      const version = document.version;
      await prepared(document);
      const settings = await getSettings(uri);
      // Never stale: drop the result when the document changed, closed or was queued again meanwhile.
      const current = documents.get(uri);
      if (latestRun.get(uri) !== run || !current || current.version !== version || shuttingDown) return;
      const diagnostics = diagnosticsFor(current, settings);
      latestRun.delete(uri);
      await connection.sendDiagnostics({ uri, version, diagnostics });
    });
  }

  /**
   * Wait for what the document's surface must load before it can read it (a grammar); an analysis
   * made before that (by a hover, say) is dropped so that it is made again.
   */
  /** Counts module changes, so a pulled report of an unchanged document is not `unchanged` after its module changed. */
  let moduleChanges = 0;

  async function prepared(document: TextDocument): Promise<void> {
    const pending = prepareDocument({ uri: document.uri, languageId: document.languageId, text: document.getText() });
    if (!pending) return;
    await pending;
    cache.delete(document.uri);
  }

  /**
   * A document of a module-reading surface (Terraform) changed, opened or closed: the other open
   * documents of its module read facts from it, so they are analysed again.
   */
  function revalidateModule(changed: TextDocument): void {
    const dir = moduleDirectoryOf(changed.uri);
    if (dir === undefined || !surfaceFor({ uri: changed.uri, languageId: changed.languageId, text: '' })?.module) return;
    let others = false;
    for (const other of documents.all()) {
      if (other.uri === changed.uri || moduleDirectoryOf(other.uri) !== dir) continue;
      if (!surfaceFor({ uri: other.uri, languageId: other.languageId, text: '' })?.module) continue;
      cache.delete(other.uri);
      moduleChanges++;
      others = true;
      if (pullDiagnostics) {
        if (diagnosticRefresh) connection.languages.diagnostics.refresh().catch(() => undefined);
      } else {
        scheduleValidation(other);
      }
    }
    if (others) refreshCodeLenses();
  }

  /** Ask the client for CodeLenses again (their problem counts follow settings and sibling files). */
  function refreshCodeLenses(): void {
    if (!codeLensRefresh || shuttingDown) return;
    connection.sendRequest(CodeLensRefreshRequest.type).catch((error: unknown) => log.debug(`workspace/codeLens/refresh failed: ${describeError(error)}`));
  }

  function revalidateAll(): void {
    refreshCodeLenses();
    if (pullDiagnostics) {
      if (diagnosticRefresh) {
        connection.languages.diagnostics.refresh().catch((error: unknown) => log.debug(`workspace/diagnostic/refresh failed: ${describeError(error)}`));
      }
      return;
    }
    for (const document of documents.all()) scheduleValidation(document, 0);
  }

  // ---- lifecycle -------------------------------------------------------------------------------
  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    configurationPull = caps.workspace?.configuration === true;
    dynamicConfigurationRegistration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    pullDiagnostics = caps.textDocument?.diagnostic !== undefined;
    diagnosticRefresh = caps.workspace?.diagnostics?.refreshSupport === true;
    workspaceFolderEvents = caps.workspace?.workspaceFolders === true;
    codeActionResolve = caps.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true;
    codeLensRefresh = caps.workspace?.codeLens?.refreshSupport === true;
    showDocument = caps.window?.showDocument?.support === true;
    const experimental = (caps.experimental as Record<string, { commands?: unknown }> | undefined)?.[EXPERIMENTAL_CAPABILITY]?.commands;
    clientCommands = Array.isArray(experimental) && Object.values(CLIENT_COMMANDS).every((c) => experimental.includes(c));
    clientOpensConversions = Array.isArray(experimental) && experimental.includes(CONVERT_CLIENT_COMMAND);
    createFiles = caps.workspace?.workspaceEdit?.documentChanges === true && caps.workspace.workspaceEdit.resourceOperations?.includes('create') === true;

    // Clients without workspace/configuration may pass settings here instead.
    const init = params.initializationOptions as Record<string, unknown> | undefined;
    if (init && typeof init === 'object' && CONFIG_SECTION in init) globalSettings = readAndWarn(init[CONFIG_SECTION]);
    logLevel = globalSettings.logLevel;
    setParseTimeout(globalSettings.parseTimeoutMs);
    setTimeBudget(globalSettings.timeBudgetMs);

    const result: InitializeResult = {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS, resolveProvider: false },
        codeActionProvider: { codeActionKinds: [...CODE_ACTION_KINDS, CONVERT_KIND], resolveProvider: codeActionResolve },
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [...EXECUTE_COMMANDS] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: SERVER_NAME },
    };
    if (pullDiagnostics) {
      result.capabilities.diagnosticProvider = { identifier: DIAGNOSTIC_PROVIDER_ID, interFileDependencies: true, workspaceDiagnostics: false };
    }
    return result;
  });

  connection.onInitialized(() => {
    void guardAsync('initialized', undefined, async () => {
      if (configurationPull && dynamicConfigurationRegistration) {
        await connection.client
          .register(DidChangeConfigurationNotification.type, { section: CONFIG_SECTION })
          .catch((error: unknown) => log.warning(`could not register for configuration changes: ${describeError(error)}`));
      }
      if (workspaceFolderEvents) {
        connection.workspace.onDidChangeWorkspaceFolders((event) => {
          log.debug(`workspace folders: +${event.added.map((f) => f.uri).join(', ')} -${event.removed.map((f) => f.uri).join(', ')}`);
        });
      }
      await refreshGlobalSettings();
      log.info(`${SERVER_NAME} ready (diagnostics ${pullDiagnostics ? 'pulled by the client' : 'pushed'}; log level ${logLevel})`);
    });
  });

  connection.onShutdown(() => {
    shuttingDown = true;
    for (const uri of [...timers.keys()]) cancelValidation(uri);
    options.idleHeap?.dispose();
  });

  // ---- settings changes ------------------------------------------------------------------------
  connection.onDidChangeConfiguration((change) => {
    guard('didChangeConfiguration', undefined, () => {
      settingsGeneration++;
      warnedSettings.clear();
      if (configurationPull) {
        documentSettings.clear();
      } else {
        const raw = (change.settings as Record<string, unknown> | null | undefined)?.[CONFIG_SECTION];
        globalSettings = readAndWarn(raw);
      }
      void refreshGlobalSettings().then(() =>
        guard('revalidation', undefined, () => {
          log.debug(`settings changed (log level ${logLevel})`);
          revalidateAll();
        }),
      );
    });
  });

  // ---- documents -------------------------------------------------------------------------------
  /** The version each document was opened with: its first content event is the open itself. */
  const openedVersion = new Map<string, number>();

  documents.onDidOpen((event) => {
    guard('didOpen', undefined, () => {
      openedVersion.set(event.document.uri, event.document.version);
      // The first check of a freshly opened document is not debounced.
      scheduleValidation(event.document, 0);
      revalidateModule(event.document);
    });
  });

  documents.onDidChangeContent((event) => {
    guard('didChange', undefined, () => {
      if (openedVersion.get(event.document.uri) === event.document.version) return;
      scheduleValidation(event.document);
      revalidateModule(event.document);
    });
  });

  documents.onDidClose((event) => {
    guard('didClose', undefined, () => {
      const uri = event.document.uri;
      cancelValidation(uri);
      cache.delete(uri);
      documentSettings.delete(uri);
      lastSettings.delete(uri);
      reported.delete(uri);
      openedVersion.delete(uri);
      revalidateModule(event.document);
      // Pulled diagnostics are dropped by the client itself on close.
      if (!pullDiagnostics) connection.sendDiagnostics({ uri, diagnostics: [] }).catch((error: unknown) => log.debug(`clearing diagnostics failed: ${describeError(error)}`));
    });
  });

  // ---- pulled diagnostics ----------------------------------------------------------------------
  connection.languages.diagnostics.on(async (params): Promise<DocumentDiagnosticReport> => {
    const empty: DocumentDiagnosticReport = { kind: DocumentDiagnosticReportKind.Full, items: [] };
    return guardAsync('textDocument/diagnostic', empty, async () => {
      const uri = params.textDocument.uri;
      const generation = settingsGeneration;
      const opened = documents.get(uri);
      if (!opened) return empty;
      await prepared(opened);
      const settings = await getSettings(uri);
      const document = documents.get(uri);
      if (!document) return empty;
      const resultId = `${document.version}:${generation}:${moduleChanges}`;
      if (params.previousResultId === resultId && generation === settingsGeneration) {
        return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
      }
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items: diagnosticsFor(document, settings) };
    });
  });

  // ---- hover, completion and code actions ------------------------------------------------------
  /** The model of the document's current version, analysed now if it has not been yet. */
  function modelEntry(uri: string): { document: TextDocument; entry: CacheEntry } | undefined {
    const document = documents.get(uri);
    if (!document) return undefined;
    const entry = analysisOf(document, lastSettings.get(uri) ?? globalSettings, true);
    return entry.analysis ? { document, entry } : undefined;
  }

  connection.onHover((params): Hover | null =>
    guard('hover', null, () => {
      const found = modelEntry(params.textDocument.uri);
      if (!found?.entry.analysis) return null;
      return doHover(found.document, found.entry.analysis.model, params.position);
    }),
  );

  connection.onCompletion((params): CompletionList =>
    guard('completion', emptyCompletion(), () => {
      const found = modelEntry(params.textDocument.uri);
      if (!found?.entry.analysis) return emptyCompletion();
      return doComplete(found.document, found.entry.analysis.model, found.entry.analysis.surface.id, params.position);
    }),
  );

  connection.onCodeAction((params): CodeAction[] =>
    guard('codeAction', [], () => {
      const found = modelEntry(params.textDocument.uri);
      const analysis = found?.entry.analysis;
      if (!found || !analysis) return [];
      const settings = lastSettings.get(params.textDocument.uri) ?? globalSettings;
      const fixes = getCodeActions(found.document, analysis.model, analysis.surface.id, params.range, params.context, analysis.findings, {
        rules: settings.rules,
        deferFixAll: codeActionResolve,
        deferChecks: codeActionResolve,
      });
      return [...fixes, ...convertCodeActions(found.document, analysis.model, params.range, { clientOpens: clientOpensConversions, only: params.context.only })];
    }),
  );

  connection.onCodeActionResolve((action): CodeAction =>
    guard('codeAction/resolve', action, () => {
      const uri = deferredUri(action.data);
      if (uri === undefined || action.edit) return action; // not one this server deferred
      const found = modelEntry(uri);
      const analysis = found?.entry.analysis;
      if (!found || !analysis) return { title: action.title, kind: action.kind, edit: { changes: {} } };
      const settings = lastSettings.get(found.document.uri) ?? globalSettings;
      return resolveCodeAction(found.document, analysis.model, analysis.surface.id, action, analysis.findings, { rules: settings.rules });
    }),
  );

  // ---- CodeLens and its commands ---------------------------------------------------------------
  connection.onCodeLens(async (params): Promise<CodeLens[]> =>
    guardAsync('codeLens', [], async () => {
      const uri = params.textDocument.uri;
      const opened = documents.get(uri);
      if (!opened) return [];
      await prepared(opened);
      const settings = await getSettings(uri);
      if (!settings.codeLens.enable) return [];
      const document = documents.get(uri);
      if (!document) return [];
      const analysis = analysisOf(document, settings, false).analysis;
      if (!analysis) return [];
      return getCodeLenses(document, analysis.model, analysis.findings, { clientCommands, countProblems: settings.validate.enable });
    }),
  );

  /** Move the editor to a range (when it can be asked to), else say where to look. */
  async function reveal(uri: string, range: Range, message: string): Promise<void> {
    if (showDocument) {
      const shown = await connection.window.showDocument({ uri, selection: range, takeFocus: true }).catch(() => ({ success: false }));
      if (shown.success) {
        await connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message });
        return;
      }
    }
    // A notification, not showMessageRequest: nothing waits for the user to dismiss it.
    await connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `${message} (line ${range.start.line + 1})` });
  }

  /**
   * Open a converted client for an editor whose client does not: a new file beside the source
   * (`<name>.converted.<target file>`), created and filled by one workspace edit, when the editor
   * applies such edits; the command's result carries the text either way.
   */
  async function openConverted(uri: string, position: Position, targetId: string): Promise<unknown> {
    const found = modelEntry(uri);
    if (!found?.entry.analysis) return null;
    const converted = convertedAt(found.document, found.entry.analysis.model, position, targetId);
    if (!converted) return null;
    if (createFiles && uri.startsWith('file:')) {
      const dir = uri.slice(0, uri.lastIndexOf('/') + 1);
      const base = uri.slice(dir.length).replace(/\.[^.]*$/, '');
      const target = `${dir}${base}.converted.${targetId}${converted.language === 'python' ? '.py' : converted.language === 'typescript' ? '.ts' : converted.language === 'terraform' ? '.tf' : converted.language === 'yaml' ? '.yaml' : '.json'}`;
      const applied = await connection.workspace
        .applyEdit({
          label: 'Convert Cognito client',
          edit: {
            documentChanges: [
              { kind: 'create', uri: target, options: { overwrite: false, ignoreIfExists: false } },
              { textDocument: { uri: target, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: converted.content }] },
            ],
          },
        })
        .catch(() => ({ applied: false }));
      if (applied.applied && showDocument) await connection.window.showDocument({ uri: target, takeFocus: true }).catch(() => undefined);
    }
    return converted;
  }

  connection.onExecuteCommand(async (params): Promise<unknown> =>
    guardAsync(`workspace/executeCommand ${params.command}`, null as unknown, async () => {
      if (params.command === CONVERT_SERVER_COMMAND) {
        const [curi, cat, target] = (params.arguments ?? []) as [unknown, unknown, unknown];
        if (typeof curi !== 'string' || typeof cat !== 'object' || cat === null || typeof target !== 'string') return null;
        return openConverted(curi, cat as Position, target);
      }
      const [uri, at] = (params.arguments ?? []) as [unknown, unknown];
      if (typeof uri !== 'string' || typeof at !== 'object' || at === null) return null;
      const found = modelEntry(uri);
      if (!found?.entry.analysis) return null;
      const { document } = found;
      const { model, findings } = found.entry.analysis;
      if (params.command === SERVER_COMMANDS.showSummary) {
        const def = clientAt(document, model, at as Position);
        if (!def) return null;
        const range = { start: document.positionAt(def.nameSpan.start), end: document.positionAt(def.nameSpan.end) };
        // The summary hover's Markdown, as plain lines for a message.
        await reveal(uri, range, clientSummary(def, model.context).replace(/\*\*/g, '').replace(/`/g, ''));
      } else if (params.command === SERVER_COMMANDS.revealProblem) {
        const range = at as Range;
        const offset = document.offsetAt(range.start);
        const finding = findings.find((f) => f.span.start === offset) ?? findings.find((f) => f.span.start <= offset && offset <= f.span.end);
        await reveal(uri, range, finding ? `${finding.ruleId}: ${finding.message}` : 'The problem is no longer there.');
      }
      return null;
    }),
  );

  documents.listen(connection);
  connection.listen();
}

// Standalone: `node server.js --stdio` / `--node-ipc` / `--socket=N` (read by createConnection).
if (require.main === module) {
  leanHeap();
  startServer(createConnection(), { idleHeap: new IdleHeap(IDLE_HEAP_MS) });
}
