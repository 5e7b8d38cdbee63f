import type { Command } from 'commander';
import type { CliContext } from '../context';
import { writeDefaultsFile } from '../folder-defaults';
import { note } from '../output';

/** `keydesk use APP`: this folder's default application (and its account) for jwt, exec and env. */
export function registerUseCommand(program: Command, ctx: CliContext): void {
  program
    .command('use <app>')
    .description(
      "Make an application this folder's default: writes .keydesk here, so keydesk jwt, exec and env need no name (KEYDESK_APP and KEYDESK_ACCOUNT override it)",
    )
    .option('--account <name>', 'the account the application belongs to (two may share a name)')
    .action(async (ref: string, options: { account?: string }) => {
      const app = await ctx.resolveApp(ref, options.account);
      // The id, not the name: a rename later does not break the folder.
      const path = writeDefaultsFile(process.cwd(), app.accountName, app.id);
      note(`Wrote ${path}: application "${app.name}" (${app.id}) of account "${app.accountName}".`);
    });
}
