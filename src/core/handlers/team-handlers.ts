import type { Services } from '../services';
import { ensureTeamIdentity } from '../team/team-identity';
import { createTeamService } from '../team/team-service';
import type { HandlersFor } from './handler-types';

/** A team's shared vault: this engineer's identity, the folder, its members, sharing (sync comes next). */
export function teamHandlers(services: Services): HandlersFor<'team'> {
  const team = createTeamService(services);
  return {
    'team:init': ({ folder, name }) =>
      services.audit.track(
        { action: 'create', summary: `Started a team folder in ${folder}` },
        () => team.init(folder, name),
      ),
    'team:join': ({ repo, folder }) =>
      services.audit.track({ action: 'import', summary: `Joined the team of ${repo}` }, () =>
        team.join(repo, folder),
      ),
    'team:members': () => team.members(),
    'team:log': ({ limit }) => team.log(limit),
    'team:addMember': ({ name, recipient }) =>
      services.audit.track({ action: 'update', summary: `Added ${name} to the team` }, () =>
        team.addMember(name, recipient),
      ),
    'team:share': ({ accountId }) => {
      const account = services.vault.accounts.get(accountId);
      return services.audit.track(
        {
          action: 'update',
          accountId: account.id,
          accountName: account.name,
          summary: `Shared "${account.name}" with the team`,
        },
        () => team.share(account.id),
      );
    },
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
