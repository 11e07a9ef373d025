/**
 * The "Disable <rule> for this line / for this resource" actions are checked on the document cut
 * down to the finding's client (server/src/features/code-actions.ts, `suppressionWorks`), as fixes
 * are: the same actions, with the same edits, must be offered as when each check reads the whole
 * edited document. Compared for every diagnostic of generated documents of every surface, the
 * examples and the real-world corpus; and the cut-down check must really be the one taken.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getCodeActions } from '../../server/src/features/code-actions';
import { toDiagnostics } from '../../server/src/features/diagnostics';
import { clientAt } from '../../server/src/features/fix-all';
import { analyse } from '../../server/src/service';
import { disableLineEdit } from '../../server/src/suppress';
import { languageIdForPath, type SourceDocument } from '../../server/src/surfaces';
import { reduceForEdits, withoutReduction } from '../../server/src/surfaces/reduce';
import { suppressionSupport } from '../../server/src/surfaces/suppressions';
import { loadGrammar } from '../../server/src/surfaces/tree-sitter';
import { generateJsonTemplate, generateSdkTypeScript, generateTerraform, generateTerraformJson, generateYamlTemplate } from '../bench/generate';
import { corpusFiles } from '../support/corpus';

const repo = join(__dirname, '..', '..', '..');

function doc(name: string, text: string): SourceDocument {
  const languageId = languageIdForPath(name);
  assert.ok(languageId, name);
  return { uri: `file:///w/${name}`, languageId, text };
}

/** The disable actions offered for each diagnostic on its own, as titles and edits. */
function disableActions(source: SourceDocument): { count: number; offered: string[] } {
  const analysis = analyse(source);
  if (!analysis) return { count: 0, offered: [] };
  const document = TextDocument.create(source.uri, source.languageId, 1, source.text);
  const offered: string[] = [];
  let count = 0;
  for (const diagnostic of toDiagnostics(document, analysis.findings)) {
    const actions = getCodeActions(document, analysis.model, analysis.surface.id, diagnostic.range, { diagnostics: [diagnostic], only: ['quickfix'] }, analysis.findings, { deferFixAll: true });
    const disables = actions.filter((a) => a.title.startsWith('Disable '));
    count += disables.length;
    offered.push(`${diagnostic.code}@${diagnostic.range.start.line}:${diagnostic.range.start.character} ${JSON.stringify(disables.map((a) => [a.title, a.edit]))}`);
  }
  return { count, offered };
}

/** Compare both ways; the number of disable actions compared. */
function assertSame(source: SourceDocument, label: string): number {
  const reduced = disableActions(source);
  const whole = withoutReduction(() => disableActions(source));
  assert.deepEqual(reduced.offered, whole.offered, `${label}: the same disable actions with and without the cut-down check`);
  return reduced.count;
}

/** How many of a document's findings have a suppression (line, else resource) whose check can be cut down. */
function cutDownChecks(source: SourceDocument): number {
  const analysis = analyse(source)!;
  const support = suppressionSupport(analysis.surface.id, source);
  let n = 0;
  for (const finding of analysis.findings) {
    const def = clientAt(analysis.model, finding.span);
    if (!def || !support) continue;
    const line = support.lineComment && disableLineEdit(source.text, finding.span.start, finding.ruleId, support.lineComment);
    const edits = line ? [line] : support.ignoreInDefinition?.(source, def, finding.ruleId);
    if (edits && edits.length > 0 && reduceForEdits(analysis.surface.id, source, analysis.model, def, edits)) n++;
  }
  return n;
}

describe('disable actions: checked on the cut-down document, the same as on the whole one', () => {
  before(async () => {
    for (const g of ['terraform', 'typescript', 'tsx', 'javascript', 'python'] as const) assert.ok(await loadGrammar(g));
  });

  const generated = [
    doc('template.yaml', generateYamlTemplate(30)),
    doc('template.json', generateJsonTemplate(30)),
    doc('main.tf', generateTerraform(20)),
    doc('main.tf.json', generateTerraformJson(20)),
    doc('clients.ts', generateSdkTypeScript(12)),
  ];
  for (const source of generated) {
    it(`generated ${basename(source.uri)}: the same actions, and the cut-down check is the one taken`, () => {
      assert.ok(cutDownChecks(source) > 0, 'some line suppressions are checked on the cut-down document');
      assert.ok(assertSame(source, source.uri) > 0, 'some disable actions were compared');
    });
  }

  it('the examples of every surface', () => {
    let compared = 0;
    for (const dir of ['cloudformation', 'serverless', 'terraform', 'sdk']) {
      for (const name of readdirSync(join(repo, 'examples', dir)).sort()) {
        if (!languageIdForPath(name) || name.endsWith('.md')) continue;
        compared += assertSame(doc(name, readFileSync(join(repo, 'examples', dir, name), 'utf8')), `examples/${dir}/${name}`);
      }
    }
    assert.ok(compared > 0);
  });

  for (const section of ['cloudformation-yaml', 'cloudformation-json', 'terraform-hcl', 'terraform-json']) {
    const corpus = corpusFiles(section);
    it(`the ${section} corpus`, { skip: corpus.skip }, (t) => {
      let compared = 0;
      for (const file of corpus.files) {
        if (!languageIdForPath(file)) continue;
        compared += assertSame(doc(basename(file), readFileSync(file, 'utf8')), file);
      }
      t.diagnostic(`${compared} disable actions compared over ${corpus.files.length} files`);
      assert.ok(compared > 0);
    });
  }
});
