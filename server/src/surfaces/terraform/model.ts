/**
 * The Terraform semantics shared by the `.tf` and `.tf.json` surfaces: the blocks a reader found
 * (./tree.ts) become the located model.
 *
 * - Clients: every `resource "aws_cognito_user_pool_client"` and
 *   `"aws_cognito_managed_user_pool_client"` block of the document itself, named by its address
 *   (`aws_cognito_user_pool_client.web`), its arguments and nested blocks as members with the
 *   schema's canonical names (`names.terraform`). In `.tf.json`, a block written as an object or a
 *   one-item array of objects reads as the block. Meta-arguments are not properties: `count` and
 *   `for_each` make the client conditional, `depends_on` gives its dependencies, `lifecycle`,
 *   `provider`, `provisioner` and `connection` are left out. A `dynamic "x"` block makes `x` Unknown.
 *   A managed client selects an existing client by `name_prefix` / `name_pattern`: those stand in
 *   for `name`.
 * - Values: literals as read; references and every other expression Unknown (the readers decide);
 *   `local.x` replaced by the literal value of a local of the module (in the document itself, with
 *   its own location, so findings and fixes point at the local; from another file, located at the
 *   reference and marked `resolvedFrom`, so no fix edits it).
 * - File facts, across the module: a Terraform module is a directory, so the facts come from the
 *   document and its siblings (`SourceDocument.siblings`, given by the host: open documents first,
 *   then disk): user pools (custom attributes from `schema` blocks), identity providers
 *   (`provider_name`), resource servers (`identifier`, `scope { scope_name }`), variables, every
 *   resource's type, and outputs that reveal a client secret. The module is `complete` only when
 *   the host said which siblings there are (an empty list counts): otherwise "not declared here"
 *   conclusions are unsafe.
 */
import {
  type ClientDefinition,
  type DocumentModel,
  type FileContext,
  type LocatedProperty,
  type LocatedValue,
  type ObjectValue,
  type ParseProblem,
  type ResourceServerInfo,
  type Span,
  type UserPoolInfo,
  emptyFileContext,
} from '../../model';
import { canonicalName, membersAt, schema, vocabulary } from '../../schema';
import type { TfAttribute, TfBlock, TfBody, TfFile, TfNestedBlock } from './tree';

/** The resource types read as clients. */
export const CLIENT_TYPES: readonly string[] = [schema.resource.terraformType, 'aws_cognito_managed_user_pool_client'];

/** Arguments of a managed client that select the client it manages; they stand in for `name`. */
const MANAGED_SELECTORS = ['name_prefix', 'name_pattern'];

/** Meta-arguments and meta-blocks every resource may have: never client properties. */
const META = new Set(['count', 'for_each', 'depends_on', 'lifecycle', 'provider', 'provisioner', 'connection']);

/** The attribute a Terraform configuration reads a client's secret through. */
const SECRET_ATTRIBUTE = 'client_secret';

/** A model with nothing in it. */
export function emptyTerraformModel(problems: ParseProblem[] = []): DocumentModel {
  return { surface: 'terraform', clients: [], context: emptyFileContext(), problems };
}

/** Text that may hold a client: anything else is not read at all. */
export const CLIENT_MARKER = /aws_cognito_(managed_)?user_pool_client/;

/**
 * The model of a document from its own blocks (`own`, read from `text`) and its module siblings'
 * (`siblings`; undefined when the host did not look for them).
 */
export function terraformModel(text: string, own: TfFile, siblings: readonly TfFile[] | undefined): DocumentModel {
  const model = emptyTerraformModel([...own.problems]);
  const context = model.context;
  context.complete = siblings !== undefined && own.problems.length === 0;
  const all = [own, ...(siblings ?? [])];

  const locals = collectLocals(all, own);
  const standard = new Set(vocabulary('standardAttributes').map((entry) => entry.value));
  for (const file of all) {
    for (const block of file.blocks) collectFact(context, block, standard);
  }
  for (const block of own.blocks) {
    if (block.kind === 'resource' && block.labels.length === 2 && CLIENT_TYPES.includes(block.labels[0])) {
      model.clients.push(clientOf(text, block, locals));
    }
  }
  const clients = new Set(model.clients.map((c) => c.name));
  for (const block of own.blocks) {
    if (block.kind !== 'output' || block.labels.length !== 1) continue;
    const value = attribute(block.body, 'value');
    if (!value) continue;
    const sensitive = attribute(block.body, 'sensitive')?.value;
    const exported = !(sensitive?.kind === 'boolean' && sensitive.value);
    for (const client of secretReferences(text, value.value)) {
      if (clients.has(client)) context.secretOutputs.push({ client, name: block.labels[0], span: block.span, exported });
    }
  }
  return model;
}

