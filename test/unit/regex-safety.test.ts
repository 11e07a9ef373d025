/**
 * Regular expressions over user text stay fast on hostile input: long runs of the characters the
 * server's patterns care about (spaces, tabs, line breaks, `#`, `&`, `${`, quotes, backslashes,
 * commas...), about 100 KB each, placed in a string value and on a
 * line of their own, in a client of every surface, then read, checked, hovered, completed at the
 * end of the run, and fixed. A case fails when it takes over 2 s (every feature together) *and*
 * over 8 times as long as the same case at a quarter of the size — the mark of backtracking that
 * grows quadratically or worse, not of a busy machine. The rewritten patterns are also checked
 * alone, against inputs that made their old form take seconds or more.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { formatText } from '../../server/src/cli/format-text';
import { doComplete } from '../../server/src/features/completion';
import { fixAll } from '../../server/src/features/fix-all';
import { doHover } from '../../server/src/features/hover';
import { analyse } from '../../server/src/service';
import { closingsAfterBreak, jsStyle } from '../../server/src/surfaces/sdk/edits-javascript';
import { code as pythonCode } from '../../server/src/surfaces/sdk/python-cdk-names';
import { loadGrammar } from '../../server/src/surfaces/tree-sitter';

/** How long one document may take, every feature together: far above linear, far below a blowup. */
const BOUND_MS = 2000;
const SIZE = 100_000;

/** The runs: what the patterns in server/src match on, and their usual failing ends. */
const UNITS = [' ', '\n', '#', '${', '"', ','];

/**
 * Blowups this test found that are not fixed yet (measured on the shared 2-core machine): listed as
 * `todo` so they stay visible without failing the run; see docs/threat-model.md.
 */
const KNOWN_SLOW: Record<string, string> = {};

interface Template {
  name: string;
  uri: string;
  languageId: string;
  /** `@@` is replaced by the run inside a string value, `%%` by the run in a comment, `!!` by the run on its own line. */
  text: string;
}

const TEMPLATES: Template[] = [
  {
    name: 'CloudFormation YAML',
    uri: 'file:///w/t.yaml',
    languageId: 'yaml',
    text: "Resources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n  Client:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: !Ref Pool\n      # %%\n      ClientName: '@@'\n      CallbackURLs: [http://a.example.com/cb]\n!!\n",
  },
  {
    name: 'CloudFormation JSON',
    uri: 'file:///w/t.json',
    languageId: 'json',
    text: '{"Resources": {"Pool": {"Type": "AWS::Cognito::UserPool"}, "Client": {"Type": "AWS::Cognito::UserPoolClient", "Properties": {"UserPoolId": {"Ref": "Pool"}, "ClientName": "@@", "CallbackURLs": ["http://a.example.com/cb"]\n!!\n}}}}\n',
  },
  {
    name: 'Terraform HCL',
    uri: 'file:///w/main.tf',
    languageId: 'terraform',
    text: 'resource "aws_cognito_user_pool_client" "c" {\n  # %%\n  name = "@@"\n  user_pool_id = aws_cognito_user_pool.p.id\n  callback_urls = ["http://a.example.com/cb"]\n!!\n}\n',
  },
  {
    name: 'Terraform JSON',
    uri: 'file:///w/main.tf.json',
    languageId: 'json',
    text: '{"resource": {"aws_cognito_user_pool_client": {"c": {"name": "@@", "user_pool_id": "x", "callback_urls": ["http://a.example.com/cb"]\n!!\n}}}}\n',
  },
  {
    name: 'SDK JavaScript',
    uri: 'file:///w/c.ts',
    languageId: 'typescript',
    text: "import { CreateUserPoolClientCommand } from '@aws-sdk/client-cognito-identity-provider';\n// %%\nnew CreateUserPoolClientCommand({ UserPoolId: 'p', ClientName: '@@', CallbackURLs: ['http://a.example.com/cb'] });\n!!\n",
  },
  {
    name: 'SDK Python',
    uri: 'file:///w/c.py',
    languageId: 'python',
    text: "import boto3\n# %%\nboto3.client('cognito-idp').create_user_pool_client(UserPoolId='p', ClientName='@@', CallbackURLs=['http://a.example.com/cb'])\n!!\n",
  },
  {
    name: 'CDK L2',
    uri: 'file:///w/stack.ts',
    languageId: 'typescript',
    text: "import * as cognito from 'aws-cdk-lib/aws-cognito';\n// %%\nnew cognito.UserPoolClient(this, 'C', { userPool: pool, userPoolClientName: '@@', oAuth: { callbackUrls: ['http://a.example.com/cb'] } });\n!!\n",
  },
];

