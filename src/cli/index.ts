import { KeydeskError } from '../shared/errors';
import { CliError, fromShape } from './cli-error';
import { createCliContext } from './context';
import { buildProgram } from './program';

async function main(argv: string[]): Promise<number> {
  const ctx = createCliContext();
  try {
    await buildProgram(ctx).parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    const cliError = error instanceof KeydeskError ? fromShape(error.toShape()) : error;
    if (cliError instanceof CliError) {
      process.stderr.write(`keydesk: ${cliError.message}\n`);
      return cliError.exitCode;
    }
    process.stderr.write(`keydesk: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    return 70;
  } finally {
    ctx.close();
  }
}

process.exitCode = await main(process.argv);
