/**
 * The CloudFormation surface: YAML (block and flow, short and long intrinsics), JSON, Serverless
 * files, SAM, fragments; spans (under non-ASCII lines), canonical names, file context, broken
 * input, language routing, and the scenario renderers read back to the same properties.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { type ClientDefinition, type DocumentModel, type LocatedValue, propertyAt } from '../../server/src/model';
import { surfaceFor } from '../../server/src/surfaces';
import { cloudFormationJsonSurface, cloudFormationYamlSurface } from '../../server/src/surfaces/cloudformation';
import { at, checkClient, unquote } from '../fixtures/cloudformation/check-spans';
import { type Dynamic, type Scenario, type ScenarioValue, cloudFormationJson, cloudFormationYaml, isDynamic } from '../support/scenario';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/cloudformation');

function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

function yaml(text: string, uri = 'file:///work/template.yaml'): DocumentModel {
  return cloudFormationYamlSurface.parse({ uri, languageId: 'yaml', text });
}

function json(text: string, uri = 'file:///work/template.json'): DocumentModel {
  return cloudFormationJsonSurface.parse({ uri, languageId: 'json', text });
}

function client(model: DocumentModel, name?: string): ClientDefinition {
  const found = name ? model.clients.find((c) => c.name === name) : model.clients[0];
  assert.ok(found, `client ${name ?? '(first)'} not found among ${JSON.stringify(model.clients.map((c) => c.name))}`);
  return found;
}

/** A located value as plain data: literals as JS values, unknowns as `{ $unknown: reason, ref?, alternatives? }`. */
function plain(value: LocatedValue | undefined): unknown {
  if (!value) return undefined;
  switch (value.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return value.value;
    case 'null':
      return null;
    case 'list':
      return value.items.map(plain);
    case 'object':
      return Object.fromEntries(value.members.map((m) => [m.name, plain(m.value)]));
    case 'unknown': {
      const out: Record<string, unknown> = { $unknown: value.reason };
      if (value.ref) out.ref = value.ref.attribute ? `${value.ref.target}.${value.ref.attribute}` : value.ref.target;
      if (value.alternatives) out.alternatives = value.alternatives.map(plain);
      return out;
    }
  }
}

function prop(c: ClientDefinition, ...p: string[]): LocatedValue | undefined {
  return propertyAt(c, p)?.value;
}

