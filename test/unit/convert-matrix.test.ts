/**
 * The converter's round-trip matrix (../support/convert-matrix.ts): sources converted to targets,
 * read back by the target's own surface, must give the same effective client and no finding the
 * source did not have; A -> B -> A must write the same settings as A -> A. Every exception has a
 * reason: the converter said so in its notes (what a target cannot express), the source value is
 * invalid, the CDK refuses a value the source is flagged for, or a listed case (KNOWN_NEW_FINDINGS).
 *
 * The matrix: every rule case's client on CloudFormation YAML and as a DescribeUserPoolClient
 * result to every target; every rule case on each other source surface to CloudFormation YAML and
 * back to its own surface; the CDK L2 cases and the corpus to every target.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { TARGETS, type Target } from '../../server/src/convert';
import { loadGrammar } from '../../server/src/surfaces/tree-sitter';
import { cell, cdkL2Sources, corpusSources, KNOWN_NEW_FINDINGS, parseRendered, ruleCaseSources, SOURCE_RENDERERS, targetOfSource, type Cell, type SourceDoc } from '../support/convert-matrix';
import { apiDescribeResult } from '../support/scenario-api';
import { cloudFormationYaml } from '../support/scenario';

before(async () => {
  for (const g of ['terraform', 'typescript', 'javascript', 'python'] as const) assert.ok(await loadGrammar(g));
});

interface Tally {
  cells: number;
  exact: number;
  reasons: Map<string, number>;
  failures: string[];
  knownUsed: Set<string>;
}

function run(sources: SourceDoc[], targets: (s: SourceDoc) => readonly Target[], tally: Tally): void {
  for (const s of sources) {
    const model = parseRendered(s.doc);
    if (!model || model.clients.length === 0) continue;
    const own = targetOfSource(s.doc, model);
    for (const t of targets(s)) {
      // A request holds one client: several need --client (tested in convert.test.ts).
      if (t.id === 'cli-input-json' && model.clients.length !== 1) continue;
      const c: Cell = cell(s, model, t, own);
      tally.cells++;
      const where = `${s.label} -> ${t.id}`;
      if (c.error) tally.failures.push(`${where}: ${c.error}`);
      if (c.unexplained.length > 0) tally.failures.push(`${where}: differs in ${c.unexplained.join(', ')}`);
      if (c.newUnexplained.length > 0) tally.failures.push(`${where}: new findings ${c.newUnexplained.join(', ')}`);
      if (c.twice && c.notes.length === 0 && Object.keys(c.explained).length === 0) tally.failures.push(`${where}: A -> B -> A writes other settings than A -> A`);
      const reasons = [...Object.values(c.explained), ...Object.values(c.newExplained)];
      if (reasons.length === 0 && c.differences.length === 0 && c.newRules.length === 0) tally.exact++;
      for (const r of reasons) {
        const kind = r.replace(/: .*$/, '').replace(/\(.*\)/, '(...)');
        tally.reasons.set(`${t.id}: ${kind}`, (tally.reasons.get(`${t.id}: ${kind}`) ?? 0) + 1);
      }
      for (const rule of c.newRules) {
        const key = `${rule}|${s.label.split('|').slice(0, 3).join('|')}`;
        if (KNOWN_NEW_FINDINGS[key]) tally.knownUsed.add(key);
      }
    }
  }
}

function newTally(): Tally {
  return { cells: 0, exact: 0, reasons: new Map(), failures: [], knownUsed: new Set() };
}

function report(t: Tally, label: string, diagnostic: (msg: string) => void): void {
  diagnostic(`${label}: ${t.cells} conversions, ${t.exact} exact, ${t.cells - t.exact} with a listed reason`);
  for (const [r, n] of [...t.reasons].sort()) diagnostic(`  ${n} × ${r}`);
}

const knownUsed = new Set<string>();

describe('convert: the round-trip matrix', () => {
  it('every rule case on CloudFormation YAML and as a describe result, to every target', (t) => {
    const tally = newTally();
    run([...ruleCaseSources(cloudFormationYaml), ...ruleCaseSources(apiDescribeResult)], () => TARGETS, tally);
    report(tally, 'rule cases', (m) => t.diagnostic(m));
    tally.knownUsed.forEach((k) => knownUsed.add(k));
    assert.ok(tally.cells >= 5000, `${tally.cells} conversions`);
    assert.deepEqual(tally.failures, []);
    // Conversions to the declarative targets and the SDKs are exact for most cases.
    assert.ok(tally.exact / tally.cells > 0.85, `${tally.exact} of ${tally.cells} exact`);
  });

  it('every rule case on every other source surface, to CloudFormation YAML and back to its own surface', (t) => {
    const tally = newTally();
    const yaml = TARGETS.find((x) => x.id === 'cloudformation-yaml')!;
    const others = SOURCE_RENDERERS.filter((r) => r !== cloudFormationYaml && r !== apiDescribeResult);
    run(others.flatMap((r) => ruleCaseSources(r)), () => [yaml], tally);
    report(tally, 'other source surfaces', (m) => t.diagnostic(m));
    tally.knownUsed.forEach((k) => knownUsed.add(k));
    assert.ok(tally.cells >= 3000, `${tally.cells} conversions`);
    assert.deepEqual(tally.failures, []);
  });

  it('the CDK L2 cases (TypeScript and Python), to every target', (t) => {
    const tally = newTally();
    run(cdkL2Sources(), () => TARGETS, tally);
    report(tally, 'CDK L2 cases', (m) => t.diagnostic(m));
    assert.ok(tally.cells >= 500, `${tally.cells} conversions`);
    assert.deepEqual(tally.failures, []);
  });

  it('every corpus client, to every target', (t) => {
    const { sources, skip } = corpusSources();
    if (skip) return t.skip(skip);
    const tally = newTally();
    run(sources, () => TARGETS, tally);
    report(tally, 'corpus', (m) => t.diagnostic(m));
    assert.ok(tally.cells >= 500, `${tally.cells} conversions`);
    assert.deepEqual(tally.failures, []);
  });

  it('lists only known new findings that still happen', () => {
    assert.deepEqual(Object.keys(KNOWN_NEW_FINDINGS).filter((k) => !knownUsed.has(k)), []);
  });
});
