import * as z from 'zod';
import { isSecureOrLoopback } from './network-policy';

import {
  defaultCallbackUrl,
  defaultOAuthBaseUrl,
  signatureMethods,
  type SignatureMethod,
} from './oauth-constants';

export { defaultCallbackUrl, defaultOAuthBaseUrl, signatureMethods, type SignatureMethod };

export const oauthLimits = { key: 200, secret: 500, label: 100, url: 2048, params: 100 } as const;

export const consumerKeySchema = z
  .string()
  .trim()
  .min(1, 'Enter the consumer key (Dashboard > Apps > Developer).')
  .max(oauthLimits.key, `A consumer key can be at most ${oauthLimits.key} characters.`)
  .regex(/^[\x21-\x7e]+$/, 'A consumer key is printable ASCII without spaces.');

export const consumerSecretSchema = z
  .string()
  .min(1, 'Enter the consumer secret (Dashboard > Apps > Developer).')
  .max(oauthLimits.secret, `A consumer secret can be at most ${oauthLimits.secret} characters.`)
  .regex(/^[\x21-\x7e]+$/, 'A consumer secret is printable ASCII without spaces; check the paste.');

export const httpUrlSchema = z
  .string()
  .trim()
  .max(oauthLimits.url, `A URL can be at most ${oauthLimits.url} characters.`)
  .refine((text) => {
    try {
      const url = new URL(text);
      return (
        (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password
      );
    } catch {
      return false;
    }
  }, 'Enter an http(s) URL such as https://dashboard.nexmo.com/oauth/ (no user name or password in it).');

/**
 * The endpoint base always ends with "/" so "request_token" etc. resolve under it. https only
 * (the consumer secret signs every call), except a test provider on this machine.
 */
export const baseUrlSchema = httpUrlSchema
  .refine((text) => {
    try {
      return isSecureOrLoopback(new URL(text));
    } catch {
      return true; // not a URL at all: the check above already says so
    }
  }, 'Use an https URL (plain http only for a test server on 127.0.0.1 or localhost).')
  .transform((url) => (url.endsWith('/') ? url : `${url}/`));

export const consumerSummarySchema = z.object({
  id: z.string(),
  accountId: z.string(),
  accountName: z.string(),
  consumerKey: z.string(),
  baseUrl: z.string(),
  /** null: out-of-band, the user pastes the PIN the provider shows. */
  callbackUrl: z.string().nullable(),
  createdAt: z.string(),
});
export type ConsumerSummary = z.infer<typeof consumerSummarySchema>;

export const accessTokenSummarySchema = z.object({
  id: z.string(),
  consumerId: z.string(),
  consumerKey: z.string(),
  accountId: z.string(),
  accountName: z.string(),
  label: z.string(),
  obtainedAt: z.string(),
});
export type AccessTokenSummary = z.infer<typeof accessTokenSummarySchema>;

export const signInputSchema = z.strictObject({
  accountId: z.string().min(1).max(64),
  method: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3,7}$/, 'The method is an HTTP verb such as GET or POST.'),
  url: httpUrlSchema,
  params: z
    .array(z.tuple([z.string().min(1).max(200), z.string().max(4096)]), {
      error: 'Parameters are name/value pairs.',
    })
    .max(oauthLimits.params, `At most ${oauthLimits.params} parameters.`)
    .optional(),
  signatureMethod: z
    .enum(signatureMethods, { error: `Signature methods: ${signatureMethods.join(', ')}.` })
    .optional(),
  /** A stored access token (its id); left out: the account's newest. */
  tokenId: z.string().min(1).max(64).optional(),
});

export const signResultSchema = z.object({
  authorization: z.string(),
  baseString: z.string(),
  curl: z.string(),
  tokenId: z.string(),
  signatureMethod: z.enum(signatureMethods),
});
export type SignResult = z.infer<typeof signResultSchema>;
