/** OAuth constants without zod, so the renderer's first chunk can use them. */

/** The Vonage dashboard's OAuth 1.0a endpoints live under this base (request_token, authorize, …). */
export const defaultOAuthBaseUrl = 'https://dashboard.nexmo.com/oauth/';

/** Where the provider sends the browser back; the app catches it before it reaches the network. */
export const defaultCallbackUrl = 'http://127.0.0.1/keydesk/oauth/callback';

export const signatureMethods = ['HMAC-SHA1', 'HMAC-SHA256', 'PLAINTEXT'] as const;
export type SignatureMethod = (typeof signatureMethods)[number];
