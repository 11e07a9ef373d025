/**
 * The CLI's formatters, in process, over a hand-built report: text lines and 1-based positions,
 * the summary line, the JSON contract shape, and the SARIF 2.1.0 shape.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatJson } from '../../server/src/cli/format-json';
import { artifactUri, CLI_RULES, formatSarif, ruleDefaultSeverity, sarifLevel, sarifRules, SARIF_SCHEMA } from '../../server/src/cli/format-sarif';
import { formatSummary, formatText } from '../../server/src/cli/format-text';
import { totalsOf, type LintReport, type Range } from '../../server/src/cli/types';
import { CLI_NAME, CLI_VERSION } from '../../server/src/cli/version';
import type { Rule } from '../../server/src/rules/types';
import { ruleDocsHref } from '../../server/src/service';

function range(sl: number, sc: number, el: number, ec: number): Range {
  return { start: { line: sl, character: sc }, end: { line: el, character: ec } };
}

const report: LintReport = {
  version: 1,
  files: [
    {
      path: 'templates/auth.yaml',
      surface: 'cloudformation',
      clients: [
        { name: 'WebClient', range: range(9, 2, 20, 0) },
        { name: 'Other', range: range(21, 2, 25, 0) },
      ],
      diagnostics: [
        {
          rule: 'client-credentials-exclusive',
          severity: 'error',
          message: 'AllowedOAuthFlows mixes client_credentials\nwith code.',
          range: range(14, 8, 14, 26),
          fixes: [{ title: 'Remove code', edits: [{ range: range(14, 27, 14, 33), newText: '' }] }],
        },
        { rule: 'implicit-flow-discouraged', severity: 'warning', message: 'Prefer code.', range: range(15, 0, 15, 4), fixes: [] },
        { rule: 'auth-flows-password-in-transit', severity: 'info', message: 'Use SRP.', range: range(16, 3, 16, 9), fixes: [] },
      ],
    },
    { path: 'big file.json', surface: 'cloudformation', clients: [], diagnostics: [{ rule: 'file-skipped', severity: 'info', message: 'Not checked: too big.', range: range(0, 0, 0, 0), fixes: [] }] },
    { path: 'clean.yaml', surface: 'cloudformation', clients: [{ name: 'C', range: range(1, 0, 2, 0) }], diagnostics: [] },
  ],
};

describe('text format', () => {
  it('prints path:line:col severity rule message, 1-based, one line per diagnostic', () => {
    assert.equal(
      formatText(report),
      [
        'templates/auth.yaml:15:9 error client-credentials-exclusive AllowedOAuthFlows mixes client_credentials with code.',
        'templates/auth.yaml:16:1 warning implicit-flow-discouraged Prefer code.',
        'templates/auth.yaml:17:4 info auth-flows-password-in-transit Use SRP.',
        'big file.json:1:1 info file-skipped Not checked: too big.',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing for a report with no diagnostics', () => {
    assert.equal(formatText({ version: 1, files: [report.files[2]] }), '');
  });

  it('summarises with singular and plural words', () => {
    assert.equal(formatSummary(totalsOf(report)), '1 error, 1 warning, 2 info in 3 files (3 clients)\n');
    assert.equal(formatSummary({ errors: 3, warnings: 0, infos: 0, files: 1, clients: 1 }), '3 errors, 0 warnings, 0 info in 1 file (1 client)\n');
  });
});

describe('json format', () => {
  it('is the contract document, pretty-printed, with the keys in contract order', () => {
    const text = formatJson(report);
    assert.ok(text.endsWith('}\n'));
    const parsed = JSON.parse(text);
    assert.deepEqual(parsed, report);
    assert.deepEqual(Object.keys(parsed), ['version', 'files']);
    assert.deepEqual(Object.keys(parsed.files[0]), ['path', 'surface', 'clients', 'diagnostics']);
    assert.deepEqual(Object.keys(parsed.files[0].clients[0]), ['name', 'range']);
    assert.deepEqual(Object.keys(parsed.files[0].diagnostics[0]), ['rule', 'severity', 'message', 'range', 'fixes']);
    assert.deepEqual(Object.keys(parsed.files[0].diagnostics[0].fixes[0]), ['title', 'edits']);
    assert.deepEqual(Object.keys(parsed.files[0].diagnostics[0].fixes[0].edits[0]), ['range', 'newText']);
  });
});

describe('sarif format', () => {
  const engineRules: Rule[] = [
    { id: 'client-credentials-exclusive', severity: 'error', description: 'client_credentials with code or implicit.', fixable: true, check: () => [] },
    { id: 'implicit-flow-discouraged', severity: 'warning', description: 'The implicit grant.', fixable: true, check: () => [] },
    {
      id: 'refresh-token-validity-zero',
      severity: (def) => (def.surface === 'sdk' ? 'warning' : 'error'),
      description: 'A refresh token validity of 0.',
      fixable: true,
      check: () => [],
    },
  ];
  const rules = sarifRules(engineRules);
  const log = JSON.parse(formatSarif(report, rules, '/work/project'));

  it('has the SARIF 2.1.0 envelope and a driver describing the tool', () => {
    assert.equal(log.version, '2.1.0');
    assert.equal(log.$schema, SARIF_SCHEMA);
    assert.equal(log.runs.length, 1);
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.name, CLI_NAME);
    assert.equal(driver.version, CLI_VERSION);
    assert.match(driver.informationUri, /^https:\/\//);
    assert.equal(log.runs[0].columnKind, 'utf16CodeUnits');
    assert.deepEqual(log.runs[0].originalUriBaseIds, { '%SRCROOT%': { uri: 'file:///work/project/' } });
  });

  it('lists every engine rule and the CLI rules with description, docs link and default level', () => {
    const driverRules = log.runs[0].tool.driver.rules;
    assert.deepEqual(
      driverRules.map((r: { id: string }) => r.id),
      ['client-credentials-exclusive', 'implicit-flow-discouraged', 'refresh-token-validity-zero', ...CLI_RULES.map((r) => r.id)],
    );
    assert.deepEqual(driverRules[0], {
      id: 'client-credentials-exclusive',
      shortDescription: { text: 'client_credentials with code or implicit.' },
      helpUri: ruleDocsHref('client-credentials-exclusive'),
      defaultConfiguration: { level: 'error' },
    });
    assert.equal(driverRules[1].defaultConfiguration.level, 'warning');
    // A surface-dependent severity is listed at its most severe.
    assert.equal(driverRules[2].defaultConfiguration.level, 'error');
    assert.equal(driverRules.find((r: { id: string }) => r.id === 'file-skipped').defaultConfiguration.level, 'note');
  });

  it('has one result per diagnostic with level, message and a 1-based region', () => {
    const results = log.runs[0].results;
    assert.equal(results.length, 4);
    assert.equal(results[0].ruleId, 'client-credentials-exclusive');
    assert.equal(results[0].ruleIndex, 0);
    assert.equal(results[0].level, 'error');
    assert.equal(results[0].message.text, 'AllowedOAuthFlows mixes client_credentials\nwith code.');
    assert.deepEqual(results[0].locations[0].physicalLocation, {
      artifactLocation: { uri: 'templates/auth.yaml', uriBaseId: '%SRCROOT%', index: 0 },
      region: { startLine: 15, startColumn: 9, endLine: 15, endColumn: 27 },
    });
    assert.equal(results[1].level, 'warning');
    assert.equal(results[2].level, 'note');
    assert.equal(results[3].ruleId, 'file-skipped');
    assert.equal(results[3].ruleIndex, rules.findIndex((r) => r.id === 'file-skipped'));
    // Spaces in a path are percent-encoded: the URI must be a valid URI reference.
    assert.equal(results[3].locations[0].physicalLocation.artifactLocation.uri, 'big%20file.json');
  });

  it('turns fixes into artifact changes and leaves out an empty fixes list', () => {
    const [first, second] = log.runs[0].results;
    assert.deepEqual(first.fixes, [
      {
        description: { text: 'Remove code' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'templates/auth.yaml', uriBaseId: '%SRCROOT%', index: 0 },
            replacements: [{ deletedRegion: { startLine: 15, startColumn: 28, endLine: 15, endColumn: 34 }, insertedContent: { text: '' } }],
          },
        ],
      },
    ]);
    assert.equal(second.fixes, undefined);
  });

  it('lists every file as an artifact, including clean ones', () => {
    assert.deepEqual(
      log.runs[0].artifacts.map((a: { location: { uri: string } }) => a.location.uri),
      ['templates/auth.yaml', 'big%20file.json', 'clean.yaml'],
    );
  });

  it('maps severities to SARIF levels and absolute paths to file URIs', () => {
    assert.equal(sarifLevel('error'), 'error');
    assert.equal(sarifLevel('warning'), 'warning');
    assert.equal(sarifLevel('info'), 'note');
    assert.deepEqual(artifactUri('/tmp/a b/x.yaml'), { uri: 'file:///tmp/a%20b/x.yaml' });
    assert.deepEqual(artifactUri('../x/é.yaml'), { uri: '../x/%C3%A9.yaml', uriBaseId: '%SRCROOT%' });
  });

  it('falls back to warning when a severity function cannot be evaluated', () => {
    const rule: Rule = {
      id: 'x',
      severity: () => {
        throw new Error('needs properties');
      },
      description: '',
      fixable: false,
      check: () => [],
    };
    assert.equal(ruleDefaultSeverity(rule), 'warning');
  });
});
