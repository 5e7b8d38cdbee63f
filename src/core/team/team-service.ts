import {
  existsSync,
  mkdirSync,
  readdirSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { KeydeskError } from '../../shared/errors';
import type { Keychain } from '../keychain/keychain';
import { replaceVaultFile } from '../keychain/vault-file-io';
import type { Vault } from '../vault/vault';
import { commit, git } from './team-git';
import { ensureTeamIdentity, readTeamIdentity } from './team-identity';
import {
  accountRevision,
  forgetTeamAccount,
  saveTeamAccountRow,
  teamAccountRows,
  teamIdOfAccount,
} from './team-account-rows';
import { importSharedAccounts } from './team-import';
import { exposureOf, sharedPlainFiles } from './team-plain-files';
import { folderFilesHash, localPayload, payloadDigest, writePayload } from './team-payload';
import { accountFileBase } from './team-files';
import { syncTeam } from './team-sync';
import { lastSync, saveLastSync, saveTeamFolderRow, teamFolderRow } from './team-folder-row';
import { teamLog, upstreamOf } from './team-sync-git';
import {
  checkMemberName,
  membersFileName,
  readMembers,
  serialiseMembers,
  withMember,
  withoutMember,
  type TeamMember,
} from './team-members';
import { resealFolder } from './team-sealing';

export interface TeamDeps {
  db: Database.Database;
  /** This vault's view of the keychain in use (the identity's secret half is there). */
  keychain: Keychain;
  vault: Vault;
  env: NodeJS.ProcessEnv;
  now: () => Date;
}

/**
 * A team folder: a git working copy holding `members` (who may read) and, per shared account,
 * `accounts/<id>.age` (its secrets, sealed to every member) beside `accounts/<id>.json` (what is
 * not secret: names, the API key, applications and their key fingerprints), so git merges per
 * account and a diff says what changed. Each change is one commit by the user's own git.
 */
export function createTeamService(deps: TeamDeps) {
  const { db, keychain, vault, env, now } = deps;

  function joined() {
    const row = teamFolderRow(db);
    if (!row) {
      throw new KeydeskError(
        'NOT_FOUND',
        'This vault has no team folder yet: "keydesk team init FOLDER" starts one.',
      );
    }
    if (!existsSync(join(row.path, '.git')))
      throw new KeydeskError(
        'NOT_FOUND',
        `The team folder ${row.path} is not there any more (moved or deleted). Clone the team's repository there again (git clone URL "${row.path}"), then sync.`,
      );
    return row;
  }

  /** A vault shares through one team folder: a second init or join is refused. */
  function notJoinedYet(): void {
    const row = teamFolderRow(db);
    if (row)
      throw new KeydeskError(
        'CONFLICT',
        `This vault already shares through ${row.path}.`,
        'folder',
      );
  }

  function writeMembers(folder: string, members: readonly TeamMember[]): void {
    replaceVaultFile(
      join(folder, membersFileName),
      Buffer.from(serialiseMembers(members)),
      'The members file',
    );
  }

  function membersWithout(name: string): TeamMember[] {
    const { path, memberName } = joined();
    const members = withoutMember(readMembers(path), name);
    if (name === memberName)
      throw new KeydeskError(
        'VALIDATION',
        'You cannot remove yourself: another member removes you (keydesk team remove-member).',
        'name',
      );
    return members;
  }

  /** The members file and every shared file sealed again to `members`, in one commit. */
  async function changeMembership(path: string, members: TeamMember[], message: string) {
    const { identity } = await readTeamIdentity(db, keychain);
    const { files } = await resealFolder(
      path,
      identity,
      members.map((m) => m.recipient),
    );
    writeMembers(path, members);
    await commit(path, [membersFileName, 'accounts'], message, env);
    return { members, resealed: files };
  }

  return {
    /**
     * Starts a team in `folder` (made, and made a git repository, when it is not one) with this
     * engineer as its first member, and makes it this vault's team folder.
     */
    async init(folderGiven: string, memberName: string) {
      const folder = resolve(folderGiven);
      const name = checkMemberName(memberName);
      notJoinedYet();
      if (existsSync(folder) && !statSync(folder).isDirectory())
        throw new KeydeskError('VALIDATION', `${folder} is a file, not a folder.`, 'folder');
      if (existsSync(join(folder, membersFileName)))
        throw new KeydeskError(
          'CONFLICT',
          `${folder} is a team folder already: join it instead.`,
          'folder',
        );
      const { recipient } = await ensureTeamIdentity(db, keychain, now);
      mkdirSync(join(folder, 'accounts'), { recursive: true });
      // A repository of its own: a folder inside another one (a home folder kept in git) would
      // commit the team's files into that one.
      const top = await git(folder, ['rev-parse', '--show-toplevel'], env).then(
        (out) => resolve(out.trim()),
        () => undefined,
      );
      if (top !== realpathSync(folder)) await git(folder, ['init', '--quiet'], env);
      writeFileSync(join(folder, '.gitattributes'), '*.age binary\n');
      writeMembers(folder, [{ name, recipient }]);
      await commit(
        folder,
        [membersFileName, '.gitattributes'],
        `Keydesk team started by ${name}`,
        env,
      );
      saveTeamFolderRow(db, { path: folder, memberName: name, joinedAt: now().toISOString() });
      return { folder, members: readMembers(folder) };
    },

    /**
     * Joins the team whose repository is `repo`, cloned into `folder` (or the working copy there
     * already), once a member has added this engineer's recipient; then brings in every shared
     * account this vault does not hold yet.
     */
    async join(repo: string, folderGiven: string) {
      const folder = resolve(folderGiven);
      notJoinedYet();
      await ensureTeamIdentity(db, keychain, now);
      const { identity, recipient } = await readTeamIdentity(db, keychain);
      if (!existsSync(join(folder, membersFileName))) {
        if (existsSync(folder) && readdirSync(folder).length > 0)
          throw new KeydeskError(
            'VALIDATION',
            `${folder} is not empty and not a team folder: choose another.`,
            'folder',
          );
        mkdirSync(dirname(folder), { recursive: true });
        await git(dirname(folder), ['clone', '--quiet', repo, folder], env);
      }
      const me = readMembers(folder).find((m) => m.recipient === recipient);
      if (!me) {
        throw new KeydeskError(
          'NOT_FOUND',
          `You are not a member of ${folder} yet. Give a member your recipient, for "keydesk team add-member NAME ${recipient}", and join again once they have pushed.`,
        );
      }
      saveTeamFolderRow(db, { path: folder, memberName: me.name, joinedAt: now().toISOString() });
      const imported = await importSharedAccounts(
        folder,
        identity,
        vault,
        db,
        now().toISOString(),
        readMembers(folder).length,
      );
      return { folder, member: me.name, ...imported };
    },

    /** Who changed what in the team folder, newest first (team-sync-git.ts). */
    log: (limit: number) => teamLog(joined().path, limit, env),

    /** The Team view: where the folder is, who is in it, what is shared, how the last sync went. */
    async status() {
      const row = teamFolderRow(db);
      if (!row) return { joined: false as const };
      return {
        joined: true as const,
        folder: row.path,
        member: row.memberName,
        members: existsSync(row.path) ? readMembers(row.path) : [],
        upstream: existsSync(row.path) ? await upstreamOf(row.path, env) : null,
        shared: teamAccountRows(db).filter((r) => r.accountId !== null).length,
        lastSync: lastSync(db) ?? null,
      };
    },

    members() {
      const { path } = joined();
      return { folder: path, members: readMembers(path) };
    },

    /** A new member: every shared file sealed again to include them; nothing else changes. */
    async addMember(name: string, recipient: string) {
      const { path, memberName } = joined();
      const members = withMember(readMembers(path), { name, recipient });
      return changeMembership(
        path,
        members,
        `${memberName} added ${checkMemberName(name)} to the team`,
      );
    },

    /** What a member could read, account by account (team-plain-files.ts). */
    exposure: async () => exposureOf(joined().path, teamAccountRows(db), vault),

    /** The members without `name`: one who is not a member, or this engineer, is refused. */
    membersWithout,

    /**
     * A member out: every shared file sealed again without them, and the members file, in one
     * commit. What they read before stays readable to them (git keeps it): rotation is offered.
     */
    async removeMember(name: string) {
      const { path, memberName } = joined();
      const members = membersWithout(name);
      return changeMembership(path, members, `${memberName} removed ${name} from the team`);
    },

    /**
     * An account of this vault, its secrets sealed to every member, committed (again, when it is
     * shared already: what changed since goes out as with a sync).
     */
    async share(accountId: string) {
      const { path, memberName } = joined();
      const members = readMembers(path);
      const { identity } = await readTeamIdentity(db, keychain);
      const account = vault.accounts.get(accountId);
      const teamId = teamIdOfAccount(db, account.id) ?? account.id;
      const twin = (await sharedPlainFiles(path)).find(
        (p) => p.apiKey === account.apiKey && p.id !== teamId,
      );
      if (twin)
        throw new KeydeskError(
          'CONFLICT',
          `The team shares API key ${account.apiKey} already, as "${twin.name}": run "keydesk team sync" to bring it into this vault instead of sharing it twice.`,
          'account',
        );
      const payload = await localPayload(vault, account.id, teamId);
      const files = await writePayload(
        path,
        payload,
        members.map((m) => m.recipient),
      );
      await commit(
        path,
        ['accounts'],
        `${memberName} shared "${account.name}" (${account.apiKey})`,
        env,
      );
      const digest = payloadDigest(identity, payload);
      saveTeamAccountRow(
        db,
        {
          teamId,
          accountId: account.id,
          localDigest: digest,
          folderDigest: digest,
          folderFiles: folderFilesHash(path, teamId) ?? null,
          localRevision: accountRevision(db, account.id),
        },
        now().toISOString(),
      );
      return { account: account.name, files, members: members.length };
    },

    /** The account's files go from the team folder (committed); this vault keeps the account. */
    async unshare(accountId: string) {
      const { path, memberName } = joined();
      const account = vault.accounts.get(accountId);
      const teamId = teamIdOfAccount(db, account.id);
      if (!teamId)
        throw new KeydeskError(
          'NOT_FOUND',
          `"${account.name}" is not shared with the team.`,
          'account',
        );
      const base = accountFileBase(path, teamId);
      rmSync(`${base}.json`, { force: true });
      rmSync(`${base}.age`, { force: true });
      await commit(
        path,
        ['accounts'],
        `${memberName} unshared "${account.name}" (${account.apiKey})`,
        env,
      );
      forgetTeamAccount(db, teamId);
      return { account: account.name };
    },

    /**
     * Pulls the team's changes and pushes this vault's (team-sync.ts). `mine` and `theirs` settle
     * conflicts: accounts of this vault whose side wins.
     */
    async sync(
      choices: { mine: readonly string[]; theirs: readonly string[] } = { mine: [], theirs: [] },
    ) {
      const row = joined();
      const { identity, recipient } = await readTeamIdentity(db, keychain);
      const teamIds = (ids: readonly string[], side: 'mine' | 'theirs') =>
        new Set(
          ids.map((id) => {
            const teamId = teamIdOfAccount(db, id);
            if (teamId) return teamId;
            throw new KeydeskError(
              'VALIDATION',
              `--${side}: "${vault.accounts.get(id).name}" is not shared with the team, so it has no conflict to settle.`,
              side,
            );
          }),
        );
      try {
        const result = await syncTeam(
          {
            db,
            vault,
            env,
            now,
            folder: row.path,
            memberName: row.memberName,
            identity,
            recipient,
          },
          { mine: teamIds(choices.mine, 'mine'), theirs: teamIds(choices.theirs, 'theirs') },
        );
        saveLastSync(db, now().toISOString(), { ok: true, conflicts: result.conflicts });
        return result;
      } catch (error) {
        saveLastSync(db, now().toISOString(), { ok: false, error: (error as Error).message });
        throw error;
      }
    },
  };
}

export type TeamService = ReturnType<typeof createTeamService>;
