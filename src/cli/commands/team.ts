import type { Command } from 'commander';
import { limitOption } from '../limit-option';
import type { CliContext } from '../context';
import { note, print, printJson, printValue } from '../output';
import { confirmationFor } from '../terminal-input';
import { shellQuote } from '../../core/shell-quote';
import type { ChannelOutput } from '../../shared/contract';

type SyncResult = ChannelOutput<'team:sync'>;
import { basename, resolve } from 'node:path';
import { exitWith, io } from '../cli-io';

/**
 * A support team's shared vault on git and age (issue 32): the engineer's identity, a team folder
 * (a git working copy) with its members, accounts shared there, and sync.
 */

const collect = (value: string, list: string[]) => [...list, value];

function printSync(result: SyncResult): void {
  if (result.putBack)
    note(
      'keydesk: a sync that stopped half-way had left the team folder unfinished; it was put back first.',
    );
  if (!result.upstream)
    note(
      `keydesk: the team folder has no remote yet, so nothing was pulled or pushed. Add one: git -C ${shellQuote(result.folder)} remote add origin URL && git -C ${shellQuote(result.folder)} push -u origin HEAD`,
    );
  for (const name of result.sent) print(`Sent ${name}`);
  for (const name of result.received) print(`Received ${name}`);
  for (const name of result.added) print(`Added ${name}`);
  for (const name of result.unshared) print(`No longer shared: ${name} (kept in your vault)`);
  for (const c of result.conflicts) {
    const mine =
      c.mine === 'this vault' ? 'changed in this vault' : `${c.mine.commit} by ${c.mine.author}`;
    const theirs = c.theirs
      ? `${c.theirs.commit} by ${c.theirs.author} ("${c.theirs.summary}")`
      : 'the team folder';
    print(`Conflict: ${c.account}: yours (${mine}) and the team's (${theirs}) both changed it`);
  }
  if (result.conflicts.length > 0) {
    const first = result.conflicts[0]?.account ?? 'ACCOUNT';
    note(
      `keydesk: nothing of a conflicting account was changed. Keep one side: keydesk team sync --mine "${first}" (yours) or --theirs "${first}" (the team's).`,
    );
    exitWith(1);
  } else if (result.upstream)
    note(
      `keydesk: in sync with ${result.upstream}${result.pushed ? ` (${result.pushed} commit(s) pushed)` : ''}.`,
    );
}

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
        `keydesk: added "${name}"; ${resealed} shared account file(s) sealed again for ${members.length} member(s). "keydesk team sync" sends it to them.`,
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

  team
    .command('unshare <account>')
    .description(
      'Stop sharing an account: its files leave the team folder (committed); your vault keeps it',
    )
    .action(async (ref: string) => {
      const account = await ctx.resolveAccount(ref);
      const { account: name } = await ctx.call('team:unshare', { accountId: account.id });
      note(`keydesk: "${name}" is no longer shared; members keep their own copy. Sync to send it.`);
    });

  team
    .command('sync')
    .description(
      "Commit your changes to shared accounts, pull the team's (git pull --rebase), bring them into your vault, and push; an account changed on both sides is a conflict until you keep one side",
    )
    .option('--mine <account>', 'settle a conflict with your side (repeatable)', collect, [])
    .option(
      '--theirs <account>',
      "settle a conflict with the team's side (repeatable)",
      collect,
      [],
    )
    .option('--json', 'print JSON')
    .action(async (options: { mine: string[]; theirs: string[]; json?: boolean }) => {
      const result = await ctx.call('team:sync', { mine: options.mine, theirs: options.theirs });
      if (options.json) {
        printJson(result);
        if (result.conflicts.length > 0) exitWith(1);
        return;
      }
      printSync(result);
    });

  team
    .command('remove-member <name>')
    .description(
      'Remove a member: every shared file is sealed again without them (asks first); lists each API secret and key they could read and, with --rotate, rotates each through Vonage',
    )
    .option('--rotate', 'rotate every API secret and application key they could read')
    .option('--yes', 'do not ask for confirmation')
    .option('--json', 'print JSON')
    .action(async (name: string, options: { rotate?: boolean; yes?: boolean; json?: boolean }) => {
      const removed = await ctx.call(
        'team:removeMember',
        { name, rotate: options.rotate === true },
        { confirm: confirmationFor(options.yes, 'removing a member') },
      );
      if (options.json) printJson(removed);
      else {
        note(
          `keydesk: removed "${name}"; ${removed.resealed} shared account file(s) sealed again for ${removed.members.length} member(s). Files written before stay readable to them in the folder's history.`,
        );
        for (const item of removed.exposed)
          print(
            `${item.rotated === 'yes' ? 'Rotated' : item.rotated === 'no' ? 'Could read' : item.rotated === 'failed' ? 'NOT rotated' : 'Not in your vault'}: ${item.account} (${item.apiKey}) ${item.what}${item.rotated === 'failed' && item.message ? `: ${item.message}` : ''}`,
          );
        if (!options.rotate && removed.exposed.length > 0)
          note(
            'keydesk: rotate each with keydesk accounts rotate-secret ACCOUNT and keydesk apps rotate-key APP (remove-member --rotate does all of them).',
          );
        if (removed.sync && 'error' in removed.sync)
          note(`keydesk: not synced: ${removed.sync.error}`);
      }
      if (removed.exposed.some((e) => e.rotated === 'failed')) exitWith(1);
    });

  team
    .command('status')
    .description('The team folder, its members, what you share, and how the last sync went')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const status = await ctx.call('team:status', {});
      if (options.json) return printJson(status);
      if (!status.joined)
        return note(
          'keydesk: no team folder yet: keydesk team init FOLDER, or keydesk team join REPO.',
        );
      const line = (label: string, value: string) => print(`${label.padEnd(12)}${value}`);
      line('Folder', status.folder);
      line('You', status.member);
      line('Members', status.members.map((m) => m.name).join(', '));
      line('Remote', status.upstream ?? 'none (nothing is pulled or pushed)');
      line('Shared', `${status.shared} account(s)`);
      const last = status.lastSync;
      line(
        'Last sync',
        last
          ? `${last.at.slice(0, 16).replace('T', ' ')} ${last.outcome.ok ? (last.outcome.conflicts.length ? `conflict: ${last.outcome.conflicts.map((c) => c.account).join(', ')}` : 'ok') : `failed: ${last.outcome.error}`}`
          : 'never',
      );
    });
}
