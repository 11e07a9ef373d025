/**
 * What the caret is on, in surface-neutral terms, for completion. Each surface that supports
 * completion computes one from its own syntax, tolerating half-typed text (a key without its colon,
 * a `- ` with nothing after it, an unclosed `[`, a JSON key with no value and a missing comma), and
 * the completion feature turns it into items without knowing the syntax beyond `style`.
 */
import type { ClientDefinition, DocumentModel, Span, Spelling, SurfaceKind } from '../model';

/**
 * What is being written at the caret:
 * - `key`: a property name in the object at `path` (`[]` = the top level of the client's properties);
 * - `value`: the value of the property at `path`;
 * - `item`: an item of the list property at `path`;
 * - `newResource`: a new entry where resources are declared (a CloudFormation logical id under
 *   `Resources`, a `resource "aws_cognito_user_pool_client" ...` header at the top of a `.tf` file);
 * - `type`: the type of a resource (the CloudFormation `Type` value).
 */
export type CursorRole = 'key' | 'value' | 'item' | 'newResource' | 'type';

/**
 * The syntax around the caret, which decides how inserted text is written:
 * YAML block style (`Key:` on its own line, `- item`), YAML flow style (`{A: 1, B: 2}`, `[a, b]`),
 * JSON, Terraform HCL (`name = value`, `name { ... }` for nested blocks, `["a", "b"]`), a
 * JavaScript / TypeScript object literal (`js`: identifier keys, quoted strings), Python keyword
 * arguments (`python`: `Name=value`, lists `[...]`), or a Python dict (`python-dict`: `"Key": value`).
 */
export type CursorStyle = 'yaml-block' | 'yaml-flow' | 'json' | 'hcl' | 'js' | 'python' | 'python-dict';

/** The quote the partial word is written in. */
export interface QuoteState {
  char: '"' | "'";
  /** Whether the closing quote is already there (then `span` includes it). */
  closed: boolean;
}

export interface CursorContext {
  role: CursorRole;
  surface: SurfaceKind;
  /** The spelling family for names (the client's, or the surface's usual one). */
  spelling: Spelling;
  /**
   * The client definition the caret is in. Absent for `newResource` and `type`, and for a client the
   * surface recognised from the text although the model could not read it (a broken document).
   */
  client?: ClientDefinition;
  /**
   * Canonical path: for `key`, the object whose member is being written (`[]` = top level); for
   * `value` and `item`, the property. Empty for `newResource` and `type`.
   */
  path: string[];
  /** The text a completion replaces: the partial word with its quotes, if any (empty at a bare caret). */
  span: Span;
  /** The partial word typed so far, without quotes. */
  prefix: string;
  /** For `key`: canonical names already present at that level (not counting the one being typed). */
  existingKeys: string[];
  /** For `item` (and `value` of a list): literal items already in the list (not counting the one being typed). */
  existingItems: string[];
  style: CursorStyle;
  /** One indentation step as the document writes it (e.g. two spaces). */
  indentUnit: string;
  /**
   * The indentation of the line the completion starts on (for `key` and `newResource`: the column
   * of the key being written). Continuation lines of multi-line insertions start with it.
   */
  indent: string;
  /** The line break the document uses. */
  eol: string;
  /** Set when the partial word is inside quotes. */
  quote?: QuoteState;
  /**
   * For `key` and `newResource`: the key already has a `:` and a value after it, so only the name
   * is replaced (no value snippet).
   */
  hasValue?: boolean;
  /** Text to put before whatever is inserted (a space after a bare `:`, a `- ` on an empty line under a list). */
  insertPrefix?: string;
  /** Text to put after whatever is inserted (a `,` before a following JSON member). */
  insertSuffix?: string;
  /** Where a missing separator (a JSON `,` after the previous member) must be inserted, when one is missing. */
  commaBefore?: number;
  /** For `js` and Python: the quote new strings are written in (the document's). */
  stringQuote?: '"' | "'";
  /** True when the insertion is inline (inside a one-line flow or JSON object): multi-line values are written on one line. */
  inline?: boolean;
  /** Python CDK: the construct class as the call names it (`cognito.CfnUserPoolClient`), for `...Property(...)` values. */
  pythonClass?: string;
}

/** Computes the cursor context of a document at an offset; undefined when completion has nothing to offer there. */
export type CursorFunction = (doc: { uri: string; languageId: string; text: string }, offset: number, model: DocumentModel) => CursorContext | undefined;
