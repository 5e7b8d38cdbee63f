import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { KeydeskError } from '../../shared/errors';
import { git, gitBytes } from './team-git';
import { teamIdOfPath } from './team-files';
import { membersFileName } from './team-members';

type Env = NodeJS.ProcessEnv;

/** A commit as a conflict names it. */
export interface CommitRef {
  commit: string;
  author: string;
  summary: string;
}

/** The branch the folder pulls from and pushes to (`origin/main`), or null when it has none. */
export async function upstreamOf(folder: string, env: Env): Promise<string | null> {
  return git(folder, ['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{u}'], env).then(
    (out) => out.trim() || null,
    () => null,
  );
}

/** git fetch; an unreachable remote is said plainly, with what still works. */
export async function fetchUpstream(folder: string, upstream: string, env: Env): Promise<void> {
  const remote = upstream.split('/')[0] ?? 'origin';
  try {
    await git(folder, ['fetch', '--quiet', remote], env);
  } catch (error) {
    throw new KeydeskError(
      'VALIDATION',
      `Could not reach the team's remote "${remote}" (${(error as Error).message.replace(/^git fetch failed in [^:]*: /, '')}). Your vault works as before; what changed here is kept and goes out with the next sync.`,
    );
  }
}

/** A text or binary file at a commit, or undefined when the commit has no such file. */
export async function fileAt(
  folder: string,
  rev: string,
  path: string,
  env: Env,
): Promise<Buffer | undefined> {
  return gitBytes(folder, ['show', `${rev}:${path}`], env).catch(() => undefined);
}

/** The team ids whose files changed between two commits, and whether the members file did. */
export async function changedBetween(
  folder: string,
  from: string,
  to: string,
  env: Env,
): Promise<{ teamIds: Set<string>; members: boolean }> {
  const out = await git(folder, ['diff', '--name-only', from, to, '--'], env);
  const teamIds = new Set<string>();
  let members = false;
  for (const path of out.split('\n')) {
    const teamId = teamIdOfPath(path);
    if (teamId) teamIds.add(teamId);
    if (path === membersFileName) members = true;
  }
  return { teamIds, members };
}

/** The newest commit of `range` that changed account `teamId` (membership commits passed over). */
export async function lastCommitOf(
  folder: string,
  range: string,
  teamId: string,
  env: Env,
): Promise<CommitRef | undefined> {
  const out = await git(
    folder,
    [
      'log',
      '-1',
      '--format=%h%x1f%an%x1f%s',
      // The commit that changed the account, not one that sealed its file again for members.
      '--invert-grep',
      '--grep=^Keydesk sealed ',
      '--grep= to the team$',
      '--grep= from the team$',
      range,
      '--',
      `accounts/${teamId}.json`,
      `accounts/${teamId}.age`,
    ],
    env,
  );
  const [commit, author = '', summary = ''] = out.trim().split('\x1f');
  return commit ? { commit, author, summary } : undefined;
}

export const commitsAhead = async (folder: string, upstream: string, env: Env) =>
  Number((await git(folder, ['rev-list', '--count', `${upstream}..HEAD`], env)).trim());

/**
 * A sync stopped half-way (killed, the machine off) leaves a rebase under way or files written
 * and not committed. Both are put back to the last commit: what they held is in this vault still
 * (not yet recorded as sent) or in the remote, so the next steps make them again. Returns whether
 * anything was put back.
 */
export async function putBackInterrupted(folder: string, env: Env): Promise<boolean> {
  const gitDir = resolve(folder, (await git(folder, ['rev-parse', '--git-dir'], env)).trim());
  let putBack = false;
  if (existsSync(resolve(gitDir, 'rebase-merge')) || existsSync(resolve(gitDir, 'rebase-apply'))) {
    await git(folder, ['rebase', '--abort'], env);
    putBack = true;
  }
  const status = await git(
    folder,
    ['status', '--porcelain', '--', 'accounts', membersFileName],
    env,
  );
  if (status.trim() !== '') {
    // Keydesk's own paths only: anything else a person keeps in the folder stays as they left it.
    const ours = ['accounts', membersFileName];
    await git(folder, ['reset', '--quiet', 'HEAD', '--', ...ours], env);
    await git(folder, ['checkout', 'HEAD', '--', ...ours], env).catch(() => undefined);
    await git(folder, ['clean', '-fdq', '--', 'accounts'], env);
    putBack = true;
  }
  return putBack;
}

/** Reads the members file as it stands in the working copy (mid-rebase: the merged one). */
export const membersText = (folder: string) =>
  readFileSync(resolve(folder, membersFileName), 'utf8');

/**
 * Who changed what in the team folder, newest first: its git history (reads stay in each
 * engineer's own history; no tool on a client can prove who read a file).
 */
export async function teamLog(folder: string, limit: number, env: Env) {
  const out = await git(
    folder,
    [
      'log',
      `--max-count=${limit}`,
      '--format=%H%x1f%an%x1f%aI%x1f%s',
      '--',
      'accounts',
      membersFileName,
    ],
    env,
  );
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [commit = '', author = '', at = '', summary = ''] = line.split('\x1f');
      return { commit, author, at, summary };
    });
}
