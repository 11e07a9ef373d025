/**
 * Fix-all, shared by the code action and `--fix`: which fixes it takes (unambiguous, not
 * suppressed, not turned off, not trading a warning for an error, not writing a key twice), how it
 * resolves two fixes touching one place (the first now, the other in the next pass), that it is
 * idempotent and never breaks a file (over every surface's twins and the real-world corpus), and
 * the line diff that turns its result into edits and into a unified diff.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyse } from '../../server/src/service';
import { autoFixOf, fixAll, isAutoFix, planFixPass } from '../../server/src/features/fix-all';
import { diffEdits, diffLines, splitLines, unifiedDiff } from '../../server/src/features/text-diff';
import { applyEdits } from '../../server/src/surfaces/apply-edits';
import { surfaces } from '../../server/src/surfaces';
import { generateJsonTemplate, generateYamlTemplate } from '../bench/generate';
import { corpusFiles } from '../support/corpus';
import { renderers, type Scenario } from '../support/scenario';

function doc(text: string, languageId = 'yaml') {
  return { uri: `file:///t.${languageId}`, languageId, text };
}

function ruleIds(text: string, languageId = 'yaml'): string[] {
  return analyse(doc(text, languageId))!.findings.map((f) => f.ruleId);
}

/** Fix-all ran to a stable end, and running it again changes nothing. */
function assertIdempotent(text: string, languageId: string, label: string): string {
  const once = fixAll(doc(text, languageId));
  assert.ok(once, `${label}: read`);
  assert.ok(once.stable || once.skipped !== undefined, `${label}: stable after ${once.passes} passes`);
  const twice = fixAll(doc(once.text, languageId))!;
  assert.equal(twice.text, once.text, `${label}: a second run changes nothing`);
  assert.deepEqual(twice.applied, []);
  return once.text;
}

const many: Scenario = {
  client: {
    AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthFlows: ['CODE'],
    AllowedOAuthScopes: ['openid', 'Email', 'email'],
    CallbackURLs: ['http://a.example.com/cb', 'https://a.example.com/#x'],
    ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'],
    EnableTokenRevocation: false,
  },
};

