import { KeydeskError } from '../../shared/errors';

/**
 * SQLite's failures in words a user can act on. Anything else is returned unchanged (and becomes
 * INTERNAL at the contract, which the fuzz tests keep out of reach).
 */
export function translateSqlError(error: unknown): unknown {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return error;
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return new KeydeskError(
      'CONFLICT',
      'Another item with the same name or id was saved at the same moment; try again.',
    );
  }
  if (
    code === 'SQLITE_BUSY' ||
    code.startsWith('SQLITE_BUSY_') ||
    code.startsWith('SQLITE_LOCKED')
  ) {
    return new KeydeskError(
      'DB_FAILED',
      'The Keydesk database is busy (another Keydesk is writing); try again.',
    );
  }
  if (code === 'SQLITE_FULL') {
    return new KeydeskError(
      'DB_FAILED',
      'The disk holding the Keydesk data folder is full: nothing was saved. Free some space and try again.',
    );
  }
  if (
    code.startsWith('SQLITE_READONLY') ||
    code.startsWith('SQLITE_CANTOPEN') ||
    code === 'SQLITE_PERM'
  ) {
    return new KeydeskError(
      'DB_FAILED',
      'The Keydesk data folder cannot be written to: nothing was saved. Check its permissions (or set KEYDESK_HOME) and try again.',
    );
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return new KeydeskError(
      'DB_FAILED',
      `The disk reported an error while saving (${code}): nothing was saved. Check the disk and try again.`,
    );
  }
  return error;
}
