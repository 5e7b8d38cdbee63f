/**
 * The methods an account's signature secret signs `sig` parameters with (a dashboard setting):
 * `md5hash` is MD5 of the string followed by the secret, the others are HMACs keyed by it.
 * Zod-free so the renderer's account form can list them.
 */
export const webhookSignatureMethods = ['md5hash', 'md5', 'sha1', 'sha256', 'sha512'] as const;
export type WebhookSignatureMethod = (typeof webhookSignatureMethods)[number];
export const defaultWebhookSignatureMethod: WebhookSignatureMethod = 'md5hash';
