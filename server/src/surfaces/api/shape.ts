/**
 * The API's own shape: JSON documents that hold a user pool client as the Cognito API writes it,
 * recognised by their content, not their name.
 *
 * Recognised:
 * - a DescribeUserPoolClient (or CreateUserPoolClient) response, `{"UserPoolClient": {...}}`: the
 *   root holds that one key, and its object holds `UserPoolId` and `ClientId`;
 * - a CreateUserPoolClient or UpdateUserPoolClient request (what `--cli-input-json` takes): a root
 *   object with `UserPoolId` and `ClientName` (create) or `ClientId` (update: `ClientId` decides),
 *   every key of which is a request member or a near miss of one (differing in case or
 *   punctuation only, so `CallbackUrls` is still read, and reported), or a key still being typed
 *   (written without a value).
 * Anything else is not read: a CloudFormation template, a Terraform JSON file, a `package.json`.
 * The check is cheap: text without `"UserPoolId"`, or with a `"Type"` key (every CloudFormation
 * resource has one; no API member is called that), is never parsed here.
 *
 * Placeholders are "not set yet", not errors:
 * - a request whose identifier (`UserPoolId`, `ClientName` or `ClientId`) is still `""` is a
 *   `--generate-cli-skeleton` being filled in: there `""`, `0`, `false`, lists of only `""` and
 *   objects of only placeholders read as not set;
 * - in a response, a token validity of `0` is how the API reports one that was never set.
 * A placeholder stays in the body (so a fix replaces it in place) as an Unknown value, and is left
 * out of `properties` (so rules and the effective client see the default), except the identifiers,
 * which stay there (Unknown) so that they are not reported missing.
 *
 * Values are plain JSON literals: nothing in such a file is unknown but placeholders.
 */
import type { Node as JsonNode } from 'jsonc-parser';
import { type ClientDefinition, type DocumentModel, type LocatedProperty, type LocatedValue, type Operation, type ParseProblem, type Span, emptyFileContext } from '../../model';
import { isInputIn, propertySchema, schema } from '../../schema';
import { parseJson, PLAIN_STRINGS, readJsonValue, spanOf } from '../json-values';
import { canonicalised } from '../sdk/model';

/** The key a response wraps the client in. */
export const RESPONSE_KEY = 'UserPoolClient';

/** What a document holds, when it is in the API's shape. */
export interface ApiShape {
  operation: Extract<Operation, 'create' | 'update' | 'describe'>;
  root: JsonNode;
  /** The client object: the root for a request, the `UserPoolClient` object for a response. */
  client: JsonNode;
  /** For a response: the `"UserPoolClient": {...}` member. */
  wrapper?: JsonNode;
  problems: ParseProblem[];
}

/** Text that may hold the API shape (a cheap look, before any parsing). */
export function mayBeApiShape(text: string): boolean {
  return /"UserPoolId"\s*:/.test(text) && !/"Type"\s*:/.test(text);
}