describe('CloudFormation YAML, block style', () => {
  const text = fixture('block.yaml');
  const model = yaml(text);
  const c = client(model, 'WebClient');

  it('finds the one client with no problems', () => {
    assert.deepEqual(model.problems, []);
    assert.deepEqual(model.clients.map((x) => x.name), ['WebClient']);
    assert.equal(c.surface, 'cloudformation');
    assert.equal(c.spelling, 'cloudformation');
    assert.equal(c.operation, 'resource');
  });

  it('locates the logical id, the type and the whole entry in UTF-16 offsets under non-ASCII lines', () => {
    assert.ok(/[^\x00-\x7f]/.test(text.slice(0, c.span.start)) && /\u{1F680}/u.test(text.slice(0, c.span.start)), 'the fixture has non-ASCII and an emoji above the client');
    assert.equal(c.nameSpan.start, text.indexOf('  WebClient:') + 2);
    assert.equal(at(text, c.nameSpan), 'WebClient');
    assert.equal(at(text, c.typeSpan!), 'AWS::Cognito::UserPoolClient');
    assert.ok(at(text, c.span).startsWith('WebClient:\n    Type: AWS::Cognito::UserPoolClient'));
    assert.ok(at(text, c.span).endsWith('ClientName: second'), JSON.stringify(at(text, c.span).slice(-40)));
    assert.equal(at(text, c.body!.span).slice(0, 23), 'UserPoolId: !Ref Pool\n ');
    checkClient(text, c);
  });

  it('reads literals with their kinds, quoting and raw numbers', () => {
    // The first of the two ClientName keys (the map keeps the last, see below).
    const name = c.body?.kind === 'object' ? c.body.members.find((m) => m.name === 'ClientName')! : propertyAt(c, ['ClientName'])!;
    assert.equal(at(text, name.keySpan), 'ClientName');
    assert.equal(at(text, name.value.span), '"web ✓"');
    assert.deepEqual({ ...name.value, span: undefined }, { kind: 'string', value: 'web ✓', quoted: true, span: undefined });
    assert.deepEqual(prop(c, 'GenerateSecret'), { kind: 'boolean', value: false, span: propertyAt(c, ['GenerateSecret'])!.value.span });
    const flag = prop(c, 'AllowedOAuthFlowsUserPoolClient');
    assert.equal(flag?.kind, 'string', 'a quoted "true" stays a string (the rules convert)');
    assert.equal(flag?.kind === 'string' && flag.quoted, true);
    const access = prop(c, 'AccessTokenValidity');
    assert.ok(access?.kind === 'number');
    assert.equal(access.value, 60);
    assert.equal(access.raw, '060');
    const id = prop(c, 'IdTokenValidity');
    assert.ok(id?.kind === 'number' && id.raw === '1.5' && id.value === 1.5);
    assert.equal(prop(c, 'RefreshTokenValidity')?.kind, 'null');
    const redirect = prop(c, 'DefaultRedirectURI');
    assert.ok(redirect?.kind === 'string');
    assert.equal(redirect.value, 'https://example.com/callback\n');
    assert.equal(at(text, redirect.span), '|\n        https://example.com/callback');
  });

  it('reads block and flow lists and objects', () => {
    const flows = prop(c, 'AllowedOAuthFlows');
    assert.ok(flows?.kind === 'list');
    assert.equal(flows.flow, false);
    assert.deepEqual(plain(flows), ['code', 'implicit']);
    assert.equal(at(text, flows.span), "- code\n        - 'implicit'");
    assert.equal(flows.items[1].kind === 'string' && flows.items[1].quoted, true);
    const scopes = prop(c, 'AllowedOAuthScopes');
    assert.ok(scopes?.kind === 'list' && scopes.flow === true);
    assert.equal(at(text, scopes.span), '[openid, https://api.example.com/read]');
    const analytics = prop(c, 'AnalyticsConfiguration');
    assert.ok(analytics?.kind === 'object' && analytics.flow === true);
    assert.deepEqual(plain(analytics), { ApplicationId: 'abc', UserDataShared: true });
    const units = prop(c, 'TokenValidityUnits');
    assert.ok(units?.kind === 'object' && units.flow === false);
  });

  it('gives nested members their canonical names and leaves unknown keys without one', () => {
    assert.equal(propertyAt(c, ['TokenValidityUnits', 'AccessToken'])?.canonical, 'AccessToken');
    assert.deepEqual(plain(prop(c, 'TokenValidityUnits', 'IdToken')), 'hours');
    assert.equal(propertyAt(c, ['AnalyticsConfiguration', 'UserDataShared'])?.canonical, 'UserDataShared');
    assert.equal(propertyAt(c, ['RefreshTokenRotation', 'RetryGracePeriodSeconds'])?.canonical, 'RetryGracePeriodSeconds');
    const units = prop(c, 'TokenValidityUnits');
    assert.ok(units?.kind === 'object');
    const bogus = units.members.find((m) => m.name === 'Bogus');
    assert.ok(bogus && bogus.canonical === undefined);
    const typo = c.body?.kind === 'object' ? c.body.members.find((m) => m.name === 'CallbackUrls') : undefined;
    assert.ok(typo, 'a misspelled key stays in the body');
    assert.equal(typo.canonical, undefined);
    assert.equal(at(text, typo.keySpan), 'CallbackUrls');
    assert.ok(![...c.properties.values()].includes(typo));
  });

  it('keeps both members of a duplicate key; the last one wins in the map, as loaders keep it', () => {
    assert.ok(c.body?.kind === 'object');
    const names = c.body.members.filter((m) => m.name === 'ClientName');
    assert.equal(names.length, 2);
    assert.equal(names[1].canonical, 'ClientName');
    assert.equal(c.properties.get('ClientName'), names[1]);
    assert.deepEqual(plain(names[1].value), 'second');
  });

  it('reads intrinsics in lists as unknown items and keeps the literal ones', () => {
    const urls = prop(c, 'CallbackURLs');
    assert.ok(urls?.kind === 'list');
    assert.deepEqual(plain(urls), [{ $unknown: '!Sub' }, 'https://example.com/callback']);
    assert.equal(at(text, urls.items[0].span), '!Sub https://${CallbackBase}/cb');
    assert.deepEqual(plain(prop(c, 'UserPoolId')), { $unknown: '!Ref', ref: 'Pool' });
    assert.equal(at(text, prop(c, 'UserPoolId')!.span), '!Ref Pool');
    assert.deepEqual(plain(prop(c, 'SupportedIdentityProviders')), ['COGNITO', { $unknown: '!Ref' }], 'a pseudo parameter is no reference');
  });

  it('reads DependsOn, Condition and every reference', () => {
    assert.deepEqual(c.dependsOn, ['Google', 'Api']);
    assert.equal(at(text, c.dependsOnSpan!), '- Google\n      - Api');
    assert.equal(c.conditional, true);
    assert.deepEqual([...c.references].sort(), ['Api', 'CallbackBase', 'Google', 'Pool']);
  });

  it('fills the file context', () => {
    const ctx = model.context;
    assert.equal(ctx.complete, true);
    assert.deepEqual([...ctx.parameters].sort(), ['CallbackBase', 'Stage']);
    assert.deepEqual(Object.fromEntries(ctx.resources), {
      Pool: 'AWS::Cognito::UserPool',
      Google: 'AWS::Cognito::UserPoolIdentityProvider',
      Api: 'AWS::Cognito::UserPoolResourceServer',
      Bucket: 'AWS::S3::Bucket',
      WebClient: 'AWS::Cognito::UserPoolClient',
    });
    const pool = ctx.userPools.get('Pool');
    assert.ok(pool);
    assert.equal(pool.schemaKnown, true);
    assert.deepEqual(pool.customAttributes, ['tenant', 'plan'], '`email` is a standard attribute');
    assert.ok(at(text, pool.span).startsWith('Pool:\n    Type: AWS::Cognito::UserPool\n'));
    assert.deepEqual(ctx.identityProviders.map((p) => [p.address, p.providerName]), [['Google', 'Google']]);
    assert.deepEqual(ctx.resourceServers.map((r) => [r.address, r.identifier, r.scopes]), [['Api', 'https://api.example.com', ['read', 'write']]]);
  });
});

describe('CloudFormation YAML, flow style', () => {
  const text = fixture('flow.yaml');
  const model = yaml(text);
  const c = client(model, 'FlowClient');

  it('reads a template written entirely in flow style', () => {
    assert.deepEqual(model.problems, []);
    checkClient(text, c);
    assert.equal(at(text, c.nameSpan), 'FlowClient');
    assert.ok(c.body?.kind === 'object' && c.body.flow === true);
    assert.deepEqual(plain(prop(c, 'AllowedOAuthFlows')), ['code', 'implicit']);
    assert.deepEqual(plain(prop(c, 'UserPoolId')), { $unknown: 'Ref', ref: 'Pool' });
    assert.deepEqual(plain(prop(c, 'CallbackURLs')), [{ $unknown: 'Fn::Sub' }, 'https://x.example.com']);
    assert.equal(at(text, (prop(c, 'CallbackURLs') as { items: LocatedValue[] }).items[0].span), '{"Fn::Sub": "https://${Domain}/cb"}');
    assert.deepEqual(plain(prop(c, 'TokenValidityUnits', 'AccessToken')), 'minutes');
    assert.deepEqual(c.dependsOn, ['Pool']);
    assert.equal(at(text, c.dependsOnSpan!), 'Pool');
    assert.deepEqual([...c.references].sort(), ['Domain', 'Pool']);
    assert.equal(model.context.complete, true);
    assert.deepEqual([...model.context.parameters], ['Domain']);
  });
});

