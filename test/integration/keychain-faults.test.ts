import { afterEach, describe, expect, it } from 'vitest';
import { secretRefs } from '../../src/core/keychain/keychain';
import {
  createOsKeychain,
  napiKeyring,
  type KeyringApi,
} from '../../src/core/keychain/os-keychain';
import { contractCaller } from '../helpers/contract-caller';
import { assertTestKeyring, createTestKeychain } from '../helpers/keychain';
import { openTestServices } from '../helpers/services';
import { tally } from '../helpers/tally';

assertTestKeyring();
const realKeyring = napiKeyring();
const probe = createTestKeychain();

/** The real keyring (real gnome-keyring) with one fault: the Nth call of `method` misbehaves. */
function faultyKeyring(
  method: keyof KeyringApi,
  nth: number,
  fault: 'hang' | 'fail' | 'drop',
): KeyringApi {
  let calls = 0;
  const wrapped = { ...realKeyring };
  wrapped[method] = ((...args: unknown[]) => {
    calls += 1;
    if (calls === nth) {
      tally('faults injected');
      if (fault === 'hang') return new Promise(() => undefined);
      return Promise.reject(
        new Error(
          fault === 'drop'
            ? 'Platform secure storage failure: D-Bus error: Remote peer disconnected'
            : 'Cannot create an item in a locked collection',
        ),
      );
    }
    return (realKeyring[method] as (...a: unknown[]) => Promise<unknown>)(...args);
  }) as never;
  return wrapped;
}

let opened: ReturnType<typeof openTestServices> | undefined;
afterEach(async () => {
  opened?.dispose();
  opened = undefined;
  await probe.clear();
});

function servicesWith(keyring: KeyringApi, timeoutMs = 500) {
  opened = openTestServices(createOsKeychain({ service: probe.service, timeoutMs, keyring }));
  return contractCaller(() => (opened as NonNullable<typeof opened>).invoke);
}
const rows = () => ({
  accounts: opened?.services.db
    .prepare('SELECT name, api_key, has_signature_secret FROM accounts')
    .all(),
});

describe('keychain faults leave the vault exactly as before', () => {
  it('a keychain call that never returns times out with advice, and nothing is stored', async () => {
    const { fails } = servicesWith(faultyKeyring('setPassword', 1, 'hang'), 300);
    const started = Date.now();
    const error = await fails('accounts:create', {
      name: 'Acme',
      apiKey: 'abcd1234',
      apiSecret: 's3cret-1',
    });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(error).toMatchObject({
      code: 'KEYCHAIN_TIMEOUT',
      message: expect.stringMatching(/did not answer within 300 ms while storing a secret.*unlock/),
    });
    expect(rows().accounts).toEqual([]);
    expect(await probe.listRefs()).toEqual([]);
  });

  it('a locked keyring half-way through a create takes the first secret back out', async () => {
    const { fails } = servicesWith(faultyKeyring('setPassword', 2, 'fail'));
    const error = await fails('accounts:create', {
      name: 'Acme',
      apiKey: 'abcd1234',
      apiSecret: 's3cret-1',
      signatureSecret: 'sig-secret-1',
    });
    expect(error.code).toBe('KEYCHAIN_LOCKED');
    expect(rows().accounts).toEqual([]);
    expect(await probe.listRefs()).toEqual([]);
  });

  it('a keychain failing half-way through an update (rename + new secrets) restores the old secret and name', async () => {
    // Third setPassword: create writes one, the update's first write succeeds, its second fails.
    const { ok, fails } = servicesWith(faultyKeyring('setPassword', 3, 'fail'));
    const acme = await ok('accounts:create', {
      name: 'Acme',
      apiKey: 'abcd1234',
      apiSecret: 'old-secret-1',
    });
    const before = rows();
    const error = await fails('accounts:update', {
      id: acme.id,
      name: 'Acme Europe',
      apiSecret: 'new-secret-2',
      signatureSecret: 'sig-secret-2',
    });
    expect(error.code).toBe('KEYCHAIN_LOCKED');
    expect(rows()).toEqual(before);
    expect(
      await (opened as NonNullable<typeof opened>).services.keychain.get(
        secretRefs.apiSecret(acme.id),
      ),
    ).toBe('old-secret-1');
    expect(
      await (opened as NonNullable<typeof opened>).services.keychain.get(
        secretRefs.signatureSecret(acme.id),
      ),
    ).toBeNull();
  });

  it('a keychain that cannot delete stops a removal before anything is removed', async () => {
    const { ok, fails } = servicesWith(faultyKeyring('deletePassword', 1, 'fail'));
    const acme = await ok('accounts:create', {
      name: 'Acme',
      apiKey: 'abcd1234',
      apiSecret: 'old-secret-1',
    });
    expect((await fails('accounts:remove', { id: acme.id })).code).toBe('KEYCHAIN_LOCKED');
    expect(rows().accounts).toHaveLength(1);
    expect(
      await (opened as NonNullable<typeof opened>).services.keychain.get(
        secretRefs.apiSecret(acme.id),
      ),
    ).toBe('old-secret-1');
  });

  it('a keychain service that drops a request (its daemon restarting) is asked again', async () => {
    const { ok } = servicesWith(faultyKeyring('setPassword', 1, 'drop'), 5_000);
    const acme = await ok('accounts:create', {
      name: 'Acme',
      apiKey: 'abcd1234',
      apiSecret: 'kept-secret-1',
    });
    expect(
      await (opened as NonNullable<typeof opened>).services.keychain.get(
        secretRefs.apiSecret(acme.id),
      ),
    ).toBe('kept-secret-1');
  });
});
