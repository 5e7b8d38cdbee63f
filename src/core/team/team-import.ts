import { readdir, readFile } from 'node:fs/promises';
import type * as z from 'zod';
import { join } from 'node:path';
import { KeydeskError } from '../../shared/errors';
import { innermostIssue } from '../../shared/zod-issues';
import type { Vault } from '../vault/vault';
import { plainAccountSchema, sealedAccountSchema } from './team-file-schemas';
import { openWithIdentity } from './team-sealing';

/** What a team folder brought into this vault. */
export interface TeamImport {
  added: string[];
  /** Accounts this vault holds already (by API key): kept as they are here. */
  kept: string[];
}

function parsed<T>(schema: z.ZodType<T>, text: string, file: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new KeydeskError('VALIDATION', `${file} is not JSON: it was not written by Keydesk.`);
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = innermostIssue(result.error.issues[0]);
  throw new KeydeskError('VALIDATION', `${file}: ${issue?.message ?? 'not a shared account file'}`);
}

/**
 * Every shared account of the folder this vault does not hold yet (by API key), with its
 * applications and their keys, each stored as the vault stores any account. One this vault holds
 * already is kept as it is: a join never overwrites what an engineer has (sync decides that).
 */
export async function importSharedAccounts(
  folder: string,
  identity: string,
  vault: Vault,
): Promise<TeamImport> {
  const accounts = join(folder, 'accounts');
  const names = (await readdir(accounts)).filter((n) => n.endsWith('.json')).sort();
  const result: TeamImport = { added: [], kept: [] };
  for (const name of names) {
    const plainFile = join(accounts, name);
    const sealedFile = plainFile.replace(/\.json$/, '.age');
    const plain = parsed(plainAccountSchema, await readFile(plainFile, 'utf8'), plainFile);
    if (vault.accounts.findByApiKey(plain.apiKey)) {
      result.kept.push(plain.name);
      continue;
    }
    const sealed = parsed(
      sealedAccountSchema,
      await openWithIdentity(await readFile(sealedFile), identity, sealedFile),
      sealedFile,
    );
    const taken = vault.accounts.findByName(plain.name);
    const account = await vault.accounts.create({
      name: taken ? `${plain.name} (team)` : plain.name,
      apiKey: plain.apiKey,
      apiSecret: sealed.apiSecret,
      ...(sealed.signatureSecret ? { signatureSecret: sealed.signatureSecret } : {}),
      ...(plain.signatureMethod ? { signatureMethod: plain.signatureMethod } : {}),
      ...(plain.color ? { color: plain.color } : {}),
    });
    for (const app of plain.applications) {
      const key = sealed.applications.find((k) => k.id === app.id);
      if (!key || vault.applications.find(app.id)) continue;
      await vault.applications.create({
        accountId: account.id,
        id: app.id,
        name: app.name,
        key: { kind: 'pem', pem: key.privateKey },
      });
    }
    result.added.push(account.name);
  }
  return result;
}
