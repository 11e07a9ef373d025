/**
 * Every fix of every fixable rule, applied: for each rule with `fixable: true`, scenarios that make
 * it fire are rendered by every scenario renderer (plus three variants of them: YAML with CRLF
 * line breaks, YAML with long-form intrinsics and flow lists, JSON on one line), and each fix each
 * finding offers is turned into edits and applied. The result must read without problems as the
 * same template, the rule's finding must be gone, no new error may appear (exceptions are listed
 * with their reasons), and the text outside the edited ranges must be byte-identical.
 *
 * Then every fix the rules offer on the real-world corpus templates is applied the same way; each
 * result must still read, with the same resources and clients.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { before, describe, it } from 'node:test';
import { createScanner, SyntaxKind } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Document, visit } from 'yaml';
import type { ClientDefinition, DocumentModel, Span } from '../../server/src/model';
import { runRules } from '../../server/src/rules/engine';
import { rules } from '../../server/src/rules';
import type { Finding, SemanticFix } from '../../server/src/rules/types';
import { languageIdForPath, parseDocument, type SourceDocument } from '../../server/src/surfaces';
import { applyEdits, mapOffset, sortEdits } from '../../server/src/surfaces/apply-edits';
import { editsForFix } from '../../server/src/surfaces/edits';
import type { SpanEdit } from '../../server/src/surfaces/types';
import { corpusFiles } from '../support/corpus';
import { cloudFormationJson, cloudFormationYaml, renderers, webClient as web, type Renderer, type Scenario, type ScenarioValue } from '../support/scenario';
import { terraformHcl, terraformJson } from '../support/scenario-terraform';
import { loadGrammar } from '../../server/src/surfaces/tree-sitter';

// ---------- renderers ----------

/** The YAML rendering with CRLF line breaks. */
const yamlCrlf: Renderer = {
  id: 'cloudformation-yaml-crlf',
  render: (s) => {
    const doc = cloudFormationYaml.render(s);
    return { ...doc, text: doc.text.replace(/\n/g, '\r\n') };
  },
};

/** YAML as a converter writes it: long-form intrinsics (`Ref: X`), lists in flow style. */
const yamlLongForm: Renderer = {
  id: 'cloudformation-yaml-long-form',
  render: (s) => {
    const doc = new Document(JSON.parse(cloudFormationJson.render(s).text));
    visit(doc, { Seq: (_key, node) => void (node.flow = true) });
    return { fileName: 'scenario.yaml', languageId: 'yaml', text: '# café ✓\n' + doc.toString({ lineWidth: 0 }) };
  },
};

/** The JSON rendering on one line. */
const jsonOneLine: Renderer = {
  id: 'cloudformation-json-one-line',
  render: (s) => {
    const doc = cloudFormationJson.render(s);
    return { ...doc, text: JSON.stringify(JSON.parse(doc.text)) };
  },
};

const allRenderers: Renderer[] = [...renderers, yamlCrlf, yamlLongForm, jsonOneLine, terraformHcl, terraformJson];

// ---------- scenarios ----------

interface FixCase {
  name: string;
  scenario: Scenario;
}

/** A client's properties without some of them. */
function omit(client: Scenario['client'], ...names: string[]): Scenario['client'] {
  return Object.fromEntries(Object.entries(client).filter(([name]) => !names.includes(name)));
}

/** A working machine-to-machine client. */
function machine(overrides: Record<string, ScenarioValue> = {}): Scenario['client'] {
  return {
    GenerateSecret: true,
    AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthFlows: ['client_credentials'],
    AllowedOAuthScopes: ['orders.example.com/read'],
    PreventUserExistenceErrors: 'ENABLED',
    ...overrides,
  };
}

const ARN = 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/0123456789abcdef0123456789abcdef';
const ROLE = 'arn:aws:iam::123456789012:role/pinpoint';
const APP_ID = '0123456789abcdef0123456789abcdef';

