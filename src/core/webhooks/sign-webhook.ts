import { createHash, createHmac, randomUUID } from 'node:crypto';
import type { WebhookSignatureMethod } from '../../shared/webhook-methods';
import { shellQuote as quote } from '../shell-quote';
import { sigOf, signedString } from './sig-params';

/**
 * A test webhook as Vonage signs one: HS256 with the account's signature secret, claims `iat`,
 * `jti`, `iss`, `api_key`, `payload_hash` (SHA-256 hex of the body) and, when given,
 * `application_id`. For a customer to point at their own verifier.
 */
export function signWebhookToken(options: {
  secret: string;
  apiKey: string;
  body: string;
  applicationId?: string;
  nowSeconds: number;
}): { token: string; claims: Record<string, unknown> } {
  const claims: Record<string, unknown> = {
    iat: options.nowSeconds,
    jti: randomUUID(),
    iss: 'Vonage',
    api_key: options.apiKey,
    ...(options.applicationId ? { application_id: options.applicationId } : {}),
    payload_hash: createHash('sha256').update(options.body, 'utf8').digest('hex'),
  };
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signingInput = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
  const signature = createHmac('sha256', options.secret).update(signingInput).digest('base64url');
  return { token: `${signingInput}.${signature}`, claims };
}

/** The parameters with `timestamp` (now, unless given) and `sig` added, as a query string. */
export function signParams(
  params: [string, string][],
  secret: string,
  method: WebhookSignatureMethod,
  nowSeconds: number,
): { query: string; signedString: string } {
  const withTime = params.filter(([name]) => name !== 'sig');
  if (!withTime.some(([name]) => name === 'timestamp'))
    withTime.push(['timestamp', String(Math.floor(nowSeconds))]);
  const text = signedString(withTime);
  const query = new URLSearchParams([...withTime, ['sig', sigOf(text, secret, method)]]);
  return { query: query.toString(), signedString: text };
}

/** A curl command that posts the body with the token, quoted for a POSIX shell. */
export function webhookCurl(url: string, token: string, body: string): string {
  return [
    `curl -X POST ${quote(url)}`,
    `-H ${quote(`Authorization: Bearer ${token}`)}`,
    `-H 'Content-Type: application/json'`,
    `--data-binary ${quote(body)}`,
  ].join(' \\\n  ');
}
