/**
 * Benchmark (not a test; prints numbers): the CLI engine over the real-world corpus, a generated
 * template with 1,000 app clients in YAML and JSON, per-document parse and rule time, the bundled
 * CLI end to end, and hover / completion latency when those features exist.
 *
 *   npm run bench                 # node out/test/bench/bench.js
 *   node out/test/bench/bench.js --quick   # fewer runs, smaller inputs
 *   node out/test/bench/bench.js --targets # only issue 11's targets table (./targets.ts)
 *   node out/test/bench/bench.js --targets --server-only # only its language server rows
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_MAX_FILE_SIZE_KB } from '../../server/src/cli/args';
import { lintText } from '../../server/src/cli/lint-file';
import { fixAll } from '../../server/src/features/fix-all';
import { lintFiles } from '../../server/src/cli/main';
import { collectFiles } from '../../server/src/cli/walk';
import { runRules } from '../../server/src/rules/engine';
import { parseDocument, type SourceDocument } from '../../server/src/surfaces';
import { corpusDir } from '../support/corpus';
import { generateJsonTemplate, generateYamlTemplate } from './generate';
import { summarise, table, time, type Row, type Timing } from './stats';
import { benchTargets } from './targets';

const quick = process.argv.includes('--quick');
/** Only the targets table (./targets.ts), not the engine rows before it. */
const targetsOnly = process.argv.includes('--targets');
const RUNS = quick ? 5 : 20;
const BIG_RUNS = quick ? 3 : 10;
const CLI_RUNS = quick ? 2 : 5;
const FEATURE_RUNS = quick ? 20 : 100;
const CLIENTS = 1000;

const repo = resolve(__dirname, '..', '..', '..');
const cliBundle = join(repo, 'dist', 'server', 'cli.js');

const rows: Row[] = [];

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KB`;
}

/** Run the bundled CLI; wall time including node start-up. */
function timeCli(args: string[], runs: number): { timing: Timing; status: number | null } {
  const samples: number[] = [];
  let status: number | null = null;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const r = spawnSync(process.execPath, [cliBundle, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    samples.push(performance.now() - start);
    status = r.status;
    if (r.status !== 0 && r.status !== 1) throw new Error(`cli exited ${r.status}: ${r.stderr}`);
  }
  return { timing: summarise(samples), status };
}

function benchCorpus(): void {
  const dir = corpusDir();
  if (!existsSync(dir)) {
    rows.push({ name: 'corpus', note: `skipped: corpus not found at ${dir} (set COGNITO_CORPUS_DIR)` });
    return;
  }
  // Every section whose files some surface's language covers (new surfaces join automatically).
  const sections = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => join(dir, e.name));
  const files = collectFiles(sections);
  const bytes = files.reduce((n, f) => n + statSync(f.absolute).size, 0);
  const options = { rules: {}, maxFileSizeKb: DEFAULT_MAX_FILE_SIZE_KB };
  let clients = 0;
  let diagnostics = 0;
  const timing = time(RUNS, () => {
    const report = lintFiles(files, options);
    clients = report.files.reduce((n, f) => n + f.clients.length, 0);
    diagnostics = report.files.reduce((n, f) => n + f.diagnostics.length, 0);
  });
  rows.push({ name: 'corpus, engine (read+parse+rules)', timing, note: `${files.length} files, ${kb(bytes)}, ${clients} clients, ${diagnostics} diagnostics` });
  rows.push({ name: 'corpus, engine per file', timing: { ...timing, medianMs: timing.medianMs / files.length, p95Ms: timing.p95Ms / files.length }, note: 'the run above divided by the file count' });
  if (existsSync(cliBundle)) {
    const cli = timeCli(['--format', 'json', ...sections], CLI_RUNS);
    rows.push({ name: 'corpus, bundled CLI process', timing: cli.timing, note: `wall time incl. node start-up, exit ${cli.status}` });
  }
}

function benchLarge(format: 'yaml' | 'json', tmp: string): SourceDocument {
  const text = format === 'yaml' ? generateYamlTemplate(CLIENTS) : generateJsonTemplate(CLIENTS);
  const path = join(tmp, `clients-${CLIENTS}.${format}`);
  writeFileSync(path, text);
  const doc: SourceDocument = { uri: `file://${path}`, languageId: format, text };
  const label = `${CLIENTS} clients ${format.toUpperCase()}`;
  const parsed = parseDocument(doc);
  if (!parsed) {
    rows.push({ name: label, note: 'skipped: no surface reads the generated template' });
    return doc;
  }
  const model = parsed.model;
  rows.push({ name: `${label}: parse`, timing: time(BIG_RUNS, () => parseDocument(doc)), note: `${kb(Buffer.byteLength(text))}, ${model.clients.length} clients found, ${model.problems.length} parse problems` });
  let findings = 0;
  rows.push({
    name: `${label}: rules`,
    timing: time(BIG_RUNS, () => {
      findings = runRules(model).length;
    }),
    note: `${findings} findings`,
  });
  rows.push({ name: `${label}: CLI engine, whole file`, timing: time(BIG_RUNS, () => lintText(path, doc.uri, text, {})), note: 'parse + rules + every fix as checked text edits' });
  let applied = 0;
  let passes = 0;
  rows.push({
    name: `${label}: fix-all`,
    timing: time(Math.min(BIG_RUNS, 3), () => {
      const result = fixAll(doc);
      applied = result?.applied.length ?? 0;
      passes = result?.passes ?? 0;
    }),
    note: `${applied} fixes in ${passes} pass${passes === 1 ? "" : "es"} (the code action and --fix)`,
  });
  if (existsSync(cliBundle)) {
    const cli = timeCli(['--format', 'json', path], CLI_RUNS);
    rows.push({ name: `${label}: bundled CLI process`, timing: cli.timing, note: `wall time incl. node start-up, exit ${cli.status}` });
  }
  return doc;
}

