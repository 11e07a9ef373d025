/**
 * write-attribute-not-readable: an attribute the client may write (`WriteAttributes`) that its own
 * `ReadAttributes` list leaves out, so the app can set a value it cannot read back. Only when
 * `ReadAttributes` is a non-empty, fully literal list (absent or empty means every attribute is
 * readable; an unknown item might be the one). Flags the `WriteAttributes` item.
 */
import { listOf, UNKNOWN } from '../model/values';
import { spell } from '../schema';
import type { Rule, RuleFinding } from './types';
import { READ_ATTRIBUTES, WRITE_ATTRIBUTES } from './util/attribute-names';
import { indexedStrings } from './util/flow-values';

export const rule: Rule = {
  id: 'write-attribute-not-readable',
  severity: 'info',
  description: 'An attribute in WriteAttributes that ReadAttributes leaves out.',
  fixable: true,
  check(def, ctx) {
    const read = listOf(def.properties.get(READ_ATTRIBUTES));
    if (read === undefined || read === UNKNOWN || read.hasUnknown || read.all.length === 0) return [];
    const write = listOf(def.properties.get(WRITE_ATTRIBUTES));
    if (write === undefined || write === UNKNOWN) return [];
    const readable = new Set(read.strings.map((s) => s.value));
    const readName = spell([READ_ATTRIBUTES], ctx.spelling);
    const writeName = spell([WRITE_ATTRIBUTES], ctx.spelling);
    const out: RuleFinding[] = [];
    const reported = new Set<string>();
    for (const { item } of indexedStrings(write)) {
      if (item.value.length === 0 || readable.has(item.value) || reported.has(item.value)) continue;
      reported.add(item.value);
      out.push({
        message: `${item.value} is in ${writeName} but not in ${readName}, so the app can change it but not read it back; add it to ${readName} if that is not intended.`,
        span: item.span,
        fixes: [{
          title: `Add ${item.value} to ${readName}`,
          changes: [{ kind: 'addItem', path: [READ_ATTRIBUTES], value: item.value }],
          isPreferred: true,
        }],
      });
    }
    return out;
  },
};
