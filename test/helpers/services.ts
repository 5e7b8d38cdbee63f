import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Keychain } from '../../src/core/keychain/keychain';
import {
  createServices,
  type KeychainOpener,
  type Services,
  type ServicesOptions,
} from '../../src/core/services';
import { createInvoke } from '../../src/core/handlers';

export function makeDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'keydesk-test-'));
}

/** Real services over a temporary data folder and the given (real) keychain, or keychains. */
export function openTestServices(
  keychain: Keychain | KeychainOpener,
  options: Omit<Partial<ServicesOptions>, 'keychain'> = {},
) {
  const dataDir = options.dataDir ?? makeDataDir();
  const services: Services = createServices({ ...options, dataDir, keychain });
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
