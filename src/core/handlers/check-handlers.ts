import type { Services } from '../services';
import { runChecks } from '../vonage/check-service';
import { syncApplications } from '../vonage/sync-applications';
import { CheckFailure } from '../vonage/vonage-request';
import { KeydeskError } from '../../shared/errors';
import { eventSubjects } from './event-subjects';
import type { HandlersOf } from './handler-types';

/** Credential checks against Vonage; each result is its own history event (check-service.ts). */
export function checkHandlers(services: Services): HandlersOf<'vonage:check' | 'vonage:sync'> {
  return {
    'vonage:check': (input) => runChecks(services, input),
    'vonage:sync': ({ account }) =>
      services.audit.track(
        { action: 'check', summary: `Synced the applications of "${account}"` },
        async () => {
          try {
            return await syncApplications(services, account);
          } catch (error) {
            // Vonage's answer as the contract's error: the message says what to do.
            if (error instanceof CheckFailure)
              throw new KeydeskError('VONAGE_FAILED', `${error.code}: ${error.message}`);
            throw error;
          }
        },
        (result) => {
          const count = (state: string) =>
            result.applications.filter((a) => a.state === state).length;
          return {
            ...eventSubjects(services).account(result.account.id),
            summary: `Synced the applications of "${result.account.name}": ${count('stored')} stored, ${count('missing')} missing, ${count('deleted')} deleted`,
          };
        },
      ),
  };
}
