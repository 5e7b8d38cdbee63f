import type Database from 'better-sqlite3';
import { KeydeskError } from '../../shared/errors';
import { secretRefs, type Keychain } from '../keychain/keychain';
import { writeSecretsAndRows } from '../vault/secret-write';
import { insertTeamIdentityRow, teamIdentityRow } from './team-identity-row';
import { newTeamIdentity, type TeamIdentity } from './team-sealing';

/** The keychain entry of this engineer's team identity (one per vault). */
export const teamIdentityRef = secretRefs.teamIdentity('me');

/**
 * This engineer's team identity, made once: its secret half written to their own keychain (never
 * a team folder), its recipient to the vault's row, together or not at all. Answers the recipient
 * to give the team, and whether it was made now.
 */
export async function ensureTeamIdentity(
  db: Database.Database,
  keychain: Keychain,
  now: () => Date,
): Promise<{ recipient: string; createdAt: string; created: boolean }> {
  const existing = teamIdentityRow(db);
  if (existing) return { ...existing, created: false };
  const made = await newTeamIdentity();
  const createdAt = now().toISOString();
  await writeSecretsAndRows(keychain, db, {
    secrets: [[teamIdentityRef, made.identity]],
    rows: () => insertTeamIdentityRow(db, made.recipient, createdAt),
  });
  return { recipient: made.recipient, createdAt, created: true };
}

/** The identity with its secret half, for opening the team's files. */
export async function readTeamIdentity(
  db: Database.Database,
  keychain: Keychain,
): Promise<TeamIdentity> {
  const row = teamIdentityRow(db);
  const identity = row ? await keychain.get(teamIdentityRef) : null;
  if (!row || identity === null) {
    throw new KeydeskError(
      'NOT_FOUND',
      row
        ? 'Your team identity is gone from the keychain; run "keydesk doctor --fix", then "keydesk team identity" for a new one.'
        : 'You have no team identity yet: run "keydesk team identity" and give a member the recipient it prints.',
    );
  }
  return { identity, recipient: row.recipient };
}
