import type { ParsedInput } from '../../shared/contract';
import type { RevealableSecret } from '../../shared/secret-kinds';
import type {
  AccountSummary,
  ApplicationSummary,
  PendingOperation,
} from '../../shared/vault-schemas';
import type { ParsedPrivateKey } from '../keys/parse-private-key';

/**
 * What the vault offers, written out so a reader sees the surface without reading vault.ts. Secrets
 * are in the keychain, metadata in SQLite; every change of both goes through one write
 * (secret-write.ts), together or not at all.
 */
export interface Vault {
  accounts: AccountsApi;
  applications: ApplicationsApi;
  /** Lets other stores (OAuth) name an account's secrets, removed with it in one write. */
  secretsOfAccountFrom(provider: (accountId: string) => string[]): void;
  /** Called when an application's key changes or goes (signing caches drop it); returns an unsubscribe. */
  onKeyChange(listener: (applicationId: string) => void): () => void;
}

/** An account with its applications, as the vault reads it. */
export type AccountWithApplications = AccountSummary & { applications: ApplicationSummary[] };

export interface AccountsApi {
  list(query?: string): AccountSummary[];
  findByApiKey(apiKey: string): AccountSummary | undefined;
  findByName(name: string): AccountSummary | undefined;
  find(id: string): AccountSummary | undefined;
  /** The account with its applications; NOT_FOUND when there is none. */
  get(id: string): AccountWithApplications;
  /** By name (case-insensitive) or id: what a person types on the command line. */
  resolve(nameOrId: string): AccountSummary;
  create(input: ParsedInput<'accounts:create'>): Promise<AccountSummary>;
  /** The secrets that change and the row, together or not at all. */
  update(input: ParsedInput<'accounts:update'>): Promise<AccountSummary>;
  /** Every secret of the account goes (its applications', OAuth's) with the rows, or nothing does. */
  remove(id: string): Promise<{ removedApplications: number }>;
  revealSecret(id: string, which: RevealableSecret): Promise<string>;
  /** Secret rotation (pending-secrets.ts): the new secret beside the one in use, then adopted or dropped. */
  beginSecretRotation(id: string, secret: string): Promise<AccountSummary>;
  pendingSecret(id: string): Promise<string | null>;
  adoptSecret(id: string, secretId: string | null): Promise<AccountSummary>;
  dropPendingSecret(id: string): Promise<AccountSummary>;
  setSecretId(id: string, secretId: string | null): AccountSummary;
  setPrimary(id: string, primaryId: string | null): AccountSummary;
}

export interface ApplicationsApi {
  list(filter?: { accountId?: string; query?: string }): ApplicationSummary[];
  /** The application; NOT_FOUND when there is none. */
  get(id: string): ApplicationSummary;
  find(id: string): ApplicationSummary | undefined;
  /** By id or name, within one account when given; a name used in two accounts needs it. */
  resolve(idOrName: string, accountRef?: string): ApplicationSummary;
  findByFingerprint(fingerprint: string): ApplicationSummary[];
  /** The dashboard's name and capabilities, as a sync or a check saw them. */
  setDashboard(id: string, dashboard: { name: string; capabilities: string[]; at: string }): void;
  /** `uploadPending`: the new key is on its way to the dashboard (pending-keys.ts). */
  create(
    input: ParsedInput<'apps:create'>,
    options?: { uploadPending?: boolean },
  ): Promise<ApplicationSummary>;
  update(input: ParsedInput<'apps:update'>): ApplicationSummary;
  replaceKey(input: ParsedInput<'apps:replaceKey'>): Promise<ApplicationSummary>;
  remove(id: string): Promise<void>;
  exportPrivateKey(id: string): Promise<string>;
  /** Rotation (pending-keys.ts): the new key stored beside the one in use, then adopted or dropped. */
  beginRotation(id: string, key: ParsedPrivateKey): Promise<ApplicationSummary>;
  adoptRotation(id: string): Promise<ApplicationSummary>;
  dropRotation(id: string): Promise<ApplicationSummary>;
  confirmUploaded(id: string): ApplicationSummary;
  pendingPublicKey(id: string): string | undefined;
}

/**
 * Row-level repairs that skip the vault's rules: only the doctor gets them, for rows whose secrets
 * are already gone from the keychain.
 */
export interface VaultRepair {
  /** What the metadata says should be in the keychain. */
  inventory(): {
    accounts: {
      id: string;
      name: string;
      has_signature_secret: 0 | 1;
      rotation_started_at: string | null;
    }[];
    applications: {
      id: string;
      name: string;
      account_id: string;
      pending_operation: PendingOperation | null;
    }[];
    /** Whether this vault has a team identity (its secret half in the keychain). */
    teamIdentity: boolean;
  };
  removeAccountRow(id: string): boolean;
  /** The team identity's row, when its secret half is gone. */
  forgetTeamIdentity(): void;
  removeApplicationRow(id: string): boolean;
  clearSignatureSecretFlag(id: string): void;
}
