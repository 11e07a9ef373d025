/**
 * Incremental analysis (server/src/features/incremental.ts, used by the document cache): after
 * every edit of seeded random edit sequences over the corpus and generated documents of every
 * surface that reduces documents, the analysis the cache gives must be exactly a full `analyse` of
 * the same text (findings with their fixes, suppressed findings, suppressions, the clients, the
 * file context, the problems). The fast path must be the one taken for most edits inside a client
 * (else this would prove nothing) and never for edits outside every client.
 */
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentCache } from '../../server/src/features/document-cache';
import { changedRegion, incrementalStats } from '../../server/src/features/incremental';
import type { DocumentModel, Span } from '../../server/src/model';
import { analyse, type Analysis } from '../../server/src/service';
import { languageIdForPath, sourceOf, type SourceDocument } from '../../server/src/surfaces';
import { loadGrammar } from '../../server/src/surfaces/tree-sitter';
import { generateJsonTemplate, generateMixedYamlTemplate, generateTerraform, generateTerraformJson, generateYamlTemplate } from '../bench/generate';
import { corpusFiles } from '../support/corpus';
import { prng as random } from '../fuzz/mutate';

/** Everything an analysis says, as plain data (maps and sets as sorted-in-order arrays). */
function plain(analysis: Analysis | undefined): unknown {
  if (!analysis) return undefined;
  const model = analysis.model;
  return {
    surface: analysis.surface.id,
    findings: analysis.findings,
    suppressed: analysis.suppressed,
    suppressions: analysis.suppressions,
    clients: model.clients.map((c) => ({ ...c, properties: [...c.properties.entries()], references: [...c.references], derived: c.derived && { ...c.derived, translateFix: typeof c.derived.translateFix } })),
    context: { ...model.context, userPools: [...model.context.userPools.entries()], parameters: [...model.context.parameters], resources: [...model.context.resources.entries()] },
    problems: model.problems,
    literals: model.literals,
  };
}

interface Edit {
  span: Span;
  newText: string;
  /** Whether the edit is meant to lie inside a client (decided from the model before it). */
  inside: boolean;
}

const CHARS = ['a', 'Z', '1', ' ', ':', '-', '"', "'", '#', ',', '[', ']', '{', '}', '\n', '_', '.', '/', 'x'];

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEndOf(text: string, offset: number): number {
  const lf = text.indexOf('\n', offset);
  return lf < 0 ? text.length : lf;
}

/** A random offset strictly inside a span. */
function inside(rand: () => number, span: Span): number {
  return span.start + 1 + Math.floor(rand() * Math.max(1, span.end - span.start - 1));
}

