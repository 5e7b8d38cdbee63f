import { homedir } from 'node:os';
import type Database from 'better-sqlite3';
import type { ChannelOutput } from '../shared/contract';
import { resolveDataDir } from './data-dir';
import { openDatabase } from './db/open-database';
import { runDoctor } from './doctor';
import { createClipboardGuard, type ClipboardGuard } from './clipboard/clipboard-guard';
import { createMemoryClipboard, type ClipboardPort } from './clipboard/clipboard-port';
import { createAudit, type Audit } from './history/audit';
import { createEventBus, type EventBus } from './events/event-bus';
import { topics as databaseTopics } from '../shared/channels';
import { createHistoryRepo, type HistoryRepo } from './history/history-repo';
import { createImporter, type Importer } from './import/importer';
import { createPublicKeyCache } from './jwt/inspect-token';
import { createMinter, type Minter } from './jwt/minter';
import { createNetwork, type Network, type SystemProxy } from './net/network';
import type { Authorizer } from './oauth/authorizer';
import { createOAuthService, type OAuthService } from './oauth/oauth-service';
import { createSigningKeyCache, type SigningKeyCache } from './jwt/signing-key-cache';
import type { Keychain } from './keychain/keychain';
import { vaultFilePath, type KeychainBackend } from './keychain/choose-keychain';
import type { FileKeychain, PassphraseSource, UnlockSessions } from './keychain/file-keychain';
import { scopeToVault, type VaultKeychain } from './keychain/vault-keychain';
import { readVaultId } from './db/migrations/005-vault-identity';
import { createSettingsRepo, type SettingsRepo } from './settings/settings-repo';
import { createVault, type Vault } from './vault/vault';
import { createCheckResultsRepo, type CheckResultsRepo } from './vonage/check-results-repo';
import { createWebhookService, type WebhookService } from './webhooks/webhook-service';
import packageJson from '../../package.json';

export interface Services {
  version: string;
  dataDir: string;
  /** The environment this Keydesk was opened with (the Vonage hosts' overrides, proxies). */
  env: NodeJS.ProcessEnv;
  /** Things the user should know about this start (a damaged database moved aside). */
  notices: string[];
  db: Database.Database;
  /** This vault's view of the keychain in use (its entries only; see vault-keychain.ts). */
  keychain: VaultKeychain;
  /**
   * Which keychain that is: the OS's, or the encrypted vault file (which may take over on a first
   * run where no OS keychain answers: first-run-keychain.ts).
   */
  readonly keychainBackend: KeychainBackend;
  /** The vault file when it is the keychain in use: its lock and unlock. */
  readonly fileVault: FileKeychain | undefined;
  /** The CLI's unlock sessions (`keydesk unlock`, `lock`); the app has none. */
  unlockSessions: UnlockSessions | undefined;
  /** Either keychain, unscoped, for moving the secrets between them (keychain:migrate). */
  openKeychain(backend: KeychainBackend): Keychain;
  /** Every secret is in the vault file now: use it from here on, without a restart (the app). */
  keychainMovedToFile(): void;
  vault: Vault;
  importer: Importer;
  history: HistoryRepo;
  audit: Audit;
  settings: SettingsRepo;
  signingKeys: SigningKeyCache;
  mint: Minter;
  publicKeyOf: ReturnType<typeof createPublicKeyCache>;
  clipboard: ClipboardGuard;
  oauth: OAuthService;
  webhooks: WebhookService;
  /** The last answer from Vonage per account and application. */
  checkResults: CheckResultsRepo;
  /** Requests to Vonage and OAuth providers, direct or through the proxy in force. */
  network: Network;
  /** Shows the provider's authorize page: a window in the app, a browser context in tests. */
  authorizer?: Authorizer;
  /** What the desktop shell knows that the window shows (the app's main gives it; none elsewhere). */
  desktop: DesktopFacts;
  /** The core's events: the owners of changes emit them; main forwards some to the window. */
  events: EventBus;
  /**
   * Whether another process (the CLI) changed the database since the last look, by SQLite's
   * `PRAGMA data_version`; if so, says so as a `changed` event for everything the database holds.
   */
  noticeOutsideChanges(): boolean;
  /** The last token minted per application, in memory only, so it can be copied again. */
  lastTokens: Map<string, { token: string; exp: number }>;
  now: () => Date;
  /**
   * The vault against the keychain; `finish` settles changes left pending by asking Vonage (the
   * doctor's handler gives them, so the services never load the Vonage code themselves).
   */
  doctor(
    fix: boolean,
    finish?: {
      pendingKey?: (applicationId: string) => Promise<string>;
      pendingSecret?: (accountId: string) => Promise<string>;
    },
  ): ReturnType<typeof runDoctor>;
  keychainStatus(): Promise<ChannelOutput<'system:status'>['keychain']>;
  /** Deletes history older than the retention setting; returns how many events went. */
  pruneHistory(): { removed: number; before: string };
  close(): void;
}

