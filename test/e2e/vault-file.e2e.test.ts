import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keychainOpener } from '../../src/core/services';
import { ageDecrypt } from '../helpers/age-oracle';
import { makeDataDir } from '../helpers/services';
import { darkScreenshot, useAppUnderTest } from './app-fixture';

const { start, keychain } = useAppUnderTest();
const passphrase = 'four random words here';

/** The app with its secrets in the vault file of a fresh data folder. */
async function startOnFile() {
  const dataDir = makeDataDir();
  const a = await start(keychainOpener({ KEYDESK_KEYCHAIN_SERVICE: keychain.service }, dataDir), {
    dataDir,
    env: { KEYDESK_KEYCHAIN: 'file' },
  });
  return { a, page: a.page, file: join(dataDir, 'vault.age') };
}

describe('the vault file in the app', () => {
  it('creates the file with a chosen passphrase, then works as with the OS keychain', async () => {
    const { a, page, file } = await startOnFile();
    const form = page.getByRole('form', { name: 'Unlock' });
    await form.getByRole('heading', { name: 'Create the vault file' }).waitFor();
    await form.getByText(file).waitFor();
    await a.screenshot('vault-file-create');
    await darkScreenshot(a, 'vault-file-create');

    await page.getByLabel('Passphrase', { exact: true }).fill('short');
    await page.getByLabel('Passphrase again').fill('different');
    await page.getByRole('button', { name: 'Create and unlock' }).click();
    await page.locator('#unlock-again-error').getByText('The two passphrases differ.').waitFor();
    await page.getByLabel('Passphrase again').fill('short');
    await page.getByRole('button', { name: 'Create and unlock' }).click();
    await page
      .locator('#unlock-passphrase-error')
      .getByText(/at least 8 characters/)
      .waitFor();

    await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await page.getByLabel('Passphrase again').fill(passphrase);
    await page.getByRole('button', { name: 'Create and unlock' }).click();
    await page.getByRole('heading', { name: 'Welcome to Keydesk' }).waitFor();

    await page.getByRole('button', { name: 'Add account' }).first().click();
    await page.getByLabel('Name').fill('Acme');
    await page.getByLabel('API key').fill('abcd1234');
    await page.getByLabel('API secret').fill('secret-on-file');
    await page.getByRole('button', { name: 'Save account' }).click();
    await page.getByRole('heading', { name: 'Acme' }).waitFor();
    const entries = (JSON.parse(ageDecrypt(file, passphrase)) as { entries: object }).entries;
    expect(Object.values(entries)).toEqual(['secret-on-file']);
    expect(await keychain.listRefs()).toEqual([]);

    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByTestId('secrets-in').getByText(`in the encrypted vault file ${file}`).waitFor();
    await page.getByLabel('Lock the vault file after (minutes unused)').waitFor();
  });

  it('locks on request and opens again only with the right passphrase', async () => {
    const { a, page } = await startOnFile();
    await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await page.getByLabel('Passphrase again').fill(passphrase);
    await page.getByRole('button', { name: 'Create and unlock' }).click();
    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await page.getByRole('heading', { name: 'Unlock the vault file' }).waitFor();
    expect(await a.backend.services.fileVault?.state()).toMatchObject({ unlocked: false });

    await page.getByLabel('Passphrase', { exact: true }).fill('not the passphrase');
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await page
      .locator('#unlock-passphrase-error')
      .getByText(/is wrong/)
      .waitFor();
    await a.screenshot('vault-file-unlock-wrong');
    await darkScreenshot(a, 'vault-file-unlock-wrong');

    await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await page.getByRole('heading', { name: 'Welcome to Keydesk' }).waitFor();
  });
});
