import { z } from 'zod';
import type { ChannelSchemas } from './contract';

export const keychainStateSchema = z.object({
  state: z.enum(['ok', 'unavailable', 'locked', 'timeout', 'failed']),
  message: z.string().optional(),
});

/** The app's state: version, data folder, keychain. The `system:` slice of the contract (contract.ts). */
export const systemChannels = {
  'system:status': {
    input: z.strictObject({}),
    output: z.object({
      version: z.string(),
      dataDir: z.string(),
      keychain: keychainStateSchema,
      notices: z.array(z.string()),
    }),
  },
} as const satisfies ChannelSchemas;
