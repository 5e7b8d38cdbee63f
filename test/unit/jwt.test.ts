import { createPublicKey } from 'node:crypto';
import { jwtVerify, decodeProtectedHeader } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { secretRefs, type Keychain } from '../../src/core/keychain/keychain';
import { vaultRef } from '../../src/core/keychain/vault-keychain';
import { uuidV4, verifyWithOpenssl } from '../helpers/jwt';
import { contractCaller } from '../helpers/contract-caller';
import { makeRsaKeys, type RsaKeys } from '../helpers/keys';
import { openTestServices } from '../helpers/services';
import { useJwtVault } from '../helpers/jwt-vault';

const vaultFixture = useJwtVault({ keychain: 'memory' });
const { appId, otherAppId, addVoiceApp } = vaultFixture;
let keys: RsaKeys;
let env: ReturnType<typeof vaultFixture.env>;
const { ok, fails } = vaultFixture.caller;

beforeEach(() => {
  keys = vaultFixture.keys();
  env = vaultFixture.env();
});

describe('minting', () => {
  it("mints RS256 tokens with exactly Vonage's claims, verified by jose and by openssl", async () => {
    const app = await addVoiceApp();
    const before = Math.floor(Date.now() / 1000);
    const minted = await ok('jwt:mint', {
      applicationId: appId.toUpperCase(),
      sub: 'alice',
      ttlSeconds: 600,
      acl: { kind: 'preset', preset: 'client-sdk' },
    });

    const { payload, protectedHeader } = await jwtVerify(
      minted.token,
      createPublicKey(app.publicKeyPem),
      { algorithms: ['RS256'] },
    );
    expect(protectedHeader).toEqual({ alg: 'RS256', typ: 'JWT' });
    expect(Object.keys(payload).sort()).toEqual(
      ['acl', 'application_id', 'exp', 'iat', 'jti', 'sub'].sort(),
    );
    expect(payload).toMatchObject({ application_id: appId, sub: 'alice', jti: minted.jti });
    expect(payload.jti).toMatch(uuidV4);
    expect(payload.iat).toBeGreaterThanOrEqual(before);
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(600);
    expect(Object.keys((payload.acl as { paths: object }).paths)).toContain('/*/users/**');
    expect(verifyWithOpenssl(minted.token, app.publicKeyPem)).toBe('Verified OK');
    expect(verifyWithOpenssl(minted.token, keys.spki)).toBe('Verified OK');

    const tampered = minted.token.replace(
      /\.[^.]+\./,
      `.${Buffer.from(JSON.stringify({ ...payload, sub: 'mallory' })).toString('base64url')}.`,
    );
    await expect(jwtVerify(tampered, keys.publicKey)).rejects.toThrow(/signature/i);
    expect(verifyWithOpenssl(tampered, keys.spki)).toMatch(/Verification failure/);
  });

  it('lasts 15 minutes by default, with a fresh jti every time and no nbf, sub or acl', async () => {
    await addVoiceApp();
    const first = await ok('jwt:mint', { applicationId: appId });
    const second = await ok('jwt:mint', { applicationId: appId });
    expect(first.exp - first.iat).toBe(900);
    expect(Object.keys(first.claims)).toEqual(['application_id', 'iat', 'exp', 'jti']);
    expect(first.jti).not.toBe(second.jti);
    expect(decodeProtectedHeader(first.token)).toEqual({ alg: 'RS256', typ: 'JWT' });
  });

  it("applies the application's defaults when a call gives none, and the call's values over them", async () => {
    await addVoiceApp({
      ttlSeconds: 3600,
      sub: 'support',
      acl: { kind: 'preset', preset: 'client-sdk' },
    });
    const defaults = await ok('jwt:mint', { applicationId: appId });
    expect(defaults.exp - defaults.iat).toBe(3600);
    expect(defaults.claims).toMatchObject({ sub: 'support', acl: { paths: expect.any(Object) } });

    const custom = { paths: { '/*/users/alice': { methods: ['GET'] } } };
    const overridden = await ok('jwt:mint', {
      applicationId: appId,
      ttlSeconds: 30,
      sub: null,
      nbfOffsetSeconds: -60,
      acl: { kind: 'custom', acl: custom },
      claims: { role: 'agent', level: 3 },
    });
    expect(overridden.claims).toEqual({
      application_id: appId,
      iat: overridden.iat,
      nbf: overridden.iat - 60,
      exp: overridden.iat + 30,
      jti: overridden.jti,
      acl: custom,
      role: 'agent',
      level: 3,
    });
    expect(overridden.acl).toBe('custom');
  });

  it('uses the settings for the default TTL and ACL preset', async () => {
    await addVoiceApp();
    await ok('settings:update', { defaultTtlSeconds: 120, defaultAclPreset: 'client-sdk' });
    const minted = await ok('jwt:mint', { applicationId: appId });
    expect(minted.exp - minted.iat).toBe(120);
    expect(minted.acl).toBe('client-sdk');
  });

  it.each([
    ['ttlSeconds', { ttlSeconds: 29 }, /between 30 seconds and 24 hours .* too short/],
    ['ttlSeconds', { ttlSeconds: 86_401 }, /between 30 seconds and 24 hours .* too long/],
    ['ttlSeconds', { ttlSeconds: 90.5 }, /whole number/],
    ['ttlSeconds', { ttlSeconds: '900' }, /number of seconds/],
    ['nbfOffsetSeconds', { nbfOffsetSeconds: 100_000 }, /at most 24 hours in the future/],
    ['nbfOffsetSeconds', { nbfOffsetSeconds: 900 }, /not before exp/],
    ['sub', { sub: '' }, /empty/],
    ['sub', { sub: 'a\u0007b' }, /control characters/],
    ['sub', { sub: 's'.repeat(201) }, /at most 200/],
    ['claims.iat', { claims: { iat: 1 } }, /"iat" cannot be set .* moment of minting/],
    [
      'claims.application_id',
      { claims: { application_id: 'x' } },
      /"application_id" cannot be set/,
    ],
    ['claims.exp', { claims: { exp: 1 } }, /"exp" cannot be set .* TTL/],
    ['claims', { claims: { big: 'x'.repeat(9000) } }, /at most 8 KiB/],
    ['acl.preset', { acl: { kind: 'preset', preset: 'everything' } }, /presets are client-sdk/],
    ['acl.acl.paths.users', { acl: { kind: 'custom', acl: { paths: { users: {} } } } }, /"\/"/],
    ['applicationId', { applicationId: 'not-an-id' }, /UUID/],
    ['id', { applicationId: otherAppId }, /No application/],
  ])(
    'refuses a bad %s with the field at fault and a message that says the limits',
    async (field, input, message) => {
      await addVoiceApp();
      const error = await fails('jwt:mint', { applicationId: appId, ...input });
      expect(error.field).toBe(field);
      expect(error.message).toMatch(message);
    },
  );
});

