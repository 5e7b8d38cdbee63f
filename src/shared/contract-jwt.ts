import * as z from 'zod';
import { decodeResultSchema, mintResultSchema, tokenInputSchema } from './jwt-schemas';
import { mintInputSchema } from './clipboard-schemas';
import type { ChannelSchemas } from './channel-schemas';

/** Vonage JWTs, minted and decoded. The `jwt:` slice of the contract (contract.ts). */
export const jwtChannels = {
  'jwt:mint': {
    input: mintInputSchema,
    output: mintResultSchema,
  },
  'jwt:decode': {
    input: z.strictObject({
      token: tokenInputSchema,
      /** Check the signature against this key (PEM) instead of the stored ones. */
      publicKeyPem: z.string().max(65_536, 'A public key is at most 64 KiB.').optional(),
    }),
    output: decodeResultSchema,
  },
} as const satisfies ChannelSchemas;
