/**
 * Client definitions built by hand (for surfaces without a parser yet, and exact fix checks), and
 * running one rule on them.
 */
import assert from 'node:assert/strict';
import { emptyFileContext, type ClientDefinition, type LocatedProperty, type LocatedValue, type Operation, type Span, type Spelling, type SurfaceKind } from '../../server/src/model';
import { ruleById } from '../../server/src/rules';
import type { RuleFinding } from '../../server/src/rules/types';
import { canonicalName } from '../../server/src/schema';

export type Raw = string | number | boolean | null | Raw[] | { [key: string]: Raw };

export interface Built {
  def: ClientDefinition;
  text: string;
}

/**
 * A client definition built by hand, with its keys written as the spelling writes them, and the
 * text the spans point into (JSON-like). `{ $ref: 'X' }`, `{ $sub: '...' }` and
 * `{ $if: [cond, a, b] }` become unknown values (the last with both branches as alternatives).
 */
export function build(body: Record<string, Raw> | undefined, opts: { surface?: SurfaceKind; operation?: Operation; spelling?: Spelling } = {}): Built {
  const surface = opts.surface ?? 'cloudformation';
  const spelling = opts.spelling ?? (surface === 'terraform' ? 'terraform' : surface === 'sdk' ? 'api' : 'cloudformation');
  let text = 'Client = ';
  const emit = (s: string): Span => {
    const start = text.length;
    text += s;
    return { start, end: text.length };
  };
  const value = (v: Raw, parent: string[] | undefined): LocatedValue => {
    const start = text.length;
    if (v === null) return { kind: 'null', span: emit('null') };
    if (typeof v === 'string') return { kind: 'string', value: v, quoted: true, span: emit(JSON.stringify(v)) };
    if (typeof v === 'number') return { kind: 'number', value: v, raw: String(v), span: emit(String(v)) };
    if (typeof v === 'boolean') return { kind: 'boolean', value: v, span: emit(String(v)) };
    if (Array.isArray(v)) {
      emit('[');
      const items = v.map((x, i) => {
        if (i > 0) emit(', ');
        return value(x, undefined);
      });
      emit(']');
      return { kind: 'list', items, span: { start, end: text.length } };
    }
    const keys = Object.keys(v);
    if (keys.length === 1 && keys[0].startsWith('$')) {
      const arg = v[keys[0]];
      if (keys[0] === '$if' && Array.isArray(arg)) {
        emit(`{"Fn::If": [${JSON.stringify(arg[0])}, `);
        const a = value(arg[1], parent);
        emit(', ');
        const b = value(arg[2], parent);
        emit(']}');
        return { kind: 'unknown', reason: 'Fn::If', alternatives: [a, b], span: { start, end: text.length } };
      }
      emit(JSON.stringify({ [keys[0] === '$ref' ? 'Ref' : 'Fn::Sub']: arg }));
      return { kind: 'unknown', reason: keys[0] === '$ref' ? 'Ref' : 'Fn::Sub', ref: keys[0] === '$ref' ? { target: String(arg) } : undefined, span: { start, end: text.length } };
    }
    emit('{');
    const members: LocatedProperty[] = keys.map((key, i) => {
      if (i > 0) emit(', ');
      const keySpan = emit(JSON.stringify(key));
      emit(': ');
      const canonical = parent ? canonicalName(key, spelling, parent) : undefined;
      const val = value(v[key], parent && canonical ? [...parent, canonical] : undefined);
      return { name: key, canonical, keySpan, value: val, span: { start: keySpan.start, end: val.span.end } };
    });
    emit('}');
    return { kind: 'object', members, span: { start, end: text.length } };
  };
  const located = body === undefined ? undefined : value(body, []);
  const properties = new Map<string, LocatedProperty>();
  if (located?.kind === 'object') for (const m of located.members) if (m.canonical && !properties.has(m.canonical)) properties.set(m.canonical, m);
  const def: ClientDefinition = {
    surface,
    spelling,
    operation: opts.operation ?? (surface === 'sdk' ? 'create' : 'resource'),
    name: 'Client',
    span: { start: 0, end: text.length },
    nameSpan: { start: 0, end: 6 },
    body: located as ClientDefinition['body'],
    properties,
    dependsOn: [],
    references: new Set(),
  };
  return { def, text };
}

/** Run one rule on a hand-built definition. */
export function run(ruleId: string, built: Built): (RuleFinding & { at: string })[] {
  const r = ruleById(ruleId);
  assert.ok(r, `rule ${ruleId} is registered`);
  return r.check(built.def, { file: emptyFileContext(), spelling: built.def.spelling, surface: built.def.surface }).map((f) => ({ ...f, at: built.text.slice(f.span.start, f.span.end) }));
}

/** The severity a rule reports for a definition. */
export function severityFor(ruleId: string, def: ClientDefinition): string {
  const r = ruleById(ruleId)!;
  return typeof r.severity === 'function' ? r.severity(def) : r.severity;
}
