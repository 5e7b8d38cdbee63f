import type { Services } from '../services';
import { runChecks, vonageHosts } from '../vonage/check-service';
import { syncApplications } from '../vonage/sync-applications';
import { addFromDashboard, rotateKey } from '../vonage/key-changes';
import { createApplication } from '../vonage/create-application';
import { vonageClientFor } from './vonage-client-for';
import { CheckFailure } from '../vonage/vonage-request';
import { eventSubjects } from '../history/event-subjects';
import type { CallContext, Confirmation, HandlersFor } from './handler-types';
import { requireConfirmation } from './confirmation';

/** A key change asked for by a page or a script runs only once its caller's person said yes. */
const confirmWith = (context: CallContext) => (question: Confirmation, declined: string) =>
  requireConfirmation(context, question, declined);

/** What Keydesk asks Vonage: checks (each result its own history event, check-service.ts), sync, key changes, the route to its hosts. */
export function vonageHandlers(services: Services): HandlersFor<'vonage'> {
  const subjects = eventSubjects(services);
  return {
    'vonage:check': (input, { progress }) =>
      runChecks(services, input, progress && ((_result, done, total) => progress(done, total))),
    'vonage:lastChecks': () => services.checkResults.all(),
    'vonage:proxy': () => {
      const { api, rest } = vonageHosts(services);
      return Promise.all(
        [api, rest].map(async (url) => {
          const proxy = await services.network.proxyFor(url);
          return { host: url.host, proxy: proxy?.shown ?? null, from: proxy?.from ?? null };
        }),
      );
    },
    'vonage:rotateKey': ({ app, account }, context) => {
      const application = services.vault.applications.resolve(app, account);
      return services.audit.track(
        {
          action: 'rotate-key',
          summary: `Rotated the key of "${application.name}"`,
          ...subjects.application(application.id),
        },
        () => rotateKey(services, application.id, confirmWith(context)),
        (change) => ({ details: { fingerprint: change.application.fingerprint } }),
      );
    },
    'vonage:addApplication': (input, context) =>
      services.audit.track(
        {
          action: 'create',
          summary: `Added application ${input.id} from the dashboard with a new key`,
        },
        () => addFromDashboard(services, input, confirmWith(context)),
        (change) => ({
          ...subjects.application(change.application.id),
          summary: `Added application "${change.application.name}" from the dashboard with a new key`,
          details: { fingerprint: change.application.fingerprint },
        }),
      ),
    'vonage:createApplication': (input) => {
      const account = services.vault.accounts.resolve(input.account);
      return services.audit.track(
        {
          action: 'create',
          summary: `Created application "${input.name}" on Vonage`,
          ...subjects.account(account.id),
        },
        () =>
          createApplication(
            { vault: services.vault, client: vonageClientFor(services), now: services.now },
            account,
            input,
          ),
        (created) => ({
          ...subjects.application(created.application.id),
          summary: `Created application "${created.application.name}" on Vonage (${created.capabilities.join(', ')}) with a new key`,
          details: { fingerprint: created.application.fingerprint },
        }),
      );
    },
    'vonage:sync': ({ account }) =>
      services.audit.track(
        { action: 'check', summary: `Synced the applications of "${account}"` },
        async () => {
          try {
            return await syncApplications(services, account);
          } catch (error) {
            // Vonage's answer as the contract's error: the message says what to do.
            throw error instanceof CheckFailure ? error.toKeydeskError() : error;
          }
        },
        (result) => {
          const count = (state: string) =>
            result.applications.filter((a) => a.state === state).length;
          return {
            ...subjects.account(result.account.id),
            summary: `Synced the applications of "${result.account.name}": ${count('stored')} stored, ${count('missing')} missing, ${count('deleted')} deleted`,
          };
        },
      ),
  };
}
