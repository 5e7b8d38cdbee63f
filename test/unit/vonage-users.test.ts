import { createPublicKey, verify } from 'node:crypto';
import { Applications } from '@vonage/applications';
import { Users } from '@vonage/users';
import { decodeJwt, importSPKI, jwtVerify } from 'jose';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Confirmation } from '../../src/core/handlers/handler-types';
import { contractCaller } from '../helpers/contract-caller';
import { type FakeVonage } from '../helpers/fake-vonage';
import { makeRsaKeys, type RsaKeys } from '../helpers/keys';
import { useFakeVonage } from '../helpers/use-fake-vonage';
import { useTestVault } from '../helpers/vault-fixture';

/**
 * The guide's three steps against the fake Vonage (real HTTP on 127.0.0.1): an application made
 * on Vonage, its Client SDK users, and the check of a token's sub. The fake is held to Vonage's
 * own packages (@vonage/users, @vonage/applications) first.
 */
const vault = useTestVault({ keychain: 'memory' });
const asked: Confirmation[] = [];
const answers: boolean[] = [];
const { ok, fails } = contractCaller(() => vault.env().invoke, {
  confirm: async (question) => {
    asked.push(question);
    return answers.shift() ?? true;
  },
});
const fakeVonage = useFakeVonage();
let fake: FakeVonage;
let keys: RsaKeys;
const appId = 'aaaaaaaa-bbbb-4ccc-8ddd-0000000000c1';
const auth = { apiKey: 'acme0001', apiSecret: 's3cret-Acme' };

beforeAll(() => {
  keys = makeRsaKeys();
  fake = fakeVonage();
});
beforeEach(async () => {
  fake.reset();
  asked.length = 0;
  answers.length = 0;
  fake.accounts.set(auth.apiKey, { apiKey: auth.apiKey, secret: auth.apiSecret, balance: 1 });
  fake.applications.set(appId, {
    id: appId,
    apiKey: auth.apiKey,
    name: 'Chat',
    capabilities: { rtc: {} },
    publicKey: keys.spki,
  });
  const account = await ok('accounts:create', { name: 'Acme', ...auth });
  await ok('apps:create', {
    accountId: account.id,
    id: appId,
    name: 'Chat',
    key: { kind: 'pem', pem: keys.pkcs8 },
  });
});

const userRequests = () => fake.requests.filter((r) => r.path.startsWith('/v1/users'));
const history = async () => (await ok('history:list', { limit: 50 })).events;

describe("the fake answers as Vonage's own packages expect", () => {
  it('@vonage/users pages, creates, finds and deletes; @vonage/applications creates', async () => {
    fake.users.seed(appId, 230);
    const users = new Users(
      { applicationId: appId, privateKey: keys.pkcs8 },
      { apiHost: fake.url },
    );
    const all = [];
    for await (const user of users.listAllUsers({ pageSize: 100 })) all.push(user);
    expect(all).toHaveLength(230);
    expect(all[229]).toMatchObject({ name: 'user-0230', displayName: 'User 230' });
    const made = await users.createUser({ name: 'alice', displayName: 'Alice' });
    expect(made.id).toMatch(/^USR-/);
    expect((await users.getUser('alice')).id).toBe(made.id);
    await users.deleteUser(made.id ?? '');
    await expect(users.getUser(made.id ?? '')).rejects.toThrow();

    const created = await new Applications(auth, { apiHost: fake.url }).createApplication({
      name: 'Made by the SDK',
      capabilities: { rtc: {} },
      keys: { publicKey: keys.spki },
    } as never);
    expect(created).toMatchObject({ name: 'Made by the SDK' });
    expect(fake.applications.get(String(created.id))?.name).toBe('Made by the SDK');
  });
});

