/**
 * The CDK L2 `UserPoolClient` / `add_client` in Python: recognition by the Python reader, the
 * effective CloudFormation properties and the synth-time errors of every case of the shared table
 * (../support/cdk-l2-cases.ts, the facts file's values from real synths), and findings placed on
 * the keyword as written or on the construct call, worded in Python spelling.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { ClientDefinition, LocatedValue } from '../../server/src/model';
import { doHover } from '../../server/src/features/hover';
import { analyse } from '../../server/src/service';
import { applyEdits } from '../../server/src/surfaces/apply-edits';
import { editsForFix } from '../../server/src/surfaces/edits';
import { loadGrammar } from '../../server/src/surfaces/tree-sitter';
import { readFileSync } from 'node:fs';
import { clientLensText, problemsText } from '../../server/src/features/codelens';
import { doComplete } from '../../server/src/features/completion';
import { loadCases } from '../editors/support';
import { applyCompletion, caretDocument } from '../support/caret';
import { DEFAULT_CASES, DEFAULT_OAUTH, SYNTH_CASES } from '../support/cdk-l2-cases';

before(async () => {
  assert.ok(await loadGrammar('python'));
});

const HEAD = `from aws_cdk import Duration, Stack
from aws_cdk import aws_cognito as cognito
from aws_cdk.aws_cognito import AuthFlow, ClientAttributes, OAuthFlows, OAuthScope, OAuthSettings, UserPool, UserPoolClient, UserPoolClientIdentityProvider

pool = UserPool(self, "Pool")
`;

function plain(v: LocatedValue): unknown {
  if (v.kind === 'list') return v.items.map(plain);
  if (v.kind === 'object') return Object.fromEntries(v.members.map((m) => [m.name, plain(m.value)]));
  if (v.kind === 'unknown') return '?';
  if (v.kind === 'null') return null;
  return v.value;
}

function props(def: ClientDefinition): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, p] of def.properties) if (k !== 'UserPoolId') out[k] = plain(p.value);
  return out;
}

function analysed(body: string, head = HEAD) {
  const text = head + body;
  const a = analyse({ uri: 'file:///stack/app/stack.py', languageId: 'python', text });
  assert.ok(a, 'the Python surface reads the file');
  return { text, a };
}

function client(kwargs: string): string {
  return `UserPoolClient(self, "Client", user_pool=pool${kwargs ? ', ' + kwargs : ''})\n`;
}

function effective(body: string): Record<string, unknown> {
  const { a } = analysed(body);
  assert.equal(a.model.clients.length, 1, a.model.clients.map((c) => c.name).join(', '));
  return props(a.model.clients[0]);
}

function synthErrors(body: string): string[] {
  const { a } = analysed(body);
  return a.findings.filter((f) => f.ruleId === 'cdk-synth-error').map((f) => {
    assert.equal(f.severity, 'error');
    return f.message.replace(/^`cdk synth` will fail: /, '');
  });
}

describe('CDK L2 in Python: recognition', () => {
  it('UserPoolClient, cognito.UserPoolClient, aws_cognito.UserPoolClient and add_client with and without keywords', () => {
    const { a } = analysed(`UserPoolClient(self, "A", user_pool=pool)
cognito.UserPoolClient(self, "B", user_pool=pool)
aws_cdk.aws_cognito.UserPoolClient(self, "C", user_pool=pool)
pool.add_client("D", generate_secret=True)
pool.add_client("E")
cognito.CfnUserPoolClient(self, "L1", user_pool_id=pool.user_pool_id)
`);
    assert.deepEqual(a.model.clients.map((c) => c.name), ['A', 'B', 'C', 'D', 'E', 'L1']);
    for (const c of a.model.clients.slice(0, 5)) {
      assert.equal(c.surface, 'cloudformation');
      assert.equal(c.spelling, 'cdkPython');
      assert.ok(c.derived, `${c.name} is derived from the L2`);
      assert.equal(c.properties.get('UserPoolId')?.value.kind, 'unknown');
    }
    assert.equal(a.model.clients[5].derived, undefined, 'the L1 is not derived');
    assert.deepEqual(props(a.model.clients[4]), DEFAULT_OAUTH, 'add_client without keywords gets every default');
  });

  it('only in a file that uses the CDK: add_client and UserPoolClient are common names elsewhere', () => {
    const text = 'registry.add_client("Acme", make_profile("Acme"))\nc = UserPoolClient(self, "X")\nboto3.client("cognito-idp").create_user_pool_client(UserPoolId="p", ClientName="x")\n';
    const a = analyse({ uri: 'file:///app/registry.py', languageId: 'python', text });
    assert.deepEqual(a?.model.clients.map((c) => c.name), ['create_user_pool_client']);
  });

  it('dicts read like the struct classes; **kwargs resolved to a dict; an unresolved one leaves the defaults open', () => {
    assert.deepEqual(effective(client('o_auth={"flows": {"authorization_code_grant": True}}')).AllowedOAuthFlows, ['code']);
    assert.equal(effective(`opts = dict(generate_secret=True)\n${client('**opts')}`).GenerateSecret, true);
    const { a } = analysed(client('**base'));
    assert.ok(a.model.clients[0].open);
    assert.equal(a.model.clients[0].properties.get('AllowedOAuthFlows')?.value.kind, 'unknown');
    assert.deepEqual(a.findings.map((f) => f.ruleId), [], 'no default is concluded');
  });
});

describe('CDK L2 in Python: the defaults of the facts file (shared table)', () => {
  for (const c of DEFAULT_CASES) {
    it(c.name, () => {
      const e = effective((c.before?.py ?? '') + client(c.py));
      if (c.full) assert.deepEqual(e, c.expect);
      else for (const [k, v] of Object.entries(c.expect)) assert.deepEqual(e[k], v, k);
    });
  }
});

describe('CDK L2 in Python: synth-time errors with the exact texts (shared table)', () => {
  for (const c of SYNTH_CASES) {
    it(c.name, () => {
      assert.deepEqual(synthErrors(client(c.py)), c.errors);
    });
  }
});

describe('CDK L2 in Python: findings in Python spelling', () => {
  it('a finding caused by a default is at the construct call and names the default in Python', () => {
    const { text, a } = analysed('pool.add_client("Web")\n');
    const implicit = a.findings.find((f) => f.ruleId === 'implicit-flow-discouraged');
    assert.ok(implicit);
    assert.equal(text.slice(implicit.span.start, implicit.span.end), 'add_client');
    assert.match(implicit.message, /^`o_auth` is not set, so the CDK enables the implicit and code grants/);
    assert.match(implicit.message, /o_auth\.flows/);
    assert.doesNotMatch(implicit.message, /AllowedOAuthFlows|oAuth/);
    const legacy = a.findings.find((f) => f.ruleId === 'user-existence-errors-legacy');
    assert.ok(legacy);
    assert.match(legacy.message, /^prevent_user_existence_errors is not set, so it defaults to LEGACY: .* Set it to True\.$/);
  });

  it('a finding on a written keyword points at it and names it in snake_case', () => {
    const { text, a } = analysed(client('o_auth=OAuthSettings(flows=OAuthFlows(implicit_code_grant=True), callback_urls=["https://app.example.com/cb"]), prevent_user_existence_errors=False'));
    const implicit = a.findings.find((f) => f.ruleId === 'implicit-flow-discouraged')!;
    assert.equal(text.slice(implicit.span.start, implicit.span.end), 'implicit_code_grant=True');
    assert.match(implicit.message, /^The implicit flow in o_auth\.flows /);
    const legacy = a.findings.find((f) => f.ruleId === 'user-existence-errors-legacy')!;
    assert.equal(text.slice(legacy.span.start, legacy.span.end), 'prevent_user_existence_errors=False');
    assert.match(legacy.message, /^prevent_user_existence_errors is LEGACY/);
  });

  it('a synth error is on the keyword that causes it', () => {
    const { text, a } = analysed(client('access_token_validity=Duration.minutes(4)'));
    const error = a.findings.find((f) => f.ruleId === 'cdk-synth-error')!;
    assert.match(text.slice(error.span.start, error.span.end), /Duration\.minutes\(4\)/);
  });

  it('a clean client has no finding', () => {
    const { a } = analysed(client('o_auth=cognito.OAuthSettings(flows=cognito.OAuthFlows(authorization_code_grant=True), scopes=[cognito.OAuthScope.OPENID], callback_urls=["https://app.example.com/cb"]), prevent_user_existence_errors=True'));
    assert.deepEqual(a.findings.map((f) => `${f.ruleId}: ${f.message}`), []);
  });

  it('half-typed keywords never break the reading', () => {
    for (const body of ['UserPoolClient(self, "C", user_pool=pool, o_auth=OAuthSettings(flows=\n', 'pool.add_client("C", o_auth=\n', client('o_auth=OAuthSettings(flows=OAuthFlows(implicit_code_grant=))'), client('read_attributes=ClientAttributes().with_standard_attributes(**mask)')]) {
      const { a } = analysed(body);
      assert.ok(a.model.clients.length >= 1, body);
    }
  });
});

describe('CDK L2 in Python: quick fixes that set a top-level keyword', () => {
  function fixed(body: string, ruleId: string): { text: string; title: string } {
    const { text, a } = analysed(body);
    const finding = a.findings.find((f) => f.ruleId === ruleId);
    assert.ok(finding, `${ruleId} fires`);
    const fix = finding.fixes?.find((f) => f.isPreferred);
    assert.ok(fix, `${ruleId} has a fix`);
    const def = a.model.clients.find((c) => c.span.start <= finding.span.start && finding.span.end <= c.span.end)!;
    const edits = editsForFix('sdk-python', { uri: 'file:///stack/app/stack.py', languageId: 'python', text }, a.model, def, fix);
    assert.ok(edits, `the fix of ${ruleId} can be written`);
    const after = applyEdits(text, edits);
    assert.ok(!analysed(after.slice(HEAD.length)).a.findings.some((f) => f.ruleId === ruleId), `${ruleId} no longer fires after the fix`);
    return { text: after.slice(HEAD.length), title: fix.title };
  }

  it('prevent_user_existence_errors left out: added as True, in the call\'s layout', () => {
    const r = fixed('UserPoolClient(\n    self,\n    "C",\n    user_pool=pool,\n)\n', 'user-existence-errors-legacy');
    assert.equal(r.text, 'UserPoolClient(\n    self,\n    "C",\n    user_pool=pool,\n    prevent_user_existence_errors=True,\n)\n');
    assert.equal(r.title, 'Set prevent_user_existence_errors to True');
  });

  it('prevent_user_existence_errors=False becomes True; add_client alike', () => {
    assert.equal(fixed(client('prevent_user_existence_errors=False'), 'user-existence-errors-legacy').text, client('prevent_user_existence_errors=True'));
    assert.equal(fixed('pool.add_client("C")\n', 'user-existence-errors-legacy').text, 'pool.add_client("C", prevent_user_existence_errors=True)\n');
  });
});

describe('CDK L2 in Python: quick fixes that write structs and Durations', () => {
  /** The text after applying the preferred fix of a rule's finding, re-checked: that finding gone, no new one, every other byte kept. */
  function applied(whole: string, ruleId: string): { text: string; title: string; unambiguous?: boolean } {
    const doc = { uri: 'file:///stack/app/stack.py', languageId: 'python', text: whole };
    const a = analyse(doc)!;
    const finding = a.findings.find((f) => f.ruleId === ruleId);
    assert.ok(finding, `${ruleId} fires`);
    const fix = finding.fixes?.find((f) => f.isPreferred);
    assert.ok(fix, `${ruleId} has a fix`);
    const def = a.model.clients.find((c) => c.span.start <= finding.span.start && finding.span.end <= c.span.end)!;
    const edits = editsForFix('sdk-python', doc, a.model, def, fix);
    assert.ok(edits, `the fix of ${ruleId} can be written`);
    const after = applyEdits(whole, edits);
    const again = analyse({ ...doc, text: after })!;
    assert.equal(again.model.problems.length, 0, 'the fixed file parses');
    const key = (f: { ruleId: string; message: string }) => `${f.ruleId}: ${f.message}`;
    const before = new Set(a.findings.filter((f) => f !== finding).map(key));
    assert.ok(!again.findings.some((f) => f.ruleId === ruleId && key(f) === key(finding)), `${ruleId} no longer fires after the fix`);
    for (const f of again.findings) assert.ok(before.has(key(f)) || f.ruleId === ruleId, `no new finding: ${key(f)}`);
    // Only the edits' own text changed: what is before the first and after the last edit is the same.
    const first = Math.min(...edits.map((e) => e.span.start));
    const last = Math.max(...edits.map((e) => e.span.end));
    assert.equal(after.slice(0, first), whole.slice(0, first));
    assert.equal(after.slice(after.length - (whole.length - last)), whole.slice(last));
    return { text: after, title: fix.title, unambiguous: fix.unambiguous };
  }

  const ALIASED = 'from aws_cdk import Duration, Stack\nfrom aws_cdk import aws_cognito as cognito\n\npool = cognito.UserPool(self, "Pool")\n';

  it('o_auth left out: o_auth=cognito.OAuthSettings(flows=cognito.OAuthFlows(authorization_code_grant=True), callback_urls=[...]) with the file\'s alias', () => {
    const r = applied(`${ALIASED}cognito.UserPoolClient(\n    self,\n    "Web",\n    user_pool=pool,\n    prevent_user_existence_errors=True,\n)\n`, 'implicit-flow-discouraged');
    assert.equal(r.text.slice(ALIASED.length), 'cognito.UserPoolClient(\n    self,\n    "Web",\n    user_pool=pool,\n    prevent_user_existence_errors=True,\n    o_auth=cognito.OAuthSettings(flows=cognito.OAuthFlows(authorization_code_grant=True), callback_urls=["https://example.com/callback"]),\n)\n');
    assert.equal(r.title, 'Add o_auth with the code grant only and an explicit callback (https://example.com/callback, to replace)');
    assert.equal(r.unambiguous, false);
  });

  it('the struct\'s keywords keep their order when the editor sends the fix back with its objects\' keys reordered (Neovim\'s Lua tables)', () => {
    const text = `${ALIASED}pool.add_client("Web", prevent_user_existence_errors=True)\n`;
    const doc = { uri: 'file:///stack/app/stack.py', languageId: 'python', text };
    const a = analyse(doc)!;
    const finding = a.findings.find((f) => f.ruleId === 'implicit-flow-discouraged')!;
    const fix = finding.fixes!.find((f) => f.isPreferred)!;
    const reordered = (v: unknown): unknown => (Array.isArray(v) ? v.map(reordered) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reordered(x)])) : v);
    const def = a.model.clients[0];
    const once = applyEdits(text, editsForFix('sdk-python', doc, a.model, def, fix)!);
    const back = applyEdits(text, editsForFix('sdk-python', doc, a.model, def, reordered(JSON.parse(JSON.stringify(fix))) as typeof fix)!);
    assert.equal(back, once);
    assert.ok(once.includes('o_auth=cognito.OAuthSettings(flows=cognito.OAuthFlows(authorization_code_grant=True), callback_urls=["https://example.com/callback"])'), once);
  });

  it('the classes bare when the file imports them by name; other aliases as the file writes them', () => {
    const bare = applied(`${HEAD}pool.add_client("Web", prevent_user_existence_errors=True)\n`, 'implicit-flow-discouraged');
    assert.equal(bare.text.slice(HEAD.length), 'pool.add_client("Web", prevent_user_existence_errors=True, o_auth=OAuthSettings(flows=OAuthFlows(authorization_code_grant=True), callback_urls=["https://example.com/callback"]))\n');
    const head = "import aws_cdk.aws_cognito as cog\n\npool = cog.UserPool(self, 'Pool')\n";
    const other = applied(`${head}pool.add_client('Web', prevent_user_existence_errors=True)\n`, 'implicit-flow-discouraged');
    assert.equal(other.text.slice(head.length), "pool.add_client('Web', prevent_user_existence_errors=True, o_auth=cog.OAuthSettings(flows=cog.OAuthFlows(authorization_code_grant=True), callback_urls=['https://example.com/callback']))\n");
  });

  it('implicit_code_grant=True in an OAuthFlows call: set to False and the code grant added, in that call', () => {
    const r = applied(`${ALIASED}pool.add_client(\n    "Web",\n    prevent_user_existence_errors=True,\n    o_auth=cognito.OAuthSettings(\n        flows=cognito.OAuthFlows(implicit_code_grant=True),\n        callback_urls=["https://app.example.com/cb"],\n    ),\n)\n`, 'implicit-flow-discouraged');
    assert.equal(r.text.slice(ALIASED.length), 'pool.add_client(\n    "Web",\n    prevent_user_existence_errors=True,\n    o_auth=cognito.OAuthSettings(\n        flows=cognito.OAuthFlows(implicit_code_grant=False, authorization_code_grant=True),\n        callback_urls=["https://app.example.com/cb"],\n    ),\n)\n');
    assert.equal(r.title, 'Use the code grant instead of the implicit grant');
  });

  it('implicit_code_grant=True beside the code grant: only implicit_code_grant=False', () => {
    const r = applied(`${ALIASED}pool.add_client("Web", prevent_user_existence_errors=True, o_auth=cognito.OAuthSettings(flows=cognito.OAuthFlows(authorization_code_grant=True, implicit_code_grant=True), callback_urls=["https://app.example.com/cb"]))\n`, 'implicit-flow-discouraged');
    assert.equal(r.text.slice(ALIASED.length), 'pool.add_client("Web", prevent_user_existence_errors=True, o_auth=cognito.OAuthSettings(flows=cognito.OAuthFlows(authorization_code_grant=True, implicit_code_grant=False), callback_urls=["https://app.example.com/cb"]))\n');
    assert.equal(r.title, 'Set o_auth.flows.implicit_code_grant to False');
  });

  it('OAuthSettings without flows: flows=cognito.OAuthFlows(authorization_code_grant=True) added to it', () => {
    const r = applied(`${ALIASED}pool.add_client("Web", prevent_user_existence_errors=True, o_auth=cognito.OAuthSettings(callback_urls=["https://app.example.com/cb"]))\n`, 'implicit-flow-discouraged');
    assert.equal(r.text.slice(ALIASED.length), 'pool.add_client("Web", prevent_user_existence_errors=True, o_auth=cognito.OAuthSettings(callback_urls=["https://app.example.com/cb"], flows=cognito.OAuthFlows(authorization_code_grant=True)))\n');
    assert.equal(r.title, 'Set o_auth.flows to the code grant only');
  });

  it('a dict for o_auth is edited as a dict', () => {
    const r = applied(`${ALIASED}pool.add_client("Web", prevent_user_existence_errors=True, o_auth={"flows": {"implicit_code_grant": True, "authorization_code_grant": True}, "callback_urls": ["https://app.example.com/cb"]})\n`, 'implicit-flow-discouraged');
    assert.equal(r.text.slice(ALIASED.length), 'pool.add_client("Web", prevent_user_existence_errors=True, o_auth={"flows": {"implicit_code_grant": False, "authorization_code_grant": True}, "callback_urls": ["https://app.example.com/cb"]})\n');
  });

  it('a lifetime out of range or not whole: the nearest valid Duration, with the alias the file uses', () => {
    const cases: [string, string, string][] = [
      ['access_token_validity=Duration.minutes(4)', 'access_token_validity=Duration.minutes(5)', 'Set access_token_validity to Duration.minutes(5)'],
      ['id_token_validity=cdk.Duration.seconds(330)', 'id_token_validity=cdk.Duration.minutes(6)', 'Set id_token_validity to cdk.Duration.minutes(6)'],
      ['refresh_token_validity=Duration.days(4000)', 'refresh_token_validity=Duration.days(3650)', 'Set refresh_token_validity to Duration.days(3650)'],
      ['auth_session_validity=Duration.minutes(20)', 'auth_session_validity=Duration.minutes(15)', 'Set auth_session_validity to Duration.minutes(15)'],
      ['refresh_token_rotation_grace_period=Duration.seconds(61)', 'refresh_token_rotation_grace_period=Duration.minutes(1)', 'Set refresh_token_rotation_grace_period to Duration.minutes(1)'],
    ];
    const head = `import aws_cdk as cdk\n${ALIASED}`;
    for (const [written, want, title] of cases) {
      const body = (kw: string) => `pool.add_client(\n    "C",\n    prevent_user_existence_errors=True,\n    ${kw},  # lifetime\n)\n`;
      const r = applied(head + body(written), 'cdk-synth-error');
      assert.equal(r.text.slice(head.length), body(want), written);
      assert.equal(r.title, title);
    }
  });
});

