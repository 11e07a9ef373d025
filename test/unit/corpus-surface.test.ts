/**
 * The real-world corpus through the CloudFormation surface: every template parses without a
 * problem (they are all valid YAML / JSON), every client is found (the count and the logical ids
 * come from a plain text scan, independent of the parser), and every span points at what it says.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { languageIdForPath, surfaceFor } from '../../server/src/surfaces';
import { at, checkClient, unquote } from '../fixtures/cloudformation/check-spans';
import { corpusDir, corpusSkip } from '../support/corpus';

const CORPUS = corpusDir();
const FAMILIES = ['cloudformation-yaml', 'cloudformation-json'];

/** A `Type` key whose value is the client type, quoted or not, ending the line or the JSON member. */
const CLIENT_TYPE_LINE = /Type["']?\s*:\s*["']?AWS::Cognito::UserPoolClient["']?\s*[,\n}]/g;

/**
 * The logical ids of the clients, by text alone: for each `Type: AWS::Cognito::UserPoolClient`
 * line, the nearest line above it that is indented less is the `LogicalId:` line.
 */
function expectedClients(text: string): string[] {
  const lines = text.split(/\r?\n/);
  const indent = (line: string) => line.length - line.trimStart().length;
  const names: string[] = [];
  for (const match of text.matchAll(CLIENT_TYPE_LINE)) {
    const lineNo = text.slice(0, match.index).split('\n').length - 1;
    const typeIndent = indent(lines[lineNo]);
    for (let i = lineNo - 1; i >= 0; i--) {
      const line = lines[i];
      if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
      if (indent(line) < typeIndent) {
        const key = /^\s*("[^"]+"|'[^']+'|[^:#\s][^:#]*?)\s*:/.exec(line);
        assert.ok(key, `no key on line ${i + 1}: ${line}`);
        names.push(unquote(key[1]));
        break;
      }
    }
  }
  return names;
}

describe('corpus: CloudFormation templates', () => {
  for (const family of FAMILIES) {
    const dir = path.join(CORPUS, family);
    const skip = corpusSkip(dir);
    if (skip) {
      it(family, (t) => t.skip(skip));
      continue;
    }
    describe(family, () => {
      for (const file of fs.readdirSync(dir).sort()) {
        it(file, () => {
          const text = fs.readFileSync(path.join(dir, file), 'utf8');
          const languageId = languageIdForPath(file);
          assert.ok(languageId, `no language for ${file}`);
          const doc = { uri: 'file:///corpus/' + file, languageId, text };
          const surface = surfaceFor(doc);
          assert.equal(surface?.id, family);
          const model = surface.parse(doc);
          assert.deepEqual(model.problems, [], 'a valid template has no parse problems');

          const expected = expectedClients(text);
          assert.ok(expected.length > 0, 'every corpus file has a client');
          assert.deepEqual(model.clients.map((c) => c.name), expected);
          for (const client of model.clients) {
            assert.equal(unquote(at(text, client.nameSpan)), client.name);
            checkClient(text, client);
            assert.ok(client.properties.has('UserPoolId') || client.body?.kind === 'unknown', `${client.name}: UserPoolId read`);
            for (const ref of client.references) assert.ok(!ref.startsWith('AWS::'), `${client.name}: pseudo parameter ${ref} is no reference`);
          }
          for (const [name, type] of model.context.resources) assert.ok(type === '' || type.includes('::'), `${name}: ${type}`);
          assert.ok(model.context.resources.size >= model.clients.length);
        });
      }
    });
  }
});
