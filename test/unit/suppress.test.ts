/**
 * Suppressions: the directive grammar, where each surface finds directives (YAML comments at any
 * indentation, never inside a scalar; resource and template `Metadata` in YAML and JSON), what they
 * cover (the next line only, the file, the resource), and the edits that write them, each proven by
 * analysing the edited text again.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyse } from '../../server/src/service';
import { ruleById } from '../../server/src/rules';
import { applyEdits } from '../../server/src/surfaces/apply-edits';
import { parseDocument } from '../../server/src/surfaces';
import { resourceIgnoreEdits, yamlComments } from '../../server/src/surfaces/cloudformation/suppressions';
import { readSuppressions } from '../../server/src/surfaces/suppressions';
import {
  applySuppressions,
  disableLineEdit,
  isSuppressed,
  nextLineScope,
  parseDirective,
  parseRuleList,
  unknownRuleIds,
} from '../../server/src/suppress';

const IMPLICIT = 'implicit-flow-discouraged';
const INSECURE = 'redirect-uri-insecure';

/** A YAML template with two findings: implicit-flow-discouraged and redirect-uri-insecure. */
function yaml(opts: { before?: string; flowsComment?: string; urlsComment?: string; resourceExtra?: string; top?: string } = {}): string {
  return `AWSTemplateFormatVersion: '2010-09-09'
${opts.top ?? ''}${opts.before ?? ''}Resources:
  UserPool:
    Type: AWS::Cognito::UserPool
  Client:
    Type: AWS::Cognito::UserPoolClient
${opts.resourceExtra ?? ''}    Properties:
      UserPoolId: !Ref UserPool
      AllowedOAuthFlowsUserPoolClient: true
      AllowedOAuthFlows:
${opts.flowsComment ?? ''}        - implicit
      AllowedOAuthScopes: [openid]
      CallbackURLs:
${opts.urlsComment ?? ''}        - http://app.example.com/cb
      PreventUserExistenceErrors: ENABLED
`;
}

/** The same client in JSON, with optional resource-level and template-level metadata. */
function json(resourceMetadata?: unknown, templateMetadata?: unknown): string {
  const client: Record<string, unknown> = { Type: 'AWS::Cognito::UserPoolClient' };
  if (resourceMetadata !== undefined) client.Metadata = resourceMetadata;
  client.Properties = {
    UserPoolId: { Ref: 'UserPool' },
    AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthFlows: ['implicit'],
    AllowedOAuthScopes: ['openid'],
    CallbackURLs: ['http://app.example.com/cb'],
    PreventUserExistenceErrors: 'ENABLED',
  };
  const template: Record<string, unknown> = { AWSTemplateFormatVersion: '2010-09-09' };
  if (templateMetadata !== undefined) template.Metadata = templateMetadata;
  template.Resources = { UserPool: { Type: 'AWS::Cognito::UserPool' }, Client: client };
  return JSON.stringify(template, null, 2) + '\n';
}

function rules(text: string, languageId = 'yaml'): string[] {
  const analysis = analyse({ uri: `file:///t.${languageId}`, languageId, text });
  assert.ok(analysis, 'the document is read');
  return analysis.findings.map((f) => f.ruleId).sort();
}

