/**
 * The API-shape surface (server/src/surfaces/api/): which JSON it recognises by content (describe
 * results, create and update requests, `--cli-input-json` skeletons) and which it leaves to the
 * CloudFormation JSON and Terraform JSON surfaces; what it reads (operation, outputs known, the
 * placeholders of a skeleton or a response read as not set); the client-secret-in-file rule and its
 * fix, applied and checked again.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, it } from 'node:test';
import { analyse } from '../../server/src/service';
import { parseDocument, surfaceFor } from '../../server/src/surfaces';
import { applyEdits } from '../../server/src/surfaces/apply-edits';
import { editsForFix } from '../../server/src/surfaces/edits';
import { corpusFiles } from '../support/corpus';

const POOL = 'us-east-1_AbCdEf123';
const CLIENT_ID = '4example1clientid2abcdef3g';
const SECRET = 'q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c2v3b4n5m6';

/** A describe result as `aws cognito-idp describe-user-pool-client` prints it (four-space indentation). */
export const DESCRIBE = JSON.stringify(
  {
    UserPoolClient: {
      UserPoolId: POOL,
      ClientName: 'web',
      ClientId: CLIENT_ID,
      ClientSecret: SECRET,
      LastModifiedDate: '2024-05-01T10:00:00.000000+00:00',
      CreationDate: '2024-05-01T10:00:00.000000+00:00',
      RefreshTokenValidity: 30,
      AccessTokenValidity: 0,
      IdTokenValidity: 0,
      TokenValidityUnits: { AccessToken: 'hours', IdToken: 'hours', RefreshToken: 'days' },
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH'],
      SupportedIdentityProviders: ['COGNITO'],
      CallbackURLs: ['https://example.com/callback'],
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email'],
      AllowedOAuthFlowsUserPoolClient: true,
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: true,
      EnablePropagateAdditionalUserContextData: false,
      AuthSessionValidity: 3,
    },
  },
  null,
  4,
) + '\n';

/** A create skeleton with the placeholders `--generate-cli-skeleton` writes (empty strings, 0, false, `[""]`). */
export const SKELETON = JSON.stringify(
  {
    UserPoolId: '',
    ClientName: '',
    GenerateSecret: false,
    RefreshTokenValidity: 0,
    AccessTokenValidity: 0,
    IdTokenValidity: 0,
    TokenValidityUnits: { AccessToken: '', IdToken: '', RefreshToken: '' },
    ReadAttributes: [''],
    WriteAttributes: [''],
    ExplicitAuthFlows: [''],
    SupportedIdentityProviders: [''],
    CallbackURLs: [''],
    LogoutURLs: [''],
    DefaultRedirectURI: '',
    AllowedOAuthFlows: [''],
    AllowedOAuthScopes: [''],
    AllowedOAuthFlowsUserPoolClient: false,
    AnalyticsConfiguration: { ApplicationId: '', ApplicationArn: '', RoleArn: '', ExternalId: '', UserDataShared: false },
    PreventUserExistenceErrors: '',
    EnableTokenRevocation: false,
    EnablePropagateAdditionalUserContextData: false,
    AuthSessionValidity: 0,
    RefreshTokenRotation: { Feature: '', RetryGracePeriodSeconds: 0 },
  },
  null,
  4,
) + '\n';

function doc(text: string, fileName = 'client.json', languageId = 'json') {
  return { uri: `file:///work/${fileName}`, languageId, text, siblings: [] };
}

function surfaceId(text: string, fileName = 'client.json', languageId = 'json'): string | undefined {
  return surfaceFor(doc(text, fileName, languageId))?.id;
}

function findings(text: string) {
  const analysis = analyse(doc(text));
  assert.ok(analysis, 'read');
  return analysis.findings;
}

