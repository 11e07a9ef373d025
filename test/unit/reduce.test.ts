/**
 * Checking fixes on a document reduced to one client (server/src/surfaces/reduce.ts): the reduced
 * text still reads, keeps the other resources and the one client exactly as it was; where a client
 * cannot be taken out simply it is emptied or the reduction is refused; and, the point of it all,
 * every fix and every fix-all result is the same with and without the reduction — over hand-written
 * edge cases, generated templates, the examples and the real-world corpus.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fixAll } from '../../server/src/features/fix-all';
import { clientAt } from '../../server/src/features/fix-all';
import { analyse } from '../../server/src/service';
import { parseDocument, type SourceDocument } from '../../server/src/surfaces';
import { editsForFix } from '../../server/src/surfaces/edits';
import { withoutEntries, withoutEntriesBut } from '../../server/src/surfaces/cloudformation/remove';
import { reduceForRead, reduceTo, withoutReduction } from '../../server/src/surfaces/reduce';
import { generateJsonTemplate, generateSdkTypeScript, generateTerraform, generateTerraformJson, generateYamlTemplate } from '../bench/generate';
import { loadGrammar } from '../../server/src/surfaces/tree-sitter';
import { cloudFormationYamlToJson } from '../support/cfn-yaml-to-json';
import { corpusFiles } from '../support/corpus';

const repo = join(__dirname, '..', '..', '..');

function source(text: string, languageId: 'yaml' | 'json'): SourceDocument {
  return { uri: `file:///t.${languageId}`, languageId, text };
}

/** Reduce a document to each of its clients; check each reduced text reads as that client alone. */
function assertReducesToEach(doc: SourceDocument): number {
  const parsed = parseDocument(doc)!;
  assert.ok(parsed, 'the document is read');
  let reducedCount = 0;
  for (const def of parsed.model.clients) {
    const reduced = reduceTo(parsed.surface, doc, parsed.model, def);
    if (!reduced) continue;
    reducedCount++;
    assert.ok(reduced.doc.text.length < doc.text.length, `${def.name}: smaller`);
    assert.deepEqual(reduced.model.clients.map((c) => c.name), [def.name], `${def.name}: the one client left`);
    assert.equal(reduced.model.problems.length, parsed.model.problems.length, `${def.name}: no new problem:\n${reduced.doc.text}`);
    // The kept client's text is untouched.
    assert.equal(reduced.doc.text.slice(reduced.def.span.start, reduced.def.span.end), doc.text.slice(def.span.start, def.span.end));
    // Everything that is not a client is still there.
    const others = (m: typeof parsed.model) => [...m.context.userPools.keys()].sort().join(',');
    assert.equal(others(reduced.model), others(parsed.model), `${def.name}: the user pools are kept`);
  }
  return reducedCount;
}

/** Every fix of every finding gives the same edits (or the same refusal) with and without reduction. */
function assertSameFixes(doc: SourceDocument, label: string): number {
  const analysis = analyse(doc);
  if (!analysis) return 0;
  let compared = 0;
  for (const finding of analysis.findings) {
    const def = clientAt(analysis.model, finding.span);
    if (!def) continue;
    for (const fix of finding.fixes ?? []) {
      const reduced = editsForFix(analysis.surface.id, doc, analysis.model, def, fix);
      const whole = withoutReduction((): ReturnType<typeof editsForFix> => editsForFix(analysis.surface.id, doc, analysis.model, def, fix));
      assert.deepEqual(reduced, whole, `${label}: ${finding.ruleId} "${fix.title}" on ${def.name}`);
      compared++;
    }
  }
  return compared;
}

function assertSameFixAll(doc: SourceDocument, label: string): void {
  const reduced = fixAll(doc);
  const whole = withoutReduction(() => fixAll(doc));
  assert.deepEqual(reduced, whole, `${label}: fix-all gives the same result`);
}

const yamlTemplate = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Stage: {Type: String}
Resources:
  First:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref Pool
      AllowedOAuthFlows: [implicit]
      AllowedOAuthScopes: [openid]
      CallbackURLs: ['https://example.com/cb']
  # a comment between resources
  Pool:
    Type: AWS::Cognito::UserPool
  Second:   # trailing comment
    Type: AWS::Cognito::UserPoolClient
    Properties: {UserPoolId: !Ref Pool, ExplicitAuthFlows: [USER_PASSWORD_AUTH]}
  Third: {Type: AWS::Cognito::UserPoolClient, Properties: {UserPoolId: !Ref Pool, PreventUserExistenceErrors: LEGACY}}
  # fix-all must leave these two alone: OAuth on with no flows is an error; the rename would write a key twice
  Guarded:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref Pool
      CallbackURLs: ['https://a.example.com/cb']
      PreventUserExistenceErrors: ENABLED
  Twice:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref Pool
      CallbackUrls: ['https://b.example.com/']
      CallbackURLs: ['https://a.example.com/']
      PreventUserExistenceErrors: ENABLED
  Last:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref Pool
      EnableTokenRevocation: false
