/**
 * The round-trip matrix of the converter (server/src/convert): source documents (every rule case
 * rendered on every source surface, the CDK L2 cases, the corpus) converted to every target, read
 * back by the target's surface, and compared: the effective client (settings with the defaults
 * applied) and the rules that fire. Not a test file itself: ../unit/convert-matrix.test.ts runs it.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { compareClients, convertClients, readBack, TARGETS, type Target } from '../../server/src/convert';
import { plainSettings, settingsOf, sortedSets, writtenSettings } from '../../server/src/convert/settings';
import type { ClientDefinition, DocumentModel } from '../../server/src/model';
import { runRules } from '../../server/src/rules/engine';
import { languageIdForPath, parseDocument } from '../../server/src/surfaces';
import { DEFAULT_CASES } from './cdk-l2-cases';
import { corpusFiles } from './corpus';
import { allRuleCases } from './twin-rules';
import { cloudFormationJson, cloudFormationYaml, type Rendered, type Renderer } from './scenario';
import { boto3Python, cdkL1Python } from './scenario-sdk-python';
import { cdkL1TypeScript, sdkJavaScriptV2, sdkTypeScript } from './scenario-sdk';
import { terraformHcl, terraformJson } from './scenario-terraform';
import { apiCreateRequest, apiDescribeResult } from './scenario-api';

export const SOURCE_RENDERERS: readonly Renderer[] = [cloudFormationYaml, cloudFormationJson, terraformHcl, terraformJson, sdkTypeScript, sdkJavaScriptV2, cdkL1TypeScript, boto3Python, cdkL1Python, apiCreateRequest, apiDescribeResult];

export interface SourceDoc {
  label: string;
  doc: Rendered;
}

/** Every rule case's scenario (fires, clean, unknown) on one renderer. */
export function ruleCaseSources(renderer: Renderer): SourceDoc[] {
  const out: SourceDoc[] = [];
  for (const c of allRuleCases()) {
    for (const [kind, list] of [['fires', c.fires], ['clean', c.clean], ['unknown', c.unknown]] as const) {
      for (const x of list) out.push({ label: `${c.rule}|${kind}|${x.name}|${renderer.id}`, doc: renderer.render(x.scenario) });
    }
  }
  return out;
}

const L2_HEAD_TS = "import { Duration, Stack } from 'aws-cdk-lib';\nimport * as cognito from 'aws-cdk-lib/aws-cognito';\nimport { AuthFlow, ClientAttributes, OAuthScope, UserPool, UserPoolClient, UserPoolClientIdentityProvider } from 'aws-cdk-lib/aws-cognito';\nconst pool = new UserPool(this, 'Pool');\n";
const L2_HEAD_PY = 'from aws_cdk import Duration, Stack\nfrom aws_cdk import aws_cognito as cognito\nfrom aws_cdk.aws_cognito import AuthFlow, ClientAttributes, OAuthFlows, OAuthScope, OAuthSettings, UserPool, UserPoolClient, UserPoolClientIdentityProvider\n\npool = UserPool(self, "Pool")\n';

/** The CDK L2 default cases (../support/cdk-l2-cases.ts), TypeScript and Python. */
export function cdkL2Sources(): SourceDoc[] {
  const out: SourceDoc[] = [];
  for (const c of DEFAULT_CASES) {
    out.push({ label: `cdk-l2|${c.name}|ts`, doc: { fileName: 'stack.ts', languageId: 'typescript', text: L2_HEAD_TS + (c.before?.ts ?? '') + `new UserPoolClient(this, 'Client', { userPool: pool${c.ts ? ', ' + c.ts : ''} });\n` } });
    out.push({ label: `cdk-l2|${c.name}|py`, doc: { fileName: 'stack.py', languageId: 'python', text: L2_HEAD_PY + (c.before?.py ?? '') + `UserPoolClient(self, "Client", user_pool=pool${c.py ? ', ' + c.py : ''})\n` } });
  }
  return out;
}

/** Every corpus file a surface reads (with at least one client), or why there are none. */
export function corpusSources(): { sources: SourceDoc[]; skip?: string } {
  const sources: SourceDoc[] = [];
  for (const section of ['cloudformation-yaml', 'cloudformation-json', 'terraform-hcl', 'terraform-json']) {
    const { files, skip } = corpusFiles(section);
    if (skip) return { sources: [], skip };
    for (const file of files) {
      const languageId = languageIdForPath(file);
      if (languageId) sources.push({ label: `corpus|${section}/${basename(file)}`, doc: { fileName: basename(file), languageId, text: readFileSync(file, 'utf8') } });
    }
  }
  return { sources };
}

