import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jwtVerify, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { rendererChannels } from '../../src/shared/channels';
import { KeydeskError } from '../../src/shared/errors';
import { makeRsaKeys, type RsaKeys } from '../helpers/keys';
import type { Keychain } from '../../src/core/keychain/keychain';
import { useAppUnderTest } from './app-fixture';
import type { AppUnderTest } from './harness';

const appId = 'aaaaaaaa-bbbb-cccc-dddd-0123456789ab';
const { keychain, start } = useAppUnderTest();
let keys: RsaKeys;
beforeAll(() => {
  keys = makeRsaKeys();
});

const count = (a: AppUnderTest, table: string) =>
  (a.backend.services.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

async function addAccount(a: AppUnderTest, name = 'Acme Corp', apiKey = 'abcd1234') {
  const { page } = a;
  await page.getByRole('button', { name: 'Add account' }).first().click();
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('API key').fill(apiKey);
  await page.getByLabel('API secret').fill('e2e-Secret-123');
  await page.getByRole('button', { name: 'Save account' }).click();
  await page.getByRole('heading', { name }).waitFor();
}

async function addApplication(a: AppUnderTest, pem: string) {
  const { page } = a;
  await page.getByRole('button', { name: 'Add application' }).click();
  await page.getByLabel('Application id').fill(appId);
  await page.getByLabel('Name', { exact: true }).fill('Voice');
  await page.getByLabel('Private key').fill(pem);
  await page.getByRole('button', { name: 'Save application' }).click();
}

describe('Keydesk in Chromium', () => {
  it("gets window.api from the built preload: the renderer's channels only, nothing else on the page", async () => {
    const { page } = await start();
    await page.getByRole('button', { name: 'Add account' }).first().waitFor();
    const surface = await page.evaluate(() => {
      const page = globalThis as unknown as Record<string, object>;
      return {
        names: Object.keys(page.api ?? {}),
        frozen: Object.isFrozen(page.api),
        binding: typeof page.__keydeskIpc,
      };
    });
    expect(surface.names.sort()).toEqual([...rendererChannels, 'on'].sort());
    expect(surface).toMatchObject({ frozen: true, binding: 'undefined' });
    // A page that names a CLI-only channel reaches no handler, as in Electron.
    const refused = await page.evaluate(() => {
      const { api } = globalThis as unknown as {
        api: Record<string, ((input: unknown) => Promise<unknown>) | undefined>;
      };
      const exportKey = api['apps:exportPrivateKey'];
      return exportKey
        ? exportKey({ id: 'x' }).then(
            () => 'answered',
            (error: Error) => error.message,
          )
        : 'not exposed';
    });
    expect(refused).toBe('not exposed');
  });

  it('first run: teaches the first steps, then takes a new user to a copied, verifying JWT', async () => {
    const a = await start();
    const { page } = a;
    await page.getByRole('heading', { name: 'Welcome to Keydesk' }).waitFor();
    await a.screenshot('01-first-run');

    await addAccount(a);
    await expect.poll(() => page.getByTestId('account-list').innerText()).toContain('Acme Corp');
    await addApplication(a, keys.pkcs8);
    await page.getByRole('button', { name: 'Copy JWT' }).click();

    await page
      .getByText(/JWT copied; it expires in 15\smin, clipboard clears in (29|30)\ss/)
      .waitFor();
    const token = await a.clipboard.readText();
    const { payload } = await jwtVerify(token, keys.publicKey, { algorithms: ['RS256'] });
    expect(payload).toMatchObject({ application_id: appId });
    await page
      .getByTestId('countdown')
      .getByText(/expires in 1[45] min/)
      .waitFor();
    expect(await page.getByTestId('last-claims').innerText()).toContain(String(payload.jti));
    expect(await page.content()).not.toContain(token);
    await a.screenshot('02-application-copied');

    await page.getByRole('button', { name: 'Copy Bearer header' }).click();
    await expect.poll(() => a.clipboard.readText()).toBe(`Authorization: Bearer ${token}`);
  });

  it('builds a token with sub, TTL preset and the Client SDK ACL; refuses a bad custom ACL inline', async () => {
    const a = await start();
    const { page } = a;
    await addAccount(a);
    await addApplication(a, keys.pkcs1);
    await page.getByLabel('sub (user)').fill('alice');
    await page.getByRole('button', { name: '1 h' }).click();
    await page.getByLabel('ACL', { exact: true }).selectOption('client-sdk');
    await page.getByRole('button', { name: 'Copy JWT' }).click();
    await page.getByText(/JWT copied; it expires in 1\sh/).waitFor();
    const { payload } = await jwtVerify(await a.clipboard.readText(), keys.publicKey);
    expect(payload).toMatchObject({ sub: 'alice' });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(3600);
    expect(Object.keys((payload.acl as { paths: object }).paths)).toContain('/*/sessions/**');

    const before = await a.clipboard.readText();
    await page.getByLabel('ACL', { exact: true }).selectOption('custom');
    await page
      .getByLabel('Custom ACL JSON')
      .fill('{"paths":{"/v1/users/**":{"methods":["FETCH"]}}}');
    await page.getByText('At paths["/v1/users/**"].methods[0]: ACL methods are GET').waitFor();
    await page.getByRole('button', { name: 'Copy JWT' }).click();
    expect(await a.clipboard.readText()).toBe(before);

    await page.getByLabel('ACL', { exact: true }).selectOption('default');
    await page.getByLabel('Custom lifetime').fill('10s');
    await page.getByRole('button', { name: 'Copy JWT' }).click();
    await page
      .getByText(/between 30 seconds and 24 hours .* too short/)
      .first()
      .waitFor();
    expect(await a.clipboard.readText()).toBe(before);
    await a.screenshot('03-builder-errors');

    // The same options saved as the application's defaults apply to a plain Copy JWT.
    await page.getByLabel('Custom lifetime').fill('');
    await page.getByRole('button', { name: '1 h' }).click();
    await page.getByLabel('ACL', { exact: true }).selectOption('client-sdk');
    await page.getByRole('button', { name: /Save these options/ }).click();
    await page.getByText('Defaults saved for "Voice".').waitFor();
    await page.getByText(/defaults: 1 h, sub alice, ACL client-sdk/).waitFor();
    expect(await page.getByLabel('sub (user)').inputValue()).toBe('');
    await page.getByRole('button', { name: 'Copy JWT' }).click();
    await expect.poll(() => a.clipboard.readText()).not.toBe(before);
    const defaults = await jwtVerify(await a.clipboard.readText(), keys.publicKey);
    expect(defaults.payload).toMatchObject({ sub: 'alice' });
    expect((defaults.payload.exp ?? 0) - (defaults.payload.iat ?? 0)).toBe(3600);

    await page.getByText(/Show the public key/).click();
    expect((await page.getByTestId('public-key').innerText()).trim()).toBe(keys.spki.trim());
  });

  it('shows the field error for every bad form input and stores nothing', async () => {
    const a = await start();
    const { page } = a;
    await page.getByRole('button', { name: 'Add account' }).first().click();
    await page.getByRole('button', { name: 'Save account' }).click();
    await page.getByText('Enter a name for the account').waitFor();
    await page.getByLabel('Name').fill('Acme Corp');
    await page.getByLabel('API key').fill('ab cd');
    await page.getByRole('button', { name: 'Save account' }).click();
    await page
      .locator('#account-api-key-error')
      .getByText(/4 to 64 letters/)
      .waitFor();
    await page.getByLabel('API key').fill('abcd1234');
    await page.getByRole('button', { name: 'Save account' }).click();
    await page
      .locator('#account-api-secret-error')
      .getByText(/Enter the API secret/)
      .waitFor();
    expect(count(a, 'accounts')).toBe(0);
    await a.screenshot('04-account-form-errors');

    await page.getByLabel('API secret').fill('s3cret-value');
    await page.getByRole('button', { name: 'Save account' }).click();
    await page.getByRole('heading', { name: 'Acme Corp' }).waitFor();
    await page.getByRole('button', { name: 'Add application' }).click();
    await page.getByLabel('Application id').fill('not-a-uuid');
    await page.getByRole('button', { name: 'Save application' }).click();
    await page.locator('#app-id-error').getByText(/UUID/).waitFor();
    await page.getByLabel('Application id').fill(appId);
    await page.getByLabel('Name', { exact: true }).fill('Voice');
    await page.getByLabel('Private key').fill(keys.spki);
    await page.getByRole('button', { name: 'Save application' }).click();
    await page
      .locator('#app-key-error')
      .getByText(/public key/)
      .waitFor();
    await page.getByLabel('Private key').fill('hello, this is not a key');
    await page.getByRole('button', { name: 'Save application' }).click();
    await page.locator('#app-key-error').waitFor();
    expect(count(a, 'applications')).toBe(0);
    expect(await keychain.listRefs()).toHaveLength(1);

    // Editing: a clash is refused next to the field, a good change is saved.
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Edit account' }).click();
    await page.getByLabel('Notes').fill('Premium support, EU region');
    await page.getByLabel('API key').fill('ab!');
    await page.getByRole('button', { name: 'Save account' }).click();
    await page.locator('#account-api-key-error').waitFor();
    await page.getByLabel('API key').fill('abcd1234');
    await page.getByRole('button', { name: 'Save account' }).click();
    await page.getByText('Premium support, EU region').waitFor();
  });

  it('imports a .nexmorc after a preview', async () => {
    const a = await start();
    const { page } = a;
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByLabel('File to import').setInputFiles({
      name: '.nexmorc',
      mimeType: 'text/plain',
      buffer: Buffer.from('[credentials]\napi_key = ffff0000\napi_secret = imported-Secret-1\n'),
    });
    await page.getByTestId('import-preview').getByText('ffff0000').waitFor();
    expect(count(a, 'accounts')).toBe(0);
    await a.screenshot('05-import-preview');
    await page.getByRole('button', { name: 'Import', exact: true }).last().click();
    await page.getByText(/Imported \.nexmorc: 1 created/).waitFor();
    await expect.poll(() => page.getByTestId('account-list').innerText()).toContain('ffff0000');
  });

  it('reads a key file outside any folder it knows only after the user ticks the box', async () => {
    const keyDir = mkdtempSync(join(tmpdir(), 'keydesk-e2e-key-'));
    writeFileSync(join(keyDir, 'voice.key'), keys.pkcs8);
    const a = await start();
    const { page } = a;
    await addAccount(a);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByLabel('File to import').setInputFiles({
      name: '.nexmo-app',
      mimeType: 'text/plain',
      buffer: Buffer.from(
        `[app_config]\napp_id = ${appId}\napp_name = Voice\nprivate_key = ${join(keyDir, 'voice.key')}\n`,
      ),
    });
    const preview = page.getByTestId('import-preview');
    await preview.getByText(/outside the imported file's folder/).waitFor();
    await page.getByLabel('Account for the application').selectOption('Acme Corp');
    const box = page.getByRole('checkbox', { name: /Read key files outside the file's folder/ });
    await expect.poll(() => box.isChecked()).toBe(false);
    expect(await page.getByRole('button', { name: 'Nothing new to import' }).isDisabled()).toBe(
      true,
    );
    await a.screenshot('05b-import-outside-key');
    await page.emulateMedia({ colorScheme: 'dark' });
    await a.screenshot('05b-import-outside-key-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await box.check();
    await preview.getByRole('cell', { name: 'create' }).waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).last().click();
    await page.getByText(/Imported \.nexmo-app: 1 created/).waitFor();
    expect(count(a, 'applications')).toBe(1);
  });

  it('asks before removing in an accessible dialog: Escape keeps, the focus comes back', async () => {
    const a = await start();
    const { page } = a;
    await addAccount(a);
    await addApplication(a, keys.pkcs8);
    const remove = page.getByRole('button', { name: 'Remove application' });
    await remove.click();
    const dialog = page.getByRole('dialog', { name: 'Remove "Voice" and its private key?' });
    await dialog.waitFor();
    await expect
      .poll(() =>
        dialog.getByRole('button', { name: 'Cancel' }).evaluate((b) => b.matches(':focus')),
      )
      .toBe(true);
    await a.screenshot('10-confirm-remove');
    await page.emulateMedia({ colorScheme: 'dark' });
    await a.screenshot('10-confirm-remove-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => remove.evaluate((b) => b.matches(':focus'))).toBe(true);
    expect(count(a, 'applications')).toBe(1);

    await remove.click();
    await dialog.getByRole('button', { name: 'Remove application' }).click();
    await expect.poll(() => count(a, 'applications')).toBe(0);
  });

  it('says plainly when there is no stored key to check a pasted token against', async () => {
    const { page } = await start();
    const token = await new SignJWT({ application_id: appId })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
      .setIssuedAt()
      .setJti(crypto.randomUUID())
      .setExpirationTime('15m')
      .sign(keys.privateKey);
    await page.getByRole('button', { name: 'Decode' }).click();
    await page.getByLabel('JWT').fill(token);
    await page.getByRole('button', { name: 'Decode', exact: true }).last().click();
    await page.getByText('No stored key to check the signature against.').waitFor();
    expect(await page.getByText(/stored key\(s\)/).count()).toBe(0);
  });

  it('decodes a pasted token and explains what is wrong with it', async () => {
    const a = await start();
    const { page } = a;
    await addAccount(a);
    await addApplication(a, keys.pkcs8);
    await page.getByRole('button', { name: 'Copy JWT' }).click();
    await page.getByText(/JWT copied/).waitFor();
    const token = await a.clipboard.readText();

    await page.getByRole('button', { name: 'Decode' }).click();
    await page.getByLabel('JWT').fill(`Authorization: Bearer ${token}`);
    await page.getByRole('button', { name: 'Decode', exact: true }).last().click();
    await page
      .getByTestId('decode-report')
      .getByText('Signed with the key of “Voice” (account Acme Corp).')
      .waitFor();
    await page.getByText('No problems found.').waitFor();
    await a.screenshot('06-decode');

    const otherKey = makeRsaKeys();
    const [h = '', p = ''] = token.split('.');
    const { createSign } = await import('node:crypto');
    const forged = `${h}.${p}.${createSign('RSA-SHA256').update(`${h}.${p}`).sign(otherKey.privateKey).toString('base64url')}`;
    await page.getByLabel('JWT').fill(forged);
    await page.getByRole('button', { name: 'Decode', exact: true }).last().click();
    await page.getByText(/application_id names "Voice".*does not verify the signature/).waitFor();

    await page.getByLabel('JWT').fill('abc.def');
    await page.getByRole('button', { name: 'Decode', exact: true }).last().click();
    await page
      .locator('#decode-token-error')
      .getByText(/three parts/)
      .waitFor();
  });

  it('jumps and copies from the command palette, and lists it all in the history', async () => {
    const a = await start();
    const { page } = a;
    await addAccount(a);
    await addApplication(a, keys.pkcs8);
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: 'Command' }).fill('copy jwt voice');
    await page.keyboard.press('Enter');
    await page.getByText(/Copied JWT for "Voice" as the token/).waitFor();
    await jwtVerify(await a.clipboard.readText(), keys.publicKey);

    await page.getByRole('button', { name: 'History' }).click();
    const table = page.getByTestId('history-table');
    await table.getByText('Copied the new JWT as the token').waitFor();
    await table.getByText(/Minted a JWT \(ttl 15 min, ACL none\)/).waitFor();
    await page.getByLabel('Search history').fill('acme');
    await table.getByText('Created account "Acme Corp"').waitFor();
    await a.screenshot('07-history');
  });

  it('shows the keychain banner with guidance when the keychain is unavailable', async () => {
    const unavailable = (): never => {
      throw new KeydeskError(
        'KEYCHAIN_UNAVAILABLE',
        'No Secret Service on the session bus (injected by the test).',
      );
    };
    const broken: Keychain = {
      get: unavailable,
      set: unavailable,
      delete: unavailable,
      listRefs: unavailable,
      readAll: unavailable,
    };
    const a = await start(broken);
    const { page } = a;
    await page
      .getByTestId('keychain-banner')
      .getByText(/Keychain unavailable\..*install and start GNOME Keyring/)
      .waitFor();
    await page.getByRole('button', { name: 'Add account' }).first().click();
    await page.getByLabel('Name').fill('Acme Corp');
    await page.getByLabel('API key').fill('abcd1234');
    await page.getByLabel('API secret').fill('e2e-Secret-123');
    await page.getByRole('button', { name: 'Save account' }).click();
    await page
      .getByRole('form', { name: 'New account' })
      .getByRole('alert')
      .filter({ hasText: 'No Secret Service on the session bus' })
      .waitFor();
    expect(count(a, 'accounts')).toBe(0);
    await a.screenshot('08-keychain-unavailable');
  });
});
