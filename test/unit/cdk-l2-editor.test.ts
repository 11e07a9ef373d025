/**
 * Hover and completion inside the props of a CDK L2 `UserPoolClient` (TypeScript), with `|` for
 * the caret: the L2's own prop names at each nesting level, `OAuthScope.` / `Duration.` /
 * `UserPoolClientIdentityProvider.` members, values by kind; hover with the meaning, what the CDK
 * does when the prop is left out and the CloudFormation property it becomes with its value.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import type { CompletionList } from 'vscode-languageserver-types';
import { doComplete } from '../../server/src/features/completion';
import { doHover } from '../../server/src/features/hover';
import { analyse } from '../../server/src/service';
import { loadGrammar } from '../../server/src/surfaces/tree-sitter';
import { loadCases } from '../editors/support';
import { applyCompletion, caretDocument } from '../support/caret';

before(async () => {
  assert.ok(await loadGrammar('typescript'));
});

const HEAD = "import * as cdk from 'aws-cdk-lib';\nimport * as cognito from 'aws-cdk-lib/aws-cognito';\n";

function complete(body: string, whole = false): { list: CompletionList; c: ReturnType<typeof caretDocument> } {
  const c = caretDocument(whole ? body : HEAD + body, 'stack.ts');
  assert.equal(c.surfaceId, 'sdk-javascript');
  return { list: doComplete(c.document, c.model, c.surfaceId, c.position), c };
}

function labels(body: string, whole = false): string[] {
  return [...new Set(complete(body, whole).list.items.map((i) => i.label))];
}

function accept(body: string, label: string): string {
  const { list, c } = complete(body);
  const item = list.items.find((i) => i.label === label);
  assert.ok(item, `no item ${label} among ${JSON.stringify(list.items.map((i) => i.label))}`);
  return applyCompletion(c.document, item).slice(HEAD.length);
}

function hover(body: string, whole = false): string | undefined {
  const c = caretDocument(whole ? body : HEAD + body, 'stack.ts');
  const h = doHover(c.document, c.model, c.position);
  return h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : undefined;
}

describe('CDK L2 completion', () => {
  it('prop names at the top level, without those written and without L1 names', () => {
    const got = labels("pool.addClient('Web', {\n  generateSecret: true,\n  |\n});\n");
    assert.ok(got.includes('oAuth') && got.includes('preventUserExistenceErrors') && got.includes('accessTokenValidity'), JSON.stringify(got));
    assert.ok(!got.includes('generateSecret'), 'written already');
    assert.ok(!got.includes('allowedOAuthFlows') && !got.includes('callbackUrLs'), 'no L1 names');
  });

  it('at each nesting level: oAuth: { | }, oAuth: { flows: { | } }, authFlows: { | }', () => {
    assert.deepEqual(labels("new cognito.UserPoolClient(this, 'C', { userPool: pool, oAuth: { | } });\n").sort(), ['callbackUrls', 'defaultRedirectUri', 'flows', 'logoutUrls', 'scopes']);
    assert.deepEqual(labels("new cognito.UserPoolClient(this, 'C', { userPool: pool, oAuth: { flows: { implicitCodeGrant: false, | } } });\n").sort(), ['authorizationCodeGrant', 'clientCredentials']);
    assert.deepEqual(labels("pool.addClient('C', { authFlows: { | } });\n").sort(), ['adminUserPassword', 'custom', 'user', 'userPassword', 'userSrp']);
  });

  it('a prop is inserted with a value in the L2 form', () => {
    assert.equal(accept("pool.addClient('C', { oAuth: { flows: { | } } });\n", 'authorizationCodeGrant'), "pool.addClient('C', { oAuth: { flows: { authorizationCodeGrant: true } } });\n");
    assert.equal(accept("pool.addClient('C', { | });\n", 'accessTokenValidity'), "pool.addClient('C', { accessTokenValidity: cdk.Duration.minutes() });\n");
  });

  it('OAuthScope. members in a scopes list, qualified as the file qualifies them', () => {
    const body = "pool.addClient('C', { oAuth: { scopes: [cognito.OAuthScope.|] } });\n";
    assert.deepEqual(labels(body), ['OPENID', 'EMAIL', 'PHONE', 'PROFILE', 'COGNITO_ADMIN', 'custom', 'resourceServer']);
    assert.equal(accept(body, 'OPENID'), "pool.addClient('C', { oAuth: { scopes: [cognito.OAuthScope.OPENID] } });\n");
    assert.ok(labels("pool.addClient('C', { oAuth: { scopes: [|] } });\n").includes('cognito.OAuthScope.EMAIL'));
  });

  it('Duration factories after `Duration.` and as the value of a lifetime', () => {
    assert.deepEqual(labels("pool.addClient('C', { idTokenValidity: cdk.Duration.| });\n"), ['millis', 'seconds', 'minutes', 'hours', 'days']);
    assert.equal(accept("pool.addClient('C', { idTokenValidity: cdk.Duration.h| });\n", 'hours'), "pool.addClient('C', { idTokenValidity: cdk.Duration.hours() });\n");
    assert.equal(accept("pool.addClient('C', { idTokenValidity: cdk.Duration.|(2) });\n", 'hours'), "pool.addClient('C', { idTokenValidity: cdk.Duration.hours(2) });\n", 'the arguments written are kept');
    assert.ok(labels("pool.addClient('C', { refreshTokenValidity: | });\n").includes('cdk.Duration.days'));
  });

  it('the attribute mask: withStandardAttributes({ | }) offers the StandardAttributesMask keys, each true', () => {
    const body = "pool.addClient('C', { readAttributes: new cognito.ClientAttributes().withCustomAttributes('tenant').withStandardAttributes({ email: true, | }) });\n";
    const got = labels(body);
    for (const k of ['familyName', 'fullname', 'phoneNumberVerified', 'profilePicture']) assert.ok(got.includes(k), `${k} in ${JSON.stringify(got)}`);
    assert.ok(!got.includes('email') && !got.includes('oAuth'), JSON.stringify(got));
    assert.equal(accept(body, 'familyName'), "pool.addClient('C', { readAttributes: new cognito.ClientAttributes().withCustomAttributes('tenant').withStandardAttributes({ email: true, familyName: true }) });\n");
    assert.deepEqual(labels("pool.addClient('C', { writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: | }) });\n"), ['true', 'false']);
    assert.deepEqual(labels("pool.addClient('C', { readAttributes: new cognito.ClientAttributes().withStandardAttributes(|) });\n"), []);
  });

  it('names every JS object has are no props: nothing offered, no hover', () => {
    assert.deepEqual(labels("pool.addClient('C', { constructor: | });\n"), []);
    assert.deepEqual(labels("pool.addClient('C', { toString: | });\n"), []);
    assert.doesNotMatch(hover("pool.addClient('C', { toStr|ing: 1 });\n") ?? '', /CDK L2 `UserPoolClient`\)/);
  });

  it('identity provider constants in supportedIdentityProviders', () => {
    assert.ok(labels("pool.addClient('C', { supportedIdentityProviders: [|] });\n").includes('cognito.UserPoolClientIdentityProvider.GOOGLE'));
  });
});

describe('CDK L2 hover', () => {
  it('a written prop: meaning, what the CDK does without it, the CloudFormation property and its value', () => {
    const text = hover("pool.addClient('C', { accessTokenValidity: cdk.Duration.ho|urs(2) });\n") ?? '';
    assert.ok(text.includes('**accessTokenValidity**'), text);
    assert.match(text, /Left out: Nothing is written: the service uses 60 minutes\./);
    assert.match(text, /Synthesised as `AccessTokenValidity`: `120`/);
    assert.match(text, /TokenValidityUnits`: `\{AccessToken: "minutes"\}`/);
  });

  it('nested: oAuth.flows.implicitCodeGrant becomes part of AllowedOAuthFlows', () => {
    const text = hover("pool.addClient('C', { oAuth: { flows: { implicit|CodeGrant: true, authorizationCodeGrant: true } } });\n") ?? '';
    assert.ok(text.includes('**oAuth.flows.implicitCodeGrant**'), text);
    assert.match(text, /Synthesised as `AllowedOAuthFlows`: `\["implicit", "code"\]`/);
  });

  it('the construct call shows the summary of the effective client, defaults included', () => {
    const text = hover("pool.addCl|ient('C');\n") ?? '';
    assert.match(text, /OAuth grants \(`oAuth\.flows`\): `implicit`, `code`/);
    assert.match(text, /User existence errors \(`preventUserExistenceErrors`\): `LEGACY`/);
    assert.match(text, /As the CDK synthesises it/);
  });
});

describe('the .ts CDK stack fixture of the real-editor checks', () => {
  it('draws the codes, hover, completion and quick fix cases.json expects of every editor', () => {
    const c = loadCases().find((k) => k.file === 'stack.ts');
    assert.ok(c, 'a stack.ts case');
    const text = readFileSync(c.path, 'utf8');
    const a = analyse({ uri: 'file:///fixtures/stack.ts', languageId: 'typescript', text });
    assert.ok(a);
    assert.deepEqual([...new Set(a.findings.map((f) => f.ruleId))].sort(), [...c.codes].sort());
    const at = (s: string) => text.indexOf(s);
    assert.ok((hover(text.slice(0, at(c.hover.at)) + '|' + text.slice(at(c.hover.at)), true) ?? '').includes(c.hover.expect));
    for (const k of c.completions) {
      const got = labels(text.slice(0, at(k.at)) + '|' + text.slice(at(k.at)), true);
      assert.ok(got.includes(k.expect), `${k.expect} at ${k.at}`);
      if (k.reject) assert.ok(!got.includes(k.reject));
    }
    const finding = a.findings.find((f) => f.ruleId === c.codeAction.code && text.slice(f.span.start, f.span.end).includes(c.codeAction.at));
    assert.ok(finding?.fixes?.some((f) => f.title.includes(c.codeAction.titleIncludes ?? '')));
  });
});
