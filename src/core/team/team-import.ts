import type Database from 'better-sqlite3';
import type { Vault } from '../vault/vault';
import {
  accountRevision,
  saveTeamAccountRow,
  teamAccountRow,
  teamIdOfAccount,
} from './team-account-rows';
import { addFromTeam } from './team-apply';
import { teamIdsWith } from './team-files';
import { folderFilesHash, folderPayload, localPayload, payloadDigest } from './team-payload';

/** What a team folder brought into this vault. */
export interface TeamImport {
  added: string[];
  /** Accounts this vault holds already (by API key): kept as they are here; sync compares them. */
  kept: string[];
}

/** The team ids of the folder's shared accounts (`accounts/<id>.json`), sorted. */
export const sharedTeamIds = (folder: string) => teamIdsWith(folder, '.json');

/**
 * Every shared account of the folder this vault has not seen yet, with its applications and their
 * keys, each stored as the vault stores any account and remembered as agreed. One this vault
 * holds already (same API key) is kept as it is and remembered as not yet compared: a join never
 * overwrites what an engineer has; `team sync` tells them whether the two differ.
 */
export async function importSharedAccounts(
  folder: string,
  identity: string,
  vault: Vault,
  db: Database.Database,
  at: string,
  members: number,
): Promise<TeamImport> {
  const result: TeamImport = { added: [], kept: [] };
  for (const teamId of await sharedTeamIds(folder)) {
    if (teamAccountRow(db, teamId)) continue;
    const payload = await folderPayload(folder, teamId, identity, members);
    if (!payload) continue;
    const held = vault.accounts.findByApiKey(payload.plain.apiKey);
    // Shared twice (two members shared one API key at once): this vault follows the first file.
    if (held && teamIdOfAccount(db, held.id)) continue;
    if (held) {
      saveTeamAccountRow(
        db,
        {
          teamId,
          accountId: held.id,
          localDigest: null,
          folderDigest: null,
          folderFiles: null,
          localRevision: null,
        },
        at,
      );
      result.kept.push(payload.plain.name);
      continue;
    }
    const account = await addFromTeam(vault, payload);
    const local = await localPayload(vault, account.id, teamId);
    saveTeamAccountRow(
      db,
      {
        teamId,
        accountId: account.id,
        localDigest: payloadDigest(identity, local),
        folderDigest: payloadDigest(identity, payload),
        folderFiles: folderFilesHash(folder, teamId) ?? null,
        localRevision: accountRevision(db, account.id),
      },
      at,
    );
    result.added.push(account.name);
  }
  result.added.sort((a, b) => a.localeCompare(b, 'en'));
  result.kept.sort((a, b) => a.localeCompare(b, 'en'));
  return result;
}
