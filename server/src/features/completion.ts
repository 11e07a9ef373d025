/**
 * Completion for user pool client definitions, as a pure function over the document and its model.
 *
 * The surface's cursor function (from the registry in `surfaces/cursor.ts`) says what the caret is
 * on; this turns that into items:
 * - property names not yet present at that level, spelled for the surface, with a value snippet
 *   written in the document's style (YAML block or flow, JSON, HCL with nested blocks for objects);
 * - values: `true`/`false`, enum values (also in list items and `TokenValidityUnits`), the user
 *   pools of the file for `UserPoolId`;
 * - list items: enum values, standard scopes plus the custom scopes of resource servers in the
 *   file, built-in identity providers plus those declared in the file, standard attributes plus
 *   the user pool's custom attributes; items already in the list are not offered again;
 * - values and items are ranked by what the rules say of the client as it would be with them
 *   (./value-effects): first what keeps it valid, last what conflicts with what is written,
 *   with the reason; a value that obviously implies another change makes it too (./implied-edits);
 * - whole client resources for four kinds of application where a new logical id (or a `.tf`
 *   `resource "aws_cognito_user_pool_client"` header) is written, and
 *   the client's type for a resource's `Type`.
 * Every item replaces the partial word (`textEdit`) and carries `kind`, `detail` (the schema's
 * title), Markdown `documentation` and `sortText`.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { JsonValue } from '../schema/types';
import {
  CompletionItemKind,
  CompletionItemTag,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  TextEdit,
  type CompletionItem,
  type CompletionList,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import { propertyAt, type ClientDefinition, type DocumentModel, type FileContext, type LocatedValue } from '../model';
import { literalStrings } from '../model/values';
import { CUSTOM_PREFIX } from '../rules/util/attribute-names';
import { FLOW_CLIENT_CREDENTIALS, OAUTH_PATHS } from '../rules/util/oauth-values';
import { referencedUserPool, USER_POOL_ID } from '../rules/util/resource-links';
import { isInputIn, isRequiredIn, propertiesFor, propertySchema, schema, vocabulary, writeContextOf, type PropertySchema, type ValueSchema, type WriteContext } from '../schema';
import { cursorFor, type CursorContext } from '../surfaces/cursor';
import { sourceOf } from '../surfaces';
import { code, enumValueMarkdown, propertyMarkdown } from './hover-docs';
import { jsKey, jsString } from '../surfaces/sdk/edits-javascript';
import { L2_STRUCTS, l2Name } from '../surfaces/sdk/cdk-l2';
import { L2_HELPERS, l2Doc, l2Members, l2WrittenName, pythonProse, type L2Kind } from '../surfaces/sdk/cdk-l2-docs';
import { pythonCdkClass } from '../surfaces/sdk/python-cdk-names';
import { shortReason, valueEffects, type ValueEffect } from './value-effects';
import { fixTextEdits } from './implied-edits';
import {
  archetypeInputs,
  clientArchetypes,
  escapeSnippet,
  freeAddress,
  hclPoolReference,
  hclQuoted,
  renderArchetypeResource,
  snakeName,
  renderMember,
  yamlScalar,
  type RenderOptions,
  type SnippetValue,
} from './snippets';

/** Clients longer than this (in characters) get their values offered without ranking by effect. */
export const MAX_RANKED_CLIENT_CHARS = 64 * 1024;

/**
 * Clients holding more values than this (list items count one each) are not ranked either: the
 * rules' work grows with the values, not the characters (a 50 KB client with a pasted list of
 * thousands of short items took 1.4 s a completion, fuzz seed 4242 index 54523). A real client
 * has at most a few hundred (100 callback and 100 logout URLs, 50 scopes, its attributes).
 */
export const MAX_RANKED_CLIENT_VALUES = 1000;

const valueCounts = new WeakMap<ClientDefinition, number>();

/** How many values a client holds, counted up to just past `limit`; remembered per definition. */
function valueCount(def: ClientDefinition, limit: number): number {
  const known = valueCounts.get(def);
  if (known !== undefined) return known;
  let count = 0;
  const stack: LocatedValue[] = def.body ? [def.body] : [];
  while (stack.length > 0 && count <= limit) {
    const value = stack.pop()!;
    count++;
    if (value.kind === 'list') for (const item of value.items) stack.push(item);
    else if (value.kind === 'object') for (const m of value.members) stack.push(m.value);
  }
  valueCounts.set(def, count);
  return count;
}

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

