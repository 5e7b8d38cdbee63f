import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { KeydeskError } from '../../shared/errors';

type Lockfile = typeof import('proper-lockfile');
let lockfile: Lockfile | undefined;
const loadLockfile = () =>
  (lockfile ??= createRequire(import.meta.url)('proper-lockfile') as Lockfile);

/** The file's bytes, or null when there is none yet. */
export async function readVaultFile(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new KeydeskError(
      'KEYCHAIN_FAILED',
      `The vault file ${path} cannot be read (${(error as Error).message}).`,
    );
  }
}

/** Whether the file is there, without reading it (the window asks every few seconds). */
export async function vaultFileExists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/**
 * Replaces the file so that a crash at any moment leaves the old file or the new one, never a
 * part: the bytes go to a temporary file beside it (0600, created new), are flushed to disk, and
 * the temporary file is renamed over the old one; the folder is flushed so the rename lasts.
 */
export function replaceVaultFile(path: string, bytes: Uint8Array, what = 'The vault file'): void {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temporary, 'wx', 0o600);
    for (let written = 0; written < bytes.length;)
      written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, path);
    syncFolder(dirname(path));
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temporary, { force: true });
    throw new KeydeskError(
      'KEYCHAIN_FAILED',
      `${what} ${path} could not be written (${(error as Error).message}); it is unchanged.`,
    );
  }
}

function syncFolder(folder: string) {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems cannot flush a folder; the rename is still atomic there.
  }
}

/** A writer that died holding the lock stops holding it this long after its last sign of life. */
const staleMs = 5_000;

/**
 * Runs `work` while holding the vault file's lock (`<file>.lock`, a folder: atomic to create on
 * every file system, proper-lockfile's way), so that two Keydesk processes never write at once.
 * The holder refreshes it; a holder that was killed loses it after a few seconds. A holder that
 * only stalled past that (a stopped process, a suspended laptop) may find another writer took the
 * lock meanwhile: `held.confirm(read)` is asked just before it replaces the file, and fails the
 * write unless the lock was never lost and the file is still the one it read.
 */
export async function withVaultFileLock<T>(
  path: string,
  work: (held: { confirm(read: Uint8Array | null): Promise<void> }) => Promise<T>,
): Promise<T> {
  let release: () => Promise<void>;
  let lost = false;
  try {
    release = await loadLockfile().lock(path, {
      realpath: false,
      stale: staleMs,
      update: staleMs / 5,
      retries: { retries: 200, minTimeout: 10, maxTimeout: 100, factor: 1.2 },
      // Never a throw from a timer: the write that follows is refused instead (confirm).
      onCompromised: () => {
        lost = true;
      },
    });
  } catch (error) {
    throw new KeydeskError(
      'KEYCHAIN_TIMEOUT',
      `Another Keydesk kept the vault file ${path} locked for too long (${(error as Error).message}). Try again; if no other Keydesk is running, remove ${path}.lock.`,
    );
  }
  const held = {
    async confirm(read: Uint8Array | null) {
      const now = await readVaultFile(path);
      const same = read === null ? now === null : now !== null && Buffer.from(read).equals(now);
      if (lost || !same) {
        throw new KeydeskError(
          'KEYCHAIN_FAILED',
          `Keydesk stalled while writing the vault file ${path} and another Keydesk wrote it meanwhile; this change was not written (nothing was lost). Try it again.`,
        );
      }
    },
  };
  try {
    return await work(held);
  } finally {
    await release().catch(() => undefined);
  }
}
