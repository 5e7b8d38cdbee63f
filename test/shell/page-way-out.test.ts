import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeVonage, fakeVonageEnv, type FakeVonage } from '../helpers/fake-vonage';
import { createTestKeychain } from '../helpers/keychain';
import { makeRsaKeys } from '../helpers/keys';
import { makeDataDir } from '../helpers/services';
import { startMain, startToWindow, type MainUnderTest } from './main-process';

/**
 * What a compromised page can do with the channels it has (issue 20, finding 2): it cannot point
 * the Vonage hosts elsewhere, and a key change it asks for waits for main's own dialog.
 */
const keychain = createTestKeychain();
let fake: FakeVonage;
let running: MainUnderTest | undefined;
const appId = 'aaaaaaaa-bbbb-4ccc-8ddd-0000000000b1';

beforeAll(async () => {
  fake = await startFakeVonage();
});
afterAll(() => fake.close());
afterEach(async () => {
  expect(running?.entries('uncaughtException')).toEqual([]);
  await running?.stop();
  running = undefined;
  fake.reset();
  await keychain.clear();
});

async function appWithOneApplication(env: NodeJS.ProcessEnv = fakeVonageEnv(fake)) {
  running = startMain({
    env: { KEYDESK_HOME: makeDataDir(), KEYDESK_KEYCHAIN_SERVICE: keychain.service, ...env },
  });
  const app = await startToWindow(running);
  const keys = makeRsaKeys();
  fake.accounts.set('acme0001', { apiKey: 'acme0001', secret: 's3cret', balance: 1 });
  fake.applications.set(appId, {
    id: appId,
    apiKey: 'acme0001',
    name: 'Voice bot',
    capabilities: {},
    publicKey: keys.spki,
  });
  const account = await app.invoke('accounts:create', {
    name: 'Acme',
    apiKey: 'acme0001',
    apiSecret: 's3cret',
  });
  const created = await app.invoke('apps:create', {
    accountId: (account.value as { id: string }).id,
    id: appId,
    name: 'Voice bot',
    key: { kind: 'pem', pem: keys.pkcs8 },
  });
  expect(created.ok).toBe(true);
  return { ...app, fingerprint: (created.value as { fingerprint: string }).fingerprint };
}

describe("a page's way out of the vault", () => {
  it('cannot store a host outside Vonage for the credential checks', async () => {
    const { invoke } = await appWithOneApplication();
    for (const host of [
      'https://collector.example',
      'https://api.nexmo.com.collector.example',
      'https://nexmo.com@collector.example',
      'http://api.nexmo.com',
    ]) {
      const answer = await invoke('settings:update', { vonageApiHost: host });
      expect(answer, host).toMatchObject({
        ok: false,
        error: {
          code: 'VALIDATION',
          field: 'vonageApiHost',
          message: expect.stringMatching(/only to Vonage's own hosts.*KEYDESK_VONAGE_API_HOST/),
        },
      });
    }
    for (const host of [
      'https://api-eu.vonage.com',
      'https://api.nexmo.com',
      'http://127.0.0.1:9',
    ]) {
      expect((await invoke('settings:update', { vonageRestHost: host })).ok, host).toBe(true);
    }
  });

  it("waits for main's own dialog before rotating a key; Cancel there changes nothing", async () => {
    const { main, invoke, fingerprint } = await appWithOneApplication();
    await main.send({ op: 'answerDialogs', responses: [1] });
    const cancelled = await invoke('vonage:rotateKey', { app: appId });
    expect(cancelled).toMatchObject({
      ok: false,
      error: { code: 'CANCELLED', message: 'The key was not rotated.' },
    });
    const [box] = main.entries('dialog.showMessageBox');
    const [parent, options] = box?.args as [string, Record<string, unknown>];
    expect(parent).toMatch(/^\[\w*BrowserWindow \d+\]$/);
    expect(options).toMatchObject({
      type: 'warning',
      message: 'Rotate the key of "Voice bot" in account "Acme"?',
      buttons: ['Rotate key', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
    });
    expect(options.detail).toContain(appId);
    expect(fake.requests).toEqual([]);
    const kept = await invoke('apps:get', { id: appId });
    expect(kept.value).toMatchObject({ fingerprint, pendingKey: null });

    await main.send({ op: 'answerDialogs', responses: [0] });
    const rotated = await invoke('vonage:rotateKey', { app: appId });
    expect(rotated.ok).toBe(true);
    expect(main.entries('dialog.showMessageBox')).toHaveLength(2);
    const changed = (rotated.value as { application: { fingerprint: string } }).application;
    expect(changed.fingerprint).not.toBe(fingerprint);
    expect(fake.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
  });

  it("asks main's dialog before adding a dashboard application with an uploaded key", async () => {
    const { main, invoke } = await appWithOneApplication();
    const missing = 'aaaaaaaa-bbbb-4ccc-8ddd-0000000000b2';
    fake.applications.set(missing, {
      id: missing,
      apiKey: 'acme0001',
      name: 'Messages',
      capabilities: {},
      publicKey: makeRsaKeys().spki,
    });
    await main.send({ op: 'answerDialogs', responses: [1] });
    const cancelled = await invoke('vonage:addApplication', { account: 'Acme', id: missing });
    expect(cancelled).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    const [box] = main.entries('dialog.showMessageBox');
    expect((box?.args as unknown[])[1]).toMatchObject({
      message: 'Add "Messages" to account "Acme" with a new key pair?',
      buttons: ['Add with a new key', 'Cancel'],
    });
    expect(fake.requests.filter((r) => r.method === 'PUT')).toEqual([]);
    expect((await invoke('apps:get', { id: missing })).ok).toBe(false);
  });
});