describe('CDK L2 in Python: hover on the keywords', () => {
  function hoverAt(body: string): string {
    const c = caretDocument(HEAD + body, 'stack.py');
    const h = doHover(c.document, c.model, c.position);
    return h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
  }

  it('a keyword: its meaning in Python spelling, what the CDK does without it, the property it becomes', () => {
    const text = hoverAt('pool.add_client("C", access_token_valid|ity=Duration.hours(2))\n');
    assert.ok(text.includes('**access_token_validity**'), text);
    assert.match(text, /Synthesised as `AccessTokenValidity`: `120`/);
  });

  it('a keyword of a nested struct: o_auth.flows.implicit_code_grant', () => {
    const text = hoverAt('pool.add_client("C", o_auth=OAuthSettings(flows=OAuthFlows(implicit_code|_grant=True, authorization_code_grant=True)))\n');
    assert.ok(text.includes('**o_auth.flows.implicit_code_grant**'), text);
    assert.match(text, /Synthesised as `AllowedOAuthFlows`: `\["implicit", "code"\]`/);
  });

  it('the prose in Python terms: keywords in snake_case, True / False', () => {
    const text = hoverAt('pool.add_client("C", prevent_user_existence|_errors=True)\n');
    assert.match(text, /`True` writes `ENABLED`.* `False` writes `LEGACY`/);
    const context = hoverAt('pool.add_client("C", generate_secret=True, enable_propagate_additional_user_context|_data=True)\n');
    assert.match(context, /needs `generate_secret=True`/);
    // The synthesised CloudFormation value stays JSON (`true`): it is the template's, not Python's.
    assert.match(context, /Synthesised as `EnablePropagateAdditionalUserContextData`: `true`/);
    for (const t of [text, context]) assert.doesNotMatch(t.split('Synthesised as')[0], /\b(true|false)\b|preventUserExistenceErrors|generateSecret/);
  });

  it('add_client shows the summary of the effective client, defaults included', () => {
    assert.match(hoverAt('pool.add_cl|ient("C")\n'), /As the CDK synthesises it/);
  });
});

