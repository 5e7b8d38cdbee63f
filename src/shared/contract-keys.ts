import * as z from 'zod';
import { keyInfoSchema, passphraseSchema, pemInputSchema } from './vault-schemas';
import type { ChannelSchemas } from './channel-schemas';

/** What a private key is, before it is stored. The `keys:` slice of the contract (contract.ts). */
export const keysChannels = {
  'keys:inspect': {
    input: z.strictObject({ pem: pemInputSchema, passphrase: passphraseSchema.optional() }),
    output: keyInfoSchema,
  },
} as const satisfies ChannelSchemas;
