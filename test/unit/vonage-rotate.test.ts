import { createPublicKey, verify } from 'node:crypto';
import { Applications } from '@vonage/applications';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { secretRefs } from '../../src/core/keychain/keychain';
import type { Confirmation } from '../../src/core/handlers/handler-types';
import { contractCaller } from '../helpers/contract-caller';
import { type FakeVonage } from '../helpers/fake-vonage';
import { useFakeVonage } from '../helpers/use-fake-vonage';
import { makeRsaKeys, type RsaKeys } from '../helpers/keys';
import { useTestVault } from '../helpers/vault-fixture';

/** Key rotation and add-with-upload against the fake dashboard (real HTTP on 127.0.0.1). */
const vault = useTestVault({ keychain: 'memory' });
/** Main's confirmation dialog, as the person answers it: yes unless a test says otherwise. */
const asked: Confirmation[] = [];
const answers: boolean[] = [];
const { ok, fails } = contractCaller(() => vault.env().invoke, {
  confirm: async (question) => {
    asked.push(question);
    return answers.shift() ?? true;
  },
});
/** A transport that forgot to confirm. */
const unconfirmed = contractCaller(() => vault.env().invoke);
const fakeVonage = useFakeVonage();
let fake: FakeVonage;
let keys: RsaKeys;
const appId = 'aaaaaaaa-bbbb-4ccc-8ddd-0000000000a1';
const missingId = 'aaaaaaaa-bbbb-4ccc-8ddd-0000000000a2';
const capabilities = {
  voice: {
    webhooks: { answer_url: { address: 'https://example.com/answer', http_method: 'GET' } },
  },
  rtc: { webhooks: { event_url: { address: 'https://example.com/rtc', http_method: 'POST' } } },
};
const auth = { apiKey: 'acme0001', apiSecret: 's3cret' };

beforeAll(() => {
  keys = makeRsaKeys();
  fake = fakeVonage();
});
beforeEach(async () => {
  fake.reset();
  asked.length = 0;
  answers.length = 0;
  fake.accounts.set('acme0001', { apiKey: 'acme0001', secret: 's3cret', balance: 1 });
  for (const [id, name] of [
    [appId, 'Voice (prod)'],
    [missingId, 'Only in the dashboard'],
  ] as const) {
    fake.applications.set(id, {
      id,
      apiKey: 'acme0001',
      name,
      capabilities: structuredClone(capabilities),
      privacy: { improve_ai: false },
      publicKey: keys.spki,
    });
  }
  const account = await ok('accounts:create', { name: 'Acme', ...auth });
  await ok('apps:create', {
    accountId: account.id,
    id: appId,
    name: 'Voice',
    key: { kind: 'pem', pem: keys.pkcs8 },
  });
});

const dashboardKey = (id: string) => fake.applications.get(id)?.publicKey ?? '';
const der = (pem: string) => createPublicKey(pem).export({ type: 'spki', format: 'der' });
const pendingRef = secretRefs.pendingPrivateKey(appId);
const refs = () => vault.env().services.keychain.listRefs();

/** A token minted now verifies against the key the dashboard has (node:crypto as the judge). */
async function tokenVerifiesWithDashboardKey(id: string): Promise<boolean> {
  const { token } = await vault.env().services.mint({ applicationId: id });
  const [header, payload, signature] = token.split('.') as [string, string, string];
  return verify(
    'sha256',
    Buffer.from(`${header}.${payload}`),
    createPublicKey(dashboardKey(id)),
    Buffer.from(signature, 'base64url'),
  );
}

