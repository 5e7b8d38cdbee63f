import * as z from 'zod';
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
  'keychain:moveToFile': {
    input: z.strictObject({
      passphrase: passphraseSchema.min(
        8,
        'A passphrase for a new vault file needs at least 8 characters (four or five random words are better).',
      ),
    }),
    output: z.object({
      moved: z.number().int(),
      where: z.string(),
      leftBehind: z.array(z.string()),
    }),
  },
  /** A session's token opens the vault file's key until it ends: it is a secret. */
  'keychain:startSession': {
    input: z.strictObject({
      forSeconds: z
        .number()
        .int()
        .min(60, 'A session lasts at least a minute (--for 1m).')
        .max(7 * 86_400, 'A session lasts at most a week (--for 7d); start another after it.'),
      idleSeconds: z
        .number()
        .int()
        .min(60, 'A session may be left unused for at least a minute (--idle 1m).')
        .max(7 * 86_400, 'A session may be left unused for at most a week (--idle 7d).'),
    }),
    output: z.object({
      token: z.string(),
      expiresAt: z.string(),
      idleSeconds: z.number().int(),
      path: z.string(),
    }),
  },
  'keychain:endSessions': {
    input: z.strictObject({}),
    output: z.object({ ended: z.number().int() }),
  },
  'keychain:changePassphrase': {
    input: z.strictObject({
      /** The one in use, when typed with the new one; else the caller's passphrase source asks. */
      current: passphraseSchema.optional(),
      passphrase: passphraseSchema.min(
        8,
        'A new passphrase needs at least 8 characters (four or five random words are better).',
      ),
    }),
    output: z.object({ path: z.string(), endedSessions: z.number().int() }),
  },
} as const satisfies ChannelSchemas;
