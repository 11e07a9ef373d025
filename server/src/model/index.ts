/**
 * The one located model every surface produces and every rule and feature consumes.
 *
 * A surface (CloudFormation, Terraform, SDK calls, ...) turns a document into a `DocumentModel`:
 * the user pool client definitions it found, each with its properties keyed by the schema's
 * canonical (API / CloudFormation) name, plus the facts about other resources in the same file
 * that cross-resource rules need. Nothing here knows any syntax.
 *
 * Positions are UTF-16 offsets `[start, end)` into the document text, exactly what
 * `TextDocument.positionAt` takes. Surfaces whose parsers count bytes convert at their boundary.
 */

/** Where a definition is written. Matches the CLI JSON output's `surface` field. */
export type SurfaceKind = 'cloudformation' | 'terraform' | 'sdk';

/**
 * What the definition does: a declarative resource, an SDK / API create or update call, or a
 * client as DescribeUserPoolClient reports it (an API-shape file holding a deployed client).
 */
export type Operation = 'resource' | 'create' | 'update' | 'describe';

/** Which spelling family a definition uses for property names (see the schema's `names`). */
export type Spelling = 'cloudformation' | 'api' | 'terraform' | 'cdk' | 'cdkPython';

/** A half-open range of UTF-16 offsets into the document text. */
export interface Span {
  start: number;
  end: number;
}

/** A reference from an unknown value to another resource or parameter in the same file. */
export interface Reference {
  /** The address of the target: a CloudFormation logical id, or a Terraform `type.name`. */
  target: string;
  /** The attribute read from it (`Arn`, `ProviderName`, `id`), when the reference names one. */
  attribute?: string;
}

interface ValueBase {
  /** The whole value as written (for a list: from `[`/first item to the end of the last item). */
  span: Span;
  /**
   * Set when the value was resolved through a name, and no fix may edit it: a Terraform local of
   * another file of the module (then `span` is where the name is used), or a literal an SDK call
   * reaches through a name bound elsewhere in the file (then `span` is where the literal is written).
   */
  resolvedFrom?: string;
}

export interface StringValue extends ValueBase {
  kind: 'string';
  value: string;
  /** True when the source wrote the scalar in quotes (YAML) or it is a JSON string. */
  quoted?: boolean;
}

export interface NumberValue extends ValueBase {
  kind: 'number';
  value: number;
  /** The number exactly as written. */
  raw: string;
}

export interface BooleanValue extends ValueBase {
  kind: 'boolean';
  value: boolean;
}

export interface NullValue extends ValueBase {
  kind: 'null';
}

export interface ListValue extends ValueBase {
  kind: 'list';
  items: LocatedValue[];
  /** Whether the list is written in flow / bracket style (`[a, b]`) rather than block style. */
  flow?: boolean;
}

export interface ObjectValue extends ValueBase {
  kind: 'object';
  /**
   * Every member in document order, including unknown names and duplicates (of a key written
   * twice, the last one counts, as YAML and JSON loaders keep it: see `isShadowed`).
   */
  members: LocatedProperty[];
  flow?: boolean;
}

/**
 * A value that cannot be known statically: an intrinsic function, a variable, an interpolation,
 * an identifier, a spread. Rules never fire on an unknown value.
 */
export interface UnknownValue extends ValueBase {
  kind: 'unknown';
  /** A short human description, e.g. `!Ref`, `Fn::Sub`, `${var.x}`. */
  reason: string;
  /** What the value refers to, when it is a plain reference (`!Ref UserPool`, `${aws_x.y.id}`). */
  ref?: Reference;
  /**
   * For a conditional with literal branches (`!If [Cond, a, b]`): the branches, each of which
   * may be checked on its own. `AWS::NoValue` branches are left out.
   */
  alternatives?: LocatedValue[];
  /**
   * For a conditional whose condition is named literally (`!If [IsProd, a, b]`): the condition and
   * the value in each case, undefined where the branch removes the property (`AWS::NoValue`). The
   * rule engine checks a definition once per case (./variants.ts).
   */
  branches?: { condition: string; whenTrue?: LocatedValue; whenFalse?: LocatedValue };
  /**
   * For code: the call or member access the value is written as, read structurally so that a
   * surface's core can interpret it without syntax (`Duration.minutes(5)`, `OAuthScope.OPENID`).
   */
  expression?: CodeExpression;
}

/**
 * A call, construction or member access in code, as a reader saw it: names and literal arguments
 * only. `cognito.OAuthScope.custom('a/b')` is `{ path: ['cognito', 'OAuthScope', 'custom'], args:
 * ['a/b'] }`; a method called on another expression (`new ClientAttributes().withCustomAttributes('x')`)
 * has the method name alone as `path` and that expression as `receiver`.
 */
export interface CodeExpression {
  /** The dotted names as written, left to right (module qualifiers included). */
  path: string[];
  /** The arguments read as values, when it is a call (keyword arguments as one object). */
  args?: LocatedValue[];
  /** True for `new X(...)` (and a Python class call). */
  construct?: boolean;
  /** The expression a method is called on, when that is not a plain dotted name. */
  receiver?: CodeExpression;
}

