/**
 * The template walk shared by the YAML and JSON readers: finds the resources, turns every user pool
 * client resource into a `ClientDefinition`, and collects the file facts the cross-resource rules
 * need (parameters, every resource's type, user pools, identity providers, resource servers).
 *
 * Where resources are looked for:
 * - a template's `Resources` map (CloudFormation, SAM, Rain modules, CDK output);
 * - a Serverless Framework file's `resources.Resources`, or each fragment of a `resources` list;
 * - a bare resources fragment (a file whose top-level entries are themselves resources, as included
 *   by Serverless `${file(...)}`), which is never `complete`.
 * A file is `complete` only when its resources are all literally there: no fragment, no unknown
 * macro `Transform`, no `Fn::ForEach` or `Fn::Transform` in `Resources`, no Serverless function
 * that makes the framework generate a user pool.
 *
 * The clients in a `Fn::ForEach` loop's body are read once each (with the loop variable unknown and
 * the loop named on the definition), though the loop still makes the file incomplete. Of a key
 * written twice, the last one counts, as YAML and JSON loaders keep it.
 */
import {
  type ClientDefinition,
  type DocumentModel,
  type FileContext,
  type IdentityProviderInfo,
  type LocatedProperty,
  type ParseProblem,
  type ResourceServerInfo,
  type UserPoolInfo,
  emptyFileContext,
} from '../../model';
import { schema, vocabulary } from '../../schema';
import { hasServerlessVariable, intrinsicOf, referenceOf, subReferences } from './intrinsics';
import { toValue } from './located';
import { type MapNode, type PairNode, type TemplateNode, get, literalString, pairOf } from './nodes';

/** A model with nothing in it. */
export function emptyModel(problems: ParseProblem[] = []): DocumentModel {
  return { surface: 'cloudformation', clients: [], context: emptyFileContext(), problems };
}

/** Build the document model from a read tree. */
export function modelOf(root: TemplateNode | undefined, problems: ParseProblem[]): DocumentModel {
  const model = emptyModel(problems);
  if (!root || root.kind !== 'map' || intrinsicOf(root)) return model;
  const found = findResources(root);
  const context = model.context;
  context.complete = found.complete;
  for (const params of found.parameters) {
    for (const pair of params.pairs) context.parameters.add(pair.key);
  }
  const standard = new Set(vocabulary('standardAttributes').map((entry) => entry.value));
  for (const section of found.sections) {
    for (const pair of section.pairs) {
      const resource = pair.value;
      if (pair.key.startsWith(FOR_EACH)) {
        // Resources made by a loop: not all literally there, but the clients among them are checked once each.
        context.complete = false;
        model.clients.push(...loopClients(pair, [], 0));
        continue;
      }
      if (pair.key.startsWith('Fn::') || resource.kind !== 'map' || intrinsicOf(resource) || resource.tag !== undefined) {
        // `Fn::ForEach::*`, an included or generated entry: resources may be hidden here.
        context.complete = false;
        continue;
      }
      const type = literalText(get(resource, 'Type')) ?? '';
      if (!context.resources.has(pair.key)) context.resources.set(pair.key, type);
      if (type === schema.resource.cloudformationType) model.clients.push(clientOf(pair, resource));
      else if (type === schema.relatedTypes.userPool.cloudformation) addUserPool(context, pair, resource, standard);
      else if (type === schema.relatedTypes.identityProvider.cloudformation) context.identityProviders.push(identityProviderOf(pair, resource));
      else if (type === schema.relatedTypes.resourceServer.cloudformation) context.resourceServers.push(resourceServerOf(pair, resource));
    }
  }
  const clientIds = new Set(model.clients.map((c) => c.name));
  for (const outputs of found.outputs) {
    for (const pair of outputs.pairs) {
      if (pair.value.kind !== 'map') continue;
      const value = get(pair.value, 'Value');
      if (!value) continue;
      const exported = pairOf(pair.value, 'Export') !== undefined;
      for (const client of secretReferences(value)) {
        if (clientIds.has(client)) context.secretOutputs.push({ client, name: pair.key, span: pair.span, exported });
      }
    }
  }
  return model;
}

/** The key prefix of a loop (`Fn::ForEach::Apps`) of the `AWS::LanguageExtensions` transform. */
const FOR_EACH = 'Fn::ForEach::';

