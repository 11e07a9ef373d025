/**
 * The semantic fix vocabulary: what a fix changes in a client definition, in canonical names and
 * JSON values, independent of any syntax. Rules produce it; each surface's edit builder turns it
 * into text edits in its own syntax. It lives beside the model so that rules and surfaces both
 * depend downward on it and never on each other.
 */
import type { JsonValue } from '../schema/types';
import type { Span } from './index';

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
   * Set by the engine on a fix found in one case of conditional properties (./variants.ts): the
   * condition values of that case. Its changes then apply to the definition as it reads in that
   * case, so they edit the conditional's branch for that case, never the other one.
   */
  when?: Record<string, boolean>;
}