Outputs:
  Id: {Value: !Ref Last}
`;

const jsonTemplate = `{
  "Resources": {
    "First": {"Type": "AWS::Cognito::UserPoolClient", "Properties": {"UserPoolId": {"Ref": "Pool"}, "AllowedOAuthFlows": ["implicit"], "AllowedOAuthScopes": ["openid"], "CallbackURLs": ["https://example.com/cb"]}},
    "Pool": {"Type": "AWS::Cognito::UserPool"},
    "Second": {
      "Type": "AWS::Cognito::UserPoolClient",
      "Properties": {"UserPoolId": {"Ref": "Pool"}, "ExplicitAuthFlows": ["USER_PASSWORD_AUTH"]}
    },
    "Third": {"Type": "AWS::Cognito::UserPoolClient", "Properties": {"UserPoolId": {"Ref": "Pool"}, "PreventUserExistenceErrors": "LEGACY"}},
    "Guarded": {"Type": "AWS::Cognito::UserPoolClient", "Properties": {"UserPoolId": {"Ref": "Pool"}, "CallbackURLs": ["https://a.example.com/cb"], "PreventUserExistenceErrors": "ENABLED"}},
    "Twice": {"Type": "AWS::Cognito::UserPoolClient", "Properties": {"UserPoolId": {"Ref": "Pool"}, "CallbackUrls": ["https://b.example.com/"], "CallbackURLs": ["https://a.example.com/"], "PreventUserExistenceErrors": "ENABLED"}},
    "Last": {"Type": "AWS::Cognito::UserPoolClient","Properties":{"UserPoolId":{"Ref":"Pool"},"EnableTokenRevocation":false}}
  }
}
`;

describe('reduce: a document cut down to one client', () => {
  it('YAML: block entries lose their lines, comments and other resources stay, each client can be kept', () => {
    const doc = source(yamlTemplate, 'yaml');
    assert.equal(assertReducesToEach(doc), 6);
    const parsed = parseDocument(doc)!;
    const reduced = reduceTo(parsed.surface, doc, parsed.model, parsed.model.clients[1])!;
    assert.match(reduced.doc.text, /# a comment between resources/);
    assert.doesNotMatch(reduced.doc.text, /First:|Third:|Guarded:|Last:/);
    assert.match(reduced.doc.text, /Outputs:/);
  });

  it('YAML: a flow-style Resources map has its other clients emptied instead', () => {
    const text = `Resources: {A: {Type: AWS::Cognito::UserPoolClient, Properties: {UserPoolId: x, PreventUserExistenceErrors: LEGACY}}, B: {Type: AWS::Cognito::UserPoolClient, Properties: {UserPoolId: y}}}\n`;
    const doc = source(text, 'yaml');
    assert.equal(assertReducesToEach(doc), 2);
    const parsed = parseDocument(doc)!;
    assert.equal(reduceTo(parsed.surface, doc, parsed.model, parsed.model.clients[0])!.doc.text, `Resources: {A: {Type: AWS::Cognito::UserPoolClient, Properties: {UserPoolId: x, PreventUserExistenceErrors: LEGACY}}, B: {}}\n`);
  });

  it('JSON: members and their commas go, whatever is kept (first, middle, last, a run at the end)', () => {
    const doc = source(jsonTemplate, 'json');
    assert.equal(assertReducesToEach(doc), 6);
    const compact = source(JSON.stringify(JSON.parse(jsonTemplate)), 'json');
    assert.equal(assertReducesToEach(compact), 6);
    // Kept first: the three after it go, and with them the comma that would be left before `}`.
    const parsed = parseDocument(compact)!;
    const reduced = reduceTo(parsed.surface, compact, parsed.model, parsed.model.clients[0])!;
    assert.doesNotThrow(() => JSON.parse(reduced.doc.text), reduced.doc.text);
    assert.deepEqual(Object.keys(JSON.parse(reduced.doc.text).Resources), ['First', 'Pool']);
  });

  it('keeps a client that uses an alias into a removed one reading the same (an alias is Unknown either way)', () => {
    const text = `Resources:
  A:
    Type: AWS::Cognito::UserPoolClient
    Properties: &shared
      UserPoolId: x
      PreventUserExistenceErrors: LEGACY
  B:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: *shared
      PreventUserExistenceErrors: LEGACY