describe('CloudFormation JSON', () => {
  const text = fixture('template.json');
  const model = json(text);
  const c = client(model, 'JsonClient');

  it('reads the client with spans that include the quotes of keys and strings', () => {
    assert.deepEqual(model.problems, []);
    checkClient(text, c);
    assert.equal(at(text, c.nameSpan), '"JsonClient"');
    assert.equal(at(text, c.typeSpan!), '"AWS::Cognito::UserPoolClient"');
    assert.equal(c.nameSpan.start, text.indexOf('"JsonClient"'));
    assert.ok(at(text, c.span).endsWith('"LogoutURLs": null\n      }\n    }'));
    const secret = propertyAt(c, ['GenerateSecret'])!;
    assert.equal(at(text, secret.keySpan), '"GenerateSecret"');
    assert.equal(at(text, secret.span), '"GenerateSecret": true');
    assert.ok(c.body?.kind === 'object' && c.body.flow === true);
  });

  it('reads long-form intrinsics', () => {
    assert.deepEqual(plain(prop(c, 'UserPoolId')), { $unknown: 'Ref', ref: 'Pool' });
    assert.deepEqual(plain(prop(c, 'ClientName')), { $unknown: 'Fn::Join' });
    assert.deepEqual(plain(prop(c, 'AllowedOAuthFlows')), ['code', { $unknown: 'Fn::If', alternatives: ['implicit'] }], 'AWS::NoValue branch left out');
    assert.deepEqual(plain(prop(c, 'AllowedOAuthScopes')), { $unknown: 'Fn::If', alternatives: [['openid', 'email'], ['openid']] });
    assert.deepEqual(plain(prop(c, 'WriteAttributes')), [{ $unknown: 'Fn::GetAtt', ref: 'Pool.ProviderName' }]);
    assert.deepEqual(plain(prop(c, 'TokenValidityUnits')), { AccessToken: 'minutes', RefreshToken: 'days' });
    assert.equal(propertyAt(c, ['TokenValidityUnits', 'RefreshToken'])?.canonical, 'RefreshToken');
    assert.equal(prop(c, 'LogoutURLs')?.kind, 'null');
    const access = prop(c, 'AccessTokenValidity');
    assert.ok(access?.kind === 'number' && access.raw === '60');
  });

  it('collects Sub references without the variable map names, GetAtt targets and DependsOn', () => {
    assert.deepEqual(c.dependsOn, ['Pool']);
    assert.equal(at(text, c.dependsOnSpan!), '"Pool"');
    assert.deepEqual([...c.references].sort(), ['Dist', 'Pool']);
    assert.equal(c.conditional, undefined);
  });

  it('fills the file context; a schema entry that is not literal makes the schema unknown', () => {
    const pool = model.context.userPools.get('Pool');
    assert.ok(pool);
    assert.equal(pool.schemaKnown, false);
    assert.equal(pool.customAttributes, undefined);
    assert.deepEqual([...model.context.parameters], ['Stage']);
    assert.equal(model.context.resources.get('Dist'), 'AWS::CloudFront::Distribution');
    assert.equal(model.context.complete, true);
  });

  it('tolerates comments and trailing commas', () => {
    const t = `// a comment\n{\n  "Resources": {\n    /* block */ "C": { "Type": "AWS::Cognito::UserPoolClient", "Properties": { "GenerateSecret": true, }, },\n  },\n}\n`;
    const m = json(t, 'file:///x.jsonc');
    assert.deepEqual(m.problems, []);
    assert.deepEqual(plain(client(m, 'C').body), { GenerateSecret: true });
  });

  it('reads a YAML-written .template file as YAML', () => {
    const t = 'Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: !Ref P\n';
    const m = cloudFormationJsonSurface.parse({ uri: 'file:///stack.template', languageId: 'json', text: t });
    assert.deepEqual(m.problems, []);
    assert.deepEqual(plain(prop(client(m, 'C'), 'UserPoolId')), { $unknown: '!Ref', ref: 'P' });
  });
});