describe('suppression directives', () => {
  it('reads the directive word, the ids and a reason', () => {
    assert.deepEqual(parseDirective(' cognito-client-disable-next-line a-rule'), { kind: 'next-line', rules: ['a-rule'] });
    assert.deepEqual(parseDirective('cognito-client-disable-next-line a, b  c,d -- legacy app, see #12'), { kind: 'next-line', rules: ['a', 'b', 'c', 'd'] });
    assert.deepEqual(parseDirective(' cognito-client-disable'), { kind: 'file', rules: 'all' });
    assert.deepEqual(parseDirective(' cognito-client-disable -- everything here is generated'), { kind: 'file', rules: 'all' });
    assert.deepEqual(parseDirective(' cognito-client-disable x-rule'), { kind: 'file', rules: ['x-rule'] });
    assert.deepEqual(parseDirective(' cognito-client-disable-next-line'), { kind: 'next-line', rules: 'all' });
    for (const text of [' cognito-client-disabled x', ' cognito-client-disable-line x', ' please cognito-client-disable x', ' eslint-disable-next-line x']) {
      assert.equal(parseDirective(text), undefined, text);
    }
    assert.deepEqual(parseRuleList('a--b'), ['a--b'], 'a double dash inside an id is not a reason separator');
  });

  it('covers exactly the line after the comment, LF or CRLF', () => {
    const text = 'a\n# d\nnext line\nafter\n';
    assert.deepEqual(nextLineScope(text, 2), { start: 6, end: 15 });
    const crlf = 'a\r\n# d\r\nnext\r\nafter\r\n';
    const scope = nextLineScope(crlf, 3);
    assert.equal(crlf.slice(scope.start, scope.end), 'next');
    assert.deepEqual(nextLineScope('# d', 0), { start: 3, end: 3 });
  });

  it('finds YAML comments anywhere, but not inside block scalars or quoted strings', () => {
    const text = [
      'a: 1 # trailing',
      '# top',
      'b: |',
      '  # inside a block scalar',
      'c: "# inside quotes"',
      'd: [x, # inside a flow list',
      '   y]',
      '    # indented',
      '',
    ].join('\n');
    assert.deepEqual(yamlComments(text).map((c) => c.body.trim()), ['trailing', 'top', 'inside a flow list', 'indented']);
  });
});