`;
    const doc = source(text, 'yaml');
    assert.equal(assertReducesToEach(doc), 2);
    assert.ok(assertSameFixes(doc, 'alias') >= 2);
  });

  it('refuses when the removal the surface proposes would touch the kept client or leave a new problem', () => {
    const doc = source(yamlTemplate, 'yaml');
    const parsed = parseDocument(doc)!;
    const [first, second] = parsed.model.clients;
    const intoKept = { ...parsed.surface, withoutDefinitionsBut: undefined, withoutDefinitions: () => [{ span: { start: first.span.start, end: first.span.start + 1 }, newText: '' }] };
    assert.equal(reduceTo(intoKept, doc, parsed.model, first), undefined, 'an edit inside the kept client');
    const breaking = { ...parsed.surface, withoutDefinitionsBut: undefined, withoutDefinitions: () => [{ span: { start: 0, end: 0 }, newText: '{[\n' }] };
    assert.equal(reduceTo(breaking, doc, parsed.model, second), undefined, 'a syntax problem');
    const failing = { ...parsed.surface, withoutDefinitionsBut: undefined, withoutDefinitions: () => undefined };
    assert.equal(reduceTo(failing, doc, parsed.model, second), undefined, 'the surface cannot');
  });

  it('is not used for a document with one client', () => {
    const doc = source(`Resources:\n  A:\n    Type: AWS::Cognito::UserPoolClient\n    Properties: {UserPoolId: x}\n`, 'yaml');
    const parsed = parseDocument(doc)!;
    assert.equal(reduceTo(parsed.surface, doc, parsed.model, parsed.model.clients[0]), undefined);
  });
});

describe('reduce: fixes are the same with and without it', () => {
  const cases: { label: string; doc: SourceDocument; hasFixes?: boolean }[] = [
    { label: 'hand-written YAML', doc: source(yamlTemplate, 'yaml'), hasFixes: true },
    { label: 'hand-written JSON', doc: source(jsonTemplate, 'json'), hasFixes: true },
    { label: 'hand-written YAML, CRLF', doc: source(yamlTemplate.replace(/\n/g, '\r\n'), 'yaml'), hasFixes: true },
    { label: 'hand-written JSON, CRLF and comments', doc: source(jsonTemplate.replace(/\n/g, '\r\n').replace(/\},\r\n/g, '}, // note\r\n'), 'json'), hasFixes: true },
    { label: 'generated YAML (40 clients)', doc: source(generateYamlTemplate(40), 'yaml'), hasFixes: true },
    { label: 'generated JSON (40 clients)', doc: source(generateJsonTemplate(40), 'json'), hasFixes: true },
  ];
  for (const dir of ['examples/cloudformation', 'examples/serverless']) {
    for (const name of readdirSync(join(repo, dir)).sort()) {
      const text = readFileSync(join(repo, dir, name), 'utf8');
      cases.push({ label: `${dir}/${name}`, doc: source(text, name.endsWith('.json') ? 'json' : 'yaml') });
    }
  }

  for (const c of cases) {
    it(`${c.label}: every fix, and fix-all`, () => {
      const compared = assertSameFixes(c.doc, c.label);
      if (c.hasFixes) {
        assert.ok(compared > 0, 'some fixes were compared');
        assert.ok(assertReducesToEach(c.doc) > 0, 'the reduction was used');
      }
      assertSameFixAll(c.doc, c.label);
    });
  }

  /** Every fix and fix-all of every document with more than one client; how many such documents there were. */
  const checkMultiClient = (docs: { doc: SourceDocument; label: string }[]): number => {
    let multi = 0;
    for (const { doc, label } of docs) {
      const parsed = parseDocument(doc);
      if (!parsed || parsed.model.clients.length < 2) continue;
      multi++;
      assert.ok(assertReducesToEach(doc) >= 2, `${label}: reduced to each of its clients`);
      assertSameFixes(doc, label);
      assertSameFixAll(doc, label);
    }
    return multi;
  };

  const yaml = corpusFiles('cloudformation-yaml');
  it('the cloudformation-yaml corpus: every fix, and fix-all, of every file with more than one client', { skip: yaml.skip }, (t) => {
    const multi = checkMultiClient(yaml.files.map((file) => ({ doc: source(readFileSync(file, 'utf8'), 'yaml'), label: file })));
    t.diagnostic(`${multi} files with several clients`);
    assert.ok(multi > 0, 'the YAML corpus has files with several clients');
  });

  // No JSON file of the corpus has two clients: the YAML ones, converted to JSON at test time, join them.
  const json = corpusFiles('cloudformation-json');
  it('the cloudformation-json corpus and the YAML corpus as JSON: every fix, and fix-all, of every file with more than one client', { skip: yaml.skip ?? json.skip }, (t) => {
    const docs = json.files.map((file) => ({ doc: source(readFileSync(file, 'utf8'), 'json'), label: file }));
    for (const file of yaml.files) {
      const text = readFileSync(file, 'utf8');
      const converted = source(cloudFormationYamlToJson(text), 'json');
      // The conversion is faithful: the JSON template has the same clients and the same findings.
      const fromYaml = analyse(source(text, 'yaml'));
      const fromJson = analyse(converted);
      assert.deepEqual(fromJson?.model.clients.map((c) => c.name), fromYaml?.model.clients.map((c) => c.name), file);
      assert.deepEqual(fromJson?.findings.map((f) => f.ruleId).sort(), fromYaml?.findings.map((f) => f.ruleId).sort(), file);
      docs.push({ doc: converted, label: `${file} (as JSON)` });
    }
    const multi = checkMultiClient(docs);
    t.diagnostic(`${multi} JSON templates with several clients`);
    assert.ok(multi > 0, 'some converted templates have several clients');
  });
});

describe('reduce: the per-client answer of the CloudFormation surfaces is the general one', () => {
  /** `withoutEntriesBut(all, keep)` (worked out once per document) against `withoutEntries(all without keep)`, for every client. */
  function assertSameRemovals(doc: SourceDocument, label: string): number {
    const parsed = parseDocument(doc);
    if (!parsed || parsed.surface.kind !== 'cloudformation' || parsed.model.clients.length < 2) return 0;
    const json = !/^\s*[^{[/\s]/.test(doc.text);
    const all = parsed.model.clients;
    for (const keep of all) {
      const fast = withoutEntriesBut(doc.text, all, keep, json);
      const general = withoutEntries(doc.text, all.filter((d) => d !== keep), json);
      assert.deepEqual(fast, general, `${label}: keeping ${keep.name}`);
    }
    return all.length;
  }

  it('on the hand-written templates (YAML, JSON, compact JSON, flow-style YAML), the generated ones and the examples', () => {
    let compared = 0;
    compared += assertSameRemovals(source(yamlTemplate, 'yaml'), 'yaml');
    compared += assertSameRemovals(source(jsonTemplate, 'json'), 'json');
    compared += assertSameRemovals(source(JSON.stringify(JSON.parse(jsonTemplate)), 'json'), 'compact json');
    compared += assertSameRemovals(source(`Resources: {A: {Type: AWS::Cognito::UserPoolClient, Properties: {UserPoolId: x}}, B: {Type: AWS::Cognito::UserPoolClient, Properties: {UserPoolId: y}}}\n`, 'yaml'), 'flow yaml');
    compared += assertSameRemovals(source(generateYamlTemplate(40), 'yaml'), 'generated yaml');
    compared += assertSameRemovals(source(generateJsonTemplate(40), 'json'), 'generated json');
    compared += assertSameRemovals(source(JSON.stringify(JSON.parse(generateJsonTemplate(40))), 'json'), 'generated minified json');
    assert.ok(compared >= 6 * 3 + 2 + 40 * 3, `${compared} reductions compared`);
  });

  const yamlCorpus = corpusFiles('cloudformation-yaml');
  const jsonCorpus = corpusFiles('cloudformation-json');
  it('on every CloudFormation corpus file with more than one client', { skip: yamlCorpus.skip ?? jsonCorpus.skip }, () => {
    let compared = 0;
    for (const file of yamlCorpus.files) compared += assertSameRemovals(source(readFileSync(file, 'utf8'), 'yaml'), file);
    for (const file of jsonCorpus.files) compared += assertSameRemovals(source(readFileSync(file, 'utf8'), 'json'), file);
    assert.ok(compared > 0, 'some corpus file has several clients');
  });
});

describe('reduce: Terraform (HCL) files, every fix the same with and without it', () => {
  before(async () => {
    assert.ok(await loadGrammar('terraform'));
  });

  function tf(text: string, name = 'main.tf'): SourceDocument {
    return { uri: `file:///w/${name}`, languageId: 'terraform', text };
  }

  const handWritten = `# pools and clients
resource "aws_cognito_user_pool" "main" {
  name = "pool"
}

resource "aws_cognito_user_pool_client" "a" {
  name                          = "a"
  user_pool_id                  = aws_cognito_user_pool.main.id
  allowed_oauth_flows           = ["implicit"]
  allowed_oauth_scopes          = ["openid"]
  callback_urls                 = ["http://a.example.com/cb"]
} # trailing comment
resource "aws_cognito_user_pool_client" "b" {
  name         = "b"
  user_pool_id = aws_cognito_user_pool.main.id
  prevent_user_existence_errors = "LEGACY"
}
resource "aws_cognito_user_pool_client" "c" { name = "c"
  user_pool_id = aws_cognito_user_pool.main.id }

locals {
  x = 1
}
`;

  it('takes client blocks out by lines, keeping the rest, for each client in turn', () => {
    const doc = tf(handWritten);
    const parsed = parseDocument(doc)!;
    assert.equal(parsed.model.clients.length, 3);
    assert.equal(assertReducesToEach(doc), 3);
    const reduced = reduceTo(parsed.surface, doc, parsed.model, parsed.model.clients[1])!;
    assert.match(reduced.doc.text, /aws_cognito_user_pool" "main"/);
    assert.match(reduced.doc.text, /locals \{/);
    assert.doesNotMatch(reduced.doc.text, /"a" \{|"c" \{/);
  });

  const cases: { label: string; doc: SourceDocument }[] = [
    { label: 'hand-written', doc: tf(handWritten) },
    { label: 'hand-written, CRLF', doc: tf(handWritten.replace(/\n/g, '\r\n')) },
    { label: 'generated (12 clients)', doc: tf(generateTerraform(12)) },
  ];
  for (const name of readdirSync(join(repo, 'examples/terraform')).filter((n) => n.endsWith('.tf') && !n.endsWith('.tf.json')).sort()) {
    cases.push({ label: `examples/terraform/${name}`, doc: tf(readFileSync(join(repo, 'examples/terraform', name), 'utf8'), name) });
  }
  for (const c of cases) {
    it(`${c.label}: every fix, and fix-all`, () => {
      assertSameFixes(c.doc, c.label);
      assertSameFixAll(c.doc, c.label);
    });
  }
  it('generated: some fixes were compared and the reduction was used', () => {
    const doc = tf(generateTerraform(12));
    assert.ok(assertSameFixes(doc, 'generated') > 0);
    assert.equal(assertReducesToEach(doc), 12);
  });

  const corpus = corpusFiles('terraform-hcl');
  it('the terraform-hcl corpus: every fix, and fix-all', { skip: corpus.skip }, () => {
    for (const file of corpus.files) {
      const doc = tf(readFileSync(file, 'utf8'), file.split('/').pop());
      assertSameFixes(doc, file);
      assertSameFixAll(doc, file);
    }
  });
});

/** What a value says, without its spans (for comparing a client read from two texts). */
function said(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(said);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'span' && k !== 'keySpan').map(([k, v]) => [k, said(v)]));
}

