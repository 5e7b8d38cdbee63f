import { randomUUID } from 'node:crypto';
import type { Services } from '../../src/core/services';
import { generateKeyPair } from '../../src/core/keys/generate-key-pair';
import { createAccountsRepo } from '../../src/core/vault/accounts-repo';
import { createApplicationsRepo } from '../../src/core/vault/applications-repo';

/**
 * 1,000 accounts and 10,000 applications. Rows go straight into SQLite (11,000 keychain writes would
 * measure gnome-keyring, not Keydesk); listing and searching never touch the keychain anyway.
 */
export async function seedVault(services: Services, accountCount = 1000, appsPerAccount = 10) {
  const accountsRepo = createAccountsRepo(services.db);
  const applicationsRepo = createApplicationsRepo(services.db);
  const key = await generateKeyPair();
  const now = new Date().toISOString();
  const accountIds: string[] = [];
  const start = performance.now();
  services.db.transaction(() => {
    for (let a = 0; a < accountCount; a += 1) {
      const id = randomUUID();
      accountIds.push(id);
      accountsRepo.insert({
        id,
        name: `Customer ${String(a).padStart(4, '0')} Ltd`,
        apiKey: `key${String(a).padStart(5, '0')}`,
        color: 'slate',
        notes: '',
        hasSignatureSecret: false,
        now,
      });
      for (let p = 0; p < appsPerAccount; p += 1) {
        applicationsRepo.insert({
          id: randomUUID(),
          accountId: id,
          name: `App ${p}`,
          publicKeyPem: key.publicKeyPem,
          fingerprint: key.fingerprint,
          keyBits: key.bits,
          jwtDefaults: {},
          now,
        });
      }
    }
  })();
  return { accountIds, applicationsRepo, insertMs: performance.now() - start };
}
