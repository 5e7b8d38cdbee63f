import type Database from 'better-sqlite3';
import type { CheckCode, CheckResult, LastCheck } from '../../shared/check-schemas';

interface CheckResultRow {
  subject_id: string;
  kind: CheckResult['kind'];
  code: CheckCode;
  message: string;
  checked_at: string;
}

/**
 * Each account's and application's last answer from Vonage, for the sidebar and the Check all
 * screen. Removed with its account or application (triggers in migration 010).
 */
export function createCheckResultsRepo(db: Database.Database) {
  const save = db.prepare(`INSERT INTO check_results (subject_id, kind, code, message, checked_at)
    VALUES (@id, @kind, @code, @message, @checkedAt)
    ON CONFLICT (subject_id) DO UPDATE SET kind = excluded.kind, code = excluded.code,
      message = excluded.message, checked_at = excluded.checked_at`);
  const all = db.prepare<[], CheckResultRow>(`SELECT * FROM check_results`);
  return {
    save: (result: Pick<CheckResult, 'id' | 'kind' | 'code' | 'message' | 'checkedAt'>) =>
      save.run(result),
    all: (): LastCheck[] =>
      all.all().map((row) => ({
        id: row.subject_id,
        kind: row.kind,
        code: row.code,
        message: row.message,
        checkedAt: row.checked_at,
      })),
  };
}

export type CheckResultsRepo = ReturnType<typeof createCheckResultsRepo>;
