/**
 * The extension manifest agrees with the server: every setting in ./server/src/config.ts is
 * documented in `contributes.configuration` with the same default and bounds, every rule id has a
 * severity setting, and the command the client registers is contributed. Also guards the server's
 * promises: no console output (stdout is the protocol) and no process, network or eval in
 * server code.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CONFIG_SECTION, DEBOUNCE_MS_RANGE, defaultSettings, LOG_LEVELS, MAX_FILE_SIZE_KB_RANGE, PARSE_TIMEOUT_MS_RANGE, RULE_SETTINGS, TIME_BUDGET_MS_RANGE } from '../../server/src/config';
import { rules } from '../../server/src/rules/index';
import { surfaces } from '../../server/src/surfaces';
import { documentSelector } from '../../client/src/selector';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

interface SettingSchema {
  type: string;
  default?: unknown;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  scope?: string;
  markdownDescription?: string;
  properties?: Record<string, SettingSchema>;
  additionalProperties?: SettingSchema;
}

const properties: Record<string, SettingSchema> = pkg.contributes?.configuration?.properties ?? {};
const setting = (name: string): SettingSchema => {
  const s = properties[`${CONFIG_SECTION}.${name}`];
  assert.ok(s, `package.json documents ${CONFIG_SECTION}.${name}`);
  return s;
};

/** Every leaf of the settings object, as dotted names with their defaults. */
function leaves(value: object, prefix = ''): [string, unknown][] {
  return Object.entries(value).flatMap(([key, v]): [string, unknown][] =>
    key !== 'rules' && typeof v === 'object' && v !== null ? leaves(v, `${prefix}${key}.`) : [[`${prefix}${key}`, v]],
  );
}

describe('package.json contributes.configuration', () => {
  it('documents every server setting with its default, and nothing else but the trace', () => {
    const expected = leaves(defaultSettings).map(([name]) => `${CONFIG_SECTION}.${name}`);
    assert.deepEqual(Object.keys(properties).sort(), [...expected, `${CONFIG_SECTION}.trace.server`].sort());
    for (const [name, value] of leaves(defaultSettings)) {
      assert.deepEqual(setting(name).default, value, `default of ${name}`);
      assert.ok((setting(name).markdownDescription ?? '').length > 20, `${name} is described`);
    }
  });

  it('bounds and enums match the server', () => {
    assert.deepEqual([setting('validate.debounceMs').minimum, setting('validate.debounceMs').maximum], [DEBOUNCE_MS_RANGE.min, DEBOUNCE_MS_RANGE.max]);
    assert.deepEqual([setting('maxFileSizeKb').minimum, setting('maxFileSizeKb').maximum], [MAX_FILE_SIZE_KB_RANGE.min, MAX_FILE_SIZE_KB_RANGE.max]);
    assert.deepEqual([setting('parseTimeoutMs').minimum, setting('parseTimeoutMs').maximum], [PARSE_TIMEOUT_MS_RANGE.min, PARSE_TIMEOUT_MS_RANGE.max]);
    assert.deepEqual([setting('timeBudgetMs').minimum, setting('timeBudgetMs').maximum], [TIME_BUDGET_MS_RANGE.min, TIME_BUDGET_MS_RANGE.max]);
    assert.deepEqual(setting('logLevel').enum, [...LOG_LEVELS]);
    assert.deepEqual(setting('trace.server').enum, ['off', 'messages', 'verbose']);
    assert.equal(setting('trace.server').default, 'off');
  });

  it('has a severity setting for every rule id, and only for rule ids', () => {
    const rulesSetting = setting('rules');
    assert.equal(rulesSetting.type, 'object');
    assert.deepEqual(rulesSetting.additionalProperties?.enum, [...RULE_SETTINGS]);
    assert.deepEqual(Object.keys(rulesSetting.properties ?? {}).sort(), rules.map((r) => r.id).sort());
    for (const [id, s] of Object.entries(rulesSetting.properties ?? {})) {
      assert.deepEqual(s.enum, [...RULE_SETTINGS], id);
      assert.ok(s.markdownDescription?.includes(`#${id})`), `${id} links to its documentation`);
      const rule = rules.find((r) => r.id === id)!;
      if (typeof rule.severity === 'string') assert.ok(s.markdownDescription?.includes(`Default: ${rule.severity}.`), `${id} states its default severity`);
    }
  });
});

