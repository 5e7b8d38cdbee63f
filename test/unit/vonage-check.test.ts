import { Accounts } from '@vonage/accounts';
import { Applications } from '@vonage/applications';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CheckResult } from '../../src/shared/check-schemas';
import { contractCaller } from '../helpers/contract-caller';
import { type FakeVonage } from '../helpers/fake-vonage';
import { useFakeVonage } from '../helpers/use-fake-vonage';
import { makeRsaKeys, type RsaKeys } from '../helpers/keys';
import { useTestVault } from '../helpers/vault-fixture';

/** Credential checks against a local fake of Vonage's endpoints (real HTTP on 127.0.0.1). */
const vault = useTestVault({ keychain: 'memory' });
const { ok } = contractCaller(() => vault.env().invoke);
const fakeVonage = useFakeVonage();
let fake: FakeVonage;
let keys: RsaKeys;
let other: RsaKeys;
const voiceApp = 'aaaaaaaa-bbbb-4ccc-8ddd-000000000001';
const messagesApp = 'aaaaaaaa-bbbb-4ccc-8ddd-000000000002';
beforeAll(async () => {
  keys = makeRsaKeys();
  other = makeRsaKeys();
  fake = fakeVonage();
});
beforeEach(async () => {
  fake.reset();
  fake.accounts.set('acme0001', {
    apiKey: 'acme0001',
    secret: 'right-Secret',
    balance: 12.5,
    autoReload: true,
  });
  const account = await ok('accounts:create', {
    name: 'Acme',
    apiKey: 'acme0001',
    apiSecret: 'right-Secret',
  });
  for (const [id, name, capabilities] of [
    [voiceApp, 'Voice bot', { voice: {} }],
    [messagesApp, 'Messages', { messages: {} }],
  ] as const) {
    await ok('apps:create', {
      accountId: account.id,
      id,
      name,
      key: { kind: 'pem', pem: keys.pkcs8 },
    });
    fake.applications.set(id, {
      id,
      apiKey: 'acme0001',
      name: `${name} (dashboard)`,
      capabilities,
      publicKey: keys.spki,
    });
  }
});
afterEach(() => fake.fail(undefined));

const check = async (...refs: string[]) => ok('vonage:check', { refs });
const only = async (ref: string): Promise<CheckResult> => {
  const [result] = await check(ref);
  if (!result) throw new Error('no result');
  return result;
};

