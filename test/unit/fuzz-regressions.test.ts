/**
 * Cases the fuzz harness (test/fuzz) found, kept as regression tests. Each names the seed and index
 * that found it (`npm run fuzz -- --seed S --case I` rebuilds the document).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closestNames, editDistance } from '../../server/src/rules/util/attribute-names';
import { closestValue } from '../../server/src/rules/util/oauth-values';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { doComplete, MAX_RANKED_CLIENT_CHARS } from '../../server/src/features/completion';
import { analyse, prepareDocument } from '../../server/src/service';
import { readingsGivenUp } from '../../server/src/budget';
import { parseTimeoutMs, setParseTimeout } from '../../server/src/surfaces/tree-sitter';
import { readYaml } from '../../server/src/surfaces/cloudformation/yaml';
import { clientAt } from '../../server/src/features/fix-all';
import { parseDocument } from '../../server/src/surfaces';
import { applyEdits } from '../../server/src/surfaces/apply-edits';
import { editsForFix, sameTemplate } from '../../server/src/surfaces/edits';
import { loadGrammar } from '../../server/src/surfaces/tree-sitter';
import { readFileSync } from 'node:fs';
import { parseJson } from '../../server/src/surfaces/json-values';
import type { ParseProblem } from '../../server/src/model';
import { join } from 'node:path';

/** The repository's root (tests run from out/test/unit). */
const REPO = join(__dirname, '..', '..', '..');

