import { KeydeskError } from '../shared/errors';
import { CliError, fromShape } from './cli-error';
import { createCliContext } from './context';
import { terminalSafe } from './output';
import { buildProgram } from './program';
import { CommanderError, routeUsageErrors, usageErrorOf } from './usage-errors';
import { takeVaultUnlockVariables } from './vault-unlock-variables';

async function main(argv: string[]): Promise<number> {
  // Before anything can start a child process (vault-unlock-variables.ts).
  takeVaultUnlockVariables();
  const ctx = createCliContext();
  try {
    const program = buildProgram(ctx);
    routeUsageErrors(program);
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      const usage = usageErrorOf(error, argv);
      if (!usage) return 0;
      process.stderr.write(`keydesk: ${terminalSafe(usage.message)}\n`);
      return usage.exitCode;
    }
    const cliError = error instanceof KeydeskError ? fromShape(error.toShape()) : error;
    if (cliError instanceof CliError) {
      process.stderr.write(`keydesk: ${terminalSafe(cliError.message)}\n`);
      return cliError.exitCode;
    }
    process.stderr.write(
      `keydesk: unexpected error: ${terminalSafe((error as Error).stack ?? String(error))}\n`,
    );
    return 70;
  } finally {
    ctx.close();
  }
}

void main(process.argv).then((code) => {
  process.exitCode = code;
});
