/**
 * Editor features on API-shape documents (server/src/surfaces/api/): completion of member names
 * (request and describe result, nested objects) and enum values with `|` for the caret, hover in
 * the API's spelling (outputs of a describe result, enum values), the client summary, every fix
 * of every firing rule case over the API renderers, applied and checked again; the describe-result
 * fixture of the real-editor checks, and the CLI on API-shape files.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-types';
import type { ClientDefinition, DocumentModel, Span } from '../../server/src/model';
import { doComplete } from '../../server/src/features/completion';
import { doHover } from '../../server/src/features/hover';
import { clientSummary } from '../../server/src/features/summary';
import { runRules } from '../../server/src/rules/engine';
import { analyse } from '../../server/src/service';
import { runCli } from '../../server/src/cli/main';
import { parseDocument } from '../../server/src/surfaces';
import { applyEdits, sortEdits } from '../../server/src/surfaces/apply-edits';
import { editsForFix } from '../../server/src/surfaces/edits';
import type { SpanEdit } from '../../server/src/surfaces/types';
import { applyCompletion, caretDocument } from '../support/caret';
import { apiRenderers } from '../support/scenario-api';
import { cloudFormationJson } from '../support/scenario';
import { allRuleCases } from '../support/twin-rules';
import { loadCases } from '../editors/support';

function complete(textWithCaret: string): { list: CompletionList; c: ReturnType<typeof caretDocument> } {
  const c = caretDocument(textWithCaret, 'client.json');
  assert.equal(c.surfaceId, 'api-json', 'read as the API shape');
  return { list: doComplete(c.document, c.model, c.surfaceId, c.position), c };
}

const labels = (list: CompletionList) => list.items.map((i) => i.label);

function find(list: CompletionList, label: string): CompletionItem {
  const item = list.items.find((i) => i.label === label);
  assert.ok(item, `no ${label} among ${JSON.stringify(labels(list))}`);
  return item;
}

function hoverText(text: string, at: string, shift = 1): string {
  const parsed = parseDocument({ uri: 'file:///w/client.json', languageId: 'json', text });
  assert.ok(parsed && parsed.surface.id === 'api-json');
  const doc = TextDocument.create('file:///w/client.json', 'json', 1, text);
  const i = text.indexOf(at);
  assert.ok(i >= 0, at);
  const hover = doHover(doc, parsed.model, doc.positionAt(i + shift));
  assert.ok(hover, `a hover at ${at}`);
  return typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : JSON.stringify(hover.contents);
}

const POOL = 'us-east-1_AbCdEf123';

describe('completion in API-shape JSON', () => {
  it('offers request members by their API names, not those already written, and writes the member', () => {
    const { list, c } = complete(`{\n  "UserPoolId": "${POOL}",\n  "ClientName": "web",\n  "|"\n}\n`);
    const names = labels(list);
    for (const name of ['AllowedOAuthFlows', 'CallbackURLs', 'PreventUserExistenceErrors', 'GenerateSecret', 'TokenValidityUnits']) assert.ok(names.includes(name), name);
    for (const name of ['UserPoolId', 'ClientName', 'CreationDate', 'callback_urls']) assert.ok(!names.includes(name), name);
    const after = applyCompletion(c.document, find(list, 'PreventUserExistenceErrors'));
    assert.match(after, /"PreventUserExistenceErrors": "(ENABLED|LEGACY|\$\{[^}]*\})"/);
  });

  it('offers no create-only member in an update request', () => {
    const { list } = complete(`{\n  "UserPoolId": "${POOL}",\n  "ClientId": "abc",\n  "|"\n}\n`);
    const names = labels(list);
    assert.ok(names.includes('CallbackURLs'));
    assert.ok(!names.includes('GenerateSecret'), 'GenerateSecret is create-only');
  });

  it('offers enum values of a member, and of a nested member', () => {
    const flows = complete(`{"UserPoolId": "${POOL}", "ClientName": "web", "AllowedOAuthFlows": ["|"]}`);
    assert.deepEqual(labels(flows.list).sort(), ['client_credentials', 'code', 'implicit']);
    const units = complete(`{"UserPoolId": "${POOL}", "ClientName": "web", "TokenValidityUnits": {"AccessToken": "|"}}`);
    assert.deepEqual(labels(units.list).sort(), ['days', 'hours', 'minutes', 'seconds']);
    const prevent = complete(`{"UserPoolId": "${POOL}", "ClientName": "web", "PreventUserExistenceErrors": "|"}`);
    assert.deepEqual(labels(prevent.list).sort(), ['ENABLED', 'LEGACY']);
  });

  it('completes inside a describe result, in its UserPoolClient object', () => {
    const { list } = complete(`{\n    "UserPoolClient": {\n        "UserPoolId": "${POOL}",\n        "ClientId": "abc",\n        "|"\n    }\n}\n`);
    const names = labels(list);
    assert.ok(names.includes('AllowedOAuthScopes'));
    assert.ok(!names.includes('GenerateSecret'), 'a describe result has no GenerateSecret');
  });
});

describe('hover in API-shape JSON', () => {
  const describeText = `{\n    "UserPoolClient": {\n        "UserPoolId": "${POOL}",\n        "ClientName": "web",\n        "ClientId": "abc",\n        "CreationDate": "2024-05-01T10:00:00+00:00",\n        "PreventUserExistenceErrors": "ENABLED",\n        "AccessTokenValidity": 60,\n        "TokenValidityUnits": {"AccessToken": "minutes"}\n    }\n}\n`;

  it('explains an output of a describe result as an output, not as an error', () => {
    const text = hoverText(describeText, '"ClientId"');
    assert.match(text, /ClientId/);
    assert.match(text, /Output/);
    assert.doesNotMatch(text, /cannot be written|does not accept/);
  });

  it('names members and units in the API spelling', () => {
    const text = hoverText(describeText, '"AccessTokenValidity"');
    assert.match(text, /AccessTokenValidity/);
    assert.match(text, /TokenValidityUnits\.AccessToken/);
    assert.doesNotMatch(text, /access_token_validity/);
  });

  it('explains an enum value', () => {
    assert.match(hoverText(describeText, '"ENABLED"'), /ENABLED/);
  });

  it('summarises the effective client as on any other surface', () => {
    const parsed = parseDocument({ uri: 'file:///w/client.json', languageId: 'json', text: describeText })!;
    const summary = clientSummary(parsed.model.clients[0], parsed.model.context);
    assert.match(summary, /DescribeUserPoolClient/);
    assert.match(summary, /Client secret \(`ClientSecret`\): no/);
  });
});

// ---------- every fix of every firing case, applied ----------

function clientAt(model: DocumentModel, span: Span): ClientDefinition | undefined {
  return model.clients.find((c) => c.span.start <= span.start && span.end <= c.span.end);
}

function assertOutsideUnchanged(before: string, after: string, edits: SpanEdit[]): void {
  let delta = 0;
  let previous = 0;
  for (const e of sortEdits(edits)) {
    assert.equal(after.slice(previous + delta, e.span.start + delta), before.slice(previous, e.span.start), 'text between edits is unchanged');
    delta += e.newText.length - (e.span.end - e.span.start);
    previous = e.span.end;
  }
  assert.equal(after.slice(previous + delta), before.slice(previous), 'text after the last edit is unchanged');
}

/** New errors some fixes bring by design, as fixes-applied.test.ts lists them: the inserted ARNs are placeholders to fill in. */
const BY_DESIGN: { rule: string; title: RegExp; errors: string[] }[] = [{ rule: 'analytics-target', title: /^Add /, errors: ['invalid-pattern'] }];

