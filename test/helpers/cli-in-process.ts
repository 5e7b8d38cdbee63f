import { Readable } from 'node:stream';
import { allCommands } from '../../src/cli/all-commands';
import { runCli } from '../../src/cli/run-cli';
import type { CliIo } from '../../src/cli/cli-io';
import { createMemoryKeychain } from '../../src/core/keychain/memory-keychain';
import { keychainOpener, type KeychainOpener } from '../../src/core/services';

/**
 * `keydesk` as a unit: the CLI's own code (src/cli, not the bundle) run in this process with an io
 * of its own (stdin given, stdout and stderr read back, never a terminal) and its secrets in a
 * keychain in memory, kept across the runs of one data folder as the OS keychain would keep them.
 * The spawn suite (helpers/cli.ts) keeps the bundle, the launcher and the real keychains honest.
 */
export function cliInProcess(dataDir: string, env: NodeJS.ProcessEnv = {}) {
  const memory = createMemoryKeychain();
  const opener: KeychainOpener = (backend, settings) =>
    backend === 'os' ? memory : keychainOpener({}, dataDir)(backend, settings);
  // The machine's own Keydesk variables (a test project's KEYDESK_KEYCHAIN) are not this run's.
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('KEYDESK_')),
  );
  const keydesk = async function keydesk(
    args: string[],
    options: { stdin?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {},
  ): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const io: CliIo = {
      stdin: Readable.from([Buffer.from(options.stdin ?? '')]),
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      env: { ...base, KEYDESK_HOME: dataDir, ...env, ...options.env },
      cwd: options.cwd ?? process.cwd(),
      argv: ['node', 'keydesk', ...args],
      exitCode: 0,
    };
    const code = await runCli(io.argv, io, {
      commands: Object.values(allCommands),
      keychain: opener,
    });
    return { code, stdout, stderr };
  };
  /** The keychain the runs share, to look at what they stored. */
  return Object.assign(keydesk, { keychain: memory });
}
