import type { Services } from '../services';
import { revokeOne, rotateSecret, secretsOf } from '../vonage/secret-rotation';
import { vonageClientFor } from './vonage-client-for';
import { askedVonage } from './asked-vonage';
import { requireConfirmation } from './confirmation';
import { eventSubjects } from '../history/event-subjects';
import type { CallContext, Confirmation, HandlersFor } from './handler-types';

const confirmWith = (context: CallContext) => (question: Confirmation, declined: string) =>
  requireConfirmation(context, question, declined);

/** An account's API secrets at Vonage; rotations and revocations are in the history (never a value). */
export function secretsHandlers(services: Services): HandlersFor<'secrets'> {
  const { vault, audit } = services;
  const subjects = eventSubjects(services);
  const deps = () => ({ vault, client: vonageClientFor(services) });
  return {
    'secrets:list': ({ account: ref }) => {
      const account = vault.accounts.resolve(ref);
      return askedVonage(async () => {
        const { listed, heldId } = await secretsOf(deps(), account);
        return { account, secrets: listed, heldKnown: heldId !== undefined };
      });
    },
    'secrets:rotate': ({ account: ref, keepOld }, context) => {
      const account = vault.accounts.resolve(ref);
      return audit.track(
        {
          action: 'rotate-secret',
          summary: `Rotated the API secret of "${account.name}"`,
          ...subjects.account(account.id),
        },
        () =>
          askedVonage(() =>
            rotateSecret(deps(), account, { keepOld, confirm: confirmWith(context) }),
          ),
        (rotation) => ({
          summary: rotation.revoked
            ? `Rotated the API secret of "${account.name}" (new ${rotation.newSecret.id}, revoked ${rotation.revoked.id})`
            : `Rotated the API secret of "${account.name}" (new ${rotation.newSecret.id}; the previous one still works)`,
          details: { what: rotation.message },
        }),
      );
    },
    'secrets:revoke': ({ account: ref, id }, context) => {
      const account = vault.accounts.resolve(ref);
      return audit.track(
        {
          action: 'revoke-secret',
          summary: `Revoked API secret ${id} of "${account.name}"`,
          ...subjects.account(account.id),
        },
        () => askedVonage(() => revokeOne(deps(), account, id, confirmWith(context))),
      );
    },
  };
}
