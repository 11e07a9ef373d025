/**
 * Hover over user pool clients in CloudFormation YAML and JSON: property keys (top level and
 * nested), enum values in scalars and list items, token validity numbers and units, vocabulary
 * values, the client summary on the logical id and the type, and nothing elsewhere. Each case runs
 * over both twins of one scenario (the renderers of test/support/scenario.ts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover } from 'vscode-languageserver-types';
import { doHover } from '../../server/src/features/hover';
import { emptyFileContext, type DocumentModel } from '../../server/src/model';
import { propertySchema } from '../../server/src/schema';
import { parseDocument } from '../../server/src/surfaces';
import { build, type Built } from '../support/model-builder';
import { caretDocument } from '../support/caret';
import { renderers, type Rendered, type Scenario } from '../support/scenario';

/** Hover at the `occurrence`-th appearance of `needle` (-1: the last), `within` characters into it. */
function hoverOn(doc: Rendered, needle: string, occurrence = 1, within = 1): { hover: Hover | null; text: string; start: number } {
  let start = -1;
  if (occurrence < 0) start = doc.text.lastIndexOf(needle);
  for (let n = 0; n < occurrence; n++) start = doc.text.indexOf(needle, start + 1);
  assert.ok(start >= 0, `${JSON.stringify(needle)} #${occurrence} not found in\n${doc.text}`);
  const parsed = parseDocument({ uri: 'file:///test/' + doc.fileName, languageId: doc.languageId, text: doc.text });
  assert.ok(parsed);
  const document = TextDocument.create('file:///test/' + doc.fileName, doc.languageId, 1, doc.text);
  const hover = doHover(document, parsed.model, document.positionAt(start + within));
  const text = hover ? (typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '') : '';
  return { hover, text, start };
}

/** The hovered range as text. */
function rangeText(doc: Rendered, hover: Hover): string {
  const document = TextDocument.create('file:///x', doc.languageId, 1, doc.text);
  assert.ok(hover.range, 'a hover has a range');
  return doc.text.slice(document.offsetAt(hover.range.start), document.offsetAt(hover.range.end));
}

/** The text of a token as written in a twin: JSON keys and strings are quoted. */
function token(doc: Rendered, word: string): string {
  return doc.languageId === 'json' ? JSON.stringify(word) : word;
}

