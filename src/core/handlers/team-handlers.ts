import type { Services } from '../services';
import { ensureTeamIdentity } from '../team/team-identity';
import { createTeamService } from '../team/team-service';
import { eventSubjects } from '../history/event-subjects';
import { requireConfirmation } from './confirmation';
import type { HandlersFor } from './handler-types';
import { rotateExposed } from './team-rotate-exposed';

const names = (list: readonly string[]) => list.map((n) => `"${n}"`).join(', ');

/** A team's shared vault: this engineer's identity, the folder, its members, sharing and sync. */
export function teamHandlers(services: Services): HandlersFor<'team'> {
  const team = createTeamService(services);
  const subjects = eventSubjects(services);
  /** A team change to one account, in the history under that account (its name read once). */
  const accountChange = <T>(
    accountId: string,
    summary: (name: string) => string,
    work: () => Promise<T>,
  ) => {
    const subject = subjects.account(accountId);
    return services.audit.track(
      { action: 'update', ...subject, summary: summary(subject.accountName ?? accountId) },
      work,
    );
  };
  const accountIds = (refs: readonly string[]) =>
    refs.map((ref) => services.vault.accounts.resolve(ref).id);
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
    'team:share': ({ accountId }) =>
      accountChange(
        accountId,
        (name) => `Shared "${name}" with the team`,
        () => team.share(accountId),
      ),
    'team:unshare': ({ accountId }) =>
      accountChange(
        accountId,
        (name) => `Stopped sharing "${name}" with the team`,
        () => team.unshare(accountId),
      ),
    'team:sync': ({ mine, theirs }) => {
      const choices = { mine: accountIds(mine), theirs: accountIds(theirs) };
      return services.audit.track(
        { action: 'import', summary: 'Synced with the team folder' },
        () => team.sync(choices),
        (result) => ({
          summary:
            result.conflicts.length > 0
              ? `Synced with the team folder: ${result.conflicts.length} conflict(s) (${names(result.conflicts.map((c) => c.account))})`
              : `Synced with the team folder: ${result.sent.length} sent, ${result.received.length + result.added.length} received`,
        }),
      );
    },
    'team:removeMember': async ({ name, rotate }, context) => {
      team.membersWithout(name);
      const preview = await team.exposure();
      const keys = preview.reduce((n, a) => n + a.applications.length, 0);
      const what = `${preview.length} API secret(s) and ${keys} application key(s)`;
      await requireConfirmation(
        context,
        {
          action: 'Remove member',
          message: `Remove "${name}" from the team?`,
          detail: rotate
            ? `Every shared file is sealed again without them. They could read ${what}; each is rotated through Vonage now (the old secrets revoked, the old keys replaced), and the new ones go to the team with a sync.`
            : `Every shared file is sealed again without them. What they read before stays readable to them (git keeps it): ${what}. Add --rotate to rotate each through Vonage.`,
        },
        `${name} is still a member.`,
      );
      return services.audit.track(
        {
          action: 'update',
          summary: `Removed ${name} from the team${rotate ? ' and rotated what they could read' : ''}`,
        },
        async () => {
          // The team's latest first, so every account they could read is listed and rotated;
          // offline, the removal goes on here and the last sync says it could not push.
          await team.sync().catch(() => undefined);
          const exposure = await team.exposure();
          const removed = await team.removeMember(name);
          const exposed = await rotateExposed(services, exposure, rotate);
          const sync = await team.sync().catch((error: Error) => ({ error: error.message }));
          return { ...removed, exposed, sync };
        },
      );
    },
    'team:status': () => team.status(),
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
