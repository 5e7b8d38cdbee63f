import type { Command } from 'commander';
import { basicAuthHeader } from '../../core/clipboard/copy-formats';
import type { CliContext } from '../context';
import { note, printValue } from '../output';
import { io } from '../cli-io';

/**
 * `keydesk accounts secret NAME [--basic]`: the API secret, or a ready Basic header, alone on
 * stdout for a pipe. A reveal, recorded in the history like the app's.
 */
export function registerAccountSecret(accounts: Command, ctx: CliContext): void {
  accounts
    .command('secret <name>')
    .description(
      'Print the API secret (or with --basic an "Authorization: Basic …" header) alone on stdout, for a pipe; recorded in the history',
    )
    .option('--basic', 'print a ready Authorization: Basic header instead')
    .option('--signature', 'print the signature secret instead')
    .action(async (ref: string, options: { basic?: boolean; signature?: boolean }) => {
      const account = await ctx.resolveAccount(ref);
      const which = options.signature ? 'signatureSecret' : 'apiSecret';
      const { value } = await ctx.call('accounts:revealSecret', { id: account.id, which });
      printValue(options.basic ? basicAuthHeader(account.apiKey, value) : value);
      if (io().stdout.isTTY)
        note('keydesk: that secret is now on your screen and in your scrollback.');
    });
}
