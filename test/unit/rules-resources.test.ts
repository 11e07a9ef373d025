/**
 * The cross-resource rules: user-pool-reference, identity-provider-undeclared,
 * identity-provider-dependency, custom-scope-undeclared, custom-attribute-undeclared. Every case
 * runs over every surface renderer; two corpus templates pin the real-world case of an identity
 * provider named differently from what the client lists.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { languageIdForPath } from '../../server/src/surfaces';
import type { Finding } from '../../server/src/rules/types';
import { flagged, lintRendered, ruleTests } from '../support/harness';
import { renderers, type Scenario, type ScenarioResource } from '../support/scenario';
import { corpusDir as corpusDirectory, corpusSkip, corpusTemplates } from '../support/corpus';

const idp = (providerName: unknown = 'MyProvider'): ScenarioResource => ({
  role: 'identityProvider',
  properties: {
    UserPoolId: { $ref: 'UserPool' },
    ProviderName: providerName as string,
    ProviderType: 'OIDC',
    ProviderDetails: { client_id: 'abc', authorize_scopes: 'openid', oidc_issuer: 'https://issuer.example.com' },
  },
});

const server = (overrides: Record<string, unknown> = {}): ScenarioResource => ({
  role: 'resourceServer',
  properties: {
    UserPoolId: { $ref: 'UserPool' },
    Identifier: 'https://api.example.com',
    Name: 'api',
    Scopes: [{ ScopeName: 'read', ScopeDescription: 'Read access' }, { ScopeName: 'write', ScopeDescription: 'Write access' }],
    ...(overrides as Record<string, string>),
  },
});

const pool = (schema?: unknown): ScenarioResource => ({
  role: 'userPool',
  properties: schema === undefined ? { UserPoolName: 'pool' } : { UserPoolName: 'pool', Schema: schema as string[] },
});

const tenantSchema = [{ Name: 'tenant', AttributeDataType: 'String', Mutable: true }, { Name: 'plan', AttributeDataType: 'String', Mutable: true }];

ruleTests({
  rule: 'user-pool-reference',
  fires: [
    { name: 'a reference to an undeclared name', scenario: { client: { UserPoolId: { $ref: 'UserPoool' } } }, at: 'UserPoool', count: 1, severity: 'error' },
    {
      name: 'a reference to a resource that is not a user pool',
      scenario: { resources: { Bucket: { role: 'other', properties: {} } }, client: { UserPoolId: { $ref: 'Bucket' } } },
      at: 'Bucket',
      count: 1,
    },
    { name: 'no user pool in the file at all', scenario: { noUserPool: true, client: { UserPoolId: { $ref: 'Pool' } } }, at: 'Pool', count: 1 },
    { name: "GetAtt of the pool's ARN", scenario: { client: { UserPoolId: { $getAtt: ['UserPool', 'Arn'] } } }, at: 'UserPool', count: 1 },
  ],
  clean: [
    { name: 'a reference to the user pool', scenario: { client: { ClientName: 'web' } } },
    { name: 'a reference to a parameter', scenario: { parameters: ['PoolId'], noUserPool: true, client: { UserPoolId: { $ref: 'PoolId' } } } },
    { name: 'a literal id', scenario: { client: { UserPoolId: 'us-east-1_AbCdEf123' } } },
    { name: "GetAtt of the pool's UserPoolId", scenario: { client: { UserPoolId: { $getAtt: ['UserPool', 'UserPoolId'] } } } },
  ],
  unknown: [
    { name: 'GetAtt is not checked', scenario: { client: { UserPoolId: { $getAtt: ['Missing', 'UserPoolId'] } } } },
    { name: 'Sub is not checked', scenario: { client: { UserPoolId: { $sub: '${Missing}' } } } },
  ],
});

ruleTests({
  rule: 'identity-provider-undeclared',
  fires: [
    {
      name: 'a provider name no identity provider in the file declares',
      scenario: { resources: { Idp: idp() }, dependsOn: ['Idp'], client: { SupportedIdentityProviders: ['COGNITO', 'AmazonFederate'] } },
      at: 'AmazonFederate',
      count: 1,
      severity: 'warning',
    },
    {
      name: 'built-in names are case-sensitive',
      scenario: { resources: { Idp: idp() }, dependsOn: ['Idp'], client: { SupportedIdentityProviders: ['MyProvider', 'google'] } },
      at: 'google',
      count: 1,
    },
  ],
  clean: [
    { name: 'built-in and declared names', scenario: { resources: { Idp: idp() }, dependsOn: ['Idp'], client: { SupportedIdentityProviders: ['COGNITO', 'Google', 'MyProvider'] } } },
    { name: 'no identity provider declared in the file', scenario: { client: { SupportedIdentityProviders: ['COGNITO', 'Salesforce'] } } },
  ],
  unknown: [
    { name: 'the identity provider name is not literal', scenario: { parameters: ['IdpName'], resources: { Idp: idp({ $ref: 'IdpName' }) }, dependsOn: ['Idp'], client: { SupportedIdentityProviders: ['COGNITO', 'AmazonFederate'] } } },
    { name: 'the listed name is a parameter', scenario: { parameters: ['Provider'], resources: { Idp: idp() }, dependsOn: ['Idp'], client: { SupportedIdentityProviders: ['COGNITO', { $ref: 'Provider' }] } } },
    { name: 'the whole list is a parameter', scenario: { parameters: ['Providers'], resources: { Idp: idp() }, dependsOn: ['Idp'], client: { SupportedIdentityProviders: { $ref: 'Providers' } } } },
  ],
});

ruleTests({
  rule: 'identity-provider-dependency',
  fires: [
    {
      name: 'a declared provider without DependsOn',
      scenario: { resources: { Idp: idp() }, client: { SupportedIdentityProviders: ['COGNITO', 'MyProvider'] } },
      at: 'MyProvider',
      count: 1,
      severity: 'warning',
    },
    {
      name: 'a dependency on something else does not count',
      scenario: { resources: { Idp: idp(), Bucket: { role: 'other', properties: {} } }, dependsOn: ['Bucket'], client: { SupportedIdentityProviders: ['MyProvider'] } },
      at: 'MyProvider',
      count: 1,
    },
  ],
  clean: [
    { name: 'DependsOn the provider', scenario: { resources: { Idp: idp() }, dependsOn: ['Idp'], client: { SupportedIdentityProviders: ['COGNITO', 'MyProvider'] } } },
    { name: 'a reference to the provider orders them too', scenario: { resources: { Idp: idp() }, client: { ClientName: { $ref: 'Idp' }, SupportedIdentityProviders: ['MyProvider'] } } },
    { name: 'only built-in providers', scenario: { resources: { Idp: idp() }, client: { SupportedIdentityProviders: ['COGNITO'] } } },
  ],
  unknown: [
    { name: 'the provider name is not literal', scenario: { parameters: ['IdpName'], resources: { Idp: idp({ $ref: 'IdpName' }) }, client: { SupportedIdentityProviders: ['MyProvider'] } } },
    { name: 'the listed name is a GetAtt of the provider', scenario: { resources: { Idp: idp() }, client: { SupportedIdentityProviders: [{ $getAtt: ['Idp', 'ProviderName'] }] } } },
  ],
});

ruleTests({
  rule: 'custom-scope-undeclared',
  fires: [
    {
      name: 'a scope the resource server does not define',
      scenario: { resources: { Api: server() }, dependsOn: ['Api'], client: { AllowedOAuthScopes: ['openid', 'https://api.example.com/delete'] } },
      at: 'https://api.example.com/delete',
      count: 1,
      severity: 'warning',
    },
    {
      name: 'an identifier no resource server declares',
      scenario: { resources: { Api: server() }, dependsOn: ['Api'], client: { AllowedOAuthScopes: ['orders/read'] } },
      at: 'orders/read',
      count: 1,
    },
    {
      name: 'a defined scope without a dependency on its server',
      scenario: { resources: { Api: server() }, client: { AllowedOAuthScopes: ['https://api.example.com/read', 'https://api.example.com/write'] } },
      at: 'https://api.example.com/read',
      count: 2,
    },
  ],
  clean: [
    { name: 'defined scopes with DependsOn', scenario: { resources: { Api: server() }, dependsOn: ['Api'], client: { AllowedOAuthScopes: ['openid', 'https://api.example.com/read'] } } },
    { name: 'no resource server in the file', scenario: { client: { AllowedOAuthScopes: ['orders/read'] } } },
    { name: 'standard scopes only', scenario: { resources: { Api: server() }, client: { AllowedOAuthScopes: ['openid', 'email'] } } },
  ],
  unknown: [
    {
      name: 'the identifier is not literal',
      scenario: { resources: { Api: server({ Identifier: { $sub: 'https://${AWS::StackName}.example.com' } }) }, dependsOn: ['Api'], client: { AllowedOAuthScopes: ['orders/read'] } },
    },
    {
      name: 'a scope name is not literal',
      scenario: { parameters: ['ScopeName'], resources: { Api: server({ Scopes: [{ ScopeName: { $ref: 'ScopeName' }, ScopeDescription: 'x' }] }) }, dependsOn: ['Api'], client: { AllowedOAuthScopes: ['https://api.example.com/delete'] } },
    },
    { name: 'the scope is a substitution of the server', scenario: { resources: { Api: server() }, client: { AllowedOAuthScopes: [{ $sub: '${Api}/read' }] } } },
  ],
});

ruleTests({
  rule: 'custom-attribute-undeclared',
  fires: [
    {
      name: 'a custom attribute the pool schema does not declare',
      scenario: { resources: { UserPool: pool(tenantSchema) }, client: { ReadAttributes: ['email', 'custom:tenantId'] } },
      at: 'custom:tenantId',
      count: 1,
      severity: 'warning',
    },
    {
      name: 'in WriteAttributes too',
      scenario: { resources: { UserPool: pool([{ Name: 'email', AttributeDataType: 'String', Required: true }]) }, client: { WriteAttributes: ['custom:plan'] } },
      at: 'custom:plan',
      count: 1,
    },
  ],
  clean: [
    { name: 'declared custom attributes', scenario: { resources: { UserPool: pool(tenantSchema) }, client: { ReadAttributes: ['custom:tenant', 'custom:plan'], WriteAttributes: ['custom:plan'] } } },
    { name: 'a pool without Schema', scenario: { client: { ReadAttributes: ['custom:anything'] } } },
    { name: 'a pool outside the file', scenario: { noUserPool: true, client: { UserPoolId: 'us-east-1_AbCdEf123', ReadAttributes: ['custom:anything'] } } },
  ],
  unknown: [
    { name: 'the pool schema has a non-literal entry', scenario: { parameters: ['AttrName'], resources: { UserPool: pool([{ Name: { $ref: 'AttrName' }, AttributeDataType: 'String' }]) }, client: { ReadAttributes: ['custom:tenantId'] } } },
    { name: 'UserPoolId is a parameter', scenario: { parameters: ['PoolId'], resources: { UserPool: pool(tenantSchema) }, client: { UserPoolId: { $ref: 'PoolId' }, ReadAttributes: ['custom:tenantId'] } } },
    { name: 'the attribute is a substitution', scenario: { resources: { UserPool: pool(tenantSchema) }, client: { ReadAttributes: [{ $sub: 'custom:${AWS::StackName}' }] } } },
  ],
});

function findingsFor(scenario: Scenario, rule: string): { renderer: string; findings: Finding[] }[] {
  return renderers.map((r) => ({ renderer: r.id, findings: lintRendered(r.render(scenario)).findings.filter((f) => f.ruleId === rule) }));
}

describe('cross-resource fixes', () => {
  it('user-pool-reference points UserPoolId at the only user pool', () => {
    for (const { renderer, findings } of findingsFor({ client: { UserPoolId: { $ref: 'UserPoool' } } }, 'user-pool-reference')) {
      assert.deepEqual(findings[0].fixes, [{
        title: 'Refer to user pool UserPool',
        changes: [{ kind: 'set', path: ['UserPoolId'], value: { $reference: 'UserPool' } }],
        isPreferred: true,
        unambiguous: true,
      }], renderer);
    }
  });

  it('user-pool-reference ranks several pools by closeness and applies none automatically', () => {
    const scenario: Scenario = {
      resources: { AdminPool: pool(), CustomerPool: pool() },
      client: { UserPoolId: { $ref: 'CustomerPoool' } },
    };
    for (const { findings } of findingsFor(scenario, 'user-pool-reference')) {
      const fixes = findings[0].fixes ?? [];
      assert.deepEqual(fixes.map((f) => f.changes[0]), [
        { kind: 'set', path: ['UserPoolId'], value: { $reference: 'CustomerPool' } },
        { kind: 'set', path: ['UserPoolId'], value: { $reference: 'AdminPool' } },
      ]);
      assert.deepEqual(fixes.map((f) => f.isPreferred), [true, false]);
      assert.ok(fixes.every((f) => f.unambiguous === false));
    }
  });

  it('identity-provider-dependency adds the dependency on the provider resource', () => {
    for (const { findings } of findingsFor({ resources: { Idp: idp() }, client: { SupportedIdentityProviders: ['MyProvider'] } }, 'identity-provider-dependency')) {
      assert.deepEqual(findings[0].fixes, [{ title: 'Add a dependency on Idp', changes: [{ kind: 'addDependency', target: 'Idp' }], isPreferred: true, unambiguous: true }]);
    }
  });

  it('custom-scope-undeclared adds the dependency, or suggests the closest declared scope', () => {
    for (const { findings } of findingsFor({ resources: { Api: server() }, client: { AllowedOAuthScopes: ['https://api.example.com/read'] } }, 'custom-scope-undeclared')) {
      assert.deepEqual(findings[0].fixes?.[0].changes, [{ kind: 'addDependency', target: 'Api' }]);
      assert.equal(findings[0].fixes?.[0].unambiguous, true);
    }
    for (const { findings } of findingsFor({ resources: { Api: server() }, dependsOn: ['Api'], client: { AllowedOAuthScopes: ['https://api.example.com/reed'] } }, 'custom-scope-undeclared')) {
      assert.deepEqual(findings[0].fixes?.[0].changes, [{ kind: 'replaceItem', path: ['AllowedOAuthScopes'], index: 0, value: 'https://api.example.com/read' }]);
      assert.notEqual(findings[0].fixes?.[0].unambiguous, true);
      assert.match(findings[0].message, /read, write/);
    }
    // Without the dependency, the corrected scope would draw the next finding: the fix adds it too.
    for (const { findings } of findingsFor({ resources: { Api: server() }, client: { AllowedOAuthScopes: ['https://api.example.com/reed'] } }, 'custom-scope-undeclared')) {
      assert.deepEqual(findings[0].fixes?.[0], {
        title: 'Change to https://api.example.com/read and depend on Api',
        changes: [{ kind: 'replaceItem', path: ['AllowedOAuthScopes'], index: 0, value: 'https://api.example.com/read' }, { kind: 'addDependency', target: 'Api' }],
        isPreferred: true,
      });
    }
  });

  it('identity-provider-undeclared and custom-attribute-undeclared have no fix but name what exists', () => {
    for (const { findings } of findingsFor({ resources: { Idp: idp() }, dependsOn: ['Idp'], client: { SupportedIdentityProviders: ['MyProvidr'] } }, 'identity-provider-undeclared')) {
      assert.equal(findings[0].fixes, undefined);
      assert.match(findings[0].message, /MyProvider/);
    }
    for (const { findings } of findingsFor({ resources: { UserPool: pool(tenantSchema) }, client: { ReadAttributes: ['custom:tenat'] } }, 'custom-attribute-undeclared')) {
      assert.equal(findings[0].fixes, undefined);
      assert.match(findings[0].message, /custom:tenant/);
    }
  });
});

const corpusDir = corpusDirectory();

describe('corpus: an identity provider named differently from the client list', () => {
  for (const rel of ['cloudformation-yaml/026-iac-model-evaluation-cognito.yaml', 'cloudformation-json/006-iac-model-evaluation-cognito.json']) {
    it(rel, (t) => {
      const file = path.join(corpusDir, rel);
      const skip = corpusSkip(file);
      if (skip) return t.skip(skip);
      const text = fs.readFileSync(file, 'utf8');
      const doc = { fileName: path.basename(file), languageId: languageIdForPath(file) ?? 'yaml', text };
      const { findings } = lintRendered(doc);
      const undeclared = findings.filter((f) => f.ruleId === 'identity-provider-undeclared');
      assert.deepEqual(undeclared.map((f) => flagged(doc, f).replace(/^"|"$/g, '')), ['AmazonFederate']);
      // The client depends on the provider, and the pool reference is right.
      assert.equal(findings.filter((f) => f.ruleId === 'user-pool-reference').length, 0);
    });
  }
});

describe('corpus: real templates', () => {
  it('no user-pool-reference error on templates that deploy', (t) => {
    const { templates, skip } = corpusTemplates();
    if (skip) return t.skip(skip);
    for (const template of templates) {
      const doc = { fileName: template.fileName, languageId: template.languageId, text: template.text };
      const { findings } = lintRendered(doc);
      const wrong = findings.filter((f) => f.ruleId === 'user-pool-reference' || f.ruleId === 'custom-attribute-undeclared');
      assert.deepEqual(wrong.map((f) => `${f.ruleId}@${flagged(doc, f)}`), [], template.label);
    }
    assert.ok(templates.length > 0, 'linted some templates');
  });
});

describe('user-pool-reference: silent on a template fragment', () => {
  // A Serverless `resources:` list whose other part comes from another file may declare the pool there.
  const client = (indent: string) =>
    [
      `${indent}Resources:`,
      `${indent}  WebClient:`,
      `${indent}    Type: AWS::Cognito::UserPoolClient`,
      `${indent}    Properties:`,
      `${indent}      ClientName: web`,
      `${indent}      UserPoolId: !Ref CognitoUserPool`,
    ].join('\n');
  const lint = (text: string) => lintRendered({ fileName: 'serverless.yml', languageId: 'yaml', text }).findings.filter((f) => f.ruleId === 'user-pool-reference');

  it('a resources list with a part from another file: no finding', () => {
    assert.deepEqual(lint(`service: app\nresources:\n  - \${file(resources/cognito-pool.yml)}\n  - ${client('    ').trimStart()}\n`), []);
  });
  it('a template with a transform of unknown effect: no finding', () => {
    assert.deepEqual(lintRendered({ fileName: 't.yaml', languageId: 'yaml', text: `Transform: MyCompany::PoolMacro\n${client('')}\n` }).findings.filter((f) => f.ruleId === 'user-pool-reference'), []);
  });
  it('the same client in a complete file is flagged (so the cases above are silent for the fragment alone)', () => {
    assert.equal(lint(`service: app\nresources:\n  - ${client('    ').trimStart()}\n`).length, 1);
    assert.equal(lintRendered({ fileName: 't.yaml', languageId: 'yaml', text: `${client('')}\n` }).findings.filter((f) => f.ruleId === 'user-pool-reference').length, 1);
  });
});
