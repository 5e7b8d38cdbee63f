import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createMemoryTestKeychain, createTestKeychain } from './keychain';
import { makeRsaKeys, type RsaKeys } from './keys';
import { openTestServices } from './services';

/**
 * Registers hooks giving each test fresh services over a new data folder and a keychain emptied
 * after every test: the real one (its own service name), or with `memory` one in memory, for the
 * unit project. Read the getters inside tests only.
 */
export function useTestVault(options: { keychain?: 'os' | 'memory' } = {}) {
  const keychain =
    options.keychain === 'memory' ? createMemoryTestKeychain() : createTestKeychain();
  let keys: RsaKeys | undefined;
  let env: ReturnType<typeof openTestServices> | undefined;
  beforeAll(() => {
    keys = makeRsaKeys();
  });
  beforeEach(() => {
    env = openTestServices(keychain);
  });
  afterEach(async () => {
    env?.dispose();
    await keychain.clear();
  });
  afterAll(() => keychain.clear());
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useTestVault() values are only ready inside tests');
    return value;
  };
  return {
    keychain,
    keys: () => ready(keys),
    env: () => ready(env),
  };
}
