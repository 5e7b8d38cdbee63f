import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { contractCaller } from '../helpers/contract-caller';
import { type FakeVonage } from '../helpers/fake-vonage';
import { useFakeVonage } from '../helpers/use-fake-vonage';
import { makeRsaKeys, type RsaKeys } from '../helpers/keys';
import { darkScreenshot, useAppUnderTest } from './app-fixture';

/** "Check with Vonage" on the account and application views, against the local fake. */
const { start } = useAppUnderTest();
// The app's main process runs in this process here: checks go to the fake.
const fakeVonage = useFakeVonage();
let fake: FakeVonage;
let keys: RsaKeys;
let other: RsaKeys;

beforeAll(() => {
  keys = makeRsaKeys();
  other = makeRsaKeys();
  fake = fakeVonage();
});

describe('Check with Vonage', () => {
  it('shows OK with the balance for an account, and a rotated dashboard key for an application', async () => {
    const a = await start();
    const { page } = a;
    const { ok } = contractCaller(() => a.backend.invoke);
    const account = await ok('accounts:create', {
      name: 'Acme',
      apiKey: 'acme0001',
      apiSecret: 'right-Secret',
    });
    const appId = randomUUID();
    await ok('apps:create', {
      accountId: account.id,
      id: appId,
      name: 'Voice',
      key: { kind: 'pem', pem: keys.pkcs8 },
    });
    fake.accounts.set('acme0001', { apiKey: 'acme0001', secret: 'right-Secret', balance: 7.5 });
    fake.applications.set(appId, {
      id: appId,
      apiKey: 'acme0001',
      name: 'Voice',
      capabilities: { voice: {} },
      publicKey: other.spki,
    });

    await page.reload();
    await page.getByRole('treeitem', { name: /Acme/ }).click();
    const accountCheck = page.getByTestId('check-account');
    await accountCheck.getByRole('button', { name: 'Check with Vonage' }).click();
    await accountCheck.getByText(/OK The key and secret work: balance 7\.50/).waitFor();

    await page.getByRole('button', { name: 'Voice' }).click();
    const appCheck = page.getByTestId('check-application');
    await appCheck.getByRole('button', { name: 'Check with Vonage' }).click();
    await appCheck.getByText(/KEY_MISMATCH .*regenerated in the dashboard/).waitFor();
    await appCheck.scrollIntoViewIfNeeded();
    await a.screenshot('18-check-key-mismatch');
    await darkScreenshot(a, '18-check-key-mismatch');
    const history = await ok('history:list', { action: 'check' });
    expect(history.events.map((e) => e.summary)).toEqual([
      'Checked application "Voice": KEY_MISMATCH',
      'Checked account "Acme": OK',
    ]);
  });
});

/** Two accounts (one whose secret was rotated) with applications in various states. */
async function seedVault(a: Awaited<ReturnType<ReturnType<typeof useAppUnderTest>['start']>>) {
  const { ok } = contractCaller(() => a.backend.invoke);
  fake.reset();
  const acme = await ok('accounts:create', {
    name: 'Acme',
    apiKey: 'acme0001',
    apiSecret: 'right-Secret',
  });
  const beta = await ok('accounts:create', {
    name: 'Beta',
    apiKey: 'beta0001',
    apiSecret: 'old-Secret',
  });
  fake.accounts.set('acme0001', { apiKey: 'acme0001', secret: 'right-Secret', balance: 7.5 });
  fake.accounts.set('beta0001', { apiKey: 'beta0001', secret: 'new-Secret', balance: 2 });
  const ids = {
    voice: randomUUID(),
    video: randomUUID(),
    gone: randomUUID(),
    missing: randomUUID(),
    beta: randomUUID(),
  };
  const store = (accountId: string, id: string, name: string) =>
    ok('apps:create', { accountId, id, name, key: { kind: 'pem', pem: keys.pkcs8 } });
  await store(acme.id, ids.voice, 'Voice');
  await store(acme.id, ids.video, 'Video');
  await store(acme.id, ids.gone, 'Old bot');
  await store(beta.id, ids.beta, 'Beta app');
  const dashboard = (id: string, apiKey: string, name: string, publicKey: string) =>
    fake.applications.set(id, { id, apiKey, name, capabilities: { messages: {} }, publicKey });
  dashboard(ids.voice, 'acme0001', 'Voice (prod)', keys.spki);
  dashboard(ids.video, 'acme0001', 'Video (prod)', other.spki);
  dashboard(ids.missing, 'acme0001', 'Only in the dashboard', other.spki);
  dashboard(ids.beta, 'beta0001', 'Beta app', keys.spki);
  return { ok, ids };
}

