import { Secrets } from '@vonage/accounts';
import { SubAccounts } from '@vonage/subaccounts';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Confirmation } from '../../src/core/handlers/handler-types';
import { secretRefs } from '../../src/core/keychain/keychain';
import { addSecret, listSecrets, revokeSecret } from '../../src/core/vonage/secrets-api';
import { createVonageClient, type VonageCall } from '../../src/core/vonage/vonage-client';
import { contractCaller } from '../helpers/contract-caller';
import { type FakeVonage } from '../helpers/fake-vonage';
import { useFakeVonage } from '../helpers/use-fake-vonage';
import { useTestVault } from '../helpers/vault-fixture';

/** API secret rotation and subaccounts against the fake Vonage (real HTTP on 127.0.0.1). */
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
const first = 'first-Secret1';

beforeAll(() => {
  fake = fakeVonage();
});
beforeEach(async () => {
  fake.reset();
  asked.length = 0;
  answers.length = 0;
  fake.accounts.set('acme0001', { apiKey: 'acme0001', secret: first, balance: 5, name: 'Acme' });
  await ok('accounts:create', { name: 'Acme', apiKey: 'acme0001', apiSecret: first });
});

const stored = () => vault.env().services.vault.accounts.revealSecret(acmeId(), 'apiSecret');
const acmeId = () => vault.env().services.vault.accounts.resolve('Acme').id;
const atVonage = () => fake.secretsOf(fake.accounts.get('acme0001') ?? ({} as never));
const historyText = async () => JSON.stringify(await ok('history:list', { limit: 100 }));

describe("the fake answers as Vonage's own packages expect", () => {
  it('@vonage/accounts Secrets and @vonage/subaccounts SubAccounts work against it', async () => {
    const secrets = new Secrets({ apiKey: 'acme0001', apiSecret: first }, { apiHost: fake.url });
    const made = await secrets.createSecret('acme0001', 'second-Secret2');
    expect(made.id).toEqual(expect.any(String));
    const listed = await secrets.listSecrets('acme0001');
    expect(listed._embedded.secrets.map((s) => s.id)).toContain(made.id);
    await secrets.deleteSecret('acme0001', made.id);
    await expect(secrets.createSecret('acme0001', 'weak')).rejects.toThrow();

    const subs = new SubAccounts({ apiKey: 'acme0001', apiSecret: first }, { apiHost: fake.url });
    const created = await subs.createSubAccount({ name: 'Branch', usePrimaryAccountBalance: true });
    expect(created).toMatchObject({ name: 'Branch', secret: expect.any(String) });
    expect((await subs.listSubAccounts()).map((s) => s.name)).toEqual(['Branch']);
  });
});

