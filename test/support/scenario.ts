/**
 * Twin fixtures, generated: a scenario describes one client (and the resources around it) once,
 * with canonical property names, and each surface's renderer writes it in that surface's syntax.
 * Every rule test runs over every renderer, so a surface added later (Terraform, SDK calls) gets
 * every rule case by adding a renderer here.
 */

/** A value in a scenario: JSON, or a marker for a value that cannot be known statically. */
export type ScenarioValue =
  | string
  | number
  | boolean
  | null
  | ScenarioValue[]
  | { [key: string]: ScenarioValue }
  | Dynamic;

/** A dynamic value: a reference to a resource or parameter, a substitution, or a conditional. */
export type Dynamic =
  | { $ref: string }
  | { $getAtt: [string, string] }
  | { $sub: string }
  | { $if: [string, ScenarioValue, ScenarioValue] };

/** A related resource, by role, with canonical (CloudFormation) property names. */
export interface ScenarioResource {
  role: 'userPool' | 'identityProvider' | 'resourceServer' | 'other';
  /** For `other`: the CloudFormation type. */
  type?: string;
  properties: Record<string, ScenarioValue>;
}

export interface Scenario {
  /** The client's properties, canonical names. `UserPoolId: { $ref: 'UserPool' }` is added when absent unless `noUserPoolId`. */
  client: Record<string, ScenarioValue>;
  /** Other resources by logical id. A `UserPool` user pool is added unless one is given or `noUserPool`. */
  resources?: Record<string, ScenarioResource>;
  parameters?: string[];
  conditions?: string[];
  dependsOn?: string[];
  /** Leave out the default `UserPoolId`. */
  noUserPoolId?: boolean;
  /** Leave out the default `UserPool` resource. */
  noUserPool?: boolean;
  /** Terraform renderers add `name` (required there) when `ClientName` is absent, unless this is set. */
  noClientName?: boolean;
  /** Stack outputs by name: a value and whether it is exported. */
  outputs?: Record<string, { value: ScenarioValue; export?: boolean }>;
  /** The client's logical id (default `Client`). */
  clientName?: string;
}

/** A rendered document. */
export interface Rendered {
  /** File name with the surface's extension, e.g. `scenario.yaml`. */
  fileName: string;
  languageId: string;
  text: string;
}

export interface Renderer {
  /** Short id used in test names. */
  id: string;
  render(scenario: Scenario): Rendered;
}

export function isDynamic(v: ScenarioValue): v is Dynamic {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 1 && Object.keys(v)[0].startsWith('$');
}

const roleTypes: Record<ScenarioResource['role'], string> = {
  userPool: 'AWS::Cognito::UserPool',
  identityProvider: 'AWS::Cognito::UserPoolIdentityProvider',
  resourceServer: 'AWS::Cognito::UserPoolResourceServer',
  other: 'AWS::S3::Bucket',
};

/** The scenario as a CloudFormation template object (long-form intrinsics), before syntax (the defaults applied; other renderers start from it too). */
export function templateOf(s: Scenario): { outputs: [string, { value: ScenarioValue; export?: boolean }][]; parameters: string[]; conditions: string[]; resources: [string, { Type: string; DependsOn?: string[]; Properties: Record<string, ScenarioValue> }][] } {
  const resources: [string, { Type: string; DependsOn?: string[]; Properties: Record<string, ScenarioValue> }][] = [];
  const given = s.resources ?? {};
  if (!s.noUserPool && !Object.values(given).some((r) => r.role === 'userPool')) {
    resources.push(['UserPool', { Type: roleTypes.userPool, Properties: { UserPoolName: 'pool' } }]);
  }
  for (const [id, r] of Object.entries(given)) resources.push([id, { Type: r.type ?? roleTypes[r.role], Properties: r.properties }]);
  const client: Record<string, ScenarioValue> = {};
  if (!s.noUserPoolId && !('UserPoolId' in s.client)) client.UserPoolId = { $ref: 'UserPool' };
  Object.assign(client, s.client);
  const entry: { Type: string; DependsOn?: string[]; Properties: Record<string, ScenarioValue> } = { Type: 'AWS::Cognito::UserPoolClient', Properties: client };
  if (s.dependsOn?.length) entry.DependsOn = s.dependsOn;
  resources.push([s.clientName ?? 'Client', entry]);
  return { outputs: Object.entries(s.outputs ?? {}), parameters: s.parameters ?? [], conditions: s.conditions ?? [], resources };
}

// ---------- CloudFormation YAML ----------