describe('checking with Vonage', () => {
  it('an account: OK with its balance, AUTH_FAILED when the secret was rotated', async () => {
    expect(await only('Acme')).toMatchObject({
      kind: 'account',
      ok: true,
      code: 'OK',
      details: { balance: 12.5, autoReload: true },
    });
    const basic = fake.requests[0]?.authorization ?? '';
    expect(Buffer.from(basic.replace('Basic ', ''), 'base64').toString()).toBe(
      'acme0001:right-Secret',
    );
    const account = fake.accounts.get('acme0001');
    if (account) account.secret = 'rotated';
    const refused = await only('Acme');
    expect(refused).toMatchObject({ ok: false, code: 'AUTH_FAILED' });
    expect(refused.message).toMatch(/secret is wrong or was rotated/);
    // Its applications say the same: they are asked with the account's key and secret.
    expect((await only('Voice bot')).code).toBe('AUTH_FAILED');
  });

  it('an application: exists, its key matches, and Voice accepts a fresh token', async () => {
    const voice = await only('Voice bot');
    expect(voice).toMatchObject({
      kind: 'application',
      account: 'Acme',
      code: 'OK',
      details: { dashboardName: 'Voice bot (dashboard)', capabilities: ['voice'] },
    });
    expect(fake.requests.map((r) => r.path)).toEqual([
      `/v2/applications/${voiceApp}`,
      '/v1/calls?page_size=1',
    ]);
    expect(fake.requests[1]?.authorization).toMatch(/^Bearer ey/);
    expect((await only('Messages')).message).toMatch(/key matches\.$/);
  });

  it('names a key rotated in the dashboard, an application gone, and a token refused', async () => {
    const voice = fake.applications.get(voiceApp);
    if (voice) voice.publicKey = other.spki;
    const mismatch = await only('Voice bot');
    expect(mismatch).toMatchObject({ code: 'KEY_MISMATCH', ok: false });
    expect(mismatch.message).toMatch(/regenerated in the dashboard/);
    fake.applications.delete(messagesApp);
    expect((await only('Messages')).code).toBe('NOT_FOUND');
    // The dashboard has the stored key, but the Voice API refuses the tokens.
    if (voice) Object.assign(voice, { publicKey: keys.spki, refuseTokens: true });
    expect(await only('Voice bot')).toMatchObject({ code: 'TOKEN_REFUSED', ok: false });
  });

  it('honours 429 with Retry-After (three retries at most), and names every other failure', async () => {
    fake.fail({ kind: 'status', status: 429, times: 2, retryAfter: '0' });
    expect((await only('Acme')).code).toBe('OK');
    expect(fake.requests).toHaveLength(3);

    fake.requests.length = 0;
    fake.fail({ kind: 'status', status: 429, retryAfter: '0' });
    expect(await only('Acme')).toMatchObject({ code: 'RATE_LIMITED' });
    expect(fake.requests).toHaveLength(4);

    fake.fail({ kind: 'status', status: 500 });
    expect((await only('Acme')).code).toBe('SERVER_ERROR');
    fake.fail({ kind: 'garbage' });
    expect((await only('Acme')).code).toBe('BAD_RESPONSE');
    fake.fail({ kind: 'huge' });
    expect((await only('Acme')).message).toMatch(/more than 1,048,576 bytes/);

    await ok('settings:update', { vonageTimeoutSeconds: 1 });
    fake.fail({ kind: 'slow', ms: 3000 });
    const slow = await only('Acme');
    expect(slow).toMatchObject({ code: 'TIMEOUT' });
    expect(slow.message).toMatch(/within 1 s/);
    fake.fail(undefined);

    process.env.KEYDESK_VONAGE_REST_HOST = 'http://127.0.0.1:9';
    try {
      expect((await only('Acme')).code).toBe('UNREACHABLE');
    } finally {
      process.env.KEYDESK_VONAGE_REST_HOST = fake.url;
    }
  });

  it('checks everything with --all, and records each result in the history without secrets', async () => {
    const results = await ok('vonage:check', { all: true, concurrency: 3 });
    expect(results.map((r) => [r.kind, r.name, r.code])).toEqual([
      ['account', 'Acme', 'OK'],
      ['application', 'Messages', 'OK'],
      ['application', 'Voice bot', 'OK'],
    ]);
    const history = await ok('history:list', { action: 'check' });
    expect(history.events.map((e) => e.summary).sort()).toEqual([
      'Checked account "Acme": OK',
      'Checked application "Messages": OK',
      'Checked application "Voice bot": OK',
    ]);
    expect(JSON.stringify(history)).not.toContain('right-Secret');
  });

  it('checks a whole vault with one keychain read, Voice tokens included', async () => {
    const accounts = await ok('accounts:list', {});
    for (let a = 1; a <= 3; a += 1) {
      const apiKey = `more000${a}`;
      fake.accounts.set(apiKey, { apiKey, secret: `Secret-${a}`, balance: a });
      const account = await ok('accounts:create', {
        name: `More ${a}`,
        apiKey,
        apiSecret: `Secret-${a}`,
      });
      const id = `aaaaaaaa-bbbb-4ccc-8ddd-00000000010${a}`;
      await ok('apps:create', {
        accountId: account.id,
        id,
        name: 'Voice',
        key: { kind: 'pem', pem: keys.pkcs8 },
      });
      fake.applications.set(id, {
        id,
        apiKey,
        name: 'Voice',
        capabilities: { voice: {} },
        publicKey: keys.spki,
      });
    }
    expect(accounts).toHaveLength(1);
    const reads = vi.spyOn(vault.keychain, 'get');
    const bulk = vi.spyOn(vault.keychain, 'readAll');
    const results = await ok('vonage:check', { all: true });
    expect(results).toHaveLength(9);
    expect(results.map((r) => r.code)).toEqual(new Array(9).fill('OK'));
    // Four Voice tokens were accepted: signed with keys from the one bulk read.
    expect(fake.requests.filter((r) => r.path.startsWith('/v1/calls'))).toHaveLength(4);
    expect(bulk).toHaveBeenCalledTimes(1);
    expect(reads).not.toHaveBeenCalled();
    reads.mockRestore();
    bulk.mockRestore();
    // What each check learned of the dashboard is kept, as a sync keeps it.
    expect((await ok('apps:get', { id: voiceApp })).dashboard).toMatchObject({
      name: 'Voice bot (dashboard)',
      capabilities: ['voice'],
    });
  });

  it('sends the secret only to https hosts or this machine', async () => {
    process.env.KEYDESK_VONAGE_REST_HOST = 'http://rest.example.com';
    try {
      const error = await vault.env().invoke('vonage:check', { refs: ['Acme'] });
      expect(error).toMatchObject({
        ok: false,
        error: { message: expect.stringContaining('must be https') },
      });
    } finally {
      process.env.KEYDESK_VONAGE_REST_HOST = fake.url;
    }
  });
});

describe("the fake answers as Vonage's own packages expect", () => {
  it('@vonage/accounts reads the balance and @vonage/applications the application', async () => {
    const auth = { apiKey: 'acme0001', apiSecret: 'right-Secret' };
    const balance = await new Accounts(auth, { restHost: fake.url }).getBalance();
    expect(balance).toMatchObject({ value: 12.5, autoReload: true });
    const app = await new Applications(auth, { apiHost: fake.url }).getApplication(voiceApp);
    expect(app).toMatchObject({ id: voiceApp, name: 'Voice bot (dashboard)' });
    expect(
      app.keys?.publicKey ?? (app.keys as { public_key?: string } | undefined)?.public_key,
    ).toBe(keys.spki);
  });
});
