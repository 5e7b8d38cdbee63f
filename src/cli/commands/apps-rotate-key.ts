import type { Command } from 'commander';
import type { CliContext } from '../context';
import { note, print, printJson } from '../output';
import { confirmChange } from '../terminal-input';

/** `keydesk apps rotate-key APP`: a new key pair, the public half written to the dashboard. */
export function registerAppsRotateKey(apps: Command, ctx: CliContext): void {
  apps
    .command('rotate-key <app>')
    .description(
      'Make a new RSA-2048 key pair for the application, write its public half to the dashboard (the application otherwise unchanged) and sign with it from then on. Tokens signed with the previous key stop working.',
    )
    .option('--account <name>', 'the account, when two accounts have an application of that name')
    .option('--yes', 'do not ask for confirmation')
    .option('--json', 'print JSON')
    .action(
      async (appRef: string, options: { account?: string; yes?: boolean; json?: boolean }) => {
        const app = await ctx.resolveApp(appRef, options.account);
        await confirmChange(
          `Rotate the key of "${app.name}" (${app.id}, account "${app.accountName}")? Vonage then refuses tokens signed with the current key.`,
          options.yes,
          'rotating a key',
          'The key was not rotated.',
        );
        const change = await ctx.call('vonage:rotateKey', { app: app.id });
        if (options.json) return printJson(change);
        note(change.message);
        print(`Fingerprint: ${change.application.fingerprint}`);
      },
    );
}