describe('users of an application', () => {
  it('lists every page (100 a page, cursor only, on the configured host) with regions', async () => {
    fake.users.seed(appId, 230);
    const list = await ok('users:list', { app: 'Chat' });
    expect(list.users).toHaveLength(230);
    expect(list.users.map((u) => u.name)).toEqual(fake.users.usersOf(appId).map((u) => u.name));
    expect(list.users[0]).toMatchObject({
      id: expect.stringMatching(/^USR-/),
      displayName: 'User 1',
      host: 'api-eu-3.vonage.com',
      region: 'eu-west',
    });
    // Three pages, each asked of the fake itself though the links name a regional host.
    expect(
      userRequests().map((r) => new URL(r.path, fake.url).searchParams.get('page_size')),
    ).toEqual(['100', '100', '100']);
    // The admin token Vonage's SDKs send: the application's, no sub, no acl; jose verifies it.
    const token = userRequests()[0]?.authorization.replace(/^Bearer /, '') ?? '';
    const { payload } = await jwtVerify(token, await importSPKI(keys.spki, 'RS256'));
    expect(payload.application_id).toBe(appId);
    expect(payload.sub).toBeUndefined();
    expect(payload.acl).toBeUndefined();
  });

  it('adds a user, refuses a duplicate name beside the name field, and records both', async () => {
    const added = await ok('users:add', { app: 'Chat', name: 'alice', displayName: 'Alice A.' });
    expect(added.user).toMatchObject({ name: 'alice', displayName: 'Alice A.', region: 'eu-west' });
    expect(fake.users.usersOf(appId)).toEqual([
      expect.objectContaining({ name: 'alice', display_name: 'Alice A.' }),
    ]);
    expect(await fails('users:add', { app: 'Chat', name: 'alice' })).toMatchObject({
      code: 'CONFLICT',
      field: 'name',
      message: expect.stringContaining('already has a user of that name'),
    });
    expect(await fails('users:add', { app: 'Chat', name: 'bad\u202ename' })).toMatchObject({
      code: 'VALIDATION',
      field: 'name',
    });
    const events = (await history()).filter(
      (e) => e.action === 'create' && e.summary.includes('user'),
    );
    expect(events.map((e) => [e.outcome, e.summary])).toEqual([
      ['failed', 'Added user "alice" to "Chat" on Vonage'],
      ['ok', 'Added user "alice" to "Chat" on Vonage'],
    ]);
    expect(events[1]?.details).toMatchObject({ userId: added.user.id, sub: 'alice' });
  });

  it('shows a user by name or id; an unknown name says which names were meant', async () => {
    fake.users.seed(appId, 3, 'agent');
    const first = fake.users.usersOf(appId)[0];
    expect((await ok('users:get', { app: 'Chat', user: 'agent-0001' })).user.id).toBe(first?.id);
    expect((await ok('users:get', { app: 'Chat', user: first?.id })).user.name).toBe('agent-0001');
    expect(await fails('users:get', { app: 'Chat', user: 'agent-001' })).toMatchObject({
      code: 'NOT_FOUND',
      field: 'user',
      message: expect.stringContaining('Did you mean "agent-0001"'),
    });
  });

  it("removes only after main's confirmation; a no leaves the user on Vonage", async () => {
    await ok('users:add', { app: 'Chat', name: 'bob' });
    answers.push(false);
    expect(await fails('users:remove', { app: 'Chat', user: 'bob' })).toEqual({
      code: 'CANCELLED',
      message: 'The user was not removed.',
    });
    expect(asked[0]).toMatchObject({
      action: 'Remove user',
      message: 'Remove user "bob" from "Chat" (account "Acme") on Vonage?',
    });
    expect(fake.users.usersOf(appId)).toHaveLength(1);
    expect(
      await contractCaller(() => vault.env().invoke).fails('users:remove', {
        app: 'Chat',
        user: 'bob',
      }),
    ).toMatchObject({ code: 'INTERNAL' });
    const removed = await ok('users:remove', { app: 'Chat', user: 'bob' });
    expect(removed.user.name).toBe('bob');
    expect(fake.users.usersOf(appId)).toEqual([]);
    expect((await history()).find((e) => e.action === 'remove')?.summary).toBe(
      'Removed user "bob" from "Chat" on Vonage',
    );
  });

  it('says the dashboard holds another key when Vonage refuses the token', async () => {
    const other = makeRsaKeys();
    const app = fake.applications.get(appId);
    if (app) app.publicKey = other.spki;
    expect(await fails('users:list', { app: 'Chat' })).toMatchObject({
      code: 'VONAGE_FAILED',
      message: expect.stringMatching(/401 system:error:invalid-token.*another public key/),
    });
  });

  it('429 is asked again, then named; garbage and huge answers are refused', async () => {
    fake.users.seed(appId, 2);
    fake.fail({ kind: 'status', status: 429, times: 2, retryAfter: '0' });
    expect((await ok('users:list', { app: 'Chat' })).users).toHaveLength(2);
    fake.fail({ kind: 'status', status: 429, retryAfter: '0' });
    expect(await fails('users:list', { app: 'Chat' })).toMatchObject({
      code: 'VONAGE_FAILED',
      message: expect.stringContaining('429'),
    });
    for (const kind of ['garbage', 'huge'] as const) {
      fake.fail({ kind });
      expect(await fails('users:list', { app: 'Chat' })).toMatchObject({
        code: 'VONAGE_FAILED',
        message: expect.stringContaining('BAD_RESPONSE'),
      });
    }
    fake.fail(undefined);
  });
});

