/**
 * The conversion the real editors must show (test/editors/fixtures/cases.json, `convert`) is what
 * the server computes: the action of that title is offered at that place, and the converted text
 * has the expected language and contents. Keeps the slow editor checks and the engine in step.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { convertCodeActions, convertedAt, CONVERT_SERVER_COMMAND } from '../../server/src/features/convert-actions';
import { analyse } from '../../server/src/service';
import { loadGrammar } from '../../server/src/surfaces/tree-sitter';
import { loadCases } from '../editors/support';

describe('the real-editor conversion cases (test/editors/fixtures/cases.json)', () => {
  before(async () => {
    await Promise.all([loadGrammar('terraform'), loadGrammar('typescript'), loadGrammar('python')].map((p) => p.catch(() => undefined)));
  });
  const cases = loadCases().filter((c) => c.convert);

  it('at least one fixture has a conversion case', () => {
    assert.ok(cases.length > 0);
  });

  for (const c of cases) {
    const convert = c.convert!;
    it(`${c.file}: "${convert.title}" is offered and converts as the editors expect`, () => {
      const uri = `file:///workspace/${c.file}`;
      const text = fs.readFileSync(c.path, 'utf8');
      const analysis = analyse({ uri, languageId: c.languageId, text, siblings: [] }, { rules: {} });
      assert.ok(analysis, `a surface reads ${c.file}`);
      const document = TextDocument.create(uri, c.languageId, 1, text);
      const place = { line: convert.line, character: convert.character };
      const action = convertCodeActions(document, analysis.model, { start: place, end: place }, { clientOpens: false }).find((a) => a.title === convert.title);
      assert.ok(action, `no "${convert.title}" at ${convert.at}`);
      assert.deepEqual(action.command?.arguments, [uri, place, convert.target]);
      assert.equal(action.command?.command, CONVERT_SERVER_COMMAND);
      const converted = convertedAt(document, analysis.model, place, convert.target);
      assert.ok(converted);
      assert.equal(converted.language, convert.language);
      for (const expected of convert.expectText) assert.ok(converted.content.includes(expected), `lacks ${expected}:\n${converted.content}`);
    });
  }
});