/** Choice lists longer than this become a plain tab stop (item completion then offers the values). */
const MAX_CHOICES = 10;

/** One candidate value for a list item or scalar. */
interface Candidate {
  value: string;
  documentation: string;
  kind: CompletionItemKind;
  deprecated?: boolean;
}

function writeContextFor(ctx: CursorContext): WriteContext {
  if (ctx.client) return writeContextOf(ctx.client);
  return ctx.surface === 'sdk' ? 'create' : ctx.surface;
}

function renderOptions(ctx: CursorContext): RenderOptions {
  const options: RenderOptions = { style: ctx.style, indent: ctx.indent, unit: ctx.indentUnit, eol: ctx.eol, inline: ctx.inline, quote: ctx.stringQuote };
  if (ctx.surface === 'terraform') options.terraform = true;
  return options;
}

/** Whether the cursor is in Python code (keyword arguments or a dict). */
function isPython(ctx: CursorContext): boolean {
  return ctx.style === 'python' || ctx.style === 'python-dict';
}

/** A Python string literal in the quote being typed (double quotes by default). */
function pythonString(value: string, quote: '"' | "'" = '"'): string {
  return quote + value.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), '\\' + quote) + quote;
}

/** Builds items that replace the cursor's span. */
class Items {
  readonly list: CompletionItem[] = [];
  constructor(
    private readonly document: TextDocument,
    private readonly ctx: CursorContext,
    /** For value items: what is needed to offer the edits a value implies (see ./implied-edits). */
    private readonly implied?: { model: DocumentModel; surfaceId: string },
  ) {}

  /**
   * Add an item whose snippet replaces the span. `word` is what the typed text is matched against
   * (the label by default); the editor compares it with the text from the span's start to the
   * caret, so an opening quote there is added to it.
   */
  add(label: string, snippet: string, extra: Partial<CompletionItem> & { kind: CompletionItemKind; sortText: string; word?: string }): void {
    const { document, ctx } = this;
    const range = { start: document.positionAt(ctx.span.start), end: document.positionAt(ctx.span.end) };
    const newText = escapeSnippet(ctx.insertPrefix ?? '') + snippet + escapeSnippet(ctx.insertSuffix ?? '');
    const { word, ...rest } = extra;
    const item: CompletionItem = {
      label,
      insertTextFormat: InsertTextFormat.Snippet,
      insertTextMode: InsertTextMode.asIs,
      textEdit: TextEdit.replace(range, newText),
      ...rest,
    };
    const filterWord = word ?? label;
    if (ctx.quote) item.filterText = ctx.quote.char + filterWord + ctx.quote.char;
    else if (word !== undefined && word !== label) item.filterText = word;
    if (ctx.commaBefore !== undefined) item.additionalTextEdits = [TextEdit.insert(document.positionAt(ctx.commaBefore), ',')];
    // In code the TypeScript server lists its own items too (globals sort at `11`-`15`): inside a
    // Cognito call's literal, ours come first.
    if (ctx.style === 'js' && item.sortText !== undefined) item.sortText = `0${item.sortText}`;
    this.list.push(item);
  }

  /**
   * Add a value or list item: one item per label, ranked (its `sortText` prefixed) and annotated by
   * what the rules say of the client with `inserted` written: a value that conflicts with what is
   * written comes last and names the reason; one that obviously implies another change
   * (`client_credentials` needs `GenerateSecret: true`) makes that change too and says so.
   */
  addValue(label: string, snippet: string, inserted: JsonValue, extra: Partial<CompletionItem> & { kind: CompletionItemKind; sortText: string; word?: string }): void {
    if (this.list.some((i) => i.label === label)) return;
    const effect = this.effectOf(inserted);
    const documentation = typeof extra.documentation === 'object' ? extra.documentation.value : extra.documentation ?? '';
    const notes = effect ? effectNotes(effect) : '';
    this.add(label, snippet, {
      ...extra,
      sortText: `${effect?.tier ?? 1}${Math.min(effect?.remaining ?? 0, 9)}${extra.sortText}`,
      ...(notes ? { documentation: doc(documentation ? `${documentation}\n\n${notes}` : notes) } : {}),
    });
    const item = this.list[this.list.length - 1];
    if (!effect) return;
    const worst = effect.conflicts[0];
    if (worst) {
      item.labelDetails = { description: `${worst.severity === 'error' ? 'invalid here' : 'discouraged'}: ${shortReason(worst.message)}` };
      return;
    }
    if (effect.implied) this.addImplied(item, effect);
  }

