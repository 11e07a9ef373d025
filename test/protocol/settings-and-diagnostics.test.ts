/**
 * The pieces under the server's handlers, without a connection: reading settings, turning findings
 * into diagnostics, and the per-version analysis cache.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analysisKey, defaultSettings, readSettings } from '../../server/src/config';
import { diagnosticData, DIAGNOSTIC_SOURCE, documentDiagnostics, MAX_PUBLISHED_FINDINGS, rangeOf, toDiagnostic, toDiagnostics, TOO_MANY_CODE } from '../../server/src/features/diagnostics';
import { DocumentCache, skipReasonFor } from '../../server/src/features/document-cache';
import type { Finding } from '../../server/src/rules/types';
import { analyse, ruleDocsHref } from '../../server/src/service';
import { MISCONFIGURED_CODES, MISCONFIGURED_YAML, NOT_A_TEMPLATE_YAML } from './fixtures';

describe('readSettings', () => {
  it('gives the defaults for nothing', () => {
    for (const raw of [undefined, null, {}]) {
      const { settings, warnings } = readSettings(raw);
      assert.deepEqual(settings, { rules: {}, validate: { enable: true, debounceMs: 200 }, codeLens: { enable: true }, maxFileSizeKb: 1024, parseTimeoutMs: 2000, timeBudgetMs: 600, logLevel: 'info' });
      assert.deepEqual(settings, { ...defaultSettings, rules: {}, validate: { ...defaultSettings.validate }, codeLens: { ...defaultSettings.codeLens } });
      assert.deepEqual(warnings, []);
    }
  });

  it('reads every field', () => {
    const { settings, warnings } = readSettings(
      { rules: { 'implicit-flow-discouraged': 'off', 'auth-flows-password-in-transit': 'warning' }, validate: { enable: false, debounceMs: 50 }, codeLens: { enable: false }, maxFileSizeKb: 64, parseTimeoutMs: 500, timeBudgetMs: 1500, logLevel: 'debug' },
      () => true,
    );
    assert.deepEqual(settings, {
      rules: { 'implicit-flow-discouraged': 'off', 'auth-flows-password-in-transit': 'warning' },
      validate: { enable: false, debounceMs: 50 },
      codeLens: { enable: false },
      maxFileSizeKb: 64,
      parseTimeoutMs: 500,
      timeBudgetMs: 1500,
      logLevel: 'debug',
    });
    assert.deepEqual(warnings, []);
  });

  it('falls back per field on malformed values, with one warning each', () => {
    const { settings, warnings } = readSettings(
      { rules: { a: 'loud', b: 3, c: 'info' }, validate: { enable: 'yes', debounceMs: -5 }, codeLens: { enable: 'no' }, maxFileSizeKb: 'big', parseTimeoutMs: 10, logLevel: 'chatty' },
      (id) => id !== 'c',
    );
    assert.deepEqual(settings.rules, { c: 'info' });
    assert.equal(settings.validate.enable, true);
    assert.equal(settings.validate.debounceMs, 0);
    assert.equal(settings.maxFileSizeKb, 1024);
    assert.equal(settings.parseTimeoutMs, 50); // clamped to its minimum
    assert.equal(settings.logLevel, 'info');
    assert.equal(settings.codeLens.enable, true);
    assert.equal(warnings.length, 9, warnings.join('\n'));
    assert.ok(warnings.some((w) => w.includes('no rule has the id "c"')));
    assert.deepEqual(readSettings('nonsense').warnings.length, 1);
    assert.deepEqual(readSettings({ rules: ['x'] }).warnings.length, 1);
  });

  it('keys analyses by the settings that change results only', () => {
    const a = readSettings({ rules: { x: 'off', y: 'info' }, logLevel: 'debug' }).settings;
    const b = readSettings({ rules: { y: 'info', x: 'off' }, validate: { debounceMs: 10 } }).settings;
    assert.equal(analysisKey(a), analysisKey(b));
    assert.notEqual(analysisKey(a), analysisKey(readSettings({ rules: { x: 'off' } }).settings));
    assert.notEqual(analysisKey(a), analysisKey({ ...a, maxFileSizeKb: 5 }));
  });
});

describe('findings to diagnostics', () => {
  const document = TextDocument.create('file:///t.yaml', 'yaml', 1, 'a: 1\n# café ✓\nkey: value\n');
  const finding: Finding = {
    ruleId: 'implicit-flow-discouraged',
    severity: 'warning',
    message: 'Use code',
    span: { start: 14, end: 17 },
    fixes: [{ title: 'Replace', changes: [{ kind: 'replaceItem', path: ['AllowedOAuthFlows'], index: 0, value: 'code' }], isPreferred: true }],
  };

  it('publishes at most MAX_PUBLISHED_FINDINGS findings, with one information diagnostic saying how many more', () => {
    const many = (n: number) => Array.from({ length: n }, () => finding);
    const model = { problems: [] };
    const all = documentDiagnostics(document, model, many(MAX_PUBLISHED_FINDINGS));
    assert.equal(all.length, MAX_PUBLISHED_FINDINGS);
    assert.ok(all.every((d) => d.code === 'implicit-flow-discouraged'));
    const over = documentDiagnostics(document, model, many(MAX_PUBLISHED_FINDINGS + 2345));
    assert.equal(over.length, MAX_PUBLISHED_FINDINGS + 1);
    assert.deepEqual(over[0], {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Information,
      source: DIAGNOSTIC_SOURCE,
      code: TOO_MANY_CODE,
      message: 'This document has 12,345 Cognito client problems; the first 10,000 are shown and 2,345 more are not (the CLI lists them all).',
    });
    assert.deepEqual(over[1], toDiagnostic(document, finding));
    // A document left unread says so first.
    const unread = documentDiagnostics(document, { problems: [{ message: 'Not read', span: { start: 0, end: 0 }, unread: true }] }, many(3));
    assert.deepEqual(unread.map((d) => d.code), ['file-skipped', 'implicit-flow-discouraged', 'implicit-flow-discouraged', 'implicit-flow-discouraged']);
  });

  it('carries source, code, link, severity, range and data', () => {
    assert.deepEqual(toDiagnostic(document, finding), {
      range: { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } },
      severity: DiagnosticSeverity.Warning,
      source: DIAGNOSTIC_SOURCE,
      code: 'implicit-flow-discouraged',
      codeDescription: { href: ruleDocsHref('implicit-flow-discouraged') },
      message: 'Use code',
      data: { ruleId: 'implicit-flow-discouraged', fixes: finding.fixes },
    });
    assert.equal(DIAGNOSTIC_SOURCE, 'cognito-client');
  });

  it('maps every severity and keeps data plain JSON', () => {
    const severities = (['error', 'warning', 'info'] as const).map((severity) => toDiagnostic(document, { ...finding, severity, fixes: undefined }).severity);
    assert.deepEqual(severities, [DiagnosticSeverity.Error, DiagnosticSeverity.Warning, DiagnosticSeverity.Information]);
    const d = toDiagnostic(document, { ...finding, fixes: undefined });
    assert.deepEqual(d.data, { ruleId: finding.ruleId, fixes: [] });
    assert.deepEqual(JSON.parse(JSON.stringify(d.data)), d.data);
    assert.deepEqual(diagnosticData(d), { ruleId: finding.ruleId, fixes: [] });
    assert.equal(diagnosticData({ source: 'yaml', data: d.data }), undefined);
    assert.equal(diagnosticData({ source: DIAGNOSTIC_SOURCE, data: 'x' }), undefined);
  });

  it('clamps spans to the document', () => {
    assert.deepEqual(rangeOf(document, { start: -4, end: 2 }), { start: { line: 0, character: 0 }, end: { line: 0, character: 2 } });
    const end = document.positionAt(document.getText().length);
    assert.deepEqual(rangeOf(document, { start: 1000, end: 2000 }), { start: end, end });
    assert.deepEqual(rangeOf(document, { start: 3, end: 1 }), { start: { line: 0, character: 3 }, end: { line: 0, character: 3 } });
  });

  it('converts a real analysis in order', () => {
    const doc = TextDocument.create('file:///w/template.yaml', 'yaml', 1, MISCONFIGURED_YAML);
    const analysis = analyse({ uri: doc.uri, languageId: 'yaml', text: MISCONFIGURED_YAML });
    assert.ok(analysis);
    assert.deepEqual(toDiagnostics(doc, analysis.findings).map((d) => d.code), MISCONFIGURED_CODES);
  });
});

describe('DocumentCache', () => {
  const settings = { rules: {}, maxFileSizeKb: 1024 };

  function counting() {
    let calls = 0;
    const cache = new DocumentCache({
      keyOf: analysisKey,
      analyse: (doc, options, onRuleError) => {
        calls++;
        return analyse(doc, options, onRuleError);
      },
    });
    return { cache, calls: () => calls };
  }

  it('analyses a version once, again for a new version or new rule settings', () => {
    const { cache, calls } = counting();
    const v1 = TextDocument.create('file:///w/t.yaml', 'yaml', 1, MISCONFIGURED_YAML);
    const first = cache.get(v1, settings);
    assert.deepEqual(first.analysis?.findings.map((f) => f.ruleId), MISCONFIGURED_CODES);
    assert.equal(cache.get(v1, settings), first);
    assert.equal(cache.current(v1, { rules: { x: 'off' }, maxFileSizeKb: 1024 }), first, 'any settings do for the model');
    assert.equal(calls(), 1);
    const off = cache.get(v1, { rules: { 'client-credentials-exclusive': 'off' }, maxFileSizeKb: 1024 });
    assert.deepEqual(off.analysis?.findings.map((f) => f.ruleId), ['client-credentials-requires-secret']);
    assert.equal(calls(), 2);
    const v2 = TextDocument.update(v1, [{ text: MISCONFIGURED_YAML.replace('        - code\n', '') }], 2);
    assert.equal(cache.get(v2, settings).version, 2);
    assert.equal(calls(), 3);
    cache.delete(v2.uri);
    assert.equal(cache.peek(v2.uri), undefined);
  });

  it('keeps the analyses of the most recently used documents only, and reads a dropped one again the same', () => {
    let calls = 0;
    const cache = new DocumentCache({
      keyOf: analysisKey,
      maxAnalyses: 2,
      analyse: (doc, options, onRuleError) => {
        calls++;
        return analyse(doc, options, onRuleError);
      },
    });
    const docs = ['a', 'b', 'c'].map((n) => TextDocument.create(`file:///w/${n}.yaml`, 'yaml', 1, MISCONFIGURED_YAML));
    const [a, b, c] = docs.map((d) => cache.get(d, settings));
    assert.equal(calls, 3);
    assert.equal(cache.peek(docs[0].uri), undefined, 'the least recently used one lost its analysis');
    assert.equal(cache.peek(docs[1].uri), b);
    assert.equal(cache.get(docs[2], settings), c);
    assert.equal(cache.current(docs[1], settings), b, 'used again: now the most recent');
    assert.equal(calls, 3);
    const again = cache.get(docs[0], settings);
    assert.equal(calls, 4, 'a dropped document is analysed again when asked');
    assert.deepEqual(again.analysis?.findings, a.analysis?.findings);
    assert.equal(cache.peek(docs[2].uri), undefined, 'and c, now the least recently used, made room');
    assert.equal(cache.peek(docs[1].uri), b);
  });

  it('never parses documents no surface reads, huge ones or binary ones', () => {
    const { cache, calls } = counting();
    const text = cache.get(TextDocument.create('file:///w/readme.md', 'markdown', 1, MISCONFIGURED_YAML), settings);
    assert.equal(text.analysis, undefined);
    assert.equal(text.skipped, undefined);
    const huge = cache.get(TextDocument.create('file:///w/t.yaml', 'yaml', 1, MISCONFIGURED_YAML + '#'.repeat(2048)), { rules: {}, maxFileSizeKb: 2 });
    assert.equal(huge.skipped?.kind, 'too-large');
    const binary = cache.get(TextDocument.create('file:///w/b.yaml', 'yaml', 1, 'Resources:\u0000'), settings);
    assert.deepEqual(binary.skipped, { kind: 'binary' });
    assert.equal(calls(), 0);
    cache.get(TextDocument.create('file:///w/c.yaml', 'yaml', 1, NOT_A_TEMPLATE_YAML), settings);
    assert.equal(calls(), 1);
  });

  it('measures size in UTF-8 bytes', () => {
    // 600 characters, 1200 bytes: over a 1 KB limit although the character count is under it.
    assert.deepEqual(skipReasonFor('é'.repeat(600), 1), { kind: 'too-large', sizeKb: 2, limitKb: 1 });
    assert.equal(skipReasonFor('a'.repeat(1024), 1), undefined);
    assert.equal(skipReasonFor('é'.repeat(512), 1), undefined);
    assert.equal(skipReasonFor('a'.repeat(1025), 1)?.kind, 'too-large');
  });

  it('keeps what the engine threw instead of throwing', () => {
    const cache = new DocumentCache({
      keyOf: analysisKey,
      analyse: () => {
        throw new RangeError('Maximum call stack size exceeded');
      },
    });
    const entry = cache.get(TextDocument.create('file:///w/t.yaml', 'yaml', 1, MISCONFIGURED_YAML), settings);
    assert.equal(entry.analysis, undefined);
    assert.ok(entry.error instanceof RangeError);
  });

  it('reports rule failures with the uri', () => {
    const seen: string[] = [];
    const cache = new DocumentCache({
      keyOf: analysisKey,
      onRuleError: (ruleId, _error, uri) => seen.push(`${ruleId}@${uri}`),
      analyse: (doc, options, onRuleError) => {
        onRuleError?.('some-rule', new Error('x'));
        return analyse(doc, options, onRuleError);
      },
    });
    cache.get(TextDocument.create('file:///w/t.yaml', 'yaml', 1, MISCONFIGURED_YAML), settings);
    assert.deepEqual(seen, ['some-rule@file:///w/t.yaml']);
  });
});