/** A key with case and punctuation taken out, for near misses (`CallbackUrls` ~ `CallbackURLs`). */
function folded(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

let requestMembers: Set<string> | undefined;

/** The API names of every member of a create or update request, folded. */
function isRequestMember(key: string): boolean {
  if (!requestMembers) {
    requestMembers = new Set();
    for (const prop of Object.values(schema.properties)) {
      const name = prop.names.api;
      if (name !== undefined && (isInputIn(prop, 'create') || isInputIn(prop, 'update'))) requestMembers.add(folded(name));
    }
  }
  return requestMembers.has(folded(key));
}

/** The members of an object node by key (the last one of a key written twice). */
function membersOf(node: JsonNode | undefined): Map<string, JsonNode> {
  const out = new Map<string, JsonNode>();
  if (node?.type !== 'object') return out;
  for (const prop of node.children ?? []) {
    const key = prop.children?.[0];
    if (key) out.set(String(key.value), prop);
  }
  return out;
}

let last: { text: string; shape: ApiShape | undefined } | undefined;

/** The API shape of a text, or undefined when it is not one. The last answer is kept (accepts, then parse). Never throws. */
export function apiShapeOf(text: string): ApiShape | undefined {
  if (last?.text === text) return last.shape;
  let shape: ApiShape | undefined;
  try {
    shape = mayBeApiShape(text) ? recognise(text) : undefined;
  } catch {
    shape = undefined;
  }
  last = { text, shape };
  return shape;
}

function recognise(text: string): ApiShape | undefined {
  const problems: ParseProblem[] = [];
  const root = parseJson(text, problems);
  if (root?.type !== 'object') return undefined;
  const top = membersOf(root);
  const wrapper = top.get(RESPONSE_KEY);
  if (wrapper && top.size === 1) {
    const client = wrapper.children?.[1];
    const inner = membersOf(client);
    if (client?.type === 'object' && inner.has('UserPoolId') && inner.has('ClientId')) return { operation: 'describe', root, client, wrapper, problems };
    return undefined;
  }
  if (!top.has('UserPoolId') || !(top.has('ClientName') || top.has('ClientId'))) return undefined;
  // A key still being typed (no value yet) does not decide what the document is.
  for (const [key, prop] of top) if (prop.children?.[1] !== undefined && !isRequestMember(key)) return undefined;
  return { operation: top.has('ClientId') ? 'update' : 'create', root, client: root, problems };
}

/** The members that identify the client in a request: kept in `properties` even as placeholders. */
const IDENTIFIERS = new Set(['UserPoolId', 'ClientName', 'ClientId']);

/** Whether a request is a skeleton being filled in: one of its identifiers is still `""`. */
function isSkeleton(body: LocatedValue): boolean {
  if (body.kind !== 'object') return false;
  return body.members.some((m) => m.canonical !== undefined && IDENTIFIERS.has(m.canonical) && m.value.kind === 'string' && m.value.value === '');
}

/** Whether a value is a skeleton placeholder: `""`, `0`, `false`, a list of only `""`, an object of only placeholders. */
function isSkeletonPlaceholder(value: LocatedValue): boolean {
  switch (value.kind) {
    case 'string':
      return value.value === '';
    case 'number':
      return value.value === 0;
    case 'boolean':
      return value.value === false;
    case 'list':
      return value.items.length > 0 && value.items.every((item) => item.kind === 'string' && item.value === '');
    case 'object':
      return value.members.every((m) => isSkeletonPlaceholder(m.value));
    default:
      return false;
  }
}

/** In a response: a token validity of 0 is one that was never set. */
function isUnsetInResponse(path: readonly string[], value: LocatedValue): boolean {
  return value.kind === 'number' && value.value === 0 && propertySchema(path)?.duration !== undefined;
}

const PLACEHOLDER_REASON = 'a placeholder (not set yet)';

function placeholder(span: Span): LocatedValue {
  return { kind: 'unknown', reason: PLACEHOLDER_REASON, span };
}

/** The member with placeholders below it made Unknown; `path` is its canonical path (undefined for an unknown name). */
function withPlaceholders(member: LocatedProperty, path: string[] | undefined, test: (path: readonly string[], value: LocatedValue) => boolean): LocatedProperty {
  if (!path) return member;
  if (test(path, member.value)) return { ...member, value: placeholder(member.value.span) };
  if (member.value.kind !== 'object') return member;
  const members = member.value.members.map((m) => withPlaceholders(m, m.canonical !== undefined ? [...path, m.canonical] : undefined, test));
  return { ...member, value: { ...member.value, members } };
}

/** Whether a value was read as a placeholder. */
export function isPlaceholder(value: LocatedValue): boolean {
  return value.kind === 'unknown' && value.reason === PLACEHOLDER_REASON;
}

const NAMES: Record<ApiShape['operation'], string> = { create: 'CreateUserPoolClient', update: 'UpdateUserPoolClient', describe: 'DescribeUserPoolClient' };

/** The model of a document in the API's shape. Never throws. */
export function apiModel(text: string, shape: ApiShape): DocumentModel {
  const model: DocumentModel = { surface: 'sdk', clients: [], context: emptyFileContext(), problems: [...shape.problems] };
  const read = readJsonValue(shape.client, text, PLAIN_STRINGS);
  const body = canonicalised(read, 'api', []);
  if (body.kind !== 'object') return model;
  const describe = shape.operation === 'describe';
  const skeleton = !describe && isSkeleton(body);
  const test = skeleton ? (_path: readonly string[], value: LocatedValue) => isSkeletonPlaceholder(value) : describe ? isUnsetInResponse : undefined;
  const members = test ? body.members.map((m) => withPlaceholders(m, m.canonical !== undefined ? [m.canonical] : undefined, test)) : body.members;
  const finalBody = { ...body, members };
  const properties = new Map<string, LocatedProperty>();
  for (const m of members) {
    if (m.canonical === undefined) continue;
    if (isPlaceholder(m.value) && !IDENTIFIERS.has(m.canonical)) {
      properties.delete(m.canonical);
      continue;
    }
    properties.set(m.canonical, m);
  }
  const named = (key: string) => members.find((m) => m.canonical === key && m.name === key);
  const nameSpan = describe ? spanOf(shape.wrapper!.children![0]) : (named(shape.operation === 'update' ? 'ClientId' : 'ClientName') ?? members[0])?.keySpan ?? { start: shape.root.offset, end: shape.root.offset + 1 };
  const def: ClientDefinition = {
    surface: 'sdk',
    spelling: 'api',
    operation: shape.operation,
    name: NAMES[shape.operation],
    span: describe ? spanOf(shape.wrapper!) : spanOf(shape.root),
    nameSpan,
    body: finalBody,
    properties,
    dependsOn: [],
    references: new Set<string>(),
  };
  model.clients.push(def);
  return model;
}
