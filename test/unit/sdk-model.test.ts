/**
 * The SDK model builder (../../server/src/surfaces/sdk/model.ts) through the real JS surface:
 * definitions are named by what the code says, so a fix that adds lines above another call keeps
 * every name (the edited document must read back with the same clients).
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { analyse } from '../../server/src/service';
import { editsForFix } from '../../server/src/surfaces/edits';
import { loadGrammar } from '../../server/src/surfaces/tree-sitter';

const text = `import { CreateUserPoolClientCommand } from '@aws-sdk/client-cognito-identity-provider';
// café ✓
const a = new CreateUserPoolClientCommand({
  UserPoolId: 'eu-west-1_Ab12Cd34E',
  ClientName: 'web',
});
const b = new CreateUserPoolClientCommand({
  UserPoolId: 'eu-west-1_Ab12Cd34E',
  ClientName: 'api',
});
`;

describe('SDK model', () => {
  before(async () => {
    assert.ok(await loadGrammar('typescript'));
  });

  it('names calls by callee, numbering repeats, not by line', () => {
    const analysis = analyse({ uri: 'file:///w/clients.ts', languageId: 'typescript', text });
    assert.ok(analysis);
    assert.deepEqual(analysis.model.clients.map((c) => c.name), ['CreateUserPoolClientCommand', 'CreateUserPoolClientCommand #2']);
  });

  it('lets a fix that adds lines to the first call through the re-read check', () => {
    const doc = { uri: 'file:///w/clients.ts', languageId: 'typescript', text };
    const analysis = analyse(doc)!;
    const first = analysis.model.clients[0];
    const finding = analysis.findings.find((f) => f.ruleId === 'user-existence-errors-legacy' && f.span.start >= first.span.start && f.span.end <= first.span.end);
    assert.ok(finding, analysis.findings.map((f) => f.ruleId).join(', '));
    const fix = finding.fixes?.find((f) => f.isPreferred) ?? finding.fixes?.[0];
    assert.ok(fix);
    const edits = editsForFix(analysis.surface.id, doc, analysis.model, first, fix);
    assert.ok(edits && edits.length > 0, 'the fix is offered');
    assert.ok(edits.every((e) => e.span.start < first.span.end), 'it edits the first call only');
  });
});
