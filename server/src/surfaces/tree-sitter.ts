/**
 * The one tree-sitter loader, shared by every surface that reads code with it (Terraform HCL now,
 * SDK and CDK code later): the wasm runtime and the grammars VS Code itself ships
 * (`@vscode/tree-sitter-wasm`), plus the HCL / Terraform grammar
 * (`@tree-sitter-grammars/tree-sitter-hcl`).
 *
 * Everything loads lazily, on the first document that needs a grammar, and asynchronously (wasm
 * compiles asynchronously): a surface that needs one says so through `Surface.prepare`, and the
 * server and the CLI wait for it before they analyse. A grammar that fails to load is remembered
 * as failed, so the surface reports the document as unreadable instead of trying again each time.
 *
 * Positions: web-tree-sitter parses a JavaScript string as UTF-16, so node indexes are UTF-16
 * code-unit offsets, exactly the model's spans (a test with non-ASCII text above a definition keeps
 * this true).
 *
 * The wasm files are found beside the bundle (`dist/server/*.wasm`, copied by the build:
 * server/scripts/copy-wasm.mjs) or, when running from sources and tests, in the packages themselves.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Language, Parser, type Tree } from '@vscode/tree-sitter-wasm';
import { noteGivenUp, timeBudgetMs, timeLeftMs } from '../budget';

export type { Node as SyntaxNode, Tree } from '@vscode/tree-sitter-wasm';

/** The grammars the surfaces use, with the package and file each comes from. */
const GRAMMARS = {
  terraform: { pkg: '@tree-sitter-grammars/tree-sitter-hcl', file: 'tree-sitter-terraform.wasm' },
  typescript: { pkg: '@vscode/tree-sitter-wasm', file: 'tree-sitter-typescript.wasm', dir: 'wasm' },
  tsx: { pkg: '@vscode/tree-sitter-wasm', file: 'tree-sitter-tsx.wasm', dir: 'wasm' },
  javascript: { pkg: '@vscode/tree-sitter-wasm', file: 'tree-sitter-javascript.wasm', dir: 'wasm' },
  python: { pkg: '@vscode/tree-sitter-wasm', file: 'tree-sitter-python.wasm', dir: 'wasm' },
} as const;

export type GrammarName = keyof typeof GRAMMARS;

/** Every wasm file the loader may ask for (the build copies these next to the bundle). */
export const WASM_FILES: readonly { pkg: string; path: string }[] = [
  { pkg: '@vscode/tree-sitter-wasm', path: 'wasm/tree-sitter.wasm' },
  ...Object.values(GRAMMARS).map((g) => ({ pkg: g.pkg, path: 'dir' in g ? `${g.dir}/${g.file}` : g.file })),
];

/** Where a wasm file is: beside the bundle first, then in its package. */
function locate(pkg: string, relative: string): string | undefined {
  const file = path.basename(relative);
  const candidates = [path.join(__dirname, file)];
  try {
    candidates.push(path.join(path.dirname(require.resolve(`${pkg}/package.json`)), relative));
  } catch {
    // not resolvable from here (a bundle without node_modules): only the bundle's copy counts
  }
  return candidates.find((c) => fs.existsSync(c));
}

let runtime: Promise<boolean> | undefined;
const languages = new Map<GrammarName, Language | null>();
const loading = new Map<GrammarName, Promise<boolean>>();
let parser: Parser | undefined;

function initRuntime(): Promise<boolean> {
  runtime ??= (async () => {
    const wasm = locate('@vscode/tree-sitter-wasm', 'wasm/tree-sitter.wasm');
    if (!wasm) return false;
    await Parser.init({ locateFile: () => wasm });
    return true;
  })().catch(() => false);
  return runtime;
}

/**
 * Load a grammar (and the runtime) if it is not loaded yet. Resolves to whether it is available;
 * never rejects. Cheap once loaded.
 */
export function loadGrammar(name: GrammarName): Promise<boolean> {
  const known = languages.get(name);
  if (known !== undefined) return Promise.resolve(known !== null);
  let pending = loading.get(name);
  if (!pending) {
    pending = (async () => {
      try {
        if (!(await initRuntime())) throw new Error('no tree-sitter runtime');
        const g = GRAMMARS[name];
        const file = locate(g.pkg, 'dir' in g ? `${g.dir}/${g.file}` : g.file);
        if (!file) throw new Error(`no ${g.file}`);
        languages.set(name, await Language.load(file));
      } catch {
        languages.set(name, null);
      }
      loading.delete(name);
      return languages.get(name) !== null;
    })();
    loading.set(name, pending);
  }
  return pending;
}

/**
 * The state of a grammar: `ready`, `loading` (or not asked for yet: call `loadGrammar`), or
 * `failed` (it will not load in this process).
 */
export function grammarState(name: GrammarName): 'ready' | 'failed' | 'absent' {
  const known = languages.get(name);
  return known === undefined ? 'absent' : known === null ? 'failed' : 'ready';
}

