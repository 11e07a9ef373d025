#!/usr/bin/env node
/**
 * Mutation testing of the rules (`npm run mutate`; not part of `npm test`).
 *
 * For each rule file server/src/rules/*.ts (not the engine, the registry or the types) it makes
 * small, deterministic changes one at a time — a mutant — and runs the unit tests that could
 * notice: a test run that fails "kills" the mutant; one that passes lets it "survive", which means
 * no test pins the behaviour that changed. The mutations:
 *
 *   comparison   === ↔ !==, == ↔ !=, < → <=, <= → <, > → >=, >= → >
 *   logical      && ↔ ||, ?? → ||
 *   boolean      true ↔ false
 *   negation     !x → x
 *   constant     a number n → n + 1 (0 → 1, 1 → 0)
 *   early exit   `if (c) return/continue/break` → the condition made false (the exit removed)
 *
 * Each mutant is compiled alone (TypeScript's transpileModule, the same CommonJS output tsc gives),
 * so `npm run typecheck` (tsc) must have run first. It then meets the tests in two steps:
 *   1. in this process, the rule's case table (the `ruleTests` tables of test/unit/rules-*.test.ts,
 *      collected once) with the mutated rule put in the engine's place, with the assertions
 *      `ruleTests` makes, over the same renderers: a failing case is a failing test of that file;
 *   2. if it survives that, the compiled unit test files whose source names the rule id or imports
 *      the file, plus test/unit/mutation-kills.test.ts (written against survivors, over every rule)
 *      and the files running the case tables over Terraform and the SDKs, one at a time, stopping
 *      at the first that fails. Each file runs in this process when it can: its module body is run
 *      again under a `node:test` that records describe/it/hooks, and the recorded tests run as
 *      node --test runs them (hooks, order, skips, todo), with the mutant in the loaded rule
 *      module's exports and in the rule lists (and written over out/server/src/rules/<file>.js,
 *      restored afterwards, for the tests that start processes). A file whose tests do not all pass
 *      here before any mutation, or that uses what this runner does not imitate (`t.test`, mocks,
 *      an error outside a test), runs under `node --test` in a child process instead. Either way
 *      a mutant is killed only by a test that fails. (The CLI and packaging tests run the bundles,
 *      which a mutant does not change.)
 * Same sources, same mutants, same order, same outcome.
 *
 * Usage: node test/mutate/mutate.mjs [--rule ID ...] [--list] [--json FILE] [--quick] [--in-process-only]
 *   --rule ID   only this rule's file (repeatable)
 *   --list      print the mutants without running anything
 *   --json FILE write the full report (every mutant and its outcome) as JSON
 *   --quick     step 2 runs only the rule test files (rules-*.test), the kill tests and the twin
 *               files, not every test naming the rule (fixes-applied, code-actions, corpus...)
 *   --in-process-only  step 1 only (what survives the case tables)
 * MUTATE_OUT=DIR uses another compiled tree than out/ (tsc --outDir DIR, a sibling of out/), so
 * that two runs, or a run and a build, do not write over each other's rule files.
 * Survivors that are equivalent mutants (no behaviour can tell them apart) are listed with the
 * reason in test/mutate/equivalent.json, by key (`file:line kind: original → replacement`, with
 * `(#2)`... for a second alike mutant on the line); the run counts them as "explained".
 * test/mutate/table.mjs turns the --json reports of a run made in chunks into the table of
 * docs/mutation-testing.md.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const RULES = join(ROOT, 'server', 'src', 'rules');
/** The compiled tree (tsc's outDir); MUTATE_OUT names another, e.g. for two runs at once. */
const OUT = process.env.MUTATE_OUT ? resolve(process.env.MUTATE_OUT) : join(ROOT, 'out');
const OUT_RULES = join(OUT, 'server', 'src', 'rules');
const TEST_SOURCES = join(ROOT, 'test', 'unit');
const OUT_TESTS = join(OUT, 'test', 'unit');
const NOT_RULES = new Set(['engine.ts', 'index.ts', 'types.ts']);
/** Tests that run the built bundles (dist/) or other processes: a mutant of out/ does not reach them. */
const BUNDLE_TESTS = /^(cli|packages|vsix|action|pre-commit-hooks|corpus-gate|docs)/;
/**
 * Test files whose outcome depends on what the process has done before (a test that the JS/TS
 * reader says it cannot read while no grammar is loaded): always run under node --test. Found by
 * re-checking in-process kills in a child process, where this one passed.
 */
