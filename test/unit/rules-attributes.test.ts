/**
 * The attribute rules: unknown-attribute and write-attribute-not-readable, plus the name matching
 * behind unknown-attribute's fix. Every case runs over every surface renderer.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../server/src/rules/types';
import { classifyAttribute, closestNames, editDistance, normaliseName, standardAttributes } from '../../server/src/rules/util/attribute-names';
import { lintRendered, ruleTests } from '../support/harness';
import { renderers, type Scenario } from '../support/scenario';

ruleTests({
  rule: 'unknown-attribute',
  fires: [
    { name: 'a camel-cased standard name', scenario: { client: { ReadAttributes: ['email', 'emailVerified'] } }, at: 'emailVerified', count: 1, severity: 'warning' },
    { name: 'a shortened name in WriteAttributes', scenario: { client: { WriteAttributes: ['phone'] } }, at: 'phone', count: 1, severity: 'warning' },
    { name: 'a custom attribute without its prefix', scenario: { client: { ReadAttributes: ['tenant_id', 'email'] } }, at: 'tenant_id', count: 1 },
    { name: 'another prefix is advice only', scenario: { client: { ReadAttributes: ['oidc:profile'] } }, at: 'oidc:profile', count: 1, severity: 'info' },
    { name: 'custom: with no name', scenario: { client: { ReadAttributes: ['email', 'custom:'] } }, at: 'custom:', count: 1, severity: 'warning' },
    { name: 'dev: with no name', scenario: { client: { WriteAttributes: ['dev:', 'email'] } }, at: 'dev:', count: 1, severity: 'warning' },
    {
      name: 'known items are checked next to an unknown one',
      scenario: { parameters: ['ExtraAttr'], client: { WriteAttributes: [{ $ref: 'ExtraAttr' }, 'familyname'] } },
      at: 'familyname',
      count: 1,
    },
  ],
  clean: [
    {
      name: 'standard, custom: and dev: names',
      scenario: { client: { ReadAttributes: ['email', 'email_verified', 'phone_number', 'custom:tenant', 'dev:trace', 'updated_at'], WriteAttributes: ['email', 'custom:tenant'] } },
    },
    { name: 'identities is accepted', scenario: { client: { ReadAttributes: ['identities', 'sub'] } } },
    { name: 'empty lists', scenario: { client: { ReadAttributes: [], WriteAttributes: [] } } },
  ],
  unknown: [
    { name: 'the item is a parameter', scenario: { parameters: ['Attr'], client: { ReadAttributes: [{ $ref: 'Attr' }] } } },
    { name: 'the item is a substitution', scenario: { client: { WriteAttributes: [{ $sub: '${AWS::StackName}_id' }] } } },
    { name: 'the whole list is a parameter', scenario: { parameters: ['Attrs'], client: { ReadAttributes: { $ref: 'Attrs' } } } },
  ],
});

ruleTests({
  rule: 'write-attribute-not-readable',
  fires: [
    {
      name: 'a written attribute missing from ReadAttributes',
      scenario: { client: { ReadAttributes: ['email', 'name'], WriteAttributes: ['email', 'given_name'] } },
      at: 'given_name',
      count: 1,
      severity: 'info',
    },
    {
      name: 'a custom attribute written but not read',
      scenario: { client: { ReadAttributes: ['email'], WriteAttributes: ['custom:tenant', 'custom:tenant'] } },
      at: 'custom:tenant',
      count: 1,
    },
  ],
  clean: [
    { name: 'no ReadAttributes: everything is readable', scenario: { client: { WriteAttributes: ['email', 'given_name'] } } },
    { name: 'every written attribute is read', scenario: { client: { ReadAttributes: ['email', 'given_name', 'name'], WriteAttributes: ['given_name', 'email'] } } },
    { name: 'an empty ReadAttributes list', scenario: { client: { ReadAttributes: [], WriteAttributes: ['email'] } } },
  ],
  unknown: [
    { name: 'an unknown read item might be the one', scenario: { parameters: ['ExtraAttr'], client: { ReadAttributes: ['email', { $ref: 'ExtraAttr' }], WriteAttributes: ['email', 'given_name'] } } },
    { name: 'ReadAttributes is a parameter', scenario: { parameters: ['ReadList'], client: { ReadAttributes: { $ref: 'ReadList' }, WriteAttributes: ['given_name'] } } },
    { name: 'the written item is a substitution', scenario: { client: { ReadAttributes: ['email'], WriteAttributes: [{ $sub: 'custom:${AWS::StackName}' }] } } },
  ],
});

function findingsFor(scenario: Scenario, rule: string): { renderer: string; findings: Finding[] }[] {
  return renderers.map((r) => ({ renderer: r.id, findings: lintRendered(r.render(scenario)).findings.filter((f) => f.ruleId === rule) }));
}

describe('attribute names', () => {
  it('the standard attributes come from the schema vocabulary', () => {
    const standard = standardAttributes();
    for (const name of ['email', 'email_verified', 'phone_number', 'given_name', 'family_name', 'sub', 'updated_at']) {
      assert.ok(standard.includes(name), `${name} in standardAttributes`);
    }
  });

  it('classifies prefixes', () => {
    const standard = ['email'];
    assert.equal(classifyAttribute('email', standard), 'valid');
    assert.equal(classifyAttribute('custom:x', standard), 'valid');
    assert.equal(classifyAttribute('dev:x', standard), 'valid');
    assert.equal(classifyAttribute('oidc:profile', standard), 'otherPrefix');
    assert.equal(classifyAttribute('Email', standard), 'unknown');
    assert.equal(classifyAttribute('custom', standard), 'unknown');
    assert.equal(classifyAttribute('custom:', standard), 'emptyName');
    assert.equal(classifyAttribute('dev: ', standard), 'emptyName');
  });

  it('normalises case and separators, counts transpositions as one edit', () => {
    assert.equal(normaliseName('Email-Verified'), 'emailverified');
    assert.equal(editDistance('emial', 'email'), 1);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('kitten', 'sitting'), 3);
  });

  it('finds the closest standard names', () => {
    const standard = ['email', 'email_verified', 'phone_number', 'phone_number_verified', 'family_name', 'given_name', 'name', 'nickname'];
    assert.deepEqual(closestNames('emailVerified', standard), [{ value: 'email_verified', exact: true }]);
    assert.deepEqual(closestNames('phone', standard)[0], { value: 'phone_number', exact: false });
    assert.deepEqual(closestNames('emial', standard)[0], { value: 'email', exact: false });
    assert.deepEqual(closestNames('familyname', standard), [{ value: 'family_name', exact: true }]);
    assert.deepEqual(closestNames('zzzzzz', standard), []);
  });
});

describe('unknown-attribute fixes', () => {
  it('offers the closest standard name; an exact match up to case and separators is unambiguous', () => {
    for (const { renderer, findings } of findingsFor({ client: { ReadAttributes: ['email', 'emailVerified'] } }, 'unknown-attribute')) {
      assert.deepEqual(findings[0].fixes, [{
        title: 'Change to email_verified',
        changes: [{ kind: 'replaceItem', path: ['ReadAttributes'], index: 1, value: 'email_verified' }],
        isPreferred: true,
        unambiguous: true,
      }], renderer);
    }
  });

  it('phone suggests phone_number first, and is not applied automatically', () => {
    for (const { findings } of findingsFor({ client: { WriteAttributes: ['phone'] } }, 'unknown-attribute')) {
      const fixes = findings[0].fixes ?? [];
      assert.deepEqual(fixes[0].changes, [{ kind: 'replaceItem', path: ['WriteAttributes'], index: 0, value: 'phone_number' }]);
      assert.equal(fixes[0].isPreferred, true);
      assert.ok(fixes.every((f) => f.unambiguous !== true));
      assert.match(findings[0].message, /phone_number/);
    }
  });

  it('removes the entry when the suggested name is already listed', () => {
    for (const { findings } of findingsFor({ client: { ReadAttributes: ['email_verified', 'EmailVerified'] } }, 'unknown-attribute')) {
      assert.deepEqual(findings[0].fixes?.[0].changes, [{ kind: 'removeItem', path: ['ReadAttributes'], index: 1 }]);
    }
  });

  it('custom: with no name: the pool\'s custom attributes not yet listed, or removing it', () => {
    const schema = [{ Name: 'department', AttributeDataType: 'String', Mutable: true }, { Name: 'team', AttributeDataType: 'String', Mutable: true }];
    const scenario: Scenario = {
      resources: { UserPool: { role: 'userPool', properties: { UserPoolName: 'pool', Schema: schema as unknown as string[] } } },
      client: { ReadAttributes: ['custom:team', 'custom:'] },
    };
    for (const { renderer, findings } of findingsFor(scenario, 'unknown-attribute')) {
      assert.equal(findings.length, 1, renderer);
      assert.match(findings[0].message, /^custom: in ReadAttributes has no attribute name after the prefix; write custom:<name>/i, renderer);
      assert.deepEqual(findings[0].fixes, [
        { title: 'Change to custom:department', changes: [{ kind: 'replaceItem', path: ['ReadAttributes'], index: 1, value: 'custom:department' }], isPreferred: true },
        { title: 'Remove custom:', changes: [{ kind: 'removeItem', path: ['ReadAttributes'], index: 1 }], isPreferred: false },
      ], renderer);
    }
    for (const { findings } of findingsFor({ client: { ReadAttributes: ['custom:'] } }, 'unknown-attribute')) {
      assert.deepEqual(findings[0].fixes, [{ title: 'Remove custom:', changes: [{ kind: 'removeItem', path: ['ReadAttributes'], index: 0 }], isPreferred: true }]);
    }
    // Not reported twice: custom-attribute-undeclared leaves the empty name to this rule.
    for (const { findings } of findingsFor(scenario, 'custom-attribute-undeclared')) assert.deepEqual(findings, []);
  });

  it('another prefix gets no fix', () => {
    for (const { findings } of findingsFor({ client: { ReadAttributes: ['oidc:profile'] } }, 'unknown-attribute')) {
      assert.equal(findings[0].fixes, undefined);
    }
  });
});

describe('write-attribute-not-readable fix', () => {
  it('adds the attribute to ReadAttributes', () => {
    for (const { findings } of findingsFor({ client: { ReadAttributes: ['email'], WriteAttributes: ['given_name'] } }, 'write-attribute-not-readable')) {
      assert.deepEqual(findings[0].fixes?.[0].changes, [{ kind: 'addItem', path: ['ReadAttributes'], value: 'given_name' }]);
      assert.match(findings[0].message, /ReadAttributes/);
    }
  });
});

ruleTests({
  rule: 'privileged-attribute-writable',
  fires: [
    {
      name: 'tenant and role claims writable by the user',
      scenario: { client: { ReadAttributes: ['email', 'custom:tenantId', 'custom:userRole'], WriteAttributes: ['email', 'custom:tenantId', 'custom:userRole'] } },
      at: 'custom:tenantId',
      count: 2,
      severity: 'warning',
    },
    { name: 'snake_case plan tier', scenario: { client: { WriteAttributes: ['custom:plan_tier'] } }, at: 'custom:plan_tier', count: 1 },
    { name: 'kebab-case tenant id', scenario: { client: { WriteAttributes: ['email', 'custom:tenant-id'] } }, at: 'custom:tenant-id', count: 1 },
    { name: 'one word among others, any case', scenario: { client: { WriteAttributes: ['custom:billing.ADMIN.flag'] } }, at: 'custom:billing.ADMIN.flag', count: 1 },
  ],
  clean: [
    { name: 'ordinary custom attributes', scenario: { client: { WriteAttributes: ['email', 'custom:nickname_color', 'custom:planet', 'custom:explanation'] } } },
    // The words are whole words: kebab-case splits on the hyphen, not inside a word.
    { name: 'a privileged word only inside another word', scenario: { client: { WriteAttributes: ['custom:contenant-id', 'custom:roleplay-name', 'custom:explanation'] } } },
    { name: 'a privileged name that is not a custom attribute', scenario: { client: { WriteAttributes: ['tenant_id', 'dev:role'] } } },
    { name: 'privileged attributes only readable', scenario: { client: { ReadAttributes: ['custom:tenantId', 'custom:role'], WriteAttributes: ['email'] } } },
    { name: 'standard attributes only', scenario: { client: { WriteAttributes: ['email', 'name', 'zoneinfo'] } } },
  ],
  unknown: [
    { name: 'the item is a parameter', scenario: { parameters: ['Attr'], client: { WriteAttributes: [{ $ref: 'Attr' }] } } },
    { name: 'the whole list is a parameter', scenario: { parameters: ['Attrs'], client: { WriteAttributes: { $ref: 'Attrs' } } } },
  ],
});
