/**
 * Token lifetimes: the duration util the hover feature shares, and the three token rules, as
 * table cases over every surface renderer (ruleTests) and as direct checks on hand-built
 * definitions for surfaces without a parser yet and for the exact fix contents.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { unitsThatFit } from '../../server/src/rules/token-validity-range';
import {
  describeReading,
  effectiveDuration,
  effectiveOrDefaultDuration,
  formatAmount,
  formatDuration,
  formatRange,
  TOKEN_UNITS_PROPERTY,
  tokenProperties,
  tokenProperty,
} from '../../server/src/rules/util/duration';
import { propertySchema, SECONDS_PER_UNIT } from '../../server/src/schema';
import { build, run, severityFor } from '../support/model-builder';
import { lintRendered, ruleTests } from '../support/harness';
import { cloudFormationYaml } from '../support/scenario';

// ---------- the duration util ----------

describe('duration util', () => {
  it('formats durations in the largest unit they fill, with "about" when rounded', () => {
    assert.equal(formatDuration(60 * 3600), '2.5 days');
    assert.equal(formatDuration(86400), '1 day');
    assert.equal(formatDuration(300), '5 minutes');
    assert.equal(formatDuration(30 * 86400), '30 days');
    assert.equal(formatDuration(315360000), '10 years');
    assert.equal(formatDuration(3600), '1 hour');
    assert.equal(formatDuration(90), '1.5 minutes');
    assert.equal(formatDuration(59), '59 seconds');
    assert.equal(formatDuration(1), '1 second');
    assert.equal(formatDuration(0), '0 seconds');
    assert.equal(formatDuration(25 * 3600), 'just over 1 day');
    assert.equal(formatDuration(36 * 3600), '1.5 days');
    assert.equal(formatDuration(3651 * 3600), 'about 152 days');
    assert.equal(formatDuration(100 * 60), 'about 1.7 hours');
    assert.equal(formatDuration(400 * 86400), 'about 1.1 years');
    assert.equal(formatDuration(1.5 * 365 * 86400), '1.5 years');
    assert.equal(formatDuration(3651 * 86400), 'just over 10 years', 'not "about 10 years", which would read as in range');
    assert.equal(formatDuration(86401), 'just over 1 day');
    assert.equal(formatDuration(86399), 'just under 24 hours');
  });

  it('formats a number of a unit, singular for one', () => {
    assert.equal(formatAmount(1, 'hours'), '1 hour');
    assert.equal(formatAmount(3651, 'hours'), '3651 hours');
    assert.equal(formatAmount(0, 'days'), '0 days');
  });

  it('formats the ranges from the schema', () => {
    assert.equal(formatRange(propertySchema(['AccessTokenValidity'])!.duration!), '5 minutes to 1 day');
    assert.equal(formatRange(propertySchema(['IdTokenValidity'])!.duration!), '5 minutes to 1 day');
    assert.equal(formatRange(propertySchema(['RefreshTokenValidity'])!.duration!), '1 hour to 10 years');
  });

  it('the schema has the three token lifetimes, each with a default and a unit member of TokenValidityUnits', () => {
    assert.deepEqual(tokenProperties().map((t) => t.canonical).sort(), ['AccessTokenValidity', 'IdTokenValidity', 'RefreshTokenValidity']);
    for (const t of tokenProperties()) {
      assert.equal(typeof t.schema.default, 'number', t.canonical);
      const unit = propertySchema([TOKEN_UNITS_PROPERTY, t.spec.unitMember]);
      assert.ok(unit, `${TOKEN_UNITS_PROPERTY}.${t.spec.unitMember} exists`);
      assert.deepEqual(unit.enum?.map((e) => e.value).sort(), Object.keys(SECONDS_PER_UNIT).sort());
      assert.equal(unit.default, t.spec.defaultUnit);
    }
    assert.equal(tokenProperty('RefreshToken')?.canonical, 'RefreshTokenValidity');
  });

  it('applies the default unit when TokenValidityUnits or its member is absent', () => {
    assert.deepEqual(effectiveDuration(build({ AccessTokenValidity: 60 }).def, 'AccessTokenValidity'), { value: 60, unit: 'hours', unitIsDefault: true, seconds: 216000 });
    assert.deepEqual(effectiveDuration(build({ AccessTokenValidity: 60, TokenValidityUnits: { IdToken: 'minutes' } }).def, 'AccessTokenValidity'), { value: 60, unit: 'hours', unitIsDefault: true, seconds: 216000 });
    assert.deepEqual(effectiveDuration(build({ RefreshTokenValidity: 30 }).def, 'RefreshTokenValidity'), { value: 30, unit: 'days', unitIsDefault: true, seconds: 30 * 86400 });
  });

  it('applies the written unit, also from a Terraform block given as a one-item list', () => {
    assert.deepEqual(effectiveDuration(build({ AccessTokenValidity: 60, TokenValidityUnits: { AccessToken: 'minutes' } }).def, 'AccessTokenValidity'), { value: 60, unit: 'minutes', unitIsDefault: false, seconds: 3600 });
    const tf = build({ id_token_validity: 10, token_validity_units: [{ id_token: 'minutes' }] }, { surface: 'terraform' });
    assert.equal(effectiveDuration(tf.def, 'IdTokenValidity')?.seconds, 600);
  });

  it('reads quoted numbers only where the engine converts them', () => {
    assert.equal(effectiveDuration(build({ AccessTokenValidity: '2' }).def, 'AccessTokenValidity')?.seconds, 7200);
    assert.equal(effectiveDuration(build({ AccessTokenValidity: '2' }, { surface: 'sdk' }).def, 'AccessTokenValidity'), undefined);
  });

  it('is undefined for absent, unknown or invalid numbers and units', () => {
    assert.equal(effectiveDuration(build({}).def, 'AccessTokenValidity'), undefined);
    assert.equal(effectiveDuration(build({ AccessTokenValidity: { $ref: 'X' } }).def, 'AccessTokenValidity'), undefined);
    assert.equal(effectiveDuration(build({ AccessTokenValidity: 5, TokenValidityUnits: { $ref: 'U' } }).def, 'AccessTokenValidity'), undefined);
    assert.equal(effectiveDuration(build({ AccessTokenValidity: 5, TokenValidityUnits: { AccessToken: { $ref: 'U' } } }).def, 'AccessTokenValidity'), undefined);
    assert.equal(effectiveDuration(build({ AccessTokenValidity: 5, TokenValidityUnits: { AccessToken: 'Hours' } }).def, 'AccessTokenValidity'), undefined);
    assert.equal(effectiveDuration(build({ ClientName: 'x' }).def, 'ClientName'), undefined);
  });

  it('plain durations use their schema unit (AuthSessionValidity, RetryGracePeriodSeconds)', () => {
    assert.deepEqual(effectiveDuration(build({ AuthSessionValidity: 5 }).def, 'AuthSessionValidity'), { value: 5, unit: 'minutes', unitIsDefault: false, seconds: 300 });
    assert.equal(effectiveDuration(build({ RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 30 } }).def, ['RefreshTokenRotation', 'RetryGracePeriodSeconds'])?.seconds, 30);
  });

  it('an absent number is the default lifetime whatever unit is chosen', () => {
    const d = effectiveOrDefaultDuration(build({ TokenValidityUnits: { AccessToken: 'minutes' } }).def, 'AccessTokenValidity');
    assert.deepEqual(d, { value: 1, unit: 'hours', unitIsDefault: true, seconds: 3600, valueIsDefault: true });
    assert.equal(effectiveOrDefaultDuration(build({}).def, 'RefreshTokenValidity')?.seconds, 30 * 86400);
    assert.equal(effectiveOrDefaultDuration(build({ RefreshTokenValidity: { $ref: 'X' } }).def, 'RefreshTokenValidity'), undefined);
  });

  it('describes how a number is read', () => {
    assert.equal(describeReading({ value: 60, unit: 'hours', unitIsDefault: true, seconds: 216000 }), '60 in hours (the default unit)');
    assert.equal(describeReading({ value: 5, unit: 'minutes', unitIsDefault: false, seconds: 300 }), '5 in minutes');
  });
});

// ---------- the rules over every surface renderer ----------

ruleTests({
  rule: 'token-validity-range',
  fires: [
    { name: '60 with no unit is 60 hours', scenario: { client: { AccessTokenValidity: 60 } }, at: '60', count: 1 },
    { name: 'a unit that makes the number too small', scenario: { client: { IdTokenValidity: 2, TokenValidityUnits: { IdToken: 'minutes' } } }, at: '2' },
    { name: 'a refresh token longer than 10 years', scenario: { client: { RefreshTokenValidity: 3651 } }, at: '3651' },
    { name: 'a refresh token shorter than an hour', scenario: { client: { RefreshTokenValidity: 30, TokenValidityUnits: { RefreshToken: 'minutes' } } }, at: '30' },
    { name: 'a quoted number (the engine converts it)', scenario: { client: { AccessTokenValidity: '25' } }, at: '25' },
  ],
  clean: [
    { name: 'lifetimes within range', scenario: { client: { AccessTokenValidity: 60, IdTokenValidity: 1, RefreshTokenValidity: 3650, TokenValidityUnits: { AccessToken: 'minutes' } } } },
    { name: 'the bounds themselves', scenario: { client: { AccessTokenValidity: 5, IdTokenValidity: 86400, RefreshTokenValidity: 60, TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'seconds', RefreshToken: 'minutes' } } } },
    { name: 'a raw number out of range is out-of-range’s', scenario: { client: { AccessTokenValidity: 100000 } } },
    { name: 'refresh 0 is refresh-token-validity-zero’s', scenario: { client: { RefreshTokenValidity: 0 } } },
  ],
  unknown: [
    { name: 'an unknown number', scenario: { parameters: ['Hours'], client: { AccessTokenValidity: { $ref: 'Hours' } } } },
    { name: 'an unknown unit', scenario: { parameters: ['Unit'], client: { AccessTokenValidity: 60, TokenValidityUnits: { AccessToken: { $ref: 'Unit' } } } } },
    { name: 'unknown units as a whole', scenario: { parameters: ['Units'], client: { AccessTokenValidity: 60, TokenValidityUnits: { $ref: 'Units' } } } },
  ],
});

ruleTests({
  rule: 'refresh-token-validity-zero',
  fires: [
    { name: 'RefreshTokenValidity 0 in a template', scenario: { client: { RefreshTokenValidity: 0 } }, at: '0', count: 1, severity: 'error' },
    { name: 'a quoted 0', scenario: { client: { RefreshTokenValidity: '0', TokenValidityUnits: { RefreshToken: 'hours' } } }, at: '0', severity: 'error' },
  ],
  clean: [
    { name: 'a positive refresh lifetime', scenario: { client: { RefreshTokenValidity: 1 } } },
    { name: 'no refresh lifetime', scenario: { client: { ClientName: 'web' } } },
  ],
  unknown: [
    { name: 'an unknown refresh lifetime', scenario: { parameters: ['Days'], client: { RefreshTokenValidity: { $ref: 'Days' } } } },
  ],
});

ruleTests({
  rule: 'token-outlives-refresh',
  fires: [
    { name: 'an access token of a day, a refresh token of 12 hours', scenario: { client: { AccessTokenValidity: 24, RefreshTokenValidity: 12, TokenValidityUnits: { RefreshToken: 'hours' } } }, at: '24', count: 1, severity: 'warning' },
    { name: 'an ID token in days against a refresh token in hours', scenario: { client: { IdTokenValidity: 1, RefreshTokenValidity: 5, TokenValidityUnits: { IdToken: 'days', RefreshToken: 'hours' } } }, at: '1' },
  ],
  clean: [
    { name: 'defaults (1 hour, 1 hour, 30 days)', scenario: { client: { ClientName: 'web' } } },
    { name: 'equal lifetimes', scenario: { client: { AccessTokenValidity: 60, RefreshTokenValidity: 1, TokenValidityUnits: { AccessToken: 'minutes', RefreshToken: 'hours' } } } },
    { name: 'an access token out of its own range is token-validity-range’s', scenario: { client: { AccessTokenValidity: 60, RefreshTokenValidity: 2, TokenValidityUnits: { RefreshToken: 'hours' } } } },
  ],
  unknown: [
    { name: 'an unknown refresh lifetime', scenario: { parameters: ['Hours'], client: { AccessTokenValidity: 24, RefreshTokenValidity: { $ref: 'Hours' }, TokenValidityUnits: { RefreshToken: 'hours' } } } },
    { name: 'an unknown refresh unit', scenario: { parameters: ['Unit'], client: { AccessTokenValidity: 24, RefreshTokenValidity: 12, TokenValidityUnits: { RefreshToken: { $ref: 'Unit' } } } } },
  ],
});

// ---------- direct checks: messages and fixes ----------

describe('token-validity-range (direct)', () => {
  it('shows the arithmetic, and prefers setting the unit that makes the number valid', () => {
    const [f, ...rest] = run('token-validity-range', build({ AccessTokenValidity: 60 }));
    assert.equal(rest.length, 0);
    assert.equal(f.at, '60');
    assert.ok(f.message.startsWith('AccessTokenValidity 60 in hours (the default unit) is 2.5 days; access tokens last 5 minutes to 1 day.'), f.message);
    assert.match(f.message, /Set TokenValidityUnits\.AccessToken to minutes, or use 1 to 24 in hours\./);
    assert.deepEqual(f.fixes?.[0], {
      title: 'Set TokenValidityUnits.AccessToken to minutes (60 minutes is 1 hour)',
      changes: [{ kind: 'set', path: ['TokenValidityUnits', 'AccessToken'], value: 'minutes' }],
      isPreferred: true,
    });
    // 60 seconds is too short, so minutes is the only unit offered; then the clamp.
    assert.deepEqual(f.fixes?.slice(1), [{ title: 'Change AccessTokenValidity to 24 (1 day)', changes: [{ kind: 'set', path: ['AccessTokenValidity'], value: 24 }] }]);
  });

  it('spells names for Terraform', () => {
    const [f] = run('token-validity-range', build({ access_token_validity: 60 }, { surface: 'terraform' }));
    assert.ok(f.message.startsWith('access_token_validity 60 in hours (the default unit) is 2.5 days; access tokens last 5 minutes to 1 day. Set token_validity_units.access_token to minutes'), f.message);
    assert.equal(f.fixes?.[0].title, 'Set token_validity_units.access_token to minutes (60 minutes is 1 hour)');
  });

  it('too short: the clamp goes up to the lower bound in the current unit', () => {
    const [f] = run('token-validity-range', build({ IdTokenValidity: 2, TokenValidityUnits: { IdToken: 'minutes' } }));
    assert.ok(f.message.startsWith('IdTokenValidity 2 in minutes is 2 minutes; ID tokens last 5 minutes to 1 day.'), f.message);
    assert.deepEqual(f.fixes?.map((x) => x.changes), [
      [{ kind: 'set', path: ['TokenValidityUnits', 'IdToken'], value: 'hours' }],
      [{ kind: 'set', path: ['IdTokenValidity'], value: 5 }],
    ]);
  });

  it('refresh tokens: 3651 days is over 10 years; hours fits', () => {
    const [f] = run('token-validity-range', build({ RefreshTokenValidity: 3651 }));
    assert.ok(f.message.startsWith('RefreshTokenValidity 3651 in days (the default unit) is just over 10 years; refresh tokens last 1 hour to 10 years.'), f.message);
    assert.deepEqual(f.fixes?.[0].changes, [{ kind: 'set', path: ['TokenValidityUnits', 'RefreshToken'], value: 'hours' }]);
    assert.equal(f.fixes?.[0].title, 'Set TokenValidityUnits.RefreshToken to hours (3651 hours is about 152 days)');
    assert.deepEqual(f.fixes?.[f.fixes.length - 1].changes, [{ kind: 'set', path: ['RefreshTokenValidity'], value: 3650 }]);
    assert.equal(f.fixes?.[f.fixes.length - 1].title, 'Change RefreshTokenValidity to 3650 (10 years)');
  });

  it('offers each unit that fits, nearest first, then the clamp', () => {
    const [f] = run('token-validity-range', build({ AccessTokenValidity: 2, TokenValidityUnits: { AccessToken: 'days' } }));
    assert.deepEqual(f.fixes?.map((x) => x.title), ['Set TokenValidityUnits.AccessToken to hours (2 hours)', 'Change AccessTokenValidity to 1 (1 day)']);
    const [g] = run('token-validity-range', build({ AccessTokenValidity: 86400, TokenValidityUnits: { AccessToken: 'minutes' } }));
    assert.deepEqual(g.fixes?.map((x) => x.changes), [
      [{ kind: 'set', path: ['TokenValidityUnits', 'AccessToken'], value: 'seconds' }],
      [{ kind: 'set', path: ['AccessTokenValidity'], value: 1440 }],
    ]);
    const [h] = run('token-validity-range', build({ RefreshTokenValidity: 100, TokenValidityUnits: { RefreshToken: 'seconds' } }));
    assert.deepEqual(h.fixes?.map((x) => x.changes), [
      [{ kind: 'set', path: ['TokenValidityUnits', 'RefreshToken'], value: 'minutes' }],
      [{ kind: 'set', path: ['TokenValidityUnits', 'RefreshToken'], value: 'hours' }],
      [{ kind: 'set', path: ['TokenValidityUnits', 'RefreshToken'], value: 'days' }],
      [{ kind: 'set', path: ['RefreshTokenValidity'], value: 3600 }],
    ]);
    assert.deepEqual(h.fixes?.map((x) => x.isPreferred === true), [true, false, false, false]);
    assert.deepEqual(h.fixes?.map((x) => x.title), [
      'Set TokenValidityUnits.RefreshToken to minutes (100 minutes is about 1.7 hours)',
      'Set TokenValidityUnits.RefreshToken to hours (100 hours is about 4.2 days)',
      'Set TokenValidityUnits.RefreshToken to days (100 days)',
      'Change RefreshTokenValidity to 3600 (1 hour)',
    ]);
  });

  it('orders units nearest to the current one first', () => {
    const spec = { minSeconds: 300, maxSeconds: 86400 };
    assert.deepEqual(unitsThatFit(600, 'hours', spec), ['minutes', 'seconds']);
    assert.deepEqual(unitsThatFit(10, 'seconds', spec), ['minutes', 'hours']);
    assert.deepEqual(unitsThatFit(100000, 'seconds', spec), []);
  });

  it('stays silent on what other rules report, unknown values and SDK quoted numbers', () => {
    assert.deepEqual(run('token-validity-range', build({ AccessTokenValidity: 100000 })), []);
    assert.deepEqual(run('token-validity-range', build({ RefreshTokenValidity: 0 })), []);
    assert.deepEqual(run('token-validity-range', build({ AccessTokenValidity: 1.5 })), []);
    assert.deepEqual(run('token-validity-range', build({ AccessTokenValidity: 60, TokenValidityUnits: { AccessToken: 'Hours' } })), []);
    assert.deepEqual(run('token-validity-range', build({ UserPoolId: 'a_b', ClientName: 'x', AccessTokenValidity: '60' }, { surface: 'sdk' })), []);
  });

  it('fires in SDK calls on real numbers', () => {
    const [f] = run('token-validity-range', build({ UserPoolId: 'a_b', ClientName: 'x', IdTokenValidity: 48 }, { surface: 'sdk' }));
    assert.ok(f.message.startsWith('IdTokenValidity 48 in hours (the default unit) is 2 days; ID tokens last 5 minutes to 1 day.'), f.message);
  });
});

describe('refresh-token-validity-zero (direct)', () => {
  it('an error in CloudFormation and Terraform, a warning in SDK calls', () => {
    assert.equal(severityFor('refresh-token-validity-zero', build({}).def), 'error');
    assert.equal(severityFor('refresh-token-validity-zero', build({}, { surface: 'terraform' }).def), 'error');
    assert.equal(severityFor('refresh-token-validity-zero', build({}, { surface: 'sdk' }).def), 'warning');
  });

  it('sets 30 (days, the default unit)', () => {
    const [f] = run('refresh-token-validity-zero', build({ RefreshTokenValidity: 0 }));
    assert.match(f.message, /^RefreshTokenValidity 0 is rejected in CloudFormation \(AWS::Cognito::UserPoolClient\); refresh tokens last 1 hour to 10 years\. Set it to 30 \(30 days, the API's default\)\./);
    assert.deepEqual(f.fixes, [{ title: 'Set RefreshTokenValidity to 30 (30 days)', changes: [{ kind: 'set', path: ['RefreshTokenValidity'], value: 30 }], isPreferred: true, unambiguous: false }]);
  });

  it('also sets the unit to days when another unit is written', () => {
    const [f] = run('refresh-token-validity-zero', build({ refresh_token_validity: 0, token_validity_units: { refresh_token: 'hours' } }, { surface: 'terraform' }));
    assert.match(f.message, /^refresh_token_validity 0 is rejected in Terraform/);
    assert.deepEqual(f.fixes?.[0].changes, [
      { kind: 'set', path: ['RefreshTokenValidity'], value: 30 },
      { kind: 'set', path: ['TokenValidityUnits', 'RefreshToken'], value: 'days' },
    ]);
    assert.equal(f.fixes?.[0].title, 'Set refresh_token_validity to 30 and token_validity_units.refresh_token to days');
  });

  it('in SDK calls says what the API does, and the fix keeps that behaviour', () => {
    const [f] = run('refresh-token-validity-zero', build({ UserPoolId: 'a_b', ClientName: 'x', RefreshTokenValidity: 0 }, { surface: 'sdk' }));
    assert.match(f.message, /the API replaces it with its default, 30 days/);
    assert.equal(f.fixes?.[0].unambiguous, true);
  });

  it('no fix when the units object is unknown (it cannot be edited)', () => {
    const [f] = run('refresh-token-validity-zero', build({ RefreshTokenValidity: 0, TokenValidityUnits: { $ref: 'Units' } }));
    assert.deepEqual(f.fixes, []);
  });

  it('a quoted 0 counts only where the engine converts it', () => {
    assert.equal(run('refresh-token-validity-zero', build({ RefreshTokenValidity: '0' })).length, 1);
    assert.equal(run('refresh-token-validity-zero', build({ RefreshTokenValidity: '0' }, { surface: 'sdk' })).length, 0);
  });
});

describe('token-outlives-refresh (direct)', () => {
  it('lowers the access token to the refresh lifetime in its own unit', () => {
    const [f] = run('token-outlives-refresh', build({ AccessTokenValidity: 24, RefreshTokenValidity: 12, TokenValidityUnits: { RefreshToken: 'hours' } }));
    assert.equal(f.at, '24');
    assert.equal(f.message, "AccessTokenValidity 24 in hours (the default unit) is 1 day, longer than the refresh token's 12 hours (RefreshTokenValidity 12 in hours); an access token should not outlive the refresh token that renews it. Lower it to 12 hours or less.");
    assert.deepEqual(f.fixes, [{ title: 'Change AccessTokenValidity to 12 (12 hours)', changes: [{ kind: 'set', path: ['AccessTokenValidity'], value: 12 }], isPreferred: true }]);
  });

  it("uses the refresh token's unit when its own unit cannot express the lifetime", () => {
    const [f] = run('token-outlives-refresh', build({ IdTokenValidity: 1, RefreshTokenValidity: 5, TokenValidityUnits: { IdToken: 'days', RefreshToken: 'hours' } }));
    assert.deepEqual(f.fixes?.[0].changes, [
      { kind: 'set', path: ['IdTokenValidity'], value: 5 },
      { kind: 'set', path: ['TokenValidityUnits', 'IdToken'], value: 'hours' },
    ]);
    assert.match(f.message, /^IdTokenValidity 1 in days is 1 day, longer than the refresh token's 5 hours/);
  });

  it('counts an absent refresh lifetime as its default', () => {
    // Access at most 1 day, default refresh 30 days: never longer.
    assert.deepEqual(run('token-outlives-refresh', build({ AccessTokenValidity: 24 })), []);
  });

  it('reports both tokens, in Terraform spelling', () => {
    const b = build({ access_token_validity: 180, id_token_validity: 3, refresh_token_validity: 2, token_validity_units: { access_token: 'minutes', refresh_token: 'hours' } }, { surface: 'terraform' });
    const fs = run('token-outlives-refresh', b);
    assert.deepEqual(fs.map((f) => f.at), ['180', '3']);
    assert.match(fs[0].message, /^access_token_validity 180 in minutes is 3 hours, longer than the refresh token's 2 hours \(refresh_token_validity 2 in hours\)/);
    assert.deepEqual(fs[0].fixes?.[0].changes, [{ kind: 'set', path: ['AccessTokenValidity'], value: 120 }]);
  });

  it('stays silent on unknown lifetimes, refresh 0 and out-of-range lifetimes', () => {
    assert.deepEqual(run('token-outlives-refresh', build({ AccessTokenValidity: { $ref: 'A' }, RefreshTokenValidity: 1, TokenValidityUnits: { RefreshToken: 'hours' } })), []);
    assert.deepEqual(run('token-outlives-refresh', build({ AccessTokenValidity: 24, RefreshTokenValidity: 0 })), []);
    assert.deepEqual(run('token-outlives-refresh', build({ AccessTokenValidity: 48, RefreshTokenValidity: 2, TokenValidityUnits: { RefreshToken: 'hours' } })), []);
  });
});

describe('token rules end to end (CloudFormation YAML)', () => {
  it('one finding per problem: 60 with no unit is only token-validity-range', () => {
    const doc = cloudFormationYaml.render({ client: { AccessTokenValidity: 60 } });
    const { findings } = lintRendered(doc);
    const ids = findings.filter((f) => f.span.start === doc.text.indexOf('60\n', doc.text.indexOf('AccessTokenValidity'))).map((f) => f.ruleId);
    assert.deepEqual(ids, ['token-validity-range']);
  });

  it('the registered severities', () => {
    const def = build({}).def;
    assert.equal(severityFor('token-validity-range', def), 'error');
    assert.equal(severityFor('token-outlives-refresh', def), 'warning');
  });
});
