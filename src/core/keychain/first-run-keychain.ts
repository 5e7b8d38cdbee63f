import { KeydeskError } from '../../shared/errors';
import { setEntries, type Keychain } from './keychain';

export interface FirstRunKeychainOptions {
  os: Keychain;
  file: Keychain;
  /**
   * Whether a missing OS keychain may still be replaced by the vault file: only while the vault
   * holds no secrets. Once it does they are in the OS keychain, and its absence is an error.
   */
  mayFallBack: () => boolean;
  /** Told once, when the file takes over. */
  fellBack: () => void;
}

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

  async function use<T>(work: (keychain: Keychain) => Promise<T>): Promise<T> {
    if (onFile) return work(options.file);
    try {
      return await work(options.os);
    } catch (error) {
      const missing = error instanceof KeydeskError && error.code === 'KEYCHAIN_UNAVAILABLE';
      if (!missing || !options.mayFallBack()) throw error;
      onFile = true;
      options.fellBack();
      return work(options.file);
    }
  }

  const keychain: Keychain = {
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
