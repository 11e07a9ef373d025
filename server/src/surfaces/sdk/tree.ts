/**
 * What the code readers (`javascript.ts` for JS/TS through tree-sitter, `python.ts` for Python)
 * hand to the shared builder (`model.ts`): the recognised calls of one file, each with its
 * properties already located (UTF-16 spans) and classified as literal or Unknown. The readers
 * know syntax; the builder knows the API (create versus update, the CDK L1 construct) and no syntax.
 */
import type { ObjectValue, ParseProblem, Span, UnknownValue } from '../../model';

/**
 * What a call does:
 * - `create` / `update`: CreateUserPoolClient / UpdateUserPoolClient through an SDK (JS v3 command,
 *   JS v2 method, boto3 method): API names, API semantics (no conversion of strings to numbers);
 * - `cfn`: the CDK L1 construct `CfnUserPoolClient`: CloudFormation semantics with the CDK's
 *   property spelling (`cdk` in TypeScript / JavaScript, `cdkPython` in Python);
 * - `cdk-l2`: the CDK L2 construct `UserPoolClient` (`new UserPoolClient(scope, id, props)`,
 *   `pool.addClient(id, props)`): its props, named as the L2 names them (TS camelCase or Python
 *   snake_case), which ./cdk-l2.ts turns into the CloudFormation resource the CDK synthesises.
 */
export type SdkCallKind = 'create' | 'update' | 'cfn' | 'cdk-l2';

export interface SdkCall {
  kind: SdkCallKind;
  language: 'javascript' | 'python';
  /** The callee as written, for names and messages: `CreateUserPoolClientCommand`, `create_user_pool_client`, `CfnUserPoolClient`. */
  callee: string;
  calleeSpan: Span;
  /**
   * The whole call (`new X({...})`, `client.create_user_pool_client(...)`); when its argument is a
   * literal bound to a name earlier in the file, from that literal to the end of the call, so that
   * findings in the literal belong to the call.
   */
  span: Span;
  /**
   * The properties as an object, with members named as written (API names, CDK camelCase or
   * snake_case keywords): the object literal (JS), the keyword arguments (Python), a dict literal
   * or `dict(...)` call; the literal an identifier argument is bound to when it is resolved in the
   * same file (its spans are then where that literal is written). Unknown when the argument is
   * something else (an unresolved identifier, a call); undefined when there is no argument.
   */
  props: ObjectValue | UnknownValue | undefined;
  /**
   * Set when members beyond those written may be present: a spread (`...defaults`), `**kwargs`
   * that is not resolved. Then no rule concludes that a property is absent.
   */
  open?: { reason: string; span: Span };
  /** The construct id (`new CfnUserPoolClient(this, 'WebClient', ...)`), when literal. */
  constructId?: string;
  /** For `cdk-l2` calls: what the props alone do not say. */
  l2?: CdkL2Notes;
}

/** What a reader tells the L2 core besides the props. */
export interface CdkL2Notes {
  /** How the client is made: `new UserPoolClient(...)` or `pool.addClient(...)`. */
  via: 'construct' | 'addClient';
  /** The pool `addClient` is called on (an Unknown naming it), for `UserPoolId`. */
  pool?: UnknownValue;
  /**
   * How many identity providers are constructed (or registered with `registerIdentityProvider`)
   * earlier in the file: the default `supportedIdentityProviders` lists those the pool has when
   * the client is constructed. Undefined when the reader cannot tell.
   */
  providersBefore?: number;
}

/** One file as a reader saw it. */
export interface SdkFile {
  calls: SdkCall[];
  /** Syntax errors; the calls hold what could still be read. */
  problems: ParseProblem[];
}

/*
 * How readers write values:
 * - literals: strings (quotes, escapes decoded; a template literal without substitutions is a
 *   string), numbers, booleans, `null` / `None` / `undefined` as null, arrays / lists / tuples as
 *   lists, object literals / dicts as objects (members named by their key as written);
 * - SDK enum constants (`ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH`, `OAuthFlowType.code`, CDK
 *   `cognito.CfnUserPoolClient...` is not an enum) as the string they stand for;
 * - CDK Python nested property classes (`CfnUserPoolClient.TokenValidityUnitsProperty(access_token=...)`)
 *   as objects of their keyword arguments; likewise the CDK L2 structs (`OAuthSettings(...)`,
 *   `OAuthFlows(...)`, `AuthFlow(...)`, `AnalyticsConfiguration(...)`) in `cdk-l2` props, so that
 *   the L2 core reads both languages the same way;
 * - calls and member accesses that are not SDK enums (`Duration.minutes(5)`, `OAuthScope.OPENID`,
 *   `new ClientAttributes().withStandardAttributes({ email: true })`, `OAuthScope.resourceServer(api,
 *   scope)`) as Unknown with an `expression` (model `CodeExpression`): the dotted names and the
 *   arguments read as values, recursively; an identifier bound by `const` to such an expression
 *   keeps it. The reader gives no meaning to them; the L2 core (./cdk-l2.ts) interprets the CDK's;
 * - everything else — identifiers not resolved to a literal, calls, `process.env.X`,
 *   `os.environ[...]`, template literals with substitutions, f-strings, conditionals — as Unknown
 *   with a short `reason` (`process.env.CALLBACK_URL`, `an f-string`).
 */
