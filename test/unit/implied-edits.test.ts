/**
 * What choosing a value implies, for completion items that offer to do both: only the unambiguous
 * implications, never one that undoes the choice, never from an unknown value; and as text edits
 * applied together with the item's own edit, leaving the document free of the implied finding.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyse } from '../../server/src/service';
import { impliedChanges, impliedTextEdits } from '../../server/src/features/implied-edits';
import type { SemanticChange } from '../../server/src/rules/types';
import { parseDocument } from '../../server/src/surfaces';
import { splitCaret } from '../support/caret';
import { renderers, type Scenario } from '../support/scenario';

function defOf(scenario: Scenario, rendererIndex = 0) {
  const doc = renderers[rendererIndex].render(scenario);
  const parsed = parseDocument({ uri: `file:///t/${doc.fileName}`, languageId: doc.languageId, text: doc.text })!;
  return { def: parsed.model.clients.find((c) => c.name === 'Client')!, model: parsed.model };
}

function changes(path: string[], value: string | boolean, scenario: Scenario): SemanticChange[] | undefined {
  const { def, model } = defOf(scenario);
  return impliedChanges(path, value, def, model.context)?.changes;
}

const base = { PreventUserExistenceErrors: 'ENABLED' };

describe('implied changes', () => {
  it('client_credentials implies a secret (and never the OAuth flag)', () => {
    assert.deepEqual(changes(['AllowedOAuthFlows'], 'client_credentials', { client: { ...base, AllowedOAuthFlowsUserPoolClient: true } }), [
      { kind: 'set', path: ['GenerateSecret'], value: true },
    ]);
    // The flag is never implied: with scopes already there its warning was shown before the
    // choice, and without them turning OAuth on would make the client invalid.
    assert.deepEqual(changes(['AllowedOAuthFlows'], 'client_credentials', { client: { ...base, AllowedOAuthScopes: ['orders/read'] } }), [
      { kind: 'set', path: ['GenerateSecret'], value: true },
    ]);
    assert.deepEqual(changes(['AllowedOAuthFlows'], 'client_credentials', { client: { ...base } }), [{ kind: 'set', path: ['GenerateSecret'], value: true }]);
    const { def, model } = defOf({ client: { ...base, AllowedOAuthFlowsUserPoolClient: true } });
    assert.match(impliedChanges(['AllowedOAuthFlows'], 'client_credentials', def, model.context)!.title, /^Also: Set GenerateSecret to true/);
  });

  it('implies nothing that is already so, or that an unknown value decides', () => {
    assert.equal(changes(['AllowedOAuthFlows'], 'client_credentials', { client: { ...base, AllowedOAuthFlowsUserPoolClient: true, GenerateSecret: true } }), undefined);
    assert.equal(changes(['AllowedOAuthFlows'], 'client_credentials', { client: { ...base, AllowedOAuthFlowsUserPoolClient: true, GenerateSecret: { $ref: 'WantSecret' } }, parameters: ['WantSecret'] }), undefined);
    assert.equal(changes(['AllowedOAuthFlows'], 'code', { client: { ...base, AllowedOAuthFlowsUserPoolClient: true } }), undefined);
    assert.equal(changes(['AllowedOAuthFlows'], 'client_credentials', { client: { ...base, AllowedOAuthFlowsUserPoolClient: { $ref: 'Flag' } }, parameters: ['Flag'] })?.length, 1, 'only the secret');
  });

  it('does not turn OAuth on for a URL: absent flows and scopes make that ambiguous, a false flag may be deliberate', () => {
    const oauth = { AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid'] };
    assert.equal(changes(['CallbackURLs'], 'https://a.example.com/cb', { client: { ...base } }), undefined);
    assert.equal(changes(['CallbackURLs'], 'https://a.example.com/cb', { client: { ...base, ...oauth, AllowedOAuthFlowsUserPoolClient: false } }), undefined);
    // Already reported before the choice: the choice implies nothing new.
    assert.equal(changes(['AllowedOAuthScopes'], 'openid', { client: { ...base, CallbackURLs: ['https://a.example.com/cb'] } }), undefined);
  });

  it('keeps only the fix that does not undo the choice', () => {
    // context-data-requires-secret offers "set the flag to false" and "generate a secret": choosing true implies the second.
    assert.deepEqual(changes(['EnablePropagateAdditionalUserContextData'], true, { client: { ...base } }), [{ kind: 'set', path: ['GenerateSecret'], value: true }]);
    assert.deepEqual(changes(['EnablePropagateAdditionalUserContextData'], true, { client: { ...base, EnablePropagateAdditionalUserContextData: false } }), [
      { kind: 'set', path: ['GenerateSecret'], value: true },
    ]);
    assert.equal(changes(['EnablePropagateAdditionalUserContextData'], false, { client: { ...base } }), undefined);
  });

  it('reaches nested properties: rotation ENABLED implies dropping ALLOW_REFRESH_TOKEN_AUTH', () => {
    assert.deepEqual(changes(['RefreshTokenRotation', 'Feature'], 'ENABLED', { client: { ...base, ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] } }), [
      { kind: 'removeItem', path: ['ExplicitAuthFlows'], index: 1 },
    ]);
    assert.equal(changes(['RefreshTokenRotation', 'Feature'], 'DISABLED', { client: { ...base, ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] } }), undefined);
  });

  it('implies nothing for a property the schema does not know', () => {
    assert.equal(changes(['NoSuchThing'], 'x', { client: { ...base } }), undefined);
  });
});

describe('implied text edits for completion', () => {
  /** Insert `value` at the caret as the completion item would, with the implied edits; return the text. */
  function complete(textWithCaret: string, languageId: string, path: string[], value: string, insertText = value): { text: string; title?: string } | undefined {
    const { text, offset } = splitCaret(textWithCaret);
    const uri = `file:///t/template.${languageId}`;
    const document = TextDocument.create(uri, languageId, 1, text);
    const parsed = parseDocument({ uri, languageId, text })!;
    const def = parsed.model.clients[0];
    const at = document.positionAt(offset);
    const implied = impliedTextEdits(document, parsed.surface.id, parsed.model, def, path, value, { start: at, end: at });
    if (!implied) return undefined;
    return { text: TextDocument.applyEdits(document, [{ range: { start: at, end: at }, newText: insertText }, ...implied.edits]), title: implied.title };
  }

  const yaml = (flows: string) =>
    `Resources:\n  UserPool:\n    Type: AWS::Cognito::UserPool\n  Client:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: !Ref UserPool\n      AllowedOAuthFlowsUserPoolClient: true\n${flows}      AllowedOAuthScopes: [orders/read]\n      PreventUserExistenceErrors: ENABLED\n`;

  it('sets GenerateSecret along with client_credentials in YAML, leaving no secret finding', () => {
    const result = complete(yaml('      AllowedOAuthFlows: [|]\n'), 'yaml', ['AllowedOAuthFlows'], 'client_credentials');
    assert.ok(result);
    assert.match(result.text, /AllowedOAuthFlows: \[client_credentials\]/);
    assert.match(result.text, /\n      GenerateSecret: true\n/);
    const analysis = analyse({ uri: 'file:///t/x.yaml', languageId: 'yaml', text: result.text })!;
    assert.equal(analysis.model.problems.length, 0);
    assert.ok(!analysis.findings.some((f) => f.ruleId === 'client-credentials-requires-secret'), analysis.findings.map((f) => f.ruleId).join());
  });

  it('does the same in JSON', () => {
    const text = '{\n  "Resources": {\n    "UserPool": { "Type": "AWS::Cognito::UserPool" },\n    "Client": {\n      "Type": "AWS::Cognito::UserPoolClient",\n      "Properties": {\n        "UserPoolId": { "Ref": "UserPool" },\n        "AllowedOAuthFlowsUserPoolClient": true,\n        "AllowedOAuthFlows": [|],\n        "AllowedOAuthScopes": ["orders/read"],\n        "PreventUserExistenceErrors": "ENABLED"\n      }\n    }\n  }\n}\n';
    const result = complete(text, 'json', ['AllowedOAuthFlows'], 'client_credentials', '"client_credentials"');
    assert.ok(result);
    const parsed = JSON.parse(result.text);
    assert.equal(parsed.Resources.Client.Properties.GenerateSecret, true);
    assert.deepEqual(parsed.Resources.Client.Properties.AllowedOAuthFlows, ['client_credentials']);
  });

  it('offers nothing when an implied edit would touch the text the item replaces', () => {
    // The client's last property is the one being completed: the new member would go right at the caret.
    const text = `Resources:\n  UserPool:\n    Type: AWS::Cognito::UserPool\n  Client:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: !Ref UserPool\n      AllowedOAuthFlowsUserPoolClient: true\n      AllowedOAuthFlows:\n        - code\n        - |`;
    assert.equal(complete(text, 'yaml', ['AllowedOAuthFlows'], 'client_credentials'), undefined);
  });
});