const SPAWN_ONLY = new Set(['sdk-javascript.test.js']);
const TEST_TIMEOUT_MS = 120_000;
/** The files that run every rule's case table over Terraform and the SDK surfaces. */
/** Tests written against survivors of this script, over every rule. */
const KILL_TESTS = ['mutation-kills.test.ts'];
const TWIN_TESTS = ['terraform-rules.test.ts', 'sdk-javascript-rules.test.ts', 'sdk-python-rules.test.ts'];

function parseArgs(argv) {
  const options = { rules: [], list: false, json: undefined, quick: false, inProcessOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--rule') options.rules.push(argv[++i]);
    else if (a === '--list') options.list = true;
    else if (a === '--json') options.json = argv[++i];
    else if (a === '--quick') options.quick = true;
    else if (a === '--in-process-only') options.inProcessOnly = true;
    else {
      console.error(`mutate: unknown argument ${a}`);
      process.exit(2);
    }
  }
  return options;
}

const SWAP = {
  [ts.SyntaxKind.EqualsEqualsEqualsToken]: '!==',
  [ts.SyntaxKind.ExclamationEqualsEqualsToken]: '===',
  [ts.SyntaxKind.EqualsEqualsToken]: '!=',
  [ts.SyntaxKind.ExclamationEqualsToken]: '==',
  [ts.SyntaxKind.LessThanToken]: '<=',
  [ts.SyntaxKind.LessThanEqualsToken]: '<',
  [ts.SyntaxKind.GreaterThanToken]: '>=',
  [ts.SyntaxKind.GreaterThanEqualsToken]: '>',
  [ts.SyntaxKind.AmpersandAmpersandToken]: '||',
  [ts.SyntaxKind.BarBarToken]: '&&',
  [ts.SyntaxKind.QuestionQuestionToken]: '||',
};

function isExit(statement) {
  if (!statement) return false;
  if (ts.isBlock(statement)) return statement.statements.length === 1 && isExit(statement.statements[0]);
  return ts.isReturnStatement(statement) || ts.isContinueStatement(statement) || ts.isBreakStatement(statement);
}

