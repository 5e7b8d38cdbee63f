import type Database from 'better-sqlite3';
import { KeydeskError } from '../../shared/errors';
import type { Vault } from '../vault/vault';
import {
  accountRevision,
  forgetTeamAccount,
  markImporting,
  saveTeamAccountRow,
  teamAccountRows,
  type TeamAccountRow,
} from './team-account-rows';
import { updateFromTeam } from './team-apply';
import { commit, git } from './team-git';
import { importSharedAccounts } from './team-import';
import { membersFileName, parseMembers, readMembers } from './team-members';
import {
  folderFilesHash,
  folderPayload,
  localPayload,
  payloadDigest,
  writePayload,
  type TeamPayload,
} from './team-payload';
import { accountFileBase } from './team-files';
import { planRebase, rebaseOnto, type Side } from './team-rebase';
import { resealFiles } from './team-sealing';
import {
  commitsAhead,
  fetchUpstream,
  fileAt,
  lastCommitOf,
  putBackInterrupted,
  upstreamOf,
  type CommitRef,
} from './team-sync-git';

export interface SyncConflict {
  account: string;
  /** Where this side's change is: a commit of this folder, or this vault (not yet committed). */
  mine: CommitRef | 'this vault';
  theirs?: CommitRef;
}

export interface SyncResult {
  folder: string;
  /** The branch pulled from and pushed to; null when the folder has no remote yet. */
  upstream: string | null;
  sent: string[];
  received: string[];
  added: string[];
  /** Shared no more (a member unshared them): kept in this vault, as they were. */
  unshared: string[];
  conflicts: SyncConflict[];
  pushed: number;
  /** A sync stopped half-way was found and put back first. */
  putBack: boolean;
}

export interface SyncDeps {
  db: Database.Database;
  vault: Vault;
  env: NodeJS.ProcessEnv;
  now: () => Date;
  folder: string;
  memberName: string;
  identity: string;
  /** This engineer's age recipient (their identity's public half). */
  recipient: string;
}

/** Choices the person made for conflicts, by team id. */
export interface SyncChoices {
  mine: ReadonlySet<string>;
  theirs: ReadonlySet<string>;
}

/**
 * `keydesk team sync`: this vault's changes to shared accounts committed, the team's pulled
 * (rebased), the team's changes brought into this vault, and pushed. Each account's last agreed
 * state on both sides (team_account) tells a change made here from one made by a teammate, so
 * neither overwrites the other: both at once is a conflict, named, until a side is chosen.
 */
export async function syncTeam(deps: SyncDeps, choices: SyncChoices): Promise<SyncResult> {
  const { folder, env } = deps;
  const putBack = await putBackInterrupted(folder, env);
  const chosen = (teamId: string): Side | undefined =>
    choices.mine.has(teamId) ? 'mine' : choices.theirs.has(teamId) ? 'theirs' : undefined;
  const result: SyncResult = {
    folder,
    upstream: await upstreamOf(folder, env),
    sent: [],
    received: [],
    added: [],
    unshared: [],
    conflicts: [],
    pushed: 0,
    putBack,
  };
  const sides = await readLocalSides(deps);
  await sendLocalChanges(deps, chosen, result, sides);
  if (result.upstream) {
    for (let attempt = 1; ; attempt++) {
      await fetchUpstream(folder, result.upstream, env);
      await stillAMember(deps, result.upstream);
      const plan = await planRebase(folder, result.upstream, deps.identity, chosen, env);
      for (const conflict of plan.conflicts)
        result.conflicts.push({
          account: nameOf(deps, conflict.teamId),
          mine: conflict.mine ?? 'this vault',
          ...(conflict.theirs ? { theirs: conflict.theirs } : {}),
        });
      if (plan.conflicts.length > 0) break;
      await rebaseOnto(folder, plan, env);
      await resealFor(deps, plan.reseal);
      const ahead = await commitsAhead(folder, result.upstream, env);
      if (ahead === 0) break;
      const pushed = await git(folder, ['push', '--quiet'], env).then(
        () => true,
        (error: Error) => {
          // Someone pushed between the fetch and the push: fetch and put ours on top again.
          if (attempt < 3 && /rejected|fetch first|non-fast-forward/i.test(error.message))
            return false;
          throw new KeydeskError(
            'VALIDATION',
            `Could not push to the team's remote (${error.message}). Your changes are committed in ${folder} and go out with the next sync.`,
          );
        },
      );
      if (pushed) {
        result.pushed = ahead;
        break;
      }
    }
  }
  await receiveTeamChanges(deps, chosen, result, sides);
  // A change committed here but held back by a conflict has not gone to the team.
  const held = new Set(result.conflicts.map((c) => c.account));
  result.sent = result.sent.filter((name) => !held.has(name));
  for (const list of [result.sent, result.received, result.added, result.unshared])
    list.sort((a, b) => a.localeCompare(b, 'en'));
  return result;
}

