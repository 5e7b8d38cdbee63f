import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertFreshBuild } from './built';

const root = join(import.meta.dirname, '..', '..');
export const cliPath = join(root, 'bin', 'keydesk.cjs');

export function assertCliBuilt(): void {
  if (!existsSync(join(root, 'out', 'cli', 'keydesk.cjs'))) {
    throw new Error('The CLI is not built: run "npm run build" (npm test does it first).');
  }
  assertFreshBuild();
}

/** Runs the built `keydesk` as a user would, against one data folder and keychain service. */
export function cliRunner(dataDir: string, keychainService: string) {
  return function keydesk(
    args: string[],
    options: { stdin?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {},
  ) {
    const result = spawnSync(process.execPath, [cliPath, ...args], {
      input: options.stdin ?? '',
      ...(options.cwd ? { cwd: options.cwd } : {}),
      encoding: 'utf8',
      timeout: 20_000,
      env: {
        ...process.env,
        KEYDESK_HOME: dataDir,
        KEYDESK_KEYCHAIN_SERVICE: keychainService,
        ...options.env,
      },
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
}

/**
 * The same, without blocking this process: for a CLI that talks to a server running in the test
 * process itself (spawnSync would stop the server from answering).
 */
export function cliRunnerAsync(
  dataDir: string,
  keychainService: string,
  env: NodeJS.ProcessEnv = {},
) {
  return function keydesk(
    args: string[],
    options: {
      stdin?: string;
      env?: NodeJS.ProcessEnv;
      onSpawn?: (child: ChildProcess) => void;
    } = {},
  ) {
    return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [cliPath, ...args], {
        env: {
          ...process.env,
          KEYDESK_HOME: dataDir,
          KEYDESK_KEYCHAIN_SERVICE: keychainService,
          ...env,
          ...options.env,
        },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
      child.stdin.end(options.stdin ?? '');
      options.onSpawn?.(child);
    });
  };
}

type CliResult = { code: number | null; stderr: string };
type CliRun = (args: string[], options?: { stdin?: string }) => CliResult | Promise<CliResult>;

export interface CliSeed {
  accounts: { name: string; apiKey: string; secret: string }[];
  /** Each with its private key, written to a key file in `folder` as a user would have it. */
  apps?: { account: string; id: string; name: string; pem: string }[];
}

/**
 * Stores accounts and applications the way a user does (`accounts add` with the secret on
 * stdin, `apps add --key-file`); a step that fails stops the test with keydesk's own message.
 */
export async function seedWithCli(keydesk: CliRun, folder: string, seed: CliSeed): Promise<void> {
  const must = async (args: string[], stdin?: string) => {
    const result = await keydesk(args, stdin === undefined ? {} : { stdin });
    if (result.code !== 0) {
      throw new Error(`keydesk ${args.join(' ')} failed (${result.code}): ${result.stderr}`);
    }
  };
  for (const { name, apiKey, secret } of seed.accounts) {
    await must(['accounts', 'add', '--name', name, '--api-key', apiKey], secret);
  }
  for (const { account, id, name, pem } of seed.apps ?? []) {
    const keyFile = join(folder, `${id}.key`);
    writeFileSync(keyFile, pem);
    await must([
      'apps',
      'add',
      '--account',
      account,
      '--id',
      id,
      '--name',
      name,
      '--key-file',
      keyFile,
    ]);
  }
}
