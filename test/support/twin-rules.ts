/**
 * Every rule case of the rule test files (test/unit/rules-*.test.ts), run over renderers of another
 * surface: each firing case must fire, each clean and unknown case must stay silent, except the
 * listed differences, each with its reason. A listed difference is checked to still be one, so the
 * list stays true.
 *
 * The case tables are collected by loading the rule test files with `ruleTests` recording instead
 * of declaring, and with their other tests (which run in their own files) not declared here.
 */
import assert from 'node:assert/strict';
import Module from 'node:module';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { loadGrammar, type GrammarName } from '../../server/src/surfaces/tree-sitter';
import { collectRuleCases, flagged, lintRendered, type RuleCases } from './harness';
import type { Renderer } from './scenario';

export type Kind = 'fires' | 'clean' | 'unknown';

/** Load modules with a `node:test` that declares nothing. */
function withoutTests(load: () => void): void {
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = loader._load;
  const none = Object.assign(() => undefined, { skip: () => undefined, only: () => undefined, todo: () => undefined });
  const quiet = { describe: none, it: none, test: none, suite: none, before: none, after: none, beforeEach: none, afterEach: none };
  loader._load = function (this: unknown, request: string, ...rest: unknown[]) {
    return request === 'node:test' || request === 'test' ? quiet : original.call(this, request, ...rest);
  };
  try {
    load();
  } finally {
    loader._load = original;
  }
}

const unitDir = path.join(__dirname, '..', 'unit');
const ruleFiles = readdirSync(unitDir).filter((f) => /^rules-.*\.test\.js$/.test(f));
let collected: RuleCases[] | undefined;

/** The case tables of every rule test file. */
export function allRuleCases(): RuleCases[] {
  collected ??= collectRuleCases(() => withoutTests(() => ruleFiles.forEach((f) => require(path.join(unitDir, f)))));
  return collected;
}

export interface TwinOptions {
  title: string;
  renderers: readonly Renderer[];
  /** Known differences by `rule|kind|case` (any renderer) or `rule|kind|case|renderer`, with the reason. */
  known: Record<string, string>;
  /** Grammars to load first. */
  grammars?: GrammarName[];
  /** The flagged text as compared with a case's `at` (the surface's spelling may differ in case or quotes). */
  normalise?: (text: string) => string;
}

/** Whether a case behaves as its table says on a renderer; a description of what happened when not. */
function outcome(rule: string, kind: Kind, c: RuleCases['fires'][number] | RuleCases['clean'][number], renderer: Renderer, normalise: (text: string) => string): string | undefined {
  const doc = renderer.render(c.scenario);
  const { findings, model } = lintRendered(doc);
  if (model.clients.length !== 1) return `the file reads as ${model.clients.length} clients`;
  const mine = findings.filter((f) => f.ruleId === rule);
  if (kind !== 'fires') return mine.length === 0 ? undefined : `fires: ${mine.map((f) => JSON.stringify(flagged(doc, f))).join(', ')}`;
  if (mine.length === 0) return 'silent';
  const firing = c as RuleCases['fires'][number];
  if (firing.count !== undefined && mine.length !== firing.count) return `${mine.length} findings, not ${firing.count}`;
  if (firing.at !== undefined && !mine.some((f) => normalise(flagged(doc, f)).includes(normalise(firing.at!)))) return `not on ${JSON.stringify(firing.at)}: ${mine.map((f) => JSON.stringify(flagged(doc, f))).join(', ')}`;
  if (firing.severity && !mine.every((f) => f.severity === firing.severity)) return `severity ${mine.map((f) => f.severity).join(', ')}`;
  return undefined;
}

