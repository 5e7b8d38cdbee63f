import { rmSync } from 'node:fs';
import { KeydeskError } from '../../shared/errors';
import type { Services } from '../services';
import type { KeychainBackend } from './choose-keychain';
import { deleteEntries, setEntries } from './keychain';
import type { FileKeychain } from './file-keychain';
import { scopeToVault } from './vault-keychain';

/** How a person knows each keychain. */
export function describeKeychain(services: Services, backend: KeychainBackend): string {
  const fallback = backend === 'os' ? 'the OS keychain' : 'the vault file';
  try {
    return services.openKeychain(backend).describe?.() ?? fallback;
  } catch {
    // A Keydesk given one keychain only (the tests') cannot open the other to ask it.
    return fallback;
  }
}

/**
 * Moves every secret of this vault to the other keychain without ever holding it in one place
 * only: each is written to the target and read back, and only when all of them match is the
 * setting switched and are the old copies removed. A failure before that leaves the old keychain
 * as it was (and in use); an old copy that cannot be removed after it is reported, not fatal.
 */
export async function migrateKeychain(
  services: Services,
  to: KeychainBackend,
  /** The vault file's passphrase where no prompt can ask it (the app's banner). */
  passphrase?: string,
) {
  const from = services.keychainBackend;
  if (from === to)
    throw new KeydeskError(
      'VALIDATION',
      `The secrets are already in ${describeKeychain(services, to)}; nothing to move.`,
      'to',
    );
  // The keychain in use itself, not the app's view of it, which follows the move (below).
  const source = scopeToVault(services.openKeychain(from), services.keychain.vaultId);
  const opened = services.openKeychain(to);
  const entries = await source.readAll().catch((error: unknown) => {
    if (!(error instanceof KeydeskError)) throw error;
    throw new KeydeskError(
      error.code,
      `The secrets could not be read from ${describeKeychain(services, from)}, so none were moved and nothing changed: ${error.message}`,
    );
  });
  if (to === 'file' && passphrase !== undefined) await (opened as FileKeychain).unlock(passphrase);
  const target = scopeToVault(opened, source.vaultId);
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
  if (to === 'file') services.keychainMovedToFile();
  // An emptied vault file goes too: `auto` takes a vault file in the data folder as the keychain.
  if (from === 'file' && !leftBehind.length && services.fileVault) {
    if ((await source.readAll()).size === 0) rmSync(services.fileVault.path, { force: true });
  }
  return { from, to, moved: entries.size, leftBehind };
}
