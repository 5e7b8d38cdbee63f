import { createRequire } from 'node:module';
import type { Keychain } from './keychain';
import { classifyKeychainError } from './classify-keychain-error';
import { withTimeout } from './with-timeout';

type Keytar = typeof import('keytar');

export type KeytarApi = Pick<
  Keytar,
  'getPassword' | 'setPassword' | 'deletePassword' | 'findCredentials'
>;

export interface KeytarKeychainOptions {
  service: string;
  timeoutMs: number;
  /** Another keytar-shaped module (the tests inject faults with it). */
  keytar?: KeytarApi;
}

/** keytar is loaded on first use so that commands which never touch a secret do not pay for it. */
let keytarModule: Keytar | undefined;
function loadKeytar(): Keytar {
  keytarModule ??= createRequire(import.meta.url)('keytar') as Keytar;
  return keytarModule;
}

export function createKeytarKeychain({
  service,
  timeoutMs,
  keytar,
}: KeytarKeychainOptions): Keychain {
  async function call<T>(what: string, work: (keytar: KeytarApi) => Promise<T>): Promise<T> {
    try {
      return await withTimeout(work(keytar ?? loadKeytar()), timeoutMs, what);
    } catch (error) {
      throw classifyKeychainError(error, what);
    }
  }

  return {
    get: (ref) => call('reading a secret', (k) => k.getPassword(service, ref)),
    set: (ref, secret) => call('storing a secret', (k) => k.setPassword(service, ref, secret)),
    delete: (ref) => call('deleting a secret', (k) => k.deletePassword(service, ref)),
    listRefs: () =>
      call('listing secrets', async (k) =>
        (await k.findCredentials(service)).map((c) => c.account),
      ),
  };
}
