/**
 * Checking redirect URIs (callback, logout, default redirect) the way Cognito accepts them: an
 * absolute URI (it has a scheme), no fragment, and `http` only to a loopback host. Custom app
 * schemes (`myapp://callback`) are fine.
 */
import type { ClientDefinition, StringValue } from '../../model';
import { itemsWithBranches, OAUTH_PATHS, readList, branchesOf } from './oauth-values';
import type { SemanticChange, Severity } from '../types';

/** Hosts Cognito lets a plain `http` redirect go to (any port). */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;

/** The scheme of an absolute URI (RFC 3986 `scheme:`), lower-cased; undefined for a relative one. */
export function schemeOf(url: string): string | undefined {
  return SCHEME.exec(url)?.[1].toLowerCase();
}

/** What is wrong with a URL's form: `relative`, `fragment`, or undefined when it is fine. */
export function urlFormProblem(url: string): 'relative' | 'fragment' | undefined {
  if (schemeOf(url) === undefined) return 'relative';
  if (url.includes('#')) return 'fragment';
  return undefined;
}

/** The URL without its fragment. */
export function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

/** The host of an `http`/`https` URL, lower-cased, IPv6 literals with their brackets. */
export function hostOf(url: string): string {
  const scheme = schemeOf(url) ?? '';
  let rest = url.slice(scheme.length + 1);
  if (!rest.startsWith('//')) return '';
  rest = rest.slice(2);
  const authority = rest.split(/[/?#]/, 1)[0];
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  if (hostPort.startsWith('[')) {
    const close = hostPort.indexOf(']');
    return (close < 0 ? hostPort : hostPort.slice(0, close + 1)).toLowerCase();
  }
  return hostPort.split(':', 1)[0].toLowerCase();
}

/** Whether a URL sends the browser over plain `http` to a host other than a loopback one. */
export function isInsecureUrl(url: string): boolean {
  return schemeOf(url) === 'http' && !LOOPBACK_HOSTS.includes(hostOf(url));
}

/** The same URL over `https` (only the scheme changes). */
export function toHttps(url: string): string {
  return 'https' + url.slice(url.indexOf(':'));
}

/** One redirect URL written in a definition. */
export interface RedirectUrl {
  /** Which property holds it. */
  path: readonly string[];
  value: StringValue;
  /** The list index, for list properties; undefined for `DefaultRedirectURI`. */
  index?: number;
  /** True when it is one branch of a conditional: it is checked, but no fix can address it. */
  branch: boolean;
  /** Callback and default redirect problems stop the deployment; logout ones are warnings. */
  severity: Severity;
}

/**
 * Every literal redirect URL of a definition: the items (and conditional branches) of
 * `CallbackURLs` and `LogoutURLs`, and `DefaultRedirectURI`. Empty strings are left to the
 * length rule.
 */
export function redirectUrls(def: ClientDefinition): RedirectUrl[] {
  const out: RedirectUrl[] = [];
  for (const [path, severity] of [[OAUTH_PATHS.callbacks, 'error'], [OAUTH_PATHS.logouts, 'warning']] as const) {
    const list = readList(def, path);
    if (!list) continue;
    for (const { item, index, branch } of itemsWithBranches(list)) out.push({ path, value: item, index, branch, severity });
  }
  const redirect = def.properties.get(OAUTH_PATHS.defaultRedirect[0]);
  if (redirect?.value.kind === 'string') {
    out.push({ path: OAUTH_PATHS.defaultRedirect, value: redirect.value, branch: false, severity: 'error' });
  } else if (redirect) {
    for (const alt of branchesOf(redirect.value)) out.push({ path: OAUTH_PATHS.defaultRedirect, value: alt, branch: true, severity: 'error' });
  }
  return out.filter((u) => u.value.value.length > 0);
}

/** The change that replaces one redirect URL: a list item by index, or `DefaultRedirectURI`. */
export function replaceUrl(url: RedirectUrl, value: string): SemanticChange {
  return url.index === undefined
    ? { kind: 'set', path: [...url.path], value }
    : { kind: 'replaceItem', path: [...url.path], index: url.index, value };
}
