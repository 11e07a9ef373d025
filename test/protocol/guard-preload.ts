/**
 * Loaded with `node --require` before the server bundle by the security test: it makes every way
 * to run code, start a process or open a connection throw (and records the attempt), and records
 * every file the server reads, lists or writes. The log is one JSON object per line in the file
 * named by `COGNITO_GUARD_LOG`:
 *
 *   {"blocked": "child_process.spawn"}      a guarded module's function was called (and threw)
 *   {"blocked": "eval"} / {"blocked": "Function"}
 *   {"op": "read" | "list" | "write", "path": "/abs/path"}
 *
 * Guarded modules still load (libraries in the bundle require them at start-up for features the
 * server never uses), but each of their functions throws when called.
 */
import fs = require('node:fs');
import Module from 'node:module';
import * as path from 'node:path';
import { GUARDED_MODULES } from './guarded-modules';

const LOG = process.env.COGNITO_GUARD_LOG;
if (!LOG) throw new Error('guard-preload: COGNITO_GUARD_LOG is not set');
// Written through a descriptor opened now, with writeSync (not guarded), so that recording never records itself.
const logFd = fs.openSync(LOG, 'a');
const writeSync = fs.writeSync.bind(fs);
const record = (entry: Record<string, string>): void => void writeSync(logFd, JSON.stringify(entry) + '\n');


function guarded(name: string, real: object): object {
  return new Proxy(real, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return function blocked(): never {
        record({ blocked: `${name}.${String(property)}` });
        throw new Error(`guard: ${name}.${String(property)} is not allowed in the language server`);
      };
    },
  });
}

const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
const load = loader._load;
const proxies = new Map<string, object>();
loader._load = function (this: unknown, request: string, ...rest: unknown[]) {
  const name = request.startsWith('node:') ? request.slice('node:'.length) : request;
  const real = load.call(this, request, ...rest);
  if (!GUARDED_MODULES.includes(name)) return real;
  let proxy = proxies.get(name);
  if (!proxy) proxies.set(name, (proxy = guarded(name, real as object)));
  return proxy;
};

// Code from strings.
const blockedEval = function (): never {
  record({ blocked: 'eval' });
  throw new Error('guard: eval is not allowed in the language server');
};
globalThis.eval = blockedEval as typeof eval;
globalThis.Function = new Proxy(Function, {
  apply() {
    record({ blocked: 'Function' });
    throw new Error('guard: Function is not allowed in the language server');
  },
  construct() {
    record({ blocked: 'Function' });
    throw new Error('guard: new Function is not allowed in the language server');
  },
});

// File access, recorded (writes also refused).
const target = (p: unknown): string => (typeof p === 'string' ? path.resolve(p) : p instanceof URL ? p.pathname : Buffer.isBuffer(p) ? path.resolve(p.toString()) : `fd:${String(p)}`);
const wrap = (owner: Record<string, unknown>, names: string[], op: 'read' | 'list' | 'write'): void => {
  for (const name of names) {
    const original = owner[name];
    if (typeof original !== 'function') continue;
    owner[name] = function (this: unknown, ...args: unknown[]) {
      record({ op, path: target(args[0]) });
      if (op === 'write') throw new Error(`guard: ${name} is not allowed in the language server`);
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
  }
};
const fsObject = fs as unknown as Record<string, unknown>;
wrap(fsObject, ['readFileSync', 'readFile', 'openSync', 'open', 'createReadStream'], 'read');
wrap(fsObject, ['readdirSync', 'readdir', 'opendirSync', 'opendir'], 'list');
wrap(
  fsObject,
  ['writeFileSync', 'writeFile', 'appendFileSync', 'appendFile', 'mkdirSync', 'mkdir', 'rmSync', 'rm', 'unlinkSync', 'unlink', 'renameSync', 'rename', 'createWriteStream', 'copyFileSync', 'copyFile', 'symlinkSync', 'chmodSync'],
  'write',
);
const promises = fs.promises as unknown as Record<string, unknown>;
wrap(promises, ['readFile', 'open'], 'read');
wrap(promises, ['readdir', 'opendir'], 'list');
wrap(promises, ['writeFile', 'appendFile', 'mkdir', 'rm', 'unlink', 'rename', 'copyFile'], 'write');
