import * as z from 'zod';
import { errorCodes } from './errors';
import { historyActions, type HistoryAction } from './history-actions';
import { aclLabelSchema } from './jwt-schemas';
import { groupDigits } from './group-digits';
import { historyLimits } from './limits';

export { historyActions, type HistoryAction };

/** Facts about an event worth searching or showing; never a token, never a secret. */
export const historyDetailsSchema = z
  .object({
    jti: z.string(),
    sub: z.string(),
    exp: z.number().int(),
    ttlSeconds: z.number().int(),
    acl: aclLabelSchema,
    /** SHA-256 (first 16 hex digits) of a custom ACL's canonical JSON. */
    aclHash: z.string(),
    /** Names only: claim values may hold anything. */
    customClaims: z.array(z.string()),
    fingerprint: z.string(),
    /** A Client SDK user's USR- id on Vonage (its name is the `sub`). */
    userId: z.string(),
    what: z.string(),
  })
  .partial();
export type HistoryDetails = z.infer<typeof historyDetailsSchema>;

export const historyEventSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  action: z.enum(historyActions),
  outcome: z.enum(['ok', 'failed']),
  accountId: z.string().optional(),
  accountName: z.string().optional(),
  applicationId: z.string().optional(),
  applicationName: z.string().optional(),
  summary: z.string(),
  details: historyDetailsSchema,
  error: z.object({ code: z.enum(errorCodes), message: z.string() }).optional(),
});
export type HistoryEvent = z.infer<typeof historyEventSchema>;

const isoTime = z.iso.datetime({
  offset: true,
  error: 'Use an ISO 8601 time such as 2026-11-01T09:00:00Z.',
});

export const historyFilterSchema = z.strictObject({
  accountId: z.string().min(1).max(64).optional(),
  applicationId: z.string().min(1).max(64).optional(),
  action: z
    .enum(historyActions, { error: `The history actions are ${historyActions.join(', ')}.` })
    .optional(),
  since: isoTime.optional(),
  until: isoTime.optional(),
  text: z.string().max(200, 'Search for at most 200 characters.').optional(),
});
export type HistoryFilter = z.infer<typeof historyFilterSchema>;

export { historyLimits };

export const historyListInputSchema = historyFilterSchema.extend({
  limit: z
    .number()
    .int()
    .min(1, 'Ask for at least one event.')
    .max(historyLimits.page, `A page holds at most ${historyLimits.page} events.`)
    .optional(),
  /** The `nextCursor` of the previous page. */
  cursor: z.number().int().positive().optional(),
});

export const historyPageSchema = z.object({
  events: z.array(historyEventSchema),
  /** Pass as `cursor` for the next (older) page; null when this was the last. */
  nextCursor: z.number().int().nullable(),
});
export type HistoryPage = z.infer<typeof historyPageSchema>;

export const historyExportInputSchema = historyFilterSchema.extend({
  limit: z
    .number()
    .int()
    .min(1)
    .max(
      historyLimits.export,
      `An export holds at most ${groupDigits(historyLimits.export)} events.`,
    )
    .optional(),
});