describe('fix-all', () => {
  it('takes only fixes marked unambiguous, and never one with a placeholder', () => {
    assert.equal(isAutoFix({ title: 't', changes: [{ kind: 'set', path: ['A'], value: 1 }], unambiguous: true }), true);
    assert.equal(isAutoFix({ title: 't', changes: [{ kind: 'set', path: ['A'], value: 1 }] }), false);
    assert.equal(isAutoFix({ title: 't', changes: [{ kind: 'insert', path: ['A'], value: 'x', placeholder: true }], unambiguous: true }), false);
    assert.equal(isAutoFix({ title: 't', changes: [], unambiguous: true }), false);
    const a = { title: 'a', changes: [{ kind: 'remove' as const, path: ['A'] }], unambiguous: true };
    const b = { ...a, title: 'b', isPreferred: true };
    assert.equal(autoFixOf({ fixes: [a, b] })?.title, 'b', 'the preferred one first');
    assert.equal(autoFixOf({ fixes: [{ ...a, unambiguous: false }] }), undefined);
  });

  for (const renderer of renderers) {
    it(`fixes the twins in ${renderer.id}, and a second run changes nothing`, () => {
      const rendered = renderer.render(many);
      const fixed = assertIdempotent(rendered.text, rendered.languageId, renderer.id);
      const left = ruleIds(fixed, rendered.languageId);
      for (const rule of ['invalid-enum-value', 'unknown-scope', 'duplicate-value', 'redirect-uri-invalid', 'auth-flows-missing-refresh', 'token-revocation-disabled', 'user-existence-errors-legacy']) {
        assert.ok(!left.includes(rule), `${rule} is fixed:\n${fixed}`);
      }
      assert.ok(left.includes('redirect-uri-insecure'), 'a fix needing a choice is left');
    });
  }

  it('defers the second of two fixes on one list to the next pass', () => {
    const rendered = renderers[0].render({ client: { ...many.client, AllowedOAuthScopes: ['openid', 'Email', 'Phone'] } });
    const analysis = analyse(doc(rendered.text))!;
    assert.equal(analysis.findings.filter((f) => f.ruleId === 'unknown-scope').length, 2);
    const pass = planFixPass(doc(rendered.text), analysis.surface.id, analysis.model, analysis.findings);
    const scopeFixes = pass.fixes.filter((p) => p.finding.ruleId === 'unknown-scope');
    assert.equal(scopeFixes.length, 1, 'one fix per list per pass');
    assert.equal(scopeFixes[0].fix.title, 'Change to email', 'the first in document order');
    assert.ok(pass.deferred >= 1);
    // The edits of one pass never overlap or touch.
    const spans = pass.edits.map((e) => e.span).sort((x, y) => x.start - y.start);
    for (let i = 1; i < spans.length; i++) assert.ok(spans[i].start > spans[i - 1].end, JSON.stringify(spans));
    const result = fixAll(doc(rendered.text))!;
    assert.ok(result.passes >= 2, `passes: ${result.passes}`);
    assert.ok(result.applied.some((a) => a.title === 'Change to phone' && a.pass === 2), JSON.stringify(result.applied));
    assert.match(result.text, /- openid\n\s+- email\n\s+- phone\n/);
  });

  it('leaves rules turned off and suppressed findings alone', () => {
    const text = renderers[0].render(many).text;
    const off = fixAll(doc(text), { rules: { 'token-revocation-disabled': 'off' } })!;
    assert.match(off.text, /EnableTokenRevocation: false/);
    assert.ok(!off.applied.some((a) => a.ruleId === 'token-revocation-disabled'));
    const suppressed = text.replace(/( *)EnableTokenRevocation: false/, '$1# cognito-client-disable-next-line token-revocation-disabled\n$1EnableTokenRevocation: false');
    assert.match(fixAll(doc(suppressed))!.text, /EnableTokenRevocation: false/);
  });

  it('does not apply a fix that trades a warning for an error', () => {
    // Turning OAuth on for a client with a callback URL but no flows or scopes would make Cognito reject it.
    const text = renderers[0].render({ client: { CallbackURLs: ['https://a.example.com/cb'], PreventUserExistenceErrors: 'ENABLED' } }).text;
    assert.ok(ruleIds(text).includes('oauth-requires-enabled-flag'));
    const result = fixAll(doc(text))!;
    assert.equal(result.text, text);
    assert.equal(result.stable, true);
  });

  it('leaves standard scopes on a client_credentials client that also has a user flow, and removes them once it is machine-only', () => {
    const client = { GenerateSecret: true, AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['client_credentials', 'code'], AllowedOAuthScopes: ['openid', 'orders/read'], PreventUserExistenceErrors: 'ENABLED' };
    for (const renderer of renderers) {
      const mixed = renderer.render({ client });
      const before = ruleIds(mixed.text, mixed.languageId);
      assert.ok(before.includes('client-credentials-exclusive') && before.includes('client-credentials-custom-scopes-only'), before.join());
      const result = fixAll(doc(mixed.text, mixed.languageId))!;
      assert.ok(!result.applied.some((a) => a.ruleId === 'client-credentials-custom-scopes-only' || a.ruleId === 'client-credentials-exclusive'), JSON.stringify(result.applied));
      assert.ok(ruleIds(result.text, mixed.languageId).includes('client-credentials-custom-scopes-only'), 'the choice is left to a person');

      // Once the person removes code, what is left is certain: openid goes.
      const machine = renderer.render({ client: { ...client, AllowedOAuthFlows: ['client_credentials'] } });
      const fixed = fixAll(doc(machine.text, machine.languageId))!;
      assert.ok(fixed.applied.some((a) => a.ruleId === 'client-credentials-custom-scopes-only'), JSON.stringify(fixed.applied));
      assert.ok(!ruleIds(fixed.text, machine.languageId).includes('client-credentials-custom-scopes-only'), fixed.text);
      assert.doesNotMatch(fixed.text, /openid/);
    }
  });

  it('does not rename a key onto one that is already written', () => {
    const text = renderers[0].render({ client: { CallbackUrls: ['https://b.example.com/'], CallbackURLs: ['https://a.example.com/'], PreventUserExistenceErrors: 'ENABLED' } }).text;
    assert.ok(ruleIds(text).includes('unknown-property'));
    assert.doesNotMatch(fixAll(doc(text))!.text, /CallbackURLs:[\s\S]*CallbackURLs:/);
  });

  it('does not touch a document with a syntax error', () => {
    const text = renderers[0].render(many).text + '  Broken: [\n';
    const result = fixAll(doc(text))!;
    assert.equal(result.text, text);
    assert.equal(result.skipped, 'the document has a syntax problem');
    assert.equal(fixAll(doc('plain text', 'plaintext')), undefined, 'no surface reads it');
  });

  for (const section of ['cloudformation-yaml', 'cloudformation-json']) {
    it(`is idempotent on the corpus (${section}) and never breaks a file`, (t) => {
      const { files, skip } = corpusFiles(section);
      if (skip) return t.skip(skip);
      const languageId = section.endsWith('json') ? 'json' : 'yaml';
      let changed = 0;
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        const before = analyse({ uri: 'file://' + file, languageId, text });
        if (!before) continue;
        const fixed = assertIdempotent(text, languageId, file);
        if (fixed === text) continue;
        changed++;
        const after = analyse({ uri: 'file://' + file, languageId, text: fixed })!;
        assert.ok(after.model.problems.length <= before.model.problems.length, `${file}: still parses`);
        assert.equal(after.model.context.resources.size, before.model.context.resources.size, `${file}: no resource lost`);
        assert.deepEqual(after.model.clients.map((c) => c.name), before.model.clients.map((c) => c.name), `${file}: every client kept`);
        const errors = (a: typeof before) => a.findings.filter((f) => f.severity === 'error').length;
        assert.ok(errors(after) <= errors(before), `${file}: no new error`);
        assert.equal(applyEdits(text, diffEdits(text, fixed)), fixed, `${file}: the diff edits reproduce the result`);
      }
      assert.ok(changed > 0, 'the corpus has something to fix');
    });
  }
});

