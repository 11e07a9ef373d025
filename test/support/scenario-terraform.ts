/**
 * Terraform renderers of the twin scenarios (see ./scenario.ts): the same client and resources as
 * a `.tf` (HCL) and a `.tf.json` module file, written as Terraform users write them.
 *
 * - the client: `resource "aws_cognito_user_pool_client" "<clientName>"`, with a `name` (required
 *   in Terraform) when the scenario has no `ClientName` and no `noClientName`; property names through
 *   the schema's Terraform spelling (names Terraform does not have stay as written), object-typed
 *   properties as nested blocks (in JSON: objects);
 * - the other resources by role: `aws_cognito_user_pool` (its `Schema` entries as `schema`
 *   blocks), `aws_cognito_identity_provider`, `aws_cognito_resource_server` (`scope` blocks), and
 *   any other CloudFormation type as its Terraform type (`AWS::S3::Bucket` → `aws_s3_bucket`);
 * - parameters and conditions: `variable` blocks; outputs: `output` blocks, `sensitive = true`
 *   unless the scenario exports them; `dependsOn`: `depends_on = [aws_x.y]`;
 * - dynamic values: `$ref` to a resource → the attribute its CloudFormation `Ref` returns
 *   (`aws_cognito_user_pool.UserPool.id`, an identity provider's `provider_name`, a resource
 *   server's `identifier`), to a parameter → `var.X`, `AWS::NoValue` → `null`, other pseudo
 *   parameters → data sources or `terraform.workspace`, to a name declared nowhere → a reference of
 *   the type the property takes (`aws_cognito_user_pool.X.id` for a user pool id, else `var.X`);
 *   `$getAtt` → the matching attribute; `$sub` → a template with interpolations; `$if` → a
 *   conditional `var.C ? a : b`. In JSON each is a `"${...}"` string;
 * - a non-ASCII comment above the client (`# café ✓` in HCL; a `"//"` key in JSON).
 *
 * HCL arguments are aligned on `=` in runs of consecutive lines, as `terraform fmt` writes them.
 */
import { propertySchema, spell } from '../../server/src/schema';
import { isDynamic, templateOf, type Dynamic, type Renderer, type Scenario, type ScenarioValue } from './scenario';

/** A Terraform resource type for a CloudFormation type. */
export function terraformTypeOf(cfnType: string): string {
  const known: Record<string, string> = {
    'AWS::Cognito::UserPool': 'aws_cognito_user_pool',
    'AWS::Cognito::UserPoolClient': 'aws_cognito_user_pool_client',
    'AWS::Cognito::UserPoolIdentityProvider': 'aws_cognito_identity_provider',
    'AWS::Cognito::UserPoolResourceServer': 'aws_cognito_resource_server',
  };
  return known[cfnType] ?? 'aws_' + cfnType.replace(/^AWS::/, '').split('::').map(snake).join('_');
}