/**
 * The clients a `Fn::ForEach::Name: [Variable, Collection, {OutputKey: resource, ...}]` loop makes,
 * each read once from its body with the loop variables (`${App}`, `&{App}`) unknown; loops nested
 * in the output map are followed.
 */
function loopClients(loop: PairNode, outer: { label: string; variable: string }[], depth: number): ClientDefinition[] {
  const args = loop.value;
  if (depth > 5 || args.kind !== 'seq' || args.tag !== undefined || args.items.length !== 3) return [];
  const variable = literalString(args.items[0]);
  const output = args.items[2];
  if (variable === undefined || !isPlainMap(output)) return [];
  const loops = [...outer, { label: loop.key, variable }];
  const clients: ClientDefinition[] = [];
  for (const pair of output.pairs) {
    if (pair.key.startsWith(FOR_EACH)) {
      clients.push(...loopClients(pair, loops, depth + 1));
      continue;
    }
    if (!isPlainMap(pair.value) || literalText(get(pair.value, 'Type')) !== schema.resource.cloudformationType) continue;
    const client = clientOf(pair, withLoopVariables(pair.value, loops.map((l) => l.variable), 0) as MapNode);
    client.loop = loops.map((l) => `${l.label} (for each ${l.variable})`).join(', ');
    clients.push(client);
  }
  return clients;
}

/** A node with every string that uses a loop variable (`${App}`, `&{App}`) made unknown. */
function withLoopVariables(node: TemplateNode, variables: readonly string[], depth: number): TemplateNode {
  if (depth > 50) return node;
  if (node.kind === 'scalar') {
    const text = node.value;
    if (typeof text !== 'string') return node;
    const used = variables.find((v) => text.includes('${' + v + '}') || text.includes('&{' + v + '}'));
    return used === undefined || node.tag !== undefined ? node : { kind: 'opaque', reason: '${' + used + '}', span: node.span };
  }
  if (node.kind === 'seq') return { ...node, items: node.items.map((item) => withLoopVariables(item, variables, depth + 1)) };
  if (node.kind === 'map') return { ...node, pairs: node.pairs.map((p) => ({ ...p, value: withLoopVariables(p.value, variables, depth + 1) })) };
  return node;
}

/** The attribute a template reads a client's secret through (`!GetAtt Client.ClientSecret`). */
const SECRET_ATTRIBUTE = 'ClientSecret';

/** Clients whose secret a value reads: `GetAtt X.ClientSecret`, `${X.ClientSecret}` in a `Sub`, anywhere inside. */
function secretReferences(node: TemplateNode, depth = 0): string[] {
  if (depth > 50) return [];
  const call = intrinsicOf(node);
  if (call) {
    const ref = referenceOf(call);
    if (ref) return ref.attribute === SECRET_ATTRIBUTE ? [ref.target] : [];
    if (call.fn === 'Fn::Sub') {
      const template = literalString(call.arg) ?? (call.arg.kind === 'seq' && call.arg.items.length > 0 ? literalString(call.arg.items[0]) : undefined);
      const fromTemplate = template === undefined ? [] : subReferences(template).filter((r) => r.attribute === SECRET_ATTRIBUTE).map((r) => r.target);
      const fromVariables = call.arg.kind === 'seq' && call.arg.items[1] ? secretReferences(call.arg.items[1], depth + 1) : [];
      return [...fromTemplate, ...fromVariables];
    }
    return secretReferences(call.arg, depth + 1);
  }
  if (node.kind === 'map') return node.pairs.flatMap((p) => secretReferences(p.value, depth + 1));
  if (node.kind === 'seq') return node.items.flatMap((item) => secretReferences(item, depth + 1));
  return [];
}

interface FoundResources {
  sections: MapNode[];
  parameters: MapNode[];
  outputs: MapNode[];
  complete: boolean;
}

/** A top-level `Transform` whose effect on the resource list is known (SAM, the AWS-owned ones). */
function transformsKnown(transform: TemplateNode | undefined): boolean {
  if (!transform) return true;
  const names = transform.kind === 'seq' ? transform.items : [transform];
  return names.every((name) => literalString(name)?.startsWith('AWS::') ?? false);
}

