import { resolve } from 'node:path';
import type { Command } from 'commander';
import { limits } from '../../shared/limits';
import type { KeySource } from '../../shared/vault-schemas';
import { readRegularFile } from '../../core/files/read-regular-file';
import { CliError } from '../cli-error';
import type { CliContext } from '../context';
import { registerAppEdit } from './app-edit';
import { registerAppsRotateKey } from './apps-rotate-key';
import { registerAppsCreate } from './apps-create';
import { registerAppsSync } from './apps-sync';
import { formatTable, note, print, printJson } from '../output';
import { confirmRemoval, readSecret, readStdin } from '../terminal-input';
import { io } from '../cli-io';

interface AddOptions {
  account: string;
  id: string;
  name: string;
  keyFile?: string;
  keyStdin?: boolean;
  generateKey?: boolean;
  upload?: boolean;
  json?: boolean;
}

export function registerAppCommands(program: Command, ctx: CliContext): void {
  const apps = program.command('apps').description('Vonage applications and their private keys');

  apps
    .command('add')
    .description('Add an application with its private key (from a file, stdin, or a new key pair)')
    .requiredOption('--account <name>', 'the account the application belongs to')
    .requiredOption('--id <app-id>', 'the Vonage application id (a UUID)')
    .requiredOption('--name <name>', 'a name for the application')
    .option('--key-file <path>', 'read the private key from this file')
    .option('--key-stdin', 'read the private key from stdin')
    .option('--generate-key', 'generate a new RSA key pair and print the public key')
    .option(
      '--upload',
      'with --generate-key: write the new public key to the application in the dashboard (which must have it), so it works at once',
    )
    .option('--json', 'print JSON')
    .action(async (options: AddOptions) => {
      const sources = [options.keyFile, options.keyStdin, options.generateKey].filter(Boolean);
      if (sources.length !== 1) {
        throw new CliError(
          'Give exactly one of --key-file PATH, --key-stdin or --generate-key.',
          2,
        );
      }
      if (options.upload && !options.generateKey) {
        throw new CliError(
          "--upload sends a new key pair's public half: use it with --generate-key.",
          2,
        );
      }
      if (options.upload) {
        // The command line itself is the confirmation: --generate-key --upload says what it does.
        const change = await ctx.call(
          'vonage:addApplication',
          { account: options.account, id: options.id, name: options.name },
          { confirm: async () => true },
        );
        if (options.json) return printJson(change);
        note(change.message);
        print(`Fingerprint: ${change.application.fingerprint}`);
        return;
      }
      const account = await ctx.resolveAccount(options.account);
      if (options.keyStdin && io().stdin.isTTY) {
        note('Paste the private key, then press Ctrl-D on a line of its own:');
      }
      const key: KeySource = options.generateKey
        ? { kind: 'generate' }
        : {
            kind: 'pem',
            pem: options.keyFile ? await readKeyFile(options.keyFile) : await readStdin(),
          };
      // Asked before the one create, so the history records one event with the real outcome.
      if (key.kind === 'pem' && (await isEncrypted(ctx, key.pem))) {
        if (options.keyStdin && !io().stdin.isTTY) {
          throw new CliError(
            'The private key is encrypted and stdin already carried it: pass the key with --key-file PATH and pipe the passphrase on stdin (printf %s "$PASSPHRASE" | keydesk apps add ... --key-file key.pem).',
          );
        }
        key.passphrase = await readSecret(
          'Key passphrase',
          'The key is encrypted: pipe its passphrase on stdin (printf %s "$PASSPHRASE" | keydesk apps add ... --key-file key.pem).',
        );
      }
      const app = await ctx.call('apps:create', {
        accountId: account.id,
        id: options.id,
        name: options.name,
        key,
      });
      if (options.json) return printJson(app);
      note(`Added application "${app.name}" (${app.id}) to account "${app.accountName}".`);
      note(`Key: RSA-${app.keyBits}, fingerprint ${app.fingerprint}`);
      if (options.generateKey) {
        note(
          'Paste this public key into the application in the Vonage dashboard (Edit > Authentication):',
        );
        print(app.publicKeyPem.trimEnd());
      }
    });

  apps
    .command('list')
    .description('List applications')
    .option('--account <name>', 'only the applications of this account')
    .option('--json', 'print JSON')
    .action(async (options: { account?: string; json?: boolean }) => {
      const accountId = options.account
        ? (await ctx.resolveAccount(options.account)).id
        : undefined;
      const list = await ctx.call('apps:list', { accountId });
      if (options.json) return printJson(list);
      if (list.length === 0) {
        return note(
          'No applications yet. Add one with: keydesk apps add --account NAME --id APP_ID --name NAME --key-file private.key',
        );
      }
      print(
        formatTable(
          ['APPLICATION ID', 'NAME', 'ACCOUNT', 'KEY FINGERPRINT'],
          list.map((a) => [a.id, a.name, a.accountName, a.fingerprint]),
        ),
      );
    });

  apps
    .command('show <app>')
    .description('Show an application (by id or name)')
    .option('--json', 'print JSON')
    .action(async (appRef: string, options: { json?: boolean }) => {
      const app = await ctx.resolveApp(appRef);
      if (options.json) return printJson(app);
      const defaults = app.jwtDefaults;
      const ttl = defaults.ttlSeconds ?? (await ctx.call('settings:get', {})).defaultTtlSeconds;
      print(
        [
          `Application id:  ${app.id}`,
          `Name:            ${app.name}`,
          `Account:         ${app.accountName}`,
          `Key:             RSA-${app.keyBits}, private key in the keychain`,
          `Fingerprint:     ${app.fingerprint}`,
          ...(app.dashboard
            ? [
                `Dashboard:       "${app.dashboard.name}" (${app.dashboard.capabilities.join(', ') || 'no capabilities'}; synced ${app.dashboard.syncedAt})`,
              ]
            : []),
          `JWT defaults:    ttl ${ttl} s${defaults.ttlSeconds === undefined ? ' (from the settings)' : ''}${defaults.sub ? `, sub ${defaults.sub}` : ''}${defaults.acl ? `, ACL ${defaults.acl.kind === 'preset' ? defaults.acl.preset : 'custom'}` : ''}`,
          `Created:         ${app.createdAt}`,
          `Updated:         ${app.updatedAt}`,
        ].join('\n'),
      );
    });

  apps
    .command('public-key <app>')
    .description("Print an application's public key (PEM), to paste into the dashboard")
    .action(async (appRef: string) => {
      print((await ctx.resolveApp(appRef)).publicKeyPem.trimEnd());
    });

  registerAppEdit(apps, ctx);
  registerAppsSync(apps, ctx);
  registerAppsRotateKey(apps, ctx);
  registerAppsCreate(apps, ctx);

  apps
    .command('remove <app>')
    .description('Remove an application and its private key')
    .option('--yes', 'do not ask for confirmation')
    .action(async (appRef: string, options: { yes?: boolean }) => {
      const app = await ctx.resolveApp(appRef);
      await confirmRemoval(
        `Remove application "${app.name}" (${app.id}) and its private key from the keychain?`,
        options.yes,
      );
      await ctx.call('apps:remove', { id: app.id });
      note(`Removed application "${app.name}" (${app.id}).`);
    });
}

async function isEncrypted(ctx: CliContext, pem: string): Promise<boolean> {
  try {
    await ctx.call('keys:inspect', { pem });
    return false;
  } catch (error) {
    if (error instanceof CliError && error.shape?.code === 'KEY_ENCRYPTED') return true;
    // Any other problem with the key is reported by the create itself, in the history too.
    return false;
  }
}

/** A key file named on the command line: a regular file, size-capped, never through a link. */
function readKeyFile(path: string): Promise<string> {
  return readRegularFile(resolve(path), limits.pem, 'a private key', 'key');
}
