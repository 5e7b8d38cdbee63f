import type { Command } from 'commander';
import { CliError } from '../cli-error';
import type { CliContext } from '../context';
import { formatTable, note, print, printJson } from '../output';
import { confirmationFor, promptHidden, readStdin, stripFinalNewline } from '../terminal-input';
import { io } from '../cli-io';

interface ImportOptions {
  name?: string;
  newSecret?: boolean;
  yes?: boolean;
  json?: boolean;
}

/** One secret per key: typed at a prompt for each, or one line each on stdin, in order. */
async function secretsFor(keys: string[]): Promise<string[]> {
  if (io().stdin.isTTY) {
    const typed: string[] = [];
    for (const key of keys) {
      const value = await promptHidden(`API secret of subaccount ${key}: `);
      if (value === '') throw new CliError(`No API secret was entered for ${key}.`);
      typed.push(value);
    }
    return typed;
  }
  const lines = stripFinalNewline(await readStdin()).split(/\r?\n/);
  if (lines.length !== keys.length || lines.some((line) => line === '')) {
    throw new CliError(
      `Give one API secret per subaccount on stdin, one line each, in the order of the keys (${keys.length} key(s), ${lines.filter(Boolean).length} secret(s) read); or use --new-secret.`,
    );
  }
  return lines;
}

/** `keydesk subaccounts …`: a primary account's subaccounts, listed, created, brought in. */
export function registerSubaccountCommands(program: Command, ctx: CliContext): void {
  const subaccounts = program
    .command('subaccounts')
    .description("A primary account's subaccounts at Vonage, and which are in the vault");

  subaccounts
    .command('list <primary>')
    .description('Every subaccount with its balance, whether it is suspended, and its stored name')
    .option('--json', 'print JSON')
    .action(async (primary: string, options: { json?: boolean }) => {
      const result = await ctx.call('subaccounts:list', { primary });
      if (options.json) return printJson(result);
      if (!result.subaccounts.length) {
        note(`"${result.primary.name}" has no subaccounts at Vonage.`);
        return;
      }
      print(
        formatTable(
          ['API KEY', 'NAME', 'BALANCE', 'STATE', 'IN KEYDESK AS'],
          result.subaccounts.map((s) => [
            s.apiKey,
            s.name,
            s.sharesBalance ? "primary's" : (s.balance?.toFixed(2) ?? ''),
            s.suspended ? 'SUSPENDED' : 'active',
            s.stored?.name ?? '',
          ]),
        ),
      );
    });

  subaccounts
    .command('create <primary>')
    .description(
      'Create a subaccount at Vonage and store it at once with the secret Vonage returns',
    )
    .requiredOption('--name <name>', "the subaccount's name (also its name in Keydesk)")
    .option('--own-balance', "its own balance instead of the primary's")
    .option('--json', 'print JSON')
    .action(
      async (primary: string, options: { name: string; ownBalance?: boolean; json?: boolean }) => {
        const stored = await ctx.call('subaccounts:create', {
          primary,
          name: options.name,
          ...(options.ownBalance ? { ownBalance: true } : {}),
        });
        if (options.json) return printJson(stored);
        print(stored.subaccount.apiKey);
        note(stored.message);
      },
    );

  subaccounts
    .command('import <primary> <api-key...>')
    .description(
      "Bring subaccounts into the vault: each secret from stdin (one line each) or a prompt, checked with Vonage first; or --new-secret adds a new one through the primary's credentials (asks first)",
    )
    .option('--name <name>', "the name in Keydesk (one key only; Vonage's name otherwise)")
    .option('--new-secret', "add a new secret to each through the primary's credentials")
    .option('--yes', 'with --new-secret: do not ask for confirmation')
    .option('--json', 'print JSON')
    .action(async (primary: string, keys: string[], options: ImportOptions) => {
      if (options.name !== undefined && keys.length > 1)
        throw new CliError('--name names one subaccount: give one API key with it.', 2);
      const secrets = options.newSecret ? [] : await secretsFor(keys);
      const results = [];
      for (const [index, apiKey] of keys.entries()) {
        const stored = await ctx.call(
          'subaccounts:import',
          {
            primary,
            apiKey,
            ...(options.name !== undefined ? { name: options.name } : {}),
            ...(options.newSecret ? { newSecret: true } : { secret: secrets[index] ?? '' }),
          },
          { confirm: confirmationFor(options.yes, 'adding a secret') },
        );
        results.push(stored);
        if (!options.json) note(stored.message);
      }
      if (options.json) printJson(results);
    });
}
