/**
 * Blanking nesting too deep for the parsers (surfaces/cloudformation/depth.ts): the text keeps its
 * length and line breaks, only collections opening `CUT_DEPTH` deep are blanked, and brackets in
 * strings and comments do not count.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CUT_DEPTH, cutDeepJson, cutDeepYamlFlow } from '../../server/src/surfaces/cloudformation/depth';

const nest = (depth: number, inner = ''): string => '['.repeat(depth) + inner + ']'.repeat(depth);

describe('cutting deep nesting', () => {
  it('leaves text no deeper than the limit alone', () => {
    const json = `{"a": ${nest(CUT_DEPTH - 1)}, "s": "${'['.repeat(500)}"} // ${'{'.repeat(500)}`;
    assert.equal(cutDeepJson(json), json);
    const yaml = `a: ${nest(CUT_DEPTH)}\nb: "${'['.repeat(500)}"\n# ${'{'.repeat(500)}\nc: '${'['.repeat(500)}'\n`;
    assert.equal(cutDeepYamlFlow(yaml), yaml);
  });

  it('blanks each collection opening at the limit, keeping length and line breaks', () => {
    const deep = nest(CUT_DEPTH + 3, '1,\r\n 2\n');
    const json = `{"a": ${deep.slice(1, -1)}, "b": 1}`;
    const cut = cutDeepJson(json);
    assert.equal(cut.length, json.length);
    assert.equal(cut.replace(/[^\r\n]/g, ''), json.replace(/[^\r\n]/g, ''));
    const start = 6 + CUT_DEPTH - 1; // `{` and `[` x (CUT_DEPTH - 1) are open before it
    assert.equal(cut.slice(0, start), json.slice(0, start));
    assert.equal(cut[start], '0');
    assert.match(cut.slice(start + 1), /^[ \r\n]+\]{200}, "b": 1\}$/);
    assert.deepEqual(JSON.parse(cut.replace(/\s+/g, ' ')).b, 1);

    const yaml = `a: ${deep}\nb: 1\n`;
    const cutYaml = cutDeepYamlFlow(yaml);
    assert.equal(cutYaml.length, yaml.length);
    assert.equal(cutYaml.split('\n').length, yaml.split('\n').length);
    assert.equal(cutYaml[3 + CUT_DEPTH], '~');
    assert.ok(cutYaml.endsWith(`${']'.repeat(CUT_DEPTH)}\nb: 1\n`));
  });

  it('blanks to the end a collection that never closes', () => {
    const json = `{"a": ${'['.repeat(CUT_DEPTH + 5)}`;
    const cut = cutDeepJson(json);
    assert.equal(cut.length, json.length);
    assert.match(cut, /0 {5}$/);
  });
});
