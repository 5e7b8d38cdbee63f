import * as z from 'zod';
import type { ChannelSchemas } from './channel-schemas';

export const keychainStateSchema = z.object({
  state: z.enum(['ok', 'unavailable', 'locked', 'timeout', 'failed']),
  message: z.string().optional(),
  /** Where secrets live: the OS keychain, or the encrypted vault file (`vaultFile`). */
  backend: z.enum(['os', 'file']),
  /** The vault file, when it is the keychain: where, and whether it exists yet. */
  vaultFile: z
    .object({
      path: z.string(),
      exists: z.boolean(),
      /** Chosen by itself because no OS keychain answered on this first run. */
      instead: z.boolean().optional(),
    })
    .optional(),
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
      /** The quick copy shortcut as main registered it (the app only); taken by another program when not registered. */
      quickCopyShortcut: z.object({ accelerator: z.string(), registered: z.boolean() }).optional(),
    }),
  },
} as const satisfies ChannelSchemas;