describe('API-shape surface: recognition by content', () => {
  it('reads a describe result, a create request, an update request and a skeleton', () => {
    assert.equal(surfaceId(DESCRIBE), 'api-json');
    assert.equal(surfaceId(SKELETON), 'api-json');
    assert.equal(surfaceId(JSON.stringify({ UserPoolId: POOL, ClientName: 'web', GenerateSecret: true })), 'api-json');
    assert.equal(surfaceId(JSON.stringify({ UserPoolId: POOL, ClientId: CLIENT_ID, ClientName: 'web' })), 'api-json');
    // by content whatever the name, and in a JSON-with-comments editor too
    assert.equal(surfaceId(DESCRIBE, 'Untitled-1', 'json'), 'api-json');
    assert.equal(surfaceId(DESCRIBE, 'web.jsonc', 'jsonc'), 'api-json');
    const ops = (text: string) => parseDocument(doc(text))!.model.clients.map((c) => `${c.operation} ${c.name}`);
    assert.deepEqual(ops(DESCRIBE), ['describe DescribeUserPoolClient']);
    assert.deepEqual(ops(SKELETON), ['create CreateUserPoolClient']);
    assert.deepEqual(ops(JSON.stringify({ UserPoolId: POOL, ClientId: CLIENT_ID })), ['update UpdateUserPoolClient']);
  });

  it('reads a request with a near-miss member name (and reports it)', () => {
    const text = JSON.stringify({ UserPoolId: POOL, ClientName: 'web', CallbackUrls: ['https://example.com/cb'] });
    assert.equal(surfaceId(text), 'api-json');
    const unknown = findings(text).filter((f) => f.ruleId === 'unknown-property');
    assert.equal(unknown.length, 1);
    assert.match(unknown[0].message, /CallbackURLs/);
  });

  it('leaves other JSON to the other surfaces', () => {
    // a key that is no request member: not a request
    assert.notEqual(surfaceId(JSON.stringify({ UserPoolId: POOL, ClientName: 'web', Description: 'x' })), 'api-json');
    // no identifier besides the pool
    assert.notEqual(surfaceId(JSON.stringify({ UserPoolId: POOL })), 'api-json');
    // a response needs the client id, and nothing beside the wrapper
    assert.notEqual(surfaceId(JSON.stringify({ UserPoolClient: { UserPoolId: POOL, ClientName: 'web' } })), 'api-json');
    assert.notEqual(surfaceId(JSON.stringify({ UserPoolClient: { UserPoolId: POOL, ClientId: CLIENT_ID }, ResponseMetadata: {} })), 'api-json');
    // a bare CloudFormation resource fragment named UserPoolClient
    const fragment = JSON.stringify({ UserPoolClient: { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: POOL, ClientName: 'web' } } });
    assert.equal(surfaceId(fragment), 'cloudformation-json');
    // Terraform JSON, even with API-looking content; YAML; arrays; broken text
    assert.equal(surfaceId(JSON.stringify({ UserPoolId: POOL, ClientName: 'web' }), 'main.tf.json', 'json'), 'terraform-json');
    assert.notEqual(surfaceId('UserPoolId: x\nClientName: y\n', 'a.yaml', 'yaml'), 'api-json');
    assert.notEqual(surfaceId(`[${JSON.stringify({ UserPoolId: POOL, ClientName: 'web' })}]`), 'api-json');
    assert.notEqual(surfaceId('{"UserPoolId": '), 'api-json');
    assert.equal(surfaceId('{"name": "pkg", "version": "1.0.0"}', 'package.json'), 'cloudformation-json');
  });

  it('leaves every CloudFormation JSON template of the corpus to the CloudFormation surface', (t) => {
    const { files, skip } = corpusFiles('cloudformation-json');
    if (skip) return t.skip(skip);
    assert.ok(files.length > 0);
    for (const file of files) assert.equal(surfaceId(readFileSync(file, 'utf8'), basename(file)), 'cloudformation-json', file);
  });

  it('leaves every Terraform JSON file of the corpus to the Terraform surface', (t) => {
    const { files, skip } = corpusFiles('terraform-json');
    if (skip) return t.skip(skip);
    for (const file of files) assert.equal(surfaceId(readFileSync(file, 'utf8'), basename(file)), 'terraform-json', file);
  });
});

