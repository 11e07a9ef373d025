/**
 * Indefinite articles in messages, by the sound of the following word ("an AWS::S3::Bucket", "a
 * user pool"), and every message that builds "a X" from a variable: user-pool-reference (the type
 * of the resource referred to), token-outlives-refresh (the token), the write context of the shape
 * rules (the API call) and the hover summary (what a value is written as).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clientSummary } from '../../server/src/features/summary';
import { parseDocument } from '../../server/src/surfaces';
import { indefiniteArticle, withArticle } from '../../server/src/rules/util/articles';
import { contextLabel } from '../../server/src/rules/util/shape-text';
import { lintRendered } from '../support/harness';
import { renderers } from '../support/scenario';

describe('indefinite articles', () => {
  it('by sound: acronyms by their letters, silent h, vowels said as consonants, numbers', () => {
    const cases: [string, 'a' | 'an'][] = [
      ['AWS::S3::Bucket', 'an'],
      ['AWS::Cognito::UserPoolDomain', 'an'],
      ['Custom::Thing', 'a'],
      ['Alexa::ASK::Skill', 'an'],
      ['ID token', 'an'],
      ['access token', 'an'],
      ['refresh token', 'a'],
      ['S3 bucket', 'an'],
      ['HTTP URL', 'an'],
      ['URL', 'a'],
      ['URLs list', 'a'],
      ['JSON template', 'a'],
      ['SAML provider', 'a'],
      ['OIDC provider', 'an'],
      ['OAuth flow', 'an'],
      ['UpdateUserPoolClient', 'an'],
      ['CreateUserPoolClient', 'a'],
      ['user pool', 'a'],
      ['unknown value', 'an'],
      ['unique name', 'a'],
      ['one-time code', 'a'],
      ['hour', 'an'],
      ['honest mistake', 'an'],
      ['house', 'a'],
      ['8-hour window', 'an'],
      ['11', 'an'],
      ['18000', 'an'],
      ['110', 'a'],
      ['5-minute window', 'a'],
      ['object', 'an'],
      ['list', 'a'],
      ['`email`', 'an'],
      ['X', 'an'],
      ['', 'a'],
    ];
    for (const [phrase, article] of cases) assert.equal(indefiniteArticle(phrase), article, phrase);
    assert.equal(withArticle('AWS::S3::Bucket'), 'an AWS::S3::Bucket');
  });

  it('user-pool-reference: "which is an AWS::S3::Bucket"', () => {
    for (const renderer of renderers) {
      const doc = renderer.render({ resources: { Bucket: { role: 'other', properties: {} } }, client: { UserPoolId: { $ref: 'Bucket' } } });
      const [finding] = lintRendered(doc).findings.filter((f) => f.ruleId === 'user-pool-reference');
      assert.ok(finding, renderer.id);
      assert.match(finding.message, /Bucket, which is an AWS::S3::Bucket, not a user pool/, renderer.id);
    }
  });

  it('token-outlives-refresh: "an ID token", "an access token"', () => {
    const doc = renderers[0].render({ client: { RefreshTokenValidity: 1, IdTokenValidity: 2, AccessTokenValidity: 3, TokenValidityUnits: { RefreshToken: 'hours', IdToken: 'hours', AccessToken: 'hours' } } });
    const messages = lintRendered(doc).findings.filter((f) => f.ruleId === 'token-outlives-refresh').map((f) => f.message);
    assert.ok(messages.some((m) => m.includes('; an ID token should not outlive')), messages.join('\n'));
    assert.ok(messages.some((m) => m.includes('; an access token should not outlive')), messages.join('\n'));
  });

  it('the write context of the shape rules, and the hover summary of a value of the wrong kind', () => {
    assert.equal(contextLabel('create'), 'a CreateUserPoolClient call');
    assert.equal(contextLabel('update'), 'an UpdateUserPoolClient call');
    const text = 'Resources:\n  Client:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: p_1\n      AllowedOAuthFlows: {code: true}\n';
    const parsed = parseDocument({ uri: 'file:///t/t.yaml', languageId: 'yaml', text })!;
    const summary = clientSummary(parsed.model.clients[0], parsed.model.context);
    assert.match(summary, /OAuth grants \(`AllowedOAuthFlows`\): written as an object/);
  });
});
