import type Database from 'better-sqlite3';
import type { ErrorCode } from '../../shared/errors';
import type {
  HistoryAction,
  HistoryDetails,
  HistoryEvent,
  HistoryFilter,
  HistoryPage,
} from '../../shared/history-schemas';
import { toFtsQuery } from './fts-query';

interface HistoryRow {
  id: number;
  at: number;
  action: HistoryAction;
  outcome: 'ok' | 'failed';
  account_id: string | null;
  account_name: string | null;
  application_id: string | null;
  application_name: string | null;
  summary: string;
  details: string;
  error_code: ErrorCode | null;
  error_message: string | null;
}

export interface NewHistoryEvent {
  /** Unix milliseconds. */
  at: number;
  action: HistoryAction;
  outcome: 'ok' | 'failed';
  accountId?: string;
  accountName?: string;
  applicationId?: string;
  applicationName?: string;
  summary: string;
  details?: HistoryDetails;
  error?: { code: ErrorCode; message: string };
}

function toEvent(row: HistoryRow): HistoryEvent {
  const event: HistoryEvent = {
    id: row.id,
    at: new Date(row.at).toISOString(),
    action: row.action,
    outcome: row.outcome,
    summary: row.summary,
    details: JSON.parse(row.details) as HistoryDetails,
  };
  if (row.account_id !== null) event.accountId = row.account_id;
  if (row.account_name !== null) event.accountName = row.account_name;
  if (row.application_id !== null) event.applicationId = row.application_id;
  if (row.application_name !== null) event.applicationName = row.application_name;
  if (row.error_code !== null) {
    event.error = { code: row.error_code, message: row.error_message ?? '' };
  }
  return event;
}

type Params = Record<string, string | number>;

/**
 * Newest first by id (ids grow with time), keyset-paged on id. With free text the FTS index drives
 * the scan in descending rowid order, so the first page stops after `limit` matches instead of
 * sorting every match.
 */
function buildQuery(filter: HistoryFilter, cursor: number | undefined, limit: number) {
  const where: string[] = [];
  const params: Params = { limit };
  const text = filter.text ? toFtsQuery(filter.text) : undefined;
  const idColumn = text ? 't.rowid' : 'h.id';
  if (text) {
    where.push('history_text MATCH :text');
    params.text = text;
  }
  if (cursor !== undefined) {
    where.push(`${idColumn} < :cursor`);
    params.cursor = cursor;
  }
  if (filter.accountId) {
    where.push('h.account_id = :accountId');
    params.accountId = filter.accountId;
  }
  if (filter.applicationId) {
    where.push('h.application_id = :applicationId');
    params.applicationId = filter.applicationId.toLowerCase();
  }
  // A unary plus keeps SQLite from choosing the action or time index when an account or
  // application is given: without statistics it guessed "action = mint" (80% of all events) was
  // selective and scanned 800,000 rows for one application's first page.
  const narrower = filter.accountId || filter.applicationId ? '+' : '';
  if (filter.action) {
    where.push(`${narrower}h.action = :action`);
    params.action = filter.action;
  }
  if (filter.since) {
    where.push(`${narrower}h.at >= :since`);
    params.since = Date.parse(filter.since);
  }
  if (filter.until) {
    where.push(`${narrower}h.at < :until`);
    params.until = Date.parse(filter.until);
  }
  // CROSS JOIN keeps the FTS index as the outer loop (SQLite never reorders a CROSS JOIN).
  const from = text ? 'history_text t CROSS JOIN history h ON h.id = t.rowid' : 'history h';
  const sql = `SELECT h.* FROM ${from}
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY ${idColumn} DESC LIMIT :limit`;
  return { sql, params };
}

export function createHistoryRepo(db: Database.Database) {
  const insert = db.prepare(`INSERT INTO history
    (at, action, outcome, account_id, account_name, application_id, application_name, summary,
     details, error_code, error_message)
    VALUES (@at, @action, @outcome, @accountId, @accountName, @applicationId, @applicationName,
     @summary, @details, @errorCode, @errorMessage)`);
  const pruneBefore = db.prepare<[number]>(`DELETE FROM history WHERE at < ?`);
  const anyBefore = db.prepare<[number], { found: 1 }>(
    `SELECT 1 AS found FROM history WHERE at < ? LIMIT 1`,
  );
  const count = db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM history`);
  const statements = new Map<string, Database.Statement<Params, HistoryRow>>();

  function prepared(sql: string) {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare<Params, HistoryRow>(sql);
      statements.set(sql, statement);
    }
    return statement;
  }

  return {
    append(event: NewHistoryEvent): number {
      const result = insert.run({
        at: event.at,
        action: event.action,
        outcome: event.outcome,
        accountId: event.accountId ?? null,
        accountName: event.accountName ?? null,
        applicationId: event.applicationId ?? null,
        applicationName: event.applicationName ?? null,
        summary: event.summary,
        details: JSON.stringify(event.details ?? {}),
        errorCode: event.error?.code ?? null,
        errorMessage: event.error?.message ?? null,
      });
      return Number(result.lastInsertRowid);
    },

    page(filter: HistoryFilter, limit: number, cursor?: number): HistoryPage {
      const { sql, params } = buildQuery(filter, cursor, limit + 1);
      const rows = prepared(sql).all(params);
      const more = rows.length > limit;
      const events = rows.slice(0, limit).map(toEvent);
      return { events, nextCursor: more ? (events.at(-1)?.id ?? null) : null };
    },

    /** Every matching event, newest first, without holding them all in memory at once. */
    *all(filter: HistoryFilter, limit: number): Generator<HistoryEvent> {
      const { sql, params } = buildQuery(filter, undefined, limit);
      for (const row of prepared(sql).iterate(params)) yield toEvent(row);
    },

    /** Runs at every start: a read first, so a start with nothing due takes no write lock. */
    pruneBefore: (atMs: number) => (anyBefore.get(atMs) ? pruneBefore.run(atMs).changes : 0),
    count: () => count.get()?.n ?? 0,
  };
}

export type HistoryRepo = ReturnType<typeof createHistoryRepo>;
