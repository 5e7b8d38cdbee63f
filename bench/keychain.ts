import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryKeychain } from '../src/core/keychain/memory-keychain';
import { migrateKeychain } from '../src/core/keychain/migrate-keychain';
import { createServices, keychainOpener } from '../src/core/services';
import type { BenchServices } from './bench-services';
import { heading } from './stats';

const entries = 11_000;
/** Issue 29's goal for `keychain migrate` of 11,000 entries into the vault file. */
const goalSeconds = 10;
const osSample = 200;

/**
 * `keychain migrate --to file` of 11,000 entries (the README's big vault), and the OS keychain's
 * own cost per entry. The migration's source is a keychain in memory: seeding and emptying the
 * Secret Service with 11,000 entries takes minutes of D-Bus calls that are the service's, not
 * Keydesk's; those are measured apart, per entry, on the real one.
 */
export async function benchKeychain(bench: BenchServices): Promise<void> {
  heading(`keychain migrate --to file, ${entries.toLocaleString('en')} entries`);
  const dataDir = mkdtempSync(join(tmpdir(), 'keydesk-bench-migrate-'));
  const memory = createMemoryKeychain();
  const fileOnly = keychainOpener({}, dataDir, async () => 'bench migrate passphrase');
  const services = createServices({
    dataDir,
    env: {},
    keychain: (backend, settings) => (backend === 'os' ? memory : fileOnly(backend, settings)),
  });
  try {
    const secret = 'x'.repeat(40);
    await services.keychain.setMany?.(
      Array.from({ length: entries }, (_, i): [string, string] => [
        `account/bench-${i}/apiSecret`,
        secret,
      ]),
    );
    const start = performance.now();
    const moved = await migrateKeychain(services, 'file');
    const seconds = (performance.now() - start) / 1000;
    console.log(
      `  moved ${moved.moved.toLocaleString('en')} entries in ${seconds.toFixed(2)} s (scrypt once included)   (goal < ${goalSeconds} s: ${seconds < goalSeconds ? 'met' : 'NOT met'})`,
    );
  } finally {
    services.close();
    rmSync(dataDir, { recursive: true, force: true });
  }

  const { keychain } = bench;
  const refs = Array.from({ length: osSample }, (_, i) => `bench-migrate/${i}`);
  let start = performance.now();
  for (const ref of refs) await keychain.set(ref, 'secret');
  const setMs = (performance.now() - start) / osSample;
  start = performance.now();
  for (const ref of refs) await keychain.delete(ref);
  const deleteMs = (performance.now() - start) / osSample;
  console.log(
    `  the OS keychain itself (Secret Service, ${osSample} entries): ${setMs.toFixed(1)} ms a write, ${deleteMs.toFixed(1)} ms a removal`,
  );
  console.log(
    `  so moving ${entries.toLocaleString('en')} out of it adds ~${((deleteMs * entries) / 1000).toFixed(0)} s of removals there (into it: ~${((setMs * entries) / 1000).toFixed(0)} s of writes)`,
  );
}
