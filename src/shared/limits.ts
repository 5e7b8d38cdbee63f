/**
 * The size limits of what Keydesk accepts, zod-free so the CLI can name them before it loads
 * the schemas that enforce them.
 */

/** Limits that keep a stray paste (a whole log file, a binary) from reaching the database or keychain. */
export const limits = {
  name: 100,
  apiSecret: 256,
  notes: 10_000,
  pem: 64 * 1024,
  passphrase: 1024,
  search: 200,
} as const;

export const historyLimits = { page: 500, defaultPage: 50, export: 1_000_000 } as const;
