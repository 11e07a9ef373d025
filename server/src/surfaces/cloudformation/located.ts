/**
 * Neutral nodes → located model values, with schema-canonical names on object members.
 *
 * Intrinsics (short or long form) become `unknown` values: `Ref X` and `GetAtt X.Attr` carry the
 * reference, `If [cond, a, b]` carries its branches as alternatives (minus `AWS::NoValue`) and, when
 * the condition is named literally, the value in each case (`branches`, for ../../model/variants.ts).
 * Strings with a Serverless variable are unknown too; everything else is a literal.
 */
import type { LocatedProperty, LocatedValue, UnknownValue } from '../../model';
import { canonicalName } from '../../schema';
import { type Intrinsic, hasServerlessVariable, intrinsicOf, isNoValue, referenceOf } from './intrinsics';
import { type TemplateNode, literalString } from './nodes';

/**
 * The located value of a node. `path` is the canonical path of the property the value belongs to
 * (`[]` for the properties object itself); `undefined` below a key the schema does not know, where
 * members get no canonical name.
 */
export function toValue(node: TemplateNode, path: readonly string[] | undefined): LocatedValue {
  const call = intrinsicOf(node);
  if (call) return unknownOf(call, node, path);
  if (node.tag !== undefined) return { kind: 'unknown', reason: node.tag, span: node.span };
  switch (node.kind) {
    case 'opaque':
      return { kind: 'unknown', reason: node.reason, span: node.span };
    case 'scalar': {
      const { value, span } = node;
      if (typeof value === 'string') {
        if (hasServerlessVariable(value)) return { kind: 'unknown', reason: 'Serverless variable', span };
        return { kind: 'string', value, quoted: node.quoted, span };
      }
      if (typeof value === 'number') return { kind: 'number', value, raw: node.raw, span };
      if (typeof value === 'boolean') return { kind: 'boolean', value, span };
      return { kind: 'null', span };
    }
    case 'seq':
      return { kind: 'list', items: node.items.map((item) => toValue(item, path)), flow: node.flow, span: node.span };
    case 'map':
      return { kind: 'object', members: membersOf(node.pairs, path), flow: node.flow, span: node.span };
  }
}

/** The members of a mapping, each with its canonical name under `path` when the schema knows it. */
export function membersOf(pairs: readonly { key: string; keySpan: LocatedProperty['keySpan']; value: TemplateNode; span: LocatedProperty['span'] }[], path: readonly string[] | undefined): LocatedProperty[] {
  return pairs.map((pair) => {
    const canonical = path ? canonicalName(pair.key, 'cloudformation', path) : undefined;
    const prop: LocatedProperty = {
      name: pair.key,
      keySpan: pair.keySpan,
      value: toValue(pair.value, canonical !== undefined && path ? [...path, canonical] : undefined),
      span: pair.span,
    };
    if (canonical !== undefined) prop.canonical = canonical;
    return prop;
  });
}

function unknownOf(call: Intrinsic, node: TemplateNode, path: readonly string[] | undefined): UnknownValue {
  const value: UnknownValue = { kind: 'unknown', reason: call.written, span: node.span };
  const ref = referenceOf(call);
  if (ref) value.ref = ref;
  if (call.fn === 'Fn::If' && call.arg.kind === 'seq' && call.arg.items.length >= 3) {
    const [whenTrue, whenFalse] = call.arg.items.slice(1, 3).map((branch) => (isNoValue(branch) ? undefined : toValue(branch, path)));
    value.alternatives = [whenTrue, whenFalse].filter((branch): branch is LocatedValue => branch !== undefined);
    const condition = literalString(call.arg.items[0]);
    if (condition !== undefined) value.branches = { condition, whenTrue, whenFalse };
  }
  return value;
}