/** Error counts by rule. */
function errorCounts(findings: readonly { ruleId: string; severity: string }[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of findings) if (f.severity === 'error') out.set(f.ruleId, (out.get(f.ruleId) ?? 0) + 1);
  return out;
}

/** Rules with more errors after than before. */
function newErrors(before: readonly { ruleId: string; severity: string }[], after: readonly { ruleId: string; severity: string }[]): string[] {
  const b = errorCounts(before);
  return [...errorCounts(after)].filter(([rule, n]) => n > (b.get(rule) ?? 0)).map(([rule]) => rule);
}

/**
 * The rules with new errors after the same fix (by title) of the same rule on the CloudFormation
 * JSON rendering of the case: the rule case scenarios are not made for fixes, so a fix may uncover
 * another problem there too (the code flow fixed from `CODE` then needs a callback URL).
 */
function newErrorsOnCloudFormation(scenario: Parameters<typeof cloudFormationJson.render>[0], ruleId: string, title: string): string[] {
  const rendered = cloudFormationJson.render(scenario);
  const source = { uri: `file:///t/${rendered.fileName}`, languageId: rendered.languageId, text: rendered.text };
  const parsed = parseDocument(source);
  if (!parsed) return [];
  const findings = runRules(parsed.model);
  for (const f of findings.filter((x) => x.ruleId === ruleId)) {
    const fix = f.fixes?.find((x) => x.title === title);
    const def = fix && clientAt(parsed.model, f.span);
    const edits = fix && def && editsForFix(parsed.surface.id, source, parsed.model, def, fix);
    if (!edits) continue;
    const after = parseDocument({ ...source, text: applyEdits(rendered.text, edits) });
    return after ? newErrors(findings, runRules(after.model)) : [];
  }
  return [];
}

