import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keychainOpener, type KeychainOpener } from '../../src/core/services';
import { KeydeskError } from '../../src/shared/errors';
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

  it('shows the unlock screen as soon as main locks the file by itself, with no polling', async () => {
    const { a, page } = await startOnFile();
    await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await page.getByLabel('Passphrase again').fill(passphrase);
    await page.getByRole('button', { name: 'Create and unlock' }).click();
    await page.getByRole('heading', { name: 'Welcome to Keydesk' }).waitFor();
    // What the idle timer does after the setting's minutes unused.
    a.backend.services.fileVault?.lock();
    await page.getByRole('heading', { name: 'Unlock the vault file' }).waitFor({ timeout: 3_000 });
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

  it("the keychain banner moves a failing OS keychain's secrets into a new vault file", async () => {
    const dataDir = makeDataDir();
    const opener = keychainOpener({ KEYDESK_KEYCHAIN_SERVICE: keychain.service }, dataDir);
    // The OS keychain answers reads and writes but fails the app's status check, as a keyring
    // that keeps asking to be unlocked does.
    const failing: KeychainOpener = (backend, settings) => {
      const real = opener(backend, settings);
      if (backend === 'file') return real;
      return {
        ...real,
        listRefs: () => {
          throw new KeydeskError(
            'KEYCHAIN_LOCKED',
            'The login keyring is locked (injected by the test).',
          );
        },
      };
    };
    const a = await start(failing, { dataDir, env: {} });
    const { page } = a;
    await page.getByRole('button', { name: 'Add account' }).first().click();
    await page.getByLabel('Name').fill('Acme');
    await page.getByLabel('API key').fill('abcd1234');
    await page.getByLabel('API secret').fill('secret-moved-to-file');
    await page.getByRole('button', { name: 'Save account' }).click();
    await page.getByRole('heading', { name: 'Acme' }).waitFor();

    const banner = page.getByTestId('keychain-banner');
    await banner.getByRole('button', { name: 'Keep secrets in an encrypted file instead' }).click();
    const form = page.getByRole('form', { name: 'Keep secrets in an encrypted file' });
    await form.getByLabel('Passphrase for the vault file').fill(passphrase);
    await form.getByLabel('Passphrase again').fill('not the same');
    await form.getByRole('button', { name: 'Move the secrets into the file' }).click();
    await form.getByText('The two passphrases differ.').waitFor();
    await a.screenshot('keychain-move-to-file');
    await darkScreenshot(a, 'keychain-move-to-file');

    await form.getByLabel('Passphrase again').fill(passphrase);
    await form.getByRole('button', { name: 'Move the secrets into the file' }).click();
    await page
      .getByText(/Moved 1 secret into the vault file .*vault\.age; Keydesk keeps them there/)
      .waitFor();
    await banner.waitFor({ state: 'detached' });
    const file = join(dataDir, 'vault.age');
    const entries = (JSON.parse(ageDecrypt(file, passphrase)) as { entries: object }).entries;
    expect(Object.values(entries)).toEqual(['secret-moved-to-file']);
    // Checked, then removed from the OS keychain; the running app uses the file at once.
    expect(await keychain.listRefs()).toEqual([]);
    expect(a.backend.services.keychainBackend).toBe('file');
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByTestId('secrets-in').getByText(`in the encrypted vault file ${file}`).waitFor();
  });

  it('a first run with no OS keychain at all offers to create the vault file, saying why', async () => {
    const dataDir = makeDataDir();
    const opener = keychainOpener({}, dataDir);
    const missing = (): never => {
      throw new KeydeskError(
        'KEYCHAIN_UNAVAILABLE',
        'No OS keychain is reachable (no session bus; injected by the test).',
      );
    };
    const noBus: KeychainOpener = (backend, settings) =>
      backend === 'file'
        ? opener(backend, settings)
        : { get: missing, set: missing, delete: missing, listRefs: missing, readAll: missing };
    const a = await start(noBus, { dataDir, env: {} });
    const { page } = a;
    const form = page.getByRole('form', { name: 'Unlock' });
    await form.getByRole('heading', { name: 'Create the vault file' }).waitFor();
    await form.getByText(/No OS keychain answers on this machine/).waitFor();
    await a.screenshot('vault-file-first-run');
    await darkScreenshot(a, 'vault-file-first-run');
    await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await page.getByLabel('Passphrase again').fill(passphrase);
    await page.getByRole('button', { name: 'Create and unlock' }).click();
    await page.getByRole('heading', { name: 'Welcome to Keydesk' }).waitFor();
    await page.getByRole('button', { name: 'Add account' }).first().click();
    await page.getByLabel('Name').fill('Acme');
    await page.getByLabel('API key').fill('abcd1234');
    await page.getByLabel('API secret').fill('first-run-in-the-app');
    await page.getByRole('button', { name: 'Save account' }).click();
    await page.getByRole('heading', { name: 'Acme' }).waitFor();
    const file = join(dataDir, 'vault.age');
    const entries = (JSON.parse(ageDecrypt(file, passphrase)) as { entries: object }).entries;
    expect(Object.values(entries)).toEqual(['first-run-in-the-app']);
  });
});
