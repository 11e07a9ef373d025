/**
 * The one walk behind every shape rule: each member of a definition's body, recursively into
 * objects (by the schema's `properties`) and list items (by its `items`), matched against the
 * schema in the definition's spelling and write context.
 *
 * Members are classified once here (known input, unknown, read-only, create-only in an update,
 * not accepted in this context), so the rules agree on which of them reports a member. Values
 * are visited only under members that are known input; unknown values (intrinsics, variables)
 * are never visited, but the literal branches of a conditional (`!If`) are, marked as not
 * addressable (a canonical path cannot reach them, so no fixes there).
 */
import { isShadowed, type ClientDefinition, type LocatedProperty, type LocatedValue, type ObjectValue, type Span, type Spelling, type SurfaceKind } from '../../model';
import { convertsScalars } from '../../model/values';
import { canonicalName, isInputIn, isRequiredIn, membersAt, writeContextOf, type JsonValue, type PropertySchema, type ValueSchema, type WriteContext } from '../../schema';
import type { PropertyPath, SemanticChange } from '../types';

/** How a member stands against the schema in a write context. */
export type MemberStatus =
  /** A property that may be written here. */
  | 'input'
  /** Not a property at this level in this spelling. */
  | 'unknown'
  /** A property of this spelling that this context does not accept (and not one of the cases below). */
  | 'not-input'
  /** An output of the service, not accepted as input here. */
  | 'read-only'
  /** Accepted only when the client is created, written in an update call. */
  | 'create-only-in-update';

/** One member of an object level. */
export interface MemberSite {
  /** The canonical path of the object holding the member (`[]` for the definition's body). */
  parentPath: PropertyPath;
  member: LocatedProperty;
  /** The canonical path of the member, when its name is a property at that level. */
  path?: PropertyPath;
  schema?: PropertySchema;
  status: MemberStatus;
  /**
   * True when the name was recognised in this spelling (so `remove` by path reaches it); false
   * when it was recognised only as another spelling's name of a read-only property.
   */
  resolved: boolean;
  /** False inside list items and conditional branches, where a canonical path cannot reach it. */
  addressable: boolean;
}

/** One literal value to check against a value schema. */
export interface ValueSite {
  /** The canonical path of the property the value belongs to. */
  path: PropertyPath;
  /** The property's schema. */
  property: PropertySchema;
  /** The schema this value must satisfy: the property's, or its `items` for a list item. */
  schema: ValueSchema;
  /** Never `unknown`. */
  value: LocatedValue;
  /** The value's index among the list's items, when it is a list item. */
  index?: number;
  /** False inside list items of objects and conditional branches: fixes cannot address it. */
  addressable: boolean;
  /** True when the value is a literal branch of a conditional. */
  branch: boolean;
}

/** One object level whose members are checked (for required members). */
export interface ObjectSite {
  /** The canonical path of the object (`[]` for the definition's body). */
  path: PropertyPath;
  /** Undefined when the definition has no body at all. */
  object?: ObjectValue;
  /** Where to report a missing member: the definition's name, or the key of the object. */
  flagSpan: Span;
  addressable: boolean;
  /** Every member site of this level, in order. */
  members: MemberSite[];
}

export interface ShapeVisitor {
  member?(site: MemberSite): void;
  value?(site: ValueSite): void;
  object?(site: ObjectSite): void;
}

/** Where a definition is, for the walk. */
export interface WalkContext {
  spelling: Spelling;
  surface: SurfaceKind;
  context: WriteContext;
}

/** The walk context of a definition. */
export function walkContextOf(def: ClientDefinition): WalkContext {
  return { spelling: def.spelling, surface: def.surface, context: writeContextOf(def) };
}

/**
 * How a schema property stands in a write context. Read-only wins over create-only except in
 * an update, where writing a create-only property is the more precise complaint.
 */
