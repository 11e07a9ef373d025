/**
 * The schema's API patterns as JavaScript regular expressions. The schema writes them without
 * anchors, as the API applies them to the whole value; they are compiled here with the `u` flag
 * (for `\p{L}` and friends) and anchored as `^(?:...)$`.
 */

const cache = new Map<string, RegExp | null>();

/** The whole-value regular expression for a schema pattern; undefined when it does not compile. */
export function compilePattern(pattern: string): RegExp | undefined {
  let re = cache.get(pattern);
  if (re === undefined) {
    // Tolerate a pattern written with its own anchors.
    const body = pattern.replace(/^\^/, '').replace(/(?<!\\)\$$/, '');
    try {
      re = new RegExp(`^(?:${body})$`, 'u');
    } catch {
      re = null;
    }
    cache.set(pattern, re);
  }
  return re ?? undefined;
}

/** Whether a value matches a schema pattern (true when the pattern cannot be compiled: nothing is claimed). */
export function matchesPattern(pattern: string, value: string): boolean {
  const re = compilePattern(pattern);
  return re ? re.test(value) : true;
}

const SINGLE_CLASS = /^\^?(\[(?:[^\]\\]|\\.)*\])[+*]\$?$/;

/**
 * For a pattern that is one character class repeated (`[\w\s+=,.@-]+`): the distinct characters of
 * the value outside the class, in order of appearance (at most `limit`). Empty for other patterns.
 */
export function charactersOutside(pattern: string, value: string, limit = 5): string[] {
  const m = SINGLE_CLASS.exec(pattern);
  if (!m) return [];
  let cls: RegExp;
  try {
    cls = new RegExp(`^${m[1]}$`, 'u');
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const ch of value) {
    if (!cls.test(ch) && !out.includes(ch)) {
      out.push(ch);
      if (out.length >= limit) break;
    }
  }
  return out;
}