describe('a key change is confirmed by the caller first', () => {
  it('a declined rotation changes nothing: no key made, nothing sent, the key in use stays', async () => {
    const before = await ok('apps:get', { id: appId });
    answers.push(false);
    expect(await fails('vonage:rotateKey', { app: 'Voice' })).toEqual({
      code: 'CANCELLED',
      message: 'The key was not rotated.',
    });
    expect(asked).toEqual([
      expect.objectContaining({
        action: 'Rotate key',
        message: 'Rotate the key of "Voice" in account "Acme"?',
      }),
    ]);
    expect(asked[0]?.detail).toContain(appId);
    expect(fake.requests).toEqual([]);
    expect(await ok('apps:get', { id: appId })).toEqual(before);
    expect(await vault.env().services.keychain.get(pendingRef)).toBeNull();
    expect(await tokenVerifiesWithDashboardKey(appId)).toBe(true);
  });

  it('a caller that cannot ask is refused, for a rotation and an add alike', async () => {
    for (const [channel, input] of [
      ['vonage:rotateKey', { app: 'Voice' }],
      ['vonage:addApplication', { account: 'Acme', id: missingId }],
    ] as const) {
      expect(await unconfirmed.fails(channel, input)).toMatchObject({
        code: 'INTERNAL',
        message: expect.stringMatching(/needs a confirmation/),
      });
    }
    expect(fake.requests.filter((r) => r.method === 'PUT')).toEqual([]);
    expect((await ok('apps:list', {})).map((a) => a.id)).toEqual([appId]);
  });

  it('a declined add stores nothing, and the question names the dashboard application', async () => {
    answers.push(false);
    expect(await fails('vonage:addApplication', { account: 'Acme', id: missingId })).toEqual({
      code: 'CANCELLED',
      message: 'The application was not added.',
    });
    expect(asked[0]?.message).toBe(
      'Add "Only in the dashboard" to account "Acme" with a new key pair?',
    );
    expect(fake.requests.filter((r) => r.method === 'PUT')).toEqual([]);
    expect((await ok('apps:list', {})).map((a) => a.id)).toEqual([appId]);
  });
});

