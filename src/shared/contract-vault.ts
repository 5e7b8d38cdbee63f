import { z } from 'zod';
import {
  accountNameSchema,
  accountSummarySchema,
  apiKeySchema,
  apiSecretSchema,
  signatureMethodSchema,
  signatureSecretSchema,
  applicationIdSchema,
  applicationNameSchema,
  applicationSummarySchema,
  colorLabelSchema,
  keyInfoSchema,
  keySourceSchema,
  notesSchema,
  passphraseSchema,
  pemInputSchema,
} from './vault-schemas';
import { jwtDefaultsSchema } from './jwt-schemas';
import { doctorReportSchema } from './doctor-schemas';
import { revealableSecrets } from './secret-kinds';
import { limits } from './vault-schemas';
import type { ChannelSchemas } from './contract';

const accountId = z.string().min(1, 'Choose an account.').max(64);

const searchQuery = z.string().max(limits.search).optional();

export const keychainStateSchema = z.object({
  state: z.enum(['ok', 'unavailable', 'locked', 'timeout', 'failed']),
  message: z.string().optional(),
});

/** Accounts and applications, their keys, the vault's state and the doctor. One slice of the contract (contract.ts). */
export const vaultChannels = {
  'system:status': {
    input: z.strictObject({}),
    output: z.object({
      version: z.string(),
      dataDir: z.string(),
      keychain: keychainStateSchema,
      notices: z.array(z.string()),
    }),
  },
  'accounts:list': {
    input: z.strictObject({ query: searchQuery }),
    output: z.array(accountSummarySchema),
  },
  'accounts:get': {
    input: z.strictObject({ id: accountId }),
    output: accountSummarySchema.extend({ applications: z.array(applicationSummarySchema) }),
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
    reveals: true,
    input: z.strictObject({ id: accountId, which: z.enum(revealableSecrets) }),
    output: z.object({ value: z.string() }),
  },
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
    reveals: true,
    input: z.strictObject({ id: applicationIdSchema }),
    output: z.object({ pem: z.string() }),
  },
  'keys:inspect': {
    input: z.strictObject({ pem: pemInputSchema, passphrase: passphraseSchema.optional() }),
    output: keyInfoSchema,
  },
  'doctor:run': {
    input: z.strictObject({ fix: z.boolean() }),
    output: doctorReportSchema,
  },
} as const satisfies ChannelSchemas;
