/**
 * What a rule is: a pure function over one located client definition and its file context.
 * Rules know no syntax and no LSP; they return findings with the span to flag and, where a fix
 * makes sense, a semantic description of it that each surface's edit builder turns into text.
 */
import type { ClientDefinition, FileContext, Span, Spelling, SurfaceKind } from '../model';
import type { JsonValue } from '../schema/types';

export type Severity = 'error' | 'warning' | 'info';

/** A canonical property path, e.g. `['TokenValidityUnits', 'AccessToken']`. */
export type PropertyPath = string[];

/**
 * One semantic change to a client definition. Paths are canonical; values are JSON. A surface's
 * edit builder turns each into minimal text edits in its own syntax. All changes of one fix refer
 * to the definition as written before the fix: list indexes are indexes into the original list,
 * so several item changes on one list compose whatever order they are listed in.
 */
export type SemanticChange =
  /** Set a property to a value, inserting it (and missing parents) when absent. */
  | { kind: 'set'; path: PropertyPath; value: JsonValue }
  /** Insert a property that is absent, as a snippet with a placeholder value. */
  | { kind: 'insert'; path: PropertyPath; value: JsonValue; placeholder?: boolean }
  /** Remove a property (key and value). */
  | { kind: 'remove'; path: PropertyPath }
  /** Rename a property key to another canonical property. */
  | { kind: 'rename'; path: PropertyPath; to: string }
  /** Rename an unknown key (as written) to a known canonical property. */
  | { kind: 'renameKey'; keySpan: Span; to: string }
  /** Remove the member whose key is written at `keySpan` (one occurrence of a key written twice). */
  | { kind: 'removeKey'; keySpan: Span }
  /** Add an item to a list property, creating the list when absent. */
  | { kind: 'addItem'; path: PropertyPath; value: JsonValue }
  /** Remove the list item at an index. */
  | { kind: 'removeItem'; path: PropertyPath; index: number }
  /** Replace the list item at an index. */
  | { kind: 'replaceItem'; path: PropertyPath; index: number; value: JsonValue }
  /** Make the definition depend on another resource (DependsOn, depends_on). */
  | { kind: 'addDependency'; target: string };

/** A fix: a titled set of changes applied together. */
export interface SemanticFix {
  title: string;
  changes: SemanticChange[];
  /** The best fix for its finding. */
  isPreferred?: boolean;
  /** Safe to apply without a person choosing (fix-all, `--fix`). */
  unambiguous?: boolean;
  /**
   * Set by the engine on a fix found in one case of conditional properties (../model/variants.ts):
   * the condition values of that case. Its changes then apply to the definition as it reads in
   * that case, so they edit the conditional's branch for that case, never the other one.
   */
  when?: Record<string, boolean>;
}

/** What a rule reports. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  /** Says what is wrong and what to do, with property names in the surface's spelling. */
  message: string;
  /** The text to flag: a key, a value, a list item, or the definition's name. */
  span: Span;
  fixes?: SemanticFix[];
}

/**
 * What `Rule.check` returns: a finding without its rule id; `severity` only where one rule
 * reports at two levels (e.g. an insecure callback URL is an error, an insecure logout URL a
 * warning). The engine fills in the rest and applies the user's severity settings.
 */
export interface RuleFinding {
  message: string;
  span: Span;
  fixes?: SemanticFix[];
  severity?: Severity;
}

/** What a rule can see besides the definition itself. */
export interface RuleContext {
  file: FileContext;
  /** The definition's spelling family, for names in messages (`spell(path, ctx.spelling)`). */
  spelling: Spelling;
  surface: SurfaceKind;
}

/** One rule. The file name in `server/src/rules/` is its id. */
export interface Rule {
  id: string;
  /** The default severity, which may depend on the surface (e.g. error in CloudFormation, warning in SDK calls). */
  severity: Severity | ((def: ClientDefinition) => Severity);
  /** One line for the rule list in the README and for `codeDescription`. */
  description: string;
  /** Whether the rule offers a quick fix. */
  fixable: boolean;
  check(def: ClientDefinition, ctx: RuleContext): RuleFinding[];
}
