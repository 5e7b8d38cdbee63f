import { execFile } from 'node:child_process';
import { KeydeskError } from '../../shared/errors';

/**
 * The user's own git, in the team folder: their configuration, their credentials, their remote.
 * Keydesk never runs a sync server of its own. A failure says what git said.
 */
export function git(
  folder: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<string> {
  return run(folder, args, env).then((out) => out.toString('utf8'));
}

/** git's output as bytes (a sealed file at a commit). */
export function gitBytes(
  folder: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<Buffer> {
  return run(folder, args, env);
}

function run(folder: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      ['-C', folder, ...args],
      {
        encoding: 'buffer',
        maxBuffer: 16 * 1024 * 1024,
        // No editor and no prompt: a rebase continues with the message it has, a remote that
        // wants a password fails rather than waiting on a terminal nobody watches.
        env: { ...env, GIT_TERMINAL_PROMPT: '0', GIT_EDITOR: 'true' },
      },
      (error, stdout, stderrBytes) => {
        const stderr = stderrBytes.toString('utf8');
        if (!error) return resolve(stdout);
        const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
        reject(
          new KeydeskError(
            'VALIDATION',
            missing
              ? 'git is not installed (or not on PATH): a team folder is a git repository; install git and try again.'
              : `git ${args[0] ?? ''} failed in ${folder}: ${stderr.trim() || error.message}`,
          ),
        );
      },
    );
  });
}

/** Commits what `paths` changed, with `message`; nothing to commit is not an error. */
export async function commit(
  folder: string,
  paths: readonly string[],
  message: string,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  await git(folder, ['add', '--all', '--', ...paths], env);
  const staged = await git(folder, ['diff', '--cached', '--name-only', '--', ...paths], env);
  if (staged.trim() === '') return;
  // Only these paths: whatever else the person has staged in the folder is theirs to commit.
  await git(folder, ['commit', '--quiet', '--no-verify', '-m', message, '--', ...paths], env);
}
