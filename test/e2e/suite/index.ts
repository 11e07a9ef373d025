/**
 * The entry VS Code's extension host calls (`extensionTestsPath`): runs every `*.e2e.js` file in
 * this folder with Mocha (TDD interface) and rejects when a test failed.
 *
 * With COGNITO_E2E_REPORT set, each result is also appended to that file as a line
 * `ok TITLE`, `skip TITLE: why` or `fail TITLE: why` (the format of the editor scripts in
 * test/editors), which is how the code-server run reads the results of this suite.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** Skip the running test, with the reason shown in the report (Mocha's own skip takes none). */
export function skipBecause(context: Mocha.Context, reason: string): never {
  console.log(`      skipped: ${reason}`);
  if (context.test) (context.test as Mocha.Runnable & { skipReason?: string }).skipReason = reason;
  context.skip();
}

function reportTo(runner: Mocha.Runner, file: string): void {
  const line = (text: string) => fs.appendFileSync(file, `${text.replace(/\n/g, ' ')}\n`);
  runner.on(Mocha.Runner.constants.EVENT_TEST_PASS, (test) => line(`ok ${test.fullTitle()}`));
  runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, (test, error: Error) => line(`fail ${test.fullTitle()}: ${error.message}`));
  runner.on(Mocha.Runner.constants.EVENT_TEST_PENDING, (test) => line(`skip ${test.fullTitle()}: ${(test as Mocha.Runnable & { skipReason?: string }).skipReason ?? 'pending'}`));
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.e2e.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} VS Code test(s) failed`)) : resolve()));
    const report = process.env.COGNITO_E2E_REPORT;
    if (report) reportTo(runner, report);
  });
}
