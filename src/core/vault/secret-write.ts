import type Database from 'better-sqlite3';
import { KeydeskError } from '../../shared/errors';
import { translateSqlError } from '../db/translate-sql-error';
import type { Keychain } from '../keychain/keychain';

/** One keychain entry to write (a value) or to delete (null). */
export type SecretChange = readonly [ref: string, next: string | null];

export interface SecretWrite<T> {
  secrets: readonly SecretChange[];
  /**
   * The rows that go with them: run in one SQLite transaction, after every secret is in place. What
   * it returns (the summary read back inside the transaction) is the write's result, so a
   * concurrent write cannot slip between the change and its answer.
   */
  rows: () => T;
}

/**
 * The one way Keydesk changes a secret: its keychain entries and its database rows both change,
 * or both stay as they were. Each entry's current value is read first; the entries are changed in
 * order; then the rows, in one transaction. A failure at any step puts back, in reverse, every
 * entry already changed, and the error says which part failed. Used by every write of a secret:
 * accounts, application keys, OAuth consumers and tokens.
 */
export async function writeSecretsAndRows<T>(
  keychain: Keychain,
  db: Database.Database,
  { secrets, rows }: SecretWrite<T>,
): Promise<T> {
  const before: [ref: string, value: string | null][] = [];
  for (const [ref] of secrets) before.push([ref, await keychain.get(ref)]);
  const changed: [ref: string, value: string | null][] = [];
  try {
    for (const [index, [ref, next]] of secrets.entries()) {
      if (next === null) await keychain.delete(ref);
      else await keychain.set(ref, next);
      const previous = before[index];
      if (previous) changed.push(previous);
    }
  } catch (error) {
    await putBack(keychain, changed, error);
    throw error;
  }
  try {
    return db.transaction(rows)();
  } catch (error) {
    const translated = translateSqlError(error);
    await putBack(keychain, changed, translated);
    if (translated instanceof KeydeskError) throw translated;
    throw new KeydeskError(
      'DB_FAILED',
      `The database refused the change (${(error as Error).message}); the keychain was put back as it was.`,
    );
  }
}

/** Restores entries in reverse order; if that fails too, says exactly what is left to check. */
async function putBack(
  keychain: Keychain,
  changed: [ref: string, value: string | null][],
  cause: unknown,
): Promise<void> {
  const stuck: string[] = [];
  for (const [ref, value] of [...changed].reverse()) {
    try {
      if (value === null) await keychain.delete(ref);
      else await keychain.set(ref, value);
    } catch {
      stuck.push(ref);
    }
  }
  if (stuck.length > 0) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new KeydeskError(
      'KEYCHAIN_FAILED',
      `${reason} Keydesk then could not put back ${stuck.length} keychain entr${stuck.length === 1 ? 'y' : 'ies'} (${stuck.join(', ')}); run "keydesk doctor" once the keychain answers again.`,
    );
  }
}
