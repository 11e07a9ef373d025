/**
 * The template tree kept with a model for the edit builders (server/src/surfaces/cloudformation/
 * trees.ts): reused for the text the model was read from, by the same reader; read afresh otherwise.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readJson, readYaml } from '../../server/src/surfaces/cloudformation';
import type { ReadResult } from '../../server/src/surfaces/cloudformation';
import { keptTree, MAX_LARGE_TREES, rememberTree, transientTrees, treeOf } from '../../server/src/surfaces/cloudformation/trees';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getCodeActions } from '../../server/src/features/code-actions';
import { toDiagnostics } from '../../server/src/features/diagnostics';
import { analyse } from '../../server/src/service';
import type { DocumentModel } from '../../server/src/model';
import { parseDocument } from '../../server/src/surfaces';

const YAML = 'Resources:\n  A:\n    Type: AWS::Cognito::UserPoolClient\n    Properties: {UserPoolId: x}\n';

function counting(read: (text: string) => ReadResult): { read: (text: string) => ReadResult; calls: () => number } {
  let calls = 0;
  return {
    read: (text) => {
      calls++;
      return read(text);
    },
    calls: () => calls,
  };
}

describe('template trees kept with their model', () => {
  it('gives the tree the model was read from, without reading again', () => {
    const doc = { uri: 'file:///t.yaml', languageId: 'yaml', text: YAML };
    const one = parseDocument(doc)!.model;
    const two = parseDocument(doc)!.model;
    // Each model its own tree (a read here would give both the same last-read tree).
    const treeOne = treeOf(YAML, one, readYaml);
    const treeTwo = treeOf(YAML, two, readYaml);
    assert.ok(treeOne && treeTwo);
    assert.notEqual(treeOne, treeTwo);
    assert.equal(treeOf(YAML, one, readYaml), treeOne);
    assert.deepEqual(treeOne, readYaml(YAML).root);
    // A reader the model was not read with is not trusted with its tree.
    const spy = counting(readYaml);
    treeOf(YAML, one, spy.read);
    assert.equal(spy.calls(), 1);
  });

  it('reads a text the model was not read from, and keeps the last read per reader', () => {
    const { model } = parseDocument({ uri: 'file:///t.yaml', languageId: 'yaml', text: YAML })!;
    const other = YAML.replace('x', 'y');
    const spy = counting(readYaml);
    const first = treeOf(other, model, spy.read);
    assert.equal(treeOf(other, model, spy.read), first);
    assert.equal(treeOf(other, undefined, spy.read), first);
    assert.equal(spy.calls(), 1);
    assert.notEqual(treeOf(YAML, undefined, spy.read), first);
    assert.equal(spy.calls(), 2);
  });

  it('does not hand a YAML tree to the JSON reader for the same text', () => {
    const json = '{"Resources": {"A": {"Type": "AWS::Cognito::UserPoolClient", "Properties": {"UserPoolId": "x"}}}}';
    const { model } = parseDocument({ uri: 'file:///t.yaml', languageId: 'yaml', text: json })!;
    const spy = counting(readJson);
    treeOf(json, model, spy.read);
    assert.equal(spy.calls(), 1);
  });

  it('keeps the trees of the most recently read large templates only; an older one is read again when asked', () => {
    // Large: 64 KB and more (a template of a few hundred clients).
    const large = (i: number) => YAML + `# ${i}\n` + '#'.repeat(70 * 1024) + '\n';
    const models: DocumentModel[] = [];
    const texts: string[] = [];
    const spy = counting(readYaml);
    for (let i = 0; i <= MAX_LARGE_TREES; i++) {
      texts.push(large(i));
      const model = { surface: 'cloudformation', clients: [], context: parseDocument({ uri: 'file:///t.yaml', languageId: 'yaml', text: YAML })!.model.context, problems: [] } as DocumentModel;
      rememberTree(model, texts[i], readYaml(texts[i]).root, spy.read);
      models.push(model);
    }
    // The last MAX_LARGE_TREES are kept: no read.
    for (let i = 1; i <= MAX_LARGE_TREES; i++) assert.ok(treeOf(texts[i], models[i], spy.read));
    assert.equal(spy.calls(), 0);
    // The first was let go: read again, to the same tree.
    const again = treeOf(texts[0], models[0], spy.read);
    assert.equal(spy.calls(), 1);
    assert.deepEqual(again, readYaml(texts[0]).root);
    // Small templates are always kept with their model.
    const small = { ...models[0] };
    rememberTree(small, YAML, readYaml(YAML).root, spy.read);
    treeOf(YAML, small, spy.read);
    assert.equal(spy.calls(), 1);
  });

  it('reads inside transientTrees keep their tree with their own model but push no other tree out', () => {
    const large = (i: number) => YAML + `# ${i}\n` + '#'.repeat(70 * 1024) + '\n';
    const kept = parseDocument({ uri: 'file:///kept.yaml', languageId: 'yaml', text: large(0) })!.model;
    const checks = transientTrees(() => [1, 2, 3].map((i) => parseDocument({ uri: 'file:///check.yaml', languageId: 'yaml', text: large(i) })!.model));
    assert.ok(keptTree(kept, large(0)), 'the tree read before the checks is still kept');
    checks.forEach((m, i) => assert.ok(keptTree(m, large(i + 1)), `check ${i} keeps its own tree`));
    // Outside it, large reads count again: MAX_LARGE_TREES of them push the first one out.
    for (let i = 0; i < MAX_LARGE_TREES; i++) parseDocument({ uri: 'file:///other.yaml', languageId: 'yaml', text: large(10 + i) });
    assert.equal(keptTree(kept, large(0)), undefined);
  });

  it('checking the actions of a large one-client template leaves its tree kept (the checks read the edited text)', () => {
    // One client whose list is the bulk of the text: the checks cannot be cut down, each reads a 100 KB text.
    const callbacks = Array.from({ length: 3000 }, (_, i) => `        - https://app${i}.example.com/callback`).join('\n');
    const text = `Resources:\n  Client:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: pool\n      PreventUserExistenceErrors: LEGACY\n      AllowedOAuthFlows: [implicit]\n      CallbackURLs:\n${callbacks}\n`;
    const source = { uri: 'file:///one.yaml', languageId: 'yaml', text };
    const analysis = analyse(source)!;
    const document = TextDocument.create(source.uri, 'yaml', 1, text);
    let disables = 0;
    for (const diagnostic of toDiagnostics(document, analysis.findings)) {
      const actions = getCodeActions(document, analysis.model, analysis.surface.id, diagnostic.range, { diagnostics: [diagnostic] }, analysis.findings, { deferFixAll: true });
      disables += actions.filter((a) => a.title.startsWith('Disable ')).length;
    }
    assert.ok(disables >= 2 * MAX_LARGE_TREES, `${disables} disable actions checked`);
    assert.ok(keptTree(analysis.model, text), 'the template tree is still kept');
  });

  it('gives the kept YAML tree for the text with lone CRs as LFs (the suppression readers pass that copy)', () => {
    const cr = YAML.replace(/\n/g, '\r');
    const model = parseDocument({ uri: 'file:///cr.yaml', languageId: 'yaml', text: cr })!.model;
    const spy = counting(readYaml);
    assert.equal(treeOf(cr.replace(/\r/g, '\n'), model, readYaml), keptTree(model, cr));
    assert.ok(keptTree(model, cr));
    // Not for another text of the same length.
    assert.notEqual(treeOf(cr.replace(/\r/g, '\n').replace('A:', 'B:'), model, spy.read), keptTree(model, cr));
    assert.equal(spy.calls(), 1);
  });
});