describe('secret rotation', () => {
  it('a no changes nothing; a yes adds, proves, stores, then revokes the old one', async () => {
    answers.push(false);
    expect(await fails('secrets:rotate', { account: 'Acme' })).toMatchObject({ code: 'CANCELLED' });
    expect(fake.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(await stored()).toBe(first);

    const rotation = await ok('secrets:rotate', { account: 'Acme' });
    expect(asked[1]).toMatchObject({
      action: 'Rotate secret',
      message: 'Rotate the API secret of "Acme" (acme0001)?',
    });
    const secret = await stored();
    expect(secret).not.toBe(first);
    expect(secret).toMatch(/^(?=.*[a-z])(?=.*[A-Z])(?=.*\d)[A-Za-z0-9]{25}$/);
    expect(atVonage().map((s) => s.value)).toEqual([secret]);
    expect(rotation).toMatchObject({ oldStillWorks: false, revokeFailed: false });
    expect(rotation.revoked?.id).toBeDefined();
    // The stored secret is the one Vonage accepts (the balance with Basic auth).
    expect((await ok('vonage:check', { refs: ['Acme'] }))[0]?.code).toBe('OK');
    const list = await ok('secrets:list', { account: 'Acme' });
    expect(list.secrets).toEqual([
      expect.objectContaining({ id: rotation.newSecret.id, held: true }),
    ]);
    const history = await historyText();
    expect(history).toContain('Rotated the API secret of \\"Acme\\"');
    expect(history).not.toContain(secret);
  });

  it('--keep-old keeps both; a third is refused before any change, naming both', async () => {
    const kept = await ok('secrets:rotate', { account: 'Acme', keepOld: true });
    expect(kept.oldStillWorks).toBe(true);
    expect(atVonage()).toHaveLength(2);
    const posts = () => fake.requests.filter((r) => r.method === 'POST').length;
    const before = posts();
    const refused = await fails('secrets:rotate', { account: 'Acme' });
    expect(refused.code).toBe('CONFLICT');
    for (const s of atVonage()) expect(refused.message).toContain(s.id);
    expect(refused.message).toMatch(/keydesk accounts revoke-secret "Acme" [\w-]+/);
    expect(posts()).toBe(before);

    const held = kept.newSecret.id;
    expect(await fails('secrets:revoke', { account: 'Acme', id: held })).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('is the API secret Keydesk holds'),
    });
    const old = atVonage().find((s) => s.id !== held)?.id ?? '';
    expect((await ok('secrets:revoke', { account: 'Acme', id: old })).message).toContain(old);
    expect(atVonage().map((s) => s.id)).toEqual([held]);
  });

  it('a revocation that fails leaves the new secret stored and says the old one still works', async () => {
    fake.fail({ kind: 'status', status: 500, method: 'DELETE' });
    const rotation = await ok('secrets:rotate', { account: 'Acme' });
    fake.fail(undefined);
    expect(rotation).toMatchObject({ oldStillWorks: true, revokeFailed: true });
    expect(rotation.message).toMatch(/revoking the previous one failed: it still works/);
    expect(atVonage().map((s) => s.value)).toContain(await stored());
    expect(atVonage()).toHaveLength(2);
  });

  it('Vonage refusing the new secret, or a wrong stored one, leaves the stored secret alone', async () => {
    fake.fail({ kind: 'status', status: 429, method: 'POST', retryAfter: '0' });
    expect((await fails('secrets:rotate', { account: 'Acme' })).message).toContain('429');
    fake.fail(undefined);
    expect(await stored()).toBe(first);
    expect(
      await vault.env().services.keychain.get(secretRefs.pendingApiSecret(acmeId())),
    ).toBeNull();
    expect(vault.env().services.vault.accounts.resolve('Acme').secretRotationSince).toBeUndefined();

    const account = fake.accounts.get('acme0001');
    if (account) account.secret = 'changed-Elsewhere9';
    expect(await fails('secrets:rotate', { account: 'Acme' })).toMatchObject({
      message: expect.stringContaining('AUTH_FAILED'),
    });
  });

  it('doctor settles a rotation stopped half-way by asking which secret works', async () => {
    const { services } = vault.env();
    const next = 'Pending-Secret-1234';
    // Stopped after Vonage took the new secret: doctor adopts it.
    await services.vault.accounts.beginSecretRotation(acmeId(), next);
    atVonage();
    fake.accounts.get('acme0001')?.extraSecrets?.push({ id: 'x1', value: next, createdAt: 'now' });
    let report = await ok('doctor:run', { fix: false });
    expect(report.pendingSecrets).toEqual([expect.objectContaining({ name: 'Acme' })]);
    report = await ok('doctor:run', { fix: true });
    expect(report.repairs.join(' ')).toContain('Vonage has the new API secret of "Acme"');
    expect(await stored()).toBe(next);
    // Stopped before Vonage heard of it: doctor drops it.
    await services.vault.accounts.beginSecretRotation(acmeId(), 'Never-Sent-Secret9');
    report = await ok('doctor:run', { fix: true });
    expect(report.repairs.join(' ')).toContain('Vonage never took the new API secret');
    expect(await stored()).toBe(next);
    expect((await ok('doctor:run', { fix: false })).pendingSecrets).toEqual([]);
  });
});