describe('the signing-key cache', () => {
  /** The keychain given, counting reads of private keys. */
  function countingReads(real: Keychain) {
    const reads: string[] = [];
    const keychain: Keychain = {
      ...real,
      get: (ref) => {
        reads.push(ref);
        return real.get(ref);
      },
    };
    return { keychain, reads };
  }
  let opened: ReturnType<typeof openTestServices>[] = [];
  afterEach(() => {
    for (const o of opened) o.services.close();
    opened = [];
  });
  function open(keychain: Keychain, dataDir?: string) {
    const o = openTestServices(keychain, { dataDir });
    opened.push(o);
    return { ...o, ...contractCaller(() => o.invoke) };
  }

  it('reads and parses a key once; replacing or removing it drops it from memory', async () => {
    const { keychain, reads } = countingReads(vaultFixture.keychain);
    const app = open(keychain);
    const acme = await app.ok('accounts:create', {
      name: 'Acme',
      apiKey: 'abcd1234',
      apiSecret: 's',
    });
    await app.ok('apps:create', {
      accountId: acme.id,
      id: appId,
      name: 'Voice',
      key: { kind: 'pem', pem: keys.pkcs8 },
    });

    // Writes read an entry before changing it (to put it back on failure): count mints' reads only.
    reads.length = 0;
    for (let i = 0; i < 5; i += 1) await app.ok('jwt:mint', { applicationId: appId });
    // at the shared keychain, the reference carries this vault's id
    expect(reads).toEqual([vaultRef(app.services.keychain.vaultId, secretRefs.privateKey(appId))]);
    expect(app.services.signingKeys.size).toBe(1);

    const replacement = makeRsaKeys();
    await app.ok('apps:replaceKey', { id: appId, key: { kind: 'pem', pem: replacement.pkcs8 } });
    expect(app.services.signingKeys.size).toBe(0);
    reads.length = 1;
    const afterReplace = await app.ok('jwt:mint', { applicationId: appId });
    expect(reads).toHaveLength(2);
    expect(verifyWithOpenssl(afterReplace.token, replacement.spki)).toBe('Verified OK');
    expect(verifyWithOpenssl(afterReplace.token, keys.spki)).toMatch(/Verification failure/);

    await app.ok('apps:remove', { id: appId });
    expect(app.services.signingKeys.size).toBe(0);
    expect((await app.fails('jwt:mint', { applicationId: appId })).code).toBe('NOT_FOUND');
  });

  it('notices a key replaced by another process (the CLI beside the app)', async () => {
    const desktop = open(vaultFixture.keychain);
    const acme = await desktop.ok('accounts:create', {
      name: 'Acme',
      apiKey: 'abcd1234',
      apiSecret: 's',
    });
    await desktop.ok('apps:create', {
      accountId: acme.id,
      id: appId,
      name: 'Voice',
      key: { kind: 'pem', pem: keys.pkcs8 },
    });
    await desktop.ok('jwt:mint', { applicationId: appId });

    const cli = open(vaultFixture.keychain, desktop.dataDir);
    const replacement = makeRsaKeys();
    await cli.ok('apps:replaceKey', { id: appId, key: { kind: 'pem', pem: replacement.pkcs8 } });

    const minted = await desktop.ok('jwt:mint', { applicationId: appId });
    expect(verifyWithOpenssl(minted.token, replacement.spki)).toBe('Verified OK');
  });

  it('refuses to sign with a keychain key that is not the one recorded, and records the failure', async () => {
    await addVoiceApp();
    await env.services.keychain.set(secretRefs.privateKey(appId), makeRsaKeys().pkcs8);
    const error = await fails('jwt:mint', { applicationId: appId });
    expect(error).toMatchObject({
      code: 'KEY_MISMATCH',
      message: expect.stringMatching(/keydesk doctor/),
    });

    await env.services.keychain.delete(secretRefs.privateKey(appId));
    expect(await fails('jwt:mint', { applicationId: appId })).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/no private key for application "Voice".*keydesk doctor/),
    });
    const page = await ok('history:list', { action: 'mint' });
    expect(page.events.map((e) => [e.outcome, e.error?.code])).toEqual([
      ['failed', 'NOT_FOUND'],
      ['failed', 'KEY_MISMATCH'],
    ]);
  });
});
