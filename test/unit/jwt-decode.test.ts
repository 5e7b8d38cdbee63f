import { beforeEach, describe, expect, it } from 'vitest';
import { joseToken } from '../helpers/jwt';
import { makeRsaKeys, type RsaKeys } from '../helpers/keys';
import { useJwtVault } from '../helpers/jwt-vault';

/** Decoding a token a customer pasted: what it says, and what is wrong with it. */
const vaultFixture = useJwtVault({ keychain: 'memory' });
const { appId, otherAppId, addVoiceApp } = vaultFixture;
const { call, ok, fails } = vaultFixture.caller;
let keys: RsaKeys;
beforeEach(() => {
  keys = vaultFixture.keys();
});

describe('decoding a pasted token', () => {
  const now = () => Math.floor(Date.now() / 1000);
  const claims = (extra: Record<string, unknown> = {}) => ({
    application_id: appId,
    iat: now(),
    exp: now() + 900,
    jti: 'j-1',
    ...extra,
  });

  it('decodes a Keydesk token: header, claims, times, and the application whose key signed it', async () => {
    await addVoiceApp();
    const minted = await ok('jwt:mint', { applicationId: appId, ttlSeconds: 840 });
    const decoded = await ok('jwt:decode', { token: `Bearer ${minted.token}` });
    expect(decoded).toMatchObject({
      header: { alg: 'RS256', typ: 'JWT' },
      claims: minted.claims,
      expired: false,
      notYetValid: false,
      signature: {
        verified: true,
        verifiedBy: { id: appId, name: 'Voice', accountName: 'Acme' },
        checkedKeys: 1,
      },
      diagnostics: [],
    });
    expect(decoded.times.exp).toEqual({
      unix: minted.exp,
      iso: new Date(minted.exp * 1000).toISOString(),
      relative: expect.stringMatching(/^in 1[34] min$/),
    });
  });

  it('flags expired and not-yet-valid tokens with dates and how long ago or until', async () => {
    await addVoiceApp();
    const expired = await ok('jwt:decode', {
      token: await joseToken(
        claims({ iat: now() - 4 * 3600, exp: now() - 3 * 3600 }),
        keys.privateKey,
      ),
    });
    expect(expired.expired).toBe(true);
    expect(expired.times.exp?.relative).toBe('expired 3 h ago');
    expect(expired.diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'expired',
        severity: 'error',
        message: expect.stringMatching(/expired 3 h ago/),
      }),
    );

    const early = await ok('jwt:decode', {
      token: await joseToken(claims({ nbf: now() + 600 }), keys.privateKey),
    });
    expect(early.notYetValid).toBe(true);
    expect(early.diagnostics.map((d) => d.code)).toEqual(['not-yet-valid']);
    // 600 s ahead when made; a loaded machine may decode it a second later ("in 9 min").
    expect(early.diagnostics[0]?.message).toMatch(/in (9|10) min/);
  });

  it('explains lifetimes over 24 h, iat in the future, missing claims and a non-RS256 algorithm', async () => {
    await addVoiceApp();
    const decode = async (c: Record<string, unknown>, header?: { alg: string; typ?: string }) =>
      (
        await ok('jwt:decode', { token: await joseToken(c, keys.privateKey, header) })
      ).diagnostics.map((d) => d.code);
    expect(await decode(claims({ exp: now() + 2 * 86_400 }))).toEqual(['lifetime-over-24h']);
    expect(await decode(claims({ iat: now() + 600 }))).toEqual(['issued-in-future']);
    expect(await decode({ application_id: appId, exp: now() + 60 })).toEqual([
      'claim-missing',
      'claim-missing',
    ]);
    expect(await decode(claims({ exp: 'tomorrow' }))).toEqual(['claim-not-a-number']);
    expect(await decode(claims(), { alg: 'RS512', typ: 'JWT' })).toEqual(['algorithm-not-rs256']);
    expect(await decode(claims(), { alg: 'RS256' })).toEqual(['type-not-jwt']);
  });

  it('says when application_id names an application whose key did not sign it, and whose key did', async () => {
    await addVoiceApp();
    const other = makeRsaKeys();
    const acme = (await ok('accounts:list', {}))[0];
    await ok('apps:create', {
      accountId: acme?.id,
      id: otherAppId,
      name: 'Video',
      key: { kind: 'pem', pem: other.pkcs8 },
    });

    const signedByOther = await ok('jwt:decode', {
      token: await joseToken(claims(), other.privateKey),
    });
    expect(signedByOther.signature).toMatchObject({
      verified: true,
      verifiedBy: { id: otherAppId, name: 'Video' },
      checkedKeys: 2,
    });
    expect(signedByOther.diagnostics).toEqual([
      expect.objectContaining({
        code: 'signed-by-other-application',
        message: expect.stringMatching(/key of application "Video".*application_id is "aaaaaaaa/),
      }),
    ]);

    const stranger = await ok('jwt:decode', {
      token: await joseToken(claims(), makeRsaKeys().privateKey),
    });
    expect(stranger.signature).toEqual({ verified: false, checkedKeys: 2 });
    expect(stranger.diagnostics.map((d) => d.code)).toEqual([
      'application-key-mismatch',
      'signature-unverified',
    ]);
    expect(stranger.diagnostics[0]?.message).toMatch(
      /application_id names "Voice".*does not verify/,
    );
    expect(stranger.diagnostics[1]?.message).toMatch(/any of the 2 stored application keys/);

    const unknownApp = await ok('jwt:decode', {
      token: await joseToken(
        claims({ application_id: 'cccccccc-bbbb-cccc-dddd-0123456789ab' }),
        makeRsaKeys().privateKey,
      ),
    });
    expect(unknownApp.diagnostics.map((d) => d.code)).toEqual([
      'application-unknown',
      'signature-unverified',
    ]);
  });

  it('refuses malformed tokens with TOKEN_MALFORMED on the token field', async () => {
    expect(await fails('jwt:decode', { token: 'abc.def' })).toMatchObject({
      code: 'TOKEN_MALFORMED',
      field: 'token',
      message: expect.stringMatching(/three parts/),
    });
    expect(await fails('jwt:decode', { token: '' })).toMatchObject({
      code: 'VALIDATION',
      field: 'token',
    });
    expect(await fails('jwt:decode', { token: 'x'.repeat(20_000) })).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/16 KiB/),
    });
  });

  it('is not recorded in the history (decoding touches no credential)', async () => {
    await addVoiceApp();
    const minted = await ok('jwt:mint', { applicationId: appId });
    await call('jwt:decode', { token: minted.token });
    const actions = (await ok('history:list', {})).events.map((e) => e.action);
    expect(actions).toEqual(['mint', 'create', 'create']);
  });
});
