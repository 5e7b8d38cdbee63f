import { KeydeskError } from '../shared/errors';
import type { KeychainOpener } from '../core/services';
import { CliError, fromShape } from './cli-error';
import { io, withIo, type CliIo } from './cli-io';
import { createCliContext } from './context';
import { terminalSafe } from './output';
import type { Register } from './command-groups';
import { buildProgram } from './program';
import { CommanderError, routeUsageErrors, usageErrorOf } from './usage-errors';
import { takeVaultUnlockVariables } from './vault-unlock-variables';

/**
 * One `keydesk` run: parses `argv`, runs the command, and answers its exit code (2 usage, 1 a
 * failure or a problem found, 70 a bug). Errors are said on the run's stderr. The bundle runs it
 * with the process's io and the commands it holds (`commands`); the tests run it in their own process with an io of their own and a
 * keychain in memory (`keychain`), the command code being the same.
 */
export async function runCli(
  argv: readonly string[],
  given: CliIo | undefined,
  options: { commands: readonly Register[]; keychain?: KeychainOpener },
): Promise<number> {
  if (given) return withIo(given, () => runCli(argv, undefined, options));
  // Before anything can start a child process (vault-unlock-variables.ts).
  takeVaultUnlockVariables(io().env);
  const ctx = createCliContext(options);
  const say = (text: string) => io().stderr.write(`keydesk: ${terminalSafe(text)}\n`);
  try {
    const program = buildProgram(ctx, options.commands);
    routeUsageErrors(program);
    await program.parseAsync(argv);
    return io().exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      const usage = usageErrorOf(error, argv);
      if (!usage) return 0;
      say(usage.message);
      return usage.exitCode;
    }
    const cliError = error instanceof KeydeskError ? fromShape(error.toShape()) : error;
    if (cliError instanceof CliError) {
      say(cliError.message);
      return cliError.exitCode;
    }
    say(`unexpected error: ${(error as Error).stack ?? String(error)}`);
    return 70;
  } finally {
    ctx.close();
  }
}

/** The CLI as this process: its argv and io, its exit code (the bundles' entry points). */
export function runProcess(commands: readonly Register[]): void {
  void runCli(process.argv, undefined, { commands }).then((code) => {
    process.exitCode = code;
  });
}
