/**
 * Running the engine over rendered scenarios, and the table-driven rule tests every rule uses:
 * for each rule, cases where it fires, clean cases, and cases with unknown values, each run over
 * every surface renderer.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DocumentModel } from '../../server/src/model';
import { runRules, type EngineOptions } from '../../server/src/rules/engine';
import type { Finding } from '../../server/src/rules/types';
import { parseDocument } from '../../server/src/surfaces';
import { renderers, type Rendered, type Renderer, type Scenario } from './scenario';

/** Parse a rendered document and run every rule. */
export function lintRendered(doc: Rendered, options: EngineOptions = {}): { model: DocumentModel; findings: Finding[] } {
  // `siblings: []`: the document is the whole module (Terraform reads facts across a module's files).
  const parsed = parseDocument({ uri: 'file:///test/' + doc.fileName, languageId: doc.languageId, text: doc.text, siblings: [] });
  assert.ok(parsed, `no surface reads ${doc.fileName}`);
  return { model: parsed.model, findings: runRules(parsed.model, options) };
}

/** The text a finding flags. */
export function flagged(doc: Rendered, f: Finding): string {
  return doc.text.slice(f.span.start, f.span.end);
}

/** A case where the rule must fire; `at` is a substring of the flagged text (of at least one finding). */
export interface FiringCase {
  name: string;
  scenario: Scenario;
  at?: string;
  /** How many findings of this rule (default: at least one). */
  count?: number;
  /** Expected severity, when it matters (e.g. depends on the surface). */
  severity?: Finding['severity'];
}

/** A case where the rule must stay silent. */
export interface SilentCase {
  name: string;
  scenario: Scenario;
}

export interface RuleCases {
  rule: string;
  fires: FiringCase[];
  clean: SilentCase[];
  /** The firing scenario with the decisive value made unknown (an intrinsic): the rule must stay silent. */
  unknown: SilentCase[];
}

function describeFindings(doc: Rendered, findings: Finding[]): string {
  return findings.map((f) => `${f.ruleId}@${JSON.stringify(flagged(doc, f))}: ${f.message}`).join('\n') || '(none)';
}

/**
 * What `ruleTests` runs over when a test file sets it (before it loads the rule test files): other
 * renderers than `renderers`, and the cases known to come out differently on them, each with the
 * reason. A known difference is asserted as a difference, so the list must shrink when one goes away.
 */
export interface RuleTestSetup {
  renderers: Renderer[];
  knownDifference?(rule: string, kind: 'fires' | 'clean' | 'unknown', name: string, renderer: string): string | undefined;
  /** What a case's `at` is written as in a rendered document (`True` for `true`, a snake_case name). */
  at?(at: string, renderer: string, doc: Rendered): string;
}

let setup: RuleTestSetup | undefined;

/** Make every later `ruleTests` call (that names no renderers itself) use this setup. */
export function setRuleTestSetup(next: RuleTestSetup | undefined): void {
  setup = next;
}

/** Declare a case's test: the check itself, or, for a known difference, that the check fails. */
function caseTest(title: string, difference: string | undefined, check: () => void): void {
  if (difference === undefined) it(title, check);
  else it(`${title} (known difference: ${difference})`, () => assert.throws(check, assert.AssertionError, 'the known difference is gone: update the list'));
}

/** Declare the node:test tests for a rule's cases over every renderer. */
export function ruleTests(cases: RuleCases, only?: Renderer[]): void {
  const current = only ? undefined : setup;
  const list = only ?? current?.renderers ?? renderers;
  const differs = (kind: 'fires' | 'clean' | 'unknown', name: string, renderer: Renderer) => current?.knownDifference?.(cases.rule, kind, name, renderer.id);
  describe(`rule ${cases.rule}`, () => {
    for (const renderer of list) {
      describe(renderer.id, () => {
        for (const c of cases.fires) {
          caseTest(`fires: ${c.name}`, differs('fires', c.name, renderer), () => {
            const doc = renderer.render(c.scenario);
            const { findings } = lintRendered(doc);
            const mine = findings.filter((f) => f.ruleId === cases.rule);
            assert.ok(mine.length > 0, `expected ${cases.rule} in\n${doc.text}\ngot:\n${describeFindings(doc, findings)}`);
            if (c.count !== undefined) assert.equal(mine.length, c.count, describeFindings(doc, mine));
            if (c.at !== undefined) {
              const at = current?.at ? current.at(c.at, renderer.id, doc) : c.at;
              assert.ok(mine.some((f) => flagged(doc, f).includes(at)), `expected a ${cases.rule} finding on ${JSON.stringify(at)}, got:\n${describeFindings(doc, mine)}`);
            }
            if (c.severity) assert.ok(mine.every((f) => f.severity === c.severity), describeFindings(doc, mine));
            for (const f of mine) assert.ok(f.message.length > 10, 'message says something');
          });
        }
        for (const [kind, list] of [['clean', cases.clean], ['unknown', cases.unknown]] as const) {
          for (const c of list) {
            caseTest(`${kind}: ${c.name}`, differs(kind, c.name, renderer), () => {
              const doc = renderer.render(c.scenario);
              const { findings } = lintRendered(doc);
              const mine = findings.filter((f) => f.ruleId === cases.rule);
              assert.equal(mine.length, 0, `expected no ${cases.rule} in\n${doc.text}\ngot:\n${describeFindings(doc, mine)}`);
            });
          }
        }
      });
    }
  });
}