describe('API-shape surface: what is read', () => {
  it('knows the outputs of a describe result and never flags them', () => {
    const all = findings(DESCRIBE);
    const ids = all.map((f) => f.ruleId);
    for (const rule of ['read-only-property', 'unknown-property', 'invalid-type', 'create-only-in-update', 'out-of-range', 'token-validity-range', 'missing-required']) {
      assert.ok(!ids.includes(rule), `${rule}: ${all.map((f) => f.message).join('\n')}`);
    }
    assert.deepEqual(ids, ['client-secret-in-file']);
  });

  it('reads a token validity of 0 in a response as not set (the default applies)', () => {
    const model = parseDocument(doc(DESCRIBE))!.model;
    const client = model.clients[0];
    assert.equal(client.properties.has('AccessTokenValidity'), false);
    assert.equal(client.properties.get('RefreshTokenValidity')?.value.kind, 'number');
    assert.equal(client.properties.get('ClientId')?.value.kind, 'string');
  });

  it('reads a skeleton as not set yet: no errors, nothing about its placeholders', () => {
    const all = findings(SKELETON);
    assert.deepEqual(all.filter((f) => f.severity === 'error').map((f) => `${f.ruleId}: ${f.message}`), []);
    // what remains is the advice any create call without the setting gets
    assert.deepEqual(all.map((f) => f.ruleId), ['user-existence-errors-legacy']);
    const client = parseDocument(doc(SKELETON))!.model.clients[0];
    assert.deepEqual([...client.properties.keys()].sort(), ['ClientName', 'UserPoolId']);
  });

  it('checks a filled-in request as written (placeholders are only placeholders while the identifiers are empty)', () => {
    const filled = SKELETON.replace('"UserPoolId": ""', `"UserPoolId": "${POOL}"`).replace('"ClientName": ""', '"ClientName": "web"');
    const ids = new Set(findings(filled).map((f) => f.ruleId));
    assert.ok(ids.has('invalid-length'), [...ids].join(', '));
    assert.ok(ids.has('token-revocation-disabled'), [...ids].join(', '));
  });

  it('gives an update request update-resets-omitted and create-only-in-update, as SDK update calls get', () => {
    const text = JSON.stringify({ UserPoolId: POOL, ClientId: CLIENT_ID, ClientName: 'web', GenerateSecret: true }, null, 2);
    const ids = findings(text).map((f) => f.ruleId).sort();
    assert.deepEqual(ids, ['create-only-in-update', 'update-resets-omitted']);
  });

  it('reports a create request without ClientName as missing it only when it is not a request at all', () => {
    // ClientName is what makes a create request; without it (and without ClientId) the file is not read here
    assert.equal(parseDocument(doc(JSON.stringify({ UserPoolId: POOL, GenerateSecret: true })))?.surface.id, 'cloudformation-json');
  });

  it('never throws on broken or odd JSON it recognises', () => {
    for (const text of [
      '{"UserPoolId": "x", "ClientName": "y", ',
      '{"UserPoolId": "x", "ClientName": "y", "TokenValidityUnits": [1, {"a": null}]}',
      '{"UserPoolClient": {"UserPoolId": 1, "ClientId": null, "ExplicitAuthFlows": {"a": 1}}}',
      '\ufeff{"UserPoolId": "x", "ClientName": "y"}',
    ]) {
      const analysis = analyse(doc(text));
      assert.ok(analysis, text);
    }
  });
});

describe('a describe result is a deployed client', () => {
  it('has a secret when it reports one, and is told to make a new client (no GenerateSecret fix) when it needs one', () => {
    const machine = (secret: boolean) =>
      JSON.stringify({ UserPoolClient: { UserPoolId: POOL, ClientName: 'm2m', ClientId: CLIENT_ID, ...(secret ? { ClientSecret: SECRET } : {}), AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['client_credentials'], AllowedOAuthScopes: ['api/read'] } }, null, 4);
    assert.ok(!findings(machine(true)).some((f) => f.ruleId === 'client-credentials-requires-secret'));
    const f = findings(machine(false)).find((x) => x.ruleId === 'client-credentials-requires-secret');
    assert.ok(f);
    assert.match(f.message, /create a new client with GenerateSecret true/);
    assert.deepEqual(f.fixes ?? [], []);
  });
});

describe('client-secret-in-file', () => {
  it('fires on a literal secret in a describe result and in a create request, not on an empty one', () => {
    const describeFinding = findings(DESCRIBE).filter((f) => f.ruleId === 'client-secret-in-file');
    assert.equal(describeFinding.length, 1);
    assert.equal(describeFinding[0].severity, 'warning');
    assert.equal(DESCRIBE.slice(describeFinding[0].span.start, describeFinding[0].span.end), `"ClientSecret": "${SECRET}"`);
    assert.match(describeFinding[0].message, /ClientSecret/);
    const create = JSON.stringify({ UserPoolId: POOL, ClientName: 'web', ClientSecret: SECRET });
    assert.equal(findings(create).filter((f) => f.ruleId === 'client-secret-in-file').length, 1);
    const empty = JSON.stringify({ UserPoolId: POOL, ClientName: 'web', ClientSecret: '' });
    assert.equal(findings(empty).filter((f) => f.ruleId === 'client-secret-in-file').length, 0);
  });

  it('is silent in an update request (create-only-in-update reports the member there)', () => {
    const update = JSON.stringify({ UserPoolId: POOL, ClientId: CLIENT_ID, ClientSecret: SECRET });
    const ids = findings(update).map((f) => f.ruleId);
    assert.ok(!ids.includes('client-secret-in-file'));
    assert.ok(ids.includes('create-only-in-update'));
  });

  it('its fix removes only the member, and the file then reads clean of it', () => {
    const d = doc(DESCRIBE);
    const analysis = analyse(d)!;
    const finding = analysis.findings.find((f) => f.ruleId === 'client-secret-in-file')!;
    const fix = finding.fixes![0];
    const edits = editsForFix(analysis.surface.id, d, analysis.model, analysis.model.clients[0], fix);
    assert.ok(edits && edits.length > 0, 'edits');
    const after = applyEdits(DESCRIBE, edits);
    const expected = DESCRIBE.replace(`        "ClientSecret": "${SECRET}",\n`, '');
    assert.equal(after, expected);
    assert.deepEqual(findings(after).map((f) => f.ruleId), []);
    assert.equal(surfaceId(after), 'api-json');
  });
});
