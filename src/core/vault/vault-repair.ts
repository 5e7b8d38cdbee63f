import type { AccountsRepo } from './accounts-repo';
import type { ApplicationsRepo } from './applications-repo';
import type { VaultRepair } from './vault-api';

/** The team identity's row, as the doctor sees it (core/team/team-identity-row.ts). */
interface TeamIdentityRows {
  exists(): boolean;
  remove(): void;
}

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
  teamIdentity,
}: {
  teamIdentity: TeamIdentityRows;
  accounts: AccountsRepo;
  applications: ApplicationsRepo;
  keyChanged: (applicationId: string) => void;
  stamp: () => string;
}): VaultRepair {
  return {
    inventory: () => ({
      accounts: accounts.allIds(),
      applications: applications.allIds(),
      teamIdentity: teamIdentity.exists(),
    }),
    forgetTeamIdentity: () => teamIdentity.remove(),
    removeAccountRow: (id) => accounts.remove(id),
    removeApplicationRow: (id) => {
      keyChanged(id);
      return applications.remove(id);
    },
    clearSignatureSecretFlag: (id) => accounts.update(id, { hasSignatureSecret: false }, stamp()),
  };
}
