/**
 * What writing a value would do to a client, for ranking and annotating completion items: every
 * rule is run on the definition as it is and as it would be with the value (see `hypothetical` in
 * ./implied-edits), and the findings that appear only then are sorted into
 * - those the value's implied changes answer (they go with the item, see ./implied-edits);
 * - needs: what a fix can answer by only adding something (a missing property or list item), as
 *   when `code` still needs `CallbackURLs`;
 * - conflicts: what only undoing the value or changing what is written answers, as when
 *   `client_credentials` joins `code`, or a legacy auth flow name joins `ALLOW_*` names.
 * A value that makes a finding go away and brings none ranks first.
 */
import type { ClientDefinition, FileContext, Span } from '../model';
import { propertyAt } from '../model';
import { defaultSeverity } from '../rules/engine';
import { rules } from '../rules';
import type { RuleFinding, SemanticChange, SemanticFix, Severity } from '../rules/types';
import type { JsonValue } from '../schema/types';
import { findingKey, hypothetical, implication } from './implied-edits';

/** A finding the value would bring, with its rule and severity. */
export interface BroughtFinding {
  ruleId: string;
  severity: Severity;
  message: string;
}

/** What writing a value would do. */
export interface ValueEffect {
  /**
   * The rank of the value, best first: 0 it answers a finding and brings none; 1 it brings none;
   * 2 it brings only needs; 3 a warning or info conflicts with it; 4 an error conflicts with it.
   */
  tier: 0 | 1 | 2 | 3 | 4;
  /** How many findings the client would still have (those the implied changes answer aside). */
  remaining: number;
  /** Conflicting findings, errors first. */
  conflicts: BroughtFinding[];
  needs: BroughtFinding[];
  /** The changes the value obviously implies (to make together with it). */
  implied?: SemanticFix;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The findings of every rule for a definition, by `findingKey`; a rule that throws counts as silent. */
function findingsOf(def: ClientDefinition, file: FileContext): Map<string, BroughtFinding & { fixes?: SemanticFix[] }> {
  const ctx = { file, spelling: def.spelling, surface: def.surface };
  const out = new Map<string, BroughtFinding & { fixes?: SemanticFix[] }>();
  for (const rule of rules) {
    let found: RuleFinding[];
    try {
      found = rule.check(def, ctx);
    } catch {
      continue;
    }
    for (const f of found) out.set(findingKey(rule.id, f), { ruleId: rule.id, severity: f.severity ?? defaultSeverity(rule, def), message: f.message, fixes: f.fixes });
  }
  return out;
}

function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}

/**
 * Whether a change only adds to what `def` has written (a new property or a new list item) and
 * leaves the chosen value at `chosen` alone.
 */
function onlyAdds(change: SemanticChange, def: ClientDefinition, chosen: readonly string[]): boolean {
  switch (change.kind) {
    case 'addItem':
    case 'insert':
    case 'addDependency':
      return true;
    case 'set':
      return !samePath(change.path, chosen) && propertyAt(def, change.path) === undefined;
    default:
      return false;
  }
}

/**
 * The effect of writing `value` at `path` of `def` (for a list property: adding it as an item, in
 * place of the item at `replacing`); undefined when the definition cannot be read that way.
 */
export function valueEffect(def: ClientDefinition, path: readonly string[], value: JsonValue, file: FileContext, replacing?: Span): ValueEffect | undefined {
  return valueEffects(def, path, file, replacing)(value);
}

/**
 * The findings of a definition as it is, per definition object (one per document version: the
 * cached analysis keeps its model), so completion asked again in the same client does not run
 * every rule on it again. Weak: it goes with the model.
 */
const findingsNow = new WeakMap<ClientDefinition, { file: FileContext; start: number; end: number; findings: ReturnType<typeof findingsOf> }>();

function currentFindings(def: ClientDefinition, file: FileContext): ReturnType<typeof findingsOf> {
  const known = findingsNow.get(def);
  // An incremental analysis (./incremental.ts) moves the spans of the definitions after an edit in
  // place, so the same object may stand at another place in the next version: findings are keyed
  // by where they are, so the kept ones count only while the definition has not moved.
  if (known && known.file === file && known.start === def.span.start && known.end === def.span.end) return known.findings;
  const findings = findingsOf(def, file);
  findingsNow.set(def, { file, start: def.span.start, end: def.span.end, findings });
  return findings;
}

/** `valueEffect` for several values at one place: the rules run on the definition as it is once. */
export function valueEffects(def: ClientDefinition, path: readonly string[], file: FileContext, replacing?: Span): (value: JsonValue) => ValueEffect | undefined {
  let before: ReturnType<typeof findingsOf> | undefined;
  return (value) => {
    const after = hypothetical(def, path, value, replacing);
    if (!after) return undefined;
    before ??= currentFindings(def, file);
    return effectOf(def, after, before, path, value, file, replacing);
  };
}

function effectOf(
  def: ClientDefinition,
  after: ClientDefinition,
  before: ReturnType<typeof findingsOf>,
  path: readonly string[],
  value: JsonValue,
  file: FileContext,
  replacing?: Span,
): ValueEffect {
  const now = findingsOf(after, file);
  const implied = implication(path, value, def, file, replacing);
  const conflicts: BroughtFinding[] = [];
  const needs: BroughtFinding[] = [];
  for (const [key, f] of now) {
    if (before.has(key) || implied?.resolves.has(key)) continue;
    const brought = { ruleId: f.ruleId, severity: f.severity, message: f.message };
    const additive = (f.fixes ?? []).some((fix) => fix.changes.length > 0 && fix.changes.every((c) => onlyAdds(c, def, path)));
    (additive ? needs : conflicts).push(brought);
  }
  conflicts.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const answers = [...before.keys()].some((k) => !now.has(k));
  const tier = conflicts.some((c) => c.severity === 'error') ? 4 : conflicts.length > 0 ? 3 : needs.length > 0 ? 2 : answers ? 0 : 1;
  const remaining = [...now.keys()].filter((k) => !implied?.resolves.has(k)).length;
  const effect: ValueEffect = { tier, remaining, conflicts, needs };
  if (implied) effect.implied = implied.fix;
  return effect;
}

/** The first clause of a finding's message, short enough to stand next to a completion label. */
export function shortReason(message: string, max = 120): string {
  const cut = /[;:.](\s|$)/.exec(message);
  const clause = cut ? message.slice(0, cut.index) : message;
  if (clause.length <= max) return clause;
  const space = clause.lastIndexOf(' ', max - 1);
  return `${clause.slice(0, space > max / 2 ? space : max - 1).replace(/(?<![\s,])[\s,]+$/, '')}…`;
}
