import { z } from 'zod';
import {
  historyExportInputSchema,
  historyListInputSchema,
  historyPageSchema,
} from './history-schemas';
import { settingsSchema, settingsUpdateSchema } from './settings-schemas';
import {
  importFileInputSchema,
  importInputSchema,
  importPreviewSchema,
  importResultSchema,
} from './import-schemas';
import type { ChannelSchemas } from './contract';

/** The audit history, the settings and imports. One slice of the contract (contract.ts). */
export const recordChannels = {
  'import:preview': {
    input: importInputSchema,
    output: importPreviewSchema,
  },
  'import:apply': {
    input: importInputSchema,
    output: importResultSchema,
  },
  /** The CLI's import: main reads the named file, and key paths resolve against its folder. */
  'import:previewFile': {
    input: importFileInputSchema,
    output: importPreviewSchema,
  },
  'import:applyFile': {
    input: importFileInputSchema,
    output: importResultSchema,
  },
  'history:list': {
    input: historyListInputSchema,
    output: historyPageSchema,
  },
  'history:export': {
    input: historyExportInputSchema,
    output: z.object({ csv: z.string(), rows: z.number().int() }),
  },
  'history:prune': {
    input: z.strictObject({}),
    output: z.object({ removed: z.number().int(), before: z.string() }),
  },
  'settings:get': {
    input: z.strictObject({}),
    output: settingsSchema,
  },
  'settings:update': {
    input: settingsUpdateSchema,
    output: settingsSchema,
  },
} as const satisfies ChannelSchemas;