export { keychainOpener, type KeychainOpener } from './keychain/keychain-in-use';
import {
  keychainOpener,
  openKeychainInUse,
  type KeychainInUse,
  type KeychainOpener,
} from './keychain/keychain-in-use';

export interface ServicesOptions {
  dataDir: string;
  /** One keychain (the tests' fakes), or how to open either backend (the app and the CLI). */
  keychain: Keychain | KeychainOpener;
  /** The system clipboard in the app; an in-memory one elsewhere (the CLI never copies). */
  clipboard?: ClipboardPort;
  authorizer?: Authorizer;
  now?: () => Date;
  /** Where proxy variables are read (HTTPS_PROXY, NO_PROXY …); the process's by default. */
  env?: NodeJS.ProcessEnv;
  /** The system's proxy settings, in the app (main's session); the CLI has none. */
  systemProxy?: SystemProxy;
  /** Says something the user should know while working (the CLI: a line on stderr). */
  tell?: (notice: string) => void;
  /** The CLI's unlock sessions for the vault file (`keydesk unlock`); the app has none. */
  unlockSessions?: UnlockSessions | undefined;
  /** The desktop shell's facts (main's); the CLI has none. */
  desktop?: DesktopFacts;
}

export interface DesktopFacts {
  /** The quick copy shortcut as main registered it; taken by another program when not registered. */
  quickCopyShortcut(): { accelerator: string; registered: boolean } | undefined;
}

const dayMs = 86_400_000;