/** `UserPoolId` → `user_pool_id`, `CallbackURLs` → `callback_urls`. */
function snake(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

/** What a scenario's logical ids and parameters are, for writing references. */
interface Names {
  /** Logical id → Terraform resource type. */
  types: Map<string, string>;
  parameters: Set<string>;
}

/** The attribute a CloudFormation `Ref` to a resource of a type returns, in Terraform. */
function refAttribute(type: string): string {
  if (type === 'aws_cognito_identity_provider') return 'provider_name';
  if (type === 'aws_cognito_resource_server') return 'identifier';
  return 'id';
}

/** A CloudFormation `GetAtt` attribute of a resource of a type, in Terraform. */
function getAttAttribute(type: string, attribute: string): string {
  if (attribute === 'Arn') return 'arn';
  if (attribute === 'ClientId') return 'id';
  // A user pool's id is its `id` in Terraform (there is no `user_pool_id` attribute).
  if (attribute === 'UserPoolId' && type === 'aws_cognito_user_pool') return 'id';
  if (attribute === 'ProviderName' || attribute === 'ProviderURL') return type === 'aws_cognito_user_pool' ? 'endpoint' : 'provider_name';
  return snake(attribute);
}

/** The HCL expression a `Ref` makes; `property` is the client property it is written in, if any. */
function refExpr(name: string, names: Names, property?: string): string {
  if (name === 'AWS::StackName') return 'terraform.workspace';
  if (name === 'AWS::Region') return 'data.aws_region.current.name';
  if (name === 'AWS::AccountId') return 'data.aws_caller_identity.current.account_id';
  if (name === 'AWS::NoValue') return 'null';
  if (name === 'AWS::Partition') return 'data.aws_partition.current.partition';
  if (name.includes('::')) return `var.${name.replace(/::/g, '_')}`;
  const type = names.types.get(name);
  if (type) return `${type}.${name}.${refAttribute(type)}`;
  if (names.parameters.has(name)) return `var.${name}`;
  return property === 'UserPoolId' ? `aws_cognito_user_pool.${name}.id` : `var.${name}`;
}

/** The HCL expression of a `GetAtt`. */
function getAttExpr(name: string, attribute: string, names: Names): string {
  const type = names.types.get(name) ?? 'aws_cognito_user_pool';
  return `${type}.${name}.${getAttAttribute(type, attribute)}`;
}

/** The HCL template text (without quotes) of a `Fn::Sub` string. */
function subTemplate(sub: string, names: Names): string {
  let out = '';
  let i = 0;
  while (i < sub.length) {
    const open = sub.indexOf('${', i);
    if (open < 0) {
      out += templateLiteral(sub.slice(i));
      break;
    }
    out += templateLiteral(sub.slice(i, open));
    // The matching brace (a nested `${X}` inside, as in `${Client.${Attr}}`).
    let depth = 0;
    let close = open + 2;
    for (; close < sub.length; close++) {
      if (sub[close] === '{') depth++;
      else if (sub[close] === '}') {
        if (depth === 0) break;
        depth--;
      }
    }
    const inner = sub.slice(open + 2, close);
    out += '${' + subReference(inner, names) + '}';
    i = close + 1;
  }
  return out;
}

/** The expression of one `${...}` of a `Fn::Sub`: `X`, `X.Attr`, or `X.${Y}`. */
function subReference(inner: string, names: Names): string {
  const nested = /^([\w:]+)\.\$\{([\w:]+)\}$/.exec(inner);
  if (nested) return `${names.types.get(nested[1]) ?? 'aws_cognito_user_pool'}.${nested[1]}[${refExpr(nested[2], names)}]`;
  const dot = inner.indexOf('.');
  if (dot > 0 && !inner.startsWith('AWS::')) return getAttExpr(inner.slice(0, dot), inner.slice(dot + 1), names);
  return refExpr(inner, names);
}

/** Literal text inside an HCL template string: quotes and backslashes escaped, `${` and `%{` doubled. */
function templateLiteral(text: string): string {
  return JSON.stringify(text).slice(1, -1).replace(/\$\{/g, () => '$${').replace(/%\{/g, '%%{');
}

/** An HCL string literal. */
function hclString(text: string): string {
  return `"${templateLiteral(text)}"`;
}

/** A value as an HCL expression on one line. */
function hclExpr(v: ScenarioValue, names: Names, property?: string): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return hclString(v);
  if (typeof v !== 'object') return String(v);
  if (isDynamic(v)) return dynamicExpr(v, names, property);
  if (Array.isArray(v)) return `[${v.map((x) => hclExpr(x, names, property)).join(', ')}]`;
  const entries = Object.entries(v);
  if (entries.length === 0) return '{}';
  return `{ ${entries.map(([k, x]) => `${hclKey(k)} = ${hclExpr(x, names)}`).join(', ')} }`;
}

/** An object key in HCL: bare when it is an identifier. */
function hclKey(key: string): string {
  return /^[A-Za-z_][\w-]*$/.test(key) ? key : JSON.stringify(key);
}

/** A dynamic value as an HCL expression (a template string for `$sub`). */
function dynamicExpr(d: Dynamic, names: Names, property?: string): string {
  if ('$ref' in d) return refExpr(d.$ref, names, property);
  if ('$getAtt' in d) return getAttExpr(d.$getAtt[0], d.$getAtt[1], names);
  if ('$sub' in d) return `"${subTemplate(d.$sub, names)}"`;
  const [cond, a, b] = d.$if;
  return `var.${cond} ? ${hclExpr(a, names, property)} : ${hclExpr(b, names, property)}`;
}

/** A value as Terraform JSON: literals as JSON (with `${` escaped), every dynamic value a `"${...}"` string. */
function tfJsonValue(v: ScenarioValue, names: Names, property?: string): unknown {
  if (v === null || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'string') return v.replace(/\$\{/g, () => '$${').replace(/%\{/g, '%%{');
  if (isDynamic(v)) {
    if ('$sub' in v) return JSON.parse(`"${subTemplate(v.$sub, names)}"`);
    return '${' + dynamicExpr(v, names, property) + '}';
  }
  if (Array.isArray(v)) return v.map((x) => tfJsonValue(x, names, property));
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, tfJsonValue(x, names)]));
}

// ---------- a syntax-neutral body: attributes and nested blocks ----------

type BodyItem = { kind: 'attr'; name: string; value: ScenarioValue; property?: string } | { kind: 'block'; name: string; body: BodyItem[] } | { kind: 'raw'; name: string; hcl: string; json: unknown };

function isObject(v: ScenarioValue): v is { [key: string]: ScenarioValue } {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !isDynamic(v);
}

/** The client's body: schema spelling, object-typed properties as nested blocks. */
function clientBody(props: Record<string, ScenarioValue>, path: string[] = []): BodyItem[] {
  return Object.entries(props).map(([k, v]): BodyItem => {
    const at = [...path, k];
    const name = spell(at, 'terraform');
    if (propertySchema(at)?.type === 'object' && isObject(v)) return { kind: 'block', name, body: clientBody(v, at) };
    return { kind: 'attr', name, value: v, property: path.length === 0 ? k : undefined };
  });
}

/** Names of another resource's properties that are repeated nested blocks in Terraform, and their block names. */
const BLOCK_LISTS: Record<string, Record<string, string>> = {
  aws_cognito_user_pool: { Schema: 'schema' },
  aws_cognito_resource_server: { Scopes: 'scope' },
};

/** Property names that differ from their snake case. */
const RENAMES: Record<string, Record<string, string>> = {
  aws_cognito_user_pool: { UserPoolName: 'name' },
};

/** Another resource's body: snake-case names, block lists as repeated blocks, other objects as maps. */
function resourceBody(type: string, props: Record<string, ScenarioValue>): BodyItem[] {
  const out: BodyItem[] = [];
  for (const [k, v] of Object.entries(props)) {
    const block = BLOCK_LISTS[type]?.[k];
    if (block && Array.isArray(v) && v.every(isObject)) {
      for (const entry of v) out.push({ kind: 'block', name: block, body: Object.entries(entry).map(([ek, ev]) => ({ kind: 'attr', name: snake(ek), value: ev })) });
      continue;
    }
    out.push({ kind: 'attr', name: RENAMES[type]?.[k] ?? snake(k), value: v, property: k });
  }
  return out;
}

// ---------- HCL ----------

/** A body in HCL at an indent, arguments aligned on `=` in runs of consecutive lines. */
function hclBody(items: BodyItem[], indent: string, names: Names): string {
  let out = '';
  let run: { name: string; expr: string }[] = [];
  const flush = () => {
    const width = Math.max(0, ...run.map((r) => r.name.length));
    for (const r of run) out += `${indent}${r.name.padEnd(width)} = ${r.expr}\n`;
    run = [];
  };
  for (const item of items) {
    if (item.kind === 'attr') run.push({ name: hclKey(item.name), expr: hclExpr(item.value, names, item.property) });
    else if (item.kind === 'raw') run.push({ name: item.name, expr: item.hcl });
    else {
      flush();
      out += item.body.length === 0 ? `${indent}${item.name} {}\n` : `${indent}${item.name} {\n${hclBody(item.body, indent + '  ', names)}${indent}}\n`;
    }
  }
  flush();
  return out;
}

/** The resources, variables and outputs of a scenario, syntax-neutral. */
interface Module {
  names: Names;
  variables: { name: string; bool: boolean }[];
  resources: { type: string; name: string; body: BodyItem[]; client: boolean }[];
  outputs: { name: string; value: ScenarioValue; sensitive: boolean }[];
}

/** The client's properties with a `ClientName` (the resource name in lower case) after `UserPoolId`, or first. */
function withName(props: Record<string, ScenarioValue>, id: string): Record<string, ScenarioValue> {
  const entries = Object.entries(props);
  const at = entries[0]?.[0] === 'UserPoolId' ? 1 : 0;
  entries.splice(at, 0, ['ClientName', id.toLowerCase()]);
  return Object.fromEntries(entries);
}

function moduleOf(s: Scenario): Module {
  const t = templateOf(s);
  const names: Names = { types: new Map(t.resources.map(([id, r]) => [id, terraformTypeOf(r.Type)])), parameters: new Set(t.parameters) };
  const resources = t.resources.map(([id, r]) => {
    const type = terraformTypeOf(r.Type);
    const client = type === 'aws_cognito_user_pool_client' && id === (s.clientName ?? 'Client');
    // `name` is required in Terraform: added after the user pool id unless the scenario says otherwise.
    const props = client && !s.noClientName && !('ClientName' in r.Properties) ? withName(r.Properties, id) : r.Properties;
    const body = client ? clientBody(props) : resourceBody(type, props);
    if (r.DependsOn?.length) {
      const addresses = r.DependsOn.map((d) => `${names.types.get(d) ?? 'aws_cloudformation_stack'}.${d}`);
      body.push({ kind: 'raw', name: 'depends_on', hcl: `[${addresses.join(', ')}]`, json: addresses });
    }
    return { type, name: id, body, client };
  });
  return {
    names,
    variables: [...t.parameters.map((name) => ({ name, bool: false })), ...t.conditions.map((name) => ({ name, bool: true }))],
    resources,
    outputs: t.outputs.map(([name, o]) => ({ name, value: o.value, sensitive: !o.export })),
  };
}

/** The scenario as a Terraform HCL file (`main.tf`). */
export const terraformHcl: Renderer = {
  id: 'terraform-hcl',
  render(s) {
    const m = moduleOf(s);
    let out = '';
    for (const v of m.variables) out += v.bool ? `variable "${v.name}" {\n  type = bool\n}\n\n` : `variable "${v.name}" {}\n\n`;
    for (const r of m.resources) {
      if (r.client) out += '# café ✓ — a non-ASCII line above the client\n';
      out += `resource "${r.type}" "${r.name}" {\n${hclBody(r.body, '  ', m.names)}}\n\n`;
    }
    for (const o of m.outputs) {
      const body: BodyItem[] = [{ kind: 'attr', name: 'value', value: o.value }];
      if (o.sensitive) body.push({ kind: 'attr', name: 'sensitive', value: true });
      out += `output "${o.name}" {\n${hclBody(body, '  ', m.names)}}\n\n`;
    }
    return { fileName: 'main.tf', languageId: 'terraform', text: out.replace(/\n\n$/, '\n') };
  },
};

/** A body as a Terraform JSON object. */
function jsonBody(items: BodyItem[], names: Names): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const item of items) {
    if (item.kind === 'attr') out[item.name] = tfJsonValue(item.value, names, item.property);
    else if (item.kind === 'raw') out[item.name] = item.json;
    else {
      // Repeated blocks (a pool's `schema`) are an array of objects; a single one an object.
      const body = jsonBody(item.body, names);
      const count = items.filter((x) => x.kind === 'block' && x.name === item.name).length;
      if (count > 1) out[item.name] = [...((out[item.name] as unknown[] | undefined) ?? []), body];
      else out[item.name] = body;
    }
  }
  return out;
}

/** The scenario as a Terraform JSON file (`main.tf.json`), objects for blocks as CDK for Terraform writes, two-space indentation. */
export const terraformJson: Renderer = {
  id: 'terraform-json',
  render(s) {
    const m = moduleOf(s);
    const doc: Record<string, unknown> = {};
    if (m.variables.length) doc.variable = Object.fromEntries(m.variables.map((v) => [v.name, v.bool ? { type: 'bool' } : {}]));
    const resource: Record<string, Record<string, unknown>> = {};
    for (const r of m.resources) {
      const byName = (resource[r.type] ??= {});
      if (r.client) byName['//'] = 'café ✓ — a non-ASCII line above the client';
      byName[r.name] = jsonBody(r.body, m.names);
    }
    doc.resource = resource;
    if (m.outputs.length) {
      doc.output = Object.fromEntries(m.outputs.map((o) => [o.name, o.sensitive ? { value: tfJsonValue(o.value, m.names), sensitive: true } : { value: tfJsonValue(o.value, m.names) }]));
    }
    return { fileName: 'main.tf.json', languageId: 'json', text: JSON.stringify(doc, null, 2) + '\n' };
  },
};