/**
 * Reduce a code or .tf.json document to each of its clients; each reduced text must read as that
 * one client, with the same text where it stands (moved, never changed) and the same values at
 * every depth. Returns how many clients were reduced.
 */
function assertCodeReducesToEach(doc: SourceDocument, label: string): number {
  const parsed = parseDocument(doc)!;
  assert.ok(parsed, `${label}: the document is read`);
  let count = 0;
  for (const def of parsed.model.clients) {
    const reduced = reduceTo(parsed.surface, doc, parsed.model, def);
    if (!reduced) continue;
    count++;
    assert.ok(reduced.doc.text.length < doc.text.length, `${label} ${def.name}: smaller`);
    assert.equal(reduced.model.clients.length, 1, `${label} ${def.name}: one client left`);
    assert.equal(reduced.model.problems.length, parsed.model.problems.length, `${label} ${def.name}: no new problem:\n${reduced.doc.text}`);
    assert.equal(reduced.doc.text.slice(reduced.def.span.start, reduced.def.span.end), doc.text.slice(def.span.start, def.span.end), `${label} ${def.name}: its text is kept`);
    const kept = reduced.model.clients[0];
    assert.deepEqual(said(kept.body), said(def.body), `${label} ${def.name}: reads the same`);
    assert.deepEqual([...kept.properties.keys()], [...def.properties.keys()]);
    assert.equal(kept.operation, def.operation);
    // Read again from scratch, the reduced text gives the same client (no cache in between).
    const again = parsed.surface.parse(reduced.doc);
    assert.deepEqual(said(again.clients[0]?.body), said(def.body));
  }
  return count;
}

