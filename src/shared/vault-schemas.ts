import * as z from 'zod';
import { colorLabels, type ColorLabel } from './color-labels';
import { jwtDefaultsSchema } from './jwt-schemas';
import { webhookSignatureMethods } from './webhook-methods';
import { groupDigits } from './group-digits';
import { invisibleMarks } from './invisible-marks';
import { limits } from './limits';

export { limits };

export { colorLabels, type ColorLabel };

const noControlChars = /^\P{Cc}*$/u;
/**
 * Direction overrides and invisible characters let a name look like another ("Acme" with a
 * right-to-left override, a zero-width space): in a list of customers that is how a token gets
 * minted for the wrong one, so names refuse them.
 */
const noSpoofingChars = new RegExp(`^[^${invisibleMarks}]*$`, 'u');

/** A display name: trimmed, one line, not empty, not huge. */
function nameSchema(what: string, emptyHint: string) {
  return z
    .string()
    .trim()
    .min(1, emptyHint)
    .max(limits.name, `${what} can be at most ${limits.name} characters.`)
    .regex(noControlChars, `${what} cannot contain line breaks or control characters.`)
    .regex(
      noSpoofingChars,
      `${what} cannot contain direction marks or invisible characters (they make one name look like another).`,
    );
}

export const accountNameSchema = nameSchema(
  'An account name',
  'Enter a name for the account, such as the customer it belongs to.',
);

export const apiKeySchema = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z0-9_-]{4,64}$/,
    'An API key is 4 to 64 letters, digits, "-" or "_" (Vonage keys look like "a1b2c3d4"). Copy it from the dashboard\'s Settings page.',
  );

export const apiSecretSchema = z
  .string()
  .min(1, 'Enter the API secret (the dashboard shows it under Settings > API keys).')
  .max(limits.apiSecret, `An API secret can be at most ${limits.apiSecret} characters.`)
  .regex(noControlChars, 'An API secret cannot contain line breaks or control characters.')
  .refine((s) => s.trim() === s, 'The API secret starts or ends with spaces; check the paste.');

/** The dashboard's "Signature secret" (API settings): signs webhooks and `sig` parameters. */
export const signatureSecretSchema = z
  .string()
  .min(1, 'Enter the signature secret (the dashboard shows it under Settings > API settings).')
  .max(limits.apiSecret, `A signature secret can be at most ${limits.apiSecret} characters.`)
  .regex(noControlChars, 'A signature secret cannot contain line breaks or control characters.')
  .refine(
    (s) => s.trim() === s,
    'The signature secret starts or ends with spaces; check the paste.',
  );

export const signatureMethodSchema = z.enum(webhookSignatureMethods, {
  error: `The signature methods are ${webhookSignatureMethods.join(', ')} (the dashboard's API settings say which).`,
});

export const notesSchema = z
  .string()
  .max(limits.notes, `Notes can be at most ${groupDigits(limits.notes)} characters.`);

export const colorLabelSchema = z.enum(colorLabels, {
  error: `Choose one of the colour labels: ${colorLabels.join(', ')}.`,
});

/** Vonage application ids are UUID-shaped; the seed docs use ids that are not RFC 4122 variants. */
export const applicationIdSchema = z
  .string()
  .trim()
  .regex(
    /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
    'An application id is a UUID such as aaaaaaaa-bbbb-cccc-dddd-0123456789ab (see the application page in the dashboard).',
  )
  .transform((id) => id.toLowerCase());

/** An account's id as a channel's input names it. */
export const accountIdInputSchema = z.string().min(1, 'Choose an account.').max(64);

/** What a list is filtered by: a name, an API key, an application id. */
export const searchQuerySchema = z.string().max(limits.search).optional();

export const applicationNameSchema = nameSchema(
  'An application name',
  'Enter a name for the application.',
);

export const pemInputSchema = z
  .string()
  .min(1, 'The private key is empty: give the key itself, or its file.')
  .max(
    limits.pem,
    'That is far larger than a private key (64 KiB at most); check what was pasted.',
  );

export const passphraseSchema = z
  .string()
  .max(limits.passphrase, `A passphrase can be at most ${limits.passphrase} characters.`);

export const keySourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('pem'),
    pem: pemInputSchema,
    passphrase: passphraseSchema.optional(),
  }),
  z.strictObject({ kind: z.literal('generate') }),
]);
export type KeySource = z.infer<typeof keySourceSchema>;

export const accountSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  apiKey: z.string(),
  color: z.enum(colorLabels),
  notes: z.string(),
  hasSignatureSecret: z.boolean(),
  /** How the signature secret signs `sig` parameters (the dashboard's setting). */
  signatureMethod: z.enum(webhookSignatureMethods),
  applicationCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** A subaccount's primary account, when both are in the vault. */
  primaryAccountId: z.string().optional(),
  /** Vonage's id of the stored API secret, when Keydesk made that secret (a rotation). */
  secretId: z.string().optional(),
  /** A secret rotation that stopped half-way (doctor --fix settles it with Vonage). */
  secretRotationSince: z.string().optional(),
  /** Shared through the team folder (`keydesk team share`). */
  sharedWithTeam: z.boolean().optional(),
});
export type AccountSummary = z.infer<typeof accountSummarySchema>;

export const pendingOperations = ['rotate', 'add'] as const;
export type PendingOperation = (typeof pendingOperations)[number];

export const applicationSummarySchema = z.object({
  id: z.string(),
  accountId: z.string(),
  accountName: z.string(),
  name: z.string(),
  publicKeyPem: z.string(),
  fingerprint: z.string(),
  keyBits: z.number().int(),
  jwtDefaults: jwtDefaultsSchema,
  /** The dashboard's name and capabilities at the last sync; null before one. */
  dashboard: z
    .object({ name: z.string(), capabilities: z.array(z.string()), syncedAt: z.string() })
    .nullable(),
  /**
   * A new key on its way to Vonage (a rotation, or an add with upload) that did not finish: the
   * process stopped between the keychain and Vonage's answer. `keydesk doctor --fix` finishes it.
   */
  pendingKey: z.object({ operation: z.enum(pendingOperations), since: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ApplicationSummary = z.infer<typeof applicationSummarySchema>;

export const keyInfoSchema = z.object({
  format: z.enum(['pkcs8', 'pkcs1']),
  encrypted: z.boolean(),
  bits: z.number().int(),
  fingerprint: z.string(),
  publicKeyPem: z.string(),
});
export type KeyInfo = z.infer<typeof keyInfoSchema>;
