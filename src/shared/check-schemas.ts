import * as z from 'zod';
import {
  applicationIdSchema,
  applicationNameSchema,
  applicationSummarySchema,
} from './vault-schemas';

/** What asking Vonage about a credential can find; each result has one, with what to do. */
export const checkCodes = [
  'OK',
  'AUTH_FAILED',
  'NOT_FOUND',
  'KEY_MISMATCH',
  'TOKEN_REFUSED',
  'RATE_LIMITED',
  'TIMEOUT',
  'UNREACHABLE',
  'BAD_RESPONSE',
  'SERVER_ERROR',
] as const;
export type CheckCode = (typeof checkCodes)[number];

export const checkInputSchema = z.union([
  z.strictObject({
    /** Accounts and applications by name or id (an application first, as the CLI reads them). */
    refs: z
      .array(z.string().trim().min(1, 'Name an account or application.').max(200))
      .min(1, 'Name what to check, or check all.')
      .max(1000, 'Check at most 1,000 at once, or all.'),
    concurrency: z.number().int().min(1).max(16).optional(),
  }),
  z.strictObject({
    all: z.literal(true),
    concurrency: z.number().int().min(1).max(16).optional(),
  }),
]);
export type CheckInput = z.infer<typeof checkInputSchema>;

export const checkResultSchema = z.object({
  kind: z.enum(['account', 'application']),
  id: z.string(),
  name: z.string(),
  /** The account's name (for an account, its own). */
  account: z.string(),
  ok: z.boolean(),
  code: z.enum(checkCodes),
  message: z.string(),
  /** What Vonage said that is worth keeping: the balance, the dashboard's name, capabilities… */
  details: z.record(z.string(), z.unknown()),
  checkedAt: z.string(),
});
export type CheckResult = z.infer<typeof checkResultSchema>;

export const syncResultSchema = z.object({
  account: z.object({ id: z.string(), name: z.string() }),
  applications: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      /** In both (stored), in the dashboard only (missing), in Keydesk only (deleted). */
      state: z.enum(['stored', 'missing', 'deleted']),
      keyMatches: z.boolean().optional(),
      dashboardName: z.string().optional(),
      capabilities: z.array(z.string()).optional(),
    }),
  ),
});
export type SyncResult = z.infer<typeof syncResultSchema>;

/** An account's or application's last answer from Vonage (the sidebar's mark). */
export const lastCheckSchema = checkResultSchema.pick({
  id: true,
  kind: true,
  code: true,
  message: true,
  checkedAt: true,
});
export type LastCheck = z.infer<typeof lastCheckSchema>;

export const rotateKeyInputSchema = z.strictObject({
  app: z.string().trim().min(1, 'Name the application.').max(200),
  /** Only the applications of this account (name or id). */
  account: z.string().trim().min(1, 'Name the account.').max(200).optional(),
});

export const addFromDashboardInputSchema = z.strictObject({
  account: z.string().trim().min(1, 'Name the account.').max(200),
  id: applicationIdSchema,
  /** The dashboard's name when not given. */
  name: applicationNameSchema.optional(),
});

export const keyChangeSchema = z.object({
  application: applicationSummarySchema,
  /** What happened, in a sentence. */
  message: z.string(),
});

/** Where requests to one of Vonage's hosts go: direct, or through which proxy (never its credentials). */
export const proxyInUseSchema = z.object({
  host: z.string(),
  /** host:port of the proxy; null: direct. */
  proxy: z.string().nullable(),
  /** HTTPS_PROXY, https_proxy, the system's proxy settings; null: direct. */
  from: z.string().nullable(),
});
