/**
 * The CodeLens feature over rendered scenarios of every surface (CloudFormation YAML / JSON,
 * Terraform HCL / JSON, SDK v3 TypeScript, SDK v2 JavaScript, CDK L1 in TypeScript and Python,
 * the API shape (a create request, a describe result),
 * boto3): the settings line with the
 * service's defaults applied and `?` for what cannot be told, the problem count from the findings
 * about that client (after suppressions and severity settings), and the commands with their
 * arguments.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeLens } from 'vscode-languageserver-types';
import { CLIENT_COMMANDS, clientLensText, getCodeLenses, problemsText, SERVER_COMMANDS, shortDuration } from '../../server/src/features/codelens';
import { rangeOf } from '../../server/src/features/diagnostics';
import { analyse, type Analysis } from '../../server/src/service';
import { loadGrammar } from '../../server/src/surfaces/tree-sitter';
import { renderers, type Rendered, type Renderer, type Scenario } from '../support/scenario';
import { javascriptRenderers } from '../support/scenario-sdk';
import { pythonRenderers } from '../support/scenario-sdk-python';
import { terraformHcl, terraformJson } from '../support/scenario-terraform';
import { loadCases } from '../editors/support';
import { apiRenderers } from '../support/scenario-api';
import * as fs from 'node:fs';

const ALL: Renderer[] = [...renderers, terraformHcl, terraformJson, ...javascriptRenderers, ...pythonRenderers, ...apiRenderers];

before(async () => {
  for (const g of ['terraform', 'typescript', 'javascript', 'tsx', 'python'] as const) assert.ok(await loadGrammar(g), `${g} grammar loads`);
});

function analysed(doc: Rendered, rules: Record<string, 'off' | 'error' | 'warning' | 'info'> = {}): { document: TextDocument; analysis: Analysis } {
  const uri = `file:///test/${doc.fileName}`;
  const analysis = analyse({ uri, languageId: doc.languageId, text: doc.text, siblings: [] }, { rules });
  assert.ok(analysis, `a surface reads ${doc.fileName}`);
  return { document: TextDocument.create(uri, doc.languageId, 1, doc.text), analysis };
}

function lenses(doc: Rendered, options = { clientCommands: false, countProblems: true }, rules = {}): { lenses: CodeLens[]; document: TextDocument; analysis: Analysis } {
  const { document, analysis } = analysed(doc, rules);
  return { lenses: getCodeLenses(document, analysis.model, analysis.findings, options), document, analysis };
}

const titles = (ls: CodeLens[]): string[] => ls.map((l) => l.command?.title ?? '');

/** A clean client: no problems, every setting the default. */
const PLAIN: Scenario = { client: { ClientName: 'web', EnableTokenRevocation: true, PreventUserExistenceErrors: 'ENABLED' } };
const PLAIN_TEXT = 'no OAuth · no secret · access 1 h · ID 1 h · refresh 30 d';

/** OAuth with the code and implicit grants, a secret, lifetimes in written units. */
const OAUTH: Scenario = {
  client: {
    ClientName: 'web',
    GenerateSecret: true,
    AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthFlows: ['code', 'implicit'],
    AllowedOAuthScopes: ['openid'],
    CallbackURLs: ['https://example.com/cb'],
    SupportedIdentityProviders: ['COGNITO'],
    AccessTokenValidity: 30,
    IdTokenValidity: 2,
    RefreshTokenValidity: 10,
    TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'hours', RefreshToken: 'days' },
    EnableTokenRevocation: true,
    PreventUserExistenceErrors: 'ENABLED',
  },
};
const OAUTH_TEXT = 'code + implicit · secret · access 30 min · ID 2 h · refresh 10 d';

