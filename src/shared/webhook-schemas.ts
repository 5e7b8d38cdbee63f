import * as z from 'zod';
import { webhookSignatureMethods } from './webhook-methods';

export { webhookSignatureMethods, type WebhookSignatureMethod } from './webhook-methods';

/** Why a webhook or a signed request does not verify; each comes with a message saying what to do. */
export const webhookReasonCodes = [
  'SIGNATURE_MISMATCH',
  'SIGNED_BY_OTHER_ACCOUNT',
  'METHOD_MISMATCH',
  'PAYLOAD_HASH_MISMATCH',
  'BODY_RESERIALISED',
  'STALE_TIMESTAMP',
  'ISSUED_IN_FUTURE',
  'API_KEY_MISMATCH',
  'NO_SIGNATURE_SECRET',
  'MALFORMED',
] as const;
export type WebhookReasonCode = (typeof webhookReasonCodes)[number];

const accountRef = z.string().trim().min(1, 'Name the account.').max(200);
/** A pasted request or body: large enough for any webhook, small enough for IPC and the history. */
const pasted = z.string().max(1_048_576, 'Paste at most 1 MiB.');

export const webhookVerifyInputSchema = z.union([
  z.strictObject({
    scheme: z.literal('jwt'),
    account: accountRef.optional(),
    /** The whole HTTP request as received: request line, headers, a blank line, the body. */
    request: pasted.min(1, 'Paste the whole request.'),
  }),
  z.strictObject({
    scheme: z.literal('jwt'),
    account: accountRef.optional(),
    token: z.string().trim().min(1, 'Paste the token.').max(16_384),
    body: pasted,
  }),
  z.strictObject({
    scheme: z.literal('sig'),
    account: accountRef.optional(),
    /** A query string or a form body, with `sig`. */
    params: pasted.min(1, 'Paste the parameters with their sig.'),
  }),
]);
export type WebhookVerifyInput = z.infer<typeof webhookVerifyInputSchema>;

export const webhookReasonSchema = z.object({
  code: z.enum(webhookReasonCodes),
  message: z.string(),
});
export type WebhookReason = z.infer<typeof webhookReasonSchema>;

export const webhookVerdictSchema = z.object({
  valid: z.boolean(),
  scheme: z.enum(['jwt', 'sig']),
  /** The account checked against, when one was named or found. */
  account: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** The `sig` method that verified, or the account's; for a token, HS256. */
  method: z.string().nullable(),
  reasons: z.array(webhookReasonSchema),
  /** What a support engineer compares by eye: the claims, the hashes, the signed string. */
  details: z.object({
    claims: z.record(z.string(), z.unknown()).optional(),
    payloadHash: z.object({ expected: z.string(), computed: z.string() }).optional(),
    signedString: z.string().optional(),
  }),
});
export type WebhookVerdict = z.infer<typeof webhookVerdictSchema>;

export const webhookSignInputSchema = z.union([
  z.strictObject({
    scheme: z.literal('jwt'),
    account: accountRef,
    body: pasted,
    application: z.string().trim().min(1).max(200).optional(),
    /** Where the curl command sends the test webhook. */
    url: z.url({ protocol: /^https?$/, error: 'Give an http or https URL.' }).optional(),
  }),
  z.strictObject({
    scheme: z.literal('sig'),
    account: accountRef,
    params: pasted,
    method: z
      .enum(webhookSignatureMethods, {
        error: `The methods are ${webhookSignatureMethods.join(', ')}.`,
      })
      .optional(),
  }),
]);
export type WebhookSignInput = z.infer<typeof webhookSignInputSchema>;

export const webhookSignOutputSchema = z.union([
  z.object({
    scheme: z.literal('jwt'),
    token: z.string(),
    authorization: z.string(),
    curl: z.string().nullable(),
    claims: z.record(z.string(), z.unknown()),
  }),
  z.object({
    scheme: z.literal('sig'),
    query: z.string(),
    method: z.enum(webhookSignatureMethods),
    signedString: z.string(),
  }),
]);
export type WebhookSignOutput = z.infer<typeof webhookSignOutputSchema>;