/** Every mutant of one source text, in source order: { start, end, replacement, kind, line, original }. */
function mutantsOf(fileName, text) {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const out = [];
  const add = (start, end, replacement, kind) => {
    const { line } = source.getLineAndCharacterOfPosition(start);
    out.push({ start, end, replacement, kind, line: line + 1, original: text.slice(start, end) });
  };
  const visit = (node) => {
    // Imports, types and the rule's description text carry no behaviour a test can see.
    if (ts.isImportDeclaration(node) || ts.isTypeNode(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) return;
    if (ts.isBinaryExpression(node) && SWAP[node.operatorToken.kind] !== undefined) {
      const kind = [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(node.operatorToken.kind) ? 'logical' : 'comparison';
      add(node.operatorToken.getStart(source), node.operatorToken.getEnd(), SWAP[node.operatorToken.kind], kind);
    }
    if (node.kind === ts.SyntaxKind.TrueKeyword) add(node.getStart(source), node.getEnd(), 'false', 'boolean');
    if (node.kind === ts.SyntaxKind.FalseKeyword) add(node.getStart(source), node.getEnd(), 'true', 'boolean');
    if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) {
      // `!x` → `(x)`: drop the one operator.
      add(node.getStart(source), node.operand.getStart(source), '', 'negation');
    }
    if (ts.isNumericLiteral(node)) {
      const n = Number(node.text);
      const next = n === 1 ? 0 : n + 1;
      add(node.getStart(source), node.getEnd(), String(next), 'constant');
    }
    if (ts.isIfStatement(node) && !node.elseStatement && isExit(node.thenStatement)) {
      add(node.expression.getStart(source), node.expression.getEnd(), 'false', 'early exit');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/**
 * Each mutant's name, as test/mutate/equivalent.json lists it: `file:line kind: original → replacement`;
 * two alike on one line (two `||` in one condition) are told apart by their order, `(#2)`.
 */
function keysOf(file, mutants) {
  const seen = new Map();
  return mutants.map((m) => {
    const base = `${file}:${m.line} ${m.kind}: ${m.original} → ${m.replacement || '(removed)'}`;
    const nth = (seen.get(base) ?? 0) + 1;
    seen.set(base, nth);
    return nth === 1 ? base : `${base} (#${nth})`;
  });
}

function compile(fileName, text) {
  const result = ts.transpileModule(text, {
    fileName,
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, esModuleInterop: true, sourceMap: false },
    reportDiagnostics: true,
  });
  const errors = (result.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
  return errors.length ? undefined : result.outputText;
}

/** Compiled unit tests whose source names the rule id (or imports the rule file), the rule's own test files first. */
function testsFor(ruleFile, ruleText, quick = false) {
  const id = /id: '([a-z0-9-]+)'/.exec(ruleText)?.[1];
  const module = basename(ruleFile, '.ts');
  const needles = [id ? `'${id}'` : undefined, `rules/${module}'`].filter(Boolean);
  let files = readdirSync(TEST_SOURCES)
    .filter((f) => f.endsWith('.test.ts') && !BUNDLE_TESTS.test(f))
    .sort()
    .filter((f) => {
      const text = readFileSync(join(TEST_SOURCES, f), 'utf8');
      return needles.some((n) => text.includes(n));
    });
  // The case tables run over the other surfaces too (they name no rule id themselves), and the
  // tests written against survivors check every rule.
  for (const always of [...KILL_TESTS, ...TWIN_TESTS]) if (!files.includes(always)) files.push(always);
  // Rule tables first: they are the ones meant to kill; then the kill tests and the twins.
  const rank = (f) => (f.startsWith('rules-') ? 0 : KILL_TESTS.includes(f) ? 1 : TWIN_TESTS.includes(f) ? 2 : 3);
  files.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  if (quick) files = files.filter((f) => rank(f) < 3);
  return { id, tests: files.map((f) => join(OUT_TESTS, f.replace(/\.ts$/, '.js'))) };
}

const require = createRequire(import.meta.url);
/**
 * Every module this process loads gets the recording `node:test` below (the support modules too,
 * which declare tests for the files that call them); it records only while a test file is collected.
 */
let nodeTestShim;
{
  const original = Module._load;
  Module._load = function (request, ...rest) {
    if (request === 'node:test' || request === 'test') return (nodeTestShim ??= testApi());
    return original.call(this, request, ...rest);
  };
}
let tier1;
/** The case tables and what runs them, loaded once from out/. */
function loadTier1() {
  if (tier1) return tier1;
  const { allRuleCases } = require(join(OUT, 'test', 'support', 'twin-rules.js'));
  const { lintRendered, flagged } = require(join(OUT, 'test', 'support', 'harness.js'));
  const { renderers } = require(join(OUT, 'test', 'support', 'scenario.js'));
  const { rules } = require(join(OUT, 'server', 'src', 'rules', 'index.js'));
  tier1 = { cases: allRuleCases(), lintRendered, flagged, renderers, rules };
  return tier1;
}

/** Load compiled JavaScript as if it were the module at `filename` (its relative requires resolve from there). */
function loadAs(js, filename) {
  const m = new Module(filename, null);
  m.filename = filename;
  m.paths = Module._nodeModulePaths(dirname(filename));
  m._compile(js, filename);
  return m.exports;
}

/** Step 1: the rule's case table with the mutated rule; the first failing case, or undefined. */
function runCaseTable(exports) {
  const mutated = exports.rule;
  if (!mutated || typeof mutated.check !== 'function') return undefined;
  const { cases, lintRendered, flagged, renderers, rules } = loadTier1();
  const index = rules.findIndex((r) => r.id === mutated.id);
  const table = cases.find((c) => c.rule === mutated.id);
  if (index < 0 || !table) return undefined;
  const original = rules[index];
  rules[index] = mutated;
  try {
    for (const renderer of renderers) {
      for (const [kind, list] of [['fires', table.fires], ['clean', table.clean], ['unknown', table.unknown]]) {
        for (const c of list) {
          const name = `rule ${table.rule} › ${renderer.id} › ${kind}: ${c.name}`;
          let findings;
          const doc = renderer.render(c.scenario);
          try {
            findings = lintRendered(doc).findings;
          } catch (error) {
            return `${name} (throws)`;
          }
          const mine = findings.filter((f) => f.ruleId === table.rule);
          if (kind !== 'fires') {
            if (mine.length !== 0) return name;
            continue;
          }
          if (mine.length === 0) return name;
          if (c.count !== undefined && mine.length !== c.count) return name;
          if (c.at !== undefined && !mine.some((f) => flagged(doc, f).includes(c.at))) return name;
          if (c.severity && !mine.every((f) => f.severity === c.severity)) return name;
          if (!mine.every((f) => typeof f.message === 'string' && f.message.length > 10)) return name;
        }
      }
    }
    return undefined;
  } finally {
    rules[index] = original;
  }
}

// ---------- step 2: the compiled test files, in this process ----------

/** Something the in-process runner does not imitate: the file is run by `node --test` instead. */
class Unsupported extends Error {
  constructor(message) {
    super(message);
    unsupportedWhy = message;
  }
}
let unsupportedWhy;

/** What `node:test` gives a test file while it is collected here: describe/it/hooks recorded into a tree. */
let current;
function testApi() {
  const split = (args) => {
    let name;
    let opts = {};
    let fn;
    for (const a of args) {
      if (typeof a === 'string') name = a;
      else if (typeof a === 'function') fn = a;
      else if (a && typeof a === 'object') opts = a;
    }
    return { name: name ?? fn?.name ?? '<anonymous>', opts, fn };
  };
  // `todo` tests run but their failures do not fail the file: not run here (they cannot kill).
  const skipped = (opts, extra) => Boolean(opts.skip || opts.todo || extra);
  const suite = (extra) => (...args) => {
    const { name, opts, fn } = split(args);
    if (!current) return;
    const s = { kind: 'suite', name, skip: skipped(opts, extra), children: [], before: [], after: [], beforeEach: [], afterEach: [] };
    current.children.push(s);
    const parent = current;
    current = s;
    try {
      const r = fn?.call(undefined, {});
      if (r && typeof r.then === 'function') throw new Unsupported('an async describe');
    } finally {
      current = parent;
    }
  };
  const test = (extra) => (...args) => {
    const { name, opts, fn } = split(args);
    if (!current) return;
    current.children.push({ kind: 'test', name, skip: skipped(opts, extra) || !fn, fn });
  };
  const hook = (which) => (fn) => void current?.[which].push(fn);
  const withVariants = (make) => Object.assign(make(false), { skip: make(true), todo: make(true), only: make(false) });
  const api = {
    describe: withVariants(suite),
    suite: withVariants(suite),
    it: withVariants(test),
    test: withVariants(test),
    before: hook('before'),
    after: hook('after'),
    beforeEach: hook('beforeEach'),
    afterEach: hook('afterEach'),
  };
  api.default = api.test;
  return new Proxy(api, {
    get(target, prop) {
      if (prop in target) return target[prop];
      if (prop === '__esModule' || prop === 'then' || typeof prop === 'symbol') return undefined;
      throw new Unsupported(`node:test ${String(prop)}`);
    },
  });
}

/** The tests a compiled test file declares (its module body run again, so it sees the rule as it is now). */
function collectTests(testJs) {
  const root = { kind: 'suite', name: basename(testJs), skip: false, children: [], before: [], after: [], beforeEach: [], afterEach: [] };
  delete require.cache[testJs];
  current = root;
  try {
    require(testJs);
  } finally {
    current = undefined;
    delete require.cache[testJs];
  }
  return root;
}

/** The `t` a test function receives: what the rule tests use of it; anything else is not imitated. */
function testContext(name) {
  const t = { name, skip() {}, todo() {}, diagnostic() {}, runOnly() {}, signal: new AbortController().signal };
  return new Proxy(t, {
    get(target, prop) {
      if (prop in target) return target[prop];
      if (prop === 'then' || typeof prop === 'symbol') return undefined;
      throw new Unsupported(`t.${String(prop)}`);
    },
  });
}

let strayError;
let testsRun = 0;
process.on('uncaughtException', (error) => void (strayError ??= error));
process.on('unhandledRejection', (error) => void (strayError ??= error));

async function call(fn, t) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Unsupported('a test that did not finish in time')), TEST_TIMEOUT_MS);
  });
  const run = fn.length >= 2 ? new Promise((resolve, reject) => fn(t, (error) => (error ? reject(error) : resolve()))) : Promise.resolve().then(() => fn(t));
  try {
    await Promise.race([run, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Run a suite as node --test does (hooks, order, skips); the first failing test's name, or undefined. */
async function runSuite(s, path, befores, afters) {
  if (s.skip) return undefined;
  try {
    for (const h of s.before) await call(h, testContext(path));
    const eachBefore = [...befores, ...s.beforeEach];
    const eachAfter = [...s.afterEach, ...afters];
    for (const child of s.children) {
      const name = `${path} › ${child.name}`;
      if (child.kind === 'suite') {
        const failed = await runSuite(child, name, eachBefore, eachAfter);
        if (failed) return failed;
        continue;
      }
      if (child.skip) continue;
      const t = testContext(child.name);
      testsRun++;
      try {
        for (const h of eachBefore) await call(h, t);
        await call(child.fn, t);
      } catch (error) {
        if (error instanceof Unsupported) throw error;
        return { name, error };
      } finally {
        for (const h of eachAfter) await call(h, t).catch(() => undefined);
      }
    }
    return undefined;
  } catch (error) {
    if (error instanceof Unsupported) throw error;
    return { name: `${path} (hook)`, error };
  } finally {
    for (const h of s.after) await call(h, testContext(path)).catch(() => undefined);
  }
}

/**
 * One compiled test file, in this process: 'passed', { failed: name }, or 'unsupported' (the file
 * uses something this runner does not imitate, or left an error behind: `node --test` runs it).
 */
async function runTestFileInProcess(testJs) {
  strayError = undefined;
  const cwd = process.cwd();
  const env = { ...process.env };
  try {
    const root = collectTests(testJs);
    const failed = await runSuite(root, basename(testJs), [], []);
    if (strayError) {
      unsupportedWhy = `an error outside the tests: ${strayError?.message ?? strayError}`;
      return 'unsupported';
    }
    return failed ? { failed: failed.name, error: failed.error } : 'passed';
  } catch (error) {
    if (error instanceof Unsupported) return 'unsupported';
    // The module body itself threw: as under node --test, the file fails.
    return { failed: `${basename(testJs)} (loading)`, error };
  } finally {
    if (process.cwd() !== cwd) process.chdir(cwd);
    for (const k of Object.keys(process.env)) if (!(k in env)) delete process.env[k];
    Object.assign(process.env, env);
  }
}

/**
 * Put the mutated module in the compiled rule's place for the code already loaded: its exports
 * replaced in the cached module, and the rule object replaced in the arrays listing the rules.
 * Returns the undo.
 */
function installMutant(outJs, mutatedExports) {
  const cached = require(outJs);
  const saved = { ...cached };
  Object.assign(cached, mutatedExports);
  const swapped = [];
  if (saved.rule && mutatedExports.rule) {
    for (const holder of ['index.js', 'shape-rules.js', 'oauth-secret-rules.js', 'flow-attribute-resource-rules.js']) {
      const exported = require(join(OUT_RULES, holder));
      for (const value of Object.values(exported)) {
        if (!Array.isArray(value)) continue;
        value.forEach((r, i) => {
          if (r === saved.rule) {
            value[i] = mutatedExports.rule;
            swapped.push([value, i]);
          }
        });
      }
    }
  }
  if (saved.rule && mutatedExports.rule && swapped.length === 0) throw new Error(`${basename(outJs)}: its rule is in no rule list of ${OUT_RULES}`);
  return () => {
    for (const [array, i] of swapped) array[i] = saved.rule;
    for (const k of Object.keys(cached)) if (!(k in saved)) delete cached[k];
    Object.assign(cached, saved);
  };
}

function runTests(tests) {
  for (const test of tests) {
    const env = { ...process.env };
    delete env.NODE_TEST_CONTEXT;
    const r = spawnSync(process.execPath, ['--test', '--test-reporter=dot', test], { encoding: 'utf8', env, timeout: TEST_TIMEOUT_MS });
    if (r.error?.code === 'ETIMEDOUT' || r.signal) return { killed: true, by: `${basename(test)} (timeout)` };
    if (r.status !== 0) return { killed: true, by: basename(test) };
  }
  return { killed: false };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!existsSync(OUT_RULES)) {
    console.error('mutate: out/ is not built: run `npx tsc -p tsconfig.json` (npm run mutate does) first');
    process.exit(2);
  }
  const equivalentPath = join(ROOT, 'test', 'mutate', 'equivalent.json');
  const equivalent = existsSync(equivalentPath) ? JSON.parse(readFileSync(equivalentPath, 'utf8')) : {};
  const files = readdirSync(RULES)
    .filter((f) => f.endsWith('.ts') && !NOT_RULES.has(f))
    .sort();
  const report = { mutants: 0, killed: 0, survived: 0, explained: 0, invalid: 0, files: [] };
  const started = Date.now();
  /** Per compiled test file: run 'in-process' (its baseline passes here) or by 'spawn'ing node --test. */
  const modeOf = new Map();
  const spawnBaseline = new Set();
  for (const file of files) {
    const path = join(RULES, file);
    const text = readFileSync(path, 'utf8');
    const { id, tests } = testsFor(path, text, options.quick);
    if (options.rules.length && !options.rules.includes(id) && !options.rules.includes(basename(file, '.ts'))) continue;
    const mutants = mutantsOf(file, text);
    const keys = keysOf(relative(ROOT, path), mutants);
    const entry = { file: relative(ROOT, path), rule: id, tests: tests.map((t) => basename(t)), mutants: [] };
    report.files.push(entry);
    if (options.list) {
      for (const key of keys) console.log(key);
      report.mutants += mutants.length;
      continue;
    }
    const outJs = join(OUT_RULES, file.replace(/\.ts$/, '.js'));
    const backup = `${outJs}.mutate-backup`;
    copyFileSync(outJs, backup);
    const restore = () => copyFileSync(backup, outJs);
    const stop = () => {
      restore();
      process.exit(130);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
      if (tests.length === 0) console.log(`${entry.file}: no unit test names ${id}`);
      if (!options.inProcessOnly) {
        for (const test of tests) {
          if (!modeOf.has(test) && SPAWN_ONLY.has(basename(test))) modeOf.set(test, 'spawn');
          if (!modeOf.has(test)) {
            const t0 = Date.now();
            const r = await runTestFileInProcess(test);
            modeOf.set(test, r === 'passed' ? 'in-process' : 'spawn');
            if (r !== 'passed') console.log(`${basename(test)}: run by node --test (${r === 'unsupported' ? `in process: ${unsupportedWhy}` : `fails in process: ${r.failed}: ${String(r.error?.message ?? r.error).split('\n')[0]}`})`);
            else if (process.env.MUTATE_VERBOSE) console.log(`${basename(test)}: in process, ${testsRun} tests so far, ${Date.now() - t0} ms`);
          }
          if (modeOf.get(test) === 'spawn' && !spawnBaseline.has(test)) {
            const baseline = runTests([test]);
            if (baseline.killed) throw new Error(`${entry.file}: the tests fail before any mutation (${baseline.by}); fix them first`);
            spawnBaseline.add(test);
          }
        }
      }
      for (const m of mutants) {
        const mutated = text.slice(0, m.start) + m.replacement + text.slice(m.end);
        const key = keys[mutants.indexOf(m)];
        const js = compile(file, mutated);
        if (js === undefined) {
          report.invalid++;
          entry.mutants.push({ key, outcome: 'invalid' });
          continue;
        }
        let exports;
        let loadError;
        try {
          exports = loadAs(js, outJs);
        } catch (error) {
          loadError = error;
        }
        const failingCase = loadError ? `loading throws: ${loadError?.message ?? loadError}` : runCaseTable(exports);
        let result;
        if (failingCase) result = { killed: true, by: `case table: ${failingCase}` };
        else if (options.inProcessOnly) result = { killed: false };
        else {
          // Written to out/ too, for the tests that start processes from it.
          writeFileSync(outJs, js);
          const undo = installMutant(outJs, exports);
          try {
            result = { killed: false };
            for (const test of tests) {
              const r = modeOf.get(test) === 'in-process' ? await runTestFileInProcess(test) : 'unsupported';
              if (r === 'passed') continue;
              if (r === 'unsupported') {
                result = runTests([test]);
                if (result.killed) break;
                continue;
              }
              result = { killed: true, by: `${r.failed} (in process): ${String(r.error?.message ?? r.error).split('\n')[0].slice(0, 160)}` };
              break;
            }
          } finally {
            undo();
            restore();
          }
        }
        report.mutants++;
        let outcome;
        if (result.killed) {
          report.killed++;
          outcome = 'killed';
        } else if (equivalent[key]) {
          report.explained++;
          outcome = 'explained';
        } else {
          report.survived++;
          outcome = 'survived';
        }
        entry.mutants.push({ key, outcome, by: result.by });
        if (outcome !== 'killed') console.log(`${outcome.toUpperCase()} ${key}`);
      }
      const k = entry.mutants.filter((m) => m.outcome === 'killed').length;
      console.log(`${entry.file}: ${k}/${entry.mutants.filter((m) => m.outcome !== 'invalid').length} killed (${Math.round((Date.now() - started) / 1000)} s so far)`);
    } finally {
      restore();
      copyFileSync(backup, outJs);
      spawnSync('rm', ['-f', backup]);
      process.removeListener('SIGINT', stop);
      process.removeListener('SIGTERM', stop);
    }
  }
  if (options.list) {
    console.log(`${report.mutants} mutants in ${report.files.length} files`);
    return;
  }
  const score = report.mutants ? ((report.killed + report.explained) / report.mutants) * 100 : 100;
  console.log(
    `\nmutants ${report.mutants}: killed ${report.killed}, survived ${report.survived}, explained (equivalent) ${report.explained}` +
      `; score ${score.toFixed(1)}% (killed ${report.mutants ? ((report.killed / report.mutants) * 100).toFixed(1) : '100'}%)` +
      `; ${report.invalid} mutants did not compile; ${Math.round((Date.now() - started) / 1000)} s`,
  );
  if (options.json) writeFileSync(options.json, JSON.stringify(report, null, 2) + '\n');
  process.exitCode = report.survived > 0 ? 1 : 0;
}

await main();
