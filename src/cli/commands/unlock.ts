import { InvalidArgumentError, type Command } from 'commander';
import { formatDuration, parseDuration } from '../../shared/durations';
import type { CliContext } from '../context';
import { note, print, printJson } from '../output';

function sessionDuration(text: string): number {
  const seconds = parseDuration(text);
  if (seconds === undefined)
    throw new InvalidArgumentError(`"${text}" is not a duration; use 15m, 1h, 8h or 1d.`);
  return seconds;
}

const clock = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * `keydesk unlock` / `keydesk lock`: the vault file opened once for a while, for the commands of
 * one shell (KEYDESK_SESSION), as `bw unlock` and `op signin` do; and every such session ended.
 */
export function registerUnlockCommands(program: Command, ctx: CliContext): void {
  program
    .command('unlock')
    .description(
      'Open the vault file once for a while: prints a line for eval that sets KEYDESK_SESSION (eval "$(keydesk unlock)")',
    )
    .option(
      '--for <duration>',
      'how long the session may last at most: 15m, 1h, 8h, 1d',
      sessionDuration,
      3600,
    )
    .option('--idle <duration>', 'end it sooner after this long unused', sessionDuration, 900)
    .option('--json', 'print JSON')
    .action(async (options: { for: number; idle: number; json?: boolean }) => {
      const started = await ctx.call('keychain:startSession', {
        forSeconds: options.for,
        idleSeconds: options.idle,
      });
      if (options.json) return printJson(started);
      // Only the line for eval goes to stdout; what it means goes to the terminal.
      print(`export KEYDESK_SESSION=${started.token}`);
      note(
        `keydesk: the vault file ${started.path} is open to commands run with this KEYDESK_SESSION until ${clock(started.expiresAt)}, or after ${formatDuration(started.idleSeconds)} unused. Any program you run from this shell can read it (it is in the environment); "keydesk lock" ends every session.`,
      );
    });
  program
    .command('lock')
    .description('End every unlock session: the vault file needs its passphrase again')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const { ended } = await ctx.call('keychain:endSessions', {});
      if (options.json) return printJson({ ended });
      print(
        ended
          ? `Ended ${ended} unlock session${ended === 1 ? '' : 's'}; the vault file needs its passphrase again.`
          : 'There was no unlock session to end.',
      );
    });
}
