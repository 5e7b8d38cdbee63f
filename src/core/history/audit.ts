import { KeydeskError, isKeydeskError } from '../../shared/errors';
import type { HistoryAction, HistoryDetails } from '../../shared/history-schemas';
import type { HistoryRepo } from './history-repo';
import { translateSqlError } from '../db/translate-sql-error';

/** Who an event is about; names are copied so the event still reads right after a rename. */
export interface EventSubject {
  accountId?: string;
  accountName?: string;
  applicationId?: string;
  applicationName?: string;
}

export interface EventDraft extends EventSubject {
  action: HistoryAction;
  summary: string;
  details?: HistoryDetails;
}

/**
 * Appends audit events. `track` runs an action and records it whether it succeeds or fails; a
 * failure is recorded with its error code and message (which never carry secrets) and re-thrown.
 */
export function createAudit(
  history: HistoryRepo,
  now: () => Date,
  appended: () => void = () => undefined,
) {
  function append(draft: EventDraft, error?: unknown): void {
    try {
      history.append({
        ...draft,
        at: now().getTime(),
        outcome: error === undefined ? 'ok' : 'failed',
        error: error === undefined ? undefined : describeError(error),
      });
      appended();
    } catch (writeError) {
      // When the action itself failed, its error says more than the history's (often the same
      // cause: a full disk); the failure cannot be recorded either way.
      if (error !== undefined) throw error;
      const reason = translateSqlError(writeError);
      throw new KeydeskError(
        'DB_FAILED',
        `"${draft.summary}" was done, but its history event could not be written: ${(reason as Error).message}`,
      );
    }
  }

  return {
    record: (draft: EventDraft) => append(draft),

    /**
     * `draft` describes the attempt (used when it fails); `describe` refines it from the result.
     * A result is only handed back once its event is written: no audit entry, no credential.
     */
    async track<T>(
      draft: EventDraft,
      run: () => Promise<T> | T,
      describe?: (value: T) => Partial<EventDraft>,
    ): Promise<T> {
      let value: T;
      try {
        value = await run();
      } catch (error) {
        append(draft, error);
        throw error;
      }
      append({ ...draft, ...describe?.(value) });
      return value;
    },
  };
}

export type Audit = ReturnType<typeof createAudit>;

function describeError(error: unknown): { code: KeydeskError['code']; message: string } {
  if (isKeydeskError(error)) return { code: error.code, message: error.message };
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}
