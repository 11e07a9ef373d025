/**
 * Runs every rule over every client definition of a document model and applies the user's
 * per-rule severity settings. Pure: no syntax, no LSP.
 *
 * A definition with conditional properties (`AccessTokenValidity: !If [IsProd, 60, 5]`) is checked
 * once per case (../model/variants.ts). A finding made in every case is reported once, as usual; a
 * finding made in some cases only says which (`When IsProd is true: ...`). Fixes are kept only
 * where they edit what the finding is about: a finding of every case keeps the fixes that leave the
 * conditional properties alone, a finding of some cases keeps those that edit only branches its
 * cases agree on (the fix carries the case in `when`, and the edit builders edit that branch);
 * one of those that edits no branch at all changes every case, so it is never applied automatically.
 *
 * A definition that is the body of a loop (`Fn::ForEach`) is checked once; its findings name the loop.
 * A finding on a member written outside the definition (merged in from an anchor with YAML's `<<`)
 * names the definition and has no fixes.
 */
import type { ClientDefinition, DocumentModel, LocatedValue, Span } from '../model';
import { describeConditions, variantsOf, type ConditionValues, type Variant } from '../model/variants';
import { rules } from './index';
import type { Finding, Rule, RuleFinding, SemanticChange, SemanticFix, Severity } from './types';

/** Per-rule setting: a severity, or `off`. */
export type RuleSetting = Severity | 'off';

export interface EngineOptions {
  /** Overrides by rule id. */
  rules?: Record<string, RuleSetting>;
}

/** The default severity of a rule for one definition. */
export function defaultSeverity(rule: Rule, def: ClientDefinition): Severity {
  return typeof rule.severity === 'function' ? rule.severity(def) : rule.severity;
}

/**
 * All findings for a model, in document order. A rule that throws is reported as nothing for that
 * definition (a bug in one rule never hides the others' findings).
 */
export function runRules(model: DocumentModel, options: EngineOptions = {}, onError?: (rule: Rule, error: unknown) => void): Finding[] {
  const findings: Finding[] = [];
  for (const [index, def] of model.clients.entries()) {
    const variants = variantsOf(def);
    const found = variants.length === 0 ? checkDefinition(def, model, options, onError) : checkVariants(variants, model, options, onError);
    const merged = mergedSpans(def);
    for (const f of found) {
      // A value written elsewhere (merged in with YAML's `<<`) is flagged where it is written, for this
      // definition by name, and without fixes: an edit there would change every definition sharing it.
      const inside = !merged.some((s) => s.start <= f.span.start && f.span.end <= s.end);
      let message = inside ? f.message : `${def.name} gets this from a YAML merge (<<): ${f.message}`;
      // The body of a loop stands for every copy the loop makes: the finding names the loop.
      if (def.loop !== undefined) message = `In ${def.loop}: ${message}`;
      let fixes = inside ? f.fixes : undefined;
      // The CDK's own synth-time texts are quoted exactly, as `cdk synth` prints them.
      if (model.literals === 'python' && f.ruleId !== 'cdk-synth-error') {
        message = pythonLiterals(message);
        fixes = fixes?.map((x) => ({ ...x, title: pythonLiterals(x.title) }));
      }
      findings.push(inside && message === f.message && fixes === f.fixes ? { ...f, client: index } : { ...f, message, fixes, client: index });
    }
  }
  findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId));
  return findings;
}

/**
 * Booleans named in a message or fix title as Python writes them (`true` -> `True`), for a Python
 * file; a quoted `"true"` (a string value as written) and words inside names and URLs stay.
 */
