import { Command } from 'commander';
import packageJson from '../../package.json';
import { registerAccountCommands } from './commands/accounts';
import { registerAppCommands } from './commands/apps';
import { registerCheckCommand } from './commands/check';
import { registerDecodeCommand } from './commands/decode';
import { registerDoctorCommand } from './commands/doctor';
import { registerExecCommands } from './commands/exec';
import { registerHistoryCommand } from './commands/history';
import { registerImportCommand } from './commands/import';
import { registerJwtCommand } from './commands/jwt';
import { registerKeychainCommands } from './commands/keychain';
import { registerOAuthCommands } from './commands/oauth';
import { registerSettingsCommand } from './commands/settings';
import { registerUnlockCommands } from './commands/unlock';
import { registerUseCommand } from './commands/use';
import { registerUsersCommands } from './commands/users';
import { registerSubaccountCommands } from './commands/subaccounts';
import { registerWebhookCommands } from './commands/webhook';
import type { CliContext } from './context';

export function buildProgram(ctx: CliContext): Command {
  const program = new Command('keydesk')
    .description(
      'Vonage credentials in the OS keychain: accounts, applications, keys, JWTs, audit history. ' +
        "Data folder: $KEYDESK_HOME, or the Keydesk app's folder.",
    )
    .version(packageJson.version);
  registerAccountCommands(program, ctx);
  registerAppCommands(program, ctx);
  registerUsersCommands(program, ctx);
  registerSubaccountCommands(program, ctx);
  registerImportCommand(program, ctx);
  registerJwtCommand(program, ctx);
  registerExecCommands(program, ctx);
  registerUseCommand(program, ctx);
  registerCheckCommand(program, ctx);
  registerDecodeCommand(program, ctx);
  registerHistoryCommand(program, ctx);
  registerOAuthCommands(program, ctx);
  registerWebhookCommands(program, ctx);
  registerSettingsCommand(program, ctx);
  registerDoctorCommand(program, ctx);
  registerKeychainCommands(program, ctx);
  registerUnlockCommands(program, ctx);
  return program;
}
