import type { Services } from '../services';
import {
  createStoredSubaccount,
  importSubaccount,
  subaccountsOf,
} from '../vonage/subaccount-import';
import { vonageClientFor } from './vonage-client-for';
import { askedVonage } from './asked-vonage';
import { requireConfirmation } from './confirmation';
import { eventSubjects } from '../history/event-subjects';
import type { HandlersFor } from './handler-types';

/** A primary account's subaccounts; each one stored is in the history (never its secret). */
export function subaccountsHandlers(services: Services): HandlersFor<'subaccounts'> {
  const { vault, audit } = services;
  const subjects = eventSubjects(services);
  const deps = () => ({ vault, client: vonageClientFor(services) });
  return {
    'subaccounts:list': ({ primary }) => {
      const account = vault.accounts.resolve(primary);
      return askedVonage(() => subaccountsOf(deps(), account));
    },
    'subaccounts:create': (input) => {
      const primary = vault.accounts.resolve(input.primary);
      return audit.track(
        {
          action: 'create',
          summary: `Created subaccount "${input.name}" of "${primary.name}"`,
          ...subjects.account(primary.id),
        },
        () => askedVonage(() => createStoredSubaccount(deps(), primary, input)),
        (stored) => ({ ...subjects.account(stored.account.id), details: { what: stored.message } }),
      );
    },
    'subaccounts:import': (input, context) => {
      const primary = vault.accounts.resolve(input.primary);
      return audit.track(
        {
          action: 'import',
          summary: `Imported subaccount ${input.apiKey} of "${primary.name}"`,
          ...subjects.account(primary.id),
        },
        () =>
          askedVonage(() =>
            importSubaccount(deps(), primary, input, (question, declined) =>
              requireConfirmation(context, question, declined),
            ),
          ),
        (stored) => ({ ...subjects.account(stored.account.id), details: { what: stored.message } }),
      );
    },
  };
}
