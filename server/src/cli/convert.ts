/**
 * `cognito-client-lint convert --to TARGET [--client NAME] FILE`: the clients of a file written
 * for another surface, on stdout. What the reader of the result must know (inputs to fill in,
 * settings the target cannot express, members left out) goes to stderr, each line prefixed
 * `note:`; the result is read back with the target's surface and any setting that does not come
 * back the same is named there too (`not exact:`).
 */
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compareConversion, convertClients, targetById, TARGETS } from '../convert';
import { prepareDocument } from '../service';
import { parseDocument } from '../surfaces';
import { readSource, sourceDocument } from './lint-file';
import type { CliIo } from './main';
import { CLI_NAME } from './version';
import { DEFAULT_MAX_FILE_SIZE_KB } from './args';

export const CONVERT_HELP = `Usage: ${CLI_NAME} convert --to TARGET [--client NAME] FILE

Writes the user pool clients of FILE (any supported surface, a describe result
included) for another surface, on stdout.

TARGET is one of:
${TARGETS.map((t) => `  ${t.id.padEnd(20)} ${t.title}`).join('\n')}

Options:
  --to TARGET     the surface to write (required)
  --client NAME   convert only this client (its logical id, resource name or
                  construct id); without it every client of the file is converted
                  (cli-input-json holds one client, so it needs --client when the
                  file has several)
  -h, --help      show this help

Values the file cannot know (a !Ref, a var., a process.env) become the target's
inputs: template parameters, Terraform variables, function arguments, stack props;
in a request file, blank placeholders. Notes go to stderr.
`;

/** Run `convert` (arguments after the word `convert`); returns the exit status. */
export async function runConvert(argv: readonly string[], io: CliIo): Promise<number> {
  const fail = (message: string): number => {
    io.stderr(`${CLI_NAME} convert: ${message}\n`);
    return 2;
  };
  let to: string | undefined;
  let client: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    const value = (): string | undefined => (eq >= 0 ? arg.slice(eq + 1) : argv[++i]);
    if (name === '-h' || name === '--help') {
      io.stdout(CONVERT_HELP);
      return 0;
    } else if (name === '--to') {
      to = value();
      if (to === undefined) return fail('option --to needs a value');
    } else if (name === '--client') {
      client = value();
      if (client === undefined) return fail('option --client needs a value');
    } else if (arg.startsWith('-') && arg !== '-') return fail(`unknown option ${name} (see ${CLI_NAME} convert --help)`);
    else files.push(arg);
  }
  if (to === undefined) return fail(`--to TARGET is required: one of ${TARGETS.map((t) => t.id).join(', ')}`);
  const target = targetById(to);
  if (!target) return fail(`unknown target ${JSON.stringify(to)}: use one of ${TARGETS.map((t) => t.id).join(', ')}`);
  if (files.length !== 1) return fail(files.length === 0 ? 'a FILE to convert is required' : 'convert takes one FILE');
  const path = files[0];
  const absolute = isAbsolute(path) ? path : resolve(io.cwd, path);
  const read = readSource({ path, absolute }, DEFAULT_MAX_FILE_SIZE_KB, io.fs);
  if (read.kind !== 'text') return fail(`cannot read ${path}: ${read.report.diagnostics[0]?.message ?? 'not a text file'}`);
  const doc = sourceDocument(path, pathToFileURL(absolute).href, read.text);
  await prepareDocument(doc);
  const parsed = parseDocument(doc);
  if (!parsed) return fail(`${path} is not a file any surface reads`);
  let defs = parsed.model.clients;
  if (client !== undefined) {
    defs = defs.filter((d) => d.name === client || d.name.split('.').pop() === client);
    if (defs.length === 0) return fail(`no client named ${JSON.stringify(client)} in ${path}: it has ${parsed.model.clients.map((d) => d.name).join(', ') || 'none'}`);
  }
  if (defs.length === 0) return fail(`no user pool client in ${path}`);
  let conversion;
  try {
    conversion = convertClients(defs, target);
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  io.stdout(conversion.text);
  for (const line of [...conversion.dropped, ...conversion.notes]) io.stderr(`${CLI_NAME}: note: ${line}\n`);
  // Read the result back with its own surface and say what does not come back the same.
  await prepareDocument({ uri: `untitled:/converted/${target.fileName}`, languageId: target.languageId, text: conversion.text });
  const differences = compareConversion(defs, conversion);
  if (differences === undefined) io.stderr(`${CLI_NAME}: note: the result could not be read back to check it\n`);
  else for (const d of differences) io.stderr(`${CLI_NAME}: not exact: ${d} reads back differently (see the notes)\n`);
  return 0;
}
