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

/** When set, `ruleTests` records its cases here instead of declaring tests (see `collectRuleCases`). */
let collector: RuleCases[] | undefined;

/**
 * The rule cases `ruleTests` is given while `load` runs (it declares no tests meanwhile): for a
 * surface's own test file to run every rule case over renderers not yet in `renderers`.
 */
export function collectRuleCases(load: () => void): RuleCases[] {
  const collected: RuleCases[] = [];
  collector = collected;
  try {
    load();
  } finally {
    collector = undefined;
  }
  return collected;
}

/** Declare the node:test tests for a rule's cases over every renderer. */
export function ruleTests(cases: RuleCases, only: Renderer[] = renderers): void {
  if (collector) {
    collector.push(cases);
    return;
  }
  describe(`rule ${cases.rule}`, () => {
    for (const renderer of only) {
      describe(renderer.id, () => {
        for (const c of cases.fires) {
          it(`fires: ${c.name}`, () => {
            const doc = renderer.render(c.scenario);
            const { findings } = lintRendered(doc);
            const mine = findings.filter((f) => f.ruleId === cases.rule);
            assert.ok(mine.length > 0, `expected ${cases.rule} in\n${doc.text}\ngot:\n${describeFindings(doc, findings)}`);
            if (c.count !== undefined) assert.equal(mine.length, c.count, describeFindings(doc, mine));
            if (c.at !== undefined) {
              assert.ok(mine.some((f) => flagged(doc, f).includes(c.at!)), `expected a ${cases.rule} finding on ${JSON.stringify(c.at)}, got:\n${describeFindings(doc, mine)}`);
            }
            if (c.severity) assert.ok(mine.every((f) => f.severity === c.severity), describeFindings(doc, mine));
            for (const f of mine) assert.ok(f.message.length > 10, 'message says something');
          });
        }
        for (const [kind, list] of [['clean', cases.clean], ['unknown', cases.unknown]] as const) {
          for (const c of list) {
            it(`${kind}: ${c.name}`, () => {
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
