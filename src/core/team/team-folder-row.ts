import type Database from 'better-sqlite3';
import type { SyncConflict } from './team-sync';

export interface TeamFolderRow {
  path: string;
  memberName: string;
  joinedAt: string;
}

/** The team folder this vault shares through (migration 012), when it has one. */
export function teamFolderRow(db: Database.Database): TeamFolderRow | undefined {
  return db
    .prepare<[], TeamFolderRow>(
      'SELECT path, member_name AS memberName, joined_at AS joinedAt FROM team_folder WHERE id = 1',
    )
    .get();
}

export function saveTeamFolderRow(db: Database.Database, row: TeamFolderRow): void {
  db.prepare(
    'INSERT INTO team_folder (id, path, member_name, joined_at) VALUES (1, @path, @memberName, @joinedAt)',
  ).run(row);
}

/** How the last sync went: the conflicts it left (none: in sync), or the error it said. */
export type LastSync = { ok: true; conflicts: SyncConflict[] } | { ok: false; error: string };

export function saveLastSync(db: Database.Database, at: string, outcome: LastSync): void {
  db.prepare('UPDATE team_folder SET last_sync_at = ?, last_sync = ? WHERE id = 1').run(
    at,
    JSON.stringify(outcome),
  );
}

export function lastSync(db: Database.Database): { at: string; outcome: LastSync } | undefined {
  const row = db
    .prepare<[], { at: string | null; outcome: string | null }>(
      'SELECT last_sync_at AS at, last_sync AS outcome FROM team_folder WHERE id = 1',
    )
    .get();
  if (!row?.at || !row.outcome) return undefined;
  return { at: row.at, outcome: JSON.parse(row.outcome) as LastSync };
}