export function pythonLiterals(text: string): string {
  return text.replace(/(?<![\w.:/'"-])(true|false)(?![\w:/'"-]|\.\w)/g, (m) => (m === 'true' ? 'True' : 'False'));
}

/** The members of a definition's body written outside the definition (merged in from an anchor). */
function mergedSpans(def: ClientDefinition): Span[] {
  const out: Span[] = [];
  const visit = (value: LocatedValue | undefined, depth: number): void => {
    if (!value || value.kind !== 'object' || depth > 20) return;
    for (const m of value.members) {
      if (m.span.start < def.span.start || m.span.end > def.span.end) out.push(m.span);
      else visit(m.value, depth + 1);
    }
  };
  visit(def.body, 0);
  return out;
}

function checkDefinition(def: ClientDefinition, model: DocumentModel, options: EngineOptions, onError?: (rule: Rule, error: unknown) => void): Finding[] {
  const findings: Finding[] = [];
  // A derived definition is checked in canonical names, which `inDerivedTerms` then renames.
  const ctx = { file: model.context, spelling: def.derived ? 'cloudformation' as const : def.spelling, surface: def.surface };
  for (const rule of rules) {
    const setting = options.rules?.[rule.id];
    if (setting === 'off') continue;
    let results: RuleFinding[];
    try {
      results = rule.check(def, ctx);
    } catch (error) {
      onError?.(rule, error);
      continue;
    }
    for (const found of def.derived ? onePerDefault(results, def) : results) {
      const r = def.derived ? inDerivedTerms(found, def, rule.id) : found;
      const severity = setting ?? r.severity ?? defaultSeverity(rule, def);
      findings.push({ ruleId: rule.id, severity, message: r.message, span: r.span, fixes: r.fixes });
    }
  }
  return findings;
}

/**
 * A finding on a derived definition (the CDK L2 construct) in the source's terms: canonical names
 * renamed to the props they come from (`AllowedOAuthFlows` -> `oAuth.flows`); a finding located at
 * the defaults (the construct call) starts with the reason of each default it names (``oAuth` is
 * not set, so the CDK enables ...`). Its fixes address the derived resource: those the source can
 * express are translated (`DerivedInfo.translateFix`), the others dropped.
 */
export function inDerivedTerms(r: RuleFinding, def: ClientDefinition, ruleId: string): RuleFinding {
  const derived = def.derived!;
  const reasons: string[] = [];
  if (r.span.start === derived.defaultsAt.start && r.span.end === derived.defaultsAt.end) {
    for (const [name, prop] of def.properties) {
      if (prop.defaulted && mentions(r.message, name) && !reasons.includes(prop.defaulted)) reasons.push(prop.defaulted);
    }
  }
  let message = r.message;
  // A value the source writes differently, in a message about its property: `Set it to ENABLED` -> `to true`.
  for (const [canonical, values] of Object.entries(derived.values ?? {})) {
    if (!mentions(message, canonical)) continue;
    for (const [value, written] of Object.entries(values)) message = message.replace(new RegExp(`\\bto ${value}\\b`, 'g'), `to ${written}`);
  }
  message = renamed(message, derived.names);
  const translate = derived.translateFix;
  const fixes = translate ? r.fixes?.map((f) => translate(ruleId, f)).filter((f): f is SemanticFix => f !== undefined) : undefined;
  return { ...r, message: reasons.length > 0 ? `${reasons.join('; ')}. ${message}` : message, fixes: fixes && fixes.length > 0 ? fixes : undefined };
}

/**
 * A rule's findings on a derived definition with those at the defaults (the construct call) made
 * one: they are about items of one default (every scope the CDK allows), so the call is flagged once.
 */
function onePerDefault(results: RuleFinding[], def: ClientDefinition): RuleFinding[] {
  const at = def.derived!.defaultsAt;
  const isAt = (r: RuleFinding) => r.span.start === at.start && r.span.end === at.end;
  const there = results.filter(isAt);
  if (there.length < 2) return results;
  const first = results.indexOf(there[0]);
  const merged = { ...there[0], message: `${there[0].message} The same holds for ${there.length - 1} more ${there.length === 2 ? 'item' : 'items'} of this default.` };
  return results.filter((r, i) => i === first || !isAt(r)).map((r) => (r === there[0] ? merged : r));
}

function wordPattern(name: string): RegExp {
  return new RegExp(`(?<![\\w.:/])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w])`, 'g');
}

function mentions(message: string, name: string): boolean {
  return wordPattern(name).test(message);
}

/** A message with each canonical name (longest first) replaced by the source's name. */
export function renamed(message: string, names: Record<string, string>): string {
  let out = message;
  const keys = Object.keys(names).sort((a, b) => b.length - a.length);
  // Placeholders first, so that a replacement is never renamed again.
  keys.forEach((key, i) => {
    out = out.replace(wordPattern(key), `\u0000${i}\u0000`);
  });
  return out.replace(/\u0000(\d+)\u0000/g, (_, i: string) => names[keys[Number(i)]]);
}

/** A finding and the variants (by index) it was made in. */
interface Seen {
  finding: Finding;
  variants: number[];
}

function checkVariants(variants: Variant[], model: DocumentModel, options: EngineOptions, onError?: (rule: Rule, error: unknown) => void): Finding[] {
  const seen = new Map<string, Seen>();
  variants.forEach((variant, index) => {
    for (const f of checkDefinition(variant.def, model, options, onError)) {
      const key = [f.ruleId, f.severity, f.span.start, f.span.end, f.message].join('\u0000');
      const entry = seen.get(key);
      if (entry) entry.variants.push(index);
      else seen.set(key, { finding: f, variants: [index] });
    }
  });
  // Which conditions decide each conditional property (by canonical path).
  const deciding = new Map<string, Set<string>>();
  for (const v of variants) {
    for (const [path, r] of v.resolved) {
      const set = deciding.get(path) ?? new Set<string>();
      r.conditions.forEach((c) => set.add(c));
      deciding.set(path, set);
    }
  }
  const conditions = Object.keys(variants[0].when);

  const out: Finding[] = [];
  for (const { finding, variants: cases } of seen.values()) {
    if (cases.length === variants.length) {
      out.push({ ...finding, fixes: keepFixes(finding.fixes, deciding, new Set(), undefined) });
      continue;
    }
    const agreed = agreedConditions(cases.map((i) => variants[i].when), conditions);
    const isCube = cases.length === variants.length / 2 ** Object.keys(agreed).length;
    // Cases no single combination describes (IsProd or HasApp) are reported per case.
    const groups = isCube ? [{ when: agreed, first: cases[0] }] : cases.map((i) => ({ when: variants[i].when, first: i }));
    for (const group of groups) {
      out.push({
        ...finding,
        message: `When ${describeConditions(group.when)}: ${finding.message}`,
        fixes: keepFixes(finding.fixes, deciding, new Set(Object.keys(group.when)), variants[group.first].when),
      });
    }
  }
  return out;
}

/** The conditions every case agrees on, with their value. */
function agreedConditions(cases: ConditionValues[], conditions: string[]): ConditionValues {
  const out: ConditionValues = {};
  for (const c of conditions) {
    const value = cases[0][c];
    if (cases.every((w) => w[c] === value)) out[c] = value;
  }
  return out;
}

/** The canonical path a change addresses, when it addresses one. */
function pathOf(change: SemanticChange): string[] | undefined {
  return 'path' in change ? change.path : undefined;
}

/**
 * The fixes that edit only what the cases agree on: every conditional property a change reaches
 * must be decided by an agreed condition (then `when` picks its branch), and a change may not
 * replace, remove or rename the conditional property as a whole (that would edit every branch).
 */
function keepFixes(fixes: SemanticFix[] | undefined, deciding: Map<string, Set<string>>, agreed: Set<string>, when: ConditionValues | undefined): SemanticFix[] | undefined {
  if (!fixes) return fixes;
  const kept = fixes.filter((fix) =>
    fix.changes.every((change) => {
      const path = pathOf(change);
      if (!path) return true;
      // From the body itself (`''`, a conditional `Properties`) down to the property the change addresses.
      for (let i = 0; i <= path.length; i++) {
        const conditions = deciding.get(path.slice(0, i).join('.'));
        if (conditions === undefined) continue;
        if ([...conditions].some((c) => !agreed.has(c))) return false;
        if (i === path.length && change.kind !== 'addItem' && change.kind !== 'removeItem' && change.kind !== 'replaceItem') return false;
      }
      return true;
    }),
  );
  // A change by key (rename, remove) edits that key only, which in a finding of some cases is in their branch.
  const touchesBranch = (fix: SemanticFix) => fix.changes.some((c) => {
    const path = pathOf(c);
    return path === undefined ? c.kind === 'renameKey' || c.kind === 'removeKey' : [...path, ''].some((_, i) => deciding.has(path.slice(0, i).join('.')));
  });
  // The fixes of some cases apply to the definition as it reads in them (a key in a branch is found
  // there); one that edits no branch changes every case, so it is never applied without a person choosing.
  return kept.map((fix) => (!when ? fix : touchesBranch(fix) ? { ...fix, when } : { ...fix, when, unambiguous: false }));
}
