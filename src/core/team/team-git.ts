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
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      ['-C', folder, ...args],
      { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, env: { ...env, GIT_TERMINAL_PROMPT: '0' } },
      (error, stdout, stderr) => {
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
  const staged = await git(folder, ['diff', '--cached', '--name-only'], env);
  if (staged.trim() === '') return;
  await git(folder, ['commit', '--quiet', '--no-verify', '-m', message], env);
}
