import type { Command } from 'commander';
import type { CliContext } from '../context';
import { formatTable, note, print, printJson } from '../output';
import { confirmationFor } from '../terminal-input';
import { exitWith } from '../cli-io';

/**
 * `keydesk accounts secrets | rotate-secret | revoke-secret`: an account's API secrets at Vonage.
 * Rotation is aws-vault's for Vonage: make, add, prove, store, then revoke the old one.
 */
export function registerAccountSecretsAtVonage(accounts: Command, ctx: CliContext): void {
  accounts
    .command('secrets <account>')
    .description("The account's API secrets at Vonage (ids and dates; Vonage never shows a value)")
    .option('--json', 'print JSON')
    .action(async (account: string, options: { json?: boolean }) => {
      const result = await ctx.call('secrets:list', { account });
      if (options.json) return printJson(result);
      print(
        formatTable(
          ['SECRET ID', 'CREATED', 'KEYDESK'],
          result.secrets.map((s) => [s.id, s.createdAt, s.held ? 'holds this one' : '']),
        ),
      );
      if (!result.heldKnown && result.secrets.length > 1) {
        note(
          'keydesk: Keydesk did not make its stored secret, so it cannot tell which of these it is; after a rotate-secret it knows.',
        );
      }
    });

  accounts
    .command('rotate-secret <account>')
    .description(
      'Make a strong API secret here, add it at Vonage, prove it works, store it, then revoke the old one (asks first: programs using the old secret stop working)',
    )
    .option('--keep-old', 'keep the previous secret working (revoke it later with revoke-secret)')
    .option('--yes', 'do not ask for confirmation')
    .option('--json', 'print JSON')
    .action(
      async (account: string, options: { keepOld?: boolean; yes?: boolean; json?: boolean }) => {
        const rotation = await ctx.call(
          'secrets:rotate',
          { account, ...(options.keepOld ? { keepOld: true } : {}) },
          { confirm: confirmationFor(options.yes, 'rotating a secret') },
        );
        if (options.json) printJson(rotation);
        else note(rotation.message);
        // The new secret is stored and works; the old one was meant to go and did not.
        if (rotation.revokeFailed) exitWith(1);
      },
    );

  accounts
    .command('revoke-secret <account> <secret-id>')
    .description(
      'Revoke one API secret at Vonage (never the one Keydesk holds; asks first: programs using it stop working)',
    )
    .option('--yes', 'do not ask for confirmation')
    .action(async (account: string, id: string, options: { yes?: boolean }) => {
      const result = await ctx.call(
        'secrets:revoke',
        { account, id },
        { confirm: confirmationFor(options.yes, 'revoking a secret') },
      );
      note(result.message);
    });
}
