import * as z from 'zod';
import { aclChoiceSchema, aclPresetNames } from './acl';

/** Vonage's limits on a JWT's lifetime: at least 30 s, at most 24 h, 15 min when nothing is said. */
export const jwtLimits = {
  minTtlSeconds: 30,
  maxTtlSeconds: 86_400,
  defaultTtlSeconds: 900,
  /** How far nbf may be moved from iat either way. */
  maxNbfOffsetSeconds: 86_400,
  sub: 200,
  claimName: 100,
  claimsJsonBytes: 8 * 1024,
  token: 16 * 1024,
} as const;

const ttlRange = `between 30 seconds and 24 hours (${jwtLimits.minTtlSeconds}–${jwtLimits.maxTtlSeconds} s)`;

export const ttlSecondsSchema = z
  .number({ error: 'The TTL is a number of seconds.' })
  .int('The TTL is a whole number of seconds.')
  .min(jwtLimits.minTtlSeconds, `A Vonage JWT must live ${ttlRange}; this is too short.`)
  .max(jwtLimits.maxTtlSeconds, `A Vonage JWT must live ${ttlRange}; this is too long.`);

export const subSchema = z
  .string()
  .trim()
  .min(1, 'The subject (sub) is empty; leave it out instead.')
  .max(jwtLimits.sub, `The subject (sub) can be at most ${jwtLimits.sub} characters.`)
  .regex(/^\P{Cc}*$/u, 'The subject (sub) cannot contain line breaks or control characters.');

/** Claims Keydesk sets itself and that custom claims may not touch, with what to use instead. */
export const reservedClaims: Readonly<Record<string, string>> = {
  application_id: 'it always names the application whose key signs the token',
  iat: 'it is always the moment of minting',
  jti: 'it is a fresh UUID for every token',
  exp: 'set the lifetime with the TTL instead',
  nbf: 'set it with the nbf option instead',
  sub: 'set it with the sub option instead',
  acl: 'set it with an ACL preset or custom ACL instead',
};

export const customClaimsSchema = z
  .record(
    z
      .string()
      .min(1, 'A claim name cannot be empty.')
      .max(jwtLimits.claimName, `A claim name can be at most ${jwtLimits.claimName} characters.`)
      .regex(/^\P{Cc}+$/u, 'A claim name cannot contain control characters.')
      .refine((name) => !Object.hasOwn(reservedClaims, name), {
        error: (issue) =>
          `The claim "${String(issue.input)}" cannot be set as a custom claim: ${reservedClaims[String(issue.input)] ?? ''}.`,
      }),
    z.json(),
  )
  .refine((claims) => JSON.stringify(claims).length <= jwtLimits.claimsJsonBytes, {
    error: `Custom claims can be at most ${jwtLimits.claimsJsonBytes / 1024} KiB of JSON.`,
  });

/** What an application uses when a mint does not say: stored per application. */
export const jwtDefaultsSchema = z.strictObject({
  ttlSeconds: ttlSecondsSchema.optional(),
  sub: subSchema.optional(),
  acl: aclChoiceSchema.optional(),
});
export type JwtDefaults = z.infer<typeof jwtDefaultsSchema>;

export const nbfOffsetSchema = z
  .number({ error: 'nbf is a number of seconds from now.' })
  .int('nbf is a whole number of seconds from now.')
  .min(
    -jwtLimits.maxNbfOffsetSeconds,
    'nbf can be at most 24 hours in the past (it is seconds from now; negative moves it back).',
  )
  .max(jwtLimits.maxNbfOffsetSeconds, 'nbf can be at most 24 hours in the future.');

/** How a mint's values were chosen, so the UI and history can say "ACL: client-sdk" plainly. */
export const aclLabelSchema = z.enum([...aclPresetNames, 'custom']);

const unixSeconds = z.number().int();

export const mintResultSchema = z.object({
  token: z.string(),
  header: z.object({ alg: z.literal('RS256'), typ: z.literal('JWT') }),
  claims: z.record(z.string(), z.unknown()),
  applicationId: z.string(),
  applicationName: z.string(),
  accountId: z.string(),
  accountName: z.string(),
  jti: z.string(),
  iat: unixSeconds,
  exp: unixSeconds,
  nbf: unixSeconds.optional(),
  ttlSeconds: z.number().int(),
  acl: aclLabelSchema,
});
export type MintResult = z.infer<typeof mintResultSchema>;

export const tokenInputSchema = z
  .string()
  .trim()
  .min(1, 'Paste a JWT (three base64url parts separated by dots).')
  .max(
    jwtLimits.token,
    `That is larger than any Vonage JWT (${jwtLimits.token / 1024} KiB at most); check what was pasted.`,
  );

const timeInfoSchema = z.object({
  unix: z.number(),
  iso: z.string(),
  /** "in 14 min", "3 h ago", at the moment of decoding; the UI keeps its own live countdown. */
  relative: z.string(),
});

export const diagnosticCodes = [
  'signature-unverified',
  'application-key-mismatch',
  'application-unknown',
  'signed-by-other-application',
  'algorithm-not-rs256',
  'type-not-jwt',
  'claim-missing',
  'claim-not-a-number',
  'expired',
  'not-yet-valid',
  'lifetime-over-24h',
  'lifetime-under-30s',
  'issued-in-future',
  'time-in-milliseconds',
] as const;

export const diagnosticSchema = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  code: z.enum(diagnosticCodes),
  message: z.string(),
});
export type Diagnostic = z.infer<typeof diagnosticSchema>;

export const decodeResultSchema = z.object({
  header: z.record(z.string(), z.unknown()),
  claims: z.record(z.string(), z.unknown()),
  times: z.object({
    iat: timeInfoSchema.optional(),
    nbf: timeInfoSchema.optional(),
    exp: timeInfoSchema.optional(),
  }),
  expired: z.boolean(),
  notYetValid: z.boolean(),
  signature: z.object({
    verified: z.boolean(),
    /** The stored application whose public key verifies the signature. */
    verifiedBy: z.object({ id: z.string(), name: z.string(), accountName: z.string() }).optional(),
    checkedKeys: z.number().int(),
    /** Checked against a public key the caller gave (decode --public-key), not the stored ones. */
    givenKey: z.boolean().optional(),
  }),
  diagnostics: z.array(diagnosticSchema),
});
export type DecodeResult = z.infer<typeof decodeResultSchema>;
