import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ageDecrypt } from '../helpers/age-oracle';
import { createTestKeychain } from '../helpers/keychain';
import { makeDataDir } from '../helpers/services';
import { startMain, startToWindow, type MainUnderTest } from './main-process';

/**
 * The built main on the vault file (issue 22): it starts locked whatever its environment says
 * (KEYDESK_PASSPHRASE is for scripts, never read by the app), the window unlocks it over IPC,
 * and the secrets land in a file age opens.
 */
const keychain = createTestKeychain();
let running: MainUnderTest | undefined;
afterEach(async () => {
  expect(running?.entries('uncaughtException')).toEqual([]);
  await running?.stop();
  running = undefined;
  await keychain.clear();
});

describe('the app on the vault file', () => {
  it('starts locked, is created and unlocked from the window, and keeps secrets in the file', async () => {
    const dataDir = makeDataDir();
    running = startMain({
      env: {
        KEYDESK_HOME: dataDir,
        KEYDESK_KEYCHAIN_SERVICE: keychain.service,
        KEYDESK_KEYCHAIN: 'file',
        KEYDESK_PASSPHRASE: 'a script passphrase the app must not use',
      },
    });
    const { invoke } = await startToWindow(running);
    const file = join(dataDir, 'vault.age');
    expect((await invoke('system:status', {})).value).toMatchObject({
      keychain: { state: 'locked', backend: 'file', vaultFile: { path: file, exists: false } },
    });
    const refused = await invoke('accounts:create', {
      name: 'Acme',
      apiKey: 'acme0001',
      apiSecret: 's3cret-1',
    });
    expect(refused.error).toMatchObject({ code: 'KEYCHAIN_LOCKED' });
    expect(existsSync(file)).toBe(false);

    expect(
      (await invoke('keychain:unlock', { passphrase: 'the window passphrase' })).value,
    ).toEqual({ created: true });
    const created = await invoke('accounts:create', {
      name: 'Acme',
      apiKey: 'acme0001',
      apiSecret: 's3cret-1',
    });
    const account = created.value as { id: string; name: string };
    expect(account.name).toBe('Acme');
    expect(ageDecrypt(file, 'the window passphrase')).toContain('s3cret-1');
    expect(await keychain.listRefs()).toEqual([]);

    await invoke('keychain:lock', {});
    expect((await invoke('system:status', {})).value).toMatchObject({
      keychain: { state: 'locked', vaultFile: { exists: true } },
    });
    const reveal = await invoke('accounts:revealSecret', { id: account.id, which: 'apiSecret' });
    expect(reveal.error).toMatchObject({ code: 'KEYCHAIN_LOCKED' });
    await invoke('keychain:unlock', { passphrase: 'the window passphrase' });
    expect(
      (await invoke('accounts:revealSecret', { id: account.id, which: 'apiSecret' })).value,
    ).toEqual({ value: 's3cret-1' });
  });
});