describe('Serverless Framework files, SAM and fragments', () => {
  it('reads clients under resources.Resources with Serverless variables as unknown', () => {
    const text = fixture('serverless.yml');
    const model = yaml(text, 'file:///svc/serverless.yml');
    assert.deepEqual(model.problems, []);
    const c = client(model, 'NotesClient');
    checkClient(text, c);
    assert.deepEqual(plain(prop(c, 'ClientName')), { $unknown: 'Serverless variable' });
    assert.deepEqual(plain(prop(c, 'CallbackURLs')), [{ $unknown: 'Serverless variable' }, 'https://notes.example.com/cb']);
    assert.deepEqual(plain(prop(c, 'UserPoolId')), { $unknown: 'Ref', ref: 'NotesPool' });
    assert.equal(at(text, prop(c, 'UserPoolId')!.span), 'Ref: NotesPool');
    assert.deepEqual([...c.references], ['NotesPool']);
    assert.equal(model.context.complete, true, 'its functions generate no user pool');
    assert.equal(model.context.resources.get('NotesPool'), 'AWS::Cognito::UserPool');
    assert.equal(model.context.resources.has('ClientId'), false, 'Outputs are no resources');
  });

  it('reads a list of resource fragments; an included fragment or a cognitoUserPool event makes the file incomplete', () => {
    const text = fixture('serverless-fragments.yml');
    const model = yaml(text, 'file:///svc/serverless.yml');
    assert.deepEqual(model.problems, []);
    const c = client(model, 'MembersClient');
    checkClient(text, c);
    assert.deepEqual(plain(prop(c, 'ExplicitAuthFlows')), ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);
    assert.equal(model.context.complete, false);
    const withoutInclude = text.replace('  - ${file(resources/outputs.yml)}\n', '');
    assert.equal(yaml(withoutInclude).context.complete, false, 'the cognitoUserPool event generates a pool');
    const plainFunctions = withoutInclude.replace(/ {6}- cognitoUserPool:\n.*\n.*\n/, '      - http: GET x\n');
    assert.equal(yaml(plainFunctions).context.complete, true);
  });

  it('reads a SAM template; an unknown macro makes it incomplete', () => {
    const text = fixture('sam.yaml');
    const model = yaml(text);
    assert.deepEqual(model.problems, []);
    assert.deepEqual(model.clients.map((x) => x.name), ['SamClient']);
    assert.equal(model.context.complete, true);
    assert.equal(model.context.userPools.get('SamPool')?.schemaKnown, false);
    assert.equal(model.context.userPools.get('SamPool')?.customAttributes, undefined);
    assert.equal(yaml(text.replace('Transform: AWS::Serverless-2016-10-31', 'Transform: [AWS::Serverless-2016-10-31, MyMacro]')).context.complete, false);
  });

  it('reads a bare resources fragment, which is never complete', () => {
    const text = fixture('fragment.yaml');
    const model = yaml(text);
    assert.deepEqual(model.problems, []);
    const c = client(model, 'FragmentClient');
    checkClient(text, c);
    assert.equal(at(text, c.nameSpan), 'FragmentClient');
    assert.equal(model.context.complete, false);
    assert.deepEqual([...model.context.resources.keys()], ['FragmentPool', 'FragmentClient']);
    assert.deepEqual([...c.references], ['FragmentPool']);
  });

  it('reads a Rain module without AWSTemplateFormatVersion', () => {
    const t = 'Parameters:\n  AppName:\n    Type: String\nResources:\n  Client:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      ClientName: !Ref AppName\n';
    const model = yaml(t);
    assert.deepEqual(model.clients.map((x) => x.name), ['Client']);
    assert.deepEqual([...client(model).references], ['AppName']);
  });

  it('marks Fn::ForEach resources as making the file incomplete', () => {
    const t = 'Transform: AWS::LanguageExtensions\nResources:\n  Fn::ForEach::Clients:\n    - Name\n    - [A, B]\n    - Client${Name}:\n        Type: AWS::Cognito::UserPoolClient\n';
    const model = yaml(t);
    assert.deepEqual(model.problems, []);
    assert.equal(model.context.complete, false);
  });
});

