import * as z from 'zod';
import {
  historyExportInputSchema,
  historyListInputSchema,
  historyPageSchema,
} from './history-schemas';
import type { ChannelSchemas } from './channel-schemas';

/** The audit history. The `history:` slice of the contract (contract.ts). */
export const historyChannels = {
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
} as const satisfies ChannelSchemas;