function yamlScalar(v: string | number | boolean | null): string {
  if (v === null) return 'null';
  if (typeof v !== 'string') return String(v);
  // Quote anything YAML would read as another type or that has special characters.
  if (v === '' || /^(true|false|yes|no|on|off|null|~|-?\d+(\.\d+)?)$/i.test(v) || /[:#{}[\],&*!|>'"%@`]|^[\s-?]|\s$/.test(v)) {
    return JSON.stringify(v);
  }
  return v;
}

function yamlDynamic(d: Dynamic, indent: string): string {
  if ('$ref' in d) return `!Ref ${d.$ref}`;
  if ('$getAtt' in d) return `!GetAtt ${d.$getAtt[0]}.${d.$getAtt[1]}`;
  if ('$sub' in d) return `!Sub ${JSON.stringify(d.$sub)}`;
  const [cond, a, b] = d.$if;
  return `!If [${cond}, ${yamlFlow(a, indent)}, ${yamlFlow(b, indent)}]`;
}

function yamlFlow(v: ScenarioValue, indent: string): string {
  if (v === null || typeof v !== 'object') return yamlScalar(v);
  if (isDynamic(v)) return yamlDynamic(v, indent);
  if (Array.isArray(v)) return `[${v.map((x) => yamlFlow(x, indent)).join(', ')}]`;
  return `{${Object.entries(v).map(([k, x]) => `${k}: ${yamlFlow(x, indent)}`).join(', ')}}`;
}

/** A `key: value` block at an indent (block style for lists and objects). */
function yamlEntry(key: string, v: ScenarioValue, indent: string): string {
  if (v === null || typeof v !== 'object' || isDynamic(v)) return `${indent}${key}: ${yamlFlow(v, indent)}\n`;
  if (Array.isArray(v)) {
    if (v.length === 0) return `${indent}${key}: []\n`;
    return `${indent}${key}:\n` + v.map((item) => yamlItem(item, indent + '  ')).join('');
  }
  const entries = Object.entries(v);
  if (entries.length === 0) return `${indent}${key}: {}\n`;
  return `${indent}${key}:\n` + entries.map(([k, x]) => yamlEntry(k, x, indent + '  ')).join('');
}

function yamlItem(v: ScenarioValue, indent: string): string {
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && !isDynamic(v)) {
    const entries = Object.entries(v);
    if (entries.length === 0) return `${indent}- {}\n`;
    const body = entries.map(([k, x]) => yamlEntry(k, x, indent + '  ')).join('');
    return indent + '- ' + body.slice(indent.length + 2);
  }
  return `${indent}- ${yamlFlow(v, indent)}\n`;
}

/** CloudFormation YAML with short-form tags, block style, and a non-ASCII comment above the client. */
export const cloudFormationYaml: Renderer = {
  id: 'cloudformation-yaml',
  render(s) {
    const t = templateOf(s);
    let out = "AWSTemplateFormatVersion: '2010-09-09'\n# café ✓ — a non-ASCII line above the client\n";
    if (t.parameters.length) out += 'Parameters:\n' + t.parameters.map((p) => `  ${p}:\n    Type: String\n`).join('');
    if (t.conditions.length) out += 'Conditions:\n' + t.conditions.map((c) => `  ${c}: !Equals [!Ref AWS::Region, us-east-1]\n`).join('');
    out += 'Resources:\n';
    for (const [id, r] of t.resources) {
      out += `  ${id}:\n    Type: ${r.Type}\n`;
      if (r.DependsOn) out += `    DependsOn: [${r.DependsOn.join(', ')}]\n`;
      out += yamlEntry('Properties', r.Properties, '    ');
    }
    if (t.outputs.length) {
      out += 'Outputs:\n';
      for (const [name, o] of t.outputs) {
        out += `  ${name}:\n    Value: ${yamlFlow(o.value, '    ')}\n`;
        if (o.export) out += `    Export:\n      Name: !Sub "\${AWS::StackName}-${name}"\n`;
      }
    }
    return { fileName: 'scenario.yaml', languageId: 'yaml', text: out };
  },
};

// ---------- CloudFormation JSON ----------

function jsonValue(v: ScenarioValue): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(jsonValue);
  if (isDynamic(v)) {
    if ('$ref' in v) return { Ref: v.$ref };
    if ('$getAtt' in v) return { 'Fn::GetAtt': v.$getAtt };
    if ('$sub' in v) return { 'Fn::Sub': v.$sub };
    return { 'Fn::If': [v.$if[0], jsonValue(v.$if[1]), jsonValue(v.$if[2])] };
  }
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, jsonValue(x)]));
}

/** CloudFormation JSON, long-form intrinsics, two-space indentation. */
export const cloudFormationJson: Renderer = {
  id: 'cloudformation-json',
  render(s) {
    const t = templateOf(s);
    const doc: Record<string, unknown> = { AWSTemplateFormatVersion: '2010-09-09', Description: 'café ✓ — non-ASCII above the client' };
    if (t.parameters.length) doc.Parameters = Object.fromEntries(t.parameters.map((p) => [p, { Type: 'String' }]));
    if (t.conditions.length) doc.Conditions = Object.fromEntries(t.conditions.map((c) => [c, { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'us-east-1'] }]));
    doc.Resources = Object.fromEntries(t.resources.map(([id, r]) => [id, { ...r, Properties: jsonValue(r.Properties) }]));
    if (t.outputs.length) {
      doc.Outputs = Object.fromEntries(t.outputs.map(([name, o]) => [name, o.export ? { Value: jsonValue(o.value), Export: { Name: { 'Fn::Sub': `\${AWS::StackName}-${name}` } } } : { Value: jsonValue(o.value) }]));
    }
    return { fileName: 'scenario.json', languageId: 'json', text: JSON.stringify(doc, null, 2) + '\n' };
  },
};

/** Every renderer; a new surface adds its own here and every rule case runs over it. */
export const renderers: Renderer[] = [cloudFormationYaml, cloudFormationJson];

/** A working authorization-code client: test cases change one thing in it. */
export function webClient(overrides: Record<string, ScenarioValue> = {}): Scenario['client'] {
  return {
    AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthFlows: ['code'],
    AllowedOAuthScopes: ['openid', 'email'],
    CallbackURLs: ['https://app.example.com/callback'],
    PreventUserExistenceErrors: 'ENABLED',
    ...overrides,
  };
}