describe('package.json extension fields', () => {
  it('activates on the languages and files the client sends to the server', () => {
    const expected = documentSelector.map((f) => (f.language ? `onLanguage:${f.language}` : `workspaceContains:${f.pattern}`));
    assert.deepEqual([...pkg.activationEvents].sort(), [...expected].sort());
    const client = fs.readFileSync(path.join(ROOT, 'client', 'src', 'extension.ts'), 'utf8');
    assert.match(client, /documentSelector,/);
  });

  it('sends the server every document a surface reads: its language ids and its file endings', () => {
    const languages = new Set(documentSelector.flatMap((f) => (f.language ? [f.language] : [])));
    const patterns = documentSelector.flatMap((f) => (f.pattern ? [f.pattern] : []));
    for (const surface of surfaces) {
      for (const id of surface.languageIds) assert.ok(languages.has(id), `${surface.id}: language ${id} is in the client's document selector`);
      for (const kind of surface.files) {
        const covered = languages.has(kind.languageId) || patterns.includes(`**/*${kind.suffix}`);
        assert.ok(covered, `${surface.id}: files ending ${kind.suffix} reach the server (language ${kind.languageId} or pattern **/*${kind.suffix})`);
      }
    }
  });

  it('contributes the restart command the client registers', () => {
    assert.deepEqual(pkg.contributes.commands, [{ command: 'cognitoClient.restartServer', title: 'Restart Language Server', category: 'Cognito' }]);
    const client = fs.readFileSync(path.join(ROOT, 'client', 'src', 'extension.ts'), 'utf8');
    assert.ok(client.includes("registerCommand('cognitoClient.restartServer'"));
  });

  it('runs in untrusted and virtual workspaces, and points at the bundles', () => {
    assert.deepEqual(pkg.capabilities, { untrustedWorkspaces: { supported: true }, virtualWorkspaces: true });
    assert.deepEqual(pkg.categories, ['Linters', 'Programming Languages']);
    assert.ok(Array.isArray(pkg.keywords) && pkg.keywords.length > 0 && pkg.keywords.length <= 30);
    assert.equal(pkg.main, './dist/client/extension.js');
    assert.equal(pkg.bin['cognito-client-language-server'], 'dist/server/server.js');
  });
});

describe('server code', () => {
  /** Server sources the language server bundles (the CLI writes to stdout by design). */
  function serverSources(): string[] {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (full !== path.join(ROOT, 'server', 'src', 'cli')) walk(full);
        } else if (entry.name.endsWith('.ts') && full !== path.join(ROOT, 'server', 'src', 'cli.ts')) {
          files.push(full);
        }
      }
    };
    walk(path.join(ROOT, 'server', 'src'));
    return files;
  }

  /** Source text without comments, so prose about `console.log` does not count. */
  const code = (file: string): string => fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

  it('writes nothing to the console (stdout is the protocol stream)', () => {
    const offenders = serverSources().filter((f) => /(?<![.\w$])console\s*\.\s*\w+\s*\(/.test(code(f)));
    assert.deepEqual(offenders.map((f) => path.relative(ROOT, f)), []);
  });

  it('starts no process, opens no network connection and evaluates no code', () => {
    const modules = '(node:)?(child_process|cluster|net|http|https|http2|dgram|dns|tls|vm|worker_threads)';
    const forbidden = new RegExp(`(\\bfrom\\s*|\\brequire\\s*\\(\\s*|\\bimport\\s*\\(\\s*)['"]${modules}['"]|\\beval\\s*\\(|\\bnew\\s+Function\\s*\\(|(?<![.\\w$])fetch\\s*\\(|\\bprocess\\s*\\.\\s*(exit|kill|binding|dlopen)\\b`);
    const offenders = serverSources().filter((f) => forbidden.test(code(f)));
    assert.deepEqual(offenders.map((f) => path.relative(ROOT, f)), []);
  });
});
