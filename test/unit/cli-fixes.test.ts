/**
 * The seam between a finding's semantic fix and the CLI report's text edits: the edits come from the
 * shared edit builders (server/src/surfaces/edits.ts, the path code actions take), as UTF-16 LSP
 * ranges across a non-ASCII line, and they apply cleanly.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { clientAt, reportFixes } from '../../server/src/cli/fix-edits';
import { lintText } from '../../server/src/cli/lint-file';
import { parseDocument } from '../../server/src/surfaces';

const fixture = resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'cli', 'project', 'templates', 'auth.yaml');
const text = readFileSync(fixture, 'utf8');
const uri = 'file:///fixtures/auth.yaml';

describe('fixes in the CLI report', () => {
  it('turns the edit builder offset edits into UTF-16 ranges that apply cleanly', () => {
    const report = lintText('auth.yaml', uri, text, {});
    const insecure = report.diagnostics.find((d) => d.rule === 'redirect-uri-insecure');
    assert.ok(insecure, 'redirect-uri-insecure fires on the fixture');
    assert.equal(insecure.fixes.length, 1);
    const [fix] = insecure.fixes;
    assert.match(fix.title, /https:\/\/app\.example\.com\/cb/);
    assert.equal(fix.edits.length, 1);
    // Line 26 (0-based 25) has 𝄞 (two UTF-16 code units) before the flagged item.
    assert.equal(fix.edits[0].range.start.line, 25);
    assert.ok(fix.edits[0].range.start.character >= 54, JSON.stringify(fix.edits[0].range));
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 0, text), fix.edits);
    assert.ok(fixed.includes('CallbackURLs: ["https://app.example.com/𝄞/cb", "https://app.example.com/cb"]'), fixed);
    // Everything outside the line is untouched.
    const lines = (t: string) => t.split('\n');
    assert.deepEqual(lines(fixed).filter((_, i) => i !== 25), lines(text).filter((_, i) => i !== 25));

    const implicit = report.diagnostics.find((d) => d.rule === 'implicit-flow-discouraged');
    assert.ok(implicit);
    const fixedFlows = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 0, text), implicit.fixes[0].edits);
    assert.ok(fixedFlows.includes('AllowedOAuthFlows: [code]'), fixedFlows);
  });

  it('gives every finding the fixes its rule names, none empty', () => {
    const report = lintText('auth.yaml', uri, text, {});
    for (const d of report.diagnostics) {
      for (const f of d.fixes) assert.ok(f.edits.length > 0, `${d.rule}: ${f.title}`);
    }
  });

  it('leaves a fix out when no client holds the finding', () => {
    const parsed = parseDocument({ uri, languageId: 'yaml', text })!;
    const document = TextDocument.create(uri, 'yaml', 0, text);
    const outside = { ruleId: 'redirect-uri-insecure', severity: 'error' as const, message: 'x', span: { start: 0, end: 5 }, fixes: [{ title: 't', changes: [{ kind: 'set' as const, path: ['GenerateSecret'], value: true }] }] };
    assert.deepEqual(reportFixes('cloudformation-yaml', { uri, languageId: 'yaml', text }, parsed.model, outside, document), []);
    // A surface with no edit builder gives no fix either.
    const inside = { ...outside, span: parsed.model.clients[1].nameSpan };
    assert.deepEqual(reportFixes('no-such-surface', { uri, languageId: 'yaml', text }, parsed.model, inside, document), []);
    assert.equal(reportFixes('cloudformation-yaml', { uri, languageId: 'yaml', text }, parsed.model, inside, document).length, 1);
  });

  it('finds the client a finding belongs to by span', () => {
    const model = {
      surface: 'cloudformation' as const,
      clients: [
        { name: 'Outer', span: { start: 0, end: 100 } },
        { name: 'Inner', span: { start: 10, end: 20 } },
      ],
    } as unknown as Parameters<typeof clientAt>[0];
    assert.equal(clientAt(model, { start: 12, end: 14 })?.name, 'Inner');
    assert.equal(clientAt(model, { start: 30, end: 40 })?.name, 'Outer');
    assert.equal(clientAt(model, { start: 90, end: 120 }), undefined);
  });
});
