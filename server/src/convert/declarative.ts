/**
 * Declarative targets: CloudFormation (YAML, JSON), Terraform (HCL, JSON) and the API request
 * (`--cli-input-json`). Each writes the settings with the target's names (from the schema), the
 * defaults left out and token lifetimes in units that read well (./settings.ts `writtenSettings`);
 * an input becomes a template parameter, a Terraform variable, or, in a request file that has no
 * inputs nor comments, the CLI skeleton's empty placeholder, named in the conversion's notes.
 */
import { stringify as yamlStringify } from 'yaml';
import { isRequiredIn, propertySchema, schema, spell } from '../schema';
import { NameSet, pascal, snake } from './names';
import { Input, inputsOf, writtenSettings, type ClientSettings, type Setting, type SettingsObject } from './settings';

export interface Written {
  text: string;
  /** What the reader of the converted text must know (placeholders to fill in, ...). */
  notes: string[];
}

/** The settings a target writes for a client, with a name added as an input where the target needs one. */
function withRequiredName(c: ClientSettings, context: 'terraform' | 'create'): SettingsObject {
  const values = writtenSettings(c.values);
  if (values.ClientName === undefined && isRequiredIn(propertySchema(['ClientName'])!, context)) {
    return { ClientName: new Input('ClientName', 'no name: CloudFormation and the CDK generate one', 'string'), ...values };
  }
  return values;
}

/** A resource / logical id for a client: letters and digits (CloudFormation), unique. */
function logicalId(name: string, ids: NameSet): string {
  const id = name.replace(/[^A-Za-z0-9]/g, '');
  return ids.take(/^[A-Za-z]/.test(id) ? id : `Client${id}`);
}

// ---------------------------------------------------------------------------------------------
// CloudFormation

const PARAMETER_TYPES: Record<Input['type'], string> = { string: 'String', integer: 'Number', boolean: 'String', list: 'CommaDelimitedList', object: 'String' };

function cloudFormationTemplate(clients: ClientSettings[]): Record<string, unknown> {
  const ids = new NameSet();
  const paramNames = new NameSet();
  const parameters: Record<string, unknown> = {};
  const resources: Record<string, unknown> = {};
  const reserved = clients.map((c) => logicalId(c.name, new NameSet()));
  for (const r of reserved) paramNames.take(r);
  for (const c of clients) {
    const values = writtenSettings(c.values);
    const names = new Map<Input, string>();
    for (const input of inputsOf(values)) {
      const name = paramNames.take(pascal(input.name));
      names.set(input, name);
      parameters[name] = {
        Type: PARAMETER_TYPES[input.type],
        ...(input.type === 'boolean' ? { AllowedValues: ['true', 'false'] } : {}),
        Description: `${c.name}: ${input.name} (the source has ${input.reason})`,
      };
    }
    const plain = (v: Setting): unknown => {
      if (v instanceof Input) return { Ref: names.get(v)! };
      if (Array.isArray(v)) return v.map(plain);
      if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
      return v;
    };
    resources[logicalId(c.name, ids)] = { Type: schema.resource.cloudformationType, Properties: plain(values) };
  }
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'Converted by cognito-client-lint',
    ...(Object.keys(parameters).length > 0 ? { Parameters: parameters } : {}),
    Resources: resources,
  };
}

export function cloudFormationYaml(clients: ClientSettings[]): Written {
  const text = yamlStringify(cloudFormationTemplate(clients), { lineWidth: 0, defaultStringType: 'PLAIN' });
  return { text, notes: [] };
}

export function cloudFormationJson(clients: ClientSettings[]): Written {
  return { text: JSON.stringify(cloudFormationTemplate(clients), null, 2) + '\n', notes: [] };
}

// ---------------------------------------------------------------------------------------------
// Terraform

const VARIABLE_TYPES: Record<Input['type'], string> = { string: 'string', integer: 'number', boolean: 'bool', list: 'list(string)', object: 'any' };

interface TfClient {
  label: string;
  values: SettingsObject;
  vars: Map<Input, string>;
}

function terraformClients(clients: ClientSettings[]): { list: TfClient[]; variables: { name: string; type: string; description: string }[] } {
  const labels = new NameSet();
  const varNames = new NameSet();
  const variables: { name: string; type: string; description: string }[] = [];
  const list = clients.map((c) => {
    const values = withRequiredName(c, 'terraform');
    const vars = new Map<Input, string>();
    for (const input of inputsOf(values)) {
      const name = varNames.take(snake(input.name));
      vars.set(input, name);
      variables.push({ name, type: VARIABLE_TYPES[input.type], description: `${c.name}: ${input.name} (the source has ${input.reason})` });
    }
    return { label: labels.take(snake(c.name) || 'client'), values, vars };
  });
  return { list, variables };
}