export function statusOf(prop: PropertySchema, context: WriteContext): MemberStatus {
  if (context === 'update' && prop.createOnly && !isRequiredIn(prop, 'update')) return 'create-only-in-update';
  if (isInputIn(prop, context)) return 'input';
  return prop.readOnly ? 'read-only' : 'not-input';
}

/** Classify one member of the object at `parentPath`. */
export function classifyMember(member: LocatedProperty, parentPath: PropertyPath, wc: WalkContext, addressable: boolean): MemberSite {
  const level = membersAt(parentPath) ?? {};
  const canonical = member.canonical !== undefined && level[member.canonical] ? member.canonical : canonicalName(member.name, wc.spelling, parentPath);
  if (canonical !== undefined) {
    const prop = level[canonical];
    return { parentPath, member, path: [...parentPath, canonical], schema: prop, status: statusOf(prop, wc.context), resolved: true, addressable };
  }
  // A read-only property written in another spelling (CreationDate, which only the API spells) is
  // reported as read-only rather than as an unknown name.
  for (const [name, prop] of Object.entries(level)) {
    if (!prop.readOnly || isInputIn(prop, wc.context)) continue;
    if (Object.values(prop.names).includes(member.name)) {
      return { parentPath, member, path: [...parentPath, name], schema: prop, status: 'read-only', resolved: false, addressable };
    }
  }
  return { parentPath, member, status: 'unknown', resolved: false, addressable };
}

/** An object value, or a Terraform nested block given as a one-item list of objects. */
export function objectOf(value: LocatedValue, schema: ValueSchema): ObjectValue | undefined {
  if (value.kind === 'object') return value;
  if (schema.type === 'object' && (schema as PropertySchema).terraformBlock && value.kind === 'list' && value.items.length === 1 && value.items[0].kind === 'object') {
    return value.items[0];
  }
  return undefined;
}

/** The visits of a walk, in the order the walk makes them: what each one is, and its site. */
interface Visits {
  /** 0: an object, 1: a member, 2: a value. */
  kinds: number[];
  sites: (ObjectSite | MemberSite | ValueSite)[];
}

/**
 * The visits of the last definition walked: every shape rule walks the same definition in turn,
 * so the walk (classifying each member against the schema) is made once per definition and
 * replayed to each rule. One entry only: nothing is kept once the next definition is walked.
 */
let lastWalk: { def: ClientDefinition; spelling: Spelling; surface: SurfaceKind; context: WriteContext; visits: Visits } | undefined;

/** Walk a definition's body. A body that is unknown as a whole is not walked. */
export function walkShape(def: ClientDefinition, visitor: ShapeVisitor, wc: WalkContext = walkContextOf(def)): void {
  const last = lastWalk;
  let visits: Visits;
  if (last && last.def === def && last.spelling === wc.spelling && last.surface === wc.surface && last.context === wc.context) {
    visits = last.visits;
  } else {
    const recorded: Visits = { kinds: [], sites: [] };
    const record = (kind: number, site: ObjectSite | MemberSite | ValueSite): void => {
      recorded.kinds.push(kind);
      recorded.sites.push(site);
    };
    const recorder: ShapeVisitor = { object: (site) => record(0, site), member: (site) => record(1, site), value: (site) => record(2, site) };
    if (!def.body) recorder.object!({ path: [], flagSpan: def.nameSpan, addressable: true, members: [] });
    else if (def.body.kind === 'object') walkObject(def.body, [], def.nameSpan, true, false, wc, recorder);
    visits = recorded;
    lastWalk = { def, spelling: wc.spelling, surface: wc.surface, context: wc.context, visits };
  }
  const { kinds, sites } = visits;
  const { object, member, value } = visitor;
  for (let i = 0; i < kinds.length; i++) {
    const kind = kinds[i];
    if (kind === 0) object?.call(visitor, sites[i] as ObjectSite);
    else if (kind === 1) member?.call(visitor, sites[i] as MemberSite);
    else value?.call(visitor, sites[i] as ValueSite);
  }
}

