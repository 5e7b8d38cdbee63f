import type Database from 'better-sqlite3';
import { deleteTeamIdentityRow, teamIdentityRow } from '../team/team-identity-row';
import type { AccountsRepo } from './accounts-repo';
import type { ApplicationsRepo } from './applications-repo';
import type { VaultRepair } from './vault-api';

/**
 * Row-level repairs that skip the vault's rules (a row removed without its secrets, a flag cleared
 * without its secret): only the doctor gets them, for rows whose secrets are already gone from the
 * keychain.
 */
export function createVaultRepair({
  accounts,
  applications,
  keyChanged,
  stamp,
  db,
}: {
  /** For the team identity's row (migration 012), which no repository of the vault's keeps. */
  db: Database.Database;
  accounts: AccountsRepo;
  applications: ApplicationsRepo;
  keyChanged: (applicationId: string) => void;
  stamp: () => string;
}): VaultRepair {
  return {
    inventory: () => ({
      accounts: accounts.allIds(),
      applications: applications.allIds(),
      teamIdentity: teamIdentityRow(db) !== undefined,
    }),
    forgetTeamIdentity: () => void deleteTeamIdentityRow(db),
    removeAccountRow: (id) => accounts.remove(id),
    removeApplicationRow: (id) => {
      keyChanged(id);
      return applications.remove(id);
    },
    clearSignatureSecretFlag: (id) => accounts.update(id, { hasSignatureSecret: false }, stamp()),
  };
}
