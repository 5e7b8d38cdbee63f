import { z } from 'zod';
import { accountNameSchema, applicationIdSchema, applicationNameSchema } from './vault-schemas';

export const importFormats = [
  'nexmorc',
  'nexmo-app',
  'vonagerc',
  'vonage-app-json',
  'private-key',
] as const;
export type ImportFormat = (typeof importFormats)[number];

export const importFormatLabels: Record<ImportFormat, string> = {
  nexmorc: '.nexmorc (Nexmo CLI credentials)',
  'nexmo-app': '.nexmo-app (Nexmo CLI application)',
  vonagerc: '.vonagerc / ~/.vonage/config.json (Vonage CLI)',
  'vonage-app-json': 'vonage_app.json (Vonage CLI application)',
  'private-key': 'private key file',
};

export const importInputSchema = z.strictObject({
  fileName: z.string().min(1).max(255),
  content: z
    .string()
    .max(256 * 1024, 'That file is far larger than any Vonage credentials file (256 KiB at most).'),
  /** The folder the file came from, so a key path inside it (`private_key = private.key`) resolves. */
  sourceDir: z.string().max(4096).optional(),
  /** Account to use for an application when the file names none, or the name for a new account. */
  accountName: accountNameSchema.optional(),
  /** For a bare private key: the application it belongs to. */
  application: z
    .strictObject({ id: applicationIdSchema, name: applicationNameSchema.optional() })
    .optional(),
});
export type ImportInput = z.infer<typeof importInputSchema>;

const plannedAction = z.enum(['create', 'unchanged', 'conflict', 'error']);

export const importItemSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('account'),
    action: plannedAction,
    name: z.string(),
    apiKey: z.string(),
    hasSignatureSecret: z.boolean(),
    note: z.string().optional(),
  }),
  z.object({
    kind: z.literal('application'),
    action: plannedAction,
    id: z.string(),
    name: z.string(),
    accountName: z.string(),
    fingerprint: z.string().optional(),
    keyBits: z.number().int().optional(),
    note: z.string().optional(),
  }),
]);
export type ImportItem = z.infer<typeof importItemSchema>;

export const importPreviewSchema = z.object({
  format: z.enum(importFormats),
  formatLabel: z.string(),
  items: z.array(importItemSchema),
  /** True when applying would store something. */
  hasChanges: z.boolean(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importResultSchema = z.object({
  format: z.enum(importFormats),
  items: z.array(
    z.object({
      kind: z.enum(['account', 'application']),
      label: z.string(),
      outcome: z.enum(['created', 'unchanged', 'skipped', 'failed']),
      note: z.string().optional(),
    }),
  ),
});
export type ImportResult = z.infer<typeof importResultSchema>;
