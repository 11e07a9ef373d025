/**
 * What the two Terraform readers (`json.ts` for `.tf.json` through jsonc-parser, `hcl.ts` for `.tf`
 * through tree-sitter) hand to the shared model builder (`model.ts`): the top-level blocks of one
 * file with their bodies, values already located (UTF-16 spans) and already classified as literal
 * or Unknown. The readers know syntax and nothing of Cognito; the builder knows Cognito and no
 * syntax, so both syntaxes are read with one set of semantics.
 */
import type { LocatedValue, ParseProblem, Span } from '../../model';

/** One `name = value` argument. */
export interface TfAttribute {
  name: string;
  nameSpan: Span;
  value: LocatedValue;
  /** From the name to the end of the value. */
  span: Span;
}

/**
 * A nested block (`token_validity_units { ... }`, `lifecycle { ... }`, `dynamic "x" { ... }`).
 * In `.tf.json`, an object (or an array of objects) under a key is an attribute to the reader; the
 * builder turns the ones it knows to be blocks into blocks.
 */
export interface TfNestedBlock {
  type: string;
  typeSpan: Span;
  labels: string[];
  body: TfBody;
  /** The whole block, from its type to its closing brace. */
  span: Span;
}

/** The inside of a block. */
export interface TfBody {
  attributes: TfAttribute[];
  blocks: TfNestedBlock[];
  /** Between the braces (for HCL), or the object (for JSON). */
  span: Span;
}

/** A top-level block: `resource "type" "name" { ... }`, `data`, `locals`, `variable`, `output`, ... */
export interface TfBlock {
  /** `resource`, `data`, `locals`, `variable`, `output`, `module`, `provider`, `terraform`, ... */
  kind: string;
  /** The labels (`["aws_cognito_user_pool_client", "web"]` for a resource). */
  labels: string[];
  labelSpans: Span[];
  /** The whole block (HCL: from the keyword to the closing brace; JSON: the innermost object entry that holds it). */
  span: Span;
  /** Where the definition is named (the last label). */
  nameSpan: Span;
  body: TfBody;
}

/** One file as a reader saw it. */
export interface TfFile {
  blocks: TfBlock[];
  /** Syntax errors; the blocks hold what could still be read. */
  problems: ParseProblem[];
  /** The line comments, when the reader was asked for them (read from the same syntax tree). */
  comments?: HclLineComment[];
}

/** A line comment of an HCL text: its span and the text after `#` or `//`. */
export interface HclLineComment {
  span: Span;
  body: string;
}

/*
 * How readers write an expression they cannot evaluate, as an `unknown` LocatedValue:
 * - a reference to a resource or data source attribute: `reason` as written (`aws_cognito_user_pool.main.id`),
 *   `ref: { target: 'aws_cognito_user_pool.main', attribute: 'id' }` (`data.x.y.z`: target `data.x.y`);
 * - `var.name`: `ref: { target: 'var.name' }`; `local.name`: `ref: { target: 'local.name' }`
 *   (the builder substitutes literal locals of the module);
 * - anything else (a function call, a conditional, a `for`, a template with interpolation, a
 *   splat): `reason` only, a short description such as `a function call` or `${...}`.
 * In `.tf.json`, a string holding `${...}` is an expression: exactly `"${ref}"` gives the reference
 * as above, anything else with an interpolation is Unknown.
 */
