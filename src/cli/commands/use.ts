import type { Command } from 'commander';
import type { CliContext } from '../context';
import { resolve } from 'node:path';
import { CliError } from '../cli-error';
import {
  defaultsFileName,
  nearestDefaultsFile,
  parseDefaultsFile,
  writeDefaultsFile,
} from '../folder-defaults';
import { note, print, terminalSafe } from '../output';
import { recordTrust } from '../trusted-defaults';
import { io } from '../cli-io';

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
      const path = writeDefaultsFile(io().cwd, app.accountName, app.id);
      note(`Wrote ${path}: application "${app.name}" (${app.id}) of account "${app.accountName}".`);
    });
  program
    .command('trust [folder]')
    .description(
      `Let the ${defaultsFileName} of this folder (or the nearest parent) choose defaults: read it first; a changed file needs trusting again`,
    )
    .option('--remove', 'stop trusting it')
    .action((folder: string | undefined, options: { remove?: boolean }) => {
      const found = nearestDefaultsFile(resolve(folder ?? io().cwd));
      if (!found)
        throw new CliError(
          `No ${defaultsFileName} of yours in ${folder ?? 'this folder'} or a parent up to your home folder.`,
        );
      if (options.remove) {
        recordTrust(found.path, undefined);
        return print(`No longer trusting ${found.path}; it chooses nothing until trusted again.`);
      }
      const defaults = parseDefaultsFile(found.path, found.text);
      recordTrust(found.path, found.text);
      const chosen = [
        defaults.account && `account "${defaults.account}"`,
        defaults.application && `application "${defaults.application}"`,
        defaults.ttlSeconds !== undefined && `ttl ${defaults.ttlSeconds} s`,
        defaults.sub && `sub "${defaults.sub}"`,
        defaults.aclPreset && `acl-preset ${defaults.aclPreset}`,
      ].filter(Boolean);
      print(
        terminalSafe(
          `Trusted ${found.path} as it reads now: ${chosen.length ? chosen.join(', ') : 'it sets nothing'}.`,
        ),
      );
    });
}