describe('CodeLens text', () => {
  it('formats lifetimes shortly', () => {
    assert.deepEqual([3600, 86400 * 30, 5400, 300, 45, 90000].map(shortDuration), ['1 h', '30 d', '90 min', '5 min', '45 s', '25 h']);
    assert.deepEqual([0, 1, 2].map(problemsText), ['no problems', '1 problem', '2 problems']);
  });

  for (const r of ALL) {
    describe(r.id, () => {
      it('shows the defaults of a plain client and no problems', () => {
        const { lenses: ls, analysis } = lenses(r.render(PLAIN));
        assert.equal(analysis.model.clients.length, 1);
        assert.deepEqual(analysis.findings, [], 'the plain scenario is clean');
        assert.deepEqual(titles(ls), [PLAIN_TEXT, 'no problems']);
      });

      it('shows OAuth grants, the secret and written lifetimes, and counts the problems of the client', () => {
        const { lenses: ls, analysis, document } = lenses(r.render(OAUTH));
        assert.ok(analysis.findings.length > 0, 'the implicit grant is reported');
        assert.deepEqual(titles(ls), [OAUTH_TEXT, problemsText(analysis.findings.length)]);
        // The settings open the summary at the client's name; the count reveals the first problem.
        const def = analysis.model.clients[0];
        assert.deepEqual(ls[0].command?.command, SERVER_COMMANDS.showSummary);
        assert.deepEqual(ls[0].command?.arguments, [document.uri, document.positionAt(def.nameSpan.start)]);
        assert.deepEqual(ls[0].range, rangeOf(document, def.nameSpan));
        assert.deepEqual(ls[1].command?.command, SERVER_COMMANDS.revealProblem);
        const first = [...analysis.findings].sort((a, b) => a.span.start - b.span.start)[0];
        assert.deepEqual(ls[1].command?.arguments, [document.uri, rangeOf(document, first.span)]);
      });

      it('counts after severity settings: a rule turned off is not counted', () => {
        const all = lenses(r.render(OAUTH)).analysis.findings;
        const implicit = all.filter((f) => f.ruleId === 'implicit-flow-discouraged').length;
        assert.ok(implicit > 0);
        const { lenses: ls } = lenses(r.render(OAUTH), undefined, { 'implicit-flow-discouraged': 'off' });
        assert.equal(ls[1].command?.title, problemsText(all.length - implicit));
      });

      it('says "?" for what an intrinsic or variable decides', () => {
        const s: Scenario = {
          parameters: ['Flag', 'Minutes'],
          client: { ...PLAIN.client, AllowedOAuthFlowsUserPoolClient: { $ref: 'Flag' }, GenerateSecret: { $ref: 'Flag' }, AccessTokenValidity: { $ref: 'Minutes' } },
        };
        const { lenses: ls } = lenses(r.render(s));
        // API JSON holds only literals: the renderer leaves a dynamic value out, so the default shows
        if (r.id.startsWith('api-')) return assert.equal(ls[0].command?.title, PLAIN_TEXT);
        assert.equal(ls[0].command?.title, 'OAuth ? · secret ? · access ? · ID 1 h · refresh 30 d');
      });

      it('uses the client commands when the editor runs them, and leaves the count out when validation is off', () => {
        const { lenses: ls } = lenses(r.render(OAUTH), { clientCommands: true, countProblems: false });
        assert.deepEqual(titles(ls), [OAUTH_TEXT]);
        assert.equal(ls[0].command?.command, CLIENT_COMMANDS.showSummary);
      });
    });
  }
});

