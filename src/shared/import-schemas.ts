import * as z from 'zod';
import {
  importFormats,
  importFormatLabels,
  maxImportFileBytes,
  type ImportFormat,
} from './import-formats';
import { accountNameSchema, applicationIdSchema, applicationNameSchema } from './vault-schemas';

export { importFormats, importFormatLabels, maxImportFileBytes, type ImportFormat };

const importChoices = {
  /** Account to use for an application when the file names none, or the name for a new account. */
  accountName: accountNameSchema.optional(),
  /** For a bare private key: the application it belongs to. */
  application: z
    .strictObject({ id: applicationIdSchema, name: applicationNameSchema.optional() })
    .optional(),
  /** The user agreed to read a key file named outside the imported file's folder. */
  allowOutsidePaths: z.boolean().optional(),
};

/**
 * A file the page read itself (chosen or dropped). The page never names a folder: a key path in
 * the file is outside any folder Keydesk knows, so it is read only with `allowOutsidePaths`.
 */
export const importInputSchema = z.strictObject({
  fileName: z.string().min(1).max(255),
  content: z
    .string()
    .max(
      maxImportFileBytes,
      'That file is far larger than any Vonage credentials file (256 KiB at most).',
    ),
  ...importChoices,
});
export type ImportInput = z.infer<typeof importInputSchema>;

/** The CLI's import: main reads the file itself, and key paths resolve against its folder. */
export const importFileInputSchema = z.strictObject({
  path: z.string().min(1, 'Name the file to import.').max(4096),
  ...importChoices,
});

/** What the importer works on: a file's text and, when main read it, the folder it came from. */
export type ImportSource = ImportInput & { sourceDir?: string };

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
    /** The key file the credentials file names, resolved. */
    keyPath: z.string().optional(),
    /** That file is outside the imported file's folder: read only when the user allows it. */
    keyOutside: z.boolean().optional(),
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