describe('intrinsic functions', () => {
  /** The short forms CloudFormation documents (written out here, independently of the surface). */
  const tags = ['!Ref', '!GetAtt', '!Sub', '!Join', '!If', '!Select', '!Split', '!FindInMap', '!ImportValue', '!Base64', '!Cidr', '!GetAZs', '!Equals', '!And', '!Or', '!Not', '!Condition', '!Transform', '!ToJsonString', '!Length'];

  it('declares every short-form tag in scalar, sequence and mapping form, flow and block', () => {
    let body = '';
    tags.forEach((tag, i) => {
      body += `      S${i}: ${tag} x\n      Q${i}: ${tag} [a, b]\n      M${i}: ${tag} {a: b}\n      B${i}: ${tag}\n        - a\n        - b\n      K${i}: ${tag}\n        k: v\n      L${i}:\n        - ${tag} y\n`;
    });
    const text = `Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n${body}`;
    const model = yaml(text);
    assert.deepEqual(model.problems, []);
    const c = client(model);
    assert.ok(c.body?.kind === 'object');
    assert.equal(c.body.members.length, tags.length * 6);
    checkClient(text, c);
    tags.forEach((tag, i) => {
      for (const kind of ['S', 'Q', 'M', 'B', 'K']) {
        const m = c.body!.kind === 'object' ? c.body!.members.find((x) => x.name === `${kind}${i}`) : undefined;
        assert.equal(m?.value.kind, 'unknown', `${kind}${i}`);
        assert.equal(m?.value.kind === 'unknown' && m.value.reason, tag);
        assert.ok(at(text, m!.value.span).startsWith(tag));
      }
      const list = c.body!.kind === 'object' ? c.body!.members.find((x) => x.name === `L${i}`)?.value : undefined;
      assert.ok(list?.kind === 'list' && list.items[0].kind === 'unknown');
      assert.equal(at(text, list.items[0].span), `${tag} y`);
    });
  });

  it('reports an undeclared tag as a problem and reads its value as unknown', () => {
    const text = 'Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: !Reff Pool\n      ClientName: ok\n';
    const model = yaml(text);
    assert.equal(model.problems.length, 1);
    assert.match(model.problems[0].message, /!Reff/);
    assert.equal(at(text, model.problems[0].span), '!Reff');
    const c = client(model);
    assert.deepEqual(plain(prop(c, 'UserPoolId')), { $unknown: '!Reff' });
    assert.deepEqual(plain(prop(c, 'ClientName')), 'ok');
  });

  it('starts an intrinsic value at its tag, past comments and anchors between the tag and the value', () => {
    const text = [
      'Resources:',
      '  C:',
      '    Type: AWS::Cognito::UserPoolClient',
      '    Properties:',
      '      AllowedOAuthFlows: !If # the flows depend on the stage',
      '        - IsProd',
      '        - [code]',
      '        - [implicit]',
      '      UserPoolId: !Ref &pool Pool',
      '      ClientName: !Sub',
      '        - ${Name}-web',
      '        - Name: !Ref AWS::StackName',
      '',
    ].join('\n');
    const model = yaml(text);
    assert.deepEqual(model.problems, []);
    const c = client(model);
    checkClient(text, c);
    assert.ok(at(text, prop(c, 'AllowedOAuthFlows')!.span).startsWith('!If # the flows'));
    assert.ok(at(text, prop(c, 'AllowedOAuthFlows')!.span).endsWith('- [implicit]'));
    assert.equal(at(text, prop(c, 'UserPoolId')!.span), '!Ref &pool Pool');
    assert.deepEqual(plain(prop(c, 'UserPoolId')), { $unknown: '!Ref', ref: 'Pool' });
    assert.equal(at(text, prop(c, 'ClientName')!.span), '!Sub\n        - ${Name}-web\n        - Name: !Ref AWS::StackName');
    assert.deepEqual([...c.references], ['Pool'], 'Sub variables are local; pseudo parameters are no references');
  });

  it('reports a file with two YAML documents in its own words', () => {
    const text = 'Resources: {}\n---\nResources: {}\n';
    const model = yaml(text);
    assert.equal(model.problems.length, 1);
    assert.match(model.problems[0].message, /more than one/);
    assert.ok(!/parseAllDocuments/.test(model.problems[0].message));
  });

  it('reads references from short and long forms', () => {
    const text = [
      'Resources:',
      '  C:',
      '    Type: AWS::Cognito::UserPoolClient',
      '    Properties:',
      '      A: !GetAtt Pool.ProviderName',
      '      B: !GetAtt [Other, Arn]',
      '      C: {"Fn::GetAtt": [Third, Outputs.Name]}',
      '      D: !Ref AWS::Region',
      '      E: !Sub "https://${Host}/${Api.Endpoint}/${AWS::Region}/${!Literal}"',
      '      F: !Sub ["${Local}-${Far}", {Local: !Ref Param}]',
      '      G: !Join ["", [!Ref Joined, x]]',
      '      H: {Condition: SomeCondition}',
      '      I:',
      '        Fn::If: [Cond, !Ref IfRef, !Ref AWS::NoValue]',
      '',
    ].join('\n');
    const model = yaml(text);
    assert.deepEqual(model.problems, []);
    const c = client(model);
    const v = (k: string) => plain(c.body?.kind === 'object' ? c.body.members.find((m) => m.name === k)?.value : undefined);
    assert.deepEqual(v('A'), { $unknown: '!GetAtt', ref: 'Pool.ProviderName' });
    assert.deepEqual(v('B'), { $unknown: '!GetAtt', ref: 'Other.Arn' });
    assert.deepEqual(v('C'), { $unknown: 'Fn::GetAtt', ref: 'Third.Outputs.Name' });
    assert.deepEqual(v('D'), { $unknown: '!Ref' });
    assert.deepEqual(v('E'), { $unknown: '!Sub' });
    assert.deepEqual(v('H'), { $unknown: 'Condition' });
    assert.deepEqual(v('I'), { $unknown: 'Fn::If', alternatives: [{ $unknown: '!Ref', ref: 'IfRef' }] });
    assert.deepEqual([...c.references].sort(), ['Api', 'Far', 'Host', 'IfRef', 'Joined', 'Other', 'Param', 'Pool', 'Third']);
  });

  it('reads !If alternatives with their canonical names and a whole Properties !If as an unknown body', () => {
    const text = [
      'Resources:',
      '  C:',
      '    Type: AWS::Cognito::UserPoolClient',
      '    Properties:',
      '      TokenValidityUnits: !If',
      '        - Cond',
      '        - {AccessToken: minutes}',
      '        - AccessToken: hours',
      '  D:',
      '    Type: AWS::Cognito::UserPoolClient',
      '    Properties: !If [Cond, {GenerateSecret: true}, {GenerateSecret: false}]',
      '  E:',
      '    Type: AWS::Cognito::UserPoolClient',
      '',
    ].join('\n');
    const model = yaml(text);
    assert.deepEqual(model.problems, []);
    const units = prop(client(model, 'C'), 'TokenValidityUnits');
    assert.ok(units?.kind === 'unknown' && units.alternatives?.length === 2);
    for (const alt of units.alternatives) {
      assert.ok(alt.kind === 'object');
      assert.equal(alt.members[0].canonical, 'AccessToken');
    }
    const d = client(model, 'D');
    assert.equal(d.body?.kind, 'unknown');
    assert.equal(d.properties.size, 0);
    assert.deepEqual((plain(d.body) as { alternatives: unknown[] }).alternatives, [{ GenerateSecret: true }, { GenerateSecret: false }]);
    const e = client(model, 'E');
    assert.equal(e.body, undefined);
    assert.equal(e.properties.size, 0);
    assert.deepEqual(e.dependsOn, []);
    assert.equal(e.dependsOnSpan, undefined);
  });

  it('reads a DependsOn string', () => {
    const text = 'Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    DependsOn: Provider\n    Properties: {}\n';
    const c = client(yaml(text));
    assert.deepEqual(c.dependsOn, ['Provider']);
    assert.equal(at(text, c.dependsOnSpan!), 'Provider');
    assert.deepEqual([...c.references], ['Provider']);
    assert.ok(c.body?.kind === 'object' && c.body.members.length === 0);
  });
});

