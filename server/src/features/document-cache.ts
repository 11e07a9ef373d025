/**
 * One analysis per document version (in the manner of VS Code's `languageModelCache`): diagnostics,
 * hover and completion share it, so a document is parsed once per version and per analysis
 * settings, not once per request. Documents no surface reads, huge documents and binary content
 * are settled here cheaply and never reach a parser.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { RuleSetting } from '../rules/engine';
import { withinBudget } from '../budget';
import { analyse as analyseDocument, type Analysis } from '../service';
import { surfaceFor, type SourceDocument } from '../surfaces';
import { analyseIncrementally, incrementalBase, type IncrementalBase } from './incremental';

/** Why a document was not analysed although a surface would read it. */
export type SkipReason =
  | { kind: 'too-large'; sizeKb: number; limitKb: number }
  | { kind: 'binary' };

/** The settings an analysis depends on. */
export interface AnalysisSettings {
  rules: Record<string, RuleSetting>;
  maxFileSizeKb: number;
}

/** The cached result for one version of one document. */
export interface CacheEntry {
  uri: string;
  version: number;
  /** The analysis settings it was computed with (see `analysisKey` in ../config). */
  key: string;
  /** Undefined when no surface reads the document, or when it was skipped. */
  analysis: Analysis | undefined;
  skipped?: SkipReason;
  /**
   * What the analysis threw, when it threw (it must not; e.g. a parser's stack overflow on absurd
   * nesting). Kept so that a document that breaks the engine is tried once per version, not on
   * every request.
   */
  error?: unknown;
  /**
   * The last version of this document analysed without parse problems with these settings (this
   * one, or an earlier one while this one does not parse): the next version is analysed from it
   * when an edit stays inside one client definition (./incremental.ts).
   */
  base?: IncrementalBase;
}

export interface DocumentCacheOptions {
  /** Turns settings into the cache key; equal keys mean equal results. */
  keyOf(settings: AnalysisSettings): string;
  /** Called when a rule throws while analysing `uri` (the rule's findings are dropped). */
  onRuleError?(ruleId: string, error: unknown, uri: string): void;
  /** The analysis itself (the service's `analyse` unless a test substitutes it). */
  analyse?: typeof analyseDocument;
  /** The other files of a document's module, for surfaces that read across files (see ../module-files.ts). */
  siblingsOf?(source: SourceDocument): SourceDocument[] | undefined;
  /**
   * How many documents keep their analysis (the located model) at most; the least recently used
   * others lose it and are analysed again when next asked. `DEFAULT_MAX_ANALYSES` when absent.
   */
  maxAnalyses?: number;
  /**
   * Whether a new version may be analysed from the previous one when the edit stays inside one
   * client definition (./incremental.ts); true unless set false, and never with a substituted `analyse`.
   */
  incremental?: boolean;
}

/**
 * The analyses kept by default: the documents being edited and looked at. A 1 MB template's model
 * takes about 18 MB of heap, so twenty open templates kept whole took over half a gigabyte; a
 * document that lost its model keeps the diagnostics already published, and is read again (one
 * parse) only when asked for hover, completion or fresh diagnostics.
 */
export const DEFAULT_MAX_ANALYSES = 4;

/** The NUL character: text containing it is binary, not a template. */
const NUL = '\u0000';

/** Why `doc` should not be parsed, if it should not. Cheap: a length check before counting bytes. */
export function skipReasonFor(text: string, maxFileSizeKb: number): SkipReason | undefined {
  const limit = maxFileSizeKb * 1024;
  // A UTF-16 code unit is at least one UTF-8 byte, so counting bytes is needed only near the limit.
  if (text.length > limit || (text.length * 3 > limit && Buffer.byteLength(text, 'utf8') > limit)) {
    return { kind: 'too-large', sizeKb: Math.ceil(Buffer.byteLength(text, 'utf8') / 1024), limitKb: maxFileSizeKb };
  }
  if (text.includes(NUL)) return { kind: 'binary' };
  return undefined;
}

