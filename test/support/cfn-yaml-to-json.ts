/**
 * A CloudFormation YAML template turned into the equivalent JSON template, for tests that need
 * JSON inputs the corpus does not have (the corpus may be read, never copied into the repository).
 * Short-form intrinsics become their long form: `!Ref X` → `{"Ref": "X"}`, `!GetAtt A.B` →
 * `{"Fn::GetAtt": ["A", "B"]}`, `!Sub s` → `{"Fn::Sub": s}`, `!Condition C` → `{"Condition": "C"}`.
 */
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';

function intrinsic(tag: string, value: unknown): unknown {
  const name = tag.slice(1);
  if (name === 'Ref' || name === 'Condition') return { [name]: value };
  if (name === 'GetAtt' && typeof value === 'string') {
    const dot = value.indexOf('.');
    return { 'Fn::GetAtt': dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
  }
  return { [`Fn::${name}`]: value };
}

function toPlain(node: unknown, doc: Document, depth = 0): unknown {
  if (depth > 500) throw new Error('nested too deep');
  if (node === null || node === undefined) return null;
  if (isAlias(node)) return toPlain(node.resolve(doc), doc, depth + 1);
  let value: unknown;
  if (isScalar(node)) value = node.value;
  else if (isMap(node)) {
    const out: Record<string, unknown> = {};
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      out[key] = toPlain(pair.value, doc, depth + 1);
    }
    value = out;
  } else if (isSeq(node)) value = node.items.map((item) => toPlain(item, doc, depth + 1));
  else throw new Error(`unexpected YAML node ${String(node)}`);
  const tag = (node as Node).tag;
  return tag?.startsWith('!') && !tag.startsWith('!!') ? intrinsic(tag, value) : value;
}

/** The JSON text (two-space indent) of a CloudFormation YAML template. Throws on YAML errors. */
export function cloudFormationYamlToJson(yamlText: string): string {
  const doc = parseDocument(yamlText, { uniqueKeys: false, strict: false, logLevel: 'silent' });
  if (doc.errors.length > 0) throw new Error(`not valid YAML: ${doc.errors[0].message}`);
  return JSON.stringify(toPlain(doc.contents, doc), null, 2) + '\n';
}
