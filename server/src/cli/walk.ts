/**
 * Turning the PATH arguments into the list of files to check: files named directly, and files
 * with a supported extension found by walking directories. Which extensions count comes from
 * `languageIdForPath`, so a new surface's files are picked up as soon as it knows their language.
 */
import { join, resolve } from 'node:path';
import { languageIdForPath } from '../surfaces';
import { nodeFileSystem, type CliFileSystem, type PathStats } from './fs';

/** Directories a walk does not enter (unless the PATH itself names one). */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['node_modules', '.git', 'cdk.out']);

/** A file to check. */
export interface FoundFile {
  /** For output: the PATH as written, joined with the part found by walking; forward slashes. */
  path: string;
  /** The absolute path, for reading. */
  absolute: string;
  /**
   * Set for a path that could not be followed or listed (a directory that cannot be read, a link
   * that loops): why. It is reported as not checked, like a file that cannot be read, rather than
   * stopping the run.
   */
  unreadable?: string;
}

/** A PATH argument that cannot be used; the message is the one line printed after the program name. */
export class PathError extends Error {}

/** Forward slashes, whatever the platform. */
export function toForwardSlashes(path: string): string {
  return path.replace(/\\/g, '/');
}

/** Whether a directory walk picks up a file. */
export function isCandidate(path: string): boolean {
  return languageIdForPath(path) !== undefined;
}

/** Why a path could not be read, in a few words (`permission denied`). */
export function errorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    case 'ENOENT':
      return 'it no longer exists';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}

/** Whether a failed stat still says something is there (anything but "no such file"). */
function exists(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException)?.code;
  return code !== 'ENOENT' && code !== 'ENOTDIR';
}

/**
 * Every file to check, sorted by output path (code-unit order, so the same on every machine) and
 * each real file once. Throws `PathError` for a PATH that does not exist. A directory that cannot
 * be listed (the PATH itself or one met on the walk) is listed too, with `unreadable` saying why,
 * and the walk goes on with the rest.
 */
export function collectFiles(paths: readonly string[], cwd: string = process.cwd(), fs: CliFileSystem = nodeFileSystem): FoundFile[] {
  const found: FoundFile[] = [];
  for (const arg of paths) {
    const absolute = resolve(cwd, arg);
    let stats: PathStats;
    const display = toForwardSlashes(join(arg));
    try {
      stats = fs.statSync(absolute);
    } catch (error) {
      // A path that does not exist is a mistake in the command; one that exists and cannot be
      // read (a link loop, a folder on the way that cannot be searched) is reported and skipped.
      if (!exists(error)) throw new PathError(`no such file or directory: ${arg}`);
      found.push({ path: display, absolute, unreadable: `unreadable (${errorReason(error)})` });
      continue;
    }
    if (stats.isDirectory()) walk(absolute, display, found, fs);
    else found.push({ path: display, absolute });
  }
  found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // The same file reached twice (named twice, named and found in a directory, or through a link)
  // is listed once, under the first of its paths.
  const seen = new Set<string>();
  return found.filter((file) => {
    const real = realpathOrSelf(file.absolute, fs);
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  });
}

function realpathOrSelf(path: string, fs: CliFileSystem): string {
  try {
    return fs.realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * Walk one directory. Links to files are followed; links to directories are not (as git and
 * ripgrep do), so a walk never loops and never leaves the tree it was given.
 */
function walk(dir: string, display: string, found: FoundFile[], fs: CliFileSystem): void {
  let entries;
  try {
    entries = fs.readdirSync(dir);
  } catch (error) {
    found.push({ path: display, absolute: dir, unreadable: `the directory cannot be read (${errorReason(error)})` });
    return;
  }
  for (const entry of entries) {
    const absolute = join(dir, entry.name);
    const childDisplay = display === '.' ? entry.name : `${display.replace(/(?<!\/)\/+$/, '')}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(absolute, childDisplay, found, fs);
      continue;
    }
    if (!isCandidate(entry.name)) continue;
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        isFile = fs.statSync(absolute).isFile();
      } catch (error) {
        // A dangling link names no file; a link that cannot be followed (a loop) names one unread.
        if (exists(error)) found.push({ path: childDisplay, absolute, unreadable: `unreadable (${errorReason(error)})` });
        continue;
      }
    }
    if (isFile) found.push({ path: childDisplay, absolute });
  }
}