/** One random edit (or a short sequence: typing a line) for a text and its model. */
function randomEdits(rand: () => number, text: string, model: DocumentModel, comment: string): Edit[] {
  const clients = model.clients;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
  const kind = rand();
  if (clients.length === 0 || kind < 0.08) {
    // Outside every client: somewhere no client covers.
    for (let tries = 0; tries < 20; tries++) {
      const at = Math.floor(rand() * (text.length + 1));
      if (clients.some((c) => c.span.start <= at && at <= c.span.end)) continue;
      return [{ span: { start: at, end: at }, newText: pick(CHARS), inside: false }];
    }
    return [];
  }
  const def = pick(clients);
  const props = [...def.properties.values()].filter((p) => p.span.start > def.span.start && p.span.end <= def.span.end);
  const at = inside(rand, def.span);
  if (kind < 0.3) return [{ span: { start: at, end: at }, newText: pick(CHARS), inside: true }];
  if (kind < 0.45) return [{ span: { start: at, end: Math.min(at + 1, def.span.end) }, newText: '', inside: true }];
  if (kind < 0.55 && props.length > 0) {
    // A value: replace one character of it.
    const value = pick(props).value.span;
    const v = value.start + Math.floor(rand() * Math.max(1, value.end - value.start));
    return [{ span: { start: v, end: Math.min(v + 1, value.end) }, newText: pick(['a', '1', 'Q']), inside: true }];
  }
  if (kind < 0.62 && props.length > 0) {
    // A key: insert one character in it.
    const key = pick(props).keySpan;
    const k = key.start + 1 + Math.floor(rand() * Math.max(1, key.end - key.start - 1));
    return [{ span: { start: k, end: k }, newText: pick(['s', 'X']), inside: true }];
  }
  if (kind < 0.72 && props.length > 0) {
    // Type a whole property line after a property, one keystroke at a time.
    const prop = pick(props);
    const eol = lineEndOf(text, prop.span.end);
    if (eol > def.span.end) return [];
    const indent = /^[ \t]*/.exec(text.slice(lineStartOf(text, prop.keySpan.start), prop.keySpan.start))![0];
    const line = model.surface === 'terraform' ? (text.includes('":') ? '' : 'auth_session_validity = 2') : text.trimStart().startsWith('{') ? '' : 'AuthSessionValidity: 2';
    if (!line) return [];
    const typed = `\n${indent}${line}`;
    const edits: Edit[] = [];
    for (let i = 0; i < typed.length; i++) edits.push({ span: { start: eol + i, end: eol + i }, newText: typed[i], inside: true });
    return edits;
  }
  if (kind < 0.8) {
    // A comment at the end of a line inside the client.
    const eol = lineEndOf(text, at);
    if (eol >= def.span.end || !comment) return [];
    return [{ span: { start: eol, end: eol }, newText: ` ${comment} ${rand() < 0.5 ? 'note' : 'cognito-client-disable-next-line'}`, inside: true }];
  }
  if (kind < 0.88) {
    // Delete a whole line inside the client (not its first).
    const start = lineStartOf(text, at);
    const end = lineEndOf(text, at);
    if (start <= def.span.start || end >= def.span.end) return [];
    return [{ span: { start, end: end + 1 }, newText: '', inside: true }];
  }
  if (kind < 0.93) {
    // Insert a newline inside the client.
    return [{ span: { start: at, end: at }, newText: '\n', inside: true }];
  }
  // Paste a copy of the client after it (a new definition: never the fast path).
  const end = lineEndOf(text, def.span.end);
  const start = lineStartOf(text, def.span.start);
  return [{ span: { start: end, end }, newText: `\n${text.slice(start, end)}`, inside: false }];
}

interface Tally {
  insideFast: number;
  insideAll: number;
  /** Edits inside clients of a document readable before and after, with distinct client names. */
  readableFast: number;
  readableAll: number;
  outsideFast: number;
  outsideAll: number;
}

/** Run `steps` random edits over a document through a cache, comparing every version with a full analysis. */
function exercise(label: string, uri: string, languageId: string, text: string, seed: number, steps: number, tally: Tally): void {
  const rand = random(seed);
  const cache = new DocumentCache({ keyOf: () => 'k' });
  const settings = { rules: {}, maxFileSizeKb: 10_000 };
  let doc = TextDocument.create(uri, languageId, 1, text);
  const first = cache.get(doc, settings);
  if (!first.analysis) return;
  // JSON has no comments; YAML and HCL write them with `#`.
  const comment = first.analysis.surface.id.endsWith('json') ? '' : '#';
  let model = first.analysis.model;
  let version = 1;
  const apply = (edit: Edit): void => {
    const before = doc.getText();
    const readableBefore = cache.peek(uri)?.analysis?.model.problems.length === 0 && new Set(model.clients.map((c) => c.name)).size === model.clients.length;
    version++;
    doc = TextDocument.update(doc, [{ range: { start: doc.positionAt(edit.span.start), end: doc.positionAt(edit.span.end) }, text: edit.newText }], version);
    const fastBefore = cache.incrementalAnalyses;
    incrementalStats.last = 'no base to start from (the last readable version)';
    const entry = cache.get(doc, settings);
    const fast = cache.incrementalAnalyses > fastBefore;
    const source: SourceDocument = { uri, languageId, text: doc.getText() };
    const full = analyse(source, { rules: {} });
    const where = `${label}, seed ${seed}, version ${version}: ${JSON.stringify(edit.newText)} at [${edit.span.start}, ${edit.span.end}) (${fast ? 'incremental' : `full: ${incrementalStats.last}`})`;
    assert.deepStrictEqual(plain(entry.analysis), plain(full), where);
    // The model maps to the whole new text, for features that edit and read it again.
    if (fast) assert.equal(sourceOf(doc, entry.analysis!.model).text, doc.getText(), `${where}: sourceOf`);
    if (!changedRegion(before, doc.getText())) return;
    if (!fast) outcomes.set(incrementalStats.last, (outcomes.get(incrementalStats.last) ?? 0) + 1);
    if (edit.inside) {
      tally.insideAll++;
      if (fast) tally.insideFast++;
      // Readable before and after: the edits the fast path is for (an unreadable document is read in full by design).
      if (readableBefore && full?.model.problems.length === 0) {
        tally.readableAll++;
        if (fast) tally.readableFast++;
      }
    } else {
      tally.outsideAll++;
      if (fast) tally.outsideFast++;
    }
    if (entry.analysis && entry.analysis.model.problems.length === 0) model = entry.analysis.model;
  };
  for (let step = 0; step < steps; step++) {
    const saved = doc.getText();
    const edits = randomEdits(rand, saved, model, comment);
    for (const edit of edits) apply(edit);
    // A step that leaves the document unreadable (or two clients of one name, after a paste) is
    // mostly undone next, as a person fixes a typo.
    const now = doc.getText();
    const current = cache.peek(uri)?.analysis?.model;
    const broken = current && (current.problems.length > 0 || new Set(current.clients.map((c) => c.name)).size < current.clients.length);
    if (edits.length > 0 && broken && rand() < 0.9) {
      const change = changedRegion(saved, now);
      if (change) apply({ span: { start: change.start, end: change.newEnd }, newText: saved.slice(change.start, change.oldEnd), inside: edits[0].inside });
    }
  }
}

