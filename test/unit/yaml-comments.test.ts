/**
 * `yamlComments` (server/src/surfaces/cloudformation/suppressions.ts) finds the comments of a YAML
 * text with the `yaml` package's lexer alone. It must find exactly what the parser's concrete
 * syntax tree holds as comments, at the same offsets: compared here with a walk of that tree over
 * hand-written edge cases, the YAML fixtures, examples and corpus, and seeded mutations of them
 * (truncations, broken flow collections, block scalars, tabs, CRs, deep nesting...).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Parser } from 'yaml';
import { yamlComments } from '../../server/src/surfaces/cloudformation/suppressions';
import { caseSeed, mutate, Rng } from '../fuzz/mutate';
import { corpusFiles } from '../support/corpus';

const repo = join(__dirname, '..', '..', '..');

/** The reference: every comment token of the parser's concrete syntax tree; undefined when the parser or the walk runs out of stack (absurd nesting). */
function cstComments(text: string): { span: { start: number; end: number }; body: string }[] | undefined {
  const out: { span: { start: number; end: number }; body: string }[] = [];
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    const token = node as { type?: unknown; offset?: unknown; source?: unknown };
    if (token.type === 'comment' && typeof token.offset === 'number' && typeof token.source === 'string') {
      out.push({ span: { start: token.offset, end: token.offset + token.source.length }, body: token.source.replace(/^#/, '') });
      return;
    }
    for (const value of Object.values(node)) if (typeof value === 'object') visit(value);
  };
  try {
    for (const token of new Parser().parse(text)) visit(token);
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** Compare with the reference; -1 when the reference cannot read the text. */
function assertSame(text: string, label: string): number {
  const found = yamlComments(text);
  const reference = cstComments(text);
  if (!reference) return -1;
  assert.deepEqual(found, reference, label);
  for (const c of found) assert.equal(text.slice(c.span.start, c.span.end), `#${c.body}`, `${label}: the span is the comment`);
  return found.length;
}

const EDGE_CASES = [
  'a: 1 # trailing\n# top\nb: [x, # inside a flow list\n  y]\n  # indented\n',
  'a: "a # not a comment" # but this is\nb: \'# nor this\'\nc: plain#notcomment # comment\n',
  'a: |\n  # inside a block scalar\n  text\nb: 1 # after it\n',
  'a: >- # header comment\n  folded # text\n',
  '--- # after a document start\na: 1\n... # after a document end\n---\nb: 2\n',
  '\ufeff# after a byte order mark\na: 1\n',
  'a: [1, 2 # an unclosed flow list\nb: 3 # then this\n',
  'a: {x: 1 # unclosed flow map\n# more\n',
  'a:\r\n  - 1 # CRLF\r\n  # line\r\n',
  'a: !Ref x # a tag\nb: &anchor y # an anchor\nc: *anchor # an alias\n',
  'key: "unterminated # quote\n# next\n',
  '? complex # key\n: value # comment\n',
  '\t# a tab\na:\t1 # tab before\n',
];

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...yamlFiles(full));
    else if (/\.ya?ml$/.test(name)) out.push(full);
  }
  return out;
}

describe('yamlComments: the lexer finds what the parser holds as comments', () => {
  it('hand-written edge cases', () => {
    let total = 0;
    for (const [i, text] of EDGE_CASES.entries()) total += Math.max(0, assertSame(text, `case ${i}`));
    assert.ok(total >= 20, `${total} comments compared`);
  });

  const own = [...yamlFiles(join(repo, 'test', 'fixtures')), ...yamlFiles(join(repo, 'test', 'editors', 'fixtures')), ...yamlFiles(join(repo, 'examples'))];
  const corpus = corpusFiles('cloudformation-yaml');
  const texts = () => [...own, ...corpus.files].map((file) => ({ file, text: readFileSync(file, 'utf8') }));

  it('the fixtures, examples and corpus', { skip: corpus.skip }, (t) => {
    let total = 0;
    for (const { file, text } of texts()) total += Math.max(0, assertSame(text, file));
    t.diagnostic(`${total} comments compared`);
    assert.ok(total > 0);
  });

  it('1,000 seeded mutations of them', { skip: corpus.skip }, (t) => {
    const all = texts();
    let total = 0;
    let unreadable = 0;
    for (let i = 0; i < 1000; i++) {
      const rng = new Rng(caseSeed(77, i));
      const { file, text } = all[rng.int(all.length)];
      const mutated = mutate(text, rng, '.yaml');
      if (mutated.text.length > 300_000) continue;
      const n = assertSame(mutated.text, `${file} with ${mutated.applied.join('+')} (seed 77 index ${i})`);
      if (n < 0) unreadable++;
      else total += n;
    }
    t.diagnostic(`${total} comments compared; ${unreadable} texts nested too deep for the parser's tree to be walked (the lexer reads them)`);
    assert.ok(total > 1000 && unreadable < 100, `${total} compared, ${unreadable} not`);
  });
});
