import type { Command } from 'commander';
import { resolveDataDir } from '../../core/data-dir';
import { secretKinds } from '../../shared/secret-kinds';
import type { CliContext } from '../context';
import { note, print, printJson } from '../output';
import { io, exitWith, homeFolder } from '../cli-io';

export function registerDoctorCommand(program: Command, ctx: CliContext): void {
  program
    .command('doctor')
    .description('Check that the database and the keychain agree; --fix repairs what it safely can')
    .option('--fix', 'delete orphan secrets and remove entries whose secret is gone')
    .option('--json', 'print JSON')
    .action(async (options: { fix?: boolean; json?: boolean }) => {
      const report = await ctx.call('doctor:run', { fix: Boolean(options.fix) });
      const problems =
        report.orphanSecrets.length +
        report.missingSecrets.length +
        report.pendingKeys.length +
        report.pendingSecrets.length +
        report.needsAttention.length;
      if (options.json) printJson(report);
      else {
        // Resolved as the services resolve it: asking system:status would read the keychain again.
        print(`Data folder: ${resolveDataDir(io().env, process.platform, homeFolder())}`);
        print(`Secrets: in ${report.keychain}`);
        if (problems === 0) print('The vault and the keychain agree. Nothing to fix.');
        for (const orphan of report.orphanSecrets) {
          print(`Orphan secret: ${orphan.description} (${orphan.ref})`);
        }
        for (const missing of report.missingSecrets) {
          const what = secretKinds[missing.secret].label;
          print(`Missing secret: ${missing.kind} "${missing.name}" has no ${what} in the keychain`);
        }
        for (const pending of report.pendingKeys) {
          const what = pending.operation === 'rotate' ? 'key rotation' : 'upload of a new key';
          print(
            `Unfinished ${what}: "${pending.name}" (${pending.id}) since ${pending.since}; Keydesk stopped before Vonage answered. --fix asks Vonage which key it has and finishes or undoes it.`,
          );
        }
        for (const pending of report.pendingSecrets) {
          print(
            `Unfinished secret rotation: "${pending.name}" since ${pending.since}; Keydesk stopped before it finished (the stored secret still works). --fix asks Vonage which secret works and keeps it.`,
          );
        }
        for (const repair of report.repairs) print(`Fixed: ${repair}`);
        for (const item of report.needsAttention) print(`Needs you: ${item}`);
        for (const other of report.otherVaults) {
          const entries = `${other.entries} keychain entr${other.entries === 1 ? 'y' : 'ies'}`;
          print(
            other.vaultId
              ? `Left alone: ${entries} of another Keydesk vault (${other.vaultId}, another data folder).`
              : `Left alone: ${entries} from an earlier Keydesk without a vault id.`,
          );
        }
        if (problems > 0 && !options.fix) note('Run "keydesk doctor --fix" to repair.');
      }
      const unresolved = options.fix ? report.needsAttention.length : problems;
      if (unresolved > 0) exitWith(1);
    });
}
