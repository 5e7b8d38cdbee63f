import type Database from 'better-sqlite3';
import type { AccountSummary, ColorLabel } from '../../shared/vault-schemas';
import { foldName } from '../../shared/fold-name';
import type { WebhookSignatureMethod } from '../../shared/webhook-methods';
import { containsPattern } from '../db/like-pattern';

interface AccountRow {
  id: string;
  name: string;
  api_key: string;
  color: ColorLabel;
  notes: string;
  has_signature_secret: 0 | 1;
  signature_method: WebhookSignatureMethod;
  created_at: string;
  updated_at: string;
  application_count: number;
  primary_account_id: string | null;
  vonage_credential_id: string | null;
  rotation_started_at: string | null;
  shared_with_team: 0 | 1;
}

export interface NewAccountRow {
  id: string;
  name: string;
  apiKey: string;
  color: ColorLabel;
  notes: string;
  hasSignatureSecret: boolean;
  signatureMethod?: WebhookSignatureMethod;
  now: string;
}

export type AccountPatch = Partial<
  Pick<
    NewAccountRow,
    'name' | 'apiKey' | 'color' | 'notes' | 'hasSignatureSecret' | 'signatureMethod'
  >
>;

// application_count is kept by triggers (migration 003); team_account is migration 013.
const selectSummary = `SELECT a.*,
  EXISTS (SELECT 1 FROM team_account t WHERE t.account_id = a.id) AS shared_with_team
  FROM accounts a`;

function toSummary(row: AccountRow): AccountSummary {
  return {
    id: row.id,
    name: row.name,
    apiKey: row.api_key,
    color: row.color,
    notes: row.notes,
    hasSignatureSecret: row.has_signature_secret === 1,
    signatureMethod: row.signature_method,
    applicationCount: row.application_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(row.primary_account_id ? { primaryAccountId: row.primary_account_id } : {}),
    ...(row.vonage_credential_id ? { secretId: row.vonage_credential_id } : {}),
    ...(row.rotation_started_at ? { secretRotationSince: row.rotation_started_at } : {}),
    ...(row.shared_with_team ? { sharedWithTeam: true } : {}),
  };
}

/** SQL for the accounts table; every statement parameterised. */
export function createAccountsRepo(db: Database.Database) {
  const statements = {
    all: db.prepare<[], AccountRow>(`${selectSummary} ORDER BY a.name COLLATE NOCASE`),
    // :idPattern is null when the text cannot be part of an application id (hex digits and
    // hyphens), which spares the scan of every application id for a name search.
    search: db.prepare<{ pattern: string; idPattern: string | null }, AccountRow>(`${selectSummary}
      WHERE a.name LIKE :pattern ESCAPE '\\' OR a.api_key LIKE :pattern ESCAPE '\\'
         OR a.id IN (SELECT p.account_id FROM applications p
                     WHERE :idPattern IS NOT NULL AND p.id LIKE :idPattern ESCAPE '\\')
      ORDER BY a.name COLLATE NOCASE`),
    byId: db.prepare<[string], AccountRow>(`${selectSummary} WHERE a.id = ?`),
    byName: db.prepare<[string], AccountRow>(`${selectSummary} WHERE a.name_fold = ?`),
    byApiKey: db.prepare<[string], AccountRow>(`${selectSummary} WHERE a.api_key = ?`),
    insert: db.prepare(`INSERT INTO accounts
      (id, name, name_fold, api_key, color, notes, has_signature_secret, signature_method,
       created_at, updated_at)
      VALUES (@id, @name, @nameFold, @apiKey, @color, @notes, @hasSignatureSecret,
       @signatureMethod, @now, @now)`),
    remove: db.prepare<[string]>(`DELETE FROM accounts WHERE id = ?`),
    allIds: db.prepare<
      [],
      { id: string; name: string; has_signature_secret: 0 | 1; rotation_started_at: string | null }
    >(`SELECT id, name, has_signature_secret, rotation_started_at FROM accounts`),
    setSecretId: db.prepare<{ id: string; secretId: string | null }>(
      `UPDATE accounts SET vonage_credential_id = @secretId WHERE id = @id`,
    ),
    setRotation: db.prepare<{ id: string; since: string | null }>(
      `UPDATE accounts SET rotation_started_at = @since WHERE id = @id`,
    ),
    setPrimary: db.prepare<{ id: string; primaryId: string | null }>(
      `UPDATE accounts SET primary_account_id = @primaryId WHERE id = @id`,
    ),
  };

  const columns: Record<keyof AccountPatch, string> = {
    name: 'name',
    apiKey: 'api_key',
    color: 'color',
    notes: 'notes',
    hasSignatureSecret: 'has_signature_secret',
    signatureMethod: 'signature_method',
  };

  return {
    list(query?: string): AccountSummary[] {
      const text = query?.trim();
      if (!text) return statements.all.all().map(toSummary);
      const pattern = containsPattern(text);
      const idPattern = /^[0-9a-f-]+$/i.test(text) ? pattern : null;
      return statements.search.all({ pattern, idPattern }).map(toSummary);
    },
    get: (id: string) => maybe(statements.byId.get(id)),
    findByName: (name: string) => maybe(statements.byName.get(foldName(name))),
    findByApiKey: (apiKey: string) => maybe(statements.byApiKey.get(apiKey)),
    insert(row: NewAccountRow): void {
      statements.insert.run({
        ...row,
        nameFold: foldName(row.name),
        hasSignatureSecret: row.hasSignatureSecret ? 1 : 0,
        signatureMethod: row.signatureMethod ?? 'md5hash',
      });
    },
    update(id: string, patch: AccountPatch, now: string): void {
      const entries = Object.entries(patch).filter(([, v]) => v !== undefined) as [
        keyof AccountPatch,
        unknown,
      ][];
      const sets = entries.map(([key]) => `${columns[key]} = @${key}`);
      const values: Record<string, unknown> = Object.fromEntries(
        entries.map(([key, v]) => [key, typeof v === 'boolean' ? (v ? 1 : 0) : v]),
      );
      if (patch.name !== undefined) {
        sets.push('name_fold = @nameFold');
        values.nameFold = foldName(patch.name);
      }
      db.prepare(
        `UPDATE accounts SET ${[...sets, 'updated_at = @now'].join(', ')} WHERE id = @id`,
      ).run({ ...values, id, now });
    },
    remove: (id: string) => statements.remove.run(id).changes > 0,
    allIds: () => statements.allIds.all(),
    /** Vonage's id of the stored API secret (null: not known). */
    setSecretId: (id: string, secretId: string | null) =>
      statements.setSecretId.run({ id, secretId }),
    /** A secret rotation in progress since then (null: none). */
    setRotation: (id: string, since: string | null) => statements.setRotation.run({ id, since }),
    /** The primary account of a subaccount. */
    setPrimary: (id: string, primaryId: string | null) =>
      statements.setPrimary.run({ id, primaryId }),
  };
}

function maybe(row: AccountRow | undefined): AccountSummary | undefined {
  return row ? toSummary(row) : undefined;
}

export type AccountsRepo = ReturnType<typeof createAccountsRepo>;
