/**
 * CloudFormation intrinsic functions and Serverless Framework variables: recognising them in
 * the neutral tree (YAML short-form tags and long-form single-key mappings alike) and reading the
 * references they make.
 */
import type { Reference } from '../../model';
import { type TemplateNode, literalString } from './nodes';

/**
 * Every intrinsic function that has a YAML short form, by its long name. The rule-only functions
 * (`Fn::Contains`, `Fn::EachMember*`, `Fn::RefAll`, `Fn::ValueOf*`) are included so a template's
 * `Rules` section never reads as a syntax problem.
 */
export const SHORT_FORM_FUNCTIONS: readonly string[] = [
  'Ref',
  'Condition',
  'Fn::And',
  'Fn::Base64',
  'Fn::Cidr',
  'Fn::Contains',
  'Fn::EachMemberEquals',
  'Fn::EachMemberIn',
  'Fn::Equals',
  'Fn::FindInMap',
  'Fn::GetAtt',
  'Fn::GetAZs',
  'Fn::If',
  'Fn::ImportValue',
  'Fn::Join',
  'Fn::Length',
  'Fn::Not',
  'Fn::Or',
  'Fn::RefAll',
  'Fn::Select',
  'Fn::Split',
  'Fn::Sub',
  'Fn::ToJsonString',
  'Fn::Transform',
  'Fn::ValueOf',
  'Fn::ValueOfAll',
];

/** The YAML short-form tag of a function: `Fn::GetAtt` → `!GetAtt`, `Ref` → `!Ref`. */
export function shortTag(fn: string): string {
  return '!' + fn.replace(/^Fn::/, '');
}

/** Long function name by short-form tag. */
export const FUNCTION_BY_TAG: ReadonlyMap<string, string> = new Map(SHORT_FORM_FUNCTIONS.map((fn) => [shortTag(fn), fn]));

/** Whether a mapping key is a long-form intrinsic (`Ref`, `Condition`, `Fn::*`). */
export function isIntrinsicKey(key: string): boolean {
  return key === 'Ref' || key === 'Condition' || key.startsWith('Fn::');
}

/** Pseudo parameters (`AWS::Region`, `AWS::NoValue`) are never declared in the file. */
export function isPseudoParameter(name: string): boolean {
  return name.startsWith('AWS::');
}

/** An intrinsic call found in the tree. */
export interface Intrinsic {
  /** The long name: `Ref`, `Fn::If`, ... */
  fn: string;
  /** How it was written: `!Ref` or `Ref`, `!Sub` or `Fn::Sub`. */
  written: string;
  /** Its argument (for a short form: the node without its tag). */
  arg: TemplateNode;
}

/** The intrinsic a node is, when it is one (a known short-form tag or a single-key long form). */
export function intrinsicOf(node: TemplateNode): Intrinsic | undefined {
  if (node.tag !== undefined) {
    const fn = FUNCTION_BY_TAG.get(node.tag);
    return fn ? { fn, written: node.tag, arg: { ...node, tag: undefined } } : undefined;
  }
  if (node.kind === 'map' && node.pairs.length === 1 && isIntrinsicKey(node.pairs[0].key)) {
    return { fn: node.pairs[0].key, written: node.pairs[0].key, arg: node.pairs[0].value };
  }
  return undefined;
}

/** Whether a node is `!Ref AWS::NoValue` / `{Ref: AWS::NoValue}` (a branch that removes the property). */
export function isNoValue(node: TemplateNode): boolean {
  const call = intrinsicOf(node);
  return call?.fn === 'Ref' && literalString(call.arg) === 'AWS::NoValue';
}

/**
 * The plain reference an intrinsic makes, if it is one: `Ref X` (not a pseudo parameter),
 * `GetAtt X.Attr` or `GetAtt [X, Attr]`.
 */
export function referenceOf(call: Intrinsic): Reference | undefined {
  if (call.fn === 'Ref') {
    const target = literalString(call.arg);
    return target && !isPseudoParameter(target) ? { target } : undefined;
  }
  if (call.fn === 'Fn::GetAtt') {
    const dotted = literalString(call.arg);
    if (dotted !== undefined) {
      const dot = dotted.indexOf('.');
      if (dot <= 0) return dotted ? { target: dotted } : undefined;
      return { target: dotted.slice(0, dot), attribute: dotted.slice(dot + 1) || undefined };
    }
    if (call.arg.kind === 'seq' && call.arg.items.length > 0) {
      const target = literalString(call.arg.items[0]);
      if (!target) return undefined;
      const attribute = call.arg.items.length > 1 ? literalString(call.arg.items[1]) : undefined;
      return attribute ? { target, attribute } : { target };
    }
  }
  return undefined;
}

/**
 * The names a `Fn::Sub` template string refers to: `${X}` and `${X.Attr}` give `X`; `${!X}` is a
 * literal, `${AWS::Region}` a pseudo parameter, and names in `locals` (the variable map) are local.
 */
export function subReferences(template: string, locals: ReadonlySet<string> = new Set()): Reference[] {
  const out: Reference[] = [];
  // `[^}$]`: a `${` with no closing brace ends at the next `$`, so a long run of `${` is not rescanned from each one.
  for (const match of template.matchAll(/\$\{([^}$]*)\}/g)) {
    const inner = match[1].trim();
    if (inner.startsWith('!')) continue;
    const dot = inner.indexOf('.');
    const target = dot < 0 ? inner : inner.slice(0, dot);
    if (!/^[A-Za-z0-9]+$/.test(target) || locals.has(target)) continue;
    out.push(dot < 0 ? { target } : { target, attribute: inner.slice(dot + 1) });
  }
  return out;
}

/**
 * A Serverless Framework variable (`${self:...}`, `${opt:...}`, `${env:...}`, `${ssm:...}`,
 * `${file(...)}`, `${cf:...}`, `${sls:...}`, ...): resolved by the framework before CloudFormation
 * sees the template, so the string's final value is unknown here.
 */
const SERVERLESS_VARIABLE = /\$\{\s*(?:self|opt|env|ssm|s3|sls|param|aws|git|cf(?:\.[A-Za-z0-9-]+)?|file|strToBool|vault|terraform|doppler)\s*[:(]/;

/** Whether a string contains a Serverless Framework variable. */
export function hasServerlessVariable(text: string): boolean {
  return text.includes('${') && SERVERLESS_VARIABLE.test(text);
}
