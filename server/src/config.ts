/**
 * The language server's settings, declared once: the `cognitoClient` section of the editor's
 * configuration, with its defaults and a comment per field. `package.json`
 * (`contributes.configuration`) documents the same fields for VS Code; a protocol test keeps the
 * two in step. Reading never throws: a malformed value falls back to its default and is reported
 * as a warning for the log.
 */
import { DEFAULT_TIME_BUDGET_MS } from './budget';
import type { RuleSetting } from './rules/engine';

/** The configuration section every setting lives under. */
export const CONFIG_SECTION = 'cognitoClient';

/** How much the server writes to its log (the client's output channel). */
export type LogLevel = 'error' | 'warning' | 'info' | 'debug';

export const LOG_LEVELS: readonly LogLevel[] = ['error', 'warning', 'info', 'debug'];

/** The values a per-rule setting may take. */
export const RULE_SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'info', 'off'];

export interface Settings {
  /**
   * Per-rule overrides, by rule id: a severity (`error`, `warning`, `info`) replaces the rule's
   * default, `off` silences it. Rules not listed keep their defaults.
   */
  rules: Record<string, RuleSetting>;
  validate: {
    /** Whether to report diagnostics at all (hover and completion keep working when off). */
    enable: boolean;
    /** How long to wait after the last keystroke before checking a document, in milliseconds. */
    debounceMs: number;
  };
  codeLens: {
    /**
     * Show a CodeLens above each client: its effective settings (OAuth grants, secret, token
     * lifetimes) and its number of problems.
     */
    enable: boolean;
  };
  /**
   * Documents larger than this many kilobytes are not analysed (no diagnostics, hover or
   * completion); the log says so once per document. A CloudFormation template is at most 1 MB.
   */
  maxFileSizeKb: number;
  /**
   * How long one parse of a Terraform (.tf), JavaScript/TypeScript or Python document may take, in
   * milliseconds, before it is given up (the tree-sitter parser's time-out); the document then
   * reads as having no clients (Terraform files get a diagnostic saying why). Window-wide: the
   * server reads it from the global settings.
   */
  parseTimeoutMs: number;
  /**
   * How long the server may spend reading documents for one request, in milliseconds (../budget.ts):
   * the document when a new version is analysed, and the edited documents a code action or fix-all
   * reads to check its fixes. A reading over it is given up (the document gets a diagnostic saying
   * so) and a fix whose check is given up is not offered. 0: no budget. Window-wide.
   */
  timeBudgetMs: number;
  /** The least important log message still written to the output channel. */
  logLevel: LogLevel;
}

/** The settings a client gets when it configures nothing. */
export const defaultSettings: Readonly<Settings> = Object.freeze({
  rules: Object.freeze({}) as Record<string, RuleSetting>,
  validate: Object.freeze({ enable: true, debounceMs: 200 }),
  codeLens: Object.freeze({ enable: true }),
  maxFileSizeKb: 1024,
  parseTimeoutMs: 2000,
  timeBudgetMs: DEFAULT_TIME_BUDGET_MS,
  logLevel: 'info' as LogLevel,
});

/** The bounds a numeric setting is clamped to. */
export const DEBOUNCE_MS_RANGE = { min: 0, max: 5000 } as const;
export const MAX_FILE_SIZE_KB_RANGE = { min: 1, max: 102400 } as const;
export const PARSE_TIMEOUT_MS_RANGE = { min: 50, max: 60000 } as const;
/** 0 turns the budget off; otherwise at least 50 ms. */
export const TIME_BUDGET_MS_RANGE = { min: 0, max: 60000 } as const;