describe('every fix of every firing rule case over the API renderers, applied', () => {
  let applied = 0;
  for (const cases of allRuleCases()) {
    for (const renderer of apiRenderers) {
      it(`${cases.rule} (${renderer.id})`, () => {
        for (const c of cases.fires) {
          const rendered = renderer.render(c.scenario);
          const source = { uri: `file:///t/${rendered.fileName}`, languageId: rendered.languageId, text: rendered.text };
          const parsed = parseDocument(source);
          if (!parsed || parsed.surface.id !== 'api-json') continue; // listed in api-rules.test.ts: not read as the API shape
          const findings = runRules(parsed.model);
          const mine = findings.filter((f) => f.ruleId === cases.rule);
          for (const finding of mine) {
            for (const fix of finding.fixes ?? []) {
              const def = clientAt(parsed.model, finding.span);
              assert.ok(def, 'the finding belongs to the client');
              const edits = editsForFix(parsed.surface.id, source, parsed.model, def, fix);
              const where = `${c.name}: "${fix.title}" in\n${rendered.text}`;
              assert.ok(edits && edits.length > 0, `no edit for ${where}`);
              const after = applyEdits(rendered.text, edits);
              assertOutsideUnchanged(rendered.text, after, edits);
              assert.doesNotThrow(() => JSON.parse(after), `valid JSON after ${where}\n${after}`);
              const reread = parseDocument({ ...source, text: after });
              assert.equal(reread?.surface.id, 'api-json', `still the API shape after ${where}`);
              assert.deepEqual(reread!.model.problems, []);
              assert.deepEqual(reread!.model.clients.map((x) => x.name), parsed.model.clients.map((x) => x.name));
              const again = runRules(reread!.model);
              assert.ok(again.filter((f) => f.ruleId === cases.rule).length < mine.length, `${cases.rule} still fires as often after ${where}\n${after}`);
              const added = newErrors(findings, again);
              if (added.length) {
                const there = newErrorsOnCloudFormation(c.scenario, cases.rule, fix.title);
                const designed = BY_DESIGN.filter((d) => d.rule === cases.rule && d.title.test(fix.title)).flatMap((d) => d.errors);
                assert.deepEqual(added.filter((r) => !there.includes(r) && !designed.includes(r)), [], `new errors after ${where}\n${after}\n(on CloudFormation JSON: ${there.join(', ') || 'none'})`);
              }
              applied++;
            }
          }
        }
      });
    }
  }
  it('applied fixes (the count is reported)', (t) => {
    t.diagnostic(`${applied} fixes applied over the API renderers`);
    assert.ok(applied > 100, `${applied} fixes applied`);
  });
});

