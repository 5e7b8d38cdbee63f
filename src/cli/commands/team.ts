import type { Command } from 'commander';
import type { CliContext } from '../context';
import { note, printJson, printValue } from '../output';

/**
 * A support team's shared vault on git and age (issue 32). Here so far: the engineer's identity,
 * whose recipient a member adds to the team folder.
 */
export function registerTeamCommands(program: Command, ctx: CliContext): void {
  const team = program
    .command('team')
    .description("A team's shared vault on git and age: your identity for it");

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
}
