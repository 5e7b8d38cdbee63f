import { createHash, createHmac } from 'node:crypto';
import type { WebhookSignatureMethod } from '../../shared/webhook-methods';

/**
 * The `sig` scheme of signed requests and SMS webhooks: every parameter but `sig`, sorted by
 * name, each value with `&` and `=` made `_`, written `&name=value…`. `md5hash` hashes that string
 * followed by the secret; the other methods are an HMAC of it keyed by the secret. Hex.
 */
export function signedString(params: ReadonlyArray<readonly [string, string]>): string {
  return params
    .filter(([name]) => name !== 'sig')
    .toSorted(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `&${name}=${value.replace(/[&=]/g, '_')}`)
    .join('');
}

export function sigOf(text: string, secret: string, method: WebhookSignatureMethod): string {
  if (method === 'md5hash')
    return createHash('md5')
      .update(text + secret)
      .digest('hex');
  return createHmac(method, secret).update(text).digest('hex');
}

/**
 * A query string or form body as name/value pairs, decoded as a web framework decodes them (a
 * leading `?` and surrounding blanks ignored). A name given twice keeps its last value, as the
 * frameworks Vonage's SDKs are used with do.
 */
export function parseParams(text: string): [string, string][] {
  const trimmed = text.trim().replace(/^\?/, '');
  const byName = new Map<string, string>();
  for (const [name, value] of new URLSearchParams(trimmed)) byName.set(name, value);
  return [...byName];
}