describe('Check all', () => {
  it('checks everything with a progress bar, filters by code, re-checks what failed, and marks the sidebar', async () => {
    const a = await start();
    const { page } = a;
    await seedVault(a);
    await page.reload();
    await page.getByRole('button', { name: 'Check all', exact: true }).click();
    await page.getByText('Nothing has been checked yet.').waitFor();
    fake.fail({ kind: 'slow', ms: 300 });
    await page.getByRole('button', { name: 'Check all (2 accounts, 4 applications)' }).click();
    await page.getByRole('progressbar', { name: 'Checks done' }).waitFor();
    await page.getByText(/of 6 checked/).waitFor();
    fake.fail(undefined);
    await page.getByRole('progressbar').waitFor({ state: 'detached' });

    const table = page.getByTestId('check-results');
    const codes = () =>
      table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')));
    expect((await codes()).sort()).toEqual([
      'AUTH_FAILED',
      'AUTH_FAILED',
      'KEY_MISMATCH',
      'NOT_FOUND',
      'OK',
      'OK',
    ]);
    await page.getByText('6 checked: 2 OK, 4 not OK').waitFor();
    await a.screenshot('19-check-all');
    await darkScreenshot(a, '19-check-all');

    const filter = page.getByRole('combobox', { name: 'Show' });
    await filter.selectOption({ label: 'Not OK (4)' });
    expect(await codes()).toHaveLength(4);
    await filter.selectOption({ label: 'KEY_MISMATCH (1)' });
    expect(await codes()).toEqual(['KEY_MISMATCH']);
    await expect(table.getByText(/regenerated in the dashboard/).count()).resolves.toBe(1);

    // The customer gives the new secret; only what failed is asked again.
    fake.accounts.set('beta0001', { apiKey: 'beta0001', secret: 'old-Secret', balance: 2 });
    fake.requests.length = 0;
    await filter.selectOption({ label: 'All results (6)' });
    await page.getByRole('button', { name: 'Re-check 4 not OK' }).click();
    await page.getByRole('button', { name: 'Re-check 2 not OK' }).waitFor();
    expect(fake.requests.filter((r) => r.path === '/account/get-balance')).toHaveLength(1);
    await page.getByText('6 checked: 4 OK, 2 not OK').waitFor();
    expect((await codes()).sort()).toEqual(['KEY_MISMATCH', 'NOT_FOUND', 'OK', 'OK', 'OK', 'OK']);

    // The sidebar marks each item with its last answer.
    const beta = page.getByRole('treeitem', { name: /Beta/ });
    await beta
      .getByRole('img', { name: /^Last check: OK, (now|.* ago)\. The key and secret work/ })
      .waitFor();
    await page.getByRole('treeitem', { name: /Acme/ }).click();
    await page
      .getByRole('treeitem', { name: /Video/ })
      .getByRole('img', { name: /Last check: KEY_MISMATCH/ })
      .waitFor();
  });
});

describe('Sync with the dashboard', () => {
  it('shows the three states and adds, rotates and removes after a confirmation', async () => {
    const a = await start();
    const { page } = a;
    const { ok, ids } = await seedVault(a);
    await page.reload();
    await page.getByRole('treeitem', { name: /Acme/ }).click();
    await page.getByRole('button', { name: 'Sync with dashboard' }).click();
    const missing = page.getByTestId('sync-missing');
    const stored = page.getByTestId('sync-stored');
    const deleted = page.getByTestId('sync-deleted');
    await missing.getByText('Only in the dashboard').waitFor();
    await stored.getByText('Key differs').waitFor();
    expect(await stored.getByText('Key matches').count()).toBe(1);
    await deleted.getByText('Old bot').waitFor();
    await a.screenshot('20-sync');
    await darkScreenshot(a, '20-sync');

    const confirmWith = async (label: string) => {
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: label }).click();
      await dialog.waitFor({ state: 'detached' });
    };

    // A key change is confirmed by main in its own dialog, naming the application and account;
    // Cancel there changes nothing.
    const rotateVideo = () =>
      stored
        .locator('li', { hasText: 'Video' })
        .getByRole('button', { name: 'Rotate key' })
        .click();
    a.answerConfirmations(false);
    await rotateVideo();
    await page.getByText('The key was not rotated.').waitFor();
    expect(a.confirmations[0]).toMatchObject({
      action: 'Rotate key',
      message: 'Rotate the key of "Video" in account "Acme"?',
    });
    expect(fake.requests.some((r) => r.method === 'PUT')).toBe(false);

    await rotateVideo();
    await page.getByText(/Rotated the key of "Video"/).waitFor();
    await stored.getByText('Key differs').waitFor({ state: 'detached' });
    expect(await stored.getByText('Key matches').count()).toBe(2);
    expect(await page.getByRole('dialog').count()).toBe(0);

    await missing.getByRole('button', { name: 'Add with a new key' }).click();
    await page.getByText('Nothing is missing from Keydesk.').waitFor();
    expect(a.confirmations.at(-1)).toMatchObject({
      action: 'Add with a new key',
      message: 'Add "Only in the dashboard" to account "Acme" with a new key pair?',
    });
    expect(await stored.getByText('Key matches').count()).toBe(3);
    expect((await ok('apps:get', { id: ids.missing })).name).toBe('Only in the dashboard');

    await deleted.getByRole('button', { name: 'Remove from Keydesk' }).click();
    await confirmWith('Remove from Keydesk');
    await page.getByText('Nothing was deleted in the dashboard.').waitFor();
    expect((await a.backend.invoke('apps:get', { id: ids.gone })).ok).toBe(false);
  });
});
