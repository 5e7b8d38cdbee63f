import { readFileSync } from 'node:fs';
import type { Vault } from '../vault/vault';
import type { TeamAccountRow } from './team-account-rows';
import { plainAccountSchema, type PlainAccount } from './team-file-schemas';
import { sharedTeamIds } from './team-import';
import { parsedTeamFile } from './team-payload';
import { accountFileBase } from './team-files';

/** What every shared account's plain file says (no secret is read). */
export async function sharedPlainFiles(folder: string): Promise<PlainAccount[]> {
  return (await sharedTeamIds(folder)).map((teamId) => {
    const file = `${accountFileBase(folder, teamId)}.json`;
    return parsedTeamFile(plainAccountSchema, readFileSync(file, 'utf8'), file);
  });
}

/**
 * What a member could read: every shared account's API secret and its applications' private
 * keys, with the account this vault holds for each (so they can be rotated).
 */
export async function exposureOf(folder: string, rows: readonly TeamAccountRow[], vault: Vault) {
  return (await sharedPlainFiles(folder)).map((plain) => {
    const accountId = rows.find((r) => r.teamId === plain.id)?.accountId ?? null;
    return {
      account: plain.name,
      apiKey: plain.apiKey,
      accountId: accountId && vault.accounts.find(accountId) ? accountId : null,
      applications: plain.applications.map((a) => ({ id: a.id, name: a.name })),
    };
  });
}