function findResources(root: MapNode): FoundResources {
  const found: FoundResources = { sections: [], parameters: [], outputs: [], complete: false };
  const parameters = get(root, 'Parameters');
  if (parameters?.kind === 'map' && !intrinsicOf(parameters)) found.parameters.push(parameters);
  const outputs = get(root, 'Outputs');
  if (outputs && isPlainMap(outputs)) found.outputs.push(outputs);

  const resources = pairOf(root, 'Resources');
  if (resources) {
    if (isPlainMap(resources.value)) {
      found.sections.push(resources.value);
      found.complete = transformsKnown(get(root, 'Transform'));
    }
    return found;
  }

  const serverless = pairOf(root, 'resources');
  if (serverless) {
    found.complete = !generatesUserPools(root);
    const fragments = serverless.value.kind === 'seq' && serverless.value.tag === undefined ? serverless.value.items : [serverless.value];
    for (const fragment of fragments) {
      if (!isPlainMap(fragment)) {
        // `- ${file(resources/cognito.yml)}`: resources defined elsewhere.
        found.complete = false;
        continue;
      }
      const section = get(fragment, 'Resources');
      if (section && isPlainMap(section)) found.sections.push(section);
      else if (section) found.complete = false;
      const params = get(fragment, 'Parameters');
      if (params && isPlainMap(params)) found.parameters.push(params);
      const outs = get(fragment, 'Outputs');
      if (outs && isPlainMap(outs)) found.outputs.push(outs);
    }
    return found;
  }

  // A bare fragment: top-level entries that look like resources (`Name: {Type: AWS::..., ...}`).
  if (root.pairs.some((pair) => isResourceLike(pair))) found.sections.push(root);
  return found;
}

function isPlainMap(node: TemplateNode): node is MapNode {
  if (node.kind !== 'map' || node.tag !== undefined) return false;
  // A map holding only a loop (`Fn::ForEach::Apps: [...]`) reads like a long-form intrinsic, but is a map of resources.
  return !intrinsicOf(node) || node.pairs[0].key.startsWith(FOR_EACH);
}

function isResourceLike(pair: PairNode): boolean {
  if (!isPlainMap(pair.value)) return false;
  const type = literalString(get(pair.value, 'Type'));
  return type !== undefined && /^[A-Za-z][A-Za-z0-9]*::[A-Za-z0-9:]+$/.test(type);
}

/**
 * Whether a Serverless file's functions make the framework generate a user pool (a
 * `cognitoUserPool` event does), or cannot be read to tell.
 */
function generatesUserPools(root: MapNode): boolean {
  const functions = get(root, 'functions');
  if (!functions) return false;
  // `functions` is a map of definitions, or a list of such maps; anything else cannot be read.
  const groups = functions.kind === 'seq' && functions.tag === undefined ? functions.items : [functions];
  const definitions = groups.flatMap((group) => (isPlainMap(group) ? group.pairs.map((p) => p.value) : [group]));
  for (const fn of definitions) {
    if (!isPlainMap(fn)) return true;
    const events = get(fn, 'events');
    if (!events) continue;
    if (events.kind !== 'seq') return true;
    if (events.items.some((event) => event.kind !== 'map' || pairOf(event, 'cognitoUserPool') !== undefined)) return true;
  }
  return false;
}

/** A literal string that is not a Serverless variable, else undefined. */
function literalText(node: TemplateNode | undefined): string | undefined {
  const text = literalString(node);
  return text !== undefined && !hasServerlessVariable(text) ? text : undefined;
}

/** The resource's `Properties` when it is a plain mapping (not an intrinsic). */
function plainProperties(resource: MapNode): MapNode | undefined {
  const props = get(resource, 'Properties');
  return props && isPlainMap(props) ? props : undefined;
}