const run = (unit: string, size = SIZE) => unit.repeat(Math.ceil(size / unit.length));

/**
 * Whether a case blew up: over the bound at 100 KB *and* growing much faster than the input from
 * 25 KB (linear work grows about 4 times, quadratic 16), so a slow shared machine alone cannot fail it.
 */
function blewUp(measure: (size: number) => number): { ms: number; growth: number; failed: boolean } {
  const ms = measure(SIZE);
  if (ms < BOUND_MS) return { ms, growth: 0, failed: false };
  const growth = ms / Math.max(1, measure(SIZE / 4));
  return { ms, growth, failed: growth > 8 };
}

/** Every feature over one document; how long it took. */
function exercise(uri: string, languageId: string, text: string): number {
  const started = performance.now();
  const analysis = analyse({ uri, languageId, text });
  if (analysis) {
    const document = TextDocument.create(uri, languageId, 1, text);
    // The end of the longest line, and a few places around the run.
    const offsets = [text.length - 3, Math.floor(text.length / 2)];
    for (const offset of offsets) {
      const position = document.positionAt(offset);
      doHover(document, analysis.model, position);
      doComplete(document, analysis.model, analysis.surface.id, position);
    }
    fixAll({ uri, languageId, text });
    formatText({
      files: [{ path: 'f', diagnostics: analysis.findings.map((f) => ({ rule: f.ruleId, severity: f.severity, message: f.message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, fixes: [] })) }],
    } as unknown as Parameters<typeof formatText>[0]);
  }
  return performance.now() - started;
}

