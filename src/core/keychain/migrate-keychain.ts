import { rmSync } from 'node:fs';
import { KeydeskError } from '../../shared/errors';
import type { Services } from '../services';
import type { KeychainBackend } from './choose-keychain';
import { deleteEntries, setEntries } from './keychain';
import { scopeToVault } from './vault-keychain';

/** How a person knows each keychain. */
export function describeKeychain(services: Services, backend: KeychainBackend): string {
  return backend === 'os'
    ? 'the OS keychain'
    : `the vault file ${services.fileVault?.path ?? 'vault.age in the data folder'}`;
}

/**
 * Moves every secret of this vault to the other keychain without ever holding it in one place
 * only: each is written to the target and read back, and only when all of them match is the
 * setting switched and are the old copies removed. A failure before that leaves the old keychain
 * as it was (and in use); an old copy that cannot be removed after it is reported, not fatal.
 */
export async function migrateKeychain(services: Services, to: KeychainBackend) {
  const from = services.keychainBackend;
  if (from === to)
    throw new KeydeskError(
      'VALIDATION',
      `The secrets are already in ${describeKeychain(services, to)}; nothing to move.`,
      'to',
    );
  const source = services.keychain;
  const target = scopeToVault(services.openKeychain(to), source.vaultId);
  const entries = await source.readAll();
  // One rewrite of a vault file for every entry, not one each (11,000 entries: seconds, not an hour).
  await setEntries(target, entries);
  const copied = await target.readAll();
  const different = [...entries].filter(([ref, secret]) => copied.get(ref) !== secret);
  if (different.length)
    throw new KeydeskError(
      'KEYCHAIN_FAILED',
      `${different.length} secret(s) did not read back from ${describeKeychain(services, to)} as written (${different[0]?.[0]} first); nothing was removed from ${describeKeychain(services, from)}, which stays in use.`,
    );
  services.settings.update({ keychain: to === 'file' ? 'file' : 'auto' });
  const leftBehind = await deleteEntries(source, [...entries.keys()]);
  // An emptied vault file goes too: `auto` takes a vault file in the data folder as the keychain.
  if (from === 'file' && !leftBehind.length && services.fileVault) {
    if ((await source.readAll()).size === 0) rmSync(services.fileVault.path, { force: true });
  }
  return { from, to, moved: entries.size, leftBehind };
}
