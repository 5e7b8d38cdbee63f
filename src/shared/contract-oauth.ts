import * as z from 'zod';
import { accountIdInputSchema as accountId } from './vault-schemas';
import {
  accessTokenSummarySchema,
  baseUrlSchema,
  consumerKeySchema,
  consumerSecretSchema,
  consumerSummarySchema,
  httpUrlSchema,
  oauthLimits,
  signInputSchema,
  signResultSchema,
} from './oauth-schemas';
import type { ChannelSchemas } from './channel-schemas';

/** OAuth 1.0a consumers, logins, tokens and signed requests. The `oauth:` slice of the contract (contract.ts). */
export const oauthChannels = {
  'oauth:consumers:list': {
    input: z.strictObject({ accountId: accountId.optional() }),
    output: z.array(consumerSummarySchema),
  },
  'oauth:consumers:create': {
    input: z.strictObject({
      accountId,
      consumerKey: consumerKeySchema,
      consumerSecret: consumerSecretSchema,
      /** Default: the Vonage dashboard's https://dashboard.nexmo.com/oauth/. */
      baseUrl: baseUrlSchema.optional(),
      /** null: out-of-band (PIN). Default: the app's own callback, caught before the network. */
      callbackUrl: httpUrlSchema.nullable().optional(),
    }),
    output: consumerSummarySchema,
  },
  'oauth:consumers:remove': {
    input: z.strictObject({ id: z.string().min(1).max(64) }),
    output: z.object({ removedTokens: z.number().int() }),
  },
  'oauth:tokens:list': {
    input: z.strictObject({ accountId: accountId.optional() }),
    output: z.array(accessTokenSummarySchema),
  },
  'oauth:tokens:forget': {
    input: z.strictObject({ id: z.string().min(1).max(64) }),
    output: accessTokenSummarySchema,
  },
  /** Runs all three legs, the middle one in an authorize window that catches the callback. */
  'oauth:login': {
    input: z.strictObject({
      consumerId: z.string().min(1).max(64),
      label: z.string().trim().max(oauthLimits.label).optional(),
    }),
    output: accessTokenSummarySchema,
  },
  /** Out-of-band: the first leg; the user opens the URL and comes back with a PIN. */
  'oauth:loginStart': {
    input: z.strictObject({ consumerId: z.string().min(1).max(64) }),
    output: z.object({ pendingId: z.string(), authorizeUrl: z.string() }),
  },
  'oauth:loginFinish': {
    input: z.strictObject({
      pendingId: z.string().min(1).max(64),
      pin: z.string().trim().min(1, 'Enter the PIN the provider showed.').max(200),
      label: z.string().trim().max(oauthLimits.label).optional(),
    }),
    output: accessTokenSummarySchema,
  },
  'oauth:sign': {
    input: signInputSchema,
    output: signResultSchema,
  },
  'oauth:send': {
    input: signInputSchema,
    output: z.object({
      signed: signResultSchema,
      status: z.number().int(),
      contentType: z.string(),
      body: z.string(),
    }),
  },
} as const satisfies ChannelSchemas;