/** How long one parse may take before it is given up (microseconds), unless set otherwise. */
export const PARSE_TIMEOUT_MICROS = 2_000_000;

let parseTimeoutMicros = PARSE_TIMEOUT_MICROS;

/** Set how long one parse may take, in milliseconds (the `parseTimeoutMs` setting); process-wide. */
export function setParseTimeout(ms: number): void {
  if (Number.isFinite(ms) && ms > 0) parseTimeoutMicros = Math.round(ms * 1000);
}

/** The current parse time-out in milliseconds. */
export function parseTimeoutMs(): number {
  return parseTimeoutMicros / 1000;
}

/**
 * Parse a text with a loaded grammar; undefined when the grammar is not loaded or the parse was
 * given up (time-out). Synchronous. The caller must not keep the tree past its use: call
 * `tree.delete()` when done (wasm memory is not garbage collected).
 */
export function parseText(name: GrammarName, text: string): Tree | undefined {
  const language = languages.get(name);
  if (!language) return undefined;
  if (parseWontFit(name, text.length, timeLeftMs(), timeBudgetMs())) {
    noteGivenUp();
    return undefined;
  }
  parser ??= new Parser();
  parser.setLanguage(language);
  try {
    const started = performance.now();
    const until = started + Math.min(parseTimeoutMicros / 1000, timeLeftMs());
    const input = timedInput(text, until);
    let tree = parser.parse(input.read, null, { progressCallback: () => performance.now() > until }) ?? undefined;
    input.done();
    noteParse(name, text.length, performance.now() - started);
    // A parse stopped by the progress callback is resumed by the next call unless the parser is
    // reset, which would read the next text from where this one stopped.
    if (!tree) parser.reset();
    if (tree && input.cut()) {
      tree.delete();
      tree = undefined;
    }
    if (!tree) noteGivenUp();
    return tree;
  } catch {
    parser.delete();
    parser = undefined; // a parser in an unknown state is not reused
    noteGivenUp();
    return undefined;
  }
}

/** Texts shorter than this are parsed whatever the time left (their parse costs milliseconds). */
const PREDICTED_LENGTH = 64 * 1024;

/** The latest long parses: grammar, text length, ms taken (a parse given up counts what it took). */
const recentParses: { name: GrammarName; length: number; ms: number }[] = [];

/** Remember a parse's cost (exported for tests). */
export function noteParse(name: GrammarName, length: number, ms: number): void {
  if (length < PREDICTED_LENGTH) return;
  recentParses.unshift({ name, length, ms });
  recentParses.length = Math.min(recentParses.length, 8);
}

/** A request that has spent less than this of its budget is at its first parse, which is always started. */
const FIRST_PARSE_MS = 50;

/**
 * Whether a parse can be seen not to fit in the time left (`left` of `budget` ms), so is not
 * started: a request that already spent part of its budget (the check of a fix, after the fix was
 * built from a first parse), about to parse a text within 10% of the length of one parsed lately
 * that took longer than the time left. Cutting the input at the deadline does not stop
 * tree-sitter at once: its error recovery at the cut end went on for 400 ms (a 730 KB `.tf` with
 * a huge string, code actions of 1.1 s for a 0.6 s budget). The first parse of a request is always
 * started, so a slow parse once (a loaded machine) does not keep a document from ever being read.
 * Exported for tests.
 */
export function parseWontFit(name: GrammarName, length: number, left: number, budget: number): boolean {
  if (length < PREDICTED_LENGTH || left === Infinity || left > budget - FIRST_PARSE_MS) return false;
  const like = recentParses.find((p) => p.name === name && Math.abs(p.length - length) <= length / 10);
  return like !== undefined && (like.ms * length) / like.length > left;
}

/** How many UTF-16 code units the parser is handed at a time while parsing. */
const INPUT_CHUNK = 8192;

/**
 * The text as the parser's input, handed over in chunks with the clock read at each: past `until`
 * the input ends there (`cut()` then tells), so the parse stops within a chunk's lexing. The
 * progress callback alone is not enough: tree-sitter calls it between tokens, and re-lexing a
 * 500 KB run of spaces during error recovery took over half a second between two calls (a fuzzed
 * `.tf` file given up at 1.3 s for a 0.8 s budget). After `done()` the input is the plain text,
 * as the tree reads it for a node's text.
 */
function timedInput(text: string, until: number): { read: (index: number) => string; done(): void; cut(): boolean } {
  let parsing = true;
  let cut = false;
  return {
    read: (index: number) => {
      if (!parsing) return text.slice(index);
      if (cut || performance.now() > until) {
        cut = true;
        return '';
      }
      return text.slice(index, index + INPUT_CHUNK);
    },
    done: () => {
      parsing = false;
    },
    cut: () => cut,
  };
}
