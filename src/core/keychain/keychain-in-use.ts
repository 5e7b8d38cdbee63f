import type Database from 'better-sqlite3';
import type { ChannelOutput } from '../../shared/contract';
import { KeydeskError } from '../../shared/errors';
import type { SettingsRepo } from '../settings/settings-repo';
import {
  chooseKeychain,
  isOpenChoice,
  vaultFilePath,
  type KeychainBackend,
} from './choose-keychain';
import {
  createFileKeychain,
  type FileKeychain,
  type PassphraseSource,
  type UnlockSessions,
} from './file-keychain';
import { createFirstRunKeychain, fellBackNotice } from './first-run-keychain';
import { defaultKeychainService, statusOf, type Keychain } from './keychain';
import { createOsKeychain } from './os-keychain';

/** The keychain of a backend, made when the settings say which one is in use. */
export type KeychainOpener = (backend: KeychainBackend, settings: SettingsRepo) => Keychain;

type KeychainStatus = ChannelOutput<'system:status'>['keychain'];

/** Whether any secret has been stored: then it is in the keychain in use, which must stay so. */
const vaultHoldsSecrets = (db: Database.Database): boolean =>
  db
    .prepare(
      'SELECT EXISTS (SELECT 1 FROM accounts) OR EXISTS (SELECT 1 FROM oauth_consumers) AS held',
    )
    .pluck()
    .get() === 1;

/**
 * The keychain a Keydesk works with, chosen once (KEYDESK_KEYCHAIN, the setting, the data folder),
 * with the vault file behind the OS keychain where it may still take over (a first run with no
 * Secret Service; a move from the app's banner). `keychain` is the one to scope and use; the rest
 * say which backend that is now and open the other.
 */
export function openKeychainInUse(options: {
  /** One keychain (the tests' fakes), or how to open either backend (the app and the CLI). */
  keychain: Keychain | KeychainOpener;
  env: NodeJS.ProcessEnv;
  dataDir: string;
  db: Database.Database;
  settings: SettingsRepo;
  tell: (notice: string) => void;
}) {
  const { keychain: given, env, dataDir, db, settings, tell } = options;
  const opener: KeychainOpener =
    typeof given === 'function'
      ? given
      : (backend) => {
          if (backend === 'os') return given;
          throw new KeydeskError('INTERNAL', 'This Keydesk was given one keychain only.');
        };
  const setting = settings.read().keychain;
  const chosen = typeof given === 'function' ? chooseKeychain(env, setting, dataDir) : 'os';
  const inUse = opener(chosen, settings);
  let firstRun: ReturnType<typeof createFirstRunKeychain> | undefined;
  let fallbackFile: FileKeychain | undefined;
  if (chosen === 'os' && typeof given === 'function') {
    const file = (fallbackFile = opener('file', settings) as FileKeychain);
    const open = isOpenChoice(env, setting);
    firstRun = createFirstRunKeychain({
      os: inUse,
      file,
      mayFallBack: () => open && !vaultHoldsSecrets(db),
      fellBack: () => tell(fellBackNotice(file.path)),
    });
  }
  const backend = (): KeychainBackend => (firstRun?.usesFile() ? 'file' : chosen);
  const current = (): Keychain => (firstRun?.usesFile() && fallbackFile ? fallbackFile : inUse);

  return {
    keychain: firstRun?.keychain ?? inUse,
    backend,
    /** The vault file when it is the keychain in use: its lock and unlock. */
    fileVault: () => (backend() === 'file' ? (current() as FileKeychain) : undefined),
    /** The vault file that is, or may become, the keychain: whoever keeps keys forgets at its lock. */
    lockable: chosen === 'file' ? (inUse as FileKeychain) : fallbackFile,
    /** Either keychain, unscoped, for moving the secrets between them. */
    open: (wanted: KeychainBackend): Keychain =>
      wanted === backend()
        ? current()
        : wanted === 'file' && fallbackFile
          ? fallbackFile
          : opener(wanted, settings),
    movedToFile: () => firstRun?.moveToFile(),
    /** How the keychain in use is, for the window: as the backend itself reports it. */
    status: (): Promise<KeychainStatus> => statusOf(firstRun?.keychain ?? inUse, backend()),
  };
}

export type KeychainInUse = ReturnType<typeof openKeychainInUse>;

/**
 * Either keychain as the environment configures it: the OS keychain under KEYDESK_KEYCHAIN_SERVICE
 * (a separate namespace, for tests or a second profile) with KEYDESK_KEYCHAIN_TIMEOUT_MS, or the
 * vault file in `dataDir`.
 */
export function keychainOpener(
  env: NodeJS.ProcessEnv,
  dataDir: string,
  passphrase?: PassphraseSource,
  sessions?: UnlockSessions,
): KeychainOpener {
  const timeoutMs = Number(env.KEYDESK_KEYCHAIN_TIMEOUT_MS);
  return (backend, settings) =>
    backend === 'file'
      ? fileKeychainOf(dataDir, settings, passphrase, sessions)
      : createOsKeychain({
          service: env.KEYDESK_KEYCHAIN_SERVICE?.trim() || defaultKeychainService,
          timeoutMs: Number.isFinite(timeoutMs) && timeoutMs > 0 ? timeoutMs : 20_000,
        });
}

/** age and the lock library are loaded at the file's first use (age-file.ts, vault-file-io.ts). */
function fileKeychainOf(
  dataDir: string,
  settings: SettingsRepo,
  passphrase: PassphraseSource | undefined,
  sessions: UnlockSessions | undefined,
): FileKeychain {
  return createFileKeychain({
    path: vaultFilePath(dataDir),
    passphrase,
    ...(sessions && { sessions }),
    // The app forgets the key after a while unused; a CLI run is over before that matters.
    idleLockMs: () => (passphrase ? null : settings.read().vaultLockMinutes * 60_000),
  });
}