describe('which documents are read', () => {
  const doc = (uri: string, languageId: string) => ({ uri, languageId, text: '' });

  it('routes YAML by language and by file name', () => {
    assert.equal(cloudFormationYamlSurface.accepts(doc('untitled:Untitled-1', 'yaml')), true);
    assert.equal(cloudFormationYamlSurface.accepts(doc('file:///a/template.yml', 'plaintext')), true);
    assert.equal(cloudFormationYamlSurface.accepts(doc('file:///a/template.YAML', '')), true);
    assert.equal(cloudFormationYamlSurface.accepts(doc('file:///a/template.json', 'json')), false);
    assert.equal(cloudFormationYamlSurface.accepts(doc('file:///a/notes.txt', 'plaintext')), false);
  });

  it('routes JSON by language and by file name, never Terraform JSON (the Terraform JSON surface reads it)', () => {
    assert.equal(cloudFormationJsonSurface.accepts(doc('file:///a/template.json', 'json')), true);
    assert.equal(cloudFormationJsonSurface.accepts(doc('file:///a/cdk.out/Stack.template.json', 'jsonc')), true);
    assert.equal(cloudFormationJsonSurface.accepts(doc('file:///a/stack.template', 'plaintext')), true);
    assert.equal(cloudFormationJsonSurface.accepts(doc('file:///a/main.tf.json', 'json')), false);
    assert.equal(cloudFormationJsonSurface.accepts(doc('file:///a/MAIN.TF.JSON', 'jsonc')), false);
    assert.equal(cloudFormationYamlSurface.accepts(doc('file:///a/main.tf.json', 'json')), false);
    assert.equal(cloudFormationJsonSurface.accepts(doc('file:///a/template.yaml', 'yaml')), false);
    assert.equal(surfaceFor(doc('file:///a/main.tf.json', 'json'))?.id, 'terraform-json');
    assert.equal(surfaceFor(doc('file:///a/t.yaml', 'yaml'))?.id, 'cloudformation-yaml');
    assert.equal(surfaceFor(doc('file:///a/t.json', 'json'))?.id, 'cloudformation-json');
  });

  it('does not parse a document that mentions neither Cognito nor Resources', () => {
    // Broken YAML: if it were parsed there would be problems.
    const compose = 'services:\n  web:\n    image: nginx\n    ports: [80:80\n  bad line\n';
    const m = yaml(compose, 'file:///a/docker-compose.yml');
    assert.deepEqual(m, { surface: 'cloudformation', clients: [], context: m.context, problems: [] });
    const big = JSON.stringify({ name: 'pkg', dependencies: Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`dep-${i}`, '^1.0.0'])) }) + '{';
    const started = Date.now();
    const j = json(big, 'file:///a/package.json');
    assert.ok(Date.now() - started < 200, 'a big package.json is skipped quickly');
    assert.deepEqual(j.problems, []);
    assert.deepEqual(j.clients, []);
  });

  it('parses a template without a client: no clients, a filled context', () => {
    const t = "AWSTemplateFormatVersion: '2010-09-09'\nParameters:\n  P:\n    Type: String\nResources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      Schema: []\n";
    const m = yaml(t);
    assert.deepEqual(m.clients, []);
    assert.equal(m.context.complete, true);
    assert.deepEqual([...m.context.parameters], ['P']);
    assert.deepEqual(m.context.userPools.get('Pool')?.customAttributes, []);
    assert.equal(m.context.userPools.get('Pool')?.schemaKnown, true);
    const empty = yaml("AWSTemplateFormatVersion: '2010-09-09'\nDescription: nothing yet\n");
    assert.deepEqual(empty.clients, []);
    assert.equal(empty.context.complete, false, 'no Resources section');
  });
});