/** Why edits were analysed in full (for the test's diagnostic output). */
const outcomes = new Map<string, number>();

function report(name: string, tally: Tally): void {
  // Edits inside clients: most take the fast path; edits outside every client never do.
  assert.ok(tally.readableAll > 20, `${name}: enough edits inside clients (${tally.readableAll})`);
  assert.ok(tally.readableFast * 2 > tally.readableAll, `${name}: the fast path for most edits inside clients (${tally.readableFast} of ${tally.readableAll})`);
  assert.equal(tally.outsideFast, 0, `${name}: no fast path for edits outside clients`);
}

const tallies = new Map<string, Tally>();
function tallyOf(surface: string): Tally {
  let t = tallies.get(surface);
  if (!t) tallies.set(surface, (t = { insideFast: 0, insideAll: 0, readableFast: 0, readableAll: 0, outsideFast: 0, outsideAll: 0 }));
  return t;
}

describe('incremental analysis', () => {
  before(async () => {
    for (const name of ['terraform', 'typescript', 'python'] as const) assert.ok(await loadGrammar(name));
  });

  it('finds the one changed region', () => {
    assert.equal(changedRegion('abc', 'abc'), undefined);
    assert.deepEqual(changedRegion('abcdef', 'abXcdef'), { start: 2, oldEnd: 2, newEnd: 3, delta: 1 });
    assert.deepEqual(changedRegion('abcdef', 'abef'), { start: 2, oldEnd: 4, newEnd: 2, delta: -2 });
    // Repeated characters: the region is one that explains the change.
    assert.deepEqual(changedRegion('aaa', 'aaaa'), { start: 3, oldEnd: 3, newEnd: 4, delta: 1 });
    const long = 'x'.repeat(5000);
    assert.deepEqual(changedRegion(long + 'a' + long, long + 'b' + long), { start: 5000, oldEnd: 5001, newEnd: 5001, delta: 0 });
  });

  // Suppressions of every kind: a file directive, next-line directives, resource metadata.
  const yamlSuppressed = generateYamlTemplate(8)
    .replace(/^Resources:/m, '# cognito-client-disable token-revocation-disabled\nResources:')
    .replace('  AppClient0003:', '  # cognito-client-disable-next-line unknown-property\n  AppClient0003:')
    .replace(/(  AppClient0005:\n    Type: AWS::Cognito::UserPoolClient\n)/, '$1    Metadata:\n      cognito-client:\n        ignore: [user-existence-errors-legacy]\n')
    .replace(/(  AppClient0000:(?:\n.*)*?\n)(      CallbackURLs:)/, '$1      # cognito-client-disable-next-line redirect-uri-insecure\n$2');
  const hclSuppressed = ('# cognito-client-disable user-existence-errors-legacy\n' + generateTerraform(6)).replace(
    /(resource "aws_cognito_user_pool_client" "c0" \{\n(?:.*\n)*?)(  callback_urls)/,
    '$1  # cognito-client-disable-next-line redirect-uri-insecure\n$2',
  );
  const generated: { label: string; uri: string; languageId: string; text: string }[] = [
    { label: 'generated YAML with suppressions', uri: 'file:///gen/suppressed.yaml', languageId: 'yaml', text: yamlSuppressed },
    { label: 'generated Terraform with suppressions', uri: 'file:///gen/suppressed.tf', languageId: 'terraform', text: hclSuppressed },
    { label: 'generated YAML, 12 clients', uri: 'file:///gen/template.yaml', languageId: 'yaml', text: generateYamlTemplate(12) },
    { label: 'generated JSON, 12 clients', uri: 'file:///gen/template.json', languageId: 'json', text: generateJsonTemplate(12) },
    { label: 'generated mixed YAML', uri: 'file:///gen/mixed.yaml', languageId: 'yaml', text: generateMixedYamlTemplate(60, 6) },
    { label: 'generated Terraform, 10 clients', uri: 'file:///gen/main.tf', languageId: 'terraform', text: generateTerraform(10) },
    { label: 'generated Terraform JSON, 8 clients', uri: 'file:///gen/main.tf.json', languageId: 'json', text: generateTerraformJson(8) },
  ];
  for (const g of generated) {
    it(`matches a full analysis after every random edit: ${g.label}`, () => {
      const first = analyse({ uri: g.uri, languageId: g.languageId, text: g.text })!;
      const surface = first.surface.id;
      if (g.label.includes('suppressions')) assert.ok(first.suppressions.length >= 2 && first.suppressed.length > 0, `${g.label}: suppressions read (${first.suppressions.length})`);
      for (const seed of [1, 2]) exercise(g.label, g.uri, g.languageId, g.text, seed, 30, tallyOf(surface));
    });
  }

  for (const section of ['cloudformation-yaml', 'cloudformation-json', 'terraform-hcl', 'terraform-json']) {
    const { files, skip } = corpusFiles(section);
    it(`matches a full analysis after every random edit: corpus ${section}`, { skip }, () => {
      for (const [i, file] of files.entries()) {
        const languageId = languageIdForPath(file);
        if (!languageId) continue;
        const uri = `file:///corpus/${basename(file)}`;
        const text = readFileSync(file, 'utf8');
        const surface = analyse({ uri, languageId, text })?.surface.id;
        if (!surface) continue;
        exercise(`${section}/${basename(file)}`, uri, languageId, text, 100 + i, 20, tallyOf(surface));
      }
    });
  }

  it('reads code files (SDK calls, CDK) whole after every edit, and matches a full analysis', () => {
    for (const name of ['create-client.ts', 'cdk-stack.ts', 'create_client.py']) {
      const file = `examples/sdk/${name}`;
      const languageId = languageIdForPath(file)!;
      const tally: Tally = { insideFast: 0, insideAll: 0, readableFast: 0, readableAll: 0, outsideFast: 0, outsideAll: 0 };
      exercise(file, `file:///examples/${name}`, languageId, readFileSync(file, 'utf8'), 7, 30, tally);
      assert.ok(tally.insideAll > 0, `${name}: edits inside clients were made`);
      assert.equal(tally.insideFast + tally.outsideFast, 0, `${name}: no incremental reading of code files`);
    }
  });

  it('takes the fast path for most edits inside clients and never outside, on every surface', (t) => {
    for (const [surface, tally] of tallies) {
      t.diagnostic(`${surface}: incremental for ${tally.readableFast} of ${tally.readableAll} edits inside clients of a readable document (${tally.insideFast} of ${tally.insideAll} counting unreadable states); ${tally.outsideFast} of ${tally.outsideAll} outside`);
    }
    t.diagnostic(`full analyses by reason: ${[...outcomes].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join('; ')}`);
    for (const surface of ['cloudformation-yaml', 'cloudformation-json', 'terraform-hcl', 'terraform-json']) {
      const tally = tallies.get(surface);
      assert.ok(tally, `${surface} was exercised`);
      report(surface, tally);
    }
  });
});