/** Everything the handlers and the CLI need, composed once; plain Node, no Electron. */
export function createServices({
  dataDir,
  keychain: sharedKeychain,
  clipboard = createMemoryClipboard(),
  authorizer,
  now = () => new Date(),
  env = process.env,
  systemProxy,
  tell = () => undefined,
  unlockSessions,
  desktop = { quickCopyShortcut: () => undefined },
}: ServicesOptions): Services {
  const { db, notice } = openDatabase(dataDir, now);
  const events = createEventBus();
  const settings = createSettingsRepo(db, () =>
    events.emit({ name: 'changed', topics: ['settings', 'status'] }),
  );
  let inUse: KeychainInUse;
  try {
    inUse = openKeychainInUse({ keychain: sharedKeychain, env, dataDir, db, settings, tell });
  } catch (error) {
    db.close();
    throw error;
  }
  const keychain = scopeToVault(inUse.keychain, readVaultId(db));
  const { vault, repair } = createVault({ db, keychain, now });
  const history = createHistoryRepo(db);
  const signingKeys = createSigningKeyCache((id) => vault.applications.exportPrivateKey(id));
  const clipboardGuard = createClipboardGuard(clipboard, now);
  const network = createNetwork(env, systemProxy);
  const oauth = createOAuthService({
    db,
    keychain,
    vault,
    timeoutMs: () => settings.read().oauthTimeoutSeconds * 1000,
    network,
    now,
  });
  const lastTokens = new Map<string, { token: string; exp: number }>();
  vault.onKeyChange((id) => {
    signingKeys.drop(id);
    lastTokens.delete(id);
  });

  function pruneHistory() {
    const before = now().getTime() - settings.read().historyRetentionDays * dayMs;
    return { removed: history.pruneBefore(before), before: new Date(before).toISOString() };
  }
  // Retention is applied whenever the vault is opened (app start, each CLI run): with the index on
  // `at` this is one cheap DELETE when nothing is due.
  pruneHistory();

  // A locked vault file mints nothing: the keys parsed from it and the tokens they made go too.
  inUse.lockable?.onLock(() => {
    signingKeys.clear();
    lastTokens.clear();
    // The window shows the unlock screen at once, idle lock included.
    events.emit({ name: 'changed', topics: databaseTopics });
  });
  let seenDataVersion = db.pragma('data_version', { simple: true }) as number;
  const services: Services = {
    version: packageJson.version,
    dataDir,
    env,
    notices: notice ? [notice] : [],
    db,
    keychain,
    get keychainBackend() {
      return inUse.backend();
    },
    get fileVault() {
      return inUse.fileVault();
    },
    unlockSessions,
    openKeychain: (wanted) => inUse.open(wanted),
    keychainMovedToFile: () => inUse.movedToFile(),
    vault,
    importer: createImporter(vault, keychain),
    history,
    audit: createAudit(history, now, () => events.emit({ name: 'changed', topics: ['history'] })),
    settings,
    signingKeys,
    mint: createMinter({ vault, keys: signingKeys, settings: settings.read, now }),
    publicKeyOf: createPublicKeyCache(),
    clipboard: clipboardGuard,
    oauth,
    webhooks: createWebhookService(vault, now),
    authorizer,
    desktop,
    events,
    noticeOutsideChanges() {
      const version = db.pragma('data_version', { simple: true }) as number;
      if (version === seenDataVersion) return false;
      seenDataVersion = version;
      events.emit({ name: 'changed', topics: databaseTopics });
      return true;
    },
    lastTokens,
    now,
    checkResults: createCheckResultsRepo(db),
    network,
    doctor: (fix, finish = {}) =>
      runDoctor(
        vault,
        repair,
        keychain,
        fix,
        oauth,
        finish.pendingKey,
        finish.pendingSecret,
        inUse.backend() === 'os' ? `the vault file (${vaultFilePath(dataDir)})` : 'the OS keychain',
      ),
    keychainStatus: () => inUse.status(),
    pruneHistory,
    close() {
      if (!db.open) return;
      void clipboardGuard.flush();
      void network.close();
      // Lets SQLite refresh the statistics its query planner uses, as its documentation advises;
      // on a full or read-only disk that is skipped, and the database is closed all the same.
      try {
        db.pragma('optimize');
      } catch {
        // Statistics are an optimisation only.
      }
      db.close();
    },
  };
  return services;
}

/**
 * The services as the app and the CLI open them from the environment: KEYDESK_HOME (data folder),
 * KEYDESK_KEYCHAIN (which keychain) and the OS keychain's variables (keychainOpener).
 */
export function servicesFromEnvironment(
  env: NodeJS.ProcessEnv = process.env,
  ports: {
    clipboard?: ClipboardPort;
    authorizer?: Authorizer;
    systemProxy?: SystemProxy;
    desktop?: DesktopFacts;
    /** Another way to open the keychains (the CLI's tests: one in memory); else the environment's. */
    keychain?: KeychainOpener;
    /**
     * Where the vault file's passphrase comes from (the CLI: KEYDESK_PASSPHRASE or a prompt).
     * Without one (the app) the file stays locked until unlocked, and locks again when idle.
     */
    passphrase?: PassphraseSource;
    /** The CLI's `keydesk unlock` sessions (KEYDESK_SESSION). */
    unlockSessions?: UnlockSessions;
    tell?: (notice: string) => void;
  } = {},
): Services {
  const dataDir = resolveDataDir(env, process.platform, homedir());
  const { clipboard, authorizer, systemProxy, passphrase, unlockSessions, tell, desktop } = ports;
  return createServices({
    ...(desktop && { desktop }),
    clipboard,
    authorizer,
    env,
    systemProxy,
    tell,
    unlockSessions,
    dataDir,
    keychain: ports.keychain ?? keychainOpener(env, dataDir, passphrase, unlockSessions),
  });
}
