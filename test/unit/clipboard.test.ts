import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jwtVerify } from 'jose';
import { createMemoryClipboard } from '../../src/core/clipboard/clipboard-port';
import { contractCaller } from '../helpers/contract-caller';
import { createMemoryTestKeychain } from '../helpers/keychain';
import { makeRsaKeys, type RsaKeys } from '../helpers/keys';
import { openTestServices } from '../helpers/services';

const keychain = createMemoryTestKeychain();
const appId = 'aaaaaaaa-bbbb-cccc-dddd-0123456789ab';
let keys: RsaKeys;
let clipboard: ReturnType<typeof createMemoryClipboard>;
let opened: ReturnType<typeof openTestServices>;
const { ok, fails } = contractCaller(() => opened.invoke);

beforeEach(async () => {
  keys ??= makeRsaKeys();
  clipboard = createMemoryClipboard();
  opened = openTestServices(keychain, { clipboard });
  const acme = await ok('accounts:create', {
    name: 'Acme',
    apiKey: 'abcd1234',
    apiSecret: 'clip-Secret-77',
  });
  await ok('apps:create', {
    accountId: acme.id,
    id: appId,
    name: 'Voice',
    key: { kind: 'pem', pem: keys.pkcs8 },
  });
});
afterEach(async () => {
  opened.dispose();
  await keychain.clear();
});

describe('clipboard:copy', () => {
  it('Copy JWT mints in main and puts a verifying token on the clipboard, never in the answer', async () => {
    const copied = await ok('clipboard:copy', {
      what: 'jwt',
      format: 'raw',
      mint: { applicationId: appId, sub: 'alice' },
    });
    expect(copied).toMatchObject({
      label: 'JWT for user "alice" of "Voice" as the token',
      clearsAt: expect.any(String),
      mint: { applicationName: 'Voice', claims: expect.objectContaining({ sub: 'alice' }) },
    });
    expect(copied.mint).not.toHaveProperty('token');
    expect(JSON.stringify(copied)).not.toContain(await clipboard.readText());
    const { payload } = await jwtVerify(await clipboard.readText(), keys.publicKey);
    expect(payload).toMatchObject({ application_id: appId, sub: 'alice', jti: copied.mint?.jti });
    const clearsIn = Date.parse(copied.clearsAt ?? '') - Date.now();
    expect(clearsIn).toBeGreaterThan(25_000);
    expect(clearsIn).toBeLessThanOrEqual(30_000);
  });

  it('copies the last token again as a header, a curl line or a shell export', async () => {
    await ok('clipboard:copy', { what: 'jwt', format: 'raw', mint: { applicationId: appId } });
    const token = await clipboard.readText();
    await ok('clipboard:copy', { what: 'lastJwt', applicationId: appId, format: 'bearer' });
    expect(await clipboard.readText()).toBe(`Authorization: Bearer ${token}`);
    await ok('clipboard:copy', { what: 'lastJwt', applicationId: appId, format: 'curl' });
    expect(await clipboard.readText()).toBe(
      `curl -H "Authorization: Bearer ${token}" https://api.nexmo.com/v1/calls`,
    );
    await ok('clipboard:copy', { what: 'lastJwt', applicationId: appId, format: 'export' });
    expect(await clipboard.readText()).toBe(`export VONAGE_JWT='${token}'`);
  });

  it('copies the API key, the secret and a Basic header, and records each secret copy', async () => {
    const [acme] = await ok('accounts:list', {});
    await ok('clipboard:copy', { what: 'apiKey', accountId: acme?.id });
    expect(await clipboard.readText()).toBe('abcd1234');
    await ok('clipboard:copy', { what: 'apiSecret', accountId: acme?.id });
    expect(await clipboard.readText()).toBe('clip-Secret-77');
    await ok('clipboard:copy', { what: 'basicAuth', accountId: acme?.id });
    expect(await clipboard.readText()).toBe(
      `Authorization: Basic ${Buffer.from('abcd1234:clip-Secret-77').toString('base64')}`,
    );
    const events = (await ok('history:list', { action: 'copy' })).events.map((e) => e.summary);
    expect(events).toEqual(['Copied an Authorization: Basic header', 'Copied the API secret']);
  });

  it('follows the clipboard setting, including never', async () => {
    await ok('settings:update', { clipboardClearSeconds: null });
    const copied = await ok('clipboard:copy', { what: 'publicKey', applicationId: appId });
    expect(copied.clearsAt).toBeNull();
    expect(await clipboard.readText()).toBe(keys.spki);
  });

  it('says there is nothing to copy again once the key changed, and refuses bad input', async () => {
    await ok('clipboard:copy', { what: 'jwt', format: 'raw', mint: { applicationId: appId } });
    await ok('apps:replaceKey', { id: appId, key: { kind: 'generate' } });
    expect(
      await fails('clipboard:copy', { what: 'lastJwt', applicationId: appId, format: 'raw' }),
    ).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/Copy JWT/) });
    expect(
      await fails('clipboard:copy', { what: 'jwt', format: 'xml', mint: { applicationId: appId } }),
    ).toMatchObject({
      field: 'format',
      message: expect.stringMatching(/raw, bearer, curl, export/),
    });
    expect(
      await fails('clipboard:copy', {
        what: 'jwt',
        format: 'raw',
        mint: { applicationId: appId, ttlSeconds: 5 },
      }),
    ).toMatchObject({ field: 'mint.ttlSeconds' });
    expect(await fails('clipboard:copy', { what: 'everything' })).toMatchObject({
      code: 'VALIDATION',
    });
  });
});
