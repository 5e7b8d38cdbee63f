import { Command } from 'commander';
import packageJson from '../../package.json';
import type { Register } from './command-groups';
import type { CliContext } from './context';

/** The program with the commands `registrations` add (src/cli/command-groups.ts). */
export function buildProgram(ctx: CliContext, registrations: readonly Register[]): Command {
  const program = new Command('keydesk')
    .description(
      'Vonage credentials in the OS keychain: accounts, applications, keys, JWTs, audit history. ' +
        "Data folder: $KEYDESK_HOME, or the Keydesk app's folder.",
    )
    .version(packageJson.version);
  for (const register of registrations) register(program, ctx);
  return program;
}