describe('subaccounts', () => {
  it('lists with balances and states, creates one stored at once, and names its primary', async () => {
    fake.accounts.set('sub00001', {
      apiKey: 'sub00001',
      secret: 'sub-Secret-001',
      balance: 2.5,
      name: 'Branch A',
      primary: 'acme0001',
      ownBalance: true,
      suspended: true,
    });
    const list = await ok('subaccounts:list', { primary: 'Acme' });
    expect(list.subaccounts).toEqual([
      expect.objectContaining({
        apiKey: 'sub00001',
        name: 'Branch A',
        suspended: true,
        balance: 2.5,
        sharesBalance: false,
      }),
    ]);
    const created = await ok('subaccounts:create', { primary: 'Acme', name: 'Branch B' });
    expect(created.account).toMatchObject({ name: 'Branch B', primaryAccountId: acmeId() });
    const secret = await vault
      .env()
      .services.vault.accounts.revealSecret(created.account.id, 'apiSecret');
    expect(fake.accounts.get(created.subaccount.apiKey)?.secret).toBe(secret);
    expect((await ok('accounts:get', { id: created.account.id })).primary).toEqual({
      id: acmeId(),
      name: 'Acme',
    });
    expect((await ok('accounts:get', { id: acmeId() })).subaccounts.map((s) => s.name)).toEqual([
      'Branch B',
    ]);
    const again = await ok('subaccounts:list', { primary: 'Acme' });
    expect(again.subaccounts.find((s) => s.name === 'Branch B')?.stored?.id).toBe(
      created.account.id,
    );
    expect(await historyText()).not.toContain(secret);
  });

  it('imports with a secret Vonage accepts, refuses a wrong one, or adds a new one when asked', async () => {
    for (const key of ['sub00002', 'sub00003']) {
      fake.accounts.set(key, {
        apiKey: key,
        secret: `${key}-Secret-X`,
        balance: 0,
        name: `Shop ${key}`,
        primary: 'acme0001',
      });
    }
    expect(
      await fails('subaccounts:import', {
        primary: 'Acme',
        apiKey: 'sub00002',
        secret: 'wrong-Secret-1',
      }),
    ).toMatchObject({ code: 'VALIDATION', field: 'secret' });
    const imported = await ok('subaccounts:import', {
      primary: 'Acme',
      apiKey: 'sub00002',
      secret: 'sub00002-Secret-X',
    });
    expect(imported.account).toMatchObject({ name: 'Shop sub00002', primaryAccountId: acmeId() });
    answers.push(false);
    expect(
      await fails('subaccounts:import', { primary: 'Acme', apiKey: 'sub00003', newSecret: true }),
    ).toMatchObject({ code: 'CANCELLED' });
    const added = await ok('subaccounts:import', {
      primary: 'Acme',
      apiKey: 'sub00003',
      newSecret: true,
    });
    const sub3 = fake.accounts.get('sub00003');
    const storedSecret = await vault
      .env()
      .services.vault.accounts.revealSecret(added.account.id, 'apiSecret');
    expect(fake.secretsOf(sub3 ?? ({} as never)).map((s) => s.value)).toEqual([
      'sub00003-Secret-X',
      storedSecret,
    ]);
    expect(
      await fails('subaccounts:import', {
        primary: 'Acme',
        apiKey: 'nosuch01',
        secret: 'whatever-Secret1',
      }),
    ).toMatchObject({ code: 'NOT_FOUND', field: 'apiKey' });
  });

  it('says the Subaccounts API is not enabled (403 unprovisioned), and refuses garbage', async () => {
    const acme = fake.accounts.get('acme0001');
    if (acme) acme.subaccountsApi = false;
    expect(await fails('subaccounts:list', { primary: 'Acme' })).toMatchObject({
      code: 'VONAGE_FAILED',
      message: expect.stringContaining('not enabled'),
    });
    if (acme) acme.subaccountsApi = true;
    for (const kind of ['garbage', 'huge'] as const) {
      fake.fail({ kind });
      expect(await fails('subaccounts:list', { primary: 'Acme' })).toMatchObject({
        message: expect.stringContaining('BAD_RESPONSE'),
      });
      expect(await fails('secrets:list', { account: 'Acme' })).toMatchObject({
        message: expect.stringContaining('BAD_RESPONSE'),
      });
    }
    fake.fail(undefined);
  });
});

describe("Vonage's refusals of the secrets API, each said as itself", () => {
  const client = () =>
    createVonageClient({
      hosts: () => ({ api: new URL(fake.url), rest: new URL(fake.url) }),
      requestOptions: () => ({
        timeoutMs: 5000,
        network: vault.env().services.network,
        sleep: async () => undefined,
      }),
      secretOf: async () => first,
      applicationToken: async () => '',
    });
  const asAcme =
    (secret = first) =>
    (call: VonageCall) =>
      client().withSecret('acme0001', secret, call);

  it('a weak secret, a third secret, a bare 400, the last one, a wrong key or id', async () => {
    await expect(addSecret(asAcme(), 'acme0001', 'weak')).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('validation'),
    });
    await addSecret(asAcme(), 'acme0001', 'Second-Secret2');
    await expect(addSecret(asAcme(), 'acme0001', 'Third-Secret3')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('already holds two API secrets'),
    });
    fake.fail({ kind: 'status', status: 400, method: 'POST', times: 1 });
    const older = await addSecret(asAcme(), 'acme0001', 'Third-Secret3').catch((e: unknown) => e);
    expect(older).toMatchObject({ code: 'VALIDATION' });
    const [only] = atVonage().filter((s) => s.value !== first);
    await revokeSecret(asAcme(), 'acme0001', only?.id ?? '');
    const last = atVonage()[0]?.id ?? '';
    await expect(revokeSecret(asAcme(), 'acme0001', last)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('the last one'),
    });
    await expect(listSecrets(asAcme('wrong-Secret9'), 'acme0001')).rejects.toMatchObject({
      message: expect.stringContaining('AUTH_FAILED'),
    });
    await expect(revokeSecret(asAcme(), 'acme0001', 'no-such-id')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
