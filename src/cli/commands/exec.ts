import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import {
  environmentFormats,
  environmentVariables,
  type EnvironmentFormat,
} from '../../shared/environment';
import { formatEnvironment } from '../../core/credentials/format-environment';
import { CliError } from '../cli-error';
import { makeExecKeyFolder } from '../exec-key-folder';
import type { CliContext } from '../context';
import { note, printValue } from '../output';
import { runCommand } from '../run-command';
import { startedWithVaultUnlockVariables } from '../vault-unlock-variables';
import {
  chooseSubject,
  defaultAccountScope,
  fromDefaultsSource,
  type FolderDefaults,
} from '../folder-defaults';
import { aclChoice, parseTtl } from './jwt';
import { exitWith, io, runsAsTheProcess } from '../cli-io';

interface CredentialOptions {
  ttl?: number;
  sub?: string;
  aclPreset?: string;
  only?: string;
}

async function mintOptions(options: CredentialOptions, defaults: FolderDefaults | undefined) {
  const acl = await aclChoice({ aclPreset: options.aclPreset ?? defaults?.aclPreset });
  const ttl = options.ttl ?? defaults?.ttlSeconds;
  const sub = options.sub ?? defaults?.sub;
  return {
    ...(ttl !== undefined ? { ttlSeconds: ttl } : {}),
    ...(sub !== undefined ? { sub } : {}),
    ...(acl ? { acl } : {}),
  };
}

function onlyOption(only: string | undefined): { only?: 'jwt' } {
  if (only === undefined) return {};
  if (only !== 'jwt')
    throw new CliError(`--only: "${only}" is not something to pass alone; use --only jwt.`, 2);
  return { only: 'jwt' };
}

/**
 * Runs the command with the credentials in its environment only. The private key goes to a file
 * only the user can read, in a folder of its own (exec-key-folder.ts), removed when the command
 * ends, however it ends (its exit, Ctrl-C, SIGTERM, SIGHUP, SIGQUIT; after a SIGKILL, by the next
 * exec): the command's exit code or signal is passed on. Started with the vault's passphrase or
 * session, keydesk first becomes exec-supervisor.cjs (process.execve), whose first environment is
 * the command's own: the command cannot read them from /proc/$PPID/environ either.
 */
async function runWith(
  command: string[],
  variables: [string, string][],
  ctx: CliContext,
): Promise<number> {
  const [program, ...args] = command;
  if (!program)
    throw new CliError(
      'Give the command to run after --, e.g. keydesk exec APP -- node send.js',
      2,
    );
  const env: NodeJS.ProcessEnv = { ...io().env, ...Object.fromEntries(variables) };
  const pem = variables.find(([name]) => name === environmentVariables.privateKey)?.[1];
  let folder: string | undefined;
  if (pem !== undefined) {
    folder = makeExecKeyFolder();
    const keyPath = join(folder, 'private.key');
    writeFileSync(keyPath, pem, { mode: 0o600, flag: 'wx' });
    env[environmentVariables.privateKeyPath] = keyPath;
  }
  if (
    startedWithVaultUnlockVariables() &&
    runsAsTheProcess() &&
    typeof process.execve === 'function'
  ) {
    ctx.close();
    const supervisor = fileURLToPath(new URL('./exec-supervisor.cjs', import.meta.url));
    process.execve(process.execPath, [process.execPath, supervisor, folder ?? '', ...command], env);
  }
  return runCommand(program, args, env, () => {
    if (folder) rmSync(folder, { recursive: true, force: true });
    folder = undefined;
  });
}

export function registerExecCommands(program: Command, ctx: CliContext): void {
  const credentialOptions = (command: Command) =>
    command
      .option(
        '--ttl <duration>',
        "the JWT's lifetime: seconds (900) or 30s, 15m, 1h, 24h",
        parseTtl,
      )
      .option('--sub <subject>', "the JWT's sub claim")
      .option('--acl-preset <preset>', "the JWT's ACL preset");

  credentialOptions(
    program
      .command('exec [app-or-account] [command...]')
      .description(
        'Run a command with the credentials in its environment only: VONAGE_API_KEY, VONAGE_API_SECRET, VONAGE_SIGNATURE_SECRET (when stored), and for an application VONAGE_APPLICATION_ID, VONAGE_PRIVATE_KEY, VONAGE_APPLICATION_PRIVATE_KEY_PATH (a private file, removed afterwards) and a fresh VONAGE_JWT. Example: keydesk exec "Voice bot" -- node send.js',
      )
      .option('--only <what>', 'pass only this: jwt'),
  ).action(async (given: string | undefined, operands: string[], options: CredentialOptions) => {
    // `keydesk exec -- node send.js` names no application: what commander took for one is the
    // command (everything after -- is the command).
    const { argv } = io();
    const dash = argv.indexOf('--');
    const named = given !== undefined && (dash < 0 || argv.indexOf(given) < dash);
    const command = named || given === undefined ? operands : [given, ...operands];
    const chosen = chooseSubject(named ? given : undefined, 'application or account');
    const { ref, defaults } = chosen;
    if (command.length === 0)
      throw new CliError(
        'Give the command to run after --, e.g. keydesk exec APP -- node send.js',
        2,
      );
    const mint = await mintOptions(options, defaults);
    const result = await fromDefaultsSource(chosen, () =>
      ctx.call('credentials:environment', {
        ref,
        ...defaultAccountScope(chosen),
        purpose: 'exec',
        ...onlyOption(options.only),
        ...mint,
      }),
    );
    if (io().stderr.isTTY) {
      note(
        `keydesk: running ${command[0]} with the credentials of ${result.applicationName ? `"${result.applicationName}" (account "${result.accountName}")` : `account "${result.accountName}"`}`,
      );
    }
    exitWith(await runWith(command, result.variables, ctx));
  });

  credentialOptions(
    program
      .command('env [app-or-account]')
      .description('Print the same variables as exec, for a shell (eval), a .env file or JSON')
      .option('--format <format>', `${environmentFormats.join(', ')} (default shell)`, 'shell')
      .option('--no-secrets', 'only the identifiers: API key and application id'),
  ).action(
    async (
      given: string | undefined,
      options: CredentialOptions & { format: string; secrets: boolean },
    ) => {
      const chosen = chooseSubject(given, 'application or account');
      const { ref, defaults } = chosen;
      const format = environmentFormats.find((f) => f === options.format);
      if (!format)
        throw new CliError(
          `--format: "${options.format}" is not a format; use ${environmentFormats.join(', ')}.`,
          2,
        );
      const mint = await mintOptions(options, defaults);
      const result = await fromDefaultsSource(chosen, () =>
        ctx.call('credentials:environment', {
          ref,
          ...defaultAccountScope(chosen),
          purpose: 'env',
          secrets: options.secrets,
          ...mint,
        }),
      );
      printValue(formatEnvironment(result.variables, format as EnvironmentFormat));
    },
  );
}
