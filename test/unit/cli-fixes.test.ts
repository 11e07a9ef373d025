/**
 * The seam between a finding's semantic fix and the CLI's text edits: with no edit builder for a
 * surface the fix is left out (never a made-up edit); with one, its offset edits come out as LSP
 * ranges (UTF-16, across a non-ASCII line) that apply cleanly.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { clientAt, registerEditBuilder, unregisterEditBuilder, type EditBuilder } from '../../server/src/cli/fix-edits';
import { lintText } from '../../server/src/cli/lint-file';
import { propertyAt } from '../../server/src/model';

const fixture = resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'cli', 'project', 'templates', 'auth.yaml');
const text = readFileSync(fixture, 'utf8');
const uri = 'file:///fixtures/auth.yaml';
const surfaceId = 'cloudformation-yaml';

/** A tiny real builder for the one change kind the fixture's fixes use: replace a list item. */
const replaceItemBuilder: EditBuilder = (_text, _model, client, fix) => {
  const edits = [];
  for (const change of fix.changes) {
    if (change.kind !== 'replaceItem') return undefined;
    const list = propertyAt(client, change.path)?.value;
    if (list?.kind !== 'list') return undefined;
    edits.push({ span: list.items[change.index].span, newText: JSON.stringify(change.value) });
  }
  return edits;
};

afterEach(() => unregisterEditBuilder(surfaceId));

describe('fixes in the CLI report', () => {
  it('leaves a fix out when the surface has no edit builder', () => {
    const report = lintText('auth.yaml', uri, text, {});
    assert.ok(report.diagnostics.length > 0, 'the fixture has findings');
    for (const d of report.diagnostics) assert.deepEqual(d.fixes, [], d.rule);
  });

  it('turns a builder offset edits into UTF-16 ranges that apply cleanly', () => {
    registerEditBuilder(surfaceId, replaceItemBuilder);
    const report = lintText('auth.yaml', uri, text, {});
    const insecure = report.diagnostics.find((d) => d.rule === 'redirect-uri-insecure');
    assert.ok(insecure, 'redirect-uri-insecure fires on the fixture');
    assert.equal(insecure.fixes.length, 1);
    const [fix] = insecure.fixes;
    assert.match(fix.title, /https:\/\/app\.example\.com\/cb/);
    assert.equal(fix.edits.length, 1);
    // Line 26 (0-based 25) has 𝄞 (two UTF-16 code units) before the flagged item.
    assert.equal(fix.edits[0].range.start.line, 25);
    assert.equal(fix.edits[0].range.start.character, 54);
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 0, text), fix.edits);
    assert.ok(fixed.includes('CallbackURLs: ["https://app.example.com/𝄞/cb", "https://app.example.com/cb"]'), fixed);

    const implicit = report.diagnostics.find((d) => d.rule === 'implicit-flow-discouraged');
    assert.ok(implicit);
    const fixedFlows = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 0, text), implicit.fixes[0].edits);
    assert.ok(fixedFlows.includes('AllowedOAuthFlows: ["code"]'));
  });

  it('leaves a fix out when the builder cannot express it or fails', () => {
    registerEditBuilder(surfaceId, () => undefined);
    for (const d of lintText('auth.yaml', uri, text, {}).diagnostics) assert.deepEqual(d.fixes, []);
    registerEditBuilder(surfaceId, () => []);
    for (const d of lintText('auth.yaml', uri, text, {}).diagnostics) assert.deepEqual(d.fixes, []);
    registerEditBuilder(surfaceId, () => {
      throw new Error('builder bug');
    });
    const report = lintText('auth.yaml', uri, text, {});
    assert.ok(report.diagnostics.length > 0);
    for (const d of report.diagnostics) assert.deepEqual(d.fixes, []);
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
