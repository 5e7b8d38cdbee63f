import type Database from 'better-sqlite3';

/** The team identity's row (migration 012): its recipient, when this vault has one. */
export function teamIdentityRow(
  db: Database.Database,
): { recipient: string; createdAt: string } | undefined {
  return db
    .prepare<[], { recipient: string; createdAt: string }>(
      'SELECT recipient, created_at AS createdAt FROM team_identity WHERE id = 1',
    )
    .get();
}

export function insertTeamIdentityRow(db: Database.Database, recipient: string, at: string): void {
  db.prepare('INSERT INTO team_identity (id, recipient, created_at) VALUES (1, ?, ?)').run(
    recipient,
    at,
  );
}

export function deleteTeamIdentityRow(db: Database.Database): boolean {
  return db.prepare('DELETE FROM team_identity WHERE id = 1').run().changes > 0;
}
