/**
 * Every rule case of the rule test files (test/unit/rules-*.test.ts), run over the Python renderers
 * (test/support/scenario-sdk-python.ts: a boto3 create call and the CDK L1 construct) before they
 * join the shared `renderers` list: each firing case must fire, each clean and unknown case must
 * stay silent, except the differences listed below with their reasons (code files have no
 * resources around the call; boto3 calls have API semantics). A listed difference is checked to
 * still be one, so the list stays true.
 *
 * The case tables are collected by loading the rule test files with `ruleTests` recording instead
 * of declaring, and with their other tests (which run in their own files) not declared here.
 */
import assert from 'node:assert/strict';
import Module from 'node:module';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { canonicalName, spell } from '../../server/src/schema';
import { loadGrammar } from '../../server/src/surfaces/tree-sitter';
import { collectRuleCases, flagged, lintRendered, type RuleCases } from '../support/harness';
import type { Rendered, Renderer } from '../support/scenario';
import { pythonRenderers } from '../support/scenario-sdk-python';

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

const ruleFiles = readdirSync(__dirname).filter((f) => /^rules-.*\.test\.js$/.test(f));
const allCases: RuleCases[] = collectRuleCases(() => withoutTests(() => ruleFiles.forEach((f) => require(path.join(__dirname, f)))));

type Kind = 'fires' | 'clean' | 'unknown';

const BOTO3 = 'sdk-boto3-python';
const CDK = 'cdk-l1-python';

/** Known differences by `rule|kind|case` (both renderers) or `rule|kind|case|renderer`, with the reason. */
const KNOWN: Record<string, string> = {};

/** No resources around the call: rules that look at the pools, providers, servers or outputs of the file cannot fire. */
const NO_CONTEXT = 'a code file declares no resources around the call';
for (const [rule, names] of [
  ['user-pool-reference', ['a reference to an undeclared name', 'a reference to a resource that is not a user pool', 'no user pool in the file at all', "GetAtt of the pool's ARN"]],
  ['identity-provider-undeclared', ['a provider name no identity provider in the file declares', 'built-in names are case-sensitive']],
  ['identity-provider-dependency', ['a declared provider without DependsOn', 'a dependency on something else does not count']],
  ['custom-scope-undeclared', ['a scope the resource server does not define', 'an identifier no resource server declares', 'a defined scope without a dependency on its server']],
  ['custom-attribute-undeclared', ['a custom attribute the pool schema does not declare', 'in WriteAttributes too']],
  ['client-secret-output', ['an exported GetAtt ClientSecret output', 'the secret inside a Sub']],
] as const) {
  for (const name of names) KNOWN[`${rule}|fires|${name}`] = NO_CONTEXT;
}

/** boto3 calls have API semantics (the CDK L1 construct keeps CloudFormation's). */
for (const [key, reason] of [
  ['invalid-type|clean|quoted booleans and numbers (the engine converts them)', 'the SDK does not convert strings: invalid-type'],
  ['out-of-range|fires|AuthSessionValidity below 3, as a quoted number', 'the SDK does not convert strings: invalid-type instead'],
  ['token-validity-range|fires|a quoted number (the engine converts it)', 'the SDK does not convert strings: invalid-type instead'],
  ['refresh-token-validity-zero|fires|a quoted 0', 'the SDK does not convert strings: invalid-type instead'],
  ['refresh-token-validity-zero|fires|RefreshTokenValidity 0 in a template', 'a warning in SDK calls (the API turns 0 into 30 days)'],
  ['missing-required|clean|CloudFormation does not need RefreshTokenRotation.Feature', 'the API needs it'],
  ['read-only-property|fires|ClientSecret in a template', 'CreateUserPoolClient takes ClientSecret as input'],
  // The scenarios have no ClientName, which CreateUserPoolClient requires.
  ['missing-required|clean|CloudFormation needs no ClientName', 'CreateUserPoolClient requires ClientName'],
  ['missing-required|clean|a misspelled UserPoolId is unknown-property’s', 'the scenario has no ClientName, which the API requires'],
  ['missing-required|unknown|UserPoolId from a parameter', 'the scenario has no ClientName, which the API requires'],
] as const) {
  KNOWN[`${key}|${BOTO3}`] = reason;
}