/** Settings read from a raw configuration value, with what was wrong in it. */
export interface ReadSettings {
  settings: Settings;
  /** One line per ignored value, for the log. */
  warnings: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readNumber(raw: unknown, name: string, fallback: number, range: { min: number; max: number }, warnings: string[]): number {
  if (raw === undefined || raw === null) return fallback;
  if (typeof raw !== 'number' || !Number.isFinite(raw)) {
    warnings.push(`${CONFIG_SECTION}.${name}: expected a number, got ${JSON.stringify(raw)}; using ${fallback}`);
    return fallback;
  }
  const clamped = Math.min(range.max, Math.max(range.min, raw));
  if (clamped !== raw) warnings.push(`${CONFIG_SECTION}.${name}: ${raw} is outside ${range.min}..${range.max}; using ${clamped}`);
  return clamped;
}

/**
 * Settings from the raw value of the `cognitoClient` section (as `workspace/configuration` or
 * `workspace/didChangeConfiguration` deliver it). Anything missing or malformed takes its default.
 * `knownRule` (when given) flags rule ids that do not exist, which are kept but reported.
 */
export function readSettings(raw: unknown, knownRule?: (id: string) => boolean): ReadSettings {
  const warnings: string[] = [];
  const section = isRecord(raw) ? raw : {};
  if (raw !== undefined && raw !== null && !isRecord(raw)) warnings.push(`${CONFIG_SECTION}: expected an object; using the defaults`);

  const rules: Record<string, RuleSetting> = {};
  if (isRecord(section.rules)) {
    for (const [id, value] of Object.entries(section.rules)) {
      if (typeof value !== 'string' || !(RULE_SETTINGS as readonly string[]).includes(value)) {
        warnings.push(`${CONFIG_SECTION}.rules.${id}: expected one of ${RULE_SETTINGS.join(', ')}, got ${JSON.stringify(value)}; ignored`);
        continue;
      }
      if (knownRule && !knownRule(id)) warnings.push(`${CONFIG_SECTION}.rules: no rule has the id "${id}"`);
      rules[id] = value as RuleSetting;
    }
  } else if (section.rules !== undefined && section.rules !== null) {
    warnings.push(`${CONFIG_SECTION}.rules: expected an object of rule id to severity; ignored`);
  }

  const validate = isRecord(section.validate) ? section.validate : {};
  let enable = defaultSettings.validate.enable;
  if (typeof validate.enable === 'boolean') enable = validate.enable;
  else if (validate.enable !== undefined && validate.enable !== null) warnings.push(`${CONFIG_SECTION}.validate.enable: expected true or false; using ${enable}`);
  const debounceMs = readNumber(validate.debounceMs, 'validate.debounceMs', defaultSettings.validate.debounceMs, DEBOUNCE_MS_RANGE, warnings);

  const lens = isRecord(section.codeLens) ? section.codeLens : {};
  let lensEnable = defaultSettings.codeLens.enable;
  if (typeof lens.enable === 'boolean') lensEnable = lens.enable;
  else if (lens.enable !== undefined && lens.enable !== null) warnings.push(`${CONFIG_SECTION}.codeLens.enable: expected true or false; using ${lensEnable}`);

  const maxFileSizeKb = readNumber(section.maxFileSizeKb, 'maxFileSizeKb', defaultSettings.maxFileSizeKb, MAX_FILE_SIZE_KB_RANGE, warnings);

  const parseTimeoutMs = readNumber(section.parseTimeoutMs, 'parseTimeoutMs', defaultSettings.parseTimeoutMs, PARSE_TIMEOUT_MS_RANGE, warnings);

  let timeBudgetMs = readNumber(section.timeBudgetMs, 'timeBudgetMs', defaultSettings.timeBudgetMs, TIME_BUDGET_MS_RANGE, warnings);
  if (timeBudgetMs > 0 && timeBudgetMs < 50) {
    warnings.push(`${CONFIG_SECTION}.timeBudgetMs: ${timeBudgetMs} is below 50 (0 turns the budget off); using 50`);
    timeBudgetMs = 50;
  }

  let logLevel = defaultSettings.logLevel;
  if (typeof section.logLevel === 'string' && (LOG_LEVELS as readonly string[]).includes(section.logLevel)) logLevel = section.logLevel as LogLevel;
  else if (section.logLevel !== undefined && section.logLevel !== null) warnings.push(`${CONFIG_SECTION}.logLevel: expected one of ${LOG_LEVELS.join(', ')}; using ${logLevel}`);

  return { settings: { rules, validate: { enable, debounceMs }, codeLens: { enable: lensEnable }, maxFileSizeKb, parseTimeoutMs, timeBudgetMs, logLevel }, warnings };
}

/** A stable key for the settings that change analysis results (for caches and result ids). */
export function analysisKey(settings: Pick<Settings, 'rules' | 'maxFileSizeKb'>): string {
  const rules = Object.keys(settings.rules)
    .sort()
    .map((id) => `${id}=${settings.rules[id]}`)
    .join(',');
  return `${settings.maxFileSizeKb}|${rules}`;
}
