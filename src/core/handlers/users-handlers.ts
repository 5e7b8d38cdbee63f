import type { ApplicationSummary } from '../../shared/vault-schemas';
import type { Services } from '../services';
import { checkTokenSubject } from '../vonage/subject-check';
import { addUser, deleteUser, getUser, listUsers } from '../vonage/users-api';
import { vonageClientFor } from './vonage-client-for';
import { requireConfirmation } from './confirmation';
import { eventSubjects } from '../history/event-subjects';
import { askedVonage as asked } from './asked-vonage';
import type { HandlersFor } from './handler-types';

/** An application's Client SDK users on Vonage; every add and remove is in the history. */
export function usersHandlers(services: Services): HandlersFor<'users'> {
  const { vault, audit } = services;
  const subjects = eventSubjects(services);
  // A client per call, one token for all its requests: no token outlives the call (a lock drops nothing else).
  const client = () => vonageClientFor(services);
  const about = (application: ApplicationSummary) => ({
    applicationId: application.id,
    applicationName: application.name,
  });
  const resolve = (input: { app: string; account?: string | undefined }) =>
    vault.applications.resolve(input.app, input.account);

  return {
    'users:list': (input) => {
      const application = resolve(input);
      return asked(async () => ({
        ...about(application),
        users: await listUsers(client(), application, input.name ? { name: input.name } : {}),
      }));
    },
    'users:get': (input) => {
      const application = resolve(input);
      return asked(async () => ({
        ...about(application),
        user: await getUser(client(), application, input.user),
      }));
    },
    'users:add': (input) => {
      const application = resolve(input);
      return audit.track(
        {
          action: 'create',
          summary: `Added user "${input.name}" to "${application.name}" on Vonage`,
          ...subjects.application(application.id),
        },
        () =>
          asked(async () => ({
            ...about(application),
            user: await addUser(client(), application, input),
          })),
        ({ user }) => ({ details: { userId: user.id, sub: user.name } }),
      );
    },
    'users:remove': async (input, context) => {
      const application = resolve(input);
      const vonage = client();
      const user = await asked(() => getUser(vonage, application, input.user));
      await requireConfirmation(
        context,
        {
          action: 'Remove user',
          message: `Remove user "${user.name}" from "${application.name}" (account "${application.accountName}") on Vonage?`,
          detail: `User ${user.id}. Vonage deletes the user for good: Client SDK logins as "${user.name}" fail from then on, and a user of that name added later is a new user.`,
        },
        'The user was not removed.',
      );
      return audit.track(
        {
          action: 'remove',
          summary: `Removed user "${user.name}" from "${application.name}" on Vonage`,
          ...subjects.application(application.id),
          details: { userId: user.id, sub: user.name },
        },
        () =>
          asked(async () => {
            await deleteUser(vonage, application, user);
            return { ...about(application), user };
          }),
      );
    },
    'users:checkToken': ({ token }) =>
      asked(() => checkTokenSubject(token, (id) => vault.applications.find(id), client())),
  };
}
