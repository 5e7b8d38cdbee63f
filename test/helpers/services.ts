import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClipboardPort } from '../../src/main/clipboard/clipboard-port';
import type { Keychain } from '../../src/main/keychain/keychain';
import { createServices, type Services } from '../../src/main/services';
import { createInvoke } from '../../src/main/handlers';

export function makeDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'keydesk-test-'));
}

/** Real services over a temporary data folder and the given (real) keychain. */
export function openTestServices(
  keychain: Keychain,
  dataDir = makeDataDir(),
  now?: () => Date,
  clipboard?: ClipboardPort,
) {
  const services: Services = createServices({ dataDir, keychain, now, clipboard });
  return {
    services,
    invoke: createInvoke(services),
    dataDir,
    dispose() {
      services.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
