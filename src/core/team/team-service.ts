import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
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
import type { SealedAccount } from './team-file-schemas';
import { importSharedAccounts } from './team-import';
import { saveTeamFolderRow, teamFolderRow } from './team-folder-row';
import {
  checkMemberName,
  membersFileName,
  parseMembers,
  serialiseMembers,
  withMember,
  type TeamMember,
} from './team-members';
import { resealFolder, sealForMembers } from './team-sealing';

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

  function membersOf(folder: string): TeamMember[] {
    const file = join(folder, membersFileName);
    if (!existsSync(file))
      throw new KeydeskError(
        'NOT_FOUND',
        `${folder} has no members file: it is not a Keydesk team folder.`,
      );
    return parseMembers(readFileSync(file, 'utf8'), file);
  }

  function writeMembers(folder: string, members: readonly TeamMember[]): void {
    replaceVaultFile(
      join(folder, membersFileName),
      Buffer.from(serialiseMembers(members)),
      'The members file',
    );
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
      return { folder, members: membersOf(folder) };
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
      const me = membersOf(folder).find((m) => m.recipient === recipient);
      if (!me) {
        throw new KeydeskError(
          'NOT_FOUND',
          `You are not a member of ${folder} yet. Give a member your recipient, for "keydesk team add-member NAME ${recipient}", and join again once they have pushed.`,
        );
      }
      saveTeamFolderRow(db, { path: folder, memberName: me.name, joinedAt: now().toISOString() });
      const imported = await importSharedAccounts(folder, identity, vault);
      return { folder, member: me.name, ...imported };
    },

    /**
     * Who changed what in the team folder, newest first: its git history (reads stay in each
     * engineer's own history; no tool on a client can prove who read a file).
     */
    async log(limit: number) {
      const { path } = joined();
      const out = await git(
        path,
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
    },

    members() {
      const { path } = joined();
      return { folder: path, members: membersOf(path) };
    },

    /** A new member: every shared file sealed again to include them; nothing else changes. */
    async addMember(name: string, recipient: string) {
      const { path, memberName } = joined();
      const members = withMember(membersOf(path), { name, recipient });
      const { identity } = await readTeamIdentity(db, keychain);
      const { files } = await resealFolder(
        path,
        identity,
        members.map((m) => m.recipient),
      );
      writeMembers(path, members);
      await commit(
        path,
        [membersFileName, 'accounts'],
        `${memberName} added ${checkMemberName(name)} to the team`,
        env,
      );
      return { members, resealed: files };
    },

    /** An account of this vault, its secrets sealed to every member, committed. */
    async share(accountId: string) {
      const { path, memberName } = joined();
      const members = membersOf(path);
      const account = vault.accounts.get(accountId);
      const applications = vault.applications.list({ accountId: account.id });
      const sealed: SealedAccount = {
        format: 1,
        apiSecret: await vault.accounts.revealSecret(account.id, 'apiSecret'),
        ...(account.hasSignatureSecret
          ? { signatureSecret: await vault.accounts.revealSecret(account.id, 'signatureSecret') }
          : {}),
        applications: await Promise.all(
          applications.map(async (a) => ({
            id: a.id,
            privateKey: await vault.applications.exportPrivateKey(a.id),
          })),
        ),
      };
      const plain = {
        format: 1,
        id: account.id,
        name: account.name,
        apiKey: account.apiKey,
        color: account.color,
        signatureMethod: account.signatureMethod,
        applications: applications.map((a) => ({
          id: a.id,
          name: a.name,
          fingerprint: a.fingerprint,
        })),
      };
      const base = join(path, 'accounts', account.id);
      replaceVaultFile(
        `${base}.age`,
        await sealForMembers(
          JSON.stringify(sealed),
          members.map((m) => m.recipient),
        ),
        'The team file',
      );
      replaceVaultFile(
        `${base}.json`,
        Buffer.from(`${JSON.stringify(plain, null, 2)}\n`),
        'The team file',
      );
      await commit(
        path,
        ['accounts'],
        `${memberName} shared "${account.name}" (${account.apiKey})`,
        env,
      );
      return {
        account: account.name,
        files: [`${base}.age`, `${base}.json`],
        members: members.length,
      };
    },
  };
}

export type TeamService = ReturnType<typeof createTeamService>;
