import { Command } from 'commander';
import packageJson from '../../package.json';
import { registerAccountCommands } from './commands/accounts';
import { registerAppCommands } from './commands/apps';
import { registerDoctorCommand } from './commands/doctor';
import { registerImportCommand } from './commands/import';
import type { CliContext } from './context';

export function buildProgram(ctx: CliContext): Command {
  const program = new Command('keydesk')
    .description(
      'Vonage credentials in the OS keychain: accounts, applications, keys. ' +
        "Data folder: $KEYDESK_HOME, or the Keydesk app's folder.",
    )
    .version(packageJson.version)
    .showHelpAfterError('(run with --help for usage)');
  registerAccountCommands(program, ctx);
  registerAppCommands(program, ctx);
  registerImportCommand(program, ctx);
  registerDoctorCommand(program, ctx);
  return program;
}
