import type Database from 'better-sqlite3';

/** A shared account's file in the team folder and its account in this vault (migration 013). */
export interface TeamAccountRow {
  teamId: string;
  /** null: deleted from this vault; the team still has it. */
  accountId: string | null;
  localDigest: string | null;
  folderDigest: string | null;
  importingDigest: string | null;
  /** The two files' bytes, hashed, when folderDigest was taken (unchanged files: not opened). */
  folderFiles: string | null;
  /** The account's revision (migration 013) when localDigest was taken. */
  localRevision: number | null;
}

const columns =
  'team_id AS teamId, account_id AS accountId, local_digest AS localDigest, folder_digest AS folderDigest, importing_digest AS importingDigest, folder_files AS folderFiles, local_revision AS localRevision';

export function teamAccountRows(db: Database.Database): TeamAccountRow[] {
  return db.prepare<[], TeamAccountRow>(`SELECT ${columns} FROM team_account`).all();
}

export function teamAccountRow(db: Database.Database, teamId: string): TeamAccountRow | undefined {
  return db
    .prepare<[string], TeamAccountRow>(`SELECT ${columns} FROM team_account WHERE team_id = ?`)
    .get(teamId);
}

/** The team id this vault's account is shared as, when it is. */
export function teamIdOfAccount(db: Database.Database, accountId: string): string | undefined {
  return db
    .prepare<[string], { teamId: string }>(
      'SELECT team_id AS teamId FROM team_account WHERE account_id = ?',
    )
    .get(accountId)?.teamId;
}

/**
 * Both sides agreed (or, with null digests, not yet compared) as of `at`. Each field is given:
 * `folderFiles` belongs to this `folderDigest`, never carried over from an older row.
 */
export function saveTeamAccountRow(
  db: Database.Database,
  row: {
    teamId: string;
    accountId: string | null;
    localDigest: string | null;
    folderDigest: string | null;
    folderFiles: string | null;
    localRevision: number | null;
  },
  at: string,
): void {
  db.prepare(
    `INSERT INTO team_account (team_id, account_id, local_digest, folder_digest, importing_digest,
       folder_files, local_revision, synced_at)
     VALUES (@teamId, @accountId, @localDigest, @folderDigest, NULL, @folderFiles, @localRevision, @at)
     ON CONFLICT (team_id) DO UPDATE SET account_id = excluded.account_id,
       local_digest = excluded.local_digest, folder_digest = excluded.folder_digest,
       importing_digest = NULL, folder_files = excluded.folder_files,
       local_revision = excluded.local_revision, synced_at = excluded.synced_at`,
  ).run({
    teamId: row.teamId,
    accountId: row.accountId,
    localDigest: row.localDigest,
    folderDigest: row.folderDigest,
    folderFiles: row.folderFiles,
    localRevision: row.localRevision,
    at,
  });
}

/** The account's revision: it moves with every change of the account or its applications. */
export function accountRevision(db: Database.Database, accountId: string): number | null {
  return (
    db
      .prepare<[string], { revision: number }>('SELECT revision FROM accounts WHERE id = ?')
      .get(accountId)?.revision ?? null
  );
}

/** Marks the folder state being brought in, before the vault changes (see migration 013). */
export function markImporting(db: Database.Database, teamId: string, digest: string): void {
  db.prepare('UPDATE team_account SET importing_digest = ? WHERE team_id = ?').run(digest, teamId);
}

export function forgetTeamAccount(db: Database.Database, teamId: string): void {
  db.prepare('DELETE FROM team_account WHERE team_id = ?').run(teamId);
}
