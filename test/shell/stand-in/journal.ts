import { appendFileSync } from 'node:fs';

export interface JournalEntry {
  what: string;
  [detail: string]: unknown;
}

/**
 * Everything the app does to Electron, one JSON line each, written synchronously: the app may
 * end the process at any moment (app.exit, the end of a quit), and the test still reads it all.
 */
export function record(what: string, detail: Record<string, unknown> = {}): void {
  const file = process.env.KEYDESK_STANDIN_JOURNAL;
  if (!file) return;
  appendFileSync(file, `${JSON.stringify({ what, ...detail }, jsonSafe)}\n`);
}

function jsonSafe(_key: string, value: unknown): unknown {
  if (typeof value === 'function') return '[function]';
  if (typeof value === 'bigint') return value.toString();
  return value;
}

/** Electron's error for a call on a window or webContents that was destroyed. */
export function destroyedError(): TypeError {
  return new TypeError('Object has been destroyed');
}
