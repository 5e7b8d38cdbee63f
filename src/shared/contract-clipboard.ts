import * as z from 'zod';
import { mintResultSchema } from './jwt-schemas';
import { copyInputSchema } from './clipboard-schemas';
import type { ChannelSchemas } from './channel-schemas';

/** What main copies for the window, cleared after a while. The `clipboard:` slice of the contract (contract.ts). */
export const clipboardChannels = {
  'clipboard:copy': {
    input: copyInputSchema,
    output: z.object({
      /** What is on the clipboard now, in words ("JWT for Voice as a curl line"). */
      label: z.string(),
      /** When Keydesk clears it (ISO), or null when the settings say never. */
      clearsAt: z.string().nullable(),
      /** For a JWT: everything about the token except the token itself. */
      mint: mintResultSchema.omit({ token: true }).optional(),
    }),
  },
} as const satisfies ChannelSchemas;
