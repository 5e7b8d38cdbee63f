import type Database from 'better-sqlite3';

/** A shared account's file in the team folder and its account in this vault (migration 013). */
export interface TeamAccountRow {
  teamId: string;
  /** null: deleted from this vault; the team still has it. */
  accountId: string | null;
  localDigest: string | null;
  folderDigest: string | null;
  importingDigest: string | null;
}

const columns =
  'team_id AS teamId, account_id AS accountId, local_digest AS localDigest, folder_digest AS folderDigest, importing_digest AS importingDigest';

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

/** Both sides agreed (or, with null digests, not yet compared) as of `at`. */
export function saveTeamAccountRow(
  db: Database.Database,
  row: Omit<TeamAccountRow, 'importingDigest'>,
  at: string,
): void {
  db.prepare(
    `INSERT INTO team_account (team_id, account_id, local_digest, folder_digest, importing_digest, synced_at)
     VALUES (@teamId, @accountId, @localDigest, @folderDigest, NULL, @at)
     ON CONFLICT (team_id) DO UPDATE SET account_id = excluded.account_id,
       local_digest = excluded.local_digest, folder_digest = excluded.folder_digest,
       importing_digest = NULL, synced_at = excluded.synced_at`,
  ).run({ ...row, at });
}

/** Marks the folder state being brought in, before the vault changes (see migration 013). */
export function markImporting(db: Database.Database, teamId: string, digest: string): void {
  db.prepare('UPDATE team_account SET importing_digest = ? WHERE team_id = ?').run(digest, teamId);
}

export function forgetTeamAccount(db: Database.Database, teamId: string): void {
  db.prepare('DELETE FROM team_account WHERE team_id = ?').run(teamId);
}