describe('regular expressions on hostile input', () => {
  before(async () => {
    for (const g of ['terraform', 'typescript', 'tsx', 'javascript', 'python'] as const) assert.ok(await loadGrammar(g), g);
  });

  for (const template of TEMPLATES) {
    it(`${template.name}: ${UNITS.length} runs of ${SIZE / 1000} KB in a value and on a line of their own, none blowing up`, (t) => {
      let slowest = { ms: 0, what: '' };
      for (const unit of UNITS) {
        for (const [where, mark] of [['value', '@@'], ['line', '!!']] as const) {
          if (!template.text.includes(mark) || KNOWN_SLOW[`${template.name}|${JSON.stringify(unit)}|${where}`]) continue;
          const result = blewUp((size) => exercise(template.uri, template.languageId, template.text.replace(mark, () => run(unit, size)).replace(/@@|%%|!!/g, 'x')));
          if (process.env.REGEX_SAFETY_LOG) process.stderr.write(`${template.name} ${JSON.stringify(unit)} ${where} ${Math.round(result.ms)} ms x${result.growth.toFixed(1)}\n`);
          const what = `${JSON.stringify(unit)} in a ${where}`;
          if (result.ms > slowest.ms) slowest = { ms: result.ms, what };
          assert.ok(!result.failed, `${template.name}: ${what} took ${Math.round(result.ms)} ms, ${result.growth.toFixed(1)} times as long as a quarter of it`);
        }
      }
      t.diagnostic(`slowest: ${slowest.what}, ${Math.round(slowest.ms)} ms`);
    });
  }

  for (const [key, why] of Object.entries(KNOWN_SLOW)) it(`known slow, not fixed yet: ${key}`, { todo: why }, () => undefined);

  it('the rewritten patterns alone: a long run that made the old forms take seconds', () => {
    const time = (f: () => unknown) => {
      const started = performance.now();
      f();
      return performance.now() - started;
    };
    // A comment of 100,000 `#` between a tag and its value (the old pattern tried every split of it: exponential).
    const yaml = `Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: !Ref # ${'#'.repeat(100_000)}\n        Pool\n`;
    assert.ok(time(() => analyse({ uri: 'file:///w/t.yaml', languageId: 'yaml', text: yaml })) < BOUND_MS);
    // 100,000 `${` with no closing brace in a Sub string (the old pattern rescanned to the end from each: quadratic).
    const sub = `Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      ClientName: !Sub '${'${'.repeat(100_000)}'\n`;
    assert.ok(time(() => analyse({ uri: 'file:///w/t.yaml', languageId: 'yaml', text: sub })) < BOUND_MS);
    // A message with 100,000 tabs and no line break, in the CLI's text output (quadratic before).
    const report = { files: [{ path: 'f', diagnostics: [{ rule: 'r', severity: 'error', message: `a${'\t'.repeat(100_000)}b\n c`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, fixes: [] }] }] };
    let text = '';
    assert.ok(time(() => (text = formatText(report as unknown as Parameters<typeof formatText>[0]))) < BOUND_MS);
    assert.ok(text.endsWith(' c\n'), 'the line break and the spaces around it became one space');
  });

  it('the JavaScript style reader on a call holding 100 KB of line breaks grows linearly (it was quadratic: ~27 s)', () => {
    const measure = (size: number) => {
      const text = `new CreateUserPoolClientCommand({ ClientName: '${'\n'.repeat(size)}',\n  CallbackURLs: ['x'],\n});\n`;
      const started = performance.now();
      const style = jsStyle(text, { start: 0, end: text.length });
      assert.equal(style.trailingComma, true);
      return performance.now() - started;
    };
    // Over the bound at 100 KB alone passes; the growth from 25 KB is what a quadratic fails on.
    const result = blewUp(measure);
    assert.ok(!result.failed, `${Math.round(result.ms)} ms, ${result.growth.toFixed(1)} times as long as a quarter of it`);
    assert.ok(result.ms < BOUND_MS, `${Math.round(result.ms)} ms`);
  });

  it('completing a CDK value inside a 100 KB identifier grows linearly (it was quadratic: 16 s, fuzz seed 4242 index 55076)', (t) => {
    const cases = [
      {
        uri: 'file:///w/stack.ts',
        languageId: 'typescript',
        text: (run: string) => `import * as cdk from 'aws-cdk-lib';\nimport * as cognito from 'aws-cdk-lib/aws-cognito';\nnew cognito.UserPoolClient(this, 'C', {\n  userPool: pool,\n  accessTokenValidity: Dura${run}|\n});\n`,
      },
      {
        uri: 'file:///w/stack.py',
        languageId: 'python',
        // Also an import list opened on every line and never closed.
        text: (run: string) => `from aws_cdk import aws_cognito as cognito\n${'from aws_cdk import (\n'.repeat(run.length / 200)}cognito.UserPoolClient(self, "C", user_pool=pool, access_token_validity=Dura${run}|)\n`,
      },
    ];
    for (const c of cases) {
      let offered = 0;
      const result = blewUp((size) => {
        const marked = c.text('a'.repeat(size));
        const text = marked.replace('|', '');
        const analysis = analyse({ uri: c.uri, languageId: c.languageId, text })!;
        const document = TextDocument.create(c.uri, c.languageId, 1, text);
        const started = performance.now();
        offered = doComplete(document, analysis.model, analysis.surface.id, document.positionAt(marked.indexOf('|')))?.items.length ?? 0;
        return performance.now() - started;
      });
      t.diagnostic(`${c.languageId}: ${Math.round(result.ms)} ms, ${offered} items`);
      assert.ok(offered > 0, `${c.languageId}: completion offered nothing, so the value completion under test did not run`);
      assert.ok(!result.failed && result.ms < BOUND_MS, `${c.languageId}: ${Math.round(result.ms)} ms, ${result.growth.toFixed(1)} times as long as a quarter of it`);
    }
  });

  it('completing after a CDK call holding a 300 KB run of spaces stays fast (it was quadratic: 82 s on 500 KB, fuzz seed 4242 index 40647)', (t) => {
    // A call longer than the scan's 200 KB reads as still open after it, so the caret at the end
    // of the file stands where a new keyword argument would go, after the argument holding the run.
    const fixtures = join(__dirname, '..', '..', '..', 'test', 'editors', 'fixtures');
    const cases = [
      { uri: 'file:///w/stack.py', languageId: 'python', text: readFileSync(join(fixtures, 'stack.py'), 'utf8'), name: 'access_token_validity', split: 'access_token_'.length },
      { uri: 'file:///w/stack.ts', languageId: 'typescript', text: readFileSync(join(fixtures, 'stack.ts'), 'utf8'), name: 'accessTokenValidity', split: 'accessToken'.length },
    ];
    for (const c of cases) {
      assert.ok(c.text.includes(c.name), `${c.uri} still writes ${c.name}`);
      const text = c.text.replace(c.name, `${c.name.slice(0, c.split)}${' '.repeat(300_000)}${c.name.slice(c.split)}`);
      const analysis = analyse({ uri: c.uri, languageId: c.languageId, text })!;
      const document = TextDocument.create(c.uri, c.languageId, 1, text);
      const started = performance.now();
      const items = doComplete(document, analysis.model, analysis.surface.id, document.positionAt(text.length))?.items.length ?? 0;
      doComplete(document, analysis.model, analysis.surface.id, { line: document.positionAt(text.indexOf(c.name.slice(c.split))).line + 1, character: 12 });
      const ms = performance.now() - started;
      t.diagnostic(`${c.languageId}: ${Math.round(ms)} ms, ${items} items at the end`);
      if (c.languageId === 'python') assert.ok(items > 0, 'the keyword arguments are offered at the end (the path under test ran)');
      assert.ok(ms < BOUND_MS, `${c.languageId}: ${Math.round(ms)} ms`);
    }
  });

  it('Python text with strings and comments blanked: the same as the pattern it replaced, and linear on a 500 KB line of \\" (it was quadratic: 115 s, fuzz seed 4242 index 96466)', () => {
    const pattern = /#[^\n]*|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g;
    const old = (text: string) => text.replace(pattern, (m) => (m.startsWith('#') ? ' '.repeat(m.length) : m[0] + ' '.repeat(Math.max(0, m.length - 2)) + m[m.length - 1]));
    const alphabet = ['"', "'", '\\', '#', '\n', '\r', '\u2028', 'a', ' ', 'x'];
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 30_000; n++) {
      let text = '';
      for (let i = Math.floor(next() * 24); i > 0; i--) text += alphabet[Math.floor(next() * alphabet.length)];
      assert.equal(pythonCode(text), old(text), JSON.stringify(text));
    }
    const line = `x = 1\ny = ${'\\"'.repeat(250_000)} # tail\n'a' "b" # c\n`;
    const started = performance.now();
    const blanked = pythonCode(line);
    assert.ok(performance.now() - started < BOUND_MS);
    assert.equal(blanked.length, line.length);
    // The run never closes a string, so `# tail` is a comment; then a string of each kind and a comment.
    assert.ok(blanked.endsWith(`"       \n' ' " "    \n`), JSON.stringify(blanked.slice(-20)));
  });

  it('the linear count of closing brackets after a line break gives what the three patterns it replaced give', () => {
    const patterns = { any: /\n\s*[}\]]/g, comma: /,\s*\n\s*[}\]]/g, other: /[^,\s{[]\s*\n\s*[}\]]/g } as const;
    const alphabet = ['\n', ' ', '\t', '\r', '\u00a0', '\u2028', '}', ']', ',', '{', '[', 'x', "'"];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 20_000; n++) {
      let s = '';
      for (let i = Math.floor(next() * 14); i > 0; i--) s += alphabet[Math.floor(next() * alphabet.length)];
      for (const [before, re] of Object.entries(patterns) as ['any' | 'comma' | 'other', RegExp][]) {
        assert.equal(closingsAfterBreak(s, before), (s.match(re) ?? []).length, `${before} on ${JSON.stringify(s)}`);
      }
    }
  });

  it('the whole document one run, under every language id', (t) => {
    let slowest = 0;
    for (const unit of [' ', '#', '${', '"']) {
      for (const [uri, languageId] of [['file:///w/t.yaml', 'yaml'], ['file:///w/t.json', 'json'], ['file:///w/main.tf', 'terraform'], ['file:///w/c.ts', 'typescript'], ['file:///w/c.py', 'python']]) {
        const result = blewUp((size) => exercise(uri, languageId, run(unit, size)));
        slowest = Math.max(slowest, result.ms);
        assert.ok(!result.failed, `${languageId}: ${JSON.stringify(unit)} took ${Math.round(result.ms)} ms, ${result.growth.toFixed(1)} times a quarter of it`);
      }
    }
    t.diagnostic(`slowest ${Math.round(slowest)} ms`);
  });
});