describe('CDK L2 in Python: completion in the keyword arguments, at every nesting level', () => {
  const ALIASED = 'import aws_cdk as cdk\nfrom aws_cdk import aws_cognito as cognito\n\npool = cognito.UserPool(self, "Pool")\n';

  function complete(body: string, head = ALIASED) {
    const c = caretDocument(head + body, 'stack.py');
    assert.equal(c.surfaceId, 'sdk-python');
    return { list: doComplete(c.document, c.model, c.surfaceId, c.position), c };
  }
  function labels(body: string, head = ALIASED): string[] {
    return [...new Set(complete(body, head).list.items.map((i) => i.label))];
  }
  function accept(body: string, label: string, head = ALIASED): string {
    const { list, c } = complete(body, head);
    const item = list.items.find((i) => i.label === label);
    assert.ok(item, `no item ${label} among ${JSON.stringify(list.items.map((i) => i.label))}`);
    return applyCompletion(c.document, item).slice(head.length);
  }

  it('the keywords of the call in snake_case, without those written and without L1 or boto3 names', () => {
    const got = labels('pool.add_client(\n    "Web",\n    generate_secret=True,\n    |\n)\n');
    for (const k of ['o_auth', 'auth_flows', 'prevent_user_existence_errors', 'access_token_validity', 'disable_o_auth', 'read_attributes', 'supported_identity_providers']) assert.ok(got.includes(k), `${k} in ${JSON.stringify(got)}`);
    assert.ok(!got.includes('generate_secret'), 'written already');
    assert.ok(!got.some((l) => /^[A-Z]|oAuth|allowed_o_auth_flows|callback_ur_ls/.test(l)), JSON.stringify(got));
    assert.ok(labels('cognito.UserPoolClient(self, "C", user_pool=pool, |)\n').includes('o_auth'));
    assert.ok(!labels('cognito.UserPoolClient(self, "C", user_pool=pool, |)\n').includes('user_pool'));
  });

  it('inside the struct classes: OAuthSettings(|), OAuthSettings(flows=OAuthFlows(|)), AuthFlow(|), AnalyticsConfiguration(|), and in dicts', () => {
    assert.deepEqual(labels('pool.add_client("C", o_auth=cognito.OAuthSettings(|))\n').sort(), ['callback_urls', 'default_redirect_uri', 'flows', 'logout_urls', 'scopes']);
    assert.deepEqual(labels('pool.add_client("C", o_auth=cognito.OAuthSettings(flows=cognito.OAuthFlows(implicit_code_grant=False, |)))\n').sort(), ['authorization_code_grant', 'client_credentials']);
    assert.deepEqual(labels('pool.add_client("C", auth_flows=cognito.AuthFlow(|))\n').sort(), ['admin_user_password', 'custom', 'user', 'user_password', 'user_srp']);
    assert.deepEqual(labels('pool.add_client("C", analytics=cognito.AnalyticsConfiguration(|))\n').sort(), ['application', 'application_id', 'external_id', 'role', 'share_user_data']);
    assert.deepEqual(labels('pool.add_client("C", o_auth={"flows": {|}})\n').sort(), ['authorization_code_grant', 'client_credentials', 'implicit_code_grant']);
    assert.deepEqual(labels('pool.add_client("C", o_auth={"flows": {"impl|"}})\n').sort(), ['authorization_code_grant', 'client_credentials', 'implicit_code_grant']);
  });

  it('a keyword is inserted with a value in Python: True / False, the struct class and Duration as the file names them', () => {
    assert.equal(accept('pool.add_client("C", o_auth=cognito.OAuthSettings(flows=cognito.OAuthFlows(|)))\n', 'authorization_code_grant'), 'pool.add_client("C", o_auth=cognito.OAuthSettings(flows=cognito.OAuthFlows(authorization_code_grant=True)))\n');
    assert.equal(accept('pool.add_client("C", |)\n', 'o_auth'), 'pool.add_client("C", o_auth=cognito.OAuthSettings())\n');
    assert.equal(accept('pool.add_client("C", o_auth=cognito.OAuthSettings(|))\n', 'flows'), 'pool.add_client("C", o_auth=cognito.OAuthSettings(flows=cognito.OAuthFlows()))\n');
    assert.equal(accept('pool.add_client("C", |)\n', 'access_token_validity'), 'pool.add_client("C", access_token_validity=cdk.Duration.minutes())\n');
    assert.equal(accept('pool.add_client("C", |)\n', 'read_attributes'), 'pool.add_client("C", read_attributes=cognito.ClientAttributes())\n');
    assert.equal(accept('pool.add_client("C", o_auth={"flows": {|}})\n', 'implicit_code_grant'), 'pool.add_client("C", o_auth={"flows": {"implicit_code_grant": True}})\n');
    // Bare names when the file imports the classes by name.
    assert.equal(accept('pool.add_client("C", |)\n', 'auth_flows', HEAD), 'pool.add_client("C", auth_flows=AuthFlow())\n');
    assert.equal(accept('pool.add_client("C", |)\n', 'id_token_validity', HEAD), 'pool.add_client("C", id_token_validity=Duration.minutes())\n');
  });

  it('a keyword typed before a written argument gets its comma; one with its `=` already is only renamed', () => {
    assert.equal(accept('pool.add_client("C", gen| o_auth=None)\n', 'generate_secret'), 'pool.add_client("C", generate_secret=True, o_auth=None)\n');
    assert.equal(accept('pool.add_client("C", gen|=False)\n', 'generate_secret'), 'pool.add_client("C", generate_secret=False)\n');
  });

  it('a keyword typed on its own line after an argument with no comma yet gets the comma written after that argument', () => {
    assert.equal(accept('pool.add_client(\n    "C",\n    generate_secret=False  \n    pre|\n)\n', 'prevent_user_existence_errors'), 'pool.add_client(\n    "C",\n    generate_secret=False,  \n    prevent_user_existence_errors=True\n)\n');
    // The same in a boto3 call.
    const boto = 'import boto3\n\nboto3.client("cognito-idp").create_user_pool_client(\n    UserPoolId="p",\n    ClientName="c"\n    Gen|\n)\n';
    const c = caretDocument(boto, 'client.py');
    const item = doComplete(c.document, c.model, c.surfaceId, c.position).items.find((i) => i.label === 'GenerateSecret');
    assert.ok(item, 'GenerateSecret offered');
    assert.match(applyCompletion(c.document, item), /ClientName="c",\n {4}GenerateSecret=/);
  });

  it('values: True / False for a boolean keyword', () => {
    assert.deepEqual(labels('pool.add_client("C", prevent_user_existence_errors=|)\n'), ['True', 'False']);
    assert.deepEqual(labels('pool.add_client("C", auth_flows=cognito.AuthFlow(user_srp=|))\n'), ['True', 'False']);
  });

  it('OAuthScope. members in scopes=[...], qualified as the file qualifies them, resource_server in Python', () => {
    const body = 'pool.add_client("C", o_auth=cognito.OAuthSettings(scopes=[cognito.OAuthScope.|]))\n';
    assert.deepEqual(labels(body), ['OPENID', 'EMAIL', 'PHONE', 'PROFILE', 'COGNITO_ADMIN', 'custom', 'resource_server']);
    assert.equal(accept(body, 'OPENID'), 'pool.add_client("C", o_auth=cognito.OAuthSettings(scopes=[cognito.OAuthScope.OPENID]))\n');
    assert.equal(accept(body, 'custom'), 'pool.add_client("C", o_auth=cognito.OAuthSettings(scopes=[cognito.OAuthScope.custom("")]))\n');
    const items = labels('pool.add_client("C", o_auth=cognito.OAuthSettings(scopes=[cognito.OAuthScope.OPENID, |]))\n');
    assert.ok(items.includes('cognito.OAuthScope.EMAIL') && items.includes('cognito.OAuthScope.resource_server'), JSON.stringify(items));
  });

  it('UserPoolClientIdentityProvider. members in supported_identity_providers', () => {
    assert.ok(labels('pool.add_client("C", supported_identity_providers=[|])\n').includes('cognito.UserPoolClientIdentityProvider.GOOGLE'));
    assert.ok(labels('pool.add_client("C", supported_identity_providers=[UserPoolClientIdentityProvider.|])\n', HEAD).includes('GOOGLE'));
  });

  it('Duration factories after `Duration.` / `cdk.Duration.` and as the value of a lifetime', () => {
    assert.deepEqual(labels('pool.add_client("C", id_token_validity=cdk.Duration.|)\n'), ['millis', 'seconds', 'minutes', 'hours', 'days']);
    assert.equal(accept('pool.add_client("C", id_token_validity=cdk.Duration.h|)\n', 'hours'), 'pool.add_client("C", id_token_validity=cdk.Duration.hours())\n');
    assert.equal(accept('pool.add_client("C", id_token_validity=cdk.Duration.|(2))\n', 'hours'), 'pool.add_client("C", id_token_validity=cdk.Duration.hours(2))\n', 'the arguments written are kept');
    assert.deepEqual(labels('pool.add_client("C", id_token_validity=Duration.|)\n', HEAD), ['millis', 'seconds', 'minutes', 'hours', 'days']);
    assert.ok(labels('pool.add_client("C", refresh_token_validity=|)\n').includes('cdk.Duration.days'));
  });

  it('the attribute mask: with_standard_attributes(|) offers the StandardAttributesMask keywords, each =True', () => {
    const body = 'pool.add_client("C", read_attributes=cognito.ClientAttributes().with_custom_attributes("tenant").with_standard_attributes(email=True, |))\n';
    const got = labels(body);
    for (const k of ['family_name', 'fullname', 'phone_number_verified', 'profile_picture']) assert.ok(got.includes(k), `${k} in ${JSON.stringify(got)}`);
    assert.ok(!got.includes('email'), 'written already');
    assert.ok(!got.includes('o_auth'), 'not the props');
    assert.equal(accept(body, 'family_name'), 'pool.add_client("C", read_attributes=cognito.ClientAttributes().with_custom_attributes("tenant").with_standard_attributes(email=True, family_name=True))\n');
    assert.deepEqual(labels('pool.add_client("C", write_attributes=cognito.ClientAttributes().with_standard_attributes(email=|))\n'), ['True', 'False']);
    assert.deepEqual(labels('pool.add_client("C", read_attributes=cognito.ClientAttributes().with_custom_attributes(|))\n'), [], 'custom attribute names are the user\'s');
  });

  it('nothing in strings, comments, positional arguments, other calls, or a file that does not use the CDK', () => {
    assert.deepEqual(labels('pool.add_client("C", user_pool_client_name="we|b")\n'), []);
    assert.deepEqual(labels('pool.add_client("C",  # o_|\n)\n'), []);
    assert.deepEqual(labels('pool.add_client("C|")\n'), []);
    assert.deepEqual(labels('pool.add_client("C", read_attributes=make(|))\n'), []);
    assert.deepEqual(labels('registry.add_client("Acme", |)\n', 'import requests\n'), []);
    // Names every JS object has are no props.
    assert.deepEqual(labels('pool.add_client("C", constructor=|)\n'), []);
    assert.deepEqual(labels('pool.add_client("C", o_auth=cognito.OAuthSettings(to_string=|))\n'), []);
  });
});