describe('the describe-result fixture of the real-editor checks', () => {
  it('draws the codes, hover, completions and quick fix cases.json expects of every editor', () => {
    const c = loadCases().find((k) => k.file === 'describe-client.json');
    assert.ok(c, 'a describe-client.json case');
    const text = readFileSync(c.path, 'utf8');
    const a = analyse({ uri: 'file:///fixtures/describe-client.json', languageId: c.languageId, text });
    assert.ok(a && a.surface.id === 'api-json');
    assert.deepEqual([...new Set(a.findings.map((f) => f.ruleId))].sort(), [...c.codes].sort());
    assert.ok(hoverText(text, c.hover.at).includes(c.hover.expect), c.hover.expect);
    for (const k of c.completions) {
      const at = text.indexOf(k.at);
      const got = labels(complete(text.slice(0, at) + '|' + text.slice(at)).list);
      assert.ok(got.includes(k.expect), `${k.expect} at ${k.at}: ${got.join(', ')}`);
      if (k.reject) assert.ok(!got.includes(k.reject), `${k.reject} at ${k.at}`);
    }
    const finding = a.findings.find((f) => f.ruleId === c.codeAction.code && text.slice(f.span.start, f.span.end).includes(c.codeAction.at));
    assert.ok(finding?.fixes?.some((f) => f.title.includes(c.codeAction.titleIncludes ?? '')));
  });
});

describe('cognito-client-lint on API-shape files', () => {
  const dir = resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'api');

  function cli(...argv: string[]): { status: number; stdout: string } {
    let stdout = '';
    const status = runCli(argv, { stdout: (t) => (stdout += t), stderr: () => undefined, cwd: dir });
    return { status, stdout };
  }

  it('finds the describe result and the requests in a directory by their content, with the API semantics', () => {
    const { status, stdout } = cli('--format', 'json', '.');
    const out = JSON.parse(stdout) as { files: { path: string; surface: string; clients: { name: string }[]; diagnostics: { rule: string; severity: string; fixes?: unknown[] }[] }[] };
    const byName = new Map(out.files.map((f) => [basename(f.path), f]));
    assert.deepEqual([...byName.keys()].sort(), ['create-web-client.json', 'describe-web-client.json', 'update-web-client.json']);
    for (const f of out.files) assert.equal(f.surface, 'sdk', `${f.path}: the API's semantics, as SDK calls`);
    const rules = (name: string) => byName.get(name)!.diagnostics.map((d) => d.rule).sort();
    assert.deepEqual(byName.get('describe-web-client.json')!.clients.map((c) => c.name), ['DescribeUserPoolClient']);
    assert.deepEqual(rules('describe-web-client.json'), ['client-secret-in-file', 'implicit-flow-discouraged', 'redirect-uri-insecure', 'token-revocation-disabled', 'user-existence-errors-legacy']);
    assert.deepEqual(rules('create-web-client.json'), ['client-secret-in-file', 'token-validity-range']);
    assert.deepEqual(rules('update-web-client.json'), ['update-resets-omitted']);
    const secret = byName.get('create-web-client.json')!.diagnostics.find((d) => d.rule === 'client-secret-in-file')!;
    assert.equal(secret.severity, 'warning');
    assert.equal(secret.fixes?.length, 1);
    assert.equal(status, 1, 'errors found');
  });

  it('reads a describe result named directly whatever its file name (aws ... > web-client)', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'api-'));
    try {
      writeFileSync(join(tmp, 'web-client'), readFileSync(join(dir, 'describe-web-client.json'), 'utf8'));
      let stdout = '';
      runCli(['--format', 'json', join(tmp, 'web-client')], { stdout: (t) => (stdout += t), stderr: () => undefined, cwd: tmp });
      const out = JSON.parse(stdout) as { files: { diagnostics: { rule: string }[] }[] };
      assert.ok(out.files[0].diagnostics.some((d) => d.rule === 'client-secret-in-file'));
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