export function parseRendered(doc: Rendered): DocumentModel | undefined {
  return parseDocument({ uri: 'file:///matrix/' + doc.fileName, languageId: doc.languageId, text: doc.text, siblings: [] })?.model;
}

/** One cell of the matrix: a source document converted to a target. */
export interface Cell {
  source: string;
  target: string;
  /** `Client.Property` entries whose effective value differs after the read-back. */
  differences: string[];
  /** Rules that fire on the conversion and not on the source. */
  newRules: string[];
  /** What the converter said it could not write exactly. */
  notes: string[];
  /** A → B → A: the second conversion's text differs from converting A → A directly. */
  twice?: boolean;
  error?: string;
  /** Each difference with why it is one (see `explain`); `unexplained` lists those without a reason. */
  explained: Record<string, string>;
  unexplained: string[];
  /** Each new rule with why it fires on the conversion; `newUnexplained` lists those without a reason. */
  newExplained: Record<string, string>;
  newUnexplained: string[];
}

/**
 * New findings on a conversion that are not the converter's doing, by `rule|case` (any source surface
 * of that rule case), with the reason.
 */
export const KNOWN_NEW_FINDINGS: Record<string, string> = {
  'missing-required|auth-flows-missing-refresh|fires|rotation block without Feature': 'CloudFormation takes RefreshTokenRotation without Feature; Terraform and the API require it',
  'missing-required|missing-required|clean|CloudFormation does not need RefreshTokenRotation.Feature': 'CloudFormation takes RefreshTokenRotation without Feature; Terraform and the API require it',
  'missing-required|auth-flows-missing-refresh|unknown|rotation Feature is a parameter': 'RefreshTokenRotation without Feature (a template or a describe result may have one) is refused by Terraform and the API request',
  'missing-required|auth-flows-refresh-with-rotation|unknown|Feature is a parameter': 'RefreshTokenRotation without Feature (a template or a describe result may have one) is refused by Terraform and the API request',
  'oauth-requires-enabled-flag|oauth-requires-enabled-flag|unknown|the only item is conditional': 'a conditional (!If) is carried as an input: its branch that removes the only flow is not',
};

/** Rules whose finding says the source value itself is invalid (or repeated, which sets drop): targets read such a value each their own way. */
export const INVALID_VALUE_RULES = ['duplicate-value', 'invalid-type', 'invalid-enum-value', 'out-of-range', 'invalid-pattern', 'invalid-length', 'missing-required', 'token-validity-range', 'refresh-token-validity-zero', 'unknown-property', 'duplicate-key'];

/** The clients a source holds that convert (a CDK L2 source: the derived clients, not L1 ones it may also hold). */
export function clientsOf(model: DocumentModel): ClientDefinition[] {
  return model.clients;
}


/** What a source's cells share: its rules, and its settings as A -> A writes them. */
const perSource = new WeakMap<DocumentModel, { rules: string[]; direct?: string }>();

/** Settings as a target writes them, without layout (see `layoutFree`), for A -> B -> A. */
function writtenVia(defs: readonly ClientDefinition[], target: Target): string {
  return JSON.stringify(readBack(convertClients(defs, target))?.map((d) => layoutFree(sortedSets(plainSettings(writtenSettings(settingsOf(d).values)) as Record<string, unknown>))));
}

