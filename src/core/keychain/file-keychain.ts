import { KeydeskError } from '../../shared/errors';
import {
  createAgeFile,
  NotAnAgeFileError,
  openAgeFile,
  sealAgeFile,
  WrongPassphraseError,
  type OpenedKey,
} from './age-file';
import type { Keychain } from './keychain';
import {
  readVaultFile,
  replaceVaultFile,
  vaultFileExists,
  withVaultFileLock,
} from './vault-file-io';

/**
 * Where a passphrase comes from when the file needs one: `open` for an existing file, `create`
 * for the first write (the CLI asks twice then). Throws when none can be had.
 */
export type PassphraseSource = (purpose: 'open' | 'create', path: string) => Promise<string>;

export interface FileKeychain extends Keychain {
  readonly path: string;
  /** Whether the file exists, and whether its key is in memory (reads need no passphrase). */
  state(): Promise<{ exists: boolean; unlocked: boolean }>;
  /** Opens the file with `passphrase` (or creates it, when there is none yet). */
  unlock(passphrase: string): Promise<void>;
  /** Drops the file key from memory: the next use needs the passphrase again. */
  lock(): void;
  /**
   * Called at every lock, by hand or when idle: whoever keeps what the secrets made (parsed
   * keys, minted tokens) forgets it then too. Returns the unsubscribe.
   */
  onLock(listener: () => void): () => void;
}

export interface FileKeychainOptions {
  path: string;
  /** The CLI's (KEYDESK_PASSPHRASE, a prompt); without one a locked file is an error. */
  passphrase?: PassphraseSource;
  /** Milliseconds without use after which the key is dropped; null never (the CLI's one run). */
  idleLockMs?: () => number | null;
}

/** scrypt slows a guess down; it cannot make a short passphrase long. */
const shortestPassphrase = 8;

function checkedNewPassphrase(passphrase: string): string {
  if (passphrase.length < shortestPassphrase)
    throw new KeydeskError(
      'VALIDATION',
      `A passphrase for a new vault file needs at least ${shortestPassphrase} characters (four or five random words are better); no file was created.`,
      'passphrase',
    );
  return passphrase;
}

/** The decrypted file: JSON a person can read after `age -d`. */
interface VaultFileContents {
  keydesk: 'vault file';
  version: 1;
  entries: Record<string, string>;
}

/**
 * Keydesk's secrets in one age file (passphrase, scrypt) in the data folder, for machines with no
 * OS keychain. The passphrase's scrypt is paid once per process: the file key and header are kept
 * in memory (never the passphrase, never the decrypted entries) and every rewrite reuses them with
 * a fresh payload nonce. Writes hold the file's lock and re-read the file first, so concurrent
 * Keydesk processes never lose each other's entries.
 */
