/**
 * `.cognito-client.json`: per-project settings for the CLI, found in the directory of each file
 * checked or the nearest directory above it (so the file at a workspace root covers the whole
 * workspace, and a nested one replaces it for its subtree: files are not merged). The shape is the
 * editor setting's:
 *
 *   { "rules": { "implicit-flow-discouraged": "off", "redirect-uri-insecure": "warning" } }
 *
 * Each value is `error`, `warning`, `info` or `off`. `--rule` on the command line wins over the
 * file. A file that is not valid JSON (or not an object) stops the run; an unknown rule id or
 * severity is reported on stderr and ignored, so a file shared across versions keeps working.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { RuleSetting } from '../rules/engine';

/** The file name looked for. */
export const CONFIG_FILE_NAME = '.cognito-client.json';

const SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'info', 'off'];

/** What a configuration file says. */
export interface ProjectConfig {
  /** The file's absolute path. */
  path: string;
  rules: Record<string, RuleSetting>;
  /** One line per value that was ignored. */
  warnings: string[];
}

/** A configuration file that cannot be used at all; the message is one line. */
export class ConfigError extends Error {}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Read one configuration file. Throws `ConfigError` when it cannot be read or is not a JSON object. */
export function readConfigFile(path: string, isKnownRule: (id: string) => boolean, display: string = path): ProjectConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException)?.code;
    throw new ConfigError(`cannot read ${display}: ${code === 'ENOENT' ? 'no such file' : code ?? String(error)}`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${display} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isRecord(raw)) throw new ConfigError(`${display} must hold a JSON object, e.g. {"rules": {"implicit-flow-discouraged": "off"}}`);
  const config: ProjectConfig = { path, rules: {}, warnings: [] };
  for (const key of Object.keys(raw)) {
    if (key !== 'rules' && key !== '$schema') config.warnings.push(`${display}: unknown setting "${key}" ignored (only "rules" is read)`);
  }
  if (raw.rules === undefined) return config;
  if (!isRecord(raw.rules)) {
    config.warnings.push(`${display}: "rules" must be an object of rule id to severity; ignored`);
    return config;
  }
  for (const [id, value] of Object.entries(raw.rules)) {
    if (!isKnownRule(id)) {
      config.warnings.push(`${display}: no rule has the id "${id}"; ignored`);
      continue;
    }
    if (typeof value !== 'string' || !(SETTINGS as readonly string[]).includes(value)) {
      config.warnings.push(`${display}: rules.${id} must be one of ${SETTINGS.join(', ')}, not ${JSON.stringify(value)}; ignored`);
      continue;
    }
    config.rules[id] = value as RuleSetting;
  }
  return config;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Finds the configuration file for each checked file, reading each one once. With `fixed`, every
 * file uses that one configuration; with `disabled`, none.
 */
export class ConfigResolver {
  private readonly byDirectory = new Map<string, string | undefined>();
  private readonly byPath = new Map<string, ProjectConfig>();

  constructor(
    private readonly isKnownRule: (id: string) => boolean,
    private readonly options: { fixed?: string; disabled?: boolean; cwd: string; warn: (line: string) => void },
  ) {}

  /** The configuration file that applies to a file (absolute path), if any. */
  configPathFor(absoluteFile: string): string | undefined {
    if (this.options.disabled) return undefined;
    if (this.options.fixed !== undefined) return resolve(this.options.cwd, this.options.fixed);
    return this.lookUp(dirname(absoluteFile));
  }

  private lookUp(dir: string): string | undefined {
    const visited: string[] = [];
    let found: string | undefined;
    let current = dir;
    for (;;) {
      if (this.byDirectory.has(current)) {
        found = this.byDirectory.get(current);
        break;
      }
      visited.push(current);
      const candidate = join(current, CONFIG_FILE_NAME);
      if (isFile(candidate)) {
        found = candidate;
        break;
      }
      const parent = dirname(current);
      if (parent === current) break;
      current = parent;
    }
    for (const d of visited) this.byDirectory.set(d, found);
    return found;
  }

  /** The rule settings for a file: its configuration file's. Throws `ConfigError` for a broken file. */
  rulesFor(absoluteFile: string): Record<string, RuleSetting> {
    const path = this.configPathFor(absoluteFile);
    if (path === undefined) return {};
    let config = this.byPath.get(path);
    if (!config) {
      const display = this.options.fixed ?? (relative(this.options.cwd, path).replace(/\\/g, '/') || path);
      config = readConfigFile(path, this.isKnownRule, display);
      for (const warning of config.warnings) this.options.warn(warning);
      this.byPath.set(path, config);
    }
    return config.rules;
  }
}
