import type { Services } from '../services';
import { ensureTeamIdentity } from '../team/team-identity';
import type { HandlersFor } from './handler-types';

/** A team's shared vault: this engineer's identity (the folder, sharing and sync come next). */
export function teamHandlers(services: Services): HandlersFor<'team'> {
  return {
    'team:identity': async () => {
      const made = await ensureTeamIdentity(services.db, services.keychain, services.now);
      if (made.created) {
        services.audit.record({
          action: 'create',
          summary: `Made a team identity (${made.recipient})`,
        });
      }
      return made;
    },
  };
}
