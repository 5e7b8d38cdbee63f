import type Database from 'better-sqlite3';
import type { AccessTokenSummary, ConsumerSummary } from '../../shared/oauth-schemas';

interface ConsumerRow {
  id: string;
  account_id: string;
  account_name: string;
  consumer_key: string;
  base_url: string;
  callback_url: string | null;
  created_at: string;
}

interface TokenRow {
  id: string;
  consumer_id: string;
  consumer_key: string;
  account_id: string;
  account_name: string;
  label: string;
  obtained_at: string;
}

const consumerSelect = `SELECT c.*, (SELECT a.name FROM accounts a WHERE a.id = c.account_id) AS account_name
  FROM oauth_consumers c`;
const tokenSelect = `SELECT t.*, c.consumer_key, c.account_id,
    (SELECT a.name FROM accounts a WHERE a.id = c.account_id) AS account_name
  FROM oauth_tokens t JOIN oauth_consumers c ON c.id = t.consumer_id`;

const toConsumer = (r: ConsumerRow): ConsumerSummary => ({
  id: r.id,
  accountId: r.account_id,
  accountName: r.account_name,
  consumerKey: r.consumer_key,
  baseUrl: r.base_url,
  callbackUrl: r.callback_url,
  createdAt: r.created_at,
});

const toToken = (r: TokenRow): AccessTokenSummary => ({
  id: r.id,
  consumerId: r.consumer_id,
  consumerKey: r.consumer_key,
  accountId: r.account_id,
  accountName: r.account_name,
  label: r.label,
  obtainedAt: r.obtained_at,
});

/** SQL for OAuth consumers and access-token metadata; every statement parameterised. */
export function createOAuthRepo(db: Database.Database) {
  const s = {
    consumers: db.prepare<[], ConsumerRow>(
      `${consumerSelect} ORDER BY account_name, c.consumer_key`,
    ),
    consumersOf: db.prepare<[string], ConsumerRow>(
      `${consumerSelect} WHERE c.account_id = ? ORDER BY c.created_at`,
    ),
    consumer: db.prepare<[string], ConsumerRow>(`${consumerSelect} WHERE c.id = ?`),
    consumerByKey: db.prepare<[string], ConsumerRow>(`${consumerSelect} WHERE c.consumer_key = ?`),
    insertConsumer:
      db.prepare(`INSERT INTO oauth_consumers (id, account_id, consumer_key, base_url, callback_url, created_at)
      VALUES (@id, @accountId, @consumerKey, @baseUrl, @callbackUrl, @now)`),
    removeConsumer: db.prepare<[string]>(`DELETE FROM oauth_consumers WHERE id = ?`),
    tokens: db.prepare<[], TokenRow>(`${tokenSelect} ORDER BY t.obtained_at DESC`),
    tokensOf: db.prepare<[string], TokenRow>(
      `${tokenSelect} WHERE c.account_id = ? ORDER BY t.obtained_at DESC, t.rowid DESC`,
    ),
    tokensOfConsumer: db.prepare<[string], { id: string }>(
      `SELECT id FROM oauth_tokens WHERE consumer_id = ?`,
    ),
    token: db.prepare<[string], TokenRow>(`${tokenSelect} WHERE t.id = ?`),
    insertToken: db.prepare(
      `INSERT INTO oauth_tokens (id, consumer_id, label, obtained_at) VALUES (@id, @consumerId, @label, @now)`,
    ),
    removeToken: db.prepare<[string]>(`DELETE FROM oauth_tokens WHERE id = ?`),
    idsOfAccount: db.prepare<[string], { consumer: string; token: string | null }>(
      `SELECT c.id AS consumer, t.id AS token FROM oauth_consumers c LEFT JOIN oauth_tokens t ON t.consumer_id = c.id WHERE c.account_id = ?`,
    ),
  };
  return {
    consumers: (accountId?: string) =>
      (accountId ? s.consumersOf.all(accountId) : s.consumers.all()).map(toConsumer),
    consumer: (id: string) => {
      const row = s.consumer.get(id);
      return row ? toConsumer(row) : undefined;
    },
    consumerByKey: (key: string) => {
      const row = s.consumerByKey.get(key);
      return row ? toConsumer(row) : undefined;
    },
    insertConsumer: (row: {
      id: string;
      accountId: string;
      consumerKey: string;
      baseUrl: string;
      callbackUrl: string | null;
      now: string;
    }) => s.insertConsumer.run(row),
    removeConsumer: (id: string) => s.removeConsumer.run(id).changes > 0,
    tokens: (accountId?: string) =>
      (accountId ? s.tokensOf.all(accountId) : s.tokens.all()).map(toToken),
    token: (id: string) => {
      const row = s.token.get(id);
      return row ? toToken(row) : undefined;
    },
    tokenIdsOfConsumer: (consumerId: string) => s.tokensOfConsumer.all(consumerId).map((r) => r.id),
    insertToken: (row: { id: string; consumerId: string; label: string; now: string }) =>
      s.insertToken.run(row),
    removeToken: (id: string) => s.removeToken.run(id).changes > 0,
    /** Consumer and token ids of an account, so removing the account can clear their secrets. */
    secretsOfAccount(accountId: string) {
      const rows = s.idsOfAccount.all(accountId);
      return {
        consumers: [...new Set(rows.map((r) => r.consumer))],
        tokens: rows.flatMap((r) => (r.token ? [r.token] : [])),
      };
    },
  };
}

export type OAuthRepo = ReturnType<typeof createOAuthRepo>;
