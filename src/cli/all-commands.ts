import type { Register } from './command-groups';
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
import { registerSubaccountCommands } from './commands/subaccounts';
import { registerTeamCommands } from './commands/team';
import { registerUnlockCommands } from './commands/unlock';
import { registerUseCommand } from './commands/use';
import { registerUsersCommands } from './commands/users';
import { registerWebhookCommands } from './commands/webhook';

/** Every command group's registration by its name in command-groups.json, in the help's order. */
export const allCommands: Record<string, Register> = {
  registerAccountCommands,
  registerAppCommands,
  registerUsersCommands,
  registerSubaccountCommands,
  registerImportCommand,
  registerJwtCommand,
  registerExecCommands,
  registerUseCommand,
  registerCheckCommand,
  registerDecodeCommand,
  registerHistoryCommand,
  registerOAuthCommands,
  registerWebhookCommands,
  registerSettingsCommand,
  registerDoctorCommand,
  registerKeychainCommands,
  registerTeamCommands,
  registerUnlockCommands,
};