describe('fuzz regressions', () => {
  it('seed 1 index 80: a 250,000-character value in an attribute list is analysed in well under a second, not 47 s', () => {
    // The attribute rules suggested the closest standard name with a full edit-distance table per
    // candidate: 250,000 x 30 cells each, most of the time in allocation and GC.
    const huge = '${'.repeat(125_000);
    const text = JSON.stringify({ resource: { aws_cognito_user_pool_client: { c: { name: 'c', user_pool_id: 'p', read_attributes: [huge, 'emial'] } } } }, null, 2);
    const started = performance.now();
    const analysis = analyse({ uri: 'file:///w/main.tf.json', languageId: 'json', text });
    const ms = performance.now() - started;
    assert.ok(analysis);
    assert.ok(analysis.findings.some((f) => f.ruleId === 'unknown-attribute'), 'still flags the odd names');
    assert.ok(ms < 5000, `took ${Math.round(ms)} ms`);
  });

  it('edit distances keep their values with three rows instead of a table', () => {
    assert.equal(editDistance('emial', 'email'), 1); // a transposition
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('abc', ''), 3);
    assert.equal(editDistance('ca', 'abc'), 3);
    assert.deepEqual(closestNames('emial', ['email', 'name']), [{ value: 'email', exact: false }]);
    // A name far longer than any candidate is never close (and costs no table).
    assert.deepEqual(closestNames('e'.repeat(200_000), ['email', 'name']), []);
    assert.equal(closestValue('c'.repeat(200_000), ['code', 'implicit']), undefined);
    assert.deepEqual(closestValue('cde', ['code', 'implicit']), { value: 'code', caseOnly: false });
  });

  it('seed 4242 index 71: an SDK file whose parse is given up is not read as a file without clients', async (t) => {
    // A 500,000-character Python file on a loaded machine ran past the 2 s parse time-out; the SDK
    // surface then said "the python parser is not loaded yet" as a plain problem, so the file read
    // as having no clients at all (and a fix elsewhere "added" one). Now the problem says why and
    // is `unread`: the CLI reports the file as not checked and the editor shows why.
    const lines = ['import boto3', "cognito = boto3.client('cognito-idp')"];
    for (let i = 0; i < 400; i++) lines.push(`cognito.create_user_pool_client(UserPoolId='p', ClientName='c${i}', RefreshTokenValidity=0, ExplicitAuthFlows=['ALLOW_USER_PASSWORD_AUTH'])`);
    const javascript = ["import { CreateUserPoolClientCommand } from '@aws-sdk/client-cognito-identity-provider';"];
    for (let i = 0; i < 400; i++) javascript.push(`new CreateUserPoolClientCommand({ UserPoolId: 'p', ClientName: 'c${i}', RefreshTokenValidity: 0 });`);
    const docs = [
      { uri: 'file:///w/create.py', languageId: 'python', text: lines.join('\n') + '\n' },
      { uri: 'file:///w/create.ts', languageId: 'typescript', text: javascript.join('\n') + '\n' },
    ];
    for (const doc of docs) {
      await prepareDocument(doc);
      const read = analyse(doc);
      assert.ok(read && read.model.clients.length === 400, `${doc.uri} reads with the usual time-out`);
    }
    const saved = parseTimeoutMs();
    t.after(() => setParseTimeout(saved));
    setParseTimeout(0.001); // one microsecond: every parse is given up
    for (const doc of docs) {
      const givenUp = readingsGivenUp();
      const analysis = analyse(doc);
      // Counted, for the fuzz harness (seed 4242 index 22663: a fix-all differing because one of
      // two readings ran out of time on a loaded machine is reported as slow, not as a broken fix).
      assert.ok(readingsGivenUp() > givenUp, 'the given-up parse is counted');
      assert.ok(analysis);
      assert.equal(analysis.model.clients.length, 0);
      const unread = analysis.model.problems.filter((p) => p.unread);
      assert.equal(unread.length, 1, `${doc.uri}: ${JSON.stringify(analysis.model.problems)}`);
      assert.match(unread[0].message, /took too long/);
    }
  });

  it('seed 4242 index 3926: completion inside 20,000 open flow collections in YAML is linear, not 12 s', () => {
    // The YAML cursor extended a copy of the key chain per enclosing flow collection: quadratic in
    // the nesting. The chain is now built in place.
    const cpu = () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
    const complete = (depth: number) => {
      const text = ['Resources:', '  Client:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:', `      AllowedOAuthFlows: ${'['.repeat(depth)}`, ''].join('\n');
      const document = TextDocument.create('file:///w/template.yaml', 'yaml', 1, text);
      const analysis = analyse({ uri: document.uri, languageId: 'yaml', text });
      assert.ok(analysis);
      const position = { line: 4, character: 25 + depth };
      const c0 = cpu();
      const list = doComplete(document, analysis.model, analysis.surface.id, position);
      return { ms: cpu() - c0, list };
    };
    // What is offered stays: one open list gets the flow values, a list inside it nothing.
    assert.ok(complete(1).list.items.some((i) => i.label === 'code'));
    assert.deepEqual(complete(2).list.items, []);
    const deep = complete(20_000);
    assert.deepEqual(deep.list.items, []);
    assert.ok(deep.ms < 1500, `took ${Math.round(deep.ms)} ms of CPU`);
  });

  it('seed 4242 index 8239: unclosed flow collections before 600,000 spaces are read in linear time, not one scan of the spaces per level', () => {
    // Every collection left open ends where the text ends, after the spaces; each level trimmed the
    // same run of spaces off its span again (35 s of the document's 60 s of CPU). The run is now
    // scanned once per end offset.
    const head = 'Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties: ';
    const text = `${head}${'[a, '.repeat(2000)}${' '.repeat(600_000)}\n`;
    const u0 = process.cpuUsage();
    const { root } = readYaml(text);
    const u = process.cpuUsage(u0);
    const ms = (u.user + u.system) / 1000;
    // Spans still end at the last character that is not a space, at every level.
    const lastWord = text.lastIndexOf('a, ') + 'a,'.length;
    const resources = root?.kind === 'map' ? root.pairs[0].value : undefined;
    const client = resources?.kind === 'map' ? resources.pairs[0].value : undefined;
    let node = client?.kind === 'map' ? client.pairs.find((p) => p.key === 'Properties')?.value : undefined;
    let levels = 0;
    while (node?.kind === 'seq') {
      assert.ok(node.span.end <= lastWord + 1 && node.span.end > head.length, `level ${levels} ends at ${node.span.end}, before the spaces`);
      levels++;
      node = node.items.at(-1);
    }
    assert.ok(levels > 100, `${levels} levels read`);
    assert.ok(ms < 1500, `took ${Math.round(ms)} ms of CPU`);
  });

  it('seed 4242 index 13244: a fix in a broken Python file is checked on the whole file, where the error recovery can change what the rest reads as', async () => {
    // examples/sdk/create_client.py with lines duplicated into the wrong places. The fix for
    // update-resets-omitted adds arguments to one call; checked on the file cut down to that call it
    // passed, but the whole file then read two clients instead of three. Files with syntax problems
    // are now checked whole.
    assert.ok(await loadGrammar('python'));
    const text = [
      '',
      '',
      'def create_web_client(user_pool_id):',
      '"""boto3 calls with mistakes on purpose."""',
      'import os',
      '',
      'import boto3',
      '',
      'cognito = boto3.client("cognito-idp")',
      '',
      'WEB_CLIENT = dict(',
      '    ClientName="web",',
      '    AllowedOAuthFlowsUserPoolClient=True,',
      '    AllowedOAuthFlows=["code"],',
      '        return cognito.update_user_pool_client(',
      '    AllowedOAuthScopes=["openid", "email"],',
      '    CallbackURLs=["https://app.example.com/callback"],',
      '    PreventUserExistenceErrors="ENABLED",',
      ')',
      '',
      '',
      'def create_web_client(user_pool_id):',
      '    return cognito.create_user_pool_client(UserPoolId=user_pool_id, RefreshTokenValidity=0, **WEB_CLIENT)',
      '',
      '',
      'def allow_admin_sign_in(user_pool_id, client_id):',
      '    # Only the auth flows are sent: the callbacks, OAuth flows and scopes go back to their defaults.',
      '    return cognito.update_user_pool_client(',
      '        UserPoolId=user_pool_id,',
      '        ClientId=client_id,',
      '        ExplicitAuthFlows=["ADMIN_NO_SRP_AUTH"],',
      '        CallbackURLs=[os.environ["CALLBACK_URL"]],',
      '    )',
      ''
    ].join('\n');
    const doc = { uri: 'file:///w/create_client.py', languageId: 'python', text };
    const analysis = analyse(doc)!;
    assert.equal(analysis.model.clients.length, 3);
    assert.ok(analysis.model.problems.length > 0, 'the file has syntax problems');
    let offered = 0;
    for (const finding of analysis.findings) {
      const def = clientAt(analysis.model, finding.span);
      for (const fix of def ? finding.fixes ?? [] : []) {
        const edits = editsForFix(analysis.surface.id, doc, analysis.model, def!, fix);
        if (!edits || edits.length === 0) continue;
        offered++;
        const after = parseDocument({ ...doc, text: applyEdits(text, edits) })!.model;
        assert.ok(sameTemplate(analysis.model, after), `${finding.ruleId}: "${fix.title}" keeps the file reading the same (clients ${analysis.model.clients.length} -> ${after.clients.length})`);
      }
    }
    assert.ok(offered > 0, 'some fixes are still offered');
  });

  /** A template whose one client writes `flows` as its ExplicitAuthFlows, completed in `AllowedOAuthFlows: [`: the items in rank order and the CPU ms. */
  function completeFlows(flows: string): { text: string; labels: string[]; ms: number } {
    const text = ['Resources:', '  Client:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:', '      UserPoolId: pool', `      ExplicitAuthFlows: [${flows}]`, '      AllowedOAuthFlows: [', ''].join('\n');
    const document = TextDocument.create('file:///w/template.yaml', 'yaml', 1, text);
    const analysis = analyse({ uri: document.uri, languageId: 'yaml', text })!;
    const u0 = process.cpuUsage();
    const list = doComplete(document, analysis.model, analysis.surface.id, { line: 6, character: '      AllowedOAuthFlows: ['.length });
    const u = process.cpuUsage(u0);
    const labels = [...list.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((i) => i.label);
    return { text, labels, ms: (u.user + u.system) / 1000 };
  }

  it('seed 4242 index 6245: completion in a client of hundreds of KB offers its values unranked, within the second', () => {
    // Ranking runs every rule on the client once per value offered; with 20,000 wrong auth flow
    // names each run made 20,000 findings with a fix per allowed value (seconds, mostly garbage
    // collection). Past MAX_RANKED_CLIENT_CHARS the values are offered without ranking.
    const { text, labels, ms } = completeFlows(Array.from({ length: 20_000 }, (_, i) => `WRONG_FLOW_${i}`).join(', '));
    assert.ok(text.length > MAX_RANKED_CLIENT_CHARS);
    assert.deepEqual([...labels].sort(), ['client_credentials', 'code', 'implicit']);
    assert.ok(ms < 1500, `took ${Math.round(ms)} ms of CPU`);
  });

  it('seed 4242 index 54523: completion in a client of thousands of short values offers them unranked, fast', (t) => {
    // Under MAX_RANKED_CLIENT_CHARS, but the rules' work grows with the values: 9,000 short wrong
    // auth flow names made each ranking run of the rules slow (1.4 s a completion in the fuzz run).
    const { text, labels, ms } = completeFlows(Array.from({ length: 9_000 }, (_, i) => `W${i}`).join(', '));
    assert.ok(text.length < MAX_RANKED_CLIENT_CHARS);
    assert.deepEqual([...labels].sort(), ['client_credentials', 'code', 'implicit']);
    assert.ok(ms < 300, `took ${Math.round(ms)} ms of CPU`);
    t.diagnostic(`${Math.round(ms)} ms of CPU`);
    // A client of ordinary size is still ranked: implicit, which a rule warns about, comes last.
    const ranked = completeFlows('ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH').labels;
    assert.equal(ranked[ranked.length - 1], 'implicit', ranked.join(', '));
  });

  it('seed 4242 index 45470: fixes in a TypeScript file with a stray quote and lone CRs are checked on the whole file as written', async () => {
    // examples/sdk/cdk-stack.ts with a stray `"`, lone CRs and a YAML merge line. The surface
    // reports syntax errors near calls only, so the file read as clean: fixes were checked on the
    // file cut down to their call, and on a copy with LFs for the CRs. tree-sitter reads both
    // differently from the real text (error recovery; a `//` comment runs on past a lone CR), where
    // the fixes turned two clients into one. Now a file without a clean tree is not cut down, and a
    // fix to a file with lone CRs is read as it will be written.
    for (const g of ['typescript', 'tsx', 'javascript'] as const) assert.ok(await loadGrammar(g));
    const text = "import { Duration, Stack, type StackProps } from 'aws-cdk-lib';\n\rimport * as cognito from 'aws-cdk-lib/aws-cognito';\rimport type { Construct } from 'constructs';\n\r// CDK L2 clie\nnts with mistakes on purpose: run `npm start` to see what `cdk synth` would make of them.\nexport class AuthStack extends Stack {\n  constructor(scope: Construct, id: string, props?\": StackProps) {\r    super(scope, id, props);\n    const pool = new cognito.UserPool(this, 'Pool');\r\n    // No oAuth: the CDK turns on the implicit grant with https://example.com as the callback.\n    pool.addClient('Spa', {\r\n      authFlows: { userSrp: true },\r\n    });\n\r\r    new cognito.UserPoolClient(this, 'Backend', {\n      userPool: pool,\r\n      preventUserExistenceErrors: true,\r      oAuth: {\r\n        flows: { authorizationCodeGrant: true },\n\r        scopes: [cognito.OAuthScope.EMAIL],\r\n        callbackUrls: ['https://app.example.com/callback'],\n\r      },\n      accessTokenValidity: Duration.seconds(90),\n      refreshTokenValidity: Duration.days(30),\n\r    });\r\n  }\n\r<<: *x2\n}\n";
    const doc = { uri: 'file:///w/cdk-stack.ts', languageId: 'typescript', text };
    const analysis = analyse(doc)!;
    assert.equal(analysis.model.clients.length, 2);
    for (const finding of analysis.findings) {
      const def = clientAt(analysis.model, finding.span);
      for (const fix of def ? finding.fixes ?? [] : []) {
        const edits = editsForFix(analysis.surface.id, doc, analysis.model, def!, fix);
        if (!edits || edits.length === 0) continue;
        const after = parseDocument({ ...doc, text: applyEdits(text, edits) })!.model;
        assert.ok(sameTemplate(analysis.model, after), `${finding.ruleId}: "${fix.title}" keeps the file reading the same (clients ${analysis.model.clients.length} -> ${after.clients.length})`);
      }
    }
  });
});

