import { createHash, createHmac } from 'node:crypto';

/**
 * Webhook signatures as Vonage makes them, by node:crypto alone: the independent side of the
 * webhook tests (Keydesk's own signing code is never used to check its verifying).
 */
export const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

/** An HS256 token as Vonage signs a webhook. */
export function vonageWebhookToken(secret: string, claims: Record<string, unknown>): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

/** The sig of signed requests and SMS webhooks. */
export function vonageSig(params: Record<string, string>, secret: string, method: string): string {
  const text = Object.keys(params)
    .filter((name) => name !== 'sig')
    .sort()
    .map((name) => `&${name}=${(params[name] ?? '').replace(/[&=]/g, '_')}`)
    .join('');
  return method === 'md5hash'
    ? createHash('md5')
        .update(text + secret)
        .digest('hex')
    : createHmac(method, secret).update(text).digest('hex');
}
