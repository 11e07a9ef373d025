/**
 * Large generated CloudFormation templates for the benchmark: a user pool and N app clients with a
 * realistic spread of settings (some with findings), in YAML and as the equivalent JSON.
 */

interface ClientSpec {
  name: string;
  properties: Record<string, unknown>;
}

function clientSpecs(count: number): ClientSpec[] {
  const specs: ClientSpec[] = [];
  for (let i = 0; i < count; i++) {
    const web = i % 3 !== 2;
    const properties: Record<string, unknown> = {
      UserPoolId: { Ref: 'UserPool' },
      ClientName: `client-${i}`,
      GenerateSecret: !web,
      ExplicitAuthFlows: i % 7 === 0 ? ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] : ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      PreventUserExistenceErrors: i % 5 === 0 ? 'LEGACY' : 'ENABLED',
      EnableTokenRevocation: i % 6 !== 0,
      AccessTokenValidity: 60,
      IdTokenValidity: 60,
      RefreshTokenValidity: 30,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
      ReadAttributes: ['email', 'email_verified', 'name', 'custom:tenant'],
      WriteAttributes: ['email', 'name'],
    };
    if (web) {
      Object.assign(properties, {
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: i % 11 === 0 ? ['implicit'] : ['code'],
        AllowedOAuthScopes: ['openid', 'email', 'profile'],
        CallbackURLs: [`https://app${i}.example.com/callback`, i % 13 === 0 ? `http://app${i}.example.com/cb` : 'http://localhost:3000/callback'],
        LogoutURLs: [`https://app${i}.example.com/`],
        SupportedIdentityProviders: ['COGNITO'],
      });
    } else {
      Object.assign(properties, {
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['client_credentials'],
        AllowedOAuthScopes: ['api/read', 'api/write'],
      });
    }
    // Some findings fix-all can fix on its own: the setting left to its LEGACY default.
    if (i % 4 === 1) delete properties.PreventUserExistenceErrors;
    specs.push({ name: `AppClient${String(i).padStart(4, '0')}`, properties });
  }
  return specs;
}

function templateObject(count: number): Record<string, unknown> {
  const resources: Record<string, unknown> = {
    UserPool: { Type: 'AWS::Cognito::UserPool', Properties: { UserPoolName: 'bench-pool' } },
    ApiResourceServer: {
      Type: 'AWS::Cognito::UserPoolResourceServer',
      Properties: { UserPoolId: { Ref: 'UserPool' }, Identifier: 'api', Name: 'api', Scopes: [{ ScopeName: 'read', ScopeDescription: 'read' }, { ScopeName: 'write', ScopeDescription: 'write' }] },
    },
  };
  for (const spec of clientSpecs(count)) {
    resources[spec.name] = { Type: 'AWS::Cognito::UserPoolClient', DependsOn: ['ApiResourceServer'], Properties: spec.properties };
  }
  return { AWSTemplateFormatVersion: '2010-09-09', Description: `Benchmark template with ${count} app clients`, Resources: resources };
}

/** The template as JSON (two-space indent, long-form intrinsics). */
export function generateJsonTemplate(count: number): string {
  return JSON.stringify(templateObject(count), null, 2) + '\n';
}

function yamlScalar(value: unknown): string {
  if (typeof value === 'string') return /^[\w./:-]+$/.test(value) && !/^(true|false|yes|no|null|\d.*)$/i.test(value) ? value : JSON.stringify(value);
  return String(value);
}

function yamlValue(value: unknown, indent: string): string {
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== 'object' || v === null)) return ` [${value.map(yamlScalar).join(', ')}]`;
    return value.map((v) => `\n${indent}- ${yamlValue(v, indent + '  ').trimStart()}`).join('');
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 1 && entries[0][0] === 'Ref') return ` !Ref ${entries[0][1]}`;
    return entries.map(([k, v]) => `\n${indent}${k}:${yamlValue(v, indent + '  ')}`).join('');
  }
  return ` ${yamlScalar(value)}`;
}

/** The template as YAML (block style, short-form `!Ref`, flow lists for scalars). */
export function generateYamlTemplate(count: number): string {
  return yamlValue(templateObject(count), '').trimStart() + '\n';
}
