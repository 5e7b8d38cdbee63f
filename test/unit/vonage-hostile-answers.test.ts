import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { contractCaller } from '../helpers/contract-caller';
import { type FakeVonage } from '../helpers/fake-vonage';
import { useFakeVonage } from '../helpers/use-fake-vonage';
import { makeRsaKeys, type RsaKeys } from '../helpers/keys';
import { useTestVault } from '../helpers/vault-fixture';

/**
 * What Vonage answers is held to the vault's own rules (issue 20, findings 4 and 9): a name with
 * terminal escapes or direction marks, capability keys that are not names, an id that is not an
 * application id, a page count no account has.
 */
const vault = useTestVault({ keychain: 'memory' });
const { ok, fails } = contractCaller(() => vault.env().invoke, { confirm: async () => true });
const fakeVonage = useFakeVonage();
let fake: FakeVonage;
let keys: RsaKeys;
const appId = 'aaaaaaaa-bbbb-4ccc-8ddd-0000000000c1';
const lookAlikeId = 'aaaaaaaa-bbbb-4ccc-8ddd-0000000000c2';
/** Sets the window title, then shows "Voice bot" written right to left over a hidden part. */
const hostileName = '\u001b]0;pwned\u0007Voice\u202Ebot\u001b[2J';

beforeAll(() => {
  keys = makeRsaKeys();
  fake = fakeVonage();
});
beforeEach(async () => {
  fake.reset();
  fake.accounts.set('acme0001', { apiKey: 'acme0001', secret: 's3cret', balance: 1 });
  fake.applications.set(appId, {
    id: appId,
    apiKey: 'acme0001',
    name: hostileName,
    capabilities: { voice: {}, '\u001b[31mred': {}, ['x'.repeat(300)]: {} },
    publicKey: keys.spki,
  });
  const account = await ok('accounts:create', {
    name: 'Acme',
    apiKey: 'acme0001',
    apiSecret: 's3cret',
  });
  await ok('apps:create', {
    accountId: account.id,
    id: appId,
    name: 'Voice',
    key: { kind: 'pem', pem: keys.pkcs8 },
  });
});

const controlOrBidi = /[\p{Cc}\u200B-\u200F\u202A-\u202E\u2060-\u2069]/u;

describe("Vonage's answers before they are shown or stored", () => {
  it('a check keeps the dashboard name without its escapes and only real capability names', async () => {
    const dashboardApp = fake.applications.get(appId);
    if (dashboardApp) dashboardApp.capabilities = { '\u001b[31mred': {}, messages: {} };
    const [result] = await ok('vonage:check', { refs: [appId] });
    expect(result?.code).toBe('OK');
    expect(result?.details).toMatchObject({
      dashboardName: ']0;pwned Voice bot [2J',
      capabilities: ['messages'],
    });
    expect(result?.message).not.toMatch(controlOrBidi);
    const stored = await ok('apps:get', { id: appId });
    expect(stored.dashboard).toMatchObject({
      name: ']0;pwned Voice bot [2J',
      capabilities: ['messages'],
    });
  });

  it('a sync shows and stores the cleaned name and capabilities', async () => {
    const result = await ok('vonage:sync', { account: 'Acme' });
    expect(result.applications).toEqual([
      expect.objectContaining({
        id: appId,
        state: 'stored',
        dashboardName: ']0;pwned Voice bot [2J',
        capabilities: ['voice'],
      }),
    ]);
    expect((await ok('apps:get', { id: appId })).dashboard?.name).not.toMatch(controlOrBidi);
  });

  it('a sync refuses a list with an id that is not an application id, changing nothing', async () => {
    const before = await ok('apps:get', { id: appId });
    const forged = 'not-an-id\u001b[2J';
    fake.applications.set(forged, {
      id: forged,
      apiKey: 'acme0001',
      name: 'Forged',
      capabilities: {},
      publicKey: keys.spki,
    });
    const refused = await fails('vonage:sync', { account: 'Acme' });
    expect(refused.code).toBe('VONAGE_FAILED');
    expect(refused.message).toMatch(/is not an application id; Keydesk did not use the answer/);
    expect(await ok('apps:get', { id: appId })).toEqual(before);
  });

  it('an add refuses a look-alike dashboard name unless a name is given', async () => {
    fake.applications.set(lookAlikeId, {
      id: lookAlikeId,
      apiKey: 'acme0001',
      name: 'Voice\u200Bbot',
      capabilities: {},
      publicKey: makeRsaKeys().spki,
    });
    const refused = await fails('vonage:addApplication', { account: 'Acme', id: lookAlikeId });
    expect(refused).toMatchObject({ code: 'VALIDATION', field: 'name' });
    expect(refused.message).toMatch(/breaks Keydesk's name rules .*; give a name of your own/);
    expect(fake.requests.filter((r) => r.method === 'PUT')).toEqual([]);
    expect((await ok('apps:list', {})).map((a) => a.id)).toEqual([appId]);

    const added = await ok('vonage:addApplication', {
      account: 'Acme',
      id: lookAlikeId,
      name: 'Voice bot 2',
    });
    expect(added.application.name).toBe('Voice bot 2');
  });

  it('a sync stops at a page count no account has, after one request', async () => {
    fake.claimTotalPages(1_000_000);
    const refused = await fails('vonage:sync', { account: 'Acme' });
    expect(refused.message).toMatch(
      /says it fills 1000000 pages of 100: more than any account has \(Keydesk reads at most 5000 applications, 50 pages\)/,
    );
    expect(fake.requests.filter((r) => r.path.startsWith('/v2/applications?'))).toHaveLength(1);
  });
});
