import * as z from 'zod';
import { aclChoiceSchema } from './acl';
import { customClaimsSchema, nbfOffsetSchema, subSchema, ttlSecondsSchema } from './jwt-schemas';
import { tokenFormats } from './presets';
import { applicationIdSchema } from './vault-schemas';

const accountId = z.string().min(1, 'Choose an account.').max(64);

/** What a mint asks for; shared by `jwt:mint` and "Copy JWT" (`clipboard:copy`). */
export const mintInputSchema = z
  .strictObject({
    applicationId: applicationIdSchema,
    /** Left out: the application's default, then the settings' default (15 min). */
    ttlSeconds: ttlSecondsSchema.optional(),
    /** nbf relative to iat (negative back-dates it, for a customer's clock that runs behind). */
    nbfOffsetSeconds: nbfOffsetSchema.optional(),
    /**
     * nbf as a Unix time, kept exactly (the CLI's --nbf 1767225600): an offset taken when the
     * command started would drift by however long opening the keychain took. Not with an offset.
     */
    nbfAt: z
      .number({ error: 'nbf is a Unix time in seconds.' })
      .int('nbf is a whole number of seconds.')
      .min(1_000_000_000, 'nbf as a time is a Unix time in seconds (1e9 and later).')
      .max(99_999_999_999, 'nbf as a time is a Unix time in seconds, not milliseconds.')
      .optional(),
    /** null: no sub, even when the application has a default one. */
    sub: subSchema.nullable().optional(),
    acl: aclChoiceSchema.optional(),
    claims: customClaimsSchema.optional(),
  })
  .refine((mint) => mint.nbfOffsetSeconds === undefined || mint.nbfAt === undefined, {
    message: 'Give nbf as an offset or as a time, not both.',
    path: ['nbfAt'],
  });

const tokenFormatSchema = z.enum(tokenFormats, {
  error: `Copy a token as one of: ${tokenFormats.join(', ')}.`,
});

/**
 * Everything "Copy" in the app: main writes the clipboard (and clears it later), so secrets and
 * tokens never pass through the renderer.
 */
export const copyInputSchema = z.discriminatedUnion(
  'what',
  [
    z.strictObject({ what: z.literal('jwt'), format: tokenFormatSchema, mint: mintInputSchema }),
    z.strictObject({
      what: z.literal('lastJwt'),
      applicationId: applicationIdSchema,
      format: tokenFormatSchema,
    }),
    z.strictObject({ what: z.literal('apiKey'), accountId }),
    z.strictObject({ what: z.literal('apiSecret'), accountId }),
    z.strictObject({ what: z.literal('basicAuth'), accountId }),
    z.strictObject({ what: z.literal('signatureSecret'), accountId }),
    z.strictObject({
      what: z.literal('environment'),
      format: z.enum(['dotenv', 'shell'], { error: 'Copy the variables as dotenv or shell.' }),
      ref: z.union([
        z.strictObject({ accountId }),
        z.strictObject({ applicationId: applicationIdSchema }),
      ]),
    }),
    z.strictObject({ what: z.literal('publicKey'), applicationId: applicationIdSchema }),
    /** Text the page already shows (a signed header, a base string, a curl line). */
    z.strictObject({
      what: z.literal('text'),
      text: z
        .string()
        .min(1)
        .max(64 * 1024),
      label: z.string().min(1).max(100),
    }),
  ],
  {
    error:
      'Say what to copy: jwt, lastJwt, apiKey, apiSecret, basicAuth, signatureSecret, environment, publicKey or text.',
  },
);
