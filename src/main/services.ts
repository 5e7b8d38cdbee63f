import { homedir } from 'node:os';
import type Database from 'better-sqlite3';
import { KeydeskError } from '../shared/errors';
import type { ChannelOutput } from '../shared/contract';
import { resolveDataDir } from './data-dir';
import { openDatabase } from './db/open-database';
import { runDoctor } from './doctor';
import { createImporter, type Importer } from './import/importer';
import { defaultKeychainService, type Keychain } from './keychain/keychain';
import { createKeytarKeychain } from './keychain/keytar-keychain';
import { createVault, type Vault } from './vault/vault';
import packageJson from '../../package.json';

export interface Services {
  version: string;
  dataDir: string;
  db: Database.Database;
  keychain: Keychain;
  vault: Vault;
  importer: Importer;
  doctor(fix: boolean): ReturnType<typeof runDoctor>;
  keychainStatus(): Promise<ChannelOutput<'system:status'>['keychain']>;
  close(): void;
}

export interface ServicesOptions {
  dataDir: string;
  keychain: Keychain;
  now?: () => Date;
}

/** Everything the handlers and the CLI need, composed once; plain Node, no Electron. */
export function createServices({ dataDir, keychain, now }: ServicesOptions): Services {
  const db = openDatabase(dataDir);
  const vault = createVault({ db, keychain, now });
  return {
    version: packageJson.version,
    dataDir,
    db,
    keychain,
    vault,
    importer: createImporter(vault, keychain),
    doctor: (fix) => runDoctor(vault, keychain, fix),
    async keychainStatus() {
      try {
        await keychain.listRefs();
        return { state: 'ok' };
      } catch (error) {
        if (!(error instanceof KeydeskError)) throw error;
        const states = {
          KEYCHAIN_UNAVAILABLE: 'unavailable',
          KEYCHAIN_LOCKED: 'locked',
          KEYCHAIN_TIMEOUT: 'timeout',
        } as const;
        const state = states[error.code as keyof typeof states] ?? 'failed';
        return { state, message: error.message };
      }
    },
    close: () => db.close(),
  };
}

/**
 * The settings both the app and the CLI take from the environment: KEYDESK_HOME (data folder),
 * KEYDESK_KEYCHAIN_SERVICE (a separate keychain namespace, for tests or a second profile) and
 * KEYDESK_KEYCHAIN_TIMEOUT_MS.
 */
export function servicesFromEnvironment(env: NodeJS.ProcessEnv = process.env): Services {
  const timeoutMs = Number(env.KEYDESK_KEYCHAIN_TIMEOUT_MS);
  return createServices({
    dataDir: resolveDataDir(env, process.platform, homedir()),
    keychain: createKeytarKeychain({
      service: env.KEYDESK_KEYCHAIN_SERVICE?.trim() || defaultKeychainService,
      timeoutMs: Number.isFinite(timeoutMs) && timeoutMs > 0 ? timeoutMs : 20_000,
    }),
  });
}
