import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeydeskError } from '../../src/shared/errors';
import type { Keychain } from '../../src/core/keychain/keychain';
import { contractCaller } from '../helpers/contract-caller';
import { createMemoryTestKeychain } from '../helpers/keychain';
import { makeRsaKeys, type RsaKeys } from '../helpers/keys';
import {
  pressingAuthorizer,
  startOAuthProvider,
  type OAuthProvider,
} from '../helpers/oauth-provider';
import { openTestServices } from '../helpers/services';
import { tally } from '../helpers/tally';

/**
 * Every write of a secret, with a failure injected at each of its steps in turn (every keychain
 * call, then the row write): afterwards the vault and the keychain are exactly as before. Without
 * a failure, the write goes through: the last run is the proof that every step was reached.
 */
const keychain = createMemoryTestKeychain();
const consumer = { key: 'faults-consumer', secret: 'faults-Consumer-Secret' };
const appId = 'aaaaaaaa-bbbb-cccc-dddd-0123456789ab';
let provider: OAuthProvider;
let keys: RsaKeys;

beforeAll(async () => {
  provider = await startOAuthProvider(consumer);
  keys = makeRsaKeys();
});
afterAll(async () => {
  await provider.close();
  await keychain.clear();
});

/** The keychain given, failing its Nth call (any of get, set, delete) once armed. */
function faultyKeychain(real: Keychain) {
  let armedAt = 0;
  let calls = 0;
  const guard =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      if (armedAt > 0) {
        calls += 1;
        if (calls === armedAt) {
          tally('faults injected');
          return Promise.reject(
            new KeydeskError('KEYCHAIN_LOCKED', 'The OS keychain is locked (injected).'),
          );
        }
      }
      return fn(...args);
    };
  return {
    keychain: {
      get: guard(real.get),
      set: guard(real.set),
      delete: guard(real.delete),
      listRefs: real.listRefs,
      readAll: real.readAll,
    } satisfies Keychain,
    arm(at: number) {
      armedAt = at;
      calls = 0;
    },
    disarm: () => (armedAt = 0),
  };
}

type World = Awaited<ReturnType<typeof freshWorld>>;

/** A vault with an account, an application, an OAuth consumer and a token, nothing failing. */
async function freshWorld() {
  const fault = faultyKeychain(keychain);
  const opened = openTestServices(fault.keychain, {
    authorizer: pressingAuthorizer('allow'),
  });
  const { ok } = contractCaller(() => opened.invoke);
  const acme = await ok('accounts:create', {
    name: 'Acme',
    apiKey: 'abcd1234',
    apiSecret: 'acme-secret-1',
    signatureSecret: 'acme-signature-1',
  });
  await ok('apps:create', {
    accountId: acme.id,
    id: appId,
    name: 'Voice',
    key: { kind: 'pem', pem: keys.pkcs8 },
  });
  const added = await ok('oauth:consumers:create', {
    accountId: acme.id,
    consumerKey: consumer.key,
    consumerSecret: consumer.secret,
    baseUrl: provider.baseUrl,
    callbackUrl: 'http://127.0.0.1/keydesk/oauth/callback',
  });
  const token = await ok('oauth:login', { consumerId: added.id });
  return { opened, fault, acme, consumerId: added.id, tokenId: token.id };
}

/** The vault's state: every row but the history, and every keychain entry of this vault. */
async function snapshot(world: World) {
  const { db, keychain: vaultKeychain } = world.opened.services;
  const rows = Object.fromEntries(
    ['accounts', 'applications', 'oauth_consumers', 'oauth_tokens'].map((table) => [
      table,
      db.prepare(`SELECT * FROM ${table} ORDER BY id`).all(),
    ]),
  );
  const entries: Record<string, string | null> = {};
  for (const ref of (await vaultKeychain.listRefs()).sort())
    entries[ref] = await vaultKeychain.get(ref);
  return { rows, entries };
}

const writes: [string, (w: World) => [channel: string, input: unknown]][] = [
  [
    'accounts:create',
    () => [
      'accounts:create',
      { name: 'Globex', apiKey: 'ffff0000', apiSecret: 'g-1', signatureSecret: 'g-sig-1' },
    ],
  ],
  [
    'accounts:update (rename, new API secret, signature secret removed)',
    (w) => [
      'accounts:update',
      { id: w.acme.id, name: 'Acme Ltd', apiSecret: 'acme-secret-2', signatureSecret: null },
    ],
  ],
  [
    'accounts:remove (with its application, consumer and token)',
    (w) => ['accounts:remove', { id: w.acme.id }],
  ],
  [
    'apps:replaceKey',
    () => ['apps:replaceKey', { id: appId, key: { kind: 'pem', pem: makeRsaKeys().pkcs8 } }],
  ],
  [
    'apps:replaceKey (generate)',
    () => ['apps:replaceKey', { id: appId, key: { kind: 'generate' } }],
  ],
  [
    'apps:create (generate)',
    (w) => [
      'apps:create',
      {
        accountId: w.acme.id,
        id: 'bbbbbbbb-bbbb-cccc-dddd-0123456789ab',
        name: 'Video',
        key: { kind: 'generate' },
      },
    ],
  ],
  ['apps:remove', () => ['apps:remove', { id: appId }]],
  [
    'oauth:consumers:create',
    (w) => [
      'oauth:consumers:create',
      {
        accountId: w.acme.id,
        consumerKey: 'second',
        consumerSecret: 'second-secret',
        baseUrl: provider.baseUrl,
      },
    ],
  ],
  [
    'oauth:consumers:remove (with its token)',
    (w) => ['oauth:consumers:remove', { id: w.consumerId }],
  ],
  ['oauth:login (token store)', (w) => ['oauth:login', { consumerId: w.consumerId }]],
  ['oauth:tokens:forget', (w) => ['oauth:tokens:forget', { id: w.tokenId }]],
];

const tables = { accounts: 1, applications: 1, oauth_consumers: 1, oauth_tokens: 1 };

describe('a secret and its row change together or not at all', () => {
  it.each(writes)(
    '%s: a failure at any step leaves exactly the state before',
    async (_name, make) => {
      let step = 1;
      for (;;) {
        const world = await freshWorld();
        const before = await snapshot(world);
        const [channel, input] = make(world);
        world.fault.arm(step);
        const result = await world.opened.invoke(channel as never, input);
        world.fault.disarm();
        const after = await snapshot(world);
        if (result.ok) {
          expect(after, `${channel} succeeded but changed nothing`).not.toEqual(before);
          world.opened.dispose();
          await keychain.clear();
          break;
        }
        expect(result.error.code, `step ${step}`).toBe('KEYCHAIN_LOCKED');
        expect(after, `${channel} failed at keychain step ${step}`).toEqual(before);
        world.opened.dispose();
        await keychain.clear();
        step += 1;
      }
      expect(step).toBeGreaterThan(1);

      // And the row write failing after every keychain step succeeded.
      const world = await freshWorld();
      const before = await snapshot(world);
      const [channel, input] = make(world);
      for (const table of Object.keys(tables)) {
        for (const when of ['INSERT', 'UPDATE', 'DELETE']) {
          world.opened.services.db.exec(
            `CREATE TEMP TRIGGER fail_${table}_${when} BEFORE ${when} ON ${table} BEGIN SELECT RAISE(ABORT, 'injected row failure'); END`,
          );
        }
      }
      tally('faults injected');
      const result = await world.opened.invoke(channel as never, input);
      expect(result.ok).toBe(false);
      expect(await snapshot(world)).toEqual(before);
      world.opened.dispose();
      await keychain.clear();
    },
  );
});