describe('suppressions applied to findings', () => {
  it('reports both findings with no directive', () => {
    assert.deepEqual(rules(yaml()), [IMPLICIT, INSECURE]);
  });

  it('suppresses the next line at any indentation, one id or several', () => {
    assert.deepEqual(rules(yaml({ flowsComment: `        # cognito-client-disable-next-line ${IMPLICIT}\n` })), [INSECURE]);
    assert.deepEqual(rules(yaml({ flowsComment: `# cognito-client-disable-next-line ${IMPLICIT}\n` })), [INSECURE], 'at column 0');
    assert.deepEqual(rules(yaml({ flowsComment: `              #   cognito-client-disable-next-line   ${IMPLICIT}\n` })), [INSECURE], 'deeper, extra spaces');
    assert.deepEqual(rules(yaml({ urlsComment: `        # cognito-client-disable-next-line ${IMPLICIT}, ${INSECURE} -- local test stack\n` })), [IMPLICIT], 'two ids cover only their line');
    assert.deepEqual(rules(yaml({ urlsComment: '        # cognito-client-disable-next-line\n' })), [IMPLICIT], 'no id: every rule, that line only');
  });

  it('covers only the next line: a blank or another line in between loses it', () => {
    assert.deepEqual(rules(yaml({ flowsComment: `        # cognito-client-disable-next-line ${IMPLICIT}\n\n` })), [IMPLICIT, INSECURE]);
    // The directive above `AllowedOAuthFlows:` does not reach the item one line further down.
    const above = yaml().replace('      AllowedOAuthFlows:\n', `      # cognito-client-disable-next-line ${IMPLICIT}\n      AllowedOAuthFlows:\n`);
    assert.deepEqual(rules(above), [IMPLICIT, INSECURE]);
  });

  it('ignores unknown ids (never read as "all") and the wrong rule', () => {
    assert.deepEqual(rules(yaml({ flowsComment: '        # cognito-client-disable-next-line no-such-rule\n' })), [IMPLICIT, INSECURE]);
    assert.deepEqual(rules(yaml({ flowsComment: `        # cognito-client-disable-next-line ${INSECURE}\n` })), [IMPLICIT, INSECURE]);
    assert.deepEqual(rules(yaml({ top: '# cognito-client-disable no-such-rule\n' })), [IMPLICIT, INSECURE]);
    const text = yaml({ flowsComment: `        # cognito-client-disable-next-line no-such-rule, ${IMPLICIT}\n` });
    const parsed = parseDocument({ uri: 'file:///t.yaml', languageId: 'yaml', text })!;
    const suppressions = readSuppressions('cloudformation-yaml', { uri: 'file:///t.yaml', languageId: 'yaml', text }, parsed.model);
    assert.deepEqual(unknownRuleIds(suppressions, (id) => ruleById(id) !== undefined).map((u) => u.id), ['no-such-rule']);
    assert.deepEqual(rules(text), [INSECURE]);
  });

  it('does not read a directive written inside a string or a block scalar', () => {
    const inString = yaml({ resourceExtra: `    Metadata:\n      Note: "# cognito-client-disable"\n      Text: |\n        # cognito-client-disable\n` });
    assert.deepEqual(rules(inString), [IMPLICIT, INSECURE]);
  });

  it('suppresses the whole file with the file-level form, for some rules or all', () => {
    assert.deepEqual(rules(yaml({ top: `# cognito-client-disable ${IMPLICIT}\n` })), [INSECURE]);
    assert.deepEqual(rules(yaml({ top: '# cognito-client-disable\n' })), []);
    // Anywhere in the file, at any indentation.
    assert.deepEqual(rules(yaml() + `    # cognito-client-disable ${INSECURE}\n`), [IMPLICIT]);
  });

  it('reads a YAML resource Metadata entry, as a list or one string', () => {
    assert.deepEqual(rules(yaml({ resourceExtra: `    Metadata:\n      cognito-client:\n        ignore: [${IMPLICIT}]\n` })), [INSECURE]);
    assert.deepEqual(rules(yaml({ resourceExtra: `    Metadata:\n      cognito-client:\n        ignore: ${INSECURE}\n` })), [IMPLICIT]);
    assert.deepEqual(rules(yaml({ resourceExtra: `    Metadata: {cognito-client: {ignore: [${IMPLICIT}, ${INSECURE}]}}\n` })), []);
    assert.deepEqual(rules(yaml({ resourceExtra: '    Metadata:\n      cognito-client:\n        ignore: !Ref Rules\n' })), [IMPLICIT, INSECURE], 'an intrinsic is not literal');
  });

  it('reads JSON resource Metadata and template Metadata', () => {
    assert.deepEqual(rules(json(), 'json'), [IMPLICIT, INSECURE]);
    assert.deepEqual(rules(json({ 'cognito-client': { ignore: [IMPLICIT] } }), 'json'), [INSECURE]);
    assert.deepEqual(rules(json({ 'cognito-client': { ignore: [IMPLICIT, INSECURE, 'no-such-rule'] }, Other: 1 }), 'json'), []);
    assert.deepEqual(rules(json({ 'cognito-client': { ignore: [] } }), 'json'), [IMPLICIT, INSECURE], 'an empty list is not "all"');
    assert.deepEqual(rules(json({ 'cognito-client': { skip: [IMPLICIT] } }), 'json'), [IMPLICIT, INSECURE], 'only "ignore" is read');
    assert.deepEqual(rules(json(undefined, { 'cognito-client': { ignore: [INSECURE] } }), 'json'), [IMPLICIT]);
  });

  it('reads comments in a YAML .template file, which the JSON surface reads as YAML', () => {
    const text = yaml({ flowsComment: `        # cognito-client-disable-next-line ${IMPLICIT}\n` });
    const analysis = analyse({ uri: 'file:///stack.template', languageId: 'plaintext', text })!;
    assert.equal(analysis.surface.id, 'cloudformation-json');
    assert.deepEqual(analysis.findings.map((f) => f.ruleId), [INSECURE]);
  });

  it('scopes a resource Metadata entry to its own resource', () => {
    const text = json({ 'cognito-client': { ignore: [IMPLICIT] } }).replace('"UserPool": {', '"Other": { "Type": "AWS::Cognito::UserPoolClient", "Properties": { "UserPoolId": { "Ref": "UserPool" }, "AllowedOAuthFlowsUserPoolClient": true, "AllowedOAuthFlows": ["implicit"], "AllowedOAuthScopes": ["openid"], "CallbackURLs": ["https://a.example.com/"], "PreventUserExistenceErrors": "ENABLED" } },\n    "UserPool": {');
    const analysis = analyse({ uri: 'file:///t.json', languageId: 'json', text })!;
    assert.equal(analysis.model.clients.length, 2);
    const implicit = analysis.findings.filter((f) => f.ruleId === IMPLICIT);
    assert.equal(implicit.length, 1, 'the other client keeps its finding');
    assert.ok(implicit[0].span.start < text.indexOf('"Client"'));
    assert.equal(analysis.suppressed.length, 1);
    assert.equal(analysis.suppressed[0].ruleId, IMPLICIT);
  });

  it('filters findings through a plain function, keeping their order', () => {
    const findings = [
      { ruleId: 'a', span: { start: 5, end: 6 } },
      { ruleId: 'b', span: { start: 10, end: 12 } },
      { ruleId: 'a', span: { start: 20, end: 21 } },
    ];
    const suppressions = [{ kind: 'resource' as const, rules: ['a'], scope: { start: 0, end: 10 }, at: { start: 0, end: 1 } }];
    assert.deepEqual(applySuppressions(findings, suppressions), findings.slice(1));
    assert.equal(isSuppressed({ ruleId: 'a', span: { start: 10, end: 11 } }, suppressions), true, 'the scope end is included');
    assert.deepEqual(applySuppressions(findings, []), findings);
  });
});

