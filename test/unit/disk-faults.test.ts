import { afterEach, describe, expect, it } from 'vitest';
import { contractCaller } from '../helpers/contract-caller';
import { createMemoryTestKeychain } from '../helpers/keychain';
import { makeRsaKeys } from '../helpers/keys';
import { openTestServices } from '../helpers/services';
import { tally } from '../helpers/tally';

const keychain = createMemoryTestKeychain();
let opened: ReturnType<typeof openTestServices> | undefined;
afterEach(async () => {
  opened?.dispose();
  opened = undefined;
  await keychain.clear();
});
const appId = 'aaaaaaaa-bbbb-cccc-dddd-0123456789ab';

async function vault() {
  opened = openTestServices(keychain);
  const caller = contractCaller(() => (opened as NonNullable<typeof opened>).invoke);
  const acme = await caller.ok('accounts:create', {
    name: 'Acme',
    apiKey: 'abcd1234',
    apiSecret: 'disk-secret',
  });
  await caller.ok('apps:create', {
    accountId: acme.id,
    id: appId,
    name: 'Voice',
    key: { kind: 'pem', pem: makeRsaKeys().pkcs8 },
  });
  return { ...caller, acme, db: opened.services.db };
}

describe('the disk', () => {
  it('full: a clear error, nothing half-saved, no token without its history event', async () => {
    const { ok, fails, acme, db } = await vault();
    // SQLite's own way to run out of space: the file may not grow past its current size.
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    tally('faults injected');
    let full;
    for (let i = 0; i < 200 && !full; i += 1) {
      const result = await opened?.invoke('accounts:update', {
        id: acme.id,
        notes: `${i} ${'n'.repeat(9000)}`,
      });
      if (result && !result.ok) full = result.error;
    }
    expect(full).toMatchObject({
      code: 'DB_FAILED',
      message: expect.stringMatching(/disk .* is full: nothing was saved/),
    });
    const refsBefore = (await keychain.listRefs()).sort();
    const accountsBefore = db.prepare('SELECT * FROM accounts').all();
    const created = await fails('accounts:create', {
      name: 'Globex',
      apiKey: 'ffff0000',
      apiSecret: 'x'.repeat(200),
      notes: 'n'.repeat(9000),
    });
    expect(created).toMatchObject({ code: 'DB_FAILED', message: expect.stringMatching(/full/) });
    expect((await keychain.listRefs()).sort()).toEqual(refsBefore);
    expect(db.prepare('SELECT * FROM accounts').all()).toEqual(accountsBefore);
    // A mint whose history event cannot be written hands out no token.
    const minted = await opened?.invoke('jwt:mint', {
      applicationId: appId,
      sub: 's'.repeat(200),
      claims: { pad: 'p'.repeat(7000) },
    });
    if (minted && !minted.ok) {
      expect(minted.error).toMatchObject({
        code: 'DB_FAILED',
        message: expect.stringMatching(/history event could not be written: The disk .* is full/),
      });
    } else {
      // The event fitted in a page's free space: then it is in the history.
      expect((await ok('history:list', { action: 'mint' })).events[0]?.details.jti).toBe(
        minted?.value.jti,
      );
    }
  });

  it('not writable: a clear error and nothing changed', async () => {
    const { fails, acme, db } = await vault();
    db.pragma('query_only = ON');
    tally('faults injected');
    const refsBefore = (await keychain.listRefs()).sort();
    expect(
      await fails('accounts:create', {
        name: 'Globex',
        apiKey: 'ffff0000',
        apiSecret: 'ro-secret',
      }),
    ).toMatchObject({
      code: 'DB_FAILED',
      message: expect.stringMatching(/cannot be written to: nothing was saved/),
    });
    expect(
      await fails('accounts:update', { id: acme.id, apiSecret: 'new-secret-1' }),
    ).toMatchObject({ code: 'DB_FAILED' });
    expect((await keychain.listRefs()).sort()).toEqual(refsBefore);
    db.pragma('query_only = OFF');
    expect(await opened?.services.vault.accounts.revealSecret(acme.id, 'apiSecret')).toBe(
      'disk-secret',
    );
  });
});
