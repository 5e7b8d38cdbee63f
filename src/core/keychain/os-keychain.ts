import { createRequire } from 'node:module';
import { noteNativeEntry } from './release-connections';
import { statusByListing, type Keychain, type KeychainState } from './keychain';
import { classifyKeychainError } from './classify-keychain-error';
import { withTimeout } from './with-timeout';
import { KeydeskError } from '../../shared/errors';

type KeyringModule = typeof import('@napi-rs/keyring');

/**
 * The four calls Keydesk makes, each cancellable: @napi-rs/keyring's asynchronous API. Kept as an
 * interface so the tests can put one fault in front of the real keyring.
 */
export interface KeyringApi {
  getPassword(service: string, ref: string, signal: AbortSignal): Promise<string | null>;
  setPassword(service: string, ref: string, secret: string, signal: AbortSignal): Promise<void>;
  deletePassword(service: string, ref: string, signal: AbortSignal): Promise<boolean>;
  findCredentials(
    service: string,
    signal: AbortSignal,
  ): Promise<{ account: string; password: string }[]>;
}

export interface OsKeychainOptions {
  service: string;
  timeoutMs: number;
  /** Another keyring-shaped implementation (the tests inject faults with it). */
  keyring?: KeyringApi;
}

/** Loaded on first use so that commands which never touch a secret do not pay for it. */
let keyringModule: KeyringModule | undefined;
function loadKeyring(): KeyringModule {
  keyringModule ??= createRequire(import.meta.url)('@napi-rs/keyring') as KeyringModule;
  return keyringModule;
}

/** The waits before asking a keychain service again that failed or vanished (the last is unused). */
const retryPausesMs = [300, 600, 0];

/**
 * On Linux the store is pinned to the Secret Service: left to choose, the library falls back to
 * the kernel's keyutils when D-Bus is unreachable, where a secret is lost at logout and a read
 * answers "not found" instead of "no keychain".
 */
const entryOptions = { linux: { store: 'secret-service' as const } };

/** @napi-rs/keyring: the macOS Keychain, Windows Credential Manager, or the Secret Service. */
export function napiKeyring(): KeyringApi {
  const { AsyncEntry, findCredentialsAsync } = loadKeyring();
  const entry = (service: string, ref: string) => {
    noteNativeEntry();
    return new AsyncEntry(service, ref, entryOptions);
  };
  return {
    getPassword: (service, ref, signal) => entry(service, ref).getPassword(signal),
    setPassword: (service, ref, secret, signal) => entry(service, ref).setPassword(secret, signal),
    deletePassword: (service, ref, signal) => entry(service, ref).deleteCredential(signal),
    findCredentials: (service, signal) => {
      noteNativeEntry();
      return findCredentialsAsync(service, null, signal);
    },
  };
}

/**
 * The OS keychain behind Keydesk's one `Keychain` interface. Every call is bounded: its
 * AbortSignal cancels the native work and a timer answers for it if the keyring ignores the
 * signal (a hidden unlock prompt). A locked keyring is an error that says so, never "not found".
 */
export function createOsKeychain({ service, timeoutMs, keyring }: OsKeychainOptions): Keychain {
  async function attempt<T>(
    what: string,
    work: (api: KeyringApi, signal: AbortSignal) => Promise<T>,
    ms: number,
  ) {
    const controller = new AbortController();
    try {
      return await withTimeout(work(keyring ?? napiKeyring(), controller.signal), ms, what);
    } catch (error) {
      throw classifyKeychainError(error, what);
    } finally {
      controller.abort();
    }
  }

  /**
   * A keychain service that went away mid-request (gnome-keyring restarting after a crash drops
   * every connection) is asked again, twice at most, within the same time limit; a locked
   * keyring or a timeout is answered at once.
   */
  async function call<T>(what: string, work: (api: KeyringApi, signal: AbortSignal) => Promise<T>) {
    const deadline = Date.now() + timeoutMs;
    for (const [index, pause] of retryPausesMs.entries()) {
      try {
        return await attempt(what, work, Math.max(1, deadline - Date.now()));
      } catch (error) {
        const transient =
          error instanceof KeydeskError &&
          (error.code === 'KEYCHAIN_FAILED' || error.code === 'KEYCHAIN_UNAVAILABLE');
        if (!transient || index === retryPausesMs.length - 1 || Date.now() + pause >= deadline)
          throw error;
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    }
    throw new KeydeskError('INTERNAL', `No keychain attempt was made while ${what}.`);
  }

  return {
    kind: 'os',
    describe: () => 'the OS keychain',
    // Listing answers whether the Secret Service is there, unlocked and answering in time.
    status(): Promise<KeychainState> {
      return statusByListing(this, 'os');
    },
    get: (ref) => call('reading a secret', (k, signal) => k.getPassword(service, ref, signal)),
    set: (ref, secret) =>
      call('storing a secret', (k, signal) => k.setPassword(service, ref, secret, signal)),
    delete: (ref) =>
      call('deleting a secret', (k, signal) => k.deletePassword(service, ref, signal)),
    listRefs: () =>
      call('listing secrets', async (k, signal) =>
        (await k.findCredentials(service, signal)).map((credential) => credential.account),
      ),
    readAll: () =>
      call(
        'reading secrets',
        async (k, signal) =>
          new Map((await k.findCredentials(service, signal)).map((c) => [c.account, c.password])),
      ),
  };
}