/** Convert one source into one target and compare. */
export function cell(source: SourceDoc, model: DocumentModel, target: Target, sourceTarget: Target | undefined): Cell {
  const defs = clientsOf(model);
  const out: Cell = { source: source.label, target: target.id, differences: [], newRules: [], notes: [], explained: {}, unexplained: [], newExplained: {}, newUnexplained: [] };
  let shared = perSource.get(model);
  if (!shared) perSource.set(model, (shared = { rules: runRules(model).map((f) => f.ruleId) }));
  try {
    const conversion = convertClients(defs, target);
    out.notes = conversion.notes;
    const back = parseDocument({ uri: `untitled:/converted/${target.fileName}`, languageId: target.languageId, text: conversion.text, siblings: [] })!.model;
    out.differences = compareClients(defs, back.clients);
    const sourceRules = shared.rules;
    const backRules = runRules(back).map((f) => f.ruleId);
    out.newRules = [...new Set(backRules)].filter((r) => !sourceRules.includes(r)).sort();
    for (const d of out.differences) {
      const property = d.split('.').pop()!;
      // A lifetime follows its unit.
      const related = property.endsWith('TokenValidity') ? `(${property}|TokenValidityUnits)` : property;
      const noted = out.notes.find((n) => new RegExp(`\\b${related}\\b`).test(n));
      const invalid = sourceRules.find((r) => INVALID_VALUE_RULES.includes(r));
      const refused = target.id.startsWith('cdk-') && backRules.includes('cdk-synth-error') && sourceRules.length > 0;
      if (noted) out.explained[property] = `the conversion says so: ${noted}`;
      else if (refused) out.explained[property] = 'the CDK refuses the value (cdk-synth-error), as the source has a finding on it';
      else if (invalid) out.explained[property] = `the source value is invalid (${invalid}); surfaces read an invalid value each their own way`;
      else out.unexplained.push(property);
    }
    const caseKey = source.label.split('|').slice(0, 3).join('|');
    for (const rule of out.newRules) {
      const known = KNOWN_NEW_FINDINGS[`${rule}|${caseKey}`];
      const invalid = sourceRules.find((r) => INVALID_VALUE_RULES.includes(r));
      if (known) out.newExplained[rule] = known;
      else if (out.notes.length > 0) out.newExplained[rule] = `the conversion says what it could not write: ${out.notes[0]}`;
      else if (rule === 'cdk-synth-error' && sourceRules.length > 0) out.newExplained[rule] = `the CDK refuses a value the source has a finding on (${sourceRules[0]})`;
      else if (invalid) out.newExplained[rule] = `the source value is invalid (${invalid}); surfaces read an invalid value each their own way`;
      else out.newUnexplained.push(rule);
    }
    // A -> B -> A: converting the read-back to the source's own target writes the same settings as A -> A.
    if (sourceTarget && out.differences.length === 0) {
      shared.direct ??= writtenVia(defs, sourceTarget);
      out.twice = shared.direct !== writtenVia(back.clients, sourceTarget);
    }
  } catch (e) {
    out.error = e instanceof Error ? e.message : String(e);
  }
  return out;
}

/** The target that writes a source's own surface, for A -> B -> A. */
export function targetOfSource(doc: Rendered, model: DocumentModel): Target | undefined {
  if (model.surface === 'sdk' && doc.languageId === 'json') return TARGETS.find((t) => t.id === 'cli-input-json');
  const derived = model.clients.some((c) => c.derived);
  const ts = /\.tsx?$|\.js$/.test(doc.fileName);
  const id = doc.fileName.endsWith('.tf.json')
    ? 'terraform-json'
    : doc.fileName.endsWith('.tf')
      ? 'terraform'
      : /\.ya?ml$|\.template$/.test(doc.fileName)
        ? 'cloudformation-yaml'
        : doc.fileName.endsWith('.json')
          ? 'cloudformation-json'
          : derived
            ? ts
              ? 'cdk-typescript'
              : 'cdk-python'
            : ts
              ? 'sdk-typescript'
              : 'boto3';
  // The CDK L1 is read in its own spelling, which no target writes: compare with the SDK / boto3 instead.
  return TARGETS.find((t) => t.id === id);
}

/**
 * Written settings without what is layout: a list left empty or out (for lists with no default),
 * a disabled rotation written or not, a name the target asked for as an input, the unit of a
 * lifetime that is an input (the CDK writes minutes).
 */
function layoutFree(w: Record<string, unknown>): Record<string, unknown> {
  const out = { ...w };
  for (const k of ['SupportedIdentityProviders', 'CallbackURLs', 'LogoutURLs', 'AllowedOAuthFlows', 'AllowedOAuthScopes']) if (Array.isArray(out[k]) && (out[k] as unknown[]).length === 0) delete out[k];
  const r = out.RefreshTokenRotation as Record<string, unknown> | undefined;
  if (r && r.Feature === 'DISABLED' && r.RetryGracePeriodSeconds === undefined) delete out.RefreshTokenRotation;
  if (out.ClientName === '<input>') delete out.ClientName;
  if (['AccessTokenValidity', 'IdTokenValidity', 'RefreshTokenValidity'].some((k) => out[k] === '<input>')) delete out.TokenValidityUnits;
  return out;
}