describe('reduce: code files (SDK calls, CDK L1 and L2) and .tf.json, every fix the same with and without it', () => {
  before(async () => {
    for (const g of ['typescript', 'tsx', 'javascript', 'python'] as const) assert.ok(await loadGrammar(g));
  });

  const ts = (text: string, name = 'clients.ts'): SourceDocument => ({ uri: `file:///w/${name}`, languageId: 'typescript', text });
  const js = (text: string, name = 'clients.js'): SourceDocument => ({ uri: `file:///w/${name}`, languageId: 'javascript', text });
  const py = (text: string, name = 'clients.py'): SourceDocument => ({ uri: `file:///w/${name}`, languageId: 'python', text });
  const tfJson = (text: string, name = 'main.tf.json'): SourceDocument => ({ uri: `file:///w/${name}`, languageId: 'json', text });

  // Calls in every place a call stands: an argument, an initialiser, after await / return, a
  // statement, inside a conditional; a literal bound before its call; a spread; a CDK L1 and L2.
  const tsCalls = `import { CognitoIdentityProviderClient, CreateUserPoolClientCommand, UpdateUserPoolClientCommand } from '@aws-sdk/client-cognito-identity-provider';
import * as cognito from 'aws-cdk-lib/aws-cognito';

const client = new CognitoIdentityProviderClient({});
const shared = { UserPoolId: 'us-east-1_abc' };
const flows = ['implicit'];

export async function a() {
  await client.send(new CreateUserPoolClientCommand({
    UserPoolId: 'us-east-1_abc',
    ClientName: 'a',
    AllowedOAuthFlows: flows,
    AllowedOAuthScopes: ['openid'],
    CallbackURLs: ['http://a.example.com/cb'],
  }));
}
const b = new CreateUserPoolClientCommand({ UserPoolId: 'us-east-1_abc', ClientName: 'b', PreventUserExistenceErrors: 'LEGACY' })
new UpdateUserPoolClientCommand({ ...shared, ClientId: 'x', ClientName: 'c', RefreshTokenValidity: 0 });
const params = { UserPoolId: 'us-east-1_abc', ClientName: 'd', ExplicitAuthFlows: ['USER_PASSWORD_AUTH'] };
export const d = () => client.send(new CreateUserPoolClientCommand(params));
export function e(flag: boolean) {
  return flag ? new CreateUserPoolClientCommand({ UserPoolId: 'p', ClientName: 'e', AccessTokenValidity: 0 }) : undefined;
}
export class Stack {
  constructor(scope: any, pool: cognito.UserPool) {
    new cognito.CfnUserPoolClient(scope, 'L1', { userPoolId: 'p', explicitAuthFlows: ['ALLOW_USER_SRP_AUTH'], preventUserExistenceErrors: 'LEGACY' });
    const l2 = new cognito.UserPoolClient(scope, 'L2', { userPool: pool, oAuth: { flows: { implicitCodeGrant: true }, callbackUrls: ['http://l2.example.com/cb'] } });
    pool.addClient('Added', { generateSecret: true, preventUserExistenceErrors: false });
  }
}
`;

  const pyCalls = `import boto3
from aws_cdk import aws_cognito as cognito

client = boto3.client("cognito-idp")
flows = ["implicit"]

def a():
    return client.create_user_pool_client(
        UserPoolId="us-east-1_abc",
        ClientName="a",
        AllowedOAuthFlows=flows,
        AllowedOAuthScopes=["openid"],
        CallbackURLs=["http://a.example.com/cb"],
    )["UserPoolClient"]

b = client.create_user_pool_client(UserPoolId="us-east-1_abc", ClientName="b", PreventUserExistenceErrors="LEGACY")
client.update_user_pool_client(UserPoolId="p", ClientId="x", ClientName="c", RefreshTokenValidity=0)
params = {"UserPoolId": "p", "ClientName": "d", "ExplicitAuthFlows": ["USER_PASSWORD_AUTH"]}
client.create_user_pool_client(**params)
if True:
    for i in range(2):
        client.create_user_pool_client(
            UserPoolId="p",
            ClientName="e",  # a comment
            AccessTokenValidity=0)

class Stack:
    def __init__(self, scope, pool):
        cognito.CfnUserPoolClient(self, "L1", user_pool_id="p", explicit_auth_flows=["ALLOW_USER_SRP_AUTH"], prevent_user_existence_errors="LEGACY")
        cognito.UserPoolClient(self, "L2", user_pool=pool, o_auth=cognito.OAuthSettings(flows=cognito.OAuthFlows(implicit_code_grant=True), callback_urls=["http://l2.example.com/cb"]))
        pool.add_client("Added", generate_secret=True, prevent_user_existence_errors=False)
`;

  const cases: { label: string; doc: SourceDocument; reduces: number }[] = [
    { label: 'TypeScript, calls in every place', doc: ts(tsCalls), reduces: 7 },
    { label: 'TypeScript, CRLF', doc: ts(tsCalls.replace(/\n/g, '\r\n')), reduces: 7 },
    { label: 'JavaScript (the same text)', doc: js(tsCalls.replace(/\(flag: boolean\)/, '(flag)').replace(/\(scope: any, pool: cognito.UserPool\)/, '(scope, pool)')), reduces: 7 },
    { label: 'Python, calls in every place', doc: py(pyCalls), reduces: 8 },
    { label: 'Python, CRLF', doc: py(pyCalls.replace(/\n/g, '\r\n')), reduces: 8 },
    { label: 'generated TypeScript (12 calls)', doc: ts(generateSdkTypeScript(12)), reduces: 12 },
    { label: 'generated .tf.json (12 clients)', doc: tfJson(generateTerraformJson(12)), reduces: 12 },
  ];
  for (const name of readdirSync(join(repo, 'examples/sdk')).sort()) {
    const text = readFileSync(join(repo, 'examples/sdk', name), 'utf8');
    cases.push({ label: `examples/sdk/${name}`, doc: name.endsWith('.py') ? py(text, name) : ts(text, name), reduces: -1 });
  }
  cases.push({ label: 'examples/terraform/cdktf.tf.json', doc: tfJson(readFileSync(join(repo, 'examples/terraform/cdktf.tf.json'), 'utf8'), 'cdktf.tf.json'), reduces: -1 });

  for (const c of cases) {
    it(`${c.label}: the reduced text reads the kept client as it was; every fix, and fix-all`, () => {
      const reduced = assertCodeReducesToEach(c.doc, c.label);
      if (c.reduces >= 0) assert.equal(reduced, c.reduces, `${c.label}: clients reduced`);
      assertSameFixes(c.doc, c.label);
      assertSameFixAll(c.doc, c.label);
    });
  }

  it('every other call is taken out: with its top-level statement, or replaced by (0) beside the kept one; the code around stays', () => {
    for (const doc of [ts(tsCalls), py(pyCalls)]) {
      const parsed = parseDocument(doc)!;
      const kept = parsed.model.clients.find((c) => c.name === 'L1')!;
      const reduced = reduceTo(parsed.surface, doc, parsed.model, kept)!;
      assert.ok(reduced, 'reduced to the L1 construct');
      // L2 and Added are in the class that holds L1, and (TypeScript) the call read from a literal
      // bound before it spans two statements: stand-ins; every other call went with its statement.
      assert.equal(reduced.doc.text.split('(0)').length - 1, doc.languageId === 'typescript' ? 3 : 2, reduced.doc.text);
      const calls = /CreateUserPoolClientCommand\(|create_user_pool_client\(|update_user_pool_client\(|UpdateUserPoolClientCommand\(|UserPoolClient\(|addClient\(|add_client\(/g;
      assert.deepEqual(reduced.doc.text.match(calls), doc.text.slice(kept.span.start, kept.span.end).match(calls));
      // Imports, bindings and the class are still there.
      assert.match(reduced.doc.text, /const flows = \['implicit'\];|flows = \["implicit"\]/);
      assert.match(reduced.doc.text, /^(import|from) /m);
      assert.match(reduced.doc.text, /class Stack/);
      // Kept to a call that stands alone, the class goes too.
      const alone = reduceTo(parsed.surface, doc, parsed.model, parsed.model.clients[1])!;
      assert.ok(alone && !alone.doc.text.includes('class Stack'), alone?.doc.text);
    }
  });

  it('without a syntax tree to find statements (a syntax error outside the calls), every other call is replaced by (0)', () => {
    const doc = ts(`${tsCalls}\nconst broken = ;\n`);
    const parsed = parseDocument(doc)!;
    const kept = parsed.model.clients.find((c) => c.name === 'L1')!;
    const reduced = reduceTo(parsed.surface, doc, parsed.model, kept);
    if (reduced) assert.equal(reduced.doc.text.split('(0)').length - 1, parsed.model.clients.length - 1);
    assertSameFixes(doc, 'broken');
  });

  const corpus = corpusFiles('terraform-json');
  it('the terraform-json corpus: every fix, and fix-all', { skip: corpus.skip }, () => {
    for (const file of corpus.files) {
      const doc = tfJson(readFileSync(file, 'utf8'), file.split('/').pop());
      assertCodeReducesToEach(doc, file);
      assertSameFixes(doc, file);
      assertSameFixAll(doc, file);
    }
  });
});

describe('reduce: templates cut down to the one client for the read check (every other resource out)', () => {
  const single = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Stage: {Type: String, AllowedValues: [dev, prod]}
Conditions:
  IsProd: !Equals [!Ref Stage, prod]
Resources:
  Pool:
    Type: AWS::Cognito::UserPool
    Properties:
      UserPoolName: !Sub 'pool-\${Stage}'
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs20.x
      Code:
        ZipFile: |
${'          exports.handler = async () => ({ statusCode: 200 });\n'.repeat(12)}  Client:
    Type: AWS::Cognito::UserPoolClient
    DependsOn: Fn
    Properties:
      UserPoolId: !Ref Pool
      CallbackURLs: [!If [IsProd, 'https://example.com/cb', 'http://localhost/cb']]
      AllowedOAuthFlows: [implicit]
      AllowedOAuthScopes: [openid]
      PreventUserExistenceErrors: LEGACY
  Bucket: {Type: AWS::S3::Bucket}
  Last:
    Type: AWS::SNS::Topic
Outputs:
  Id: {Value: !Ref Client}
`;

  /** The read reduction of each client: only that resource left, everything outside Resources kept, the client reading the same. */
  function assertReadReductions(doc: SourceDocument, label: string): number {
    const parsed = parseDocument(doc);
    if (!parsed) return 0;
    let count = 0;
    for (const def of parsed.model.clients) {
      const reduced = reduceForRead(parsed.surface, doc, parsed.model, def);
      if (!reduced) continue;
      count++;
      assert.ok(reduced.doc.text.length < doc.text.length, `${label} ${def.name}: smaller`);
      assert.deepEqual(reduced.model.clients.map((c) => c.name), [def.name]);
      assert.deepEqual(said(reduced.model.clients[0].body), said(def.body), `${label} ${def.name}: reads the same`);
      assert.equal(reduced.doc.text.slice(reduced.def.span.start, reduced.def.span.end), doc.text.slice(def.span.start, def.span.end));
      assert.ok(reduced.model.problems.length <= parsed.model.problems.length);
    }
    return count;
  }

  it('a template with one client among other resources (their bulk): only that client is left; parameters, conditions, outputs stay', () => {
    for (const doc of [source(single, 'yaml'), source(cloudFormationYamlToJson(single), 'json')]) {
      const parsed = parseDocument(doc)!;
      assert.equal(parsed.model.clients.length, 1);
      assert.equal(reduceTo(parsed.surface, doc, parsed.model, parsed.model.clients[0]), undefined, 'the client reduction has nothing to take out');
      const reduced = reduceForRead(parsed.surface, doc, parsed.model, parsed.model.clients[0])!;
      assert.ok(reduced, `${doc.languageId}: reduced`);
      assert.equal(reduced.model.context.resources.size, 1);
      for (const kept of ['Stage', 'IsProd', 'Outputs']) assert.ok(reduced.doc.text.includes(kept), `${doc.languageId}: ${kept} kept`);
      for (const gone of ['AWS::Lambda::Function', 'AWS::S3::Bucket', 'AWS::SNS::Topic', 'AWS::Cognito::UserPool"', 'AWS::Cognito::UserPool\n']) assert.ok(!reduced.doc.text.includes(gone), `${doc.languageId}: ${gone} removed`);
      assert.equal(assertReadReductions(doc, doc.languageId), 1);
      assert.ok(assertSameFixes(doc, doc.languageId) > 0);
      assertSameFixAll(doc, doc.languageId);
    }
  });

  it('a template whose bulk is outside Resources is not cut down for the read check (the reduction would cost a read and save little)', () => {
    const bulky = single.replace('Parameters:\n', `Parameters:\n${Array.from({ length: 200 }, (_, i) => `  P${i}: {Type: String, Default: value-${i}}\n`).join('')}`);
    const doc = source(bulky, 'yaml');
    const parsed = parseDocument(doc)!;
    assert.equal(reduceForRead(parsed.surface, doc, parsed.model, parsed.model.clients[0]), undefined);
    assertSameFixes(doc, 'bulky');
  });

  it('the hand-written and generated templates: each client reduced, every fix the same', () => {
    for (const [label, doc] of [
      ['yaml', source(yamlTemplate, 'yaml')],
      ['json', source(jsonTemplate, 'json')],
      ['generated yaml', source(generateYamlTemplate(8), 'yaml')],
      ['generated json', source(generateJsonTemplate(8), 'json')],
    ] as const) {
      assert.ok(assertReadReductions(doc, label) > 0, `${label}: reduced`);
      assertSameFixes(doc, label);
    }
  });

  const yaml = corpusFiles('cloudformation-yaml');
  const json = corpusFiles('cloudformation-json');
  it('every CloudFormation corpus file (one client or many): the read reduction keeps each client as it was, every fix the same', { skip: yaml.skip ?? json.skip }, (t) => {
    let reducedClients = 0;
    let fixes = 0;
    for (const [files, languageId] of [[yaml.files, 'yaml'], [json.files, 'json']] as const) {
      for (const file of files) {
        const doc = source(readFileSync(file, 'utf8'), languageId);
        reducedClients += assertReadReductions(doc, file);
        fixes += assertSameFixes(doc, file);
      }
    }
    t.diagnostic(`${reducedClients} clients reduced, ${fixes} fixes compared`);
    assert.ok(reducedClients >= 20, `the corpus clients were reduced (${reducedClients})`);
    assert.ok(fixes > 0);
  });
});