/** A member removed by the team is told so, before anything of the team's comes in. */
async function stillAMember({ folder, env, recipient }: SyncDeps, upstream: string) {
  const text = await fileAt(folder, upstream, membersFileName, env);
  if (
    !text ||
    parseMembers(text.toString('utf8'), membersFileName).some((m) => m.recipient === recipient)
  )
    return;
  throw new KeydeskError(
    'NOT_FOUND',
    `You are not a member of the team any more: the members file of ${upstream} no longer has your recipient. Your vault keeps the accounts it has; nothing was pulled or pushed.`,
  );
}

function nameOf({ db, vault }: SyncDeps, teamId: string): string {
  const row = teamAccountRows(db).find((r) => r.teamId === teamId);
  return (row?.accountId && vault.accounts.find(row.accountId)?.name) || teamId;
}

/** The local payload under the team's name for it (an account renamed "X (team)" on import). */
function asShared(local: TeamPayload, inFolder: TeamPayload | undefined): TeamPayload {
  if (!inFolder || local.plain.name !== `${inFolder.plain.name} (team)`) return local;
  return { ...local, plain: { ...local.plain, name: inFolder.plain.name } };
}

/** Each shared account's side here, read once a sync (its secrets come from the keychain). */
interface LocalSide {
  payload: TeamPayload;
  digest: string;
  /** The account's revision, read before the payload: a change meanwhile moves it again. */
  revision: number | null;
}
/** By team id; 'unchanged': the account's revision is the one its last digest was taken at. */
type LocalSides = Map<string, LocalSide | 'unchanged'>;

/** An account's side here: its revision first, so a change while it is read moves it again. */
async function readSide(
  { db, vault, identity }: SyncDeps,
  accountId: string,
  teamId: string,
): Promise<LocalSide> {
  const revision = accountRevision(db, accountId);
  const payload = await localPayload(vault, accountId, teamId);
  return { payload, digest: payloadDigest(identity, payload), revision };
}

/** A few at a time: an OS keychain answers each read over D-Bus, and waiting is most of it. */
async function readLocalSides(deps: SyncDeps): Promise<LocalSides> {
  const { db, vault } = deps;
  const sides: LocalSides = new Map();
  const rows = teamAccountRows(db).filter((r) => r.accountId && vault.accounts.find(r.accountId));
  for (let start = 0; start < rows.length; start += 8) {
    await Promise.all(
      rows.slice(start, start + 8).map(async (row) => {
        const accountId = row.accountId ?? '';
        const revision = accountRevision(db, accountId);
        if (row.localDigest !== null && revision !== null && row.localRevision === revision)
          return sides.set(row.teamId, 'unchanged');
        sides.set(row.teamId, await readSide(deps, accountId, row.teamId));
      }),
    );
  }
  return sides;
}

async function sendLocalChanges(
  deps: SyncDeps,
  chosen: (teamId: string) => Side | undefined,
  result: SyncResult,
  sides: LocalSides,
): Promise<void> {
  const { db, folder, identity, env, now } = deps;
  const members = readMembers(folder);
  for (const row of teamAccountRows(db)) {
    const side = sides.get(row.teamId);
    if (!side || side === 'unchanged' || row.importingDigest) continue;
    const { payload: local, digest: localDigest, revision: localRevision } = side;
    if (localDigest === row.localDigest) continue;
    const inFolder = await folderPayload(folder, row.teamId, identity, members.length);
    if (!inFolder) continue;
    const folderDigest = payloadDigest(identity, inFolder);
    const shared = asShared(local, inFolder);
    if (payloadDigest(identity, shared) === folderDigest) {
      saveTeamAccountRow(
        db,
        {
          ...row,
          localDigest,
          folderDigest,
          folderFiles: folderFilesHash(folder, row.teamId) ?? null,
        },
        now().toISOString(),
      );
      continue;
    }
    const teamChanged = row.folderDigest === null || folderDigest !== row.folderDigest;
    if (teamChanged && chosen(row.teamId) !== 'mine') continue;
    await writePayload(
      folder,
      shared,
      members.map((m) => m.recipient),
    );
    await commit(
      folder,
      ['accounts'],
      `${deps.memberName} changed "${shared.plain.name}" (${shared.plain.apiKey})`,
      env,
    );
    saveTeamAccountRow(
      db,
      {
        ...row,
        localDigest,
        localRevision,
        folderDigest: payloadDigest(identity, shared),
        folderFiles: folderFilesHash(folder, row.teamId) ?? null,
      },
      now().toISOString(),
    );
    result.sent.push(local.plain.name);
  }
}