const base: Scenario = {
  client: {
    ClientName: 'web',
    GenerateSecret: true,
    AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthFlows: ['code'],
    AllowedOAuthScopes: ['openid', 'orders/read'],
    CallbackURLs: ['https://app.example.com/cb', 'https://app.example.com/cb2'],
    ExplicitAuthFlows: ['ADMIN_NO_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    PreventUserExistenceErrors: 'LEGACY',
    AccessTokenValidity: 60,
    IdTokenValidity: 30,
    TokenValidityUnits: { IdToken: 'minutes' },
    SupportedIdentityProviders: ['COGNITO', 'Corp'],
    ReadAttributes: ['email', 'custom:tenant'],
  },
  resources: {
    UserPool: { role: 'userPool', properties: { UserPoolName: 'pool', Schema: [{ Name: 'tenant', AttributeDataType: 'String' }] } },
    Orders: { role: 'resourceServer', properties: { UserPoolId: { $ref: 'UserPool' }, Identifier: 'orders', Name: 'Orders', Scopes: [{ ScopeName: 'read', ScopeDescription: 'r' }] } },
    CorpIdp: { role: 'identityProvider', properties: { UserPoolId: { $ref: 'UserPool' }, ProviderName: 'Corp', ProviderType: 'SAML' } },
  },
  dependsOn: ['Orders', 'CorpIdp'],
  clientName: 'WebClient',
};

for (const renderer of renderers) {
  describe(`hover (${renderer.id})`, () => {
    const doc = renderer.render(base);

    it('on a property key: title, explanation, type, default, limits, required-ness, create-only, links', () => {
      const { hover, text } = hoverOn(doc, token(doc, 'GenerateSecret'));
      assert.ok(hover);
      assert.equal(rangeText(doc, hover), token(doc, 'GenerateSecret'));
      assert.match(text, /^\*\*GenerateSecret\*\* — Whether Cognito generates a client secret/);
      assert.match(text, /confidential client/);
      assert.match(text, /\*\*Type:\*\* boolean/);
      assert.match(text, /\*\*Default:\*\* `false`/);
      assert.match(text, /\*\*Optional\*\* in CloudFormation/);
      assert.match(text, /\*\*Create-only:\*\* changing it replaces the client/);
      assert.match(text, /\[API reference\]\(https:\/\/docs\.aws\.amazon\.com\/cognito-user-identity-pools\/latest\/APIReference\/API_CreateUserPoolClient\.html#CognitoUserPools-CreateUserPoolClient-request-GenerateSecret\)/);
      assert.match(text, /\[CloudFormation\]\(https:\/\/docs\.aws\.amazon\.com\/AWSCloudFormation\//);
      assert.doesNotMatch(text, /\[Terraform\]/, 'links to the reference of this surface and the API only');
    });

    it('on a required key with length limits and allowed values', () => {
      const pool = hoverOn(doc, token(doc, 'UserPoolId'), -1); // the client is written last
      assert.ok(pool.hover);
      assert.match(pool.text, /\*\*Required\*\* in CloudFormation/);
      assert.match(pool.text, /\*\*Limits:\*\* 1 to 55 characters; matching `\[\\w-\]\+_\[0-9a-zA-Z\]\+`/);

      const flows = hoverOn(doc, token(doc, 'ExplicitAuthFlows'));
      assert.match(flows.text, /\*\*Allowed values:\*\*/);
      assert.match(flows.text, /`ADMIN_NO_SRP_AUTH` — .*\*Deprecated: use `ALLOW_ADMIN_USER_PASSWORD_AUTH`\.\*/);
      assert.match(flows.text, /\*\*Type:\*\* list of strings/);

      const urls = hoverOn(doc, token(doc, 'CallbackURLs'));
      assert.match(urls.text, /\*\*Limits:\*\* .*0 to 100 items; each 1 to 1024 characters/);
    });

    it('on a token validity key: the duration it gives here', () => {
      const { text } = hoverOn(doc, token(doc, 'AccessTokenValidity'));
      assert.match(text, /^\*\*AccessTokenValidity\*\* — Access token lifetime/);
      assert.match(text, /Here: `AccessTokenValidity`: 60 in hours \(the default unit\) = \*\*2.5 days\*\*; \*\*out of range\*\*: access tokens may last 5 minutes to 1 day\./);
      assert.match(text, /\*\*Limits:\*\* 1 to 86400/);
    });

    it('on a key: the description and the CloudFormation note, nothing about other surfaces', () => {
      const access = propertySchema(['AccessTokenValidity'])!;
      const { text } = hoverOn(doc, token(doc, 'AccessTokenValidity'));
      assert.ok(text.includes(access.description));
      assert.ok(access.surfaceNotes?.cloudformation && text.includes(access.surfaceNotes.cloudformation));
      assert.doesNotMatch(text, /Terraform|terraform|CDK/);
      for (const key of ['ClientName', 'UserPoolId', 'GenerateSecret', 'SupportedIdentityProviders']) {
        const other = hoverOn(doc, token(doc, key), -1).text; // the client is written last
        assert.match(other, new RegExp(`^\\*\\*${key}\\*\\*`));
        assert.doesNotMatch(other, /Terraform|terraform|CDK/, key);
      }
    });

    it('on a nested key: TokenValidityUnits.IdToken', () => {
      const { hover, text } = hoverOn(doc, doc.languageId === 'json' ? '"IdToken"' : 'IdToken:');
      assert.ok(hover);
      assert.equal(rangeText(doc, hover), token(doc, 'IdToken'));
      assert.match(text, /^\*\*TokenValidityUnits\.IdToken\*\* — The unit in which IdTokenValidity is counted/);
      assert.match(text, /`minutes` — IdTokenValidity counts minutes/);
      assert.match(text, /\*\*Default:\*\* `hours`/);
    });

    it('on a token validity number: the effective duration with its unit, in and out of range', () => {
      const access = hoverOn(doc, doc.languageId === 'json' ? '"AccessTokenValidity": 60' : 'AccessTokenValidity: 60');
      const at = doc.text.indexOf('60', access.start);
      const document = TextDocument.create('file:///x', doc.languageId, 1, doc.text);
      const parsed = parseDocument({ uri: 'file:///test/' + doc.fileName, languageId: doc.languageId, text: doc.text })!;
      const onNumber = doHover(document, parsed.model, document.positionAt(at));
      assert.ok(onNumber);
      assert.equal(rangeText(doc, onNumber), '60');
      const text = (onNumber.contents as { value: string }).value;
      assert.equal(text, '`AccessTokenValidity`: 60 in hours (the default unit) = **2.5 days**; **out of range**: access tokens may last 5 minutes to 1 day.');

      const idAt = doc.text.indexOf('30', doc.text.indexOf(token(doc, 'IdTokenValidity')));
      const id = doHover(document, parsed.model, document.positionAt(idAt));
      assert.ok(id);
      assert.equal((id.contents as { value: string }).value, '`IdTokenValidity`: 30 in minutes = **30 minutes**; ID tokens may last 5 minutes to 1 day.');
    });

    it('on a unit value: what it means and the lifetime it gives', () => {
      const at = doc.text.indexOf(token(doc, 'minutes'));
      const { hover, text } = hoverOn(doc, token(doc, 'minutes'), 1, doc.languageId === 'json' ? 2 : 1);
      assert.ok(hover && at >= 0);
      assert.equal(rangeText(doc, hover), token(doc, 'minutes'));
      assert.match(text, /`minutes` — value of \*\*TokenValidityUnits\.IdToken\*\*/);
      assert.match(text, /IdTokenValidity counts minutes/);
      assert.match(text, /With this unit, `IdTokenValidity` 30 = \*\*30 minutes\*\*; ID tokens may last 5 minutes to 1 day\./);
    });

    it('on an enum value in a scalar', () => {
      const { hover, text } = hoverOn(doc, token(doc, 'LEGACY'), 1, 2);
      assert.ok(hover);
      assert.equal(rangeText(doc, hover), token(doc, 'LEGACY'));
      assert.match(text, /^`LEGACY` — value of \*\*PreventUserExistenceErrors\*\*/);
      assert.match(text, /UserNotFoundException/);
    });

    it('on an enum value in a list item, deprecated with its replacement', () => {
      const { hover, text } = hoverOn(doc, 'ADMIN_NO_SRP_AUTH', 1, 3);
      assert.ok(hover);
      assert.equal(rangeText(doc, hover), token(doc, 'ADMIN_NO_SRP_AUTH'));
      assert.match(text, /^`ADMIN_NO_SRP_AUTH` — value of \*\*ExplicitAuthFlows\*\*/);
      assert.match(text, /\*\*Deprecated:\*\* use `ALLOW_ADMIN_USER_PASSWORD_AUTH` instead\./);
      const current = hoverOn(doc, 'ALLOW_REFRESH_TOKEN_AUTH', 1, 3);
      assert.doesNotMatch(current.text, /Deprecated/);
    });

    it('on scopes, identity providers and attributes: the vocabulary or the declaring resource', () => {
      assert.match(hoverOn(doc, 'openid', 1, 2).text, /^`openid` — value of \*\*AllowedOAuthScopes\*\*\n\nAsks for an OpenID Connect ID token/);
      assert.match(hoverOn(doc, 'orders/read', 1, 2).text, /custom scope `read` of the resource server `orders`, declared in this file as `Orders`\./);
      assert.match(hoverOn(doc, 'COGNITO', 1, 2).text, /user pool's own directory/);
      assert.match(hoverOn(doc, token(doc, 'Corp'), -1, 1).text, /^`Corp` — identity provider declared in this file as `CorpIdp`\.$/);
      assert.match(hoverOn(doc, 'custom:tenant', 1, 2).text, /custom attribute `tenant` of the user pool\. The user pool `UserPool` declares it\./);
    });

    it('on the logical id and on the type: the summary of effective settings', () => {
      const onName = hoverOn(doc, token(doc, 'WebClient'));
      assert.ok(onName.hover);
      assert.equal(rangeText(doc, onName.hover), token(doc, 'WebClient'));
      const text = onName.text;
      assert.match(text, /^\*\*WebClient\*\* — Cognito user pool client \(app client\)/);
      assert.match(text, /- Sign-in flows \(`ExplicitAuthFlows`\): `ADMIN_NO_SRP_AUTH`, `ALLOW_REFRESH_TOKEN_AUTH`/);
      assert.match(text, /- Client secret \(`GenerateSecret`\): yes/);
      assert.match(text, /- OAuth \(`AllowedOAuthFlowsUserPoolClient`\): on/);
      assert.match(text, /- OAuth grants \(`AllowedOAuthFlows`\): `code`/);
      assert.match(text, /- OAuth scopes \(`AllowedOAuthScopes`\): `openid`, `orders\/read`/);
      assert.match(text, /- Callback URLs \(`CallbackURLs`\): 2/);
      assert.match(text, /- Access tokens \(`AccessTokenValidity`\): 2.5 days \(60 in hours, the default unit\) — \*\*out of range\*\*: access tokens may last 5 minutes to 1 day/);
      assert.match(text, /- ID tokens \(`IdTokenValidity`\): 30 minutes \(30 in minutes\)/);
      assert.match(text, /- Refresh tokens \(`RefreshTokenValidity`\): 30 days \(the default\)/);
      assert.match(text, /- User existence errors \(`PreventUserExistenceErrors`\): `LEGACY`/);
      assert.match(text, /- Token revocation \(`EnableTokenRevocation`\): on \(the default\)/);

      const typeNeedle = token(doc, 'AWS::Cognito::UserPoolClient');
      const onType = hoverOn(doc, typeNeedle, 1, 3);
      assert.ok(onType.hover);
      assert.equal(rangeText(doc, onType.hover).replace(/"/g, ''), 'AWS::Cognito::UserPoolClient');
      assert.equal(onType.text, text);
    });

    it('summary: defaults when absent, "set by" for unknown values', () => {
      const d = renderer.render({
        parameters: ['SecretParam', 'UnitParam'],
        client: {
          GenerateSecret: { $ref: 'SecretParam' },
          ExplicitAuthFlows: { $ref: 'SecretParam' },
          AccessTokenValidity: { $ref: 'UnitParam' },
          RefreshTokenValidity: 7,
          TokenValidityUnits: { RefreshToken: { $ref: 'UnitParam' } },
        },
      });
      const { text } = hoverOn(d, token(d, 'Client'), -1);
      assert.match(text, /Sign-in flows \(`ExplicitAuthFlows`\): set by `(!Ref|Ref) SecretParam`/);
      assert.match(text, /Client secret \(`GenerateSecret`\): unknown, set by `(!Ref|Ref) SecretParam`/);
      assert.match(text, /OAuth \(`AllowedOAuthFlowsUserPoolClient`\): off \(the default\)/);
      assert.match(text, /OAuth grants \(`AllowedOAuthFlows`\): none/);
      assert.match(text, /Callback URLs \(`CallbackURLs`\): none/);
      assert.match(text, /Access tokens \(`AccessTokenValidity`\): set by `(!Ref|Ref) UnitParam`/);
      assert.match(text, /ID tokens \(`IdTokenValidity`\): 1 hour \(the default\)/);
      assert.match(text, /Refresh tokens \(`RefreshTokenValidity`\): unit `TokenValidityUnits\.RefreshToken` set by `(!Ref|Ref) UnitParam`/);
      assert.match(text, /User existence errors \(`PreventUserExistenceErrors`\): `LEGACY` \(the default\)/);

      const flowsDefault = renderer.render({ client: { GenerateSecret: false } });
      const t2 = hoverOn(flowsDefault, token(flowsDefault, 'Client')).text;
      assert.match(t2, /Sign-in flows \(`ExplicitAuthFlows`\): `ALLOW_REFRESH_TOKEN_AUTH`, `ALLOW_USER_SRP_AUTH`, `ALLOW_CUSTOM_AUTH` \(the default\)/);
      assert.match(t2, /Client secret \(`GenerateSecret`\): no/);
    });

    it('read-only property: says so for this surface', () => {
      const d = renderer.render({ client: { ClientSecret: 'x'.repeat(30) } });
      const { text } = hoverOn(d, token(d, 'ClientSecret'));
      assert.match(text, /\*\*Read-only:\*\* an output of the service; CloudFormation does not accept it as input\./);
    });

    it('nothing elsewhere: other resources, unknown keys, plain values, whitespace', () => {
      assert.equal(hoverOn(doc, token(doc, 'UserPoolName')).hover, null, 'a user pool property');
      assert.equal(hoverOn(doc, token(doc, 'Identifier')).hover, null, 'a resource server property');
      assert.equal(hoverOn(doc, 'https://app.example.com/cb', 1, 3).hover, null, 'a URL');
      assert.equal(hoverOn(doc, token(doc, 'web'), 1, 1).hover, null, 'the client name value');
      assert.equal(hoverOn(doc, 'Resources', 1, 1).hover, null, 'the Resources key');
      const odd = renderer.render({ client: { CallbackUrls: ['https://x.example.com'] } });
      assert.equal(hoverOn(odd, token(odd, 'CallbackUrls')).hover, null, 'an unknown (misspelled) key');
    });

    it('custom: with no name: the prefix, not an attribute with an empty name', () => {
      const d = renderer.render({ client: { ReadAttributes: ['email', 'custom:'] } });
      const { text } = hoverOn(d, 'custom:', 1, 2);
      assert.match(text, /`custom:` — the prefix of a custom attribute, with no attribute name after it\./);
      assert.doesNotMatch(text, /``/);
    });
  });
}

describe('hover: the notes follow the definition\'s surface', () => {
  /** The hover text on a key of a hand-built definition. */
  const onKey = (built: Built, key: string): string => {
    const document = TextDocument.create('file:///x', 'plaintext', 1, built.text);
    const model: DocumentModel = { surface: built.def.surface, clients: [built.def], context: emptyFileContext(), problems: [] };
    const hover = doHover(document, model, document.positionAt(built.text.indexOf(JSON.stringify(key)) + 1));
    assert.ok(hover, `a hover on ${key}`);
    return (hover.contents as { value: string }).value;
  };
  const notes = propertySchema(['AccessTokenValidity'])!.surfaceNotes!;

  it('Terraform: the Terraform note only', () => {
    const text = onKey(build({ user_pool_id: 'x_y', access_token_validity: 60 }, { surface: 'terraform' }), 'access_token_validity');
    assert.match(text, /^\*\*access_token_validity\*\*/);
    assert.ok(text.includes(notes.terraform!));
    assert.ok(!text.includes(notes.cloudformation!) && !text.includes(notes.api!));
    assert.match(text, /plan time/);
    assert.match(text, /\[Terraform\]\(https:\/\/registry\.terraform\.io\//);
    assert.doesNotMatch(text, /\[CloudFormation\]/);
  });

  it('an SDK call: the API note only', () => {
    const text = onKey(build({ UserPoolId: 'x_y', ClientName: 'web', AccessTokenValidity: 60 }, { surface: 'sdk' }), 'AccessTokenValidity');
    assert.ok(text.includes(notes.api!));
    assert.doesNotMatch(text, /Terraform|CloudFormation/);
  });

  it('a CDK definition: the CDK note only', () => {
    const text = onKey(build({ userPoolId: 'x_y', accessTokenValidity: 60 }, { surface: 'sdk', spelling: 'cdk', operation: 'resource' }), 'accessTokenValidity');
    assert.ok(text.includes(notes.cdk!));
    assert.doesNotMatch(text, /Terraform/);
    assert.ok(!text.includes(notes.cloudformation!));
  });
});

describe('hover: durations in words', () => {
  /** The hover text on the value of a key of a hand-built definition. */
  const onValue = (built: Built, key: string): string => {
    const document = TextDocument.create('file:///x', 'plaintext', 1, built.text);
    const model: DocumentModel = { surface: built.def.surface, clients: [built.def], context: emptyFileContext(), problems: [] };
    const at = built.text.indexOf(JSON.stringify(key)) + JSON.stringify(key).length + 2;
    const hover = doHover(document, model, document.positionAt(at));
    assert.ok(hover, `a hover on the value of ${key}`);
    return (hover.contents as { value: string }).value;
  };

  it('a plain duration: the number in its unit, and the larger unit only when it says more', () => {
    assert.equal(onValue(build({ AuthSessionValidity: 3 }), 'AuthSessionValidity'), '`AuthSessionValidity`: 3 minutes; allowed 3 to 15 minutes.');
    assert.equal(onValue(build({ RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 60 } }), 'RetryGracePeriodSeconds'), '`RefreshTokenRotation.RetryGracePeriodSeconds`: 60 seconds = **1 minute**; allowed 0 to 60 seconds.');
    assert.equal(onValue(build({ RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 1 } }), 'RetryGracePeriodSeconds'), '`RefreshTokenRotation.RetryGracePeriodSeconds`: 1 second; allowed 0 to 60 seconds.');
  });

  it('a token lifetime: rounded with "about", or "just over" next to a bound', () => {
    assert.match(onValue(build({ RefreshTokenValidity: 3651, TokenValidityUnits: { RefreshToken: 'hours' } }), 'RefreshTokenValidity'), /3651 in hours = \*\*about 152 days\*\*; refresh tokens may last 1 hour to 10 years\./);
    assert.match(onValue(build({ RefreshTokenValidity: 3651 }), 'RefreshTokenValidity'), /= \*\*just over 10 years\*\*; \*\*out of range\*\*/);
  });
});

describe('hover: positions', () => {
  it('counts UTF-16 characters after non-ASCII text (YAML)', () => {
    const c = caretDocument("# café ✓ 𝒳\nResources:\n  Client:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: x_y\n      Gen|erateSecret: true\n");
    const hover = doHover(c.document, c.model, c.position);
    assert.ok(hover?.range);
    assert.deepEqual(hover.range, { start: { line: 6, character: 6 }, end: { line: 6, character: 20 } });
  });

  it('no hover in a document without clients or on a broken one', () => {
    const cases = [
      '',
      '|',
      'Resources:\n  X: [|',
      '{"Resources": {"C": {"Type": "AWS::Cognito::UserPoolClient", "Properties": {"Gen|',
      // Property names of other resource types are not ours to explain.
      'Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Bucket|Name: x\n',
      'Resources:\n  B:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      UserPool|Name: x\n',
      '{"Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {"Gener|ateSecret": true}}}}',
    ];
    for (const text of cases) {
      const c = caretDocument(text.includes('|') ? text : text + '|', text.startsWith('{') ? 't.json' : 't.yaml');
      assert.equal(doHover(c.document, c.model, c.position), null, JSON.stringify(text));
    }
    // The same caret on a client's property does answer, so the cases above are silent for their content alone.
    const client = caretDocument('Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      Gener|ateSecret: true\n', 't.yaml');
    assert.match((doHover(client.document, client.model, client.position)?.contents as { value: string }).value, /^\*\*GenerateSecret\*\*/);
  });
});
