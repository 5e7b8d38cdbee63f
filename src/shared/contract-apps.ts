import * as z from 'zod';
import {
  accountIdInputSchema as accountId,
  applicationIdSchema,
  applicationNameSchema,
  applicationSummarySchema,
  keySourceSchema,
  searchQuerySchema as searchQuery,
} from './vault-schemas';
import { jwtDefaultsSchema } from './jwt-schemas';
import type { ChannelSchemas } from './channel-schemas';

/** Applications and their private keys. The `apps:` slice of the contract (contract.ts). */
export const appsChannels = {
  'apps:list': {
    input: z.strictObject({ accountId: accountId.optional(), query: searchQuery }),
    output: z.array(applicationSummarySchema),
  },
  /** Every application's id and names, without keys or defaults: what the palette searches. */
  'apps:index': {
    input: z.strictObject({}),
    output: z.array(
      applicationSummarySchema.pick({ id: true, name: true, accountId: true, accountName: true }),
    ),
  },
  /** An application by its id or its name (which must then be unambiguous). */
  'apps:resolve': {
    input: z.strictObject({
      ref: z.string().trim().min(1, 'Name the application.').max(200),
      /** Only the applications of this account (name or id): two accounts may both have "Voice". */
      account: z.string().trim().min(1, 'Name the account.').max(200).optional(),
    }),
    output: applicationSummarySchema,
  },
  'apps:get': {
    input: z.strictObject({ id: applicationIdSchema }),
    output: applicationSummarySchema,
  },
  'apps:create': {
    input: z.strictObject({
      accountId,
      id: applicationIdSchema,
      name: applicationNameSchema,
      key: keySourceSchema,
      jwtDefaults: jwtDefaultsSchema.optional(),
    }),
    output: applicationSummarySchema,
  },
  'apps:update': {
    input: z.strictObject({
      id: applicationIdSchema,
      name: applicationNameSchema.optional(),
      jwtDefaults: jwtDefaultsSchema.optional(),
    }),
    output: applicationSummarySchema,
  },
  'apps:replaceKey': {
    input: z.strictObject({ id: applicationIdSchema, key: keySourceSchema }),
    output: applicationSummarySchema,
  },
  'apps:remove': {
    input: z.strictObject({ id: applicationIdSchema }),
    output: z.object({ removed: z.literal(true) }),
  },
  'apps:exportPrivateKey': {
    input: z.strictObject({ id: applicationIdSchema }),
    output: z.object({ pem: z.string() }),
  },
} as const satisfies ChannelSchemas;