/** A Terraform string literal (HCL and JSON strings are templates: `${` and `%{` escaped). */
function tfTemplateText(s: string): string {
  return s.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

function hclValue(v: Setting, vars: Map<Input, string>): string {
  if (v instanceof Input) return `var.${vars.get(v)}`;
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(tfTemplateText(v));
  if (typeof v !== 'object') return String(v);
  if (Array.isArray(v)) return `[${v.map((x) => hclValue(x, vars)).join(', ')}]`;
  return `{ ${Object.entries(v).map(([k, x]) => `${k} = ${hclValue(x, vars)}`).join(', ')} }`;
}

function hclBody(values: SettingsObject, path: string[], vars: Map<Input, string>, indent: string): string {
  const entries = Object.entries(values);
  const attributes = entries.filter(([k, v]) => !isBlock([...path, k], v));
  const blocks = entries.filter(([k, v]) => isBlock([...path, k], v));
  const width = Math.max(0, ...attributes.map(([k]) => spell([...path, k], 'terraform').length));
  let out = attributes.map(([k, v]) => `${indent}${spell([...path, k], 'terraform').padEnd(width)} = ${hclValue(v, vars)}\n`).join('');
  for (const [k, v] of blocks) out += `\n${indent}${spell([...path, k], 'terraform')} {\n${hclBody(v as SettingsObject, [...path, k], vars, indent + '  ')}${indent}}\n`;
  return out;
}

function isBlock(path: string[], v: Setting): boolean {
  return propertySchema(path)?.terraformBlock === true && v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Input);
}

export function terraformHcl(clients: ClientSettings[]): Written {
  const { list, variables } = terraformClients(clients);
  let text = '';
  for (const v of variables) text += `variable "${v.name}" {\n  type        = ${v.type}\n  description = ${JSON.stringify(tfTemplateText(v.description))}\n}\n\n`;
  text += list.map((c) => `resource "${schema.resource.terraformType}" "${c.label}" {\n${hclBody(c.values, [], c.vars, '  ')}}\n`).join('\n');
  return { text, notes: [] };
}

function tfJsonValue(v: Setting, path: string[], vars: Map<Input, string>): unknown {
  if (v instanceof Input) return `\${var.${vars.get(v)}}`;
  if (typeof v === 'string') return tfTemplateText(v);
  if (Array.isArray(v)) return v.map((x) => tfJsonValue(x, path, vars));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [spell([...path, k], 'terraform'), tfJsonValue(x, [...path, k], vars)]));
  return v;
}

export function terraformJson(clients: ClientSettings[]): Written {
  const { list, variables } = terraformClients(clients);
  const doc: Record<string, unknown> = {};
  if (variables.length > 0) doc.variable = Object.fromEntries(variables.map((v) => [v.name, { type: v.type, description: v.description }]));
  doc.resource = { [schema.resource.terraformType]: Object.fromEntries(list.map((c) => [c.label, tfJsonValue(c.values, [], c.vars)])) };
  return { text: JSON.stringify(doc, null, 2) + '\n', notes: [] };
}

// ---------------------------------------------------------------------------------------------
// The API request (`aws cognito-idp create-user-pool-client --cli-input-json file://...`)

const PLACEHOLDERS: Record<Input['type'], unknown> = { string: '', integer: 0, boolean: false, list: [], object: {} };

export function cliInputJson(clients: ClientSettings[]): Written {
  if (clients.length !== 1) throw new Error(`a request holds one client; choose one of ${clients.map((c) => c.name).join(', ')} (--client NAME)`);
  const c = clients[0];
  const values = withRequiredName(c, 'create');
  const notes: string[] = [];
  // While an identifier is a blank placeholder, readers take the file for a skeleton being filled in.
  const skeleton = values.UserPoolId instanceof Input || values.ClientName instanceof Input;
  const plain = (v: Setting, path: string): unknown => {
    if (v instanceof Input) {
      notes.push(`${path} is a placeholder (${JSON.stringify(PLACEHOLDERS[v.type])}): the source has ${v.reason}; fill it in before sending the request`);
      return PLACEHOLDERS[v.type];
    }
    // The CLI's skeleton writes these as blanks to fill in: a reader of a request cannot tell them from unset values.
    if (skeleton && (v === false || v === 0 || v === '' || (Array.isArray(v) && v.length === 0) || (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0))) {
      notes.push(`${path} is ${JSON.stringify(v)}, which is also how a --generate-cli-skeleton file leaves a member blank: until the placeholders are filled in, readers of the request take it as not set`);
    }
    if (Array.isArray(v)) return v.map((x, i) => plain(x, `${path}[${i}]`));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x, `${path}.${k}`)]));
    return v;
  };
  const out = Object.fromEntries(Object.entries(values).map(([k, v]) => [spell([k], 'api'), plain(v, k)]));
  return { text: JSON.stringify(out, null, 2) + '\n', notes };
}