// ---------- facts ----------

function attribute(body: TfBody, name: string): TfAttribute | undefined {
  let found: TfAttribute | undefined;
  for (const a of body.attributes) if (a.name === name) found = a; // the last one, as Terraform JSON keeps
  return found;
}

/** The nested blocks of a type: HCL blocks, or (JSON) an object / list of objects under the name. */
function nestedBodies(body: TfBody, type: string): { body: TfBody | undefined; span: Span }[] {
  const out: { body: TfBody | undefined; span: Span }[] = body.blocks.filter((b) => b.type === type).map((b) => ({ body: b.body, span: b.span }));
  for (const a of body.attributes) {
    if (a.name !== type) continue;
    const items = a.value.kind === 'list' ? a.value.items : [a.value];
    for (const item of items) out.push({ body: item.kind === 'object' ? bodyOfObject(item) : undefined, span: item.span });
  }
  return out;
}

/** A JSON object read as a block body (its members as attributes). */
function bodyOfObject(value: ObjectValue): TfBody {
  return { attributes: value.members.map((m) => ({ name: m.name, nameSpan: m.keySpan, value: m.value, span: m.span })), blocks: [], span: value.span };
}

function literalText(value: LocatedValue | undefined): string | undefined {
  return value?.kind === 'string' ? value.value : undefined;
}

function collectFact(context: FileContext, block: TfBlock, standard: ReadonlySet<string>): void {
  if (block.kind === 'variable' && block.labels.length === 1) {
    context.parameters.add(`var.${block.labels[0]}`);
    return;
  }
  if ((block.kind !== 'resource' && block.kind !== 'data') || block.labels.length !== 2) return;
  const [type, name] = block.labels;
  const address = block.kind === 'data' ? `data.${type}.${name}` : `${type}.${name}`;
  if (!context.resources.has(address)) context.resources.set(address, type);
  if (block.kind === 'data') {
    // A data source reads something that exists elsewhere: a reference to it is never wrong.
    context.parameters.add(address);
    return;
  }
  const body = block.body;
  if (type === schema.relatedTypes.userPool.terraform) {
    const info: UserPoolInfo = { address, span: block.span, schemaKnown: false };
    const entries = nestedBodies(body, 'schema');
    const dynamic = body.blocks.some((b) => b.type === 'dynamic' && b.labels[0] === 'schema');
    // As in CloudFormation, a pool that declares no schema at all says nothing about custom attributes.
    if (!dynamic && entries.length > 0) {
      const names = entries.map((e) => (e.body ? literalText(attribute(e.body, 'name')?.value) : undefined));
      if (names.every((n): n is string => n !== undefined)) {
        info.schemaKnown = true;
        info.customAttributes = names.map((n) => n.replace(/^custom:/, '')).filter((n) => !standard.has(n));
      }
    }
    if (!context.userPools.has(address)) context.userPools.set(address, info);
  } else if (type === schema.relatedTypes.identityProvider.terraform) {
    const providerName = literalText(attribute(body, 'provider_name')?.value);
    context.identityProviders.push(providerName !== undefined ? { address, span: block.span, providerName } : { address, span: block.span });
  } else if (type === schema.relatedTypes.resourceServer.terraform) {
    const identifier = literalText(attribute(body, 'identifier')?.value);
    const info: ResourceServerInfo = { address, span: block.span };
    if (identifier !== undefined) info.identifier = identifier;
    const dynamic = body.blocks.some((b) => b.type === 'dynamic' && b.labels[0] === 'scope');
    if (!dynamic) {
      const names = nestedBodies(body, 'scope').map((e) => (e.body ? literalText(attribute(e.body, 'scope_name')?.value) : undefined));
      if (names.every((n): n is string => n !== undefined)) info.scopes = names;
    }
    context.resourceServers.push(info);
  }
}

// ---------- locals ----------

/** A literal local: its value, and whether it is written in the document itself. */
interface LocalValue {
  value: LocatedValue;
  own: boolean;
}