/** Analyses per document version, computed on first use. */
export class DocumentCache {
  private readonly entries = new Map<string, CacheEntry>();
  private readonly analyse: typeof analyseDocument;
  /** How many analyses ran (for tests and debug logs). */
  analyses = 0;
  /** How many of those were made from the previous version, reading one client definition again. */
  incrementalAnalyses = 0;
  private readonly incremental: boolean;

  constructor(private readonly options: DocumentCacheOptions) {
    this.analyse = options.analyse ?? analyseDocument;
    this.incremental = options.incremental !== false && options.analyse === undefined;
  }

  /** The analysis of this version with these settings: the cached one, else computed now. */
  get(document: TextDocument, settings: AnalysisSettings): CacheEntry {
    const key = this.options.keyOf(settings);
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version && cached.key === key) return this.touch(cached);
    return this.compute(document, settings, key);
  }

  /**
   * The analysis of this version whatever settings it was computed with (hover and completion
   * read only the model, which settings do not change); computed now with `settings` when this
   * version has not been analysed yet.
   */
  current(document: TextDocument, settings: AnalysisSettings): CacheEntry {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version) return this.touch(cached);
    return this.compute(document, settings, this.options.keyOf(settings));
  }

  /** The cached entry for a uri, whatever its version. */
  peek(uri: string): CacheEntry | undefined {
    return this.entries.get(uri);
  }

  /** Forget a document (it was closed). */
  delete(uri: string): void {
    this.entries.delete(uri);
  }

  /** Forget everything. */
  clear(): void {
    this.entries.clear();
  }

  /** Forget the documents whose reading was given up (their next request reads them again: a time setting changed). */
  forgetUnread(): void {
    for (const [uri, entry] of this.entries) if (entry.analysis?.model.problems.some((p) => p.unread)) this.entries.delete(uri);
  }

  private compute(document: TextDocument, settings: AnalysisSettings, key: string): CacheEntry {
    let source: SourceDocument = { uri: document.uri, languageId: document.languageId, text: document.getText() };
    const entry: CacheEntry = { uri: document.uri, version: document.version, key, analysis: undefined };
    const previous = this.entries.get(document.uri);
    const base = this.incremental && previous?.key === key ? previous.base : undefined;
    if (surfaceFor(source)) {
      const skipped = skipReasonFor(source.text, settings.maxFileSizeKb);
      if (skipped) {
        entry.skipped = skipped;
      } else {
        this.analyses++;
        try {
          const siblings = this.options.siblingsOf?.(source);
          if (siblings) source = { ...source, siblings };
          const onRuleError = (ruleId: string, error: unknown) => this.options.onRuleError?.(ruleId, error, document.uri);
          const fast = base && withinBudget(() => analyseIncrementally(base, source, { rules: settings.rules }, onRuleError));
          if (fast) this.incrementalAnalyses++;
          entry.analysis = fast || withinBudget(() => this.analyse(source, { rules: settings.rules }, onRuleError));
          if (this.incremental) entry.base = incrementalBase(source, entry.analysis) ?? (entry.analysis ? base : undefined);
        } catch (error) {
          entry.error = error;
        }
      }
    }
    this.entries.delete(document.uri);
    this.entries.set(document.uri, entry);
    this.evict();
    return entry;
  }

  /** Mark an entry as the most recently used (the map keeps entries in order of use). */
  private touch(entry: CacheEntry): CacheEntry {
    this.entries.delete(entry.uri);
    this.entries.set(entry.uri, entry);
    return entry;
  }

  /** Drop the least recently used entries holding an analysis, past the limit. */
  private evict(): void {
    const max = Math.max(1, this.options.maxAnalyses ?? DEFAULT_MAX_ANALYSES);
    let holding = 0;
    for (const entry of this.entries.values()) if (entry.analysis) holding++;
    for (const [uri, entry] of this.entries) {
      if (holding <= max) break;
      if (!entry.analysis) continue;
      this.entries.delete(uri);
      holding--;
    }
  }
}
