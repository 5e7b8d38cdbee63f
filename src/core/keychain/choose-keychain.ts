import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { KeydeskError } from '../../shared/errors';
import type { KeychainSetting } from '../../shared/settings-schemas';

/** Where secrets live: the OS keychain, or the encrypted vault file in the data folder. */
export type KeychainBackend = 'os' | 'file';

/** The vault file of a data folder: an age file (`age -d` opens it with the passphrase). */
export const vaultFilePath = (dataDir: string) => join(dataDir, 'vault.age');

/**
 * KEYDESK_KEYCHAIN (`os`, `file` or `auto`) wins for one run; else the `keychain` setting. `auto`
 * is the vault file when the data folder has one (it is where the secrets are), else the OS
 * keychain (and a new vault file when none answers on a first run: isOpenChoice).
 */
export function chooseKeychain(
  env: NodeJS.ProcessEnv,
  setting: KeychainSetting,
  dataDir?: string,
): KeychainBackend {
  const forced = env.KEYDESK_KEYCHAIN?.trim().toLowerCase();
  if (forced === undefined || forced === '' || forced === 'auto') {
    if (setting === 'file') return 'file';
    return dataDir !== undefined && existsSync(vaultFilePath(dataDir)) ? 'file' : 'os';
  }
  if (forced === 'os' || forced === 'file') return forced;
  throw new KeydeskError(
    'VALIDATION',
    `KEYDESK_KEYCHAIN is "${env.KEYDESK_KEYCHAIN}"; use os (the OS keychain), file (the encrypted vault file) or auto.`,
  );
}

/**
 * Whether the choice was left to Keydesk (`auto` everywhere) and fell on the OS keychain: then a
 * first run where none answers may still go to a new vault file (first-run-keychain.ts).
 */
export function isOpenChoice(env: NodeJS.ProcessEnv, setting: KeychainSetting): boolean {
  const forced = env.KEYDESK_KEYCHAIN?.trim().toLowerCase();
  return (forced === undefined || forced === '' || forced === 'auto') && setting === 'auto';
}