describe('broken and hostile input', () => {
  const head = 'Resources:\n  Good:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      ClientName: good\n';
  const yamlCases: [string, string][] = [
    ['a line without a colon', head + '      GenerateSecret true\n      AllowedOAuthFlows: [code]\n'],
    ['an unclosed flow list', head + '      AllowedOAuthFlows: [code, implicit\n      GenerateSecret: true\n'],
    ['tab indentation', head + '\tGenerateSecret: true\n'],
    ['a bad tag', head + '      UserPoolId: !!!Ref Pool\n'],
    ['a tag on nothing', head + '      UserPoolId: !Ref\n'],
    ['a truncated file', head + '      AllowedOAuthFlows:\n        - "cod'],
    ['an unterminated quote', head + "      LogoutURLs: 'oops\n"],
    ['two documents', head + '---\nResources: {}\n'],
    ['an alias and a merge key', head + '      Defaults: &d {A: 1}\n      Copy: *d\n      <<: *d\n'],
    ['a complex key', head + '      ? [a, b]\n      : value\n'],
    ['binary garbage', 'Resources\u0000\u0001\u0002\uFFFD\uD800:\n\u001b[31m{{{[[[!!&&**' + '\u0000'.repeat(100)],
    ['only a scalar', 'Resources'],
    ['an empty document', ''],
  ];
  for (const [name, text] of yamlCases) {
    it(`YAML: ${name} gives what can be read and never throws`, () => {
      const m = yaml(text);
      for (const p of m.problems) assert.ok(p.span.start >= 0 && p.span.end <= text.length && p.span.start <= p.span.end, JSON.stringify(p));
      for (const c of m.clients) checkClient(text, c, { lenient: true });
      if (text.startsWith(head)) {
        const good = m.clients.find((c) => c.name === 'Good');
        if (good && good.body?.kind === 'object') assert.deepEqual(plain(prop(good, 'ClientName')), 'good');
      }
    });
  }

  it('reports YAML syntax errors with spans and still reads the client before them', () => {
    const text = head + '      AllowedOAuthFlows: [code, implicit\n';
    const m = yaml(text);
    assert.ok(m.problems.length > 0);
    assert.deepEqual(plain(prop(client(m, 'Good'), 'ClientName')), 'good');
    const tabs = yaml(head + '\tGenerateSecret: true\n');
    assert.ok(tabs.problems.some((p) => /tab/i.test(p.message)), JSON.stringify(tabs.problems));
  });

  const jsonHead = '{"Resources": {"Good": {"Type": "AWS::Cognito::UserPoolClient", "Properties": {"ClientName": "good", ';
  const jsonCases: [string, string][] = [
    ['a truncated object', jsonHead + '"GenerateSecret": tr'],
    ['a missing colon', jsonHead + '"GenerateSecret" true}}}}'],
    ['a missing value', jsonHead + '"GenerateSecret": }}}}'],
    ['an unclosed list', jsonHead + '"AllowedOAuthFlows": ["code", "implicit"}}}}'],
    ['garbage', '\u0000\u0001{"Resources": [[[[{{{{' + '\uFFFD'.repeat(50)],
    ['a byte order mark', '\uFEFF' + jsonHead + '"GenerateSecret": true}}}}'],
  ];
  for (const [name, text] of jsonCases) {
    it(`JSON: ${name} gives what can be read and never throws`, () => {
      const m = json(text);
      for (const p of m.problems) assert.ok(p.span.start >= 0 && p.span.end <= text.length, JSON.stringify(p));
      for (const c of m.clients) checkClient(text, c, { lenient: true });
      if (text.includes(jsonHead)) assert.deepEqual(plain(prop(client(m, 'Good'), 'ClientName')), 'good');
    });
  }

  it('reports JSON syntax errors with readable messages and spans', () => {
    const text = jsonHead + '"GenerateSecret" true}}}}';
    const m = json(text);
    assert.ok(m.problems.length > 0);
    assert.match(m.problems[0].message, /^Colon expected$/);
    assert.equal(m.clients.length, 1);
    const bom = json('\uFEFF{"Resources": {}}');
    assert.deepEqual(bom.problems, []);
    assert.equal(bom.context.complete, true);
  });

  it('survives 2,000-deep nesting (YAML flow, YAML block, JSON) and 50,000-deep JSON', () => {
    const n = 2000;
    const deepValue = (open: string, close: string, depth: number) => open.repeat(depth) + close.repeat(depth);
    const prefix = head + '      Deep: ';
    const cases = [
      yaml(prefix + deepValue('[', ']', n) + '\n'),
      yaml(prefix + deepValue('{a: ', '}', n) + '\n'),
      yaml(head + '      Deep:\n' + Array.from({ length: n }, (_, i) => ' '.repeat(8 + i * 2) + 'k:').join('\n') + ' x\n'),
      json(jsonHead + '"Deep": ' + deepValue('[', ']', n) + '}}}}'),
      json(jsonHead + '"Deep": ' + deepValue('{"a":', '}', n) + '}}}}'),
      json(jsonHead + '"Deep": ' + deepValue('[', ']', 50_000) + '}}}}'),
    ];
    for (const m of cases) {
      assert.ok(Array.isArray(m.clients));
      // The deep value is cut off (or, past the parsers' own limits, reported), never a crash.
      const good = m.clients.find((c) => c.name === 'Good');
      if (good) assert.ok(good.properties.size >= 0);
    }
    // 2,000 levels of JSON are read: the client is there, its deep member an unknown below the cut.
    const deepJson = cases[3];
    const deep = client(deepJson, 'Good').body;
    assert.ok(deep?.kind === 'object');
    let value = deep.members.find((m) => m.name === 'Deep')?.value;
    let levels = 0;
    while (value?.kind === 'list') {
      value = value.items[0];
      levels++;
    }
    assert.equal(value?.kind, 'unknown');
    assert.ok(levels > 100 && levels < 300, String(levels));
  });

  it('reads a 5 MB template in reasonable time', () => {
    const resources = Array.from({ length: 50_000 }, (_, i) => `  Bucket${i}:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub "b-\${AWS::Region}-${i}"\n`).join('');
    const text = 'Resources:\n' + resources + '  Big:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      ClientName: big\n';
    assert.ok(text.length > 5_000_000);
    const started = Date.now();
    const m = yaml(text);
    assert.ok(Date.now() - started < 30_000);
    assert.deepEqual(m.problems, []);
    assert.deepEqual(m.clients.map((c) => c.name), ['Big']);
    assert.equal(m.context.resources.size, 50_001);
    const jsonResources: Record<string, unknown> = {};
    for (let i = 0; i < 60_000; i++) jsonResources[`B${i}`] = { Type: 'AWS::S3::Bucket', Properties: { BucketName: `b${i}` } };
    jsonResources.Big = { Type: 'AWS::Cognito::UserPoolClient', Properties: { ClientName: 'big' } };
    const jsonText = JSON.stringify({ Resources: jsonResources }, null, 1);
    assert.ok(jsonText.length > 5_000_000);
    const j = json(jsonText);
    assert.deepEqual(j.clients.map((c) => c.name), ['Big']);
  });
});

