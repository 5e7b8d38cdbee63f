import type { Vault } from '../vault/vault';
import type { EventSubject } from './audit';

/** Names for history events; tolerant of ids that do not exist (the failure is still recorded). */
export function eventSubjects({ vault }: { vault: Vault }) {
  return {
    account(id: string): EventSubject {
      return { accountId: id, accountName: vault.accounts.find(id)?.name };
    },
    application(id: string): EventSubject {
      const app = vault.applications.find(id.toLowerCase());
      return {
        applicationId: id.toLowerCase(),
        applicationName: app?.name,
        accountId: app?.accountId,
        accountName: app?.accountName,
      };
    },
  };
}
