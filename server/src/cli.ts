/**
 * `cognito-client-lint`: the language server's headless twin. The same engine, files in, text,
 * JSON or SARIF out (see `cognito-client-lint --help`). Bundled to dist/server/cli.js.
 */
import { runCliAsync } from './cli/main';
import { runWorkerIfAsked } from './cli/parallel';

// Piping into `head` closes stdout early; that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// Started again as a worker thread (./cli/parallel.ts), it checks the files it is sent instead.
if (!runWorkerIfAsked()) {
  void runCliAsync(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    workerScript: __filename,
  }).then((code) => {
    process.exitCode = code;
  });
}
