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
 *   property spelling (`cdk` in TypeScript / JavaScript, `cdkPython` in Python).
 */
export type SdkCallKind = 'create' | 'update' | 'cfn';

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
 *   as objects of their keyword arguments;
 * - everything else — identifiers not resolved to a literal, calls, `process.env.X`,
 *   `os.environ[...]`, template literals with substitutions, f-strings, conditionals — as Unknown
 *   with a short `reason` (`process.env.CALLBACK_URL`, `an f-string`).
 */
