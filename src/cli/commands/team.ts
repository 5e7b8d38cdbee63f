import type { Command } from 'commander';
import { limitOption } from '../limit-option';
import type { CliContext } from '../context';
import { note, print, printJson, printValue } from '../output';
import { basename, resolve } from 'node:path';
import { io } from '../cli-io';

/**
 * A support team's shared vault on git and age (issue 32): the engineer's identity, a team folder
 * (a git working copy) with its members, and accounts shared there. Joining and syncing come next.
 */

export function registerTeamCommands(program: Command, ctx: CliContext): void {
  const team = program
    .command('team')
    .description(
      "A team's shared vault on git and age: your identity, the team folder, its members, shared accounts",
    );

  team
    .command('identity')
    .description(
      'Print your age recipient for team folders (age1…), making your identity once: its secret half stays in your own keychain, never in a team folder',
    )
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const identity = await ctx.call('team:identity', {});
      if (options.json) return printJson(identity);
      if (identity.created) {
        note(
          'keydesk: made your team identity; its secret half is in your keychain. Give a team member the recipient below.',
        );
      }
      printValue(identity.recipient);
    });

  team
    .command('init <folder>')
    .description(
      'Start a team folder (a git repository; made one when it is not) with you as its first member',
    )
    .option(
      '--name <name>',
      'your name in the team (default: $GIT_AUTHOR_NAME, else your login name)',
    )
    .action(async (folder: string, options: { name?: string }) => {
      const name = options.name ?? io().env.GIT_AUTHOR_NAME ?? io().env.USER ?? '';
      const started = await ctx.call('team:init', { folder, name });
      note(
        `keydesk: started the team folder ${started.folder}, with you ("${name}") as its member.`,
      );
      note(
        'keydesk: next, share an account (keydesk team share ACCOUNT) and add members (keydesk team add-member NAME age1…).',
      );
    });

  team
    .command('join <repo> [folder]')
    .description(
      "Clone a team's repository (into FOLDER, else a folder named as the repository) and bring in every shared account you do not hold yet; a member must have added your recipient first",
    )
    .action(async (repo: string, folder: string | undefined) => {
      const into = resolve(
        io().cwd,
        folder ?? basename(repo.replace(/\/+$/, '')).replace(/\.git$/, ''),
      );
      const joined = await ctx.call('team:join', { repo, folder: into });
      note(`keydesk: joined the team in ${joined.folder} as "${joined.member}".`);
      for (const name of joined.added) print(`Added ${name}`);
      for (const name of joined.kept) print(`Kept yours: ${name} (this vault holds it already)`);
    });

  team
    .command('log')
    .description(
      "Who changed which shared account or member, and when: the team folder's git history (reads are in each engineer's own history)",
    )
    .option('--limit <n>', 'how many changes (1-10000, default 50)', limitOption(10_000))
    .option('--json', 'print JSON')
    .action(async (options: { limit?: number; json?: boolean }) => {
      const changes = await ctx.call('team:log', {
        ...(options.limit ? { limit: options.limit } : {}),
      });
      if (options.json) return printJson(changes);
      for (const change of changes)
        print(
          `${change.at.slice(0, 16).replace('T', ' ')}  ${change.author.padEnd(16)} ${change.summary}`,
        );
    });

  team
    .command('members')
    .description("The team's members and their age recipients")
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const { folder, members } = await ctx.call('team:members', {});
      if (options.json) return printJson({ folder, members });
      for (const member of members) print(`${member.name.padEnd(24)} ${member.recipient}`);
    });

  team
    .command('add-member <name> <recipient>')
    .description(
      'Add a member by the age recipient they printed with "keydesk team identity": every shared file is sealed again to include them, and committed',
    )
    .action(async (name: string, recipient: string) => {
      const { members, resealed } = await ctx.call('team:addMember', { name, recipient });
      note(
        `keydesk: added "${name}"; ${resealed} shared account file(s) sealed again for ${members.length} member(s). Push the folder for them to read it.`,
      );
    });

  team
    .command('share <account>')
    .description(
      "Share an account with the team: its secrets and its applications' private keys sealed to every member, the rest in plain JSON beside them, committed",
    )
    .action(async (ref: string) => {
      const account = await ctx.resolveAccount(ref);
      const shared = await ctx.call('team:share', { accountId: account.id });
      note(
        `keydesk: shared "${shared.account}" with ${shared.members} member(s) in ${shared.files.join(' and ')}.`,
      );
    });
}
