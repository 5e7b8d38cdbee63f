import { KeydeskError } from '../../shared/errors';
import {
  createAgeFile,
  NotAnAgeFileError,
  openAgeFile,
  sealAgeFile,
  WrongPassphraseError,
  type OpenedKey,
} from './age-file';
import type { Keychain, KeychainState } from './keychain';
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

/**
 * Unlock sessions (the CLI's `keydesk unlock`): the file key kept wrapped outside the process for
 * a while, so that the commands run meanwhile need no passphrase and no scrypt.
 */
export interface UnlockSessions {
  /** The key the caller's session holds for the file at `path`; undefined when it has none. */
  keyFor(path: string): Promise<OpenedKey | undefined>;
  /** Keeps `key` for a new session; answers what opens it again (KEYDESK_SESSION's value). */
  start(
    path: string,
    key: OpenedKey,
    limits: { forMs: number; idleMs: number },
  ): Promise<{ token: string; expiresAt: Date }>;
  /** Ends every session; answers how many there were. */
  endAll(): Promise<number>;
}

export interface FileKeychain extends Keychain {
  readonly path: string;
  /** Whether the file exists, and whether its key is in memory (reads need no passphrase). */
  state(): Promise<{ exists: boolean; unlocked: boolean }>;
  /** Opens the file with `passphrase` (or creates it, when there is none yet). */
  unlock(passphrase: string): Promise<void>;
  /**
   * The file opened with its passphrase, asked even when a session or an earlier read holds the
   * key (or created, when there is none yet): a copy of its key, for a new unlock session.
   */
  keyForSession(): Promise<OpenedKey>;
  /**
   * Rewrites the file for a new passphrase with a new file key (scrypt once): a copy of the old
   * file, or a session's key, opens nothing written from then on.
   */
  changePassphrase(passphrase: string, current?: string): Promise<void>;
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
  /** Where an unlock session's key comes from before the passphrase is asked (the CLI's). */
  sessions?: UnlockSessions;
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
    // A session's key, when it is the one the file was written with, saves the passphrase.
    if (!kept && options.sessions) kept = await options.sessions.keyFor(path);
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
    kind: 'file',
    describe: () => `the vault file ${path}`,
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
    setMany: (many) =>
      change((entries) => {
        for (const [ref, secret] of many) entries[ref] = secret;
      }),
    deleteMany: (refs) =>
      change((entries) =>
        [...refs].filter((ref) => {
          const had = Object.hasOwn(entries, ref);
          Reflect.deleteProperty(entries, ref);
          return had;
        }),
      ),
    listRefs: async () => Object.keys(await readEntries()),
    readAll: async () => new Map(Object.entries(await readEntries())),
    async state() {
      return { exists: await vaultFileExists(path), unlocked: kept !== undefined };
    },
    // Its own state only: reading the entries would count as a use, and the window asking (at
    // each focus, after each change) would keep an idle vault file unlocked.
    async status(): Promise<KeychainState> {
      const exists = await vaultFileExists(path);
      const where = { backend: 'file' as const, vaultFile: { path, exists } };
      if (kept !== undefined) return { state: 'ok', ...where };
      const message = exists
        ? `The vault file ${path} is locked; enter its passphrase to unlock it.`
        : `There is no vault file yet; choose a passphrase to create ${path}.`;
      return { state: 'locked', message, ...where };
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
    async keyForSession() {
      const bytes = await readVaultFile(path);
      if (bytes) {
        lock();
        await decrypt(bytes, () => ask('open'));
      } else await change(() => undefined);
      if (!kept) throw new KeydeskError('INTERNAL', `The vault file ${path} opened without a key.`);
      return { fileKey: Buffer.from(kept.fileKey), header: Buffer.from(kept.header) };
    },
    async changePassphrase(passphrase, typed) {
      checkedNewPassphrase(passphrase);
      // The current passphrase first, always (a session's key is not enough), not under the lock.
      const current = await readVaultFile(path);
      if (!current)
        throw new KeydeskError(
          'VALIDATION',
          `There is no vault file ${path} yet; its passphrase is chosen when it is created.`,
        );
      lock();
      await decrypt(current, typed === undefined ? () => ask('open') : async () => typed);
      await withVaultFileLock(path, async (held) => {
        const bytes = await readVaultFile(path);
        if (!bytes) throw new KeydeskError('KEYCHAIN_FAILED', `The vault file ${path} went away.`);
        const entries = await decrypt(bytes);
        const created = await createAgeFile(passphrase, serialise(entries));
        await held.confirm(bytes);
        replaceVaultFile(path, created.bytes);
        kept?.fileKey.fill(0);
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
