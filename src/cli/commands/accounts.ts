import type { Command } from 'commander';
import type { CliContext } from '../context';
import { registerAccountEdit } from './account-edit';
import { registerAccountSecret } from './account-secret';
import { registerAccountSecretsAtVonage } from './account-secrets-vonage';
import { formatTable, note, print, printJson } from '../output';
import { confirmRemoval, readSecret } from '../terminal-input';

export function registerAccountCommands(program: Command, ctx: CliContext): void {
  const accounts = program.command('accounts').description('Vonage accounts: API key and secret');

  accounts
    .command('add')
    .description('Add an account; the API secret is read from stdin or prompted for')
    .requiredOption('--name <name>', 'a name for the account, unique (case does not matter)')
    .requiredOption('--api-key <key>', 'the account API key')
    .action(async (options: { name: string; apiKey: string }) => {
      const apiSecret = await readSecret(
        'API secret',
        'Pipe it in, for example: printf %s "$SECRET" | keydesk accounts add --name NAME --api-key KEY',
      );
      const account = await ctx.call('accounts:create', {
        name: options.name,
        apiKey: options.apiKey,
        apiSecret,
      });
      note(`Added account "${account.name}" (${account.apiKey}); its secret is in the keychain.`);
    });

  accounts
    .command('list')
    .description('List accounts')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const list = await ctx.call('accounts:list', {});
      if (options.json) return printJson(list);
      if (list.length === 0) {
        return note(
          'No accounts yet. Add one with: keydesk accounts add --name NAME --api-key KEY',
        );
      }
      // The TEAM column only once something is shared (keydesk team share).
      const team = list.some((a) => a.sharedWithTeam);
      print(
        formatTable(
          ['NAME', 'API KEY', 'APPS', 'LABEL', ...(team ? ['TEAM'] : [])],
          list.map((a) => [
            a.name,
            a.apiKey,
            String(a.applicationCount),
            a.color,
            ...(team ? [a.sharedWithTeam ? 'shared' : ''] : []),
          ]),
        ),
      );
    });

  accounts
    .command('show <name>')
    .description('Show an account and its applications (never its secret)')
    .option('--json', 'print JSON')
    .action(async (name: string, options: { json?: boolean }) => {
      const { id } = await ctx.resolveAccount(name);
      const account = await ctx.call('accounts:get', { id });
      if (options.json) return printJson(account);
      print(
        [
          `Name:             ${account.name}`,
          `Id:               ${account.id}`,
          `API key:          ${account.apiKey}`,
          ...(account.primary ? [`Subaccount of:    ${account.primary.name}`] : []),
          ...(account.subaccounts.length
            ? [`Subaccounts:      ${account.subaccounts.map((s) => s.name).join(', ')}`]
            : []),
          `API secret:       (in the keychain)`,
          `Signature secret: ${account.hasSignatureSecret ? `(in the keychain), method ${account.signatureMethod}` : 'none'}`,
          `Label:            ${account.color}`,
          `Created:          ${account.createdAt}`,
          `Updated:          ${account.updatedAt}`,
          ...(account.notes ? [`Notes:            ${account.notes}`] : []),
          '',
          account.applications.length === 0
            ? 'No applications.'
            : formatTable(
                ['APPLICATION ID', 'NAME', 'KEY'],
                account.applications.map((a) => [
                  a.id,
                  a.name,
                  `RSA-${a.keyBits} ${a.fingerprint}`,
                ]),
              ),
        ].join('\n'),
      );
    });

  registerAccountEdit(accounts, ctx);
  registerAccountSecret(accounts, ctx);
  registerAccountSecretsAtVonage(accounts, ctx);

  accounts
    .command('remove <name>')
    .description('Remove an account, its applications and their secrets')
    .option('--yes', 'do not ask for confirmation')
    .action(async (name: string, options: { yes?: boolean }) => {
      const account = await ctx.resolveAccount(name);
      await confirmRemoval(
        `Remove account "${account.name}" and its ${account.applicationCount} application(s), with their secrets?`,
        options.yes,
      );
      const { removedApplications } = await ctx.call('accounts:remove', { id: account.id });
      note(`Removed account "${account.name}" and ${removedApplications} application(s).`);
    });
}