function collectLocals(all: readonly TfFile[], own: TfFile): Map<string, LocalValue> {
  const locals = new Map<string, LocalValue>();
  for (const file of all) {
    for (const block of file.blocks) {
      if (block.kind !== 'locals') continue;
      const attributes = block.body.attributes.length > 0 ? block.body.attributes : [];
      for (const a of attributes) {
        if (isLiteral(a.value) && !locals.has(a.name)) locals.set(a.name, { value: a.value, own: file === own });
      }
    }
  }
  return locals;
}

function isLiteral(value: LocatedValue): boolean {
  switch (value.kind) {
    case 'unknown':
      return false;
    case 'list':
      return value.items.every(isLiteral);
    case 'object':
      return value.members.every((m) => isLiteral(m.value));
    default:
      return true;
  }
}

/** A copy of a value with every span (and key span) set to `span`, marked as resolved from `name`. */
function relocated(value: LocatedValue, span: Span, name: string): LocatedValue {
  switch (value.kind) {
    case 'list':
      return { ...value, span, resolvedFrom: name, items: value.items.map((item) => relocated(item, span, name)) };
    case 'object':
      return { ...value, span, resolvedFrom: name, members: value.members.map((m) => ({ ...m, keySpan: span, span, value: relocated(m.value, span, name) })) };
    default:
      return { ...value, span, resolvedFrom: name };
  }
}

/** A value with `local.x` references replaced by literal locals. */
function substitute(value: LocatedValue, locals: ReadonlyMap<string, LocalValue>): LocatedValue {
  if (value.kind === 'unknown') {
    const target = value.ref?.target;
    if (target?.startsWith('local.') && value.ref?.attribute === undefined) {
      const local = locals.get(target.slice('local.'.length));
      if (local) return local.own ? local.value : relocated(local.value, value.span, target);
    }
    return value;
  }
  if (value.kind === 'list') {
    const items = value.items.map((item) => substitute(item, locals));
    return items.every((item, i) => item === value.items[i]) ? value : { ...value, items };
  }
  if (value.kind === 'object') {
    const members = value.members.map((m) => {
      const v = substitute(m.value, locals);
      return v === m.value ? m : { ...m, value: v };
    });
    return members.every((m, i) => m === value.members[i]) ? value : { ...value, members };
  }
  return value;
}

// ---------- clients ----------

/** Whether a member name is a nested block of the client (at a canonical path). */
function isBlockProperty(name: string, path: readonly string[]): boolean {
  const canonical = canonicalName(name, 'terraform', path);
  return canonical !== undefined && membersAt(path)?.[canonical]?.terraformBlock === true;
}

/**
 * The members of a body at a canonical path (`undefined` below an unknown name): attributes and
 * nested blocks in document order, meta-arguments left out at the top level.
 */
function membersOfBody(body: TfBody, path: readonly string[] | undefined, top: boolean, locals: ReadonlyMap<string, LocalValue>): LocatedProperty[] {
  const members: { at: number; member: LocatedProperty }[] = [];
  for (const a of body.attributes) {
    if (top && (META.has(a.name) || a.name === '//')) continue;
    if (a.name === '//') continue;
    let value = substitute(a.value, locals);
    const canonical = path ? canonicalName(a.name, 'terraform', path) : undefined;
    const childPath = canonical !== undefined && path ? [...path, canonical] : undefined;
    // `.tf.json`: a block is an object or a list of one object under its name.
    if (path && isBlockProperty(a.name, path)) {
      if (value.kind === 'list' && value.items.length === 1 && value.items[0].kind === 'object') value = value.items[0];
      if (value.kind === 'object') value = { ...value, members: membersOfBody(bodyOfObject(value), childPath, false, locals) };
    } else if (value.kind === 'object') {
      value = { ...value, members: membersOfBody(bodyOfObject(value), childPath, false, locals) };
    }
    members.push({ at: a.span.start, member: withCanonical({ name: a.name, keySpan: a.nameSpan, value, span: a.span }, canonical) });
  }
  for (const b of body.blocks) {
    if (top && META.has(b.type)) continue;
    members.push({ at: b.span.start, member: blockMember(b, path, locals) });
  }
  return members.sort((x, y) => x.at - y.at).map((m) => m.member);
}

function withCanonical(prop: LocatedProperty, canonical: string | undefined): LocatedProperty {
  if (canonical !== undefined) prop.canonical = canonical;
  return prop;
}

