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

/** A value as plain JSON data (what the journal and the replies to the test carry). */
export function plain(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value, jsonSafe)) as unknown);
}

/** Windows, sessions and the like are named, not expanded (they refer to each other). */
function jsonSafe(_key: string, value: unknown): unknown {
  if (typeof value === 'function') return '[function]';
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const proto = Object.getPrototypeOf(value) as object | null;
  if (proto === Object.prototype || proto === null) return value;
  const named = value as { id?: unknown; partition?: unknown };
  const which = named.id ?? named.partition;
  return `[${value.constructor.name}${which === undefined ? '' : ` ${String(which)}`}]`;
}

/** Electron's error for a call on a window or webContents that was destroyed. */
export function destroyedError(): TypeError {
  return new TypeError('Object has been destroyed');
}