export function createFileKeychain(options: FileKeychainOptions): FileKeychain {
  const { path } = options;
  let kept: OpenedKey | undefined;
  let idleTimer: NodeJS.Timeout | undefined;
  const lockListeners = new Set<() => void>();

  function lock() {
    kept?.fileKey.fill(0);
    kept = undefined;
    clearTimeout(idleTimer);
    for (const listener of lockListeners) listener();
  }

  /** Each use pushes the idle lock further away. */
  function touched() {
    clearTimeout(idleTimer);
    const ms = options.idleLockMs?.() ?? null;
    if (ms !== null && kept) idleTimer = setTimeout(lock, ms).unref();
  }

  async function ask(purpose: 'open' | 'create'): Promise<string> {
    if (!options.passphrase)
      throw new KeydeskError(
        'KEYCHAIN_LOCKED',
        `The vault file ${path} is locked. Unlock it with its passphrase.`,
      );
    return options.passphrase(purpose, path);
  }

  async function decrypt(bytes: Buffer, passphrase?: () => Promise<string>) {
    try {
      const opened = await openAgeFile(bytes, kept, passphrase ?? (() => ask('open')));
      kept = opened.key;
      touched();
      return parseContents(opened.plaintext);
    } catch (error) {
      if (error instanceof WrongPassphraseError)
        throw new KeydeskError(
          'KEYCHAIN_LOCKED',
          `The passphrase for the vault file ${path} is wrong; nothing was read or changed. Give the one the file was created with.`,
          'passphrase',
        );
      if (error instanceof NotAnAgeFileError)
        throw new KeydeskError(
          'KEYCHAIN_FAILED',
          `The vault file ${path} is not a readable age file (${error.message}); Keydesk left it as it is. Restore it from a backup, or move it aside to start an empty one.`,
        );
      throw error;
    }
  }

  function parseContents(plaintext: Buffer): Record<string, string> {
    let contents: unknown;
    try {
      contents = JSON.parse(plaintext.toString('utf8'));
    } catch {
      contents = undefined;
    }
    const entries = (contents as Partial<VaultFileContents> | undefined)?.entries;
    if (
      typeof entries !== 'object' ||
      entries === null ||
      Object.values(entries).some((value) => typeof value !== 'string')
    )
      throw new KeydeskError(
        'KEYCHAIN_FAILED',
        `The vault file ${path} decrypts, but not to Keydesk's entries; Keydesk left it as it is.`,
      );
    return { ...entries };
  }

  const serialise = (entries: Record<string, string>) =>
    Buffer.from(
      JSON.stringify({ keydesk: 'vault file', version: 1, entries } satisfies VaultFileContents),
    );

  async function readEntries(): Promise<Record<string, string>> {
    const bytes = await readVaultFile(path);
    return bytes ? decrypt(bytes) : {};
  }

  /**
   * A change under the lock, to the file as it is now (another process may have written since).
   * The passphrase's scrypt is done before taking the lock where it can be, not while others wait.
   */
  async function change<T>(apply: (entries: Record<string, string>) => T): Promise<T> {
    if (!kept) await readEntries();
    return withVaultFileLock(path, async (held) => {
      const bytes = await readVaultFile(path);
      if (!bytes) {
        const entries: Record<string, string> = {};
        const result = apply(entries);
        const created = await createAgeFile(
          checkedNewPassphrase(await ask('create')),
          serialise(entries),
        );
        await held.confirm(null);
        replaceVaultFile(path, created.bytes);
        kept = created.key;
        touched();
        return result;
      }
      const entries = await decrypt(bytes);
      const result = apply(entries);
      // decrypt() has just kept the key this file opened with.
      if (!kept) throw new KeydeskError('INTERNAL', `The vault file ${path} opened without a key.`);
      const sealed = sealAgeFile(kept, serialise(entries));
      await held.confirm(bytes);
      replaceVaultFile(path, sealed);
      return result;
    });
  }

  return {
    path,
    get: async (ref) => (await readEntries())[ref] ?? null,
    set: (ref, secret) =>
      change((entries) => {
        entries[ref] = secret;
      }),
    delete: (ref) =>
      change((entries) => {
        const had = Object.hasOwn(entries, ref);
        Reflect.deleteProperty(entries, ref);
        return had;
      }),
    listRefs: async () => Object.keys(await readEntries()),
    readAll: async () => new Map(Object.entries(await readEntries())),
    async state() {
      return { exists: await vaultFileExists(path), unlocked: kept !== undefined };
    },
    async unlock(passphrase) {
      const bytes = await readVaultFile(path);
      if (bytes) {
        lock();
        await decrypt(bytes, async () => passphrase);
        return;
      }
      await withVaultFileLock(path, async (held) => {
        const now = await readVaultFile(path);
        if (now) return void (await decrypt(now, async () => passphrase));
        const created = await createAgeFile(checkedNewPassphrase(passphrase), serialise({}));
        await held.confirm(null);
        replaceVaultFile(path, created.bytes);
        kept = created.key;
        touched();
      });
    },
    lock,
    onLock(listener) {
      lockListeners.add(listener);
      return () => lockListeners.delete(listener);
    },
  };
}