function blockMember(b: TfNestedBlock, path: readonly string[] | undefined, locals: ReadonlyMap<string, LocalValue>): LocatedProperty {
  if (b.type === 'dynamic') {
    // `dynamic "token_validity_units" { ... }`: the block's content is generated.
    const name = b.labels[0] ?? 'dynamic';
    const canonical = path ? canonicalName(name, 'terraform', path) : undefined;
    const keySpan = b.typeSpan;
    return withCanonical({ name, keySpan, value: { kind: 'unknown', reason: `dynamic "${name}" block`, span: b.span }, span: b.span }, canonical);
  }
  const canonical = path ? canonicalName(b.type, 'terraform', path) : undefined;
  const childPath = canonical !== undefined && path ? [...path, canonical] : undefined;
  const value: ObjectValue = { kind: 'object', members: membersOfBody(b.body, childPath, false, locals), span: b.body.span };
  return withCanonical({ name: b.type, keySpan: b.typeSpan, value, span: b.span }, canonical);
}

/** Addresses mentioned in a value's text: `aws_x.name` and `data.aws_x.name` (enough for dependencies). */
const ADDRESS = /\b(?:data\.)?aws_[a-z0-9_]+\.[A-Za-z_][A-Za-z0-9_-]*/g;

function mentionedAddresses(text: string, value: LocatedValue, out: Set<string>): void {
  if (value.kind === 'unknown') {
    if (value.ref) out.add(value.ref.target);
    const written = text.slice(value.span.start, value.span.end);
    if (written.length < 10_000) for (const m of written.matchAll(ADDRESS)) out.add(m[0]);
    return;
  }
  if (value.kind === 'list') for (const item of value.items) mentionedAddresses(text, item, out);
  if (value.kind === 'object') for (const m of value.members) mentionedAddresses(text, m.value, out);
}

function secretReferences(text: string, value: LocatedValue): string[] {
  const out: string[] = [];
  const visit = (v: LocatedValue): void => {
    if (v.kind === 'unknown') {
      if (v.ref?.attribute === SECRET_ATTRIBUTE) out.push(v.ref.target);
      const written = text.slice(v.span.start, v.span.end);
      if (written.length < 10_000) {
        for (const m of written.matchAll(/\b(aws_cognito_(?:managed_)?user_pool_client\.[A-Za-z_][A-Za-z0-9_-]*)\.client_secret\b/g)) out.push(m[1]);
      }
    } else if (v.kind === 'list') v.items.forEach(visit);
    else if (v.kind === 'object') v.members.forEach((m) => visit(m.value));
  };
  visit(value);
  return [...new Set(out)];
}

function clientOf(text: string, block: TfBlock, locals: ReadonlyMap<string, LocalValue>): ClientDefinition {
  const [type, label] = block.labels;
  const managed = type !== schema.resource.terraformType;
  const members = membersOfBody(block.body, [], true, locals).filter((m) => !(managed && MANAGED_SELECTORS.includes(m.name)));
  const body: ObjectValue = { kind: 'object', members, span: block.body.span };
  const client: ClientDefinition = {
    surface: 'terraform',
    spelling: 'terraform',
    operation: 'resource',
    name: `${type}.${label}`,
    span: block.span,
    nameSpan: block.nameSpan,
    typeSpan: block.labelSpans[0],
    body,
    properties: new Map<string, LocatedProperty>(),
    dependsOn: [],
    references: new Set<string>(),
  };
  // The last occurrence of a repeated name counts, as Terraform JSON keeps it (HCL refuses repeats).
  for (const member of members) if (member.canonical !== undefined) client.properties.set(member.canonical, member);
  if (managed && block.body.attributes.some((a) => MANAGED_SELECTORS.includes(a.name))) client.providedElsewhere = ['ClientName'];

  const dependsOn = attribute(block.body, 'depends_on');
  if (dependsOn) {
    client.dependsOnSpan = dependsOn.value.span;
    const items = dependsOn.value.kind === 'list' ? dependsOn.value.items : [dependsOn.value];
    for (const item of items) {
      const target = item.kind === 'unknown' ? item.ref?.target : item.kind === 'string' ? item.value.replace(/^\$\{(.*)\}$/, '$1') : undefined;
      if (target) client.dependsOn.push(target);
    }
  }
  for (const member of members) mentionedAddresses(text, member.value, client.references);
  for (const name of client.dependsOn) client.references.add(name);
  if (attribute(block.body, 'count') || attribute(block.body, 'for_each')) client.conditional = true;
  return client;
}
