/** The CLI's argument parser, in process. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_MAX_FILE_SIZE_KB, helpText, parseArgs, UsageError } from '../../server/src/cli/args';

const known = (id: string): boolean => ['implicit-flow-discouraged', 'syntax-error'].includes(id);

function run(...argv: string[]) {
  const parsed = parseArgs(argv, known);
  assert.equal(parsed.kind, 'run');
  return parsed.kind === 'run' ? parsed.options : undefined!;
}

function usageError(argv: string[], pattern: RegExp): void {
  assert.throws(() => parseArgs(argv, known), (error: unknown) => error instanceof UsageError && pattern.test(error.message));
}

describe('cli arguments', () => {
  it('defaults to text, no overrides, 5 MB', () => {
    assert.deepEqual(run('a.yaml'), { format: 'text', paths: ['a.yaml'], rules: {}, maxFileSizeKb: DEFAULT_MAX_FILE_SIZE_KB });
    assert.equal(DEFAULT_MAX_FILE_SIZE_KB, 5120);
  });

  it('reads every option in both spellings, in any order', () => {
    assert.deepEqual(run('--format', 'json', 'a', '--rule', 'implicit-flow-discouraged=off', 'b', '--max-file-size', '10'), {
      format: 'json',
      paths: ['a', 'b'],
      rules: { 'implicit-flow-discouraged': 'off' },
      maxFileSizeKb: 10,
    });
    assert.deepEqual(run('-f', 'sarif', '--rule=syntax-error=warning', '--max-file-size=0', '.'), {
      format: 'sarif',
      paths: ['.'],
      rules: { 'syntax-error': 'warning' },
      maxFileSizeKb: 0,
    });
    assert.equal(run('--format=text', 'x').format, 'text');
  });

  it('lets a later --rule for the same id win', () => {
    assert.deepEqual(run('--rule', 'implicit-flow-discouraged=off', '--rule', 'implicit-flow-discouraged=error', 'x').rules, { 'implicit-flow-discouraged': 'error' });
  });

  it('treats everything after -- as a path', () => {
    assert.deepEqual(run('--', '--format', '-x').paths, ['--format', '-x']);
  });

  it('answers --help and --version before anything else', () => {
    assert.deepEqual(parseArgs(['--help'], known), { kind: 'help' });
    assert.deepEqual(parseArgs(['-h', 'x'], known), { kind: 'help' });
    assert.deepEqual(parseArgs(['--version'], known), { kind: 'version' });
    assert.deepEqual(parseArgs(['-v'], known), { kind: 'version' });
    assert.deepEqual(parseArgs(['--version', '--help'], known), { kind: 'help' });
  });

  it('rejects mistakes with one clear message', () => {
    usageError([], /no paths given/);
    usageError(['--format', 'xml', 'a'], /unknown format "xml" \(expected text, json, sarif, github or junit\)/);
    usageError(['--format'], /option --format needs a value/);
    usageError(['--frmat', 'json', 'a'], /unknown option --frmat/);
    usageError(['-x', 'a'], /unknown option -x/);
    usageError(['--rule', 'no-such-rule=off', 'a'], /unknown rule "no-such-rule"/);
    usageError(['--rule', 'implicit-flow-discouraged=fatal', 'a'], /unknown severity "fatal"/);
    usageError(['--rule', 'implicit-flow-discouraged', 'a'], /--rule needs ID=SEVERITY/);
    usageError(['--rule', '=off', 'a'], /--rule needs ID=SEVERITY/);
    usageError(['--max-file-size', '-1', 'a'], /whole number of KB/);
    usageError(['--parse-timeout', '0', 'a'], /whole number of milliseconds/);
    usageError(['--parse-timeout=soon', 'a'], /whole number of milliseconds/);
    usageError(['--max-file-size', '1.5', 'a'], /whole number of KB/);
    usageError(['--help=yes'], /takes no value/);
    usageError([''], /empty path/);
  });

  it('documents the formats, the summary stream, the exit statuses and the rules in --help', () => {
    const help = helpText(['implicit-flow-discouraged']);
    assert.match(help, /^Usage: cognito-client-lint \[options\] PATH\.\.\./);
    for (const word of ['--format', '--rule', '--max-file-size', '--version', 'sarif', 'json', 'summary line on stderr', 'file-skipped', 'node_modules', 'cdk.out']) {
      assert.ok(help.includes(word), `help mentions ${word}`);
    }
    assert.match(help, /0 +no error-severity diagnostics/);
    assert.match(help, /1 +at least one error-severity diagnostic/);
    assert.match(help, /2 +the command failed/);
    assert.match(help, /Rules \(for --rule\):\n  implicit-flow-discouraged\n/);
    const many = helpText(Array.from({ length: 30 }, (_, i) => `rule-number-${i}`));
    for (const line of many.split('\n')) assert.ok(line.length <= 88, line);
  });
});
