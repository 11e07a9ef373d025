/**
 * SDK targets: a `CreateUserPoolClientCommand` of the JavaScript SDK v3 (TypeScript) and a boto3
 * `create_user_pool_client` call, API names, defaults left out. One function per client; every
 * input is an argument of that function, with a comment saying what the source wrote there.
 */
import { spell } from '../schema';
import type { Written } from './declarative';
import { camel, NameSet, snake } from './names';
import { Input, inputsOf, writtenSettings, type ClientSettings, type Setting, type SettingsObject } from './settings';

/** The API settings with a name asked for as an input when the source has none (the API needs one). */
function apiValues(c: ClientSettings): SettingsObject {
  const values = writtenSettings(c.values);
  if (values.ClientName === undefined) return { ClientName: new Input('ClientName', 'no name: CloudFormation and the CDK generate one', 'string'), ...values };
  return values;
}

export function jsString(value: string): string {
  return `'${JSON.stringify(value).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

function jsKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : jsString(name);
}

const TS_TYPES: Record<Input['type'], string> = { string: 'string', integer: 'number', boolean: 'boolean', list: 'string[]', object: 'Record<string, unknown>' };

interface Arg {
  name: string;
  input: Input;
}

function argumentsOf(values: SettingsObject, style: (s: string) => string, reserved: string[]): { args: Arg[]; names: Map<Input, string> } {
  const taken = new NameSet(reserved);
  const names = new Map<Input, string>();
  const args: Arg[] = [];
  for (const input of inputsOf(values)) {
    const name = taken.take(style(input.name));
    names.set(input, name);
    args.push({ name, input });
  }
  return { args, names };
}

function jsValue(v: Setting, names: Map<Input, string>): string {
  if (v instanceof Input) return names.get(v)!;
  if (v === null) return 'null';
  if (typeof v === 'string') return jsString(v);
  if (typeof v !== 'object') return String(v);
  if (Array.isArray(v)) return `[${v.map((x) => jsValue(x, names)).join(', ')}]`;
  return `{ ${Object.entries(v).map(([k, x]) => `${jsKey(k)}: ${jsValue(x, names)}`).join(', ')} }`;
}

export function sdkTypeScript(clients: ClientSettings[]): Written {
  const fns = new NameSet(['client']);
  let text =
    "import { CognitoIdentityProviderClient, CreateUserPoolClientCommand } from '@aws-sdk/client-cognito-identity-provider';\n\n" +
    'const client = new CognitoIdentityProviderClient({});\n';
  for (const c of clients) {
    const values = apiValues(c);
    const { args, names } = argumentsOf(values, camel, ['client']);
    const fn = fns.take(camel(`create ${c.name}`));
    text += '\n';
    for (const a of args) text += `// ${a.name}: the source has ${a.input.reason}\n`;
    const params = args.map((a) => `${a.name}: ${TS_TYPES[a.input.type]}`).join(', ');
    text += `export async function ${fn}(${params}) {\n  return client.send(\n    new CreateUserPoolClientCommand({\n`;
    for (const [k, v] of Object.entries(values)) text += `      ${jsKey(spell([k], 'api'))}: ${jsValue(v, names)},\n`;
    text += '    }),\n  );\n}\n';
  }
  return { text, notes: [] };
}

export function pyString(value: string): string {
  return JSON.stringify(value);
}

function pyValue(v: Setting, names: Map<Input, string>): string {
  if (v instanceof Input) return names.get(v)!;
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return pyString(v);
  if (Array.isArray(v)) return `[${v.map((x) => pyValue(x, names)).join(', ')}]`;
  return `{${Object.entries(v).map(([k, x]) => `${pyString(k)}: ${pyValue(x, names)}`).join(', ')}}`;
}

export function boto3(clients: ClientSettings[]): Written {
  const fns = new NameSet(['cognito', 'boto3']);
  let text = 'import boto3\n\ncognito = boto3.client("cognito-idp")\n';
  for (const c of clients) {
    const values = apiValues(c);
    const { args, names } = argumentsOf(values, snake, ['cognito', 'boto3']);
    const fn = fns.take(snake(`create ${c.name}`));
    text += '\n\n';
    for (const a of args) text += `# ${a.name}: the source has ${a.input.reason}\n`;
    text += `def ${fn}(${args.map((a) => a.name).join(', ')}):\n    return cognito.create_user_pool_client(\n`;
    for (const [k, v] of Object.entries(values)) text += `        ${spell([k], 'api')}=${pyValue(v, names)},\n`;
    text += '    )\n';
  }
  return { text, notes: [] };
}
