import { z } from 'zod';
import {
  accountNameSchema,
  accountSummarySchema,
  apiKeySchema,
  apiSecretSchema,
  applicationIdSchema,
  applicationNameSchema,
  applicationSummarySchema,
  colorLabelSchema,
  jwtDefaultsSchema,
  keyInfoSchema,
  keySourceSchema,
  limits,
  notesSchema,
  passphraseSchema,
  pemInputSchema,
} from './vault-schemas';
import { importInputSchema, importPreviewSchema, importResultSchema } from './import-schemas';
import { doctorReportSchema } from './doctor-schemas';

const accountId = z.string().min(1, 'Choose an account.').max(64);
const searchQuery = z.string().max(limits.search).optional();

export const keychainStateSchema = z.object({
  state: z.enum(['ok', 'unavailable', 'locked', 'timeout', 'failed']),
  message: z.string().optional(),
});

/**
 * The whole IPC surface between renderer and main. Each channel has an input schema (checked in main
 * before anything runs) and an output schema (the renderer's type). Secrets travel towards the
 * renderer only through the channels marked `reveals`.
 */
export const contract = {
  'system:status': {
    input: z.strictObject({}),
    output: z.object({
      version: z.string(),
      dataDir: z.string(),
      keychain: keychainStateSchema,
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
  'accounts:create': {
    input: z.strictObject({
      name: accountNameSchema,
      apiKey: apiKeySchema,
      apiSecret: apiSecretSchema,
      signatureSecret: apiSecretSchema.optional(),
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
      signatureSecret: apiSecretSchema.nullable().optional(),
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
    input: z.strictObject({ id: accountId, which: z.enum(['apiSecret', 'signatureSecret']) }),
    output: z.object({ value: z.string() }),
  },
  'apps:list': {
    input: z.strictObject({ accountId: accountId.optional(), query: searchQuery }),
    output: z.array(applicationSummarySchema),
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
  'import:preview': {
    input: importInputSchema,
    output: importPreviewSchema,
  },
  'import:apply': {
    input: importInputSchema,
    output: importResultSchema,
  },
  'doctor:run': {
    input: z.strictObject({ fix: z.boolean() }),
    output: doctorReportSchema,
  },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const channels = Object.keys(contract) as Channel[];

/** What a caller passes (before zod defaults/transforms) and what a handler receives (after). */
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(contract, name);
}
