import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { databaseFileName } from '../../src/core/db/open-database';
import { readVaultId } from '../../src/core/db/migrations/005-vault-identity';
import { scopeToVault, type VaultKeychain } from '../../src/core/keychain/vault-keychain';
import { KeydeskError } from '../../src/shared/errors';
import type { Keychain } from '../../src/core/keychain/keychain';
import { createOsKeychain } from '../../src/core/keychain/os-keychain';
import { createMemoryKeychain } from '../../src/core/keychain/memory-keychain';
import { createFileKeychain } from '../../src/core/keychain/file-keychain';
import { vaultFilePath } from '../../src/core/keychain/choose-keychain';
import { tally } from './tally';

export function assertTestKeyring(): void {
  if (process.env.KEYDESK_INSIDE_TEST_KEYRING !== '1') {
    throw new Error(
      'These tests use a real gnome-keyring: run them with "npm test" (or scripts/with-keyring.sh npx vitest run).',
    );
  }
}

/** The real OS keychain under a service name of its own, so parallel test files never meet. */
export function createTestKeychain(): Keychain & { service: string; clear(): Promise<void> } {
  assertTestKeyring();
  const service = `Keydesk-test-${randomUUID()}`;
  const keychain = createOsKeychain({ service, timeoutMs: 10_000 });
  return {
    ...keychain,
    service,
    async clear() {
      for (const ref of await keychain.listRefs()) await keychain.delete(ref);
    },
  };
}

/**
 * A keychain in memory shaped as createTestKeychain's: for tests of what Keydesk does with its
 * secrets rather than of the OS keychain itself (the contract test holds both to the same rules).
 */
export function createMemoryTestKeychain(): Keychain & { service: string; clear(): Promise<void> } {
  const keychain = createMemoryKeychain();
  return {
    ...keychain,
    service: 'memory',
    async clear() {
      for (const ref of await keychain.listRefs()) await keychain.delete(ref);
    },
  };
}

/**
 * The real keychain with one failure injected: the Nth `set` (1-based) rejects as a locked
 * keyring would. Used to prove that a failed keychain write leaves no metadata behind.
 */
export function failingOnSet(real: Keychain, failOnCall: number): Keychain {
  let calls = 0;
  return {
    ...real,
    async set(ref, secret) {
      calls += 1;
      if (calls === failOnCall) {
        tally('faults injected');
        throw new KeydeskError(
          'KEYCHAIN_LOCKED',
          'The OS keychain is locked (injected by the test).',
        );
      }
      return real.set(ref, secret);
    },
  };
}

/** The keychain as the vault in `dataDir` sees it (its own entries, under its vault id). */
export function vaultKeychainOf(dataDir: string, keychain: Keychain): VaultKeychain {
  const db = new Database(join(dataDir, databaseFileName), { readonly: true });
  try {
    return scopeToVault(keychain, readVaultId(db));
  } finally {
    db.close();
  }
}

/**
 * The keychain the CLI uses for `dataDir` in this test run, as that vault sees it: the OS keychain
 * (`keychain`), or the vault file when the suite runs on the file backend (KEYDESK_KEYCHAIN=file,
 * the `file-vault` project in vitest.config.ts).
 */
export function cliKeychainOf(dataDir: string, keychain: Keychain): VaultKeychain {
  if (process.env.KEYDESK_KEYCHAIN !== 'file') return vaultKeychainOf(dataDir, keychain);
  const passphrase = process.env.KEYDESK_PASSPHRASE ?? '';
  const file = createFileKeychain({
    path: vaultFilePath(dataDir),
    passphrase: async () => passphrase,
  });
  return vaultKeychainOf(dataDir, file);
}
