import { randomUUID } from 'node:crypto';
import { importSPKI, jwtVerify } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { aclForPreset } from '../../src/shared/acl';
import { contractCaller } from '../helpers/contract-caller';
import { type FakeVonage } from '../helpers/fake-vonage';
import { makeRsaKeys, type RsaKeys } from '../helpers/keys';
import { useFakeVonage } from '../helpers/use-fake-vonage';
import { darkScreenshot, useAppUnderTest } from './app-fixture';

/** The guide's three steps in the app: a new application on Vonage, its users, a user's token. */
const { start } = useAppUnderTest();
const fakeVonage = useFakeVonage();
let fake: FakeVonage;
let keys: RsaKeys;

beforeAll(() => {
  keys = makeRsaKeys();
  fake = fakeVonage();
});

async function seeded() {
  const a = await start();
  const { ok } = contractCaller(() => a.backend.invoke);
  fake.reset();
  fake.accounts.set('acme0001', { apiKey: 'acme0001', secret: 'right-Secret1', balance: 3 });
  const account = await ok('accounts:create', {
    name: 'Acme',
    apiKey: 'acme0001',
    apiSecret: 'right-Secret1',
  });
  const appId = randomUUID();
  fake.applications.set(appId, {
    id: appId,
    apiKey: 'acme0001',
    name: 'Chat',
    capabilities: { rtc: {} },
    publicKey: keys.spki,
  });
  await ok('apps:create', {
    accountId: account.id,
    id: appId,
    name: 'Chat',
    key: { kind: 'pem', pem: keys.pkcs8 },
  });
  await a.page.reload();
  return { a, ok, appId };
}

describe('Users on Vonage', () => {
  it('lists, searches and pages the users; adds, copies a JWT and removes through main', async () => {
    const { a, appId } = await seeded();
    const { page } = a;
    fake.users.seed(appId, 60);
    await page.getByRole('treeitem', { name: /Acme/ }).click();
    await page.getByRole('button', { name: 'Chat' }).first().click();
    const users = page.getByTestId('users');
    await users.getByRole('button', { name: 'Show users' }).click();
    await users.getByText('60 users').waitFor();
    const rows = users.locator('tbody tr');
    expect(await rows.count()).toBe(25);
    await users.getByText('Page 1 of 3').waitFor();
    await users.getByRole('button', { name: 'Next' }).click();
    await users.getByText('Page 2 of 3').waitFor();
    expect(await rows.first().locator('th').innerText()).toContain('user-0026');
    await expect.poll(() => rows.first().locator('td').nth(1).innerText()).toContain('eu-west');

    await users.getByRole('button', { name: 'Add user' }).click();
    await page.getByLabel('Name', { exact: true }).fill('user-0001');
    await page.getByRole('button', { name: 'Add user' }).click();
    await page.getByText(/already has a user of that name/).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('alice');
    await page.getByLabel('Display name (optional)').fill('Alice Liddell');
    await page.getByRole('button', { name: 'Add user' }).click();
    await users.getByText('61 users').waitFor();

    await users.getByLabel('Search users').fill('alice');
    await users.getByText('1 of 61 users match').waitFor();
    await users.scrollIntoViewIfNeeded();
    await a.screenshot('30-users');
    await darkScreenshot(a, '30-users');

    await users.getByRole('button', { name: 'Copy JWT for alice' }).click();
    await page.getByText(/Copied JWT for user "alice" of "Chat"/).waitFor();
    const { payload } = await jwtVerify(
      await a.clipboard.readText(),
      await importSPKI(keys.spki, 'RS256'),
    );
    expect(payload).toMatchObject({ sub: 'alice', application_id: appId });
    expect(payload.acl).toEqual(aclForPreset('client-sdk'));

    a.answerConfirmations(false);
    await users.getByRole('button', { name: 'Remove alice' }).click();
    await page.getByText('The user was not removed.').waitFor();
    expect(fake.users.usersOf(appId).some((u) => u.name === 'alice')).toBe(true);
    await users.getByRole('button', { name: 'Remove alice' }).click();
    await users.getByText('0 of 60 users match').waitFor();
    expect(a.confirmations.map((c) => c.message)).toEqual([
      'Remove user "alice" from "Chat" (account "Acme") on Vonage?',
      'Remove user "alice" from "Chat" (account "Acme") on Vonage?',
    ]);
    expect(fake.users.usersOf(appId).some((u) => u.name === 'alice')).toBe(false);
  });

  it('says why when Vonage refuses the application key, and tries again', async () => {
    const { a, appId } = await seeded();
    const app = fake.applications.get(appId);
    if (app) app.publicKey = makeRsaKeys().spki;
    await a.page.getByRole('treeitem', { name: /Acme/ }).click();
    await a.page.getByRole('button', { name: 'Chat' }).first().click();
    const users = a.page.getByTestId('users');
    await users.getByRole('button', { name: 'Show users' }).click();
    await users.getByText(/another public key/).waitFor();
    if (app) app.publicKey = keys.spki;
    await users.getByRole('button', { name: 'Try again' }).click();
    await users.getByText('No users yet: add the first one below.').waitFor();
  });
});

describe('New application on Vonage', () => {
  it('creates it with a key made here, then opens it', async () => {
    const { a, ok } = await seeded();
    const { page } = a;
    await page.getByRole('treeitem', { name: /Acme/ }).click();
    await page.getByRole('button', { name: 'New application on Vonage' }).click();
    const form = page.getByRole('form', { name: 'New application on Vonage' });
    await form.getByRole('button', { name: 'Create on Vonage' }).click();
    await form.getByText('Enter a name for the application.').waitFor();
    await form.getByLabel('Name').fill('Support bot');
    await form.getByLabel('Voice').check();
    await form.getByLabel('Answer URL (voice)').fill('not a url');
    await form.getByRole('button', { name: 'Create on Vonage' }).click();
    await form.getByText(/must be a full http\(s\) URL/).waitFor();
    await form.getByLabel('Answer URL (voice)').fill('https://example.com/answer');
    await form.scrollIntoViewIfNeeded();
    await a.screenshot('31-create-on-vonage');
    await darkScreenshot(a, '31-create-on-vonage');
    await form.getByRole('button', { name: 'Create on Vonage' }).click();
    await page.getByRole('heading', { level: 1, name: 'Support bot' }).waitFor();
    const created = [...fake.applications.values()].find((x) => x.name === 'Support bot');
    expect(created?.capabilities).toMatchObject({
      rtc: {},
      voice: { webhooks: { answer_url: { address: 'https://example.com/answer' } } },
    });
    const stored = await ok('apps:get', { id: created?.id ?? '' });
    expect(stored.name).toBe('Support bot');
  });
});

describe('Decode: is sub a user?', () => {
  it('asks Vonage on a button and says first that sub names nobody', async () => {
    const { a, appId } = await seeded();
    fake.users.seed(appId, 1, 'alice');
    const { token } = await a.backend.services.mint({ applicationId: appId, sub: 'alice-01' });
    await a.page.getByRole('button', { name: 'Decode', exact: true }).first().click();
    await a.page.getByLabel('JWT').fill(token);
    await a.page.getByRole('button', { name: 'Decode', exact: true }).last().click();
    await a.page.getByRole('button', { name: 'Check that "alice-01" is a user on Vonage' }).click();
    const said = a.page.getByTestId('subject-check');
    await said.getByText(/names no user of "Chat".*Did you mean "alice-0001"/).waitFor();
    await a.screenshot('32-decode-sub-check');
    await darkScreenshot(a, '32-decode-sub-check');
  });
});