  private effects?: (value: JsonValue) => ValueEffect | undefined;

  private effectOf(inserted: JsonValue): ValueEffect | undefined {
    const { ctx, implied } = this;
    if (!implied || !ctx.client || (ctx.role !== 'value' && ctx.role !== 'item')) return undefined;
    // Ranking runs every rule on the client once per value offered: on a client of hundreds of KB
    // (a pasted list of 50,000 items) that took seconds, so such a client's values are offered unranked.
    if (ctx.client.span.end - ctx.client.span.start > MAX_RANKED_CLIENT_CHARS || valueCount(ctx.client, MAX_RANKED_CLIENT_VALUES) > MAX_RANKED_CLIENT_VALUES) return undefined;
    try {
      this.effects ??= valueEffects(ctx.client, ctx.path, implied.model.context, ctx.role === 'item' ? ctx.span : undefined);
      return this.effects(inserted);
    } catch {
      return undefined; // ranking is a courtesy: a rule that cannot read the hypothetical client leaves the item as it is
    }
  }

  /** The changes a value implies, made by its item too (unless they would touch the item's own edits). */
  private addImplied(item: CompletionItem, effect: ValueEffect): void {
    const { ctx, implied } = this;
    if (!implied || !ctx.client || !effect.implied || !item.textEdit || !('range' in item.textEdit)) return;
    const extra = fixTextEdits(this.document, implied.surfaceId, implied.model, ctx.client, effect.implied, item.textEdit.range);
    if (!extra) return;
    const own = item.additionalTextEdits ?? [];
    if (extra.edits.some((e) => own.some((a) => rangesOverlap(a.range, e.range)))) return;
    item.labelDetails = { description: extra.title };
    item.additionalTextEdits = [...own, ...extra.edits];
    const before = typeof item.documentation === 'object' ? item.documentation.value : item.documentation ?? '';
    item.documentation = doc(`${before ? `${before}\n\n` : ''}**${extra.title}.**`);
  }
}

/** What the rules would say of the client with a value, for the item's documentation. */
function effectNotes(effect: ValueEffect): string {
  const lines: string[] = [];
  for (const f of effect.conflicts) lines.push(`**${f.severity === 'error' ? 'Invalid here' : 'Discouraged here'}** (${code(f.ruleId)}): ${f.message}`);
  for (const f of effect.needs) lines.push(`**Then also needed** (${code(f.ruleId)}): ${f.message}`);
  return lines.join('\n\n');
}

