import { createPublicKey } from 'node:crypto';
import { importSPKI, jwtVerify } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { aclForPreset } from '../../src/shared/acl';
import { seedWithCli } from '../helpers/cli';
import { cliInProcess } from '../helpers/cli-in-process';
import { fakeVonageEnv, startFakeVonage, type FakeVonage } from '../helpers/fake-vonage';
import { makeRsaKeys, type RsaKeys } from '../helpers/keys';
import { makeDataDir } from '../helpers/services';

/**
 * Vonage's "How to Generate Test Credentials" in three commands, as a user runs them: apps
 * create, users add, jwt --user; then users list/show/remove and decode --check-user.
 */
const dataDir = makeDataDir();
const appId = 'aaaaaaaa-bbbb-4ccc-8ddd-0000000000d1';
let fake: FakeVonage;
let keys: RsaKeys;
let keydesk: ReturnType<typeof cliInProcess>;

beforeAll(async () => {
  keys = makeRsaKeys();
  fake = await startFakeVonage();
  keydesk = cliInProcess(dataDir, fakeVonageEnv(fake));
  fake.accounts.set('acme0001', { apiKey: 'acme0001', secret: 's3cret-Acme', balance: 1 });
  fake.applications.set(appId, {
    id: appId,
    apiKey: 'acme0001',
    name: 'Chat',
    capabilities: { rtc: {} },
    publicKey: keys.spki,
  });
  await seedWithCli(keydesk, dataDir, {
    accounts: [{ name: 'Acme', apiKey: 'acme0001', secret: 's3cret-Acme' }],
    apps: [{ account: 'Acme', id: appId, name: 'Chat', pem: keys.pkcs8 }],
  });
});
beforeEach(() => {
  fake.fail(undefined);
  fake.users.reset();
  fake.requests.length = 0;
});
afterAll(async () => {
  await fake.close();
});

const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as Record<
    string,
    unknown
  >;

describe("the guide's three steps", () => {
  it('creates an application on Vonage, adds alice, and mints her Client SDK token', async () => {
    const created = await keydesk([
      'apps',
      'create',
      '--account',
      'Acme',
      '--name',
      'My App',
      '--capability',
      'rtc',
      '--json',
    ]);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const { application } = JSON.parse(created.stdout) as { application: { id: string } };
    const onVonage = fake.applications.get(application.id);
    expect(onVonage).toMatchObject({ name: 'My App', capabilities: { rtc: {} } });

    const added = await keydesk(['users', 'add', 'My App', 'alice', '--display-name', 'Alice']);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/Name: +alice\n/);
    expect(added.stdout).toMatch(/Region: +eu-west \(api-eu-3\.vonage\.com\)/);

    const minted = await keydesk(['jwt', 'My App', '--user', 'alice']);
    expect(minted.code).toBe(0);
    const token = minted.stdout.trim();
    // jose verifies with the public key Vonage holds for the new application.
    const { payload } = await jwtVerify(
      token,
      await importSPKI(onVonage?.publicKey ?? '', 'RS256'),
    );
    expect(payload).toMatchObject({ sub: 'alice', application_id: application.id });
    expect(payload.acl).toEqual(aclForPreset('client-sdk'));
  });

  it('refuses a user token for a name Vonage does not have, with the names meant', async () => {
    fake.users.seed(appId, 2, 'alice');
    const minted = await keydesk(['jwt', 'Chat', '--user', 'alice-001']);
    expect(minted.code).toBe(1);
    expect(minted.stdout).toBe('');
    expect(minted.stderr).toContain('"Chat" has no user "alice-001" on Vonage.');
    expect(minted.stderr).toContain('Did you mean "alice-0001"');
    expect((await keydesk(['jwt', 'Chat', '--user', 'a', '--sub', 'b'])).code).toBe(2);
  });

  it('a wrong capability is a usage error naming the choices', async () => {
    const wrong = await keydesk([
      'apps',
      'create',
      '--account',
      'Acme',
      '--name',
      'X',
      '--capability',
      'sms',
    ]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(
      '"sms" is not a capability; use voice, rtc, messages, video, verify',
    );
    expect(fake.requests).toEqual([]);
  });
});

