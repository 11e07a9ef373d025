/**
 * The CI output formats and `--fail-on`: GitHub workflow-command annotations (escaping of `%`,
 * `\r`, `\n`, `:` and `,`), JUnit XML (escaping, counts, and a real XML parser where the machine
 * has one), and the exit status under each threshold, in process and through `runCli`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { parseArgs } from '../../server/src/cli/args';
import { escapeGithubData, escapeGithubProperty, formatGithub, githubCommand, githubPath } from '../../server/src/cli/format-github';
import { escapeXmlAttribute, escapeXmlText, formatJunit, xmlSafe } from '../../server/src/cli/format-junit';
import { EXIT_FINDINGS, EXIT_OK, runCli } from '../../server/src/cli/main';
import { severityFails, totalsFail, totalsOf, type LintReport, type Range } from '../../server/src/cli/types';

const fixtures = resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'cli');

function range(sl: number, sc: number, el: number, ec: number): Range {
  return { start: { line: sl, character: sc }, end: { line: el, character: ec } };
}

const report: LintReport = {
  version: 1,
  files: [
    {
      path: './templates/a,b:c.yaml',
      surface: 'cloudformation',
      clients: [{ name: 'Web', range: range(1, 0, 9, 0) }],
      diagnostics: [
        { rule: 'redirect-uri-insecure', severity: 'error', message: '100% plain http:\r\n"x" <y> & z', range: range(4, 6, 4, 30), fixes: [] },
        { rule: 'implicit-flow-discouraged', severity: 'warning', message: 'Prefer code.', range: range(5, 0, 6, 2), fixes: [] },
        { rule: 'auth-flows-password-in-transit', severity: 'info', message: 'Use SRP.', range: range(7, 3, 7, 9), fixes: [] },
      ],
    },
    { path: 'big.json', surface: 'cloudformation', clients: [], diagnostics: [{ rule: 'file-skipped', severity: 'info', message: 'Not checked: too big.', range: range(0, 0, 0, 0), fixes: [] }] },
    { path: 'clean.yaml', surface: 'cloudformation', clients: [], diagnostics: [] },
  ],
};

function cli(...argv: string[]): { status: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const status = runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: fixtures });
  return { status, stdout, stderr };
}

describe('--fail-on', () => {
  const known = (): boolean => true;
  it('parses error, warning, info and none, and rejects anything else', () => {
    for (const value of ['error', 'warning', 'info', 'none']) {
      const parsed = parseArgs(['--fail-on', value, 'x'], known);
      assert.equal(parsed.kind === 'run' && parsed.options.failOn, value);
    }
    const parsed = parseArgs(['--fail-on=warning', 'x'], known);
    assert.equal(parsed.kind === 'run' && parsed.options.failOn, 'warning');
    assert.throws(() => parseArgs(['--fail-on', 'fatal', 'x'], known), /unknown --fail-on value "fatal" \(expected error, warning, info or none\)/);
    assert.throws(() => parseArgs(['--fail-on'], known), /needs a value/);
  });

  it('accepts github and junit as formats', () => {
    for (const format of ['github', 'junit']) {
      const parsed = parseArgs(['-f', format, 'x'], known);
      assert.equal(parsed.kind === 'run' && parsed.options.format, format);
    }
  });

  it('fails at and above the threshold, defaulting to error', () => {
    assert.deepEqual(
      (['error', 'warning', 'info'] as const).map((s) => [severityFails(s), severityFails(s, 'error'), severityFails(s, 'warning'), severityFails(s, 'info'), severityFails(s, 'none')]),
      [
        [true, true, true, true, false],
        [false, false, true, true, false],
        [false, false, false, true, false],
      ],
    );
    const onlyWarnings = { errors: 0, warnings: 2, infos: 5, files: 1, clients: 1 };
    assert.equal(totalsFail(onlyWarnings), false);
    assert.equal(totalsFail(onlyWarnings, 'warning'), true);
    assert.equal(totalsFail({ ...onlyWarnings, warnings: 0 }, 'warning'), false);
    assert.equal(totalsFail({ ...onlyWarnings, warnings: 0 }, 'info'), true);
    assert.equal(totalsFail(totalsOf(report), 'none'), false);
  });

  it('sets the exit status of the CLI (auth.yaml has one error and one warning)', () => {
    assert.equal(cli('project/templates/auth.yaml').status, EXIT_FINDINGS);
    assert.equal(cli('--fail-on', 'none', 'project/templates/auth.yaml').status, EXIT_OK);
    assert.equal(cli('--fail-on', 'warning', '--rule', 'redirect-uri-insecure=off', 'project/templates/auth.yaml').status, EXIT_FINDINGS);
    assert.equal(cli('--rule', 'redirect-uri-insecure=off', 'project/templates/auth.yaml').status, EXIT_OK);
    assert.equal(cli('--fail-on', 'info', 'project/clean.yml').status, EXIT_OK);
  });
});

describe('github format', () => {
  it('escapes the message and property values by the workflow-command rules', () => {
    assert.equal(escapeGithubData('50% a\r\nb:c,d'), '50%25 a%0D%0Ab:c,d');
    assert.equal(escapeGithubProperty('50% a\r\nb:c,d'), '50%25 a%0D%0Ab%3Ac%2Cd');
    // `%` first, so an escape already in the text is not decoded by the runner.
    assert.equal(escapeGithubData('%0A'), '%250A');
    assert.deepEqual((['error', 'warning', 'info'] as const).map(githubCommand), ['error', 'warning', 'notice']);
  });

  it('prints one command per diagnostic with 1-based positions, and nothing for a clean file', () => {
    assert.equal(
      formatGithub(report, '/repo'),
      [
        '::error file=templates/a%2Cb%3Ac.yaml,line=5,endLine=5,col=7,endColumn=31,title=redirect-uri-insecure::100%25 plain http:%0D%0A"x" <y> & z',
        '::warning file=templates/a%2Cb%3Ac.yaml,line=6,endLine=7,col=1,endColumn=3,title=implicit-flow-discouraged::Prefer code.',
        '::notice file=templates/a%2Cb%3Ac.yaml,line=8,endLine=8,col=4,endColumn=10,title=auth-flows-password-in-transit::Use SRP.',
        '::notice file=big.json,line=1,endLine=1,col=1,endColumn=1,title=file-skipped::Not checked: too big.',
        '',
      ].join('\n'),
    );
  });

  it('never lets a message start a second command', () => {
    const evil: LintReport = {
      version: 1,
      files: [{ path: 'x.yaml', surface: 'cloudformation', clients: [], diagnostics: [{ rule: 'r', severity: 'error', message: 'a\n::add-mask::b\r::stop-commands::t', range: range(0, 0, 0, 1), fixes: [] }] }],
    };
    const lines = formatGithub(evil, '/').split('\n').filter(Boolean);
    assert.equal(lines.length, 1);
    assert.ok(!/[\r\n]/.test(lines[0]));
  });

  it('gives paths relative to the workspace, with forward slashes and no ./', () => {
    assert.equal(githubPath('./a/b.yaml', '/repo'), 'a/b.yaml');
    assert.equal(githubPath('/repo/a/b.yaml', '/repo'), 'a/b.yaml');
    assert.equal(githubPath('/elsewhere/b.yaml', '/repo'), '/elsewhere/b.yaml');
    assert.equal(githubPath('a/b.yaml', '/repo'), 'a/b.yaml');
  });

  it('is what `--format github` prints, with the summary on stderr', () => {
    const r = cli('--format', 'github', 'project/templates/auth.yaml');
    assert.equal(r.status, EXIT_FINDINGS);
    const lines = r.stdout.trimEnd().split('\n').sort();
    assert.equal(lines.length, 2);
    assert.match(lines[0], /^::error file=project\/templates\/auth\.yaml,line=26,endLine=26,col=55,endColumn=\d+,title=redirect-uri-insecure::\S/);
    assert.match(lines[1], /^::warning file=project\/templates\/auth\.yaml,line=24,endLine=24,col=27,endColumn=35,title=implicit-flow-discouraged::The implicit flow/);
    assert.equal(r.stderr, '1 error, 1 warning, 0 info in 1 file (2 clients)\n');
  });
});

describe('junit format', () => {
  it('escapes text and attributes, and replaces what XML 1.0 cannot carry', () => {
    assert.equal(escapeXmlText('a < b && c > d\r\n"q"'), 'a &lt; b &amp;&amp; c &gt; d&#13;\n"q"');
    assert.equal(escapeXmlAttribute('say "hi"\n\tnow\r'), 'say &quot;hi&quot;&#10;&#9;now&#13;');
    assert.equal(xmlSafe('a\u0000b\u001bc\uFFFEd\uFFFF'), 'a\uFFFDb\uFFFDc\uFFFDd\uFFFD');
    // A surrogate pair survives; lone halves do not.
    assert.equal(xmlSafe('\uD83D\uDE00'), '\uD83D\uDE00');
    assert.equal(xmlSafe('x\uD83Dy\uDE00z'), 'x\uFFFDy\uFFFDz');
    assert.equal(xmlSafe('\uD83D\uD83D\uDE00'), '\uFFFD\uD83D\uDE00');
  });

  it('has a suite per file, a case per diagnostic, failures at the threshold, skipped files, one passing case for a clean file', () => {
    assert.equal(
      formatJunit(report),
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="cognito-client-lint" tests="5" failures="1" errors="0" skipped="1">',
        '  <testsuite name="./templates/a,b:c.yaml" tests="3" failures="1" errors="0" skipped="0">',
        '    <testcase classname="./templates/a,b:c.yaml" name="redirect-uri-insecure at 5:7" file="./templates/a,b:c.yaml" line="5">',
        '      <failure message="100% plain http:&#13;&#10;&quot;x&quot; &lt;y&gt; &amp; z" type="error">./templates/a,b:c.yaml:5:7 error redirect-uri-insecure 100% plain http:&#13;\n"x" &lt;y&gt; &amp; z</failure>',
        '    </testcase>',
        '    <testcase classname="./templates/a,b:c.yaml" name="implicit-flow-discouraged at 6:1" file="./templates/a,b:c.yaml" line="6">',
        '      <system-out>./templates/a,b:c.yaml:6:1 warning implicit-flow-discouraged Prefer code.</system-out>',
        '    </testcase>',
        '    <testcase classname="./templates/a,b:c.yaml" name="auth-flows-password-in-transit at 8:4" file="./templates/a,b:c.yaml" line="8">',
        '      <system-out>./templates/a,b:c.yaml:8:4 info auth-flows-password-in-transit Use SRP.</system-out>',
        '    </testcase>',
        '  </testsuite>',
        '  <testsuite name="big.json" tests="1" failures="0" errors="0" skipped="1">',
        '    <testcase classname="big.json" name="file-skipped at 1:1" file="big.json" line="1">',
        '      <skipped message="Not checked: too big."/>',
        '    </testcase>',
        '  </testsuite>',
        '  <testsuite name="clean.yaml" tests="1" failures="0" errors="0" skipped="0">',
        '    <testcase classname="clean.yaml" name="clean.yaml" file="clean.yaml"/>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });

  it('counts as failures what --fail-on counts', () => {
    const failures = (xml: string): string => /<testsuites [^>]*failures="(\d+)"/.exec(xml)![1];
    assert.equal(failures(formatJunit(report, 'warning')), '2');
    assert.equal(failures(formatJunit(report, 'info')), '3');
    assert.equal(failures(formatJunit(report, 'none')), '0');
    // file-skipped stays skipped whatever the threshold.
    assert.match(formatJunit(report, 'info'), /<testsuites [^>]*skipped="1"/);
  });

  it('parses with a real XML parser (xmllint or Python expat, where installed)', (t) => {
    const nasty: LintReport = {
      version: 1,
      files: [
        ...report.files,
        { path: 'q"&<.yaml', surface: 'cloudformation', clients: [], diagnostics: [{ rule: 'r', severity: 'error', message: 'ctl\u0001 ]]> \uD800 é ✓ 😀', range: range(0, 0, 0, 1), fixes: [] }] },
      ],
    };
    const xml = formatJunit(nasty);
    const parsers: [string, string[]][] = [
      ['xmllint', ['--noout', '-']],
      ['python3', ['-c', 'import sys, xml.etree.ElementTree as E; r = E.fromstring(sys.stdin.buffer.read()); print(r.get("tests"), len(r.findall(".//failure")))']],
    ];
    let parsed = 0;
    for (const [command, args] of parsers) {
      const r = spawnSync(command, args, { input: xml, encoding: 'utf8' });
      if (r.error) continue;
      assert.equal(r.status, 0, `${command}: ${r.stderr}`);
      if (command === 'python3') assert.equal(r.stdout.trim(), '6 2');
      parsed++;
    }
    if (parsed === 0) t.skip('neither xmllint nor python3 is installed');
  });

  it('is what `--format junit` prints, with no summary', () => {
    const r = cli('--format', 'junit', 'project/templates/auth.yaml', 'project/clean.yml');
    assert.equal(r.status, EXIT_FINDINGS);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="cognito-client-lint" tests="3" failures="1" errors="0" skipped="0">\n/);
    assert.match(r.stdout, /<failure message="[^"]+" type="error">project\/templates\/auth\.yaml:26:55 error redirect-uri-insecure /);
  });
});