function walkObject(obj: ObjectValue, path: PropertyPath, flagSpan: Span, addressable: boolean, branch: boolean, wc: WalkContext, visitor: ShapeVisitor): void {
  // A key written again later is shadowed (loaders keep the last one): duplicate-key reports it.
  const sites = obj.members.flatMap((m, i) => (isShadowed(obj.members, i) ? [] : [classifyMember(m, path, wc, addressable)]));
  visitor.object?.({ path, object: obj, flagSpan, addressable, members: sites });
  for (const site of sites) {
    visitor.member?.(site);
    if (site.status === 'input' && site.schema && site.path) {
      walkValue(site.member.value, site.path, site.schema, site.schema, undefined, site.member.keySpan, addressable, branch, wc, visitor);
    }
  }
}

function walkValue(
  value: LocatedValue,
  path: PropertyPath,
  property: PropertySchema,
  schema: ValueSchema,
  index: number | undefined,
  keySpan: Span,
  addressable: boolean,
  branch: boolean,
  wc: WalkContext,
  visitor: ShapeVisitor,
): void {
  if (value.kind === 'unknown') {
    for (const alt of value.alternatives ?? []) walkValue(alt, path, property, schema, index, keySpan, false, true, wc, visitor);
    return;
  }
  visitor.value?.({ path, property, schema, value, index, addressable, branch });
  if (schema.type === 'list' && schema.items && value.kind === 'list') {
    const items = schema.items;
    value.items.forEach((item, i) => walkValue(item, path, property, items, i, item.span, addressable, branch, wc, visitor));
    return;
  }
  if (schema.type === 'object') {
    const obj = objectOf(value, schema);
    if (obj) walkObject(obj, path, keySpan, addressable && index === undefined, branch, wc, visitor);
  }
}

// ---------- reading literals the way the target does ----------

/**
 * A literal read as a string: a string, or (where the deployment engine converts scalars) a
 * number or boolean as the engine would turn it into text. Undefined otherwise.
 */
export function stringReading(value: LocatedValue, surface: SurfaceKind): string | undefined {
  if (value.kind === 'string') return value.value;
  if (!convertsScalars(surface)) return undefined;
  if (value.kind === 'number') return value.raw;
  if (value.kind === 'boolean') return String(value.value);
  return undefined;
}

const INTEGER_TEXT = /^\s*-?\d+\s*$/;
const NUMBER_TEXT = /^\s*-?\d+(\.\d+)?\s*$/;

/** A literal read as a number: a number, or a numeric string where the engine converts. */
export function numberReading(value: LocatedValue, surface: SurfaceKind): number | undefined {
  if (value.kind === 'number') return value.value;
  if (value.kind === 'string' && convertsScalars(surface) && NUMBER_TEXT.test(value.value)) return Number(value.value);
  return undefined;
}

/** Whether a string is a whole number as text (`"60"`). */
export function isIntegerText(text: string): boolean {
  return INTEGER_TEXT.test(text);
}

/** Whether null stands for "absent" on a surface (Terraform, SDK calls) rather than being an error (CloudFormation). */
export function nullMeansAbsent(surface: SurfaceKind): boolean {
  return surface !== 'cloudformation';
}

// ---------- fixes on a site ----------

/** The change that replaces a site's value, or undefined when a path cannot reach it. */
export function replaceChange(site: ValueSite, value: JsonValue): SemanticChange | undefined {
  if (!site.addressable) return undefined;
  if (site.index === undefined) return { kind: 'set', path: site.path, value };
  return { kind: 'replaceItem', path: site.path, index: site.index, value };
}

/** The change that removes a site's value (the property, or the list item). */
export function removeChange(site: ValueSite): SemanticChange | undefined {
  if (!site.addressable) return undefined;
  if (site.index === undefined) return { kind: 'remove', path: site.path };
  return { kind: 'removeItem', path: site.path, index: site.index };
}