describe('line diffs', () => {
  it('splits lines keeping their breaks', () => {
    assert.deepEqual(splitLines(''), []);
    assert.deepEqual(splitLines('a\r\nb\nc'), ['a\r\n', 'b\n', 'c']);
  });

  it('finds the smallest set of changed lines', () => {
    assert.deepEqual(diffLines(['a', 'b', 'c'], ['a', 'b', 'c']), []);
    assert.deepEqual(diffLines(['a', 'b', 'c'], ['a', 'x', 'c']), [{ a: 1, aEnd: 2, b: 1, bEnd: 2 }]);
    assert.deepEqual(diffLines(['a', 'c'], ['a', 'b', 'c']), [{ a: 1, aEnd: 1, b: 1, bEnd: 2 }]);
    assert.deepEqual(diffLines(['a', 'b', 'c', 'd', 'e'], ['b', 'c', 'x', 'e', 'f']), [
      { a: 0, aEnd: 1, b: 0, bEnd: 0 },
      { a: 3, aEnd: 4, b: 2, bEnd: 3 },
      { a: 5, aEnd: 5, b: 4, bEnd: 5 },
    ]);
  });

  it('turns a diff into small edits that reproduce the new text, whatever the change', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const words = ['alpha', 'beta', 'gamma', 'delta', '', '  indented', 'é ✓ 𝄞'];
    for (let round = 0; round < 200; round++) {
      const lines = Array.from({ length: random(12) }, () => words[random(words.length)]);
      const before = lines.join(random(2) ? '\n' : '\r\n') + (random(2) ? '\n' : '');
      const changed = [...lines];
      for (let k = random(4); k >= 0; k--) {
        const at = random(changed.length + 1);
        if (random(2)) changed.splice(at, 1);
        else changed.splice(at, 0, words[random(words.length)]);
      }
      const after = changed.join('\n') + (random(2) ? '\n' : '');
      assert.equal(applyEdits(before, diffEdits(before, after)), after, JSON.stringify([before, after]));
    }
    // One changed word in a long text gives one edit of that word.
    const long = Array.from({ length: 50 }, (_, i) => `line ${i}`).join('\n');
    assert.deepEqual(diffEdits(long, long.replace('line 25', 'line twenty-five')), [{ span: { start: long.indexOf('25'), end: long.indexOf('25') + 2 }, newText: 'twenty-five' }]);
  });

  it('never starts or ends an edit between the CR and the LF of a CRLF (an editor cannot place a position there)', () => {
    // Fuzz seed 7, document 36: a lone CR earlier in the file made the fix write a lone CR before
    // an existing CRLF; the edit began after that CRLF's CR, and in the editor the CR was lost.
    const cases: [string, string][] = [
      ['a:\r\nb: 1\r\n', 'a:\r  x: 1\r\nb: 1\r\n'],
      ['a:\r\nb: 1\r\n', 'a:\r\n  x: 1\nb: 1\r\n'],
      ['a: 1\r\n', 'a: 1\r'],
      ['a: 1\r\n', 'a: 1\rb\n'],
      ['x\r\n', 'y\r\n'],
    ];
    for (const [before, after] of cases) {
      const edits = diffEdits(before, after);
      assert.equal(applyEdits(before, edits), after, JSON.stringify([before, after]));
      for (const { span } of edits) {
        for (const at of [span.start, span.end]) assert.ok(!(before[at - 1] === '\r' && before[at] === '\n'), `${JSON.stringify([before, after])}: an edit boundary at ${at}`);
      }
      // Through LSP positions, as the editor applies them.
      const doc = TextDocument.create('file:///x.yaml', 'yaml', 1, before);
      const lsp = edits.map((e) => ({ range: { start: doc.positionAt(e.span.start), end: doc.positionAt(e.span.end) }, newText: e.newText }));
      assert.equal(TextDocument.applyEdits(doc, lsp), after, JSON.stringify([before, after]));
    }
  });

  it('writes a unified diff that patch applies', (t) => {
    const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'].join('\n') + '\n';
    const after = before.replace('b\n', 'B\n').replace('k\n', 'k\nk2\n');
    const diff = unifiedDiff('a/f.txt', 'b/f.txt', before, after);
    assert.equal(
      diff,
      ['--- a/f.txt', '+++ b/f.txt', '@@ -1,5 +1,5 @@', ' a', '-b', '+B', ' c', ' d', ' e', '@@ -9,4 +9,5 @@', ' i', ' j', ' k', '+k2', ' l', ''].join('\n'),
    );
    assert.equal(unifiedDiff('a', 'b', before, before), '');
    assert.match(unifiedDiff('a/x', 'b/x', 'one\ntwo', 'one\nthree'), /-two\n\\ No newline at end of file\n\+three\n\\ No newline at end of file\n$/);
    if (!existsSync('/usr/bin/patch')) return t.skip('patch is not installed');
    const dir = mkdtempSync(join(tmpdir(), 'cognito-diff-'));
    try {
      for (const [from, to] of [[before, after], ['x\r\ny\r\n', 'x\r\nz\r\n'], ['one\ntwo', 'one\nthree\n']]) {
        writeFileSync(join(dir, 'f.txt'), from);
        execFileSync('patch', ['-s', '-p1', '-d', dir], { input: unifiedDiff('a/f.txt', 'b/f.txt', from, to) });
        assert.equal(readFileSync(join(dir, 'f.txt'), 'utf8'), to);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('fix-all reads each text once', () => {
  // Each fix is checked on the document cut down to its client: the edit check and the rules check
  // read the same edited text, and the rules check before the fix runs on the reduction's own read.
  // Reading any text twice in one run is wasted work (it was five reads per fix, three of them repeats).
  /** Fix-all of a document, counting how often each text is read. */
  function countingReads(source: ReturnType<typeof doc>) {
    const start = analyse(source)!;
    const reads = new Map<string, number>();
    const patched = surfaces.map((s) => {
      const parse = s.parse;
      s.parse = (d) => {
        const key = `${s.id}\u0000${d.text}`;
        reads.set(key, (reads.get(key) ?? 0) + 1);
        return parse.call(s, d);
      };
      return () => (s.parse = parse);
    });
    try {
      return { result: fixAll(source, { start })!, reads };
    } finally {
      patched.forEach((restore) => restore());
    }
  }

  it('a template of one client and a 300 KB comment, checked whole: each text read once', () => {
    const text = ['Resources:', '  Client:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:', '      UserPoolId: pool', '      EnableTokenRevocation: false', `# ${'x'.repeat(300_000)}`, ''].join('\n');
    const { result, reads } = countingReads(doc(text));
    assert.ok(result.applied.length >= 1, `fixes applied: ${result.applied.length}`);
    // Each fix's edited text once for both its checks (it was twice), and the pass's result once
    // (for a pass of one fix, that is the fix's own text: read once in all, where it was three times).
    assert.ok([...reads.values()].every((n) => n === 1), JSON.stringify([...reads.values()]));
    assert.ok(reads.size <= result.applied.length + 1, `${reads.size} texts read for ${result.applied.length} fixes`);
  });

  for (const [languageId, generate] of [
    ['yaml', generateYamlTemplate],
    ['json', generateJsonTemplate],
  ] as const) {
    it(`a ${languageId} template with six clients`, () => {
      const { result, reads } = countingReads(doc(generate(6), languageId));
      assert.ok(result.applied.length >= 3, `fixes applied: ${result.applied.length}`);
      const twice = [...reads].filter(([, n]) => n > 1);
      assert.deepEqual(twice.map(([key]) => key.slice(0, 80)), []);
      // One read of each fix's reduction, one of each fix applied to it, one of the fixed whole.
      assert.ok(reads.size <= 2 * result.applied.length + 1, `${reads.size} reads for ${result.applied.length} fixes`);
    });
  }
});