describe('writing suppressions', () => {
  it('inserts a next-line comment indented like the line, and merges into one above', () => {
    const text = yaml();
    const at = text.indexOf('- implicit') + 2;
    const edit = disableLineEdit(text, at, IMPLICIT, '#')!;
    const once = applyEdits(text, [edit]);
    assert.ok(once.includes(`        # cognito-client-disable-next-line ${IMPLICIT}\n        - implicit`), once);
    assert.deepEqual(rules(once), [INSECURE]);
    // A second rule on the same line joins the existing directive (a second comment line would cover the first).
    const again = disableLineEdit(once, once.indexOf('- implicit') + 2, INSECURE, '#')!;
    const twice = applyEdits(once, [again]);
    assert.ok(twice.includes(`        # cognito-client-disable-next-line ${IMPLICIT}, ${INSECURE}\n        - implicit`), twice);
    assert.equal(disableLineEdit(twice, twice.indexOf('- implicit') + 2, IMPLICIT, '#'), undefined, 'already covered');
    // A reason after -- is kept at the end.
    const reasoned = yaml({ flowsComment: '        # cognito-client-disable-next-line other-rule -- why\n' });
    const merged = applyEdits(reasoned, [disableLineEdit(reasoned, reasoned.indexOf('- implicit') + 2, IMPLICIT, '#')!]);
    assert.ok(merged.includes(`# cognito-client-disable-next-line other-rule, ${IMPLICIT} -- why\n`), merged);
  });

  it('keeps CRLF line breaks and a // marker', () => {
    const text = 'a: 1\r\n  b: 2\r\n';
    const edit = disableLineEdit(text, text.indexOf('b'), 'x-rule', '#')!;
    assert.equal(applyEdits(text, [edit]), 'a: 1\r\n  # cognito-client-disable-next-line x-rule\r\n  b: 2\r\n');
    const js = 'call({\n    Flows: ["implicit"],\n});\n';
    assert.equal(applyEdits(js, [disableLineEdit(js, js.indexOf('Flows'), 'x-rule', '//')!]), 'call({\n    // cognito-client-disable-next-line x-rule\n    Flows: ["implicit"],\n});\n');
  });

  function ignoreEdits(text: string, languageId: 'yaml' | 'json', ruleId = IMPLICIT) {
    const doc = { uri: `file:///t.${languageId}`, languageId, text };
    const parsed = parseDocument(doc)!;
    const def = parsed.model.clients.find((c) => c.name === 'Client')!;
    return resourceIgnoreEdits(doc, def, ruleId, languageId);
  }

  it('adds a Metadata entry to a YAML resource, after its Type, in the file indentation', () => {
    const text = yaml();
    const edits = ignoreEdits(text, 'yaml')!;
    const fixed = applyEdits(text, edits);
    assert.ok(fixed.includes(`    Type: AWS::Cognito::UserPoolClient\n    Metadata:\n      cognito-client:\n        ignore: [${IMPLICIT}]\n    Properties:`), fixed);
    assert.deepEqual(rules(fixed), [INSECURE]);
  });

  it('merges into YAML Metadata that is there: a new member, a new ignore, a new item, a string made a list', () => {
    const cases: [string, string][] = [
      ['    Metadata:\n      Owner: team\n', `    Metadata:\n      Owner: team\n      cognito-client:\n        ignore: [${IMPLICIT}]\n`],
      ['    Metadata: {Owner: team}\n', `    Metadata: {Owner: team, cognito-client: {ignore: [${IMPLICIT}]}}\n`],
      ['    Metadata:\n      cognito-client:\n        note: x\n', `    Metadata:\n      cognito-client:\n        note: x\n        ignore: [${IMPLICIT}]\n`],
      ['    Metadata:\n      cognito-client:\n        ignore: [other-rule]\n', `    Metadata:\n      cognito-client:\n        ignore: [other-rule, ${IMPLICIT}]\n`],
      ['    Metadata:\n      cognito-client:\n        ignore:\n          - other-rule\n', `    Metadata:\n      cognito-client:\n        ignore:\n          - other-rule\n          - ${IMPLICIT}\n`],
      ['    Metadata:\n      cognito-client:\n        ignore: other-rule\n', `    Metadata:\n      cognito-client:\n        ignore: [other-rule, ${IMPLICIT}]\n`],
      ['    Metadata:\n      cognito-client:\n        ignore: []\n', `    Metadata:\n      cognito-client:\n        ignore: [${IMPLICIT}]\n`],
    ];
    for (const [given, expected] of cases) {
      const text = yaml({ resourceExtra: given });
      const edits = ignoreEdits(text, 'yaml');
      assert.ok(edits && edits.length > 0, given);
      const fixed = applyEdits(text, edits);
      assert.ok(fixed.includes(expected), `${given}\n->\n${fixed}`);
      assert.deepEqual(rules(fixed), [INSECURE], given);
    }
    const already = yaml({ resourceExtra: `    Metadata:\n      cognito-client:\n        ignore: [${IMPLICIT}]\n` });
    assert.deepEqual(ignoreEdits(already, 'yaml'), []);
    assert.equal(ignoreEdits(yaml({ resourceExtra: '    Metadata: !Ref Meta\n' }), 'yaml'), undefined, 'an intrinsic is left alone');
  });

  it('adds or extends JSON Metadata in the file indentation', () => {
    const text = json();
    const fixed = applyEdits(text, ignoreEdits(text, 'json')!);
    assert.ok(fixed.includes(`"Type": "AWS::Cognito::UserPoolClient",\n      "Metadata": {\n        "cognito-client": {\n          "ignore": ["${IMPLICIT}"]\n        }\n      },\n      "Properties"`), fixed);
    assert.doesNotThrow(() => JSON.parse(fixed));
    assert.deepEqual(rules(fixed, 'json'), [INSECURE]);

    const existing = json({ Owner: 'team' });
    const merged = applyEdits(existing, ignoreEdits(existing, 'json')!);
    assert.deepEqual(JSON.parse(merged).Resources.Client.Metadata, { Owner: 'team', 'cognito-client': { ignore: [IMPLICIT] } });

    const list = json({ 'cognito-client': { ignore: ['other-rule'] } });
    const extended = applyEdits(list, ignoreEdits(list, 'json')!);
    assert.deepEqual(JSON.parse(extended).Resources.Client.Metadata, { 'cognito-client': { ignore: ['other-rule', IMPLICIT] } });
    assert.deepEqual(rules(extended, 'json'), [INSECURE]);

    const empty = json({});
    const filled = applyEdits(empty, ignoreEdits(empty, 'json')!);
    assert.deepEqual(JSON.parse(filled).Resources.Client.Metadata, { 'cognito-client': { ignore: [IMPLICIT] } });
  });
});
