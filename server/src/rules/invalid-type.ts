/**
 * invalid-type: a literal of the wrong kind for its property or list item (a string where a list
 * is expected, an object where a string is, `"yes"` for a boolean, a fractional number). Where the
 * deployment engine converts scalars (CloudFormation, Terraform), `"true"`/`"false"` and numeric
 * strings are accepted for booleans and numbers, and numbers and booleans for strings; SDK calls
 * convert nothing, so there `"60"` for a number is wrong. `null` is wrong in CloudFormation and
 * means "absent" elsewhere. Fixes convert where nothing is lost (`"true"` -> `true`, `"60"` -> `60`,
 * a scalar -> a one-item list).
 *
 * Ignores unknown values; checks the literal branches of a conditional (without fixes).
 */
import type { LocatedValue, Spelling, SurfaceKind } from '../model';
import type { JsonValue, ValueSchema } from '../schema';
import type { Rule, RuleFinding, SemanticFix } from './types';
import { isIntegerText, nullMeansAbsent, objectOf, removeChange, replaceChange, stringReading, walkContextOf, walkShape, type ValueSite } from './util/schema-walk';
import { showValue, siteLabel, typeNoun, valueNoun } from './util/shape-text';

/** What was found wrong and the lossless conversion, if any. */
interface Mismatch {
  /** Says what to do, after "X must be T, not K". */
  advice: string;
  convert?: JsonValue;
  /** The conversion is the only sensible reading (a quoted number or boolean, a bare scalar for a list). */
  certain?: boolean;
}

const NO_CONVERSION = 'SDK calls pass values through unconverted';

/** An item converted to a list's item type, when that loses nothing. */
function asItem(value: LocatedValue, items: ValueSchema | undefined): JsonValue | undefined {
  const type = items?.type ?? 'string';
  if (type === 'string') return value.kind === 'string' ? value.value : value.kind === 'number' ? value.raw : value.kind === 'boolean' ? String(value.value) : undefined;
  if (type === 'integer') return value.kind === 'number' ? value.value : value.kind === 'string' && isIntegerText(value.value) ? Number(value.value) : undefined;
  if (type === 'boolean') return value.kind === 'boolean' ? value.value : value.kind === 'string' && (value.value === 'true' || value.value === 'false') ? value.value === 'true' : undefined;
  return undefined;
}

/** Undefined when the value is of the wanted kind (as the surface converts it). */
function mismatch(value: LocatedValue, schema: ValueSchema, surface: SurfaceKind): Mismatch | undefined {
  switch (schema.type) {
    case 'string': {
      if (stringReading(value, surface) !== undefined) return undefined;
      // A timestamp the AWS CLI printed as epoch seconds (its default before ISO 8601 output).
      if (schema.format === 'timestamp' && value.kind === 'number') return undefined;
      if (value.kind === 'number' || value.kind === 'boolean') {
        const text = value.kind === 'number' ? value.raw : String(value.value);
        return { advice: `${NO_CONVERSION}; quote it`, convert: text, certain: true };
      }
      if (value.kind === 'list' && value.items.length === 1 && value.items[0].kind === 'string') {
        return { advice: 'write the single value without the list', convert: value.items[0].value };
      }
      return { advice: 'write a string' };
    }
    case 'integer': {
      if (value.kind === 'number') return Number.isInteger(value.value) ? undefined : { advice: 'write a whole number' };
      if (value.kind === 'string' && isIntegerText(value.value)) {
        if (surface !== 'sdk') return undefined;
        return { advice: `${NO_CONVERSION}; write the number without quotes`, convert: Number(value.value), certain: true };
      }
      return { advice: 'write a whole number' };
    }
    case 'boolean': {
      if (value.kind === 'boolean') return undefined;
      if (value.kind === 'string') {
        const lower = value.value.toLowerCase();
        if ((value.value === 'true' || value.value === 'false') && surface !== 'sdk') return undefined;
        if (value.value === 'true' || value.value === 'false') {
          return { advice: `${NO_CONVERSION}; write ${value.value} without quotes`, convert: value.value === 'true', certain: true };
        }
        if (lower === 'true' || lower === 'false') return { advice: `write ${lower}`, convert: lower === 'true' };
      }
      return { advice: 'write true or false' };
    }
    case 'list': {
      if (value.kind === 'list') return undefined;
      if (value.kind === 'string' || value.kind === 'number' || value.kind === 'boolean') {
        const item = asItem(value, schema.items);
        return { advice: 'put the value in a list', convert: item === undefined ? undefined : [item], certain: item !== undefined };
      }
      return { advice: `write ${typeNoun(schema)}` };
    }
    case 'object':
      return objectOf(value, schema) ? undefined : { advice: 'write an object with its members' };
  }
}

function check(site: ValueSite, surface: SurfaceKind, spelling: Spelling): RuleFinding | undefined {
  const where = site.branch ? ' (in a branch of a condition)' : '';
  if (site.value.kind === 'null') {
    if (nullMeansAbsent(surface)) return undefined;
    const label = siteLabel(site, spelling);
    const remove = removeChange(site);
    return {
      message: `${label}${where} is null, which CloudFormation does not accept; give it ${typeNoun(site.schema)} or remove it.`,
      span: site.value.span,
      fixes: remove ? [{ title: `Remove ${label}`, changes: [remove], isPreferred: true }] : [],
    };
  }
  const found = mismatch(site.value, site.schema, surface);
  if (!found) return undefined;
  // Labelled only once there is something to say (it was spelled for every value: 3% of a CLI run).
  const label = siteLabel(site, spelling);
  const scalar = site.value.kind === 'string' || site.value.kind === 'number' || site.value.kind === 'boolean';
  const shown = scalar ? ` ${showValue(site.value)}` : '';
  const fixes: SemanticFix[] = [];
  const change = found.convert === undefined ? undefined : replaceChange(site, found.convert);
  if (change) {
    fixes.push({ title: `Change to ${JSON.stringify(found.convert)}`, changes: [change], isPreferred: true, unambiguous: found.certain === true });
  }
  return {
    message: `${label}${where} must be ${typeNoun(site.schema)}, not ${valueNoun(site.value)}${shown}; ${found.advice}.`,
    span: site.value.span,
    fixes,
  };
}

export const rule: Rule = {
  id: 'invalid-type',
  severity: 'error',
  description: 'A value of the wrong kind (a string for a list, an object for a string, "yes" for a boolean); quoted numbers and booleans are accepted where the engine converts them.',
  fixable: true,
  check(def, ctx) {
    const wc = walkContextOf(def);
    const out: RuleFinding[] = [];
    walkShape(def, {
      value(site) {
        const finding = check(site, ctx.surface, ctx.spelling);
        if (finding) out.push(finding);
      },
    }, wc);
    return out;
  },
};
