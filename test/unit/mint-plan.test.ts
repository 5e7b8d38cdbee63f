import { describe, expect, it } from 'vitest';
import { aclForPreset } from '../../src/shared/acl';
import { KeydeskError } from '../../src/shared/errors';
import { defaultSettings } from '../../src/shared/settings-schemas';
import { buildClaims, planMint } from '../../src/core/jwt/mint-plan';

const customAcl = { paths: { '/*/users/alice': { methods: ['GET' as const] } } };

describe('planMint', () => {
  it('uses the request first, then the application defaults, then the settings', () => {
    const defaults = {
      ttlSeconds: 3600,
      sub: 'support',
      acl: { kind: 'preset' as const, preset: 'client-sdk' as const },
    };
    expect(planMint({}, {}, defaultSettings)).toMatchObject({
      ttlSeconds: 900,
      sub: undefined,
      acl: undefined,
      aclLabel: 'none',
    });
    expect(planMint({}, defaults, defaultSettings)).toMatchObject({
      ttlSeconds: 3600,
      sub: 'support',
      acl: aclForPreset('client-sdk'),
      aclLabel: 'client-sdk',
    });
    expect(
      planMint(
        { ttlSeconds: 60, sub: 'alice', acl: { kind: 'custom', acl: customAcl } },
        defaults,
        defaultSettings,
      ),
    ).toMatchObject({
      ttlSeconds: 60,
      sub: 'alice',
      acl: customAcl,
      aclLabel: 'custom',
      aclHash: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
    expect(
      planMint(
        {},
        {},
        { ...defaultSettings, defaultTtlSeconds: 120, defaultAclPreset: 'client-sdk' },
      ),
    ).toMatchObject({
      ttlSeconds: 120,
      aclLabel: 'client-sdk',
    });
  });

  it('lets a request drop a default sub with null', () => {
    expect(planMint({ sub: null }, { sub: 'support' }, defaultSettings).sub).toBeUndefined();
  });

  it('hashes the same custom ACL the same however its keys are ordered', () => {
    const a = planMint(
      { acl: { kind: 'custom', acl: { paths: { '/a': {}, '/b': { methods: ['GET'] } } } } },
      {},
      defaultSettings,
    );
    const b = planMint(
      { acl: { kind: 'custom', acl: { paths: { '/b': { methods: ['GET'] }, '/a': {} } } } },
      {},
      defaultSettings,
    );
    const c = planMint(
      { acl: { kind: 'custom', acl: { paths: { '/a': {} } } } },
      {},
      defaultSettings,
    );
    expect(a.aclHash).toBe(b.aclHash);
    expect(a.aclHash).not.toBe(c.aclHash);
  });

  it('refuses an nbf at or after exp, naming the field', () => {
    const attempt = (nbfOffsetSeconds: number) => () =>
      planMint({ ttlSeconds: 300, nbfOffsetSeconds }, {}, defaultSettings);
    expect(attempt(299)).not.toThrow();
    expect(attempt(300)).toThrow(KeydeskError);
    expect(attempt(600)).toThrow(/nbf \(in 10 min\) is not before exp \(in 5 min\)/);
    expect(attempt(600)).toThrow(
      expect.objectContaining({ code: 'VALIDATION', field: 'nbfOffsetSeconds' }),
    );
  });

  it('keeps an nbf given as a time exactly, and checks it against now and exp', () => {
    const now = 1_800_000_000;
    const plan = planMint({ ttlSeconds: 900, nbfAt: now + 120 }, {}, defaultSettings, now);
    // Minted seconds later (a slow keychain): the claim is still the time asked for.
    expect(buildClaims('app', plan, now + 7).nbf).toBe(now + 120);
    const at = (nbfAt: number) => () =>
      planMint({ ttlSeconds: 900, nbfAt }, {}, defaultSettings, now);
    expect(at(now + 900)).toThrow(expect.objectContaining({ field: 'nbfAt' }));
    expect(at(now - 90_000)).toThrow(/more than 24 hours away/);
  });
});

describe('buildClaims', () => {
  it('sets exactly the Vonage claims, then the custom ones', () => {
    const plan = planMint(
      { ttlSeconds: 900, nbfOffsetSeconds: -60, sub: 'alice', claims: { role: 'agent' } },
      {},
      defaultSettings,
    );
    const claims = buildClaims('app-id', plan, 1_700_000_000);
    expect(Object.keys(claims)).toEqual([
      'application_id',
      'iat',
      'nbf',
      'exp',
      'jti',
      'sub',
      'role',
    ]);
    expect(claims).toMatchObject({
      application_id: 'app-id',
      iat: 1_700_000_000,
      nbf: 1_699_999_940,
      exp: 1_700_000_900,
      sub: 'alice',
      role: 'agent',
    });
    expect(claims.jti).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(buildClaims('app-id', plan, 1).jti).not.toBe(claims.jti);
  });

  it('never lets a custom claim replace a Vonage one', () => {
    const plan = {
      ...planMint({}, {}, defaultSettings),
      custom: { application_id: 'evil', jti: 'fixed' },
    };
    const claims = buildClaims('app-id', plan, 1);
    expect(claims.application_id).toBe('app-id');
    expect(claims.jti).not.toBe('fixed');
  });
});
