import { z } from 'zod';
import { decodeResultSchema, mintResultSchema, tokenInputSchema } from './jwt-schemas';
import { copyInputSchema, mintInputSchema } from './clipboard-schemas';
import {
  credentialEnvironmentInputSchema,
  credentialEnvironmentOutputSchema,
} from './credential-schemas';
import type { ChannelSchemas } from './contract';

/** Tokens minted and decoded, and what is handed out: the clipboard, a script's environment. One slice of the contract (contract.ts). */
export const tokenChannels = {
  /**
   * The credentials of an application (with its account's) or an account as the environment
   * variables a script reads, for `keydesk exec` and `keydesk env`; a fresh JWT for an application.
   */
  'credentials:environment': {
    reveals: true,
    input: credentialEnvironmentInputSchema,
    output: credentialEnvironmentOutputSchema,
  },
  'jwt:mint': {
    reveals: true,
    input: mintInputSchema,
    output: mintResultSchema,
  },
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
  'jwt:decode': {
    input: z.strictObject({
      token: tokenInputSchema,
      /** Check the signature against this key (PEM) instead of the stored ones. */
      publicKeyPem: z.string().max(65_536, 'A public key is at most 64 KiB.').optional(),
    }),
    output: decodeResultSchema,
  },
} as const satisfies ChannelSchemas;
