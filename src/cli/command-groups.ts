import type { Command } from 'commander';
import type { CliContext } from './context';

export type Register = (program: Command, ctx: CliContext) => void;

interface CommandGroup {
  /** The top-level commands the group's `register` adds (a unit test holds them to it). */
  commands: readonly string[];
  load: () => Promise<Register>;
}

/**
 * Every top-level command, by the module that registers it. A run loads only the group of the
 * command it was given (`keydesk jwt …` evaluates neither `exec`'s child processes nor `oauth`'s
 * listener); `--help`, `help` and a mistyped command load them all, for the list and suggestions.
 */
export const commandGroups: readonly CommandGroup[] = [
  {
    commands: ['accounts'],
    load: async () => (await import('./commands/accounts')).registerAccountCommands,
  },
  { commands: ['apps'], load: async () => (await import('./commands/apps')).registerAppCommands },
  {
    commands: ['users'],
    load: async () => (await import('./commands/users')).registerUsersCommands,
  },
  {
    commands: ['subaccounts'],
    load: async () => (await import('./commands/subaccounts')).registerSubaccountCommands,
  },
  {
    commands: ['import'],
    load: async () => (await import('./commands/import')).registerImportCommand,
  },
  { commands: ['jwt'], load: async () => (await import('./commands/jwt')).registerJwtCommand },
  {
    commands: ['exec', 'env'],
    load: async () => (await import('./commands/exec')).registerExecCommands,
  },
  {
    commands: ['use', 'trust'],
    load: async () => (await import('./commands/use')).registerUseCommand,
  },
  {
    commands: ['check'],
    load: async () => (await import('./commands/check')).registerCheckCommand,
  },
  {
    commands: ['decode'],
    load: async () => (await import('./commands/decode')).registerDecodeCommand,
  },
  {
    commands: ['history'],
    load: async () => (await import('./commands/history')).registerHistoryCommand,
  },
  {
    commands: ['oauth'],
    load: async () => (await import('./commands/oauth')).registerOAuthCommands,
  },
  {
    commands: ['webhook'],
    load: async () => (await import('./commands/webhook')).registerWebhookCommands,
  },
  {
    commands: ['settings'],
    load: async () => (await import('./commands/settings')).registerSettingsCommand,
  },
  {
    commands: ['doctor'],
    load: async () => (await import('./commands/doctor')).registerDoctorCommand,
  },
  {
    commands: ['keychain'],
    load: async () => (await import('./commands/keychain')).registerKeychainCommands,
  },
  {
    commands: ['unlock', 'lock'],
    load: async () => (await import('./commands/unlock')).registerUnlockCommands,
  },
];

/** The registrations a run needs: its command's group, or every group when argv names none. */
export async function registrationsFor(argv: readonly string[]): Promise<Register[]> {
  const named = argv[2];
  const group = commandGroups.find(
    ({ commands }) => named !== undefined && commands.includes(named),
  );
  return Promise.all((group ? [group] : commandGroups).map(({ load }) => load()));
}
