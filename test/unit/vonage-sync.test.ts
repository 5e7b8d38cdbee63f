import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { contractCaller } from '../helpers/contract-caller';
import { type FakeVonage } from '../helpers/fake-vonage';
import { useFakeVonage } from '../helpers/use-fake-vonage';
import { makeRsaKeys, type RsaKeys } from '../helpers/keys';
import { useTestVault } from '../helpers/vault-fixture';

/** An account's applications in the (fake) dashboard against the vault, every page of them. */
const vault = useTestVault({ keychain: 'memory' });
const { ok, fails } = contractCaller(() => vault.env().invoke);
// Two per page: a dashboard of five applications takes three pages.
const fakeVonage = useFakeVonage({ maxPageSize: 2 });
let fake: FakeVonage;
let keys: RsaKeys;
let other: RsaKeys;

beforeAll(() => {
  keys = makeRsaKeys();
  other = makeRsaKeys();
  fake = fakeVonage();
});

describe('apps sync', () => {
  it('says stored (key matches or not), missing and deleted, and keeps the dashboard names', async () => {
    fake.accounts.set('acme0001', { apiKey: 'acme0001', secret: 's3cret', balance: 1 });
    const account = await ok('accounts:create', {
      name: 'Acme',
      apiKey: 'acme0001',
      apiSecret: 's3cret',
    });
    const ids = Array.from({ length: 4 }, () => randomUUID());
    const [matching, rotated, gone, onlyThere] = ids as [string, string, string, string];
    for (const [id, name] of [
      [matching, 'Voice'],
      [rotated, 'Video'],
      [gone, 'Old bot'],
    ] as const)
      await ok('apps:create', {
        accountId: account.id,
        id,
        name,
        key: { kind: 'pem', pem: keys.pkcs8 },
      });
    const dashboard = (id: string, name: string, publicKey: string) =>
      fake.applications.set(id, {
        id,
        apiKey: 'acme0001',
        name,
        capabilities: { voice: {}, rtc: {} },
        publicKey,
      });
    dashboard(matching, 'Voice (prod)', keys.spki);
    dashboard(rotated, 'Video (prod)', other.spki);
    dashboard(onlyThere, 'New in dashboard', other.spki);
    for (let i = 0; i < 2; i += 1) dashboard(randomUUID(), `Extra ${i}`, other.spki);

    const result = await ok('vonage:sync', { account: 'Acme' });
    const byId = new Map(result.applications.map((a) => [a.id, a]));
    expect(byId.get(matching)).toMatchObject({
      state: 'stored',
      keyMatches: true,
      dashboardName: 'Voice (prod)',
      capabilities: ['voice', 'rtc'],
    });
    expect(byId.get(rotated)).toMatchObject({ state: 'stored', keyMatches: false });
    expect(byId.get(gone)).toMatchObject({ state: 'deleted' });
    expect(byId.get(onlyThere)).toMatchObject({ state: 'missing', name: 'New in dashboard' });
    expect(result.applications.filter((a) => a.state === 'missing')).toHaveLength(3);
    // Every page was read.
    expect(
      fake.requests.filter((r) => r.path.startsWith('/v2/applications?')).map((r) => r.path),
    ).toEqual([
      '/v2/applications?page_size=100&page=1',
      '/v2/applications?page_size=100&page=2',
      '/v2/applications?page_size=100&page=3',
    ]);
    // The dashboard's name is kept beside Keydesk's; nothing else changed.
    const app = await ok('apps:get', { id: matching });
    expect(app).toMatchObject({
      name: 'Voice',
      dashboard: { name: 'Voice (prod)', capabilities: ['voice', 'rtc'] },
    });
    expect(await ok('apps:get', { id: gone })).toMatchObject({ dashboard: null });
    const history = await ok('history:list', { action: 'check' });
    expect(history.events[0]?.summary).toBe(
      'Synced the applications of "Acme": 2 stored, 3 missing, 1 deleted',
    );
  });

  it('says the secret was refused, and refuses an application where an account belongs', async () => {
    await ok('accounts:create', { name: 'Acme', apiKey: 'acme0001', apiSecret: 's3cret' });
    fake.accounts.set('acme0001', { apiKey: 'acme0001', secret: 'rotated', balance: 1 });
    const refused = await fails('vonage:sync', { account: 'Acme' });
    expect(refused).toMatchObject({
      code: 'VONAGE_FAILED',
      message: expect.stringMatching(/^AUTH_FAILED: .*rotated/),
    });
    const app = randomUUID();
    const account = await ok('accounts:get', {
      id: (await ok('accounts:resolve', { ref: 'Acme' })).id,
    });
    await ok('apps:create', {
      accountId: account.id,
      id: app,
      name: 'Voice',
      key: { kind: 'pem', pem: keys.pkcs8 },
    });
    expect((await fails('vonage:sync', { account: 'Voice' })).message).toMatch(
      /is an application; sync takes the account \("Acme"\)/,
    );
  });
});