describe('scenario renderers read back', () => {
  /** What a scenario value reads as: literals as they are, dynamic values as unknown markers. */
  function expected(v: ScenarioValue, yamlStyle: boolean): unknown {
    if (v === null || typeof v !== 'object') return v;
    if (isDynamic(v)) return dynamicExpected(v, yamlStyle);
    if (Array.isArray(v)) return v.map((x) => expected(x, yamlStyle));
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, expected(x, yamlStyle)]));
  }
  function dynamicExpected(d: Dynamic, yamlStyle: boolean): unknown {
    if ('$ref' in d) return { $unknown: yamlStyle ? '!Ref' : 'Ref', ref: d.$ref };
    if ('$getAtt' in d) return { $unknown: yamlStyle ? '!GetAtt' : 'Fn::GetAtt', ref: `${d.$getAtt[0]}.${d.$getAtt[1]}` };
    if ('$sub' in d) return { $unknown: yamlStyle ? '!Sub' : 'Fn::Sub' };
    return { $unknown: yamlStyle ? '!If' : 'Fn::If', alternatives: [expected(d.$if[1], yamlStyle), expected(d.$if[2], yamlStyle)] };
  }

  const scenarios: [string, Scenario][] = [
    [
      'literals of every kind',
      {
        client: {
          ClientName: 'web: app # not a comment',
          GenerateSecret: true,
          AllowedOAuthFlowsUserPoolClient: 'true',
          AccessTokenValidity: 60,
          RefreshTokenValidity: 0,
          AllowedOAuthFlows: ['code'],
          LogoutURLs: [],
          CallbackURLs: ['https://a.example.com/cb', { $sub: 'https://${Domain}/cb' }],
          TokenValidityUnits: { AccessToken: 'minutes', RefreshToken: 'days' },
          AnalyticsConfiguration: {},
          DefaultRedirectURI: null,
          ReadAttributes: ['email', '123', 'yes', 'null'],
        },
        parameters: ['Domain'],
      },
    ],
    [
      'dynamic values and related resources',
      {
        client: {
          AllowedOAuthFlows: { $if: ['IsProd', ['code'], ['implicit']] },
          WriteAttributes: ['email', { $getAtt: ['Pool2', 'Arn'] }],
          SupportedIdentityProviders: ['COGNITO', 'Google'],
          AllowedOAuthScopes: ['openid', 'api/read'],
          RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 10 },
        },
        conditions: ['IsProd'],
        dependsOn: ['Google', 'Api'],
        resources: {
          Google: { role: 'identityProvider', properties: { ProviderName: 'Google', ProviderType: 'Google', UserPoolId: { $ref: 'UserPool' } } },
          Api: { role: 'resourceServer', properties: { Identifier: 'api', Name: 'api', UserPoolId: { $ref: 'UserPool' }, Scopes: [{ ScopeName: 'read', ScopeDescription: 'r' }] } },
          Pool2: { role: 'userPool', properties: { Schema: [{ Name: 'email' }, { Name: 'tier' }] } },
        },
      },
    ],
    ['no user pool at all', { client: { ClientName: 'x' }, noUserPool: true, noUserPoolId: true, clientName: 'Lonely' }],
  ];

  for (const [name, scenario] of scenarios) {
    for (const renderer of [cloudFormationYaml, cloudFormationJson]) {
      it(`${renderer.id}: ${name}`, () => {
        const doc = renderer.render(scenario);
        const parsed = surfaceFor({ uri: 'file:///test/' + doc.fileName, languageId: doc.languageId, text: doc.text });
        assert.ok(parsed);
        const model = parsed.parse({ uri: 'file:///test/' + doc.fileName, languageId: doc.languageId, text: doc.text });
        assert.deepEqual(model.problems, []);
        const c = client(model, scenario.clientName ?? 'Client');
        checkClient(doc.text, c);
        const props: Record<string, ScenarioValue> = {};
        if (!scenario.noUserPoolId && !('UserPoolId' in scenario.client)) props.UserPoolId = { $ref: 'UserPool' };
        Object.assign(props, scenario.client);
        assert.deepEqual([...c.properties.keys()].sort(), Object.keys(props).sort());
        for (const [key, value] of Object.entries(props)) {
          assert.deepEqual(plain(c.properties.get(key)!.value), expected(value, renderer === cloudFormationYaml), key);
          assert.equal(unquote(at(doc.text, c.properties.get(key)!.keySpan)), key);
        }
        assert.deepEqual(c.dependsOn, scenario.dependsOn ?? []);
        assert.equal(model.context.complete, true);
        for (const p of scenario.parameters ?? []) assert.ok(model.context.parameters.has(p));
        for (const [id, r] of Object.entries(scenario.resources ?? {})) {
          if (r.role === 'userPool') assert.ok(model.context.userPools.has(id));
          if (r.role === 'identityProvider') assert.ok(model.context.identityProviders.some((p) => p.address === id && p.providerName === r.properties.ProviderName));
          if (r.role === 'resourceServer') assert.ok(model.context.resourceServers.some((s) => s.address === id && s.identifier === r.properties.Identifier));
        }
        if (!scenario.noUserPool && !Object.values(scenario.resources ?? {}).some((r) => r.role === 'userPool')) assert.ok(model.context.userPools.has('UserPool'));
      });
    }
  }

  it('both renderings of a scenario give the same properties', () => {
    const [, scenario] = scenarios[0];
    const read = (text: string, languageId: string, fileName: string) => client(parsedBy(fileName, languageId, text));
    const y = cloudFormationYaml.render(scenario);
    const j = cloudFormationJson.render(scenario);
    const a = read(y.text, y.languageId, y.fileName);
    const b = read(j.text, j.languageId, j.fileName);
    // The same values, with unknowns compared by what they refer to rather than how they are spelled.
    const spelling = /^(!|Fn::)/;
    const neutral = (c: ClientDefinition) => JSON.parse(JSON.stringify(Object.fromEntries([...c.properties].map(([k, p]) => [k, plain(p.value)])), (key, v) => (key === '$unknown' && typeof v === 'string' ? v.replace(spelling, '') : v)));
    assert.deepEqual(neutral(a), neutral(b));
  });

  function parsedBy(fileName: string, languageId: string, text: string): DocumentModel {
    const doc = { uri: 'file:///test/' + fileName, languageId, text };
    const surface = surfaceFor(doc);
    assert.ok(surface);
    return surface.parse(doc);
  }
});
