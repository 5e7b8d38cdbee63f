import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { didYouMean } from '../../shared/closest-names';
import { KeydeskError } from '../../shared/errors';
import { secretKinds, type RevealableSecret } from '../../shared/secret-kinds';
import type { ParsedInput } from '../../shared/contract';
import type { AccountWithApplications, Vault, VaultRepair } from './vault-api';
import { createVaultRepair } from './vault-repair';
import type { AccountSummary, ApplicationSummary } from '../../shared/vault-schemas';
import { secretRefs, type Keychain } from '../keychain/keychain';
import { createAccountsRepo } from './accounts-repo';
import { createApplicationsRepo } from './applications-repo';
import { materialiseKey } from './key-source';
import { createPendingKeys } from './pending-keys';
import { createPendingSecrets } from './pending-secrets';
import { writeSecretsAndRows, type SecretChange, type SecretWrite } from './secret-write';

export interface VaultDeps {
  db: Database.Database;
  keychain: Keychain;
  now?: () => Date;
}

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Accounts and applications: metadata in SQLite, secrets in the keychain, kept consistent by one
 * mechanism (secret-write.ts): a secret and its row change together or not at all.
 */
export function createVault({ db, keychain, now = () => new Date() }: VaultDeps): {
  vault: Vault;
  repair: VaultRepair;
} {
  const accounts = createAccountsRepo(db);
  const applications = createApplicationsRepo(db);
  const stamp = () => now().toISOString();
  const keyListeners = new Set<(applicationId: string) => void>();
  /** Other stores' secrets that belong to an account (OAuth) and go when it goes. */
  const accountSecretProviders: ((accountId: string) => string[])[] = [];
  /** Tells holders of parsed keys (the signing-key cache) that a stored key is gone or replaced. */
  const keyChanged = (applicationId: string) => {
    for (const listener of keyListeners) listener(applicationId);
  };

  function requireAccount(id: string, field = 'id'): AccountSummary {
    const account = accounts.get(id);
    if (!account) {
      throw new KeydeskError(
        'NOT_FOUND',
        `No account with id "${id}" exists (it may have been removed).`,
        field,
      );
    }
    return account;
  }

  function requireApplication(id: string, field = 'id'): ApplicationSummary {
    const application = applications.get(id.toLowerCase());
    if (!application) {
      throw new KeydeskError(
        'NOT_FOUND',
        `No application with id "${id}" is stored in Keydesk.`,
        field,
      );
    }
    return application;
  }

  function assertAccountFree(
    name: string | undefined,
    apiKey: string | undefined,
    selfId?: string,
  ) {
    const byName = name === undefined ? undefined : accounts.findByName(name);
    if (byName && byName.id !== selfId) {
      throw new KeydeskError(
        'CONFLICT',
        `An account named "${byName.name}" already exists; choose another name.`,
        'name',
      );
    }
    const byKey = apiKey === undefined ? undefined : accounts.findByApiKey(apiKey);
    if (byKey && byKey.id !== selfId) {
      throw new KeydeskError(
        'CONFLICT',
        `API key ${apiKey} is already stored as account "${byKey.name}".`,
        'apiKey',
      );
    }
  }

  async function readSecret(ref: string, what: string): Promise<string> {
    const value = await keychain.get(ref);
    if (value === null) {
      throw new KeydeskError(
        'NOT_FOUND',
        `The keychain has no ${what}. It may have been deleted outside Keydesk; run "keydesk doctor" to check the vault.`,
      );
    }
    return value;
  }

  /** The keychain entries an application holds: its key, and a rotation's new key if pending. */
  const applicationRefs = ({ id, pendingKey }: Pick<ApplicationSummary, 'id' | 'pendingKey'>) => [
    secretRefs.privateKey(id),
    ...(pendingKey?.operation === 'rotate' ? [secretRefs.pendingPrivateKey(id)] : []),
  ];

  const write = <T>(change: SecretWrite<T>) => writeSecretsAndRows(keychain, db, change);

  const accountApi = {
    list: (query?: string) => accounts.list(query),
    findByApiKey: (apiKey: string) => accounts.findByApiKey(apiKey),
    findByName: (name: string) => accounts.findByName(name),
    find: (id: string) => accounts.get(id),

    get(id: string): AccountWithApplications {
      return { ...requireAccount(id), applications: applications.list({ accountId: id }) };
    },

    /** By name (case-insensitive) or id: what a person types on the command line. */
    resolve(nameOrId: string): AccountSummary {
      const account = accounts.findByName(nameOrId.trim()) ?? accounts.get(nameOrId.trim());
      if (!account) {
        const names = accounts.list().map((a) => a.name);
        throw new KeydeskError(
          'NOT_FOUND',
          `No account named "${nameOrId}".${didYouMean(nameOrId, names) || ' "keydesk accounts list" shows them.'}`,
          'account',
        );
      }
      return account;
    },

    async create(input: ParsedInput<'accounts:create'>): Promise<AccountSummary> {
      assertAccountFree(input.name, input.apiKey);
      const id = randomUUID();
      const secrets: SecretChange[] = [[secretRefs.apiSecret(id), input.apiSecret]];
      if (input.signatureSecret)
        secrets.push([secretRefs.signatureSecret(id), input.signatureSecret]);
      return write({
        secrets,
        rows: () => {
          accounts.insert({
            id,
            name: input.name,
            apiKey: input.apiKey,
            color: input.color ?? 'slate',
            notes: input.notes ?? '',
            hasSignatureSecret: Boolean(input.signatureSecret),
            signatureMethod: input.signatureMethod,
            now: stamp(),
          });
          return requireAccount(id);
        },
      });
    },

    /** The secrets that change and the row, together or not at all (secret-write.ts). */
    async update(input: ParsedInput<'accounts:update'>): Promise<AccountSummary> {
      const current = requireAccount(input.id);
      assertAccountFree(input.name, input.apiKey, current.id);
      const secrets: SecretChange[] = [];
      if (input.apiSecret !== undefined)
        secrets.push([secretRefs.apiSecret(current.id), input.apiSecret]);
      if (input.signatureSecret !== undefined)
        secrets.push([secretRefs.signatureSecret(current.id), input.signatureSecret]);
      return write({
        secrets,
        rows: () => {
          accounts.update(
            current.id,
            {
              name: input.name,
              apiKey: input.apiKey,
              color: input.color,
              notes: input.notes,
              signatureMethod: input.signatureMethod,
              hasSignatureSecret:
                input.signatureSecret === undefined ? undefined : input.signatureSecret !== null,
            },
            stamp(),
          );
          // A secret pasted in is not one Keydesk made: Vonage's id for it is unknown.
          if (input.apiSecret !== undefined) accounts.setSecretId(current.id, null);
          return requireAccount(current.id);
        },
      });
    },

    /**
     * Every secret of the account goes (its applications' keys, its OAuth consumers' and tokens'),
     * with the rows (removed by cascade), or nothing does.
     */
    async remove(id: string): Promise<{ removedApplications: number }> {
      const account = requireAccount(id);
      const owned = applications.list({ accountId: account.id });
      for (const application of owned) keyChanged(application.id);
      const refs = [
        ...owned.flatMap(applicationRefs),
        ...accountSecretProviders.flatMap((provider) => provider(account.id)),
        secretRefs.apiSecret(account.id),
        secretRefs.signatureSecret(account.id),
        ...(account.secretRotationSince ? [secretRefs.pendingApiSecret(account.id)] : []),
      ];
      await write({
        secrets: refs.map((ref) => [ref, null] as const),
        rows: () => accounts.remove(account.id),
      });
      return { removedApplications: owned.length };
    },

    async revealSecret(id: string, which: RevealableSecret): Promise<string> {
      const account = requireAccount(id);
      const { label } = secretKinds[which];
      if (which === 'signatureSecret' && !account.hasSignatureSecret) {
        throw new KeydeskError('NOT_FOUND', `Account "${account.name}" has no ${label}.`, 'which');
      }
      return readSecret(secretRefs[which](account.id), `${label} for account "${account.name}"`);
    },
    ...createPendingSecrets({ keychain, accounts, write, requireAccount, stamp }),
  };

  const applicationApi = {
    list: (filter: { accountId?: string; query?: string } = {}) => {
      if (filter.accountId) requireAccount(filter.accountId, 'accountId');
      return applications.list(filter);
    },

    get: (id: string) => requireApplication(id),
    find: (id: string) => applications.get(id),

    /**
     * By application id or by name, within one account when given; a name used in two accounts
     * needs the account (or the id).
     */
    resolve(idOrName: string, accountRef?: string): ApplicationSummary {
      const text = idOrName.trim();
      const scope = accountRef === undefined ? undefined : accountApi.resolve(accountRef);
      const inScope = (app: ApplicationSummary) => !scope || app.accountId === scope.id;
      if (uuidShape.test(text)) {
        const app = requireApplication(text, 'app');
        if (!inScope(app)) {
          throw new KeydeskError(
            'NOT_FOUND',
            `Application ${app.id} belongs to account "${app.accountName}", not "${scope?.name}".`,
            'app',
          );
        }
        return app;
      }
      const matches = applications.findByName(text).filter(inScope);
      const [only] = matches;
      if (only && matches.length === 1) return only;
      if (matches.length === 0) {
        const names = applications.list(scope ? { accountId: scope.id } : {}).map((a) => a.name);
        throw new KeydeskError(
          'NOT_FOUND',
          `No application named or with id "${text}"${scope ? ` in account "${scope.name}"` : ''}.${didYouMean(text, names) || ' "keydesk apps list" shows them.'}`,
          'app',
        );
      }
      const where = matches.map((m) => `${m.id} (account "${m.accountName}")`).join(', ');
      throw new KeydeskError(
        'CONFLICT',
        `More than one application is named "${text}": ${where}. Add --account NAME, or use the application id.`,
        'app',
      );
    },

    findByFingerprint: (fingerprint: string) => applications.findByFingerprint(fingerprint),

    /** The dashboard's name and capabilities, as a sync saw them (metadata only, no secret). */
    setDashboard: (id: string, dashboard: { name: string; capabilities: string[]; at: string }) =>
      applications.setDashboard(id, dashboard),

    /**
     * `uploadPending`: the key is new and on its way to the dashboard (an add with upload); the
     * row says so until Vonage has it (pending-keys.ts).
     */
    async create(
      input: ParsedInput<'apps:create'>,
      { uploadPending = false } = {},
    ): Promise<ApplicationSummary> {
      const account = requireAccount(input.accountId, 'accountId');
      const id = input.id.toLowerCase();
      const existing = applications.get(id);
      if (existing) {
        throw new KeydeskError(
          'CONFLICT',
          `Application ${id} is already stored, in account "${existing.accountName}".`,
          'id',
        );
      }
      if (applications.findInAccount(account.id, input.name)) {
        throw new KeydeskError(
          'CONFLICT',
          `Account "${account.name}" already has an application named "${input.name}".`,
          'name',
        );
      }
      const key = await materialiseKey(input.key);
      return write({
        secrets: [[secretRefs.privateKey(id), key.privateKeyPem]],
        rows: () => {
          applications.insert({
            id,
            accountId: account.id,
            name: input.name,
            publicKeyPem: key.publicKeyPem,
            fingerprint: key.fingerprint,
            keyBits: key.bits,
            jwtDefaults: input.jwtDefaults ?? {},
            now: stamp(),
          });
          if (uploadPending) applications.setPending(id, key.publicKeyPem, 'add', stamp());
          return requireApplication(id);
        },
      });
    },

    update(input: ParsedInput<'apps:update'>): ApplicationSummary {
      const current = requireApplication(input.id);
      if (input.name !== undefined) {
        const clash = applications.findInAccount(current.accountId, input.name);
        if (clash && clash.id !== current.id) {
          throw new KeydeskError(
            'CONFLICT',
            `Account "${current.accountName}" already has an application named "${input.name}".`,
            'name',
          );
        }
      }
      db.transaction(() => {
        if (input.name !== undefined) applications.rename(current.id, input.name, stamp());
        if (input.jwtDefaults !== undefined) {
          applications.setJwtDefaults(current.id, input.jwtDefaults, stamp());
        }
      })();
      return requireApplication(current.id);
    },

    async replaceKey(input: ParsedInput<'apps:replaceKey'>): Promise<ApplicationSummary> {
      const current = requireApplication(input.id);
      const key = await materialiseKey(input.key);
      keyChanged(current.id);
      // The key and its fingerprint change together: never the new key beside the old fingerprint.
      return write({
        secrets: [[secretRefs.privateKey(current.id), key.privateKeyPem]],
        rows: () => {
          applications.setKey(
            current.id,
            { publicKeyPem: key.publicKeyPem, fingerprint: key.fingerprint, keyBits: key.bits },
            stamp(),
          );
          return requireApplication(current.id);
        },
      });
    },

    async remove(id: string): Promise<void> {
      const application = requireApplication(id);
      keyChanged(application.id);
      await write({
        secrets: applicationRefs(application).map((ref) => [ref, null] as const),
        rows: () => applications.remove(application.id),
      });
    },

    async exportPrivateKey(id: string): Promise<string> {
      const application = requireApplication(id);
      return readSecret(
        secretRefs.privateKey(application.id),
        `private key for application "${application.name}"`,
      );
    },

    ...createPendingKeys({ keychain, applications, write, requireApplication, keyChanged, stamp }),
  };

  const vault = {
    accounts: accountApi,
    applications: applicationApi,
    /** Lets other stores (OAuth) name an account's secrets, removed with it in one write. */
    secretsOfAccountFrom(provider: (accountId: string) => string[]): void {
      accountSecretProviders.push(provider);
    },
    onKeyChange(listener: (applicationId: string) => void): () => void {
      keyListeners.add(listener);
      return () => keyListeners.delete(listener);
    },
  };

  const repair = createVaultRepair({ db, accounts, applications, keyChanged, stamp });

  return { vault, repair };
}

export type { Vault, VaultRepair };
