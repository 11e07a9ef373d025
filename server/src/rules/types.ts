/**
 * What a rule is: a pure function over one located client definition and its file context.
 * Rules know no syntax and no LSP; they return findings with the span to flag and, where a fix
 * makes sense, a semantic description of it that each surface's edit builder turns into text.
 */
import type { ClientDefinition, FileContext, SemanticFix, Span, Spelling, SurfaceKind } from '../model';

// The fix vocabulary lives beside the model, so that rules and surfaces both depend downward on it.
export type { PropertyPath, SemanticChange, SemanticFix } from '../model';

export type Severity = 'error' | 'warning' | 'info';

/** What a rule reports. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  /** Says what is wrong and what to do, with property names in the surface's spelling. */
  message: string;
  /** The text to flag: a key, a value, a list item, or the definition's name. */
  span: Span;
  fixes?: SemanticFix[];
  /**
   * The index in the model's `clients` of the definition the finding is about (set by the engine;
   * the span may lie outside it: a stack output, a value merged in or bound elsewhere).
   */
  client?: number;
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