async function receiveTeamChanges(
  deps: SyncDeps,
  chosen: (teamId: string) => Side | undefined,
  result: SyncResult,
  sides: LocalSides,
): Promise<void> {
  const { db, vault, folder, identity, now } = deps;
  const members = readMembers(folder);
  const conflicted = new Set(result.conflicts.map((c) => c.account));
  for (const row of teamAccountRows(db)) {
    const files = folderFilesHash(folder, row.teamId);
    const account = row.accountId ? vault.accounts.find(row.accountId) : undefined;
    if (!files) {
      forgetTeamAccount(db, row.teamId);
      if (account) result.unshared.push(account.name);
      continue;
    }
    if (!account || conflicted.has(account.name)) continue;
    // The files this row's digest was taken of, and nothing here changed since: nothing to do.
    const side = sides.get(row.teamId);
    const untouched =
      files === row.folderFiles && row.folderDigest !== null && !row.importingDigest;
    const sameHere =
      side === 'unchanged' || (side !== undefined && side.digest === row.localDigest);
    if (untouched && sameHere) continue;
    const inFolder = await folderPayload(folder, row.teamId, identity, members.length);
    if (!inFolder) continue;
    await receiveOne(deps, { row, accountId: account.id, inFolder, files, side }, chosen, result);
  }
  const brought = await importSharedAccounts(
    folder,
    identity,
    vault,
    db,
    now().toISOString(),
    members.length,
  );
  result.added.push(...brought.added);
}

interface Received {
  row: TeamAccountRow;
  accountId: string;
  inFolder: TeamPayload;
  /** The folder's files as they are now (folderFilesHash). */
  files: string;
  /** This vault's side as the sync read it first, when it did. */
  side: LocalSide | 'unchanged' | undefined;
}

async function receiveOne(
  deps: SyncDeps,
  { row, accountId, inFolder, files, side }: Received,
  chosen: (teamId: string) => Side | undefined,
  result: SyncResult,
): Promise<void> {
  const { db, vault, folder, identity, env, now } = deps;
  const agreed = (here: LocalSide, folderDigest: string) =>
    saveTeamAccountRow(
      db,
      {
        teamId: row.teamId,
        accountId,
        localDigest: here.digest,
        localRevision: here.revision,
        folderDigest,
        folderFiles: files,
      },
      now().toISOString(),
    );
  const readHere = () => readSide(deps, accountId, row.teamId);
  const folderDigest = payloadDigest(identity, inFolder);
  const here = side && side !== 'unchanged' ? side : await readHere();
  const { payload: local, digest: localDigest } = here;
  if (payloadDigest(identity, asShared(local, inFolder)) === folderDigest) {
    if (
      localDigest !== row.localDigest ||
      folderDigest !== row.folderDigest ||
      files !== row.folderFiles ||
      here.revision !== row.localRevision
    )
      agreed(here, folderDigest);
    return;
  }
  const resumed = row.importingDigest === folderDigest;
  const changedHere = row.localDigest === null || localDigest !== row.localDigest;
  if (!resumed && folderDigest === row.folderDigest) return; // only this side changed: sent
  if (!resumed && changedHere && chosen(row.teamId) !== 'theirs') {
    result.conflicts.push({
      account: local.plain.name,
      mine: 'this vault',
      ...(await lastCommitOf(folder, 'HEAD', row.teamId, env).then((c) =>
        c ? { theirs: c } : {},
      )),
    });
    return;
  }
  markImporting(db, row.teamId, folderDigest);
  const updated = await updateFromTeam(vault, accountId, inFolder);
  agreed(await readHere(), folderDigest);
  result.received.push(updated.name);
}

/** Sealed again to today's members: files the other side wrote for a membership since changed. */
async function resealFor(deps: SyncDeps, teamIds: ReadonlySet<string>): Promise<void> {
  if (teamIds.size === 0) return;
  const { folder, identity, env } = deps;
  const recipients = readMembers(folder).map((m) => m.recipient);
  const files = [...teamIds].map((id) => `${accountFileBase(folder, id)}.age`);
  const resealed = await resealFiles(files, identity, recipients);
  if (resealed > 0)
    await commit(
      folder,
      ['accounts'],
      `Keydesk sealed ${resealed} account file(s) again for the members`,
      env,
    );
}
