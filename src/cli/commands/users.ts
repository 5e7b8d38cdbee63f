import type { Command } from 'commander';
import type { VonageUser } from '../../shared/user-schemas';
import type { CliContext } from '../context';
import { formatTable, note, print, printJson } from '../output';
import { confirmationFor } from '../terminal-input';
import { io } from '../cli-io';

interface AppOptions {
  account?: string;
  json?: boolean;
}

const whereOf = (user: VonageUser) =>
  user.region ? `${user.region} (${user.host ?? ''})` : (user.host ?? '');

function describeUser(user: VonageUser): string {
  return [
    `Id:           ${user.id}`,
    `Name:         ${user.name}`,
    `Display name: ${user.displayName ?? ''}`,
    `Region:       ${whereOf(user)}`,
  ].join('\n');
}

/**
 * `keydesk users …`: an application's Client SDK users on Vonage (the Users API, asked with a
 * token of the application itself), the guide's second step.
 */
export function registerUsersCommands(program: Command, ctx: CliContext): void {
  const users = program
    .command('users')
    .description("An application's Client SDK users on Vonage (the sub of their tokens)");
  const appOptions = (command: Command) =>
    command
      .option('--account <name>', 'the account, when two accounts have an application of that name')
      .option('--json', 'print JSON');

  appOptions(
    users
      .command('list <app>')
      .description(
        'Every user of the application on Vonage (all pages), with the region each lives in',
      )
      .option('--name <name>', 'only the user of this name'),
  ).action(async (app: string, options: AppOptions & { name?: string }) => {
    const result = await ctx.call('users:list', {
      app,
      ...(options.account ? { account: options.account } : {}),
      ...(options.name !== undefined ? { name: options.name } : {}),
    });
    if (options.json) return printJson(result);
    if (!result.users.length) {
      note(
        `"${result.applicationName}" has no users on Vonage yet: keydesk users add "${result.applicationName}" NAME`,
      );
      return;
    }
    print(
      formatTable(
        ['USER ID', 'NAME', 'DISPLAY NAME', 'REGION'],
        result.users.map((u) => [u.id, u.name, u.displayName ?? '', whereOf(u)]),
      ),
    );
    if (io().stdout.isTTY) note(`${result.users.length} user(s) of "${result.applicationName}".`);
  });

  appOptions(
    users
      .command('add <app> <name>')
      .description('Add a user to the application on Vonage; their tokens carry the name as sub')
      .option('--display-name <text>', 'the name people see'),
  ).action(async (app: string, name: string, options: AppOptions & { displayName?: string }) => {
    const result = await ctx.call('users:add', {
      app,
      name,
      ...(options.account ? { account: options.account } : {}),
      ...(options.displayName !== undefined ? { displayName: options.displayName } : {}),
    });
    if (options.json) return printJson(result);
    print(describeUser(result.user));
    note(
      `Added "${result.user.name}" to "${result.applicationName}". Their token: keydesk jwt "${result.applicationName}" --user ${result.user.name}`,
    );
  });

  appOptions(users.command('show <app> <user>').description('One user, by name or USR- id')).action(
    async (app: string, user: string, options: AppOptions) => {
      const result = await ctx.call('users:get', {
        app,
        user,
        ...(options.account ? { account: options.account } : {}),
      });
      if (options.json) return printJson(result);
      print(describeUser(result.user));
    },
  );

  appOptions(
    users
      .command('remove <app> <user>')
      .description('Delete a user on Vonage (asks first; cannot be undone)')
      .option('--yes', 'do not ask for confirmation'),
  ).action(async (app: string, user: string, options: AppOptions & { yes?: boolean }) => {
    const result = await ctx.call(
      'users:remove',
      { app, user, ...(options.account ? { account: options.account } : {}) },
      { confirm: confirmationFor(options.yes, 'removing a user') },
    );
    if (options.json) return printJson(result);
    note(
      `Removed user "${result.user.name}" (${result.user.id}) from "${result.applicationName}".`,
    );
  });
}
