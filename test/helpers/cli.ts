import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
export const cliPath = join(root, 'bin', 'keydesk.js');

export function assertCliBuilt(): void {
  if (!existsSync(join(root, 'out', 'cli', 'keydesk.cjs'))) {
    throw new Error('The CLI is not built: run "npm run build" (npm test does it first).');
  }
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
    options: { stdin?: string; onSpawn?: (child: ChildProcess) => void } = {},
  ) {
    return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [cliPath, ...args], {
        env: {
          ...process.env,
          KEYDESK_HOME: dataDir,
          KEYDESK_KEYCHAIN_SERVICE: keychainService,
          ...env,
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
