import type { Command } from 'commander';
import { CliError } from '../cli-error';
import type { CliContext } from '../context';
import { note, print, printJson } from '../output';
import { promptHidden, readSecret } from '../terminal-input';
import { io } from '../cli-io';

/** `keydesk keychain migrate --to file|os`: every secret of this vault moved, checked, then removed. */
export function registerKeychainCommands(program: Command, ctx: CliContext): void {
  const keychain = program
    .command('keychain')
    .description('Where secrets live: the OS keychain or the encrypted vault file');
  keychain
    .command('migrate')
    .description(
      'Move every secret of this vault to the other keychain: copied, read back, then removed from the old one',
    )
    .requiredOption('--to <keychain>', 'file (the encrypted vault file) or os (the OS keychain)')
    .option('--json', 'print JSON')
    .action(async (options: { to: string; json?: boolean }) => {
      const to = options.to.trim().toLowerCase();
      if (to !== 'file' && to !== 'os')
        throw new CliError(`--to: "${options.to}" is not a keychain; use --to file or --to os.`);
      const result = await ctx.call('keychain:migrate', { to });
      if (options.json) return printJson(result);
      print(
        `Moved ${result.moved} secret${result.moved === 1 ? '' : 's'} to ${result.where}; Keydesk uses it from now on.`,
      );
      for (const ref of result.leftBehind)
        note(
          `keydesk: the old copy of ${ref} could not be removed from the ${result.from === 'os' ? 'OS keychain' : 'vault file'}; remove it there by hand (the moved one is in use).`,
        );
      const forced = io().env.KEYDESK_KEYCHAIN?.trim().toLowerCase();
      if (forced && forced !== 'auto' && forced !== to)
        note(`keydesk: KEYDESK_KEYCHAIN=${forced} is set and still wins where it is set.`);
    });
  keychain
    .command('passphrase')
    .description(
      'Give the vault file a new passphrase and a new file key: old copies and unlock sessions open nothing written after',
    )
    .action(async () => {
      let current: string | undefined;
      let passphrase: string;
      if (io().stdin.isTTY) {
        current = await promptHidden('Current passphrase: ');
        passphrase = await promptHidden('New passphrase: ');
        if ((await promptHidden('Type it again: ')) !== passphrase)
          throw new CliError('The two new passphrases differ; the passphrase was not changed.');
      } else {
        // The current one comes as for every command (KEYDESK_PASSPHRASE_FILE…); the new on stdin.
        passphrase = await readSecret(
          'new passphrase',
          'Pipe the new passphrase in, e.g. keydesk keychain passphrase < new-passphrase-file.',
        );
      }
      const changed = await ctx.call('keychain:changePassphrase', {
        passphrase,
        ...(current === undefined ? {} : { current }),
      });
      print(
        `The vault file ${changed.path} has a new passphrase and file key; backups made before it still open with the old passphrase.`,
      );
      if (changed.endedSessions)
        note(
          `keydesk: ended ${changed.endedSessions} unlock session(s); run eval "$(keydesk unlock)" again.`,
        );
    });
}
