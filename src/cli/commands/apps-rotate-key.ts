import type { Command } from 'commander';
import type { CliContext } from '../context';
import { note, print, printJson } from '../output';
import { confirmationFor } from '../terminal-input';

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
        const change = await ctx.call(
          'vonage:rotateKey',
          { app: app.id },
          { confirm: confirmationFor(options.yes, 'rotating a key') },
        );
        if (options.json) return printJson(change);
        note(change.message);
        print(`Fingerprint: ${change.application.fingerprint}`);
      },
    );
}
