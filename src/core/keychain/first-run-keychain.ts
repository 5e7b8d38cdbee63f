import { KeydeskError } from '../../shared/errors';
import { setEntries, statusOf, type Keychain, type KeychainState } from './keychain';

export interface FirstRunKeychainOptions {
  os: Keychain;
  /** The vault file (or where it will be). */
  file: Keychain & { path: string };
  /**
   * Whether a missing OS keychain may still be replaced by the vault file: only while the vault
   * holds no secrets. Once it does they are in the OS keychain, and its absence is an error.
   */
  mayFallBack: () => boolean;
  /** Told once, when the file takes over. */
  fellBack: () => void;
}

/** Said once when the vault file takes over, and by its status until it exists. */
export const fellBackNotice = (path: string) =>
  `No OS keychain answers here (no D-Bus session or Secret Service), so Keydesk keeps the secrets in the encrypted vault file ${path} instead (KEYDESK_KEYCHAIN=os insists on the OS keychain).`;

/**
 * The OS keychain with the vault file behind it. `auto` on a machine where it is not yet known
 * whether a Secret Service answers: the OS keychain is asked first; when it is missing (no session
 * bus, autolaunch refused, nothing on the bus) and the vault is still empty, the vault file takes
 * over for good. From then on the data folder holds the file and `auto` chooses it directly. A
 * running app also switches to the file here once its secrets were moved there.
 */
export function createFirstRunKeychain(options: FirstRunKeychainOptions) {
  let onFile = false;
  let moved = false;

  /** Whether the file takes over now that no OS keychain answered: only while the vault is empty. */
  function tookOver(): boolean {
    if (!options.mayFallBack()) return false;
    onFile = true;
    options.fellBack();
    return true;
  }

  async function use<T>(work: (keychain: Keychain) => Promise<T>): Promise<T> {
    if (onFile) return work(options.file);
    try {
      return await work(options.os);
    } catch (error) {
      const missing = error instanceof KeydeskError && error.code === 'KEYCHAIN_UNAVAILABLE';
      if (!missing || !tookOver()) throw error;
      return work(options.file);
    }
  }

  /** The OS keychain's, until asking it found none on a first run: then the file's, said so. */
  async function status(): Promise<KeychainState> {
    if (!onFile) {
      const os = await statusOf(options.os, 'os');
      if (os.state !== 'unavailable' || !tookOver()) return os;
    }
    const file = await statusOf(options.file, 'file');
    if (moved || !file.vaultFile) return file;
    const instead = { ...file, vaultFile: { ...file.vaultFile, instead: true } };
    return file.vaultFile.exists || file.state === 'ok'
      ? instead
      : {
          ...instead,
          message: `${fellBackNotice(options.file.path)} Choose a passphrase to create it.`,
        };
  }

  const keychain: Keychain = {
    status,
    get: (ref) => use((k) => k.get(ref)),
    set: (ref, secret) => use((k) => k.set(ref, secret)),
    delete: (ref) => use((k) => k.delete(ref)),
    listRefs: () => use((k) => k.listRefs()),
    readAll: () => use((k) => k.readAll()),
    setMany: (entries) => {
      const all = [...entries];
      return use((k) => setEntries(k, all));
    },
  };
  return {
    keychain,
    usesFile: () => onFile,
    /** Whether the file took over by itself (a first run), rather than by a move. */
    fellBack: () => onFile && !moved,
    /** After every secret was moved to the file (keychain:migrate, the app's banner). */
    moveToFile: () => {
      onFile = true;
      moved = true;
    },
  };
}
