import * as z from 'zod';
import { settingsSchema, settingsUpdateSchema } from './settings-schemas';
import type { ChannelSchemas } from './channel-schemas';

/** The settings the app and the CLI share. The `settings:` slice of the contract (contract.ts). */
export const settingsChannels = {
  'settings:get': {
    input: z.strictObject({}),
    output: settingsSchema,
  },
  'settings:update': {
    input: settingsUpdateSchema,
    output: settingsSchema,
  },
} as const satisfies ChannelSchemas;
