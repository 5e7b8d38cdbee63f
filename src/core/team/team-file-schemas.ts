import * as z from 'zod';
import {
  accountNameSchema,
  apiKeySchema,
  apiSecretSchema,
  applicationIdSchema,
  applicationNameSchema,
  colorLabelSchema,
  pemInputSchema,
  signatureMethodSchema,
  signatureSecretSchema,
} from '../../shared/vault-schemas';

/**
 * A shared account's two files, as another member wrote them: held to the vault's own rules
 * before anything of them is stored (a member's Keydesk of another version, a hand edit).
 */
export const plainAccountSchema = z.object({
  format: z.literal(1),
  /** The sharer's account id, and the files' name: nothing a path could be made of. */
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'the account id holds only letters, digits, - and _'),
  name: accountNameSchema,
  apiKey: apiKeySchema,
  color: colorLabelSchema.optional(),
  signatureMethod: signatureMethodSchema.optional(),
  applications: z
    .array(
      z.object({
        id: applicationIdSchema,
        name: applicationNameSchema,
        fingerprint: z.string().max(200),
      }),
    )
    .max(1_000),
});

export const sealedAccountSchema = z.object({
  format: z.literal(1),
  apiSecret: apiSecretSchema,
  signatureSecret: signatureSecretSchema.optional(),
  applications: z
    .array(z.object({ id: applicationIdSchema, privateKey: pemInputSchema }))
    .max(1_000),
});

export type PlainAccount = z.infer<typeof plainAccountSchema>;
export type SealedAccount = z.infer<typeof sealedAccountSchema>;
