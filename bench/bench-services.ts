import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { createOsKeychain } from '../src/core/keychain/os-keychain';
import { createServices } from '../src/core/services';
import { createInvoke } from '../src/core/handlers';

/**
 * Real services over a scratch data folder and a keychain service of their own (the benchmarks run
 * inside scripts/with-keyring.sh, like the tests), removed again by `dispose`.
 */
export function openBenchServices() {
  const dataDir = mkdtempSync(join(tmpdir(), 'keydesk-bench-'));
  const keychainService = `Keydesk-bench-${randomUUID()}`;
  const keychain = createOsKeychain({ service: keychainService, timeoutMs: 20_000 });
  const services = createServices({ dataDir, keychain });
  return {
    dataDir,
    keychain,
    keychainService,
    services,
    invoke: createInvoke(services),
    async dispose() {
      services.close();
      for (const ref of await keychain.listRefs()) await keychain.delete(ref);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type BenchServices = ReturnType<typeof openBenchServices>;

export async function must<T>(
  result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>,
): Promise<T> {
  const settled = await result;
  if (!settled.ok) throw new Error(settled.error.message);
  return settled.value;
}

/** One account with one application holding a freshly generated key, stored for real. */
export async function addBenchApplication({ invoke }: BenchServices, applicationId: string) {
  const account = await must(
    invoke('accounts:create', { name: 'Bench', apiKey: 'bench001', apiSecret: 'bench-secret' }),
  );
  return must(
    invoke('apps:create', {
      accountId: account.id,
      id: applicationId,
      name: 'Voice',
      key: { kind: 'generate' },
    }),
  );
}
