import * as z from 'zod';
import {
  accountIdInputSchema as accountId,
  accountNameSchema,
  accountSummarySchema,
  apiKeySchema,
  apiSecretSchema,
  applicationSummarySchema,
  colorLabelSchema,
  notesSchema,
  searchQuerySchema as searchQuery,
  signatureMethodSchema,
  signatureSecretSchema,
} from './vault-schemas';
import { revealableSecrets } from './secret-kinds';
import type { ChannelSchemas } from './channel-schemas';

/** Customer accounts: API key and secret, signature secret, notes. The `accounts:` slice of the contract (contract.ts). */
export const accountsChannels = {
  'accounts:list': {
    input: z.strictObject({ query: searchQuery }),
    output: z.array(accountSummarySchema),
  },
  'accounts:get': {
    input: z.strictObject({ id: accountId }),
    output: accountSummarySchema.extend({
      applications: z.array(applicationSummarySchema),
      /** A subaccount's primary account, named; and a primary's stored subaccounts. */
      primary: z.object({ id: z.string(), name: z.string() }).optional(),
      subaccounts: z.array(z.object({ id: z.string(), name: z.string(), apiKey: z.string() })),
    }),
  },
  /** An account by its name (any case) or id, as a person types it. */
  'accounts:resolve': {
    input: z.strictObject({ ref: z.string().trim().min(1, 'Name the account.').max(200) }),
    output: accountSummarySchema,
  },
  'accounts:create': {
    input: z.strictObject({
      name: accountNameSchema,
      apiKey: apiKeySchema,
      apiSecret: apiSecretSchema,
      signatureSecret: signatureSecretSchema.optional(),
      signatureMethod: signatureMethodSchema.optional(),
      color: colorLabelSchema.optional(),
      notes: notesSchema.optional(),
    }),
    output: accountSummarySchema,
  },
  'accounts:update': {
    input: z.strictObject({
      id: accountId,
      name: accountNameSchema.optional(),
      apiKey: apiKeySchema.optional(),
      apiSecret: apiSecretSchema.optional(),
      /** null removes the signature secret. */
      signatureSecret: signatureSecretSchema.nullable().optional(),
      signatureMethod: signatureMethodSchema.optional(),
      color: colorLabelSchema.optional(),
      notes: notesSchema.optional(),
    }),
    output: accountSummarySchema,
  },
  'accounts:remove': {
    input: z.strictObject({ id: accountId }),
    output: z.object({ removedApplications: z.number().int() }),
  },
  'accounts:revealSecret': {
    input: z.strictObject({ id: accountId, which: z.enum(revealableSecrets) }),
    output: z.object({ value: z.string() }),
  },
} as const satisfies ChannelSchemas;