type FeatureFn = (...args: unknown[]) => unknown;

/** A feature function from server/src/features/<file>, when it has been written (compiled to out/). */
function loadFeature(file: string, name: string): FeatureFn | undefined {
  const path = join(repo, 'out', 'server', 'src', 'features', `${file}.js`);
  if (!existsSync(path)) return undefined;
  try {
    const fn = (require(path) as Record<string, unknown>)[name];
    return typeof fn === 'function' ? (fn as FeatureFn) : undefined;
  } catch {
    return undefined; // a half-written module
  }
}

/** How big a feature's answer is, for the notes column. */
function describeAnswer(result: unknown): string {
  if (result === null || result === undefined) return 'no answer';
  const items = Array.isArray(result) ? result : (result as { items?: unknown[] }).items;
  if (Array.isArray(items)) return `${items.length} items`;
  return 'an answer';
}

/**
 * Hover and completion latency on the large YAML template, in the middle client, over the cached
 * model (as the server answers: one analysis per document version, see features/document-cache);
 * a request after an edit costs a parse on top (the "parse" row). Calling conventions as in
 * server.ts: `doHover(document, model, position)`, `doComplete(document, model, surfaceId, position)`.
 */
function benchFeatures(doc: SourceDocument): void {
  const label = (feature: string) => `${feature} (${CLIENTS}-client YAML, cached model)`;
  const parsed = parseDocument(doc);
  if (!parsed) {
    rows.push({ name: label('hover, completion'), note: 'skipped: no surface reads the generated template' });
    return;
  }
  const document = TextDocument.create(doc.uri, doc.languageId, 1, doc.text);
  const middle = doc.text.indexOf(`AppClient${String(CLIENTS / 2).padStart(4, '0')}:`);
  const cases: { feature: string; file: string; name: string; offset: number; call: (fn: FeatureFn, position: unknown) => unknown }[] = [
    {
      feature: 'hover',
      file: 'hover',
      name: 'doHover',
      offset: doc.text.indexOf('ClientName:', middle) + 3,
      call: (fn, position) => fn(document, parsed.model, position),
    },
    {
      feature: 'completion',
      file: 'completion',
      name: 'doComplete',
      offset: doc.text.indexOf('PreventUserExistenceErrors:', middle) + 'PreventUserExistenceErrors: '.length,
      call: (fn, position) => fn(document, parsed.model, parsed.surface.id, position),
    },
  ];
  for (const c of cases) {
    const fn = loadFeature(c.file, c.name);
    if (!fn) {
      rows.push({ name: label(c.feature), note: `skipped: no ${c.name} in server/src/features/${c.file}.ts yet` });
      continue;
    }
    const position = document.positionAt(c.offset);
    let answer: unknown;
    try {
      answer = c.call(fn, position);
      if (answer instanceof Promise) throw new Error('it returned a promise');
    } catch (e) {
      rows.push({ name: label(c.feature), note: `skipped: ${c.name} failed (${e instanceof Error ? e.message : String(e)})` });
      continue;
    }
    const timing = time(FEATURE_RUNS, () => c.call(fn, position));
    rows.push({ name: label(c.feature), timing, note: `${c.name}, caret at ${position.line + 1}:${position.character + 1}: ${describeAnswer(answer)}` });
  }
}