function clientOf(pair: PairNode, resource: MapNode): ClientDefinition {
  const typeNode = get(resource, 'Type');
  const client: ClientDefinition = {
    surface: 'cloudformation',
    spelling: 'cloudformation',
    operation: 'resource',
    name: pair.key,
    span: pair.span,
    nameSpan: pair.keySpan,
    properties: new Map<string, LocatedProperty>(),
    dependsOn: [],
    references: new Set<string>(),
  };
  if (typeNode) client.typeSpan = typeNode.span;

  const propsNode = get(resource, 'Properties');
  if (propsNode) {
    const body = toValue(propsNode, []);
    if (body.kind === 'object' || body.kind === 'unknown') client.body = body;
    if (body.kind === 'object') {
      for (const member of body.members) {
        // A key written twice: the last one counts, as YAML and JSON loaders keep it.
        if (member.canonical !== undefined) client.properties.set(member.canonical, member);
      }
    }
  }

  const dependsOn = get(resource, 'DependsOn');
  if (dependsOn) {
    client.dependsOnSpan = dependsOn.span;
    const single = literalText(dependsOn);
    if (single !== undefined) client.dependsOn.push(single);
    else if (dependsOn.kind === 'seq' && dependsOn.tag === undefined) {
      for (const item of dependsOn.items) {
        const name = literalText(item);
        if (name !== undefined) client.dependsOn.push(name);
      }
    }
  }

  collectReferences(resource, client.references);
  for (const name of client.dependsOn) client.references.add(name);
  if (pairOf(resource, 'Condition')) client.conditional = true;
  return client;
}

/** Every resource or parameter a node refers to: `Ref`, `GetAtt` (first segment), `Sub` names. */
function collectReferences(node: TemplateNode, out: Set<string>): void {
  const call = intrinsicOf(node);
  if (call) {
    const ref = referenceOf(call);
    if (ref) {
      out.add(ref.target);
      if (call.arg.kind === 'seq') call.arg.items.slice(1).forEach((item) => collectReferences(item, out));
      return;
    }
    if (call.fn === 'Fn::Sub') {
      const arg = call.arg;
      const template = literalString(arg) ?? (arg.kind === 'seq' && arg.items.length > 0 ? literalString(arg.items[0]) : undefined);
      const variables = arg.kind === 'seq' ? arg.items[1] : undefined;
      const locals = new Set(variables?.kind === 'map' ? variables.pairs.map((p) => p.key) : []);
      if (template !== undefined) for (const r of subReferences(template, locals)) out.add(r.target);
      if (variables) collectReferences(variables, out);
      return;
    }
    collectReferences(call.arg, out);
    return;
  }
  if (node.kind === 'map') for (const pair of node.pairs) collectReferences(pair.value, out);
  else if (node.kind === 'seq') for (const item of node.items) collectReferences(item, out);
}

function addUserPool(context: FileContext, pair: PairNode, resource: MapNode, standard: ReadonlySet<string>): void {
  const info: UserPoolInfo = { address: pair.key, span: pair.span, schemaKnown: false };
  const schemaNode = get(plainProperties(resource), 'Schema');
  if (schemaNode && schemaNode.kind === 'seq' && schemaNode.tag === undefined) {
    const names: string[] = [];
    let literal = true;
    for (const entry of schemaNode.items) {
      const name = isPlainMap(entry) ? literalText(get(entry, 'Name')) : undefined;
      if (name === undefined) {
        literal = false;
        break;
      }
      names.push(name);
    }
    if (literal) {
      info.schemaKnown = true;
      // Schema names are written without the `custom:` prefix; tolerate it when present.
      info.customAttributes = names.map((name) => name.replace(/^custom:/, '')).filter((name) => !standard.has(name));
    }
  }
  if (!context.userPools.has(pair.key)) context.userPools.set(pair.key, info);
}

function identityProviderOf(pair: PairNode, resource: MapNode): IdentityProviderInfo {
  const info: IdentityProviderInfo = { address: pair.key, span: pair.span };
  const providerName = literalText(get(plainProperties(resource), 'ProviderName'));
  if (providerName !== undefined) info.providerName = providerName;
  return info;
}

function resourceServerOf(pair: PairNode, resource: MapNode): ResourceServerInfo {
  const info: ResourceServerInfo = { address: pair.key, span: pair.span };
  const props = plainProperties(resource);
  const identifier = literalText(get(props, 'Identifier'));
  if (identifier !== undefined) info.identifier = identifier;
  if (props) {
    const scopes = get(props, 'Scopes');
    if (!scopes || (scopes.kind === 'scalar' && scopes.value === null && scopes.tag === undefined)) info.scopes = [];
    else if (scopes.kind === 'seq' && scopes.tag === undefined) {
      const names = scopes.items.map((item) => (isPlainMap(item) ? literalText(get(item, 'ScopeName')) : undefined));
      if (names.every((name): name is string => name !== undefined)) info.scopes = names;
    }
  }
  return info;
}
