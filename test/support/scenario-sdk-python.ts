/**
 * Scenario renderers for the Python code surface: a boto3 `create_user_pool_client(...)` call
 * (API names as keyword arguments, dicts for nested objects) and a CDK L1 `CfnUserPoolClient`
 * in a stack (snake_case keywords, `...Property(...)` classes for nested objects).
 *
 * Dynamic values become what Python code writes for them, all Unknown to the reader: `$ref` a
 * name bound to nothing literal (`user_pool.user_pool_id`), `$getAtt` an attribute, `$sub` an
 * f-string, `$if` a conditional expression (whose branches the rules check one by one, as for
 * `Fn::If`). Other resources, stack outputs and `DependsOn` have no equivalent the surface reads:
 * code files declare nothing the cross-resource rules could rely on.
 */
import type { JsonValue } from '../../server/src/schema/types';
import { propertySchema, spell } from '../../server/src/schema';
import { isDynamic, type Dynamic, type Renderer, type Scenario, type ScenarioValue } from './scenario';

/** `UserPool` -> `user_pool`. */
function snake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^A-Za-z0-9_]/g, '_').toLowerCase();
}

/** A Python string literal (JSON's escapes are Python's too). */
export function pyString(value: string): string {
  return JSON.stringify(value);
}

function dynamicText(d: Dynamic, value: (v: ScenarioValue) => string): string {
  if ('$ref' in d) return `${snake(d.$ref)}.ref`;
  if ('$getAtt' in d) return `${snake(d.$getAtt[0])}.attr_${snake(d.$getAtt[1])}`;
  if ('$sub' in d) {
    const body = d.$sub.replace(/[{}]/g, (c) => c + c).replace(/\$\{\{([^}]*)\}\}/g, (_, name: string) => `{${snake(name.replace(/[:.]/g, '_'))}}`);
    return `f${JSON.stringify(body)}`;
  }
  const [cond, a, b] = d.$if;
  return `(${value(a)} if ${snake(cond)} else ${value(b)})`;
}

/** How nested objects are written: a dict with keys as given, or a call of keyword arguments. */
type ObjectWriter = (path: string[], entries: [string, string][], indent: string) => string;

function pyValue(v: ScenarioValue, path: string[], indent: string, key: (path: string[]) => string, object: ObjectWriter): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return pyString(v);
  const self = (x: ScenarioValue) => pyValue(x, path, indent, key, object);
  if (isDynamic(v)) return dynamicText(v, self);
  if (Array.isArray(v)) return `[${v.map(self).join(', ')}]`;
  const entries = Object.entries(v).map(([k, x]): [string, string] => [key([...path, k]), pyValue(x, [...path, k], indent + '    ', key, object)]);
  return object(path, entries, indent);
}

/** The client's properties with the default `UserPoolId` the scenario implies. */
function clientProperties(s: Scenario): [string, ScenarioValue][] {
  const client: Record<string, ScenarioValue> = {};
  if (!s.noUserPoolId && !('UserPoolId' in s.client)) client.UserPoolId = { $ref: 'UserPool' };
  Object.assign(client, s.client);
  return Object.entries(client);
}

/** A boto3 `create_user_pool_client` call, one keyword argument per line, a non-ASCII comment above it. */
export const boto3Python: Renderer = {
  id: 'sdk-boto3-python',
  render(s) {
    const dict: ObjectWriter = (_path, entries, indent) =>
      entries.length === 0 ? '{}' : `{\n${entries.map(([k, x]) => `${indent}    ${pyString(k)}: ${x},\n`).join('')}${indent}}`;
    const args = clientProperties(s).map(([k, v]) => `        ${k}=${pyValue(v, [k], '        ', (path) => path[path.length - 1], dict)},\n`);
    const text =
      'import boto3\n\n' +
      'cognito = boto3.client("cognito-idp")\n\n' +
      'def create_client(user_pool, condition):\n' +
      '    # café ✓ — a non-ASCII line above the call\n' +
      `    return cognito.create_user_pool_client(\n${args.join('')}    )\n`;
    return { fileName: 'scenario.py', languageId: 'python', text };
  },
};

/** A CDK L1 `CfnUserPoolClient` in a stack: snake_case keywords, `...Property(...)` classes for nested objects. */
export const cdkL1Python: Renderer = {
  id: 'cdk-l1-python',
  render(s) {
    const key = (path: string[]) => spell(path, 'cdkPython');
    const object: ObjectWriter = (path, entries, indent) => {
      const known = propertySchema(path)?.type === 'object';
      const inner = entries.map(([k, x]) => `${indent}    ${known ? `${k}=` : `${pyString(k)}: `}${x},\n`).join('');
      if (!known) return entries.length === 0 ? '{}' : `{\n${inner}${indent}}`;
      return `cognito.CfnUserPoolClient.${path[path.length - 1]}Property(${entries.length === 0 ? '' : `\n${inner}${indent}`})`;
    };
    const args = clientProperties(s).map(([k, v]) => `            ${key([k])}=${pyValue(v, [k], '            ', key, object)},\n`);
    const id = s.clientName ?? 'Client';
    const text =
      'from aws_cdk import Stack, aws_cognito as cognito\n' +
      'from constructs import Construct\n\n\n' +
      'class ScenarioStack(Stack):\n' +
      '    def __init__(self, scope: Construct, construct_id: str, user_pool, condition) -> None:\n' +
      '        super().__init__(scope, construct_id)\n' +
      '        # café ✓ — a non-ASCII line above the construct\n' +
      `        cognito.CfnUserPoolClient(\n            self,\n            ${pyString(id)},\n${args.join('')}        )\n`;
    return { fileName: 'scenario.py', languageId: 'python', text };
  },
};

/** Both Python renderers. */
export const pythonRenderers: Renderer[] = [boto3Python, cdkL1Python];

/** A JSON value as Python (for tests that write literals). */
export function pyLiteral(value: JsonValue): string {
  return pyValue(value as ScenarioValue, [], '', (p) => p[p.length - 1], (_p, entries) => `{${entries.map(([k, x]) => `${pyString(k)}: ${x}`).join(', ')}}`);
}