describe('Python spelling of booleans in messages and fix titles (L2 keywords and boto3 arguments)', () => {
  before(async () => {
    assert.ok(await loadGrammar('typescript'));
  });
  const L2 = `from aws_cdk import aws_cognito as cognito
pool = cognito.UserPool(self, "P")
pool.add_client("A", prevent_user_existence_errors=True, enable_token_revocation=False, o_auth=cognito.OAuthSettings(flows=cognito.OAuthFlows(client_credentials=True), scopes=[cognito.OAuthScope.custom("api/read")]))
`;
  const BOTO3 = `import boto3
c = boto3.client("cognito-idp")
c.create_user_pool_client(UserPoolId="p", ClientName="c", EnableTokenRevocation=False, EnablePropagateAdditionalUserContextData=True, AllowedOAuthFlows=["client_credentials"], AllowedOAuthScopes=["api/read"], AllowedOAuthFlowsUserPoolClient=True, PreventUserExistenceErrors="ENABLED")
c.create_user_pool_client(UserPoolId="p", ClientName="d", AllowedOAuthFlows=["code"], CallbackURLs=["https://a.example.com/cb"], AllowedOAuthScopes=["openid"], AllowedOAuthFlowsUserPoolClient=False, PreventUserExistenceErrors="ENABLED")
`;
  function findings(text: string, uri = 'file:///app/stack.py', languageId = 'python') {
    const a = analyse({ uri, languageId, text });
    assert.ok(a);
    return a.findings;
  }
  const byRule = (fs: ReturnType<typeof findings>, id: string) => fs.filter((f) => f.ruleId === id);

  it('an L2 keyword: True / False in the message and the fix title', () => {
    const fs = findings(L2);
    const revocation = byRule(fs, 'token-revocation-disabled')[0];
    assert.equal(revocation.message, 'enable_token_revocation is False, so refresh tokens issued to this client cannot be revoked: a leaked token stays valid until it expires, even after sign-out. Set it to True.');
    assert.equal(revocation.fixes?.[0].title, 'Set enable_token_revocation to True');
    const secret = byRule(fs, 'client-credentials-requires-secret')[0];
    assert.match(secret.message, /set generate_secret to True\./);
    assert.match(secret.fixes?.[0].title ?? '', /^Set generate_secret to True/);
  });

  it('a boto3 argument: True / False in messages and fix titles', () => {
    const fs = findings(BOTO3);
    assert.match(byRule(fs, 'token-revocation-disabled')[0].message, /^EnableTokenRevocation is False, .* Set it to True\.$/);
    const context = byRule(fs, 'context-data-requires-secret')[0];
    assert.match(context.message, /^EnablePropagateAdditionalUserContextData is True .* Set EnablePropagateAdditionalUserContextData to False, or create the client with GenerateSecret True\.$/);
    assert.deepEqual(context.fixes?.map((f) => f.title), ['Set EnablePropagateAdditionalUserContextData to False', 'Set GenerateSecret to True']);
    const flag = byRule(fs, 'oauth-requires-enabled-flag')[0];
    assert.match(flag.message, /AllowedOAuthFlowsUserPoolClient is False, .* Set AllowedOAuthFlowsUserPoolClient to True\.$/);
  });

  it('no lowercase boolean is left in any message or title of a Python file; the same client in JS keeps true / false', () => {
    for (const f of [...findings(L2), ...findings(BOTO3)]) {
      for (const t of [f.message, ...(f.fixes ?? []).map((x) => x.title)]) assert.doesNotMatch(t, /\b(true|false)\b/, `${f.ruleId}: ${t}`);
    }
    const js = findings('import { CognitoIdentityProviderClient, CreateUserPoolClientCommand } from "@aws-sdk/client-cognito-identity-provider";\nnew CreateUserPoolClientCommand({ UserPoolId: "p", ClientName: "c", EnableTokenRevocation: false, PreventUserExistenceErrors: "ENABLED" });\n', 'file:///app/client.ts', 'typescript');
    assert.match(byRule(js, 'token-revocation-disabled')[0].message, /is false, .* Set it to true\.$/);
  });
});

