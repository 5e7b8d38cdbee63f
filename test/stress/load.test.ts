import { afterAll, describe, expect, it } from 'vitest';
import { contractCaller } from '../helpers/contract-caller';
import { createTestKeychain } from '../helpers/keychain';
import { makeRsaKeys } from '../helpers/keys';
import { openTestServices } from '../helpers/services';
import { recordFigure } from './figures';

const keychain = createTestKeychain();
afterAll(() => keychain.clear());
const appId = 'aaaaaaaa-bbbb-cccc-dddd-0123456789ab';

async function vaultWithApp() {
  const opened = openTestServices(keychain);
  const { ok } = contractCaller(() => opened.invoke);
  const acme = await ok('accounts:create', {
    name: 'Acme',
    apiKey: 'abcd1234',
    apiSecret: 'load-secret',
  });
  await ok('apps:create', {
    accountId: acme.id,
    id: appId,
    name: 'Voice',
    key: { kind: 'pem', pem: makeRsaKeys().pkcs8 },
  });
  return { opened, ok, acme };
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

describe('load', () => {
  it('10,000 mints in a row: every history event written, heap bounded', async () => {
    const { opened, ok } = await vaultWithApp();
    const count = Number(process.env.KEYDESK_MINTS ?? 10_000);
    const before = opened.services.history.count();
    // Warm up, then measure the heap after a full collection at both ends.
    for (let i = 0; i < 200; i += 1) await ok('jwt:mint', { applicationId: appId });
    (globalThis as { gc?: () => void }).gc?.();
    const heapStart = process.memoryUsage().heapUsed;
    const jtis = new Set<string>();
    for (let i = 0; i < count; i += 1)
      jtis.add((await ok('jwt:mint', { applicationId: appId, sub: `u${i}` })).jti);
    (globalThis as { gc?: () => void }).gc?.();
    const growth = process.memoryUsage().heapUsed - heapStart;
    expect(jtis.size).toBe(count);
    expect(opened.services.history.count() - before).toBe(count + 200);
    const bound = 32 * 1024 * 1024;
    recordFigure(`mints in a row`, count);
    recordFigure(`heap growth over ${count} mints (bound ${mb(bound)} MB)`, `${mb(growth)} MB`);
    expect(growth).toBeLessThan(bound);
    opened.dispose();
  }, 600_000);

  it('200 concurrent calls across channels: all answered, none mixed up', async () => {
    const { opened, ok, acme } = await vaultWithApp();
    const calls = Array.from({ length: 200 }, (_, i) => {
      switch (i % 5) {
        case 0:
          return ok('jwt:mint', { applicationId: appId, sub: `user-${i}` }).then((r) =>
            expect(r.claims.sub).toBe(`user-${i}`),
          );
        case 1:
          return ok('accounts:revealSecret', { id: acme.id, which: 'apiSecret' }).then((r) =>
            expect(r.value).toBe('load-secret'),
          );
        case 2:
          return ok('jwt:decode', { token: `x${i}.y.z` }).then(
            () => expect.unreachable(),
            (error: Error) => expect(error.message).toMatch(/jwt:decode failed/),
          );
        case 3:
          return ok('history:list', { limit: 5 }).then((r) =>
            expect(r.events.length).toBeLessThanOrEqual(5),
          );
        default:
          return ok('accounts:update', { id: acme.id, notes: `note ${i}` }).then((r) =>
            expect(r.notes).toBe(`note ${i}`),
          );
      }
    });
    const results = await Promise.allSettled(calls);
    const failed = results.filter((r) => r.status === 'rejected');
    expect(failed).toEqual([]);
    recordFigure('concurrent calls answered correctly', results.length);
    opened.dispose();
  }, 300_000);
});

describe('keychain connections', () => {
  it('1,200 keychain operations in a row leave the open descriptors bounded', async () => {
    // Each native entry holds a D-Bus socket until it is collected; past descriptor 1024 the
    // library's select() spins forever, which is what this guards against.
    const { createOsKeychain } = await import('../../src/core/keychain/os-keychain');
    const { readdirSync } = await import('node:fs');
    const open = () => readdirSync('/proc/self/fd').length;
    const chain = createOsKeychain({ service: `${keychain.service}-fds`, timeoutMs: 20_000 });
    const before = open();
    let most = before;
    for (let i = 0; i < 1200; i += 1) {
      await chain.get(`probe/${i}/none`);
      if (i % 50 === 0) most = Math.max(most, open());
    }
    recordFigure('open descriptors during 1,200 keychain reads', `${before} -> at most ${most}`);
    expect(most - before).toBeLessThan(300);
  });
});