function rangesOverlap(a: Range, b: Range): boolean {
  const before = (p: Position, q: Position): boolean => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function doc(value: string): { kind: 'markdown'; value: string } {
  return { kind: MarkupKind.Markdown, value };
}

// ---------------------------------------------------------------------------------------------
// Candidate values.

function enumCandidates(path: string[], v: ValueSchema | undefined, ctx: CursorContext): Candidate[] {
  return (v?.enum ?? []).map((e) => ({
    value: e.value,
    documentation: enumValueMarkdown(path, ctx.spelling, e.value) ?? e.description,
    kind: CompletionItemKind.EnumMember,
    deprecated: e.deprecated,
  }));
}

/** Values for the items of a list (or a scalar with suggestions), from the schema and the file. */
function valueCandidates(path: string[], v: ValueSchema | undefined, ctx: CursorContext, file: FileContext): Candidate[] {
  if (!v) return [];
  if (v.enum) return enumCandidates(path, v, ctx);
  if (!v.suggestions) return [];
  let standard = true;
  let fromFile: Candidate[] = [];
  if (v.suggestions === 'standardScopes') {
    // A client_credentials client may only ask for custom scopes.
    const flows = ctx.client ? literalStrings(propertyAt(ctx.client, OAUTH_PATHS.flows)) : [];
    if (flows.includes(FLOW_CLIENT_CREDENTIALS)) standard = false;
    for (const server of file.resourceServers) {
      if (!server.identifier) continue;
      for (const scope of server.scopes ?? []) {
        fromFile.push({
          value: `${server.identifier}/${scope}`,
          documentation: `Custom scope ${code(scope)} of the resource server ${code(server.identifier)}, declared in this file as ${code(server.address)}.`,
          kind: CompletionItemKind.Value,
        });
      }
    }
  } else if (v.suggestions === 'builtInIdentityProviders') {
    fromFile = file.identityProviders
      .filter((p) => p.providerName)
      .map((p) => ({ value: p.providerName!, documentation: `Identity provider declared in this file as ${code(p.address)}.`, kind: CompletionItemKind.Value }));
  } else if (v.suggestions === 'standardAttributes') {
    const pool = ctx.client && referencedUserPool(ctx.client, file);
    fromFile = (pool?.customAttributes ?? []).map((name) => ({
      value: `${CUSTOM_PREFIX}${name}`,
      documentation: `Custom attribute ${code(name)} of the user pool ${code(pool!.address)}.`,
      kind: CompletionItemKind.Value,
    }));
  }
  const out: Candidate[] = standard ? vocabulary(v.suggestions).map((e) => ({ value: e.value, documentation: e.description, kind: CompletionItemKind.Value })) : [];
  return [...out, ...fromFile.filter((f) => !out.some((o) => o.value === f.value))];
}

/** Schema order, deprecated values last. */
function sortKey(c: Candidate, index: number): string {
  return `${c.deprecated ? '1' : '0'}${String(index).padStart(3, '0')}`;
}

/** The value written for a candidate in the cursor's syntax (quoted as needed). */
function valueText(value: string, ctx: CursorContext): string {
  if (ctx.style === 'json') return JSON.stringify(value);
  if (ctx.style === 'hcl') return hclQuoted(value);
  if (ctx.style === 'js') return jsString(value, ctx.quote?.char ?? ctx.stringQuote ?? '"');
  if (isPython(ctx)) return pythonString(value, ctx.quote?.char ?? ctx.stringQuote);
  if (ctx.quote) return ctx.quote.char === "'" ? `'${value.replace(/'/g, "''")}'` : JSON.stringify(value);
  return yamlScalar(value, ctx.style === 'yaml-flow');
}

// ---------------------------------------------------------------------------------------------
// Value snippets for property completion.

function userPoolAddress(file: FileContext): string {
  return archetypeInputs(file).userPool ?? 'UserPool';
}

/** The default value snippet of an item of a list. */
function itemSnippet(path: string[], items: ValueSchema | undefined, ctx: CursorContext, file: FileContext): SnippetValue {
  if (!items) return { $placeholder: '' };
  const candidates = valueCandidates(path, items, ctx, file).filter((c) => !c.deprecated);
  if (candidates.length > 0 && candidates.length <= MAX_CHOICES) return { $choice: candidates.map((c) => c.value) };
  if (items.format === 'url') return { $placeholder: 'https://' };
  return { $placeholder: '' };
}

/** The value snippet written after a new property name. */
function valueSnippet(path: string[], prop: PropertySchema, ctx: CursorContext, file: FileContext): SnippetValue {
  switch (prop.type) {
    case 'boolean':
      return { $choice: [true, false] };
    case 'integer':
      return { $placeholder: typeof prop.default === 'number' ? prop.default : prop.minimum ?? 0 };
    case 'list':
      return [itemSnippet(path, prop.items, ctx, file)];
    case 'object':
      return {};
    case 'string':
      if (path.length === 1 && path[0] === USER_POOL_ID) return { $ref: { $placeholder: userPoolAddress(file) } };
      if (prop.enum) return { $choice: prop.enum.filter((e) => !e.deprecated).map((e) => e.value) };
      if (prop.format === 'url') return { $placeholder: 'https://' };
      return { $placeholder: '' };
  }
}

// ---------------------------------------------------------------------------------------------
// Roles.

function completeKeys(items: Items, ctx: CursorContext, file: FileContext): void {
  const context = writeContextFor(ctx);
  for (const { canonical, name, schema: prop } of propertiesFor(ctx.spelling, ctx.path)) {
    if (!isInputIn(prop, context) || ctx.existingKeys.includes(canonical)) continue;
    const path = [...ctx.path, canonical];
    const keyText = ctx.style === 'json' || ctx.style === 'python-dict' ? JSON.stringify(name) : ctx.style === 'hcl' || ctx.style === 'python' ? name : ctx.style === 'js' ? jsKey(name, ctx.stringQuote ?? '"') : yamlScalar(name);
    const options = renderOptions(ctx);
    if (ctx.pythonClass && prop.type === 'object') options.objectCall = `${ctx.pythonClass}.${canonical}Property`;
    const snippet = ctx.hasValue ? escapeSnippet(keyText) : renderMember(name, valueSnippet(path, prop, ctx, file), options);
    const required = isRequiredIn(prop, context);
    items.add(name, snippet, {
      kind: CompletionItemKind.Property,
      detail: prop.title,
      documentation: doc(propertyMarkdown(path, ctx.spelling, context) ?? prop.description),
      sortText: `${required ? '0' : '1'}${name}`,
    });
  }
}

function addCandidates(items: Items, ctx: CursorContext, candidates: Candidate[], detail: string, wrap?: (text: string) => string): void {
  candidates.forEach((c, i) => {
    if (ctx.existingItems.includes(c.value)) return;
    const text = valueText(c.value, ctx);
    items.addValue(c.value, escapeSnippet(wrap ? wrap(text) : text), wrap ? [c.value] : c.value, {
      kind: c.kind,
      detail,
      documentation: doc(c.documentation),
      sortText: sortKey(c, i),
      tags: c.deprecated ? [CompletionItemTag.Deprecated] : undefined,
    });
  });
}

function completeValue(items: Items, ctx: CursorContext, file: FileContext): void {
  const prop = propertySchema(ctx.path);
  if (!prop) return;
  if (prop.type === 'boolean') {
    for (const [i, value] of (isPython(ctx) ? ['True', 'False'] : ['true', 'false']).entries()) {
      const isDefault = prop.default === (value.toLowerCase() === 'true');
      items.addValue(value, value, value.toLowerCase() === 'true', {
        kind: CompletionItemKind.Value,
        detail: prop.title,
        documentation: doc(isDefault ? `${code(value)} (the default).` : code(value)),
        sortText: String(i),
      });
    }
    return;
  }
  if (prop.type === 'list') {
    // A list written as a scalar: offer the items as a one-item list.
    const candidates = valueCandidates(ctx.path, prop.items, ctx, file);
    addCandidates(items, { ...ctx, quote: undefined }, candidates, prop.title, (text) => `[${text}]`);
    return;
  }
  if (ctx.path.length === 1 && ctx.path[0] === USER_POOL_ID && ctx.style !== 'js') {
    [...file.userPools.keys()].forEach((address, i) => {
      const text =
        ctx.style === 'hcl' ? hclPoolReference(address)
        : ctx.style === 'json' && ctx.surface === 'terraform' ? JSON.stringify(`\${${hclPoolReference(address)}}`)
        : ctx.style === 'json' ? `{"Ref": ${JSON.stringify(address)}}`
        : `!Ref ${address}`;
      items.add(text, escapeSnippet(text), {
        kind: CompletionItemKind.Reference,
        detail: prop.title,
        documentation: doc(`The user pool declared in this file as ${code(address)}.`),
        sortText: String(i).padStart(3, '0'),
        word: address,
      });
    });
    return;
  }
  addCandidates(items, ctx, valueCandidates(ctx.path, prop, ctx, file), prop.title);
}

function completeItem(items: Items, ctx: CursorContext, file: FileContext): void {
  const prop = propertySchema(ctx.path);
  if (!prop || prop.type !== 'list') return;
  addCandidates(items, ctx, valueCandidates(ctx.path, prop.items, ctx, file), prop.title);
}

function completeType(items: Items, ctx: CursorContext): void {
  const type = schema.resource.cloudformationType;
  items.add(type, escapeSnippet(valueText(type, ctx)), {
    kind: CompletionItemKind.Class,
    detail: schema.resource.title,
    documentation: doc(schema.resource.description),
    sortText: '0',
  });
}

function completeResource(items: Items, ctx: CursorContext, model: DocumentModel): void {
  const used = model.context.resources.keys();
  // Terraform (HCL or JSON) names resources per type, in snake case.
  const hcl = ctx.surface === 'terraform';
  const typed = !hcl && /^[A-Z][A-Za-z0-9]*$/.test(ctx.prefix) ? ctx.prefix : undefined;
  const archetypes = clientArchetypes(archetypeInputs(model.context));
  // Terraform names resources per type (`aws_cognito_user_pool_client.spa_client`), in snake case.
  const clientType = `${schema.resource.terraformType}.`;
  const usedIds = hcl ? [...used].filter((a) => a.startsWith(clientType)).map((a) => a.slice(clientType.length)) : [...used];
  archetypes.forEach((a, i) => {
    const logicalId = typed ?? freeAddress(hcl ? snakeName(a.logicalId) : a.logicalId, usedIds);
    const options = renderOptions(ctx);
    const snippet = renderArchetypeResource(a, logicalId, options);
    const preview = renderArchetypeResource(a, logicalId, { ...options, indent: '', plain: true });
    const language = ctx.style === 'json' ? 'json' : ctx.style === 'hcl' ? 'hcl' : 'yaml';
    items.add(`Cognito app client: ${a.label}`, snippet, {
      kind: CompletionItemKind.Snippet,
      detail: a.detail,
      documentation: doc(`${a.documentation}\n\n\`\`\`${language}\n${preview}\n\`\`\``),
      sortText: String(i),
      word: `${ctx.prefix}${ctx.prefix ? ' ' : ''}cognito app client ${a.label}`,
    });
  });
}

/** The completion items at a position. */
// ---------------------------------------------------------------------------------------------
// The CDK L2 `UserPoolClient` props (their own names, helpers and Durations).

/**
 * A CDK class as the document writes it: as it is already qualified somewhere (`cognito.OAuthScope`),
 * bare when imported by name, else through the namespace import of its module.
 */
function qualified(text: string, name: string): string {
  // The qualifier starts where a word starts (without the look-behind every character of a long
  // word was a start, each scanning to the word's end: quadratic, 16 s on a 100 KB identifier).
  const m = new RegExp(`(?<![\\w$])([\\w$]+)\\.${name}\\b`).exec(text);
  if (m && m[1] !== name) return `${m[1]}.${name}`;
  // An import list ends at its brace: an `import {` never closed scans up to the next brace only.
  if (new RegExp(`import\\s*(type\\s+)?\\{[^{}]*\\b${name}\\b`).test(text)) return name;
  const module = name === 'Duration' ? 'aws-cdk-lib' : 'aws-cdk-lib/aws-cognito';
  const ns = new RegExp(`import\\s+\\*\\s+as\\s+([\\w$]+)\\s+from\\s+['"]${module}['"]`).exec(text);
  return ns ? `${ns[1]}.${name}` : name;
}

/** How the L2 names and values are written at the caret: TS / JS, or Python (keywords, a dict). */
interface L2Writer {
  py: boolean;
  /** A member name (TS) as the language spells it. */
  name(ts: string): string;
  /** A class of the CDK as the file names it. */
  cls(name: string): string;
  quote: string;
}

function l2Writer(ctx: CursorContext, text: string): L2Writer {
  const py = ctx.style === 'python' || ctx.style === 'python-dict';
  const quote = ctx.stringQuote ?? (py ? '"' : "'");
  return {
    py,
    name: (ts) => (py ? l2Name(ts, 'py') : ts),
    cls: (name) => (py ? pythonCdkClass(text, name) : qualified(text, name)),
    quote,
  };
}

function l2ValueSnippet(kind: L2Kind, path: string, w: L2Writer): string {
  switch (kind) {
    case 'boolean':
      return w.py ? '${1|True,False|}' : '${1|true,false|}';
    case 'object':
      // Python: the struct's class called with keywords (`cognito.OAuthFlows(...)`).
      return w.py ? (L2_STRUCTS[path] ? `${escapeSnippet(w.cls(L2_STRUCTS[path]))}($0)` : '{$0}') : '{ $0 }';
    case 'duration':
      return `${escapeSnippet(w.cls('Duration'))}.\${1|minutes,hours,days,seconds|}($2)`;
    case 'scopes':
    case 'providers':
    case 'strings':
      return '[$0]';
    case 'attributes':
      return `${w.py ? '' : 'new '}${escapeSnippet(w.cls('ClientAttributes'))}()$0`;
    case 'string':
      return `${w.quote}$1${w.quote}`;
    default:
      return '$0';
  }
}

/** A helper's member as the language writes it (`resource_server("$1", $2)` in Python). */
function helperMember(m: { name: string; snippet?: string; py?: string }, w: L2Writer): { name: string; snippet: string } {
  const name = w.py && m.py ? m.py : m.name;
  if (!m.snippet) return { name, snippet: escapeSnippet(name) };
  const snippet = name + m.snippet.slice(m.name.length);
  return { name, snippet: w.quote === "'" ? snippet : snippet.replace(/'/g, w.quote) };
}

function completeL2(items: Items, ctx: CursorContext, text: string): void {
  const path = ctx.l2!.path;
  const w = l2Writer(ctx, text);
  const dot = ctx.prefix.lastIndexOf('.');
  if (dot >= 0) {
    // `OAuthScope.`, `cognito.OAuthScope.`, `Duration.`, `UserPoolClientIdentityProvider.`: the helper's members.
    const qualifier = ctx.prefix.slice(0, dot);
    const helper = qualifier.split('.').pop()!;
    // Arguments already written after the caret (`Duration.|(2)`): only the member's name.
    const called = /^\s*\(/.test(text.slice(ctx.span.end));
    (L2_HELPERS[helper] ?? []).forEach((m, i) => {
      const { name, snippet } = helperMember(m, w);
      items.add(name, `${escapeSnippet(qualifier)}.${called ? escapeSnippet(name) : snippet}`, {
        kind: m.snippet ? CompletionItemKind.Method : CompletionItemKind.EnumMember,
        detail: helper,
        documentation: doc(m.doc),
        sortText: String(i).padStart(2, '0'),
        word: `${qualifier}.${name}`,
      });
    });
    return;
  }
  if (ctx.role === 'key') {
    for (const { name, doc: d } of l2Members(path)) {
      if (ctx.existingKeys.includes(name)) continue;
      const written = l2WrittenName(name, path, w.py);
      const q = ctx.quote?.char ?? w.quote;
      const key = ctx.style === 'python-dict' ? `${q}${escapeSnippet(written)}${q}` : escapeSnippet(written);
      const value = l2ValueSnippet(d.kind, [...path, name].join('.'), w);
      const snippet = ctx.hasValue ? key : ctx.style === 'python' ? `${key}=${value}` : `${key}: ${value}`;
      const prose = w.py ? pythonProse : (t: string) => t;
      items.add(written, snippet, { kind: CompletionItemKind.Property, detail: 'CDK L2 UserPoolClient', documentation: doc(prose(`${d.meaning}\n\nLeft out: ${d.whenOmitted}`)), sortText: `1${name}` });
    }
    return;
  }
  const prop = l2Doc(path);
  if (!prop) return;
  const helperItems = (helper: string) => {
    const q = w.cls(helper);
    (L2_HELPERS[helper] ?? []).forEach((m, i) => {
      const { name, snippet } = helperMember(m, w);
      items.add(`${q}.${name}`, `${escapeSnippet(q)}.${snippet}`, { kind: CompletionItemKind.EnumMember, detail: helper, documentation: doc(m.doc), sortText: String(i).padStart(2, '0') });
    });
  };
  if (ctx.role === 'item') {
    if (prop.kind === 'scopes') helperItems('OAuthScope');
    if (prop.kind === 'providers') helperItems('UserPoolClientIdentityProvider');
    return;
  }
  if (prop.kind === 'boolean') for (const v of w.py ? ['True', 'False'] : ['true', 'false']) items.add(v, v, { kind: CompletionItemKind.Value, sortText: /^t/i.test(v) ? '0' : '1' });
  else if (prop.kind === 'duration') helperItems('Duration');
  else if (prop.kind !== 'reference') {
    const snippet = l2ValueSnippet(prop.kind, path.join('.'), w);
    items.add(snippet.replace(/\$\{1\|[^}]*\}|\$\d/g, '').trim() || prop.kind, snippet, { kind: CompletionItemKind.Value, sortText: '0', documentation: doc(prop.meaning) });
  }
}

export function doComplete(document: TextDocument, model: DocumentModel, surfaceId: string, position: Position): CompletionList {
  const cursor = cursorFor(surfaceId);
  if (!cursor) return EMPTY;
  const ctx = cursor(sourceOf(document, model), document.offsetAt(position), model);
  if (!ctx) return EMPTY;
  const items = new Items(document, ctx, { model, surfaceId });
  if (ctx.l2) {
    completeL2(items, ctx, document.getText());
    return { isIncomplete: false, items: items.list };
  }
  switch (ctx.role) {
    case 'key':
      completeKeys(items, ctx, model.context);
      break;
    case 'value':
      completeValue(items, ctx, model.context);
      break;
    case 'item':
      completeItem(items, ctx, model.context);
      break;
    case 'type':
      completeType(items, ctx);
      break;
    case 'newResource':
      completeResource(items, ctx, model);
      return { isIncomplete: true, items: items.list };
  }
  return { isIncomplete: false, items: items.list };
}
