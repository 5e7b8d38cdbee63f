import { KeydeskError } from '../../shared/errors';
import type { AccountSummary } from '../../shared/vault-schemas';
import { secretRefs, type Keychain } from '../keychain/keychain';
import type { AccountsRepo } from './accounts-repo';
import type { SecretWrite } from './secret-write';

interface PendingSecretDeps {
  keychain: Keychain;
  accounts: AccountsRepo;
  write: <T>(change: SecretWrite<T>) => Promise<T>;
  requireAccount: (id: string) => AccountSummary;
  stamp: () => string;
}

/**
 * A new API secret while Vonage is told of it (secret-rotation.ts): kept in the keychain beside
 * the secret in use, the row marked, before Vonage hears of it; adopted once Vonage accepted it,
 * or dropped. A process that stops in between leaves the mark, and `doctor --fix` asks Vonage
 * which of the two works. The stored API secret is always one that worked when it was stored.
 */
export function createPendingSecrets({
  keychain,
  accounts,
  write,
  requireAccount,
  stamp,
}: PendingSecretDeps) {
  return {
    async beginSecretRotation(id: string, secret: string): Promise<AccountSummary> {
      const account = requireAccount(id);
      if (account.secretRotationSince) {
        throw new KeydeskError(
          'CONFLICT',
          `A new API secret for "${account.name}" has been on its way to Vonage since ${account.secretRotationSince} (Keydesk stopped before it finished). Run "keydesk doctor --fix" first: it asks Vonage which secret works and settles it.`,
          'account',
        );
      }
      return write({
        secrets: [[secretRefs.pendingApiSecret(account.id), secret]],
        rows: () => {
          accounts.setRotation(account.id, stamp());
          return requireAccount(account.id);
        },
      });
    },

    /** The new secret, while a rotation is pending. */
    pendingSecret: (id: string) => keychain.get(secretRefs.pendingApiSecret(requireAccount(id).id)),

    /** Vonage took the new secret (and it authenticated): it becomes the account's API secret. */
    async adoptSecret(id: string, secretId: string | null): Promise<AccountSummary> {
      const account = requireAccount(id);
      const pendingRef = secretRefs.pendingApiSecret(account.id);
      const secret = await keychain.get(pendingRef);
      if (secret === null) {
        throw new KeydeskError(
          'NOT_FOUND',
          `The new API secret of "${account.name}" is gone from the keychain; the stored one stays.`,
        );
      }
      return write({
        secrets: [
          [secretRefs.apiSecret(account.id), secret],
          [pendingRef, null],
        ],
        rows: () => {
          accounts.setSecretId(account.id, secretId);
          accounts.setRotation(account.id, null);
          return requireAccount(account.id);
        },
      });
    },

    /** Vonage refused the new secret, or never had it: it goes; the stored one stays. */
    async dropPendingSecret(id: string): Promise<AccountSummary> {
      const account = requireAccount(id);
      return write({
        secrets: [[secretRefs.pendingApiSecret(account.id), null]],
        rows: () => {
          accounts.setRotation(account.id, null);
          return requireAccount(account.id);
        },
      });
    },

    /** Vonage's id of the stored secret, once known (null: unknown, say after a manual edit). */
    setSecretId(id: string, secretId: string | null): AccountSummary {
      accounts.setSecretId(requireAccount(id).id, secretId);
      return requireAccount(id);
    },

    /** A subaccount's primary account (both in the vault). */
    setPrimary(id: string, primaryId: string | null): AccountSummary {
      if (primaryId !== null) requireAccount(primaryId);
      accounts.setPrimary(requireAccount(id).id, primaryId);
      return requireAccount(id);
    },
  };
}
