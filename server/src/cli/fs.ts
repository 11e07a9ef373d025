/**
 * The file-system calls the CLI makes, behind one small interface so that a test can make any one
 * of them fail (as root, `chmod 000` does not make a file unreadable). The CLI itself always uses
 * `nodeFileSystem`.
 */
import { readdirSync, readFileSync, realpathSync, statSync, writeFileSync, type Dirent } from 'node:fs';

/** What the CLI needs to know of a path's status. */
export interface PathStats {
  isFile(): boolean;
  isDirectory(): boolean;
  size: number;
}

export interface CliFileSystem {
  statSync(path: string): PathStats;
  readFileSync(path: string): Buffer;
  readdirSync(path: string): Dirent[];
  realpathSync(path: string): string;
  writeFileSync(path: string, data: Uint8Array): void;
}

/** The real file system. */
export const nodeFileSystem: CliFileSystem = {
  statSync: (path) => statSync(path),
  readFileSync: (path) => readFileSync(path),
  readdirSync: (path) => readdirSync(path, { withFileTypes: true }),
  realpathSync: (path) => realpathSync(path),
  writeFileSync: (path, data) => writeFileSync(path, data),
};
