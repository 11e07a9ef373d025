/**
 * The sibling files of a document's module, for surfaces that read facts across files
 * (`Surface.module`: a Terraform module is a directory). Used by the hosts only, the language
 * server and the CLI: surfaces themselves never touch the file system.
 *
 * Open documents come first (their unsaved text is what the user sees), then files on disk in the
 * same directory with one of the surface's endings. Only regular files up to a size limit that
 * decode as UTF-8 are read; anything unreadable is passed over. Disk reads are cached by path,
 * size and modification time.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { languageIdForPath, surfaceFor } from './surfaces';
import type { SourceDocument } from './surfaces/types';

export interface SiblingOptions {
  /** The open documents (their text wins over the disk's). */
  openDocuments?: () => Iterable<SourceDocument>;
  /** Files larger than this are not read. */
  maxBytes: number;
  /** How many sibling files are read at most. */
  maxFiles?: number;
}

const diskCache = new Map<string, { size: number; mtimeMs: number; text: string | undefined }>();
const DISK_CACHE_SIZE = 500;

function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function readText(file: string, maxBytes: number): string | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return undefined;
  }
  if (!stat.isFile() || stat.size > maxBytes) return undefined;
  const cached = diskCache.get(file);
  if (cached && cached.size === stat.size && cached.mtimeMs === stat.mtimeMs) return cached.text;
  let text: string | undefined;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(fs.readFileSync(file));
    if (text.includes('\u0000')) text = undefined;
  } catch {
    text = undefined;
  }
  diskCache.delete(file);
  diskCache.set(file, { size: stat.size, mtimeMs: stat.mtimeMs, text });
  if (diskCache.size > DISK_CACHE_SIZE) diskCache.delete(diskCache.keys().next().value as string);
  return text;
}

/**
 * The siblings of a document for the surface that reads it, or undefined when that surface reads
 * no module (or none reads the document). A document that is not a file (an untitled buffer) has
 * only the open documents of no directory as siblings, that is none.
 */
export function siblingDocuments(doc: SourceDocument, options: SiblingOptions): SourceDocument[] | undefined {
  const surface = surfaceFor(doc);
  const suffixes = surface?.module?.suffixes;
  if (!suffixes) return undefined;
  const own = filePathOf(doc.uri);
  if (own === undefined) return [];
  const dir = path.dirname(own);
  const matches = (name: string) => suffixes.some((s) => name.toLowerCase().endsWith(s));
  const max = options.maxFiles ?? 200;
  const out: SourceDocument[] = [];
  const seen = new Set<string>([own]);
  for (const open of options.openDocuments?.() ?? []) {
    const file = filePathOf(open.uri);
    if (file === undefined || seen.has(file) || path.dirname(file) !== dir || !matches(path.basename(file))) continue;
    seen.add(file);
    out.push({ uri: open.uri, languageId: open.languageId, text: open.text });
  }
  let names: string[];
  try {
    names = fs.readdirSync(dir).sort();
  } catch {
    return out;
  }
  for (const name of names) {
    if (out.length >= max) break;
    const file = path.join(dir, name);
    if (seen.has(file) || !matches(name)) continue;
    seen.add(file);
    const text = readText(file, options.maxBytes);
    if (text === undefined) continue;
    out.push({ uri: pathToFileURL(file).href, languageId: languageIdForPath(file) ?? 'plaintext', text });
  }
  return out;
}

/** The directory of a file URI (to find the open documents of one module); undefined for other URIs. */
export function moduleDirectoryOf(uri: string): string | undefined {
  const file = filePathOf(uri);
  return file === undefined ? undefined : path.dirname(file);
}
