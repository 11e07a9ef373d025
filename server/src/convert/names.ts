/**
 * Names for what a conversion writes: resource ids, variables, parameters and arguments, each in
 * the target's convention and unique in the document.
 */

/** Words of a name: `UserPoolId` -> user, pool, id; `callback_urls2` -> callback, urls2. */
function words(name: string): string[] {
  return name
    .replace(/URLs/g, 'Urls')
    .replace(/URI/g, 'Uri')
    .replace(/OAuth/g, 'Oauth')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

export function pascal(name: string): string {
  const out = words(name).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
  return /^[A-Za-z]/.test(out) ? out : `X${out}`;
}

export function camel(name: string): string {
  const p = pascal(name);
  return p.charAt(0).toLowerCase() + p.slice(1);
}

export function snake(name: string): string {
  const out = words(name).join('_');
  return /^[A-Za-z_]/.test(out) ? out : `x_${out}`;
}

/** Hands out names, never the same twice (`name`, `name2`, ...). */
export class NameSet {
  private readonly used = new Set<string>();
  constructor(reserved: readonly string[] = []) {
    for (const r of reserved) this.used.add(r);
  }
  take(name: string): string {
    let n = name;
    for (let i = 2; this.used.has(n); i++) n = `${name}${i}`;
    this.used.add(n);
    return n;
  }
}
