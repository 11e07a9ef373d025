/**
 * Scenario renderers for the API's own shape (server/src/surfaces/api/): the client of a scenario
 * as a CreateUserPoolClient request (`--cli-input-json`, two-space indentation) and as a
 * DescribeUserPoolClient result (`{"UserPoolClient": {...}}`, four spaces, as the AWS CLI prints).
 *
 * These files hold one client and only literals: the scenario's other resources, parameters,
 * conditions, `DependsOn` and outputs are not rendered, and a dynamic value has no way to be written,
 * so it is left out (a list item, a member) — the file then says the value is not set, which is not
 * the same as unknown; the differences this makes are listed where the rule cases run. The pool
 * reference becomes a literal pool id, and a `ClientName` is added when the scenario has none or a
 * dynamic one (the request needs one to be recognised). The describe result adds what the service reports: the
 * client id, the dates, and the secret in place of `GenerateSecret: true` (a describe result has no
 * `GenerateSecret`).
 */
import { isDynamic, type Renderer, type Scenario, type ScenarioValue } from './scenario';

/** A pool id as the API writes one. */
export const API_POOL_ID = 'us-east-1_AbCdEf123';
const CLIENT_ID = '4example1clientid2abcdef3g';
const SECRET = 'q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c2v3b4n5m6';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** A scenario value as plain JSON; undefined for a dynamic value (left out). */
function literal(v: ScenarioValue): Json | undefined {
  if (v === null || typeof v !== 'object') return v;
  if (isDynamic(v)) return undefined;
  if (Array.isArray(v)) return v.map(literal).filter((x): x is Json => x !== undefined);
  const out: { [key: string]: Json } = {};
  for (const [k, x] of Object.entries(v)) {
    const l = literal(x);
    if (l !== undefined) out[k] = l;
  }
  return out;
}

/** The client's members as a request writes them. */
function requestMembers(s: Scenario): { [key: string]: Json } {
  const out: { [key: string]: Json } = {};
  if (!s.noUserPoolId) out.UserPoolId = API_POOL_ID;
  if (!('ClientName' in s.client)) out.ClientName = 'client';
  for (const [k, v] of Object.entries(s.client)) {
    if (k === 'UserPoolId') {
      // a reference to the pool is its id; anything else as written (a dynamic value is left out)
      const l = isDynamic(v as ScenarioValue) ? ('$ref' in (v as object) && (v as { $ref: string }).$ref === 'UserPool' ? API_POOL_ID : undefined) : literal(v);
      if (l === undefined) delete out.UserPoolId;
      else out.UserPoolId = l;
      continue;
    }
    const l = literal(v);
    if (l !== undefined) out[k] = l;
    // the name identifies a request: a dynamic one is written as a name, not left out
    else if (k === 'ClientName') out[k] = 'client';
  }
  return out;
}

/** A CreateUserPoolClient request, as `--cli-input-json` takes it. */
export const apiCreateRequest: Renderer = {
  id: 'api-create-request',
  render(s) {
    return { fileName: 'create-client.json', languageId: 'json', text: JSON.stringify(requestMembers(s), null, 2) + '\n' };
  },
};

/** A DescribeUserPoolClient result, as `aws cognito-idp describe-user-pool-client` prints it. */
export const apiDescribeResult: Renderer = {
  id: 'api-describe-result',
  render(s) {
    const members = requestMembers(s);
    const client: { [key: string]: Json } = {};
    for (const [k, v] of Object.entries(members)) {
      if (k === 'GenerateSecret') {
        if (v === true) client.ClientSecret = SECRET;
        continue;
      }
      client[k] = v;
      if (k === 'ClientName') client.ClientId = CLIENT_ID;
    }
    if (!('ClientId' in client)) client.ClientId = CLIENT_ID;
    client.LastModifiedDate = '2024-05-01T10:00:00.000000+00:00';
    client.CreationDate = '2024-05-01T10:00:00.000000+00:00';
    return { fileName: 'describe-client.json', languageId: 'json', text: JSON.stringify({ UserPoolClient: client }, null, 4) + '\n' };
  },
};

/** The API-shape renderers. */
export const apiRenderers: Renderer[] = [apiCreateRequest, apiDescribeResult];