export type LocatedValue =
  | StringValue
  | NumberValue
  | BooleanValue
  | NullValue
  | ListValue
  | ObjectValue
  | UnknownValue;

/** One `key: value` member of an object, as written. */
export interface LocatedProperty {
  /** The key exactly as written in the document (surface spelling, possibly misspelled). */
  name: string;
  /**
   * The schema's canonical name for this key, resolved by the surface with its spelling; absent
   * when the key is not a known property (the `unknown-property` rule reports those).
   */
  canonical?: string;
  keySpan: Span;
  value: LocatedValue;
  /** From the start of the key to the end of the value. */
  span: Span;
  /**
   * Set when the property is not written but filled in by what turns the source into the
   * template (the CDK L2 construct): why, in the source's terms (``oAuth` is not set, so ...`).
   * It is then located at the construct call.
   */
  defaulted?: string;
}

/** One user pool client definition: a resource, or an SDK create / update call. */
export interface ClientDefinition {
  surface: SurfaceKind;
  spelling: Spelling;
  operation: Operation;
  /** A display name: the logical id, the Terraform resource name, or the SDK command name. */
  name: string;
  /** The whole definition (resource entry, block, or call). */
  span: Span;
  /** The name as written (logical id key, resource label, command identifier). */
  nameSpan: Span;
  /** The resource's `Type` value (CloudFormation), the block header (Terraform) or callee (SDK). */
  typeSpan?: Span;
  /**
   * The properties object (CloudFormation `Properties`, the Terraform block body, the call's
   * argument object). An `unknown` when the whole object is an intrinsic or a variable; absent when
   * the definition has no properties at all.
   */
  body?: ObjectValue | UnknownValue;
  /** Known properties by canonical name (the last occurrence when a key is repeated, as loaders keep it). */
  properties: Map<string, LocatedProperty>;
  /** Addresses this definition depends on explicitly (`DependsOn`, `depends_on`). */
  dependsOn: string[];
  /** Every address referenced anywhere inside the definition (its body and `DependsOn`). */
  references: Set<string>;
  /** Where the explicit dependency list is written, when it is (for adding one). */
  dependsOnSpan?: Span;
  /** True when the definition is conditional (`Condition:`, `count`, `for_each`). */
  conditional?: boolean;
  /**
   * Canonical properties the definition provides by other means, so they are never missing (a
   * Terraform managed client selects its client by `name_prefix` / `name_pattern` instead of `name`).
   */
  providedElsewhere?: string[];
  /**
   * Set when members beyond those written may be present (a spread `...defaults`, unresolved
   * `**kwargs`): then `properties` answers an absent name with an Unknown property (see
   * `openProperties`), so no rule concludes that a property is absent.
   */
  open?: { reason: string; span: Span };
  /**
   * The loop the definition is the body of, as findings name it: `Fn::ForEach::Apps (for each App)`
   * (CloudFormation's `AWS::LanguageExtensions`). The body is checked once, for every copy, with
   * the loop variable unknown.
   */
  loop?: string;
  /**
   * Set when the definition is derived from something that is not itself a client resource (the
   * CDK L2 `UserPoolClient`): its properties are those the derived resource will have, defaults
   * included, while findings speak in the source's terms (see `DerivedInfo`).
   */
  derived?: DerivedInfo;
}

/** How a derived definition (the CDK L2 construct) is checked and its findings worded. */
export interface DerivedInfo {
  /** What derives it, for messages: `the CDK`. */
  by: string;
  /**
   * The source's name for each canonical property path (dotted): `AllowedOAuthFlows` ->
   * `oAuth.flows`. Rules word findings with canonical names; the engine renames them with this.
   */
  names: Record<string, string>;
  /** Where defaults are located (the construct call): findings there are explained by the defaults they mention. */
  defaultsAt: Span;
  /**
   * Values the source writes differently, for messages: after a renamed property, `to <value>`
   * reads `to <source value>` (`preventUserExistenceErrors` ... `to ENABLED` -> `to true`).
   */
  values?: Record<string, Record<string, string>>;
  /** Errors the derivation itself raises (the CDK's synth-time errors), exactly as it words them. */
  errors: { message: string; span: Span; fix?: SemanticFix }[];
  /** The source's own object as written (the L2 props, members named as written), for hover and completion. */
  source?: ObjectValue;
  /**
   * A rule's fix (on the derived resource, canonical paths) as a fix of the source (paths of the
   * source's own names, which the source's edit builder writes as they are); undefined when it has
   * none. Without it, findings on the definition have no fixes.
   */
  translateFix?: (ruleId: string, fix: SemanticFix) => SemanticFix | undefined;
}