describe('rotating an application key', () => {
  it('uploads a new public key with the rest of the application unchanged, then signs with it', async () => {
    const before = await ok('apps:get', { id: appId });
    const change = await ok('vonage:rotateKey', { app: 'Voice' });
    expect(change.application.fingerprint).not.toBe(before.fingerprint);
    expect(change.application.keyBits).toBe(2048);
    expect(change.application.pendingKey).toBeNull();
    expect(der(dashboardKey(appId))).toEqual(der(change.application.publicKeyPem));
    expect(await tokenVerifiesWithDashboardKey(appId)).toBe(true);

    // The PUT carried the object the GET returned, with only keys.public_key changed.
    const [got, put] = fake.requests.filter((r) => r.path === `/v2/applications/${appId}`);
    expect(got?.method).toBe('GET');
    expect(put?.method).toBe('PUT');
    const sent = JSON.parse(put?.body ?? '{}') as Record<string, unknown>;
    expect(sent).toMatchObject({
      id: appId,
      name: 'Voice (prod)',
      capabilities,
      privacy: { improve_ai: false },
    });
    expect(der((sent.keys as { public_key: string }).public_key)).toEqual(
      der(change.application.publicKeyPem),
    );
    // Vonage's own package reads the dashboard after the change: capabilities all there.
    const read = await new Applications(auth, { apiHost: fake.url }).getApplication(appId);
    expect(Object.keys(read.capabilities ?? {}).sort()).toEqual(['rtc', 'voice']);
    expect(await refs()).not.toContain(pendingRef);
    const history = await ok('history:list', { action: 'rotate-key' });
    expect(history.events[0]).toMatchObject({
      outcome: 'ok',
      summary: 'Rotated the key of "Voice"',
      applicationName: 'Voice',
    });
  });

  it('keeps the key in use when Vonage refuses the upload, and leaves nothing behind', async () => {
    const before = await ok('apps:get', { id: appId });
    fake.fail({ kind: 'status', status: 401, method: 'PUT' });
    const refused = await fails('vonage:rotateKey', { app: appId });
    expect(refused.code).toBe('VONAGE_FAILED');
    expect(refused.message).toMatch(/^AUTH_FAILED: .*The previous key stays in use\.$/);
    const after = await ok('apps:get', { id: appId });
    expect(after.fingerprint).toBe(before.fingerprint);
    expect(after.pendingKey).toBeNull();
    expect(await refs()).not.toContain(pendingRef);
    expect(await tokenVerifiesWithDashboardKey(appId)).toBe(true);
    expect((await ok('history:list', { action: 'rotate-key' })).events[0]?.outcome).toBe('failed');
  });

  it('asks Vonage when the connection breaks: adopts the key it has, or keeps the old one', async () => {
    const before = await ok('apps:get', { id: appId });
    // Cut before Vonage applied it: the old key stays.
    fake.fail({ kind: 'drop', method: 'PUT' });
    const lost = await fails('vonage:rotateKey', { app: appId });
    expect(lost.message).toMatch(/Vonage kept the previous key of "Voice"/);
    expect((await ok('apps:get', { id: appId })).fingerprint).toBe(before.fingerprint);
    expect(await tokenVerifiesWithDashboardKey(appId)).toBe(true);

    // Cut after Vonage applied it: Keydesk finds the new key there and switches to it.
    fake.fail({ kind: 'drop', method: 'PUT', applied: true });
    const applied = await fails('vonage:rotateKey', { app: appId });
    expect(applied.message).toMatch(/Vonage has the new key of "Voice": Keydesk now signs with it/);
    const after = await ok('apps:get', { id: appId });
    expect(after.fingerprint).not.toBe(before.fingerprint);
    expect(after.pendingKey).toBeNull();
    expect(await tokenVerifiesWithDashboardKey(appId)).toBe(true);
    expect(await refs()).not.toContain(pendingRef);
  });

  it('keeps the change pending when Vonage cannot be asked at all, for the doctor to finish', async () => {
    fake.fail({ kind: 'drop', method: 'PUT', applied: true, staysDown: true });
    const unknown = await fails('vonage:rotateKey', { app: appId });
    expect(unknown.message).toMatch(/kept as pending; run "keydesk doctor --fix"/);
    const pending = await ok('apps:get', { id: appId });
    expect(pending.pendingKey).toMatchObject({ operation: 'rotate' });
    expect(await refs()).toContain(pendingRef);
    // A second rotation waits for the first to be settled.
    expect((await fails('vonage:rotateKey', { app: appId })).message).toMatch(
      /Run "keydesk doctor --fix" first/,
    );
    // Vonage answers again, and has the new key (the PUT was applied before the cut).
    fake.fail(undefined);
    const report = await ok('doctor:run', { fix: true });
    expect(report.pendingKeys).toEqual([
      expect.objectContaining({ id: appId, name: 'Voice', operation: 'rotate' }),
    ]);
    expect(report.orphanSecrets).toEqual([]);
    expect(report.repairs).toEqual([
      'Vonage has the new key of "Voice": Keydesk now signs with it.',
    ]);
    expect(await tokenVerifiesWithDashboardKey(appId)).toBe(true);
    expect(await refs()).not.toContain(pendingRef);
    expect((await vault.env().services.doctor(false)).pendingKeys).toEqual([]);
  });

  it('drops a pending key whose application was deleted from the dashboard meanwhile', async () => {
    const before = await ok('apps:get', { id: appId });
    fake.fail({ kind: 'drop', method: 'PUT', applied: true, staysDown: true });
    await fails('vonage:rotateKey', { app: appId });
    expect((await ok('apps:get', { id: appId })).pendingKey).not.toBeNull();
    fake.fail(undefined);
    fake.applications.delete(appId);
    const report = await ok('doctor:run', { fix: true });
    expect(report.repairs).toEqual([
      '"Voice" is no longer in the dashboard: the new key was discarded; the previous one stays stored (run a check or a sync).',
    ]);
    const after = await ok('apps:get', { id: appId });
    expect(after.pendingKey).toBeNull();
    expect(after.fingerprint).toBe(before.fingerprint);
    expect(await refs()).not.toContain(pendingRef);
  });

  it('says which application when the name is unknown or the account fails', async () => {
    expect((await fails('vonage:rotateKey', { app: 'Voise' })).message).toMatch(
      /No application named or with id "Voise".*did you mean "Voice"/i,
    );
    fake.accounts.set('acme0001', { apiKey: 'acme0001', secret: 'rotated', balance: 1 });
    const refused = await fails('vonage:rotateKey', { app: appId });
    expect(refused.message).toMatch(/^AUTH_FAILED: .*The previous key stays in use/);
    expect(fake.requests.some((r) => r.method === 'PUT')).toBe(false);
  });
});

