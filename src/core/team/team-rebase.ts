import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KeydeskError } from '../../shared/errors';
import { teamIdOfPath } from './team-files';
import { git } from './team-git';
import {
  membersFileName,
  mergeMembers,
  parseMembers,
  serialiseMembers,
  type TeamMember,
} from './team-members';
import { openPayload, payloadDigest } from './team-payload';
import { changedBetween, fileAt, lastCommitOf, type CommitRef } from './team-sync-git';

type Env = NodeJS.ProcessEnv;
export type Side = 'mine' | 'theirs';

/** An account changed here and by a teammate, differently: nothing of it moves until one is chosen. */
export interface RebaseConflict {
  teamId: string;
  mine?: CommitRef;
  theirs?: CommitRef;
}

/** How this folder's commits go on top of the team's: which side each account shared by both keeps. */
export interface RebasePlan {
  upstream: string;
  sides: Map<string, Side>;
  conflicts: RebaseConflict[];
  /** Both sides changed the members file: the merged list the rebase writes. */
  members?: TeamMember[];
  /** Files sealed to a membership the other side changed: sealed again after the rebase. */
  reseal: Set<string>;
}

async function digestAt(
  folder: string,
  rev: string,
  teamId: string,
  identity: string,
  env: Env,
): Promise<string> {
  const base = `accounts/${teamId}`;
  const [plain, sealed] = await Promise.all([
    fileAt(folder, rev, `${base}.json`, env),
    fileAt(folder, rev, `${base}.age`, env),
  ]);
  if (!plain || !sealed) return 'not shared';
  try {
    return payloadDigest(
      identity,
      await openPayload(plain.toString('utf8'), sealed, identity, join(folder, base)),
    );
  } catch {
    return `unreadable at ${rev}`;
  }
}

async function membersAt(folder: string, rev: string, env: Env): Promise<TeamMember[]> {
  const text = await fileAt(folder, rev, membersFileName, env);
  return text ? parseMembers(text.toString('utf8'), `${membersFileName} at ${rev}`) : [];
}

/**
 * Compares what each account holds at the last common commit, here and upstream: an account only
 * one side really changed takes that side (a file sealed again for a new member is no change),
 * the same change on both is no conflict, and two different changes are a conflict unless the
 * person chose a side for it.
 */
export async function planRebase(
  folder: string,
  upstream: string,
  identity: string,
  chosen: (teamId: string) => Side | undefined,
  env: Env,
): Promise<RebasePlan> {
  const base = (await git(folder, ['merge-base', 'HEAD', upstream], env)).trim();
  const ours = await changedBetween(folder, base, 'HEAD', env);
  const theirs = await changedBetween(folder, base, upstream, env);
  const plan: RebasePlan = { upstream, sides: new Map(), conflicts: [], reseal: new Set() };
  for (const teamId of ours.teamIds) {
    if (!theirs.teamIds.has(teamId)) continue;
    const [atBase, mine, team] = await Promise.all(
      [base, 'HEAD', upstream].map((rev) => digestAt(folder, rev, teamId, identity, env)),
    );
    const side: Side | undefined =
      mine === team || mine === atBase ? 'theirs' : team === atBase ? 'mine' : chosen(teamId);
    if (side) plan.sides.set(teamId, side);
    else
      plan.conflicts.push({
        teamId,
        ...(await namedCommits(folder, base, upstream, teamId, env)),
      });
  }
  if (ours.members && theirs.members) {
    plan.members = mergeMembers(
      await membersAt(folder, base, env),
      await membersAt(folder, 'HEAD', env),
      await membersAt(folder, upstream, env),
    );
  }
  if (theirs.members) for (const id of ours.teamIds) plan.reseal.add(id);
  if (ours.members) for (const id of theirs.teamIds) plan.reseal.add(id);
  return plan;
}

async function namedCommits(
  folder: string,
  base: string,
  upstream: string,
  teamId: string,
  env: Env,
) {
  const mine = await lastCommitOf(folder, `${base}..HEAD`, teamId, env);
  const theirs = await lastCommitOf(folder, `${base}..${upstream}`, teamId, env);
  return { ...(mine ? { mine } : {}), ...(theirs ? { theirs } : {}) };
}

const succeeded = (run: Promise<unknown>) =>
  run.then(
    () => true,
    () => false,
  );
/** The error a git step stopped with, or undefined when it went through. */
const failure = (run: Promise<unknown>) =>
  run.then(
    () => undefined,
    (error: Error) => error,
  );

/**
 * `git rebase <upstream>`, each stop settled by the plan: an account's two files both from the
 * side chosen for it, the members file merged. A stop the plan does not cover aborts the rebase
 * (the folder is as it was) and says which files.
 */
export async function rebaseOnto(folder: string, plan: RebasePlan, env: Env): Promise<void> {
  // --autostash: a file of the person's own, changed and not committed, waits aside meanwhile.
  let stopped = await failure(
    git(folder, ['rebase', '--quiet', '--autostash', plan.upstream], env),
  );
  while (stopped) {
    const conflicted = (await git(folder, ['diff', '--name-only', '--diff-filter=U'], env))
      .split('\n')
      .filter(Boolean);
    const unsettled = conflicted.filter((path) => !settledByPlan(path, plan));
    if (conflicted.length === 0 || unsettled.length > 0) {
      await git(folder, ['rebase', '--abort'], env).catch(() => undefined);
      throw new KeydeskError(
        'CONFLICT',
        `The team's changes could not be put together with yours (${unsettled.length ? unsettled.join(', ') : stopped.message}); the team folder is as it was before this sync.`,
      );
    }
    const teamIds = new Set(conflicted.map(teamIdOfPath));
    if (conflicted.includes(membersFileName)) await settle(folder, membersFileName, plan, env);
    for (const teamId of teamIds)
      if (teamId) await settle(folder, `accounts/${teamId}.age`, plan, env);
    const staged = !(await succeeded(git(folder, ['diff', '--cached', '--quiet'], env)));
    stopped = await failure(git(folder, ['rebase', staged ? '--continue' : '--skip'], env));
  }
}

function settledByPlan(path: string, plan: RebasePlan): boolean {
  if (path === membersFileName) return plan.members !== undefined;
  const teamId = teamIdOfPath(path);
  return teamId !== undefined && plan.sides.has(teamId);
}

async function settle(folder: string, path: string, plan: RebasePlan, env: Env): Promise<void> {
  if (path === membersFileName && plan.members) {
    writeFileSync(join(folder, membersFileName), serialiseMembers(plan.members));
    await git(folder, ['add', '--', membersFileName], env);
    return;
  }
  const teamId = teamIdOfPath(path) ?? '';
  // Mid-rebase, HEAD is the team's branch so far and REBASE_HEAD the commit of mine being
  // replayed. Both files come from the same side, even where git merged the plain one by lines.
  const from = plan.sides.get(teamId) === 'mine' ? 'REBASE_HEAD' : 'HEAD';
  for (const file of [`accounts/${teamId}.json`, `accounts/${teamId}.age`]) {
    const taken = await succeeded(git(folder, ['checkout', from, '--', file], env));
    if (taken) await git(folder, ['add', '--', file], env);
    else await git(folder, ['rm', '--quiet', '--force', '--ignore-unmatch', '--', file], env);
  }
}