describe('the .py CDK stack fixture of the real-editor checks', () => {
  it('draws the codes, hover, completions, quick fix and CodeLens cases.json expects of every editor', () => {
    const c = loadCases().find((k) => k.file === 'stack.py');
    assert.ok(c, 'a stack.py case');
    const text = readFileSync(c.path, 'utf8');
    const doc = { uri: 'file:///fixtures/stack.py', languageId: 'python', text };
    const a = analyse(doc);
    assert.ok(a);
    assert.deepEqual([...new Set(a.findings.map((f) => f.ruleId))].sort(), [...c.codes].sort());
    const at = (s: string) => text.indexOf(s);
    const withCaret = (s: string) => text.slice(0, at(s)) + '|' + text.slice(at(s));
    const h = caretDocument(withCaret(c.hover.at), 'stack.py');
    const hover = doHover(h.document, h.model, h.position);
    assert.ok(hover && typeof hover.contents === 'object' && 'value' in hover.contents && hover.contents.value.includes(c.hover.expect));
    for (const k of c.completions) {
      const d = caretDocument(withCaret(k.at), 'stack.py');
      const got = doComplete(d.document, d.model, d.surfaceId, d.position).items.map((i) => i.label);
      assert.ok(got.includes(k.expect), `${k.expect} at ${k.at}: ${JSON.stringify(got)}`);
      if (k.reject) assert.ok(!got.includes(k.reject));
    }
    const finding = a.findings.find((f) => f.ruleId === c.codeAction.code && f.span.start <= at(c.codeAction.at) && at(c.codeAction.at) < f.span.end);
    const fix = finding?.fixes?.find((f) => f.title.includes(c.codeAction.titleIncludes ?? ''));
    assert.ok(finding && fix);
    const def = a.model.clients.find((d) => d.span.start <= finding.span.start && finding.span.end <= d.span.end)!;
    const after = applyEdits(text, editsForFix('sdk-python', doc, a.model, def, fix)!);
    assert.ok(after.includes(c.codeAction.expectText), after);
    assert.ok(!analyse({ ...doc, text: after })!.findings.some((f) => f.ruleId === c.codeAction.code));
    const lens = c.codeLens!;
    const client = a.model.clients.find((d) => d.span.start <= at(lens.at) + lens.at.length && at(lens.at) <= d.span.end)!;
    assert.equal(clientLensText(client), lens.expect);
    assert.equal(problemsText(a.findings.length), lens.problems);
  });
});