/**
 * The first completion after an edit, where choosing the value implies another change
 * (`client_credentials` on a client with no secret also sets `GenerateSecret: true`): a fresh parse
 * of the large template, then the completion, which checks the implied edit on the document
 * reduced to that client. The parse alone is the "parse" row above.
 */
function benchImpliedCompletion(doc: SourceDocument): void {
  const name = `parse + completion with an implied edit (${CLIENTS}-client YAML)`;
  const fn = loadFeature('completion', 'doComplete');
  const middle = doc.text.indexOf(`AppClient${String(CLIENTS / 2 + 2).padStart(4, '0')}:`);
  const flows = doc.text.indexOf('AllowedOAuthFlows: [code]', middle);
  if (!fn || middle < 0 || flows < 0) {
    rows.push({ name, note: 'skipped: no completion, or the generated client is not as expected' });
    return;
  }
  const text = doc.text.slice(0, flows) + 'AllowedOAuthFlows: [code, ]' + doc.text.slice(flows + 'AllowedOAuthFlows: [code]'.length);
  const edited: SourceDocument = { ...doc, text };
  const document = TextDocument.create(doc.uri, doc.languageId, 2, text);
  const position = document.positionAt(flows + 'AllowedOAuthFlows: [code, '.length);
  let answer: unknown;
  const timing = time(BIG_RUNS, () => {
    const parsed = parseDocument(edited)!;
    answer = fn(document, parsed.model, parsed.surface.id, position);
  });
  const items = (answer as { items?: { label: string; additionalTextEdits?: unknown[] }[] } | undefined)?.items ?? [];
  const implied = items.filter((i) => i.additionalTextEdits?.length).map((i) => i.label);
  rows.push({ name, timing, note: `${items.length} items, with implied edits: ${implied.join(', ') || 'none'}` });
}

async function main(): Promise<void> {
  const started = performance.now();
  const tmp = mkdtempSync(join(tmpdir(), 'cognito-bench-'));
  try {
    if (!targetsOnly) {
      if (existsSync(cliBundle)) {
        rows.push({ name: 'bundled CLI start-up (--version)', timing: timeCli(['--version'], CLI_RUNS).timing, note: 'node start-up and loading the bundle' });
      }
      benchCorpus();
      const yamlDoc = benchLarge('yaml', tmp);
      benchLarge('json', tmp);
      benchFeatures(yamlDoc);
      benchImpliedCompletion(yamlDoc);
    }
    // Issue 11's targets, every surface, each against its own baseline measured in this run.
    await benchTargets({ repo, tmp, quick, rows, serverOnly: process.argv.includes('--server-only') });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  process.stdout.write(
    `cognito-client-lint benchmark (node ${process.version}, ${cpus().length} CPUs, load ${loadavg()[0].toFixed(1)}; ` +
      `${quick ? 'quick' : 'full'}: ${RUNS} corpus runs, ${BIG_RUNS} large-template runs, ${FEATURE_RUNS} feature runs)\n\n`,
  );
  process.stdout.write(table(rows));
  if (!existsSync(cliBundle)) process.stdout.write(`\n(${cliBundle} not found: run \`npm run bundle:cli\` for the end-to-end rows)\n`);
  process.stdout.write(`\ntotal ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
