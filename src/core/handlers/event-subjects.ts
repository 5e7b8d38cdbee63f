import type { EventSubject } from '../history/audit';
import type { Services } from '../services';

/** Names for history events; tolerant of ids that do not exist (the failure is still recorded). */
export function eventSubjects({ vault }: Services) {
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