describe('fuzz regressions: nesting deep enough to overflow a recursive walk', () => {
  const DEEP = 20_000;
  const example = readFileSync(join(REPO, 'examples/sdk/create_client.py'), 'utf8');
  const readPy = (text: string) => parseDocument({ uri: 'file:///w/create_client.py', languageId: 'python', text })!.model;
  const overflowed = (problems: readonly { message: string }[]) => problems.filter((p) => /call stack|recursion/i.test(p.message));

  it('seed 4242 index 52865: a Python file with code nested 20,000 deep around, beside and inside its calls still reads its clients', async () => {
    // app.py with 3,000 nested brackets: the walk that collects a scope's names (to follow
    // `**WEB_CLIENT` to its dict) recursed once per level, and whether it overflowed the stack
    // depended on how deep the reading was called from. When it did, the whole file read as
    // "could not be read" with no client, so a quick fix checked from a deeper frame than the
    // first reading "removed" the client. The walks are loops now, and values nested deeper than
    // 200 levels are Unknown.
    assert.ok(await loadGrammar('python'));
    const clients = readPy(example).clients.length;
    assert.equal(clients, 2);
    const call = 'cognito.create_user_pool_client(UserPoolId=user_pool_id, RefreshTokenValidity=0, **WEB_CLIENT)';
    assert.ok(example.includes(call));
    const cases = {
      beside: `x = ${'['.repeat(DEEP)}${']'.repeat(DEEP)}\n${example}`,
      around: example.replace(call, `${'('.repeat(DEEP)}${call}${')'.repeat(DEEP)}`),
      inside: example.replace('CallbackURLs=["https://app.example.com/callback"]', `CallbackURLs=[${'['.repeat(DEEP)}"https://app.example.com/callback"${']'.repeat(DEEP)}]`),
    };
    for (const [where, text] of Object.entries(cases)) {
      const u0 = process.cpuUsage();
      const model = readPy(text);
      const u = process.cpuUsage(u0);
      // Found with these cases: the scope of `**WEB_CLIENT` was found by climbing `parent`, which
      // tree-sitter finds by walking down from the root: 16 s for the call inside 20,000 brackets.
      const ms = (u.user + u.system) / 1000;
      assert.ok(ms < 5000, `${where}: took ${Math.round(ms)} ms of CPU`);
      assert.deepEqual(overflowed(model.problems), [], where);
      assert.deepEqual(model.problems, [], `${where}: ${JSON.stringify(model.problems.slice(0, 2))}`);
      assert.equal(model.clients.length, clients, where);
    }
    // The value nested too deep to follow is Unknown, and says so.
    const inside = readPy(cases.inside).clients[0];
    const urls = inside.properties.get('CallbackURLs')?.value;
    let value = urls;
    for (let level = 0; value?.kind === 'list' && level < DEEP; level++) value = value.items[0];
    assert.equal(value?.kind, 'unknown');
    assert.match(value?.kind === 'unknown' ? value.reason : '', /nested too deep/);
  });

  it('a Python call left open among 60,000 unclosed brackets on one line is read in linear time', async () => {
    // Found with the case above: tree-sitter makes an ERROR node of tens of thousands of children
    // on one line, and looking for the end of the open call copied the line up to each child to
    // see whether it stood at a line start (quadratic: 1.5 s at 20,000, past the time budget with
    // nothing checking the clock; 12 s at 60,000). Now it looks back from the child (1 s, most of
    // it tree-sitter's parse).
    assert.ok(await loadGrammar('python'));
    // At the end of the line before `ExplicitAuthFlows=` of the update call.
    const at = example.indexOf('        ExplicitAuthFlows=["ADMIN_NO_SRP_AUTH"]') - 1;
    const text = example.slice(0, at) + '[{"a":'.repeat(60_000) + example.slice(at);
    const u0 = process.cpuUsage();
    const model = readPy(text);
    const u = process.cpuUsage(u0);
    const ms = (u.user + u.system) / 1000;
    assert.ok(!model.problems.some((p) => p.unread), JSON.stringify(model.problems.slice(0, 2)));
    assert.equal(model.clients.length, 2);
    assert.ok(ms < 5000, `took ${Math.round(ms)} ms of CPU`);
  });

  it('Terraform JSON nested deeper than jsonc-parser can recurse is cut, as in templates, not "could not be read"', () => {
    const readTf = (text: string) => parseDocument({ uri: 'file:///w/main.tf.json', languageId: 'json', text })!.model;
    const client = { aws_cognito_user_pool_client: { web: { name: 'web', user_pool_id: 'p', refresh_token_validity: 0 } } };
    const deepLocal = `{"resource": ${JSON.stringify(client)}, "locals": {"x": ${'['.repeat(100_000)}${']'.repeat(100_000)}}}`;
    const model = readTf(deepLocal);
    assert.deepEqual(overflowed(model.problems), []);
    assert.deepEqual(model.problems, []);
    assert.equal(model.clients.length, 1);
    // A root that is not an object is no Terraform file, however deep it nests.
    const root = readTf(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    assert.deepEqual(root.problems, []);
    assert.equal(root.clients.length, 0);
    // Nor is it in the parser shared with the API's JSON: the cut document parses.
    const problems: ParseProblem[] = [];
    assert.equal(parseJson(`${'['.repeat(100_000)}${']'.repeat(100_000)}`, problems)?.type, 'array');
    assert.deepEqual(problems, []);
  });
});
