import { z } from 'zod';
import type { ChannelSchemas } from './channel-schemas';

const passphraseSchema = z
  .string()
  .min(1, 'Enter the passphrase of the vault file.')
  .max(1024, 'A passphrase is at most 1024 characters.');

/**
 * The keychain itself: the vault file's unlock and lock (the window's unlock screen), and moving
 * every secret of this vault between the OS keychain and the file (the CLI). The `keychain:`
 * slice of the contract (contract.ts).
 */
export const keychainChannels = {
  'keychain:unlock': {
    input: z.strictObject({ passphrase: passphraseSchema }),
    output: z.object({ created: z.boolean() }),
  },
  'keychain:lock': {
    input: z.strictObject({}),
    output: z.object({ locked: z.boolean() }),
  },
  'keychain:migrate': {
    input: z.strictObject({
      to: z.enum(['os', 'file'], { error: 'Migrate --to os or --to file.' }),
    }),
    output: z.object({
      from: z.enum(['os', 'file']),
      to: z.enum(['os', 'file']),
      moved: z.number().int(),
      /** Where the secrets are now, said for a person (the file's path, or the OS keychain). */
      where: z.string(),
      /** Old copies that could not be removed, by reference: worth a look, nothing is lost. */
      leftBehind: z.array(z.string()),
    }),
  },
} as const satisfies ChannelSchemas;