describe('keydesk users', () => {
  it('lists every page as a table or JSON, and shows one user by name or id', async () => {
    fake.users.seed(appId, 150);
    const table = await keydesk(['users', 'list', 'Chat']);
    expect(table.code).toBe(0);
    const lines = table.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^USER ID +NAME +DISPLAY NAME +REGION$/);
    expect(lines).toHaveLength(151);
    const json = JSON.parse((await keydesk(['users', 'list', 'Chat', '--json'])).stdout) as {
      users: { id: string; name: string }[];
    };
    expect(json.users.map((u) => u.name)).toEqual(fake.users.usersOf(appId).map((u) => u.name));
    const byId = await keydesk(['users', 'show', 'Chat', json.users[42]?.id ?? '', '--json']);
    expect(JSON.parse(byId.stdout)).toMatchObject({ user: { name: 'user-0043' } });
  });

  it('removes only with a yes: no terminal and no --yes is refused with nothing removed', async () => {
    fake.users.seed(appId, 1, 'bob');
    const refused = await keydesk(['users', 'remove', 'Chat', 'bob-0001']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Not removing a user without confirmation: pass --yes');
    expect(fake.users.usersOf(appId)).toHaveLength(1);
    expect(fake.requests.filter((r) => r.method === 'DELETE')).toEqual([]);
    const removed = await keydesk(['users', 'remove', 'Chat', 'bob-0001', '--yes']);
    expect(removed.code).toBe(0);
    expect(removed.stderr).toMatch(/Removed user "bob-0001" \(USR-[\w-]+\) from "Chat"/);
    expect(fake.users.usersOf(appId)).toEqual([]);
    const history = await keydesk(['history', '--json', '--action', 'remove']);
    expect(history.stdout).toContain('Removed user \\"bob-0001\\" from \\"Chat\\" on Vonage');
  });

  it('names a refused token and a Vonage that keeps answering 429', async () => {
    const app = fake.applications.get(appId);
    if (!app) throw new Error('no app');
    app.publicKey = makeRsaKeys().spki;
    try {
      const refused = await keydesk(['users', 'list', 'Chat']);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/another public key/);
    } finally {
      app.publicKey = createPublicKey(keys.pkcs8)
        .export({ type: 'spki', format: 'pem' })
        .toString();
    }
    fake.fail({ kind: 'status', status: 429, retryAfter: '0' });
    const limited = await keydesk(['users', 'list', 'Chat']);
    expect(limited.code).toBe(1);
    expect(limited.stderr).toMatch(/429/);
  });
});

describe('keydesk decode --check-user', () => {
  it('says first whether sub is a user, and exits 1 when it names nobody', async () => {
    fake.users.seed(appId, 1, 'carol');
    const mint = async (sub: string) =>
      (await keydesk(['jwt', 'Chat', '--sub', sub, '--acl-preset', 'client-sdk'])).stdout.trim();
    const good = await keydesk(['decode', await mint('carol-0001'), '--check-user']);
    expect(good.code).toBe(0);
    expect(good.stdout.split('\n')[0]).toMatch(/^User: +sub "carol-0001" is a user of "Chat"/);
    const bad = await keydesk(['decode', await mint('carol-001'), '--check-user']);
    expect(bad.code).toBe(1);
    expect(bad.stdout.split('\n')[0]).toContain('sub "carol-001" names no user of "Chat"');
    expect(bad.stdout).toContain('Did you mean "carol-0001"');
    const json = JSON.parse(
      (await keydesk(['decode', await mint('carol-001'), '--check-user', '--json'])).stdout,
    ) as { subject: { state: string; closest: string[] } };
    expect(json.subject).toMatchObject({ state: 'no-user', closest: ['carol-0001'] });
    expect(claimsOf(await mint('x')).sub).toBe('x');
  });
});
