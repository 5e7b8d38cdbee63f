import type { Services } from '../services';
import { eventSubjects } from '../history/event-subjects';
import type { HandlersFor } from './handler-types';

/** Customer accounts; every change and every reveal is audited. */
export function accountsHandlers(services: Services): HandlersFor<'accounts'> {
  const { vault, audit } = services;
  const subjects = eventSubjects(services);
  return {
    'accounts:list': ({ query }) => vault.accounts.list(query),
    'accounts:get': ({ id }) => {
      const account = vault.accounts.get(id);
      const primary = account.primaryAccountId
        ? vault.accounts.find(account.primaryAccountId)
        : undefined;
      const subaccounts = vault.accounts
        .list()
        .filter((a) => a.primaryAccountId === account.id)
        .map((a) => ({ id: a.id, name: a.name, apiKey: a.apiKey }));
      return {
        ...account,
        ...(primary ? { primary: { id: primary.id, name: primary.name } } : {}),
        subaccounts,
      };
    },
    'accounts:resolve': ({ ref }) => vault.accounts.resolve(ref),
    'accounts:create': (input) =>
      audit.track(
        { action: 'create', summary: `Created account "${input.name}"`, accountName: input.name },
        () => vault.accounts.create(input),
        (account) => ({ accountId: account.id }),
      ),
    'accounts:update': (input) => {
      const changed = Object.keys(input).filter((k) => k !== 'id');
      return audit.track(
        {
          action: 'update',
          summary: `Updated account: ${changed.join(', ') || 'nothing'}`,
          ...subjects.account(input.id),
        },
        () => vault.accounts.update(input),
        (account) => ({ accountName: account.name }),
      );
    },
    'accounts:remove': ({ id }) => {
      const subject = subjects.account(id);
      return audit.track(
        { action: 'remove', summary: `Removed account "${subject.accountName ?? id}"`, ...subject },
        () => vault.accounts.remove(id),
        ({ removedApplications }) => ({
          summary: `Removed account "${subject.accountName ?? id}" and ${removedApplications} application(s)`,
        }),
      );
    },
    'accounts:revealSecret': ({ id, which }) =>
      audit.track(
        {
          action: 'reveal',
          summary: `Revealed the ${which === 'apiSecret' ? 'API secret' : 'signature secret'}`,
          ...subjects.account(id),
        },
        async () => ({ value: await vault.accounts.revealSecret(id, which) }),
      ),
  };
}
