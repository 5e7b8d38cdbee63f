import { afterAll, describe, expect, it } from 'vitest';
import { accountRevision } from '../../src/core/team/team-account-rows';
import { contractCaller } from '../helpers/contract-caller';
import { createMemoryTestKeychain } from '../helpers/keychain';
import { makeRsaKeys } from '../helpers/keys';
import { openTestServices } from '../helpers/services';

/**
 * `team sync` reads an account's secrets from the keychain only when its revision moved since the
 * last sync (migration 013): every change the vault makes to what is shared must move it.
 */
const backend = openTestServices(createMemoryTestKeychain());
const { ok } = contractCaller(() => backend.invoke);
afterAll(() => backend.dispose());

describe("an account's revision", () => {
  it('moves with each change of the account, its secrets and its applications', async () => {
    const keys = makeRsaKeys();
    const other = makeRsaKeys();
    const { db, vault } = backend.services;
    const account = await ok('accounts:create', {
      name: 'Acme',
      apiKey: 'acme0001',
      apiSecret: 'Acme-Secret-1',
    });
    const seen = [accountRevision(db, account.id)];
    const moved = () => {
      const now = accountRevision(db, account.id);
      const before = seen.at(-1);
      seen.push(now);
      return now !== null && before !== null && before !== undefined && now > before;
    };
    await ok('accounts:update', { id: account.id, apiSecret: 'Acme-Secret-2' });
    expect(moved()).toBe(true);
    await ok('accounts:update', { id: account.id, signatureSecret: 'sig-Secret-1' });
    expect(moved()).toBe(true);
    const appId = 'aaaaaaaa-bbbb-4ccc-8ddd-0000000000a9';
    await ok('apps:create', {
      accountId: account.id,
      id: appId,
      name: 'Voice',
      key: { kind: 'pem', pem: keys.pkcs8 },
    });
    expect(moved()).toBe(true);
    await ok('apps:replaceKey', { id: appId, key: { kind: 'pem', pem: other.pkcs8 } });
    expect(moved()).toBe(true);
    await ok('apps:update', { id: appId, name: 'Voice bot' });
    expect(moved()).toBe(true);
    // A rotation adopted: only the secret's id changes in the row.
    await vault.accounts.beginSecretRotation(account.id, 'Acme-Secret-3');
    expect(moved()).toBe(true);
    await vault.accounts.adoptSecret(account.id, null);
    expect(moved()).toBe(true);
    await ok('apps:remove', { id: appId });
    expect(moved()).toBe(true);
    // Reading changes nothing.
    await vault.accounts.revealSecret(account.id, 'apiSecret');
    expect(accountRevision(db, account.id)).toBe(seen.at(-1));
  });
});