export interface UserPoolInfo {
  address: string;
  span: Span;
  /**
   * Names of the custom attributes its `Schema` declares (without the `custom:` prefix);
   * `undefined` when the schema is absent or not fully literal (then nothing can be concluded).
   */
  customAttributes?: string[];
  /** True when the pool declares a `Schema` whose entries are all literal. */
  schemaKnown: boolean;
}

/** An identity provider declared in the same file. */
export interface IdentityProviderInfo {
  address: string;
  span: Span;
  /** The literal `ProviderName`; undefined when it is not literal. */
  providerName?: string;
}

/** A resource server declared in the same file. */
export interface ResourceServerInfo {
  address: string;
  span: Span;
  /** The literal `Identifier`; undefined when it is not literal. */
  identifier?: string;
  /** Literal scope names; undefined when the list is not literal. */
  scopes?: string[];
}

/** A stack output / Terraform output that reveals a client's secret. */
export interface SecretOutputInfo {
  /** The address of the client whose secret it reveals. */
  client: string;
  /** The output's name as written. */
  name: string;
  /** The output entry (key and value). */
  span: Span;
  /** True when the output is exported to other stacks (`Export`), or not marked sensitive (Terraform). */
  exported: boolean;
}

/** What other declarations in the file say, for the cross-resource rules. */
export interface FileContext {
  /** User pools by address. */
  userPools: Map<string, UserPoolInfo>;
  /** Template parameters / Terraform variables by name (a reference to one is never wrong). */
  parameters: Set<string>;
  /** Every resource address in the file with its type (e.g. `AWS::S3::Bucket`). */
  resources: Map<string, string>;
  identityProviders: IdentityProviderInfo[];
  resourceServers: ResourceServerInfo[];
  /** Outputs that reveal a client secret. */
  secretOutputs: SecretOutputInfo[];
  /**
   * False when the file is a fragment (no `Resources` section with a known shape), so
   * "not declared in this file" conclusions are unsafe.
   */
  complete: boolean;
}

/** A problem reading the document itself (not a rule finding). */
export interface ParseProblem {
  message: string;
  span: Span;
  /**
   * The reader could not read the document (or could not tell what it missed): its clients may
   * not all be in the model. The CLI reports such a file as not checked, and fails the run.
   */
  unread?: boolean;
}

/** Everything one surface read from one document version. */
export interface DocumentModel {
  surface: SurfaceKind;
  clients: ClientDefinition[];
  context: FileContext;
  /** Syntax errors the parser reported; the model holds what could still be read. */
  problems: ParseProblem[];
}

/** A file context with nothing declared. */
export function emptyFileContext(): FileContext {
  return {
    userPools: new Map(),
    parameters: new Set(),
    resources: new Map(),
    identityProviders: [],
    resourceServers: [],
    secretOutputs: [],
    complete: false,
  };
}

/** Whether `offset` lies inside `span` (inclusive of the end, for a caret after the last char). */
export function spanContains(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}

/**
 * The properties of a definition whose body may hold more than is written: a map that answers
 * every name it does not hold with an Unknown property located at `at` (the spread), and says it
 * has every name. Iteration and `size` cover only what is written.
 */
export function openProperties(written: Map<string, LocatedProperty>, at: Span, reason: string): Map<string, LocatedProperty> {
  return new OpenPropertyMap(written, at, reason);
}

class OpenPropertyMap extends Map<string, LocatedProperty> {
  constructor(written: Map<string, LocatedProperty>, private readonly at: Span, private readonly reason: string) {
    super(written);
  }

  override get(name: string): LocatedProperty | undefined {
    return super.get(name) ?? { name, canonical: name, keySpan: this.at, span: this.at, value: { kind: 'unknown', reason: this.reason, span: this.at } };
  }

  override has(_name: string): boolean {
    return true;
  }
}

/** The index of the last item that matches, or -1. */
export function lastIndexWhere<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (predicate(items[i])) return i;
  return -1;
}

/**
 * Whether the member at `index` is shadowed: the same key is written again later in its object.
 * CloudFormation's YAML and JSON loaders keep the last occurrence, so a shadowed one has no effect.
 */
export function isShadowed(members: readonly LocatedProperty[], index: number): boolean {
  const name = members[index].name;
  for (let i = index + 1; i < members.length; i++) if (members[i].name === name) return true;
  return false;
}

/** Look up a member of an object value by canonical name (the last one when the key is repeated). */
export function member(value: LocatedValue | undefined, canonical: string): LocatedProperty | undefined {
  if (!value || value.kind !== 'object') return undefined;
  return value.members[lastIndexWhere(value.members, (m) => m.canonical === canonical)];
}

/** Look up a (possibly nested) property of a client by canonical path, e.g. `['TokenValidityUnits', 'AccessToken']`. */
export function propertyAt(client: ClientDefinition, path: readonly string[]): LocatedProperty | undefined {
  let prop = client.properties.get(path[0]);
  for (let i = 1; prop && i < path.length; i++) prop = member(prop.value, path[i]);
  return prop;
}

export type { PropertyPath, SemanticChange, SemanticFix } from './fix';
import type { SemanticFix } from './fix';
