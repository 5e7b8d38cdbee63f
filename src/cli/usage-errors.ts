import { CommanderError, type Command } from 'commander';
import { CliError } from './cli-error';
import { io } from './cli-io';
import { editDistance } from '../shared/closest-names';

/** Commander's outcomes that are not errors: --help and --version printed what was asked. */
const notErrors = new Set(['commander.helpDisplayed', 'commander.help', 'commander.version']);

/**
 * Every command hands its parse errors to the CLI's one error path instead of printing them
 * itself, so a mistyped option looks like every other Keydesk error: `keydesk: …`, one line,
 * exit 2 (a usage error).
 */
export function routeUsageErrors(command: Command): void {
  command.exitOverride((error) => {
    throw Object.assign(error, { command });
  });
  command.configureOutput({
    outputError: () => undefined,
    // Help and the version go to the run's stdout (the process's, or a test's).
    writeOut: (text) => void io().stdout.write(text),
    getOutHelpWidth: () => io().stdout.columns ?? 80,
  });
  for (const sub of command.commands) routeUsageErrors(sub);
}

/** Long options on the command line that `command` does not have (`--acount`). */
function unknownOptions(command: Command, argv: readonly string[]): string[] {
  const known = new Set(['--help', '--version', ...command.options.map((o) => o.long)]);
  return argv
    .filter((arg) => arg.startsWith('--') && arg !== '--')
    .map((arg) => arg.split('=')[0] ?? arg)
    .filter((arg) => !known.has(arg));
}

/** The known option nearest to a typo, if it is a slip of a letter or two. */
function nearest(typo: string, command: Command): string | undefined {
  const scored = command.options
    .map((o) => o.long)
    .filter((long): long is string => Boolean(long))
    .map((long) => ({ long, d: editDistance(typo, long) }))
    .sort((a, b) => a.d - b.d);
  return scored[0] && scored[0].d <= 2 ? scored[0].long : undefined;
}

function commandPath(command: Command | undefined): string {
  const names: string[] = [];
  for (let c = command; c; c = c.parent ?? undefined) names.unshift(c.name());
  return names.join(' ');
}

/** A CommanderError as Keydesk's error (or null for help and version, which are not errors). */
export function usageErrorOf(error: CommanderError, argv: readonly string[]): CliError | null {
  if (notErrors.has(error.code)) return null;
  const command = (error as CommanderError & { command?: Command }).command;
  // Commander reports a missing required option before an unknown one; the typo is the news.
  const typo = command ? unknownOptions(command, argv)[0] : undefined;
  const guess = typo && command ? nearest(typo, command) : undefined;
  const invalid = /^error: option '(--[\w-]+)[^']*' argument '[^']*' is invalid\. ([\s\S]*)$/.exec(
    error.message,
  );
  const text = invalid
    ? `${invalid[1]}: ${invalid[2]}`
    : (error.code === 'commander.missingMandatoryOptionValue' ||
          error.code === 'commander.unknownOption') &&
        typo
      ? `unknown option '${typo}'${guess ? ` (did you mean ${guess}?)` : ''}`
      : error.message.replace(/^error: /, '');
  const oneLine = text.replace(/\s*\n\s*/g, ' ').replace(/\.$/, '');
  const help = command ? `run "${commandPath(command)} --help" for usage` : 'run --help for usage';
  return new CliError(`${oneLine} (${help}).`, 2);
}

export { CommanderError };
