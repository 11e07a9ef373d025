/**
 * Scenario renderers for the JavaScript / TypeScript code surfaces: the client of a scenario as
 * an SDK v3 command (TypeScript), an SDK v2 call with `.promise()` (JavaScript), and the CDK L1
 * `CfnUserPoolClient` (TypeScript, the CDK's camelCase names).
 *
 * Code files hold one call and nothing around it: the scenario's other resources (user pools,
 * identity providers, resource servers), parameters, conditions, `DependsOn` and outputs are not
 * rendered, so rule cases that need them cannot fire here. Dynamic values become what code writes
 * instead, each read as Unknown: `$ref` a name (`AWS::NoValue` is `undefined`), `$getAtt` a member
 * of a name, `$sub` a template literal with substitutions, `$if` a conditional expression.
 * SDK calls need a `ClientName` (CloudFormation does not), so one is added when the scenario has none.
 */
import type { Spelling } from '../../server/src/model';
import { canonicalName, spell } from '../../server/src/schema';
import { isDynamic, type Renderer, type Scenario, type ScenarioValue } from './scenario';

/** A name in code for a logical id or parameter (`UserPool` -> `userPool`). */
function nameOf(id: string): string {
  const word = id.replace(/[^A-Za-z0-9_$]/g, '');
  const name = word.charAt(0).toLowerCase() + word.slice(1);
  return /^[A-Za-z_$]/.test(name) ? name : `_${name}`;
}

function jsString(value: string): string {
  return `'${JSON.stringify(value).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

function jsKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : jsString(name);
}

interface Options {
  spelling: Spelling;
  /** How `$ref` to a resource reads in this kind of code (`userPool`, `userPool.ref`). */
  ref: (id: string) => string;
}

/** A scenario value as a JS expression, on one line; `path` is the canonical path (undefined below an unknown name). */
function jsValue(v: ScenarioValue, path: string[] | undefined, o: Options): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return jsString(v);
  if (typeof v !== 'object') return String(v);
  if (isDynamic(v)) {
    if ('$ref' in v) return v.$ref === 'AWS::NoValue' ? 'undefined' : v.$ref.startsWith('AWS::') ? `aws.${nameOf(v.$ref.slice(5))}` : o.ref(v.$ref);
    if ('$getAtt' in v) return `${nameOf(v.$getAtt[0])}.attr${v.$getAtt[1].replace(/\W/g, '')}`;
    if ('$sub' in v) {
      const body = v.$sub.replace(/[`\\]/g, (c) => `\\${c}`).replace(/\$\{([^}]*)\}/g, (_m, name: string) => `\${${nameOf(name.split('.')[0].replace(/^AWS::/, ''))}}`);
      return body.includes('${') ? `\`${body}\`` : `String(\`${body}\`)`;
    }
    const [cond, a, b] = v.$if;
    return `${nameOf(cond)} ? ${jsValue(a, path, o)} : ${jsValue(b, path, o)}`;
  }
  if (Array.isArray(v)) return `[${v.map((x) => jsValue(x, path, o)).join(', ')}]`;
  return `{ ${Object.entries(v).map(([k, x]) => member(k, x, path, o)).join(', ')} }`;
}

/** `key: value`, the key spelled for the surface (an unknown name is written as it is). */
function member(key: string, v: ScenarioValue, parent: string[] | undefined, o: Options): string {
  const known = parent && canonicalName(key, 'cloudformation', parent) !== undefined ? [...parent, key] : undefined;
  const written = known ? spell(known, o.spelling) : key;
  return `${jsKey(written)}: ${jsValue(v, known, o)}`;
}

/** The client's properties as the lines of a multi-line object literal at `indent`. */
function body(s: Scenario, o: Options, indent: string, addClientName: boolean): string {
  const props: Record<string, ScenarioValue> = {};
  if (!s.noUserPoolId && !('UserPoolId' in s.client)) props.UserPoolId = { $ref: 'UserPool' };
  if (addClientName && !('ClientName' in s.client)) props.ClientName = 'client';
  Object.assign(props, s.client);
  const lines = Object.entries(props).map(([k, v]) => `${indent}${member(k, v, [], o)},\n`);
  return `{\n${lines.join('')}${indent.slice(2)}}`;
}

const BANNER = '// café ✓ — a non-ASCII line above the client\n';

/** SDK v3: `client.send(new CreateUserPoolClientCommand({...}))` in TypeScript. */
export const sdkTypeScript: Renderer = {
  id: 'sdk-typescript',
  render(s) {
    const o: Options = { spelling: 'api', ref: nameOf };
    const text =
      BANNER +
      "import { CognitoIdentityProviderClient, CreateUserPoolClientCommand } from '@aws-sdk/client-cognito-identity-provider';\n\n" +
      'const client = new CognitoIdentityProviderClient({});\n\n' +
      `export async function create${nameOf(s.clientName ?? 'Client').replace(/^./, (c) => c.toUpperCase())}(): Promise<void> {\n` +
      `  await client.send(new CreateUserPoolClientCommand(${body(s, o, '    ', true)}));\n` +
      '}\n';
    return { fileName: 'scenario.ts', languageId: 'typescript', text };
  },
};

/** SDK v2: a params object built first, then `cognito.createUserPoolClient(params).promise()`, in JavaScript. */
export const sdkJavaScriptV2: Renderer = {
  id: 'sdk-javascript-v2',
  render(s) {
    const o: Options = { spelling: 'api', ref: nameOf };
    const text =
      BANNER +
      "const AWS = require('aws-sdk');\n\n" +
      'const cognito = new AWS.CognitoIdentityServiceProvider();\n\n' +
      'async function main() {\n' +
      `  const params = ${body(s, o, '    ', true)};\n` +
      '  const result = await cognito.createUserPoolClient(params).promise();\n' +
      '  return result.UserPoolClient;\n' +
      '}\n\n' +
      'module.exports = { main };\n';
    return { fileName: 'scenario.js', languageId: 'javascript', text };
  },
};

/** The CDK L1 construct in a stack, TypeScript, the CDK's camelCase names. */
export const cdkL1TypeScript: Renderer = {
  id: 'cdk-l1-typescript',
  render(s) {
    const o: Options = { spelling: 'cdk', ref: (id) => `${nameOf(id)}.ref` };
    const text =
      BANNER +
      "import { Stack, type StackProps } from 'aws-cdk-lib';\n" +
      "import * as cognito from 'aws-cdk-lib/aws-cognito';\n" +
      "import type { Construct } from 'constructs';\n\n" +
      'export class ClientStack extends Stack {\n' +
      '  constructor(scope: Construct, id: string, props?: StackProps) {\n' +
      '    super(scope, id, props);\n' +
      `    new cognito.CfnUserPoolClient(this, ${jsString(s.clientName ?? 'Client')}, ${body(s, o, '      ', false)});\n` +
      '  }\n' +
      '}\n';
    return { fileName: 'stack.ts', languageId: 'typescript', text };
  },
};

/** The JS / TS code renderers. */
export const javascriptRenderers: Renderer[] = [sdkTypeScript, sdkJavaScriptV2, cdkL1TypeScript];