const ordersServer = { role: 'resourceServer' as const, properties: { UserPoolId: { $ref: 'UserPool' }, Identifier: 'orders', Name: 'orders', Scopes: [{ ScopeName: 'read', ScopeDescription: 'read' }] } };
const idp = { role: 'identityProvider' as const, properties: { UserPoolId: { $ref: 'UserPool' }, ProviderName: 'Corp', ProviderType: 'OIDC', ProviderDetails: { client_id: 'x' } } };

/** One or more scenarios per fixable rule that make it fire with at least one fix. */
const FIRING: Record<string, FixCase[]> = {
  'analytics-target': [
    { name: 'ARN and id both', scenario: { client: web({ AnalyticsConfiguration: { ApplicationArn: ARN, ApplicationId: APP_ID, RoleArn: ROLE, ExternalId: 'ext' } }) } },
    { name: 'neither', scenario: { client: web({ AnalyticsConfiguration: { UserDataShared: true } }) } },
    { name: 'id without role', scenario: { client: web({ AnalyticsConfiguration: { ApplicationId: APP_ID, ExternalId: 'ext' } }) } },
    { name: 'ARN with role and external id', scenario: { client: web({ AnalyticsConfiguration: { ApplicationArn: ARN, RoleArn: ROLE, ExternalId: 'ext' } }) } },
  ],
  'auth-flows-legacy': [{ name: 'legacy names only', scenario: { client: web({ ExplicitAuthFlows: ['USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH'] }) } }],
  'auth-flows-missing-refresh': [{ name: 'SRP without refresh', scenario: { client: web({ ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'] }) } }],
  'auth-flows-mixed-legacy': [
    { name: 'legacy next to its replacement', scenario: { client: web({ ExplicitAuthFlows: ['USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'CUSTOM_AUTH_FLOW_ONLY'] }) } },
  ],
  'auth-flows-password-in-transit': [
    { name: 'password flow', scenario: { client: web({ ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }) } },
    { name: 'password flow next to SRP', scenario: { client: web({ ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH'] }) } },
  ],
  'auth-flows-refresh-with-rotation': [
    { name: 'refresh flow with rotation', scenario: { client: web({ RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 10 }, ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH'] }) } },
  ],
  'authorization-flow-requires-callback': [
    { name: 'no callbacks', scenario: { client: omit(web(), 'CallbackURLs') } },
    { name: 'empty callbacks', scenario: { client: web({ CallbackURLs: [] }) } },
  ],
  'client-credentials-custom-scopes-only': [
    { name: 'one standard scope', scenario: { client: machine({ AllowedOAuthScopes: ['openid', 'orders.example.com/read'] }) } },
    { name: 'several standard scopes', scenario: { client: machine({ AllowedOAuthScopes: ['email', 'orders.example.com/read', 'profile'] }) } },
    { name: 'next to code', scenario: { client: machine({ AllowedOAuthFlows: ['client_credentials', 'code'], CallbackURLs: ['https://app.example.com/cb'], AllowedOAuthScopes: ['openid', 'orders.example.com/read'] }) } },
  ],
  'client-credentials-exclusive': [
    { name: 'with code', scenario: { client: machine({ AllowedOAuthFlows: ['code', 'client_credentials'], CallbackURLs: ['https://app.example.com/cb'] }) } },
    {
      name: 'with code in one case of a conditional',
      scenario: { conditions: ['IsProd'], client: machine({ AllowedOAuthFlows: { $if: ['IsProd', ['client_credentials'], ['code', 'client_credentials']] }, CallbackURLs: ['https://app.example.com/cb'] }) },
    },
  ],
  'client-credentials-requires-secret': [{ name: 'no secret', scenario: { client: omit(machine(), 'GenerateSecret') } }],
  'client-token-auth-exclusive': [
    { name: 'with another flow, without a secret', scenario: { client: web({ ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_CLIENT_TOKEN_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }) } },
  ],
  'context-data-requires-secret': [{ name: 'flag without secret', scenario: { client: web({ EnablePropagateAdditionalUserContextData: true }) } }],
  'custom-scope-undeclared': [
    { name: 'no such scope', scenario: { client: machine({ AllowedOAuthScopes: ['orders/reed'] }), resources: { Orders: ordersServer } } },
    { name: 'no dependency', scenario: { client: machine({ AllowedOAuthScopes: ['orders/read'] }), resources: { Orders: ordersServer } } },
    { name: 'no dependency, DependsOn a list', scenario: { client: machine({ AllowedOAuthScopes: ['orders/read'] }), resources: { Orders: ordersServer, Bucket: { role: 'other', properties: {} } }, dependsOn: ['Bucket'] } },
  ],
  'default-redirect-not-in-callbacks': [
    { name: 'not among callbacks', scenario: { client: web({ DefaultRedirectURI: 'https://app.example.com/home' }) } },
    { name: 'no callbacks', scenario: { client: omit(web({ DefaultRedirectURI: 'https://app.example.com/home' }), 'CallbackURLs') } },
  ],
  'duplicate-value': [
    { name: 'a callback twice', scenario: { client: web({ CallbackURLs: ['https://app.example.com/callback', 'https://app.example.com/other', 'https://app.example.com/callback'] }) } },
    { name: 'a scope twice', scenario: { client: web({ AllowedOAuthScopes: ['openid', 'openid'] }) } },
  ],
  'identity-provider-dependency': [
    { name: 'no dependency', scenario: { client: web({ SupportedIdentityProviders: ['COGNITO', 'Corp'] }), resources: { Corp: idp } } },
    { name: 'DependsOn another resource', scenario: { client: web({ SupportedIdentityProviders: ['Corp'] }), resources: { Corp: idp, Bucket: { role: 'other', properties: {} } }, dependsOn: ['Bucket'] } },
  ],
  'implicit-flow-discouraged': [
    { name: 'implicit alone', scenario: { client: web({ AllowedOAuthFlows: ['implicit'] }) } },
    { name: 'implicit in one case of a conditional', scenario: { conditions: ['Dev'], client: web({ AllowedOAuthFlows: { $if: ['Dev', ['implicit', 'code'], ['code']] } }) } },
    { name: 'implicit next to code', scenario: { client: web({ AllowedOAuthFlows: ['implicit', 'code'] }) } },
  ],
  'invalid-enum-value': [
    { name: 'case slip', scenario: { client: web({ PreventUserExistenceErrors: 'enabled' }) } },
    { name: 'list item', scenario: { client: web({ AllowedOAuthFlows: ['CODE'] }) } },
    { name: 'nested member', scenario: { client: web({ TokenValidityUnits: { AccessToken: 'Minutes' }, AccessTokenValidity: 30 }) } },
  ],
  'invalid-type': [
    { name: 'a scalar for a list', scenario: { client: web({ CallbackURLs: 'https://app.example.com/callback' }) } },
    { name: 'a capitalised boolean', scenario: { client: web({ GenerateSecret: 'TRUE' }) } },
    { name: 'null', scenario: { client: web({ EnableTokenRevocation: null }) } },
  ],
  'missing-required': [
    { name: 'no UserPoolId', scenario: { client: web(), noUserPoolId: true } },
    { name: 'no properties at all', scenario: { client: {}, noUserPoolId: true } },
  ],
  'oauth-enabled-requires-flows-and-scopes': [
    { name: 'neither flows nor scopes', scenario: { client: { AllowedOAuthFlowsUserPoolClient: true, PreventUserExistenceErrors: 'ENABLED' } } },
    { name: 'empty scopes', scenario: { client: web({ AllowedOAuthScopes: [] }) } },
  ],
  'oauth-requires-enabled-flag': [
    { name: 'flag absent', scenario: { client: omit(web(), 'AllowedOAuthFlowsUserPoolClient') } },
    { name: 'flag false', scenario: { client: web({ AllowedOAuthFlowsUserPoolClient: false }) } },
  ],
  'out-of-range': [
    { name: 'session validity', scenario: { client: web({ AuthSessionValidity: 20 }) } },
    { name: 'nested grace period', scenario: { client: web({ RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 100 } }) } },
  ],
  'privileged-attribute-writable': [{ name: 'tenant attribute', scenario: { client: web({ ReadAttributes: ['email', 'custom:tenant_id'], WriteAttributes: ['email', 'custom:tenant_id'] }) } }],
  'read-only-property': [{ name: 'ClientSecret in a template', scenario: { client: web({ ClientSecret: 'shh' }) } }],
  'redirect-uri-insecure': [
    { name: 'http callback', scenario: { client: web({ CallbackURLs: ['http://app.example.com/callback'], LogoutURLs: ['http://app.example.com/bye'] }) } },
    { name: 'http default redirect', scenario: { client: web({ CallbackURLs: ['http://app.example.com/callback'], DefaultRedirectURI: 'http://app.example.com/callback' }) } },
    {
      name: 'http in one case of a conditional',
      scenario: { conditions: ['IsProd'], client: web({ CallbackURLs: { $if: ['IsProd', ['https://app.example.com/callback'], ['http://app.example.com/callback', 'https://app.example.com/x']] } }) },
    },
  ],
  'redirect-uri-invalid': [
    { name: 'fragment', scenario: { client: web({ CallbackURLs: ['https://app.example.com/callback#x'] }) } },
    { name: 'no scheme', scenario: { client: web({ CallbackURLs: ['app.example.com/callback'] }) } },
  ],
  'refresh-token-validity-zero': [
    { name: 'zero', scenario: { client: web({ RefreshTokenValidity: 0 }) } },
    { name: 'zero in hours', scenario: { client: web({ RefreshTokenValidity: 0, TokenValidityUnits: { RefreshToken: 'hours' } }) } },
  ],
  'scope-requires-openid': [{ name: 'email alone', scenario: { client: web({ AllowedOAuthScopes: ['email'] }) } }],
  'token-outlives-refresh': [
    { name: 'same unit', scenario: { client: web({ AccessTokenValidity: 24, RefreshTokenValidity: 2, TokenValidityUnits: { RefreshToken: 'hours' } }) } },
    { name: 'unit changes too', scenario: { client: web({ AccessTokenValidity: 1, RefreshTokenValidity: 2, TokenValidityUnits: { AccessToken: 'days', RefreshToken: 'hours' } }) } },
  ],
  'token-revocation-disabled': [{ name: 'false', scenario: { client: web({ EnableTokenRevocation: false }) } }],
  'token-validity-range': [
    { name: 'sixty hours', scenario: { client: web({ AccessTokenValidity: 60 }) } },
    { name: 'refresh in minutes', scenario: { client: web({ RefreshTokenValidity: 30, TokenValidityUnits: { RefreshToken: 'minutes' } }) } },
  ],
  'unknown-attribute': [
    { name: 'camel case', scenario: { client: web({ ReadAttributes: ['emailVerified', 'email'] }) } },
    { name: 'already listed', scenario: { client: web({ ReadAttributes: ['phone_number', 'phone'] }) } },
    { name: 'custom: with no name', scenario: { client: web({ ReadAttributes: ['email', 'custom:'] }) } },
    {
      name: 'custom: with no name, the pool declaring custom attributes',
      scenario: {
        resources: { UserPool: { role: 'userPool', properties: { UserPoolName: 'pool', Schema: [{ Name: 'department', AttributeDataType: 'String', Mutable: true }] } } },
        client: web({ ReadAttributes: ['email', 'custom:department'], WriteAttributes: ['email', 'custom:'] }),
      },
    },
  ],
  'unknown-property': [
    { name: 'wrong case', scenario: { client: web({ CallbackUrls: ['https://app.example.com/other'] }) } },
    { name: 'nested', scenario: { client: web({ TokenValidityUnits: { accessToken: 'hours' } }) } },
  ],
  'unknown-scope': [{ name: 'case slip', scenario: { client: web({ AllowedOAuthScopes: ['OpenID', 'email'] }) } }],
  'user-existence-errors-legacy': [
    { name: 'absent', scenario: { client: omit(web(), 'PreventUserExistenceErrors') } },
    { name: 'LEGACY', scenario: { client: web({ PreventUserExistenceErrors: 'LEGACY' }) } },
  ],
  'user-pool-reference': [
    { name: 'a bucket', scenario: { client: web({ UserPoolId: { $ref: 'Bucket' } }), resources: { Bucket: { role: 'other', properties: {} } } } },
    { name: "the pool's ARN", scenario: { client: web({ UserPoolId: { $getAtt: ['UserPool', 'Arn'] } }) } },
  ],
  'write-attribute-not-readable': [{ name: 'name not readable', scenario: { client: web({ ReadAttributes: ['email'], WriteAttributes: ['email', 'name'] }) } }],
};

/** Fixable rules that no CloudFormation template can make fire, and why. */
const NOT_IN_TEMPLATES: Record<string, string> = {
  'client-secret-conflict': 'only an API create call has a ClientSecret input; in a template ClientSecret is an output',
  'client-secret-in-file': 'only an API create call or a describe result holds a ClientSecret value; test/unit/api-surface.test.ts and api-fixes.test.ts apply its fix',
  'create-only-in-update': 'only an UpdateUserPoolClient call has the update write context',
  'update-resets-omitted': 'only an UpdateUserPoolClient call has the update write context',
  'cdk-synth-error': 'only the CDK L2 UserPoolClient has synth-time errors; test/unit/cdk-l2.test.ts applies its Duration fixes',
};

/** Fixable rules whose firing documents a scenario (a JS object) cannot express, and where their fixes are applied instead. */
const TESTED_ELSEWHERE: Record<string, string> = {
  'duplicate-key': 'a scenario cannot hold a key twice; test/unit/cfn-reading.test.ts applies the fix to YAML and JSON templates',
};

/** Fixes that may bring a new error by design, with the rule ids of the errors allowed and why. */
const NEW_ERRORS_ALLOWED: { rule: string; title: RegExp; errors: string[]; reason: string }[] = [
  {
    rule: 'unknown-property',
    title: /^Rename to /,
    errors: ['duplicate-key'],
    reason: 'when the right name is written too, the rename writes the key twice (so it is never automatic); duplicate-key then offers to remove the earlier one',
  },
  {
    rule: 'missing-required',
    title: /^Add UserPoolId$/,
    errors: ['invalid-length'],
    reason: 'the inserted value is an empty placeholder for the user to fill in (an editor turns it into a snippet)',
  },
  {
    rule: 'analytics-target',
    title: /^Add /,
    errors: ['invalid-pattern'],
    reason: 'the inserted ARNs are placeholders (region, account-id, project-id) for the user to fill in',
  },
  {
    rule: 'oauth-enabled-requires-flows-and-scopes',
    title: /^Add AllowedOAuthFlows/,
    errors: ['authorization-flow-requires-callback'],
    reason: 'the placeholder flow is code, which then needs a callback URL (that rule offers to add one)',
  },
];

/** Fixes after which the same rule may still fire as often, by design, and why (its finding with the same message must still be gone). */
const SAME_RULE_AFTER: { rule: string; title: RegExp; reason: string }[] = [
];

// ---------- helpers ----------

interface Linted {
  source: SourceDocument;
  surfaceId: string;
  model: DocumentModel;
  findings: Finding[];
}

function lint(source: SourceDocument): Linted {
  // The document is the whole module (Terraform reads facts across a module's files).
  source = source.siblings ? source : { ...source, siblings: [] };
  const parsed = parseDocument(source);
  assert.ok(parsed, `no surface reads ${source.uri}`);
  return { source, surfaceId: parsed.surface.id, model: parsed.model, findings: runRules(parsed.model) };
}

/** The innermost client whose span holds a finding. */
function clientAt(model: DocumentModel, span: Span): ClientDefinition | undefined {
  return model.clients.filter((c) => c.span.start <= span.start && span.end <= c.span.end).sort((a, b) => a.span.end - a.span.start - (b.span.end - b.span.start))[0];
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function nextLineStart(text: string, offset: number): number {
  const lf = text.indexOf('\n', offset);
  return lf < 0 ? text.length : lf + 1;
}

/** The text between and around the edits is the original text, byte for byte. */
function assertOutsideUnchanged(before: string, after: string, edits: SpanEdit[]): void {
  let delta = 0;
  let previous = 0;
  for (const e of sortEdits(edits)) {
    assert.equal(after.slice(previous + delta, e.span.start + delta), before.slice(previous, e.span.start), 'text between edits is unchanged');
    assert.equal(after.slice(e.span.start + delta, e.span.start + delta + e.newText.length), e.newText);
    delta += e.newText.length - (e.span.end - e.span.start);
    previous = e.span.end;
  }
  assert.equal(after.slice(previous + delta), before.slice(previous), 'text after the last edit is unchanged');
}

function countBy(findings: Finding[], severity: Finding['severity']): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of findings) if (f.severity === severity) out.set(f.ruleId, (out.get(f.ruleId) ?? 0) + 1);
  return out;
}

function overlaps(span: Span, edits: SpanEdit[]): boolean {
  return edits.some((e) => e.span.start < span.end && span.start < e.span.end);
}

function show(findings: Finding[], text: string): string {
  return findings.map((f) => `${f.severity} ${f.ruleId}@${JSON.stringify(text.slice(f.span.start, f.span.end))}: ${f.message}`).join('\n') || '(none)';
}

/** Apply one fix of one finding and check everything the fix must keep; returns the edited text. */
/** Whether a text is JSON written without any space between its tokens (as `JSON.stringify` writes it). */
function isCompactJson(text: string): boolean {
  const scanner = createScanner(text, false);
  let kind = scanner.scan();
  if (kind !== SyntaxKind.OpenBraceToken) return false;
  for (; kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.Trivia || kind === SyntaxKind.LineBreakTrivia || scanner.getTokenError() !== 0) return false;
  }
  return true;
}

function applyAndCheck(before: Linted, finding: Finding, fix: SemanticFix): string {
  const text = before.source.text;
  const def = clientAt(before.model, finding.span);
  assert.ok(def, 'the finding belongs to a client');
  const edits = editsForFix(before.surfaceId, before.source, before.model, def, fix);
  assert.ok(edits && edits.length > 0, `no edit for "${fix.title}" in\n${text}`);

  const after = applyEdits(text, edits);
  const where = `after "${fix.title}":\n${after}`;
  if (isCompactJson(text)) assert.ok(isCompactJson(after), `a compact JSON document stays compact (no ", ") ${where}`);
  const lsp = TextDocument.create(before.source.uri, before.source.languageId, 0, text);
  const independent = TextDocument.applyEdits(lsp, edits.map((e) => ({ range: { start: lsp.positionAt(e.span.start), end: lsp.positionAt(e.span.end) }, newText: e.newText })));
  assert.equal(after, independent, 'the edits apply the same as LSP text edits');
  assertOutsideUnchanged(text, after, edits);
  const lo = lineStart(text, def.span.start);
  const hi = nextLineStart(text, def.span.end);
  for (const e of edits) assert.ok(lo <= e.span.start && e.span.end <= hi, `edit ${JSON.stringify(e)} stays within the client's resource`);

  const fixed = lint({ ...before.source, text: after });
  assert.deepEqual(fixed.model.problems, [], `the result reads without problems ${where}`);
  assert.deepEqual(fixed.model.clients.map((c) => c.name), before.model.clients.map((c) => c.name), 'the same clients');
  assert.equal(fixed.model.context.resources.size, before.model.context.resources.size, 'the same resources');

  const mineBefore = before.findings.filter((f) => f.ruleId === finding.ruleId);
  const mineAfter = fixed.findings.filter((f) => f.ruleId === finding.ruleId);
  if (SAME_RULE_AFTER.some((a) => a.rule === finding.ruleId && titleMatches(a.title, fix.title))) {
    assert.ok(!mineAfter.some((f) => f.message === finding.message), `${finding.ruleId} still reports the same ${where}`);
  } else {
    assert.ok(mineAfter.length < mineBefore.length, `${finding.ruleId} still fires as often ${where}\n${show(mineAfter, after)}`);
  }
  if (!overlaps(finding.span, edits)) {
    const start = mapOffset(finding.span.start, edits);
    const end = mapOffset(finding.span.end, edits);
    assert.ok(!mineAfter.some((f) => f.span.start === start && f.span.end === end), `${finding.ruleId} still fires at the same spot ${where}`);
  }

  const errorsBefore = countBy(before.findings, 'error');
  const allowed = NEW_ERRORS_ALLOWED.filter((a) => a.rule === finding.ruleId && titleMatches(a.title, fix.title)).flatMap((a) => a.errors);
  for (const [rule, count] of countBy(fixed.findings, 'error')) {
    if (allowed.includes(rule)) continue;
    assert.ok(count <= (errorsBefore.get(rule) ?? 0), `new ${rule} error ${where}\n${show(fixed.findings.filter((f) => f.ruleId === rule), after)}`);
  }
  return after;
}

/**
 * Whether a fix title matches a pattern written with CloudFormation names, whatever the surface's
 * spelling (`Add UserPoolId` is `Add user_pool_id` in Terraform): names compared without case or `_`.
 */
function titleMatches(pattern: RegExp, title: string): boolean {
  if (pattern.test(title)) return true;
  const loose = new RegExp(pattern.source.replace(/_/g, ''), 'i');
  return loose.test(title.replace(/_/g, ''));
}

/**
 * Firing cases that behave otherwise in Terraform, by `rule|case`, with the reason. Each is checked
 * to still differ there (the rule stays silent, or its fixes are not offered), so the list stays true.
 */
const TERRAFORM_DIFFERS: Record<string, { reason: string; kind: 'silent' | 'no-edit' }> = {
  'invalid-type|null': { reason: 'null leaves a Terraform argument unset: not a wrong type', kind: 'silent' },
};
for (const key of ['client-credentials-exclusive|with code in one case of a conditional', 'implicit-flow-discouraged|implicit in one case of a conditional', 'redirect-uri-insecure|http in one case of a conditional']) {
  TERRAFORM_DIFFERS[`${key}|terraform-hcl`] = { reason: 'a branch of an HCL conditional is inside an expression: its fix is not offered', kind: 'no-edit' };
  TERRAFORM_DIFFERS[`${key}|terraform-json`] = { reason: 'in "${...}" only scalar branches are read: a list branch is Unknown', kind: 'silent' };
}

// ---------- the tests ----------

before(async () => {
  assert.ok(await loadGrammar('terraform'));
});

describe('every fix of every fixable rule, applied', () => {
  it('has firing scenarios for every fixable rule', () => {
    const fixable = rules.filter((r) => r.fixable).map((r) => r.id).sort();
    const covered = [...Object.keys(FIRING), ...Object.keys(NOT_IN_TEMPLATES), ...Object.keys(TESTED_ELSEWHERE)].sort();
    assert.deepEqual(covered, fixable);
    for (const rule of Object.keys(NOT_IN_TEMPLATES)) assert.ok(!(rule in FIRING), rule);
  });

  for (const [ruleId, cases] of Object.entries(FIRING)) {
    describe(ruleId, () => {
      for (const renderer of allRenderers) {
        for (const c of cases) {
          const differs = renderer.id.startsWith('terraform') ? TERRAFORM_DIFFERS[`${ruleId}|${c.name}|${renderer.id}`] ?? TERRAFORM_DIFFERS[`${ruleId}|${c.name}`] : undefined;
          it(`${renderer.id}: ${c.name}${differs ? ` (differs: ${differs.reason})` : ''}`, () => {
            const rendered = renderer.render(c.scenario);
            const before = lint({ uri: `file:///t/${rendered.fileName}`, languageId: rendered.languageId, text: rendered.text });
            assert.deepEqual(before.model.problems, [], 'the scenario reads without problems');
            const mine = before.findings.filter((f) => f.ruleId === ruleId);
            if (differs?.kind === 'silent') return assert.equal(mine.length, 0, `listed as silent in Terraform (${differs.reason})`);
            if (differs?.kind === 'no-edit') {
              const def = (f: Finding) => clientAt(before.model, f.span)!;
              const offered = mine.flatMap((f) => (f.fixes ?? []).filter((x) => x.when !== undefined).map((x) => editsForFix(before.surfaceId, before.source, before.model, def(f), x)));
              return assert.ok(offered.length > 0 && offered.every((e) => e === undefined), `listed as not offered in Terraform (${differs.reason})`);
            }
            assert.ok(mine.length > 0, `${ruleId} fires on\n${rendered.text}\ngot:\n${show(before.findings, rendered.text)}`);
            let tried = 0;
            for (const finding of mine) {
              for (const fix of finding.fixes ?? []) {
                applyAndCheck(before, finding, fix);
                tried++;
              }
            }
            assert.ok(tried > 0, `${ruleId} offers a fix on\n${rendered.text}`);
          });
        }
      }
    });
  }
});

describe('every fix on the corpus templates, applied', () => {
  for (const section of ['cloudformation-yaml', 'cloudformation-json', 'terraform-hcl', 'terraform-json']) {
    it(section, (t) => {
      const { files, skip } = corpusFiles(section);
      if (skip) {
        t.skip(skip);
        return;
      }
      let offered = 0;
      let applied = 0;
      const refused: string[] = [];
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        const languageId = languageIdForPath(file) ?? (section.endsWith('json') ? 'json' : 'yaml');
        const before = lint({ uri: `file://${file}`, languageId, text });
        for (const finding of before.findings) {
          for (const fix of finding.fixes ?? []) {
            offered++;
            const def = clientAt(before.model, finding.span);
            assert.ok(def);
            const edits = editsForFix(before.surfaceId, before.source, before.model, def, fix);
            if (!edits || edits.length === 0) {
              refused.push(`${basename(file)} ${finding.ruleId}: ${fix.title}`);
              continue;
            }
            const after = applyEdits(text, edits);
            assertOutsideUnchanged(text, after, edits);
            const fixed = lint({ ...before.source, text: after });
            const where = `${basename(file)} after ${finding.ruleId} "${fix.title}"`;
            assert.ok(fixed.model.problems.length <= before.model.problems.length, `new problems ${where}: ${JSON.stringify(fixed.model.problems)}`);
            assert.equal(fixed.model.context.resources.size, before.model.context.resources.size, `same resource count ${where}`);
            assert.deepEqual(fixed.model.clients.map((c) => c.name), before.model.clients.map((c) => c.name), `same clients ${where}`);
            applied++;
          }
        }
      }
      t.diagnostic(`${section}: ${applied} of ${offered} fixes applied${refused.length ? `; refused: ${refused.join('; ')}` : ''}`);
      assert.ok(offered > 0, 'the corpus has findings with fixes');
      assert.deepEqual(refused, [], 'every fix offered on the corpus can be made');
    });
  }
});