describe('CodeLens problem counts', () => {
  it('gives each client its own findings, including one made outside it (a stack output of its secret)', () => {
    const yaml = [
      'Resources:',
      '  UserPool:',
      '    Type: AWS::Cognito::UserPool',
      '  Good:',
      '    Type: AWS::Cognito::UserPoolClient',
      '    Properties:',
      '      UserPoolId: !Ref UserPool',
      '      GenerateSecret: true',
      '      EnableTokenRevocation: true',
      '      PreventUserExistenceErrors: ENABLED',
      '  Bad:',
      '    Type: AWS::Cognito::UserPoolClient',
      '    Properties:',
      '      UserPoolId: !Ref UserPool',
      '      AllowedOAuthFlowsUserPoolClient: true',
      '      AllowedOAuthFlows: [implicit]',
      '      AllowedOAuthScopes: [openid]',
      '      CallbackURLs: [https://example.com]',
      '      EnableTokenRevocation: true',
      '      PreventUserExistenceErrors: ENABLED',
      'Outputs:',
      '  Secret:',
      '    Value: !GetAtt Good.ClientSecret',
      '',
    ].join('\n');
    const { lenses: ls, analysis } = lenses({ fileName: 'template.yaml', languageId: 'yaml', text: yaml });
    const byRule = (name: string) => analysis.findings.filter((f) => analysis.model.clients[f.client!].name === name).map((f) => f.ruleId);
    assert.deepEqual(byRule('Good'), ['client-secret-output']);
    assert.ok(byRule('Bad').includes('implicit-flow-discouraged'));
    assert.deepEqual(titles(ls), ['no OAuth · secret · access 1 h · ID 1 h · refresh 30 d', '1 problem', 'implicit · no secret · access 1 h · ID 1 h · refresh 30 d', problemsText(byRule('Bad').length)]);
    // The output's finding is revealed where it is written, below the client.
    const output = analysis.findings.find((f) => f.ruleId === 'client-secret-output')!;
    assert.equal((ls[1].command?.arguments?.[1] as { start: { line: number } }).start.line, yaml.slice(0, output.span.start).split('\n').length - 1);
  });

  it('counts after suppressions', () => {
    const yaml = (suppress: boolean) =>
      [
        'Resources:',
        '  Client:',
        '    Type: AWS::Cognito::UserPoolClient',
        '    Properties:',
        '      UserPoolId: pool',
        ...(suppress ? ['      # cognito-client-disable-next-line token-revocation-disabled'] : []),
        '      EnableTokenRevocation: false',
        '      PreventUserExistenceErrors: ENABLED',
        '',
      ].join('\n');
    const open = lenses({ fileName: 't.yaml', languageId: 'yaml', text: yaml(false) });
    const shut = lenses({ fileName: 't.yaml', languageId: 'yaml', text: yaml(true) });
    assert.ok(open.analysis.findings.some((f) => f.ruleId === 'token-revocation-disabled'));
    assert.equal(shut.analysis.suppressed.length, 1);
    assert.equal(titles(open.lenses)[1], problemsText(open.analysis.findings.length));
    assert.equal(titles(shut.lenses)[1], problemsText(open.analysis.findings.length - 1));
  });

  it('says "settings ?" when the whole properties object is not literal', () => {
    const yaml = 'Parameters:\n  P:\n    Type: String\nResources:\n  Client:\n    Type: AWS::Cognito::UserPoolClient\n    Properties: !Ref P\n';
    const { lenses: ls } = lenses({ fileName: 't.yaml', languageId: 'yaml', text: yaml });
    assert.equal(ls[0].command?.title, 'settings ?');
  });

  it('reads an update call: the secret was decided at creation', () => {
    const ts = "import { UpdateUserPoolClientCommand } from '@aws-sdk/client-cognito-identity-provider';\nnew UpdateUserPoolClientCommand({ UserPoolId: 'p', ClientId: 'c', AccessTokenValidity: 2 });\n";
    const { lenses: ls } = lenses({ fileName: 'u.ts', languageId: 'typescript', text: ts });
    assert.match(ls[0].command?.title ?? '', /^no OAuth · secret \? · access 2 h · ID 1 h · refresh 30 d$/);
  });

  it('says "?" for everything a spread may set, even a number written after it (the spread may set its unit)', () => {
    const ts = "import { CreateUserPoolClientCommand } from '@aws-sdk/client-cognito-identity-provider';\ndeclare const defaults: object;\nnew CreateUserPoolClientCommand({ ...defaults, UserPoolId: 'p', ClientName: 'c', AccessTokenValidity: 2 });\n";
    const { lenses: ls } = lenses({ fileName: 's.ts', languageId: 'typescript', text: ts });
    assert.equal(ls[0].command?.title, 'OAuth ? · secret ? · access ? · ID ? · refresh ?');
  });

  it('reads a boto3 call in Python', () => {
    const py = "import boto3\ncognito = boto3.client('cognito-idp')\ncognito.create_user_pool_client(UserPoolId='p', ClientName='c', GenerateSecret=True, AccessTokenValidity=15, TokenValidityUnits={'AccessToken': 'minutes'})\n";
    const { lenses: ls, analysis } = lenses({ fileName: 'c.py', languageId: 'python', text: py });
    assert.equal(analysis.model.clients.length, 1);
    assert.equal(ls[0].command?.title, 'no OAuth · secret · access 15 min · ID 1 h · refresh 30 d');
  });
});

describe('clientLensText', () => {
  it('lists OAuth grants once each, in written order, and says when there are none', () => {
    const doc = terraformHcl.render({ client: { ClientName: 'x', AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['client_credentials'] } });
    const { analysis } = analysed(doc);
    assert.equal(clientLensText(analysis.model.clients[0]), 'client_credentials · no secret · access 1 h · ID 1 h · refresh 30 d');
    const none = analysed(cloudFormationYamlOf({ client: { AllowedOAuthFlowsUserPoolClient: true } })).analysis;
    assert.equal(clientLensText(none.model.clients[0]), 'OAuth, no flows · no secret · access 1 h · ID 1 h · refresh 30 d');
  });
});

function cloudFormationYamlOf(s: Scenario): Rendered {
  return renderers[0].render(s);
}

describe('the real-editor fixtures (test/editors/fixtures/cases.json)', () => {
  for (const c of loadCases()) {
    it(`${c.file}: the CodeLens the editors must show is the server's`, () => {
      const lens = c.codeLens;
      assert.ok(lens, `${c.file} has a codeLens case`);
      const text = fs.readFileSync(c.path, 'utf8');
      const { lenses: ls } = lenses({ fileName: c.file, languageId: c.languageId, text });
      assert.deepEqual(titles(ls), [lens.expect, lens.problems]);
      assert.equal(ls[0].range.start.line, lens.line, 'the lens sits on the line of `at`');
      const revealed = ls[1].command?.arguments?.[1] as { start: { line: number; character: number } };
      assert.deepEqual(revealed.start, { line: lens.firstProblem.line, character: lens.firstProblem.character });
      assert.ok(c.codes.includes(lens.firstProblem.code));
    });
  }
});