/** Python has no value that removes a key in one case (`AWS::NoValue`): the renderer writes an unknown name there. */
KNOWN['analytics-target|fires|the only target is left out in one case of a conditional'] = 'Python has no AWS::NoValue: that branch is an unknown name';

function knownReason(rule: string, kind: Kind, name: string, renderer: string): string | undefined {
  return KNOWN[`${rule}|${kind}|${name}|${renderer}`] ?? KNOWN[`${rule}|${kind}|${name}`];
}

before(async () => {
  assert.ok(await loadGrammar('python'));
});

/**
 * Whether a finding's text holds a case's `at`, written the Python way: `True` / `False`, the
 * CDK's snake_case names, the callee where a template flags the logical id.
 */
function flaggedAt(doc: Rendered, text: string, at: string, renderer: string): boolean {
  const candidates = [at];
  if (at === 'true' || at === 'false') candidates.push(at === 'true' ? 'True' : 'False');
  if (renderer === CDK && canonicalName(at, 'cloudformation') !== undefined) candidates.push(spell([at], 'cdkPython'));
  if (renderer === BOTO3 && at === 'Client') candidates.push('create_user_pool_client');
  return candidates.some((c) => text.includes(c));
}

/** Whether a case behaves as its table says on a renderer; a description of what happened when not. */
function outcome(rule: string, kind: Kind, c: RuleCases['fires'][number] | RuleCases['clean'][number], renderer: Renderer): string | undefined {
  const doc = renderer.render(c.scenario);
  const { findings, model } = lintRendered(doc);
  if (model.clients.length !== 1) return `the file reads as ${model.clients.length} clients`;
  if (model.problems.length > 0) return `problems: ${model.problems.map((p) => p.message).join('; ')}`;
  const mine = findings.filter((f) => f.ruleId === rule);
  if (kind !== 'fires') return mine.length === 0 ? undefined : `fires: ${mine.map((f) => JSON.stringify(flagged(doc, f))).join(', ')}`;
  if (mine.length === 0) return 'silent';
  const firing = c as RuleCases['fires'][number];
  if (firing.count !== undefined && mine.length !== firing.count) return `${mine.length} findings, not ${firing.count}`;
  if (firing.at !== undefined && !mine.some((f) => flaggedAt(doc, flagged(doc, f), firing.at!, renderer.id))) return `not on ${JSON.stringify(firing.at)}: ${mine.map((f) => JSON.stringify(flagged(doc, f))).join(', ')}`;
  if (firing.severity && !mine.every((f) => f.severity === firing.severity)) return `severity ${mine.map((f) => f.severity).join(', ')}`;
  return undefined;
}

describe('rule cases over the Python renderers', () => {
  it('collects the case tables of every rule test file', () => {
    assert.ok(ruleFiles.length >= 7, ruleFiles.join(', '));
    assert.ok(allCases.length >= 30, `${allCases.length} rules with cases`);
  });

  for (const cases of allCases) {
    describe(`rule ${cases.rule}`, () => {
      for (const renderer of pythonRenderers) {
        describe(renderer.id, () => {
          for (const [kind, list] of [['fires', cases.fires], ['clean', cases.clean], ['unknown', cases.unknown]] as const) {
            for (const c of list) {
              const reason = knownReason(cases.rule, kind, c.name, renderer.id);
              it(`${kind}: ${c.name}${reason ? ` (differs: ${reason})` : ''}`, () => {
                const got = outcome(cases.rule, kind, c, renderer);
                if (reason) assert.ok(got !== undefined, `listed as a difference (${reason}) but behaves as on CloudFormation: remove it from KNOWN`);
                else assert.equal(got, undefined, `${renderer.id}:\n${renderer.render(c.scenario).text}`);
              });
            }
          }
        });
      }
    });
  }
});