/** Declare the tests: every case of every rule over every renderer. */
export function twinRuleTests(options: TwinOptions): void {
  const cases = allRuleCases();
  const normalise = options.normalise ?? ((text: string) => text);
  const reasonOf = (rule: string, kind: Kind, name: string, renderer: string): string | undefined =>
    options.known[`${rule}|${kind}|${name}|${renderer}`] ?? options.known[`${rule}|${kind}|${name}`];

  before(async () => {
    for (const g of options.grammars ?? []) assert.ok(await loadGrammar(g), `grammar ${g} loads`);
  });

  describe(options.title, () => {
    it('collects the case tables of every rule test file', () => {
      assert.ok(ruleFiles.length >= 7, ruleFiles.join(', '));
      assert.ok(cases.length >= 30, `${cases.length} rules with cases`);
    });

    it('lists only differences that name a real case', () => {
      const names = new Set<string>();
      for (const c of cases) {
        for (const [kind, list] of [['fires', c.fires], ['clean', c.clean], ['unknown', c.unknown]] as const) for (const x of list) names.add(`${c.rule}|${kind}|${x.name}`);
      }
      const stale = Object.keys(options.known).filter((key) => !names.has(key.split('|').slice(0, 3).join('|')));
      assert.deepEqual(stale, []);
    });

    for (const ruleCases of cases) {
      describe(`rule ${ruleCases.rule}`, () => {
        for (const renderer of options.renderers) {
          describe(renderer.id, () => {
            for (const [kind, list] of [['fires', ruleCases.fires], ['clean', ruleCases.clean], ['unknown', ruleCases.unknown]] as const) {
              for (const c of list) {
                const reason = reasonOf(ruleCases.rule, kind, c.name, renderer.id);
                it(`${kind}: ${c.name}${reason ? ` (differs: ${reason})` : ''}`, () => {
                  const got = outcome(ruleCases.rule, kind, c, renderer, normalise);
                  if (reason) assert.ok(got !== undefined, `listed as a difference (${reason}) but behaves as on CloudFormation: remove it from the list`);
                  else assert.equal(got, undefined, `${renderer.id}:\n${renderer.render(c.scenario).text}`);
                });
              }
            }
          });
        }
      });
    }
  });
}

/**
 * The cases code files cannot make fire, with the reason: they declare no resources around the
 * call, so rules that look at the pools, providers, servers or outputs of the file stay silent.
 */
export function codeFileDifferences(): Record<string, string> {
  const known: Record<string, string> = {};
  const reason = 'a code file declares no resources around the call';
  for (const [rule, names] of [
    ['user-pool-reference', ["GetAtt of the pool's ARN", 'a reference to an undeclared name', 'a reference to a resource that is not a user pool', 'no user pool in the file at all']],
    ['identity-provider-undeclared', ['a provider name no identity provider in the file declares', 'built-in names are case-sensitive']],
    ['identity-provider-dependency', ['a declared provider without DependsOn', 'a dependency on something else does not count']],
    ['custom-scope-undeclared', ['a scope the resource server does not define', 'an identifier no resource server declares', 'a defined scope without a dependency on its server']],
    ['custom-attribute-undeclared', ['a custom attribute the pool schema does not declare', 'in WriteAttributes too']],
    ['client-secret-output', ['an exported GetAtt ClientSecret output', 'the secret inside a Sub']],
  ] as const) {
    for (const name of names) known[`${rule}|fires|${name}`] = reason;
  }
  return known;
}

/** Cases where SDK calls differ from templates because they have the API's semantics, with the reason (`rule|kind|case`). */
export const API_SEMANTICS: readonly (readonly [string, string])[] = [
  ['invalid-type|clean|quoted booleans and numbers (the engine converts them)', 'the SDK does not convert strings: invalid-type'],
  ['out-of-range|fires|AuthSessionValidity below 3, as a quoted number', 'the SDK does not convert strings: invalid-type instead'],
  ['token-validity-range|fires|a quoted number (the engine converts it)', 'the SDK does not convert strings: invalid-type instead'],
  ['refresh-token-validity-zero|fires|a quoted 0', 'the SDK does not convert strings: invalid-type instead'],
  ['refresh-token-validity-zero|fires|RefreshTokenValidity 0 in a template', 'a warning in SDK calls (the API turns 0 into 30 days)'],
  ['missing-required|clean|CloudFormation does not need RefreshTokenRotation.Feature', 'the API needs it'],
  ['read-only-property|fires|ClientSecret in a template', 'CreateUserPoolClient takes ClientSecret as input'],
];

