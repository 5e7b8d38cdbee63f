import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { contractCaller } from '../helpers/contract-caller';
import { useFakeVonage, type FakeVonage } from '../helpers/fake-vonage';
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