describe('adding a dashboard application with a new key', () => {
  it('stores it, uploads the public half and keeps the dashboard name', async () => {
    const change = await ok('vonage:addApplication', {
      account: 'Acme',
      id: missingId,
      name: 'Bot',
    });
    expect(change.application).toMatchObject({
      id: missingId,
      name: 'Bot',
      accountName: 'Acme',
      pendingKey: null,
      dashboard: { name: 'Only in the dashboard', capabilities: ['voice', 'rtc'] },
    });
    expect(der(dashboardKey(missingId))).toEqual(der(change.application.publicKeyPem));
    expect(await tokenVerifiesWithDashboardKey(missingId)).toBe(true);
    const sync = await ok('vonage:sync', { account: 'Acme' });
    expect(sync.applications.find((a) => a.id === missingId)).toMatchObject({
      state: 'stored',
      keyMatches: true,
    });
  });

  it('takes the dashboard name when none is given, and adds nothing the dashboard lacks', async () => {
    const named = await ok('vonage:addApplication', { account: 'Acme', id: missingId });
    expect(named.application.name).toBe('Only in the dashboard');
    const unknown = await fails('vonage:addApplication', {
      account: 'Acme',
      id: 'aaaaaaaa-bbbb-4ccc-8ddd-0000000000ff',
    });
    expect(unknown.message).toMatch(/^NOT_FOUND: Account acme0001 has no application/);
    expect(await fails('vonage:addApplication', { account: 'Acme', id: 'nope' })).toMatchObject({
      code: 'VALIDATION',
      field: 'id',
    });
  });

  it('takes the application out again when Vonage refuses the key', async () => {
    fake.fail({ kind: 'status', status: 500, method: 'PUT' });
    const refused = await fails('vonage:addApplication', { account: 'Acme', id: missingId });
    // A 500 may or may not have changed the dashboard: Keydesk asked, and it still had the old key.
    expect(refused.message).toMatch(/^SERVER_ERROR: .*never reached Vonage/);
    expect((await fails('apps:get', { id: missingId })).code).toBe('NOT_FOUND');
    expect(await refs()).not.toContain(secretRefs.privateKey(missingId));
    expect(der(dashboardKey(missingId))).toEqual(der(keys.spki));
  });
});

describe("the fake dashboard's update", () => {
  it("accepts what Vonage's own package sends, and refuses a body without a public key", async () => {
    const client = new Applications(auth, { apiHost: fake.url });
    const app = await client.getApplication(appId);
    const updated = await client.updateApplication({ ...app, name: 'Renamed by the SDK' });
    expect(updated.name).toBe('Renamed by the SDK');
    expect(fake.applications.get(appId)?.publicKey).toBe(keys.spki);
    const response = await fetch(`${fake.url}/v2/applications/${appId}`, {
      method: 'PUT',
      headers: {
        authorization: `Basic ${Buffer.from('acme0001:s3cret').toString('base64')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ name: 'x', keys: { public_key: 'not a key' } }),
    });
    expect(response.status).toBe(400);
  });
});