describe("a token's sub against the application's users", () => {
  const tokenFor = async (sub: string | null) =>
    (await vault.env().services.mint({ applicationId: appId, sub })).token;

  it('says a user, no user (with the names meant), or why it cannot ask', async () => {
    await ok('users:add', { app: 'Chat', name: 'alice' });
    expect(await ok('users:checkToken', { token: await tokenFor('alice') })).toMatchObject({
      state: 'user',
      user: { name: 'alice', region: 'eu-west' },
    });
    const missing = await ok('users:checkToken', { token: await tokenFor('alicee') });
    expect(missing).toMatchObject({ state: 'no-user', sub: 'alicee', closest: ['alice'] });
    expect(missing.message).toContain('a Client SDK login with this token fails');
    expect(await ok('users:checkToken', { token: await tokenFor(null) })).toMatchObject({
      state: 'cannot-check',
      message: expect.stringContaining('no sub'),
    });
    const foreign = decodeJwt(await tokenFor('alice'));
    expect(foreign.application_id).toBe(appId);
    await ok('apps:remove', { id: appId });
    const stranger = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ ...foreign })).toString('base64url')}.`;
    expect(await ok('users:checkToken', { token: stranger })).toMatchObject({
      state: 'cannot-check',
      message: expect.stringContaining('is not stored in Keydesk'),
    });
  });
});

describe('an application created on Vonage', () => {
  it('sends only a public key made here, stores the private half, and records it', async () => {
    const created = await ok('vonage:createApplication', {
      account: 'Acme',
      name: 'Support chat',
      capabilities: ['rtc', 'voice'],
      answerUrl: 'https://example.com/answer',
      eventUrl: 'https://example.com/event',
    });
    const id = created.application.id;
    const sent = JSON.parse(fake.requests.find((r) => r.method === 'POST')?.body ?? '{}') as {
      keys: { public_key: string };
      capabilities: Record<string, { webhooks?: Record<string, { address: string }> }>;
    };
    expect(JSON.stringify(sent)).not.toContain('PRIVATE KEY');
    expect(sent.capabilities.voice?.webhooks?.answer_url?.address).toBe(
      'https://example.com/answer',
    );
    expect(sent.capabilities.rtc?.webhooks?.event_url?.address).toBe('https://example.com/event');
    expect(fake.applications.get(id)).toMatchObject({ name: 'Support chat' });
    expect(created.capabilities.sort()).toEqual(['rtc', 'voice']);
    // A token minted with the stored key verifies with the key Vonage holds (node:crypto).
    const { token } = await vault.env().services.mint({ applicationId: id });
    const [header, payload, signature] = token.split('.') as [string, string, string];
    expect(
      verify(
        'sha256',
        Buffer.from(`${header}.${payload}`),
        createPublicKey(fake.applications.get(id)?.publicKey ?? ''),
        Buffer.from(signature, 'base64url'),
      ),
    ).toBe(true);
    expect((await history()).find((e) => e.applicationId === id)?.summary).toBe(
      'Created application "Support chat" on Vonage (rtc, voice) with a new key',
    );
    // The guide's next step works at once with the new application's own key.
    expect((await ok('users:add', { app: id, name: 'alice' })).user.name).toBe('alice');
  });

  it('a wrong secret, a refusal and bad input store nothing', async () => {
    const before = await ok('apps:list', {});
    fake.accounts.set(auth.apiKey, {
      apiKey: auth.apiKey,
      secret: 'rotated-Elsewhere1',
      balance: 1,
    });
    expect(
      await fails('vonage:createApplication', {
        account: 'Acme',
        name: 'X',
        capabilities: ['rtc'],
      }),
    ).toMatchObject({ code: 'VONAGE_FAILED', message: expect.stringContaining('AUTH_FAILED') });
    expect(
      await fails('vonage:createApplication', { account: 'Acme', name: 'X', capabilities: [] }),
    ).toMatchObject({ code: 'VALIDATION', field: 'capabilities' });
    expect(
      await fails('vonage:createApplication', {
        account: 'Acme',
        name: 'X',
        capabilities: ['voice'],
        answerUrl: 'ftp://example.com',
      }),
    ).toMatchObject({ code: 'VALIDATION', field: 'answerUrl' });
    expect(await ok('apps:list', {})).toEqual(before);
  });
});
