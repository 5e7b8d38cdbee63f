import type { Command } from 'commander';
import type { CliContext } from '../context';
import { formatTable, print, printJson } from '../output';

/** `keydesk apps sync ACCOUNT`: the dashboard's applications against the vault. */
export function registerAppsSync(apps: Command, ctx: CliContext): void {
  apps
    .command('sync <account>')
    .description(
      "Compare an account's applications in the dashboard with the vault: stored (and whether the key matches), missing (dashboard only), deleted (Keydesk only). Keeps the dashboard's name and capabilities beside each stored one; changes nothing else.",
    )
    .option('--json', 'print JSON')
    .action(async (account: string, options: { json?: boolean }) => {
      const result = await ctx.call('vonage:sync', { account });
      if (options.json) return printJson(result);
      print(
        formatTable(
          ['APPLICATION ID', 'NAME', 'STATE', 'KEY', 'DASHBOARD NAME', 'CAPABILITIES'],
          result.applications.map((a) => [
            a.id,
            a.name,
            a.state,
            a.keyMatches === undefined ? '' : a.keyMatches ? 'matches' : 'DIFFERS',
            a.dashboardName ?? '',
            (a.capabilities ?? []).join(', '),
          ]),
        ),
      );
    });
}
